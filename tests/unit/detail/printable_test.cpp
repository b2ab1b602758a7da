// The one byte escaper (detail::append_escaped) in its two forms: printable() for names in
// messages, and the exact form a Reply's text and the parser's messages quote bytes with.
#include "support/catch.hpp"

#include <string>

#include <redispp/detail/printable.hpp>
#include <redispp/protocol/reply.hpp>

using redispp::detail::append_escaped;
using redispp::detail::printable;

TEST_CASE("printable() escapes control bytes only", "[printable]") {
  CHECK(printable("plain") == "plain");
  CHECK(printable("a\r\nb\tc") == "a\\r\\nb\\tc");
  CHECK(printable(std::string("\x00\x1f\x7f", 3)) == "\\x00\\x1f\\x7f");
  // Backslashes, quotes and UTF-8 stay as they are: a message stays one readable line.
  CHECK(printable("C:\\dir \"x\" caf\xc3\xa9\n") == "C:\\dir \"x\" caf\xc3\xa9\\n");
}

TEST_CASE("the exact form escapes the backslash, the quote and bytes past ASCII too", "[printable]") {
  std::string out;
  append_escaped(out, "a\"b'c\\d\xff\x01\n", true, '"');
  CHECK(out == "a\\\"b'c\\\\d\\xff\\x01\\n");
  out.clear();
  append_escaped(out, "a\"b'c", true, '\'');
  CHECK(out == "a\"b\\'c");
  // A Reply's text form uses it between double quotes.
  std::string text;
  redispp::format_reply(text, redispp::Reply::bulk_string("k\"\\\xe9\r"));
  CHECK(text == "\"k\\\"\\\\\\xe9\\r\"");
}
