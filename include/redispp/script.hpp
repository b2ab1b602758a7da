#pragma once
// Script: a Lua script bound to a client, run by its sha (redis-py's register_script).
//
//   redispp::Script incr_by = r.register_script("return redis.call('INCRBY', KEYS[1], ARGV[1])");
//   long long v = incr_by.call<long long>({"counter"}, {5});   // EVALSHA <sha> 1 counter 5
//   std::string sha = incr_by.sha();                           // computed here, not asked of the server
//   pipe.script<long long>(incr_by, {"counter"}, {1});         // queued; see Pipeline::script
//
// call() sends EVALSHA; when the server answers NOSCRIPT (its first call on this server, after
// SCRIPT FLUSH, a restart or a fail-over) it sends SCRIPT LOAD and EVALSHA once more, as redis-py
// does. The script body crosses the network only then. An error the script raises itself is
// never answered that way, even one whose text starts with NOSCRIPT: before loading, SCRIPT
// EXISTS asks whether the server has the script, and if it has, the NOSCRIPT came from the
// script and is raised as it is (the script ran once, and is not run again).
//
// Read-only scripts: call_ro() sends EVALSHA_RO instead (Redis 7+), which the server refuses to
// let write, and which is marked read-only (CommandFlags::read_only) so the retry policy may send
// it again after a failure mid-request. Chosen per call rather than at registration: the same
// script may be both (a read helper called with a write helper's keys), and the name at the call
// says which one runs.
//
// T is any type the command API converts to (protocol/convert.hpp): what the script returns is
// the script's business, so the default is the raw Reply.
//
// Keys are the command's key positions (Command::keys(): EVALSHA's numkeys list), so a cluster
// client can route the call by them. A Script is immutable once made: copy it, share it between
// threads (its client is thread-safe).

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::move

#include <redispp/client.hpp>
#include <redispp/commands/command.hpp>
#include <redispp/commands/script_args.hpp>
#include <redispp/commands/scripting.hpp>
#include <redispp/config.hpp>
#include <redispp/detail/sha1.hpp>
#include <redispp/errors.hpp>
#include <redispp/pipeline.hpp>
#include <redispp/protocol/reply.hpp>

namespace redispp {

class Script {
 public:
  /// A script for `client` (what r.register_script(source) makes). Nothing is sent yet.
  Script(Redis client, std::string source)
      : client_(std::move(client)), source_(std::move(source)), sha_(detail::sha1_hex(source_)) {}

  /// The script's SHA-1 in hex, as Redis names it (SCRIPT LOAD's answer).
  const std::string& sha() const noexcept { return sha_; }
  /// The Lua source.
  const std::string& source() const noexcept { return source_; }

  /// https://redis.io/commands/evalsha — runs the script; on NOSCRIPT loads it and runs it once more.
  ///   long long n = script.call<long long>({"counter"}, {5});
  template <class T = Reply>
  T call(const ScriptArgs& keys = {}, const ScriptArgs& args = {}) const {
    return call_as<T>(false, keys, args);
  }
  /// https://redis.io/commands/evalsha_ro — the same for a script that does not write (Redis 7+).
  template <class T = Reply>
  T call_ro(const ScriptArgs& keys = {}, const ScriptArgs& args = {}) const {
    return call_as<T>(true, keys, args);
  }

  /// EVALSHA of this script as a Command (what call() and Pipeline::script send).
  template <class T = Reply>
  Command<T> command(const ScriptArgs& keys = {}, const ScriptArgs& args = {}) const {
    return cmd::evalsha<T>(sha_, keys, args);
  }
  /// EVALSHA_RO of this script as a Command.
  template <class T = Reply>
  Command<T> command_ro(const ScriptArgs& keys = {}, const ScriptArgs& args = {}) const {
    return cmd::evalsha_ro<T>(sha_, keys, args);
  }

  /// https://redis.io/commands/script-load — makes the server know the script now. Throws
  /// DataError if the server names it by another sha than sha() (it never should).
  REDISPP_DECL void load() const;

 private:
  template <class T>
  T call_as(bool read_only, const ScriptArgs& keys, const ScriptArgs& args) const {
    const auto evalsha = [&] { return read_only ? command_ro<T>(keys, args) : command<T>(keys, args); };
    try {
      return client_.run(evalsha());
    } catch (const NoScriptError&) {
      // A script may raise an error starting NOSCRIPT itself, after it wrote: running it again
      // would apply its writes twice. Only the server's own NOSCRIPT is answered by loading.
      if (!server_lacks_script()) throw;
      load();
    }
    return client_.run(evalsha());
  }
  // After a NOSCRIPT reply: whether the server does not have this script (SCRIPT EXISTS), so the
  // reply was the server's lookup failing and not an error the script raised while it ran.
  REDISPP_DECL bool server_lacks_script() const;

  // Redis's command methods are non-const only because the command mixin's are; a Redis is a
  // thread-safe handle on its pool, and running a script changes nothing in this object.
  mutable Redis client_;
  std::string source_;
  std::string sha_;
};

inline Script Redis::register_script(std::string source) const { return Script(*this, std::move(source)); }

template <class T>
Pipeline& Pipeline::script(const Script& script, const ScriptArgs& keys, const ScriptArgs& args) {
  queue_script(script.sha(), script.source());
  return run(script.command<T>(keys, args));
}

template <class T>
Pipeline& Pipeline::script_ro(const Script& script, const ScriptArgs& keys, const ScriptArgs& args) {
  queue_script(script.sha(), script.source());
  return run(script.command_ro<T>(keys, args));
}

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/script.ipp>
#endif
