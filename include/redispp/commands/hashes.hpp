#pragma once
// Hash commands. https://redis.io/commands/?group=hash
//
// Reply types: HGETALL -> std::unordered_map<field, value> (a flat array in RESP2, a map in
// RESP3: the same map); HGET -> std::optional<std::string>; HMGET -> one optional per field;
// HSET/HDEL/HLEN/HSTRLEN -> long long; HEXISTS/HSETNX -> bool, HMSET's OK -> bool;
// HINCRBYFLOAT -> double; HRANDFIELD ... WITHVALUES -> std::vector<std::pair<field, value>>
// (order and repeats matter there, so not a map); HSCAN -> ScanPage<unordered_map>.
//
// Your own struct as a hash, both ways (protocol/fields.hpp has the whole example):
//   r.hset("item:1", item);                      // its fields, from redispp_to_fields(const Item&)
//   shop::Item back = r.hgetall<shop::Item>("item:1");  // convert<Item>: redispp_from_reply
// hset, hmset (and xadd, streams.hpp) take any Mapping: a type with redispp_to_fields, a map or
// range of (field, value) pairs; hgetall<T> converts the reply to any T convert<T> makes (a
// std::map, a vector of pairs, your type), std::unordered_map<std::string, std::string> by default.

#include <cstdint>        // std::uint64_t
#include <optional>       // std::optional
#include <type_traits>    // std::is_same_v
#include <string>         // std::string
#include <unordered_map>  // std::unordered_map
#include <utility>        // std::pair
#include <vector>         // std::vector

#include <redispp/commands/command.hpp>
#include <redispp/commands/host_result.hpp>
#include <redispp/commands/options.hpp>
#include <redispp/config.hpp>  // REDISPP_DECL
#include <redispp/protocol/fields.hpp>  // Mapping, redispp_to_fields

namespace redispp::cmd {

template <class F, class V>
Command<long long> hset(std::string_view key, const F& field, const V& value) {
  return make_command<long long>(first_key, "HSET", key, field, value);
}
/// HSET with many fields: a Mapping (a map or range of (field, value) pairs, or a type with
/// redispp_to_fields: protocol/fields.hpp). Returns how many were new.
template <class Pairs>
Command<long long> hset(std::string_view key, const Pairs& mapping) {
  return redispp::detail::with_fields(
      mapping, [key](const auto&... fields) { return make_command<long long>(first_key, "HSET", key, fields...); });
}
template <class F>
Command<std::optional<std::string>> hget(std::string_view key, const F& field) {
  return make_read_command<std::optional<std::string>>(first_key, "HGET", key, field);
}
template <class... Fields>
Command<std::vector<std::optional<std::string>>> hmget(std::string_view key, const Fields&... fields) {
  return make_read_command<std::vector<std::optional<std::string>>>(first_key, "HMGET", key, fields...);
}
REDISPP_DECL Command<std::unordered_map<std::string, std::string>> hgetall(std::string_view key);
/// HGETALL converted to T (a map type, a vector of pairs, a type with redispp_from_reply).
template <class T>
Command<T> hgetall(std::string_view key) { return make_read_command<T>(first_key, "HGETALL", key); }
template <class... Fields>
Command<long long> hdel(std::string_view key, const Fields&... fields) {
  return make_command<long long>(first_key, "HDEL", key, fields...);
}
template <class F>
Command<bool> hexists(std::string_view key, const F& field) { return make_read_command<bool>(first_key, "HEXISTS", key, field); }
template <class F>
Command<long long> hincrby(std::string_view key, const F& field, long long by) {
  return make_command<long long>(first_key, "HINCRBY", key, field, by);
}
template <class F>
Command<double> hincrbyfloat(std::string_view key, const F& field, double by) {
  return make_command<double>(first_key, "HINCRBYFLOAT", key, field, by);
}
REDISPP_DECL Command<std::vector<std::string>> hkeys(std::string_view key);
REDISPP_DECL Command<std::vector<std::string>> hvals(std::string_view key);
REDISPP_DECL Command<long long> hlen(std::string_view key);
template <class F, class V>
Command<bool> hsetnx(std::string_view key, const F& field, const V& value) {
  return make_command<bool>(first_key, "HSETNX", key, field, value);
}
template <class F>
Command<long long> hstrlen(std::string_view key, const F& field) { return make_read_command<long long>(first_key, "HSTRLEN", key, field); }
/// One random field, or nullopt for a missing key.
REDISPP_DECL Command<std::optional<std::string>> hrandfield(std::string_view key);
/// Up to `count` random fields (negative: `-count` fields, repeats allowed).
REDISPP_DECL Command<std::vector<std::string>> hrandfield(std::string_view key, long long count);
/// HRANDFIELD key count WITHVALUES: (field, value) pairs.
REDISPP_DECL Command<std::vector<std::pair<std::string, std::string>>> hrandfield_withvalues(std::string_view key,
                                                                                        long long count);
/// HMSET (deprecated since Redis 4: HSET takes many fields): OK -> true.
template <class Pairs>
Command<bool> hmset(std::string_view key, const Pairs& mapping) {
  return redispp::detail::with_fields(
      mapping, [key](const auto&... fields) { return make_command<bool>(first_key, "HMSET", key, fields...); });
}
REDISPP_DECL Command<ScanPage<std::unordered_map<std::string, std::string>>> hscan(std::string_view key,
                                                                            std::uint64_t cursor,
                                                                            const ScanOptions& o);

}  // namespace redispp::cmd

namespace redispp {

/// Hash commands as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class HashCommands {
 public:
  /// What each method returns: its reply type T on Redis, Pipeline& on a pipeline (host_result.hpp).
  template <class T>
  using Result = HostResult<Derived, T>;

  /// https://redis.io/commands/hset — one field, or a Mapping: a map / range of (field, value)
  /// pairs, or your struct through redispp_to_fields (protocol/fields.hpp); returns how many
  /// fields were added.
  ///   r.hset("item:1", item);
  template <Argument F, Argument V> Result<long long> hset(std::string_view key, const F& field, const V& value) { return run(cmd::hset(key, detail::value_view(field), detail::value_view(value))); }
  template <Mapping Pairs> Result<long long> hset(std::string_view key, const Pairs& mapping) { return run(cmd::hset(key, mapping)); }
  Result<long long> hset(std::string_view key, PairList mapping) { return run(cmd::hset(key, mapping)); }
  /// https://redis.io/commands/hget
  template <Argument F> Result<std::optional<std::string>> hget(std::string_view key, const F& field) { return run(cmd::hget(key, detail::value_view(field))); }
  /// https://redis.io/commands/hmget
  template <Argument... F> requires(sizeof...(F) > 0) Result<std::vector<std::optional<std::string>>> hmget(std::string_view key, const F&... fields) { return run(cmd::hmget(key, detail::argument_view(fields)...)); }
  Result<std::vector<std::optional<std::string>>> hmget(std::string_view key, KeyList fields) { return run(cmd::hmget(key, fields)); }
  /// https://redis.io/commands/hgetall — field -> value; hgetall<T>: converted to T instead (any
  /// T convert<T> makes: std::map, your struct through redispp_from_reply, protocol/fields.hpp).
  ///   shop::Item item = r.hgetall<shop::Item>("item:1");
  template <class T = std::unordered_map<std::string, std::string>>
  Result<T> hgetall(std::string_view key) {
    // The default type's builder is compiled into the library; another T's is a template.
    if constexpr (std::is_same_v<T, std::unordered_map<std::string, std::string>>) return run(cmd::hgetall(key)); else return run(cmd::hgetall<T>(key));
  }
  /// https://redis.io/commands/hdel
  template <Argument... F> requires(sizeof...(F) > 0) Result<long long> hdel(std::string_view key, const F&... fields) { return run(cmd::hdel(key, detail::argument_view(fields)...)); }
  Result<long long> hdel(std::string_view key, KeyList fields) { return run(cmd::hdel(key, fields)); }
  /// https://redis.io/commands/hexists
  template <Argument F> Result<bool> hexists(std::string_view key, const F& field) { return run(cmd::hexists(key, detail::value_view(field))); }
  /// https://redis.io/commands/hincrby
  template <Argument F> Result<long long> hincrby(std::string_view key, const F& field, long long by) { return run(cmd::hincrby(key, detail::value_view(field), by)); }
  /// https://redis.io/commands/hincrbyfloat
  template <Argument F> Result<double> hincrbyfloat(std::string_view key, const F& field, double by) { return run(cmd::hincrbyfloat(key, detail::value_view(field), by)); }
  /// https://redis.io/commands/hkeys
  Result<std::vector<std::string>> hkeys(std::string_view key) { return run(cmd::hkeys(key)); }
  /// https://redis.io/commands/hvals
  Result<std::vector<std::string>> hvals(std::string_view key) { return run(cmd::hvals(key)); }
  /// https://redis.io/commands/hlen
  Result<long long> hlen(std::string_view key) { return run(cmd::hlen(key)); }
  /// https://redis.io/commands/hsetnx
  template <Argument F, Argument V> Result<bool> hsetnx(std::string_view key, const F& field, const V& value) { return run(cmd::hsetnx(key, detail::value_view(field), detail::value_view(value))); }
  /// https://redis.io/commands/hstrlen
  template <Argument F> Result<long long> hstrlen(std::string_view key, const F& field) { return run(cmd::hstrlen(key, detail::value_view(field))); }
  /// https://redis.io/commands/hrandfield — one field, or `count` fields.
  Result<std::optional<std::string>> hrandfield(std::string_view key) { return run(cmd::hrandfield(key)); }
  Result<std::vector<std::string>> hrandfield(std::string_view key, long long count) { return run(cmd::hrandfield(key, count)); }
  /// https://redis.io/commands/hrandfield with WITHVALUES — (field, value) pairs.
  Result<std::vector<std::pair<std::string, std::string>>> hrandfield_withvalues(std::string_view key, long long count) { return run(cmd::hrandfield_withvalues(key, count)); }
  /// https://redis.io/commands/hmset (deprecated: hset with a mapping) — a Mapping, as hset's.
  template <Mapping Pairs> Result<bool> hmset(std::string_view key, const Pairs& mapping) { return run(cmd::hmset(key, mapping)); }
  Result<bool> hmset(std::string_view key, PairList mapping) { return run(cmd::hmset(key, mapping)); }
  /// https://redis.io/commands/hscan — one page: {cursor, field -> value}.
  Result<ScanPage<std::unordered_map<std::string, std::string>>> hscan(std::string_view key, std::uint64_t cursor = 0, const ScanOptions& options = {}) { return run(cmd::hscan(key, cursor, options)); }

 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/hashes_commands.ipp>
#endif
