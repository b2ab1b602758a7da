#pragma once
// CommandTable: the facts of commands known only by their text (execute_command), as the server
// states them in COMMAND INFO, learned on first use and kept for the client's life.
//
// A typed builder states its command's facts where it is written (commands/*.hpp). A command
// given as text has only its name: generic.hpp gives it the facts its name implies
// (changes_state, never_retried), and this table adds what the server says:
//   read_only   the command's "readonly" flag (GET, HGETALL, SCAN, a module's read command ...):
//               safe to send again after a failure mid-request, as a typed read is
//   blocking    its "blocking" flag: never sent twice once written
//   keys        first key, last key and step (KeyPositions::range), unless the command has
//               "movablekeys" (EVAL, ZUNIONSTORE, XREAD ... find their keys by parsing, which the
//               three numbers cannot say): those stay unknown, as does any command the server
//               did not describe
// Container commands (CLIENT, CONFIG, XINFO ...) are described per subcommand ("CLIENT|LIST").
//
// Per client, not global: servers differ (versions, modules). Redis::execute_command asks the
// server once per command name (COMMAND INFO <name>, one extra round trip on the first use of
// each name, visible in MONITOR) and remembers the answer. A refusal (an ACL user without
// +command: NOPERM) stops all further asking for this client, so the server's ACL LOG gets one
// entry, not one per name; an unknown command is remembered as such. Commands whose name fixes
// their handling (EXEC, SELECT, MULTI ...: commands/generic.hpp) are not asked about. Copies of
// a Redis share one table; a Redis made from a shared pool has its own. A Pipeline has none: its
// execute_command keeps the conservative facts (a pipeline does not talk to the server before
// execute(), and a retried pipeline is retried whole, before anything of it was written, anyway).
//
// Thread-safe: clients are shared by threads.

#include <mutex>          // std::mutex
#include <optional>       // std::optional
#include <string>         // std::string
#include <string_view>    // std::string_view
#include <unordered_map>  // std::unordered_map

#include <redispp/commands/command.hpp>  // KeyPositions
#include <redispp/config.hpp>
#include <redispp/protocol/command_flags.hpp>
#include <redispp/protocol/reply.hpp>

namespace redispp {

/// What COMMAND INFO says about one command (or subcommand).
struct CommandFacts {
  CommandFlags flags = CommandFlags::none;  ///< read_only and/or blocking
  KeyPositions keys{};                      ///< not known() for movablekeys commands
  constexpr bool operator==(const CommandFacts&) const noexcept = default;
};

/// Reads one COMMAND INFO entry ([name, arity, flags, first key, last key, step, ...]); a
/// malformed one gives the conservative facts (nothing known).
REDISPP_DECL CommandFacts command_facts_from_info(const Reply& entry);

class CommandTable {
 public:
  /// Whether COMMAND INFO was asked for `name` already (its answer is kept), or need not be
  /// asked any more (the server refused COMMAND INFO once).
  bool asked(std::string_view name) const;
  /// The facts of `name` (or of its subcommand `sub` for a container: CLIENT LIST), when the
  /// server described it; nullopt otherwise. Case-insensitive.
  std::optional<CommandFacts> find(std::string_view name, std::string_view sub = {}) const;
  /// Records the reply to `COMMAND INFO name`: its entry and its subcommands' entries, or, for an
  /// error reply or a nil entry (an unknown command), that the server does not describe it.
  void learn(std::string_view name, const Reply& command_info_reply);

 private:
  mutable std::mutex mutex_;
  // Upper-case "GET", "CLIENT|LIST"; nullopt: asked, and not described.
  std::unordered_map<std::string, std::optional<CommandFacts>> facts_;
  bool refused_ = false;  // COMMAND INFO answered with an error: never ask again
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/command_table.ipp>
#endif
