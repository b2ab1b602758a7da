#pragma once
// Generic (key space) commands. https://redis.io/commands/?group=generic

#include <chrono>   // std::chrono
#include <cstdint>  // std::uint64_t
#include <string>   // std::string
#include <vector>   // std::vector

#include <redispp/commands/command.hpp>
#include <redispp/commands/options.hpp>

namespace redispp::cmd {

namespace detail {
inline void add_expire_conditions(ArgumentWriter& w, const ExpireOptions& o) {
  w.add_if(o.nx, "NX").add_if(o.xx, "XX").add_if(o.gt, "GT").add_if(o.lt, "LT");
}
inline void add_scan_options(ArgumentWriter& w, const ScanOptions& o) {
  if (!o.match.empty()) w.add("MATCH", o.match);
  if (o.count) w.add("COUNT", *o.count);
  if (!o.type.empty()) w.add("TYPE", o.type);
}
}  // namespace detail

template <class... Keys>
Command<long long> del(const Keys&... keys) { return make_command<long long>("DEL", keys...); }
template <class... Keys>
Command<long long> unlink(const Keys&... keys) { return make_command<long long>("UNLINK", keys...); }
/// EXISTS of several keys: how many of them exist (a key named twice counts twice).
template <class... Keys>
Command<long long> exists(const Keys&... keys) { return make_command<long long>("EXISTS", keys...); }
inline Command<bool> exists_one(std::string_view key) { return make_command<bool>("EXISTS", key); }

inline Command<bool> expire(std::string_view key, std::chrono::seconds ttl, const ExpireOptions& o) {
  ArgumentWriter w("EXPIRE", key, ttl.count());
  detail::add_expire_conditions(w, o);
  return Command<bool>(std::move(w).finish());
}
inline Command<bool> pexpire(std::string_view key, std::chrono::milliseconds ttl, const ExpireOptions& o) {
  ArgumentWriter w("PEXPIRE", key, ttl.count());
  detail::add_expire_conditions(w, o);
  return Command<bool>(std::move(w).finish());
}
inline Command<bool> expireat(std::string_view key, UnixSeconds when, const ExpireOptions& o) {
  ArgumentWriter w("EXPIREAT", key, when.time_since_epoch().count());
  detail::add_expire_conditions(w, o);
  return Command<bool>(std::move(w).finish());
}
inline Command<bool> pexpireat(std::string_view key, UnixMilliseconds when, const ExpireOptions& o) {
  ArgumentWriter w("PEXPIREAT", key, when.time_since_epoch().count());
  detail::add_expire_conditions(w, o);
  return Command<bool>(std::move(w).finish());
}
/// Seconds to live; -1 when the key has no expiry, -2 when it does not exist (as Redis says).
inline Command<long long> ttl(std::string_view key) { return make_command<long long>("TTL", key); }
inline Command<long long> pttl(std::string_view key) { return make_command<long long>("PTTL", key); }
inline Command<bool> persist(std::string_view key) { return make_command<bool>("PERSIST", key); }
/// "string", "list", "set", "zset", "hash", "stream", or "none".
inline Command<std::string> type(std::string_view key) { return make_command<std::string>("TYPE", key); }
inline Command<bool> rename(std::string_view key, std::string_view new_key) {
  return make_command<bool>("RENAME", key, new_key);
}
inline Command<bool> renamenx(std::string_view key, std::string_view new_key) {
  return make_command<bool>("RENAMENX", key, new_key);
}
inline Command<std::vector<std::string>> keys(std::string_view pattern) {
  return make_command<std::vector<std::string>>("KEYS", pattern);
}
inline Command<ScanPage<std::vector<std::string>>> scan(std::uint64_t cursor, const ScanOptions& o) {
  ArgumentWriter w("SCAN", cursor);
  detail::add_scan_options(w, o);
  return Command<ScanPage<std::vector<std::string>>>(std::move(w).finish());
}

}  // namespace redispp::cmd

namespace redispp {

/// Key commands as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class KeyCommands {
 public:
  /// https://redis.io/commands/del — how many keys were removed.
  template <Argument... Keys> requires(sizeof...(Keys) > 0) decltype(auto) del(const Keys&... keys) { return run(cmd::del(keys...)); }
  decltype(auto) del(KeyList keys) { return run(cmd::del(keys)); }
  /// https://redis.io/commands/unlink
  template <Argument... Keys> requires(sizeof...(Keys) > 0) decltype(auto) unlink(const Keys&... keys) { return run(cmd::unlink(keys...)); }
  decltype(auto) unlink(KeyList keys) { return run(cmd::unlink(keys)); }
  /// https://redis.io/commands/exists — one key: bool; several (or a range): how many exist.
  decltype(auto) exists(std::string_view key) { return run(cmd::exists_one(key)); }
  template <Argument K1, Argument K2, Argument... Keys> decltype(auto) exists(const K1& k1, const K2& k2, const Keys&... keys) { return run(cmd::exists(k1, k2, keys...)); }
  decltype(auto) exists(KeyList keys) { return run(cmd::exists(keys)); }
  template <Argument Keys> requires detail::range_argument<Keys> decltype(auto) exists(const Keys& keys) { return run(cmd::exists(keys)); }
  /// https://redis.io/commands/expire
  decltype(auto) expire(std::string_view key, std::chrono::seconds ttl, const ExpireOptions& options = {}) { return run(cmd::expire(key, ttl, options)); }
  /// https://redis.io/commands/pexpire
  decltype(auto) pexpire(std::string_view key, std::chrono::milliseconds ttl, const ExpireOptions& options = {}) { return run(cmd::pexpire(key, ttl, options)); }
  /// https://redis.io/commands/expireat
  decltype(auto) expireat(std::string_view key, UnixSeconds when, const ExpireOptions& options = {}) { return run(cmd::expireat(key, when, options)); }
  /// https://redis.io/commands/pexpireat
  decltype(auto) pexpireat(std::string_view key, UnixMilliseconds when, const ExpireOptions& options = {}) { return run(cmd::pexpireat(key, when, options)); }
  /// https://redis.io/commands/ttl — seconds; -1 no expiry, -2 no such key.
  decltype(auto) ttl(std::string_view key) { return run(cmd::ttl(key)); }
  /// https://redis.io/commands/pttl — milliseconds; -1 no expiry, -2 no such key.
  decltype(auto) pttl(std::string_view key) { return run(cmd::pttl(key)); }
  /// https://redis.io/commands/persist
  decltype(auto) persist(std::string_view key) { return run(cmd::persist(key)); }
  /// https://redis.io/commands/type
  decltype(auto) type(std::string_view key) { return run(cmd::type(key)); }
  /// https://redis.io/commands/rename
  decltype(auto) rename(std::string_view key, std::string_view new_key) { return run(cmd::rename(key, new_key)); }
  /// https://redis.io/commands/renamenx
  decltype(auto) renamenx(std::string_view key, std::string_view new_key) { return run(cmd::renamenx(key, new_key)); }
  /// https://redis.io/commands/keys — blocks the server on big databases: prefer scan_iter.
  decltype(auto) keys(std::string_view pattern = "*") { return run(cmd::keys(pattern)); }
  /// https://redis.io/commands/scan — one page: {cursor, keys}; cursor 0 means done.
  decltype(auto) scan(std::uint64_t cursor = 0, const ScanOptions& options = {}) { return run(cmd::scan(cursor, options)); }

 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp
