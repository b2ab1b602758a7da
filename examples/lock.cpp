// A lock shared by every client of one server, as redis-py's Lock: acquired with a random token,
// released, extended and renewed only by its owner, and usable as a C++ lock.
//
//   lock = r.lock('lock:jobs', timeout=10, blocking_timeout=2)
//   if lock.acquire(): lock.extend(5); lock.release()
//   with r.lock('lock:jobs'): ...
#include <chrono>
#include <cstdlib>  // std::getenv
#include <iostream>
#include <mutex>  // std::lock_guard
#include <string>
#include <thread>

#include <redispp/redispp.hpp>

using namespace std::chrono_literals;

int main() {
  // The server: $REDIS_URL when set (scripts/demo.sh sets it), else a local one.
  const char* env_url = std::getenv("REDIS_URL");
  const std::string redis_url = env_url && *env_url ? env_url : "redis://127.0.0.1:6379/0";

  redispp::Redis r = redispp::Redis::from_url(redis_url);
  r.del("lock:jobs", "lock:brief");

  // Expires by itself after 10 s (an owner that dies cannot hold it for ever); acquire() waits
  // for it at most 2 s.
  redispp::Lock lock = r.lock("lock:jobs", {.timeout = 10s, .blocking_timeout = 2s});
  const bool got = lock.acquire();
  std::cout << "acquired: " << std::boolalpha << got << ", token " << lock.token().value_or("-") << "\n";

  // Another owner (another process, thread or Lock object) cannot take it meanwhile.
  redispp::Lock other = r.lock("lock:jobs", {.blocking = false});
  const bool other_got = other.acquire();
  std::cout << "a second owner, not waiting: " << other_got << "\n";

  lock.extend(5s);  // 5 s more than what is left
  std::cout << "time left after extend: " << r.pttl("lock:jobs") << " ms\n";
  lock.release();

  // As a C++ lock: std::lock_guard releases it at the end of the scope.
  bool owned_inside = false;
  {
    std::lock_guard guard{other};
    owned_inside = other.owned();
  }
  std::cout << "owned inside lock_guard: " << owned_inside << ", locked after: " << other.locked() << "\n";

  // An owner that outlived its timeout no longer owns the lock, and is told so.
  redispp::Lock brief = r.lock("lock:brief", {.timeout = 100ms});
  brief.acquire();
  std::this_thread::sleep_for(200ms);
  bool told = false;
  try {
    brief.release();
  } catch (const redispp::LockNotOwnedError& e) {
    std::cout << e.what() << "\n";
    told = true;
  }

  const bool right = got && !other_got && owned_inside && !other.locked() && told;
  r.del("lock:jobs", "lock:brief");
  return right ? 0 : 1;
}
