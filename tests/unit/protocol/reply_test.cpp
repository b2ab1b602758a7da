#include "support/catch.hpp"

#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/core.h>  // only core: what reply.hpp offers must link without <fmt/format.h>

#include <redispp/errors.hpp>
#include <redispp/protocol/reply.hpp>
#include <redispp/protocol/resp_parser.hpp>  // the replies whose texts share a block

using redispp::Reply;
using redispp::ReplyType;

TEST_CASE("Reply accessors check the type they read", "[reply]") {
  const Reply i = Reply::integer(42);
  CHECK(i.type() == ReplyType::integer);
  CHECK(i.integer() == 42);
  CHECK_THROWS_AS(i.str(), redispp::DataError);
  CHECK_THROWS_WITH(i.dbl(), "expected a double reply, got integer");

  const Reply s = Reply::bulk_string(std::string("a\0b", 3));
  CHECK(s.str() == std::string_view("a\0b", 3));
  CHECK_THROWS_AS(s.integer(), redispp::DataError);

  const Reply v = Reply::verbatim("mkd", "# hi");
  CHECK(v.verbatim_format() == "mkd");
  CHECK(v.str() == "# hi");
  CHECK(Reply::bulk_string("x").verbatim_format().empty());
}

TEST_CASE("Reply copies deeply, attributes included, and moves cheaply", "[reply]") {
  Reply a = Reply::array({Reply::bulk_string("x"), Reply::integer(1)});
  a.set_attribute(Reply::aggregate(ReplyType::attribute, {Reply::simple_string("ttl"), Reply::integer(3)}));
  Reply b = a;
  REQUIRE(b == a);
  REQUIRE(b.attribute() != nullptr);
  CHECK(b.attribute() != a.attribute());
  b.elements()[1] = Reply::integer(2);
  CHECK_FALSE(b == a);
  Reply c = std::move(b);
  CHECK(c.elements().size() == 2);
  CHECK(c.attribute()->elements()[0].str() == "ttl");
}

TEST_CASE("Reply equality treats NaN doubles as equal and compares verbatim formats", "[reply]") {
  CHECK(Reply::double_(std::nan("")) == Reply::double_(std::nan("")));
  CHECK_FALSE(Reply::double_(1.0) == Reply::double_(2.0));
  CHECK_FALSE(Reply::verbatim("txt", "a") == Reply::verbatim("mkd", "a"));
  CHECK_FALSE(Reply::boolean(true) == Reply::integer(1));
}

TEST_CASE("fmt prints every reply type readably", "[reply][format]") {
  CHECK(fmt::format("{}", Reply::simple_string("OK")) == "OK");
  CHECK(fmt::format("{}", Reply::error("ERR bad")) == "(error) ERR bad");
  CHECK(fmt::format("{}", Reply::integer(-7)) == "(integer) -7");
  CHECK(fmt::format("{}", Reply::bulk_string(std::string("a\"\r\n\0\xff", 6))) == R"("a\"\r\n\x00\xff")");
  CHECK(fmt::format("{}", Reply::nil()) == "(nil)");
  CHECK(fmt::format("{}", Reply::double_(1.5)) == "(double) 1.5");
  CHECK(fmt::format("{}", Reply::boolean(false)) == "(false)");
  CHECK(fmt::format("{}", Reply::big_number("123456789012345678901234567890")) ==
        "(big number) 123456789012345678901234567890");
  CHECK(fmt::format("{}", Reply::verbatim("txt", "hi")) == R"(txt:"hi")");
  CHECK(fmt::format("{}", Reply::array({Reply::integer(1), Reply::bulk_string("b")})) == R"([(integer) 1, "b"])");
  CHECK(fmt::format("{}", Reply::aggregate(ReplyType::set, {Reply::bulk_string("m")})) == R"(set["m"])");
  CHECK(fmt::format("{}", Reply::aggregate(ReplyType::map, {Reply::bulk_string("k"), Reply::integer(1)})) ==
        R"({"k": (integer) 1})");
  CHECK(fmt::format("{}", Reply::aggregate(ReplyType::push, {Reply::bulk_string("message")})) == R"(push["message"])");
  Reply with_attribute = Reply::integer(5);
  with_attribute.set_attribute(Reply::aggregate(ReplyType::attribute, {Reply::simple_string("a"), Reply::integer(1)}));
  CHECK(fmt::format("{}", with_attribute) == "|{a: (integer) 1}| (integer) 5");
  CHECK(fmt::format("{}", ReplyType::big_number) == "big number");
}

TEST_CASE("Reply keeps short text inline and long text on the heap, and both behave alike", "[reply]") {
  const std::string short_text(Reply::inline_text_capacity, 's');
  const std::string long_text(Reply::inline_text_capacity + 1, 'l');
  for (const ReplyType type : {ReplyType::simple_string, ReplyType::bulk_string, ReplyType::error, ReplyType::big_number}) {
    for (const std::string& text : {std::string(), std::string("OK"), short_text, long_text, std::string("a\0b", 3)}) {
      INFO(redispp::to_string(type) << " of " << text.size() << " bytes");
      const Reply made = Reply::from_text(type, text);
      CHECK(made.type() == type);
      CHECK(made.str() == text);
      // The same value given as a std::string (kept as it is) compares equal.
      const Reply given = type == ReplyType::bulk_string ? Reply::bulk_string(text)
                          : type == ReplyType::error     ? Reply::error(text)
                          : type == ReplyType::big_number ? Reply::big_number(text)
                                                          : Reply::simple_string(text);
      CHECK(made == given);

      Reply copy = made;
      CHECK(copy == made);
      Reply moved = std::move(copy);
      CHECK(moved.str() == text);
      CHECK(copy.str().empty());  // NOLINT(bugprone-use-after-move): a moved-from reply keeps empty text
      Reply assigned = Reply::array({Reply::integer(1)});
      assigned = std::move(moved);
      CHECK(assigned.str() == text);
      assigned = made;  // copy-assigned over text
      CHECK(assigned == made);
      CHECK(assigned.take_str() == text);
      CHECK(assigned.str().empty());
    }
  }
}

TEST_CASE("Reply's children and text share a slot: a scalar has no elements, an aggregate no text", "[reply]") {
  Reply scalar = Reply::from_text(ReplyType::bulk_string, "value");
  CHECK(scalar.elements().empty());
  CHECK(std::as_const(scalar).elements().empty());
  scalar.elements().push_back(Reply::integer(1));  // goes nowhere: a scalar has no room for children
  CHECK(scalar.elements().empty());
  CHECK(scalar.str() == "value");

  Reply list = Reply::array({Reply::from_text(ReplyType::bulk_string, "a"), Reply::integer(2)});
  CHECK_THROWS_AS(list.str(), redispp::DataError);
  list.elements().push_back(Reply::nil());
  CHECK(list.elements().size() == 3);
  Reply moved = std::move(list);
  CHECK(moved.elements().size() == 3);
  // Assigning a scalar over an aggregate (and back) frees what was there (ASan checks).
  moved = scalar;
  CHECK(moved.str() == "value");
  moved = Reply::array({Reply::integer(1)});
  CHECK(moved.elements().size() == 1);
  CHECK(sizeof(Reply) < 80);
}

TEST_CASE("Reply can be assigned one of its own children or its attribute", "[reply]") {
  Reply r = Reply::array({Reply::array({Reply::from_text(ReplyType::bulk_string, std::string(40, 'x'))}), Reply::integer(2)});
  r = std::move(r.elements()[0]);  // the child lived in the vector this assignment frees (ASan checks)
  REQUIRE(r.elements().size() == 1);
  CHECK(r.elements()[0].str() == std::string(40, 'x'));
  r = std::move(r.elements()[0]);
  CHECK(r.str() == std::string(40, 'x'));

  Reply with = Reply::integer(1);
  with.set_attribute(Reply::aggregate(ReplyType::attribute, {Reply::simple_string("k"), Reply::integer(7)}));
  Reply attribute = *with.attribute();
  with = std::move(attribute);
  CHECK(with.type() == ReplyType::attribute);
  CHECK(with.elements().size() == 2);
}

TEST_CASE("Reply can be refilled in place with text, whatever it held", "[reply]") {
  const std::string long_text(Reply::inline_text_capacity + 5, 'L');
  Reply r = Reply::array({Reply::integer(1), Reply::bulk_string(long_text)});
  r.set_attribute(Reply::aggregate(ReplyType::attribute, {Reply::simple_string("ttl"), Reply::integer(3)}));
  r.assign_text(ReplyType::bulk_string, "short");
  CHECK(r == Reply::bulk_string("short"));
  CHECK(r.attribute() == nullptr);  // the old value's attribute went with it
  CHECK(r.elements().empty());

  r.assign_text(ReplyType::error, long_text);
  CHECK(r == Reply::error(long_text));
  r.assign_text(ReplyType::big_number, "");
  CHECK(r == Reply::from_text(ReplyType::big_number, ""));
}

namespace {

// `count` bulk strings of `size` bytes each ("element:0 ...", each distinct), as an array the
// built-in parser reads in one go: all but the last share a text block when size is over
// inline_text_capacity and at most 256 (detail/shared_text_block.hpp).
std::string array_of_texts(std::size_t count, std::size_t size) {
  std::string out = "*" + std::to_string(count) + "\r\n";
  for (std::size_t i = 0; i < count; ++i) {
    std::string text = "element:" + std::to_string(i);
    text.resize(size, '.');
    out += "$" + std::to_string(size) + "\r\n" + text + "\r\n";
  }
  return out;
}

std::string text_of(std::size_t i, std::size_t size) {
  std::string text = "element:" + std::to_string(i);
  text.resize(size, '.');
  return text;
}

Reply parse_one(std::string_view bytes) {
  redispp::RespParser parser;
  parser.feed(bytes);
  std::optional<Reply> reply = parser.next();
  REQUIRE(reply);
  return std::move(*reply);
}

}  // namespace

TEST_CASE("Elements sharing the parser's text block behave like any text reply", "[reply][shared]") {
  constexpr std::size_t size = Reply::inline_text_capacity + 8;
  Reply parent = parse_one(array_of_texts(10, size));
  REQUIRE(parent.elements().size() == 10);

  // Copies are independent; moves carry the share; take_str() copies the text out.
  Reply copy = parent.elements()[1];
  Reply moved = std::move(parent.elements()[2]);
  CHECK(parent.elements()[2].str().empty());  // a moved-from text reply is left empty
  std::string taken = parent.elements()[3].take_str();
  CHECK(taken == text_of(3, size));
  CHECK(parent.elements()[3].str().empty());
  CHECK(parent.elements()[0] == Reply::bulk_string(text_of(0, size)));
  CHECK(parent.elements()[0].type() == ReplyType::bulk_string);

  // What was moved or copied out outlives the parent and its block's other owners (ASan and
  // Valgrind check the bytes are still owned).
  parent = Reply::integer(1);
  CHECK(copy.str() == text_of(1, size));
  CHECK(moved.str() == text_of(2, size));
  CHECK(fmt::format("{}", moved) == "\"" + text_of(2, size) + "\"");

  // Assigned one of its own shared children (the child leaves the vector being freed).
  Reply again = parse_one(array_of_texts(5, size));
  again = std::move(again.elements()[1]);
  CHECK(again.str() == text_of(1, size));
  again.assign_text(ReplyType::simple_string, "OK");
  CHECK(again == Reply::simple_string("OK"));
}

TEST_CASE("Elements of one shared text block may end in different threads", "[reply][shared]") {
  // Two threads each drop half of one block's elements: the block's owner count is what the
  // ThreadSanitizer build checks (reply_test runs there too), the texts what every build does.
  constexpr std::size_t size = 64;
  for (int round = 0; round < 50; ++round) {
    Reply parent = parse_one(array_of_texts(101, size));
    std::vector<Reply> first;
    std::vector<Reply> second;
    for (std::size_t i = 0; i < 100; ++i) (i % 2 == 0 ? first : second).push_back(std::move(parent.elements()[i]));
    parent = Reply();
    std::string seen_by_thread;
    std::thread other([&first, &seen_by_thread] {
      seen_by_thread = std::string(first[48].str());
      first.clear();
    });
    const std::string seen_here(second[24].str());
    second.clear();
    other.join();
    CHECK(seen_by_thread == text_of(96, size));
    CHECK(seen_here == text_of(49, size));
  }
}
