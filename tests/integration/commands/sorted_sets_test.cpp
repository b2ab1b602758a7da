// Sorted set commands against a real server, in every parser x protocol configuration. RESP2
// sends scores as text and WITHSCORES replies flat; RESP3 sends doubles and [member, score]
// pairs: the C++ values must be the same. Database 11 is this file's own.
#include "support/catch.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"

using namespace std::chrono_literals;
using redispp::test::plain_options;
using redispp::ScoredMembers;
using redispp::ZPopEnd;
using redispp::ZRangeBy;
using Members = std::vector<std::string>;

namespace {
constexpr int test_db = 11;
constexpr double inf = std::numeric_limits<double>::infinity();
}  // namespace

TEST_CASE("zadd and its options, scores, ranks, counts and zrem", "[commands][sorted_sets]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  const std::string binary("b\0\xff", 3);
  CHECK(r.zadd("z", {{"a", 1}, {binary, 2.5}}) == 2);
  CHECK(r.zadd("z", std::map<std::string, double>{{"c", 3}, {"a", 1}}) == 1);
  CHECK(r.zadd("z", "d", -inf) == 1);
  CHECK(r.zadd("z", std::vector<std::pair<std::string, int>>{{"e", 10}}) == 1);
  CHECK(r.zcard("z") == 5);
  CHECK(r.zcard("missing") == 0);

  static_assert(std::is_same_v<decltype(r.zscore("z", "a")), std::optional<double>>);
  CHECK(r.zscore("z", binary) == 2.5);
  CHECK(r.zscore("z", "d") == -inf);
  CHECK(r.zscore("z", "zz") == std::nullopt);
  CHECK(r.zscore("missing", "a") == std::nullopt);

  // Conditions and CH.
  CHECK(r.zadd("z", "a", 5, {.nx = true}) == 0);
  CHECK(r.zscore("z", "a") == 1);
  CHECK(r.zadd("z", {{"a", 0.5}, {"new", 1}}, {.xx = true, .ch = true}) == 1);  // a changed, new not added
  CHECK(r.zscore("z", "new") == std::nullopt);
  CHECK(r.zadd("z", "a", 0.25, {.gt = true, .ch = true}) == 0);
  CHECK(r.zadd("z", "a", 0.75, {.gt = true, .ch = true}) == 1);
  CHECK(r.zscore("z", "a") == 0.75);
  CHECK_THROWS_AS(r.zadd("z", "a", 1, {.nx = true, .gt = true}), redispp::DataError);  // refused unsent

  // INCR forms.
  static_assert(std::is_same_v<decltype(r.zadd_incr("z", "a", 1)), std::optional<double>>);
  CHECK(r.zadd_incr("z", "a", 1.25) == 2.0);
  CHECK(r.zadd_incr("z", "a", 1, {.nx = true}) == std::nullopt);
  CHECK(r.zadd_incr("z", "fresh", 1, {.xx = true}) == std::nullopt);
  static_assert(std::is_same_v<decltype(r.zincrby("z", 1, "a")), double>);
  CHECK(r.zincrby("z", -0.5, "a") == 1.5);
  CHECK(r.zincrby("z", 4, "f") == 4.0);

  static_assert(std::is_same_v<decltype(r.zmscore("z", "a")), std::vector<std::optional<double>>>);
  CHECK(r.zmscore("z", "a", "zz", "d") == std::vector<std::optional<double>>{1.5, std::nullopt, -inf});
  CHECK(r.zmscore("missing", {"a"}) == std::vector<std::optional<double>>{std::nullopt});

  // z: d -inf, a 1.5, binary 2.5, c 3, f 4, e 10
  CHECK(r.zrank("z", "d") == 0);
  CHECK(r.zrank("z", "e") == 5);
  CHECK(r.zrank("z", "zz") == std::nullopt);
  CHECK(r.zrevrank("z", "e") == 0);
  CHECK(r.zrevrank("missing", "e") == std::nullopt);
  CHECK(r.zcount("z", "-inf", "+inf") == 6);
  CHECK(r.zcount("z", 1.5, 3) == 3);
  CHECK(r.zcount("z", "(1.5", 3) == 2);

  CHECK(r.zrem("z", "d", "zz") == 1);
  CHECK(r.zrem("z", {binary, "c"}) == 2);
  CHECK(r.zcard("z") == 3);

  r.zadd("lex", {{"a", 0}, {"b", 0}, {"c", 0}, {"d", 0}});
  CHECK(r.zlexcount("lex", "-", "+") == 4);
  CHECK(r.zlexcount("lex", "[b", "(d") == 2);

  r.set("text", "v");
  CHECK_THROWS_AS(r.zadd("text", "a", 1), redispp::WrongTypeError);
  CHECK_THROWS_AS(r.zscore("text", "a"), redispp::WrongTypeError);
  CHECK_THROWS_AS(r.zincrby("text", 1, "a"), redispp::WrongTypeError);
}

TEST_CASE("zrange by rank, score and lex, and the older range commands", "[commands][sorted_sets]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.zadd("z", {{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4.5}, {"e", inf}});
  r.zadd("lex", {{"a", 0}, {"b", 0}, {"c", 0}, {"d", 0}});

  CHECK(r.zrange("z", 0, -1) == Members{"a", "b", "c", "d", "e"});
  CHECK(r.zrange("z", 0, 1, {.rev = true}) == Members{"e", "d"});
  CHECK(r.zrange("missing", 0, -1).empty());
  static_assert(std::is_same_v<decltype(r.zrange_withscores("z", 0, -1)), ScoredMembers>);
  CHECK(r.zrange_withscores("z", 3, -1) == ScoredMembers{{"d", 4.5}, {"e", inf}});
  CHECK(r.zrange("z", 2, "+inf", {.by = ZRangeBy::score}) == Members{"b", "c", "d", "e"});
  CHECK(r.zrange("z", "(2", "+inf", {.by = ZRangeBy::score, .limit = {{1, 2}}}) == Members{"d", "e"});
  CHECK(r.zrange_withscores("z", "+inf", 4, {.by = ZRangeBy::score, .rev = true}) ==
        ScoredMembers{{"e", inf}, {"d", 4.5}});
  CHECK(r.zrange("lex", "[b", "+", {.by = ZRangeBy::lex}) == Members{"b", "c", "d"});
  CHECK(r.zrange("lex", "+", "(b", {.by = ZRangeBy::lex, .rev = true, .limit = {{0, 1}}}) == Members{"d"});
  CHECK_THROWS_AS(r.zrange("z", 0, -1, {.limit = {{0, 1}}}), redispp::DataError);  // LIMIT needs BYSCORE/BYLEX: unsent

  CHECK(r.zrangestore("dst", "z", 1, 2) == 2);
  CHECK(r.zrange_withscores("dst", 0, -1) == ScoredMembers{{"b", 2}, {"c", 3}});
  CHECK(r.zrangestore("dst", "lex", "[c", "+", {.by = ZRangeBy::lex}) == 2);
  CHECK(r.zrange("dst", 0, -1) == Members{"c", "d"});

  CHECK(r.zrevrange("z", 0, 1) == Members{"e", "d"});
  CHECK(r.zrevrange_withscores("z", -2, -1) == ScoredMembers{{"b", 2}, {"a", 1}});
  CHECK(r.zrangebyscore("z", 2, 3) == Members{"b", "c"});
  CHECK(r.zrangebyscore("z", "-inf", "+inf", {{1, 2}}) == Members{"b", "c"});
  CHECK(r.zrangebyscore_withscores("z", "(3", "+inf") == ScoredMembers{{"d", 4.5}, {"e", inf}});
  CHECK(r.zrevrangebyscore("z", 3, "-inf") == Members{"c", "b", "a"});
  CHECK(r.zrevrangebyscore_withscores("z", "+inf", "-inf", {{0, 2}}) == ScoredMembers{{"e", inf}, {"d", 4.5}});
  CHECK(r.zrangebylex("lex", "-", "(c") == Members{"a", "b"});
  CHECK(r.zrangebylex("lex", "-", "+", {{2, 10}}) == Members{"c", "d"});
  CHECK(r.zrevrangebylex("lex", "[c", "-") == Members{"c", "b", "a"});
  CHECK_THROWS_AS(r.zrangebylex("lex", "a", "c"), redispp::ResponseError);  // bounds need [ or (
}

TEST_CASE("zpopmin, zpopmax, zmpop and the blocking pops", "[commands][sorted_sets][blocking]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.zadd("z", {{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}, {"e", 5}});

  static_assert(std::is_same_v<decltype(r.zpopmin("z")), ScoredMembers>);
  CHECK(r.zpopmin("z") == ScoredMembers{{"a", 1}});  // RESP3: a flat [member, score] without count
  CHECK(r.zpopmax("z") == ScoredMembers{{"e", 5}});
  CHECK(r.zpopmin("z", 2) == ScoredMembers{{"b", 2}, {"c", 3}});
  CHECK(r.zpopmax("z", 5) == ScoredMembers{{"d", 4}});
  CHECK(r.zpopmin("missing").empty());
  CHECK(r.zpopmax("missing", 3).empty());

  r.zadd("y", {{"m", 1}, {"n", 2}, {"o", 3}});
  CHECK(r.zmpop({"missing", "y"}, ZPopEnd::max) == redispp::ZMPopResult{"y", {{"o", 3}}});
  const auto popped = r.zmpop("y", ZPopEnd::min, 10);
  REQUIRE(popped);
  CHECK(popped->key == "y");
  CHECK(popped->members == ScoredMembers{{"m", 1}, {"n", 2}});
  CHECK(r.zmpop({"y", "missing"}, ZPopEnd::min) == std::nullopt);

  r.zadd("w", {{"p", 1.5}, {"q", 2.5}});
  static_assert(std::is_same_v<decltype(r.bzpopmin("w", 1s)), std::optional<redispp::ZPopResult>>);
  CHECK(r.bzpopmin({"missing", "w"}, 1s) == redispp::ZPopResult{"w", "p", 1.5});
  CHECK(r.bzpopmax(std::vector<std::string>{"w"}, 1s) == redispp::ZPopResult{"w", "q", 2.5});
  const auto started = std::chrono::steady_clock::now();
  CHECK(r.bzpopmin("w", 200ms) == std::nullopt);
  CHECK(r.bzmpop({"w", "missing"}, ZPopEnd::max, 200ms) == std::nullopt);
  CHECK(std::chrono::steady_clock::now() - started >= 350ms);

  r.zadd("v", {{"x", 1}, {"y", 2}, {"z", 3}});
  CHECK(r.bzmpop("v", ZPopEnd::max, 1s, 2) == redispp::ZMPopResult{"v", {{"z", 3}, {"y", 2}}});

  // A blocked pop is woken by another client's ZADD, longer than the socket time-out would allow
  // were the blocking time not added to it.
  std::thread writer([&] {
    std::this_thread::sleep_for(300ms);
    redispp::Redis other{plain_options(config, test_db)};
    other.zadd("later", "late", 7);
  });
  const auto woken = r.bzpopmax("later", 0s);
  writer.join();
  CHECK(woken == redispp::ZPopResult{"later", "late", 7});

  r.set("text", "v");
  CHECK_THROWS_AS(r.zpopmin("text"), redispp::WrongTypeError);
  CHECK_THROWS_AS(r.bzpopmin("text", 1s), redispp::WrongTypeError);
}

TEST_CASE("zunion, zinter, zdiff, their STORE forms and zintercard", "[commands][sorted_sets]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.zadd("a", {{"x", 1}, {"y", 2}, {"z", 3}});
  r.zadd("b", {{"y", 10}, {"z", 20}, {"w", 30}});

  CHECK(r.zunion({"a", "b"}) == Members{"x", "y", "z", "w"});
  CHECK(r.zunion_withscores({"a", "b"}) == ScoredMembers{{"x", 1}, {"y", 12}, {"z", 23}, {"w", 30}});
  CHECK(r.zunion_withscores(std::vector<std::string>{"a", "b"}, {.weights = {2, 0.5}}) ==
        ScoredMembers{{"x", 2}, {"y", 9}, {"w", 15}, {"z", 16}});
  CHECK(r.zinter({"a", "b"}) == Members{"y", "z"});
  CHECK(r.zinter_withscores({"a", "b"}, {.aggregate = redispp::ZAggregate::max}) == ScoredMembers{{"y", 10}, {"z", 20}});
  CHECK(r.zinter_withscores({"a", "b"}, {.weights = {1, -1}, .aggregate = redispp::ZAggregate::min}) ==
        ScoredMembers{{"z", -20}, {"y", -10}});
  CHECK(r.zinter({"a", "missing"}).empty());
  CHECK(r.zdiff({"a", "b"}) == Members{"x"});
  CHECK(r.zdiff_withscores({"b", "a"}) == ScoredMembers{{"w", 30}});
  CHECK(r.zdiff("a") == Members{"x", "y", "z"});

  CHECK(r.zunionstore("u", {"a", "b"}, {.aggregate = redispp::ZAggregate::min}) == 4);
  CHECK(r.zrange_withscores("u", 0, -1) == ScoredMembers{{"x", 1}, {"y", 2}, {"z", 3}, {"w", 30}});
  CHECK(r.zinterstore("i", {"a", "b"}) == 2);
  CHECK(r.zscore("i", "z") == 23);
  CHECK(r.zdiffstore("d", {"a", "b"}) == 1);
  CHECK(r.zrange("d", 0, -1) == Members{"x"});
  CHECK(r.zinterstore("i", {"a", "missing"}) == 0);
  CHECK(r.exists("i") == 0);

  CHECK(r.zintercard({"a", "b"}) == 2);
  CHECK(r.zintercard({"a", "b"}, 1) == 1);
  CHECK(r.zintercard("a") == 3);
  CHECK_THROWS_AS(r.zunion({"a", "b"}, {.weights = {1}}), redispp::ResponseError);  // one weight per key
}

TEST_CASE("zrandmember, zremrangeby*, zscan and zscan_iter", "[commands][sorted_sets][scan]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.zadd("z", {{"a", 1}, {"b", 2}});
  CHECK(r.zrandmember("missing") == std::nullopt);
  CHECK(r.zrandmember("missing", 3).empty());
  const auto one = r.zrandmember("z");
  REQUIRE(one);
  CHECK((*one == "a" || *one == "b"));
  CHECK(r.zrandmember("z", -5).size() == 5);
  auto scored = r.zrandmember_withscores("z", 2);
  std::sort(scored.begin(), scored.end());
  CHECK(scored == ScoredMembers{{"a", 1}, {"b", 2}});
  CHECK(r.zrandmember_withscores("z", -3).size() == 3);

  r.zadd("n", {{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}, {"e", 5}});
  CHECK(r.zremrangebyrank("n", 0, 0) == 1);
  CHECK(r.zremrangebyscore("n", "(4", "+inf") == 1);
  CHECK(r.zrange("n", 0, -1) == Members{"b", "c", "d"});
  r.zadd("lex", {{"a", 0}, {"b", 0}, {"c", 0}});
  CHECK(r.zremrangebylex("lex", "[a", "(c") == 2);
  CHECK(r.zrange("lex", 0, -1) == Members{"c"});

  ScoredMembers many;
  for (int i = 0; i < 300; ++i) many.emplace_back("m:" + std::to_string(i), i + 0.5);
  r.zadd("big", many);
  std::map<std::string, double> seen;
  std::uint64_t cursor = 0;
  int pages = 0;
  do {
    auto page = r.zscan("big", cursor, {.count = 40});
    static_assert(std::is_same_v<decltype(page.items), ScoredMembers>);
    cursor = page.cursor;
    seen.insert(page.items.begin(), page.items.end());
    ++pages;
  } while (cursor != 0);
  CHECK(pages > 1);
  CHECK(seen == std::map<std::string, double>(many.begin(), many.end()));

  std::map<std::string, double> matched;
  for (const auto& [member, score] : r.zscan_iter("big", {.match = "m:2?"})) matched.emplace(member, score);
  CHECK(matched.size() == 10);
  CHECK(matched.at("m:25") == 25.5);
  // A small (listpack-encoded) set comes back in one page, in score order.
  auto small = r.zscan("z");
  CHECK(small.cursor == 0);
  CHECK(small.items == ScoredMembers{{"a", 1}, {"b", 2}});
}

TEST_CASE("sorted set commands in a pipeline", "[commands][sorted_sets][pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{plain_options(config, test_db)};
  redispp::test::for_each_pipeline_kind(r, [&](bool transaction) {
    auto p = r.pipeline(transaction);
    p.zadd("z", {{"a", 1}, {"b", 2.5}})
        .zincrby("z", 1, "a")
        .zscore("z", "missing")
        .zrange_withscores("z", 0, -1)
        .zmscore("z", "a", "x")
        .zpopmax("z")
        .zmpop("missing", ZPopEnd::min)
        .zrank("z", "a");
    auto res = p.execute();
    REQUIRE(res.size() == 8);
    CHECK(res.get<long long>(0) == 2);
    CHECK(res.get<double>(1) == 2.0);
    CHECK(res.get<std::optional<double>>(2) == std::nullopt);
    CHECK(res.get<ScoredMembers>(3) == ScoredMembers{{"a", 2}, {"b", 2.5}});
    CHECK(res.get<std::vector<std::optional<double>>>(4) == std::vector<std::optional<double>>{2.0, std::nullopt});
    CHECK(res.get<ScoredMembers>(5) == ScoredMembers{{"b", 2.5}});
    CHECK(res.get<std::optional<redispp::ZMPopResult>>(6) == std::nullopt);
    CHECK(res.get<std::optional<long long>>(7) == 0);
  });
}
