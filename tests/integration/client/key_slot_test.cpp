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
