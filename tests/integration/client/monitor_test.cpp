// Monitor against real servers: the commands other clients run, parsed, in both protocols with
// both parsers; escaped arguments; Lua and Unix-socket clients; time-outs; the pool untouched.
// The shared server is busy with other tests, so each case looks for its own key (database 33)
// among what MONITOR shows; the time-out case uses a server of its own.
#include "support/catch.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <ratio>
#include <string>
#include <thread>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"
#include "support/redis_process.hpp"
#include "support/test_servers.hpp"

using namespace std::chrono_literals;

namespace {
// The first command `mon` shows (within 5 s) that `wanted` accepts; fails the test if none does.
redispp::MonitorCommand find(redispp::Monitor& mon, const std::function<bool(const redispp::MonitorCommand&)>& wanted) {
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (std::chrono::steady_clock::now() < deadline) {
    std::optional<redispp::MonitorCommand> c = mon.next_command(1s);
    if (c && wanted(*c)) return std::move(*c);
  }
  FAIL("MONITOR did not show the command");
  return {};
}
bool names_key(const redispp::MonitorCommand& c, const std::string& key) { return c.args.size() >= 2 && c.args[1] == key; }
}  // namespace

TEST_CASE("MONITOR shows another client's commands, parsed", "[monitor]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{redispp::test::plain_options(config, 33)};
  redispp::Monitor mon = r.monitor();
  const std::string key = "monitor_test:set:" + config.label();
  using namespace std::string_literals;
  const std::string value = "v\0\"x\"\\\r\n\xff end"s;
  const double before = static_cast<double>(std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::system_clock::now().time_since_epoch()).count()) / 1e6;
  REQUIRE(r.set(key, value));

  const redispp::MonitorCommand c = find(mon, [&](const auto& c) { return names_key(c, key); });
  CHECK(c.args == std::vector<std::string>{"SET", key, value});
  CHECK(c.command == "SET " + key + " " + value);
  CHECK(c.db == 33);
  CHECK(c.client_type == "tcp");
  CHECK(c.client_address.starts_with("127.0.0.1:"));
  CHECK(c.time >= before - 1);
  CHECK(c.time <= before + 10);
  r.del(key);
}

TEST_CASE("MONITOR: commands run by a script, and clients on a Unix socket", "[monitor]") {
  redispp::Redis r{redispp::test::server("plain").options(33)};
  redispp::Monitor mon = r.monitor();
  const std::string key = "monitor_test:lua";
  r.eval("return redis.call('GET', KEYS[1])", std::vector<std::string>{key});
  const redispp::MonitorCommand from_lua = find(mon, [&](const auto& c) { return c.client_type == "lua" && names_key(c, key); });
  CHECK(from_lua.client_address == "lua");
  CHECK(from_lua.args == std::vector<std::string>{"GET", key});

  redispp::ConnectionOptions unix_options;
  unix_options.unix_socket_path = redispp::test::unix_socket_path();
  unix_options.db = 33;
  redispp::Redis over_unix{unix_options};
  const std::string unix_key = "monitor_test:unix";
  over_unix.exists(unix_key);
  const redispp::MonitorCommand from_unix = find(mon, [&](const auto& c) { return names_key(c, unix_key); });
  CHECK(from_unix.client_type == "unix");
  CHECK(from_unix.client_address.starts_with("unix:"));
}

TEST_CASE("MONITOR: listen() as a range, the time-out, and the pool left alone", "[monitor]") {
  redispp::test::RedisProcess server;
  redispp::Redis r{server.options()};
  r.ping();
  // execute_command asks COMMAND INFO on a name's first use, which the monitor would show: ask
  // it about CLIENT now, before the monitor starts.
  r.execute_command("CLIENT", "ID");
  const redispp::PoolStats before = r.connection_pool()->stats();
  {
    redispp::Monitor mon = r.monitor();
    CHECK(r.connection_pool()->stats().created == before.created);  // not the pool's connection
    CHECK_THROWS_AS(mon.next_command(-1ms), redispp::DataError);
    const auto started = std::chrono::steady_clock::now();
    CHECK_FALSE(mon.next_command(300ms));  // a server of our own: nothing runs
    CHECK(std::chrono::steady_clock::now() - started >= 300ms);

    r.incr("one");
    r.incr("two");
    std::vector<std::string> keys;
    for (const redispp::MonitorCommand& c : mon.listen()) {
      keys.push_back(c.args.at(1));
      if (keys.size() == 2) break;
    }
    CHECK(keys == std::vector<std::string>{"one", "two"});

    // A time-out longer than the clock can count (milliseconds::max(), 300 years) is no limit:
    // the command that comes later is returned, not nullopt at once.
    using years = std::chrono::duration<long long, std::ratio<31556952>>;
    for (const std::chrono::milliseconds timeout :
         {std::chrono::milliseconds::max(), std::chrono::duration_cast<std::chrono::milliseconds>(years(300))}) {
      std::thread runner([&r] {
        std::this_thread::sleep_for(200ms);
        r.incr("late");
      });
      const std::optional<redispp::MonitorCommand> late = mon.next_command(timeout);
      runner.join();
      REQUIRE(late);
      CHECK(late->args.at(1) == "late");
    }
    // A monitor counts as a "normal" client; SKIPME (the default) spares this one.
    CHECK(r.execute_command("CLIENT", "KILL", "TYPE", "normal").integer() == 1);
    CHECK_THROWS_AS(mon.next_command(2s), redispp::ConnectionError);
    CHECK_THROWS_AS(mon.next_command(0ms), redispp::ConnectionError);  // done: no silent reconnect
  }
  const redispp::PoolStats after = r.connection_pool()->stats();
  CHECK(after.created == before.created);
  CHECK(after.in_use == 0);
}
