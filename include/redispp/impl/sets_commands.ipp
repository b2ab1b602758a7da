#pragma once
// The command builders of <redispp/commands/sets.hpp> that are not templates: compiled once into
// the library, so that a program including the header does not instantiate the Command<T>,
// encoder and conversion code of every command it does not call (compile time: bench/README.md).

#include <redispp/commands/sets.hpp>

namespace redispp::cmd {

REDISPP_DECL Command<long long> scard(std::string_view key) { return make_read_command<long long>(first_key, "SCARD", key); }

REDISPP_DECL Command<MemberSet> smembers(std::string_view key) { return make_read_command<MemberSet>(first_key, "SMEMBERS", key); }

REDISPP_DECL Command<std::optional<std::string>> spop(std::string_view key) {
  return make_command<std::optional<std::string>>(first_key, "SPOP", key);
}

REDISPP_DECL Command<std::vector<std::string>> spop(std::string_view key, long long count) {
  return make_command<std::vector<std::string>>(first_key, "SPOP", key, count);
}

REDISPP_DECL Command<std::optional<std::string>> srandmember(std::string_view key) {
  return make_read_command<std::optional<std::string>>(first_key, "SRANDMEMBER", key);
}

REDISPP_DECL Command<std::vector<std::string>> srandmember(std::string_view key, long long count) {
  return make_read_command<std::vector<std::string>>(first_key, "SRANDMEMBER", key, count);
}

REDISPP_DECL Command<ScanPage<std::vector<std::string>>> sscan(std::string_view key, std::uint64_t cursor, const ScanOptions& o) {
  ArgumentWriter w("SSCAN", key, cursor);
  if (!o.match.empty()) w.add("MATCH", o.match);
  if (o.count) w.add("COUNT", *o.count);
  return Command<ScanPage<std::vector<std::string>>>(std::move(w), first_key, CommandFlags::read_only);
}

}  // namespace redispp::cmd
