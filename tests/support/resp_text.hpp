#pragma once
// RESP text both ways for the unit tests: replies parsed by the built-in parser (what the
// protocol-step tests feed their state machines instead of a socket), and the bytes a command
// is expected to encode to (what a builder's wire() is compared with).
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <redispp/protocol/encoder.hpp>
#include <redispp/protocol/parser.hpp>

namespace redispp::test {

inline std::vector<Reply> parse_replies(std::string_view wire) {
  auto parser = make_parser(ParserKind::builtin);
  parser->feed(wire);
  std::vector<Reply> out;
  while (auto reply = parser->next()) out.push_back(std::move(*reply));
  return out;
}

/// The bytes encode_command writes for `args`: wire("SET", "k", "v") is *3 $3 SET $1 k $1 v.
template <class... Args>
std::string wire(const Args&... args) {
  std::string out;
  encode_command(out, args...);
  return out;
}

}  // namespace redispp::test
