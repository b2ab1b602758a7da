// A pooled connection always goes back clean: no caller ever gets another command's reply.
//   - bytes that arrive after a reply (a server's or proxy's extra reply, a message) are never
//     read as the next command's reply: the pool probes every checkout, send() refuses a
//     connection holding unread bytes;
//   - a command that changes the connection's state (SELECT, MULTI, SUBSCRIBE, RESET ... by
//     hand) gets its connection closed, not handed on;
//   - RESP3 pushes nobody asked for are dropped and counted, never piled up.
// Real server: database 24 of "plain", and the "auth" server; a FakeServer where a real server
// cannot misbehave on demand (extra replies).
#include "support/catch.hpp"

#include <atomic>
#include <chrono>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <redispp/redispp.hpp>
#include <redispp/transport/handshake.hpp>

#include "support/client_matrix.hpp"
#include "support/fake_server.hpp"
#include "support/redis_process.hpp"
#include "support/test_servers.hpp"

using namespace std::chrono_literals;
using redispp::test::FakeServer;

namespace {
constexpr int test_db = 24;

redispp::ConnectionOptions fake_options(const FakeServer& server, const redispp::test::ClientConfig& config) {
  redispp::ConnectionOptions options;
  options.port = server.port();
  options.parser = config.parser;
  options.protocol = config.protocol;
  options.socket_timeout = 2s;
  options.retry = redispp::Retry::none();
  return options;
}

// Answers a client the way Redis would for HELLO, CLIENT SETINFO, ECHO and PING, and calls
// `after_answer(session, reply_sent)` after each answer to a command that is not part of the
// handshake.
template <class AfterAnswer>
void serve_echo(FakeServer::Session& s, AfterAnswer&& after_answer) {
  for (;;) {
    const std::vector<std::string> command = s.read_command(10s);
    if (command.empty()) return;
    std::string reply;
    if (command[0] == "HELLO")
      reply = "%1\r\n+proto\r\n:3\r\n";
    else if (command[0] == "ECHO" && command.size() == 2)
      reply = FakeServer::Session::bulk(command[1]);
    else if (command[0] == "PING")
      reply = "+PONG\r\n";
    else
      reply = "+OK\r\n";
    const bool handshake = command[0] == "HELLO" || command[0] == "CLIENT" ||
                           (command[0] == "ECHO" && command[1] == redispp::Handshake::marker);
    if (handshake)
      s.write(reply);
    else
      after_answer(s, reply);
  }
}

long long created(redispp::Redis& r) { return static_cast<long long>(r.connection_pool()->stats().created); }
}  // namespace

TEST_CASE("an extra reply that arrives after an answer is never read as the next command's", "[clean][fake]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);

  SECTION("in the same write as the answer") {
    FakeServer server([](FakeServer::Session& s) {
      serve_echo(s, [](FakeServer::Session& session, const std::string& reply) { session.write(reply + "$5\r\nextra\r\n"); });
    });
    redispp::Redis r{fake_options(server, config), redispp::PoolOptions{.max_connections = 1}};
    for (int i = 0; i < 5; ++i) CHECK(r.echo(std::to_string(i)) == std::to_string(i));
    CHECK(server.connections() == 5);  // each connection was dropped for its extra reply
  }
  SECTION("a moment later, on the idle connection") {
    std::atomic<int> extras{0};
    FakeServer server([&extras](FakeServer::Session& s) {
      serve_echo(s, [&extras](FakeServer::Session& session, const std::string& reply) {
        session.write(reply);
        std::this_thread::sleep_for(20ms);
        session.write("$5\r\nextra\r\n");  // on loopback it is in the client's socket when write() returns
        ++extras;
      });
    });
    redispp::Redis r{fake_options(server, config), redispp::PoolOptions{.max_connections = 1}};
    for (int i = 0; i < 3; ++i) {
      CHECK(r.echo(std::to_string(i)) == std::to_string(i));
      // Wait for the extra reply (the connection answered a few ms ago: the old pool trusted
      // it without looking for 100 ms).
      while (extras < i + 1) std::this_thread::sleep_for(1ms);
    }
    CHECK(server.connections() == 3);
  }
}

TEST_CASE("a connection holding unread bytes refuses to send, with nothing written", "[clean][fake]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  FakeServer server([](FakeServer::Session& s) {
    serve_echo(s, [](FakeServer::Session& session, const std::string& reply) { session.write(reply + "+extra\r\n"); });
  });
  redispp::Connection connection{fake_options(server, config)};
  CHECK(connection.request("*2\r\n$4\r\nECHO\r\n$1\r\na\r\n").str() == "a");
  REQUIRE(connection.holds_unread_bytes());
  CHECK_THROWS_MATCHES(connection.send("*2\r\n$4\r\nECHO\r\n$1\r\nb\r\n"), redispp::ConnectionError,
                       Catch::Matchers::Predicate<redispp::ConnectionError>([](const redispp::ConnectionError& e) {
                         return std::string_view(e.what()).find("out of step") != std::string_view::npos;
                       }));
  CHECK_FALSE(connection.request_written());
  CHECK_FALSE(connection.is_connected());
}

TEST_CASE("RESP3 push frames right behind a reply are the server's messages, not replies out of step", "[clean][fake][push]") {
  FakeServer server([](FakeServer::Session& s) {
    serve_echo(s, [](FakeServer::Session& session, const std::string& reply) {
      session.write(reply + ">2\r\n$10\r\ninvalidate\r\n*1\r\n$1\r\nk\r\n");
    });
  });
  redispp::Connection connection{fake_options(server, {redispp::ParserKind::builtin, 3})};
  std::vector<std::string> invalidated;
  connection.set_push_handler([&invalidated](redispp::Reply&& push) { invalidated.emplace_back(push.elements().at(1).elements().at(0).str()); });
  CHECK(connection.request("*2\r\n$4\r\nECHO\r\n$1\r\na\r\n").str() == "a");
  CHECK(connection.request("*2\r\n$4\r\nECHO\r\n$1\r\nb\r\n").str() == "b");
  CHECK(invalidated == std::vector<std::string>{"k"});  // the second is still unread
  CHECK(connection.is_connected());
  CHECK(server.connections() == 1);
}

TEST_CASE("unsolicited replies injected at random under 8 threads: no caller gets another's reply", "[clean][fake][threads]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  std::atomic<int> injected{0};
  FakeServer server(
      [&injected](FakeServer::Session& s) {
        std::mt19937 random{std::random_device{}()};
        serve_echo(s, [&](FakeServer::Session& session, const std::string& reply) {
          // One answer in five brings an extra reply with it: a bulk string like a real answer.
          if (random() % 5 == 0) {
            ++injected;
            session.write(reply + FakeServer::Session::bulk("injected"));
          } else {
            session.write(reply);
          }
        });
      },
      /*concurrent=*/true);
  auto options = fake_options(server, config);
  options.retry = redispp::Retry{redispp::Backoff::none(), 3};
  redispp::Redis r{options, redispp::PoolOptions{.max_connections = 8, .timeout = 5s}};

  std::atomic<int> ok{0}, crossed{0}, errors{0};
  std::vector<std::thread> threads;
  const auto until = std::chrono::steady_clock::now() + 2s;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; std::chrono::steady_clock::now() < until; ++i) {
        const std::string value = std::to_string(t) + ":" + std::to_string(i);
        try {
          if (r.echo(value) == value)
            ++ok;
          else
            ++crossed;
        } catch (const redispp::Error&) {
          ++errors;
        }
      }
    });
  for (auto& thread : threads) thread.join();
  INFO("ok " << ok << ", injected " << injected << ", errors " << errors);
  CHECK(crossed == 0);
  CHECK(errors == 0);  // a dirty connection is dropped at checkout, before anything is sent
  CHECK(injected > 50);
  CHECK(ok > 200);
}

TEST_CASE("SUBSCRIBE by hand is refused: the next command gets its own reply", "[clean]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  auto options = redispp::test::plain_options(config, test_db);
  redispp::Redis r{options, redispp::PoolOptions{.max_connections = 1}};
  redispp::Redis publisher{options};
  r.del("L");
  r.rpush("L", "a", "b");
  CHECK_THROWS_WITH(r.execute_command("SUBSCRIBE", "clean-chan"), Catch::Contains("PubSub"));
  CHECK(publisher.publish("clean-chan", "hello") == 0);  // nobody subscribed
  CHECK(r.lrange("L", 0, -1) == std::vector<std::string>{"a", "b"});
  r.del("L");
}

TEST_CASE("a command that changes connection state never reaches the next caller's connection", "[clean][state]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  auto options = redispp::test::plain_options(config, test_db);
  options.client_name = "pooled";
  options.retry = redispp::Retry::none();  // a broken connection handed out would fail loudly
  redispp::Redis r{options, redispp::PoolOptions{.max_connections = 1}};
  r.set("k", "v");
  const long long before = created(r);
  // The next caller sees the options' state, on a fresh connection.
  const auto check_clean = [&] {
    CHECK(r.get("k") == "v");
    CHECK(r.client_getname() == "pooled");
    CHECK(created(r) == before + 1);
  };

  SECTION("MULTI, SUBSCRIBE, MONITOR by hand are refused (commands/generic.hpp), nothing sent") {
    CHECK_THROWS_AS(r.execute_command("MULTI"), redispp::DataError);
    CHECK_THROWS_AS(r.pipeline(false).execute_command("MULTI"), redispp::DataError);
    CHECK_THROWS_AS(r.execute_command("SUBSCRIBE", "c1"), redispp::DataError);
    CHECK_THROWS_AS(r.execute_command("PSUBSCRIBE", "c*"), redispp::DataError);
    CHECK_THROWS_AS(r.execute_command("SSUBSCRIBE", "c2"), redispp::DataError);
    CHECK_THROWS_AS(r.execute_command("MONITOR"), redispp::DataError);
    CHECK(r.get("k") == "v");
    CHECK(created(r) == before);
  }
  SECTION("SELECT, by hand and typed") {
    r.execute_command("SELECT", test_db + 1);
    check_clean();
    r.select(test_db + 2);
    CHECK(r.get("k") == "v");
    CHECK(created(r) == before + 2);
  }
  SECTION("SELECT inside a pipeline applies to the rest of that pipeline only") {
    auto res = r.pipeline(false).select(test_db + 1).get("k").execute();
    CHECK_FALSE(res.get<std::optional<std::string>>(1).has_value());  // db test_db + 1 has no k
    check_clean();
  }
  SECTION("CLIENT SETNAME, by hand and typed") {
    r.execute_command("CLIENT", "SETNAME", "other");
    check_clean();
    r.client_setname("other");
    CHECK(r.client_getname() == "pooled");
  }
  SECTION("HELLO by hand") {
    if (config.parser == redispp::ParserKind::hiredis && config.protocol == 2 && !redispp::test::hiredis_reads_resp3()) {
      // hiredis 0.14 cannot read the map HELLO 3 answers: the connection fails and is closed.
      CHECK_THROWS_AS(r.execute_command("HELLO", 3), redispp::ProtocolError);
    } else {
      r.execute_command("HELLO", config.protocol == 2 ? 3 : 2);
    }
    check_clean();
    CHECK(r.execute_command("HELLO").type() == (config.protocol == 3 ? redispp::ReplyType::map : redispp::ReplyType::array));
  }
  SECTION("CLIENT TRACKING by hand and typed") {
    r.execute_command("CLIENT", "TRACKING", "ON");
    check_clean();
    r.client_tracking(true);
    CHECK(r.client_trackinginfo().flags == std::vector<std::string>{"off"});
  }
  SECTION("CLIENT NO-EVICT") {
    r.client_no_evict(true);
    check_clean();
  }
  SECTION("WATCH by hand is refused: it belongs to a Pipeline") {
    CHECK_THROWS_AS(r.execute_command("WATCH", "k"), redispp::DataError);
    CHECK(created(r) == before);
  }
  SECTION("RESET by hand and typed") {
    r.execute_command("RESET");
    check_clean();
    CHECK(r.reset());
    CHECK(r.get("k") == "v");
  }
  SECTION("QUIT") {
    r.quit();
    check_clean();
  }
  SECTION("CLIENT REPLY OFF and SKIP are refused before anything is sent") {
    CHECK_THROWS_AS(r.execute_command("CLIENT", "REPLY", "OFF"), redispp::DataError);
    CHECK_THROWS_AS(r.execute_command("client", "reply", "skip"), redispp::DataError);
    CHECK_THROWS_AS(r.pipeline(false).execute_command("CLIENT", "REPLY", "SKIP"), redispp::DataError);
    CHECK(r.execute_command("CLIENT", "REPLY", "ON").str() == "OK");
    CHECK(r.get("k") == "v");
    CHECK(created(r) == before);  // nothing changed: the same connection
  }
  SECTION("commands that change nothing keep their connection") {
    r.execute_command("GET", "k");
    r.echo("x");
    auto p = r.pipeline();
    p.set("k", "v").get("k");
    p.execute();
    CHECK(created(r) == before);
  }
  r.del("k");
}

TEST_CASE("RESET and AUTH by hand on a password-protected server: the next call is authenticated again", "[clean][auth]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  const auto server = redispp::test::server("auth");
  auto options = server.options();
  options.parser = config.parser;
  options.protocol = config.protocol;
  options.retry = redispp::Retry::none();
  redispp::Redis r{options, redispp::PoolOptions{.max_connections = 1}};
  CHECK(r.execute_command("RESET").str() == "RESET");
  CHECK(r.ping());  // was: AuthenticationError "none was given", on every call, forever
  CHECK(r.execute_command("ACL", "WHOAMI").str() == "default");
  if (!server.app_password.empty()) {
    r.auth("app", server.app_password);
    CHECK(r.execute_command("ACL", "WHOAMI").str() == "default");
  }
  CHECK(r.connection_pool()->stats().created == (server.app_password.empty() ? 2 : 3));
}

TEST_CASE("RESP3 pushes nobody asked for are dropped and counted, never kept", "[clean][push]") {
  // A server of this test's own: tracking is by key name across databases, and the shared
  // server's FLUSHDBs from other tests would send invalidations of their own.
  redispp::test::RedisProcess server;
  auto options = server.options();
  options.protocol = 3;
  redispp::Connection tracked{options};
  redispp::Redis writer{options};
  writer.set("tracked", "first");
  tracked.connect();
  REQUIRE(tracked.request("*3\r\n$6\r\nCLIENT\r\n$8\r\nTRACKING\r\n$2\r\nON\r\n").str() == "OK");
  const std::string get = "*2\r\n$3\r\nGET\r\n$7\r\ntracked\r\n";
  constexpr int rounds = 2000;
  for (int i = 0; i < rounds; ++i) {
    tracked.request(get);            // now tracked: the next write sends an invalidation
    writer.set("tracked", i);
  }
  tracked.request(get);  // reads past the last invalidation
  CHECK(tracked.dropped_pushes() == rounds);
  CHECK(tracked.buffer_memory() <= 64 * 1024);

  SECTION("a push handler gets them instead") {
    std::vector<redispp::Reply> seen;
    tracked.set_push_handler([&seen](redispp::Reply&& push) { seen.push_back(std::move(push)); });
    writer.set("tracked", "x");
    tracked.request(get);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].elements().at(0).str() == "invalidate");
    CHECK(tracked.dropped_pushes() == rounds);
  }
  writer.del("tracked");
}

TEST_CASE("a server that sends an extra reply at connect fails the handshake, never the first command", "[clean][fake]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  FakeServer server([](FakeServer::Session& s) {
    s.write("+OK\r\n");  // a greeting no command asked for
    serve_echo(s, [](FakeServer::Session& session, const std::string& reply) { session.write(reply); });
  });
  redispp::Redis r{fake_options(server, config), redispp::PoolOptions{.max_connections = 1}};
  // Was: the first ECHO returned "OK" (CLIENT SETINFO's reply), and every later one the reply
  // before it.
  CHECK_THROWS_MATCHES(r.echo("first"), redispp::ProtocolError,
                       Catch::Matchers::Predicate<redispp::ProtocolError>([](const redispp::ProtocolError& e) {
                         return std::string_view(e.what()).find("handshake out of step") != std::string_view::npos;
                       }));
  CHECK(r.connection_pool()->stats().idle == 0);
}
