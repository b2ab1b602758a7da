#pragma once
// The command builders of <redispp/commands/keys.hpp> that are not templates: compiled once into
// the library, so that a program including the header does not instantiate the Command<T>,
// encoder and conversion code of every command it does not call (compile time: bench/README.md).

#include <redispp/commands/keys.hpp>

namespace redispp::cmd {

REDISPP_DECL Command<bool> exists_one(std::string_view key) { return make_read_command<bool>(keys_from(1), "EXISTS", key); }

REDISPP_DECL Command<bool> expire(std::string_view key, std::chrono::seconds ttl, const ExpireOptions& o) {
  ArgumentWriter w("EXPIRE", key, ttl.count());
  detail::add_expire_conditions(w, "EXPIRE", o);
  return Command<bool>(std::move(w), first_key);
}

REDISPP_DECL Command<bool> pexpire(std::string_view key, std::chrono::milliseconds ttl, const ExpireOptions& o) {
  ArgumentWriter w("PEXPIRE", key, ttl.count());
  detail::add_expire_conditions(w, "PEXPIRE", o);
  return Command<bool>(std::move(w), first_key);
}

REDISPP_DECL Command<bool> expireat(std::string_view key, UnixSeconds when, const ExpireOptions& o) {
  ArgumentWriter w("EXPIREAT", key, when.time_since_epoch().count());
  detail::add_expire_conditions(w, "EXPIREAT", o);
  return Command<bool>(std::move(w), first_key);
}

REDISPP_DECL Command<bool> pexpireat(std::string_view key, UnixMilliseconds when, const ExpireOptions& o) {
  ArgumentWriter w("PEXPIREAT", key, when.time_since_epoch().count());
  detail::add_expire_conditions(w, "PEXPIREAT", o);
  return Command<bool>(std::move(w), first_key);
}

REDISPP_DECL Command<bool> persist(std::string_view key) { return make_command<bool>(first_key, "PERSIST", key); }

REDISPP_DECL Command<std::string> type(std::string_view key) { return make_read_command<std::string>(first_key, "TYPE", key); }

REDISPP_DECL Command<bool> rename(std::string_view key, std::string_view new_key) {
  return make_command<bool>(KeyPositions::range(1, 2), "RENAME", key, new_key);
}

REDISPP_DECL Command<bool> renamenx(std::string_view key, std::string_view new_key) {
  return make_command<bool>(KeyPositions::range(1, 2), "RENAMENX", key, new_key);
}

REDISPP_DECL Command<std::vector<std::string>> keys(std::string_view pattern) {
  return make_read_command<std::vector<std::string>>(no_keys, "KEYS", pattern);
}

REDISPP_DECL Command<ScanPage<std::vector<std::string>>> scan(std::uint64_t cursor, const ScanOptions& o) {
  ArgumentWriter w("SCAN", cursor);
  detail::add_scan_options(w, o);
  return Command<ScanPage<std::vector<std::string>>>(std::move(w), no_keys, CommandFlags::read_only);
}

REDISPP_DECL Command<std::optional<std::string>> randomkey() { return make_read_command<std::optional<std::string>>(no_keys, "RANDOMKEY"); }

REDISPP_DECL Command<bool> copy(std::string_view source, std::string_view destination, const CopyOptions& o) {
  ArgumentWriter w("COPY", source, destination);
  if (o.db) w.add("DB", *o.db);
  w.add_if(o.replace, "REPLACE");
  return Command<bool>(std::move(w), KeyPositions::range(1, 2));
}

REDISPP_DECL Command<bool> move(std::string_view key, long long db) { return make_command<bool>(first_key, "MOVE", key, db); }

REDISPP_DECL Command<std::optional<std::string>> dump(std::string_view key) {
  return make_read_command<std::optional<std::string>>(first_key, "DUMP", key);
}

REDISPP_DECL Command<bool> migrate(std::string_view host, int port, std::string_view key, long long destination_db, std::chrono::milliseconds timeout, const MigrateOptions& o) {
  ArgumentWriter w("MIGRATE", host, port, key, destination_db, timeout.count());
  detail::add_migrate_options(w, o);
  return Command<bool>(std::move(w), KeyPositions::at(3), CommandFlags::none, &detail::migrate_reply);
}

REDISPP_DECL Command<std::optional<std::string>> object_encoding(std::string_view key) {
  return make_read_command<std::optional<std::string>>(KeyPositions::at(2), "OBJECT", "ENCODING", key);
}

REDISPP_DECL Command<std::optional<long long>> object_freq(std::string_view key) {
  return make_read_command<std::optional<long long>>(KeyPositions::at(2), "OBJECT", "FREQ", key);
}

REDISPP_DECL Command<std::optional<long long>> object_idletime(std::string_view key) {
  return make_read_command<std::optional<long long>>(KeyPositions::at(2), "OBJECT", "IDLETIME", key);
}

REDISPP_DECL Command<std::optional<long long>> object_refcount(std::string_view key) {
  return make_read_command<std::optional<long long>>(KeyPositions::at(2), "OBJECT", "REFCOUNT", key);
}

REDISPP_DECL Command<std::vector<std::string>> object_help() {
  return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "OBJECT", "HELP");
}

REDISPP_DECL Command<std::vector<std::optional<std::string>>> sort(std::string_view key, const SortOptions& o) {
  ArgumentWriter w("SORT", key);
  detail::add_sort_options(w, o);
  return Command<std::vector<std::optional<std::string>>>(std::move(w), first_key);
}

REDISPP_DECL Command<std::vector<std::optional<std::string>>> sort_ro(std::string_view key, const SortOptions& o) {
  ArgumentWriter w("SORT_RO", key);
  detail::add_sort_options(w, o);
  return Command<std::vector<std::optional<std::string>>>(std::move(w), first_key, CommandFlags::read_only);
}

REDISPP_DECL Command<long long> sort_store(std::string_view key, std::string_view destination, const SortOptions& o) {
  ArgumentWriter w("SORT", key);
  detail::add_sort_options(w, o);
  w.add("STORE", destination);
  return Command<long long>(std::move(w), first_key.plus(KeyPositions::at(-1)));
}

REDISPP_DECL Command<long long> wait(long long numreplicas, std::chrono::milliseconds timeout) {
  return make_command<long long>(no_keys, "WAIT", numreplicas, timeout.count())
      .blocking(timeout.count() == 0 ? std::chrono::milliseconds{-1} : timeout);
}

}  // namespace redispp::cmd
