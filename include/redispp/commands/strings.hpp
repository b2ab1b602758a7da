#pragma once
// String commands. https://redis.io/commands/?group=string
//
// Reply types: values -> std::optional<std::string> where a key may be missing (GET, GETDEL,
// SET ... GET), std::string where Redis answers "" instead (GETRANGE, SUBSTR, LCS); OK -> bool;
// lengths and counters -> long long; INCRBYFLOAT -> double. LCS comes in three methods, one per
// reply shape: lcs() -> the common string, lcs_len() -> long long, lcs_idx() -> LcsMatches (the
// IDX reply is a flat array in RESP2 and a map in RESP3; both give the same struct).

#include <optional>  // std::optional
#include <string>    // std::string
#include <type_traits>  // std::type_identity
#include <utility>   // std::pair
#include <vector>    // std::vector

#include <redispp/commands/command.hpp>
#include <redispp/commands/exclusive_options.hpp>
#include <redispp/commands/host_result.hpp>
#include <redispp/commands/options.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono

#include <redispp/config.hpp>  // REDISPP_DECL

namespace redispp {

/// SET's options: an expiry (one of ex, px, exat, pxat, keepttl) and a condition (nx or xx).
///   r.set("k", "v", {.ex = 10s, .nx = true});
/// `get` (SET ... GET, returning the old value) changes the reply's type: use set_get().
struct SetOptions {
  std::optional<std::chrono::seconds> ex = std::nullopt;
  std::optional<std::chrono::milliseconds> px = std::nullopt;
  std::optional<UnixSeconds> exat = std::nullopt;
  std::optional<UnixMilliseconds> pxat = std::nullopt;
  bool nx = false;
  bool xx = false;
  bool keepttl = false;
  bool get = false;
};

/// GETEX's options: one of ex, px, exat, pxat, persist.
struct GetExOptions {
  std::optional<std::chrono::seconds> ex = std::nullopt;
  std::optional<std::chrono::milliseconds> px = std::nullopt;
  std::optional<UnixSeconds> exat = std::nullopt;
  std::optional<UnixMilliseconds> pxat = std::nullopt;
  bool persist = false;
};

/// LCS ... IDX options: MINMATCHLEN (skip shorter matches) and WITHMATCHLEN.
struct LcsIdxOptions {
  std::optional<long long> min_match_len = std::nullopt;
  bool with_match_len = false;
};

/// One matching range of LCS ... IDX: inclusive [first, last] positions in each key's value.
struct LcsMatch {
  std::pair<long long, long long> a;   // in the first key
  std::pair<long long, long long> b;   // in the second key
  std::optional<long long> length = std::nullopt;  // only with LcsIdxOptions::with_match_len
};

/// The LCS ... IDX reply: the matches (from the end of the strings, as Redis lists them) and the
/// length of the longest common subsequence.
struct LcsMatches {
  std::vector<LcsMatch> matches;
  long long len = 0;

  friend REDISPP_DECL LcsMatches redispp_from_reply(Reply&& reply, std::type_identity<LcsMatches>);  // impl/strings_replies.ipp
};

namespace cmd {

namespace detail {
inline void add_expiry(ArgumentWriter& w, const auto& o) {
  if (o.ex) w.add("EX", o.ex->count());
  if (o.px) w.add("PX", o.px->count());
  if (o.exat) w.add("EXAT", o.exat->time_since_epoch().count());
  if (o.pxat) w.add("PXAT", o.pxat->time_since_epoch().count());
}
// Redis takes one expiry and one condition per SET: a second one is refused here, before
// anything is sent.
inline void check_set_options(const SetOptions& o) {
  static constexpr std::string_view expiries[] = {"ex", "px", "exat", "pxat", "keepttl"};
  check_exclusive(set_fields(o.ex, o.px, o.exat, o.pxat, o.keepttl), "SET", "SetOptions", expiries, "pick one expiry");
  static constexpr std::string_view conditions[] = {"nx", "xx"};
  check_exclusive(set_fields(o.nx, o.xx), "SET", "SetOptions", conditions, "pick one condition");
}
}  // namespace detail

template <class V>
Command<bool> set(std::string_view key, const V& value, const SetOptions& o) {
  if (o.get) throw DataError("SetOptions::get changes SET's reply to the old value: call set_get() instead of set()");
  detail::check_set_options(o);
  ArgumentWriter w("SET", key, value);
  detail::add_expiry(w, o);
  w.add_if(o.keepttl, "KEEPTTL").add_if(o.nx, "NX").add_if(o.xx, "XX");
  return Command<bool>(std::move(w), first_key);
}
template <class V>
Command<std::optional<std::string>> set_get(std::string_view key, const V& value, const SetOptions& o) {
  detail::check_set_options(o);
  ArgumentWriter w("SET", key, value);
  detail::add_expiry(w, o);
  w.add_if(o.keepttl, "KEEPTTL").add_if(o.nx, "NX").add_if(o.xx, "XX").add("GET");
  return Command<std::optional<std::string>>(std::move(w), first_key);
}
template <class T = std::string>
Command<std::optional<T>> get(std::string_view key) { return make_read_command<std::optional<T>>(first_key, "GET", key); }
template <class V>
Command<std::optional<std::string>> getset(std::string_view key, const V& value) {
  return make_command<std::optional<std::string>>(first_key, "GETSET", key, value);
}
REDISPP_DECL Command<std::optional<std::string>> getdel(std::string_view key);
REDISPP_DECL Command<std::optional<std::string>> getex(std::string_view key, const GetExOptions& o);
template <class... Keys>
Command<std::vector<std::optional<std::string>>> mget(const Keys&... keys) {
  return make_read_command<std::vector<std::optional<std::string>>>(keys_from(1), "MGET", keys...);
}
template <class Pairs>
Command<bool> mset(const Pairs& pairs) { return make_command<bool>(KeyPositions::range(1, -1, 2), "MSET", pairs); }
template <class Pairs>
Command<bool> msetnx(const Pairs& pairs) { return make_command<bool>(KeyPositions::range(1, -1, 2), "MSETNX", pairs); }
template <class V>
Command<bool> setnx(std::string_view key, const V& value) { return make_command<bool>(first_key, "SETNX", key, value); }
template <class V>
Command<bool> setex(std::string_view key, std::chrono::seconds ttl, const V& value) {
  return make_command<bool>(first_key, "SETEX", key, ttl.count(), value);
}
template <class V>
Command<bool> psetex(std::string_view key, std::chrono::milliseconds ttl, const V& value) {
  return make_command<bool>(first_key, "PSETEX", key, ttl.count(), value);
}
REDISPP_DECL Command<long long> incr(std::string_view key);
REDISPP_DECL Command<long long> incrby(std::string_view key, long long by);
REDISPP_DECL Command<double> incrbyfloat(std::string_view key, double by);
REDISPP_DECL Command<long long> decr(std::string_view key);
REDISPP_DECL Command<long long> decrby(std::string_view key, long long by);
template <class V>
Command<long long> append(std::string_view key, const V& value) { return make_command<long long>(first_key, "APPEND", key, value); }
REDISPP_DECL Command<long long> strlen(std::string_view key);
REDISPP_DECL Command<std::string> getrange(std::string_view key, long long start, long long end);
template <class V>
Command<long long> setrange(std::string_view key, long long offset, const V& value) {
  return make_command<long long>(first_key, "SETRANGE", key, offset, value);
}

/// SUBSTR: the old name of GETRANGE.
REDISPP_DECL Command<std::string> substr(std::string_view key, long long start, long long end);
REDISPP_DECL Command<std::string> lcs(std::string_view key1, std::string_view key2);
REDISPP_DECL Command<long long> lcs_len(std::string_view key1, std::string_view key2);
REDISPP_DECL Command<LcsMatches> lcs_idx(std::string_view key1, std::string_view key2, const LcsIdxOptions& o);

}  // namespace cmd
}  // namespace redispp

namespace redispp {

/// String commands as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class StringCommands {
 public:
  /// What each method returns: its reply type T on Redis, Pipeline& on a pipeline (host_result.hpp).
  template <class T>
  using Result = HostResult<Derived, T>;

  /// https://redis.io/commands/set — true when set (false when NX/XX prevented it).
  template <Argument V> Result<bool> set(std::string_view key, const V& value, const SetOptions& options = {}) { return run(cmd::set(key, detail::value_view(value), options)); }
  /// https://redis.io/commands/set with GET: the old value (or nullopt).
  template <Argument V> Result<std::optional<std::string>> set_get(std::string_view key, const V& value, const SetOptions& options = {}) { return run(cmd::set_get(key, detail::value_view(value), options)); }
  /// https://redis.io/commands/get — nullopt for a missing key; get<long long>(key) converts.
  template <class T = std::string> Result<std::optional<T>> get(std::string_view key) { return run(cmd::get<T>(key)); }
  /// https://redis.io/commands/getset (deprecated: set_get)
  template <Argument V> Result<std::optional<std::string>> getset(std::string_view key, const V& value) { return run(cmd::getset(key, detail::value_view(value))); }
  /// https://redis.io/commands/getdel
  Result<std::optional<std::string>> getdel(std::string_view key) { return run(cmd::getdel(key)); }
  /// https://redis.io/commands/getex
  Result<std::optional<std::string>> getex(std::string_view key, const GetExOptions& options = {}) { return run(cmd::getex(key, options)); }
  /// https://redis.io/commands/mget — one optional per key, in order.
  template <Argument... Keys> requires(sizeof...(Keys) > 0) Result<std::vector<std::optional<std::string>>> mget(const Keys&... keys) { return run(cmd::mget(detail::argument_view(keys)...)); }
  Result<std::vector<std::optional<std::string>>> mget(KeyList keys) { return run(cmd::mget(keys)); }
  /// https://redis.io/commands/mset — a map or range of (key, value) pairs.
  template <Argument Pairs> Result<bool> mset(const Pairs& pairs) { return run(cmd::mset(detail::argument_view(pairs))); }
  Result<bool> mset(PairList pairs) { return run(cmd::mset(pairs)); }
  /// https://redis.io/commands/msetnx — false (and nothing set) when any key exists.
  template <Argument Pairs> Result<bool> msetnx(const Pairs& pairs) { return run(cmd::msetnx(detail::argument_view(pairs))); }
  Result<bool> msetnx(PairList pairs) { return run(cmd::msetnx(pairs)); }
  /// https://redis.io/commands/setnx
  template <Argument V> Result<bool> setnx(std::string_view key, const V& value) { return run(cmd::setnx(key, detail::value_view(value))); }
  /// https://redis.io/commands/setex
  template <Argument V> Result<bool> setex(std::string_view key, std::chrono::seconds ttl, const V& value) { return run(cmd::setex(key, ttl, detail::value_view(value))); }
  /// https://redis.io/commands/psetex
  template <Argument V> Result<bool> psetex(std::string_view key, std::chrono::milliseconds ttl, const V& value) { return run(cmd::psetex(key, ttl, detail::value_view(value))); }
  /// https://redis.io/commands/incr
  Result<long long> incr(std::string_view key) { return run(cmd::incr(key)); }
  /// https://redis.io/commands/incrby
  Result<long long> incrby(std::string_view key, long long by) { return run(cmd::incrby(key, by)); }
  /// https://redis.io/commands/incrbyfloat
  Result<double> incrbyfloat(std::string_view key, double by) { return run(cmd::incrbyfloat(key, by)); }
  /// https://redis.io/commands/decr
  Result<long long> decr(std::string_view key) { return run(cmd::decr(key)); }
  /// https://redis.io/commands/decrby
  Result<long long> decrby(std::string_view key, long long by) { return run(cmd::decrby(key, by)); }
  /// https://redis.io/commands/append — the new length.
  template <Argument V> Result<long long> append(std::string_view key, const V& value) { return run(cmd::append(key, detail::value_view(value))); }
  /// https://redis.io/commands/strlen
  Result<long long> strlen(std::string_view key) { return run(cmd::strlen(key)); }
  /// https://redis.io/commands/getrange
  Result<std::string> getrange(std::string_view key, long long start, long long end) { return run(cmd::getrange(key, start, end)); }
  /// https://redis.io/commands/setrange — the new length.
  template <Argument V> Result<long long> setrange(std::string_view key, long long offset, const V& value) { return run(cmd::setrange(key, offset, detail::value_view(value))); }
  /// https://redis.io/commands/substr (deprecated: getrange)
  Result<std::string> substr(std::string_view key, long long start, long long end) { return run(cmd::substr(key, start, end)); }
  /// https://redis.io/commands/lcs — the longest common subsequence of two keys' values.
  Result<std::string> lcs(std::string_view key1, std::string_view key2) { return run(cmd::lcs(key1, key2)); }
  /// https://redis.io/commands/lcs with LEN — only its length.
  Result<long long> lcs_len(std::string_view key1, std::string_view key2) { return run(cmd::lcs_len(key1, key2)); }
  /// https://redis.io/commands/lcs with IDX — where it matches: LcsMatches{matches, len}.
  Result<LcsMatches> lcs_idx(std::string_view key1, std::string_view key2, const LcsIdxOptions& options = {}) { return run(cmd::lcs_idx(key1, key2, options)); }

 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/strings_replies.ipp>
#endif

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/strings_commands.ipp>
#endif
