// Authentication as managed Redis needs it: a credential provider asked at every connect (so a
// rotated password needs no new pool), and ACL users whose refusals (NOPERM) are their own
// error class. Real servers: the fixture's "auth" server (requirepass + ACL user "app"), and a
// TLS server of the test's own with a user limited to some commands and keys.
#include "support/catch.hpp"

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>

#include <redispp/redispp.hpp>

#include "support/redis_process.hpp"
#include "support/test_servers.hpp"

using namespace std::chrono_literals;
using Catch::Matchers::Contains;

TEST_CASE("a credential provider is asked at every connect; a rotated password needs no new pool", "[auth]") {
  const auto server = redispp::test::server("auth");
  std::mutex mutex;
  std::string current_password = server.app_password;
  std::atomic<int> calls{0};
  redispp::ConnectionOptions options = server.options();
  options.password.clear();
  options.retry = redispp::Retry::none();
  options.credential_provider = [&] {
    ++calls;
    std::lock_guard lock(mutex);
    return redispp::Credentials{"app", current_password};
  };
  auto pool = std::make_shared<redispp::ConnectionPool>(options, redispp::PoolOptions{.max_connections = 1});
  redispp::Redis r{pool};
  CHECK(r.execute_command("ACL", "WHOAMI").str() == "app");
  CHECK(calls == 1);
  CHECK(r.ping());
  CHECK(calls == 1);  // the pooled connection is reused: no new connect, no new call

  // The password "rotates" (here: the provider hands out a wrong one): the next connect uses it.
  {
    std::lock_guard lock(mutex);
    current_password = "not-the-password";
  }
  pool->disconnect();
  CHECK_THROWS_AS(r.ping(), redispp::AuthenticationError);
  CHECK_THROWS_WITH(r.ping(), !Contains("not-the-password") && Contains("'app'"));
  {
    std::lock_guard lock(mutex);
    current_password = server.app_password;
  }
  CHECK(r.ping());  // same pool, same client
  CHECK(calls == 4);
}

TEST_CASE("a credential provider that throws fails the connect as an AuthenticationError", "[auth]") {
  redispp::ConnectionOptions options = redispp::test::server("auth").options();
  options.retry = redispp::Retry::none();
  options.credential_provider = []() -> redispp::Credentials { throw std::runtime_error("vault unreachable"); };
  redispp::Redis r{options};
  CHECK_THROWS_AS(r.ping(), redispp::AuthenticationError);
  CHECK_THROWS_WITH(r.ping(), Contains("credential provider failed: vault unreachable") &&
                                  Contains(std::to_string(redispp::test::server("auth").port)));
}

TEST_CASE("an ACL user limited to some commands and keys gets NoPermissionError, over TLS", "[auth][tls]") {
  const auto fixture = redispp::test::server("tls");
  redispp::ConnectionOptions probe = fixture.tls_options();
  probe.username = "reader";
  probe.password = "reader-secret";
  // GET/SET on "allowed:*" only, plus what a connection needs (HELLO, AUTH, PING, ECHO); the
  // handshake's CLIENT SETINFO is refused, which the handshake accepts.
  redispp::test::RedisProcess limited(
      {"--port", "0", "--tls-port", "{port}", "--tls-cert-file", fixture.tls_file("server.crt"), "--tls-key-file",
       fixture.tls_file("server.key"), "--tls-ca-cert-file", fixture.tls_file("ca.crt"), "--tls-auth-clients", "no",
       "--user", "reader", "on", ">reader-secret", "~allowed:*", "resetchannels", "-@all", "+get", "+set", "+ping",
       "+echo", "+hello", "+auth"},
      probe);
  for (const int protocol : {2, 3}) {
    INFO("RESP" << protocol);
    redispp::ConnectionOptions options = limited.options();
    options.protocol = protocol;
    redispp::Redis r{options};
    CHECK(r.set("allowed:k", "v"));
    CHECK(r.get("allowed:k") == "v");
    // A key outside its pattern, and a command outside its list: both NOPERM, both named.
    CHECK_THROWS_AS(r.get("secret:k"), redispp::NoPermissionError);
    CHECK_THROWS_WITH(r.get("secret:k"), Contains("NOPERM") && Contains("GET on 127.0.0.1:"));
    CHECK_THROWS_AS(r.del("allowed:k"), redispp::NoPermissionError);
    try {
      r.incr("allowed:n");
      FAIL("INCR was allowed");
    } catch (const redispp::NoPermissionError& e) {
      CHECK(e.code() == "NOPERM");
    }
    // In a pipeline, the refusal is that command's result; the others run.
    auto results = r.pipeline(false).set("allowed:p", "1").del("allowed:p").get("allowed:p").execute(false);
    REQUIRE(results.size() == 3);
    CHECK(results.is_error(1));
    CHECK(results.get<std::optional<std::string>>(2) == "1");
  }
}
