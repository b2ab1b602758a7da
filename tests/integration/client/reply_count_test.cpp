// Commands that do not get exactly one reply, on every host that runs commands: each is either
// counted (every reply read, the caller given them as one) or refused with DataError before a
// byte is sent. Either way the next command on the same connection gets its own reply.
// Database 36 of "plain"; every client has one connection, so a crossed reply would show.
#include "support/catch.hpp"

#include <optional>
#include <string>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"
#include "support/fake_server.hpp"

using redispp::test::FakeServer;

namespace {
constexpr int test_db = 36;

redispp::Redis one_connection_client(const redispp::test::ClientConfig& config) {
  redispp::Redis r{redispp::test::plain_options(config, test_db), redispp::PoolOptions{.max_connections = 1}};
  r.flushdb();
  r.set("k", "v");
  return r;
}

long long created(redispp::Redis& r) { return static_cast<long long>(r.connection_pool()->stats().created); }

// What one acknowledgement of `kind` for `name` (nil for none) says, whatever the protocol.
void check_ack(const redispp::Reply& ack, std::string_view kind, std::optional<std::string_view> name) {
  REQUIRE(ack.elements().size() == 3);
  CHECK(ack.elements()[0].str() == kind);
  if (name)
    CHECK(ack.elements()[1].str() == *name);
  else
    CHECK(ack.elements()[1].is_nil());
  CHECK(ack.elements()[2].integer() == 0);
}
}  // namespace

TEST_CASE("the crossed reply: unsubscribe of two names in a pipeline, then SET and GET", "[reply_count]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = one_connection_client(config);
  auto p = r.pipeline(false);
  p.unsubscribe("a", "b");
  p.set("k2", "v2");
  p.get("k");
  const auto res = p.execute();
  REQUIRE(res.size() == 3);
  const redispp::Reply acks = res.get<redispp::Reply>(0);
  REQUIRE(acks.elements().size() == 2);
  check_ack(acks.elements()[0], "unsubscribe", "a");
  check_ack(acks.elements()[1], "unsubscribe", "b");
  CHECK(res.get<bool>(1));
  CHECK(res.get<std::optional<std::string>>(2) == "v");
  CHECK(r.get("k2") == "v2");
}

TEST_CASE("(P|S)UNSUBSCRIBE is counted on Redis, a pipeline and a watching pipeline", "[reply_count]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = one_connection_client(config);
  const long long before = created(r);

  SECTION("Redis, typed: none, one, two names") {
    check_ack(r.unsubscribe(), "unsubscribe", std::nullopt);
    check_ack(r.punsubscribe("p*"), "punsubscribe", "p*");
    const redispp::Reply two = r.sunsubscribe("s1", "s2");
    REQUIRE(two.elements().size() == 2);
    check_ack(two.elements()[1], "sunsubscribe", "s2");
    const redispp::Reply listed = r.unsubscribe({"x", "y", "z"});
    REQUIRE(listed.elements().size() == 3);
    check_ack(listed.elements()[2], "unsubscribe", "z");
  }
  SECTION("Redis, execute_command, any case") {
    const redispp::Reply two = r.execute_command("unsubscribe", "a", "b");
    REQUIRE(two.elements().size() == 2);
    check_ack(two.elements()[0], "unsubscribe", "a");
    check_ack(r.execute_command("PUNSUBSCRIBE"), "punsubscribe", std::nullopt);
  }
  SECTION("a pipeline without a transaction, typed and as text, between other commands") {
    auto p = r.pipeline(false);
    p.get("k").execute_command("SUNSUBSCRIBE", "a", "b", "c").incr("n").punsubscribe().get("k");
    const auto res = p.execute();
    REQUIRE(res.size() == 5);
    CHECK(res.get<std::optional<std::string>>(0) == "v");
    CHECK(res.get<redispp::Reply>(1).elements().size() == 3);
    CHECK(res.get<long long>(2) == 1);
    check_ack(res.get<redispp::Reply>(3), "punsubscribe", std::nullopt);
    CHECK(res.get<std::optional<std::string>>(4) == "v");
  }
  SECTION("a watching pipeline's immediate commands") {
    auto p = r.pipeline();
    p.watch("k");
    CHECK(p.immediate().unsubscribe("a", "b").elements().size() == 2);
    CHECK(p.immediate().get("k") == "v");
    p.set("k", "w");
    CHECK(p.execute().get<bool>(0));
  }
  CHECK(r.get("k") != std::nullopt);
  CHECK(r.incr("after") == 1);
  CHECK(created(r) == before);  // the same connection throughout: nothing needed closing
}

TEST_CASE("a transaction refuses a command of several replies before queueing it", "[reply_count]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = one_connection_client(config);
  auto tx = r.pipeline();
  tx.set("k", "changed");
  // EXEC's reply counts one per command: the server would send two acknowledgements in it.
  CHECK_THROWS_AS(tx.unsubscribe("a", "b"), redispp::DataError);
  CHECK_THROWS_WITH(tx.execute_command("UNSUBSCRIBE", "a", "b"), Catch::Contains("a transaction cannot hold"));
  CHECK(tx.size() == 1);
  tx.unsubscribe("only-one");  // one name: one reply, which EXEC holds
  const auto res = tx.execute();
  CHECK(res.get<bool>(0));
  check_ack(res.get<redispp::Reply>(1), "unsubscribe", "only-one");

  auto p = r.pipeline(false);
  p.unsubscribe("a", "b");
  CHECK_THROWS_WITH(p.multi(), Catch::Contains("UNSUBSCRIBE"));
  CHECK(p.execute().size() == 1);
  CHECK(r.get("k") == "changed");
}

TEST_CASE("commands that belong to another object are refused on every host, nothing sent", "[reply_count]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = one_connection_client(config);
  const long long before = created(r);
  const std::vector<std::pair<std::vector<std::string>, std::string>> refused{
      {{"SUBSCRIBE", "c"}, "PubSub"},        {{"psubscribe", "c*"}, "PubSub"},
      {{"SSUBSCRIBE", "c"}, "PubSub"},       {{"MONITOR"}, "Monitor"},
      {{"MULTI"}, "Pipeline"},               {{"EXEC"}, "Pipeline"},
      {{"DISCARD"}, "Pipeline"},             {{"WATCH", "k"}, "Pipeline"},
      {{"SYNC"}, "replica"},                 {{"PSYNC", "?", "-1"}, "replica"},
      {{"CLIENT", "REPLY", "OFF"}, "REPLY"}, {{"client", "reply", "skip"}, "REPLY"},
      {{"SCRIPT", "DEBUG", "YES"}, "Lua"},   {{"script", "debug", "sync"}, "Lua"},
  };
  for (const auto& entry : refused) {
    // Not a structured binding: clang 14 cannot capture one in the lambda below.
    const std::vector<std::string>& args = entry.first;
    const std::string& names = entry.second;
    INFO(args.front());
    const auto run_on = [&](auto&& host) {
      switch (args.size()) {
        case 1: (void)host.execute_command(args[0]); break;
        case 2: (void)host.execute_command(args[0], args[1]); break;
        default: (void)host.execute_command(args[0], args[1], args[2]); break;
      }
    };
    CHECK_THROWS_WITH(run_on(r), Catch::Contains(names) && Catch::Contains("nothing was sent"));
    auto plain = r.pipeline(false);
    CHECK_THROWS_AS(run_on(plain), redispp::DataError);
    auto tx = r.pipeline();
    CHECK_THROWS_AS(run_on(tx), redispp::DataError);
    auto typed = r.typed_pipeline(false);
    CHECK_THROWS_AS(run_on(typed), redispp::DataError);
  }
  CHECK_THROWS_AS(r.script_debug(redispp::ScriptDebugMode::yes), redispp::DataError);
  CHECK_THROWS_AS(r.script_debug(redispp::ScriptDebugMode::sync), redispp::DataError);
  CHECK(r.script_debug(redispp::ScriptDebugMode::no));
  // Nothing reached the server: the connection is the one made at the start, and it answers.
  CHECK(r.get("k") == "v");
  CHECK(r.execute_command("CLIENT", "REPLY", "ON").str() == "OK");
  CHECK(created(r) == before);
}

TEST_CASE("one-reply commands that change the connection keep the next reply in step", "[reply_count]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = one_connection_client(config);
  SECTION("RESET, HELLO and QUIT in a pipeline without a transaction") {
    // RESET and HELLO answer once; the pool closes the connection afterwards (changes_state).
    auto p = r.pipeline(false);
    p.execute_command("RESET").get("k").execute_command("HELLO").get("k");
    const auto res = p.execute();
    CHECK(res.get<redispp::Reply>(0).str() == "RESET");
    CHECK_FALSE(res.get<std::optional<std::string>>(1).has_value());  // RESET went back to database 0
    CHECK(res.get<redispp::Reply>(2).elements().size() >= 14);
    CHECK_FALSE(res.get<std::optional<std::string>>(3).has_value());
  }
  SECTION("QUIT ends the batch: the commands after it fail, none gets QUIT's reply") {
    auto p = r.pipeline(false);
    p.quit().get("k");
    CHECK_THROWS_AS(p.execute(), redispp::ConnectionError);
  }
  SECTION("RESET and QUIT are refused by a transaction: the server would run them at once") {
    // Inside MULTI the server runs RESET at once: it would end the transaction, and the commands
    // queued after it would run outside any transaction.
    auto tx = r.pipeline();
    tx.set("k", "w");
    CHECK_THROWS_WITH(tx.execute_command("RESET"), Catch::Contains("refused in a transaction"));
    CHECK_THROWS_AS(tx.execute_command("quit"), redispp::DataError);
    CHECK_THROWS_AS(tx.quit(), redispp::DataError);
    CHECK(tx.size() == 1);
    auto plain = r.pipeline(false);
    plain.quit();
    CHECK_THROWS_WITH(plain.multi(), Catch::Contains("QUIT"));
    plain.reset();
    CHECK(tx.execute().get<bool>(0));
    CHECK(r.get("k") == "w");
    r.set("k", "v");
  }
  CHECK(r.get("k") == "v");
  CHECK(r.incr("n") == 1);
}

TEST_CASE("a transaction that goes out of step closes its connection", "[reply_count][fake]") {
  // A server (or proxy) that answers a queued command with something other than QUEUED: the
  // pipeline raises ProtocolError, and the connection must not go back to the pool, where the
  // next caller would read the rest of the transaction's replies.
  FakeServer server([](FakeServer::Session& s) {
    s.handshake();
    for (;;) {
      const std::vector<std::string> command = s.read_command(std::chrono::seconds(10));
      if (command.empty()) return;
      if (command[0] == "MULTI")
        s.write("+OK\r\n");
      else if (command[0] == "EXEC")
        s.write("*1\r\n+OK\r\n");
      else
        s.write(command[0] == "GET" ? "$6\r\nvictim\r\n" : "+OK\r\n");  // not QUEUED: out of step
    }
  });
  redispp::ConnectionOptions options;
  options.port = server.port();
  options.retry = redispp::Retry::none();
  redispp::Redis r{options, redispp::PoolOptions{.max_connections = 1}};
  CHECK_THROWS_WITH(r.pipeline().set("k", "v").execute(), Catch::Contains("out of step"));
  CHECK(server.connections() == 1);
  CHECK(r.get("k") == "victim");  // a fresh connection's own reply, not the transaction's EXEC
  CHECK(server.connections() == 2);
}

TEST_CASE("an argument over the server's bulk limit is refused before a byte is sent", "[limits]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  auto options = redispp::test::plain_options(config, test_db);
  options.max_argument_size = 64 * 1024;  // as a server with proto-max-bulk-len 64kb
  redispp::Redis r{options, redispp::PoolOptions{.max_connections = 1}};
  r.del("big");
  const std::string big(64 * 1024 + 1, 'x');
  CHECK_THROWS_WITH(r.set("big", big),
                    Catch::Contains("SET: argument 2 is 65537 bytes, over the 65536") && Catch::Contains("nothing was sent"));
  auto p = r.pipeline(false);
  p.set("a", "1").set("big", big);
  CHECK_THROWS_WITH(p.execute(), Catch::Contains("SET (request 1 of the batch): argument 2 is 65537 bytes"));
  auto tx = r.pipeline();
  tx.set("big", big);
  CHECK_THROWS_WITH(tx.execute(), Catch::Contains("SET (request 1 of the batch)"));  // MULTI is request 0
  CHECK(r.exists("a", "big") == 0);  // neither command ran
  // At the limit, and a batch longer than the limit made of small commands: sent.
  CHECK(r.set("big", std::string(64 * 1024, 'x')));
  auto many = r.pipeline(false);
  for (int i = 0; i < 100; ++i) many.set("small" + std::to_string(i), std::string(1024, 'y'));
  CHECK(many.execute().size() == 100);
  r.flushdb();
}
