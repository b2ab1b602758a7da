#include "support/catch.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <redispp/errors.hpp>
#include <redispp/protocol/convert.hpp>

using redispp::convert;
using redispp::DataError;
using redispp::Reply;
using redispp::ReplyType;

namespace {
Reply bulk(std::string s) { return Reply::bulk_string(std::move(s)); }
Reply arr(std::vector<Reply> e) { return Reply::array(std::move(e)); }
Reply map(std::vector<Reply> e) { return Reply::aggregate(ReplyType::map, std::move(e)); }
}  // namespace

TEST_CASE("convert: error replies raise the exception of their prefix", "[convert]") {
  CHECK_THROWS_AS(convert<long long>(Reply::error("WRONGTYPE Operation against a key")), redispp::WrongTypeError);
  CHECK_THROWS_AS(convert<Reply>(Reply::error("NOSCRIPT No matching script")), redispp::NoScriptError);
  CHECK_THROWS_AS(convert<bool>(Reply::error("READONLY You can't write")), redispp::ReadOnlyError);
  CHECK_THROWS_AS(convert<bool>(Reply::error("EXECABORT Transaction discarded")), redispp::ExecAbortError);
  CHECK_THROWS_AS(convert<bool>(Reply::error("BUSY Redis is busy running a script")), redispp::BusyError);
  CHECK_THROWS_AS(convert<bool>(Reply::error("LOADING Redis is loading the dataset")), redispp::BusyLoadingError);
  CHECK_THROWS_AS(convert<bool>(Reply::error("NOAUTH Authentication required.")), redispp::AuthenticationError);
  CHECK_THROWS_AS(convert<bool>(Reply::error("WRONGPASS invalid username-password pair")), redispp::AuthenticationError);
  CHECK_THROWS_AS(convert<bool>(Reply::error("NOPERM this user has no permissions")), redispp::NoPermissionError);
  CHECK_THROWS_AS(convert<bool>(Reply::error("OOM command not allowed")), redispp::OutOfMemoryError);
  CHECK_THROWS_AS(convert<bool>(Reply::error("ERR max number of clients reached")), redispp::MaxClientsError);
  try {
    convert<std::string>(Reply::error("ERR unknown command 'FOO'"));
    FAIL("no exception");
  } catch (const redispp::ResponseError& e) {
    CHECK(e.code() == "ERR");
    CHECK(std::string(e.what()) == "ERR unknown command 'FOO'");
  }
  try {
    convert<std::string>(Reply::error("WRONGTYPE Operation"));
    FAIL("no exception");
  } catch (const redispp::ResponseError& e) {
    CHECK(e.code() == "WRONGTYPE");
  }
}

TEST_CASE("convert: bool", "[convert]") {
  CHECK(convert<bool>(Reply::simple_string("OK")));
  CHECK(convert<bool>(Reply::integer(1)));
  CHECK_FALSE(convert<bool>(Reply::integer(0)));
  CHECK_FALSE(convert<bool>(Reply::nil()));
  CHECK(convert<bool>(Reply::boolean(true)));
  CHECK_THROWS_WITH(convert<bool>(Reply::simple_string("QUEUED")), Catch::Contains("only OK reads as true"));
  CHECK_THROWS_AS(convert<bool>(bulk("1")), DataError);
  CHECK_THROWS_AS(convert<bool>(arr({})), DataError);
}

TEST_CASE("convert: integers", "[convert]") {
  CHECK(convert<long long>(Reply::integer(-5)) == -5);
  CHECK(convert<long long>(bulk("123")) == 123);
  CHECK(convert<long long>(Reply::big_number("42")) == 42);
  CHECK(convert<long long>(Reply::double_(3.0)) == 3);
  CHECK(convert<int>(Reply::integer(7)) == 7);
  CHECK(convert<unsigned>(bulk("7")) == 7u);
  CHECK_THROWS_WITH(convert<long long>(bulk("12x")), Catch::Contains("not a whole number"));
  CHECK_THROWS_WITH(convert<long long>(bulk("")), Catch::Contains("not a whole number"));
  CHECK_THROWS_WITH(convert<int>(Reply::integer(1LL << 40)), Catch::Contains("out of range"));
  CHECK_THROWS_WITH(convert<unsigned>(Reply::integer(-1)), Catch::Contains("out of range"));
  CHECK_THROWS_AS(convert<long long>(Reply::big_number("123456789012345678901234567890")), DataError);
  CHECK_THROWS_AS(convert<long long>(Reply::double_(1.5)), DataError);
  CHECK_THROWS_WITH(convert<long long>(Reply::nil()), "cannot convert nil reply to long long");
  CHECK_THROWS_AS(convert<long long>(arr({Reply::integer(1)})), DataError);
}

TEST_CASE("convert: floating point", "[convert]") {
  CHECK(convert<double>(Reply::double_(1.25)) == 1.25);
  CHECK(convert<double>(bulk("3.5")) == 3.5);
  CHECK(convert<double>(bulk("1e3")) == 1000.0);
  CHECK(convert<double>(Reply::integer(2)) == 2.0);
  CHECK(convert<double>(bulk("inf")) == std::numeric_limits<double>::infinity());
  CHECK(convert<double>(bulk("-inf")) == -std::numeric_limits<double>::infinity());
  CHECK(std::isnan(convert<double>(bulk("nan"))));
  CHECK_THROWS_WITH(convert<double>(bulk("abc")), Catch::Contains("not a number"));
  CHECK_THROWS_AS(convert<double>(Reply::nil()), DataError);
}

TEST_CASE("convert: strings", "[convert]") {
  CHECK(convert<std::string>(bulk("x")) == "x");
  CHECK(convert<std::string>(Reply::simple_string("OK")) == "OK");
  CHECK(convert<std::string>(Reply::verbatim("txt", "text")) == "text");
  CHECK(convert<std::string>(Reply::integer(12)) == "12");
  CHECK_THROWS_WITH(convert<std::string>(Reply::nil()), Catch::Contains("ask for a std::optional"));
  CHECK_THROWS_WITH(convert<std::string>(arr({bulk("a")})), Catch::Contains("array reply"));
}

TEST_CASE("convert: optional", "[convert]") {
  CHECK(convert<std::optional<std::string>>(Reply::nil()) == std::nullopt);
  CHECK(convert<std::optional<std::string>>(bulk("v")) == "v");
  CHECK(convert<std::optional<long long>>(Reply::integer(3)) == 3);
  CHECK_THROWS_AS(convert<std::optional<long long>>(bulk("x")), DataError);
}

TEST_CASE("convert: vectors, sets and maps, RESP2 and RESP3 shapes alike", "[convert]") {
  CHECK(convert<std::vector<std::string>>(arr({bulk("a"), bulk("b")})) == std::vector<std::string>{"a", "b"});
  CHECK(convert<std::vector<std::optional<std::string>>>(arr({bulk("a"), Reply::nil()})) ==
        std::vector<std::optional<std::string>>{"a", std::nullopt});
  CHECK(convert<std::vector<long long>>(Reply::aggregate(ReplyType::set, {Reply::integer(1)})) ==
        std::vector<long long>{1});
  CHECK_THROWS_AS(convert<std::vector<std::string>>(Reply::nil()), DataError);
  CHECK_THROWS_AS(convert<std::vector<std::string>>(bulk("a")), DataError);
  CHECK_THROWS_AS(convert<std::vector<long long>>(arr({bulk("x")})), DataError);

  using Hash = std::unordered_map<std::string, std::string>;
  const Hash expected{{"f1", "v1"}, {"f2", "v2"}};
  CHECK(convert<Hash>(arr({bulk("f1"), bulk("v1"), bulk("f2"), bulk("v2")})) == expected);  // RESP2
  CHECK(convert<Hash>(map({bulk("f1"), bulk("v1"), bulk("f2"), bulk("v2")})) == expected);  // RESP3
  CHECK_THROWS_WITH(convert<Hash>(arr({bulk("f1")})), Catch::Contains("odd number"));
  CHECK_THROWS_AS(convert<Hash>(bulk("x")), DataError);
  CHECK(convert<std::map<std::string, long long>>(map({bulk("a"), Reply::integer(1)})) ==
        std::map<std::string, long long>{{"a", 1}});

  using Scores = std::vector<std::pair<std::string, double>>;
  const Scores scores{{"a", 1.0}, {"b", 2.5}};
  CHECK(convert<Scores>(arr({bulk("a"), bulk("1"), bulk("b"), bulk("2.5")})) == scores);  // RESP2 flat
  CHECK(convert<Scores>(arr({arr({bulk("a"), Reply::double_(1.0)}), arr({bulk("b"), Reply::double_(2.5)})})) ==
        scores);  // RESP3 nested
  CHECK_THROWS_WITH(convert<Scores>(arr({arr({bulk("a")})})), Catch::Contains("pair"));

  CHECK(convert<std::set<std::string>>(Reply::aggregate(ReplyType::set, {bulk("x"), bulk("y")})) ==
        std::set<std::string>{"x", "y"});
  CHECK(convert<std::unordered_set<std::string>>(arr({bulk("x")})) == std::unordered_set<std::string>{"x"});
  CHECK_THROWS_AS(convert<std::set<std::string>>(map({})), DataError);
}

TEST_CASE("convert: pairs and tuples", "[convert]") {
  CHECK(convert<std::pair<std::string, std::string>>(arr({bulk("list"), bulk("x")})) ==
        std::pair<std::string, std::string>{"list", "x"});
  CHECK(convert<std::tuple<long long, std::string, double>>(arr({Reply::integer(1), bulk("s"), bulk("0.5")})) ==
        std::tuple<long long, std::string, double>{1, "s", 0.5});
  CHECK_THROWS_WITH((convert<std::pair<std::string, std::string>>(arr({bulk("a")}))),
                    Catch::Contains("expected two elements"));
  CHECK_THROWS_WITH((convert<std::tuple<int, int>>(arr({Reply::integer(1)}))), Catch::Contains("expected 2 elements"));
  CHECK(convert<std::optional<std::pair<std::string, std::string>>>(Reply::nil()) == std::nullopt);
}

TEST_CASE("convert: error messages name the C++ type and the reply", "[convert]") {
  CHECK_THROWS_WITH(convert<std::vector<std::string>>(Reply::integer(3)),
                    "cannot convert integer reply 3 to std::vector<std::string>");
  CHECK_THROWS_WITH(convert<long long>(bulk("hello")),
                    "cannot convert bulk string reply of 5 bytes \"hello\" to long long: not a whole number in range");
  CHECK_THROWS_WITH(convert<bool>(arr({bulk("a"), bulk("b")})), Catch::StartsWith("cannot convert array reply of 2 elements"));
  CHECK_THROWS_WITH(convert<long long>(Reply::simple_string("x")), Catch::Contains("simple string reply of 1 byte \"x\""));
}

TEST_CASE("convert: a message shows at most 32 bytes of a value, control bytes escaped", "[convert]") {
  const std::string secret = "0123456789abcdefghijklmnopqrstuvSECRET-REST-OF-THE-VALUE";
  const std::string expected =
      "cannot convert bulk string reply of 56 bytes \"0123456789abcdefghijklmnopqrstuv\"... to long long";
  CHECK_THROWS_WITH(convert<long long>(bulk(secret)), Catch::StartsWith(expected) && !Catch::Contains("SECRET"));
  CHECK_THROWS_WITH(convert<long long>(bulk("a\r\nb")), Catch::Contains("of 4 bytes \"a\\r\\nb\""));
}

namespace shop {
struct Price {
  long long cents;
};
Price redispp_from_reply(Reply&& r, std::type_identity<Price>) { return Price{convert<long long>(std::move(r)) * 100}; }
}  // namespace shop

TEST_CASE("convert: user types through redispp_from_reply", "[convert]") {
  CHECK(convert<shop::Price>(bulk("3")).cents == 300);
  CHECK(convert<std::vector<shop::Price>>(arr({Reply::integer(1)})).front().cents == 100);
}
