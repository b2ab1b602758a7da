// Hash commands against a real server, in every parser x protocol configuration (HGETALL,
// HRANDFIELD ... WITHVALUES and HSCAN reply with maps or nested pairs in RESP3, flat arrays in
// RESP2: the C++ values must be the same). Database 21 is this file's own.
#include "support/catch.hpp"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <unordered_map>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"

using redispp::test::plain_options;

namespace {
constexpr int test_db = 21;
using Map = std::unordered_map<std::string, std::string>;
}  // namespace

// A struct written as a hash and read back: the "Your own types" example of docs/api-contract.md.
namespace shop {
struct Item {
  std::string name;
  long long stock = 0;
  double price = 0;
  friend bool operator==(const Item&, const Item&) = default;
};
auto redispp_to_fields(const Item& i) {
  return std::tuple(std::pair("name", std::string_view(i.name)), std::pair("stock", i.stock),
                    std::pair("price", i.price));
}
Item redispp_from_reply(redispp::Reply&& reply, std::type_identity<Item>) {
  auto f = redispp::convert<std::unordered_map<std::string, redispp::Reply>>(std::move(reply));
  return Item{redispp::convert<std::string>(std::move(f["name"])), redispp::convert<long long>(std::move(f["stock"])),
              redispp::convert<double>(std::move(f["price"]))};
}
}  // namespace shop

TEST_CASE("hset, hget, hmget, hgetall, hdel, hexists, hlen", "[commands][hashes]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  CHECK(r.hset("h", "f1", "v1") == 1);
  CHECK(r.hset("h", "f1", "v1b") == 0);  // updated, not added
  CHECK(r.hset("h", {{"f2", "v2"}, {"f3", std::string_view("\0v3", 3)}}) == 2);
  CHECK(r.hset("h", std::map<std::string, int>{{"n", 7}}) == 1);
  CHECK(r.hget("h", "f1") == "v1b");
  CHECK(r.hget("h", "nope") == std::nullopt);
  CHECK(r.hget("nope", "f1") == std::nullopt);
  CHECK(r.hmget("h", "f2", "nope", "n") == std::vector<std::optional<std::string>>{"v2", std::nullopt, "7"});
  CHECK(r.hmget("h", {"f1"}) == std::vector<std::optional<std::string>>{"v1b"});
  CHECK(r.hgetall("h") == Map{{"f1", "v1b"}, {"f2", "v2"}, {"f3", std::string("\0v3", 3)}, {"n", "7"}});
  CHECK(r.hgetall("nope").empty());
  CHECK(r.hlen("h") == 4);
  CHECK(r.hexists("h", "f2"));
  CHECK_FALSE(r.hexists("h", "nope"));
  CHECK(r.hdel("h", "f2", "nope") == 1);
  CHECK(r.hdel("h", {"f3", "n"}) == 2);
  CHECK(r.hlen("h") == 1);
  r.set("s", "v");
  CHECK_THROWS_AS(r.hget("s", "f"), redispp::WrongTypeError);
  CHECK_THROWS_AS(r.hgetall("s"), redispp::WrongTypeError);
}

TEST_CASE("hmset, hsetnx, hstrlen, hkeys, hvals", "[commands][hashes]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  CHECK(r.hmset("h", {{"a", "1"}, {"b", "22"}}));
  CHECK(r.hmset("h", std::vector<std::pair<std::string, std::string>>{{"c", "333"}, {"a", "0"}}));
  CHECK(r.hgetall("h") == Map{{"a", "0"}, {"b", "22"}, {"c", "333"}});
  CHECK_FALSE(r.hsetnx("h", "a", "x"));
  CHECK(r.hget("h", "a") == "0");
  CHECK(r.hsetnx("h", "d", "4444"));
  CHECK(r.hstrlen("h", "d") == 4);
  CHECK(r.hstrlen("h", "nope") == 0);
  const auto keys = r.hkeys("h");
  CHECK(std::set<std::string>(keys.begin(), keys.end()) == std::set<std::string>{"a", "b", "c", "d"});
  const auto values = r.hvals("h");
  CHECK(std::multiset<std::string>(values.begin(), values.end()) ==
        std::multiset<std::string>{"0", "22", "333", "4444"});
  CHECK(r.hkeys("nope").empty());
  r.rpush("l", "x");
  CHECK_THROWS_AS(r.hmset("l", {{"a", "1"}}), redispp::WrongTypeError);
}

TEST_CASE("hincrby and hincrbyfloat", "[commands][hashes]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  CHECK(r.hincrby("h", "n", 5) == 5);
  CHECK(r.hincrby("h", "n", -7) == -2);
  CHECK(r.hincrbyfloat("h", "f", 1.25) == 1.25);
  CHECK(r.hincrbyfloat("h", "n", 0.5) == -1.5);
  r.hset("h", "text", "abc");
  CHECK_THROWS_AS(r.hincrby("h", "text", 1), redispp::ResponseError);
  CHECK_THROWS_AS(r.hincrbyfloat("h", "text", 1.0), redispp::ResponseError);
}

TEST_CASE("hrandfield and hscan", "[commands][hashes]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  const Map all{{"a", "1"}, {"b", "2"}, {"c", "3"}};
  r.hset("h", all);
  CHECK(r.hrandfield("nope") == std::nullopt);
  const std::optional<std::string> one = r.hrandfield("h");
  REQUIRE(one.has_value());
  CHECK(all.count(*one) == 1);
  const std::vector<std::string> two = r.hrandfield("h", 2);
  REQUIRE(two.size() == 2);
  CHECK(two[0] != two[1]);
  CHECK(r.hrandfield("h", -5).size() == 5);  // negative: repeats allowed
  CHECK(r.hrandfield("nope", 3).empty());

  const auto pairs = r.hrandfield_withvalues("h", 10);  // more than there are: each once
  REQUIRE(pairs.size() == 3);
  for (const auto& [field, value] : pairs) CHECK(all.at(field) == value);
  const auto repeated = r.hrandfield_withvalues("h", -4);
  REQUIRE(repeated.size() == 4);
  for (const auto& [field, value] : repeated) CHECK(all.at(field) == value);

  Map scanned;
  std::uint64_t cursor = 0;
  do {
    auto page = r.hscan("h", cursor, {.count = 1});
    cursor = page.cursor;
    scanned.insert(page.items.begin(), page.items.end());
  } while (cursor != 0);
  CHECK(scanned == all);
  CHECK(r.hscan("h", 0, {.match = "b*"}).items == Map{{"b", "2"}});
  CHECK(r.hscan("nope").items.empty());
}

TEST_CASE("hash commands in a pipeline", "[commands][hashes][pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  auto p = r.pipeline();
  p.hmset("h", {{"a", "1"}, {"b", "2"}})
      .hgetall("h")
      .hrandfield_withvalues("h", 5)
      .hincrbyfloat("h", "a", 0.5)
      .hmget("h", "a", "nope")
      .hexists("h", "b");
  auto res = p.execute();
  REQUIRE(res.size() == 6);
  CHECK(res.get<bool>(0));
  CHECK(res.get<Map>(1) == Map{{"a", "1"}, {"b", "2"}});
  const auto pairs = res.get<std::vector<std::pair<std::string, std::string>>>(2);
  CHECK(Map(pairs.begin(), pairs.end()) == Map{{"a", "1"}, {"b", "2"}});
  CHECK(res.get<double>(3) == 1.5);
  CHECK(res.get<std::vector<std::optional<std::string>>>(4) == std::vector<std::optional<std::string>>{"1.5", std::nullopt});
  CHECK(res.get<bool>(5));
}

TEST_CASE("a struct round trips through a hash: redispp_to_fields and hgetall<T>", "[commands][hashes]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  const shop::Item lamp{std::string("desk lamp\0 \xff", 13), -42, 0.1};
  CHECK(r.hset("item:1", lamp) == 3);
  CHECK(r.hgetall("item:1") == Map{{"name", lamp.name}, {"stock", "-42"}, {"price", "0.1"}});
  const shop::Item back = r.hgetall<shop::Item>("item:1");
  CHECK(back == lamp);  // the double too: written in its shortest round-trip form

  const shop::Item chair{"chair", 7, 1e300};
  CHECK(r.hmset("item:2", chair));
  CHECK(r.hgetall<shop::Item>("item:2") == chair);
  CHECK(r.hset("item:2", lamp) == 0);  // the same three fields, overwritten
  CHECK(r.hgetall<shop::Item>("item:2") == lamp);

  // Other T for hgetall: any map convert<T> makes.
  CHECK(r.hgetall<std::map<std::string, std::string>>("item:2").at("stock") == "-42");
  // A missing key is an empty hash: this Item's conversion refuses the missing fields.
  CHECK_THROWS_AS(r.hgetall<shop::Item>("nope"), redispp::DataError);

  auto p = r.pipeline(false);
  p.hset("item:3", chair).hgetall<shop::Item>("item:3").hgetall("item:3");
  auto res = p.execute();
  REQUIRE(res.size() == 3);
  CHECK(res.get<long long>(0) == 3);
  CHECK(res.get<shop::Item>(1) == chair);
  CHECK(res.get<Map>(2).at("price") == "1e+300");
}
