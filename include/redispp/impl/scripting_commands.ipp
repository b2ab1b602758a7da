#pragma once
// The command builders of <redispp/commands/scripting.hpp> that are not templates: compiled once into
// the library, so that a program including the header does not instantiate the Command<T>,
// encoder and conversion code of every command it does not call (compile time: bench/README.md).

#include <redispp/commands/scripting.hpp>

namespace redispp::cmd::detail {

REDISPP_DECL Command<bool> flush_command(std::string_view container, ScriptFlushMode mode) {
  if (mode == ScriptFlushMode::server_default) return make_command<bool>(no_keys, container, "FLUSH");
  return make_command<bool>(no_keys, container, "FLUSH", flush_mode_name(mode));
}

}  // namespace redispp::cmd::detail

namespace redispp::cmd {

REDISPP_DECL Command<std::string> script_load(std::string_view script) {
  return make_command<std::string>(no_keys, "SCRIPT", "LOAD", script);
}

REDISPP_DECL Command<bool> script_flush(ScriptFlushMode mode) { return detail::flush_command("SCRIPT", mode); }

REDISPP_DECL Command<bool> script_kill() { return make_command<bool>(no_keys, "SCRIPT", "KILL"); }

REDISPP_DECL Command<bool> script_debug(ScriptDebugMode mode) {
  // YES and SYNC turn the connection into a Lua debugger session that answers the debugger's
  // way (SYNC also blocks the server): the same refusal as execute_command's (generic.hpp).
  if (mode != ScriptDebugMode::no)
    throw DataError(
        "script_debug(yes/sync) is refused: SCRIPT DEBUG YES/SYNC turns the connection into a Lua debugger session "
        "(redis-cli --ldb is the tool for it), and SYNC blocks the server meanwhile; nothing was sent");
  return make_command<bool>(no_keys, "SCRIPT", "DEBUG", "NO");
}

REDISPP_DECL Command<std::vector<std::string>> script_help() { return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "SCRIPT", "HELP"); }

REDISPP_DECL Command<std::string> function_load(std::string_view code, bool replace) {
  if (replace) return make_command<std::string>(no_keys, "FUNCTION", "LOAD", "REPLACE", code);
  return make_command<std::string>(no_keys, "FUNCTION", "LOAD", code);
}

REDISPP_DECL Command<bool> function_delete(std::string_view library_name) {
  return make_command<bool>(no_keys, "FUNCTION", "DELETE", library_name);
}

REDISPP_DECL Command<std::string> function_dump() { return make_command<std::string>(CommandFlags::repeatable, no_keys, "FUNCTION", "DUMP"); }

REDISPP_DECL Command<bool> function_restore(std::string_view payload, FunctionRestorePolicy policy) {
  const std::string_view name = policy == FunctionRestorePolicy::flush     ? "FLUSH"
                                : policy == FunctionRestorePolicy::replace ? "REPLACE"
                                                                           : "APPEND";
  return make_command<bool>(no_keys, "FUNCTION", "RESTORE", payload, name);
}

REDISPP_DECL Command<bool> function_flush(ScriptFlushMode mode) { return detail::flush_command("FUNCTION", mode); }

REDISPP_DECL Command<bool> function_kill() { return make_command<bool>(no_keys, "FUNCTION", "KILL"); }

REDISPP_DECL Command<std::vector<FunctionLibrary>> function_list(const FunctionListOptions& o) {
  ArgumentWriter w("FUNCTION", "LIST");
  if (!o.library_name.empty()) w.add("LIBRARYNAME", o.library_name);
  w.add_if(o.withcode, "WITHCODE");
  return Command<std::vector<FunctionLibrary>>(std::move(w), no_keys, CommandFlags::repeatable);
}

REDISPP_DECL Command<FunctionStats> function_stats() { return make_command<FunctionStats>(CommandFlags::repeatable, no_keys, "FUNCTION", "STATS"); }

REDISPP_DECL Command<std::vector<std::string>> function_help() {
  return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "FUNCTION", "HELP");
}

}  // namespace redispp::cmd
