#pragma once
// Sorted set commands. https://redis.io/commands/?group=sorted-set
//
// Reply types (as redis-py's callbacks type them):
//   scores                        double; std::optional<double> where nil is possible (ZSCORE,
//                                 ZADD ... INCR); ZMSCORE std::vector<std::optional<double>>
//   members with scores           ScoredMembers = std::vector<std::pair<std::string, double>>, in
//                                 the server's order (the *_withscores methods, ZPOPMIN/MAX,
//                                 ZSCAN). RESP2 sends a flat member, score-as-text, ... array,
//                                 RESP3 [member, double] pairs (or a flat pair for ZPOPMIN
//                                 without a count): the C++ value is the same.
//   members                       std::vector<std::string>, ordered (never a set: order is the point)
//   BZPOPMIN / BZPOPMAX           std::optional<ZPopResult> {key, member, score}; nullopt on time-out
//   ZMPOP / BZMPOP                std::optional<ZMPopResult> {key, members}; nullopt when nothing
//   ZRANK / ZREVRANK              std::optional<long long> (nullopt: no such member)
//   counts (ZADD, ZREM, ZCARD, ZCOUNT, ZREMRANGE*, Z*STORE, Z*CARD)  long long
//
// Score and lex bounds (ZCOUNT, ZRANGEBYSCORE, ZRANGEBYLEX, ZRANGE BYSCORE ...) take any argument:
// numbers, or Redis' own notation as text ("-inf", "(1.5", "[a", "-", "+").
// ZADD takes (member, score) pairs as redis-py's mapping does — a map, a range of pairs or a
// braced list {{"a", 1}, {"b", 2}} — and sends them in Redis' score, member order.

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
#include <redispp/commands/exclusive_options.hpp>
#include <redispp/commands/host_result.hpp>
#include <redispp/commands/options.hpp>
#include <redispp/commands/sorted_sets_types.hpp>  // the option and reply structs
#include <redispp/config.hpp>  // REDISPP_DECL
#include <redispp/detail/chrono.hpp>  // std::chrono
#include <redispp/detail/forward_range.hpp>  // member_score_range

namespace redispp {

namespace cmd {

namespace detail {

/// A range of (member, score) pairs: a std::map<std::string, double>, a vector of pairs ...
template <class R>
concept member_score_range = redispp::detail::forward_range<const R> && requires(redispp::detail::range_reference_t<const R> e) {
  requires Argument<std::remove_cvref_t<decltype(e.first)>>;
  { e.second } -> std::convertible_to<double>;
};

inline void add_zadd_flags(ArgumentWriter& w, const ZAddOptions& o) {
  // Redis: "XX and NX options at the same time are not compatible", "GT, LT, and/or NX options
  // at the same time are not compatible" (XX with GT or LT is allowed).
  static constexpr std::string_view only_new[] = {"nx", "xx"};
  check_exclusive(set_fields(o.nx, o.xx), "ZADD", "ZAddOptions", only_new, "nx adds only new members, xx only updates");
  static constexpr std::string_view conditions[] = {"nx", "gt", "lt"};
  check_exclusive(set_fields(o.nx, o.gt, o.lt), "ZADD", "ZAddOptions", conditions, "pick one condition");
  w.add_if(o.nx, "NX").add_if(o.xx, "XX").add_if(o.gt, "GT").add_if(o.lt, "LT").add_if(o.ch, "CH");
}
inline void add_range_limit(ArgumentWriter& w, const std::optional<RangeLimit>& limit) {
  if (limit) w.add("LIMIT", limit->offset, limit->count);
}
inline void add_zrange_options(ArgumentWriter& w, std::string_view command, const ZRangeOptions& o) {
  // Redis: "LIMIT is only supported in combination with either BYSCORE or BYLEX".
  if (o.limit && o.by == ZRangeBy::rank)
    throw DataError(std::string(command) + ": ZRangeOptions.limit needs ZRangeOptions.by = score or lex");
  w.add_if(o.by == ZRangeBy::score, "BYSCORE").add_if(o.by == ZRangeBy::lex, "BYLEX").add_if(o.rev, "REV");
  add_range_limit(w, o.limit);
}
inline void add_aggregate_options(ArgumentWriter& w, const ZAggregateOptions& o) {
  if (!o.weights.empty()) w.add("WEIGHTS", o.weights);
  if (o.aggregate) {
    w.add("AGGREGATE");
    switch (*o.aggregate) {
      case ZAggregate::sum: w.add("SUM"); break;
      case ZAggregate::min: w.add("MIN"); break;
      case ZAggregate::max: w.add("MAX"); break;
    }
  }
}
inline std::string_view pop_end_name(ZPopEnd end) noexcept { return end == ZPopEnd::min ? "MIN" : "MAX"; }

}  // namespace detail

/// ZADD key [flags] score member ...: how many were added (with ch: added or changed).
template <class Pairs>
Command<long long> zadd(std::string_view key, const Pairs& mapping, const ZAddOptions& o) {
  ArgumentWriter w("ZADD", key);
  detail::add_zadd_flags(w, o);
  for (const auto& [member, score] : mapping) w.add(static_cast<double>(score), member);
  return Command<long long>(std::move(w), first_key);
}
template <class M>
Command<long long> zadd(std::string_view key, const M& member, double score, const ZAddOptions& o) {
  ArgumentWriter w("ZADD", key);
  detail::add_zadd_flags(w, o);
  w.add(score, member);
  return Command<long long>(std::move(w), first_key);
}
/// ZADD ... INCR: the member's new score; nullopt when a condition (nx, xx, gt, lt) prevented it.
template <class M>
Command<std::optional<double>> zadd_incr(std::string_view key, const M& member, double increment, const ZAddOptions& o) {
  ArgumentWriter w("ZADD", key);
  detail::add_zadd_flags(w, o);
  w.add("INCR", increment, member);
  return Command<std::optional<double>>(std::move(w), first_key);
}
REDISPP_DECL Command<long long> zcard(std::string_view key);
template <class Min, class Max>
Command<long long> zcount(std::string_view key, const Min& min, const Max& max) {
  return make_read_command<long long>(first_key, "ZCOUNT", key, min, max);
}
template <class Min, class Max>
Command<long long> zlexcount(std::string_view key, const Min& min, const Max& max) {
  return make_read_command<long long>(first_key, "ZLEXCOUNT", key, min, max);
}
template <class M>
Command<double> zincrby(std::string_view key, double increment, const M& member) {
  return make_command<double>(first_key, "ZINCRBY", key, increment, member);
}
template <class M>
Command<std::optional<double>> zscore(std::string_view key, const M& member) {
  return make_read_command<std::optional<double>>(first_key, "ZSCORE", key, member);
}
template <class... Members>
Command<std::vector<std::optional<double>>> zmscore(std::string_view key, const Members&... members) {
  return make_read_command<std::vector<std::optional<double>>>(first_key, "ZMSCORE", key, members...);
}
template <class M>
Command<std::optional<long long>> zrank(std::string_view key, const M& member) {
  return make_read_command<std::optional<long long>>(first_key, "ZRANK", key, member);
}
template <class M>
Command<std::optional<long long>> zrevrank(std::string_view key, const M& member) {
  return make_read_command<std::optional<long long>>(first_key, "ZREVRANK", key, member);
}
template <class... Members>
Command<long long> zrem(std::string_view key, const Members&... members) {
  return make_command<long long>(first_key, "ZREM", key, members...);
}
template <class Min, class Max>
Command<long long> zremrangebylex(std::string_view key, const Min& min, const Max& max) {
  return make_command<long long>(first_key, "ZREMRANGEBYLEX", key, min, max);
}
REDISPP_DECL Command<long long> zremrangebyrank(std::string_view key, long long start, long long stop);
template <class Min, class Max>
Command<long long> zremrangebyscore(std::string_view key, const Min& min, const Max& max) {
  return make_command<long long>(first_key, "ZREMRANGEBYSCORE", key, min, max);
}

// ZRANGE and its older forms. `T` is std::vector<std::string> or ScoredMembers (WITHSCORES).
template <class T, class Start, class Stop>
Command<T> zrange(std::string_view key, const Start& start, const Stop& stop, const ZRangeOptions& o, bool withscores) {
  ArgumentWriter w("ZRANGE", key, start, stop);
  detail::add_zrange_options(w, "ZRANGE", o);
  w.add_if(withscores, "WITHSCORES");
  return Command<T>(std::move(w), first_key, CommandFlags::read_only);
}
template <class Start, class Stop>
Command<long long> zrangestore(std::string_view destination, std::string_view source, const Start& start,
                               const Stop& stop, const ZRangeOptions& o) {
  ArgumentWriter w("ZRANGESTORE", destination, source, start, stop);
  detail::add_zrange_options(w, "ZRANGESTORE", o);
  return Command<long long>(std::move(w), KeyPositions::range(1, 2));
}
template <class T>
Command<T> zrevrange(std::string_view key, long long start, long long stop, bool withscores) {
  ArgumentWriter w("ZREVRANGE", key, start, stop);
  w.add_if(withscores, "WITHSCORES");
  return Command<T>(std::move(w), first_key, CommandFlags::read_only);
}
/// ZRANGEBYSCORE / ZREVRANGEBYSCORE / ZRANGEBYLEX / ZREVRANGEBYLEX (`name`), with their bounds in
/// the order the command takes them (min, max; max, min for the REV forms).
template <class T, class From, class To>
Command<T> zrange_by(std::string_view name, std::string_view key, const From& from, const To& to,
                     const std::optional<RangeLimit>& limit, bool withscores) {
  ArgumentWriter w(name, key, from, to);
  w.add_if(withscores, "WITHSCORES");
  detail::add_range_limit(w, limit);
  return Command<T>(std::move(w), first_key, CommandFlags::read_only);
}

REDISPP_DECL Command<std::optional<std::string>> zrandmember(std::string_view key);
REDISPP_DECL Command<std::vector<std::string>> zrandmember(std::string_view key, long long count);
REDISPP_DECL Command<ScoredMembers> zrandmember_withscores(std::string_view key, long long count);

REDISPP_DECL Command<ScoredMembers> zpopmin(std::string_view key);
REDISPP_DECL Command<ScoredMembers> zpopmin(std::string_view key, long long count);
REDISPP_DECL Command<ScoredMembers> zpopmax(std::string_view key);
REDISPP_DECL Command<ScoredMembers> zpopmax(std::string_view key, long long count);
template <class Keys>
Command<std::optional<ZPopResult>> bzpopmin(const Keys& keys, std::chrono::milliseconds timeout) {
  return make_command<std::optional<ZPopResult>>(KeyPositions::range(1, -2), "BZPOPMIN", keys, detail::block_seconds(timeout))
      .blocking(detail::socket_extension(timeout));
}
template <class Keys>
Command<std::optional<ZPopResult>> bzpopmax(const Keys& keys, std::chrono::milliseconds timeout) {
  return make_command<std::optional<ZPopResult>>(KeyPositions::range(1, -2), "BZPOPMAX", keys, detail::block_seconds(timeout))
      .blocking(detail::socket_extension(timeout));
}
template <class Keys>
Command<std::optional<ZMPopResult>> zmpop(const Keys& keys, ZPopEnd end, long long count) {
  const std::size_t numkeys = argument_count(keys);
  return make_command<std::optional<ZMPopResult>>(KeyPositions::counted(2, numkeys), "ZMPOP", numkeys, keys,
                                                  detail::pop_end_name(end), "COUNT", count);
}
template <class Keys>
Command<std::optional<ZMPopResult>> bzmpop(const Keys& keys, ZPopEnd end, std::chrono::milliseconds timeout,
                                           long long count) {
  const std::size_t numkeys = argument_count(keys);
  return make_command<std::optional<ZMPopResult>>(KeyPositions::counted(3, numkeys), "BZMPOP", detail::block_seconds(timeout),
                                                  numkeys, keys, detail::pop_end_name(end),
                                                  "COUNT", count)
      .blocking(detail::socket_extension(timeout));
}

// ZDIFF / ZINTER / ZUNION: numkeys key ... [options] [WITHSCORES].
template <class T, class Keys>
Command<T> zcombine(std::string_view name, const Keys& keys, const ZAggregateOptions& o, bool withscores) {
  const std::size_t numkeys = argument_count(keys);
  ArgumentWriter w(name, numkeys, keys);
  detail::add_aggregate_options(w, o);
  w.add_if(withscores, "WITHSCORES");
  return Command<T>(std::move(w), KeyPositions::counted(2, numkeys), CommandFlags::read_only);
}
template <class Keys>
Command<long long> zcombine_store(std::string_view name, std::string_view destination, const Keys& keys,
                                  const ZAggregateOptions& o) {
  const std::size_t numkeys = argument_count(keys);
  ArgumentWriter w(name, destination, numkeys, keys);
  detail::add_aggregate_options(w, o);
  return Command<long long>(std::move(w), first_key.plus(KeyPositions::counted(3, numkeys)));
}
/// ZINTERCARD numkeys key ... [LIMIT limit]; limit 0 = no limit.
template <class Keys>
Command<long long> zintercard(const Keys& keys, long long limit) {
  ArgumentWriter w("ZINTERCARD", argument_count(keys), keys);
  if (limit > 0) w.add("LIMIT", limit);
  return Command<long long>(std::move(w), KeyPositions::counted(2, argument_count(keys)), CommandFlags::read_only);
}
REDISPP_DECL Command<ScanPage<ScoredMembers>> zscan(std::string_view key, std::uint64_t cursor, const ScanOptions& o);

}  // namespace cmd

/// Sorted set commands as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class SortedSetCommands {
  using Members = std::vector<std::string>;
  using Limit = std::optional<RangeLimit>;

 public:
  /// What each method returns: its reply type T on Redis, Pipeline& on a pipeline (host_result.hpp).
  template <class T>
  using Result = HostResult<Derived, T>;

  /// https://redis.io/commands/zadd — (member, score) pairs from a map, a range or a braced list;
  /// how many members were added (with .ch: added or changed).
  template <cmd::detail::member_score_range Pairs> Result<long long> zadd(std::string_view key, const Pairs& mapping, const ZAddOptions& options = {}) { return run(cmd::zadd(key, mapping, options)); }
  Result<long long> zadd(std::string_view key, ScoreList mapping, const ZAddOptions& options = {}) { return run(cmd::zadd(key, mapping, options)); }
  template <Argument M> Result<long long> zadd(std::string_view key, const M& member, double score, const ZAddOptions& options = {}) { return run(cmd::zadd(key, detail::value_view(member), score, options)); }
  /// https://redis.io/commands/zadd with INCR — the new score, nullopt when a condition prevented it.
  template <Argument M> Result<std::optional<double>> zadd_incr(std::string_view key, const M& member, double increment, const ZAddOptions& options = {}) { return run(cmd::zadd_incr(key, detail::value_view(member), increment, options)); }
  /// https://redis.io/commands/zcard
  Result<long long> zcard(std::string_view key) { return run(cmd::zcard(key)); }
  /// https://redis.io/commands/zcount — members with min <= score <= max ("(1" excludes, "-inf", "+inf").
  template <Argument Min, Argument Max> Result<long long> zcount(std::string_view key, const Min& min, const Max& max) { return run(cmd::zcount(key, detail::value_view(min), detail::value_view(max))); }
  /// https://redis.io/commands/zlexcount — min and max as "[a", "(a", "-", "+".
  template <Argument Min, Argument Max> Result<long long> zlexcount(std::string_view key, const Min& min, const Max& max) { return run(cmd::zlexcount(key, detail::value_view(min), detail::value_view(max))); }
  /// https://redis.io/commands/zincrby — the new score.
  template <Argument M> Result<double> zincrby(std::string_view key, double increment, const M& member) { return run(cmd::zincrby(key, increment, detail::value_view(member))); }
  /// https://redis.io/commands/zscore — nullopt for a missing member or key.
  template <Argument M> Result<std::optional<double>> zscore(std::string_view key, const M& member) { return run(cmd::zscore(key, detail::value_view(member))); }
  /// https://redis.io/commands/zmscore — one optional score per member, in order.
  template <Argument... M> requires(sizeof...(M) > 0) Result<std::vector<std::optional<double>>> zmscore(std::string_view key, const M&... members) { return run(cmd::zmscore(key, detail::argument_view(members)...)); }
  Result<std::vector<std::optional<double>>> zmscore(std::string_view key, KeyList members) { return run(cmd::zmscore(key, members)); }
  /// https://redis.io/commands/zrank — 0-based, lowest score first; nullopt for a missing member.
  template <Argument M> Result<std::optional<long long>> zrank(std::string_view key, const M& member) { return run(cmd::zrank(key, detail::value_view(member))); }
  /// https://redis.io/commands/zrevrank — 0-based, highest score first.
  template <Argument M> Result<std::optional<long long>> zrevrank(std::string_view key, const M& member) { return run(cmd::zrevrank(key, detail::value_view(member))); }
  /// https://redis.io/commands/zrem — how many were removed.
  template <Argument... M> requires(sizeof...(M) > 0) Result<long long> zrem(std::string_view key, const M&... members) { return run(cmd::zrem(key, detail::argument_view(members)...)); }
  Result<long long> zrem(std::string_view key, KeyList members) { return run(cmd::zrem(key, members)); }
  /// https://redis.io/commands/zremrangebylex
  template <Argument Min, Argument Max> Result<long long> zremrangebylex(std::string_view key, const Min& min, const Max& max) { return run(cmd::zremrangebylex(key, detail::value_view(min), detail::value_view(max))); }
  /// https://redis.io/commands/zremrangebyrank
  Result<long long> zremrangebyrank(std::string_view key, long long start, long long stop) { return run(cmd::zremrangebyrank(key, start, stop)); }
  /// https://redis.io/commands/zremrangebyscore
  template <Argument Min, Argument Max> Result<long long> zremrangebyscore(std::string_view key, const Min& min, const Max& max) { return run(cmd::zremrangebyscore(key, detail::value_view(min), detail::value_view(max))); }

  /// https://redis.io/commands/zrange — members by rank, or by score / lex (ZRangeOptions::by).
  template <Argument Start, Argument Stop> Result<Members> zrange(std::string_view key, const Start& start, const Stop& stop, const ZRangeOptions& options = {}) { return run(cmd::zrange<Members>(key, detail::value_view(start), detail::value_view(stop), options, false)); }
  /// https://redis.io/commands/zrange with WITHSCORES — (member, score) pairs.
  template <Argument Start, Argument Stop> Result<ScoredMembers> zrange_withscores(std::string_view key, const Start& start, const Stop& stop, const ZRangeOptions& options = {}) { return run(cmd::zrange<ScoredMembers>(key, detail::value_view(start), detail::value_view(stop), options, true)); }
  /// https://redis.io/commands/zrangestore — how many members were stored.
  template <Argument Start, Argument Stop> Result<long long> zrangestore(std::string_view destination, std::string_view source, const Start& start, const Stop& stop, const ZRangeOptions& options = {}) { return run(cmd::zrangestore(destination, source, detail::value_view(start), detail::value_view(stop), options)); }
  /// https://redis.io/commands/zrevrange (deprecated: zrange with .rev)
  Result<Members> zrevrange(std::string_view key, long long start, long long stop) { return run(cmd::zrevrange<Members>(key, start, stop, false)); }
  Result<ScoredMembers> zrevrange_withscores(std::string_view key, long long start, long long stop) { return run(cmd::zrevrange<ScoredMembers>(key, start, stop, true)); }
  /// https://redis.io/commands/zrangebyscore (deprecated: zrange with ZRangeBy::score)
  template <Argument Min, Argument Max> Result<Members> zrangebyscore(std::string_view key, const Min& min, const Max& max, const Limit& limit = std::nullopt) { return run(cmd::zrange_by<Members>("ZRANGEBYSCORE", key, detail::value_view(min), detail::value_view(max), limit, false)); }
  template <Argument Min, Argument Max> Result<ScoredMembers> zrangebyscore_withscores(std::string_view key, const Min& min, const Max& max, const Limit& limit = std::nullopt) { return run(cmd::zrange_by<ScoredMembers>("ZRANGEBYSCORE", key, detail::value_view(min), detail::value_view(max), limit, true)); }
  /// https://redis.io/commands/zrevrangebyscore — note: max before min, as Redis takes them.
  template <Argument Max, Argument Min> Result<Members> zrevrangebyscore(std::string_view key, const Max& max, const Min& min, const Limit& limit = std::nullopt) { return run(cmd::zrange_by<Members>("ZREVRANGEBYSCORE", key, detail::value_view(max), detail::value_view(min), limit, false)); }
  template <Argument Max, Argument Min> Result<ScoredMembers> zrevrangebyscore_withscores(std::string_view key, const Max& max, const Min& min, const Limit& limit = std::nullopt) { return run(cmd::zrange_by<ScoredMembers>("ZREVRANGEBYSCORE", key, detail::value_view(max), detail::value_view(min), limit, true)); }
  /// https://redis.io/commands/zrangebylex (deprecated: zrange with ZRangeBy::lex)
  template <Argument Min, Argument Max> Result<Members> zrangebylex(std::string_view key, const Min& min, const Max& max, const Limit& limit = std::nullopt) { return run(cmd::zrange_by<Members>("ZRANGEBYLEX", key, detail::value_view(min), detail::value_view(max), limit, false)); }
  /// https://redis.io/commands/zrevrangebylex — max before min.
  template <Argument Max, Argument Min> Result<Members> zrevrangebylex(std::string_view key, const Max& max, const Min& min, const Limit& limit = std::nullopt) { return run(cmd::zrange_by<Members>("ZREVRANGEBYLEX", key, detail::value_view(max), detail::value_view(min), limit, false)); }

  /// https://redis.io/commands/zrandmember — one random member (nullopt: no key), or `count`
  /// (negative: repeats allowed).
  Result<std::optional<std::string>> zrandmember(std::string_view key) { return run(cmd::zrandmember(key)); }
  Result<std::vector<std::string>> zrandmember(std::string_view key, long long count) { return run(cmd::zrandmember(key, count)); }
  Result<ScoredMembers> zrandmember_withscores(std::string_view key, long long count) { return run(cmd::zrandmember_withscores(key, count)); }
  /// https://redis.io/commands/zpopmin — the lowest (member, score), or `count` of them (empty: no key).
  Result<ScoredMembers> zpopmin(std::string_view key) { return run(cmd::zpopmin(key)); }
  Result<ScoredMembers> zpopmin(std::string_view key, long long count) { return run(cmd::zpopmin(key, count)); }
  /// https://redis.io/commands/zpopmax
  Result<ScoredMembers> zpopmax(std::string_view key) { return run(cmd::zpopmax(key)); }
  Result<ScoredMembers> zpopmax(std::string_view key, long long count) { return run(cmd::zpopmax(key, count)); }
  /// https://redis.io/commands/bzpopmin — {key, member, score}, or nullopt after `timeout` (0 = forever).
  template <Argument Keys> Result<std::optional<ZPopResult>> bzpopmin(const Keys& keys, std::chrono::milliseconds timeout) { return run(cmd::bzpopmin(detail::argument_view(keys), timeout)); }
  Result<std::optional<ZPopResult>> bzpopmin(KeyList keys, std::chrono::milliseconds timeout) { return run(cmd::bzpopmin(keys, timeout)); }
  /// https://redis.io/commands/bzpopmax
  template <Argument Keys> Result<std::optional<ZPopResult>> bzpopmax(const Keys& keys, std::chrono::milliseconds timeout) { return run(cmd::bzpopmax(detail::argument_view(keys), timeout)); }
  Result<std::optional<ZPopResult>> bzpopmax(KeyList keys, std::chrono::milliseconds timeout) { return run(cmd::bzpopmax(keys, timeout)); }
  /// https://redis.io/commands/zmpop — {key, pairs} from the first non-empty key, or nullopt.
  template <Argument Keys> Result<std::optional<ZMPopResult>> zmpop(const Keys& keys, ZPopEnd end, long long count = 1) { return run(cmd::zmpop(detail::argument_view(keys), end, count)); }
  Result<std::optional<ZMPopResult>> zmpop(KeyList keys, ZPopEnd end, long long count = 1) { return run(cmd::zmpop(keys, end, count)); }
  /// https://redis.io/commands/bzmpop — as zmpop, waiting up to `timeout` (0 = forever).
  template <Argument Keys> Result<std::optional<ZMPopResult>> bzmpop(const Keys& keys, ZPopEnd end, std::chrono::milliseconds timeout, long long count = 1) { return run(cmd::bzmpop(detail::argument_view(keys), end, timeout, count)); }
  Result<std::optional<ZMPopResult>> bzmpop(KeyList keys, ZPopEnd end, std::chrono::milliseconds timeout, long long count = 1) { return run(cmd::bzmpop(keys, end, timeout, count)); }

  /// https://redis.io/commands/zdiff — the members of the first key in none of the others.
  template <Argument Keys> Result<Members> zdiff(const Keys& keys) { return run(cmd::zcombine<Members>("ZDIFF", detail::argument_view(keys), {}, false)); }
  Result<Members> zdiff(KeyList keys) { return run(cmd::zcombine<Members>("ZDIFF", keys, {}, false)); }
  template <Argument Keys> Result<ScoredMembers> zdiff_withscores(const Keys& keys) { return run(cmd::zcombine<ScoredMembers>("ZDIFF", detail::argument_view(keys), {}, true)); }
  Result<ScoredMembers> zdiff_withscores(KeyList keys) { return run(cmd::zcombine<ScoredMembers>("ZDIFF", keys, {}, true)); }
  /// https://redis.io/commands/zdiffstore — the size of the stored set.
  template <Argument Keys> Result<long long> zdiffstore(std::string_view destination, const Keys& keys) { return run(cmd::zcombine_store("ZDIFFSTORE", destination, detail::argument_view(keys), {})); }
  Result<long long> zdiffstore(std::string_view destination, KeyList keys) { return run(cmd::zcombine_store("ZDIFFSTORE", destination, keys, {})); }
  /// https://redis.io/commands/zinter — WEIGHTS and AGGREGATE through ZAggregateOptions.
  template <Argument Keys> Result<Members> zinter(const Keys& keys, const ZAggregateOptions& options = {}) { return run(cmd::zcombine<Members>("ZINTER", detail::argument_view(keys), options, false)); }
  Result<Members> zinter(KeyList keys, const ZAggregateOptions& options = {}) { return run(cmd::zcombine<Members>("ZINTER", keys, options, false)); }
  template <Argument Keys> Result<ScoredMembers> zinter_withscores(const Keys& keys, const ZAggregateOptions& options = {}) { return run(cmd::zcombine<ScoredMembers>("ZINTER", detail::argument_view(keys), options, true)); }
  Result<ScoredMembers> zinter_withscores(KeyList keys, const ZAggregateOptions& options = {}) { return run(cmd::zcombine<ScoredMembers>("ZINTER", keys, options, true)); }
  /// https://redis.io/commands/zinterstore
  template <Argument Keys> Result<long long> zinterstore(std::string_view destination, const Keys& keys, const ZAggregateOptions& options = {}) { return run(cmd::zcombine_store("ZINTERSTORE", destination, detail::argument_view(keys), options)); }
  Result<long long> zinterstore(std::string_view destination, KeyList keys, const ZAggregateOptions& options = {}) { return run(cmd::zcombine_store("ZINTERSTORE", destination, keys, options)); }
  /// https://redis.io/commands/zintercard — the intersection's size, counting stops at `limit` (0 = none).
  template <Argument Keys> Result<long long> zintercard(const Keys& keys, long long limit = 0) { return run(cmd::zintercard(detail::argument_view(keys), limit)); }
  Result<long long> zintercard(KeyList keys, long long limit = 0) { return run(cmd::zintercard(keys, limit)); }
  /// https://redis.io/commands/zunion
  template <Argument Keys> Result<Members> zunion(const Keys& keys, const ZAggregateOptions& options = {}) { return run(cmd::zcombine<Members>("ZUNION", detail::argument_view(keys), options, false)); }
  Result<Members> zunion(KeyList keys, const ZAggregateOptions& options = {}) { return run(cmd::zcombine<Members>("ZUNION", keys, options, false)); }
  template <Argument Keys> Result<ScoredMembers> zunion_withscores(const Keys& keys, const ZAggregateOptions& options = {}) { return run(cmd::zcombine<ScoredMembers>("ZUNION", detail::argument_view(keys), options, true)); }
  Result<ScoredMembers> zunion_withscores(KeyList keys, const ZAggregateOptions& options = {}) { return run(cmd::zcombine<ScoredMembers>("ZUNION", keys, options, true)); }
  /// https://redis.io/commands/zunionstore
  template <Argument Keys> Result<long long> zunionstore(std::string_view destination, const Keys& keys, const ZAggregateOptions& options = {}) { return run(cmd::zcombine_store("ZUNIONSTORE", destination, detail::argument_view(keys), options)); }
  Result<long long> zunionstore(std::string_view destination, KeyList keys, const ZAggregateOptions& options = {}) { return run(cmd::zcombine_store("ZUNIONSTORE", destination, keys, options)); }
  /// https://redis.io/commands/zscan — one page: {cursor, (member, score) pairs}; Redis::zscan_iter
  /// iterates them all.
  Result<ScanPage<ScoredMembers>> zscan(std::string_view key, std::uint64_t cursor = 0, const ScanOptions& options = {}) { return run(cmd::zscan(key, cursor, options)); }

 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/sorted_sets_commands.ipp>
#endif
