// Both parsers against the shared case table (parser_cases.cpp), each case fed whole, byte by
// byte (through next() and next_into()), split in two at every offset and through
// prepare()/commit(); then what the table cannot
// express: reset(), buffered(), shrink(), prepare()/commit() and allocation counts.

#include "support/catch.hpp"

#include <algorithm>  // std::min
#include <cstring>    // std::memcpy
#include <optional>   // std::optional
#include <set>        // std::set
#include <string>     // std::string
#include <string_view>  // std::string_view
#include <vector>     // std::vector

#include <fmt/format.h>

#include <redispp/errors.hpp>
#include <redispp/protocol/parser.hpp>
#include <redispp/protocol/resp_parser.hpp>
#ifdef REDISPP_WITH_HIREDIS
#include <redispp/protocol/hiredis_parser.hpp>  // what the linked hiredis can read
#endif

#include "parser_cases.hpp"

// Allocation counting for the "no memory from announced lengths" and "one allocation per small
// bulk reply" tests: every operator new of this executable is counted.
#include "support/counting_new.hpp"

namespace {

using redispp::ParserKind;
using redispp::ParserLimits;
using redispp::Reply;
using redispp::ReplyType;
using redispp::RespParser;
using redispp::test::AllocationDelta;
using redispp::test::parser_cases;
using redispp::test::ParserCase;
using redispp::test::Protocol;

bool runs_on(const ParserCase& c, ParserKind kind) {
  if (kind == ParserKind::builtin) return true;
  if (c.builtin_only) return false;
#ifdef REDISPP_WITH_HIREDIS
  using redispp::HiredisParser;
  const bool hiredis_1 = HiredisParser::hiredis_version().front() != '0';
  if (c.needs_hiredis_1 && !hiredis_1) return false;
  if (c.protocol == Protocol::resp3 && !HiredisParser::supports_resp3()) return false;
  if (c.attributes && !HiredisParser::supports_attributes()) return false;
  return true;
#else
  return false;
#endif
}

// What a parser made of one way of feeding a case.
struct Outcome {
  std::vector<Reply> replies;
  bool failed = false;
  std::string message;       // the first ProtocolError's
  bool stayed_failed = true;  // next() kept throwing ProtocolError after the first one
};

// Takes every reply available, through next() or, with `into`, next_into() appending to the
// replies so far; once failed, checks that the parser still throws.
void drain(redispp::Parser& parser, Outcome& out, bool into = false) {
  try {
    for (;;) {
      if (into) {
        const std::size_t before = out.replies.size();
        if (!parser.next_into(out.replies)) break;
        REQUIRE(out.replies.size() == before + 1);  // one reply, appended
        if (out.failed) {
          out.stayed_failed = false;
          return;
        }
        continue;
      }
      std::optional<Reply> reply = parser.next();
      if (!reply) break;
      if (out.failed) {
        out.stayed_failed = false;
        return;
      }
      out.replies.push_back(std::move(*reply));
    }
    if (out.failed) out.stayed_failed = false;
  } catch (const redispp::ProtocolError& e) {
    if (!out.failed) {
      out.failed = true;
      out.message = e.what();
    } else if (parser.kind() == ParserKind::builtin && out.message != e.what()) {
      out.stayed_failed = false;
    }
  }
}

std::unique_ptr<redispp::Parser> parser_for(const ParserCase& c, ParserKind kind) {
  return redispp::make_parser(kind, c.limits);
}

Outcome feed_chunks(const ParserCase& c, ParserKind kind, const std::vector<std::size_t>& cuts) {
  auto parser = parser_for(c, kind);
  Outcome out;
  std::size_t from = 0;
  for (std::size_t cut : cuts) {
    parser->feed(std::string_view(c.input).substr(from, cut - from));
    drain(*parser, out);
    from = cut;
  }
  parser->feed(std::string_view(c.input).substr(from));
  drain(*parser, out);
  drain(*parser, out);  // once more: an error must stick
  return out;
}

Outcome feed_bytewise(const ParserCase& c, ParserKind kind, bool into = false) {
  auto parser = parser_for(c, kind);
  Outcome out;
  for (char byte : c.input) {
    parser->feed(std::string_view(&byte, 1));
    drain(*parser, out, into);
  }
  drain(*parser, out, into);
  return out;
}

Outcome feed_prepared(const ParserCase& c, ParserKind kind) {
  static constexpr std::size_t sizes[] = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181,
                                          6765, 10946, 17711, 28657, 46368, 65536};
  auto parser = parser_for(c, kind);
  Outcome out;
  std::size_t at = 0;
  for (std::size_t step = 0; at < c.input.size(); ++step) {
    const std::size_t want = sizes[step % std::size(sizes)];
    const std::size_t take = std::min(want, c.input.size() - at);  // commit may be less than asked
    const std::span<char> room = parser->prepare(want);
    REQUIRE(room.size() >= want);
    std::memcpy(room.data(), c.input.data() + at, take);
    parser->commit(take);
    at += take;
    drain(*parser, out);
  }
  drain(*parser, out);
  return out;
}

std::vector<std::size_t> split_points(const ParserCase& c) {
  const std::size_t n = c.input.size();
  std::set<std::size_t> points;
  if (!c.large) {
    for (std::size_t k = 1; k < n; ++k) points.insert(k);
  } else {
    constexpr std::size_t spread = 200;
    for (std::size_t i = 0; i < spread; ++i) points.insert(1 + (n - 2) * i / (spread - 1));
    for (std::size_t k = 1; k <= 16; ++k) {
      points.insert(k);
      points.insert(n - k);
    }
  }
  return {points.begin(), points.end()};
}

std::string describe(const Outcome& o) {
  std::string text = fmt::format("{} replies", o.replies.size());
  for (std::size_t i = 0; i < o.replies.size() && i < 4; ++i) {
    std::string one = fmt::format("{}", o.replies[i]);
    // append() rather than operator+: GCC 12 reports a bogus -Warray-bounds on the latter here.
    if (one.size() > 200) {
      one.resize(200);
      one.append("...");
    }
    text.append("\n    ").append(one);
  }
  if (o.failed) text.append("\n    then ProtocolError: ").append(o.message);
  if (!o.stayed_failed) text.append("\n    (and next() stopped throwing after it)");
  return text;
}

std::string describe(const ParserCase& c) {
  Outcome expected;
  expected.replies = c.replies;
  expected.failed = c.error.has_value();
  expected.message = c.error.value_or("");
  return describe(expected);
}

// Checks one outcome against the case; `reference` is the built-in parser's whole-feed message,
// which every other way of feeding must reproduce exactly.
void check(const ParserCase& c, ParserKind kind, const std::string& how, const Outcome& got, const std::string& reference) {
  const bool builtin = kind == ParserKind::builtin;
  bool ok = got.replies == c.replies && got.failed == c.error.has_value() && got.stayed_failed;
  if (ok && builtin && c.error) ok = got.message.find(*c.error) != std::string::npos && got.message == reference;
  if (!ok) {
    UNSCOPED_INFO(fmt::format("{} parser, case \"{}\", fed {}\n  expected: {}\n  got:      {}", redispp::to_string(kind),
                              c.name, how, describe(c), describe(got)));
  }
  CHECK(ok);
}

void run_case(const ParserCase& c, ParserKind kind) {
  const Outcome whole = feed_chunks(c, kind, {});
  check(c, kind, "whole", whole, whole.message);
  check(c, kind, "byte by byte", feed_bytewise(c, kind), whole.message);
  check(c, kind, "byte by byte, through next_into()", feed_bytewise(c, kind, true), whole.message);
  check(c, kind, "through prepare()/commit()", feed_prepared(c, kind), whole.message);
  for (std::size_t cut : split_points(c))
    check(c, kind, fmt::format("split at byte {}", cut), feed_chunks(c, kind, {cut}), whole.message);
}

void run_table(ParserKind kind) {
  std::size_t ran = 0;
  for (const ParserCase& c : parser_cases()) {
    if (!runs_on(c, kind)) continue;
    run_case(c, kind);
    ++ran;
  }
  CHECK(ran > 40);
}

std::vector<ParserKind> parser_kinds() {
#ifdef REDISPP_WITH_HIREDIS
  return {ParserKind::builtin, ParserKind::hiredis};
#else
  return {ParserKind::builtin};
#endif
}

}  // namespace

TEST_CASE("the case table is well formed", "[parser][table]") {
  std::set<std::string> names;
  for (const ParserCase& c : parser_cases()) {
    INFO(c.name);
    CHECK(names.insert(c.name).second);
    CHECK_FALSE(c.input.empty());
    if (c.error) CHECK_FALSE(c.error->empty());
  }
}

TEST_CASE("built-in parser: every case, however the input is split", "[parser][builtin]") {
  run_table(ParserKind::builtin);
}

#ifdef REDISPP_WITH_HIREDIS
TEST_CASE("hiredis parser: every case its hiredis can read, however the input is split", "[parser][hiredis]") {
  INFO("hiredis " << redispp::HiredisParser::hiredis_version());
  run_table(ParserKind::hiredis);
  // With a hiredis that reads RESP3, the RESP3 cases run too (all but blob errors and "+inf";
  // attributes from hiredis 1.4).
  std::size_t resp3 = 0;
  for (const ParserCase& c : parser_cases())
    if (c.protocol == Protocol::resp3 && runs_on(c, ParserKind::hiredis)) ++resp3;
  if (redispp::HiredisParser::supports_resp3())
    CHECK(resp3 > (redispp::HiredisParser::supports_attributes() ? 70u : 55u));
  else
    CHECK(resp3 == 0);
}
#endif

TEST_CASE("make_parser picks the built-in parser for builtin and automatic", "[parser]") {
  CHECK(redispp::make_parser(ParserKind::builtin)->kind() == ParserKind::builtin);
  CHECK(redispp::make_parser(ParserKind::automatic)->kind() == ParserKind::builtin);
  ParserLimits limits;
  limits.max_depth = 7;
  auto parser = redispp::make_parser(ParserKind::builtin, limits);
  CHECK(dynamic_cast<RespParser&>(*parser).limits().max_depth == 7);
}

TEST_CASE("error messages give the byte offset and what was expected", "[parser][builtin]") {
  RespParser parser;
  parser.feed("$5\r\nhelloxy");
  CHECK_THROWS_WITH(parser.next(), "protocol error at byte 9: expected CRLF after bulk string of 5 bytes, got 'xy'");

  // Offsets count every byte fed since construction or reset(), across replies and feeds.
  parser.reset();
  parser.feed("+OK\r\n:1\r\n");
  CHECK(parser.next() == Reply::simple_string("OK"));
  parser.feed("*2\r\n$3\r\nab");
  CHECK(parser.next() == Reply::integer(1));
  CHECK_FALSE(parser.next());
  parser.feed("cd\r\n");
  CHECK_THROWS_WITH(parser.next(), "protocol error at byte 20: expected CRLF after bulk string of 3 bytes, got 'd\\r'");
}

TEST_CASE("after a protocol error the parser throws until reset()", "[parser]") {
  for (ParserKind kind : parser_kinds()) {
    for (const ParserCase& c : parser_cases()) {
      if (!c.error || !runs_on(c, kind)) continue;
      if (c.limits.max_line_length < 2) continue;  // its limits refuse the "+OK" used below
      INFO(redispp::to_string(kind) << " parser, case " << c.name);
      auto parser = parser_for(c, kind);
      parser->feed(c.input);
      Outcome out;
      drain(*parser, out);
      REQUIRE(out.failed);
      parser->feed("+OK\r\n");  // valid bytes after the error change nothing
      CHECK_THROWS_AS(parser->next(), redispp::ProtocolError);
      CHECK_THROWS_AS(parser->next(), redispp::ProtocolError);

      parser->reset();
      CHECK(parser->buffered() == 0);
      CHECK_FALSE(parser->next());
      parser->feed("+OK\r\n*1\r\n:1\r\n");
      CHECK(parser->next() == Reply::simple_string("OK"));
      CHECK(parser->next() == Reply::array({Reply::integer(1)}));
      CHECK_FALSE(parser->next());
      if (kind == ParserKind::builtin) {
        // Offsets restart from the reset.
        parser->feed("?");
        CHECK_THROWS_WITH(parser->next(), Catch::Contains("protocol error at byte 13:"));
      }
    }
  }
}

TEST_CASE("buffered() counts bytes not yet returned in a reply", "[parser]") {
  for (ParserKind kind : parser_kinds()) {
    INFO(redispp::to_string(kind));
    auto parser = redispp::make_parser(kind);
    CHECK(parser->buffered() == 0);
    parser->feed("+OK\r\n+PA");
    CHECK(parser->buffered() == 8);
    CHECK(parser->next() == Reply::simple_string("OK"));
    CHECK(parser->buffered() == 3);
    CHECK_FALSE(parser->next());
    CHECK(parser->buffered() == 3);
    parser->feed("SS\r\n");
    CHECK(parser->next() == Reply::simple_string("PASS"));
    CHECK(parser->buffered() == 0);
  }

  SECTION("a half-parsed aggregate counts in full") {
    RespParser parser;
    parser.feed("*3\r\n:1\r\n$5\r\nhel");
    CHECK_FALSE(parser.next());
    CHECK(parser.buffered() == 15);
    parser.feed("lo\r\n:3\r\n+next");
    CHECK(parser.next() == Reply::array({Reply::integer(1), Reply::bulk_string("hello"), Reply::integer(3)}));
    CHECK(parser.buffered() == 5);
  }

  SECTION("so does an attribute waiting for its value") {
    RespParser parser;
    parser.feed("|1\r\n+a\r\n+b\r\n");
    CHECK_FALSE(parser.next());
    CHECK(parser.buffered() == 12);
    parser.feed(":1\r\n");
    CHECK(parser.next());
    CHECK(parser.buffered() == 0);
  }

  SECTION("across buffer compaction, over a long stream") {
    RespParser parser;
    const std::string one = "$5\r\nvalue\r\n";
    std::string stream;
    for (int i = 0; i < 3000; ++i) stream += one;
    std::size_t fed = 0;
    std::size_t returned = 0;
    for (std::size_t at = 0; at < stream.size(); at += 777) {
      const std::string_view chunk = std::string_view(stream).substr(at, 777);
      parser.feed(chunk);
      fed += chunk.size();
      while (auto reply = parser.next()) {
        CHECK(reply->str() == "value");
        ++returned;
      }
      CHECK(parser.buffered() == fed - returned * one.size());
    }
    CHECK(returned == 3000);
    CHECK(parser.buffered() == 0);
  }
}

TEST_CASE("next_flat() reads arrays of bulk strings in place and leaves everything else to next()", "[parser][builtin]") {
  const std::string message = "*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$5\r\nhello\r\n";
  const Reply message_reply =
      Reply::array({Reply::bulk_string("message"), Reply::bulk_string("ch"), Reply::bulk_string("hello")});
  std::string_view parts[4];

  SECTION("whole frames, RESP2 arrays and RESP3 pushes, empty strings included") {
    RespParser parser;
    parser.feed(message + ">3\r\n$8\r\nsmessage\r\n$1\r\nc\r\n$0\r\n\r\n+OK\r\n");
    REQUIRE(parser.next_flat(parts) == 3);
    CHECK(parts[0] == "message");
    CHECK(parts[1] == "ch");
    CHECK(parts[2] == "hello");
    REQUIRE(parser.next_flat(parts) == 3);
    CHECK(parts[0] == "smessage");
    CHECK(parts[2].empty());
    CHECK(parser.buffered() == 5);
    CHECK(parser.next_flat(parts) == 0);  // not an aggregate: next() reads it
    CHECK(parser.buffered() == 5);
    CHECK(parser.next() == Reply::simple_string("OK"));
    CHECK(parser.buffered() == 0);
  }

  SECTION("other shapes are taken by next(), untouched") {
    for (const std::string& other : {std::string("*3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n"),  // an integer
                                     std::string("*2\r\n$3\r\nabc\r\n$-1\r\n"),                    // a nil
                                     std::string("*5\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n"),
                                     std::string("*0\r\n"), std::string("%1\r\n$1\r\na\r\n$1\r\nb\r\n")}) {
      INFO(other);
      RespParser parser;
      parser.feed(other);
      CHECK(parser.next_flat(parts) == 0);
      CHECK(parser.buffered() == other.size());
      const std::optional<Reply> reply = parser.next();
      CHECK(reply.has_value());
      CHECK(parser.buffered() == 0);
    }
  }

  SECTION("malformed bytes are left for next() to report") {
    RespParser parser;
    parser.feed("*2\r\n$3\r\nabc\r\n$x\r\n");
    CHECK(parser.next_flat(parts) == 0);
    CHECK_THROWS_AS(parser.next(), redispp::ProtocolError);
    CHECK(parser.next_flat(parts) == 0);  // a failed parser stays failed
  }

  SECTION("a frame cut anywhere: nothing is taken until it is whole, and next() and next_flat() agree") {
    for (std::size_t split = 1; split < message.size(); ++split) {
      INFO("split at " << split);
      RespParser parser;
      parser.feed(std::string_view(message).substr(0, split));
      CHECK(parser.next_flat(parts) == 0);
      CHECK_FALSE(parser.next());  // may keep the aggregate's start in its stack
      parser.feed(std::string_view(message).substr(split));
      if (const std::size_t count = parser.next_flat(parts); count != 0) {
        REQUIRE(count == 3);
        CHECK(parts[2] == "hello");
      } else {
        CHECK(parser.next() == message_reply);
      }
      CHECK(parser.buffered() == 0);
    }
  }

  SECTION("a bulk string longer than max_bulk_length is left for next() to refuse") {
    redispp::ParserLimits limits;
    limits.max_bulk_length = 4;
    RespParser parser(limits);
    parser.feed(message);
    CHECK(parser.next_flat(parts) == 0);
    CHECK_THROWS_AS(parser.next(), redispp::ProtocolError);
  }
}

TEST_CASE("prepare()/commit() read straight into the parser's buffer", "[parser][builtin]") {
  RespParser parser;
  std::span<char> room = parser.prepare(16);
  REQUIRE(room.size() >= 16);
  std::memcpy(room.data(), "+OK\r\n:4", 7);
  parser.commit(7);
  CHECK(parser.buffered() == 7);
  CHECK(parser.next() == Reply::simple_string("OK"));
  CHECK_FALSE(parser.next());

  parser.commit(0);
  parser.feed("2\r");  // feed() and prepare()/commit() mix
  room = parser.prepare(1);
  REQUIRE(room.size() >= 1);
  room[0] = '\n';
  parser.commit(1);
  CHECK(parser.next() == Reply::integer(42));

  // A large read: the region offered is at least what was asked.
  const std::string body(100000, 'z');
  const std::string input = "$100000\r\n" + body + "\r\n";
  room = parser.prepare(input.size());
  REQUIRE(room.size() >= input.size());
  std::memcpy(room.data(), input.data(), input.size());
  parser.commit(input.size());
  CHECK(parser.next() == Reply::bulk_string(body));

  room = parser.prepare(8);
  CHECK_THROWS_AS(parser.commit(room.size() + 1), std::out_of_range);
}

TEST_CASE("shrink() gives back memory once a large reply is gone", "[parser][builtin]") {
  RespParser parser;
  const std::string body(1 << 20, 'x');
  parser.feed("$" + std::to_string(body.size()) + "\r\n" + body + "\r\n");
  CHECK(parser.next() == Reply::bulk_string(body));
  CHECK(parser.buffer_memory() >= body.size());

  SECTION("when the buffer is empty") {
    parser.shrink(32 * 1024);
    CHECK(parser.buffer_memory() <= 32 * 1024);
  }
  SECTION("keeping a partial reply") {
    parser.feed("*2\r\n$3\r\nfoo\r\n$3\r\nba");
    CHECK_FALSE(parser.next());
    parser.shrink(32 * 1024);
    CHECK(parser.buffer_memory() <= 32 * 1024);
    CHECK(parser.buffered() == 19);
    parser.feed("r\r\n");
    CHECK(parser.next() == Reply::array({Reply::bulk_string("foo"), Reply::bulk_string("bar")}));
  }
  SECTION("not while more than `keep` bytes are buffered") {
    parser.feed(std::string(1000, '+'));
    parser.shrink(100);
    CHECK(parser.buffer_memory() >= body.size());
    CHECK(parser.buffered() == 1000);
  }
  // Whatever happened, the parser still works, offsets and all.
  parser.reset();
  parser.feed(":7\r\n");
  CHECK(parser.next() == Reply::integer(7));
}

TEST_CASE("no memory is reserved from a length the server announces", "[parser][builtin]") {
  RespParser parser;
  parser.feed("+warm up\r\n");
  CHECK(parser.next());
  for (const char* header : {"*4294967296\r\n", "$536870912\r\n", "%2147483648\r\n:1\r\n", "~4294967296\r\n+a\r\n+b\r\n"}) {
    INFO(header);
    parser.reset();
    const AllocationDelta delta;
    parser.feed(header);
    CHECK_FALSE(parser.next());
    CHECK(delta.bytes() < 4096);
  }
}

TEST_CASE("a bulk reply of up to inline_text_capacity bytes costs no allocation, a longer one one", "[parser][builtin]") {
  static_assert(Reply::inline_text_capacity >= 24);
  RespParser parser;
  const std::string inline_size(Reply::inline_text_capacity, 'i');
  const std::string one_more(Reply::inline_text_capacity + 1, 'h');
  std::string stream = "$5\r\nhello\r\n$" + std::to_string(inline_size.size()) + "\r\n" + inline_size + "\r\n$" +
                       std::to_string(one_more.size()) + "\r\n" + one_more + "\r\n:12345\r\n*100\r\n";
  for (int i = 0; i < 100; ++i) stream += "$10\r\n0123456789\r\n";
  parser.feed(stream);
  parser.feed(stream);  // twice: the first round warms up the aggregate stack
  for (int round = 0; round < 2; ++round) {
    {
      const AllocationDelta delta;
      const auto reply = parser.next();
      CHECK(delta.calls() == 0);
      CHECK(reply == Reply::bulk_string("hello"));
    }
    {
      const AllocationDelta delta;
      const auto reply = parser.next();
      CHECK(delta.calls() == 0);  // kept inside the Reply
      REQUIRE(reply);
      CHECK(reply->str() == inline_size);
    }
    {
      const AllocationDelta delta;
      const auto reply = parser.next();
      CHECK(delta.calls() == 1);  // one heap block for the text
      REQUIRE(reply);
      CHECK(reply->str() == one_more);
    }
    {
      const AllocationDelta delta;
      CHECK(parser.next() == Reply::integer(12345));
      CHECK(delta.calls() == 0);
    }
    {
      const AllocationDelta delta;
      const auto reply = parser.next();
      REQUIRE(reply);
      CHECK(reply->elements().size() == 100);
      // The element vector, plus the stack frame on the first round.
      CHECK(delta.calls() <= (round == 0 ? 2u : 1u));
    }
  }
}

TEST_CASE("an aggregate's medium texts share one allocation per 128, long ones have their own", "[parser][builtin]") {
  // detail/shared_text_block.hpp: texts over inline_text_capacity and up to 256 bytes of the
  // elements read in one go share a block, up to 128 of them; the last element (read the
  // general way) and longer texts are a std::string each.
  const auto bulk = [](std::size_t size, char fill) {
    return "$" + std::to_string(size) + "\r\n" + std::string(size, fill) + "\r\n";
  };
  const std::size_t medium = Reply::inline_text_capacity + 1;
  std::string hundred = "*101\r\n";
  for (int i = 0; i < 99; ++i) hundred += bulk(medium + static_cast<std::size_t>(i) * 2, 'm');
  hundred += bulk(257, 'L') + bulk(256, 'e');
  std::string three_blocks = "*300\r\n";
  for (int i = 0; i < 300; ++i) three_blocks += bulk(100, 'b');
  RespParser parser;
  parser.feed(hundred);  // once to warm up the aggregate stack
  REQUIRE(parser.next());
  parser.feed(hundred);
  parser.feed(three_blocks);
  {
    const AllocationDelta delta;
    const auto reply = parser.next();
    REQUIRE(reply);
    // The element vector, one block for the 99 medium texts, the 257-byte text, the last one.
    CHECK(delta.calls() == 4);
    REQUIRE(reply->elements().size() == 101);
    for (int i = 0; i < 99; ++i) CHECK(reply->elements()[static_cast<std::size_t>(i)].str() == std::string(medium + static_cast<std::size_t>(i) * 2, 'm'));
    CHECK(reply->elements()[99].str() == std::string(257, 'L'));
    CHECK(reply->elements()[100].str() == std::string(256, 'e'));
  }
  {
    const AllocationDelta delta;
    const auto reply = parser.next();
    REQUIRE(reply);
    // The element vector, blocks of 128, 128 and 43 texts, the last one.
    CHECK(delta.calls() == 5);
    REQUIRE(reply->elements().size() == 300);
    for (const Reply& element : reply->elements()) CHECK(element.str() == std::string(100, 'b'));
  }
}

TEST_CASE("a 100k-element array arriving in 100 chunks parses in linear time", "[parser][builtin]") {
  std::string input = "*100000\r\n";
  for (int i = 0; i < 100000; ++i) input += "$3\r\nabc\r\n";
  RespParser parser;
  const std::size_t chunk = input.size() / 100 + 1;
  std::optional<Reply> reply;
  std::size_t nullopts = 0;
  for (std::size_t at = 0; at < input.size(); at += chunk) {
    parser.feed(std::string_view(input).substr(at, chunk));
    reply = parser.next();
    if (!reply) ++nullopts;
  }
  REQUIRE(reply);
  CHECK(nullopts == 99);
  CHECK(reply->elements().size() == 100000);
  CHECK(reply->elements().back().str() == "abc");
  // Quadratic re-parsing would show here: the byte-by-byte runs of the large table cases
  // (700 KB arrays fed one byte per call) would take hours instead of well under a second.
}

TEST_CASE("an aggregate costs about sizeof(Reply) per element, and max_aggregate_length caps it", "[parser]") {
  // The numbers ParserLimits' comment gives (80 bytes per element with libstdc++): if Reply
  // grows, that comment must change with it.
  CHECK(sizeof(Reply) <= 64);  // 56 with libstdc++: text and children share one slot
  constexpr std::size_t count = 100000;
  std::string input = "*" + std::to_string(count) + "\r\n";
  for (std::size_t i = 0; i < count; ++i) input += ":1\r\n";
  for (ParserKind kind : parser_kinds()) {
    INFO(redispp::to_string(kind));
    {
      auto parser = redispp::make_parser(kind);
      parser->feed(input);  // the parsers' byte buffers are malloc'd: not counted below
      const AllocationDelta delta;
      const std::optional<Reply> reply = parser->next();
      REQUIRE(reply);
      REQUIRE(reply->elements().size() == count);
      const double per_element = static_cast<double>(delta.bytes()) / count;
      INFO(per_element << " bytes per element of 4 bytes on the wire");
      CHECK(per_element >= static_cast<double>(sizeof(Reply)));
      CHECK(per_element <= 2.0 * sizeof(Reply));
    }
    {
      ParserLimits limits;
      limits.max_aggregate_length = count - 1;
      auto parser = redispp::make_parser(kind, limits);
      parser->feed(input);
      const AllocationDelta delta;
      CHECK_THROWS_WITH(parser->next(), Catch::Contains("max_aggregate_length"));
      CHECK(delta.bytes() < 4096);
    }
  }
}

namespace {

// Feeds `head` and then `filler` bytes in 16 KiB chunks (as socket reads bring them), calling
// next() after each, until a ProtocolError or `total` bytes. Returns the bytes fed when the
// error came, or 0 when none did.
std::size_t bytes_fed_until_error(redispp::Parser& parser, std::string_view head, char filler, std::size_t total) {
  constexpr std::size_t chunk = 16 * 1024;
  const std::string piece(chunk, filler);
  std::size_t fed = 0;
  // next() outside CHECK: Catch would take the ProtocolError for a failure of its own.
  std::size_t replies = 0;
  try {
    parser.feed(head);
    fed += head.size();
    if (parser.next()) ++replies;
    while (fed < total) {
      parser.feed(piece);
      fed += piece.size();
      if (parser.next()) ++replies;
    }
  } catch (const redispp::ProtocolError& e) {
    UNSCOPED_INFO(e.what());
    CHECK(replies == 0);
    return fed;
  }
  CHECK(replies == 0);
  return 0;
}

}  // namespace

TEST_CASE("a line without a CRLF is refused once it outgrows its limit, not when the CRLF comes", "[parser]") {
  for (ParserKind kind : parser_kinds()) {
    INFO(redispp::to_string(kind));
    SECTION("a length line of endless digits: within the first 16 KiB read") {
      for (const char* head : {"$", "*", ":", "*1\r\n$"}) {
        INFO(head);
        auto parser = redispp::make_parser(kind);
        const std::size_t fed = bytes_fed_until_error(*parser, head, '9', std::size_t{4} << 20);
        CHECK(fed > 0);
        CHECK(fed <= 16 * 1024 + 5);
      }
    }
    SECTION("a simple string over max_line_length: by the first read past the limit") {
      ParserLimits limits;
      limits.max_line_length = 1 << 20;
      for (const char* head : {"+", "-ERR ", "*2\r\n:1\r\n+"}) {
        INFO(head);
        auto parser = redispp::make_parser(kind, limits);
        const std::size_t fed = bytes_fed_until_error(*parser, head, 'x', std::size_t{8} << 20);
        CHECK(fed > limits.max_line_length);
        CHECK(fed <= limits.max_line_length + 16 * 1024 + 10);
      }
    }
  }
}

#ifdef REDISPP_WITH_HIREDIS
TEST_CASE("hiredis parser: a long line arriving in small reads is searched once, not once per read",
          "[parser][hiredis]") {
  // hiredis searches an unfinished line for its CRLF from the line's start on every call, so
  // calling it after every 16 KiB read made 8 MiB cost 1.7 s (32 MiB: 24 s). The parser calls
  // hiredis again only once a CRLF has arrived.
  redispp::HiredisParser parser;
  const std::size_t size = std::size_t{8} << 20;
  const std::size_t fed = bytes_fed_until_error(parser, "+", 'x', size);
  REQUIRE(fed == 0);  // within max_line_length: no error, just waiting
  CHECK(parser.reader_calls() <= 2);
  parser.feed("\r\n");
  const std::optional<Reply> reply = parser.next();
  REQUIRE(reply);
  CHECK(reply->type() == ReplyType::simple_string);
  CHECK(reply->str().size() == size);
  CHECK(parser.reader_calls() <= 3);
  CHECK(parser.buffered() == 0);

  // The same inside an aggregate, and for a bulk string whose body arrives in pieces (hiredis
  // then needs calling only once its header is in, and reads the header again each time: cheap).
  parser.feed("*2\r\n+ok\r\n-");
  CHECK_FALSE(parser.next());
  const std::uint64_t calls = parser.reader_calls();
  for (int i = 0; i < 100; ++i) {
    parser.feed(std::string(1000, 'e'));
    CHECK_FALSE(parser.next());
  }
  CHECK(parser.reader_calls() == calls);
  parser.feed("\r\n");
  const std::optional<Reply> array = parser.next();
  REQUIRE(array);
  REQUIRE(array->elements().size() == 2);
  CHECK(array->elements()[1] == Reply::error(std::string(100000, 'e')));
}
#endif
