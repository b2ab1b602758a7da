// ConnectionPool: lazy LIFO reuse, the max_connections limit and its error, waiting, stats,
// disconnect(), broken connections, fork(). Real server: database 5 of "plain".
#include "support/catch.hpp"

#include <sys/wait.h>  // waitpid
#include <unistd.h>    // fork, _exit

#include <atomic>
#include <mutex>
#include <chrono>
#include <thread>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/test_servers.hpp"

using namespace std::chrono_literals;

namespace {
constexpr int test_db = 5;

std::shared_ptr<redispp::ConnectionPool> make_pool(std::size_t max_connections, std::chrono::milliseconds timeout) {
  return std::make_shared<redispp::ConnectionPool>(redispp::test::server("plain").options(test_db),
                                                   redispp::PoolOptions{.max_connections = max_connections, .timeout = timeout});
}
long long id_of(redispp::Connection& connection) {
  return connection.request("*2\r\n$6\r\nCLIENT\r\n$2\r\nID\r\n").integer();
}
}  // namespace

TEST_CASE("connections are made lazily and reused last-in first-out", "[pool]") {
  auto pool = make_pool(4, 1s);
  CHECK(pool->stats().created == 0);
  redispp::Redis r{pool};
  const long long id = r.client_id();
  for (int i = 0; i < 10; ++i) CHECK(r.client_id() == id);  // one caller at a time: one connection
  auto s = pool->stats();
  CHECK(s.created == 1);
  CHECK(s.idle == 1);
  CHECK(s.in_use == 0);

  redispp::Lease a = pool->acquire();
  redispp::Lease b = pool->acquire();
  CHECK(pool->stats().in_use == 2);
  CHECK(pool->stats().created == 2);
  const long long id_a = id_of(*a);
  CHECK(id_of(*b) != id_a);
  b.release();
  a.release();
  // a went back last, so it comes out first.
  redispp::Lease again = pool->acquire();
  CHECK(id_of(*again) == id_a);
  CHECK(pool->stats().idle == 1);
}

TEST_CASE("an exhausted pool raises MaxConnectionsError with the counts", "[pool]") {
  auto pool = make_pool(2, 100ms);
  redispp::Lease a = pool->acquire();
  redispp::Lease b = pool->acquire();
  const auto server = redispp::test::server("plain");
  const auto started = std::chrono::steady_clock::now();
  try {
    redispp::Redis(pool).ping();
    FAIL("a third connection was handed out by a pool of two");
  } catch (const redispp::MaxConnectionsError& e) {
    const auto waited = std::chrono::steady_clock::now() - started;
    CHECK(waited >= 100ms);
    CHECK_THAT(e.what(), Catch::Contains(fmt::format("no free connection to 127.0.0.1:{} after", server.port)) &&
                             Catch::Contains("2 of 2 in use, 0 waiting (max_connections=2)"));
  }
  // MaxConnectionsError is a ConnectionError, as in redis-py.
  CHECK_THROWS_AS(pool->acquire(), redispp::ConnectionError);
  const auto s = pool->stats();
  CHECK(s.wait_timeouts == 2);
  CHECK(s.total_waits == 2);
  CHECK(s.in_use == 2);

  SECTION("timeout 0 fails at once") {
    auto impatient = make_pool(1, 0ms);
    redispp::Lease only = impatient->acquire();
    const auto t0 = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(impatient->acquire(), redispp::MaxConnectionsError);
    // "At once": no wait at all. The bound only leaves room for a loaded, sanitized CI run.
    CHECK(std::chrono::steady_clock::now() - t0 < 250ms);
    CHECK(impatient->stats().total_waits == 0);
  }
}

TEST_CASE("a waiting caller gets the next connection given back", "[pool]") {
  auto pool = make_pool(1, 5s);
  redispp::Lease held = pool->acquire();
  std::atomic<bool> done{false};
  std::thread waiter([&] {
    redispp::Redis(pool).ping();
    done = true;
  });
  // Wait until the other thread is blocked in acquire(), as stats() shows.
  for (int i = 0; i < 200 && pool->stats().waiting == 0; ++i) std::this_thread::sleep_for(5ms);
  CHECK(pool->stats().waiting == 1);
  CHECK_FALSE(done);
  held.release();
  waiter.join();
  CHECK(done);
  const auto s = pool->stats();
  CHECK(s.waiting == 0);
  CHECK(s.total_waits == 1);
  CHECK(s.wait_timeouts == 0);
  CHECK(s.created == 1);
}

TEST_CASE("a broken connection is discarded, not pooled", "[pool]") {
  auto pool = make_pool(2, 1s);
  {
    redispp::Lease lease = pool->acquire();
    lease->disconnect();  // as any IO error would
  }
  auto s = pool->stats();
  CHECK(s.in_use == 0);
  CHECK(s.idle == 0);
  CHECK(redispp::Redis(pool).ping());
  CHECK(pool->stats().created == 2);
}

TEST_CASE("disconnect() closes idle connections and leased ones when they return", "[pool]") {
  auto pool = make_pool(4, 1s);
  redispp::Redis r{pool};
  const long long before = r.client_id();
  redispp::Lease leased = pool->acquire();
  pool->disconnect();
  CHECK(pool->stats().idle == 0);
  leased.release();  // from before disconnect(): closed, not pooled
  CHECK(pool->stats().idle == 0);
  CHECK(r.client_id() != before);  // a new connection
}

TEST_CASE("after fork() the child never uses its parent's sockets", "[pool][fork]") {
  auto pool = make_pool(2, 1s);
  redispp::Redis r{pool};
  const long long parent_id = r.client_id();
  const pid_t child = ::fork();
  if (child == 0) {
    // In the child: the pool opens its own connection; exit 0 only if it differs.
    int status = 1;
    try {
      status = r.client_id() != parent_id ? 0 : 2;
    } catch (...) {
      status = 3;
    }
    ::_exit(status);
  }
  REQUIRE(child > 0);
  int status = -1;
  ::waitpid(child, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  // The parent's connection is untouched by the child's exit (no QUIT, no shutdown()).
  CHECK(r.client_id() == parent_id);
  CHECK(r.ping());
}

TEST_CASE("bad pool options are refused up front", "[pool]") {
  const auto options = redispp::test::server("plain").options(test_db);
  CHECK_THROWS_AS(redispp::ConnectionPool(options, redispp::PoolOptions{.max_connections = 0}), redispp::DataError);
  CHECK_THROWS_AS(redispp::ConnectionPool(options, redispp::PoolOptions{.max_connections = 1, .timeout = -1ms}),
                  redispp::DataError);
}

TEST_CASE("16 threads over a pool of 4: no lost or crossed replies, consistent stats", "[pool][threads]") {
  auto pool = make_pool(4, 10s);
  redispp::Redis r{pool};
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10000; ++i) {
        const std::string payload = fmt::format("{}-{}", t, i);
        if (r.echo(payload) != payload) ++wrong;
      }
    });
  for (auto& thread : threads) thread.join();
  CHECK(wrong == 0);
  const auto s = pool->stats();
  CHECK(s.in_use == 0);
  CHECK(s.created <= 4);
  CHECK(s.idle == s.created);
}

TEST_CASE("leak diagnostics: held leases, their sites, and the long-lease callback", "[pool][leaks]") {
  std::mutex reported_mutex;
  std::vector<redispp::HeldLease> reported;
  redispp::PoolOptions options{.max_connections = 1, .timeout = 100ms};
  options.long_lease_threshold = 20ms;
  options.on_long_lease = [&](const redispp::HeldLease& lease) {
    std::lock_guard lock(reported_mutex);
    reported.push_back(lease);
  };
  auto pool = std::make_shared<redispp::ConnectionPool>(redispp::test::server("plain").options(test_db), options);
  const int leak_line = __LINE__ + 1;
  redispp::Lease leaked = pool->acquire();
  std::this_thread::sleep_for(40ms);

  const std::vector<redispp::HeldLease> held = pool->held_leases(10ms);
  REQUIRE(held.size() == 1);
  CHECK(held[0].held >= 40ms);
  CHECK(static_cast<int>(held[0].where.line()) == leak_line);
  CHECK_THAT(held[0].where.file_name(), Catch::EndsWith("pool_test.cpp"));
  CHECK(pool->held_leases(10s).empty());

  // The exhausted pool's error names the site that holds the connection.
  CHECK_THROWS_WITH(redispp::Redis(pool).ping(), Catch::Contains("longest leases: held ") &&
                                                     Catch::Contains(fmt::format("at pool_test.cpp:{}", leak_line)));
  {
    std::lock_guard lock(reported_mutex);
    REQUIRE(reported.size() == 1);  // reported once, when a caller had to wait
    CHECK(static_cast<int>(reported[0].where.line()) == leak_line);
  }
  CHECK_THROWS_AS(redispp::Redis(pool).ping(), redispp::MaxConnectionsError);
  leaked.release();
  std::lock_guard lock(reported_mutex);
  CHECK(reported.size() == 1);  // not again: neither on the second wait nor on return
  CHECK(pool->held_leases().empty());
}

TEST_CASE("a watching pipeline's lease is recorded at the line that made the pipeline", "[pool][leaks]") {
  auto pool = make_pool(2, 1s);
  redispp::Redis r{pool};
  const int pipeline_line = __LINE__ + 1;
  redispp::Pipeline pipe = r.pipeline();
  pipe.watch("leak:key");  // holds a connection until execute() or reset()
  const auto held = pool->held_leases();
  REQUIRE(held.size() == 1);
  CHECK(static_cast<int>(held[0].where.line()) == pipeline_line);
  pipe.reset();
  CHECK(pool->held_leases().empty());
}
