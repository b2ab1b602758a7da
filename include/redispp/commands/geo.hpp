#pragma once
// Geospatial commands. https://redis.io/commands/?group=geo
//
// Types:
//   a position ([longitude, latitude])   GeoPosition {longitude, latitude}
//   GEOPOS                               std::vector<std::optional<GeoPosition>> (nullopt for a
//                                        missing member)
//   GEODIST                              std::optional<double> in the unit asked (nullopt when a
//                                        member is missing)
//   GEOHASH                              std::vector<std::optional<std::string>>
//   GEOSEARCH, GEORADIUS*                std::vector<GeoLocation>: the member, and its distance,
//                                        hash and position when WITHDIST / WITHHASH / WITHCOORD
//                                        were asked for (nullopt otherwise)
//   GEOADD, GEOSEARCHSTORE, *_store      long long
// Units are GeoUnit (m, km, mi, ft). Search options are one struct, every field defaulted:
//   r.geosearch("sicily", {.from_lonlat = redispp::GeoPosition{15, 37}, .by_radius = 200,
//                          .unit = redispp::GeoUnit::km, .asc = true, .withdist = true});

#include <initializer_list>  // std::initializer_list
#include <optional>          // std::optional
#include <string>            // std::string
#include <string_view>       // std::string_view
#include <type_traits>       // std::type_identity
#include <utility>           // std::pair
#include <vector>            // std::vector

#include <redispp/commands/command.hpp>
#include <redispp/commands/exclusive_options.hpp>
#include <redispp/commands/host_result.hpp>
#include <redispp/commands/options.hpp>
#include <redispp/errors.hpp>

#include <redispp/config.hpp>  // REDISPP_DECL

namespace redispp {

/// Distance units of the geo commands.
enum class GeoUnit { m, km, mi, ft };

/// A position on the earth, in degrees.
struct GeoPosition {
  double longitude = 0;
  double latitude = 0;

  friend bool operator==(const GeoPosition&, const GeoPosition&) = default;
  friend REDISPP_DECL GeoPosition redispp_from_reply(Reply&& reply, std::type_identity<GeoPosition>);  // impl/geo_replies.ipp
};

/// A member to add with GEOADD: r.geoadd("sicily", {{13.361389, 38.115556, "Palermo"}}).
struct GeoMember {
  double longitude = 0;
  double latitude = 0;
  std::string_view member = {};
};

/// GEOADD options: nx (only add new members), xx (only update existing ones), ch (count changed
/// members, not only added ones).
struct GeoAddOptions {
  bool nx = false;
  bool xx = false;
  bool ch = false;
};

/// A width and a height, for BYBOX.
struct GeoBox {
  double width = 0;
  double height = 0;
};

/// What GEORADIUS* return besides the members, and in which order and how many.
struct GeoRadiusOptions {
  bool withcoord = false;
  bool withdist = false;
  bool withhash = false;
  std::optional<long long> count = std::nullopt;
  bool any = false;  // with count: stop at the first `count` matches (not the nearest)
  bool asc = false;  // nearest first
  bool desc = false;
};

/// GEOSEARCH / GEOSEARCHSTORE: the centre (from_member or from_lonlat), the shape (by_radius or
/// by_box, in `unit`), and then as GeoRadiusOptions. GEOSEARCHSTORE refuses the with* flags.
struct GeoSearchOptions {
  std::optional<std::string> from_member = std::nullopt;
  std::optional<GeoPosition> from_lonlat = std::nullopt;
  std::optional<double> by_radius = std::nullopt;
  std::optional<GeoBox> by_box = std::nullopt;
  GeoUnit unit = GeoUnit::m;
  bool asc = false;
  bool desc = false;
  std::optional<long long> count = std::nullopt;
  bool any = false;
  bool withcoord = false;
  bool withdist = false;
  bool withhash = false;
};

/// One match of GEOSEARCH / GEORADIUS*: the member, and what the WITH* flags asked for.
struct GeoLocation {
  std::string member;
  std::optional<double> dist;                // WITHDIST, in the search's unit
  std::optional<long long> hash;             // WITHHASH: the 52-bit geohash score
  std::optional<GeoPosition> coordinates;    // WITHCOORD

  friend bool operator==(const GeoLocation&, const GeoLocation&) = default;
  // A bare member name, or [member, dist?, hash?, [lon, lat]?] in that order: the kinds tell
  // them apart (the distance is text or a double, the hash an integer, the position an array).
  friend REDISPP_DECL GeoLocation redispp_from_reply(Reply&& reply, std::type_identity<GeoLocation>);  // impl/geo_replies.ipp
};

namespace cmd {

namespace detail {
inline std::string_view geo_unit_name(GeoUnit unit) noexcept {
  switch (unit) {
    case GeoUnit::km: return "km";
    case GeoUnit::mi: return "mi";
    case GeoUnit::ft: return "ft";
    case GeoUnit::m: break;
  }
  return "m";
}
template <class Options>
void add_geo_result_options(ArgumentWriter& w, std::string_view command, std::string_view options, const Options& o) {
  static constexpr std::string_view orders[] = {"asc", "desc"};
  check_exclusive(set_fields(o.asc, o.desc), command, options, orders, "pick one order");
  if (o.any && !o.count) throw DataError(std::string(command) + ": " + std::string(options) + ".any needs a count");
  w.add_if(o.withcoord, "WITHCOORD").add_if(o.withdist, "WITHDIST").add_if(o.withhash, "WITHHASH");
  if (o.count) w.add("COUNT", *o.count);
  w.add_if(o.any, "ANY").add_if(o.asc, "ASC").add_if(o.desc, "DESC");
}
inline void add_geo_search(ArgumentWriter& w, std::string_view command, const GeoSearchOptions& o) {
  static constexpr std::string_view centres[] = {"from_member", "from_lonlat"};
  check_exclusive(set_fields(o.from_member, o.from_lonlat), command, "GeoSearchOptions", centres, "pick one centre");
  static constexpr std::string_view shapes[] = {"by_radius", "by_box"};
  check_exclusive(set_fields(o.by_radius, o.by_box), command, "GeoSearchOptions", shapes, "pick one shape");
  if (!o.from_member && !o.from_lonlat)
    throw DataError(std::string(command) + ": give GeoSearchOptions.from_member or GeoSearchOptions.from_lonlat");
  if (!o.by_radius && !o.by_box)
    throw DataError(std::string(command) + ": give GeoSearchOptions.by_radius or GeoSearchOptions.by_box");
  if (o.from_member) w.add("FROMMEMBER", *o.from_member);
  else w.add("FROMLONLAT", o.from_lonlat->longitude, o.from_lonlat->latitude);
  if (o.by_radius) w.add("BYRADIUS", *o.by_radius, geo_unit_name(o.unit));
  else w.add("BYBOX", o.by_box->width, o.by_box->height, geo_unit_name(o.unit));
  add_geo_result_options(w, command, "GeoSearchOptions", o);
}
inline void add_geo_members(ArgumentWriter& w, std::initializer_list<GeoMember> members) {
  for (const GeoMember& m : members) w.add(m.longitude, m.latitude, m.member);
}
inline void add_geo_flags(ArgumentWriter& w, const GeoAddOptions& o) {
  static constexpr std::string_view conditions[] = {"nx", "xx"};
  check_exclusive(set_fields(o.nx, o.xx), "GEOADD", "GeoAddOptions", conditions,
                  "nx adds only new members, xx only updates");
  w.add_if(o.nx, "NX").add_if(o.xx, "XX").add_if(o.ch, "CH");
}
}  // namespace detail

REDISPP_DECL Command<long long> geoadd(std::string_view key, std::initializer_list<GeoMember> members,
                                 const GeoAddOptions& o);
template <class M>
Command<long long> geoadd(std::string_view key, double longitude, double latitude, const M& member,
                          const GeoAddOptions& o) {
  ArgumentWriter w("GEOADD", key);
  detail::add_geo_flags(w, o);
  w.add(longitude, latitude, member);
  return Command<long long>(std::move(w), first_key);
}
template <class A, class B>
Command<std::optional<double>> geodist(std::string_view key, const A& member1, const B& member2, GeoUnit unit) {
  return make_read_command<std::optional<double>>(first_key, "GEODIST", key, member1, member2, detail::geo_unit_name(unit));
}
template <class... Members>
Command<std::vector<std::optional<std::string>>> geohash(std::string_view key, const Members&... members) {
  return make_read_command<std::vector<std::optional<std::string>>>(first_key, "GEOHASH", key, members...);
}
template <class... Members>
Command<std::vector<std::optional<GeoPosition>>> geopos(std::string_view key, const Members&... members) {
  return make_read_command<std::vector<std::optional<GeoPosition>>>(first_key, "GEOPOS", key, members...);
}
REDISPP_DECL Command<std::vector<GeoLocation>> geosearch(std::string_view key, const GeoSearchOptions& o);
REDISPP_DECL Command<long long> geosearchstore(std::string_view destination, std::string_view source,
                                         const GeoSearchOptions& o, bool storedist);
/// GEORADIUS / GEORADIUS_RO (name chooses).
REDISPP_DECL Command<std::vector<GeoLocation>> georadius(std::string_view name, std::string_view key, double longitude,
                                                   double latitude, double radius, GeoUnit unit,
                                                   const GeoRadiusOptions& o);
template <class M>
Command<std::vector<GeoLocation>> georadiusbymember(std::string_view name, std::string_view key, const M& member,
                                                    double radius, GeoUnit unit, const GeoRadiusOptions& o) {
  ArgumentWriter w(name, key, member, radius, detail::geo_unit_name(unit));
  detail::add_geo_result_options(w, name, "GeoRadiusOptions", o);
  return Command<std::vector<GeoLocation>>(std::move(w), first_key,
                                           name.ends_with("_RO") ? CommandFlags::read_only : CommandFlags::none);
}
REDISPP_DECL Command<long long> georadius_store(std::string_view key, double longitude, double latitude, double radius,
                                          GeoUnit unit, std::string_view destination, const GeoRadiusOptions& o,
                                          bool storedist);
template <class M>
Command<long long> georadiusbymember_store(std::string_view key, const M& member, double radius, GeoUnit unit,
                                           std::string_view destination, const GeoRadiusOptions& o, bool storedist) {
  ArgumentWriter w("GEORADIUSBYMEMBER", key, member, radius, detail::geo_unit_name(unit));
  detail::add_geo_result_options(w, "GEORADIUSBYMEMBER", "GeoRadiusOptions", o);
  w.add(storedist ? "STOREDIST" : "STORE", destination);
  return Command<long long>(std::move(w), first_key.plus(KeyPositions::at(-1))  /* STORE destination: the last argument */);
}

}  // namespace cmd

/// Geospatial commands as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class GeoCommands {
 public:
  /// What each method returns: its reply type T on Redis, Pipeline& on a pipeline (host_result.hpp).
  template <class T>
  using Result = HostResult<Derived, T>;

  /// https://redis.io/commands/geoadd — how many members were added (changed, with ch).
  ///   r.geoadd("sicily", {{13.361389, 38.115556, "Palermo"}, {15.087269, 37.502669, "Catania"}});
  Result<long long> geoadd(std::string_view key, std::initializer_list<GeoMember> members, const GeoAddOptions& options = {}) { return run(cmd::geoadd(key, members, options)); }
  template <Argument M> Result<long long> geoadd(std::string_view key, double longitude, double latitude, const M& member, const GeoAddOptions& options = {}) { return run(cmd::geoadd(key, longitude, latitude, detail::value_view(member), options)); }
  /// https://redis.io/commands/geodist — nullopt when either member is missing.
  template <Argument A, Argument B> Result<std::optional<double>> geodist(std::string_view key, const A& member1, const B& member2, GeoUnit unit = GeoUnit::m) { return run(cmd::geodist(key, detail::value_view(member1), detail::value_view(member2), unit)); }
  /// https://redis.io/commands/geohash — one 11-character geohash per member (nullopt if missing).
  template <Argument... M> requires(sizeof...(M) > 0) Result<std::vector<std::optional<std::string>>> geohash(std::string_view key, const M&... members) { return run(cmd::geohash(key, detail::argument_view(members)...)); }
  Result<std::vector<std::optional<std::string>>> geohash(std::string_view key, KeyList members) { return run(cmd::geohash(key, members)); }
  /// https://redis.io/commands/geopos — one position per member (nullopt if missing).
  template <Argument... M> requires(sizeof...(M) > 0) Result<std::vector<std::optional<GeoPosition>>> geopos(std::string_view key, const M&... members) { return run(cmd::geopos(key, detail::argument_view(members)...)); }
  Result<std::vector<std::optional<GeoPosition>>> geopos(std::string_view key, KeyList members) { return run(cmd::geopos(key, members)); }
  /// https://redis.io/commands/geosearch — the members within a radius or box.
  Result<std::vector<GeoLocation>> geosearch(std::string_view key, const GeoSearchOptions& options) { return run(cmd::geosearch(key, options)); }
  /// https://redis.io/commands/geosearchstore — how many members were stored in `destination`
  /// (storedist: stores distances as scores instead of geohashes).
  Result<long long> geosearchstore(std::string_view destination, std::string_view source, const GeoSearchOptions& options, bool storedist = false) { return run(cmd::geosearchstore(destination, source, options, storedist)); }
  /// https://redis.io/commands/georadius (deprecated: geosearch)
  Result<std::vector<GeoLocation>> georadius(std::string_view key, double longitude, double latitude, double radius, GeoUnit unit, const GeoRadiusOptions& options = {}) { return run(cmd::georadius("GEORADIUS", key, longitude, latitude, radius, unit, options)); }
  /// https://redis.io/commands/georadius with STORE / STOREDIST — how many were stored.
  Result<long long> georadius_store(std::string_view key, double longitude, double latitude, double radius, GeoUnit unit, std::string_view destination, const GeoRadiusOptions& options = {}, bool storedist = false) { return run(cmd::georadius_store(key, longitude, latitude, radius, unit, destination, options, storedist)); }
  /// https://redis.io/commands/georadius_ro (deprecated: geosearch)
  Result<std::vector<GeoLocation>> georadius_ro(std::string_view key, double longitude, double latitude, double radius, GeoUnit unit, const GeoRadiusOptions& options = {}) { return run(cmd::georadius("GEORADIUS_RO", key, longitude, latitude, radius, unit, options)); }
  /// https://redis.io/commands/georadiusbymember (deprecated: geosearch)
  template <Argument M> Result<std::vector<GeoLocation>> georadiusbymember(std::string_view key, const M& member, double radius, GeoUnit unit, const GeoRadiusOptions& options = {}) { return run(cmd::georadiusbymember("GEORADIUSBYMEMBER", key, detail::value_view(member), radius, unit, options)); }
  /// https://redis.io/commands/georadiusbymember with STORE / STOREDIST — how many were stored.
  template <Argument M> Result<long long> georadiusbymember_store(std::string_view key, const M& member, double radius, GeoUnit unit, std::string_view destination, const GeoRadiusOptions& options = {}, bool storedist = false) { return run(cmd::georadiusbymember_store(key, detail::value_view(member), radius, unit, destination, options, storedist)); }
  /// https://redis.io/commands/georadiusbymember_ro (deprecated: geosearch)
  template <Argument M> Result<std::vector<GeoLocation>> georadiusbymember_ro(std::string_view key, const M& member, double radius, GeoUnit unit, const GeoRadiusOptions& options = {}) { return run(cmd::georadiusbymember("GEORADIUSBYMEMBER_RO", key, detail::value_view(member), radius, unit, options)); }

 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/geo_replies.ipp>
#endif

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/geo_commands.ipp>
#endif
