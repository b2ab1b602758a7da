// key_slot against a cluster node's own answer (CLUSTER KEYSLOT) for 10,000 keys: plain, binary,
// and with every shape of hash tag. The "cluster" server of the fixture: one cluster-enabled node.
#include "support/catch.hpp"

#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <redispp/protocol/key_slot.hpp>
#include <redispp/redispp.hpp>

#include "support/test_servers.hpp"

// Known answers, checked at compile time: CRC16/XMODEM("123456789") is 0x31C3.
static_assert(redispp::key_slot("123456789") == 0x31C3 % 16384);
static_assert(redispp::key_slot("{user1000}.following") == redispp::key_slot("{user1000}.followers"));
static_assert(redispp::hash_tag("foo{}{bar}") == "foo{}{bar}");  // the first tag is empty: no tag
static_assert(redispp::hash_tag("foo{{bar}}zap") == "{bar");
static_assert(redispp::hash_tag("foo{bar}{zap}") == "bar");
static_assert(redispp::hash_tag("{}x") == "{}x");
static_assert(redispp::hash_tag("no braces") == "no braces");

namespace {
std::vector<std::string> sample_keys() {
  std::mt19937 random(20261207);
  std::vector<std::string> keys{"", "{", "}", "{}", "}{", "{a}", "a{b}c", "{{}}", "x{}y{z}", "{\x00}", "\xff\xfe"};
  const std::string shapes[] = {"plain", "{tag}rest", "pre{tag}post", "{}{tag}", "{tag", "tag}", "{a}{b}"};
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> length(0, 24);
  while (keys.size() < 10'000) {
    std::string key;
    const int n = length(random);
    for (int i = 0; i < n; ++i) key.push_back(static_cast<char>(byte(random)));
    // Put braces in most keys, at random places, so tags of every shape occur.
    const std::string& shape = shapes[keys.size() % std::size(shapes)];
    key.insert(key.size() / 2, shape);
    keys.push_back(std::move(key));
  }
  return keys;
}
}  // namespace

TEST_CASE("key_slot agrees with CLUSTER KEYSLOT for 10,000 keys", "[cluster][slot]") {
  redispp::Redis node{redispp::test::server("cluster").options()};
  const std::vector<std::string> keys = sample_keys();
  auto pipe = node.pipeline(false);
  for (const std::string& key : keys) pipe.execute_command("CLUSTER", "KEYSLOT", key);
  const auto answers = pipe.execute();
  REQUIRE(answers.size() == keys.size());
  std::size_t mismatches = 0;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const long long expected = answers.get<redispp::Reply>(i).integer();
    if (redispp::key_slot(keys[i]) != expected) {
      ++mismatches;
      UNSCOPED_INFO(fmt::format("key {} ({}): {} against {}", i, redispp::Reply::bulk_string(keys[i]),
                                redispp::key_slot(keys[i]), expected));
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("a pipeline keeps each command whole: its bytes and its key's slot", "[cluster][slot][pipeline]") {
  redispp::Redis node{redispp::test::server("cluster").options()};
  auto pipe = node.pipeline(false);
  pipe.set("{user:1}:name", "ann").get("user:2").ping().incr("{user:1}:visits").execute_command("GET", "k");
  REQUIRE(pipe.size() == 5);
  CHECK(pipe.command_wire(0) == "*3\r\n$3\r\nSET\r\n$13\r\n{user:1}:name\r\n$3\r\nann\r\n");
  CHECK(pipe.command_wire(1) == "*2\r\n$3\r\nGET\r\n$6\r\nuser:2\r\n");
  CHECK(pipe.command_wire(2) == "*1\r\n$4\r\nPING\r\n");
  CHECK(pipe.command_slot(0) == redispp::key_slot("user:1"));
  CHECK(pipe.command_slot(3) == pipe.command_slot(0));  // one hash tag, one slot
  CHECK(pipe.command_slot(1) == redispp::key_slot("user:2"));
  CHECK_FALSE(pipe.command_slot(2).has_value());  // PING: no key
  CHECK_FALSE(pipe.command_slot(4).has_value());  // given as text: keys not known
  // The commands' bytes lie end to end in the batch: nothing between them.
  for (std::size_t i = 1; i < pipe.size(); ++i)
    CHECK(pipe.command_wire(i).data() == pipe.command_wire(i - 1).data() + pipe.command_wire(i - 1).size());
  auto transaction = node.pipeline();
  transaction.set("{user:1}:name", "ann");
  CHECK(transaction.command_wire(0) == pipe.command_wire(0));  // MULTI is not part of it
  CHECK_THROWS_AS(pipe.command_wire(5), std::out_of_range);
}
