// Typed pipelines against a real server, in every parser x protocol configuration: results as a
// std::tuple of the queued commands' types. Database 35.
#include "support/catch.hpp"

#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include <redispp/redispp.hpp>
#include <redispp/typed_pipeline.hpp>

#include "support/client_matrix.hpp"

namespace {
constexpr int test_db = 35;
const redispp::test::ClientConfig default_config{redispp::ParserKind::builtin, 3};

// The types are the point of a typed pipeline: each step adds its command's reply type, and
// execute() gives exactly those (checked here without running anything).
using Start = redispp::TypedPipeline<>;
using AfterSet = decltype(std::declval<Start&>().set("a", "1"));
static_assert(std::is_same_v<AfterSet, redispp::TypedPipeline<bool>>);
using AfterIncr = decltype(std::declval<AfterSet&>().incr("n"));
static_assert(std::is_same_v<AfterIncr, redispp::TypedPipeline<bool, long long>>);
using AfterGet = decltype(std::declval<AfterIncr&>().get("a"));
static_assert(std::is_same_v<decltype(std::declval<AfterGet&>().execute()),
                             std::tuple<bool, long long, std::optional<std::string>>>);
static_assert(AfterGet::size() == 3);
static_assert(std::is_same_v<decltype(std::declval<Start&>().get<long long>("n")),
                             redispp::TypedPipeline<std::optional<long long>>>);
static_assert(std::is_same_v<decltype(std::declval<Start&>().execute_command("PING")), redispp::TypedPipeline<redispp::Reply>>);
// The untyped pipeline still chains as Pipeline&, and the client gives values.
static_assert(std::is_same_v<decltype(std::declval<redispp::Pipeline&>().incr("n")), redispp::Pipeline&>);
static_assert(std::is_same_v<decltype(std::declval<redispp::Redis&>().incr("n")), long long>);
}  // namespace

TEST_CASE("a typed pipeline returns a tuple of the commands' types, with and without MULTI/EXEC", "[pipeline][typed]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  for (const bool transaction : {true, false}) {
    INFO("transaction " << transaction);
    r.flushdb();
    r.set("n", 41);
    auto [ok, n, v, missing, list, hash] = r.typed_pipeline(transaction)
                                               .set("a", "1")
                                               .incr("n")
                                               .get("a")
                                               .get<long long>("nothing-here")
                                               .rpush("l", "x", "y")
                                               .hset("h", "f", "v")
                                               .execute();
    CHECK(ok);
    CHECK(n == 42);
    CHECK(v == "1");
    CHECK_FALSE(missing.has_value());
    CHECK(list == 2);
    CHECK(hash == 1);

    auto [values, all, raw] =
        r.typed_pipeline(transaction).lrange("l", 0, -1).hgetall("h").execute_command("ECHO", "hi").execute();
    CHECK(values == std::vector<std::string>{"x", "y"});
    CHECK(all == std::unordered_map<std::string, std::string>{{"f", "v"}});
    CHECK(raw == redispp::Reply::bulk_string("hi"));
  }
}

TEST_CASE("a typed pipeline with nothing queued executes to an empty tuple", "[pipeline][typed]") {
  redispp::Redis r{redispp::test::plain_options(default_config, test_db)};
  const std::tuple<> none = r.typed_pipeline().execute();
  CHECK(std::tuple_size_v<decltype(none)> == 0);
}

TEST_CASE("a typed pipeline raises the first error reply, naming the command", "[pipeline][typed]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.set("s", "text");
  // Without MULTI/EXEC the good commands still ran; the error names the second one.
  try {
    [[maybe_unused]] auto results = r.typed_pipeline(false).set("a", "1").incr("s").get("a").execute();
    FAIL("an INCR of a non-number must throw");
  } catch (const redispp::ResponseError& e) {
    CHECK(e.code() == "ERR");
    CHECK_THAT(e.what(), Catch::Contains("INCR"));
    CHECK_THAT(std::string(e.message()), Catch::Contains("not an integer"));
  }
  CHECK(r.get("a") == "1");
  // A wrong type of value is a WrongTypeError, as from the client.
  r.rpush("list", "x");
  CHECK_THROWS_AS(r.typed_pipeline(true).get("list").incr("n").execute(), redispp::WrongTypeError);
}

TEST_CASE("a typed pipeline step left behind refuses to run", "[pipeline][typed]") {
  redispp::Redis r = redispp::test::fresh_client(default_config, test_db);
  redispp::TypedPipeline<> start = r.typed_pipeline(false);
  redispp::TypedPipeline<bool> next = start.set("a", "1");
  // `start` gave its pipeline to `next`: using it again is a clear error, and sends nothing.
  CHECK_THROWS_WITH(start.execute(), Catch::Contains("moved on from"));
  CHECK_THROWS_AS(start.set("b", "2"), redispp::DataError);
  const auto [ok] = next.execute();
  CHECK(ok);
  CHECK(r.exists("a") == 1);
  CHECK(r.exists("b") == 0);
}

TEST_CASE("a typed pipeline takes over a watching Pipeline, not one with commands queued", "[pipeline][typed][watch]") {
  redispp::Redis r = redispp::test::fresh_client(default_config, test_db);
  r.set("seq", 7);
  redispp::Pipeline pipe = r.pipeline();
  pipe.watch("seq");
  const long long seq = pipe.immediate().get<long long>("seq").value_or(0);
  auto [ok, now] = redispp::TypedPipeline<>(std::move(pipe)).set("seq", seq + 1).get<long long>("seq").execute();
  CHECK(ok);
  CHECK(now == 8);

  // A watched key changed by someone else: EXEC is refused, as with a Pipeline.
  redispp::Pipeline watched = r.pipeline();
  watched.watch("seq");
  r.set("seq", 100);
  CHECK_THROWS_AS(redispp::TypedPipeline<>(std::move(watched)).incr("seq").execute(), redispp::WatchError);
  CHECK(r.get<long long>("seq") == 100);

  redispp::Pipeline queued = r.pipeline(false);
  queued.incr("seq");
  CHECK_THROWS_WITH(redispp::TypedPipeline<>(std::move(queued)), Catch::Contains("1 commands queued"));
}
