#pragma once
// Hash commands. https://redis.io/commands/?group=hash

#include <cstdint>        // std::uint64_t
#include <optional>       // std::optional
#include <string>         // std::string
#include <unordered_map>  // std::unordered_map
#include <utility>        // std::pair
#include <vector>         // std::vector

#include <redispp/commands/command.hpp>
#include <redispp/commands/options.hpp>

namespace redispp::cmd {

template <class F, class V>
Command<long long> hset(std::string_view key, const F& field, const V& value) {
  return make_command<long long>("HSET", key, field, value);
}
/// HSET with many fields: a map or a range of (field, value) pairs. Returns how many were new.
template <class Pairs>
Command<long long> hset(std::string_view key, const Pairs& mapping) {
  return make_command<long long>("HSET", key, mapping);
}
template <class F>
Command<std::optional<std::string>> hget(std::string_view key, const F& field) {
  return make_command<std::optional<std::string>>("HGET", key, field);
}
template <class... Fields>
Command<std::vector<std::optional<std::string>>> hmget(std::string_view key, const Fields&... fields) {
  return make_command<std::vector<std::optional<std::string>>>("HMGET", key, fields...);
}
inline Command<std::unordered_map<std::string, std::string>> hgetall(std::string_view key) {
  return make_command<std::unordered_map<std::string, std::string>>("HGETALL", key);
}
template <class... Fields>
Command<long long> hdel(std::string_view key, const Fields&... fields) {
  return make_command<long long>("HDEL", key, fields...);
}
template <class F>
Command<bool> hexists(std::string_view key, const F& field) { return make_command<bool>("HEXISTS", key, field); }
template <class F>
Command<long long> hincrby(std::string_view key, const F& field, long long by) {
  return make_command<long long>("HINCRBY", key, field, by);
}
template <class F>
Command<double> hincrbyfloat(std::string_view key, const F& field, double by) {
  return make_command<double>("HINCRBYFLOAT", key, field, by);
}
inline Command<std::vector<std::string>> hkeys(std::string_view key) {
  return make_command<std::vector<std::string>>("HKEYS", key);
}
inline Command<std::vector<std::string>> hvals(std::string_view key) {
  return make_command<std::vector<std::string>>("HVALS", key);
}
inline Command<long long> hlen(std::string_view key) { return make_command<long long>("HLEN", key); }
template <class F, class V>
Command<bool> hsetnx(std::string_view key, const F& field, const V& value) {
  return make_command<bool>("HSETNX", key, field, value);
}
template <class F>
Command<long long> hstrlen(std::string_view key, const F& field) { return make_command<long long>("HSTRLEN", key, field); }
/// One random field, or nullopt for a missing key.
inline Command<std::optional<std::string>> hrandfield(std::string_view key) {
  return make_command<std::optional<std::string>>("HRANDFIELD", key);
}
/// Up to `count` random fields (negative: `-count` fields, repeats allowed).
inline Command<std::vector<std::string>> hrandfield(std::string_view key, long long count) {
  return make_command<std::vector<std::string>>("HRANDFIELD", key, count);
}
/// HRANDFIELD key count WITHVALUES: (field, value) pairs.
inline Command<std::vector<std::pair<std::string, std::string>>> hrandfield_withvalues(std::string_view key,
                                                                                        long long count) {
  return make_command<std::vector<std::pair<std::string, std::string>>>("HRANDFIELD", key, count, "WITHVALUES");
}
inline Command<ScanPage<std::unordered_map<std::string, std::string>>> hscan(std::string_view key,
                                                                            std::uint64_t cursor,
                                                                            const ScanOptions& o) {
  ArgumentWriter w("HSCAN", key, cursor);
  if (!o.match.empty()) w.add("MATCH", o.match);
  if (o.count) w.add("COUNT", *o.count);
  return Command<ScanPage<std::unordered_map<std::string, std::string>>>(std::move(w).finish());
}

}  // namespace redispp::cmd
