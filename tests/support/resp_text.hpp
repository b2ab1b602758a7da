#pragma once
// Replies written as RESP text, parsed by the built-in parser: what the protocol-step tests
// (handshake, transaction reader) feed their state machines instead of a socket.
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <redispp/protocol/parser.hpp>

namespace redispp::test {

inline std::vector<Reply> parse_replies(std::string_view wire) {
  auto parser = make_parser(ParserKind::builtin);
  parser->feed(wire);
  std::vector<Reply> out;
  while (auto reply = parser->next()) out.push_back(std::move(*reply));
  return out;
}

}  // namespace redispp::test
