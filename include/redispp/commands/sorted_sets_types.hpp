#pragma once
// The option and reply structs of the sorted set commands (commands/sorted_sets.hpp has the
// commands and the reply shapes each returns), kept apart from the builders and the mixin.

#include <concepts>     // std::convertible_to
#include <cstdint>      // std::uint64_t
#include <initializer_list>  // std::initializer_list
#include <optional>     // std::optional
#include <string>       // std::string
#include <tuple>        // std::tuple
#include <type_traits>  // std::type_identity
#include <utility>      // std::pair
#include <vector>       // std::vector

#include <redispp/commands/command.hpp>  // also cmd::detail::block_seconds, socket_extension
#include <redispp/commands/options.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono

#include <redispp/config.hpp>  // REDISPP_DECL

namespace redispp {

/// Members with their scores, in the server's order.
using ScoredMembers = std::vector<std::pair<std::string, double>>;
/// (member, score) pairs given inline: r.zadd("z", {{"a", 1}, {"b", 2.5}}).
using ScoreList = std::initializer_list<std::pair<std::string_view, double>>;

/// ZADD's flags: a condition (nx, or xx and/or gt/lt) and ch (count changed members, not only new).
///   r.zadd("z", {{"a", 5}}, {.xx = true, .gt = true, .ch = true});
struct ZAddOptions {
  bool nx = false;  // only add new members
  bool xx = false;  // only update existing members
  bool gt = false;  // only update when the new score is greater
  bool lt = false;  // only update when the new score is less
  bool ch = false;  // return how many were added or changed
};

/// LIMIT offset count of the score and lex ranges (count < 0: all from offset on).
struct RangeLimit {
  long long offset = 0;
  long long count = -1;
};

/// What ZRANGE's start and stop mean: ranks (the default), scores (BYSCORE) or members (BYLEX).
enum class ZRangeBy { rank, score, lex };

/// ZRANGE / ZRANGESTORE options.
///   r.zrange("z", "(1", "+inf", {.by = redispp::ZRangeBy::score, .limit = {{0, 10}}});
struct ZRangeOptions {
  ZRangeBy by = ZRangeBy::rank;
  bool rev = false;  // highest first (start and stop then go from high to low)
  std::optional<RangeLimit> limit = std::nullopt;  // only with score or lex
};

/// How ZUNION / ZINTER (and their STORE forms) combine a member's scores.
enum class ZAggregate { sum, min, max };

/// WEIGHTS (one per key, in order) and AGGREGATE for ZUNION, ZINTER, ZUNIONSTORE, ZINTERSTORE.
struct ZAggregateOptions {
  std::vector<double> weights = {};
  std::optional<ZAggregate> aggregate = std::nullopt;
};

/// Which end ZMPOP / BZMPOP pop from.
enum class ZPopEnd { min, max };

/// BZPOPMIN / BZPOPMAX: the key popped from, the member and its score.
struct ZPopResult {
  std::string key;
  std::string member;
  double score = 0;

  friend REDISPP_DECL ZPopResult redispp_from_reply(Reply&& reply, std::type_identity<ZPopResult>);  // impl/sorted_sets_types.ipp
  friend bool operator==(const ZPopResult&, const ZPopResult&) = default;
};

/// ZMPOP / BZMPOP: the key popped from and the (member, score) pairs taken.
struct ZMPopResult {
  std::string key;
  ScoredMembers members;

  friend REDISPP_DECL ZMPopResult redispp_from_reply(Reply&& reply, std::type_identity<ZMPopResult>);  // impl/sorted_sets_types.ipp
  friend bool operator==(const ZMPopResult&, const ZMPopResult&) = default;
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/sorted_sets_types.ipp>
#endif
