// Command builders: the bytes each one puts on the wire, checked against encode_command.
#include <catch2/catch.hpp>

#include <map>

#include <redispp/commands/command_set.hpp>
#include <redispp/protocol/encoder.hpp>

using namespace std::chrono_literals;
namespace cmd = redispp::cmd;

namespace {
template <class... Args>
std::string wire(const Args&... args) {
  std::string out;
  redispp::encode_command(out, args...);
  return out;
}
}  // namespace

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
