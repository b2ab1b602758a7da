#pragma once
// Command<T>: one encoded command plus what running it yields — the C++ type T of its reply and
// the function that converts the reply to T. Builders in commands/*.hpp return these; the host
// of the command set (Redis, Pipeline ...) decides what running one means.

#include <chrono>            // std::chrono::milliseconds
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

template <class T>
class Command {
 public:
  using result_type = T;
  using converter = T (*)(Reply&&);

  Command(ArgumentWriter::Encoded encoded, converter convert = &redispp::convert<T>) noexcept
      : encoded_(std::move(encoded)), convert_(convert) {}

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
