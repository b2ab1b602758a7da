// The transaction reader driven without a socket: MULTI/QUEUED/EXEC replies, good and bad.
#include "support/catch.hpp"
#include "support/resp_text.hpp"

#include <string>
#include <vector>

#include <redispp/errors.hpp>
#include <redispp/protocol/parser.hpp>
#include <redispp/protocol/transaction_reader.hpp>

using redispp::Reply;
using redispp::TransactionReader;
using Outcome = redispp::TransactionReader::Outcome;

using redispp::test::parse_replies;

namespace {
// Feeds every reply; returns after how many the reader said it was done (0 = never).
std::size_t feed(TransactionReader& reader, std::vector<Reply> all) {
  for (std::size_t i = 0; i < all.size(); ++i)
    if (reader.on_reply(std::move(all[i]))) return i + 1;
  return 0;
}
}  // namespace

TEST_CASE("a transaction that ran gives each command its reply", "[transaction]") {
  TransactionReader reader(2);
  CHECK_FALSE(reader.expects_exec());
  CHECK(feed(reader, parse_replies("+OK\r\n+QUEUED\r\n+QUEUED\r\n*2\r\n+OK\r\n:5\r\n")) == 4);
  CHECK(reader.outcome() == Outcome::ran);
  const auto each = reader.take_replies();
  REQUIRE(each.size() == 2);
  CHECK(each[0].str() == "OK");
  CHECK(each[1].integer() == 5);
}

TEST_CASE("EXEC knows when it is next (a blocking command's time goes to EXEC's read)", "[transaction]") {
  TransactionReader reader(1);
  auto all = parse_replies("+OK\r\n+QUEUED\r\n*1\r\n_\r\n");
  reader.on_reply(std::move(all[0]));
  CHECK_FALSE(reader.expects_exec());
  reader.on_reply(std::move(all[1]));
  CHECK(reader.expects_exec());
  CHECK(reader.on_reply(std::move(all[2])));
  CHECK_FALSE(reader.expects_exec());
}

TEST_CASE("EXEC nil: a WATCHed key changed", "[transaction]") {
  TransactionReader reader(1);
  CHECK(feed(reader, parse_replies("+OK\r\n+QUEUED\r\n*-1\r\n")) == 3);
  CHECK(reader.outcome() == Outcome::watch_failed);
  CHECK(reader.take_replies().empty());
}

TEST_CASE("EXECABORT: the rejected command keeps its error, the others get EXEC's", "[transaction]") {
  TransactionReader reader(3);
  CHECK(feed(reader, parse_replies("+OK\r\n+QUEUED\r\n-ERR unknown command 'NOPE'\r\n+QUEUED\r\n"
                             "-EXECABORT Transaction discarded because of previous errors.\r\n")) == 5);
  CHECK(reader.outcome() == Outcome::aborted);
  CHECK(reader.first_rejected() == 1);
  const auto each = reader.take_replies();
  REQUIRE(each.size() == 3);
  CHECK(each[1].str().rfind("ERR unknown command", 0) == 0);
  CHECK(each[0].str().rfind("EXECABORT", 0) == 0);
  CHECK(each[2].str().rfind("EXECABORT", 0) == 0);
}

TEST_CASE("a refused MULTI: the rest is read, not judged", "[transaction]") {
  TransactionReader reader(1);
  CHECK(feed(reader, parse_replies("-ERR MULTI calls can not be nested\r\n:1\r\n-ERR EXEC without MULTI\r\n")) == 3);
  CHECK(reader.outcome() == Outcome::multi_failed);
  CHECK(reader.multi_reply().str().rfind("ERR MULTI", 0) == 0);
}

TEST_CASE("replies out of place are ProtocolErrors", "[transaction]") {
  SECTION("MULTI answered with something else") {
    TransactionReader reader(1);
    CHECK_THROWS_WITH(feed(reader, parse_replies(":1\r\n")), Catch::Contains("MULTI was answered with"));
  }
  SECTION("a command answered with something other than QUEUED") {
    TransactionReader reader(2);
    CHECK_THROWS_WITH(feed(reader, parse_replies("+OK\r\n+QUEUED\r\n$3\r\nabc\r\n")),
                      Catch::Contains("command 1 was answered with") && Catch::Contains("instead of QUEUED"));
  }
  SECTION("EXEC's array of the wrong length (one reply too many or too few)") {
    TransactionReader reader(2);
    CHECK_THROWS_WITH(feed(reader, parse_replies("+OK\r\n+QUEUED\r\n+QUEUED\r\n*1\r\n+OK\r\n")),
                      Catch::Contains("EXEC answered") && Catch::Contains("transaction of 2 commands"));
  }
  SECTION("an extra QUEUED where EXEC's reply is due") {
    TransactionReader reader(1);
    CHECK_THROWS_AS(feed(reader, parse_replies("+OK\r\n+QUEUED\r\n+QUEUED\r\n")), redispp::ProtocolError);
  }
  SECTION("a reply after EXEC's") {
    TransactionReader reader(0);
    CHECK(feed(reader, parse_replies("+OK\r\n*0\r\n")) == 2);
    CHECK_THROWS_WITH(reader.on_reply(std::move(parse_replies("+OK\r\n")[0])), Catch::Contains("after EXEC's reply"));
  }
}

TEST_CASE("cut short: not done until EXEC's reply came", "[transaction]") {
  TransactionReader reader(2);
  CHECK(feed(reader, parse_replies("+OK\r\n+QUEUED\r\n+QUEUED\r\n")) == 0);
  CHECK(reader.outcome() == Outcome::pending);
  CHECK_FALSE(reader.done());
}
