#pragma once
// The command builders of <redispp/commands/strings.hpp> that are not templates: compiled once into
// the library, so that a program including the header does not instantiate the Command<T>,
// encoder and conversion code of every command it does not call (compile time: bench/README.md).

#include <redispp/commands/strings.hpp>

namespace redispp::cmd {

REDISPP_DECL Command<std::optional<std::string>> getdel(std::string_view key) {
  return make_command<std::optional<std::string>>(first_key, "GETDEL", key);
}

REDISPP_DECL Command<std::optional<std::string>> getex(std::string_view key, const GetExOptions& o) {
  static constexpr std::string_view expiries[] = {"ex", "px", "exat", "pxat", "persist"};
  detail::check_exclusive(detail::set_fields(o.ex, o.px, o.exat, o.pxat, o.persist), "GETEX", "GetExOptions", expiries,
                          "pick one expiry");
  ArgumentWriter w("GETEX", key);
  detail::add_expiry(w, o);
  w.add_if(o.persist, "PERSIST");
  return Command<std::optional<std::string>>(std::move(w), first_key);
}

REDISPP_DECL Command<long long> incr(std::string_view key) { return make_command<long long>(first_key, "INCR", key); }

REDISPP_DECL Command<long long> incrby(std::string_view key, long long by) { return make_command<long long>(first_key, "INCRBY", key, by); }

REDISPP_DECL Command<double> incrbyfloat(std::string_view key, double by) { return make_command<double>(first_key, "INCRBYFLOAT", key, by); }

REDISPP_DECL Command<long long> decr(std::string_view key) { return make_command<long long>(first_key, "DECR", key); }

REDISPP_DECL Command<long long> decrby(std::string_view key, long long by) { return make_command<long long>(first_key, "DECRBY", key, by); }

REDISPP_DECL Command<long long> strlen(std::string_view key) { return make_read_command<long long>(first_key, "STRLEN", key); }

REDISPP_DECL Command<std::string> getrange(std::string_view key, long long start, long long end) {
  return make_read_command<std::string>(first_key, "GETRANGE", key, start, end);
}

REDISPP_DECL Command<std::string> substr(std::string_view key, long long start, long long end) {
  return make_read_command<std::string>(first_key, "SUBSTR", key, start, end);
}

REDISPP_DECL Command<std::string> lcs(std::string_view key1, std::string_view key2) {
  return make_read_command<std::string>(KeyPositions::range(1, 2), "LCS", key1, key2);
}

REDISPP_DECL Command<long long> lcs_len(std::string_view key1, std::string_view key2) {
  return make_read_command<long long>(KeyPositions::range(1, 2), "LCS", key1, key2, "LEN");
}

REDISPP_DECL Command<LcsMatches> lcs_idx(std::string_view key1, std::string_view key2, const LcsIdxOptions& o) {
  ArgumentWriter w("LCS", key1, key2, "IDX");
  if (o.min_match_len) w.add("MINMATCHLEN", *o.min_match_len);
  w.add_if(o.with_match_len, "WITHMATCHLEN");
  return Command<LcsMatches>(std::move(w), KeyPositions::range(1, 2), CommandFlags::read_only);
}

}  // namespace redispp::cmd
