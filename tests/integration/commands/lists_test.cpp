// List commands against a real server, in every parser x protocol configuration.
// Database 20 is this file's own.
#include "support/catch.hpp"

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"

using namespace std::chrono_literals;
using redispp::ListEnd;
using redispp::test::plain_options;

namespace {
constexpr int test_db = 20;
using Strings = std::vector<std::string>;
using Popped = std::optional<std::pair<std::string, std::vector<std::string>>>;
}  // namespace

TEST_CASE("push, pop, range, index, length", "[commands][lists]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  CHECK(r.rpush("l", "b", "c") == 2);
  CHECK(r.lpush("l", "a") == 3);
  CHECK(r.lpushx("nope", "x") == 0);
  CHECK(r.rpushx("l", std::string("\0d", 2)) == 4);
  CHECK_FALSE(r.exists("nope"));
  CHECK(r.lrange("l", 0, -1) == Strings{"a", "b", "c", std::string("\0d", 2)});
  CHECK(r.llen("l") == 4);
  CHECK(r.lindex("l", 1) == "b");
  CHECK(r.lindex("l", 99) == std::nullopt);
  CHECK(r.lpop("l") == "a");
  CHECK(r.rpop("l") == std::string("\0d", 2));
  CHECK(r.lpop("l", 5) == Strings{"b", "c"});
  CHECK(r.lpop("l") == std::nullopt);
  CHECK(r.rpop("l", 2) == std::nullopt);
  r.set("s", "v");
  CHECK_THROWS_AS(r.lpush("s", "x"), redispp::WrongTypeError);
}

TEST_CASE("lset, linsert, lrem, ltrim, lpos", "[commands][lists]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.rpush("l", "a", "b", "a", "c", "a");
  CHECK(r.lset("l", 1, "B"));
  CHECK_THROWS_AS(r.lset("l", 99, "x"), redispp::ResponseError);
  CHECK(r.linsert("l", true, "c", "before-c") == 6);
  CHECK(r.linsert("l", false, "missing", "x") == -1);
  CHECK(r.linsert("nope", false, "a", "x") == 0);
  CHECK(r.lpos("l", "a") == 0);
  CHECK(r.lpos("l", "a", {.rank = 2}) == 2);
  CHECK(r.lpos("l", "a", {.rank = -1}) == 5);
  CHECK(r.lpos("l", "zzz") == std::nullopt);
  CHECK(r.lpos("l", "a", 0, {}) == std::vector<long long>{0, 2, 5});
  CHECK(r.lpos("l", "a", 2, {.maxlen = 3}) == std::vector<long long>{0, 2});
  CHECK(r.lrem("l", -1, "a") == 1);
  CHECK(r.lrange("l", 0, -1) == Strings{"a", "B", "a", "before-c", "c"});
  CHECK(r.lrem("l", 0, "a") == 2);
  CHECK(r.ltrim("l", 1, -1));
  CHECK(r.lrange("l", 0, -1) == Strings{"before-c", "c"});
}

TEST_CASE("lmove, rpoplpush and lmpop", "[commands][lists]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.rpush("src", "1", "2", "3");
  CHECK(r.lmove("src", "dst", ListEnd::left, ListEnd::right) == "1");
  CHECK(r.rpoplpush("src", "dst") == "3");
  CHECK(r.lrange("dst", 0, -1) == Strings{"3", "1"});
  CHECK(r.rpoplpush("nope", "dst") == std::nullopt);
  CHECK(r.rpoplpush("dst", "dst") == "1");  // rotation
  CHECK(r.lrange("dst", 0, -1) == Strings{"1", "3"});

  CHECK(r.lmpop({"empty", "nope"}, ListEnd::left) == std::nullopt);
  r.rpush("b", "x", "y", "z");
  CHECK(r.lmpop({"empty", "b"}, ListEnd::left) == Popped{{"b", {"x"}}});
  CHECK(r.lmpop("b", ListEnd::right, 5) == Popped{{"b", {"z", "y"}}});
  CHECK_FALSE(r.exists("b"));
  r.rpush("c", "1", "2");
  CHECK(r.lmpop(std::vector<std::string>{"a", "b", "c"}, ListEnd::left, 2) == Popped{{"c", {"1", "2"}}});
  r.rpush("c", "1");
  CHECK_THROWS_AS(r.lmpop("c", ListEnd::left, 0), redispp::ResponseError);
}

TEST_CASE("blocking pops: blpop, brpop, blmove, brpoplpush, blmpop", "[commands][lists][blocking]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.rpush("l", "a", "b", "c", "d", "e");
  CHECK(r.blpop({"nope", "l"}, 1s) == std::pair<std::string, std::string>{"l", "a"});
  CHECK(r.brpop("l", 1s) == std::pair<std::string, std::string>{"l", "e"});
  CHECK(r.blmove("l", "dst", ListEnd::right, ListEnd::left, 1s) == "d");
  CHECK(r.brpoplpush("l", "dst", 1s) == "c");
  CHECK(r.lrange("dst", 0, -1) == Strings{"c", "d"});
  CHECK(r.blmpop({"nope", "dst"}, ListEnd::right, 1s, 10) == Popped{{"dst", {"d", "c"}}});
  CHECK(r.blmpop("l", ListEnd::left, 1s) == Popped{{"l", {"b"}}});

  // Timeouts give nullopt after (about) the time asked, with fractions of a second honoured.
  auto start = std::chrono::steady_clock::now();
  CHECK(r.blmpop({"empty1", "empty2"}, ListEnd::left, 200ms) == std::nullopt);
  CHECK(std::chrono::steady_clock::now() - start >= 150ms);
  start = std::chrono::steady_clock::now();
  CHECK(r.brpoplpush("empty", "dst", 200ms) == std::nullopt);
  CHECK(std::chrono::steady_clock::now() - start >= 150ms);

  // A push from another client wakes the blocked pop (timeout 0 = no limit).
  std::thread pusher([&] {
    std::this_thread::sleep_for(100ms);
    redispp::Redis other{plain_options(config, test_db)};
    other.rpush("late", "1", "2");
  });
  const Popped popped = r.blmpop("late", ListEnd::left, 0ms, 5);
  pusher.join();
  CHECK(popped == Popped{{"late", {"1", "2"}}});
}

TEST_CASE("list commands in a pipeline", "[commands][lists][pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  auto p = r.pipeline();
  p.rpush("l", "a", "b", "c")
      .lmpop({"nope", "l"}, ListEnd::right, 2)
      .lmpop("nope", ListEnd::left)
      .rpoplpush("l", "m")
      .lpos("m", "a")
      .lpop("l", 3)
      .lrange("m", 0, -1);
  auto res = p.execute();
  REQUIRE(res.size() == 7);
  CHECK(res.get<long long>(0) == 3);
  CHECK(res.get<Popped>(1) == Popped{{"l", {"c", "b"}}});
  CHECK(res.get<Popped>(2) == std::nullopt);
  CHECK(res.get<std::optional<std::string>>(3) == "a");
  CHECK(res.get<std::optional<long long>>(4) == 0);
  CHECK(res.get<std::optional<std::vector<std::string>>>(5) == std::nullopt);
  CHECK(res.get<std::vector<std::string>>(6) == Strings{"a"});
}
