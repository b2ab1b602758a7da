#pragma once
// Reading an encoded command back: the one walker over "*<argc>\r\n" followed by
// "$<length>\r\n<bytes>\r\n" per argument, as encoder.hpp writes them. Command::keys(),
// Command::name() (for a command whose name was not given as text) and the facts of a command
// given only as text (commands/generic.hpp) all read their arguments through it.
//
// It trusts its input to be the encoder's output (a Command's own bytes): a malformed or
// truncated command ends the walk early, it never reads past the end.

#include <cstddef>      // std::size_t
#include <string_view>  // std::string_view

namespace redispp::detail {

/// Calls fn(index, argc, argument) for each argument of the encoded command `wire`, its name
/// (index 0) included, until fn returns false or the arguments end.
template <class Fn>
void for_each_encoded_argument(std::string_view wire, Fn&& fn) {
  const auto number = [wire](std::size_t from, std::size_t to) {
    std::size_t n = 0;
    for (std::size_t i = from; i < to; ++i) n = n * 10 + static_cast<std::size_t>(wire[i] - '0');
    return n;
  };
  std::size_t at = wire.find("\r\n");
  if (wire.empty() || wire[0] != '*' || at == std::string_view::npos) return;
  const std::size_t argc = number(1, at);
  for (std::size_t index = 0; index < argc; ++index) {
    const std::size_t line = at + 2;  // "$<length>\r\n<bytes>\r\n"
    if (line >= wire.size() || wire[line] != '$') return;
    at = wire.find("\r\n", line);
    if (at == std::string_view::npos) return;
    const std::size_t length = number(line + 1, at);
    if (at + 2 + length > wire.size()) return;
    if (!fn(index, argc, wire.substr(at + 2, length))) return;
    at += 2 + length;
  }
}

/// Argument `index` (0 = the command's name) of an encoded command, or "" when it has fewer.
inline std::string_view encoded_argument(std::string_view wire, std::size_t index) noexcept {
  std::string_view found;
  for_each_encoded_argument(wire, [&](std::size_t i, std::size_t, std::string_view argument) {
    if (i != index) return true;
    found = argument;
    return false;
  });
  return found;
}

/// How many arguments an encoded command has, its name included (0 for anything else).
inline std::size_t encoded_argument_count(std::string_view wire) noexcept {
  std::size_t argc = 0;
  for_each_encoded_argument(wire, [&](std::size_t, std::size_t count, std::string_view) {
    argc = count;
    return false;
  });
  return argc;
}

/// The longest argument of any command in `wire`, which may hold many commands one after the
/// other (a pipeline's batch, MULTI and EXEC included): which command (its place in `wire`, and
/// its name), the argument's index in it and its size.
struct LongestArgument {
  std::size_t command = 0;
  std::string_view name;
  std::size_t argument = 0;
  std::size_t size = 0;
  std::size_t commands = 0;  // how many commands `wire` holds
};
inline LongestArgument longest_encoded_argument(std::string_view wire) noexcept {
  LongestArgument longest;
  for (std::size_t command = 0; !wire.empty(); ++command) {
    std::size_t end = 0;  // where this command's last argument ends
    std::string_view name;
    for_each_encoded_argument(wire, [&](std::size_t index, std::size_t, std::string_view argument) {
      if (index == 0) name = argument;
      if (argument.size() > longest.size) longest = {command, name, index, argument.size()};
      end = static_cast<std::size_t>(argument.data() - wire.data()) + argument.size() + 2;
      return true;
    });
    if (end == 0 || end > wire.size()) break;  // not a command the encoder wrote: stop
    wire.remove_prefix(end);
    longest.commands = command + 1;
  }
  return longest;
}

}  // namespace redispp::detail
