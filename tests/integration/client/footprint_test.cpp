// What one round trip costs the heap, and what an idle pooled connection keeps: the memory
// targets of the performance issue, as assertions (allocation counts and buffer sizes are
// deterministic, unlike time). Real server: database 25 of "plain".
#include "support/catch.hpp"

#include <cstddef>  // std::size_t
#include <optional> // std::optional
#include <string>   // std::string

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"

// Every operator new of this executable is counted.
#include "support/counting_new.hpp"

namespace {
constexpr int test_db = 25;

// Heap allocations per call of `round_trip`, over `n` calls after a warm-up (the connection open,
// its buffers grown): the steady state of a client in a loop.
template <class Fn>
double allocations_per_call(Fn&& round_trip, int n = 200) {
  for (int i = 0; i < 10; ++i) round_trip();
  const redispp::test::AllocationDelta delta;
  for (int i = 0; i < n; ++i) round_trip();
  return static_cast<double>(delta.calls()) / n;
}

void check_round_trip_allocations(const redispp::test::ClientConfig& config) {
  redispp::Redis r{redispp::test::plain_options(config, test_db), redispp::PoolOptions{.max_connections = 1}};
  const std::string key = "footprint:small";
  const std::string value = "0123456789abcdef";  // 16 bytes: one more than std::string keeps inline
  r.set(key, value);

  std::optional<std::string> got;
  const double get = allocations_per_call([&] { got = r.get(key); });
  CHECK(got == value);
  // The reply's 16-byte body is the one allocation: the command itself is encoded inline
  // (CommandBuffer), and the pool keeps room for its lease records.
  CHECK(get <= 2.0);
  CHECK(get == 1.0);

  const double set = allocations_per_call([&] { r.set(key, value); });
  CHECK(set <= 2.0);
  CHECK(set == 0.0);  // the command and "+OK" both fit inline
  r.del(key);
}

void check_idle_buffers(const redispp::test::ClientConfig& config) {
  auto pool = std::make_shared<redispp::ConnectionPool>(redispp::test::plain_options(config, test_db),
                                                        redispp::PoolOptions{.max_connections = 1});
  redispp::Redis r{pool};
  const std::string key = "footprint:big";
  r.set(key, std::string(1 << 20, 'x'));

  std::size_t while_reading = 0;
  {
    redispp::Lease lease = pool->acquire();
    const redispp::Reply reply = lease->request("*2\r\n$3\r\nGET\r\n$13\r\nfootprint:big\r\n");
    REQUIRE(reply.str().size() == (1u << 20));
    while_reading = lease->buffer_memory();
  }  // back in the pool: its buffers shrink
  CHECK(while_reading >= (1u << 20));  // the whole reply was buffered, so the check below means something

  redispp::Lease idle = pool->acquire();
  CHECK(idle->buffer_memory() <= redispp::Connection::idle_buffer_limit);
  idle.release();

  // Shrinking loses nothing: the same connection serves the next replies, large or small.
  CHECK(r.strlen(key) == (1 << 20));
  CHECK(r.get(key)->size() == (1u << 20));
  CHECK(pool->stats().created == 1);
  r.del(key);
}
}  // namespace

TEST_CASE("a GET or SET round trip makes at most 2 heap allocations", "[footprint]") {
  for (const redispp::test::ClientConfig& config : redispp::test::client_configs())
    DYNAMIC_SECTION(config.label()) { check_round_trip_allocations(config); }
}

TEST_CASE("an idle pooled connection keeps at most 32 KiB of buffers after a large reply", "[footprint]") {
  for (const redispp::test::ClientConfig& config : redispp::test::client_configs())
    DYNAMIC_SECTION(config.label()) { check_idle_buffers(config); }
}

