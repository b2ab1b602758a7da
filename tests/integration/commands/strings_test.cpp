// String commands against a real server, in every parser x protocol configuration.
// Database 19 is this file's own.
#include "support/catch.hpp"

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"

using namespace std::chrono_literals;
using redispp::test::plain_options;

namespace {
constexpr int test_db = 19;
}

TEST_CASE("set, get and their expiry and condition options", "[commands][strings]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  const std::string binary("\0\xff\r\nx", 5);
  CHECK(r.set("k", binary));
  CHECK(r.get("k") == binary);
  CHECK(r.get("nope") == std::nullopt);
  CHECK_FALSE(r.set("k", "other", {.nx = true}));
  CHECK_FALSE(r.set("nope", "v", {.xx = true}));
  CHECK(r.get("nope") == std::nullopt);
  CHECK(r.set("k", "v", {.ex = 100s, .xx = true}));
  CHECK(r.ttl("k") > 90);
  CHECK(r.set("k", "w", {.keepttl = true}));
  CHECK(r.ttl("k") > 90);
  CHECK(r.set_get("k", "x") == "w");
  CHECK(r.set_get("fresh", "x") == std::nullopt);
  CHECK_THROWS_AS(r.set("k", "v", {.get = true}), redispp::DataError);
  r.set("n", 42);
  CHECK(r.get<long long>("n") == 42);
  CHECK(r.getset("n", 43) == "42");
  CHECK(r.getdel("n") == "43");
  CHECK(r.getdel("n") == std::nullopt);
  r.set("e", "v");
  CHECK(r.getex("e", {.px = 50000ms}) == "v");
  CHECK(r.pttl("e") > 40000);
  CHECK(r.getex("e", {.persist = true}) == "v");
  CHECK(r.ttl("e") == -1);
  CHECK(r.getex("nope") == std::nullopt);
  CHECK(r.setex("t", 100s, "v"));
  CHECK(r.ttl("t") > 90);
  CHECK(r.psetex("t", 100000ms, "v"));
  CHECK(r.pttl("t") > 90000);
  CHECK(r.setnx("t", "again") == false);
  CHECK(r.setnx("t2", "first"));
  r.hset("hash", "f", "v");
  CHECK_THROWS_AS(r.get("hash"), redispp::WrongTypeError);
}

TEST_CASE("mget, mset, msetnx", "[commands][strings]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  CHECK(r.mset({{"a", "1"}, {"b", "2"}}));
  CHECK(r.mget("a", "nope", "b") == std::vector<std::optional<std::string>>{"1", std::nullopt, "2"});
  CHECK(r.mget({"b"}) == std::vector<std::optional<std::string>>{"2"});
  CHECK_FALSE(r.msetnx({{"b", "x"}, {"c", "3"}}));
  CHECK_FALSE(r.exists("c"));
  CHECK(r.msetnx(std::map<std::string, std::string>{{"c", "3"}, {"d", "4"}}));
  CHECK(r.mget(std::vector<std::string>{"c", "d"}) == std::vector<std::optional<std::string>>{"3", "4"});
}

TEST_CASE("counters: incr, incrby, incrbyfloat, decr, decrby", "[commands][strings]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  CHECK(r.incr("c") == 1);
  CHECK(r.incrby("c", 10) == 11);
  CHECK(r.decr("c") == 10);
  CHECK(r.decrby("c", 15) == -5);
  CHECK(r.incrbyfloat("f", 1.5) == 1.5);
  CHECK(r.incrbyfloat("f", -0.25) == 1.25);
  CHECK(r.incrbyfloat("c", 0.5) == -4.5);
  r.set("text", "abc");
  CHECK_THROWS_AS(r.incr("text"), redispp::ResponseError);
  CHECK_THROWS_AS(r.incrbyfloat("text", 1), redispp::ResponseError);
}

TEST_CASE("append, strlen, getrange, substr, setrange", "[commands][strings]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  CHECK(r.append("s", "Hello") == 5);
  CHECK(r.append("s", std::string(" \0World", 7)) == 12);
  CHECK(r.strlen("s") == 12);
  CHECK(r.strlen("nope") == 0);
  CHECK(r.getrange("s", 0, 4) == "Hello");
  CHECK(r.getrange("s", -5, -1) == "World");
  CHECK(r.getrange("nope", 0, 10) == "");
  CHECK(r.substr("s", 0, 4) == "Hello");
  CHECK(r.substr("s", 100, 200) == "");
  CHECK(r.setrange("s", 0, "J") == 12);
  CHECK(r.substr("s", 0, 4) == "Jello");
  CHECK(r.setrange("pad", 3, "x") == 4);
  CHECK(r.get("pad") == std::string("\0\0\0x", 4));
}

TEST_CASE("lcs: the string, its length, and where it matches", "[commands][strings]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.mset({{"key1", "ohmytext"}, {"key2", "mynewtext"}});
  CHECK(r.lcs("key1", "key2") == "mytext");
  CHECK(r.lcs_len("key1", "key2") == 6);
  CHECK(r.lcs("key1", "nope") == "");
  CHECK(r.lcs_len("nope", "nope2") == 0);

  // The IDX reply is a flat array in RESP2 and a map in RESP3: the same struct either way.
  const redispp::LcsMatches idx = r.lcs_idx("key1", "key2");
  CHECK(idx.len == 6);
  REQUIRE(idx.matches.size() == 2);
  CHECK(idx.matches[0].a == std::pair<long long, long long>{4, 7});
  CHECK(idx.matches[0].b == std::pair<long long, long long>{5, 8});
  CHECK(idx.matches[0].length == std::nullopt);
  CHECK(idx.matches[1].a == std::pair<long long, long long>{2, 3});
  CHECK(idx.matches[1].b == std::pair<long long, long long>{0, 1});

  const redispp::LcsMatches long_only = r.lcs_idx("key1", "key2", {.min_match_len = 4, .with_match_len = true});
  CHECK(long_only.len == 6);
  REQUIRE(long_only.matches.size() == 1);
  CHECK(long_only.matches[0].a == std::pair<long long, long long>{4, 7});
  CHECK(long_only.matches[0].length == 4);

  const redispp::LcsMatches none = r.lcs_idx("key1", "nope");
  CHECK(none.len == 0);
  CHECK(none.matches.empty());

  r.rpush("list", "x");
  CHECK_THROWS_AS(r.lcs("key1", "list"), redispp::ResponseError);
}

TEST_CASE("string commands in a pipeline", "[commands][strings][pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  auto p = r.pipeline();
  p.set("a", "ohmytext")
      .set("b", "mynewtext")
      .lcs("a", "b")
      .lcs_idx("a", "b", {.with_match_len = true})
      .substr("a", 0, 1)
      .incrbyfloat("f", 2.5)
      .get("nope")
      .mget("a", "nope");
  auto res = p.execute();
  REQUIRE(res.size() == 8);
  CHECK(res.get<bool>(0));
  CHECK(res.get<bool>(1));
  CHECK(res.get<std::string>(2) == "mytext");
  const auto idx = res.get<redispp::LcsMatches>(3);
  CHECK(idx.len == 6);
  REQUIRE(idx.matches.size() == 2);
  CHECK(idx.matches[1].length == 2);
  CHECK(res.get<std::string>(4) == "oh");
  CHECK(res.get<double>(5) == 2.5);
  CHECK(res.get<std::optional<std::string>>(6) == std::nullopt);
  CHECK(res.get<std::vector<std::optional<std::string>>>(7) ==
        std::vector<std::optional<std::string>>{"ohmytext", std::nullopt});
}

TEST_CASE("contradictory options are refused before anything is sent", "[commands][strings][options]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  CHECK_THROWS_WITH(r.set("refused", "v", {.ex = 10s, .px = 500ms}),
                    "SET: SetOptions.ex and SetOptions.px are exclusive (pick one expiry)");
  CHECK(r.exists("refused") == 0);
  CHECK_THROWS_AS(r.getex("refused", {.ex = 10s, .persist = true}), redispp::DataError);
  // A pipeline queues nothing: the commands around the refused one run, and no reply is
  // missing or shifted.
  auto p = r.pipeline(false);
  p.set("before", "1");
  CHECK_THROWS_AS(p.set("refused", "v", {.nx = true, .xx = true}), redispp::DataError);
  p.get("before");
  const redispp::PipelineResults results = p.execute();
  REQUIRE(results.size() == 2);
  CHECK(results.get<std::optional<std::string>>(1) == "1");
  CHECK(r.exists("refused") == 0);
}

TEST_CASE("a reply that does not convert names the command, its key and the reply", "[commands][strings][errors]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.set("word", "hello");
  try {
    (void)r.get<long long>("word");
    FAIL("no exception");
  } catch (const redispp::ReplyTypeError& e) {
    CHECK_THAT(e.what(), Catch::StartsWith("GET \"word\" on ") &&
                             Catch::EndsWith(": cannot convert bulk string reply of 5 bytes \"hello\" to long long: "
                                             "not a whole number in range"));
    CHECK(e.reply().str() == "hello");
  }
  // A watching pipeline's immediate commands settle the same way.
  auto watching = r.pipeline();
  watching.watch("word");
  CHECK_THROWS_MATCHES(watching.immediate().get<long long>("word"), redispp::ReplyTypeError,
                       Catch::Matchers::Predicate<redispp::ReplyTypeError>([](const redispp::ReplyTypeError& e) {
                         return std::string_view(e.what()).starts_with("GET \"word\" on ") &&
                                e.reply().str() == "hello";
                       }));
  watching.reset();
  auto p = r.pipeline(false);
  p.get<long long>("word");
  const redispp::PipelineResults results = p.execute();
  CHECK_THROWS_WITH(results.get<std::optional<long long>>(0),
                    Catch::StartsWith("GET on ") && Catch::Contains("(command 0 in pipeline): cannot convert bulk "
                                                                    "string reply of 5 bytes \"hello\" to long long"));
}
