// Command builders: the bytes each one puts on the wire, checked against encode_command.
#include "support/catch.hpp"

#include <map>

#include <redispp/commands/command_set.hpp>
#include <redispp/protocol/encoder.hpp>

#include "support/resp_text.hpp"  // redispp::test::wire

using redispp::test::wire;

using namespace std::chrono_literals;
namespace cmd = redispp::cmd;

TEST_CASE("SET builds its options in Redis' order", "[commands]") {
  CHECK(cmd::set("k", "v", {}).wire() == wire("SET", "k", "v"));
  CHECK(cmd::set("k", "v", {.ex = 10s, .nx = true}).wire() == wire("SET", "k", "v", "EX", 10, "NX"));
  CHECK(cmd::set("k", 5, {.px = 1500ms, .xx = true}).wire() == wire("SET", "k", 5, "PX", 1500, "XX"));
  CHECK(cmd::set("k", "v", {.exat = redispp::UnixSeconds(100s)}).wire() == wire("SET", "k", "v", "EXAT", 100));
  CHECK(cmd::set("k", "v", {.keepttl = true}).wire() == wire("SET", "k", "v", "KEEPTTL"));
  CHECK(cmd::set_get("k", "v", {}).wire() == wire("SET", "k", "v", "GET"));
  CHECK_THROWS_WITH(cmd::set("k", "v", {.get = true}), Catch::Contains("set_get()"));
  CHECK(cmd::set("k", "v", {}).name() == "SET");
}

TEST_CASE("blocking commands extend the socket time-out by their own", "[commands]") {
  const auto blpop = cmd::blpop(std::vector<std::string>{"a", "b"}, 1500ms);
  CHECK(blpop.wire() == wire("BLPOP", "a", "b", 1.5));
  CHECK(blpop.block_timeout() == 1500ms);
  const auto forever = cmd::brpop(std::string_view("a"), 0ms);
  CHECK(forever.wire() == wire("BRPOP", "a", 0.0));
  CHECK(forever.block_timeout().count() < 0);  // no limit at all
  CHECK(cmd::blmove("s", "d", redispp::ListEnd::left, redispp::ListEnd::right, 2s).wire() ==
        wire("BLMOVE", "s", "d", "LEFT", "RIGHT", 2.0));
  CHECK(cmd::get("k").block_timeout() == 0ms);
}

TEST_CASE("many-key and mapping commands expand their ranges", "[commands]") {
  CHECK(cmd::del("a", "b").wire() == wire("DEL", "a", "b"));
  CHECK(cmd::mget(std::vector<std::string>{"a", "b"}).wire() == wire("MGET", "a", "b"));
  const std::map<std::string, std::string> mapping{{"f1", "v1"}, {"f2", "v2"}};
  CHECK(cmd::hset("h", mapping).wire() == wire("HSET", "h", "f1", "v1", "f2", "v2"));
  CHECK(cmd::mset(mapping).wire() == wire("MSET", "f1", "v1", "f2", "v2"));
  CHECK(cmd::expire("k", 5s, {.nx = true}).wire() == wire("EXPIRE", "k", 5, "NX"));
  CHECK(cmd::scan(7, {.match = "u:*", .count = 100, .type = "hash"}).wire() ==
        wire("SCAN", 7, "MATCH", "u:*", "COUNT", 100, "TYPE", "hash"));
  CHECK(cmd::lpos("l", "x", 0, {.rank = -1, .maxlen = 10}).wire() ==
        wire("LPOS", "l", "x", "RANK", -1, "COUNT", 0, "MAXLEN", 10));
  CHECK(cmd::getex("k", {.persist = true}).wire() == wire("GETEX", "k", "PERSIST"));
  CHECK(cmd::client_list().name() == "CLIENT");
}

TEST_CASE("commands convert their replies to their C++ type", "[commands]") {
  using redispp::Reply;
  CHECK(cmd::ping().convert(Reply::simple_string("PONG")));
  CHECK_FALSE(cmd::ping().convert(Reply::simple_string("NOT PONG")));
  const auto t = cmd::time().convert(Reply::array({Reply::bulk_string("1700000000"), Reply::bulk_string("250")}));
  CHECK(t.time_since_epoch() == 1700000000s + 250us);
  const auto page = cmd::scan(0, {}).convert(
      Reply::array({Reply::bulk_string("17"), Reply::array({Reply::bulk_string("k1"), Reply::bulk_string("k2")})}));
  CHECK(page.cursor == 17);
  CHECK(page.items == std::vector<std::string>{"k1", "k2"});
  const auto info = cmd::info().convert(Reply::verbatim("txt", "# Clients\r\nconnected_clients:3\r\n"));
  CHECK(info.integer("connected_clients") == 3);
  CHECK(cmd::blpop(std::string_view("a"), 1s).convert(Reply::nil()) == std::nullopt);
}

TEST_CASE("a command carries its facts: name, flags and key positions, from its builder", "[commands][facts]") {
  using redispp::CommandFlags;
  using redispp::has;
  const auto get = cmd::get("user:1");
  CHECK(get.name() == "GET");
  CHECK(has(get.flags(), CommandFlags::read_only));
  CHECK(get.keys() == std::vector<std::string_view>{"user:1"});

  const auto incr = cmd::incr("n");
  CHECK_FALSE(has(incr.flags(), CommandFlags::read_only));
  CHECK(incr.keys() == std::vector<std::string_view>{"n"});

  CHECK(cmd::mset(std::map<std::string, std::string>{{"a", "1"}, {"b", "2"}}).keys() ==
        std::vector<std::string_view>{"a", "b"});
  CHECK(cmd::del("a", "b", "c").keys() == std::vector<std::string_view>{"a", "b", "c"});
  // A blocking command: every key but the trailing timeout, and the blocking flag.
  const auto blpop = cmd::blpop(std::vector<std::string>{"q1", "q2"}, 1s);
  CHECK(blpop.keys() == std::vector<std::string_view>{"q1", "q2"});
  CHECK(has(blpop.flags(), CommandFlags::blocking));
  // numkeys lists, a destination plus sources, a STORE at the end, keys after a keyword.
  CHECK(cmd::eval<long long>("return 1", std::vector<std::string>{"k1", "k2"}, std::vector<std::string>{"a"}).keys() ==
        std::vector<std::string_view>{"k1", "k2"});
  CHECK(cmd::zcombine_store("ZUNIONSTORE", "dst", std::vector<std::string>{"s1", "s2"}, {}).keys() ==
        std::vector<std::string_view>{"dst", "s1", "s2"});
  CHECK(cmd::sort_store("src", "dst", {}).keys() == std::vector<std::string_view>{"src", "dst"});
  CHECK(cmd::xread(std::vector<std::pair<std::string, std::string>>{{"s1", "0"}, {"s2", "$"}}, {}).keys() ==
        std::vector<std::string_view>{"s1", "s2"});
  // No keys at all, and a harmless command that is not read-only.
  const auto ping = cmd::ping();
  CHECK(ping.key_positions().known());
  CHECK(ping.keys().empty());
  CHECK(has(ping.flags(), CommandFlags::repeatable));
  // Facts are stated once: the name is where the encoder put it, for any length.
  const std::string long_name(300, 'X');
  CHECK(redispp::make_command<long long>(cmd::no_keys, long_name, "k").name() == long_name);
}

TEST_CASE("a generic command is taken conservatively", "[commands][facts]") {
  using redispp::CommandFlags;
  using redispp::has;
  const auto get = redispp::make_generic_command("GET", "k");
  CHECK(get.name() == "GET");
  CHECK_FALSE(has(get.flags(), CommandFlags::read_only));  // not known from text: never retried once written
  CHECK_FALSE(get.key_positions().known());
  CHECK(get.keys().empty());
  CHECK_THROWS_AS(redispp::make_generic_command("exec"), redispp::DataError);  // transactions are Pipeline's
  CHECK(has(redispp::make_generic_command("SELECT", 2).flags(), CommandFlags::changes_state));
  CHECK(has(redispp::make_generic_command("reset").flags(), CommandFlags::not_queued | CommandFlags::changes_state));
  CHECK(redispp::make_generic_command("UNSUBSCRIBE", "a", "b", "c").reply_count() == 3);
  CHECK(redispp::make_generic_command("punsubscribe").reply_count() == 1);
  CHECK(redispp::make_generic_command("GET", "k").reply_count() == 1);
  // A name given inside a range is still found (from the bytes, the one case that needs it).
  CHECK(redispp::make_generic_command(std::vector<std::string>{"SET", "k", "v"}).name() == "SET");
}

TEST_CASE("key positions count from either end and combine two ranges", "[commands][facts]") {
  using redispp::KeyPositions;
  // BLPOP a b 5: arguments 1..argc-2.
  const KeyPositions blpop = KeyPositions::range(1, -2);
  CHECK(blpop.is_key(1, 4));
  CHECK(blpop.is_key(2, 4));
  CHECK_FALSE(blpop.is_key(3, 4));
  CHECK_FALSE(blpop.is_key(0, 4));
  // MSET k v k v: every other one.
  const KeyPositions mset = KeyPositions::range(1, -1, 2);
  CHECK(mset.is_key(3, 5));
  CHECK_FALSE(mset.is_key(4, 5));
  // A destination plus a numkeys list of none: only the destination.
  CHECK(cmd::first_key.plus(KeyPositions::counted(3, 0)) == cmd::first_key);
  CHECK_FALSE(KeyPositions().known());
  CHECK(KeyPositions::none().known());
  CHECK_FALSE(KeyPositions::none().is_key(1, 3));
}
