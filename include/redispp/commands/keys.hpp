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
