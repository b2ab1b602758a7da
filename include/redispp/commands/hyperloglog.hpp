#pragma once
// HyperLogLog commands. https://redis.io/commands/?group=hyperloglog
//
// Reply types: PFADD bool (true when an internal register changed, i.e. the estimate may have
// moved), PFCOUNT long long, PFMERGE and PFSELFTEST bool (OK).
// PFDEBUG is an internal debugging command whose reply shape depends on its subcommand, so
// each subcommand has its own typed method: pfdebug_getreg (the registers, std::vector<long
// long>), pfdebug_encoding ("sparse" or "dense"), pfdebug_todense (bool: it was converted),
// pfdebug_decode (the sparse representation as text).

#include <string>  // std::string
#include <vector>  // std::vector

#include <redispp/commands/command.hpp>
#include <redispp/commands/host_result.hpp>
#include <redispp/commands/options.hpp>
#include <redispp/config.hpp>  // REDISPP_DECL

namespace redispp {

namespace cmd {

template <class... Elements>
Command<bool> pfadd(std::string_view key, const Elements&... elements) {
  return make_command<bool>(first_key, "PFADD", key, elements...);
}
template <class... Keys>
Command<long long> pfcount(const Keys&... keys) { return make_read_command<long long>(keys_from(1), "PFCOUNT", keys...); }
template <class... Keys>
Command<bool> pfmerge(std::string_view destination, const Keys&... sources) {
  return make_command<bool>(keys_from(1), "PFMERGE", destination, sources...);
}
REDISPP_DECL Command<bool> pfselftest();
REDISPP_DECL Command<std::vector<long long>> pfdebug_getreg(std::string_view key);
REDISPP_DECL Command<std::string> pfdebug_encoding(std::string_view key);
REDISPP_DECL Command<bool> pfdebug_todense(std::string_view key);
REDISPP_DECL Command<std::string> pfdebug_decode(std::string_view key);

}  // namespace cmd

/// HyperLogLog commands as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class HyperLogLogCommands {
 public:
  /// What each method returns: its reply type T on Redis, Pipeline& on a pipeline (host_result.hpp).
  template <class T>
  using Result = HostResult<Derived, T>;

  /// https://redis.io/commands/pfadd — true when the estimate may have changed (or the key was
  /// created); with no elements, only creates the key.
  template <Argument... E> Result<bool> pfadd(std::string_view key, const E&... elements) { return run(cmd::pfadd(key, detail::argument_view(elements)...)); }
  Result<bool> pfadd(std::string_view key, KeyList elements) { return run(cmd::pfadd(key, elements)); }
  /// https://redis.io/commands/pfcount — the estimated cardinality of the union of the keys.
  template <Argument... K> requires(sizeof...(K) > 0) Result<long long> pfcount(const K&... keys) { return run(cmd::pfcount(detail::argument_view(keys)...)); }
  Result<long long> pfcount(KeyList keys) { return run(cmd::pfcount(keys)); }
  /// https://redis.io/commands/pfmerge — merges the sources into `destination` (kept if it exists).
  template <Argument... K> Result<bool> pfmerge(std::string_view destination, const K&... sources) { return run(cmd::pfmerge(destination, detail::argument_view(sources)...)); }
  Result<bool> pfmerge(std::string_view destination, KeyList sources) { return run(cmd::pfmerge(destination, sources)); }
  /// https://redis.io/commands/pfselftest — runs the server's HyperLogLog self test (slow-ish).
  Result<bool> pfselftest() { return run(cmd::pfselftest()); }
  /// https://redis.io/commands/pfdebug GETREG — the value of every register (converts to dense).
  Result<std::vector<long long>> pfdebug_getreg(std::string_view key) { return run(cmd::pfdebug_getreg(key)); }
  /// https://redis.io/commands/pfdebug ENCODING — "sparse" or "dense".
  Result<std::string> pfdebug_encoding(std::string_view key) { return run(cmd::pfdebug_encoding(key)); }
  /// https://redis.io/commands/pfdebug TODENSE — true when it was sparse and is now dense.
  Result<bool> pfdebug_todense(std::string_view key) { return run(cmd::pfdebug_todense(key)); }
  /// https://redis.io/commands/pfdebug DECODE — the sparse encoding's opcodes, as text.
  Result<std::string> pfdebug_decode(std::string_view key) { return run(cmd::pfdebug_decode(key)); }

 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/hyperloglog_commands.ipp>
#endif
