// Lock without a server: options it cannot use are refused when it is made, operations that need
// the lock held say so before anything is sent, and tokens are random, per thread and per
// process.
#include "support/catch.hpp"

#include <sys/wait.h>  // waitpid
#include <unistd.h>    // fork, pipe

#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <redispp/lock.hpp>

using namespace std::chrono_literals;

namespace {
// A client that never connects: nothing below sends a command.
redispp::Redis idle_client() { return redispp::Redis{redispp::ConnectionOptions{}}; }

bool is_token(const std::string& token) {
  return token.size() == 32 && token.find_first_not_of("0123456789abcdef") == std::string::npos;
}
}  // namespace

TEST_CASE("Lock: options it cannot use are a DataError naming the field", "[lock]") {
  redispp::Redis r = idle_client();
  CHECK_THROWS_WITH(r.lock("l", {.timeout = -1ms}), Catch::Contains("LockOptions::timeout") && Catch::Contains("-1 ms"));
  CHECK_THROWS_WITH(r.lock("l", {.sleep = 0ms}), Catch::Contains("LockOptions::sleep must be 1.."));
  CHECK_THROWS_WITH(r.lock("l", {.blocking_timeout = -5ms}), Catch::Contains("LockOptions::blocking_timeout"));
  CHECK_THROWS_AS(r.lock("l", {.timeout = std::chrono::hours(24 * 30)}), redispp::DataError);
  CHECK_NOTHROW(r.lock("l", {.timeout = 0ms, .blocking_timeout = 0ms}));
  CHECK_NOTHROW(r.lock("l"));
  redispp::Lock lock = r.lock("l");
  CHECK_THROWS_WITH(lock.acquire({.sleep = -1ms}), Catch::Contains("LockOptions::sleep"));
}

TEST_CASE("Lock: release, extend and reacquire need the lock held, and say so", "[lock]") {
  redispp::Lock lock = idle_client().lock("jobs:lock", {.timeout = 10s});
  CHECK_FALSE(lock.token());
  CHECK_THROWS_WITH(lock.release(), "release of lock 'jobs:lock': this Lock object does not hold it (acquire() first)");
  CHECK_THROWS_AS(lock.extend(1s), redispp::LockError);
  CHECK_THROWS_AS(lock.reacquire(), redispp::LockError);
  // LockError, not its LockNotOwnedError: nothing was asked of the server.
  try {
    lock.release();
  } catch (const redispp::LockNotOwnedError&) {
    FAIL("a Lock that never acquired is not 'not owned any more'");
  } catch (const redispp::LockError&) {
  }
  // unlock() never throws; it keeps what went wrong.
  lock.unlock();
  REQUIRE(lock.unlock_error());
  CHECK_THROWS_AS(std::rethrow_exception(lock.unlock_error()), redispp::LockError);
}

TEST_CASE("Lock: the error classes sit where they are caught", "[lock]") {
  CHECK_THROWS_AS(throw redispp::LockNotOwnedError("x"), redispp::LockError);
  CHECK_THROWS_AS(throw redispp::LockError("x"), redispp::Error);
}

TEST_CASE("Lock: tokens are 16 random bytes in hex, never repeated, in any thread", "[lock]") {
  std::mutex mutex;
  std::set<std::string> tokens;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 250; ++i) {
        std::string token = redispp::detail::lock_token();
        std::lock_guard guard{mutex};
        CHECK(is_token(token));
        tokens.insert(std::move(token));
      }
    });
  for (std::thread& thread : threads) thread.join();
  CHECK(tokens.size() == 1000);
}

TEST_CASE("Lock: a child process after fork() draws other tokens than its parent", "[lock]") {
  redispp::Redis r = idle_client();  // its pool registers the fork handler, as any Lock's client has
  (void)redispp::detail::lock_token();  // the parent's engine exists before the fork
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    const std::string token = redispp::detail::lock_token();
    const ssize_t written = ::write(fds[1], token.data(), token.size());
    ::_exit(written == static_cast<ssize_t>(token.size()) ? 0 : 1);
  }
  ::close(fds[1]);
  const std::string parent_token = redispp::detail::lock_token();
  char buffer[64] = {};
  const ssize_t got = ::read(fds[0], buffer, sizeof buffer);
  ::close(fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  REQUIRE(got == 32);
  const std::string child_token(buffer, 32);
  CHECK(is_token(child_token));
  CHECK(child_token != parent_token);
}
