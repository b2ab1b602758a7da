#pragma once
// The command builders of <redispp/commands/sorted_sets.hpp> that are not templates: compiled once into
// the library, so that a program including the header does not instantiate the Command<T>,
// encoder and conversion code of every command it does not call (compile time: bench/README.md).

#include <redispp/commands/sorted_sets.hpp>

namespace redispp::cmd {

REDISPP_DECL Command<long long> zcard(std::string_view key) { return make_read_command<long long>(first_key, "ZCARD", key); }

REDISPP_DECL Command<long long> zremrangebyrank(std::string_view key, long long start, long long stop) {
  return make_command<long long>(first_key, "ZREMRANGEBYRANK", key, start, stop);
}

REDISPP_DECL Command<std::optional<std::string>> zrandmember(std::string_view key) {
  return make_read_command<std::optional<std::string>>(first_key, "ZRANDMEMBER", key);
}

REDISPP_DECL Command<std::vector<std::string>> zrandmember(std::string_view key, long long count) {
  return make_read_command<std::vector<std::string>>(first_key, "ZRANDMEMBER", key, count);
}

REDISPP_DECL Command<ScoredMembers> zrandmember_withscores(std::string_view key, long long count) {
  return make_read_command<ScoredMembers>(first_key, "ZRANDMEMBER", key, count, "WITHSCORES");
}

REDISPP_DECL Command<ScoredMembers> zpopmin(std::string_view key) { return make_command<ScoredMembers>(first_key, "ZPOPMIN", key); }

REDISPP_DECL Command<ScoredMembers> zpopmin(std::string_view key, long long count) {
  return make_command<ScoredMembers>(first_key, "ZPOPMIN", key, count);
}

REDISPP_DECL Command<ScoredMembers> zpopmax(std::string_view key) { return make_command<ScoredMembers>(first_key, "ZPOPMAX", key); }

REDISPP_DECL Command<ScoredMembers> zpopmax(std::string_view key, long long count) {
  return make_command<ScoredMembers>(first_key, "ZPOPMAX", key, count);
}

REDISPP_DECL Command<ScanPage<ScoredMembers>> zscan(std::string_view key, std::uint64_t cursor, const ScanOptions& o) {
  ArgumentWriter w("ZSCAN", key, cursor);
  if (!o.match.empty()) w.add("MATCH", o.match);
  if (o.count) w.add("COUNT", *o.count);
  return Command<ScanPage<ScoredMembers>>(std::move(w), first_key, CommandFlags::read_only);
}

}  // namespace redispp::cmd
