#pragma once
// The parser case table: bytes a server could send (or a broken one could) and what a parser
// must make of them. Both parsers run every case they can speak (parser_test.cpp), each fed
// whole, byte by byte, split in two at every offset, and through prepare()/commit().

#include <cstddef>  // std::size_t
#include <optional> // std::optional
#include <string>   // std::string
#include <vector>   // std::vector

#include <redispp/protocol/parser.hpp>  // ParserLimits
#include <redispp/protocol/reply.hpp>   // Reply

namespace redispp::test {

enum class Protocol {
  resp2,  // valid (or malformed) RESP2: every parser runs it
  resp3,  // needs RESP3: the built-in parser, and the hiredis parser with hiredis >= 1.1
};

struct ParserCase {
  std::string name;
  std::string input;
  /// Replies expected, in order; when `error` is set, the replies that come before the error.
  std::vector<Reply> replies;
  /// Set when the input must end in a ProtocolError: a substring of the built-in parser's
  /// message (other parsers must throw ProtocolError, in their own words).
  std::optional<std::string> error;
  Protocol protocol = Protocol::resp2;
  /// Only the built-in parser runs it: no hiredis reads it the same way (hiredis does not check
  /// the CRLF after a bulk string, waits for a CR LF pair where a bare LF or a lone CR is
  /// already wrong, has no blob errors, no "+inf": see hiredis_parser.hpp).
  bool builtin_only = false;
  /// hiredis 0.14 reads it differently (at most 8 nested levels, a lone CR kept in a simple
  /// string, ...); hiredis 1.x reads it as the built-in parser does.
  bool needs_hiredis_1 = false;
  /// Holds a RESP3 attribute: the hiredis parser runs it only when hiredis reads '|' (1.4).
  bool attributes = false;
  /// Too big to split at every offset: a few hundred split points instead.
  bool large = false;
  /// Both parsers get these limits.
  ParserLimits limits{};
};

/// Every case, built once.
const std::vector<ParserCase>& parser_cases();

}  // namespace redispp::test
