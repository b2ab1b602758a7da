// Connection commands against the plain server (database 22), in every parser x protocol
// configuration. Commands that change one connection's state run on a pool of one connection
// (PoolOptions::max_connections = 1), which is the only way a pooled client sees them stick.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"

using namespace std::chrono_literals;
using redispp::test::plain_options;

namespace {

constexpr int db = 22;

redispp::Redis single_connection(const redispp::ConnectionOptions& options) {
  return redispp::Redis{options, redispp::PoolOptions{.max_connections = 1}};
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

TEST_CASE("ping, echo", "[commands][connection]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{plain_options(config, db)};
  r.flushdb();
  CHECK(r.ping());
  CHECK(r.ping("are you there") == "are you there");
  const std::string binary("a\0b\r\n\xff", 6);
  CHECK(r.echo(binary) == binary);
  CHECK(r.echo(42) == "42");
}

TEST_CASE("select switches one pooled connection only", "[commands][connection]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = single_connection(plain_options(config, db));
  r.flushdb();
  r.set("conn:select", "here");
  CHECK(r.select(db + 1));
  CHECK(r.client_info().db == db + 1);
  CHECK(r.get("conn:select") == std::nullopt);  // another database
  CHECK(r.select(db));
  CHECK(r.get("conn:select") == "here");
  CHECK_THROWS_AS(r.select(1000), redispp::ResponseError);
  CHECK(r.client_info().db == db);  // a refused SELECT leaves the database as it was
}

TEST_CASE("auth on one connection; wrong passwords are AuthenticationError", "[commands][connection]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  // Without a configured password the server refuses AUTH.
  redispp::Redis plain{plain_options(config, db)};
  CHECK_THROWS_AS(plain.auth("nothing"), redispp::ResponseError);

  const auto server = redispp::test::server("auth");
  redispp::ConnectionOptions options = server.options();
  options.parser = config.parser;
  options.protocol = config.protocol;
  redispp::Redis r = single_connection(options);
  CHECK(r.acl_whoami() == "default");
  CHECK(r.auth("app", server.app_password));
  CHECK(r.acl_whoami() == "app");  // the same (only) connection now runs as app
  CHECK(r.auth(server.password));  // AUTH password = the default user
  CHECK(r.acl_whoami() == "default");
  CHECK_THROWS_AS(r.auth("app", "wrong"), redispp::AuthenticationError);
  CHECK(r.acl_whoami() == "default");  // a failed AUTH keeps the user
}

TEST_CASE("hello reports the server and the connection's protocol", "[commands][connection]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = single_connection(plain_options(config, db));
  const redispp::HelloInfo info = r.hello();
  CHECK(info.server == "redis");
  CHECK(info.version.rfind("7.", 0) == 0);
  CHECK(info.proto == config.protocol);
  CHECK(info.id == r.client_id());
  CHECK(info.mode == "standalone");
  CHECK(info.role == "master");
  CHECK(info.modules.empty());
  // The same protocol again, with SETNAME: names this connection.
  const redispp::HelloInfo again = r.hello(config.protocol, {.client_name = "hello-test"});
  CHECK(again.proto == config.protocol);
  CHECK(r.client_getname() == "hello-test");
  CHECK_THROWS_AS(r.hello(9), redispp::ResponseError);  // NOPROTO
  CHECK_THROWS_AS(r.hello(std::nullopt, {.client_name = "x"}), redispp::DataError);
}

TEST_CASE("client setname, getname, id, info, list", "[commands][connection]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = single_connection(plain_options(config, db));
  r.flushdb();
  CHECK(r.client_getname() == std::nullopt);
  CHECK(r.client_setname("connection-test"));
  CHECK(r.client_getname() == "connection-test");
  CHECK_THROWS_AS(r.client_setname("no spaces allowed"), redispp::ResponseError);

  const long long id = r.client_id();
  CHECK(id > 0);
  const redispp::ClientInfo me = r.client_info();
  CHECK(me.id == id);
  CHECK(me.name == "connection-test");
  CHECK(me.db == db);
  CHECK(me.cmd == "client|info");
  CHECK(me.fields.at("resp") == std::to_string(config.protocol));
  CHECK(me.addr.find("127.0.0.1:") == 0);

  const auto only_me = r.client_list({.ids = {id}});
  REQUIRE(only_me.size() == 1);
  CHECK(only_me[0].name == "connection-test");
  CHECK(only_me[0].addr == me.addr);
  const auto normal = r.client_list({.type = "normal"});
  CHECK(std::any_of(normal.begin(), normal.end(), [&](const auto& c) { return c.id == id; }));
  const auto pubsub = r.client_list({.type = "pubsub"});
  CHECK(std::none_of(pubsub.begin(), pubsub.end(), [&](const auto& c) { return c.id == id; }));
  CHECK_THROWS_AS(r.client_list({.type = "normal", .ids = {id}}), redispp::ResponseError);  // one filter at a time
  CHECK(r.client_list().size() >= 1);
  CHECK_THROWS_AS(r.client_list({.type = "nonsense"}), redispp::ResponseError);

  const auto help = r.client_help();
  REQUIRE_FALSE(help.empty());
  CHECK(help.front().find("CLIENT") != std::string::npos);
}

TEST_CASE("client kill by id, by address; no-evict", "[commands][connection]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{plain_options(config, db)};
  redispp::Redis victim = single_connection(plain_options(config, db));
  const long long victim_id = victim.client_id();
  CHECK(r.client_kill({.id = victim_id}) == 1);
  CHECK(r.client_list({.ids = {victim_id}}).empty());
  CHECK(r.client_kill({.id = victim_id}) == 0);  // already gone

  redispp::Redis second = single_connection(plain_options(config, db));
  const redispp::ClientInfo info = second.client_info();
  CHECK(r.client_kill(info.addr));
  CHECK(r.client_list({.ids = {info.id}}).empty());
  CHECK_THROWS_AS(r.client_kill(info.addr), redispp::ResponseError);  // no such client
  CHECK_THROWS_AS(r.client_kill(redispp::ClientKillOptions{}), redispp::DataError);

  CHECK(r.client_no_evict(true));
  CHECK(r.client_no_evict(false));
}

TEST_CASE("client unblock ends a blocked call, with or without an error", "[commands][connection]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{plain_options(config, db)};
  r.flushdb();
  redispp::Redis blocked = single_connection(plain_options(config, db));
  const long long blocked_id = blocked.client_id();
  CHECK_FALSE(r.client_unblock(blocked_id));  // not blocked now

  auto wait_until_blocked = [&] {
    for (int i = 0; i < 200; ++i) {
      const auto list = r.client_list({.ids = {blocked_id}});
      if (!list.empty() && list[0].flags.find('b') != std::string::npos) return true;
      std::this_thread::sleep_for(10ms);
    }
    return false;
  };
  {
    auto call = std::async(std::launch::async, [&] { return blocked.blpop("conn:nothing", 10s); });
    REQUIRE(wait_until_blocked());
    CHECK(r.client_unblock(blocked_id));
    REQUIRE(call.wait_for(5s) == std::future_status::ready);
    CHECK(call.get() == std::nullopt);  // as if it had timed out
  }
  {
    auto call = std::async(std::launch::async, [&] { return blocked.blpop("conn:nothing", 10s); });
    REQUIRE(wait_until_blocked());
    CHECK(r.client_unblock(blocked_id, true));
    REQUIRE(call.wait_for(5s) == std::future_status::ready);
    CHECK_THROWS_AS(call.get(), redispp::ResponseError);  // UNBLOCKED
  }
}

TEST_CASE("client tracking, trackinginfo, getredir, caching", "[commands][connection]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = single_connection(plain_options(config, db));
  const redispp::TrackingInfo off = r.client_trackinginfo();
  CHECK(off.flags == std::vector<std::string>{"off"});
  CHECK(off.redirect == -1);
  CHECK(off.prefixes.empty());
  CHECK(r.client_getredir() == -1);

  CHECK(r.client_tracking(true, {.prefixes = {"conn:a:", "conn:b:"}, .bcast = true}));
  const redispp::TrackingInfo bcast = r.client_trackinginfo();
  CHECK(contains(bcast.flags, "on"));
  CHECK(contains(bcast.flags, "bcast"));
  std::vector<std::string> prefixes = bcast.prefixes;
  std::sort(prefixes.begin(), prefixes.end());
  CHECK(prefixes == std::vector<std::string>{"conn:a:", "conn:b:"});
  CHECK(r.client_tracking(false));

  // Invalidations redirected to another connection.
  redispp::Redis other = single_connection(plain_options(config, db));
  const long long other_id = other.client_id();
  CHECK(r.client_tracking(true, {.redirect = other_id, .optin = true}));
  CHECK(r.client_getredir() == other_id);
  const redispp::TrackingInfo optin = r.client_trackinginfo();
  CHECK(optin.redirect == other_id);
  CHECK(contains(optin.flags, "optin"));
  CHECK(r.client_caching(true));  // for the next command only
  CHECK(r.client_tracking(false));
  CHECK_THROWS_AS(r.client_caching(true), redispp::ResponseError);  // needs tracking OPTIN/OPTOUT
  CHECK_THROWS_AS(r.client_tracking(true, {.optin = true, .optout = true}), redispp::ResponseError);
}

TEST_CASE("reset puts one pooled connection back to a fresh connection's state", "[commands][connection]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::ConnectionOptions options = plain_options(config, db);
  options.client_name = "before-reset";
  redispp::Redis r = single_connection(options);
  CHECK(r.client_info().db == db);
  CHECK(r.reset());
  // This is why ConnectionOptions are the way to configure connections: the pool does not know
  // that its connection lost its database, name and protocol.
  const redispp::ClientInfo after = r.client_info();
  CHECK(after.db == 0);
  CHECK(after.name.empty());
  CHECK(r.hello().proto == 2);
}

TEST_CASE("quit closes the connection; the pool connects again", "[commands][connection]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = single_connection(plain_options(config, db));
  const long long before = r.client_id();
  CHECK(r.quit());
  // The next call finds the connection closed by the server and uses a new one.
  long long after = before;
  for (int attempt = 0; attempt < 3 && after == before; ++attempt) {
    try {
      after = r.client_id();
    } catch (const redispp::ConnectionError&) {
    }
  }
  CHECK(after != before);
  CHECK(r.ping());
}

TEST_CASE("connection commands in a pipeline", "[commands][connection][pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{plain_options(config, db)};
  r.flushdb();
  for (const bool transaction : {true, false}) {
    INFO("transaction " << transaction);
    auto p = r.pipeline(transaction);
    p.ping().echo("piped").client_setname("piped-name").client_getname().client_id().client_info().client_trackinginfo();
    auto res = p.execute();
    REQUIRE(res.size() == 7);
    CHECK(res.get<bool>(0));
    CHECK(res.get<std::string>(1) == "piped");
    CHECK(res.get<bool>(2));
    CHECK(res.get<std::optional<std::string>>(3) == "piped-name");
    const long long id = res.get<long long>(4);
    const auto info = res.get<redispp::ClientInfo>(5);
    CHECK(info.id == id);
    CHECK(info.name == "piped-name");  // one pipeline, one connection
    CHECK(res.get<redispp::TrackingInfo>(6).flags == std::vector<std::string>{"off"});
  }
}
