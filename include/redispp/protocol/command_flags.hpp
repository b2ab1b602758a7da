#pragma once
// CommandFlags: what a command is, beyond its bytes, as far as the code that sends it cares —
// set by the command's builder (commands/*.hpp), read by the pool's clean-connection rule, the
// retry decision (transport/retry.hpp) and, later, cluster routing. Here, below commands/ and
// transport/, because both read them.

#include <cstdint>  // std::uint8_t

namespace redispp {

/// Facts about a command that its host needs beyond its bytes, set by the command's builder.
enum class CommandFlags : std::uint8_t {
  none = 0,
  /// Leaves the connection in a state its ConnectionOptions do not describe: another database
  /// (SELECT), user (AUTH, HELLO AUTH, RESET), name, protocol, an open MULTI, a subscription,
  /// MONITOR, client tracking ... A pooled connection that ran one is closed when it is given
  /// back, never handed to the next caller (see transport/connection_pool.hpp).
  changes_state = 1u << 0,
  /// Reads data and changes none: the server's own `readonly` flag (COMMAND INFO), and what
  /// makes a command safe to send again after a failure mid-request.
  read_only = 1u << 1,
  /// Not read-only by the server's reckoning (it touches no keys) but sending it twice changes
  /// nothing either: PING, ECHO, INFO, TIME, CONFIG GET, CLIENT LIST ... As safe to repeat.
  repeatable = 1u << 2,
  /// May wait on the server (BLPOP, XREAD BLOCK, WAIT ...): set with the block time-out by
  /// Command::blocking(). Never sent twice once written.
  blocking = 1u << 3,
  /// Never sent twice once written, whatever else is said of it (EXEC: its queued commands).
  never_retried = 1u << 4,
  /// Runs at once even between MULTI and EXEC, instead of being queued (RESET, which ends the
  /// transaction early, and QUIT): a transaction refuses it before queueing.
  not_queued = 1u << 5,
  /// Gets more than one reply (Command::reply_count()): set by Command::expecting(), so that a
  /// host tells the unusual commands from the rest with one test of the flags.
  several_replies = 1u << 6,
};
constexpr CommandFlags operator|(CommandFlags a, CommandFlags b) noexcept {
  return static_cast<CommandFlags>(static_cast<std::uint8_t>(a) | static_cast<std::uint8_t>(b));
}
constexpr CommandFlags& operator|=(CommandFlags& a, CommandFlags b) noexcept { return a = a | b; }
/// Whether `flags` has every flag of `wanted`.
constexpr bool has(CommandFlags flags, CommandFlags wanted) noexcept {
  return (static_cast<std::uint8_t>(flags) & static_cast<std::uint8_t>(wanted)) == static_cast<std::uint8_t>(wanted);
}
/// Whether `flags` has any flag of `wanted`.
constexpr bool has_any(CommandFlags flags, CommandFlags wanted) noexcept {
  return (static_cast<std::uint8_t>(flags) & static_cast<std::uint8_t>(wanted)) != 0;
}

}  // namespace redispp
