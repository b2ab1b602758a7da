#pragma once
// make_generic_command: the Command behind execute_command("NAME", args...). A typed builder
// states its command's facts (CommandFlags, reply count) where it is written; a generic command
// only has its text, so its facts are looked up here from its name (and subcommand), by the same
// rule the typed builders follow:
//
//   changes_state  SELECT, AUTH, HELLO <version> (HELLO alone only reports), RESET, QUIT,
//                  REPLCONF, READONLY, READWRITE, ASKING, CLIENT SETNAME | SETINFO | TRACKING |
//                  NO-EVICT | NO-TOUCH (the pool closes the connection afterwards: see
//                  connection_pool.hpp)
//   not_queued     RESET, QUIT: run at once between MULTI and EXEC (a transaction refuses them)
//   reply count    (P|S)UNSUBSCRIBE: one acknowledgement per name, one for none
//                  (cmd::detail::unsubscribe_replies); every other command: one
//   refused        with DataError, before anything is sent, naming what does the job instead:
//                  MULTI, EXEC, DISCARD, WATCH     Pipeline (r.pipeline(), pipe.watch(),
//                                                  r.transaction()): sent by hand they would
//                                                  leave a transaction open, or end the
//                                                  pipeline's own, on a pooled connection
//                  SUBSCRIBE, PSUBSCRIBE, SSUBSCRIBE   PubSub (r.pubsub()): the connection would
//                                                  answer with a stream of messages
//                  MONITOR                         Monitor (r.monitor())
//                  SYNC, PSYNC                     a replica's stream, not a client's
//                  CLIENT REPLY OFF | SKIP         the server would stop answering, and the
//                                                  replies of later commands could no longer
//                                                  be matched to them
//                  SCRIPT DEBUG YES | SYNC         the connection would enter the Lua debugger
//                                                  (SYNC also blocks the server)
//
// Names are compared without regard to case, as the server does. Anything else is taken as a
// plain command that gets one reply and leaves the connection as it found it.
//
// The other facts come from the server: Redis::execute_command asks COMMAND INFO once per name
// (commands/command_table.hpp) for the read-only and blocking flags and the key positions. Until
// the server has described a command (a server that refuses COMMAND; a pipeline's
// execute_command, which never asks) they are taken conservatively: never read_only (so
// not sent again once written, unless Retry::safe_after_send lists its name) and keys not known
// (KeyPositions(): a cluster client cannot route it by key). Nothing here guesses.

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t
#include <string>       // std::string
#include <string_view>  // std::string_view

#include <redispp/commands/command.hpp>
#include <redispp/detail/ascii.hpp>  // detail::equals_upper
#include <redispp/errors.hpp>
#include <redispp/protocol/encoded_command.hpp>

namespace redispp {

namespace detail {

/// What a command known only by its text is, as far as its host cares.
struct GenericFacts {
  CommandFlags flags = CommandFlags::none;
  std::uint32_t replies = 1;
};

/// The DataError of a command that execute_command refuses: names it and what to use instead.
[[noreturn]] inline void refuse_generic(std::string_view name, std::string_view why) {
  throw DataError("execute_command(\"" + std::string(name.substr(0, 32)) + "\") is refused: " + std::string(why) +
                  "; nothing was sent");
}

/// The facts of a command known only by its text (see the table at the top of this file).
/// Throws DataError for the commands a client or pipeline cannot run safely.
inline GenericFacts generic_command_facts(std::string_view wire) {
  const std::string_view name = encoded_argument(wire, 0);
  const auto is = [name](std::string_view upper) { return equals_upper(name, upper); };
  if (is("UNSUBSCRIBE") || is("PUNSUBSCRIBE") || is("SUNSUBSCRIBE")) {
    const std::size_t argc = encoded_argument_count(wire);
    return {CommandFlags::none, cmd::detail::unsubscribe_replies(argc == 0 ? 0 : argc - 1)};
  }
  if (is("MULTI") || is("EXEC") || is("DISCARD"))
    refuse_generic(name, "transactions are Pipeline's to open and close (r.pipeline(), a transaction by default, or "
                         "r.transaction(fn, keys...))");
  if (is("WATCH"))
    refuse_generic(name, "WATCH belongs to the Pipeline whose transaction it guards (pipe.watch(keys...), or "
                         "r.transaction(fn, keys...))");
  if (is("SUBSCRIBE") || is("PSUBSCRIBE") || is("SSUBSCRIBE"))
    refuse_generic(name, "a subscribed connection answers with a stream of messages, which PubSub reads (r.pubsub())");
  if (is("MONITOR")) refuse_generic(name, "the MONITOR stream is Monitor's to read (r.monitor())");
  if (is("SYNC") || is("PSYNC")) refuse_generic(name, "it starts a replica's replication stream");
  if (is("HELLO")) return {encoded_argument(wire, 1).empty() ? CommandFlags::none : CommandFlags::changes_state};
  if (is("RESET") || is("QUIT")) return {CommandFlags::changes_state | CommandFlags::not_queued};
  if (is("SELECT") || is("AUTH") || is("REPLCONF") || is("READONLY") || is("READWRITE") || is("ASKING"))
    return {CommandFlags::changes_state};
  if (is("CLIENT")) {
    const std::string_view sub = encoded_argument(wire, 1);
    const auto sub_is = [sub](std::string_view upper) { return equals_upper(sub, upper); };
    if (sub_is("REPLY")) {
      const std::string_view mode = encoded_argument(wire, 2);
      if (equals_upper(mode, "OFF") || equals_upper(mode, "SKIP"))
        refuse_generic(name, "CLIENT REPLY OFF/SKIP would stop the server answering, and the replies of later "
                             "commands could no longer be matched to them");
      return {};
    }
    if (sub_is("SETNAME") || sub_is("SETINFO") || sub_is("TRACKING") || sub_is("NO-EVICT") || sub_is("NO-TOUCH"))
      return {CommandFlags::changes_state};
  }
  if (is("SCRIPT") && equals_upper(encoded_argument(wire, 1), "DEBUG")) {
    const std::string_view mode = encoded_argument(wire, 2);
    if (equals_upper(mode, "YES") || equals_upper(mode, "SYNC"))
      refuse_generic(name, "SCRIPT DEBUG YES/SYNC turns the connection into a Lua debugger session (redis-cli --ldb "
                           "is the tool for it), and SYNC blocks the server meanwhile");
  }
  return {};
}

}  // namespace detail

/// The command execute_command runs: any arguments, a raw Reply, and the facts its name implies
/// (keys unknown, never read-only: see the top of this file).
template <Argument... Args>
Command<Reply> make_generic_command(const Args&... args) {
  ArgumentWriter::Encoded encoded = ArgumentWriter(args...).finish();
  const detail::GenericFacts facts = detail::generic_command_facts(encoded.wire());
  return Command<Reply>(std::move(encoded), KeyPositions(), facts.flags).expecting(facts.replies);
}

}  // namespace redispp
