// Backoff arithmetic and the rule deciding whether a failed command may be sent again.
#include "support/catch.hpp"

#include <set>
#include <stdexcept>

#include <redispp/errors.hpp>
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
  using redispp::CommandFlags;
  using redispp::RetryFacts;
  const Retry retry;  // the default: 3 retries, read-only and repeatable commands safe after send
  CHECK(retry.retries == 3);
  CHECK(retry.backoff.kind() == Backoff::Kind::full_jitter);
  CHECK(retry.safe_after_send.empty());  // opt-in only: the flags decide

  const RetryFacts incr{CommandFlags::none, "INCR"};
  const RetryFacts get{CommandFlags::read_only, "GET"};
  // Nothing written yet: anything may be retried, up to the limit.
  CHECK(retry.may_retry(1, false, incr));
  CHECK(retry.may_retry(3, false, incr));
  CHECK_FALSE(retry.may_retry(4, false, incr));
  // Written: only the commands whose flags say repeating them changes nothing.
  CHECK(retry.may_retry(1, true, get));
  CHECK(retry.may_retry(1, true, {CommandFlags::repeatable, "PING"}));
  CHECK_FALSE(retry.may_retry(1, true, incr));
  CHECK_FALSE(retry.may_retry(1, true, {CommandFlags::none, "SET"}));
  CHECK_FALSE(retry.may_retry(4, true, get));
  // Blocking commands and EXEC: never once written, even when listed.
  Retry permissive;
  permissive.safe_after_send = {"BLPOP", "EXEC", "INCR"};
  CHECK_FALSE(permissive.may_retry(1, true, {CommandFlags::blocking, "BLPOP"}));
  CHECK_FALSE(permissive.may_retry(1, true, {CommandFlags::never_retried, "EXEC"}));
  CHECK_FALSE(permissive.may_retry(1, true, {CommandFlags::read_only | CommandFlags::blocking, "XREAD"}));
  CHECK(permissive.may_retry(1, false, {CommandFlags::blocking, "BLPOP"}));
  // The opt-in list: a name, in any case.
  CHECK(permissive.may_retry(1, true, incr));
  CHECK(permissive.may_retry(1, true, {CommandFlags::none, "incr"}));

  const Retry none = Retry::none();
  CHECK_FALSE(none.may_retry(1, false, get));
}

TEST_CASE("Retry::decide takes the failure's kind: lasting failures are never retried", "[retry]") {
  using redispp::CommandFlags;
  using redispp::FailureKind;
  using redispp::RetryFacts;
  using redispp::RetryVerdict;
  const Retry retry;
  const RetryFacts get{CommandFlags::read_only, "GET"};
  CHECK(retry.decide(1, false, get, FailureKind::connection) == RetryVerdict::retry);
  CHECK(retry.decide(1, true, get, FailureKind::timeout) == RetryVerdict::retry);
  for (const FailureKind lasting : {FailureKind::authentication, FailureKind::max_clients, FailureKind::max_connections,
                                    FailureKind::other})
    CHECK(retry.decide(1, false, get, lasting) == RetryVerdict::lasting);
  // classify: the most specific class decides (the lasting ones derive from ConnectionError).
  CHECK(Retry::classify(redispp::ConnectionError("x")) == FailureKind::connection);
  CHECK(Retry::classify(redispp::BusyLoadingError("x")) == FailureKind::connection);
  CHECK(Retry::classify(redispp::TimeoutError("x")) == FailureKind::timeout);
  CHECK(Retry::classify(redispp::AuthenticationError("x")) == FailureKind::authentication);
  CHECK(Retry::classify(redispp::MaxClientsError("x")) == FailureKind::max_clients);
  CHECK(Retry::classify(redispp::MaxConnectionsError("x")) == FailureKind::max_connections);
  CHECK(Retry::classify(redispp::DataError("x")) == FailureKind::other);
  CHECK(Retry::classify(std::runtime_error("x")) == FailureKind::other);
}

TEST_CASE("the retry decision, step by step, without a socket", "[retry]") {
  using redispp::CommandFlags;
  using redispp::RetryFacts;
  using redispp::RetryVerdict;
  const Retry retry{Backoff::none(), 2};
  const RetryFacts get{CommandFlags::read_only, "GET"};
  const RetryFacts incr{CommandFlags::none, "INCR"};

  // A read-only command that keeps failing after being written: 1 + 2 attempts, then gave up.
  CHECK(retry.decide(1, true, get) == RetryVerdict::retry);
  CHECK(retry.decide(2, true, get) == RetryVerdict::retry);
  CHECK(retry.decide(3, true, get) == RetryVerdict::gave_up);
  // A write: retried while unwritten, unsafe as soon as something left.
  CHECK(retry.decide(1, false, incr) == RetryVerdict::retry);
  CHECK(retry.decide(2, true, incr) == RetryVerdict::unsafe);
  CHECK(retry.decide(3, false, incr) == RetryVerdict::gave_up);
  // A command known only by its text (execute_command): no flags, so as a write.
  CHECK(retry.decide(1, true, {CommandFlags::none, "GET"}) == RetryVerdict::unsafe);
  // A pipeline: whole, and only while nothing of it is written.
  const RetryFacts pipeline{CommandFlags::never_retried, "pipeline"};
  CHECK(retry.decide(1, false, pipeline) == RetryVerdict::retry);
  CHECK(retry.decide(1, true, pipeline) == RetryVerdict::unsafe);
  // A watching pipeline: never, not even unwritten.
  const RetryFacts watching{CommandFlags::never_retried, "pipeline", true};
  CHECK(retry.decide(1, false, watching) == RetryVerdict::pinned);
  // No retries at all: nothing to explain.
  CHECK(Retry::none().decide(1, true, incr) == RetryVerdict::disabled);
  CHECK(Retry::none().decide(1, false, watching) == RetryVerdict::disabled);
}
