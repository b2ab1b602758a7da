#pragma once
// The reply conversions (redispp_from_reply) of the structs in <redispp/commands/sorted_sets_types.hpp>: compiled once
// into the library, so that a program including the header does not instantiate the
// conversions they are built from (compile time: bench/README.md).

#include <utility>  // std::move

#include <redispp/commands/sorted_sets_types.hpp>

namespace redispp {

REDISPP_DECL ZPopResult redispp_from_reply(Reply&& reply, std::type_identity<ZPopResult>) {
  auto [k, m, s] = convert<std::tuple<std::string, std::string, double>>(std::move(reply));
  return ZPopResult{std::move(k), std::move(m), s};
}

REDISPP_DECL ZMPopResult redispp_from_reply(Reply&& reply, std::type_identity<ZMPopResult>) {
  auto [k, popped] = convert<std::pair<std::string, ScoredMembers>>(std::move(reply));
  return ZMPopResult{std::move(k), std::move(popped)};
}

}  // namespace redispp
