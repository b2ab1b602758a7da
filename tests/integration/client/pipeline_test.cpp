// Pipelines against a real server, in every parser x protocol configuration. Database 2.
#include "support/catch.hpp"

#include <atomic>
#include <thread>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"

using namespace std::chrono_literals;
using redispp::test::plain_options;

namespace {
constexpr int test_db = 2;
}

TEST_CASE("the seed's pipelines: separate calls and chained, with a transaction", "[pipeline][seed]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  redispp::Pipeline pipe = r.pipeline();
  CHECK(pipe.is_transaction());
  pipe.set("one", "first");
  pipe.set("two", "second");
  CHECK(pipe.size() == 2);
  const redispp::PipelineResults first = pipe.execute();
  REQUIRE(first.size() == 2);
  CHECK(first.get<bool>(0));
  CHECK(first.get<bool>(1));
  CHECK(pipe.empty());

  const auto res = pipe.set("one", "first").rpush("list", "hello").rpush("list", "world").get("two").execute();
  REQUIRE(res.size() == 4);
  CHECK(res.get<bool>(0));
  CHECK(res.get<long long>(1) == 1);
  CHECK(res.get<long long>(2) == 2);
  CHECK(res.get<std::optional<std::string>>(3) == "second");
  CHECK(res.command_name(1) == "RPUSH");
  CHECK(res.reply(1) == redispp::Reply::integer(1));
  std::size_t count = 0;
  for (const redispp::Reply& reply : res) count += reply.is_error() ? 0 : 1;
  CHECK(count == 4);
  CHECK(r.lrange("list", 0, -1) == std::vector<std::string>{"hello", "world"});
}

TEST_CASE("transaction = false: one round trip, no MULTI/EXEC", "[pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  auto pipe = r.pipeline(false);
  CHECK_FALSE(pipe.is_transaction());
  for (int i = 0; i < 1000; ++i) pipe.incr("n");
  pipe.hset("h", "f", "v").hgetall("h");
  const auto res = pipe.execute();
  REQUIRE(res.size() == 1002);
  CHECK(res.get<long long>(999) == 1000);
  CHECK(res.get<std::unordered_map<std::string, std::string>>(1001) ==
        std::unordered_map<std::string, std::string>{{"f", "v"}});
  // MULTI never went out: CLIENT INFO, run in the same batch, sees no transaction open.
  const auto info = r.pipeline(false).execute_command("CLIENT", "INFO").execute();
  CHECK_THAT(std::string(info.get<redispp::Reply>(0).str()), Catch::Contains("multi=-1"));
}

TEST_CASE("pipeline results: the wrong type is a clear error", "[pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  const auto res = r.pipeline().set("k", "v").get("k").execute();
  CHECK_THROWS_WITH(res.get<long long>(1), "pipeline result 1 (GET) is a std::optional<std::string>, not a long long");
  CHECK_THROWS_WITH(res.get<bool>(5), "pipeline result 5 does not exist: the pipeline ran 2 commands");
  auto copy = res;
  CHECK(copy.take<std::optional<std::string>>(1) == "v");
}

TEST_CASE("errors raise with the command's index and name, or stand in place", "[pipeline][errors]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.set("text", "abc");
  for (const bool transaction : {true, false}) {
    INFO("transaction " << transaction);
    auto pipe = r.pipeline(transaction);
    pipe.set("a", 1).incr("text").incr("a");
    try {
      pipe.execute();
      FAIL("no exception");
    } catch (const redispp::ResponseError& e) {
      CHECK(e.code() == "ERR");
      CHECK_THAT(e.what(), Catch::StartsWith("INCR on ") && Catch::Contains(" (command 1 in pipeline): ERR value is not an integer"));
    }
    CHECK(pipe.empty());  // reset after the failure
    // The other commands ran anyway (Redis transactions do not roll back).
    CHECK(r.get<long long>("a") == 2);
    r.set("a", 0);

    const auto res = pipe.set("a", 1).incr("text").incr("a").execute(false);
    REQUIRE(res.size() == 3);
    CHECK(res.get<bool>(0));
    CHECK(res.is_error(1));
    CHECK_THROWS_AS(res.get<long long>(1), redispp::ResponseError);
    CHECK_THROWS_WITH(res.get<long long>(1), Catch::Contains("INCR on ") && Catch::Contains("(command 1 in pipeline)"));
    CHECK(res.get<long long>(2) == 2);
    r.set("a", 0);
  }
  auto wrong_type = r.pipeline();
  wrong_type.lpush("text", "x");
  CHECK_THROWS_AS(wrong_type.execute(), redispp::WrongTypeError);
}

TEST_CASE("a command name of any length is kept whole for results and errors", "[pipeline][errors]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  // 23 bytes fit the queued command's inline name, 24 and more do not (detail/short_name.hpp).
  const std::string inline_name = "NO.SUCH.COMMAND.23BYTES";
  const std::string long_name = "NO.SUCH.COMMAND.WITH.A.NAME.LONGER.THAN.ANY.REAL.ONE";
  REQUIRE(inline_name.size() == 23);
  const auto res = r.pipeline(false)
                       .execute_command(inline_name, "x")
                       .execute_command(long_name, "x")
                       .get("nothing")
                       .execute(false);
  REQUIRE(res.size() == 3);
  CHECK(res.command_name(0) == inline_name);
  CHECK(res.command_name(1) == long_name);
  CHECK(res.command_name(2) == "GET");
  CHECK(res.is_error(1));
  CHECK_THROWS_WITH(res.get<redispp::Reply>(1), Catch::StartsWith(long_name + " on ") && Catch::Contains("(command 1 in pipeline)"));
  try {
    r.pipeline(false).get("nothing").execute_command(long_name).execute();
    FAIL("no exception");
  } catch (const redispp::ResponseError& e) {
    CHECK_THAT(e.what(), Catch::StartsWith(long_name + " on ") && Catch::Contains("(command 1 in pipeline)"));
  }
}

TEST_CASE("a command rejected while queueing aborts the whole transaction", "[pipeline][errors]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  auto pipe = r.pipeline();
  pipe.set("a", 1).execute_command("SET", "only-a-key").incr("a");
  try {
    pipe.execute();
    FAIL("no exception");
  } catch (const redispp::ExecAbortError& e) {
    CHECK(e.code() == "EXECABORT");
    CHECK_THAT(e.what(), Catch::Contains("command 1 (SET) was rejected") && Catch::Contains("wrong number of arguments"));
  }
  CHECK(r.get("a") == std::nullopt);  // nothing ran
  const auto res = pipe.set("a", 1).execute_command("SET", "only-a-key").execute(false);
  CHECK(res.is_error(0));
  CHECK(res.is_error(1));
  CHECK_THAT(std::string(res.reply(0).str()), Catch::StartsWith("EXECABORT"));
  CHECK_THAT(std::string(res.reply(1).str()), Catch::Contains("wrong number of arguments"));
}

TEST_CASE("WATCH: a changed key makes EXEC fail with WatchError", "[pipeline][watch]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.set("seq", 1);
  auto pipe = r.pipeline();
  pipe.watch("seq");
  CHECK(pipe.is_watching());
  const long long current = pipe.immediate().get<long long>("seq").value();
  r.set("seq", 100);  // another client changes it
  pipe.multi();
  pipe.set("seq", current + 1);
  CHECK_THROWS_AS(pipe.execute(), redispp::WatchError);
  CHECK_FALSE(pipe.is_watching());
  CHECK(r.get<long long>("seq") == 100);

  // Unchanged: EXEC runs.
  pipe.watch("seq");
  const long long now = pipe.immediate().get<long long>("seq").value();
  const auto res = pipe.set("seq", now + 1).execute();
  CHECK(res.get<bool>(0));
  CHECK(r.get<long long>("seq") == 101);

  // reset() unwatches: a later change does not affect the next transaction on that connection.
  pipe.watch("seq");
  pipe.reset();
  r.set("seq", 5);
  CHECK(pipe.incr("seq").execute().get<long long>(0) == 6);
  CHECK_THROWS_AS(pipe.incr("seq").watch("seq"), redispp::DataError);
}

TEST_CASE("Redis::transaction retries fn until no watched key changed", "[pipeline][watch]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.set("counter", 10);
  int attempts = 0;
  const auto res = r.transaction(
      [&](redispp::Pipeline& p) {
        ++attempts;
        const long long n = p.immediate().get<long long>("counter").value_or(0);
        if (attempts == 1) r.incr("counter");  // someone else writes between our read and EXEC
        p.set("counter", n * 2);
      },
      "counter");
  CHECK(attempts == 2);
  CHECK(res.get<bool>(0));
  CHECK(r.get<long long>("counter") == 22);
}

TEST_CASE("MULTI/EXEC blocks are never interleaved with other clients' commands", "[pipeline][atomic]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{plain_options(config, test_db), redispp::PoolOptions{.max_connections = 4}};
  r.flushdb();
  constexpr int block = 20;
  std::atomic<bool> stop{false};
  std::thread intruder([&r, &stop] {
    while (!stop) r.rpush("log", "intruder");
  });
  for (int round = 0; round < 30; ++round) {
    auto pipe = r.pipeline();
    for (int i = 0; i < block; ++i) pipe.rpush("log", fmt::format("tx{}", round));
    pipe.execute();
  }
  stop = true;
  intruder.join();
  const auto log = r.lrange("log", 0, -1);
  // Every transaction's 20 entries sit together.
  for (std::size_t i = 0; i < log.size(); ++i) {
    if (log[i] == "intruder") continue;
    REQUIRE(i + block <= log.size());
    for (int j = 0; j < block; ++j) REQUIRE(log[i + j] == log[i]);
    i += block - 1;
  }
}

TEST_CASE("an empty pipeline executes to nothing, and blocking commands in it wait their time", "[pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  auto options = plain_options(config, test_db);
  options.socket_timeout = 400ms;  // shorter than the BLPOP's wait, and slack for the server's reply
  redispp::Redis r{options};
  r.flushdb();
  CHECK(r.pipeline().execute().empty());
  auto pipe = r.pipeline(false);
  pipe.blpop("empty", 600ms).rpush("x", 1);
  const auto res = pipe.execute();
  CHECK(res.get<std::optional<std::pair<std::string, std::string>>>(0) == std::nullopt);
  CHECK(res.get<long long>(1) == 1);
}
