#pragma once
// The reply conversions (redispp_from_reply) of the structs in <redispp/commands/geo.hpp>: compiled once
// into the library, so that a program including the header does not instantiate the
// conversions they are built from (compile time: bench/README.md).

#include <utility>  // std::move

#include <redispp/commands/geo.hpp>

namespace redispp {

REDISPP_DECL GeoPosition redispp_from_reply(Reply&& reply, std::type_identity<GeoPosition>) {
  auto [lon, lat] = convert<std::pair<double, double>>(std::move(reply));
  return GeoPosition{lon, lat};
}

REDISPP_DECL GeoLocation redispp_from_reply(Reply&& reply, std::type_identity<GeoLocation>) {
  if (!reply.is_aggregate()) return GeoLocation{convert<std::string>(std::move(reply)), {}, {}, {}};
  auto& elements = reply.elements();
  if (elements.empty()) detail::conversion_failed<GeoLocation>(reply, "expected [member, ...]");
  GeoLocation location{convert<std::string>(std::move(elements[0])), {}, {}, {}};
  for (std::size_t i = 1; i < elements.size(); ++i) {
    Reply& element = elements[i];
    if (element.is_aggregate()) location.coordinates = convert<GeoPosition>(std::move(element));
    else if (element.type() == ReplyType::integer) location.hash = element.integer();
    else location.dist = convert<double>(std::move(element));
  }
  return location;
}

}  // namespace redispp
