// Backoff arithmetic and the rule deciding whether a failed command may be sent again.
#include <catch2/catch.hpp>

#include <set>

#include <redispp/transport/retry.hpp>

using namespace std::chrono_literals;
using redispp::Backoff;
using redispp::Retry;

TEST_CASE("backoffs compute redis-py's pauses", "[retry]") {
  CHECK(Backoff::none().compute(1) == 0ms);
  CHECK(Backoff::none().compute(5) == 0ms);
  CHECK(Backoff::constant(70ms).compute(1) == 70ms);
  CHECK(Backoff::constant(70ms).compute(9) == 70ms);

  Backoff exponential = Backoff::exponential(10ms, 100ms);
  CHECK(exponential.compute(1) == 20ms);
  CHECK(exponential.compute(2) == 40ms);
  CHECK(exponential.compute(3) == 80ms);
  CHECK(exponential.compute(4) == 100ms);   // capped
  CHECK(exponential.compute(200) == 100ms);  // no overflow however many failures
}

TEST_CASE("jittered backoffs stay within their bounds and do vary", "[retry]") {
  Backoff full = Backoff::full_jitter(10ms, 100ms);
  Backoff equal = Backoff::equal_jitter(10ms, 100ms);
  Backoff decorrelated = Backoff::decorrelated_jitter(10ms, 100ms);
  std::set<long long> seen;
  for (int i = 0; i < 500; ++i) {
    const auto f = full.compute(3);  // exponential pause 80 ms
    CHECK(f >= 0ms);
    CHECK(f <= 80ms);
    seen.insert(f.count());
    const auto e = equal.compute(3);
    CHECK(e >= 40ms);
    CHECK(e <= 80ms);
    const auto d = decorrelated.compute(i + 1);
    CHECK(d >= 10ms);
    CHECK(d <= 100ms);
  }
  CHECK(seen.size() > 10);  // random, not a constant
}

TEST_CASE("a command is repeated only when that cannot run it twice", "[retry]") {
  const Retry retry;  // the default: 3 retries, read-only commands safe after send
  CHECK(retry.retries == 3);
  CHECK(retry.backoff.kind() == Backoff::Kind::full_jitter);

  // Nothing written yet: anything may be retried, up to the limit.
  CHECK(retry.may_retry(1, false, "INCR", false));
  CHECK(retry.may_retry(3, false, "INCR", false));
  CHECK_FALSE(retry.may_retry(4, false, "INCR", false));
  // Written: only the commands listed as safe, in any case.
  CHECK(retry.may_retry(1, true, "GET", false));
  CHECK(retry.may_retry(1, true, "get", false));
  CHECK_FALSE(retry.may_retry(1, true, "INCR", false));
  CHECK_FALSE(retry.may_retry(1, true, "SET", false));
  // Blocking commands and EXEC: never once written, even when listed.
  Retry permissive;
  permissive.safe_after_send = {"BLPOP", "EXEC"};
  CHECK_FALSE(permissive.may_retry(1, true, "BLPOP", true));
  CHECK_FALSE(permissive.may_retry(1, true, "EXEC", false));
  CHECK(permissive.may_retry(1, false, "BLPOP", true));

  const Retry none = Retry::none();
  CHECK_FALSE(none.may_retry(1, false, "GET", false));
}
