// Script (r.register_script) against a real server, in every parser x protocol configuration:
// EVALSHA, loading on NOSCRIPT, EVALSHA_RO, typed results, and scripts in pipelines (loaded
// before MULTI). Database 30 of the plain server, keys prefixed "script_test:" (keys_test moves
// its own keys into database 30 too, so this file never empties it). The server's script cache
// is shared by every test: a test that needs a script the server does not know makes one of its
// own (a random comment in its source) instead of SCRIPT FLUSH; the one test of SCRIPT FLUSH runs
// on the "admin" server.
#include "support/catch.hpp"

#include <random>
#include <string>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"

using redispp::test::plain_options;

namespace {
constexpr int test_db = 30;


redispp::Redis client(const redispp::test::ClientConfig& config) {
  redispp::Redis r{plain_options(config, test_db)};
  r.del("script_test:counter", "script_test:a", "script_test:b", "script_test:watched");
  return r;
}

// A script the server has never seen: the same Lua, with a random comment making its sha new.
std::string unseen(std::string lua) {
  static std::mt19937_64 engine{std::random_device{}()};
  return lua + "\n-- script_test " + std::to_string(engine());
}
}  // namespace

namespace shapes {
struct Point {
  int x, y;
};
std::string redispp_to_bulk(const Point& p) { return std::to_string(p.x) + "," + std::to_string(p.y); }
}  // namespace shapes

TEST_CASE("script: call runs EVALSHA; keys, numbers and user types as arguments", "[script]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = client(config);
  const redispp::Script incr_by = r.register_script("return redis.call('INCRBY', KEYS[1], ARGV[1])");
  CHECK(incr_by.call<long long>({"script_test:counter"}, {5}) == 5);
  CHECK(incr_by.call<long long>({"script_test:counter"}, {"2"}) == 7);
  CHECK(r.get<long long>("script_test:counter") == 7);
  // The server names the script by the sha computed here.
  CHECK(r.script_load(incr_by.source()) == incr_by.sha());

  const redispp::Script echo = r.register_script("return ARGV");
  CHECK(echo.call<std::vector<std::string>>({}, {"a", 2, 3.5, shapes::Point{1, -2}}) ==
        std::vector<std::string>{"a", "2", "3.5", "1,-2"});
  const std::string binary("x\0y\r\n", 5);
  CHECK(echo.call<std::vector<std::string>>({}, {binary}) == std::vector<std::string>{binary});
  const redispp::Script keys = r.register_script("return KEYS");
  CHECK(keys.call<std::vector<std::string>>({"script_test:a", "script_test:b"}) ==
        std::vector<std::string>{"script_test:a", "script_test:b"});
  CHECK(keys.call<std::vector<std::string>>(std::vector<std::string>{"script_test:a"}) ==
        std::vector<std::string>{"script_test:a"});
}

TEST_CASE("script: the result converts to the type asked for, as any command's", "[script]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = client(config);
  CHECK(r.register_script("return 42").call() == redispp::Reply::integer(42));
  CHECK(r.register_script("return nil").call<std::optional<std::string>>() == std::nullopt);
  CHECK(r.register_script("return 'text'").call<std::optional<std::string>>() == "text");
  CHECK(r.register_script("return redis.status_reply('OK')").call<bool>());
  CHECK(r.register_script("return {'f', 'v', 'g', 'w'}").call<std::unordered_map<std::string, std::string>>() ==
        std::unordered_map<std::string, std::string>{{"f", "v"}, {"g", "w"}});
  CHECK_THROWS_AS(r.register_script("return 'not a number'").call<long long>(), redispp::DataError);
}

TEST_CASE("script: NOSCRIPT loads the script and runs it once more; other errors are not retried", "[script]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = client(config);
  const redispp::Script script = r.register_script(unseen("return redis.call('INCR', KEYS[1])"));
  REQUIRE(r.script_exists(script.sha()) == std::vector<bool>{false});
  CHECK(script.call<long long>({"script_test:counter"}) == 1);  // NOSCRIPT, SCRIPT LOAD, EVALSHA
  CHECK(r.script_exists(script.sha()) == std::vector<bool>{true});
  CHECK(script.call<long long>({"script_test:counter"}) == 2);  // known now: one EVALSHA
  CHECK(r.get<long long>("script_test:counter") == 2);          // each call ran the script once

  // An error the script raises is the script's answer: it runs once, and the error is raised.
  const redispp::Script failing =
      r.register_script(unseen("redis.call('INCR', KEYS[1]); return redis.error_reply('ERR script_test boom')"));
  CHECK_THROWS_WITH(failing.call({"script_test:counter"}), Catch::Contains("EVALSHA") && Catch::Contains("boom"));
  CHECK(r.get<long long>("script_test:counter") == 3);
  // A script that does not compile fails at SCRIPT LOAD, with the server's words.
  // The error names the command that failed, SCRIPT LOAD, not only its container "SCRIPT".
  CHECK_THROWS_WITH(r.register_script(unseen("this is not lua")).call(),
                    Catch::StartsWith("SCRIPT LOAD on ") && Catch::Contains("Error compiling script"));
  CHECK_THROWS_AS(r.register_script(unseen("this is not lua")).load(), redispp::ResponseError);
}

TEST_CASE("script: a NOSCRIPT the script raises itself is not answered by running it again", "[script]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = client(config);
  r.del("script_test:noscript");
  const redispp::Script liar = r.register_script(
      unseen("redis.call('INCR', KEYS[1]); return redis.error_reply('NOSCRIPT No matching script. Please use EVAL.')"));
  // Unknown to the server: the server's NOSCRIPT, SCRIPT LOAD, one run, which raises its own.
  CHECK_THROWS_AS(liar.call({"script_test:noscript"}), redispp::NoScriptError);
  CHECK(r.get<long long>("script_test:noscript") == 1);
  // Known: it runs once, writes once, and its error is the caller's (no second run).
  CHECK_THROWS_AS(liar.call({"script_test:noscript"}), redispp::NoScriptError);
  CHECK(r.get<long long>("script_test:noscript") == 2);
  CHECK(r.script_exists(liar.sha()) == std::vector<bool>{true});
}

TEST_CASE("script: call_ro runs EVALSHA_RO, which reads and may not write", "[script]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = client(config);
  r.set("script_test:a", "value");
  const redispp::Script get = r.register_script(unseen("return redis.call('GET', KEYS[1])"));
  CHECK(get.call_ro<std::optional<std::string>>({"script_test:a"}) == "value");  // loaded on NOSCRIPT too
  const redispp::Script set = r.register_script("return redis.call('SET', KEYS[1], ARGV[1])");
  CHECK_THROWS_AS(set.call_ro({"script_test:a"}, {"changed"}), redispp::ResponseError);
  CHECK(r.get("script_test:a") == "value");
  CHECK(set.call<bool>({"script_test:a"}, {"changed"}));
  CHECK(r.get("script_test:a") == "changed");
}

TEST_CASE("script in a pipeline: execute() loads what the server lacks, before MULTI", "[script][pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = client(config);
  for (const bool transaction : {true, false}) {
    INFO("transaction " << transaction);
    r.del("script_test:counter", "script_test:a");
    const redispp::Script incr_by = r.register_script(unseen("return redis.call('INCRBY', KEYS[1], ARGV[1])"));
    const redispp::Script echo = r.register_script(unseen("return ARGV[1]"));
    const redispp::Script known = r.register_script("return #KEYS");
    r.script_load(known.source());
    REQUIRE(r.script_exists(incr_by.sha(), echo.sha()) == std::vector<bool>{false, false});

    redispp::Pipeline pipe = r.pipeline(transaction);
    pipe.script<long long>(incr_by, {"script_test:counter"}, {5})
        .set("script_test:a", "x")
        .script<long long>(incr_by, {"script_test:counter"}, {2})
        .script<std::string>(echo, {}, {3.5})
        .script<long long>(known, {"script_test:a", "script_test:b"});
    const redispp::PipelineResults res = pipe.execute();
    REQUIRE(res.size() == 5);
    CHECK(res.get<long long>(0) == 5);
    CHECK(res.get<bool>(1));
    CHECK(res.get<long long>(2) == 7);
    CHECK(res.get<std::string>(3) == "3.5");
    CHECK(res.get<long long>(4) == 2);
    CHECK(res.command_name(0) == "EVALSHA");
    CHECK(r.script_exists(incr_by.sha(), echo.sha()) == std::vector<bool>{true, true});
    CHECK(r.get<long long>("script_test:counter") == 7);

    // The pipeline forgets its scripts with its commands: the next batch has none to load.
    const auto again = pipe.get("script_test:counter").script<redispp::Reply>(echo, {}, {"y"}).execute();
    CHECK(again.get<redispp::Reply>(1) == redispp::Reply::bulk_string("y"));
  }
}

TEST_CASE("script in a pipeline: the read-only form, and an error reply kept in place", "[script][pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = client(config);
  r.set("script_test:a", "value");
  const redispp::Script get = r.register_script(unseen("return redis.call('GET', KEYS[1])"));
  const redispp::Script failing = r.register_script(unseen("return redis.error_reply('ERR script_test failed')"));
  const auto res = r.pipeline(false)
                       .script_ro<std::optional<std::string>>(get, {"script_test:a"})
                       .script(failing)
                       .execute(false);
  CHECK(res.get<std::optional<std::string>>(0) == "value");
  CHECK(res.is_error(1));
  CHECK(res.reply(1).str() == "ERR script_test failed");
}

TEST_CASE("script in a watching pipeline: loaded on the watching connection, WATCH still holds", "[script][pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = client(config);
  r.set("script_test:watched", 10);
  const redispp::Script add = r.register_script(unseen("return redis.call('INCRBY', KEYS[1], ARGV[1])"));

  redispp::Pipeline pipe = r.pipeline();
  pipe.watch("script_test:watched");
  const long long seen = pipe.immediate().get<long long>("script_test:watched").value_or(0);
  pipe.script<long long>(add, {"script_test:watched"}, {seen});
  CHECK(pipe.execute().get<long long>(0) == 20);

  // A change between WATCH and EXEC still aborts the transaction: loading the script in between
  // did not disturb the WATCH.
  const redispp::Script add_again = r.register_script(unseen("return redis.call('INCRBY', KEYS[1], ARGV[1])"));
  pipe.watch("script_test:watched");
  pipe.script<long long>(add_again, {"script_test:watched"}, {1});
  r.set("script_test:watched", 0);
  CHECK_THROWS_AS(pipe.execute(), redispp::WatchError);
  CHECK(r.get<long long>("script_test:watched") == 0);
  CHECK(r.script_exists(add_again.sha()) == std::vector<bool>{true});

  // Redis::transaction's loop, with a script inside.
  r.transaction(
      [&](redispp::Pipeline& p) {
        const long long n = p.immediate().get<long long>("script_test:watched").value_or(0);
        p.script<long long>(add, {"script_test:watched"}, {n + 5});
      },
      "script_test:watched");
  CHECK(r.get<long long>("script_test:watched") == 5);
}

TEST_CASE("script: after SCRIPT FLUSH, call and pipelines load the script again", "[script][admin]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::ConnectionOptions options = redispp::test::server("admin").options(test_db);
  options.parser = config.parser;
  options.protocol = config.protocol;
  redispp::Redis r{options};
  r.del("script_test:counter");
  const redispp::Script incr = r.register_script("return redis.call('INCR', KEYS[1])");
  CHECK(incr.call<long long>({"script_test:counter"}) == 1);
  CHECK(r.script_flush());  // as a restart or a fail-over would
  CHECK(incr.call<long long>({"script_test:counter"}) == 2);
  CHECK(r.script_flush());
  CHECK(r.pipeline().script<long long>(incr, {"script_test:counter"}).execute().get<long long>(0) == 3);
  r.del("script_test:counter");
}
