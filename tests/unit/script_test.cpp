// Script without a server: its sha is computed here, and the command it sends is EVALSHA (or
// EVALSHA_RO) with its keys where the command's key positions say (for cluster routing).
#include "support/catch.hpp"

#include <string>
#include <vector>

#include <redispp/protocol/encoder.hpp>
#include <redispp/script.hpp>

#include "support/resp_text.hpp"  // redispp::test::wire

using redispp::test::wire;

namespace {
// A client that is never used to connect: a Script sends nothing until called.
redispp::Redis idle_client() { return redispp::Redis{redispp::ConnectionOptions{}}; }
}  // namespace

TEST_CASE("Script: the sha is the SHA-1 of the source, as Redis computes it", "[script]") {
  const redispp::Script script = idle_client().register_script("return 1");
  CHECK(script.sha() == "e0e1f9fabfc9d4800c877a703b823ac0578ff8db");  // redis-cli SCRIPT LOAD "return 1"
  CHECK(script.source() == "return 1");
  CHECK(idle_client().register_script("return 2").sha() != script.sha());
}

TEST_CASE("Script: call sends EVALSHA with numkeys, keys and arguments of any kind", "[script]") {
  const redispp::Script script = idle_client().register_script("return redis.call('INCRBY', KEYS[1], ARGV[1])");
  const auto command = script.command<long long>({"counter", "other"}, {5, "x", 2.5});
  CHECK(command.wire() == wire("EVALSHA", script.sha(), 2, "counter", "other", 5, "x", 2.5));
  CHECK(command.name() == "EVALSHA");
  CHECK(command.key_positions().known());
  CHECK(command.keys() == std::vector<std::string_view>{"counter", "other"});
  CHECK_FALSE(command.is_read_only());

  const auto no_keys = script.command({}, {1});
  CHECK(no_keys.wire() == wire("EVALSHA", script.sha(), 0, 1));
  CHECK(no_keys.keys().empty());
  CHECK(no_keys.key_positions().known());
}

TEST_CASE("Script: the read-only form is EVALSHA_RO, marked read-only", "[script]") {
  const redispp::Script script = idle_client().register_script("return redis.call('GET', KEYS[1])");
  const auto command = script.command_ro<std::optional<std::string>>({"k"});
  CHECK(command.wire() == wire("EVALSHA_RO", script.sha(), 1, "k"));
  CHECK(command.is_read_only());
  CHECK(command.keys() == std::vector<std::string_view>{"k"});
}
