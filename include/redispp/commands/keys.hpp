#pragma once
// Generic (key space) commands. https://redis.io/commands/?group=generic
//
// Reply types, as redis-py's response callbacks decide them:
//   0/1 answers (EXPIRE, PERSIST, COPY, MOVE, RENAMENX) and OK (RENAME, RESTORE) -> bool;
//   MIGRATE -> bool: true when keys moved (OK), false when none of them existed (NOKEY);
//   counts and times (DEL, TOUCH, TTL, EXPIRETIME, WAIT, SORT ... STORE) -> long long, with
//   Redis' own -1 (no expiry) and -2 (no key) kept as they are; or, asked for by a template
//   argument, TTL / PTTL / EXPIRETIME / PEXPIRETIME as std::chrono values with those two cases
//   explicit: r.ttl<redispp::Ttl>(k), r.pexpiretime<redispp::PExpireTime>(k) (expiry.hpp says why);
//   DUMP -> std::optional<std::string> (binary; nullopt for a missing key);
//   RANDOMKEY -> std::optional<std::string> (nullopt in an empty database);
//   OBJECT ENCODING -> std::optional<std::string>; OBJECT FREQ / IDLETIME / REFCOUNT ->
//   std::optional<long long> (nullopt for a missing key); OBJECT HELP -> lines of text;
//   SORT / SORT_RO -> std::vector<std::optional<std::string>> (a GET pattern that names a
//   missing key or field gives nullopt).

#include <cstdint>  // std::uint64_t
#include <optional> // std::optional
#include <string>   // std::string
#include <vector>   // std::vector

#include <redispp/commands/command.hpp>
#include <redispp/commands/expiry.hpp>  // Expiry, Ttl, PTtl, ExpireTime, PExpireTime
#include <redispp/commands/exclusive_options.hpp>
#include <redispp/commands/host_result.hpp>
#include <redispp/commands/options.hpp>
#include <redispp/config.hpp>  // REDISPP_DECL
#include <redispp/detail/chrono.hpp>  // std::chrono

namespace redispp {

/// SORT / SORT_RO options. Every field is optional:
///   r.sort("ids", {.by = "weight_*", .count = 10, .get = {"#", "name_*"}, .desc = true});
struct SortOptions {
  std::string by = {};                         // BY pattern ("nosort" skips sorting); empty = none
  std::optional<long long> offset = std::nullopt;  // LIMIT offset (0 when only count is given)
  std::optional<long long> count = std::nullopt;   // LIMIT count (all when only offset is given)
  std::vector<std::string> get = {};           // GET patterns, in order ("#" = the element itself)
  bool desc = false;                           // DESC instead of ASC
  bool alpha = false;                          // compare as strings, not numbers
};

/// COPY options: another database, and whether to overwrite an existing destination.
struct CopyOptions {
  std::optional<long long> db = std::nullopt;
  bool replace = false;
};

/// RESTORE options. With absttl the ttl given is a Unix time in milliseconds, not a duration.
struct RestoreOptions {
  bool replace = false;
  bool absttl = false;
  std::optional<std::chrono::seconds> idletime = std::nullopt;  // IDLETIME (LRU policies)
  std::optional<long long> freq = std::nullopt;                // FREQ (LFU policies)
};

/// MIGRATE options: COPY, REPLACE, and credentials for the target (AUTH password, or AUTH2
/// username password when a username is given).
struct MigrateOptions {
  bool copy = false;
  bool replace = false;
  std::string username = {};
  std::string password = {};
};

}  // namespace redispp

namespace redispp::cmd {

namespace detail {
inline void add_expire_conditions(ArgumentWriter& w, std::string_view command, const ExpireOptions& o) {
  // Redis: "NX and XX, GT or LT options at the same time are not compatible", "GT and LT
  // options at the same time are not compatible" (XX with GT or LT is allowed).
  static constexpr std::string_view has_expiry[] = {"nx", "xx"};
  check_exclusive(set_fields(o.nx, o.xx), command, "ExpireOptions", has_expiry, "nx needs no expiry, xx one");
  static constexpr std::string_view conditions[] = {"nx", "gt", "lt"};
  check_exclusive(set_fields(o.nx, o.gt, o.lt), command, "ExpireOptions", conditions, "pick one condition");
  w.add_if(o.nx, "NX").add_if(o.xx, "XX").add_if(o.gt, "GT").add_if(o.lt, "LT");
}
inline void add_scan_options(ArgumentWriter& w, const ScanOptions& o) {
  if (!o.match.empty()) w.add("MATCH", o.match);
  if (o.count) w.add("COUNT", *o.count);
  if (!o.type.empty()) w.add("TYPE", o.type);
}
inline void add_sort_options(ArgumentWriter& w, const SortOptions& o) {
  if (!o.by.empty()) w.add("BY", o.by);
  if (o.offset || o.count) w.add("LIMIT", o.offset.value_or(0), o.count.value_or(-1));
  for (const auto& pattern : o.get) w.add("GET", pattern);
  w.add_if(o.desc, "DESC").add_if(o.alpha, "ALPHA");
}
inline void add_migrate_options(ArgumentWriter& w, const MigrateOptions& o) {
  w.add_if(o.copy, "COPY").add_if(o.replace, "REPLACE");
  if (!o.password.empty()) {
    if (o.username.empty())
      w.add("AUTH", o.password);
    else
      w.add("AUTH2", o.username, o.password);
  }
}
/// MIGRATE answers OK, or NOKEY when no key given existed.
inline bool migrate_reply(Reply&& reply) {
  if (!reply.is_error() && reply.type() == ReplyType::simple_string && reply.str() == "NOKEY") return false;
  return convert<bool>(std::move(reply));
}
}  // namespace detail

template <class... Keys>
Command<long long> del(const Keys&... keys) { return make_command<long long>(keys_from(1), "DEL", keys...); }
template <class... Keys>
Command<long long> unlink(const Keys&... keys) { return make_command<long long>(keys_from(1), "UNLINK", keys...); }
/// EXISTS of several keys: how many of them exist (a key named twice counts twice).
template <class... Keys>
Command<long long> exists(const Keys&... keys) { return make_read_command<long long>(keys_from(1), "EXISTS", keys...); }
REDISPP_DECL Command<bool> exists_one(std::string_view key);

REDISPP_DECL Command<bool> expire(std::string_view key, std::chrono::seconds ttl, const ExpireOptions& o);
REDISPP_DECL Command<bool> pexpire(std::string_view key, std::chrono::milliseconds ttl, const ExpireOptions& o);
REDISPP_DECL Command<bool> expireat(std::string_view key, UnixSeconds when, const ExpireOptions& o);
REDISPP_DECL Command<bool> pexpireat(std::string_view key, UnixMilliseconds when, const ExpireOptions& o);
/// Seconds to live; -1 when the key has no expiry, -2 when it does not exist (as Redis says).
/// T: long long as Redis says it, or an Expiry (expiry.hpp).
template <class T = long long>
Command<T> ttl(std::string_view key) { return make_read_command<T>(first_key, "TTL", key); }
template <class T = long long>
Command<T> pttl(std::string_view key) { return make_read_command<T>(first_key, "PTTL", key); }
REDISPP_DECL Command<bool> persist(std::string_view key);
/// "string", "list", "set", "zset", "hash", "stream", or "none".
REDISPP_DECL Command<std::string> type(std::string_view key);
REDISPP_DECL Command<bool> rename(std::string_view key, std::string_view new_key);
REDISPP_DECL Command<bool> renamenx(std::string_view key, std::string_view new_key);
REDISPP_DECL Command<std::vector<std::string>> keys(std::string_view pattern);
REDISPP_DECL Command<ScanPage<std::vector<std::string>>> scan(std::uint64_t cursor, const ScanOptions& o);

template <class... Keys>
Command<long long> touch(const Keys&... keys) { return make_read_command<long long>(keys_from(1), "TOUCH", keys...); }
/// Unix time (seconds) at which the key expires; -1 no expiry, -2 no such key.
/// T: long long as Redis says it, or an Expiry (expiry.hpp).
template <class T = long long>
Command<T> expiretime(std::string_view key) { return make_read_command<T>(first_key, "EXPIRETIME", key); }
template <class T = long long>
Command<T> pexpiretime(std::string_view key) { return make_read_command<T>(first_key, "PEXPIRETIME", key); }
REDISPP_DECL Command<std::optional<std::string>> randomkey();
REDISPP_DECL Command<bool> copy(std::string_view source, std::string_view destination, const CopyOptions& o);
REDISPP_DECL Command<bool> move(std::string_view key, long long db);
REDISPP_DECL Command<std::optional<std::string>> dump(std::string_view key);
template <class V>
Command<bool> restore(std::string_view key, std::chrono::milliseconds ttl, const V& serialized, const RestoreOptions& o) {
  ArgumentWriter w("RESTORE", key, ttl.count(), serialized);
  w.add_if(o.replace, "REPLACE").add_if(o.absttl, "ABSTTL");
  if (o.idletime) w.add("IDLETIME", o.idletime->count());
  if (o.freq) w.add("FREQ", *o.freq);
  return Command<bool>(std::move(w), first_key);
}
/// MIGRATE of one key.
REDISPP_DECL Command<bool> migrate(std::string_view host, int port, std::string_view key, long long destination_db,
                             std::chrono::milliseconds timeout, const MigrateOptions& o);
/// MIGRATE of several keys (the KEYS form: the key argument is empty).
template <class Keys>
Command<bool> migrate_keys(std::string_view host, int port, const Keys& keys, long long destination_db,
                           std::chrono::milliseconds timeout, const MigrateOptions& o) {
  ArgumentWriter w("MIGRATE", host, port, "", destination_db, timeout.count());
  detail::add_migrate_options(w, o);
  const auto first = static_cast<int>(w.count()) + 1;  // after KEYS
  w.add("KEYS", keys);
  return Command<bool>(std::move(w), keys_from(first), CommandFlags::none, &detail::migrate_reply);
}
REDISPP_DECL Command<std::optional<std::string>> object_encoding(std::string_view key);
REDISPP_DECL Command<std::optional<long long>> object_freq(std::string_view key);
REDISPP_DECL Command<std::optional<long long>> object_idletime(std::string_view key);
REDISPP_DECL Command<std::optional<long long>> object_refcount(std::string_view key);
REDISPP_DECL Command<std::vector<std::string>> object_help();
REDISPP_DECL Command<std::vector<std::optional<std::string>>> sort(std::string_view key, const SortOptions& o);
REDISPP_DECL Command<std::vector<std::optional<std::string>>> sort_ro(std::string_view key, const SortOptions& o);
/// SORT ... STORE destination: how many elements were stored.
REDISPP_DECL Command<long long> sort_store(std::string_view key, std::string_view destination, const SortOptions& o);
/// WAIT: how many replicas acknowledged the connection's writes within `timeout` (0 = forever).
REDISPP_DECL Command<long long> wait(long long numreplicas, std::chrono::milliseconds timeout);

}  // namespace redispp::cmd

namespace redispp {

/// Key commands as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class KeyCommands {
 public:
  /// What each method returns: its reply type T on Redis, Pipeline& on a pipeline (host_result.hpp).
  template <class T>
  using Result = HostResult<Derived, T>;

  /// https://redis.io/commands/del — how many keys were removed.
  template <Argument... Keys> requires(sizeof...(Keys) > 0) Result<long long> del(const Keys&... keys) { return run(cmd::del(detail::argument_view(keys)...)); }
  Result<long long> del(KeyList keys) { return run(cmd::del(keys)); }
  /// https://redis.io/commands/unlink
  template <Argument... Keys> requires(sizeof...(Keys) > 0) Result<long long> unlink(const Keys&... keys) { return run(cmd::unlink(detail::argument_view(keys)...)); }
  Result<long long> unlink(KeyList keys) { return run(cmd::unlink(keys)); }
  /// https://redis.io/commands/exists — one key: bool; several (or a range): how many exist.
  Result<bool> exists(std::string_view key) { return run(cmd::exists_one(key)); }
  template <Argument K1, Argument K2, Argument... Keys> Result<long long> exists(const K1& k1, const K2& k2, const Keys&... keys) { return run(cmd::exists(detail::argument_view(k1), detail::argument_view(k2), detail::argument_view(keys)...)); }
  Result<long long> exists(KeyList keys) { return run(cmd::exists(keys)); }
  template <Argument Keys> requires detail::range_argument<Keys> Result<long long> exists(const Keys& keys) { return run(cmd::exists(detail::argument_view(keys))); }
  /// https://redis.io/commands/expire
  Result<bool> expire(std::string_view key, std::chrono::seconds ttl, const ExpireOptions& options = {}) { return run(cmd::expire(key, ttl, options)); }
  /// https://redis.io/commands/pexpire
  Result<bool> pexpire(std::string_view key, std::chrono::milliseconds ttl, const ExpireOptions& options = {}) { return run(cmd::pexpire(key, ttl, options)); }
  /// https://redis.io/commands/expireat
  Result<bool> expireat(std::string_view key, UnixSeconds when, const ExpireOptions& options = {}) { return run(cmd::expireat(key, when, options)); }
  /// https://redis.io/commands/pexpireat
  Result<bool> pexpireat(std::string_view key, UnixMilliseconds when, const ExpireOptions& options = {}) { return run(cmd::pexpireat(key, when, options)); }
  /// https://redis.io/commands/ttl — seconds; -1 no expiry, -2 no such key. ttl<redispp::Ttl>:
  /// the same as std::chrono::seconds with the two cases named (expiry.hpp).
  ///   redispp::Ttl t = r.ttl<redispp::Ttl>("k");  if (t.expires()) use(t.value());
  template <class T = long long> requires detail::expiry_result<T, Ttl>
  Result<T> ttl(std::string_view key) { return run(cmd::ttl<T>(key)); }
  /// https://redis.io/commands/pttl — milliseconds; -1 no expiry, -2 no such key. pttl<redispp::PTtl>: std::chrono::milliseconds.
  template <class T = long long> requires detail::expiry_result<T, PTtl>
  Result<T> pttl(std::string_view key) { return run(cmd::pttl<T>(key)); }
  /// https://redis.io/commands/persist
  Result<bool> persist(std::string_view key) { return run(cmd::persist(key)); }
  /// https://redis.io/commands/type
  Result<std::string> type(std::string_view key) { return run(cmd::type(key)); }
  /// https://redis.io/commands/rename
  Result<bool> rename(std::string_view key, std::string_view new_key) { return run(cmd::rename(key, new_key)); }
  /// https://redis.io/commands/renamenx
  Result<bool> renamenx(std::string_view key, std::string_view new_key) { return run(cmd::renamenx(key, new_key)); }
  /// https://redis.io/commands/keys — blocks the server on big databases: prefer scan_iter.
  Result<std::vector<std::string>> keys(std::string_view pattern = "*") { return run(cmd::keys(pattern)); }
  /// https://redis.io/commands/scan — one page: {cursor, keys}; cursor 0 means done.
  Result<ScanPage<std::vector<std::string>>> scan(std::uint64_t cursor = 0, const ScanOptions& options = {}) { return run(cmd::scan(cursor, options)); }
  /// https://redis.io/commands/touch — how many of the keys exist (their access time is updated).
  template <Argument... Keys> requires(sizeof...(Keys) > 0) Result<long long> touch(const Keys&... keys) { return run(cmd::touch(detail::argument_view(keys)...)); }
  Result<long long> touch(KeyList keys) { return run(cmd::touch(keys)); }
  /// https://redis.io/commands/expiretime — Unix seconds; -1 no expiry, -2 no such key.
  /// expiretime<redispp::ExpireTime>: a UnixSeconds time point with the two cases named.
  template <class T = long long> requires detail::expiry_result<T, ExpireTime>
  Result<T> expiretime(std::string_view key) { return run(cmd::expiretime<T>(key)); }
  /// https://redis.io/commands/pexpiretime — Unix milliseconds; -1 no expiry, -2 no such key.
  /// pexpiretime<redispp::PExpireTime>: a UnixMilliseconds time point.
  template <class T = long long> requires detail::expiry_result<T, PExpireTime>
  Result<T> pexpiretime(std::string_view key) { return run(cmd::pexpiretime<T>(key)); }
  /// https://redis.io/commands/randomkey — nullopt when the database is empty.
  Result<std::optional<std::string>> randomkey() { return run(cmd::randomkey()); }
  /// https://redis.io/commands/copy — false when the destination exists (without replace).
  Result<bool> copy(std::string_view source, std::string_view destination, const CopyOptions& options = {}) { return run(cmd::copy(source, destination, options)); }
  /// https://redis.io/commands/move — false when the key is missing or exists in `db`.
  Result<bool> move(std::string_view key, long long db) { return run(cmd::move(key, db)); }
  /// https://redis.io/commands/dump — the serialized value (binary), nullopt for a missing key.
  Result<std::optional<std::string>> dump(std::string_view key) { return run(cmd::dump(key)); }
  /// https://redis.io/commands/restore — from dump(); ttl 0 = no expiry.
  ///   r.restore("copy", 0ms, *r.dump("k"), {.replace = true});
  template <Argument V> Result<bool> restore(std::string_view key, std::chrono::milliseconds ttl, const V& serialized, const RestoreOptions& options = {}) { return run(cmd::restore(key, ttl, detail::value_view(serialized), options)); }
  /// https://redis.io/commands/migrate — one key, or (a range or list of keys) the KEYS form;
  /// false when none of the keys existed (NOKEY).
  Result<bool> migrate(std::string_view host, int port, std::string_view key, long long destination_db, std::chrono::milliseconds timeout, const MigrateOptions& options = {}) { return run(cmd::migrate(host, port, key, destination_db, timeout, options)); }
  template <Argument Keys> requires detail::range_argument<Keys> Result<bool> migrate(std::string_view host, int port, const Keys& keys, long long destination_db, std::chrono::milliseconds timeout, const MigrateOptions& options = {}) { return run(cmd::migrate_keys(host, port, detail::argument_view(keys), destination_db, timeout, options)); }
  Result<bool> migrate(std::string_view host, int port, KeyList keys, long long destination_db, std::chrono::milliseconds timeout, const MigrateOptions& options = {}) { return run(cmd::migrate_keys(host, port, keys, destination_db, timeout, options)); }
  /// https://redis.io/commands/object-encoding — "listpack", "hashtable", "int" ...; nullopt for a missing key.
  Result<std::optional<std::string>> object_encoding(std::string_view key) { return run(cmd::object_encoding(key)); }
  /// https://redis.io/commands/object-freq — needs an LFU maxmemory-policy (else ResponseError).
  Result<std::optional<long long>> object_freq(std::string_view key) { return run(cmd::object_freq(key)); }
  /// https://redis.io/commands/object-idletime — seconds since last access (not under LFU policies).
  Result<std::optional<long long>> object_idletime(std::string_view key) { return run(cmd::object_idletime(key)); }
  /// https://redis.io/commands/object-refcount
  Result<std::optional<long long>> object_refcount(std::string_view key) { return run(cmd::object_refcount(key)); }
  /// https://redis.io/commands/object-help
  Result<std::vector<std::string>> object_help() { return run(cmd::object_help()); }
  /// https://redis.io/commands/sort — the sorted elements (or GET values; nullopt where missing).
  Result<std::vector<std::optional<std::string>>> sort(std::string_view key, const SortOptions& options = {}) { return run(cmd::sort(key, options)); }
  /// https://redis.io/commands/sort with STORE — how many elements were stored in `destination`.
  Result<long long> sort_store(std::string_view key, std::string_view destination, const SortOptions& options = {}) { return run(cmd::sort_store(key, destination, options)); }
  /// https://redis.io/commands/sort_ro — SORT without STORE, allowed on replicas.
  Result<std::vector<std::optional<std::string>>> sort_ro(std::string_view key, const SortOptions& options = {}) { return run(cmd::sort_ro(key, options)); }
  /// https://redis.io/commands/wait — replicas that acknowledged; blocks up to `timeout` (0 = forever).
  Result<long long> wait(long long numreplicas, std::chrono::milliseconds timeout) { return run(cmd::wait(numreplicas, timeout)); }

 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/keys_commands.ipp>
#endif
