// detail::deadline_after saturates instead of wrapping; own_wait_limit is the one rule for the
// library's own waits.
#include "support/catch.hpp"

#include <chrono>
#include <ratio>

#include <redispp/detail/deadline.hpp>

using namespace std::chrono_literals;
using redispp::detail::deadline_after;
using redispp::detail::own_wait_limit;
using clock_type = std::chrono::steady_clock;

TEST_CASE("deadline_after adds a time-out that fits", "[deadline]") {
  const clock_type::time_point now = clock_type::now();
  CHECK(deadline_after(now, 250ms) == now + 250ms);
  CHECK(deadline_after(now, 3s) == now + 3s);
  CHECK(deadline_after(now, 0ms) == now);
  CHECK(deadline_after(now, -5ms) == now);  // passed already
  // A finer unit than the clock's is rounded up, never down.
  using picoseconds = std::chrono::duration<long long, std::pico>;
  CHECK(deadline_after(now, picoseconds(1500)) == now + 2ns);
}

TEST_CASE("deadline_after saturates at time_point::max() for time-outs the clock cannot count", "[deadline]") {
  const clock_type::time_point now = clock_type::now();
  using years = std::chrono::duration<long long, std::ratio<31556952>>;
  CHECK(deadline_after(now, std::chrono::milliseconds::max()) == clock_type::time_point::max());
  CHECK(deadline_after(now, std::chrono::duration_cast<std::chrono::milliseconds>(years(300))) ==
        clock_type::time_point::max());
  CHECK(deadline_after(now, std::chrono::hours::max()) == clock_type::time_point::max());
  CHECK(deadline_after(now, std::chrono::nanoseconds::max()) == clock_type::time_point::max());
  // Exactly what is left fits; one tick more does not.
  const clock_type::duration room = clock_type::time_point::max() - now;
  CHECK(deadline_after(now, room - 1ns) == clock_type::time_point::max() - 1ns);
  CHECK(deadline_after(now, room + 0ns) == clock_type::time_point::max());
  // 100 years still fit (steady_clock counts about 292 from its epoch).
  CHECK(deadline_after(now, std::chrono::duration_cast<std::chrono::milliseconds>(years(100))) <
        clock_type::time_point::max());
  // Before the epoch (a system_clock set far back) does not overflow either.
  const std::chrono::system_clock::time_point past{-std::chrono::hours(24 * 365 * 100)};
  CHECK(deadline_after(past, 1s) == past + 1s);
}

TEST_CASE("own_wait_limit: the governing time-out, else the other, else 5 s", "[deadline]") {
  const auto both = own_wait_limit({2s, "socket_connect_timeout"}, {7s, "socket_timeout"});
  CHECK(both.limit == 2s);
  CHECK(describe(both) == "socket_connect_timeout");
  const auto other = own_wait_limit({0ms, "socket_connect_timeout"}, {7s, "socket_timeout"});
  CHECK(other.limit == 7s);
  CHECK(describe(other) == "socket_timeout, as socket_connect_timeout is 0");
  const auto neither = own_wait_limit({0ms, "socket_timeout"}, {0ms, "socket_connect_timeout"});
  CHECK(neither.limit == 5s);
  CHECK(describe(neither) == "5 s, as socket_timeout and socket_connect_timeout are 0");
}
