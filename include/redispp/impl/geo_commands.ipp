#pragma once
// The command builders of <redispp/commands/geo.hpp> that are not templates: compiled once into
// the library, so that a program including the header does not instantiate the Command<T>,
// encoder and conversion code of every command it does not call (compile time: bench/README.md).

#include <redispp/commands/geo.hpp>

namespace redispp::cmd {

REDISPP_DECL Command<long long> geoadd(std::string_view key, std::initializer_list<GeoMember> members, const GeoAddOptions& o) {
  ArgumentWriter w("GEOADD", key);
  detail::add_geo_flags(w, o);
  detail::add_geo_members(w, members);
  return Command<long long>(std::move(w), first_key);
}

REDISPP_DECL Command<std::vector<GeoLocation>> geosearch(std::string_view key, const GeoSearchOptions& o) {
  ArgumentWriter w("GEOSEARCH", key);
  detail::add_geo_search(w, "GEOSEARCH", o);
  return Command<std::vector<GeoLocation>>(std::move(w), first_key, CommandFlags::read_only);
}

REDISPP_DECL Command<long long> geosearchstore(std::string_view destination, std::string_view source, const GeoSearchOptions& o, bool storedist) {
  ArgumentWriter w("GEOSEARCHSTORE", destination, source);
  detail::add_geo_search(w, "GEOSEARCHSTORE", o);
  w.add_if(storedist, "STOREDIST");
  return Command<long long>(std::move(w), KeyPositions::range(1, 2));
}

REDISPP_DECL Command<std::vector<GeoLocation>> georadius(std::string_view name, std::string_view key, double longitude, double latitude, double radius, GeoUnit unit, const GeoRadiusOptions& o) {
  ArgumentWriter w(name, key, longitude, latitude, radius, detail::geo_unit_name(unit));
  detail::add_geo_result_options(w, name, "GeoRadiusOptions", o);
  return Command<std::vector<GeoLocation>>(std::move(w), first_key,
                                           name.ends_with("_RO") ? CommandFlags::read_only : CommandFlags::none);
}

REDISPP_DECL Command<long long> georadius_store(std::string_view key, double longitude, double latitude, double radius, GeoUnit unit, std::string_view destination, const GeoRadiusOptions& o, bool storedist) {
  ArgumentWriter w("GEORADIUS", key, longitude, latitude, radius, detail::geo_unit_name(unit));
  detail::add_geo_result_options(w, "GEORADIUS", "GeoRadiusOptions", o);
  w.add(storedist ? "STOREDIST" : "STORE", destination);
  return Command<long long>(std::move(w), first_key.plus(KeyPositions::at(-1))  /* STORE destination: the last argument */);
}

}  // namespace redispp::cmd
