// The seed's command groups against a real server, in every parser x protocol configuration.
// Database 1 is this file's own (tests run in parallel against the same server).
#include "support/catch.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <thread>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"

using namespace std::chrono_literals;
using redispp::test::plain_options;

namespace {
constexpr int test_db = 1;
}

TEST_CASE("the seed's first program: set, rpush, get, rpop", "[client][seed]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  CHECK(r.set("foo", "hello"));
  CHECK(r.rpush("mylist", "one") == 1);
  CHECK(r.get("foo") == "hello");
  CHECK(r.rpop("mylist") == "one");
  CHECK(r.rpop("mylist") == std::nullopt);
  CHECK(r.get("missing") == std::nullopt);
}

TEST_CASE("connection and server commands", "[client][server]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  CHECK(r.ping());
  CHECK(r.echo(std::string("a\0b", 3)) == std::string("a\0b", 3));
  r.set("a", 1);
  CHECK(r.dbsize() == 1);
  const redispp::Info info = r.info();
  CHECK(info.integer("connected_clients") >= 1);
  CHECK(info.text("redis_version").rfind("7.", 0) == 0);
  const redispp::Info clients = r.info("clients");
  CHECK(clients.sections.count("clients") == 1);
  CHECK(clients.sections.count("server") == 0);
  const auto now = std::chrono::system_clock::now();
  CHECK(std::chrono::abs(r.time() - std::chrono::time_point_cast<std::chrono::microseconds>(now)) < 5s);
  const auto maxclients = r.config_get("maxclients");
  REQUIRE(maxclients.count("maxclients") == 1);
  CHECK(std::stoll(maxclients.at("maxclients")) > 0);
  CHECK(r.config_set("slowlog-max-len", 200));
  CHECK(r.config_get("slowlog-max-len").at("slowlog-max-len") == "200");
  CHECK(r.client_id() > 0);
  // CLIENT SETNAME lasts for the rest of its pipeline (the pool then closes the connection).
  redispp::Redis single{plain_options(config, test_db), redispp::PoolOptions{.max_connections = 1}};
  CHECK(single.client_getname() == std::nullopt);
  auto named = single.pipeline(false).client_setname("commands-test").client_getname().client_list().execute();
  CHECK(named.get<bool>(0));
  CHECK(named.get<std::optional<std::string>>(1) == "commands-test");
  const auto list = named.get<std::vector<redispp::ClientInfo>>(2);
  const auto me = std::find_if(list.begin(), list.end(), [](const auto& c) { return c.name == "commands-test"; });
  REQUIRE(me != list.end());
  CHECK(me->db == test_db);
  CHECK(me->age >= 0s);
  CHECK(r.flushdb());
  CHECK(r.dbsize() == 0);
}

TEST_CASE("key commands", "[client][keys]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.mset({{"k1", "1"}, {"k2", "2"}, {"k3", "3"}});
  CHECK(r.exists("k1"));
  CHECK_FALSE(r.exists("nope"));
  CHECK(r.exists("k1", "k2", "nope") == 2);
  CHECK(r.exists(std::vector<std::string>{"k1", "k1"}) == 2);
  CHECK(r.type("k1") == "string");
  CHECK(r.type("nope") == "none");
  CHECK(r.ttl("k1") == -1);
  CHECK(r.ttl("nope") == -2);
  CHECK(r.expire("k1", 100s));
  CHECK_FALSE(r.expire("k1", 50s, {.gt = true}));
  CHECK(r.ttl("k1") > 90);
  CHECK(r.pexpire("k2", 100000ms));
  CHECK(r.pttl("k2") > 90000);
  CHECK(r.persist("k2"));
  CHECK(r.pttl("k2") == -1);
  const auto in_an_hour = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()) + 1h;
  CHECK(r.expireat("k3", in_an_hour));
  CHECK(r.ttl("k3") > 3500);
  CHECK(r.pexpireat("k3", std::chrono::time_point_cast<std::chrono::milliseconds>(in_an_hour)));
  CHECK(r.rename("k3", "k4"));
  CHECK_FALSE(r.renamenx("k4", "k1"));
  CHECK_THROWS_AS(r.rename("nope", "x"), redispp::ResponseError);
  auto keys = r.keys("k*");
  std::sort(keys.begin(), keys.end());
  CHECK(keys == std::vector<std::string>{"k1", "k2", "k4"});
  CHECK(r.del("k1", "k2") == 2);
  CHECK(r.unlink({"k4", "nope"}) == 1);
  CHECK(r.dbsize() == 0);
}

TEST_CASE("scan and scan_iter walk the whole keyspace lazily", "[client][keys][scan]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  std::map<std::string, std::string> many;
  for (int i = 0; i < 500; ++i) many.emplace("scan:" + std::to_string(i), "v");
  r.mset(many);
  r.set("other", "x");
  r.rpush("scan:list", "x");
  std::set<std::string> seen;
  for (const std::string& key : r.scan_iter({.match = "scan:*", .count = 50})) seen.insert(key);
  CHECK(seen.size() == 501);
  std::set<std::string> lists;
  for (const std::string& key : r.scan_iter({.type = "list"})) lists.insert(key);
  CHECK(lists == std::set<std::string>{"scan:list"});
  const auto page = r.scan(0, {.match = "other"});
  CHECK(page.items.size() <= 1);
  // An empty database: the range is empty at once.
  r.flushdb();
  auto nothing = r.scan_iter();
  CHECK(nothing.begin() == nothing.end());
}

TEST_CASE("string commands", "[client][strings]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  CHECK(r.set("s", "v", {.nx = true}));
  CHECK_FALSE(r.set("s", "w", {.nx = true}));
  CHECK_FALSE(r.set("nope", "w", {.xx = true}));
  CHECK(r.set("s", "w", {.ex = 100s, .xx = true}));
  CHECK(r.ttl("s") > 90);
  CHECK(r.set("s", "x", {.keepttl = true}));
  CHECK(r.ttl("s") > 90);
  CHECK(r.set_get("s", "y") == "x");
  CHECK(r.set_get("fresh", "y") == std::nullopt);
  CHECK(r.getset("s", "z") == "y");
  CHECK(r.getdel("s") == "z");
  CHECK(r.get("s") == std::nullopt);
  r.set("e", "1");
  CHECK(r.getex("e", {.ex = 50s}) == "1");
  CHECK(r.ttl("e") > 40);
  CHECK(r.getex("e", {.persist = true}) == "1");
  CHECK(r.ttl("e") == -1);
  CHECK(r.mget("e", "nope", "fresh") == std::vector<std::optional<std::string>>{"1", std::nullopt, "y"});
  CHECK(r.mget({"e"}) == std::vector<std::optional<std::string>>{"1"});
  CHECK(r.mset(std::map<std::string, int>{{"m1", 1}, {"m2", 2}}));
  CHECK_FALSE(r.msetnx({{"m1", "x"}, {"m3", "3"}}));
  CHECK(r.get("m3") == std::nullopt);
  CHECK(r.msetnx({{"m4", "x"}, {"m3", "3"}}));
  CHECK(r.setnx("n", 10));
  CHECK_FALSE(r.setnx("n", 11));
  CHECK(r.incr("n") == 11);
  CHECK(r.incrby("n", 9) == 20);
  CHECK(r.decr("n") == 19);
  CHECK(r.decrby("n", 9) == 10);
  CHECK(r.get<long long>("n") == 10);
  CHECK(r.incrbyfloat("f", 0.5) == 0.5);
  CHECK(r.incrbyfloat("f", 1.25) == 1.75);
  CHECK(r.get<double>("f") == 1.75);
  CHECK(r.setex("x", 100s, "v"));
  CHECK(r.ttl("x") > 90);
  CHECK(r.psetex("y", 100000ms, "v"));
  CHECK(r.pttl("y") > 90000);
  CHECK(r.append("a", "Hello") == 5);
  CHECK(r.append("a", " World") == 11);
  CHECK(r.strlen("a") == 11);
  CHECK(r.getrange("a", 0, 4) == "Hello");
  CHECK(r.setrange("a", 6, "Redis") == 11);
  CHECK(r.get("a") == "Hello Redis");
  CHECK_THROWS_AS(r.incr("a"), redispp::ResponseError);
  CHECK_THROWS_AS(r.get<long long>("a"), redispp::DataError);
}

TEST_CASE("keys and values are binary-safe", "[client][binary]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  const std::string key("k\0\xff\r\n", 5);
  std::string value;
  for (int c = 0; c < 256; ++c) value += static_cast<char>(c);
  value += "\r\n$3\r\n*1\r\n";  // RESP framing inside a value must not confuse anything
  CHECK(r.set(key, value));
  CHECK(r.get(key) == value);
  CHECK(r.strlen(key) == static_cast<long long>(value.size()));
  CHECK(r.hset("h\0", key, value) == 1);
  CHECK(r.hgetall("h\0").at(key) == value);
  CHECK(r.rpush(key + "list", value, std::string(1, '\0')) == 2);
  CHECK(r.lrange(key + "list", 0, -1) == std::vector<std::string>{value, std::string(1, '\0')});
  const std::string big(3 * 1024 * 1024, 'x');
  CHECK(r.set("big", big));
  CHECK(r.get("big") == big);
}

TEST_CASE("list commands", "[client][lists]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  CHECK(r.rpush("l", "a", "b", "c") == 3);
  CHECK(r.lpush("l", "z") == 4);
  CHECK(r.rpush("l", std::vector<std::string>{"d", "e"}) == 6);
  CHECK(r.lpushx("nope", "x") == 0);
  CHECK(r.rpushx("l", "f") == 7);
  CHECK(r.lrange("l", 0, -1) == std::vector<std::string>{"z", "a", "b", "c", "d", "e", "f"});
  CHECK(r.llen("l") == 7);
  CHECK(r.lindex("l", 1) == "a");
  CHECK(r.lindex("l", 100) == std::nullopt);
  CHECK(r.lset("l", 0, "y"));
  CHECK_THROWS_AS(r.lset("l", 100, "x"), redispp::ResponseError);
  CHECK(r.linsert("l", true, "a", "before-a") == 8);
  CHECK(r.linsert("l", false, "nope", "x") == -1);
  CHECK(r.lpos("l", "b") == 3);
  CHECK(r.lpos("l", "nope") == std::nullopt);
  r.rpush("l", "b");
  CHECK(r.lpos("l", "b", 0, {}) == std::vector<long long>{3, 8});
  CHECK(r.lpos("l", "b", {.rank = -1}) == 8);
  CHECK(r.lrem("l", 0, "b") == 2);
  CHECK(r.ltrim("l", 0, 3));
  CHECK(r.lrange("l", 0, -1) == std::vector<std::string>{"y", "before-a", "a", "c"});
  CHECK(r.lpop("l") == "y");
  CHECK(r.rpop("l", 2) == std::vector<std::string>{"c", "a"});
  CHECK(r.lpop("nope", 2) == std::nullopt);
  CHECK(r.lmove("l", "m", redispp::ListEnd::left, redispp::ListEnd::right) == "before-a");
  CHECK(r.lmove("l", "m", redispp::ListEnd::left, redispp::ListEnd::right) == std::nullopt);
  CHECK(r.lrange("m", 0, -1) == std::vector<std::string>{"before-a"});
}

TEST_CASE("blocking list commands outlast the socket time-out", "[client][lists][blocking]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  auto options = plain_options(config, test_db);
  // Shorter than the blocking timeouts below, which a wait of socket_timeout alone would cut
  // short; and the slack the server gets past a blocking timeout, which it can need: it notices
  // expired blocks on its own clock (hz 10: up to 100 ms late), later still on a loaded machine.
  // 1 s: a server sharing 2 cores with parallel builds was seen answering an expired block
  // more than 500 ms late.
  options.socket_timeout = 1000ms;
  redispp::Redis r{options};
  r.flushdb();
  const auto start = std::chrono::steady_clock::now();
  CHECK(r.blpop("empty", 1200ms) == std::nullopt);
  CHECK(std::chrono::steady_clock::now() - start >= 1150ms);
  CHECK(r.brpop({"empty", "empty2"}, 1100ms) == std::nullopt);
  CHECK(r.blmove("empty", "dst", redispp::ListEnd::right, redispp::ListEnd::left, 1100ms) == std::nullopt);

  // A pusher arrives while BLPOP waits.
  std::thread pusher([options] {
    std::this_thread::sleep_for(400ms);
    redispp::Redis(options).rpush("queue", "job");
  });
  const auto popped = r.blpop(std::vector<std::string>{"other", "queue"}, 0ms);  // 0 = forever
  pusher.join();
  CHECK(popped == std::pair<std::string, std::string>{"queue", "job"});
  r.rpush("src", "x");
  CHECK(r.blmove("src", "dst", redispp::ListEnd::right, redispp::ListEnd::left, 1s) == "x");
}

TEST_CASE("hash commands", "[client][hashes]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  CHECK(r.hset("h", "f1", "v1") == 1);
  CHECK(r.hset("h", std::map<std::string, std::string>{{"f2", "v2"}, {"f3", "v3"}}) == 2);
  CHECK(r.hset("h", {{"f3", "v3b"}, {"n", "5"}}) == 1);
  CHECK(r.hget("h", "f1") == "v1");
  CHECK(r.hget("h", "nope") == std::nullopt);
  CHECK(r.hmget("h", "f1", "nope") == std::vector<std::optional<std::string>>{"v1", std::nullopt});
  CHECK(r.hmget("h", {"f2"}) == std::vector<std::optional<std::string>>{"v2"});
  std::unordered_map<std::string, std::string> all{{"f1", "v1"}, {"f2", "v2"}, {"f3", "v3b"}, {"n", "5"}};
  CHECK(r.hgetall("h") == all);
  CHECK(r.hgetall("nope").empty());
  CHECK(r.hexists("h", "f1"));
  CHECK_FALSE(r.hexists("h", "nope"));
  CHECK(r.hincrby("h", "n", 5) == 10);
  all["n"] = "10";
  CHECK(r.hincrbyfloat("h", "x", 0.25) == 0.25);
  auto keys = r.hkeys("h");
  std::sort(keys.begin(), keys.end());
  CHECK(keys == std::vector<std::string>{"f1", "f2", "f3", "n", "x"});
  CHECK(r.hvals("h").size() == 5);
  CHECK(r.hlen("h") == 5);
  CHECK(r.hsetnx("h", "new", "1"));
  CHECK_FALSE(r.hsetnx("h", "new", "2"));
  CHECK(r.hstrlen("h", "f3") == 3);
  CHECK(r.hdel("h", "new", "x", "nope") == 2);
  CHECK(all.count(r.hrandfield("h").value()) == 1);
  CHECK(r.hrandfield("nope") == std::nullopt);
  CHECK(r.hrandfield("h", 2).size() == 2);
  for (const auto& [field, value] : r.hrandfield_withvalues("h", 4)) CHECK(all.at(field) == value);
  const auto page = r.hscan("h", 0);
  CHECK(page.cursor == 0);  // small hashes come back whole
  CHECK(page.items == all);
  std::unordered_map<std::string, std::string> scanned;
  for (const auto& [field, value] : r.hscan_iter("h", {.match = "f*"})) scanned.emplace(field, value);
  CHECK(scanned.size() == 3);
  r.set("str", "x");
  CHECK_THROWS_AS(r.hget("str", "f"), redispp::WrongTypeError);
}

TEST_CASE("execute_command runs anything and returns the raw reply", "[client][raw]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  const redispp::Reply set = r.execute_command("SET", "k", "v");
  CHECK(set.type() == redispp::ReplyType::simple_string);
  CHECK(set.str() == "OK");
  r.execute_command("HSET", "h", "a", 1);
  const redispp::Reply all = r.execute_command("HGETALL", "h");
  CHECK(all.type() == (config.protocol == 3 ? redispp::ReplyType::map : redispp::ReplyType::array));
  CHECK(all.elements().size() == 2);
  CHECK_THROWS_AS(r.execute_command("NOSUCHCOMMAND"), redispp::ResponseError);
  CHECK_THROWS_WITH(r.execute_command("NOSUCHCOMMAND"), Catch::Contains("unknown command"));
}

// The command methods hand text to the builders as std::string_view whatever its kind and
// length (command_set.hpp); what reaches the server must be the same bytes, and the view of a
// temporary must last until the command is encoded.
namespace {
struct Celsius {
  int degrees;
};
std::string redispp_to_bulk(const Celsius& t) { return std::to_string(t.degrees) + "C"; }
}  // namespace

TEST_CASE("text arguments of every kind and length reach the server whole", "[client][arguments]") {
  redispp::Redis r = redispp::test::fresh_client({redispp::ParserKind::builtin, 2}, test_db);
  const std::string long_value(120, 'x');  // three digits of length: the encoder's longer path
  CHECK(r.set("k", "a"));
  CHECK(r.get("k") == "a");
  CHECK(r.set("k", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"));
  CHECK(r.get("k") == std::string(48, 'b'));
  CHECK(r.set("k", std::string(long_value)));  // a temporary: viewed, then encoded before it goes
  CHECK(r.get("k") == long_value);
  CHECK(r.set("k", std::string("nul\0inside", 10)));
  CHECK(r.get("k") == std::string("nul\0inside", 10));
  char buffer[16] = "abc";  // a char array is text up to its terminator, as before
  CHECK(r.set("k", buffer));
  CHECK(r.get("k") == "abc");
  const char* pointer = "pointer";
  CHECK(r.set_get("k", pointer) == "abc");
  CHECK(r.set("n", 42));
  CHECK(r.set("t", Celsius{21}));
  CHECK(r.mget("k", "n", std::string("t"), "missing") ==
        std::vector<std::optional<std::string>>{"pointer", "42", "21C", std::nullopt});

  CHECK(r.hset("h", "f", "v") == 1);
  CHECK(r.hset("h", "field-two", long_value) == 1);
  CHECK(r.hset("h", std::map<std::string, std::string>{{"m", "1"}, {"mm", "22"}}) == 2);
  CHECK(r.hmget("h", "f", "field-two", "mm") == std::vector<std::optional<std::string>>{"v", long_value, "22"});
  CHECK(r.rpush("l", "a", "bb", std::string("ccc"), 4, Celsius{5}) == 5);
  CHECK(r.rpush("l", std::vector<std::string>{"x", "yy"}) == 7);
  CHECK(r.lrange("l", 0, -1) == std::vector<std::string>{"a", "bb", "ccc", "4", "5C", "x", "yy"});
  CHECK(r.mset(std::map<std::string, std::string>{{"p", "1"}, {"q", "22"}}));
  CHECK(r.zadd("z", "member", 1.5) == 1);
  CHECK(r.zrangebyscore("z", "-inf", "(2") == std::vector<std::string>{"member"});
  CHECK(r.del("p", "q", std::string("missing")) == 2);

  auto results = r.pipeline(false).set("pk", "a").set("pk2", long_value).get("pk").lpush("pl", "a", "bb").execute();
  CHECK(results.get<std::optional<std::string>>(2) == "a");
  CHECK(results.get<long long>(3) == 2);
  auto [ok, value, raw] =
      r.typed_pipeline(false).set("tk", "typed").get("tk").execute_command("STRLEN", "pk2").execute();
  CHECK(ok);
  CHECK(value == "typed");
  CHECK(raw.integer() == 120);
  CHECK(r.execute_command("GET", "k").str() == "pointer");
  r.transaction([](redispp::Pipeline& p) { p.set("watched", "after"); }, "watched", "k");
  CHECK(r.get("watched") == "after");
}

TEST_CASE("from_url builds a working client", "[client][url]") {
  const auto server = redispp::test::server("plain");
  auto r = redispp::Redis::from_url(fmt::format("redis://{}:{}/{}?socket_timeout=2&client_name=url-test",
                                                server.host, server.port, test_db));
  CHECK(r.ping());
  CHECK(r.client_getname() == "url-test");
  auto u = redispp::Redis::from_url(fmt::format("unix://{}?db={}", redispp::test::unix_socket_path(), test_db));
  CHECK(u.ping());
  CHECK(u.set("via-unix", "1"));
  CHECK(r.get("via-unix") == "1");
  CHECK_THROWS_WITH(redispp::Redis::from_url("redis://localhost?ssl_ca_certs=/ca.crt"), Catch::Contains("rediss://"));
}

TEST_CASE("a Redis shared by many threads gives each call its own reply", "[client][threads]") {
  auto options = plain_options({redispp::ParserKind::builtin, 2}, test_db);
  redispp::Redis r{options, redispp::PoolOptions{.max_connections = 4}};
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&r, &wrong, t] {
      for (int i = 0; i < 500; ++i) {
        const std::string payload = fmt::format("{}:{}", t, i);
        if (r.echo(payload) != payload) ++wrong;
      }
    });
  for (auto& thread : threads) thread.join();
  CHECK(wrong == 0);
  const auto stats = r.connection_pool()->stats();
  CHECK(stats.in_use == 0);
  CHECK(stats.created <= 4);
}
