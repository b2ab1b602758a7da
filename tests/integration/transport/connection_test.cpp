// Connections: the handshake and every failure of the troubleshooting seed, each ending in an
// error that says which failure it is. Real redis-servers from the fixture (database 4 of
// "plain", the "auth" server, the "limits" server); a FakeServer only for what a real server
// cannot be made to do (stall, malformed or truncated replies).
#include "support/catch.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"
#include "support/deadline_timing.hpp"
#include "support/fake_server.hpp"
#include "support/test_servers.hpp"

using namespace std::chrono_literals;
using redispp::test::FakeServer;

namespace {
constexpr int test_db = 4;

redispp::ConnectionOptions fake_options(const FakeServer& server) {
  redispp::ConnectionOptions options;
  options.port = server.port();
  options.socket_timeout = 300ms;
  options.retry = redispp::Retry::none();  // one failure at a time here; retry_test covers retries
  return options;
}
}  // namespace

TEST_CASE("a refused connection names host:port and says nothing listens", "[connection]") {
  redispp::ConnectionOptions options;
  options.port = redispp::test::closed_port();
  redispp::Redis r{options};
  const std::string endpoint = fmt::format("127.0.0.1:{}", options.port);
  CHECK_THROWS_AS(r.ping(), redispp::ConnectionError);
  CHECK_THROWS_WITH(r.ping(), Catch::Contains("connect to " + endpoint + " refused"));
  // Nothing was counted as in use by the failed attempts.
  CHECK(r.connection_pool()->stats().in_use == 0);
  CHECK(r.connection_pool()->stats().idle == 0);
}

TEST_CASE("a host name that does not resolve is its own error", "[connection]") {
  redispp::ConnectionOptions options;
  options.host = "no-such-host.invalid";  // .invalid never resolves (RFC 2606)
  redispp::Redis r{options};
  CHECK_THROWS_AS(r.ping(), redispp::ConnectionError);
  CHECK_THROWS_WITH(r.ping(), Catch::Contains("cannot resolve host 'no-such-host.invalid'"));
}

TEST_CASE("a connect that gets no answer: TimeoutError after socket_connect_timeout", "[connection][timeout]") {
  // A listening socket that never accepts, with its accept queue filled: Linux then drops
  // further SYNs, which is what a black-holed address looks like from the client.
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(::listen(listener, 0) == 0);
  socklen_t size = sizeof address;
  ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &size);
  std::vector<int> fillers;
  for (int i = 0; i < 4; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    fillers.push_back(fd);
  }
  std::this_thread::sleep_for(50ms);

  redispp::ConnectionOptions options;
  options.port = ntohs(address.sin_port);
  options.socket_connect_timeout = 300ms;
  options.retry = redispp::Retry::none();  // the time-out of one attempt is what is measured
  const auto timings = redispp::test::time_attempts(300ms + 30ms + 50ms, 3, [&] {  // the time-out + 10% + 50 ms
    CHECK_THROWS_AS(redispp::Redis{options}.ping(), redispp::TimeoutError);
  });
  INFO("fastest of " << timings.attempts << " attempts");
  CHECK(timings.fastest >= 300ms);
  CHECK(timings.fastest < 300ms + 30ms + 50ms);
  CHECK_THROWS_WITH(redispp::Redis{options}.ping(),
                    Catch::Contains(fmt::format("connect to 127.0.0.1:{} timed out after 300 ms (socket_connect_timeout)", options.port)));
  for (const int fd : fillers) ::close(fd);
  ::close(listener);
}

TEST_CASE("host names, IPv6 and Unix sockets all reach the server", "[connection]") {
  const auto server = redispp::test::server("plain");
  for (const std::string host : {"localhost", "::1", "127.0.0.1"}) {
    INFO(host);
    auto options = server.options(test_db);
    options.host = host;
    CHECK(redispp::Redis{options}.ping());
  }
  redispp::ConnectionOptions unix_options;
  unix_options.unix_socket_path = server.unix_socket;
  unix_options.db = test_db;
  redispp::Redis over_unix{unix_options};
  CHECK(over_unix.ping());
  unix_options.unix_socket_path = server.dir + "/no-such.sock";
  CHECK_THROWS_WITH(redispp::Redis{unix_options}.ping(), Catch::Contains("no such socket file"));
}

TEST_CASE("the handshake: db, client name and RESP3 in one round trip", "[connection]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  auto options = redispp::test::plain_options(config, test_db);
  options.client_name = "handshake-test";
  redispp::Connection connection{options};
  connection.connect();
  CHECK(connection.protocol() == config.protocol);
  const redispp::Reply name = connection.request("*2\r\n$6\r\nCLIENT\r\n$7\r\nGETNAME\r\n");
  CHECK(name.str() == "handshake-test");
  // HELLO 3 switched the connection to RESP3: a map comes back where RESP2 has an array.
  const redispp::Reply hello = connection.request("*2\r\n$5\r\nHELLO\r\n$1\r\n" + std::to_string(config.protocol) + "\r\n");
  CHECK(hello.type() == (config.protocol == 3 ? redispp::ReplyType::map : redispp::ReplyType::array));
  redispp::Redis r{options};
  r.select(test_db);
  r.set("handshake:db", "here");
  auto other_db = options;
  other_db.db = test_db + 20;
  CHECK(redispp::Redis{other_db}.get("handshake:db") == std::nullopt);
  CHECK(r.get("handshake:db") == "here");
  r.del("handshake:db");
}

TEST_CASE("a database the server does not have fails the connection", "[connection]") {
  auto options = redispp::test::server("plain").options(99);
  CHECK_THROWS_AS(redispp::Redis{options}.ping(), redispp::ConnectionError);
  CHECK_THROWS_WITH(redispp::Redis{options}.ping(), Catch::Contains("SELECT 99 failed") && Catch::Contains("out of range"));
}

TEST_CASE("passwords: wrong, missing, ACL users; never in a message", "[connection][auth]") {
  const auto server = redispp::test::server("auth");
  for (const int protocol : {2, 3}) {
    INFO("RESP" << protocol);
    auto options = server.options();
    options.protocol = protocol;
    CHECK(redispp::Redis{options}.ping());  // the right password

    auto wrong = options;
    wrong.password = "not-the-password-4711";
    try {
      redispp::Redis{wrong}.ping();
      FAIL("a wrong password connected");
    } catch (const redispp::AuthenticationError& e) {
      const std::string message = e.what();
      CHECK_THAT(message, Catch::Contains("authentication failed") && Catch::Contains(fmt::format("127.0.0.1:{}", server.port)));
      CHECK_THAT(message, !Catch::Contains("not-the-password-4711"));
    }

    auto missing = options;
    missing.password.clear();
    CHECK_THROWS_AS(redispp::Redis{missing}.ping(), redispp::AuthenticationError);
    CHECK_THROWS_WITH(redispp::Redis{missing}.ping(), Catch::Contains("requires a password and none was given"));

    auto app = options;
    app.username = "app";
    app.password = server.app_password;
    CHECK(redispp::Redis{app}.ping());
    app.password = "nope";
    CHECK_THROWS_AS(redispp::Redis{app}.ping(), redispp::AuthenticationError);
    CHECK_THROWS_WITH(redispp::Redis{app}.ping(), Catch::Contains("'app'") && !Catch::Contains("nope"));
  }
  // A password for a server that has none is a configuration error too.
  auto plain = redispp::test::server("plain").options(test_db);
  plain.password = "unneeded";
  CHECK_THROWS_AS(redispp::Redis{plain}.ping(), redispp::AuthenticationError);
}

TEST_CASE("a server at maxclients is reported as such, not as a generic failure", "[connection][maxclients]") {
  const auto server = redispp::test::server("limits");
  // One connection (a pool of one keeps it open) lowers the limit to itself.
  redispp::Redis admin{server.options(), redispp::PoolOptions{.max_connections = 1}};
  const auto previous = admin.config_get("maxclients").at("maxclients");
  REQUIRE(admin.config_set("maxclients", 1));
  try {
    redispp::Redis other{server.options()};
    CHECK_THROWS_AS(other.ping(), redispp::MaxClientsError);
    CHECK_THROWS_WITH(other.ping(), Catch::Contains("maxclients limit is reached") &&
                                        Catch::Contains(fmt::format("127.0.0.1:{}", server.port)));
    // Still a ConnectionError for code that catches broadly, as redis-py's.
    CHECK_THROWS_AS(other.ping(), redispp::ConnectionError);
  } catch (...) {
    admin.config_set("maxclients", previous);
    throw;
  }
  CHECK(admin.config_set("maxclients", previous));
  CHECK(redispp::Redis{server.options()}.ping());
}

TEST_CASE("a server that stops answering: TimeoutError within socket_timeout", "[connection][timeout]") {
  FakeServer server([](FakeServer::Session& s) {
    s.handshake();
    s.read_request();  // the PING, never answered
    s.read_request(2s);  // returns when the client gives up and closes, so the next session starts
  });
  auto options = fake_options(server);
  options.socket_timeout = 500ms;
  redispp::Redis r{options};
  const auto timings = redispp::test::time_attempts(500ms + 50ms + 50ms, 3, [&] {  // the time-out + 10% + 50 ms
    // Connect first, so that only the PING's wait is timed.
    redispp::Lease warm = r.connection_pool()->acquire();
    warm.release();
    const auto started = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(r.ping(), redispp::TimeoutError);
    return std::chrono::steady_clock::now() - started;
  });
  INFO("fastest of " << timings.attempts << " attempts");
  CHECK(timings.fastest >= 500ms);
  CHECK(timings.fastest < 500ms + 50ms + 50ms);
  // The timed-out connection was discarded, never handed to the next caller.
  CHECK(r.connection_pool()->stats().idle == 0);
  CHECK(r.connection_pool()->stats().in_use == 0);
}

TEST_CASE("TimeoutError names the peer and the limit", "[connection][timeout]") {
  FakeServer server([](FakeServer::Session& s) {  // reads the handshake, never answers it
    s.read_request();
    std::this_thread::sleep_for(500ms);
  });
  auto options = fake_options(server);
  options.socket_timeout = 150ms;
  CHECK_THROWS_WITH(redispp::Redis{options}.ping(),
                    Catch::Contains(fmt::format("read from 127.0.0.1:{} timed out after 150 ms", server.port())));
}

TEST_CASE("malformed and truncated replies: ProtocolError or ConnectionError, connection dropped", "[connection][fake]") {
  SECTION("bytes that are not RESP") {
    FakeServer server([](FakeServer::Session& s) {
      s.handshake();
      s.read_request();
      s.write("?garbage\r\n");
      s.read_request(1s);
    });
    redispp::Redis r{fake_options(server)};
    CHECK_THROWS_AS(r.ping(), redispp::ProtocolError);
    CHECK(r.connection_pool()->stats().idle == 0);
  }
  SECTION("a reply cut short by a closed socket") {
    FakeServer server([](FakeServer::Session& s) {
      s.handshake();
      s.read_request();
      s.write("$10\r\nabc");  // then the script ends and the socket closes
    });
    redispp::Redis r{fake_options(server)};
    CHECK_THROWS_AS(r.get("k"), redispp::ConnectionError);
    CHECK_THROWS_WITH(r.get("k"), Catch::Contains("closed by the server"));
    CHECK(r.connection_pool()->stats().idle == 0);
  }
  SECTION("after a bad reply the next call gets a fresh connection and its own reply") {
    std::atomic<int> session{0};
    FakeServer server([&session](FakeServer::Session& s) {
      s.handshake();
      s.read_request();
      if (session++ == 0)
        s.write("$3\r\nabcX\r\n");  // a bulk string with no CRLF where it must end
      else
        s.write("$3\r\nxyz\r\n");
      s.read_request(300ms);
    });
    redispp::Redis r{fake_options(server)};
    CHECK_THROWS_AS(r.get("k"), redispp::ProtocolError);
    CHECK(r.get("k") == "xyz");
    CHECK(server.connections() == 2);
  }
  SECTION("a MONITOR stream that turns to bytes that are not RESP names the server and closes") {
    FakeServer server([](FakeServer::Session& s) {
      s.handshake();
      if (s.read_command().empty()) return;  // MONITOR
      s.write("+OK\r\n?garbage\r\n");
      s.read_request(1s);
    });
    redispp::Monitor monitor(fake_options(server));
    CHECK_THROWS_WITH(monitor.next_command(1s),
                      Catch::Contains("expected") &&
                          Catch::Contains(fmt::format("in the MONITOR stream from 127.0.0.1:{}; the connection was closed",
                                                      server.port())));
    CHECK_THROWS_WITH(monitor.next_command(1s), Catch::Contains("is closed: make a new Monitor"));
  }
}

TEST_CASE("a reply that arrives in many small packets is read whole", "[connection][fake]") {
  const std::string payload(5000, 'x');
  FakeServer server([&payload](FakeServer::Session& s) {
    s.handshake();
    s.read_request();
    const std::string reply = "*2\r\n$" + std::to_string(payload.size()) + "\r\n" + payload + "\r\n:42\r\n";
    // Odd-sized pieces with pauses, so that every kind of boundary (inside a length, inside
    // the CRLF, inside the body) falls between two reads.
    for (std::size_t i = 0; i < reply.size(); i += 997) {
      s.write(std::string_view(reply).substr(i, 997));
      std::this_thread::sleep_for(1ms);
    }
    for (std::size_t i = 0; i < 7; ++i) s.write(std::string_view("$3\r\nend\r\n").substr(i, 1));
    s.read_request(1s);
  });
  redispp::Redis r{fake_options(server)};
  // run() sends exactly this command (execute_command would ask the fake server COMMAND INFO).
  const redispp::Reply reply = r.run(redispp::make_command<redispp::Reply>("WHATEVER"));
  REQUIRE(reply.elements().size() == 2);
  CHECK(reply.elements()[0].str() == payload);
  CHECK(reply.elements()[1].integer() == 42);
}

TEST_CASE("a connection the server closed while idle is replaced, not handed out", "[connection][stale]") {
  auto options = redispp::test::server("plain").options(test_db);
  options.retry = redispp::Retry::none();  // a dead connection handed out would fail the command
  redispp::Redis killer{options};

  SECTION("probed at every checkout, however recently it answered") {
    redispp::Redis r{options, redispp::PoolOptions{.max_connections = 1}};
    const long long first_id = r.client_id();
    CHECK(killer.execute_command("CLIENT", "KILL", "ID", first_id).integer() == 1);
    // The pooled connection is dead; the pool notices before handing it out and opens another.
    CHECK(r.set("stale", 1));
    CHECK(r.client_id() != first_id);
    CHECK(r.connection_pool()->stats().created == 2);
  }
  SECTION("both idle connections of a pool, killed together, are replaced before use") {
    redispp::Redis r{options, redispp::PoolOptions{.max_connections = 2}};
    redispp::Lease a = r.connection_pool()->acquire();
    redispp::Lease b = r.connection_pool()->acquire();
    const long long id_a = a->request("*2\r\n$6\r\nCLIENT\r\n$2\r\nID\r\n").integer();
    const long long id_b = b->request("*2\r\n$6\r\nCLIENT\r\n$2\r\nID\r\n").integer();
    a.release();
    b.release();
    CHECK(killer.execute_command("CLIENT", "KILL", "ID", id_a).integer() == 1);
    CHECK(killer.execute_command("CLIENT", "KILL", "ID", id_b).integer() == 1);
    CHECK(r.set("stale", 1));  // no retry configured: a dead connection handed out would fail it
    CHECK(r.set("stale", 2));
    CHECK(r.connection_pool()->stats().created == 3);
  }
  killer.del("stale");
}

TEST_CASE("health_check_interval PINGs a connection that sat idle", "[connection][health]") {
  const auto server = redispp::test::server("limits");  // its command stats are this file's alone
  auto options = server.options();
  options.health_check_interval = 50ms;
  redispp::Redis r{options, redispp::PoolOptions{.max_connections = 1}};
  r.execute_command("CONFIG", "RESETSTAT");
  auto pings = [&r] {
    const redispp::Info stats = r.info("commandstats");
    const redispp::InfoValue* ping = stats.find("cmdstat_ping");  // calls=3,usec=...
    return ping == nullptr ? 0LL : std::get<long long>(std::get<redispp::InfoFields>(*ping).at("calls"));
  };
  const long long before = pings();
  r.set("health", 1);  // not idle: no PING
  CHECK(pings() == before);
  std::this_thread::sleep_for(120ms);
  r.set("health", 2);  // idle for longer than the interval: PING first
  CHECK(pings() == before + 1);
  r.del("health");
}

TEST_CASE("a user name with CR/LF is sent as given but escaped in messages", "[connection][auth]") {
  for (const int protocol : {2, 3}) {
    INFO("protocol " << protocol);
    auto options = redispp::test::server("auth").options();
    options.protocol = protocol;
    options.username = "ghost\r\nFAKE LOG LINE";
    options.password = "wrong";
    redispp::Redis r{options, redispp::PoolOptions{.max_connections = 1}};
    try {
      r.ping();
      FAIL("a wrong user and password were accepted");
    } catch (const redispp::AuthenticationError& e) {
      CHECK(std::string_view(e.what()).find_first_of("\r\n") == std::string_view::npos);
      CHECK_THAT(e.what(), Catch::Contains("ghost\\r\\nFAKE LOG LINE"));
    }
  }
}
