// The connection core, driven with byte strings only: every case is fed whole, split in two at
// every offset, and one byte at a time, and must give the same actions each way.
#include "support/catch.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

#include <redispp/errors.hpp>
#include <redispp/protocol/parser.hpp>
#include <redispp/transport/session.hpp>

using redispp::Session;
using Kind = Session::Action::Kind;

namespace {

// One server reply stream, and the requests sent before it comes.
struct Case {
  std::string server;          // everything the server sends
  bool close_at_end = false;   // then the connection drops
};

std::string printable(std::string_view bytes) {
  std::string out;
  for (const char c : bytes) out += c == '\r' ? std::string("\\r") : c == '\n' ? std::string("\\n") : std::string(1, c);
  return out;
}

// Runs the session until it has nothing more to do with the server's bytes, fed in pieces cut
// at `cuts`; returns what it did, one line per action (need_more is not listed: it depends on
// the cuts).
std::vector<std::string> drive(Session& s, const Case& c, std::vector<std::size_t> cuts) {
  cuts.push_back(c.server.size());
  std::vector<std::string> seen;
  std::size_t fed = 0;
  std::size_t next_cut = 0;
  bool closed = false;
  for (;;) {
    Session::Action a = s.next();
    switch (a.kind()) {
      case Kind::write:
        seen.push_back("write " + printable(a.bytes()));
        s.wrote();
        break;
      case Kind::need_more:
        if (fed == c.server.size()) {
          if (!c.close_at_end || closed) return seen;
          s.closed("end of stream");
          closed = true;
          break;
        }
        while (cuts[next_cut] <= fed) ++next_cut;
        s.feed(std::string_view(c.server).substr(fed, cuts[next_cut] - fed));
        fed = cuts[next_cut];
        break;
      case Kind::reply:
        seen.push_back(fmt::format("reply {}.{}{} {}", a.request(), a.part(), a.last() ? " last" : "", a.reply()));
        break;
      case Kind::transaction: {
        redispp::TransactionReader& t = a.transaction();
        std::string line = fmt::format("transaction {} outcome {}", a.request(), static_cast<int>(t.outcome()));
        if (t.outcome() == redispp::TransactionReader::Outcome::ran)
          for (const redispp::Reply& r : t.take_replies()) line += fmt::format(" [{}]", r);
        seen.push_back(line);
        break;
      }
      case Kind::push: seen.push_back(fmt::format("push {}", a.reply())); break;
      case Kind::ready: seen.push_back("ready"); break;
      case Kind::unusable: {
        std::string why;
        try {
          std::rethrow_exception(a.error());
        } catch (const redispp::ProtocolError& e) {
          why = std::string("ProtocolError: ") + e.what();
        } catch (const redispp::ConnectionError& e) {
          why = std::string("ConnectionError: ") + e.what();
        } catch (const std::exception& e) {
          why = std::string("other: ") + e.what();
        }
        seen.push_back(fmt::format("unusable ({}) failed {}", why, fmt::join(a.failed(), ",")));
        return seen;
      }
    }
  }
}

// The same session made afresh by `make` and driven whole, split at every offset and byte by
// byte: all must agree; returns the actions.
template <class Make>
std::vector<std::string> drive_every_way(const Case& c, Make&& make) {
  Session whole_session = make();
  const std::vector<std::string> whole = drive(whole_session, c, {});
  for (std::size_t cut = 1; cut < c.server.size(); ++cut) {
    Session s = make();
    INFO("split at byte " << cut);
    CHECK(drive(s, c, {cut}) == whole);
  }
  std::vector<std::size_t> every_byte;
  for (std::size_t i = 1; i < c.server.size(); ++i) every_byte.push_back(i);
  Session bytewise = make();
  INFO("one byte at a time");
  CHECK(drive(bytewise, c, every_byte) == whole);
  return whole;
}

Session plain_session() { return Session(redispp::make_parser(redispp::ParserKind::builtin), std::nullopt, "h:1"); }

const std::string set_wire = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n";
const std::string get_wire = "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n";
const std::string unsub_wire = "*3\r\n$11\r\nUNSUBSCRIBE\r\n$1\r\na\r\n$1\r\nb\r\n";

}  // namespace

TEST_CASE("session: a pipeline of mixed commands, replies matched in order", "[session]") {
  const Case c{"+OK\r\n$1\r\nv\r\n*3\r\n$11\r\nunsubscribe\r\n$1\r\na\r\n:0\r\n*3\r\n$11\r\nunsubscribe\r\n$1\r\nb\r\n:0\r\n"
               "-WRONGTYPE Operation against a key\r\n*2\r\n$1\r\nx\r\n_\r\n"};
  const auto seen = drive_every_way(c, [] {
    Session s = plain_session();
    CHECK(s.send(set_wire) == 0);
    CHECK(s.send(get_wire) == 1);
    CHECK(s.send(unsub_wire, 2) == 2);
    CHECK(s.send("*2\r\n$4\r\nINCR\r\n$1\r\nh\r\n") == 3);
    CHECK(s.send("*4\r\n$6\r\nLRANGE\r\n$1\r\nl\r\n$1\r\n0\r\n$2\r\n-1\r\n") == 4);
    return s;
  });
  REQUIRE(seen.size() == 7);
  CHECK(seen[0].rfind("write *3\\r\\n$3\\r\\nSET", 0) == 0);  // every request in one write
  CHECK(seen[0].find("LRANGE") != std::string::npos);
  CHECK(seen[1] == "reply 0.0 last OK");
  CHECK(seen[2] == "reply 1.0 last \"v\"");
  CHECK(seen[3] == "reply 2.0 [\"unsubscribe\", \"a\", (integer) 0]");
  CHECK(seen[4] == "reply 2.1 last [\"unsubscribe\", \"b\", (integer) 0]");
  CHECK(seen[5] == "reply 3.0 last (error) WRONGTYPE Operation against a key");  // an error reply: still usable
  CHECK(seen[6] == "reply 4.0 last [\"x\", (nil)]");
}

TEST_CASE("session: requests sent while a write is out go together in the next write", "[session]") {
  Session s = plain_session();
  s.send(set_wire);
  Session::Action first = s.next();
  REQUIRE(first.kind() == Kind::write);
  CHECK(first.bytes() == set_wire);
  s.send(get_wire);
  s.send(get_wire);
  CHECK(s.next().kind() == Kind::need_more);  // the first write is still out
  s.wrote();
  Session::Action second = s.next();
  REQUIRE(second.kind() == Kind::write);
  CHECK(second.bytes() == get_wire + get_wire);
  s.wrote();
  CHECK(s.in_flight() == 3);
}

TEST_CASE("session: subscription acknowledgements, and pushes between replies (RESP3)", "[session]") {
  const Case c{">3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n"                // SUBSCRIBE ch's acknowledgement
               ">2\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\nk\r\n"              // tracking: not a reply
               "$1\r\nv\r\n"                                                // GET's reply
               ">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n"           // a message: not a reply
               ">3\r\n$11\r\nunsubscribe\r\n$2\r\nch\r\n:0\r\n"}; // no one waits: the server's own
  const auto seen = drive_every_way(c, [] {
    Session s = plain_session();
    s.send("*2\r\n$9\r\nSUBSCRIBE\r\n$2\r\nch\r\n", 1, Session::Expect::subscription);
    s.send(get_wire);
    return s;
  });
  INFO(fmt::format("{}", fmt::join(seen, "\n")));
  REQUIRE(seen.size() == 6);
  CHECK(seen[1] == "reply 0.0 last push[\"subscribe\", \"ch\", (integer) 1]");
  CHECK(seen[2] == "push push[\"invalidate\", [\"k\"]]");
  CHECK(seen[3] == "reply 1.0 last \"v\"");
  CHECK(seen[4] == "push push[\"message\", \"ch\", \"hi\"]");
  CHECK(seen[5] == "push push[\"unsubscribe\", \"ch\", (integer) 0]");
}

TEST_CASE("session: a subscribed RESP2 connection's messages are pushes, its acknowledgements replies", "[session]") {
  const Case c{"*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n*3\r\n$7\r\nmessage\r\n$1\r\na\r\n$1\r\nm\r\n"
               "*3\r\n$11\r\nunsubscribe\r\n$1\r\na\r\n:0\r\n"};
  const auto seen = drive_every_way(c, [] {
    Session s = plain_session();
    s.set_subscribed(true);
    s.send("*2\r\n$9\r\nSUBSCRIBE\r\n$1\r\na\r\n", 1, Session::Expect::subscription);
    s.send("*2\r\n$11\r\nUNSUBSCRIBE\r\n$1\r\na\r\n", 1, Session::Expect::subscription);
    return s;
  });
  REQUIRE(seen.size() == 4);
  CHECK(seen[1] == "reply 0.0 last [\"subscribe\", \"a\", (integer) 1]");
  CHECK(seen[2] == "push [\"message\", \"a\", \"m\"]");
  CHECK(seen[3] == "reply 1.0 last [\"unsubscribe\", \"a\", (integer) 0]");
}

TEST_CASE("session: transactions, an error reply inside one, and EXECABORT", "[session]") {
  const std::string tx = "*1\r\n$5\r\nMULTI\r\n" + set_wire + "*2\r\n$4\r\nINCR\r\n$1\r\nk\r\n*1\r\n$4\r\nEXEC\r\n";
  SECTION("a command fails inside EXEC: the others ran, the error is its reply") {
    const Case c{"+OK\r\n+QUEUED\r\n+QUEUED\r\n*2\r\n+OK\r\n-ERR value is not an integer\r\n$1\r\nv\r\n"};
    const auto seen = drive_every_way(c, [&] {
      Session s = plain_session();
      s.send(tx, 2, Session::Expect::transaction);
      s.send(get_wire);
      return s;
    });
    REQUIRE(seen.size() == 3);
    CHECK(seen[1] == "transaction 0 outcome 1 [OK] [(error) ERR value is not an integer]");
    CHECK(seen[2] == "reply 1.0 last \"v\"");
  }
  SECTION("EXECABORT: nothing ran") {
    const Case c{"+OK\r\n+QUEUED\r\n-ERR wrong number of arguments\r\n-EXECABORT Transaction discarded\r\n"};
    const auto seen = drive_every_way(c, [&] {
      Session s = plain_session();
      s.send(tx, 2, Session::Expect::transaction);
      return s;
    });
    REQUIRE(seen.size() == 2);
    CHECK(seen[1] == "transaction 0 outcome 3");
  }
  SECTION("a reply out of step with the transaction makes the session unusable") {
    const Case c{"+OK\r\n+QUEUED\r\n$1\r\nv\r\n"};
    const auto seen = drive_every_way(c, [&] {
      Session s = plain_session();
      s.send(tx, 2, Session::Expect::transaction);
      s.send(get_wire);
      return s;
    });
    REQUIRE(seen.size() == 2);
    CHECK(seen[1].rfind("unusable (ProtocolError: transaction out of step", 0) == 0);
    CHECK(seen[1].find("failed 0,1") != std::string::npos);
  }
}

TEST_CASE("session: a server that sends one reply too many", "[session]") {
  const Case c{"+OK\r\n+OK\r\n$1\r\nv\r\n"};
  const auto seen = drive_every_way(c, [] {
    Session s = plain_session();
    s.send(set_wire);
    return s;
  });
  REQUIRE(seen.size() == 3);
  CHECK(seen[1] == "reply 0.0 last OK");
  CHECK(seen[2].rfind("unusable (ProtocolError: h:1 sent a reply that no request asked for (OK)", 0) == 0);
  // Once unusable, always: nothing is ever matched again.
  Session s = plain_session();
  drive(s, c, {});
  CHECK_FALSE(s.usable());
  CHECK(s.next().kind() == Kind::unusable);
  CHECK_THROWS_AS(s.send(get_wire), redispp::ProtocolError);  // a request no reply would ever answer
  CHECK(s.in_flight() == 0);
}

TEST_CASE("session: a connection that dies mid-reply fails every request in flight", "[session]") {
  const Case c{"+OK\r\n*2\r\n$1\r\na\r\n$5\r\nhal", true};
  const auto seen = drive_every_way(c, [] {
    Session s = plain_session();
    s.send(set_wire);
    s.send("*4\r\n$6\r\nLRANGE\r\n$1\r\nl\r\n$1\r\n0\r\n$2\r\n-1\r\n");
    s.send(get_wire);
    return s;
  });
  REQUIRE(seen.size() == 3);
  CHECK(seen[1] == "reply 0.0 last OK");
  CHECK(seen[2] ==
        "unusable (ConnectionError: connection to h:1 lost in the middle of a reply (18 bytes of it had come): end of "
        "stream) failed 1,2");
}

TEST_CASE("session: malformed bytes make it unusable, naming the server", "[session]") {
  const Case c{"+OK\r\n:12x\r\n"};
  const auto seen = drive_every_way(c, [] {
    Session s = plain_session();
    s.send(set_wire);
    s.send(get_wire);
    return s;
  });
  REQUIRE(seen.size() == 3);
  CHECK(seen[2].rfind("unusable (ProtocolError: ", 0) == 0);
  CHECK(seen[2].find("in a reply from h:1") != std::string::npos);
  CHECK(seen[2].find("failed 1") != std::string::npos);
}

TEST_CASE("session: the handshake is the first request; requests wait until it is done", "[session]") {
  redispp::ConnectionOptions options;
  options.protocol = 3;
  options.password = "pw";
  const auto make = [&] {
    Session s(redispp::make_parser(redispp::ParserKind::builtin), redispp::Handshake(options, "h:1"), "h:1");
    s.send(get_wire);  // sent early: waits for the handshake
    return s;
  };
  SECTION("accepted") {
    const Case c{"%1\r\n+proto\r\n:3\r\n+OK\r\n+OK\r\n$17\r\nredispp-handshake\r\n"};
    Session s = make();
    const auto seen = drive_every_way(c, make);
    REQUIRE(seen.size() == 3);
    CHECK(seen[0].rfind("write *5\\r\\n$5\\r\\nHELLO", 0) == 0);
    CHECK(seen[0].find("GET") == std::string::npos);
    CHECK(seen[1] == "ready");
    CHECK(seen[2] == "write *2\\r\\n$3\\r\\nGET\\r\\n$1\\r\\nk\\r\\n");
    // The request that waited is answered as any other.
    CHECK(drive(s, c, {}) == seen);
    s.feed("$1\r\nv\r\n");
    Session::Action get = s.next();
    REQUIRE(get.kind() == Kind::reply);
    CHECK(get.reply().str() == "v");
  }
  SECTION("a reply buffered behind the handshake's last, before any request went out") {
    const Case c{"%1\r\n+proto\r\n:3\r\n+OK\r\n+OK\r\n$17\r\nredispp-handshake\r\n+OK\r\n"};
    Session s = make();
    const auto seen = drive(s, c, {});
    REQUIRE(seen.size() == 2);
    CHECK(seen[1].find("handshake out of step") != std::string::npos);
  }
  SECTION("a wrong password: unusable with the handshake's own exception") {
    Session s = make();
    REQUIRE(s.next().kind() == Kind::write);
    s.wrote();
    s.feed("-WRONGPASS invalid username-password pair or user is disabled.\r\n");
    Session::Action a = s.next();
    REQUIRE(a.kind() == Kind::unusable);
    CHECK_THROWS_AS(std::rethrow_exception(a.error()), redispp::AuthenticationError);
    CHECK(a.failed() == std::vector<std::uint64_t>{0});
  }
}
