// What a host plugs into every new connection: where it goes (address_provider), whose
// credentials it sends without blocking a thread (async_credential_provider), and commands of
// its own in the handshake (handshake_steps). Real servers: "plain" (database 37), "admin" and
// "auth".
#include "support/catch.hpp"

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include <redispp/redispp.hpp>

#include "support/test_servers.hpp"

using namespace std::chrono_literals;

namespace {
constexpr int test_db = 37;
}  // namespace

TEST_CASE("address_provider: every new connection asks where to go", "[providers]") {
  const auto plain = redispp::test::server("plain");
  const auto admin = redispp::test::server("admin");
  std::atomic<int> asked{0};
  std::atomic<int> which{0};  // 0: plain, 1: admin
  redispp::ConnectionOptions options;
  options.host = "127.0.0.1";
  options.port = redispp::test::closed_port();  // never used: the provider answers
  options.db = test_db;
  options.address_provider = [&] {
    ++asked;
    const auto& target = which == 0 ? plain : admin;
    return redispp::ServerAddress{target.host, target.port};
  };
  redispp::Redis r{options, redispp::PoolOptions{.max_connections = 1}};
  const auto port_of = [&] { return std::string(r.execute_command("CONFIG", "GET", "port").elements().at(1).str()); };
  CHECK(port_of() == std::to_string(plain.port));
  CHECK(asked == 1);
  // The primary moved (what Sentinel reports): the next new connection follows.
  which = 1;
  redispp::Redis{plain.options()}.client_kill({.id = r.client_id()});  // drops r's connection
  CHECK(port_of() == std::to_string(admin.port));
  CHECK(asked == 2);

  redispp::ConnectionOptions failing = options;
  failing.retry = redispp::Retry::none();
  failing.address_provider = []() -> redispp::ServerAddress { throw std::runtime_error("no primary for 'mymaster'"); };
  CHECK_THROWS_WITH(redispp::Redis{failing}.ping(),
                    Catch::Contains("address provider failed") && Catch::Contains("no primary for 'mymaster'"));
  failing.address_provider = [] { return redispp::ServerAddress{"127.0.0.1", 0}; };
  CHECK_THROWS_AS(redispp::Redis{failing}.ping(), redispp::DataError);
}

TEST_CASE("async_credential_provider: answered from another thread, failures and silence named", "[providers]") {
  const auto auth = redispp::test::server("auth");
  redispp::ConnectionOptions options = auth.options();
  options.password.clear();
  options.retry = redispp::Retry::none();
  SECTION("answered later, from another thread") {
    options.async_credential_provider = [password = auth.password](redispp::CredentialsCallback done) {
      std::thread([done, password] {
        std::this_thread::sleep_for(20ms);
        done(nullptr, redispp::Credentials{"", password});
      }).detach();
    };
    CHECK(redispp::Redis{options}.ping());
  }
  SECTION("a failure is an AuthenticationError carrying its words") {
    options.async_credential_provider = [](redispp::CredentialsCallback done) {
      done(std::make_exception_ptr(std::runtime_error("vault sealed")), {});
    };
    CHECK_THROWS_WITH(redispp::Redis{options}.ping(), Catch::Contains("vault sealed"));
    CHECK_THROWS_AS(redispp::Redis{options}.ping(), redispp::AuthenticationError);
  }
  SECTION("no answer: a TimeoutError after socket_connect_timeout") {
    options.socket_connect_timeout = 200ms;
    options.async_credential_provider = [](redispp::CredentialsCallback) {};
    const auto started = std::chrono::steady_clock::now();
    CHECK_THROWS_WITH(redispp::Redis{options}.ping(), Catch::Contains("did not answer within 200 ms"));
    CHECK(std::chrono::steady_clock::now() - started < 2s);
  }
}

TEST_CASE("handshake_steps: a host's own commands, judged by its own judge", "[providers]") {
  redispp::ConnectionOptions options = redispp::test::server("plain").options(test_db);
  options.retry = redispp::Retry::none();
  std::string wire;
  redispp::encode_command(wire, "CLIENT", "SETNAME", "with-extra-step");
  SECTION("accepted: the step ran on the connection") {
    options.handshake_steps.push_back({"CLIENT SETNAME", wire, {}});
    redispp::Redis r{options};
    CHECK(r.client_getname() == "with-extra-step");
  }
  SECTION("the judge refuses: the connect fails with its exception") {
    std::string role;
    redispp::encode_command(role, "ROLE");
    options.handshake_steps.push_back({"ROLE", role, [](const redispp::Reply& reply) {
                                         if (reply.elements().at(0).str() != "slave")
                                           throw redispp::ReadOnlyError("ROLE", "ROLE: not a replica", "");
                                       }});
    CHECK_THROWS_WITH(redispp::Redis{options}.ping(), "ROLE: not a replica");
  }
  SECTION("an error reply without a judge refuses the connection, naming the step") {
    std::string bad;
    redispp::encode_command(bad, "NO-SUCH-COMMAND");
    options.handshake_steps.push_back({"NO-SUCH-COMMAND", bad, {}});
    CHECK_THROWS_WITH(redispp::Redis{options}.ping(), Catch::Contains("NO-SUCH-COMMAND (connecting)"));
  }
}
