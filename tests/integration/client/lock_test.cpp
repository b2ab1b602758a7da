// Lock (r.lock) against a real server: mutual exclusion between threads, expiry, the time
// acquire() waits, extend / reacquire, and use as a C++ lock. Database 31 of the plain server,
// keys prefixed "lock_test:". The client configurations do not change what a Lock sends (SET,
// GET, EXISTS, EVALSHA), so one configuration runs here; script_test covers scripts in each.
#include "support/catch.hpp"

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"
#include "support/deadline_timing.hpp"

using namespace std::chrono_literals;

namespace {
constexpr int test_db = 31;

redispp::Redis client(std::initializer_list<std::string_view> keys = {}) {
  redispp::Redis r{redispp::test::plain_options({redispp::ParserKind::builtin, 3}, test_db)};
  if (keys.size() > 0) r.del(keys);
  return r;
}
}  // namespace

TEST_CASE("lock: acquire stores a fresh token in the key; release deletes it; others wait", "[lock]") {
  redispp::Redis r = client({"lock_test:basic"});
  redispp::Lock lock = r.lock("lock_test:basic", {.timeout = 10s});
  CHECK_FALSE(lock.locked());
  CHECK_FALSE(lock.owned());
  REQUIRE(lock.acquire());
  REQUIRE(lock.token());
  CHECK(lock.token()->size() == 32);
  CHECK(r.get("lock_test:basic") == *lock.token());
  CHECK(r.pttl("lock_test:basic") > 9000);
  CHECK(lock.locked());
  CHECK(lock.owned());

  redispp::Lock other = r.lock("lock_test:basic", {.blocking = false});
  CHECK_FALSE(other.acquire());
  CHECK(other.locked());
  CHECK_FALSE(other.owned());
  CHECK_FALSE(other.try_lock());
  // A Lock is not recursive.
  CHECK_THROWS_WITH(lock.acquire(), Catch::Contains("acquire of lock 'lock_test:basic': this Lock object holds it already"));

  const std::string first_token = *lock.token();
  lock.release();
  CHECK_FALSE(lock.token());
  CHECK_FALSE(lock.locked());
  CHECK(r.exists(std::string_view("lock_test:basic")) == false);
  REQUIRE(other.acquire());
  CHECK(other.owned());
  CHECK(r.pttl("lock_test:basic") == -1);  // no timeout: no expiry
  // Each acquisition has its own token.
  CHECK(*other.token() != first_token);
  other.release();

  // A token of one's own (redis-py's acquire(token=...)).
  REQUIRE(lock.acquire({.token = "lock_test-owner-7"}));
  CHECK(r.get("lock_test:basic") == "lock_test-owner-7");
  lock.release();
}

namespace {
// Runs body() on `count` threads; returns the first exception any of them raised (Catch's
// assertions are for the test's own thread).
template <class Body>
std::exception_ptr run_threads(int count, Body body) {
  std::mutex mutex;
  std::exception_ptr failure;
  std::vector<std::thread> workers;
  for (int t = 0; t < count; ++t) {
    workers.emplace_back([&] {
      try {
        body();
      } catch (...) {
        std::lock_guard guard{mutex};
        if (!failure) failure = std::current_exception();
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  return failure;
}

std::string what(const std::exception_ptr& failure) {
  try {
    if (failure) std::rethrow_exception(failure);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "none";
}
}  // namespace

TEST_CASE("lock: 8 threads, each with its own Lock, lose no update of a GET-then-SET counter", "[lock][threads]") {
  redispp::Redis r = client({"lock_test:counter:lock", "lock_test:counter"});
  constexpr int threads = 8;
  constexpr int increments = 25;
  std::atomic<int> not_acquired{0};
  const std::exception_ptr failure = run_threads(threads, [&] {
    redispp::Lock lock = r.lock("lock_test:counter:lock", {.timeout = 10s, .sleep = 2ms});
    for (int i = 0; i < increments; ++i) {
      if (!lock.acquire()) {
        ++not_acquired;
        continue;
      }
      const long long seen = r.get<long long>("lock_test:counter").value_or(0);
      // Widens the window between read and write: without the lock, updates would be lost.
      std::this_thread::sleep_for(1ms);
      r.set("lock_test:counter", seen + 1);
      lock.release();
    }
  });
  INFO("a thread failed with: " << what(failure));
  CHECK_FALSE(failure);
  CHECK(not_acquired == 0);
  CHECK(r.get<long long>("lock_test:counter") == threads * increments);
  CHECK_FALSE(r.lock("lock_test:counter:lock").locked());
}

TEST_CASE("lock: the same counter through std::lock_guard", "[lock][threads]") {
  redispp::Redis r = client({"lock_test:guarded:lock", "lock_test:guarded"});
  std::atomic<int> unlock_failures{0};
  const std::exception_ptr failure = run_threads(4, [&] {
    redispp::Lock lock = r.lock("lock_test:guarded:lock", {.timeout = 10s, .sleep = 2ms});
    for (int i = 0; i < 10; ++i) {
      {
        std::lock_guard guard{lock};
        const long long seen = r.get<long long>("lock_test:guarded").value_or(0);
        std::this_thread::sleep_for(1ms);
        r.set("lock_test:guarded", seen + 1);
      }
      if (lock.unlock_error()) ++unlock_failures;
    }
  });
  INFO("a thread failed with: " << what(failure));
  CHECK_FALSE(failure);
  CHECK(unlock_failures == 0);
  CHECK(r.get<long long>("lock_test:guarded") == 40);
}

TEST_CASE("lock: releasing an expired lock raises LockNotOwnedError, and leaves the next owner's alone", "[lock]") {
  redispp::Redis r = client({"lock_test:expiring"});
  redispp::Lock first = r.lock("lock_test:expiring", {.timeout = 100ms});
  REQUIRE(first.acquire());
  std::this_thread::sleep_for(250ms);
  CHECK_FALSE(first.locked());
  CHECK_FALSE(first.owned());
  try {
    first.release();
    FAIL("release of an expired lock must fail");
  } catch (const redispp::LockNotOwnedError& e) {
    CHECK(std::string(e.what()) ==
          "release of lock 'lock_test:expiring': not owned any more (it expired after 100 ms, or another owner took it)");
  }
  // The token is forgotten: this object may acquire again, and a second release is plain misuse.
  CHECK_FALSE(first.token());
  CHECK_THROWS_AS(first.release(), redispp::LockError);

  // Expired, then taken by another owner: the first owner's release must not delete it.
  REQUIRE(first.acquire());
  std::this_thread::sleep_for(250ms);
  redispp::Lock second = r.lock("lock_test:expiring", {.timeout = 10s});
  REQUIRE(second.acquire({.blocking = false}));
  CHECK_FALSE(first.owned());
  CHECK(first.locked());
  CHECK_THROWS_AS(first.release(), redispp::LockNotOwnedError);
  CHECK_FALSE(first.acquire({.blocking = false}));
  CHECK(second.owned());
  CHECK(r.get("lock_test:expiring") == *second.token());
  second.release();
}

TEST_CASE("lock: acquire waits blocking_timeout, no less and not much more", "[lock][timing]") {
  redispp::Redis r = client({"lock_test:held"});
  redispp::Lock holder = r.lock("lock_test:held");
  REQUIRE(holder.acquire());
  redispp::Lock waiter = r.lock("lock_test:held", {.sleep = 50ms, .blocking_timeout = 300ms});

  const auto timings = redispp::test::time_attempts(300ms + 30ms + 50ms, 3, [&] {  // blocking_timeout + 10% + 50 ms
    CHECK_FALSE(waiter.acquire());
  });
  INFO("fastest of " << timings.attempts << " attempts");
  CHECK(timings.fastest >= 300ms);
  CHECK(timings.fastest < 300ms + 30ms + 50ms);

  // lock() (BasicLockable) has no "not acquired" answer: it throws, after the same wait.
  const auto lock_timings = redispp::test::time_attempts(300ms + 30ms + 50ms, 3, [&] {
    CHECK_THROWS_WITH(waiter.lock(), "lock of 'lock_test:held': not acquired within 300 ms (blocking_timeout)");
  });
  CHECK(lock_timings.fastest >= 300ms);
  CHECK(lock_timings.fastest < 300ms + 30ms + 50ms);

  // A sleep longer than the time left is cut short: the last attempt is at the deadline.
  const auto long_sleep = redispp::test::time_attempts(200ms + 20ms + 50ms, 3, [&] {
    CHECK_FALSE(waiter.acquire({.blocking_timeout = 200ms, .sleep = 1s}));
  });
  CHECK(long_sleep.fastest >= 200ms);
  CHECK(long_sleep.fastest < 200ms + 20ms + 50ms);

  // Not blocking: one attempt, at once.
  const auto started = std::chrono::steady_clock::now();
  CHECK_FALSE(waiter.acquire({.blocking = false}));
  CHECK(std::chrono::steady_clock::now() - started < 100ms);

  // Released while someone waits: the waiter gets it within about one sleep.
  std::thread releaser([&] {
    std::this_thread::sleep_for(100ms);
    holder.release();
  });
  CHECK(waiter.acquire({.blocking_timeout = 5s}));
  releaser.join();
  CHECK(waiter.owned());
  waiter.release();
}

TEST_CASE("lock: extend adds time, or replaces it; only while owned and with a timeout", "[lock]") {
  redispp::Redis r = client({"lock_test:extend"});
  redispp::Lock lock = r.lock("lock_test:extend", {.timeout = 1s});
  REQUIRE(lock.acquire());
  lock.extend(2s);
  const long long added = r.pttl("lock_test:extend");
  CHECK(added > 2000);
  CHECK(added <= 3000);
  lock.extend(500ms, true);
  const long long replaced = r.pttl("lock_test:extend");
  CHECK(replaced > 0);
  CHECK(replaced <= 500);
  CHECK_THROWS_AS(lock.extend(0ms), redispp::DataError);
  CHECK_THROWS_AS(lock.extend(-1s), redispp::DataError);
  CHECK(lock.owned());

  // Someone removed the expiry: extend() counts the remaining time as none.
  r.persist("lock_test:extend");
  lock.extend(700ms);
  const long long from_none = r.pttl("lock_test:extend");
  CHECK(from_none > 0);
  CHECK(from_none <= 700);

  std::this_thread::sleep_for(800ms);
  CHECK_THROWS_WITH(lock.extend(1s), "extend of lock 'lock_test:extend': not owned any more (it expired after 1000 ms, or "
                                     "another owner took it)");
  CHECK_FALSE(r.exists(std::string_view("lock_test:extend")));  // extending an expired lock does not revive it
  // As in redis-py, the token stays until release(), which asks the server and says the same.
  CHECK(lock.token());
  CHECK_THROWS_AS(lock.release(), redispp::LockNotOwnedError);
  CHECK_FALSE(lock.token());

  redispp::Lock forever = r.lock("lock_test:extend");
  REQUIRE(forever.acquire());
  CHECK_THROWS_WITH(forever.extend(1s), Catch::Contains("has no timeout to extend"));
  CHECK_THROWS_AS(forever.reacquire(), redispp::LockError);
  CHECK(forever.owned());
  forever.release();
}

TEST_CASE("lock: reacquire resets the remaining time to the full timeout", "[lock]") {
  redispp::Redis r = client({"lock_test:reacquire"});
  redispp::Lock lock = r.lock("lock_test:reacquire", {.timeout = 1s});
  REQUIRE(lock.acquire());
  std::this_thread::sleep_for(300ms);
  CHECK(r.pttl("lock_test:reacquire") <= 700);
  lock.reacquire();
  CHECK(r.pttl("lock_test:reacquire") > 700);
  CHECK(lock.owned());

  // Another owner's lock is not prolonged (its key was deleted and taken, as after an expiry).
  r.del("lock_test:reacquire");
  redispp::Lock thief = r.lock("lock_test:reacquire", {.timeout = 300ms});
  REQUIRE(thief.acquire());
  CHECK_THROWS_WITH(lock.reacquire(), "reacquire of lock 'lock_test:reacquire': not owned any more (it expired after "
                                      "1000 ms, or another owner took it)");
  CHECK(r.pttl("lock_test:reacquire") <= 300);
  CHECK(thief.owned());
  thief.release();
}

TEST_CASE("lock: after extend() finds another owner, release() says the lock is not owned, as redis-py", "[lock]") {
  redispp::Redis r = client({"lock_test:taken"});
  redispp::Lock first = r.lock("lock_test:taken", {.timeout = 100ms});
  REQUIRE(first.acquire());
  std::this_thread::sleep_for(250ms);  // expired ...
  redispp::Lock second = r.lock("lock_test:taken", {.timeout = 10s});
  REQUIRE(second.acquire({.blocking = false}));  // ... and taken
  CHECK_THROWS_AS(first.extend(1s), redispp::LockNotOwnedError);
  try {
    first.release();
    FAIL("release after a failed extend must fail");
  } catch (const redispp::LockNotOwnedError& e) {
    // Not a LockError telling the user to acquire() first: the lock is someone else's.
    CHECK(std::string(e.what()) ==
          "release of lock 'lock_test:taken': not owned any more (it expired after 100 ms, or another owner took it)");
  }
  CHECK_FALSE(first.token());
  CHECK(second.owned());  // the failed release deleted nothing
  CHECK(r.get("lock_test:taken") == *second.token());
  second.release();
}

TEST_CASE("lock: std::lock_guard and std::unique_lock; unlock() keeps its error instead of throwing", "[lock]") {
  redispp::Redis r = client({"lock_test:guard"});
  redispp::Lock lock = r.lock("lock_test:guard", {.timeout = 10s});
  {
    std::lock_guard guard{lock};
    CHECK(lock.owned());
  }
  CHECK_FALSE(lock.locked());
  CHECK_FALSE(lock.unlock_error());

  redispp::Lock other = r.lock("lock_test:guard");
  {
    std::unique_lock held{lock};
    std::unique_lock attempt{other, std::try_to_lock};
    CHECK_FALSE(attempt.owns_lock());
    held.unlock();
    CHECK(attempt.try_lock());
  }
  CHECK_FALSE(r.lock("lock_test:guard").locked());

  // The lock expires inside the guard: leaving the scope must not throw (lock_guard's
  // destructor cannot), and the error is kept.
  redispp::Lock short_lived = r.lock("lock_test:guard", {.timeout = 50ms});
  {
    std::lock_guard guard{short_lived};
    std::this_thread::sleep_for(150ms);
  }
  REQUIRE(short_lived.unlock_error());
  CHECK_THROWS_AS(std::rethrow_exception(short_lived.unlock_error()), redispp::LockNotOwnedError);
}

TEST_CASE("lock: moving a Lock moves its acquisition; destroying one releases it", "[lock]") {
  redispp::Redis r = client({"lock_test:moved"});
  {
    redispp::Lock lock = r.lock("lock_test:moved", {.timeout = 10s});
    REQUIRE(lock.acquire());
    redispp::Lock moved = std::move(lock);
    CHECK(moved.owned());
    CHECK_FALSE(lock.token());  // NOLINT(bugprone-use-after-move): the moved-from state is specified
    redispp::Lock assigned = r.lock("lock_test:other");
    assigned = std::move(moved);
    CHECK(assigned.owned());
    CHECK(r.exists(std::string_view("lock_test:moved")));
  }
  CHECK_FALSE(r.exists(std::string_view("lock_test:moved")));
}
