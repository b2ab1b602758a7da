// Fault injection: real redis-server processes of the test's own (killed, restarted, frozen) and
// a FaultProxy in front of one (delays, dropped traffic, resets, replies cut short). Whatever
// happens, every call either succeeds with its own reply or raises ConnectionError /
// TimeoutError within its time-outs; nothing hangs and nothing leaks.
#include "support/catch.hpp"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/deadline_timing.hpp"
#include "support/fault_proxy.hpp"
#include "support/redis_process.hpp"

using namespace std::chrono_literals;
using redispp::test::FaultProxy;
using redispp::test::RedisProcess;

namespace {
using Clock = std::chrono::steady_clock;

std::size_t server_client_count(const redispp::ConnectionOptions& options) {
  redispp::Redis admin{options, redispp::PoolOptions{.max_connections = 1}};
  return admin.client_list().size() - 1;  // not counting this one
}
}  // namespace

TEST_CASE("server killed and restarted under 8 threads sharing a pool of 8", "[fault][restart]") {
  RedisProcess server;
  auto options = server.options();
  options.socket_timeout = 1s;
  options.socket_connect_timeout = 500ms;
  options.retry = redispp::Retry{redispp::Backoff::constant(20ms), 2};
  auto pool = std::make_shared<redispp::ConnectionPool>(options, redispp::PoolOptions{.max_connections = 8, .timeout = 3s});
  redispp::Redis r{pool};

  std::atomic<bool> stop{false};
  std::atomic<int> ok{0}, failed{0}, crossed{0}, other_errors{0};
  std::atomic<long long> slowest_ms{0};
  // The longest any call may take: connect or read time-out per attempt, three attempts, the
  // back-off between them, and the pool's own wait; plus slack for a loaded machine.
  const auto bound = 3 * (1s + 500ms) + 3s + 1s;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; !stop; ++i) {
        const std::string value = fmt::format("{}-{}", t, i);
        const auto started = Clock::now();
        try {
          // ECHO answers with exactly what was asked: any crossed reply would show.
          if (r.echo(value) != value) ++crossed;
          ++ok;
        } catch (const redispp::ConnectionError&) {
          ++failed;
        } catch (const redispp::TimeoutError&) {
          ++failed;
        } catch (...) {
          ++other_errors;
        }
        const long long took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
        for (long long seen = slowest_ms; took > seen && !slowest_ms.compare_exchange_weak(seen, took);) {
        }
      }
    });

  std::this_thread::sleep_for(300ms);
  server.kill_now();
  std::this_thread::sleep_for(300ms);
  server.start();  // same port
  std::this_thread::sleep_for(500ms);
  stop = true;
  for (auto& thread : threads) thread.join();

  CHECK(crossed == 0);
  CHECK(other_errors == 0);
  CHECK(ok > 0);
  CHECK(std::chrono::milliseconds(slowest_ms.load()) < bound);
  // The pool serves again, and holds no more connections than the server sees.
  CHECK(r.ping());
  const auto stats = pool->stats();
  CHECK(stats.in_use == 0);
  CHECK(stats.idle <= 8);
  {
    // Idle connections broken by the kill are dropped when next leased: lease them all once,
    // so that what the pool keeps is what the server sees.
    std::vector<redispp::Lease> all;
    for (std::size_t i = 0; i < stats.idle; ++i) all.push_back(pool->acquire());
  }
  CHECK(server_client_count(options) == pool->stats().idle);
  INFO("ok " << ok << ", failed " << failed);
}

TEST_CASE("a frozen server: TimeoutError within socket_timeout, then recovery", "[fault][sigstop]") {
  RedisProcess server;
  auto options = server.options();
  options.socket_timeout = 500ms;
  options.retry = redispp::Retry::none();  // one attempt's time-out is what is measured
  redispp::Redis r{options};
  const auto timings = redispp::test::time_attempts(500ms + 50ms + 50ms, 3, [&] {  // socket_timeout + 10% + 50 ms
    REQUIRE(r.ping());  // connected before the freeze, so only the GET's wait is timed
    server.freeze();
    const auto started = Clock::now();
    CHECK_THROWS_AS(r.get("k"), redispp::TimeoutError);
    const auto waited = Clock::now() - started;
    server.thaw();
    return waited;
  });
  INFO("fastest of " << timings.attempts << " attempts");
  CHECK(timings.fastest >= 500ms);
  CHECK(timings.fastest < 500ms + 50ms + 50ms);
  CHECK(r.ping());
  CHECK(r.connection_pool()->stats().in_use == 0);
}

TEST_CASE("network faults through a proxy", "[fault][proxy]") {
  RedisProcess server;
  FaultProxy proxy(server.port());
  redispp::ConnectionOptions options;
  options.port = proxy.port();
  options.socket_timeout = 400ms;
  options.retry = redispp::Retry::none();
  redispp::Redis r{options};
  REQUIRE(r.set("k", "v"));

  SECTION("a delay shorter than the time-out is only slower") {
    proxy.set_mode(FaultProxy::Mode::delay);
    proxy.set_delay(100ms);
    CHECK(r.get("k") == "v");
  }
  SECTION("a delay longer than the time-out is a TimeoutError, and the late reply is never read") {
    proxy.set_mode(FaultProxy::Mode::delay);
    proxy.set_delay(600ms);
    CHECK_THROWS_AS(r.get("k"), redispp::TimeoutError);
    proxy.set_mode(FaultProxy::Mode::pass);
    CHECK(r.echo("fresh") == "fresh");  // a new connection: the old one's late "v" is gone with it
  }
  SECTION("dropped traffic is a TimeoutError naming the peer") {
    proxy.set_mode(FaultProxy::Mode::black_hole);
    CHECK_THROWS_WITH(r.get("k"), Catch::Contains(fmt::format("127.0.0.1:{} timed out after 400 ms", proxy.port())));
    proxy.set_mode(FaultProxy::Mode::pass);
  }
  SECTION("a connection reset while idle is noticed before use and replaced") {
    proxy.reset();
    std::this_thread::sleep_for(100ms);  // the proxy aborts it within its 20 ms poll
    CHECK(r.get("k") == "v");
    CHECK(proxy.connections() == 2);
  }
  SECTION("a connection reset during a request is a ConnectionError, then the pool reconnects") {
    proxy.set_mode(FaultProxy::Mode::delay);
    proxy.set_delay(200ms);
    std::thread resetter([&proxy] {
      std::this_thread::sleep_for(50ms);
      proxy.reset();
    });
    CHECK_THROWS_AS(r.get("k"), redispp::ConnectionError);
    resetter.join();
    proxy.set_mode(FaultProxy::Mode::pass);
    CHECK(r.get("k") == "v");
  }
  SECTION("a reply cut short is a ConnectionError, and the next call gets its own reply") {
    REQUIRE(r.set("big", std::string(100000, 'x')));
    proxy.set_mode(FaultProxy::Mode::close_mid_reply);
    proxy.set_byte_budget(5000);
    CHECK_THROWS_AS(r.get("big"), redispp::ConnectionError);
    proxy.set_mode(FaultProxy::Mode::pass);
    CHECK(r.get("k") == "v");
    CHECK(r.get("big")->size() == 100000);
  }
  CHECK(r.connection_pool()->stats().in_use == 0);
}
