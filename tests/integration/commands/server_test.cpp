// Server commands, in every parser x protocol configuration. Read-only and key-level commands
// run against the plain server (database 23); server-wide ones (FLUSHALL, SWAPDB, CONFIG SET,
// ACL SETUSER, SAVE, SLOWLOG RESET, LATENCY RESET, CLIENT PAUSE, MEMORY PURGE, FAILOVER,
// REPLICAOF, SHUTDOWN ABORT, MODULE ...) only against the "admin" server, which no other test
// file uses. Nothing here leaves the admin server changed: settings are put back, and commands
// that would break it (a successful SHUTDOWN, REPLICAOF a real host) are not run (see
// server_coverage.cpp).
#include "support/catch.hpp"

#include <algorithm>
#include <chrono>
#include <future>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"

using namespace std::chrono_literals;
using redispp::test::plain_options;

namespace {

constexpr int db = 23;

/// The admin server, in configuration `config`.
redispp::ConnectionOptions admin_options(const redispp::test::ClientConfig& config, int database = 0) {
  redispp::ConnectionOptions options = redispp::test::server("admin").options(database);
  options.parser = config.parser;
  options.protocol = config.protocol;
  options.socket_timeout = 10s;
  return options;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

/// Waits until INFO persistence says no background save or rewrite runs (they refuse to overlap).
void wait_for_background_jobs(redispp::Redis& r) {
  for (int i = 0; i < 500; ++i) {
    const redispp::Info persistence = r.info("persistence");
    if (persistence.integer("rdb_bgsave_in_progress") == 0 && persistence.integer("aof_rewrite_in_progress") == 0 &&
        persistence.integer("aof_rewrite_scheduled") == 0)
      return;
    std::this_thread::sleep_for(20ms);
  }
  FAIL("background save or rewrite still running after 10 s");
}

/// Restores a configuration parameter when the test section ends, whatever happens.
struct ConfigGuard {
  redispp::Redis& r;
  std::string parameter;
  std::string previous;
  ConfigGuard(redispp::Redis& redis, std::string name)
      : r(redis), parameter(std::move(name)), previous(r.config_get(parameter).at(parameter)) {}
  ~ConfigGuard() {
    try {
      r.config_set(parameter, previous);
    } catch (...) {
    }
  }
};

}  // namespace

TEST_CASE("dbsize, flushdb, info, time, lastsave", "[commands][server]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{plain_options(config, db)};
  r.flushdb();
  CHECK(r.dbsize() == 0);
  r.set("server:a", 1);
  r.set("server:b", 2);
  CHECK(r.dbsize() == 2);
  const redispp::Info keyspace = r.info("keyspace");
  const auto& db_fields = std::get<redispp::InfoFields>(keyspace.at("db" + std::to_string(db)));
  CHECK(std::get<long long>(db_fields.at("keys")) == 2);
  CHECK(r.flushdb(true));
  CHECK(r.dbsize() == 0);
  CHECK(r.flushdb());

  const auto now = std::chrono::system_clock::now();
  CHECK(std::chrono::abs(r.time() - std::chrono::time_point_cast<std::chrono::microseconds>(now)) < 5s);
  const redispp::UnixSeconds lastsave = r.lastsave();
  CHECK(lastsave <= std::chrono::time_point_cast<std::chrono::seconds>(now) + 5s);
  CHECK(lastsave > redispp::UnixSeconds(std::chrono::seconds(1'600'000'000)));  // after 2020
  CHECK(r.info().integer("connected_clients") >= 1);
}

TEST_CASE("config get, set (one and many), resetstat, rewrite, help", "[commands][server]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis plain{plain_options(config, db)};
  const auto maxclients = plain.config_get("maxclients");
  REQUIRE(maxclients.size() == 1);
  CHECK(std::stoll(maxclients.at("maxclients")) > 0);
  CHECK(plain.config_get("maxmemory-*").size() > 3);
  CHECK(plain.config_get("no-such-parameter").empty());
  const auto help = plain.config_help();
  REQUIRE_FALSE(help.empty());
  CHECK(help.front().find("CONFIG") != std::string::npos);

  redispp::Redis r{admin_options(config)};
  ConfigGuard samples(r, "maxmemory-samples");
  ConfigGuard factor(r, "lfu-log-factor");
  CHECK(r.config_set("maxmemory-samples", 7));
  CHECK(r.config_get("maxmemory-samples").at("maxmemory-samples") == "7");
  CHECK(r.config_set({{"maxmemory-samples", "8"}, {"lfu-log-factor", "12"}}));
  CHECK(r.config_get("maxmemory-samples").at("maxmemory-samples") == "8");
  CHECK(r.config_get("lfu-log-factor").at("lfu-log-factor") == "12");
  const std::map<std::string, std::string> both{{"maxmemory-samples", "9"}, {"lfu-log-factor", "13"}};
  CHECK(r.config_set(both));
  CHECK(r.config_get("lfu-log-factor").at("lfu-log-factor") == "13");
  // All or nothing: one bad value and neither changes.
  CHECK_THROWS_AS(r.config_set({{"maxmemory-samples", "5"}, {"lfu-log-factor", "not-a-number"}}), redispp::ResponseError);
  CHECK(r.config_get("maxmemory-samples").at("maxmemory-samples") == "9");
  CHECK_THROWS_AS(r.config_set("no-such-parameter", 1), redispp::ResponseError);

  r.set("server:stat", 1);
  CHECK(r.config_resetstat());
  CHECK(r.info("stats").integer("total_commands_processed") < 5);
  // The fixture's servers run without a config file.
  CHECK_THROWS_AS(r.config_rewrite(), redispp::ResponseError);
}

TEST_CASE("slowlog get, len, reset, help", "[commands][server]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::ConnectionOptions options = admin_options(config);
  options.client_name = "slowlog-test";
  redispp::Redis r{options, redispp::PoolOptions{.max_connections = 1}};
  ConfigGuard threshold(r, "slowlog-log-slower-than");
  CHECK(r.config_set("slowlog-log-slower-than", 0));  // log every command
  CHECK(r.slowlog_reset());
  r.set("server:slow", "value");
  const auto started = std::chrono::system_clock::now();
  CHECK(r.slowlog_len() >= 1);
  const std::vector<redispp::SlowLogEntry> entries = r.slowlog_get(10);
  const auto set = std::find_if(entries.begin(), entries.end(), [](const auto& e) { return !e.args.empty() && e.args[0] == "SET"; });
  REQUIRE(set != entries.end());
  CHECK(set->args == std::vector<std::string>{"SET", "server:slow", "value"});
  CHECK(set->client_name == "slowlog-test");
  CHECK(set->client_address.find("127.0.0.1:") == 0);
  CHECK(set->duration >= 0us);
  CHECK(std::chrono::abs(set->time - std::chrono::time_point_cast<std::chrono::seconds>(started)) <= 5s);
  CHECK(entries.front().id >= set->id);  // newest first
  CHECK(r.slowlog_get(1).size() == 1);
  CHECK(r.slowlog_reset());
  CHECK(r.config_set("slowlog-log-slower-than", 10'000'000));
  CHECK(r.slowlog_reset());
  CHECK(r.slowlog_len() == 0);
  CHECK(r.slowlog_get().empty());
  CHECK_FALSE(r.slowlog_help().empty());
}

TEST_CASE("command count, info, docs, list, getkeys, getkeysandflags", "[commands][server]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{plain_options(config, db)};
  const long long count = r.command_count();
  CHECK(count > 200);

  const auto infos = r.command_info("get", "no-such-command");
  REQUIRE(infos.size() == 2);
  REQUIRE(infos[0].has_value());
  CHECK(infos[1] == std::nullopt);
  const redispp::CommandInfo& get = *infos[0];
  CHECK(get.name == "get");
  CHECK(get.arity == 2);
  CHECK(contains(get.flags, "readonly"));
  CHECK(contains(get.flags, "fast"));
  CHECK(get.first_key == 1);
  CHECK(get.last_key == 1);
  CHECK(get.step == 1);
  CHECK(contains(get.acl_categories, "@read"));
  REQUIRE(get.key_specs.size() == 1);
  CHECK(contains(get.key_specs[0].flags, "RO"));
  CHECK(get.key_specs[0].begin_search_type == "index");
  CHECK(get.key_specs[0].begin_search_spec.at("index") == "1");
  CHECK(get.key_specs[0].find_keys_type == "range");
  CHECK(get.key_specs[0].find_keys_spec.at("lastkey") == "0");
  CHECK(get.subcommands.empty());
  const auto config_info = r.command_info("config");
  REQUIRE(config_info.at(0).has_value());
  CHECK(config_info[0]->arity == -2);
  CHECK(std::any_of(config_info[0]->subcommands.begin(), config_info[0]->subcommands.end(),
                    [](const auto& c) { return c.name == "config|get"; }));
  const auto xread = r.command_info("xread").at(0);
  REQUIRE(xread.has_value());
  REQUIRE(xread->key_specs.size() == 1);
  CHECK(xread->key_specs[0].begin_search_type == "keyword");
  CHECK(xread->key_specs[0].begin_search_spec.at("keyword") == "STREAMS");
  CHECK(static_cast<long long>(r.command_info().size()) == count);

  const auto docs = r.command_docs("set", "config");
  REQUIRE(docs.count("set") == 1);
  const redispp::CommandDoc& set = docs.at("set");
  CHECK(set.name == "set");
  CHECK(set.group == "string");
  CHECK(set.since == "1.0.0");
  CHECK_FALSE(set.summary.empty());
  CHECK_FALSE(set.history.empty());
  CHECK(set.history.front().first == "2.6.12");
  REQUIRE(set.arguments.size() >= 3);
  CHECK(set.arguments[0].name == "key");
  CHECK(set.arguments[0].type == "key");
  CHECK(set.arguments[0].key_spec_index == 0);
  const auto condition = std::find_if(set.arguments.begin(), set.arguments.end(), [](const auto& a) { return a.name == "condition"; });
  REQUIRE(condition != set.arguments.end());
  CHECK(condition->type == "oneof");
  CHECK(contains(condition->flags, "optional"));
  REQUIRE(condition->arguments.size() == 2);
  CHECK(condition->arguments[0].token == "NX");
  const redispp::CommandDoc& config_doc = docs.at("config");
  CHECK(std::any_of(config_doc.subcommands.begin(), config_doc.subcommands.end(),
                    [](const auto& d) { return d.name == "config|get" && d.group == "server"; }));
  CHECK(r.command_docs("slaveof").at("slaveof").deprecated_since == "5.0.0");
  CHECK(r.command_docs("slaveof").at("slaveof").replaced_by.find("REPLICAOF") != std::string::npos);

  const auto all = r.command_list();
  CHECK(static_cast<long long>(all.size()) >= count);
  CHECK(contains(all, "get"));
  const auto x = r.command_list({.pattern = "xa*"});
  CHECK(contains(x, "xadd"));
  CHECK(std::all_of(x.begin(), x.end(), [](const auto& name) { return name.rfind("xa", 0) == 0; }));
  CHECK(contains(r.command_list({.aclcat = "hyperloglog"}), "pfadd"));
  CHECK(r.command_list({.module = "no-such-module"}).empty());
  CHECK_THROWS_AS(r.command_list({.aclcat = "read", .pattern = "*"}), redispp::DataError);

  CHECK(r.command_getkeys("MSET", "a", "1", "b", "2") == std::vector<std::string>{"a", "b"});
  CHECK(r.command_getkeys("GET", std::string("bin\0key", 7)) == std::vector<std::string>{std::string("bin\0key", 7)});
  CHECK_THROWS_AS(r.command_getkeys("PING"), redispp::ResponseError);  // no keys
  const auto flags = r.command_getkeysandflags("LMOVE", "src", "dst", "LEFT", "RIGHT");
  REQUIRE(flags.size() == 2);
  CHECK(flags[0].first == "src");
  CHECK(std::set<std::string>(flags[0].second.begin(), flags[0].second.end()) ==
        std::set<std::string>{"RW", "access", "delete"});
  CHECK(flags[1].first == "dst");
  CHECK(std::set<std::string>(flags[1].second.begin(), flags[1].second.end()) == std::set<std::string>{"RW", "insert"});
  CHECK_FALSE(r.command_help().empty());
}

TEST_CASE("acl setuser, getuser, dryrun, log, deluser and the rest", "[commands][server]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{admin_options(config)};
  const std::string user = "server-test-user";
  r.acl_deluser(user);
  CHECK(r.acl_whoami() == "default");
  CHECK(r.acl_setuser(user, "reset", "on", ">first-secret", "~app:*", "&*", "+get", "+set"));
  const std::optional<redispp::AclUser> got = r.acl_getuser(user);
  REQUIRE(got.has_value());
  CHECK(contains(got->flags, "on"));
  REQUIRE(got->passwords.size() == 1);
  CHECK(got->passwords[0].size() == 64);  // a SHA-256, never the password
  CHECK(got->commands.find("+get") != std::string::npos);
  CHECK(got->keys == "~app:*");
  CHECK(got->channels == "&*");
  CHECK(r.acl_getuser("no-such-user") == std::nullopt);
  CHECK(contains(r.acl_users(), user));
  const auto list = r.acl_list();
  CHECK(std::any_of(list.begin(), list.end(), [&](const auto& line) { return line.rfind("user " + user + " ", 0) == 0; }));
  CHECK_THROWS_AS(r.acl_setuser(user, "+no-such-command"), redispp::ResponseError);

  CHECK(r.acl_dryrun(user, "GET", "app:1") == std::nullopt);
  const auto denied = r.acl_dryrun(user, "DEL", "app:1");
  REQUIRE(denied.has_value());
  CHECK(denied->find("del") != std::string::npos);
  CHECK(r.acl_dryrun(user, "GET", "other:1").has_value());  // not its keys

  CHECK(r.acl_log_reset());
  CHECK(r.acl_log().empty());
  redispp::ConnectionOptions wrong = admin_options(config);
  wrong.username = user;
  wrong.password = "wrong-secret";
  CHECK_THROWS_AS(redispp::Redis{wrong}.ping(), redispp::AuthenticationError);
  const std::vector<redispp::AclLogEntry> log = r.acl_log(5);
  REQUIRE(log.size() == 1);
  CHECK(log[0].reason == "auth");
  CHECK(log[0].username == user);
  CHECK(log[0].context == "toplevel");
  CHECK(log[0].count == 1);
  CHECK(log[0].age >= std::chrono::duration<double>(0));
  CHECK(log[0].age < std::chrono::duration<double>(60));
  CHECK(log[0].client_info.find("addr=127.0.0.1:") != std::string::npos);
  CHECK(r.acl_log_reset());

  const auto categories = r.acl_cat();
  CHECK(contains(categories, "read"));
  CHECK(contains(categories, "dangerous"));
  CHECK(contains(r.acl_cat("hyperloglog"), "pfadd"));
  CHECK_THROWS_AS(r.acl_cat("no-such-category"), redispp::ResponseError);
  CHECK(r.acl_genpass().size() == 64);   // 256 bits in hex
  CHECK(r.acl_genpass(32).size() == 8);
  CHECK_FALSE(r.acl_help().empty());
  // The fixture's servers have no ACL file.
  CHECK_THROWS_AS(r.acl_save(), redispp::ResponseError);
  CHECK_THROWS_AS(r.acl_load(), redispp::ResponseError);

  CHECK(r.acl_deluser(user, "no-such-user") == 1);
  CHECK(r.acl_getuser(user) == std::nullopt);
}

TEST_CASE("latency latest, history, graph, doctor, histogram, reset", "[commands][server]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{admin_options(config)};
  ConfigGuard threshold(r, "latency-monitor-threshold");
  CHECK(r.config_set("latency-monitor-threshold", 1));  // ms
  r.latency_reset();
  CHECK(r.latency_latest().empty());
  CHECK(r.latency_history("command").empty());
  // A command slow enough to be an event: a busy Lua loop (DEBUG SLEEP is disabled by default).
  const auto started = std::chrono::system_clock::now();
  r.execute_command("EVAL", "local i = 0 while i < 5000000 do i = i + 1 end return i", 0);
  const std::vector<redispp::LatencyEvent> latest = r.latency_latest();
  const auto command = std::find_if(latest.begin(), latest.end(), [](const auto& e) { return e.event == "command"; });
  REQUIRE(command != latest.end());
  CHECK(command->latest >= 1ms);
  CHECK(command->max >= command->latest);
  CHECK(std::chrono::abs(command->time - std::chrono::time_point_cast<std::chrono::seconds>(started)) <= 5s);
  const std::vector<redispp::LatencySample> history = r.latency_history("command");
  REQUIRE(history.size() >= 1);
  CHECK(history.back().latency == command->latest);
  CHECK(r.latency_graph("command").find("command") != std::string::npos);
  CHECK_FALSE(r.latency_doctor().empty());
  CHECK(r.latency_reset("command") == 1);
  CHECK(r.latency_history("command").empty());
  CHECK(r.latency_reset() == 0);

  r.set("server:latency", 1);
  const auto histograms = r.latency_histogram("set", "no-such-command");
  REQUIRE(histograms.count("set") == 1);
  CHECK(histograms.count("no-such-command") == 0);
  const redispp::LatencyHistogram& set = histograms.at("set");
  CHECK(set.calls >= 1);
  REQUIRE_FALSE(set.buckets.empty());
  CHECK(set.buckets.begin()->first >= 1);  // microseconds
  const long long in_buckets = std::accumulate(set.buckets.begin(), set.buckets.end(), 0LL,
                                               [](long long sum, const auto& b) { return std::max(sum, b.second); });
  CHECK(in_buckets == set.calls);  // buckets are cumulative: the last holds every call
  CHECK(r.latency_histogram().size() >= 2);
  CHECK_FALSE(r.latency_help().empty());
}

TEST_CASE("memory usage, stats, doctor, malloc-stats, purge", "[commands][server]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{plain_options(config, db)};
  r.flushdb();
  r.set("server:mem", std::string(1000, 'x'));
  const std::optional<long long> usage = r.memory_usage("server:mem");
  REQUIRE(usage.has_value());
  CHECK(*usage >= 1000);
  CHECK(r.memory_usage("server:mem", 0).value_or(0) >= 1000);
  CHECK(r.memory_usage("server:missing") == std::nullopt);

  const redispp::MemoryStats stats = r.memory_stats();
  CHECK(stats.total_allocated > 0);
  CHECK(stats.peak_allocated > 0);
  CHECK(stats.startup_allocated > 0);
  CHECK(stats.keys_count >= 1);
  CHECK(stats.dataset_bytes > 0);
  CHECK(stats.fragmentation > 0);
  CHECK(stats.dataset_percentage > 0);
  CHECK(stats.dataset_percentage <= 100);
  CHECK(stats.values.at("total.allocated") == static_cast<double>(stats.total_allocated));
  CHECK(stats.values.count("allocator.allocated") == 1);
  REQUIRE(stats.databases.count(db) == 1);
  CHECK(stats.databases.at(db).main > 0);

  CHECK_FALSE(r.memory_doctor().empty());
  CHECK_FALSE(r.memory_malloc_stats().empty());
  CHECK_FALSE(r.memory_help().empty());
  redispp::Redis admin{admin_options(config)};
  CHECK(admin.memory_purge());
}

TEST_CASE("role, lolwut, restore-asking", "[commands][server]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{plain_options(config, db)};
  r.flushdb();
  const redispp::Role role = r.role();
  CHECK(role.role == "master");
  CHECK(role.replication_offset >= 0);
  CHECK(role.replicas.empty());
  CHECK(role.master_host.empty());

  CHECK(r.lolwut().find("Redis ver.") != std::string::npos);
  CHECK(r.lolwut(5).find("Redis ver.") != std::string::npos);

  r.set("server:original", std::string("binary\0value", 12));
  const std::string payload(r.execute_command("DUMP", "server:original").str());
  CHECK(r.restore_asking("server:copy", 0ms, payload));
  CHECK(r.get("server:copy") == std::string("binary\0value", 12));
  CHECK(r.ttl("server:copy") == -1);
  CHECK_THROWS_AS(r.restore_asking("server:copy", 0ms, payload), redispp::ResponseError);  // BUSYKEY
  CHECK(r.restore_asking("server:copy", 60s, payload, {.replace = true}));
  CHECK(r.ttl("server:copy") > 0);
  CHECK_THROWS_AS(r.restore_asking("server:bad", 0ms, std::string("not a dump")), redispp::ResponseError);
}

TEST_CASE("save, bgsave, bgrewriteaof, lastsave on the admin server", "[commands][server]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{admin_options(config)};
  wait_for_background_jobs(r);
  const auto before = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  CHECK(r.save());
  CHECK(r.lastsave() >= before - 1s);
  CHECK(r.bgsave());
  wait_for_background_jobs(r);
  CHECK(r.bgrewriteaof());
  CHECK(r.bgsave(true));  // scheduled after the rewrite, or started
  wait_for_background_jobs(r);
}

TEST_CASE("flushall and swapdb on the admin server", "[commands][server]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis db0{admin_options(config, 0)};
  redispp::Redis db1{admin_options(config, 1)};
  CHECK(db0.flushall());
  db0.set("server:where", "zero");
  db1.set("server:where", "one");
  CHECK(db0.swapdb(0, 1));
  CHECK(db0.get("server:where") == "one");
  CHECK(db1.get("server:where") == "zero");
  CHECK_THROWS_AS(db0.swapdb(0, 1000), redispp::ResponseError);
  CHECK(db0.flushall(true));
  CHECK(db0.dbsize() == 0);
  CHECK(db1.dbsize() == 0);
}

TEST_CASE("client pause holds writes until client unpause", "[commands][server][connection]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{admin_options(config)};
  redispp::Redis writer{admin_options(config)};
  writer.ping();  // connected before the pause
  // WRITE only, so this client's own reads (and UNPAUSE) still run; 10 s bounds a failed test.
  CHECK(r.client_pause(10s, true));
  auto write = std::async(std::launch::async, [&] { return writer.set("server:paused", 1); });
  CHECK(write.wait_for(200ms) == std::future_status::timeout);
  CHECK(r.get("server:paused") == std::nullopt);  // reads are not paused
  CHECK(r.client_unpause());
  REQUIRE(write.wait_for(5s) == std::future_status::ready);
  CHECK(write.get());
  CHECK(r.client_pause(1ms));  // ALL, over before the next call
  r.del("server:paused");
}

TEST_CASE("replication and lifecycle commands: their errors reach the caller", "[commands][server]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{admin_options(config)};
  // Safe forms only: the admin server is and stays a master.
  CHECK(r.replicaof_no_one());
  CHECK(r.slaveof_no_one());
  CHECK(r.role().role == "master");
  CHECK_THROWS_WITH(r.failover(), Catch::Contains("requires connected replicas"));
  CHECK_THROWS_AS(r.failover({.abort = true}), redispp::ResponseError);  // no failover in progress
  CHECK_THROWS_AS(r.failover({.host = "127.0.0.1", .port = 1, .force = true}), redispp::ResponseError);
  CHECK_THROWS_WITH(r.shutdown({.abort = true}), Catch::Contains("No shutdown in progress"));
  // MODULE LOAD/LOADEX/UNLOAD are disabled by default since 7.0 (enable-module-command no).
  CHECK_FALSE(r.module_help().empty());
  CHECK(r.module_list().empty());
  CHECK_THROWS_AS(r.module_load("/nonexistent/module.so"), redispp::ResponseError);
  CHECK_THROWS_AS(r.module_loadex("/nonexistent/module.so", {.configs = {{"a", "1"}}, .args = {"x"}}), redispp::ResponseError);
  CHECK_THROWS_AS(r.module_unload("no-such-module"), redispp::ResponseError);
  // REPLCONF from a normal client: options it knows are accepted, others refused.
  redispp::Redis one{admin_options(config), redispp::PoolOptions{.max_connections = 1}};
  CHECK(one.replconf("listening-port", 6380));
  CHECK_THROWS_WITH(one.replconf("no-such-option", 1), Catch::Contains("Unrecognized REPLCONF option"));
}

TEST_CASE("read-only server commands in a pipeline", "[commands][server][pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{plain_options(config, db)};
  r.flushdb();
  r.set("server:piped", 1);
  for (const bool transaction : {true, false}) {
    INFO("transaction " << transaction);
    auto p = r.pipeline(transaction);
    p.info("server").dbsize().time().command_count().slowlog_len().config_get("maxclients").memory_usage("server:piped")
        .command_info("get").lastsave();
    auto res = p.execute();
    REQUIRE(res.size() == 9);
    CHECK(res.get<redispp::Info>(0).text("redis_version").rfind("7.", 0) == 0);
    CHECK(res.get<long long>(1) == 1);
    CHECK(std::chrono::abs(res.get<redispp::ServerTime>(2) -
                           std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now())) < 5s);
    CHECK(res.get<long long>(3) > 200);
    CHECK(res.get<long long>(4) >= 0);
    CHECK(std::stoll(res.get<std::unordered_map<std::string, std::string>>(5).at("maxclients")) > 0);
    CHECK(res.get<std::optional<long long>>(6).value_or(0) > 0);
    const auto info = res.get<std::vector<std::optional<redispp::CommandInfo>>>(7);
    REQUIRE(info.size() == 1);
    CHECK(info[0]->arity == 2);
    CHECK(res.get<redispp::UnixSeconds>(8) > redispp::UnixSeconds(std::chrono::seconds(1'600'000'000)));
  }
}
