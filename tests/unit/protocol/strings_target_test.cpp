// The typed commands' fast path (Parser::next_strings + StringsTarget<T>) against the Reply
// path (next() + convert<T>): for every reply below, fed whole and split at every offset, both
// must give the same value, or the fast path must leave the reply to the Reply path untouched.

#include "support/catch.hpp"

#include <map>            // std::map
#include <optional>       // std::optional
#include <set>            // std::set
#include <string>         // std::string
#include <string_view>    // std::string_view
#include <unordered_map>  // std::unordered_map
#include <unordered_set>  // std::unordered_set
#include <variant>        // std::variant
#include <vector>         // std::vector

#include <redispp/errors.hpp>
#include <redispp/protocol/convert.hpp>
#include <redispp/protocol/resp_parser.hpp>
#include <redispp/protocol/strings_target.hpp>

namespace {

using redispp::RespParser;
using redispp::StringsRead;

// What the Reply path makes of `bytes`: the value, or the text of what it threw.
template <class T>
std::variant<T, std::string> through_reply(std::string_view bytes) {
  RespParser parser;
  parser.feed(bytes);
  std::optional<redispp::Reply> reply = parser.next();
  REQUIRE(reply.has_value());
  try {
    return redispp::convert<T>(std::move(*reply));
  } catch (const redispp::Error& e) {
    return std::string(e.what());
  }
}

// What the fast path makes of `bytes` fed in two parts (split at `split`), asking after each
// part: the value when it took the reply, std::nullopt when it left it (and then it must have
// taken nothing: next() still reads the whole reply).
template <class T>
std::optional<T> through_strings(std::string_view bytes, std::size_t split) {
  RespParser parser;
  redispp::detail::StringsTarget<T> target;
  parser.feed(bytes.substr(0, split));
  StringsRead read = parser.next_strings(target);
  if (read == StringsRead::need_more) {
    parser.feed(bytes.substr(split));
    read = parser.next_strings(target);
  } else if (read == StringsRead::not_strings) {
    parser.feed(bytes.substr(split));
  }
  REQUIRE(read != StringsRead::need_more);  // the whole reply is there now
  if (read == StringsRead::taken) {
    CHECK(parser.buffered() == 0);
    return std::move(target.value);
  }
  CHECK(parser.buffered() == bytes.size());
  CHECK(parser.next().has_value());
  return std::nullopt;
}

template <class T>
void check_agrees(std::string_view bytes, bool fast_path_expected) {
  INFO(bytes);
  const std::variant<T, std::string> expected = through_reply<T>(bytes);
  for (std::size_t split = 0; split <= bytes.size(); ++split) {
    INFO("split at " << split);
    const std::optional<T> fast = through_strings<T>(bytes, split);
    CHECK(fast.has_value() == fast_path_expected);
    if (fast) {
      REQUIRE(std::holds_alternative<T>(expected));
      CHECK(*fast == std::get<T>(expected));
    }
  }
}

const std::string list3 = "*3\r\n$1\r\na\r\n$0\r\n\r\n$5\r\nhello\r\n";
const std::string set2 = "~2\r\n$1\r\nx\r\n$1\r\ny\r\n";
const std::string map2 = "%2\r\n$2\r\nk1\r\n$2\r\nv1\r\n$2\r\nk2\r\n$2\r\nv2\r\n";
const std::string flat_pairs = "*4\r\n$2\r\nk1\r\n$2\r\nv1\r\n$2\r\nk1\r\n$2\r\nv2\r\n";  // a repeated key
const std::string empty = "*0\r\n";

}  // namespace

TEST_CASE("vector<string>: arrays, sets and maps of bulk strings take the fast path, with the Reply path's result",
          "[strings]") {
  using T = std::vector<std::string>;
  check_agrees<T>(list3, true);
  check_agrees<T>(set2, true);
  check_agrees<T>(map2, true);
  check_agrees<T>(empty, true);
  // Anything else is left whole to the Reply path, which converts it or says why not.
  check_agrees<T>("*2\r\n$1\r\na\r\n:7\r\n", false);          // an integer element
  check_agrees<T>("*2\r\n$1\r\na\r\n$-1\r\n", false);         // a nil element
  check_agrees<T>("*1\r\n*1\r\n$1\r\na\r\n", false);          // nested
  check_agrees<T>("*-1\r\n", false);                          // a nil array
  check_agrees<T>("$5\r\nhello\r\n", false);                  // not an aggregate
  check_agrees<T>("-WRONGTYPE Operation against a key\r\n", false);
  check_agrees<T>(">2\r\n$1\r\na\r\n$1\r\nb\r\n", false);     // a push is never a reply
  check_agrees<T>("|1\r\n+a\r\n+b\r\n*1\r\n$1\r\nc\r\n", false);  // an attribute first
  // Lengths of up to 18 digits are read here, longer ones left to the Reply path.
  check_agrees<T>("*1\r\n$000000000000000002\r\nab\r\n", true);
  check_agrees<T>("*1\r\n$0000000000000000002\r\nab\r\n", false);
  check_agrees<T>("*000000000000000001\r\n$2\r\nab\r\n", true);
  check_agrees<T>("*0000000000000000001\r\n$2\r\nab\r\n", false);
}

TEST_CASE("maps and sets of strings agree with convert<T>, odd counts and maps-as-sets included", "[strings]") {
  check_agrees<std::unordered_map<std::string, std::string>>(map2, true);
  check_agrees<std::unordered_map<std::string, std::string>>(flat_pairs, true);  // the first of equal keys stays
  check_agrees<std::map<std::string, std::string>>(flat_pairs, true);
  check_agrees<std::unordered_map<std::string, std::string>>(list3, false);  // odd: the Reply path says why
  check_agrees<std::unordered_map<std::string, std::string>>(empty, true);
  check_agrees<std::unordered_set<std::string>>(set2, true);
  check_agrees<std::set<std::string>>(list3, true);
  check_agrees<std::unordered_set<std::string>>(map2, false);  // convert<set> refuses a map: so does the sink
}

TEST_CASE("a reply arriving in many small reads is scanned once, and the limits still hold", "[strings]") {
  std::string bytes = "*1000\r\n";
  std::vector<std::string> expected;
  for (int i = 0; i < 1000; ++i) {
    expected.push_back("element-" + std::to_string(i));
    bytes += "$" + std::to_string(expected.back().size()) + "\r\n" + expected.back() + "\r\n";
  }
  RespParser parser;
  redispp::detail::StringsTarget<std::vector<std::string>> target;
  StringsRead read = StringsRead::need_more;
  std::size_t asked = 0;
  for (std::size_t at = 0; at < bytes.size() && read == StringsRead::need_more; at += 7) {
    parser.feed(std::string_view(bytes).substr(at, 7));
    read = parser.next_strings(target);
    ++asked;
  }
  CHECK(read == StringsRead::taken);
  CHECK(asked > 100);
  CHECK(target.value == expected);
  CHECK(parser.buffered() == 0);

  SECTION("max_bulk_length and max_aggregate_length: the Reply path refuses, the fast path leaves it to it") {
    redispp::ParserLimits limits;
    limits.max_aggregate_length = 2;
    RespParser limited(limits);
    limited.feed(list3);
    redispp::detail::StringsTarget<std::vector<std::string>> sink;
    CHECK(limited.next_strings(sink) == StringsRead::not_strings);
    CHECK_THROWS_AS(limited.next(), redispp::ProtocolError);
    CHECK(sink.value.empty());
  }
}

TEST_CASE("after a reply taken by next(), the next reply starts a fresh scan", "[strings]") {
  RespParser parser;
  redispp::detail::StringsTarget<std::vector<std::string>> target;
  parser.feed("*2\r\n$1\r\na\r\n");  // cut short: scanned up to the second element
  CHECK(parser.next_strings(target) == StringsRead::need_more);
  parser.feed("$1\r\nb\r\n*1\r\n$1\r\nc\r\n");
  CHECK(parser.next() == redispp::Reply::array({redispp::Reply::bulk_string("a"), redispp::Reply::bulk_string("b")}));
  CHECK(parser.next_strings(target) == StringsRead::taken);
  CHECK(target.value == std::vector<std::string>{"c"});
}
