#pragma once
// List commands. https://redis.io/commands/?group=list
//
// Blocking commands (BLPOP, BRPOP, BLMOVE) take their timeout as a duration (fractions of a
// second allowed, 0 = wait forever); the connection's socket_timeout is extended by it, so the
// socket never gives up before the server does.
//
// Reply types: one element -> std::optional<std::string> (nullopt: empty list, or a blocking
// pop's timeout); pops with a count -> std::optional<std::vector<std::string>>; BLPOP/BRPOP ->
// std::optional<std::pair<list, element>>; LMPOP/BLMPOP -> std::optional<std::pair<list,
// elements>>; lengths and LINSERT/LREM counts -> long long; LSET/LTRIM's OK -> bool.

#include <cstddef>   // std::size_t
#include <iterator>  // std::ranges::distance
#include <optional>  // std::optional
#include <string>    // std::string
#include <utility>   // std::pair
#include <vector>    // std::vector

#include <redispp/commands/command.hpp>
#include <redispp/commands/host_result.hpp>
#include <redispp/commands/options.hpp>
#include <redispp/config.hpp>  // REDISPP_DECL
#include <redispp/detail/chrono.hpp>  // std::chrono

namespace redispp {

/// LPOS options: RANK (which match to start from; negative = from the tail) and MAXLEN.
struct LposOptions {
  std::optional<long long> rank = std::nullopt;
  std::optional<long long> maxlen = std::nullopt;
};

/// LMPOP / BLMPOP: the list popped from and its elements, or nullopt when all were empty.
using ListPop = std::optional<std::pair<std::string, std::vector<std::string>>>;

namespace cmd {

namespace detail {
inline std::string_view end_name(ListEnd end) noexcept { return end == ListEnd::left ? "LEFT" : "RIGHT"; }
}  // namespace detail

template <class... Values>
Command<long long> lpush(std::string_view key, const Values&... values) {
  return make_command<long long>(first_key, "LPUSH", key, values...);
}
template <class... Values>
Command<long long> rpush(std::string_view key, const Values&... values) {
  return make_command<long long>(first_key, "RPUSH", key, values...);
}
template <class... Values>
Command<long long> lpushx(std::string_view key, const Values&... values) {
  return make_command<long long>(first_key, "LPUSHX", key, values...);
}
template <class... Values>
Command<long long> rpushx(std::string_view key, const Values&... values) {
  return make_command<long long>(first_key, "RPUSHX", key, values...);
}
REDISPP_DECL Command<std::optional<std::string>> lpop(std::string_view key);
/// LPOP key count: up to `count` elements; nullopt when the key does not exist.
REDISPP_DECL Command<std::optional<std::vector<std::string>>> lpop(std::string_view key, long long count);
REDISPP_DECL Command<std::optional<std::string>> rpop(std::string_view key);
REDISPP_DECL Command<std::optional<std::vector<std::string>>> rpop(std::string_view key, long long count);
REDISPP_DECL Command<std::vector<std::string>> lrange(std::string_view key, long long start, long long stop);
REDISPP_DECL Command<long long> llen(std::string_view key);
REDISPP_DECL Command<std::optional<std::string>> lindex(std::string_view key, long long index);
template <class V>
Command<bool> lset(std::string_view key, long long index, const V& value) {
  return make_command<bool>(first_key, "LSET", key, index, value);
}
/// LINSERT: the list's new length, -1 when the pivot was not found, 0 when the key is missing.
template <class P, class V>
Command<long long> linsert(std::string_view key, bool before, const P& pivot, const V& value) {
  return make_command<long long>(first_key, "LINSERT", key, before ? "BEFORE" : "AFTER", pivot, value);
}
template <class V>
Command<long long> lrem(std::string_view key, long long count, const V& value) {
  return make_command<long long>(first_key, "LREM", key, count, value);
}
REDISPP_DECL Command<bool> ltrim(std::string_view key, long long start, long long stop);
template <class V>
Command<std::optional<long long>> lpos(std::string_view key, const V& value, const LposOptions& o) {
  ArgumentWriter w("LPOS", key, value);
  if (o.rank) w.add("RANK", *o.rank);
  if (o.maxlen) w.add("MAXLEN", *o.maxlen);
  return Command<std::optional<long long>>(std::move(w), first_key, CommandFlags::read_only);
}
/// LPOS ... COUNT n: the positions of up to `count` matches (0 = all).
template <class V>
Command<std::vector<long long>> lpos(std::string_view key, const V& value, long long count, const LposOptions& o) {
  ArgumentWriter w("LPOS", key, value);
  if (o.rank) w.add("RANK", *o.rank);
  w.add("COUNT", count);
  if (o.maxlen) w.add("MAXLEN", *o.maxlen);
  return Command<std::vector<long long>>(std::move(w), first_key, CommandFlags::read_only);
}
REDISPP_DECL Command<std::optional<std::string>> lmove(std::string_view source, std::string_view destination, ListEnd from,
                                                 ListEnd to);
/// BLPOP: (key, element) from the first non-empty list, or nullopt after `timeout`.
template <class Keys>
Command<std::optional<std::pair<std::string, std::string>>> blpop(const Keys& keys, std::chrono::milliseconds timeout) {
  return make_command<std::optional<std::pair<std::string, std::string>>>(KeyPositions::range(1, -2), "BLPOP", keys, detail::block_seconds(timeout))
      .blocking(detail::socket_extension(timeout));
}
template <class Keys>
Command<std::optional<std::pair<std::string, std::string>>> brpop(const Keys& keys, std::chrono::milliseconds timeout) {
  return make_command<std::optional<std::pair<std::string, std::string>>>(KeyPositions::range(1, -2), "BRPOP", keys, detail::block_seconds(timeout))
      .blocking(detail::socket_extension(timeout));
}
REDISPP_DECL Command<std::optional<std::string>> blmove(std::string_view source, std::string_view destination, ListEnd from,
                                                  ListEnd to, std::chrono::milliseconds timeout);

REDISPP_DECL Command<std::optional<std::string>> rpoplpush(std::string_view source, std::string_view destination);
REDISPP_DECL Command<std::optional<std::string>> brpoplpush(std::string_view source, std::string_view destination,
                                                      std::chrono::milliseconds timeout);
template <class Keys>
Command<ListPop> lmpop(const Keys& keys, ListEnd from, long long count) {
  const std::size_t numkeys = argument_count(keys);
  return make_command<ListPop>(KeyPositions::counted(2, numkeys), "LMPOP", numkeys, keys, detail::end_name(from), "COUNT", count);
}
template <class Keys>
Command<ListPop> blmpop(const Keys& keys, ListEnd from, std::chrono::milliseconds timeout, long long count) {
  const std::size_t numkeys = argument_count(keys);
  return make_command<ListPop>(KeyPositions::counted(3, numkeys), "BLMPOP", detail::block_seconds(timeout), numkeys, keys,
                               detail::end_name(from), "COUNT", count)
      .blocking(detail::socket_extension(timeout));
}

}  // namespace cmd
}  // namespace redispp

namespace redispp {

/// List commands as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class ListCommands {
 public:
  /// What each method returns: its reply type T on Redis, Pipeline& on a pipeline (host_result.hpp).
  template <class T>
  using Result = HostResult<Derived, T>;

  /// https://redis.io/commands/lpush — the new length.
  template <Argument... V> requires(sizeof...(V) > 0) Result<long long> lpush(std::string_view key, const V&... values) { return run(cmd::lpush(key, detail::argument_view(values)...)); }
  /// https://redis.io/commands/rpush — the new length.
  template <Argument... V> requires(sizeof...(V) > 0) Result<long long> rpush(std::string_view key, const V&... values) { return run(cmd::rpush(key, detail::argument_view(values)...)); }
  /// https://redis.io/commands/lpushx
  template <Argument... V> requires(sizeof...(V) > 0) Result<long long> lpushx(std::string_view key, const V&... values) { return run(cmd::lpushx(key, detail::argument_view(values)...)); }
  /// https://redis.io/commands/rpushx
  template <Argument... V> requires(sizeof...(V) > 0) Result<long long> rpushx(std::string_view key, const V&... values) { return run(cmd::rpushx(key, detail::argument_view(values)...)); }
  /// https://redis.io/commands/lpop — one element, or with a count up to that many.
  Result<std::optional<std::string>> lpop(std::string_view key) { return run(cmd::lpop(key)); }
  Result<std::optional<std::vector<std::string>>> lpop(std::string_view key, long long count) { return run(cmd::lpop(key, count)); }
  /// https://redis.io/commands/rpop
  Result<std::optional<std::string>> rpop(std::string_view key) { return run(cmd::rpop(key)); }
  Result<std::optional<std::vector<std::string>>> rpop(std::string_view key, long long count) { return run(cmd::rpop(key, count)); }
  /// https://redis.io/commands/lrange
  Result<std::vector<std::string>> lrange(std::string_view key, long long start, long long stop) { return run(cmd::lrange(key, start, stop)); }
  /// https://redis.io/commands/llen
  Result<long long> llen(std::string_view key) { return run(cmd::llen(key)); }
  /// https://redis.io/commands/lindex
  Result<std::optional<std::string>> lindex(std::string_view key, long long index) { return run(cmd::lindex(key, index)); }
  /// https://redis.io/commands/lset
  template <Argument V> Result<bool> lset(std::string_view key, long long index, const V& value) { return run(cmd::lset(key, index, detail::value_view(value))); }
  /// https://redis.io/commands/linsert — before = true inserts before the pivot.
  template <Argument P, Argument V> Result<long long> linsert(std::string_view key, bool before, const P& pivot, const V& value) { return run(cmd::linsert(key, before, detail::value_view(pivot), detail::value_view(value))); }
  /// https://redis.io/commands/lrem
  template <Argument V> Result<long long> lrem(std::string_view key, long long count, const V& value) { return run(cmd::lrem(key, count, detail::value_view(value))); }
  /// https://redis.io/commands/ltrim
  Result<bool> ltrim(std::string_view key, long long start, long long stop) { return run(cmd::ltrim(key, start, stop)); }
  /// https://redis.io/commands/lpos — the first match's index, or nullopt.
  template <Argument V> Result<std::optional<long long>> lpos(std::string_view key, const V& value, const LposOptions& options = {}) { return run(cmd::lpos(key, detail::value_view(value), options)); }
  /// https://redis.io/commands/lpos with COUNT — up to `count` indexes (0 = all).
  template <Argument V> Result<std::vector<long long>> lpos(std::string_view key, const V& value, long long count, const LposOptions& options) { return run(cmd::lpos(key, detail::value_view(value), count, options)); }
  /// https://redis.io/commands/lmove
  Result<std::optional<std::string>> lmove(std::string_view source, std::string_view destination, ListEnd from, ListEnd to) { return run(cmd::lmove(source, destination, from, to)); }
  /// https://redis.io/commands/blpop — (list, element), or nullopt after `timeout` (0 = forever).
  template <Argument Keys> Result<std::optional<std::pair<std::string, std::string>>> blpop(const Keys& keys, std::chrono::milliseconds timeout) { return run(cmd::blpop(detail::argument_view(keys), timeout)); }
  Result<std::optional<std::pair<std::string, std::string>>> blpop(KeyList keys, std::chrono::milliseconds timeout) { return run(cmd::blpop(keys, timeout)); }
  /// https://redis.io/commands/brpop
  template <Argument Keys> Result<std::optional<std::pair<std::string, std::string>>> brpop(const Keys& keys, std::chrono::milliseconds timeout) { return run(cmd::brpop(detail::argument_view(keys), timeout)); }
  Result<std::optional<std::pair<std::string, std::string>>> brpop(KeyList keys, std::chrono::milliseconds timeout) { return run(cmd::brpop(keys, timeout)); }
  /// https://redis.io/commands/blmove
  Result<std::optional<std::string>> blmove(std::string_view source, std::string_view destination, ListEnd from, ListEnd to, std::chrono::milliseconds timeout) { return run(cmd::blmove(source, destination, from, to, timeout)); }
  /// https://redis.io/commands/rpoplpush (deprecated: lmove) — the element moved, or nullopt.
  Result<std::optional<std::string>> rpoplpush(std::string_view source, std::string_view destination) { return run(cmd::rpoplpush(source, destination)); }
  /// https://redis.io/commands/brpoplpush (deprecated: blmove) — nullopt after `timeout` (0 = forever).
  Result<std::optional<std::string>> brpoplpush(std::string_view source, std::string_view destination, std::chrono::milliseconds timeout) { return run(cmd::brpoplpush(source, destination, timeout)); }
  /// https://redis.io/commands/lmpop — up to `count` elements from the first non-empty list:
  /// (list, elements), or nullopt.  r.lmpop({"a", "b"}, ListEnd::left, 10)
  template <Argument Keys> Result<ListPop> lmpop(const Keys& keys, ListEnd from, long long count = 1) { return run(cmd::lmpop(detail::argument_view(keys), from, count)); }
  Result<ListPop> lmpop(KeyList keys, ListEnd from, long long count = 1) { return run(cmd::lmpop(keys, from, count)); }
  /// https://redis.io/commands/blmpop — as lmpop, waiting up to `timeout` (0 = forever).
  template <Argument Keys> Result<ListPop> blmpop(const Keys& keys, ListEnd from, std::chrono::milliseconds timeout, long long count = 1) { return run(cmd::blmpop(detail::argument_view(keys), from, timeout, count)); }
  Result<ListPop> blmpop(KeyList keys, ListEnd from, std::chrono::milliseconds timeout, long long count = 1) { return run(cmd::blmpop(keys, from, timeout, count)); }

 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/lists_commands.ipp>
#endif
