#include "support/catch.hpp"

#include <fmt/format.h>

#include <redispp/errors.hpp>
#include <redispp/protocol/reply.hpp>

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
