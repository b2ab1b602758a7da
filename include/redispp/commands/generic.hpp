#pragma once
// make_generic_command: the Command behind execute_command("NAME", args...). A typed builder
// states its command's facts (CommandFlags) where it is written; a generic command only has its
// text, so its facts are looked up here from its name (and subcommand), by the same rule the
// typed builders follow:
//
//   changes_state  SELECT, AUTH, HELLO <version> (HELLO alone only reports), RESET, QUIT,
//                  MULTI, WATCH, (P|S)SUBSCRIBE, MONITOR, SYNC, PSYNC, REPLCONF, READONLY,
//                  READWRITE, ASKING, CLIENT SETNAME | SETINFO | TRACKING | NO-EVICT | NO-TOUCH
//                  (the pool closes the connection afterwards: see connection_pool.hpp)
//   never_retried  EXEC (its queued commands would run twice), even if Retry::safe_after_send
//                  lists it
//   refused        CLIENT REPLY OFF | SKIP: the server would stop answering, and the replies
//                  of later commands could no longer be matched to them (DataError, nothing sent)
//
// Names are compared without regard to case, as the server does. Anything else is taken as a
// plain command that leaves the connection as it found it.
//
// The other facts come from the server: Redis::execute_command asks COMMAND INFO once per name
// (commands/command_table.hpp) for the read-only and blocking flags and the key positions. Until
// the server has described a command (a server that refuses COMMAND; a pipeline's
// execute_command, which never asks) they are taken conservatively: never read_only (so
// not sent again once written, unless Retry::safe_after_send lists its name) and keys not known
// (KeyPositions(): a cluster client cannot route it by key). Nothing here guesses.

#include <cstddef>      // std::size_t
#include <string_view>  // std::string_view

#include <redispp/commands/command.hpp>
#include <redispp/detail/ascii.hpp>  // detail::equals_upper
#include <redispp/errors.hpp>

namespace redispp {

namespace detail {

/// Argument `index` (0 = the command's name) of an encoded command, or "" when it has fewer.
inline std::string_view encoded_argument(std::string_view wire, std::size_t index) noexcept {
  // "*<n>\r\n" then "$<len>\r\n<bytes>\r\n" per argument.
  std::size_t at = wire.find("\r\n");
  for (std::size_t i = 0; at != std::string_view::npos; ++i) {
    at += 2;
    if (at >= wire.size() || wire[at] != '$') return {};
    const std::size_t line_end = wire.find("\r\n", at);
    if (line_end == std::string_view::npos) return {};
    std::size_t length = 0;
    for (std::size_t d = at + 1; d < line_end; ++d) length = length * 10 + static_cast<std::size_t>(wire[d] - '0');
    const std::size_t start = line_end + 2;
    if (start + length > wire.size()) return {};
    if (i == index) return wire.substr(start, length);
    at = start + length;
  }
  return {};
}

/// The facts of a command known only by its text (see the table at the top of this file).
/// Throws DataError for the commands a pooled client cannot run safely.
inline CommandFlags generic_command_flags(std::string_view wire) {
  const std::string_view name = encoded_argument(wire, 0);
  const auto is = [name](std::string_view upper) { return equals_upper(name, upper); };
  if (is("EXEC")) return CommandFlags::never_retried;
  if (is("HELLO")) return encoded_argument(wire, 1).empty() ? CommandFlags::none : CommandFlags::changes_state;
  if (is("SELECT") || is("AUTH") || is("RESET") || is("QUIT") || is("MULTI") || is("WATCH") ||
      is("SUBSCRIBE") || is("PSUBSCRIBE") || is("SSUBSCRIBE") || is("MONITOR") || is("SYNC") || is("PSYNC") ||
      is("REPLCONF") || is("READONLY") || is("READWRITE") || is("ASKING"))
    return CommandFlags::changes_state;
  if (is("CLIENT")) {
    const std::string_view sub = encoded_argument(wire, 1);
    const auto sub_is = [sub](std::string_view upper) { return equals_upper(sub, upper); };
    if (sub_is("REPLY")) {
      const std::string_view mode = encoded_argument(wire, 2);
      if (equals_upper(mode, "OFF") || equals_upper(mode, "SKIP"))
        throw DataError(
            "CLIENT REPLY OFF/SKIP is refused: the server would stop answering, and the replies of later commands "
            "could no longer be matched to them; nothing was sent");
      return CommandFlags::none;
    }
    if (sub_is("SETNAME") || sub_is("SETINFO") || sub_is("TRACKING") || sub_is("NO-EVICT") || sub_is("NO-TOUCH"))
      return CommandFlags::changes_state;
  }
  return CommandFlags::none;
}

}  // namespace detail

/// The command execute_command runs: any arguments, a raw Reply, and the facts its name implies
/// (keys unknown, never read-only: see the top of this file).
template <Argument... Args>
Command<Reply> make_generic_command(const Args&... args) {
  ArgumentWriter::Encoded encoded = ArgumentWriter(args...).finish();
  const CommandFlags flags = detail::generic_command_flags(encoded.wire());
  return Command<Reply>(std::move(encoded), KeyPositions(), flags);
}

}  // namespace redispp
