#include "parser_cases.hpp"

#include <cmath>        // INFINITY, NAN
#include <string_view>  // std::string_view
#include <utility>      // std::move

namespace redispp::test {
namespace {

using namespace std::string_literals;  // "a\0b"s keeps the NUL

Reply simple(std::string text) { return Reply::simple_string(std::move(text)); }
Reply err(std::string text) { return Reply::error(std::move(text)); }
Reply bulk(std::string text) { return Reply::bulk_string(std::move(text)); }
Reply integer(long long value) { return Reply::integer(value); }
Reply nil() { return Reply::nil(); }
Reply arr(std::vector<Reply> elements) { return Reply::array(std::move(elements)); }
Reply map(std::vector<Reply> key_values) { return Reply::aggregate(ReplyType::map, std::move(key_values)); }
Reply set(std::vector<Reply> elements) { return Reply::aggregate(ReplyType::set, std::move(elements)); }
Reply push(std::vector<Reply> elements) { return Reply::aggregate(ReplyType::push, std::move(elements)); }
Reply dbl(double value) { return Reply::double_(value); }
Reply boolean(bool value) { return Reply::boolean(value); }

/// `value` carrying the attribute {key: value, ...}.
Reply with_attribute(Reply value, std::vector<Reply> key_values) {
  value.set_attribute(Reply::aggregate(ReplyType::attribute, std::move(key_values)));
  return value;
}

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

/// `depth` arrays of one element each around :1, and the reply that makes.
std::string nested_input(std::size_t depth) { return repeat("*1\r\n", depth) + ":1\r\n"; }
Reply nested_reply(std::size_t depth) {
  Reply r = integer(1);
  for (std::size_t i = 0; i < depth; ++i) r = arr({std::move(r)});
  return r;
}

ParserLimits limits_with(std::size_t bulk, std::size_t depth, std::size_t aggregate) {
  ParserLimits limits;
  limits.max_bulk_length = bulk;
  limits.max_depth = depth;
  limits.max_aggregate_length = aggregate;
  return limits;
}

class Table {
 public:
  /// A RESP2 case every parser must read the same way.
  ParserCase& ok(std::string name, std::string input, std::vector<Reply> replies) {
    return add(std::move(name), std::move(input), std::move(replies), std::nullopt, Protocol::resp2);
  }
  /// A RESP3 case (built-in parser only).
  ParserCase& ok3(std::string name, std::string input, std::vector<Reply> replies) {
    return add(std::move(name), std::move(input), std::move(replies), std::nullopt, Protocol::resp3);
  }
  /// Malformed RESP2: every parser must throw ProtocolError after `replies`.
  ParserCase& bad(std::string name, std::string input, std::string message, std::vector<Reply> replies = {}) {
    return add(std::move(name), std::move(input), std::move(replies), std::move(message), Protocol::resp2);
  }
  /// Malformed RESP2 that only the built-in parser notices.
  ParserCase& bad_builtin(std::string name, std::string input, std::string message, std::vector<Reply> replies = {}) {
    ParserCase& c = bad(std::move(name), std::move(input), std::move(message), std::move(replies));
    c.builtin_only = true;
    return c;
  }
  /// Malformed RESP3 (built-in parser only).
  ParserCase& bad3(std::string name, std::string input, std::string message, std::vector<Reply> replies = {}) {
    return add(std::move(name), std::move(input), std::move(replies), std::move(message), Protocol::resp3);
  }

  std::vector<ParserCase> take() { return std::move(cases_); }

 private:
  ParserCase& add(std::string name, std::string input, std::vector<Reply> replies, std::optional<std::string> error,
                  Protocol protocol) {
    ParserCase c;
    c.name = std::move(name);
    c.input = std::move(input);
    c.replies = std::move(replies);
    c.error = std::move(error);
    c.protocol = protocol;
    cases_.push_back(std::move(c));
    return cases_.back();
  }

  std::vector<ParserCase> cases_;
};

void add_resp2_cases(Table& t) {
  t.ok("simple string", "+OK\r\n", {simple("OK")});
  t.ok("empty simple string", "+\r\n", {simple("")});
  t.ok("simple string with spaces and punctuation", "+hello world: 1, 2? 'x' \"y\"\r\n",
       {simple("hello world: 1, 2? 'x' \"y\"")});
  t.ok("error", "-ERR unknown command 'foo'\r\n", {err("ERR unknown command 'foo'")});
  t.ok("WRONGTYPE error", "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n",
       {err("WRONGTYPE Operation against a key holding the wrong kind of value")});
  t.ok("empty error", "-\r\n", {err("")});
  t.ok("integer zero", ":0\r\n", {integer(0)});
  t.ok("integer", ":1000\r\n", {integer(1000)});
  t.ok("negative integer", ":-42\r\n", {integer(-42)});
  t.ok("largest integer", ":9223372036854775807\r\n", {integer(9223372036854775807LL)});
  t.ok("smallest integer", ":-9223372036854775808\r\n", {integer(-9223372036854775807LL - 1)});
  t.ok("18- and 19-digit integers", ":999999999999999999\r\n:1000000000000000000\r\n",
       {integer(999999999999999999LL), integer(1000000000000000000LL)});
  t.ok("bulk string", "$5\r\nhello\r\n", {bulk("hello")});
  t.ok("empty bulk string", "$0\r\n\r\n", {bulk("")});
  // Top-level simple strings, integers and bulk strings take a shortcut (read_plain_scalar) for
  // lines of up to 64 bytes and lengths of up to 18 digits; past those they go the general way.
  // Both sides of each border, and a bulk whose text sits past the inline 32 bytes.
  t.ok("simple string of 64 bytes", "+" + std::string(64, 's') + "\r\n", {simple(std::string(64, 's'))});
  t.ok("simple string of 65 bytes", "+" + std::string(65, 's') + "\r\n", {simple(std::string(65, 's'))});
  t.ok("bulk string length of 18 digits, then one of 19 (both padded with zeros)",
       "$000000000000000003\r\nabc\r\n$0000000000000000003\r\nabc\r\n", {bulk("abc"), bulk("abc")})
      .builtin_only = true;  // hiredis refuses a length with leading zeros
  t.ok("bulk strings of 32 and 33 bytes", "$32\r\n" + std::string(32, 'b') + "\r\n$33\r\n" + std::string(33, 'b') + "\r\n",
       {bulk(std::string(32, 'b')), bulk(std::string(33, 'b'))});
  t.ok("nil bulk string", "$-1\r\n", {nil()});
  t.ok("bulk string holding CRLF", "$12\r\nline1\r\nline2\r\n", {bulk("line1\r\nline2")});
  t.ok("bulk string that looks like RESP", "$8\r\n*1\r\n:1\r\n\r\n", {bulk("*1\r\n:1\r\n")});
  t.ok("binary bulk string", "$8\r\n\0\r\n\xff\x01\r\x7f\n\r\n"s, {bulk("\0\r\n\xff\x01\r\x7f\n"s)});
  {
    std::string all;
    for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
    t.ok("every byte value in a bulk string", "$256\r\n" + all + "\r\n", {bulk(all)});
  }
  t.ok("bulk string longer than 15 bytes", "$26\r\nabcdefghijklmnopqrstuvwxyz\r\n", {bulk("abcdefghijklmnopqrstuvwxyz")});
  t.ok("empty array", "*0\r\n", {arr({})});
  t.ok("nil array", "*-1\r\n", {nil()});
  t.ok("array of bulk strings", "*2\r\n$3\r\nfoo\r\n$3\r\nbar\r\n", {arr({bulk("foo"), bulk("bar")})});
  t.ok("mixed array", "*5\r\n:1\r\n:2\r\n:3\r\n:4\r\n$5\r\nhello\r\n",
       {arr({integer(1), integer(2), integer(3), integer(4), bulk("hello")})});
  t.ok("array with nil elements", "*3\r\n$3\r\nfoo\r\n$-1\r\n$3\r\nbar\r\n", {arr({bulk("foo"), nil(), bulk("bar")})});
  t.ok("EXEC reply with a status and an error", "*2\r\n+OK\r\n-ERR value is not an integer\r\n",
       {arr({simple("OK"), err("ERR value is not an integer")})});
  t.ok("nested arrays", "*2\r\n*3\r\n:1\r\n:2\r\n:3\r\n*2\r\n+Hello\r\n-World\r\n",
       {arr({arr({integer(1), integer(2), integer(3)}), arr({simple("Hello"), err("World")})})});
  t.ok("nested empty and nil arrays", "*3\r\n*0\r\n*-1\r\n*1\r\n*0\r\n", {arr({arr({}), nil(), arr({arr({})})})});
  t.ok("SCAN reply", "*2\r\n$2\r\n17\r\n*2\r\n$5\r\nkey:1\r\n$5\r\nkey:2\r\n",
       {arr({bulk("17"), arr({bulk("key:1"), bulk("key:2")})})});
  t.ok("arrays nested 7 deep", nested_input(7), {nested_reply(7)});
  t.ok("arrays nested 8 deep (hiredis 0.14's most)", nested_input(8), {nested_reply(8)});
  t.ok("several replies in one feed", "+OK\r\n:1\r\n$3\r\nfoo\r\n*1\r\n$1\r\na\r\n$-1\r\n*-1\r\n",
       {simple("OK"), integer(1), bulk("foo"), arr({bulk("a")}), nil(), nil()});
  t.ok("an error among other replies", "+OK\r\n-ERR x\r\n:5\r\n", {simple("OK"), err("ERR x"), integer(5)});
  t.ok("pipelined replies of different sizes", "$0\r\n\r\n$1\r\nx\r\n$20\r\n01234567890123456789\r\n:-1\r\n",
       {bulk(""), bulk("x"), bulk("01234567890123456789"), integer(-1)});

  // Large: split at a few hundred offsets rather than at every one.
  {
    std::string big;
    big.reserve(3u << 20);
    for (std::size_t i = 0; i < (3u << 20); ++i) big += static_cast<char>((i * 131 + i / 7) & 0xff);
    t.ok("3 MiB bulk string", "$" + std::to_string(big.size()) + "\r\n" + big + "\r\n", {bulk(big)}).large = true;
  }
  {
    std::string input = "*100000\r\n";
    std::vector<Reply> elements;
    elements.reserve(100000);
    for (int i = 0; i < 100000; ++i) {
      if (i % 2 == 0) {
        input += ":" + std::to_string(i) + "\r\n";
        elements.push_back(integer(i));
      } else {
        const std::string text = "v" + std::to_string(i);
        input += "$" + std::to_string(text.size()) + "\r\n" + text + "\r\n";
        elements.push_back(bulk(text));
      }
    }
    t.ok("array of 100k elements", std::move(input), {arr(std::move(elements))}).large = true;
  }
  {
    std::string input;
    std::vector<Reply> replies;
    for (int i = 0; i < 5000; ++i) {
      input += "$5\r\nvalue\r\n:" + std::to_string(i) + "\r\n";
      replies.push_back(bulk("value"));
      replies.push_back(integer(i));
    }
    t.ok("10k pipelined replies", std::move(input), std::move(replies)).large = true;
  }

  // Malformed RESP2 that hiredis notices too.
  t.bad("unknown type byte", "?x\r\n", "at byte 0: expected a reply type byte (one of + - : $ * _ , # ( = ! % ~ > |), got '?' (0x3f)");
  t.bad("unknown non-printable type byte", "\x01\r\n", "at byte 0: expected a reply type byte (one of + - : $ * _ , # ( = ! % ~ > |), got byte 0x01");
  t.bad("CRLF where a type byte should be", "\r\n", "at byte 0: expected a reply type byte (one of + - : $ * _ , # ( = ! % ~ > |), got byte 0x0d");
  t.bad("unknown type byte after a reply", "+OK\r\n@\r\n", "at byte 5: expected a reply type byte", {simple("OK")});
  t.bad("unknown type byte inside an array", "*2\r\n:1\r\nX\r\n", "at byte 8: expected a reply type byte");
  t.bad("integer that is not a number", ":abc\r\n", "at byte 1: expected an integer after ':', got 'abc'");
  t.bad("empty integer", ":\r\n", "at byte 1: expected an integer after ':', got an empty line");
  t.bad("integer with trailing garbage", ":12x\r\n", "at byte 1: expected an integer after ':', got '12x'");
  t.bad("integer with a space", ": 1\r\n", "at byte 1: expected an integer after ':', got ' 1'");
  t.bad("integer that is only a sign", ":-\r\n", "at byte 1: expected an integer after ':', got '-'");
  t.bad("integer above 2^63-1", ":9223372036854775808\r\n",
        "at byte 1: expected an integer in the 64-bit range after ':', got '9223372036854775808'");
  t.bad("integer below -2^63", ":-9223372036854775809\r\n", "at byte 1: expected an integer in the 64-bit range after ':'");
  t.bad("integer of 25 digits", ":1234567890123456789012345\r\n", "in the 64-bit range");
  t.bad("bulk length that is not a number", "$abc\r\nxyz\r\n", "at byte 1: expected the length of a bulk string after '$', got 'abc'");
  t.bad("empty bulk length", "$\r\n", "at byte 1: expected the length of a bulk string after '$', got an empty line");
  t.bad("bulk length below -1", "$-2\r\n", "at byte 1: expected the length of a bulk string after '$' to be 0 or more (or -1 for nil), got -2");
  t.bad("bulk length that overflows", "$99999999999999999999\r\n", "at byte 1: expected the length of a bulk string after '$', got '99999999999999999999'");
  t.bad("array length that is not a number", "*x\r\n", "at byte 1: expected the length of an array after '*', got 'x'");
  t.bad("array length below -1", "*-2\r\n", "at byte 1: expected the length of an array after '*' to be 0 or more (or -1 for nil), got -2");
  t.bad("malformed integer nested in arrays", "*2\r\n*1\r\n:zz\r\n", "at byte 9: expected an integer after ':', got 'zz'");
  t.bad("array announcing more than max_aggregate_length elements", "*4294967297\r\n",
        "at byte 1: expected an array of at most 4294967296 elements (max_aggregate_length), got 4294967297 elements");

  // Malformed RESP2 that hiredis does not notice (it skips the two bytes after a bulk
  // string unseen, and looks only for CR LF pairs), or rejects in other words.
  t.bad_builtin("missing CRLF after a bulk string", "$5\r\nhelloxy",
                "protocol error at byte 9: expected CRLF after bulk string of 5 bytes, got 'xy'");
  t.bad_builtin("bulk string longer than announced", "$3\r\nhello\r\n", "at byte 7: expected CRLF after bulk string of 3 bytes, got 'lo'");
  t.bad_builtin("bulk string ended by LF alone", "$3\r\nfoo\n:1\r\n", "at byte 7: expected CRLF after bulk string of 3 bytes, got '\\n:'");
  t.bad_builtin("missing CRLF after a later bulk string", "*2\r\n$5\r\nhello\r\n$3\r\nfooXY",
                "protocol error at byte 22: expected CRLF after bulk string of 3 bytes, got 'XY'");
  t.bad_builtin("bare LF ends a line", "+OK\n", "at byte 3: expected CRLF to end the line, got a bare LF");
  t.bad_builtin("bare LF in an integer line", ":12\n34\r\n", "at byte 3: expected CRLF to end the line, got a bare LF")
      .needs_hiredis_1 = true;
  t.bad_builtin("bare LF before a CR not followed by LF", "+a\nb\rc", "at byte 2: expected CRLF to end the line, got a bare LF");
  t.bad_builtin("CR not followed by LF", "+OK\rX", "at byte 4: expected LF after CR, got 'X'");
  t.bad_builtin("CR inside a simple string", "+O\rK\r\n", "at byte 3: expected LF after CR, got 'K'").needs_hiredis_1 = true;
  t.bad_builtin("CR not followed by LF in a length", "$3\rxfoo\r\n", "at byte 3: expected LF after CR, got 'x'")
      .needs_hiredis_1 = true;
  t.bad("bulk length above max_bulk_length", "$536870913\r\n",
                "at byte 1: expected a bulk string of at most 536870912 bytes (max_bulk_length), got a length of 536870913");
  t.ok("integer with leading zeros (read as decimal)", ":007\r\n", {integer(7)}).builtin_only = true;

  // Nesting beyond hiredis 0.14's reader, up to the default max_depth.
  t.ok("arrays nested 9 deep", nested_input(9), {nested_reply(9)}).needs_hiredis_1 = true;
  t.ok("arrays nested 512 deep (max_depth)", nested_input(512), {nested_reply(512)}).needs_hiredis_1 = true;
  t.bad("arrays nested 513 deep", nested_input(513),
                "at byte 2048: expected aggregates nested at most 512 deep (max_depth), got an array at depth 513");
}

void add_resp3_cases(Table& t) {
  t.ok3("null", "_\r\n", {nil()});
  t.ok3("double", ",1.23\r\n", {dbl(1.23)});
  t.ok3("integral double", ",10\r\n", {dbl(10)});
  t.ok3("negative double", ",-4.5\r\n", {dbl(-4.5)});
  t.ok3("double with a plus sign", ",+3.25\r\n", {dbl(3.25)}).builtin_only = true;  // hiredis 1.4 refuses it (1.2 not)
  t.ok3("double with an exponent", ",1.5e10\r\n,-2.5E-3\r\n,1e+2\r\n", {dbl(1.5e10), dbl(-2.5e-3), dbl(100)});
  t.ok3("double without integral part", ",.5\r\n", {dbl(0.5)});
  t.ok3("infinities", ",inf\r\n,-inf\r\n", {dbl(INFINITY), dbl(-INFINITY)});
  t.ok3("infinity with a plus sign", ",+inf\r\n", {dbl(INFINITY)}).builtin_only = true;  // hiredis refuses it
  t.ok3("not a number", ",nan\r\n,-nan\r\n", {dbl(NAN), dbl(NAN)});
  t.ok3("booleans", "#t\r\n#f\r\n", {boolean(true), boolean(false)});
  t.ok3("big number", "(3492890328409238509324850943850943825024385\r\n",
        {Reply::big_number("3492890328409238509324850943850943825024385")});
  t.ok3("negative big number", "(-3492890328409238509324850943850943825024385\r\n",
        {Reply::big_number("-3492890328409238509324850943850943825024385")});
  t.ok3("verbatim string", "=15\r\ntxt:Some string\r\n", {Reply::verbatim("txt", "Some string")});
  t.ok3("verbatim string with empty text", "=4\r\nmkd:\r\n", {Reply::verbatim("mkd", "")});
  t.ok3("verbatim string holding CRLF", "=10\r\ntxt:a\r\nb\r\n\r\n", {Reply::verbatim("txt", "a\r\nb\r\n")});
  // hiredis has no blob errors (Redis does not send them).
  t.ok3("blob error", "!21\r\nSYNTAX invalid syntax\r\n", {err("SYNTAX invalid syntax")}).builtin_only = true;
  t.ok3("blob error holding CRLF", "!6\r\nERR\r\nx\r\n", {err("ERR\r\nx")}).builtin_only = true;
  t.ok3("empty blob error", "!0\r\n\r\n", {err("")}).builtin_only = true;
  t.ok3("map", "%2\r\n+first\r\n:1\r\n+second\r\n:2\r\n",
        {map({simple("first"), integer(1), simple("second"), integer(2)})});
  t.ok3("empty map", "%0\r\n", {map({})});
  t.ok3("map of aggregates", "%2\r\n$4\r\nkeys\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n~1\r\n:1\r\n%1\r\n_\r\n#t\r\n",
        {map({bulk("keys"), arr({bulk("a"), bulk("b")}), set({integer(1)}), map({nil(), boolean(true)})})});
  t.ok3("set", "~3\r\n+orange\r\n+apple\r\n#t\r\n", {set({simple("orange"), simple("apple"), boolean(true)})});
  t.ok3("empty set", "~0\r\n", {set({})});
  t.ok3("push", ">3\r\n$7\r\nmessage\r\n$7\r\nchannel\r\n$5\r\nhello\r\n",
        {push({bulk("message"), bulk("channel"), bulk("hello")})});
  t.ok3("push between replies", "+OK\r\n>2\r\n$10\r\ninvalidate\r\n*1\r\n$3\r\nkey\r\n:3\r\n",
        {simple("OK"), push({bulk("invalidate"), arr({bulk("key")})}), integer(3)});
  t.ok3("HELLO reply", "%3\r\n$6\r\nserver\r\n$5\r\nredis\r\n$5\r\nproto\r\n:3\r\n$7\r\nmodules\r\n*0\r\n",
        {map({bulk("server"), bulk("redis"), bulk("proto"), integer(3), bulk("modules"), arr({})})});
  t.ok3("every RESP3 type in one array",
        "*8\r\n_\r\n,2.5\r\n#f\r\n(12345678901234567890\r\n=7\r\ntxt:abc\r\n!3\r\nERR\r\n~0\r\n>0\r\n",
        {arr({nil(), dbl(2.5), boolean(false), Reply::big_number("12345678901234567890"), Reply::verbatim("txt", "abc"),
              err("ERR"), set({}), push({})})})
      .builtin_only = true;  // a blob error
  t.ok3("every RESP3 type but blob errors in one array",
        "*7\r\n_\r\n,2.5\r\n#f\r\n(12345678901234567890\r\n=7\r\ntxt:abc\r\n~0\r\n>0\r\n",
        {arr({nil(), dbl(2.5), boolean(false), Reply::big_number("12345678901234567890"), Reply::verbatim("txt", "abc"),
              set({}), push({})})});

  // Attributes: attached to the value that follows them, never counted as an element.
  t.ok3("attribute before a top-level reply",
        "|1\r\n+key-popularity\r\n%2\r\n$1\r\nx\r\n,0.5\r\n$1\r\ny\r\n,0.25\r\n*2\r\n:17\r\n:42\r\n",
        {with_attribute(arr({integer(17), integer(42)}),
                        {simple("key-popularity"), map({bulk("x"), dbl(0.5), bulk("y"), dbl(0.25)})})})
      .attributes = true;
  t.ok3("attribute before a scalar", "|1\r\n+hint\r\n+x\r\n:5\r\n", {with_attribute(integer(5), {simple("hint"), simple("x")})})
      .attributes = true;
  t.ok3("attribute before a nested element", "*3\r\n:1\r\n|1\r\n+ttl\r\n:3600\r\n$3\r\nval\r\n:3\r\n",
        {arr({integer(1), with_attribute(bulk("val"), {simple("ttl"), integer(3600)}), integer(3)})})
      .attributes = true;
  t.ok3("attribute before the last element", "*1\r\n|1\r\n+a\r\n+b\r\n:7\r\n",
        {arr({with_attribute(integer(7), {simple("a"), simple("b")})})})
      .attributes = true;
  t.ok3("attribute before a map value", "%1\r\n+k\r\n|1\r\n+a\r\n+b\r\n+v\r\n",
        {map({simple("k"), with_attribute(simple("v"), {simple("a"), simple("b")})})})
      .attributes = true;
  t.ok3("attribute before nil", "|1\r\n+a\r\n+b\r\n_\r\n", {with_attribute(nil(), {simple("a"), simple("b")})})
      .attributes = true;
  t.ok3("attribute before an empty array", "|1\r\n+a\r\n+b\r\n*0\r\n", {with_attribute(arr({}), {simple("a"), simple("b")})})
      .attributes = true;
  t.ok3("attribute before a push", "|1\r\n+a\r\n:1\r\n>1\r\n+m\r\n", {with_attribute(push({simple("m")}), {simple("a"), integer(1)})})
      .attributes = true;
  t.ok3("empty attribute", "|0\r\n:1\r\n", {with_attribute(integer(1), {})})
      .attributes = true;
  t.ok3("attribute on an attribute's key", "|1\r\n|1\r\n+m\r\n+n\r\n+k\r\n+v\r\n:1\r\n",
        {with_attribute(integer(1), {with_attribute(simple("k"), {simple("m"), simple("n")}), simple("v")})})
      .attributes = true;
  {
    Reply second = Reply::aggregate(ReplyType::attribute, {simple("b"), integer(2)});
    second.set_attribute(Reply::aggregate(ReplyType::attribute, {simple("a"), integer(1)}));
    Reply x = simple("x");
    x.set_attribute(std::move(second));
    t.ok3("two attributes in a row (the first describes the second)", "|1\r\n+a\r\n:1\r\n|1\r\n+b\r\n:2\r\n+x\r\n", {x})
        .attributes = true;
  }
  t.ok3("attributes on two replies", "|1\r\n+a\r\n:1\r\n+x\r\n|1\r\n+b\r\n:2\r\n+y\r\n",
        {with_attribute(simple("x"), {simple("a"), integer(1)}), with_attribute(simple("y"), {simple("b"), integer(2)})})
      .attributes = true;
  t.ok3("several RESP3 replies in one feed", "_\r\n#t\r\n,1\r\n%0\r\n~1\r\n_\r\n", {nil(), boolean(true), dbl(1), map({}), set({nil()})});
  {
    std::string input = "%20000\r\n";
    std::vector<Reply> elements;
    for (int i = 0; i < 20000; ++i) {
      input += "+k" + std::to_string(i) + "\r\n#t\r\n";
      elements.push_back(simple("k" + std::to_string(i)));
      elements.push_back(boolean(true));
    }
    t.ok3("map of 20k pairs", std::move(input), {map(std::move(elements))}).large = true;
  }

  // Malformed RESP3.
  t.bad3("double that is not a number", ",abc\r\n", "at byte 1: expected a double (like 1.5, -2e10, inf, -inf or nan) after ',', got 'abc'");
  t.bad3("double with trailing garbage", ",1.5x\r\n", "at byte 1: expected a double");
  t.bad3("empty double", ",\r\n", "got an empty line");
  t.bad3("double spelled infinity", ",infinity\r\n", "got 'infinity'");
  t.bad3("double out of range", ",1e999\r\n", "got '1e999'");
  t.bad3("hexadecimal double", ",0x10\r\n", "got '0x10'");
  t.bad3("double that is only a dot", ",.\r\n", "expected a double");
  t.bad3("boolean other than t or f", "#x\r\n", "at byte 1: expected 't' or 'f' after '#', got 'x'");
  t.bad3("boolean of two letters", "#tt\r\n", "expected 't' or 'f' after '#', got 'tt'");
  t.bad3("uppercase boolean", "#T\r\n", "got 'T'");
  t.bad3("empty boolean", "#\r\n", "expected 't' or 'f' after '#', got an empty line");
  t.bad3("big number with a letter", "(12a\r\n", "at byte 1: expected a big number (digits after an optional sign) after '(', got '12a'");
  t.bad3("empty big number", "(\r\n", "got an empty line");
  t.bad3("big number that is only a sign", "(-\r\n", "got '-'");
  t.bad3("verbatim string shorter than its prefix", "=3\r\ntxt\r\n",
         "at byte 1: expected a verbatim string of at least 4 bytes (a format such as 'txt:', then the text), got a length of 3");
  t.bad3("verbatim string without a colon", "=5\r\ntxtxy\r\n",
         "at byte 4: expected a verbatim string to start with a 3-byte format and ':' (like 'txt:'), got 'txtx'");
  t.bad3("nil verbatim string", "=-1\r\n", "expected the length of a verbatim string after '=' to be 0 or more, got -1");
  t.bad3("nil blob error", "!-1\r\n", "expected the length of a blob error after '!' to be 0 or more, got -1");
  t.bad3("missing CRLF after a verbatim string", "=5\r\ntxt:ab\r\n", "at byte 9: expected CRLF after verbatim string of 5 bytes, got 'b\\r'")
      .builtin_only = true;  // hiredis does not check it (as after a bulk string)
  t.bad3("null with content", "_x\r\n", "at byte 1: expected CRLF right after '_' (null), got 'x'");
  t.bad3("nil map", "%-1\r\n", "at byte 1: expected the length of a map after '%' to be 0 or more, got -1");
  t.bad3("set length that is not a number", "~two\r\n", "expected the length of a set after '~', got 'two'");
  t.bad3("map announcing more than max_aggregate_length elements", "%2147483649\r\n",
         "at byte 1: expected a map of at most 4294967296 elements (max_aggregate_length), got 2147483649 pairs");
  t.bad3("streamed bulk string", "$?\r\n;4\r\nabcd\r\n;0\r\n",
         "at byte 0: expected the length of a bulk string after '$', got '?': streamed RESP3 types are not supported");
  t.bad3("streamed array", "*?\r\n:1\r\n.\r\n", "streamed RESP3 types are not supported");
  t.bad3("streamed string chunk", ";4\r\nabcd\r\n", "at byte 0: expected a reply type byte, got ';': streamed RESP3 types are not supported");
  t.bad3("end of a streamed aggregate", ".\r\n", "streamed RESP3 types are not supported");
  t.bad3("malformed element after an attribute", "|1\r\n+a\r\n+b\r\n#maybe\r\n", "at byte 13: expected 't' or 'f' after '#', got 'maybe'");
}

void add_limit_cases(Table& t) {
  const ParserLimits bulk4 = limits_with(4, 512, 1000);
  t.ok("bulk string of max_bulk_length bytes", "$4\r\nabcd\r\n", {bulk("abcd")}).limits = bulk4;
  ParserCase& too_long = t.bad("bulk string over max_bulk_length, caught at its header", "$5\r\n",
                               "at byte 1: expected a bulk string of at most 4 bytes (max_bulk_length), got a length of 5");
  too_long.limits = bulk4;
  t.ok("simple string longer than max_bulk_length (lines have their own limit)", "+abcdef\r\n", {simple("abcdef")})
      .limits = bulk4;
  // Inside an array, where bulk strings take a shortcut (read_plain_elements): the limit holds
  // there too, and the error names the element's byte.
  t.ok("array of bulk strings of max_bulk_length bytes", "*3\r\n$4\r\nabcd\r\n$0\r\n\r\n$4\r\nwxyz\r\n",
       {arr({bulk("abcd"), bulk(""), bulk("wxyz")})})
      .limits = bulk4;
  t.bad("bulk string over max_bulk_length inside an array", "*3\r\n$4\r\nabcd\r\n$5\r\nabcde\r\n$1\r\nx\r\n",
        "at byte 15: expected a bulk string of at most 4 bytes (max_bulk_length), got a length of 5")
      .limits = bulk4;
  t.bad_builtin("bulk string inside an array without its CRLF", "*3\r\n$1\r\na\r\n$2\r\nbcXY$1\r\nx\r\n",
                "at byte 17: expected CRLF after bulk string of 2 bytes, got 'XY'");

  // Simple strings, errors and big numbers: max_line_length, checked before the CRLF arrives.
  ParserLimits line4;
  line4.max_line_length = 4;
  t.ok("simple string of max_line_length bytes", "+abcd\r\n", {simple("abcd")}).limits = line4;
  t.bad("simple string over max_line_length", "+abcdef\r\n",
        "at byte 0: expected a line of at most 4 bytes, got more before its CRLF (max_line_length)")
      .limits = line4;
  t.bad("line over max_line_length before its CR arrives", "-ERRORS",
        "at byte 0: expected a line of at most 4 bytes, got more before its CRLF (max_line_length)")
      .limits = line4;
  t.bad("line over max_line_length inside an array", "*2\r\n+ok\r\n+toolong",
        "at byte 9: expected a line of at most 4 bytes, got more before its CRLF (max_line_length)")
      .limits = line4;
  t.bad("bare LF within max_line_length wins over the length", "+abcd\nxyz",
        "at byte 5: expected CRLF to end the line, got a bare LF")
      .limits = line4;
  t.ok("bulk string longer than max_line_length", "$6\r\nabcdef\r\n", {bulk("abcdef")}).limits = line4;
  // "+OK" has a shortcut of its own in the built-in parser; the limit still applies to it.
  ParserLimits line1;
  line1.max_line_length = 1;
  t.bad("OK over a max_line_length of 1", "+OK\r\n",
        "at byte 0: expected a line of at most 1 bytes, got more before its CRLF (max_line_length)")
      .limits = line1;
  t.ok("a one-byte simple string within a max_line_length of 1", "+K\r\n", {simple("K")}).limits = line1;
  t.bad3("big number over max_line_length", "(123456\r\n", "expected a line of at most 4 bytes").limits = line4;
  t.bad3("big number over max_line_length before its CR arrives", "(123456",
         "at byte 0: expected a line of at most 4 bytes, got more before its CRLF (max_line_length)")
      .limits = line4;

  // Number lines: at most ParserLimits::max_number_line (64) bytes whatever the limits, refused
  // as soon as they are longer, without waiting for a CRLF that may never come.
  const std::string digits(100, '7');
  const std::string number_line_error =
      "at byte 0: expected a line of at most 64 bytes, got more before its CRLF (ParserLimits::max_number_line)";
  t.bad("integer line over 64 bytes before its CR arrives", ":" + digits, number_line_error);
  t.bad("bulk length line over 64 bytes before its CR arrives", "$" + digits, number_line_error);
  t.bad("array length line over 64 bytes before its CR arrives", "*" + digits, number_line_error);
  t.bad("negative length line over 64 bytes", "$-" + digits, number_line_error);
  t.bad("length line over 64 bytes inside an array", "*2\r\n:1\r\n$" + digits,
        "at byte 8: expected a line of at most 64 bytes, got more before its CRLF (ParserLimits::max_number_line)");
  t.bad("integer line of 65 digits", ":" + std::string(65, '1') + "\r\n", number_line_error);
  t.bad3("map length line over 64 bytes before its CR arrives", "%" + digits, number_line_error);
  t.bad3("set length line over 64 bytes before its CR arrives", "~" + digits, number_line_error);
  t.bad3("verbatim length line over 64 bytes before its CR arrives", "=" + digits, number_line_error);
  t.bad3("boolean line over 64 bytes before its CR arrives", "#" + digits, number_line_error);
  t.bad3("null line over 64 bytes before its CR arrives", "_" + digits, number_line_error);
  t.bad3("double line over 325 bytes before its CR arrives", "," + std::string(400, '1'),
         "at byte 0: expected a line of at most 325 bytes, got more before its CRLF (ParserLimits::max_double_line)");
  t.ok3("double line of 325 bytes", ",1." + std::string(323, '0') + "\r\n", {dbl(1)});
  t.ok("length header longer than a tiny max_bulk_length", "$2\r\nab\r\n:123456789\r\n", {bulk("ab"), integer(123456789)})
      .limits = bulk4;
  t.bad3("verbatim string over max_bulk_length", "=9\r\ntxt:hello\r\n",
         "at byte 1: expected a verbatim string of at most 4 bytes (max_bulk_length), got a length of 9")
      .limits = bulk4;
  t.bad3("blob error over max_bulk_length", "!5\r\n", "expected a blob error of at most 4 bytes (max_bulk_length)").limits = bulk4;

  const ParserLimits depth3 = limits_with(1024, 3, 1000);
  t.ok("nesting at max_depth", nested_input(3), {nested_reply(3)}).limits = depth3;
  t.bad("nesting over max_depth", nested_input(4),
        "at byte 12: expected aggregates nested at most 3 deep (max_depth), got an array at depth 4")
      .limits = depth3;
  t.bad("empty array over max_depth", "*1\r\n*1\r\n*1\r\n*0\r\n", "got an array at depth 4").limits = depth3;
  t.ok("nil array below max_depth", "*1\r\n*1\r\n*1\r\n*-1\r\n", {arr({arr({arr({nil()})})})}).limits = depth3;
  const ParserLimits depth1 = limits_with(1024, 1, 1000);
  {
    ParserCase& c = t.ok3("attribute at max_depth", "|1\r\n+a\r\n+b\r\n:1\r\n", {with_attribute(integer(1), {simple("a"), simple("b")})});
    c.limits = depth1;
    c.attributes = true;
  }
  t.bad3("attribute nested over max_depth", "*1\r\n|1\r\n+a\r\n+b\r\n:1\r\n",
         "at byte 4: expected aggregates nested at most 1 deep (max_depth), got an attribute at depth 2")
      .limits = depth1;
  t.bad3("map nested over max_depth", "%1\r\n+k\r\n%0\r\n", "got a map at depth 2").limits = depth1;

  const ParserLimits aggregate2 = limits_with(1024, 512, 2);
  t.ok("array at max_aggregate_length", "*2\r\n:1\r\n:2\r\n", {arr({integer(1), integer(2)})}).limits = aggregate2;
  t.bad("array over max_aggregate_length", "*3\r\n",
        "at byte 1: expected an array of at most 2 elements (max_aggregate_length), got 3 elements")
      .limits = aggregate2;
  t.bad("nested array over max_aggregate_length", "*1\r\n*5\r\n", "at byte 5: expected an array of at most 2 elements").limits =
      aggregate2;
  t.ok3("map at max_aggregate_length", "%1\r\n+a\r\n+b\r\n", {map({simple("a"), simple("b")})}).limits = aggregate2;
  t.bad3("map over max_aggregate_length (pairs count twice)", "%2\r\n",
         "at byte 1: expected a map of at most 2 elements (max_aggregate_length), got 2 pairs")
      .limits = aggregate2;
  t.bad3("set over max_aggregate_length", "~3\r\n", "expected a set of at most 2 elements").limits = aggregate2;
  t.bad3("push over max_aggregate_length", ">3\r\n", "expected a push of at most 2 elements").limits = aggregate2;
  t.ok("empty array with max_aggregate_length 0", "*0\r\n", {arr({})}).limits = limits_with(1024, 512, 0);
  // ParserLimits' comment: 30 million small elements cost gigabytes; a limit refuses them at the header.
  t.bad("array of 30 million elements over max_aggregate_length", "*30000000\r\n:1\r\n:2\r\n",
        "at byte 1: expected an array of at most 1000000 elements (max_aggregate_length), got 30000000 elements")
      .limits = limits_with(std::size_t{512} << 20, 512, 1000000);
}

}  // namespace

const std::vector<ParserCase>& parser_cases() {
  static const std::vector<ParserCase> cases = [] {
    Table t;
    add_resp2_cases(t);
    add_resp3_cases(t);
    add_limit_cases(t);
    std::vector<ParserCase> all = t.take();
    return all;
  }();
  return cases;
}

}  // namespace redispp::test
