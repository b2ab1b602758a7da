// Retries against servers that fail on purpose: a request that cannot have reached the server is
// sent again; one that may have reached it is repeated only when it is safe to; errors that a
// retry cannot fix are raised at once. Database 5 of "plain" (shared with pool_test: no keys).
#include "support/catch.hpp"

#include <atomic>
#include <chrono>
#include <thread>

#include <redispp/redispp.hpp>

#include "support/fake_server.hpp"
#include "support/test_servers.hpp"

using namespace std::chrono_literals;
using redispp::test::FakeServer;

namespace {
redispp::ConnectionOptions fake_options(const FakeServer& server, redispp::Retry retry) {
  redispp::ConnectionOptions options;
  options.port = server.port();
  options.socket_timeout = 1s;
  options.retry = std::move(retry);
  return options;
}
}  // namespace

TEST_CASE("a connection that dies before the request is written is retried", "[retry]") {
  // The first connection is closed during the handshake; the second one works.
  std::atomic<int> session{0};
  FakeServer server([&session](FakeServer::Session& s) {
    if (session++ == 0) return;  // close at once
    s.handshake();
    s.read_request();
    s.write(":7\r\n");
    s.read_request(500ms);
  });
  redispp::Redis r{fake_options(server, redispp::Retry{redispp::Backoff::constant(10ms), 2})};
  CHECK(r.incr("counter") == 7);  // not read-only, but nothing of it had been written
  CHECK(server.connections() == 2);
}

TEST_CASE("after the request was written only safe commands are repeated", "[retry]") {
  // Every connection reads the request, then drops without answering.
  std::atomic<int> requests{0};
  FakeServer server([&requests](FakeServer::Session& s) {
    s.handshake();
    if (!s.read_request().empty()) ++requests;
  });
  redispp::Redis r{fake_options(server, redispp::Retry{redispp::Backoff::none(), 2})};

  SECTION("INCR: sent once, and the error says why it was not retried") {
    CHECK_THROWS_AS(r.incr("counter"), redispp::ConnectionError);
    CHECK(requests == 1);
    CHECK_THROWS_WITH(r.incr("counter"), Catch::Contains("INCR not retried: it may have reached the server"));
  }
  SECTION("GET: read-only, so tried 1 + 2 times, and the error says so") {
    CHECK_THROWS_WITH(r.get("k"), Catch::Contains("gave up after 3 attempts"));
    CHECK(requests == 3);
  }
  SECTION("PING: not read-only, but repeating it changes nothing") {
    CHECK_THROWS_WITH(r.ping(), Catch::Contains("gave up after 3 attempts"));
    CHECK(requests == 3);
  }
  SECTION("GET given as text, on a server that does not answer COMMAND INFO: taken as a write") {
    CHECK_THROWS_WITH(r.execute_command("GET", "k"), Catch::Contains("GET not retried: it may have reached the server"));
    CHECK(requests == 2);  // COMMAND INFO GET (asked once, not retried), then GET
  }
}

TEST_CASE("Retry::safe_after_send opts a command in, but never EXEC or a blocking one", "[retry]") {
  std::atomic<int> requests{0};
  FakeServer server([&requests](FakeServer::Session& s) {
    s.handshake();
    if (!s.read_request().empty()) ++requests;
  });
  redispp::Retry retry{redispp::Backoff::none(), 1};
  retry.safe_after_send = {"INCR", "EXEC", "BLPOP"};
  redispp::Redis r{fake_options(server, retry)};
  SECTION("INCR, listed: repeated") {
    CHECK_THROWS_WITH(r.incr("counter"), Catch::Contains("gave up after 2 attempts"));
    CHECK(requests == 2);
  }
  SECTION("EXEC, listed, given as text: refused, never sent (transactions are Pipeline's)") {
    CHECK_THROWS_AS(r.execute_command("EXEC"), redispp::DataError);
    CHECK(requests == 0);
  }
  SECTION("BLPOP, listed: sent once") {
    CHECK_THROWS_WITH(r.blpop(std::string_view("q"), std::chrono::milliseconds{100}), Catch::Contains("BLPOP not retried"));
    CHECK(requests == 1);
  }
}

TEST_CASE("Retry::none() never retries", "[retry]") {
  std::atomic<int> session{0};
  FakeServer server([&session](FakeServer::Session& s) {
    if (session++ == 0) return;
    s.handshake();
    s.read_request();
    s.write("+PONG\r\n");
  });
  redispp::Redis r{fake_options(server, redispp::Retry::none())};
  CHECK_THROWS_AS(r.ping(), redispp::ConnectionError);
  CHECK(server.connections() == 1);
}

TEST_CASE("errors a retry cannot fix are raised at once", "[retry]") {
  const auto slow_retry = redispp::Retry{redispp::Backoff::constant(1s), 3};
  SECTION("wrong password") {
    auto options = redispp::test::server("auth").options();
    options.password = "wrong";
    options.retry = slow_retry;
    const auto started = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(redispp::Redis{options}.ping(), redispp::AuthenticationError);
    CHECK(std::chrono::steady_clock::now() - started < 900ms);
  }
  SECTION("pool exhausted") {
    auto options = redispp::test::server("plain").options(5);
    options.retry = slow_retry;
    auto pool = std::make_shared<redispp::ConnectionPool>(options, redispp::PoolOptions{.max_connections = 1, .timeout = 50ms});
    redispp::Lease held = pool->acquire();
    const auto started = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(redispp::Redis{pool}.ping(), redispp::MaxConnectionsError);
    CHECK(std::chrono::steady_clock::now() - started < 900ms);
  }
  SECTION("a server still loading is retried, and its class survives the retries") {
    std::atomic<int> connections{0};
    FakeServer server([&connections](FakeServer::Session& s) {
      ++connections;
      // As Redis does while it loads: every command of the handshake is answered LOADING.
      while (!s.read_command(1s).empty()) s.write("-LOADING Redis is loading the dataset in memory\r\n");
    });
    redispp::Retry retry{redispp::Backoff::constant(5ms), 2};
    try {
      redispp::Redis{fake_options(server, retry)}.ping();
      FAIL("no exception");
    } catch (const redispp::BusyLoadingError& e) {
      CHECK_THAT(e.what(), Catch::Contains("LOADING") && Catch::Contains("gave up after 3 attempts"));
    }
    CHECK(connections == 3);
  }
  SECTION("a refused connection is retried, then reported with the attempts") {
    redispp::ConnectionOptions options;
    options.port = redispp::test::closed_port();
    options.retry = redispp::Retry{redispp::Backoff::constant(5ms), 2};
    CHECK_THROWS_WITH(redispp::Redis{options}.ping(), Catch::Contains("refused") && Catch::Contains("gave up after 3 attempts"));
  }
}

TEST_CASE("a pipeline is retried whole only while nothing of it was written", "[retry][pipeline]") {
  std::atomic<int> session{0};
  FakeServer server([&session](FakeServer::Session& s) {
    if (session++ == 0) return;  // the first connection dies before the batch is written
    s.handshake();
    s.answer(2, ":1\r\n");
    s.read_request(500ms);
  });
  redispp::Redis r{fake_options(server, redispp::Retry{redispp::Backoff::none(), 1})};
  auto results = r.pipeline(false).incr("a").incr("b").execute();
  REQUIRE(results.size() == 2);
  CHECK(results.get<long long>(0) == 1);
  CHECK(results.get<long long>(1) == 1);
}

TEST_CASE("a pipeline is not sent again once written, even of read-only commands", "[retry][pipeline]") {
  std::atomic<int> requests{0};
  FakeServer server([&requests](FakeServer::Session& s) {
    s.handshake();
    if (!s.read_request().empty()) ++requests;  // then drop, unanswered
  });
  redispp::Redis r{fake_options(server, redispp::Retry{redispp::Backoff::none(), 2})};
  CHECK_THROWS_AS(r.pipeline(false).get("a").get("b").execute(), redispp::ConnectionError);
  CHECK(requests == 1);
}
