#pragma once
// Measuring how close to its deadline a time-out fires, on a shared two-core machine that CI
// also loads with sanitizers and parallel tests.
//
// A time-out firing late has two causes: the library computed the deadline wrong, or the
// test's thread (or the server's) was descheduled for a while. The first is late on every
// attempt, the second on few. So an accuracy bound is judged on the fastest of up to
// `max_attempts` attempts, stopping at the first one within the bound; an early firing is a
// bug whatever the load, so the lower bound is judged on every attempt (the fastest is
// the earliest).
//
//   const auto timings = redispp::test::time_attempts(600ms, 3, [&] {
//     CHECK_THROWS_AS(r.ping(), redispp::TimeoutError);
//   });
//   CHECK(timings.fastest >= 500ms);  // never early
//   CHECK(timings.fastest < 600ms);   // on time at least once
//
// An attempt that needs set-up it should not be timed for returns the duration it measured.
#include <algorithm>  // std::min
#include <chrono>     // std::chrono::steady_clock
#include <type_traits> // std::invoke_result_t

namespace redispp::test {

struct AttemptTimings {
  std::chrono::steady_clock::duration fastest = std::chrono::steady_clock::duration::max();
  int attempts = 0;
};

template <class Attempt>
AttemptTimings time_attempts(std::chrono::steady_clock::duration within, int max_attempts, Attempt&& attempt) {
  AttemptTimings timings;
  while (timings.attempts < max_attempts && timings.fastest >= within) {
    std::chrono::steady_clock::duration took{};
    if constexpr (std::is_void_v<std::invoke_result_t<Attempt&>>) {
      const auto started = std::chrono::steady_clock::now();
      attempt();
      took = std::chrono::steady_clock::now() - started;
    } else {
      took = attempt();  // the attempt timed the part that matters itself
    }
    timings.fastest = std::min(timings.fastest, took);
    ++timings.attempts;
  }
  return timings;
}

}  // namespace redispp::test
