#pragma once
// Command<T>: one encoded command plus what running it yields — the C++ type T of its reply and
// the function that converts the reply to T — and its facts, stated once by its builder: its
// name (where the encoder put it), its flags (CommandFlags: read_only, repeatable, blocking with
// its block time-out, changes_state, never_retried) and where its keys are (KeyPositions).
// Builders in commands/*.hpp return these; the host of the command set (Redis, Pipeline ...)
// decides what running one means, and the retry decision, the pool's clean-connection rule and
// cluster routing read the facts. A builder states them in its one line:
//
//   make_read_command<std::optional<std::string>>(first_key, "GET", key)     // read-only, key 1
//   make_command<long long>(keys_from(1), "DEL", keys...)                    // a write, keys 1..
//   make_command<bool>(CommandFlags::repeatable, no_keys, "PING")            // harmless, no keys
//   Command<long long>(std::move(w), first_key.plus(KeyPositions::at(-1)))  // SORT ... STORE d
//
// The facts test (tests/integration/commands/command_info_coverage.cpp) checks every typed
// command's keys and read_only flag against the server's COMMAND GETKEYS and COMMAND INFO.
// Command stays small (no heap: the facts are a few bytes beside the inline command buffer).

#include <cstdint>           // std::int32_t
#include <cstddef>           // std::size_t
#include <initializer_list>  // std::initializer_list
#include <string>            // std::string
#include <string_view>       // std::string_view
#include <utility>           // std::move, std::in_place
#include <vector>            // std::vector

#include <redispp/detail/chrono.hpp>  // std::chrono::milliseconds
#include <redispp/protocol/command_flags.hpp>
#include <redispp/protocol/convert.hpp>
#include <redispp/protocol/encoded_command.hpp>
#include <redispp/protocol/encoder.hpp>
#include <redispp/protocol/reply.hpp>

namespace redispp {

/// Keys (or fields, members) given inline: r.del({"a", "b"}).
using KeyList = std::initializer_list<std::string_view>;
/// (key, value) pairs given inline: r.mset({{"a", "1"}, {"b", "2"}}).
using PairList = std::initializer_list<std::pair<std::string_view, std::string_view>>;

/// Where a command's keys are among its arguments (0 = the command's name, 1 = its first
/// argument), as its builder states them: up to two ranges of argument indexes, each
/// first..last every step-th, a negative index counting from the end (-1 = the last argument).
/// Cluster routing reads it (Command::keys()); the facts test checks it against the server's
/// COMMAND GETKEYS for every typed command.
///
///   KeyPositions::none()                 PING, CONFIG GET ...
///   KeyPositions::at(1)                  GET key, HSET key field value ...
///   KeyPositions::range(1)               DEL key [key ...]: 1 to the end
///   KeyPositions::range(1, -1, 2)        MSET key value [key value ...]
///   KeyPositions::counted(3, numkeys)    EVAL script numkeys key ... arg ...
///   KeyPositions::at(1).plus(KeyPositions::counted(3, n))   ZUNIONSTORE destination numkeys key ...
///   KeyPositions::at(1).plus(KeyPositions::at(-1))          SORT key ... STORE destination
///   KeyPositions()                       not known: a command given only as text (execute_command)
class KeyPositions {
 public:
  /// Keys not known: whoever routes or retries the command must assume the worst.
  constexpr KeyPositions() noexcept = default;
  /// A command without keys.
  static constexpr KeyPositions none() noexcept {
    KeyPositions spec;
    spec.known_ = true;
    return spec;
  }
  /// One key, at argument `index`.
  static constexpr KeyPositions at(int index) noexcept { return range(index, index); }
  /// Arguments first..last (a negative last counts from the end), every step-th.
  static constexpr KeyPositions range(int first, int last = -1, int step = 1) noexcept {
    KeyPositions spec = none();
    spec.ranges_[0] = Range{first, last, step};
    return spec;
  }
  /// `count` keys from argument `first` on (a numkeys list); none when count is 0.
  static constexpr KeyPositions counted(int first, std::size_t count) noexcept {
    return count == 0 ? none() : range(first, first + static_cast<int>(count) - 1);
  }
  /// This spec's keys and `other`'s (its first range): a destination plus a list of sources.
  constexpr KeyPositions plus(KeyPositions other) const noexcept {
    KeyPositions spec = *this;
    if (!other.known_) return KeyPositions();
    if (spec.ranges_[0].step == 0)
      spec.ranges_[0] = other.ranges_[0];
    else
      spec.ranges_[1] = other.ranges_[0];
    return spec;
  }

  /// False for a command known only by its text.
  constexpr bool known() const noexcept { return known_; }
  /// Whether argument `index` of a command of `argc` arguments (its name included) is a key.
  constexpr bool is_key(std::size_t index, std::size_t argc) const noexcept {
    for (const Range& r : ranges_) {
      if (r.step <= 0) continue;
      const auto from_end = [argc](std::int32_t at) { return at < 0 ? static_cast<long long>(argc) + at : at; };
      const long long first = from_end(r.first);
      const long long last = from_end(r.last);
      const auto i = static_cast<long long>(index);
      if (first >= 1 && i >= first && i <= last && (i - first) % r.step == 0) return true;
    }
    return false;
  }
  constexpr bool operator==(const KeyPositions&) const noexcept = default;

 private:
  struct Range {
    std::int32_t first = 0;
    std::int32_t last = 0;
    std::int32_t step = 0;  // 0: no range
    constexpr bool operator==(const Range&) const noexcept = default;
  };
  Range ranges_[2]{};
  bool known_ = false;
};

template <class T>
class Command {
 public:
  using result_type = T;
  using converter = T (*)(Reply&&);

  /// A command whose facts are not stated: keys unknown, no flags (what make_command(args...)
  /// makes for code outside the library's builders).
  Command(ArgumentWriter::Encoded encoded, converter convert_with = &redispp::convert<T>) noexcept
      : encoded_(std::move(encoded)), convert_(convert_with) {}
  /// A command with its facts: where its keys are and its flags (read_only ...).
  Command(ArgumentWriter::Encoded encoded, KeyPositions keys, CommandFlags flags = CommandFlags::none,
          converter convert_with = &redispp::convert<T>) noexcept
      : encoded_(std::move(encoded)), convert_(convert_with), keys_(keys), flags_(flags) {}
  /// The same from a writer, finished here: its bytes move once, straight into the Command
  /// (through an Encoded they would move twice). What the builders use.
  explicit Command(ArgumentWriter&& writer, converter convert_with = &redispp::convert<T>) noexcept
      : encoded_(std::move(writer).finish()), convert_(convert_with) {}
  Command(ArgumentWriter&& writer, KeyPositions keys, CommandFlags flags = CommandFlags::none,
          converter convert_with = &redispp::convert<T>) noexcept
      : encoded_(std::move(writer).finish()), convert_(convert_with), keys_(keys), flags_(flags) {}
  /// The same from the arguments themselves, encoded straight into this Command: the bytes are
  /// written once and never moved (what make_command() and make_read_command() use).
  template <Argument... Args>
  Command(std::in_place_t, KeyPositions keys, CommandFlags flags, converter convert_with, const Args&... args)
      : convert_(convert_with), keys_(keys), flags_(flags) {
    ArgumentWriter::encode_into(encoded_, args...);
  }

  /// The RESP bytes to send.
  std::string_view wire() const noexcept { return encoded_.wire(); }
  /// The command's name as given to its builder ("SET", "CLIENT" ...): where the encoder put it,
  /// not parsed back out of the bytes (unless the name was not given as text).
  std::string_view name() const noexcept {
    return encoded_.name_begin != 0 ? encoded_.name() : command_name(wire());
  }
  /// Converts this command's reply (throwing the error reply's exception for error replies).
  T convert(Reply&& reply) const { return convert_(std::move(reply)); }
  converter conversion() const noexcept { return convert_; }

  /// For blocking commands (BLPOP ...): how long the server may legitimately take, added to the
  /// socket time-out. Negative = wait without limit (a blocking timeout of 0).
  std::chrono::milliseconds block_timeout() const noexcept { return block_timeout_; }
  /// Marks a command that may wait on the server (CommandFlags::blocking), for `timeout`.
  Command&& blocking(std::chrono::milliseconds timeout) && noexcept {
    block_timeout_ = timeout;
    flags_ |= CommandFlags::blocking;
    return std::move(*this);
  }

  CommandFlags flags() const noexcept { return flags_; }
  bool is_read_only() const noexcept { return has(flags_, CommandFlags::read_only); }
  /// Marks a command that changes its connection's state (CommandFlags::changes_state):
  ///   make_command<bool>(cmd::no_keys, "SELECT", db).changes_state()
  Command&& changes_state() && noexcept {
    flags_ |= CommandFlags::changes_state;
    return std::move(*this);
  }

  /// How many replies the server sends for this command: one, but for (P|S)UNSUBSCRIBE, which
  /// is answered with an acknowledgement per name (cmd::detail::unsubscribe_replies). A host
  /// reads them all (Redis and a pipeline without a transaction give them to the caller as one
  /// array), or refuses the command before a byte is sent: no caller ever receives the reply of
  /// another command.
  std::uint32_t reply_count() const noexcept { return reply_count_; }
  /// States how many replies the command gets, when that is not one.
  Command&& expecting(std::uint32_t replies) && noexcept {
    reply_count_ = replies;
    if (replies != 1) flags_ |= CommandFlags::several_replies;
    return std::move(*this);
  }

  /// Adds facts learned from the server (COMMAND INFO, commands/command_table.hpp) to a command
  /// built from text: its flags join the ones it has; its key positions, when it had none.
  void learn_facts(KeyPositions keys, CommandFlags flags) noexcept {
    flags_ |= flags;
    if (!keys_.known()) keys_ = keys;
  }

  /// Where its keys are among its arguments.
  const KeyPositions& key_positions() const noexcept { return keys_; }
  /// Its key arguments, as views of wire() (valid while this Command lives), in argument order.
  /// Empty for a command without keys, or whose keys are not known (check key_positions().known()).
  std::vector<std::string_view> keys() const {
    std::vector<std::string_view> found;
    detail::for_each_encoded_argument(wire(), [&](std::size_t index, std::size_t argc, std::string_view argument) {
      if (keys_.is_key(index, argc)) found.push_back(argument);
      return true;
    });
    return found;
  }

  /// The first bulk string of an encoded command ("*3\r\n$3\r\nSET\r\n..." -> "SET").
  static std::string_view command_name(std::string_view wire) noexcept { return detail::encoded_argument(wire, 0); }

 private:
  ArgumentWriter::Encoded encoded_;
  converter convert_;
  std::chrono::milliseconds block_timeout_{0};
  KeyPositions keys_;
  CommandFlags flags_ = CommandFlags::none;
  std::uint32_t reply_count_ = 1;
};

namespace cmd::detail {
/// A blocking command's timeout as Redis reads it: seconds, fractions allowed (0 = forever).
inline double block_seconds(std::chrono::milliseconds timeout) noexcept {
  return static_cast<double>(timeout.count()) / 1000.0;
}
/// How much longer the socket must wait for a blocking command's reply (Command::blocking):
/// its own timeout, or without limit (-1) for a timeout of 0.
inline std::chrono::milliseconds socket_extension(std::chrono::milliseconds timeout) noexcept {
  return timeout.count() == 0 ? std::chrono::milliseconds{-1} : timeout;
}
/// How many acknowledgements (P|S)UNSUBSCRIBE with `names` names gets on a connection that is
/// subscribed to nothing (every connection but a PubSub's): one per name, and one for none.
constexpr std::uint32_t unsubscribe_replies(std::size_t names) noexcept {
  return names == 0 ? 1 : static_cast<std::uint32_t>(names);
}
}  // namespace cmd::detail

/// Makes a Command<T> from a name and arguments, its facts unstated (keys unknown, no flags):
/// make_command<long long>("INCR", key). The library's builders state them (below).
template <class T, Argument... Args>
Command<T> make_command(const Args&... args) {
  return Command<T>(std::in_place, KeyPositions(), CommandFlags::none, &redispp::convert<T>, args...);
}
/// A command with its keys where `keys` says, not read-only: make_command<long long>(cmd::first_key, "INCR", key).
template <class T, Argument... Args>
Command<T> make_command(KeyPositions keys, const Args&... args) {
  return Command<T>(std::in_place, keys, CommandFlags::none, &redispp::convert<T>, args...);
}
/// A command with its flags and keys: make_command<bool>(CommandFlags::repeatable, cmd::CommandFlags::repeatable, no_keys, "PING").
template <class T, Argument... Args>
Command<T> make_command(CommandFlags flags, KeyPositions keys, const Args&... args) {
  return Command<T>(std::in_place, keys, flags, &redispp::convert<T>, args...);
}
/// A read-only command (CommandFlags::read_only): make_read_command<std::optional<std::string>>(cmd::first_key, "GET", key).
template <class T, Argument... Args>
Command<T> make_read_command(KeyPositions keys, const Args&... args) {
  return Command<T>(std::in_place, keys, CommandFlags::read_only, &redispp::convert<T>, args...);
}

/// The same, with a conversion of its own (a captureless lambda or a function).
template <class T, Argument... Args>
Command<T> make_command_with(typename Command<T>::converter convert, const Args&... args) {
  return Command<T>(std::in_place, KeyPositions(), CommandFlags::none, convert, args...);
}
template <class T, Argument... Args>
Command<T> make_command_with(typename Command<T>::converter convert, KeyPositions keys, const Args&... args) {
  return Command<T>(std::in_place, keys, CommandFlags::none, convert, args...);
}
template <class T, Argument... Args>
Command<T> make_command_with(typename Command<T>::converter convert, CommandFlags flags, KeyPositions keys,
                             const Args&... args) {
  return Command<T>(std::in_place, keys, flags, convert, args...);
}

namespace cmd {
/// The key specs most builders use (see KeyPositions for the rest).
inline constexpr KeyPositions no_keys = KeyPositions::none();
inline constexpr KeyPositions first_key = KeyPositions::at(1);
/// Every argument from `first` on is a key (DEL key [key ...]).
constexpr KeyPositions keys_from(int first) noexcept { return KeyPositions::range(first); }
}  // namespace cmd

}  // namespace redispp
