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
  resp3,  // needs RESP3: the built-in parser only
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
  /// Only the built-in parser runs it: hiredis 0.14 reads at most 8 nested levels, does not
  /// check the CRLF after a bulk string nor a lone CR/LF in a line, and has its own limits.
  bool builtin_only = false;
  /// Too big to split at every offset: a few hundred split points instead.
  bool large = false;
  ParserLimits limits{};
};

/// Every case, built once.
const std::vector<ParserCase>& parser_cases();

}  // namespace redispp::test
