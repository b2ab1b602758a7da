// Connection commands against the plain server (database 22), in every parser x protocol
// configuration. Commands that change a connection's state (SELECT, AUTH, HELLO, CLIENT
// SETNAME/TRACKING, RESET, QUIT) last for the rest of the call that ran them, so their effect is
// checked inside one pipeline; afterwards the pool closes that connection (clean_connection_test
// checks that the next caller never sees the state).
#include "support/catch.hpp"

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

TEST_CASE("select switches the connection for the rest of its pipeline only", "[commands][connection]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = single_connection(plain_options(config, db));
  r.flushdb();
  r.set("conn:select", "here");
  auto res = r.pipeline(false).select(db + 1).client_info().get("conn:select").select(db).get("conn:select").execute();
  CHECK(res.get<bool>(0));
  CHECK(res.get<redispp::ClientInfo>(1).db == db + 1);
  CHECK(res.get<std::optional<std::string>>(2) == std::nullopt);  // another database
  CHECK(res.get<std::optional<std::string>>(4) == "here");
  CHECK(r.select(db + 1));
  CHECK(r.client_info().db == db);  // the next call: the options' database again
  CHECK_THROWS_AS(r.select(1000), redispp::ResponseError);
  auto refused = r.pipeline(false).select(1000).client_info().execute(false);
  CHECK(refused.is_error(0));
  CHECK(refused.get<redispp::ClientInfo>(1).db == db);  // a refused SELECT leaves the database as it was
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
  auto res = r.pipeline(false).auth("app", server.app_password).acl_whoami().auth(server.password).acl_whoami().execute();
  CHECK(res.get<bool>(0));
  CHECK(res.get<std::string>(1) == "app");  // the pipeline's connection now runs as app
  CHECK(res.get<bool>(2));                  // AUTH password = the default user
  CHECK(res.get<std::string>(3) == "default");
  CHECK(r.auth("app", server.app_password));
  CHECK(r.acl_whoami() == "default");  // the next call: the options' user again
  CHECK_THROWS_AS(r.auth("app", "wrong"), redispp::AuthenticationError);
  auto failed = r.pipeline(false).auth("app", "wrong").acl_whoami().execute(false);
  CHECK(failed.is_error(0));
  CHECK(failed.get<std::string>(1) == "default");  // a failed AUTH keeps the user
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
  // The same protocol again, with SETNAME: names the pipeline's connection.
  auto res = r.pipeline(false).hello(config.protocol, {.client_name = "hello-test"}).client_getname().execute();
  CHECK(res.get<redispp::HelloInfo>(0).proto == config.protocol);
  CHECK(res.get<std::optional<std::string>>(1) == "hello-test");
  CHECK(r.client_getname() == std::nullopt);  // the next call: a fresh connection
  CHECK_THROWS_AS(r.hello(9), redispp::ResponseError);  // NOPROTO
  CHECK_THROWS_AS(r.hello(std::nullopt, {.client_name = "x"}), redispp::DataError);
}

TEST_CASE("client setname, getname, id, info, list", "[commands][connection]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis unnamed = single_connection(plain_options(config, db));
  unnamed.flushdb();
  CHECK(unnamed.client_getname() == std::nullopt);
  auto named = unnamed.pipeline(false).client_setname("connection-test").client_getname().execute();
  CHECK(named.get<std::optional<std::string>>(1) == "connection-test");
  CHECK(unnamed.client_getname() == std::nullopt);  // the pool closed the renamed connection
  CHECK_THROWS_AS(unnamed.client_setname("no spaces allowed"), redispp::ResponseError);

  auto options = plain_options(config, db);
  options.client_name = "connection-test";  // the way to name every connection
  redispp::Redis r = single_connection(options);
  CHECK(r.client_getname() == "connection-test");

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
  CHECK_THROWS_AS(r.client_list({.type = "normal", .ids = {id}}), redispp::DataError);  // one filter at a time: unsent
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

  // Tracking lasts for the rest of its pipeline.
  auto res = r.pipeline(false)
                 .client_tracking(true, {.prefixes = {"conn:a:", "conn:b:"}, .bcast = true})
                 .client_trackinginfo()
                 .client_tracking(false)
                 .execute();
  CHECK(res.get<bool>(0));
  const auto bcast = res.get<redispp::TrackingInfo>(1);
  CHECK(contains(bcast.flags, "on"));
  CHECK(contains(bcast.flags, "bcast"));
  std::vector<std::string> prefixes = bcast.prefixes;
  std::sort(prefixes.begin(), prefixes.end());
  CHECK(prefixes == std::vector<std::string>{"conn:a:", "conn:b:"});
  CHECK(res.get<bool>(2));

  // Invalidations redirected to another connection.
  redispp::Redis other = single_connection(plain_options(config, db));
  const long long other_id = other.client_id();
  auto optin = r.pipeline(false)
                   .client_tracking(true, {.redirect = other_id, .optin = true})
                   .client_getredir()
                   .client_trackinginfo()
                   .client_caching(true)  // for the next command only
                   .client_tracking(false)
                   .execute();
  CHECK(optin.get<long long>(1) == other_id);
  CHECK(optin.get<redispp::TrackingInfo>(2).redirect == other_id);
  CHECK(contains(optin.get<redispp::TrackingInfo>(2).flags, "optin"));
  CHECK(optin.get<bool>(3));
  CHECK(r.client_tracking(true));
  CHECK(r.client_trackinginfo().flags == std::vector<std::string>{"off"});  // the next call: a fresh connection
  CHECK_THROWS_AS(r.client_caching(true), redispp::ResponseError);  // needs tracking OPTIN/OPTOUT
  CHECK_THROWS_AS(r.client_tracking(true, {.optin = true, .optout = true}), redispp::DataError);  // refused unsent
}

TEST_CASE("reset puts the connection back to a fresh connection's state, for the rest of its pipeline", "[commands][connection]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::ConnectionOptions options = plain_options(config, db);
  options.client_name = "before-reset";
  redispp::Redis r = single_connection(options);
  CHECK(r.client_info().db == db);
  // (Pipeline::reset() empties the pipeline: RESET is queued as a generic command.)
  auto res = r.pipeline(false).execute_command("RESET").client_info().execute();
  CHECK(res.get<redispp::Reply>(0).str() == "RESET");
  const auto after = res.get<redispp::ClientInfo>(1);
  CHECK(after.db == 0);
  CHECK(after.name.empty());
  CHECK(after.fields.at("resp") == "2");
  // The pool closed that connection: the next call gets the options' database, name, protocol.
  const redispp::ClientInfo next = r.client_info();
  CHECK(next.db == db);
  CHECK(next.name == "before-reset");
  CHECK(r.hello().proto == config.protocol);
}

TEST_CASE("quit closes the connection; the pool connects again", "[commands][connection]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = single_connection(plain_options(config, db));
  const long long before = r.client_id();
  CHECK(r.quit());
  // The pool closed the connection QUIT ended: the next call uses a new one, without an error.
  CHECK(r.client_id() != before);
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
