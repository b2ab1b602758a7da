#pragma once
// Set commands. https://redis.io/commands/?group=set
//
// Reply types (as redis-py's callbacks type them):
//   SMEMBERS, SINTER, SUNION, SDIFF   std::unordered_set<std::string> (RESP2 array or RESP3 set:
//                                     the same C++ value; the order is the server's and means nothing)
//   SPOP / SRANDMEMBER with a count   std::vector<std::string> (SRANDMEMBER with a negative
//                                     count may repeat members, so no set there)
//   SPOP / SRANDMEMBER without        std::optional<std::string> (nullopt for a missing key)
//   SISMEMBER, SMOVE                  bool;  SMISMEMBER  std::vector<bool>, one per member
//   SADD, SREM, SCARD, S*STORE, SINTERCARD  long long
//   SSCAN                             ScanPage<std::vector<std::string>> (Redis::sscan_iter ranges)

#include <cstdint>        // std::uint64_t
#include <optional>       // std::optional
#include <string>         // std::string
#include <unordered_set>  // std::unordered_set
#include <vector>         // std::vector

#include <redispp/commands/command.hpp>
#include <redispp/commands/host_result.hpp>
#include <redispp/commands/options.hpp>
#include <redispp/config.hpp>  // REDISPP_DECL

namespace redispp {

/// The members of a set as SMEMBERS, SINTER, SUNION and SDIFF return them.
using MemberSet = std::unordered_set<std::string>;

namespace cmd {


template <class... Members>
Command<long long> sadd(std::string_view key, const Members&... members) {
  return make_command<long long>(first_key, "SADD", key, members...);
}
template <class... Members>
Command<long long> srem(std::string_view key, const Members&... members) {
  return make_command<long long>(first_key, "SREM", key, members...);
}
REDISPP_DECL Command<long long> scard(std::string_view key);
REDISPP_DECL Command<MemberSet> smembers(std::string_view key);
template <class M>
Command<bool> sismember(std::string_view key, const M& member) {
  return make_read_command<bool>(first_key, "SISMEMBER", key, member);
}
template <class... Members>
Command<std::vector<bool>> smismember(std::string_view key, const Members&... members) {
  return make_read_command<std::vector<bool>>(first_key, "SMISMEMBER", key, members...);
}
template <class M>
Command<bool> smove(std::string_view source, std::string_view destination, const M& member) {
  return make_command<bool>(KeyPositions::range(1, 2), "SMOVE", source, destination, member);
}
REDISPP_DECL Command<std::optional<std::string>> spop(std::string_view key);
REDISPP_DECL Command<std::vector<std::string>> spop(std::string_view key, long long count);
REDISPP_DECL Command<std::optional<std::string>> srandmember(std::string_view key);
REDISPP_DECL Command<std::vector<std::string>> srandmember(std::string_view key, long long count);
template <class... Keys>
Command<MemberSet> sdiff(const Keys&... keys) { return make_read_command<MemberSet>(keys_from(1), "SDIFF", keys...); }
template <class... Keys>
Command<MemberSet> sinter(const Keys&... keys) { return make_read_command<MemberSet>(keys_from(1), "SINTER", keys...); }
template <class... Keys>
Command<MemberSet> sunion(const Keys&... keys) { return make_read_command<MemberSet>(keys_from(1), "SUNION", keys...); }
template <class... Keys>
Command<long long> sdiffstore(std::string_view destination, const Keys&... keys) {
  return make_command<long long>(keys_from(1), "SDIFFSTORE", destination, keys...);
}
template <class... Keys>
Command<long long> sinterstore(std::string_view destination, const Keys&... keys) {
  return make_command<long long>(keys_from(1), "SINTERSTORE", destination, keys...);
}
template <class... Keys>
Command<long long> sunionstore(std::string_view destination, const Keys&... keys) {
  return make_command<long long>(keys_from(1), "SUNIONSTORE", destination, keys...);
}
/// SINTERCARD numkeys key ... [LIMIT limit]: the intersection's size; limit 0 = no limit.
template <class Keys>
Command<long long> sintercard(const Keys& keys, long long limit) {
  ArgumentWriter w("SINTERCARD", argument_count(keys), keys);
  if (limit > 0) w.add("LIMIT", limit);
  return Command<long long>(std::move(w), KeyPositions::counted(2, argument_count(keys)), CommandFlags::read_only);
}
REDISPP_DECL Command<ScanPage<std::vector<std::string>>> sscan(std::string_view key, std::uint64_t cursor,
                                                         const ScanOptions& o);

}  // namespace cmd

/// Set commands as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class SetCommands {
 public:
  /// What each method returns: its reply type T on Redis, Pipeline& on a pipeline (host_result.hpp).
  template <class T>
  using Result = HostResult<Derived, T>;

  /// https://redis.io/commands/sadd — how many members were new.
  template <Argument... M> requires(sizeof...(M) > 0) Result<long long> sadd(std::string_view key, const M&... members) { return run(cmd::sadd(key, detail::argument_view(members)...)); }
  Result<long long> sadd(std::string_view key, KeyList members) { return run(cmd::sadd(key, members)); }
  /// https://redis.io/commands/srem — how many members were removed.
  template <Argument... M> requires(sizeof...(M) > 0) Result<long long> srem(std::string_view key, const M&... members) { return run(cmd::srem(key, detail::argument_view(members)...)); }
  Result<long long> srem(std::string_view key, KeyList members) { return run(cmd::srem(key, members)); }
  /// https://redis.io/commands/scard
  Result<long long> scard(std::string_view key) { return run(cmd::scard(key)); }
  /// https://redis.io/commands/smembers — an unordered_set (empty for a missing key).
  Result<MemberSet> smembers(std::string_view key) { return run(cmd::smembers(key)); }
  /// https://redis.io/commands/sismember
  template <Argument M> Result<bool> sismember(std::string_view key, const M& member) { return run(cmd::sismember(key, detail::value_view(member))); }
  /// https://redis.io/commands/smismember — one bool per member, in order.
  template <Argument... M> requires(sizeof...(M) > 0) Result<std::vector<bool>> smismember(std::string_view key, const M&... members) { return run(cmd::smismember(key, detail::argument_view(members)...)); }
  Result<std::vector<bool>> smismember(std::string_view key, KeyList members) { return run(cmd::smismember(key, members)); }
  /// https://redis.io/commands/smove — false when the member was not in `source`.
  template <Argument M> Result<bool> smove(std::string_view source, std::string_view destination, const M& member) { return run(cmd::smove(source, destination, detail::value_view(member))); }
  /// https://redis.io/commands/spop — one random member (nullopt: no key), or up to `count`.
  Result<std::optional<std::string>> spop(std::string_view key) { return run(cmd::spop(key)); }
  Result<std::vector<std::string>> spop(std::string_view key, long long count) { return run(cmd::spop(key, count)); }
  /// https://redis.io/commands/srandmember — one random member, or `count` (negative: repeats allowed).
  Result<std::optional<std::string>> srandmember(std::string_view key) { return run(cmd::srandmember(key)); }
  Result<std::vector<std::string>> srandmember(std::string_view key, long long count) { return run(cmd::srandmember(key, count)); }
  /// https://redis.io/commands/sdiff — the members of the first set in none of the others.
  template <Argument... K> requires(sizeof...(K) > 0) Result<MemberSet> sdiff(const K&... keys) { return run(cmd::sdiff(detail::argument_view(keys)...)); }
  Result<MemberSet> sdiff(KeyList keys) { return run(cmd::sdiff(keys)); }
  /// https://redis.io/commands/sinter
  template <Argument... K> requires(sizeof...(K) > 0) Result<MemberSet> sinter(const K&... keys) { return run(cmd::sinter(detail::argument_view(keys)...)); }
  Result<MemberSet> sinter(KeyList keys) { return run(cmd::sinter(keys)); }
  /// https://redis.io/commands/sunion
  template <Argument... K> requires(sizeof...(K) > 0) Result<MemberSet> sunion(const K&... keys) { return run(cmd::sunion(detail::argument_view(keys)...)); }
  Result<MemberSet> sunion(KeyList keys) { return run(cmd::sunion(keys)); }
  /// https://redis.io/commands/sdiffstore — the size of the stored set.
  template <Argument... K> requires(sizeof...(K) > 0) Result<long long> sdiffstore(std::string_view destination, const K&... keys) { return run(cmd::sdiffstore(destination, detail::argument_view(keys)...)); }
  Result<long long> sdiffstore(std::string_view destination, KeyList keys) { return run(cmd::sdiffstore(destination, keys)); }
  /// https://redis.io/commands/sinterstore
  template <Argument... K> requires(sizeof...(K) > 0) Result<long long> sinterstore(std::string_view destination, const K&... keys) { return run(cmd::sinterstore(destination, detail::argument_view(keys)...)); }
  Result<long long> sinterstore(std::string_view destination, KeyList keys) { return run(cmd::sinterstore(destination, keys)); }
  /// https://redis.io/commands/sunionstore
  template <Argument... K> requires(sizeof...(K) > 0) Result<long long> sunionstore(std::string_view destination, const K&... keys) { return run(cmd::sunionstore(destination, detail::argument_view(keys)...)); }
  Result<long long> sunionstore(std::string_view destination, KeyList keys) { return run(cmd::sunionstore(destination, keys)); }
  /// https://redis.io/commands/sintercard — the intersection's size, counting stops at `limit` (0 = none).
  template <Argument Keys> Result<long long> sintercard(const Keys& keys, long long limit = 0) { return run(cmd::sintercard(detail::argument_view(keys), limit)); }
  Result<long long> sintercard(KeyList keys, long long limit = 0) { return run(cmd::sintercard(keys, limit)); }
  /// https://redis.io/commands/sscan — one page: {cursor, members}; Redis::sscan_iter iterates them all.
  Result<ScanPage<std::vector<std::string>>> sscan(std::string_view key, std::uint64_t cursor = 0, const ScanOptions& options = {}) { return run(cmd::sscan(key, cursor, options)); }

 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/sets_commands.ipp>
#endif
