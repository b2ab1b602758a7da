// The handshake as a state machine, driven without a socket: what it sends, and how it judges
// good replies, replies of the wrong kind, errors, one reply too many and one too few.
#include "support/catch.hpp"
#include "support/resp_text.hpp"

#include <string>
#include <vector>

#include <redispp/errors.hpp>
#include <redispp/protocol/encoder.hpp>
#include <redispp/protocol/resp_parser.hpp>
#include <redispp/transport/handshake.hpp>

using redispp::Handshake;
using redispp::Reply;
using Step = redispp::Handshake::Step;

using redispp::test::parse_replies;

namespace {
redispp::ConnectionOptions options(int protocol, std::string password = {}, std::string name = {}, int db = 0) {
  redispp::ConnectionOptions o;
  o.protocol = protocol;
  o.password = std::move(password);
  o.client_name = std::move(name);
  o.db = db;
  return o;
}
// Feeds every reply, in order.
void feed_all(Handshake& handshake, const std::vector<Reply>& all) {
  for (const Reply& reply : all) handshake.on_reply(reply);
}
const std::string marker_reply = "$17\r\nredispp-handshake\r\n";
}  // namespace

TEST_CASE("the handshake's commands follow the options", "[handshake]") {
  CHECK(Handshake(options(2), "h:1").steps() == std::vector<Step>{Step::setinfo, Step::setinfo, Step::marker});
  CHECK(Handshake(options(2, "pw", "name", 3), "h:1").steps() ==
        std::vector<Step>{Step::auth, Step::setname, Step::select, Step::setinfo, Step::setinfo, Step::marker});
  CHECK(Handshake(options(3, "pw", "name", 3), "h:1").steps() ==
        std::vector<Step>{Step::hello, Step::select, Step::setinfo, Step::setinfo, Step::marker});
  const Handshake h(options(3, "pw", "app"), "h:1");
  CHECK(h.request().rfind("*7\r\n$5\r\nHELLO\r\n$1\r\n3\r\n$4\r\nAUTH\r\n$7\r\ndefault\r\n$2\r\npw\r\n", 0) == 0);
  CHECK(h.request().find("$4\r\nECHO\r\n$17\r\nredispp-handshake\r\n") != std::string::npos);
}

TEST_CASE("good replies complete the handshake", "[handshake]") {
  SECTION("RESP2 with password, name and db; a pre-7.2 server refusing SETINFO") {
    Handshake h(options(2, "pw", "name", 3), "h:1");
    feed_all(h, parse_replies("+OK\r\n+OK\r\n+OK\r\n-ERR unknown subcommand 'SETINFO'\r\n-ERR unknown subcommand\r\n" + marker_reply));
    CHECK(h.done());
    CHECK_NOTHROW(h.check_nothing_left(0));
  }
  SECTION("RESP3: HELLO's map") {
    Handshake h(options(3), "h:1");
    feed_all(h, parse_replies("%1\r\n+proto\r\n:3\r\n+OK\r\n+OK\r\n" + marker_reply));
    CHECK(h.done());
  }
  SECTION("an ACL user without ECHO") {
    Handshake h(options(2), "h:1");
    feed_all(h, parse_replies("+OK\r\n+OK\r\n-NOPERM this user has no permissions to run the 'echo' command\r\n"));
    CHECK(h.done());
  }
}

TEST_CASE("a reply of the wrong kind is a ProtocolError naming the step", "[handshake]") {
  Handshake h(options(2, "pw"), "h:1");
  CHECK_THROWS_AS(h.on_reply(parse_replies(":1\r\n")[0]), redispp::ProtocolError);
  Handshake again(options(2, "pw"), "h:1");
  CHECK_THROWS_WITH(again.on_reply(parse_replies(":1\r\n")[0]), Catch::Contains("connect to h:1: handshake out of step: AUTH was answered with"));
  Handshake hello(options(3), "h:1");
  CHECK_THROWS_AS(hello.on_reply(parse_replies("+OK\r\n")[0]), redispp::ProtocolError);
}

TEST_CASE("one reply too many: the replies shift and the marker catches it", "[handshake]") {
  // A greeting before the real replies: every step's reply moves one place down.
  Handshake h(options(2), "h:1");
  const auto all = parse_replies("+OK\r\n+OK\r\n+OK\r\n" + marker_reply);
  h.on_reply(all[0]);
  h.on_reply(all[1]);
  CHECK_THROWS_WITH(h.on_reply(all[2]), Catch::Contains("handshake out of step: ECHO was answered with"));
}

TEST_CASE("bytes left after the last reply are refused", "[handshake]") {
  Handshake h(options(2), "h:1");
  feed_all(h, parse_replies("+OK\r\n+OK\r\n" + marker_reply));
  REQUIRE(h.done());
  CHECK_THROWS_WITH(h.check_nothing_left(5), Catch::Contains("5 bytes arrived after the last handshake reply"));
  CHECK_THROWS_AS(h.on_reply(parse_replies("+OK\r\n")[0]), redispp::ProtocolError);
}

TEST_CASE("cut short: not done until every reply came", "[handshake]") {
  Handshake h(options(2, "pw"), "h:1");
  h.on_reply(parse_replies("+OK\r\n")[0]);
  CHECK_FALSE(h.done());
}

TEST_CASE("error replies become the failure they mean", "[handshake]") {
  SECTION("a wrong password") {
    Handshake h(options(2, "pw"), "h:1");
    CHECK_THROWS_AS(h.on_reply(parse_replies("-WRONGPASS invalid username-password pair\r\n")[0]), redispp::AuthenticationError);
  }
  SECTION("no password given") {
    Handshake h(options(2), "h:1");
    CHECK_THROWS_WITH(h.on_reply(parse_replies("-NOAUTH Authentication required.\r\n")[0]),
                      Catch::Contains("requires a password and none was given"));
  }
  SECTION("maxclients") {
    Handshake h(options(2), "h:1");
    CHECK_THROWS_AS(h.on_reply(parse_replies("-ERR max number of clients reached\r\n")[0]), redispp::MaxClientsError);
  }
  SECTION("SELECT out of range") {
    Handshake h(options(2, {}, {}, 99), "h:1");
    CHECK_THROWS_WITH(h.on_reply(parse_replies("-ERR DB index is out of range\r\n")[0]), Catch::Contains("SELECT 99 failed"));
  }
  SECTION("a server without HELLO") {
    Handshake h(options(3), "h:1");
    CHECK_THROWS_WITH(h.on_reply(parse_replies("-ERR unknown command 'HELLO'\r\n")[0]), Catch::Contains("does not speak RESP3"));
  }
  SECTION("any other error where the marker is due") {
    Handshake h(options(2), "h:1");
    const auto all = parse_replies("+OK\r\n+OK\r\n-ERR something\r\n");
    h.on_reply(all[0]);
    h.on_reply(all[1]);
    CHECK_THROWS_AS(h.on_reply(all[2]), redispp::ProtocolError);
  }
}

TEST_CASE("a host's own handshake steps go before the marker, each judged by its judge", "[handshake]") {
  redispp::ConnectionOptions o = options(2);
  std::string readonly;
  redispp::encode_command(readonly, "READONLY");
  int judged = 0;
  o.handshake_steps.push_back({"READONLY", readonly, [&judged](const Reply& reply) {
                                 ++judged;
                                 if (reply.is_error()) throw redispp::ConnectionError("READONLY refused: " + std::string(reply.str()));
                               }});
  o.handshake_steps.push_back({"READONLY", readonly, {}});
  SECTION("both accepted") {
    Handshake h(o, "h:1");
    CHECK(h.steps() == std::vector<Step>{Step::setinfo, Step::setinfo, Step::extra, Step::extra, Step::marker});
    CHECK(h.request().find("READONLY") < h.request().find("ECHO"));
    feed_all(h, parse_replies("+OK\r\n+OK\r\n+OK\r\n+OK\r\n" + marker_reply));
    CHECK(h.done());
    CHECK(judged == 1);
  }
  SECTION("the judge refuses") {
    Handshake h(o, "h:1");
    const auto all = parse_replies("+OK\r\n+OK\r\n-ERR This instance has cluster support disabled\r\n");
    h.on_reply(all[0]);
    h.on_reply(all[1]);
    CHECK_THROWS_WITH(h.on_reply(all[2]), "READONLY refused: ERR This instance has cluster support disabled");
  }
  SECTION("an error reply to a step without a judge") {
    Handshake h(o, "h:1");
    const auto all = parse_replies("+OK\r\n+OK\r\n+OK\r\n-ERR nope\r\n");
    for (int i = 0; i < 3; ++i) h.on_reply(all[i]);
    CHECK_THROWS_WITH(h.on_reply(all[3]), Catch::Contains("READONLY (connecting) on h:1: ERR nope"));
  }
}

TEST_CASE("a server still loading its dataset is BusyLoadingError, whatever step it answers", "[handshake]") {
  Handshake h(options(2), "h:1");
  const auto loading = parse_replies("-LOADING Redis is loading the dataset in memory\r\n");
  CHECK_THROWS_AS(h.on_reply(loading[0]), redispp::BusyLoadingError);  // SETINFO's answer, not an old server's
}
