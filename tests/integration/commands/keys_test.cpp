// Generic (key space) commands against a real server, in every parser x protocol configuration.
// Database 18 is this file's own. Commands that need a second database (COPY ... DB, MOVE) use
// database 30 with keys prefixed "keys_test:", deleted again; MIGRATE needs a second server and
// goes to the fixture's "admin" and "auth" servers (database 18 there, keys deleted after).
#include "support/catch.hpp"

#include <chrono>
#include <string>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"

using namespace std::chrono_literals;
using redispp::test::plain_options;

namespace {
constexpr int test_db = 18;
constexpr int other_db = 30;

redispp::ConnectionOptions options_of(const std::string& server, int db) {
  return redispp::test::server(server).options(db);
}
}  // namespace

TEST_CASE("touch, randomkey, expiretime and pexpiretime", "[commands][keys]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  CHECK(r.randomkey() == std::nullopt);
  r.set("a", "1");
  CHECK(r.randomkey() == "a");
  r.set("b", "2");
  const std::optional<std::string> random = r.randomkey();
  REQUIRE(random.has_value());
  CHECK((*random == "a" || *random == "b"));

  CHECK(r.touch("a", "b", "nope") == 2);
  CHECK(r.touch({"a", "a"}) == 2);
  CHECK(r.touch("nope") == 0);

  CHECK(r.expiretime("nope") == -2);
  CHECK(r.pexpiretime("nope") == -2);
  CHECK(r.expiretime("a") == -1);
  CHECK(r.pexpiretime("a") == -1);
  const auto when = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()) + 100s;
  REQUIRE(r.expireat("a", when));
  CHECK(r.expiretime("a") == when.time_since_epoch().count());
  CHECK(r.pexpiretime("a") == when.time_since_epoch().count() * 1000);
  const redispp::UnixMilliseconds at_ms{std::chrono::milliseconds(when.time_since_epoch()) + 1234ms};
  REQUIRE(r.pexpireat("b", at_ms));
  CHECK(r.pexpiretime("b") == at_ms.time_since_epoch().count());
  CHECK(r.expiretime("b") == when.time_since_epoch().count() + 1);  // rounded to the second
}

TEST_CASE("ttl, pttl, expiretime and pexpiretime as std::chrono values (Expiry)", "[commands][keys]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  using redispp::ExpiryState;
  r.set("forever", "1");
  r.set("brief", "1", {.ex = 100s});

  // The default forms keep Redis' numbers (DESIGN.md: integer -> long long).
  const long long raw = r.ttl("forever");
  CHECK(raw == -1);
  CHECK(r.ttl("nope") == -2);

  const redispp::Ttl ttl = r.ttl<redispp::Ttl>("brief");
  REQUIRE(ttl.expires());
  CHECK(ttl.value() > 90s);
  CHECK(ttl.value() <= 100s);
  CHECK(r.ttl<redispp::Ttl>("forever") == ExpiryState::no_expiry);
  CHECK(r.ttl<redispp::Ttl>("nope") == ExpiryState::no_key);
  const redispp::PTtl pttl = r.pttl<redispp::PTtl>("brief");
  REQUIRE(pttl.expires());
  CHECK(pttl.value() > 90'000ms);
  CHECK(pttl.value() <= 100'000ms);
  CHECK(r.pttl<redispp::PTtl>("forever").state() == ExpiryState::no_expiry);
  CHECK(r.pttl<redispp::PTtl>("nope").state() == ExpiryState::no_key);

  const auto when = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()) + 100s;
  REQUIRE(r.expireat("brief", when));
  CHECK(r.expiretime<redispp::ExpireTime>("brief").value() == when);
  CHECK(r.expiretime<redispp::ExpireTime>("forever") == ExpiryState::no_expiry);
  CHECK(r.expiretime<redispp::ExpireTime>("nope") == ExpiryState::no_key);
  const redispp::UnixMilliseconds at_ms{std::chrono::milliseconds(when.time_since_epoch()) + 1234ms};
  REQUIRE(r.pexpireat("brief", at_ms));
  CHECK(r.pexpiretime<redispp::PExpireTime>("brief").value() == at_ms);
  CHECK(r.pexpiretime<redispp::PExpireTime>("forever") == ExpiryState::no_expiry);
  CHECK(r.pexpiretime<redispp::PExpireTime>("nope") == ExpiryState::no_key);
  CHECK_THROWS_AS(r.ttl<redispp::Ttl>("nope").value(), redispp::DataError);

  // Queued in a pipeline (MULTI/EXEC), read back with the same type.
  auto p = r.pipeline();
  p.ttl<redispp::Ttl>("brief")
      .ttl<redispp::Ttl>("forever")
      .pttl<redispp::PTtl>("nope")
      .expiretime<redispp::ExpireTime>("brief")
      .pexpiretime<redispp::PExpireTime>("brief")
      .ttl("nope");
  auto res = p.execute();
  REQUIRE(res.size() == 6);
  CHECK(res.get<redispp::Ttl>(0).expires());
  CHECK(res.get<redispp::Ttl>(0).value() > 90s);  // at_ms is about 101 s away
  CHECK(res.get<redispp::Ttl>(1) == ExpiryState::no_expiry);
  CHECK(res.get<redispp::PTtl>(2) == ExpiryState::no_key);
  CHECK(res.get<redispp::ExpireTime>(3).to_redis() == r.expiretime("brief"));
  CHECK(res.get<redispp::PExpireTime>(4).value() == at_ms);
  CHECK(res.get<long long>(5) == -2);
  CHECK_THROWS_AS(res.get<long long>(0), redispp::DataError);  // queued as a Ttl
}

TEST_CASE("copy and move, within and across databases", "[commands][keys]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{plain_options(config, test_db)};
  redispp::Redis other{plain_options(config, other_db)};
  r.flushdb();
  other.del("keys_test:copy", "keys_test:move");

  r.rpush("list", "x", "y");
  CHECK(r.copy("list", "copy"));
  CHECK(r.lrange("copy", 0, -1) == std::vector<std::string>{"x", "y"});
  r.rpush("list", "z");
  CHECK(r.llen("copy") == 2);  // a copy, not a reference
  CHECK_FALSE(r.copy("list", "copy"));  // the destination exists
  CHECK(r.llen("copy") == 2);
  CHECK(r.copy("list", "copy", {.replace = true}));
  CHECK(r.llen("copy") == 3);
  CHECK_FALSE(r.copy("nope", "other"));
  CHECK_FALSE(r.exists("other"));

  CHECK(r.copy("list", "keys_test:copy", {.db = other_db}));
  CHECK(other.lrange("keys_test:copy", 0, -1) == std::vector<std::string>{"x", "y", "z"});
  CHECK_FALSE(r.exists("keys_test:copy"));

  r.set("keys_test:move", "here");
  CHECK(r.move("keys_test:move", other_db));
  CHECK_FALSE(r.exists("keys_test:move"));
  CHECK(other.get("keys_test:move") == "here");
  CHECK_FALSE(r.move("nope", other_db));
  r.set("keys_test:move", "again");
  CHECK_FALSE(r.move("keys_test:move", other_db));  // exists there: nothing moves
  CHECK(r.get("keys_test:move") == "again");
  CHECK_THROWS_AS(r.move("keys_test:move", test_db), redispp::ResponseError);  // same database

  CHECK(other.del("keys_test:copy", "keys_test:move") == 2);
}

TEST_CASE("dump and restore round-trip binary payloads", "[commands][keys]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  CHECK(r.dump("nope") == std::nullopt);

  const std::string binary("a\0b\xff\r\n", 6);
  r.set("s", binary);
  const std::optional<std::string> dumped = r.dump("s");
  REQUIRE(dumped.has_value());
  CHECK(dumped->find('\0') != std::string::npos);  // DUMP's format is binary (version, CRC64)
  CHECK(r.restore("s2", 0ms, *dumped));
  CHECK(r.get("s2") == binary);
  CHECK(r.ttl("s2") == -1);

  // A key that exists is BUSYKEY unless REPLACE is given.
  try {
    r.restore("s2", 0ms, *dumped);
    FAIL("RESTORE onto an existing key succeeded");
  } catch (const redispp::ResponseError& e) {
    CHECK(e.code() == "BUSYKEY");
  }
  r.set("s2", "other");
  CHECK(r.restore("s2", 10s, *dumped, {.replace = true}));
  CHECK(r.get("s2") == binary);
  CHECK(r.pttl("s2") > 9000);
  CHECK(r.pttl("s2") <= 10000);

  const auto at = std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now()) + 100s;
  CHECK(r.restore("s3", at.time_since_epoch(), *dumped, {.absttl = true, .idletime = 500s}));
  CHECK(r.pexpiretime("s3") == at.time_since_epoch().count());
  const std::optional<long long> idle = r.object_idletime("s3");
  REQUIRE(idle.has_value());
  CHECK(*idle >= 500);

  r.rpush("list", "one", std::string("\0two", 4));
  CHECK(r.restore("list2", 0ms, r.dump("list").value()));
  CHECK(r.lrange("list2", 0, -1) == std::vector<std::string>{"one", std::string("\0two", 4)});

  CHECK_THROWS_AS(r.restore("bad", 0ms, "not a dump payload"), redispp::ResponseError);
}

TEST_CASE("migrate moves keys to another server", "[commands][keys]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  const redispp::test::ServerInfo admin = redispp::test::server("admin");
  redispp::Redis target{options_of("admin", test_db)};
  target.del("mig", "m1", "m2");

  r.set("mig", "value");
  CHECK(r.migrate(admin.host, admin.port, "mig", test_db, 2s));
  CHECK_FALSE(r.exists("mig"));
  CHECK(target.get("mig") == "value");
  CHECK_FALSE(r.migrate(admin.host, admin.port, "mig", test_db, 2s));  // NOKEY

  r.set("m1", "1");
  r.rpush("m2", "a", "b");
  CHECK(r.migrate(admin.host, admin.port, {"m1", "m2"}, test_db, 2s, {.copy = true}));
  CHECK(r.exists("m1", "m2") == 2);  // COPY leaves them here
  CHECK(target.get("m1") == "1");
  CHECK(target.lrange("m2", 0, -1) == std::vector<std::string>{"a", "b"});
  // Again: the target has them, so only REPLACE may overwrite.
  r.set("m1", "changed");
  CHECK_THROWS_AS(r.migrate(admin.host, admin.port, std::vector<std::string>{"m1", "m2"}, test_db, 2s, {.copy = true}),
                  redispp::ResponseError);
  CHECK(r.migrate(admin.host, admin.port, std::vector<std::string>{"m1", "m2"}, test_db, 2s, {.replace = true}));
  CHECK(r.exists("m1", "m2") == 0);
  CHECK(target.get("m1") == "changed");
  CHECK_FALSE(r.migrate(admin.host, admin.port, {"m1", "m2"}, test_db, 2s));
  CHECK(target.del("mig", "m1", "m2") == 3);

  // Credentials: AUTH password (the default user), AUTH2 username password (an ACL user).
  const redispp::test::ServerInfo auth = redispp::test::server("auth");
  redispp::Redis secured{auth.options(test_db)};
  secured.del("mig-auth", "mig-auth2");
  r.set("mig-auth", "a");
  // Only the successes are deterministic: the source server caches its connection to a target
  // for 10 s, and one authenticated by an earlier MIGRATE stays so (RESTORE then succeeds even
  // when a wrong password's AUTH, pipelined before it, fails).
  CHECK(r.migrate(auth.host, auth.port, "mig-auth", test_db, 2s, {.password = auth.password}));
  CHECK_FALSE(r.exists("mig-auth"));
  r.set("mig-auth2", "b");
  CHECK(r.migrate(auth.host, auth.port, "mig-auth2", test_db, 2s, {.username = "app", .password = auth.app_password}));
  CHECK(secured.mget("mig-auth", "mig-auth2") == std::vector<std::optional<std::string>>{"a", "b"});
  CHECK(secured.del("mig-auth", "mig-auth2") == 2);
}

TEST_CASE("object encoding, refcount, idletime, freq and help", "[commands][keys]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  CHECK(r.object_encoding("nope") == std::nullopt);
  CHECK(r.object_refcount("nope") == std::nullopt);
  CHECK(r.object_idletime("nope") == std::nullopt);
  r.set("int", 12);
  r.set("text", "hello");
  r.hset("hash", "f", "v");
  CHECK(r.object_encoding("int") == "int");
  CHECK(r.object_encoding("text") == "embstr");
  CHECK(r.object_encoding("hash") == "listpack");
  CHECK(r.object_refcount("text").value_or(0) >= 1);
  CHECK(r.object_idletime("text").value_or(-1) >= 0);
  // The plain server keeps the default (noeviction) policy: no access frequency to report.
  CHECK_THROWS_AS(r.object_freq("text"), redispp::ResponseError);

  const std::vector<std::string> help = r.object_help();
  REQUIRE(help.size() > 3);
  CHECK(help.front().find("OBJECT") != std::string::npos);
}

TEST_CASE("object freq under an LFU policy (on the admin server)", "[commands][keys]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::ConnectionOptions options = options_of("admin", test_db);
  options.parser = config.parser;
  options.protocol = config.protocol;
  redispp::Redis admin{options};
  const std::string policy = admin.config_get("maxmemory-policy").at("maxmemory-policy");
  REQUIRE(admin.config_set("maxmemory-policy", "allkeys-lfu"));
  admin.set("freq", "v");
  for (int i = 0; i < 10; ++i) admin.get("freq");
  const std::optional<long long> freq = admin.object_freq("freq");
  const std::optional<long long> missing = admin.object_freq("keys_test:nope");
  admin.del("freq");
  admin.config_set("maxmemory-policy", policy);
  REQUIRE(freq.has_value());
  CHECK(*freq > 0);
  CHECK(missing == std::nullopt);
}

TEST_CASE("sort, sort_ro and sort_store", "[commands][keys]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  using Values = std::vector<std::optional<std::string>>;
  r.rpush("ids", 3, 1, 2);
  CHECK(r.sort("ids") == Values{"1", "2", "3"});
  CHECK(r.sort("ids", {.desc = true}) == Values{"3", "2", "1"});
  CHECK(r.sort("ids", {.offset = 1, .count = 1}) == Values{"2"});
  CHECK(r.sort("ids", {.count = 2}) == Values{"1", "2"});
  CHECK(r.sort("ids", {.offset = 2}) == Values{"3"});
  CHECK(r.sort("nope") == Values{});

  // BY and GET patterns; a GET that names a missing key gives nullopt.
  r.mset({{"weight_1", "30"}, {"weight_2", "10"}, {"weight_3", "20"}, {"name_1", "one"}, {"name_3", "three"}});
  CHECK(r.sort("ids", {.by = "weight_*"}) == Values{"2", "3", "1"});
  CHECK(r.sort("ids", {.by = "weight_*", .get = {"#", "name_*"}}) ==
        Values{"2", std::nullopt, "3", "three", "1", "one"});
  CHECK(r.sort("ids", {.by = "nosort"}) == Values{"3", "1", "2"});  // the list's own order
  CHECK(r.sort("ids", {.by = "nosort", .get = {"name_*"}}) == Values{"three", "one", std::nullopt});

  r.rpush("words", "pear", "apple", "fig");
  CHECK_THROWS_AS(r.sort("words"), redispp::ResponseError);  // not numbers
  CHECK(r.sort("words", {.alpha = true}) == Values{"apple", "fig", "pear"});
  CHECK(r.sort_ro("words", {.desc = true, .alpha = true}) == Values{"pear", "fig", "apple"});
  CHECK(r.sort_ro("ids", {.by = "weight_*", .get = {"name_*"}}) == Values{std::nullopt, "three", "one"});

  CHECK(r.sort_store("words", "sorted", {.alpha = true}) == 3);
  CHECK(r.lrange("sorted", 0, -1) == std::vector<std::string>{"apple", "fig", "pear"});
  CHECK(r.sort_store("nope", "sorted") == 0);
  CHECK_FALSE(r.exists("sorted"));  // an empty result deletes the destination

  r.hset("hash", "f", "v");
  CHECK_THROWS_AS(r.sort("hash"), redispp::WrongTypeError);
}

TEST_CASE("wait counts acknowledging replicas (none here)", "[commands][keys]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.set("a", "1");
  CHECK(r.wait(0, 0ms) == 0);  // nothing to wait for: answers at once
  const auto start = std::chrono::steady_clock::now();
  CHECK(r.wait(1, 200ms) == 0);  // no replica: waits the whole time-out
  CHECK(std::chrono::steady_clock::now() - start >= 150ms);
}

TEST_CASE("key commands in a pipeline", "[commands][keys][pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.rpush("ids", 2, 1);
  auto p = r.pipeline();
  p.copy("ids", "ids2")
      .touch("ids", "ids2", "nope")
      .object_encoding("ids")
      .sort("ids2", {.get = {"#", "missing_*"}})
      .expiretime("ids")
      .randomkey()
      .dump("nope")
      .sort_store("ids", "out", {.desc = true});
  auto res = p.execute();
  REQUIRE(res.size() == 8);
  CHECK(res.get<bool>(0));
  CHECK(res.get<long long>(1) == 2);
  CHECK(res.get<std::optional<std::string>>(2) == "quicklist");
  CHECK(res.get<std::vector<std::optional<std::string>>>(3) ==
        std::vector<std::optional<std::string>>{"1", std::nullopt, "2", std::nullopt});
  CHECK(res.get<long long>(4) == -1);
  CHECK(res.get<std::optional<std::string>>(5).has_value());
  CHECK(res.get<std::optional<std::string>>(6) == std::nullopt);
  CHECK(res.get<long long>(7) == 2);
  CHECK(r.lrange("out", 0, -1) == std::vector<std::string>{"2", "1"});
}
