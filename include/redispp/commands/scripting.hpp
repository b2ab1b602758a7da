#pragma once
// Scripting and function commands. https://redis.io/commands/?group=scripting
//
// EVAL, EVALSHA, FCALL and their _RO forms take the script (or sha, or function name), then the
// keys and the arguments, each as a braced list of mixed values (ScriptArgs: text, numbers, user
// types) or any range the encoder accepts; numkeys is counted for you:
//   redispp::Reply reply = r.eval("return {KEYS[1], ARGV[1]}", {"k"}, {"v"});
//   long long sum = r.eval<long long>("return ARGV[1] + ARGV[2]", {}, {40, 2});
//   long long n = r.eval<long long>("return #KEYS", std::vector<std::string>{"a", "b"});
// What a script returns is the script's business, so the reply is a raw Reply unless a type is
// asked for with eval<T>() (converted as convert<T> does: eval<std::vector<std::string>> ...).
// An unknown sha raises NoScriptError (redis-py's), e.g. to fall back to EVAL / SCRIPT LOAD.
//
// Other replies:
//   SCRIPT LOAD                 std::string (the sha1)
//   SCRIPT EXISTS               std::vector<bool>, one per sha, in order
//   SCRIPT FLUSH / KILL / DEBUG, FUNCTION DELETE / FLUSH / KILL / RESTORE
//                               bool (OK)
//   FUNCTION LOAD               std::string (the library's name)
//   FUNCTION DUMP               std::string (an opaque binary payload for FUNCTION RESTORE)
//   FUNCTION LIST               std::vector<FunctionLibrary> (structs: RESP2 flat arrays and
//                               RESP3 maps read the same; flags are a vector in either)
//   FUNCTION STATS              FunctionStats (the running script, if any, and per-engine counts)
//   the HELP subcommands        std::vector<std::string>
// SCRIPT FLUSH and FUNCTION FLUSH / DELETE / RESTORE act on the whole server, not one database.

#include <optional>       // std::optional
#include <string>         // std::string
#include <string_view>    // std::string_view
#include <type_traits>    // std::type_identity
#include <unordered_map>  // std::unordered_map
#include <utility>        // std::pair
#include <vector>         // std::vector

#include <redispp/commands/command.hpp>
#include <redispp/commands/host_result.hpp>
#include <redispp/commands/options.hpp>
#include <redispp/commands/script_args.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono::milliseconds

#include <redispp/config.hpp>  // REDISPP_DECL

namespace redispp {

/// SCRIPT FLUSH / FUNCTION FLUSH: the server's default (lazyfree-lazy-user-flush), ASYNC or SYNC.
enum class ScriptFlushMode { server_default, async, sync };

/// SCRIPT DEBUG: yes (forked, changes discarded), sync (blocking, changes kept), no.
/// Only `no` is safe on a pooled client: the other two turn the connection's next EVAL into an
/// interactive debugging session (redis-cli --ldb's job).
enum class ScriptDebugMode { yes, sync, no };

/// FUNCTION RESTORE: what to do with libraries that exist already.
enum class FunctionRestorePolicy { append, flush, replace };

/// FUNCTION LIST filters: a glob over library names (empty = all) and whether to return the code.
struct FunctionListOptions {
  std::string library_name = {};
  bool withcode = false;
};

/// One function of a FUNCTION LIST library.
struct FunctionInfo {
  std::string name;
  std::optional<std::string> description;
  std::vector<std::string> flags;  // "no-writes", "allow-oom" ...

  friend bool operator==(const FunctionInfo&, const FunctionInfo&) = default;
  friend REDISPP_DECL FunctionInfo redispp_from_reply(Reply&& reply, std::type_identity<FunctionInfo>);  // impl/scripting_replies.ipp
};

/// One library of FUNCTION LIST.
struct FunctionLibrary {
  std::string library_name;
  std::string engine;  // "LUA"
  std::vector<FunctionInfo> functions;
  std::optional<std::string> library_code;  // with FunctionListOptions::withcode

  friend REDISPP_DECL FunctionLibrary redispp_from_reply(Reply&& reply, std::type_identity<FunctionLibrary>);  // impl/scripting_replies.ipp
};

/// FUNCTION STATS: the function running now (if any) and, per engine, its library and function
/// counts.
struct FunctionStats {
  struct RunningScript {
    std::string name;
    std::vector<std::string> command;  // the FCALL and its arguments
    std::chrono::milliseconds duration{0};
  };
  struct EngineStats {
    long long libraries_count = 0;
    long long functions_count = 0;
  };
  std::optional<RunningScript> running_script;
  std::unordered_map<std::string, EngineStats> engines;

  friend REDISPP_DECL FunctionStats redispp_from_reply(Reply&& reply, std::type_identity<FunctionStats>);  // impl/scripting_replies.ipp
};

namespace cmd {

namespace detail {
/// EVAL, EVALSHA, FCALL and their _RO forms: name, body, numkeys, keys..., args...
template <class T, class Keys, class Args>
Command<T> script_call(std::string_view name, std::string_view body, const Keys& keys, const Args& args) {
  const std::size_t numkeys = argument_count(keys);
  // The _RO forms are read-only (the server refuses writes from their scripts).
  return make_command<T>(name.ends_with("_RO") ? CommandFlags::read_only : CommandFlags::none, KeyPositions::counted(3, numkeys),
                         name, body, numkeys, keys, args);
}
inline std::string_view flush_mode_name(ScriptFlushMode mode) noexcept {
  return mode == ScriptFlushMode::async ? "ASYNC" : "SYNC";
}
REDISPP_DECL Command<bool> flush_command(std::string_view container, ScriptFlushMode mode);
}  // namespace detail

template <class T, class Keys, class Args>
Command<T> eval(std::string_view script, const Keys& keys, const Args& args) {
  return detail::script_call<T>("EVAL", script, keys, args);
}
template <class T, class Keys, class Args>
Command<T> eval_ro(std::string_view script, const Keys& keys, const Args& args) {
  return detail::script_call<T>("EVAL_RO", script, keys, args);
}
template <class T, class Keys, class Args>
Command<T> evalsha(std::string_view sha1, const Keys& keys, const Args& args) {
  return detail::script_call<T>("EVALSHA", sha1, keys, args);
}
template <class T, class Keys, class Args>
Command<T> evalsha_ro(std::string_view sha1, const Keys& keys, const Args& args) {
  return detail::script_call<T>("EVALSHA_RO", sha1, keys, args);
}
template <class T, class Keys, class Args>
Command<T> fcall(std::string_view function, const Keys& keys, const Args& args) {
  return detail::script_call<T>("FCALL", function, keys, args);
}
template <class T, class Keys, class Args>
Command<T> fcall_ro(std::string_view function, const Keys& keys, const Args& args) {
  return detail::script_call<T>("FCALL_RO", function, keys, args);
}

REDISPP_DECL Command<std::string> script_load(std::string_view script);
template <class... Shas>
Command<std::vector<bool>> script_exists(const Shas&... sha1s) {
  return make_command<std::vector<bool>>(CommandFlags::repeatable, no_keys, "SCRIPT", "EXISTS", sha1s...);
}
REDISPP_DECL Command<bool> script_flush(ScriptFlushMode mode);
REDISPP_DECL Command<bool> script_kill();
REDISPP_DECL Command<bool> script_debug(ScriptDebugMode mode);
REDISPP_DECL Command<std::vector<std::string>> script_help();

REDISPP_DECL Command<std::string> function_load(std::string_view code, bool replace);
REDISPP_DECL Command<bool> function_delete(std::string_view library_name);
REDISPP_DECL Command<std::string> function_dump();
REDISPP_DECL Command<bool> function_restore(std::string_view payload, FunctionRestorePolicy policy);
REDISPP_DECL Command<bool> function_flush(ScriptFlushMode mode);
REDISPP_DECL Command<bool> function_kill();
REDISPP_DECL Command<std::vector<FunctionLibrary>> function_list(const FunctionListOptions& o);
REDISPP_DECL Command<FunctionStats> function_stats();
REDISPP_DECL Command<std::vector<std::string>> function_help();

}  // namespace cmd

/// Scripting and function commands as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class ScriptingCommands {
 public:
  /// What each method returns: its reply type T on Redis, Pipeline& on a pipeline (host_result.hpp).
  template <class T>
  using Result = HostResult<Derived, T>;

  /// https://redis.io/commands/eval — the script's reply (a Reply; eval<T> converts it).
  ///   r.eval("return redis.call('GET', KEYS[1])", {"k"});
  template <class T = Reply, Argument Keys = ScriptArgs, Argument Args = ScriptArgs> Result<T> eval(std::string_view script, const Keys& keys = {}, const Args& args = {}) { return run(cmd::eval<T>(script, detail::argument_view(keys), detail::argument_view(args))); }
  /// https://redis.io/commands/eval_ro — EVAL for read-only scripts (may run on replicas).
  template <class T = Reply, Argument Keys = ScriptArgs, Argument Args = ScriptArgs> Result<T> eval_ro(std::string_view script, const Keys& keys = {}, const Args& args = {}) { return run(cmd::eval_ro<T>(script, detail::argument_view(keys), detail::argument_view(args))); }
  /// https://redis.io/commands/evalsha — NoScriptError when the server does not know the sha.
  template <class T = Reply, Argument Keys = ScriptArgs, Argument Args = ScriptArgs> Result<T> evalsha(std::string_view sha1, const Keys& keys = {}, const Args& args = {}) { return run(cmd::evalsha<T>(sha1, detail::argument_view(keys), detail::argument_view(args))); }
  /// https://redis.io/commands/evalsha_ro
  template <class T = Reply, Argument Keys = ScriptArgs, Argument Args = ScriptArgs> Result<T> evalsha_ro(std::string_view sha1, const Keys& keys = {}, const Args& args = {}) { return run(cmd::evalsha_ro<T>(sha1, detail::argument_view(keys), detail::argument_view(args))); }
  /// https://redis.io/commands/fcall — calls a function of a loaded library.
  template <class T = Reply, Argument Keys = ScriptArgs, Argument Args = ScriptArgs> Result<T> fcall(std::string_view function, const Keys& keys = {}, const Args& args = {}) { return run(cmd::fcall<T>(function, detail::argument_view(keys), detail::argument_view(args))); }
  /// https://redis.io/commands/fcall_ro — for functions flagged no-writes.
  template <class T = Reply, Argument Keys = ScriptArgs, Argument Args = ScriptArgs> Result<T> fcall_ro(std::string_view function, const Keys& keys = {}, const Args& args = {}) { return run(cmd::fcall_ro<T>(function, detail::argument_view(keys), detail::argument_view(args))); }
  /// https://redis.io/commands/script-load — the script's sha1, for evalsha.
  Result<std::string> script_load(std::string_view script) { return run(cmd::script_load(script)); }
  /// https://redis.io/commands/script-exists — one bool per sha1, in order.
  template <Argument... Shas> requires(sizeof...(Shas) > 0) Result<std::vector<bool>> script_exists(const Shas&... sha1s) { return run(cmd::script_exists(detail::argument_view(sha1s)...)); }
  Result<std::vector<bool>> script_exists(KeyList sha1s) { return run(cmd::script_exists(sha1s)); }
  /// https://redis.io/commands/script-flush — empties the script cache of the whole server.
  Result<bool> script_flush(ScriptFlushMode mode = ScriptFlushMode::server_default) { return run(cmd::script_flush(mode)); }
  /// https://redis.io/commands/script-kill — stops the running script (if it has not written).
  Result<bool> script_kill() { return run(cmd::script_kill()); }
  /// https://redis.io/commands/script-debug — only `no` is sent: `yes` and `sync` would leave the
  /// connection in the Lua debugger, and are refused with DataError (use redis-cli --ldb).
  Result<bool> script_debug(ScriptDebugMode mode) { return run(cmd::script_debug(mode)); }
  /// https://redis.io/commands/script-help
  Result<std::vector<std::string>> script_help() { return run(cmd::script_help()); }
  /// https://redis.io/commands/function-load — the library's name; replace = overwrite it.
  Result<std::string> function_load(std::string_view code, bool replace = false) { return run(cmd::function_load(code, replace)); }
  /// https://redis.io/commands/function-delete
  Result<bool> function_delete(std::string_view library_name) { return run(cmd::function_delete(library_name)); }
  /// https://redis.io/commands/function-dump — every library, as a payload for function_restore.
  Result<std::string> function_dump() { return run(cmd::function_dump()); }
  /// https://redis.io/commands/function-restore
  Result<bool> function_restore(std::string_view payload, FunctionRestorePolicy policy = FunctionRestorePolicy::append) { return run(cmd::function_restore(payload, policy)); }
  /// https://redis.io/commands/function-flush — deletes every library of the server.
  Result<bool> function_flush(ScriptFlushMode mode = ScriptFlushMode::server_default) { return run(cmd::function_flush(mode)); }
  /// https://redis.io/commands/function-kill — stops the running function (if it has not written).
  Result<bool> function_kill() { return run(cmd::function_kill()); }
  /// https://redis.io/commands/function-list — the libraries and their functions.
  Result<std::vector<FunctionLibrary>> function_list(const FunctionListOptions& options = {}) { return run(cmd::function_list(options)); }
  /// https://redis.io/commands/function-stats
  Result<FunctionStats> function_stats() { return run(cmd::function_stats()); }
  /// https://redis.io/commands/function-help
  Result<std::vector<std::string>> function_help() { return run(cmd::function_help()); }

 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/scripting_replies.ipp>
#endif

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/scripting_commands.ipp>
#endif
