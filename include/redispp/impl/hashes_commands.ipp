#pragma once
// The command builders of <redispp/commands/hashes.hpp> that are not templates: compiled once into
// the library, so that a program including the header does not instantiate the Command<T>,
// encoder and conversion code of every command it does not call (compile time: bench/README.md).

#include <redispp/commands/hashes.hpp>

namespace redispp::cmd {

REDISPP_DECL Command<std::unordered_map<std::string, std::string>> hgetall(std::string_view key) {
  return make_read_command<std::unordered_map<std::string, std::string>>(first_key, "HGETALL", key);
}

REDISPP_DECL Command<std::vector<std::string>> hkeys(std::string_view key) {
  return make_read_command<std::vector<std::string>>(first_key, "HKEYS", key);
}

REDISPP_DECL Command<std::vector<std::string>> hvals(std::string_view key) {
  return make_read_command<std::vector<std::string>>(first_key, "HVALS", key);
}

REDISPP_DECL Command<long long> hlen(std::string_view key) { return make_read_command<long long>(first_key, "HLEN", key); }

REDISPP_DECL Command<std::optional<std::string>> hrandfield(std::string_view key) {
  return make_read_command<std::optional<std::string>>(first_key, "HRANDFIELD", key);
}

REDISPP_DECL Command<std::vector<std::string>> hrandfield(std::string_view key, long long count) {
  return make_read_command<std::vector<std::string>>(first_key, "HRANDFIELD", key, count);
}

REDISPP_DECL Command<std::vector<std::pair<std::string, std::string>>> hrandfield_withvalues(std::string_view key, long long count) {
  return make_read_command<std::vector<std::pair<std::string, std::string>>>(first_key, "HRANDFIELD", key, count, "WITHVALUES");
}

REDISPP_DECL Command<ScanPage<std::unordered_map<std::string, std::string>>> hscan(std::string_view key, std::uint64_t cursor, const ScanOptions& o) {
  ArgumentWriter w("HSCAN", key, cursor);
  if (!o.match.empty()) w.add("MATCH", o.match);
  if (o.count) w.add("COUNT", *o.count);
  return Command<ScanPage<std::unordered_map<std::string, std::string>>>(std::move(w), first_key, CommandFlags::read_only);
}

}  // namespace redispp::cmd
