// Set commands against a real server, in every parser x protocol configuration (RESP3 sends
// SMEMBERS-like replies as sets, RESP2 as arrays: the C++ values must be the same).
// Database 10 is this file's own.
#include "support/catch.hpp"

#include <set>
#include <string>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"

using redispp::test::plain_options;
using Members = std::unordered_set<std::string>;

namespace {
constexpr int test_db = 10;
}

TEST_CASE("sadd, srem, scard, smembers, sismember, smismember", "[commands][sets]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  const std::string binary("b\0\xff\r\n", 5);
  CHECK(r.sadd("s", "a", binary, "c") == 3);
  CHECK(r.sadd("s", {"a", "d"}) == 1);
  CHECK(r.sadd("s", std::vector<std::string>{"d", "e"}) == 1);
  CHECK(r.sadd("nums", 1, 2, 2) == 2);
  CHECK(r.scard("s") == 5);
  CHECK(r.scard("missing") == 0);

  static_assert(std::is_same_v<decltype(r.smembers("s")), Members>);
  CHECK(r.smembers("s") == Members{"a", binary, "c", "d", "e"});
  CHECK(r.smembers("nums") == Members{"1", "2"});
  CHECK(r.smembers("missing").empty());

  CHECK(r.sismember("s", binary));
  CHECK_FALSE(r.sismember("s", "zz"));
  CHECK_FALSE(r.sismember("missing", "a"));
  CHECK(r.sismember("nums", 2));
  static_assert(std::is_same_v<decltype(r.smismember("s", "a")), std::vector<bool>>);
  CHECK(r.smismember("s", "a", "zz", "e") == std::vector<bool>{true, false, true});
  CHECK(r.smismember("missing", {"a", "b"}) == std::vector<bool>{false, false});

  CHECK(r.srem("s", "a", "zz") == 1);
  CHECK(r.srem("s", {binary, "c", "d", "e"}) == 4);
  CHECK(r.scard("s") == 0);
  CHECK(r.exists("s") == 0);  // the last member's removal deletes the key

  r.set("text", "v");
  CHECK_THROWS_AS(r.sadd("text", "a"), redispp::WrongTypeError);
  CHECK_THROWS_AS(r.smembers("text"), redispp::WrongTypeError);
  CHECK_THROWS_AS(r.sismember("text", "a"), redispp::WrongTypeError);
}

TEST_CASE("sinter, sunion, sdiff, their STORE forms and sintercard", "[commands][sets]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.sadd("a", "1", "2", "3", "4");
  r.sadd("b", "3", "4", "5");
  r.sadd("c", "4", "6");

  CHECK(r.sinter("a", "b") == Members{"3", "4"});
  CHECK(r.sinter({"a", "b", "c"}) == Members{"4"});
  CHECK(r.sinter("a", "missing").empty());
  CHECK(r.sunion("a", "b", "c") == Members{"1", "2", "3", "4", "5", "6"});
  CHECK(r.sunion(std::vector<std::string>{"b", "missing"}) == Members{"3", "4", "5"});
  CHECK(r.sdiff("a", "b") == Members{"1", "2"});
  CHECK(r.sdiff({"b", "a", "c"}) == Members{"5"});
  CHECK(r.sdiff("a") == Members{"1", "2", "3", "4"});

  CHECK(r.sinterstore("i", "a", "b") == 2);
  CHECK(r.smembers("i") == Members{"3", "4"});
  CHECK(r.sunionstore("u", {"b", "c"}) == 4);
  CHECK(r.smembers("u") == Members{"3", "4", "5", "6"});
  CHECK(r.sdiffstore("d", "a", "b", "c") == 2);
  CHECK(r.smembers("d") == Members{"1", "2"});
  CHECK(r.sinterstore("d", "a", "missing") == 0);
  CHECK(r.exists("d") == 0);  // an empty result removes the destination

  CHECK(r.sintercard({"a", "b"}) == 2);
  CHECK(r.sintercard(std::vector<std::string>{"a", "b", "c"}) == 1);
  CHECK(r.sintercard("a") == 4);
  CHECK(r.sintercard("a", 3) == 3);  // counting stops at the limit
  CHECK(r.sintercard({"a", "missing"}) == 0);

  r.set("text", "v");
  CHECK_THROWS_AS(r.sunion("a", "text"), redispp::WrongTypeError);
}

TEST_CASE("smove, spop and srandmember", "[commands][sets]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.sadd("src", "a", "b");
  CHECK(r.smove("src", "dst", "a"));
  CHECK_FALSE(r.smove("src", "dst", "zz"));
  CHECK(r.smembers("src") == Members{"b"});
  CHECK(r.smembers("dst") == Members{"a"});

  CHECK(r.spop("missing") == std::nullopt);
  CHECK(r.spop("missing", 3).empty());
  CHECK(r.spop("src") == "b");
  CHECK(r.exists("src") == 0);
  r.sadd("pool", "1", "2", "3", "4", "5");
  const std::vector<std::string> popped = r.spop("pool", 2);
  REQUIRE(popped.size() == 2);
  for (const auto& member : popped) CHECK_FALSE(r.sismember("pool", member));
  CHECK(r.scard("pool") == 3);
  CHECK(r.spop("pool", 10).size() == 3);

  CHECK(r.srandmember("missing") == std::nullopt);
  CHECK(r.srandmember("missing", 2).empty());
  r.sadd("two", "x", "y");
  const auto one = r.srandmember("two");
  REQUIRE(one);
  CHECK((*one == "x" || *one == "y"));
  const std::vector<std::string> distinct = r.srandmember("two", 5);  // positive: distinct, at most all
  CHECK(std::set<std::string>(distinct.begin(), distinct.end()) == std::set<std::string>{"x", "y"});
  CHECK(r.srandmember("two", -5).size() == 5);  // negative: exactly that many, repeats allowed
  CHECK(r.scard("two") == 2);
}

TEST_CASE("sscan pages and sscan_iter", "[commands][sets][scan]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  std::vector<std::string> members;
  for (int i = 0; i < 300; ++i) members.push_back("m:" + std::to_string(i));
  members.push_back("other");
  r.sadd("big", members);

  Members seen;
  std::uint64_t cursor = 0;
  int pages = 0;
  do {
    auto page = r.sscan("big", cursor, {.count = 50});
    cursor = page.cursor;
    seen.insert(page.items.begin(), page.items.end());
    ++pages;
  } while (cursor != 0);
  CHECK(pages > 1);
  CHECK(seen == Members(members.begin(), members.end()));

  Members matched;
  for (const std::string& member : r.sscan_iter("big", {.match = "m:1*"})) matched.insert(member);
  CHECK(matched.size() == 111);  // m:1, m:10..m:19, m:100..m:199
  CHECK(matched.count("m:1") == 1);
  CHECK(matched.count("other") == 0);

  int none = 0;
  for ([[maybe_unused]] const std::string& member : r.sscan_iter("missing")) ++none;
  CHECK(none == 0);

  r.set("text", "v");
  CHECK_THROWS_AS(r.sscan("text"), redispp::WrongTypeError);
}

TEST_CASE("set commands in a pipeline", "[commands][sets][pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  redispp::test::for_each_pipeline_kind(r, [&](bool transaction) {
    auto p = r.pipeline(transaction);
    p.sadd("s", "a", "b", "c").smembers("s").smismember("s", "a", "x").sinter("s", "missing").spop("missing").scard("s");
    auto res = p.execute();
    REQUIRE(res.size() == 6);
    CHECK(res.get<long long>(0) == 3);
    CHECK(res.get<Members>(1) == Members{"a", "b", "c"});
    CHECK(res.get<std::vector<bool>>(2) == std::vector<bool>{true, false});
    CHECK(res.get<Members>(3).empty());
    CHECK(res.get<std::optional<std::string>>(4) == std::nullopt);
    CHECK(res.get<long long>(5) == 3);
  });
}
