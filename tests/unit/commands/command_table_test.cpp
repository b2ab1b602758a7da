// CommandTable: COMMAND INFO entries (as a Redis 7.0 server sends them) read into facts, without
// a server. The live side (execute_command asking the server) is in
// tests/integration/client/execute_command_facts_test.cpp.
#include "support/catch.hpp"

#include <string>

#include <redispp/commands/command_table.hpp>

#include "support/resp_text.hpp"

using redispp::CommandFlags;
using redispp::CommandTable;
using redispp::KeyPositions;

namespace {

redispp::Reply reply_of(const std::string& wire) {
  auto replies = redispp::test::parse_replies(wire);
  REQUIRE(replies.size() == 1);
  return std::move(replies.front());
}

// One COMMAND INFO entry: name, arity, flags, first key, last key, step (the later fields of a
// real entry are not read, and left out here except subcommands).
std::string entry(const std::string& name, const std::vector<std::string>& flags, int first, int last, int step,
                  const std::string& subcommands = "") {
  std::string out = subcommands.empty() ? "*6\r\n" : "*10\r\n";
  out += "$" + std::to_string(name.size()) + "\r\n" + name + "\r\n:2\r\n";
  out += "*" + std::to_string(flags.size()) + "\r\n";
  for (const auto& f : flags) out += "+" + f + "\r\n";
  out += ":" + std::to_string(first) + "\r\n:" + std::to_string(last) + "\r\n:" + std::to_string(step) + "\r\n";
  if (!subcommands.empty()) out += "*0\r\n*0\r\n*0\r\n" + subcommands;
  return out;
}

}  // namespace

TEST_CASE("command_facts_from_info: flags and key positions", "[command_table]") {
  const auto get = redispp::command_facts_from_info(reply_of(entry("get", {"readonly", "fast"}, 1, 1, 1)));
  CHECK(get.flags == CommandFlags::read_only);
  CHECK(get.keys == KeyPositions::at(1));

  const auto mset = redispp::command_facts_from_info(reply_of(entry("mset", {"write", "denyoom"}, 1, -1, 2)));
  CHECK(mset.flags == CommandFlags::none);
  CHECK(mset.keys == KeyPositions::range(1, -1, 2));

  const auto blpop = redispp::command_facts_from_info(reply_of(entry("blpop", {"write", "blocking"}, 1, -2, 1)));
  CHECK(blpop.flags == CommandFlags::blocking);
  CHECK(blpop.keys == KeyPositions::range(1, -2, 1));

  const auto ping = redispp::command_facts_from_info(reply_of(entry("ping", {"fast"}, 0, 0, 0)));
  CHECK(ping.keys == KeyPositions::none());

  // movablekeys: the three numbers cannot say where the keys are.
  const auto eval = redispp::command_facts_from_info(reply_of(entry("eval", {"noscript", "movablekeys"}, 0, 0, 0)));
  CHECK_FALSE(eval.keys.known());

  // Malformed entries give nothing.
  CHECK_FALSE(redispp::command_facts_from_info(reply_of("*2\r\n$3\r\nget\r\n:2\r\n")).keys.known());
  CHECK_FALSE(redispp::command_facts_from_info(reply_of(":1\r\n")).keys.known());
}

TEST_CASE("CommandTable: learned per name, subcommands apart, refusals remembered", "[command_table]") {
  CommandTable table;
  CHECK_FALSE(table.asked("GET"));
  table.learn("get", reply_of("*1\r\n" + entry("get", {"readonly"}, 1, 1, 1)));
  CHECK(table.asked("GET"));
  CHECK(table.asked("Get"));
  REQUIRE(table.find("GET"));
  CHECK(table.find("gEt")->flags == CommandFlags::read_only);
  CHECK(table.find("GET", "somekey")->keys == KeyPositions::at(1));  // not a container: the command's facts

  const std::string subs = "*2\r\n" + entry("client|list", {"admin", "noscript"}, 0, 0, 0) +
                           entry("client|getname", {"noscript", "readonly"}, 0, 0, 0);
  table.learn("CLIENT", reply_of("*1\r\n" + entry("client", {}, 0, 0, 0, subs)));
  CHECK(table.find("client", "getname")->flags == CommandFlags::read_only);
  CHECK(table.find("CLIENT", "LIST")->flags == CommandFlags::none);

  // An unknown command (a nil entry) and a refusal (an error reply): asked, not described.
  table.learn("NOSUCH", reply_of("*1\r\n*-1\r\n"));
  CHECK(table.asked("nosuch"));
  CHECK_FALSE(table.find("NOSUCH"));
  table.learn("HGET", reply_of("-NOPERM this user has no permissions to run the 'command|info' command\r\n"));
  CHECK(table.asked("HGET"));
  CHECK_FALSE(table.find("HGET"));
  // After a refusal, no name is asked about again (one ACL LOG entry, not one per name); what
  // was learned before stays.
  CHECK(table.asked("ZADD"));
  CHECK(table.find("GET"));
}
