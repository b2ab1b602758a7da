#pragma once
// Command<T>: one encoded command plus what running it yields — the C++ type T of its reply and
// the function that converts the reply to T. Builders in commands/*.hpp return these; the host
// of the command set (Redis, Pipeline ...) decides what running one means.

#include <chrono>            // std::chrono::milliseconds
#include <cstdint>           // std::uint8_t
#include <initializer_list>  // std::initializer_list
#include <string>            // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::move

#include <redispp/protocol/convert.hpp>
#include <redispp/protocol/encoder.hpp>
#include <redispp/protocol/reply.hpp>

namespace redispp {

/// Keys (or fields, members) given inline: r.del({"a", "b"}).
using KeyList = std::initializer_list<std::string_view>;
/// (key, value) pairs given inline: r.mset({{"a", "1"}, {"b", "2"}}).
using PairList = std::initializer_list<std::pair<std::string_view, std::string_view>>;

/// Facts about a command that its host needs beyond its bytes, set by the command's builder.
enum class CommandFlags : std::uint8_t {
  none = 0,
  /// Leaves the connection in a state its ConnectionOptions do not describe: another database
  /// (SELECT), user (AUTH, HELLO AUTH, RESET), name, protocol, an open MULTI, a subscription,
  /// MONITOR, client tracking ... A pooled connection that ran one is closed when it is given
  /// back, never handed to the next caller (see transport/connection_pool.hpp).
  changes_state = 1u << 0,
};
constexpr CommandFlags operator|(CommandFlags a, CommandFlags b) noexcept {
  return static_cast<CommandFlags>(static_cast<std::uint8_t>(a) | static_cast<std::uint8_t>(b));
}
constexpr CommandFlags& operator|=(CommandFlags& a, CommandFlags b) noexcept { return a = a | b; }
/// Whether `flags` has every flag of `wanted`.
constexpr bool has(CommandFlags flags, CommandFlags wanted) noexcept {
  return (static_cast<std::uint8_t>(flags) & static_cast<std::uint8_t>(wanted)) == static_cast<std::uint8_t>(wanted);
}

template <class T>
class Command {
 public:
  using result_type = T;
  using converter = T (*)(Reply&&);

  Command(ArgumentWriter::Encoded encoded, converter conversion = &redispp::convert<T>) noexcept
      : encoded_(std::move(encoded)), convert_(conversion) {}

  /// The RESP bytes to send.
  std::string_view wire() const noexcept { return encoded_.wire(); }
  /// The command's name as sent ("SET", "CLIENT" ...), read back from the encoded bytes.
  std::string_view name() const noexcept { return command_name(wire()); }
  /// Converts this command's reply (throwing the error reply's exception for error replies).
  T convert(Reply&& reply) const { return convert_(std::move(reply)); }
  converter conversion() const noexcept { return convert_; }

  /// For blocking commands (BLPOP ...): how long the server may legitimately take, added to the
  /// socket time-out. Negative = wait without limit (a blocking timeout of 0).
  std::chrono::milliseconds block_timeout() const noexcept { return block_timeout_; }
  Command&& blocking(std::chrono::milliseconds timeout) && noexcept {
    block_timeout_ = timeout;
    return std::move(*this);
  }

  CommandFlags flags() const noexcept { return flags_; }
  /// Marks a command that changes its connection's state (CommandFlags::changes_state):
  ///   make_command<bool>("SELECT", db).changes_state()
  Command&& changes_state() && noexcept {
    flags_ |= CommandFlags::changes_state;
    return std::move(*this);
  }

  /// The first bulk string of an encoded command ("*3\r\n$3\r\nSET\r\n..." -> "SET").
  static std::string_view command_name(std::string_view wire) noexcept {
    const auto dollar = wire.find('$');
    const auto line_end = wire.find("\r\n", dollar);
    if (dollar == std::string_view::npos || line_end == std::string_view::npos) return {};
    std::size_t length = 0;
    for (std::size_t i = dollar + 1; i < line_end; ++i) length = length * 10 + static_cast<std::size_t>(wire[i] - '0');
    return wire.substr(line_end + 2, length);
  }

 private:
  ArgumentWriter::Encoded encoded_;
  converter convert_;
  std::chrono::milliseconds block_timeout_{0};
  CommandFlags flags_ = CommandFlags::none;
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
}  // namespace cmd::detail

/// Makes a Command<T> from a name and arguments: make_command<long long>("INCR", key).
template <class T, Argument... Args>
Command<T> make_command(const Args&... args) {
  return Command<T>(ArgumentWriter(args...).finish());
}

/// The same, with a conversion of its own (a captureless lambda or a function).
template <class T, Argument... Args>
Command<T> make_command_with(typename Command<T>::converter convert, const Args&... args) {
  return Command<T>(ArgumentWriter(args...).finish(), convert);
}

}  // namespace redispp
