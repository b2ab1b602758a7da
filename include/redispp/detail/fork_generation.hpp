#pragma once
// fork_generation(): a process-wide counter that every child process bumps right after fork().
//
// Why not getpid(): the pool asks "am I still in the process that opened these sockets?" on
// every checkout and every return, and glibc no longer caches getpid(), so each answer was a
// system call (about 1 us with page-table isolation, a few percent of a loopback round trip).
// A pthread_atfork() child handler moves the counter instead, and reading it is one load.
//
// It sees fork() (from any thread) and everything built on it. It does not see a raw
// clone()/vfork() system call; a child made that way must exec() or _exit() without touching a
// pool, which is what those calls are for anyway.

#include <pthread.h>  // pthread_atfork

#include <atomic>   // std::atomic
#include <cstdint>  // std::uint64_t

namespace redispp::detail {

inline std::atomic<std::uint64_t>& fork_counter() noexcept {
  static std::atomic<std::uint64_t> counter{0};
  return counter;
}

/// Registers the fork handler once per process; every ConnectionPool calls it when made, so the
/// handler is in place before the pool owns any socket a child could inherit. False only if
/// pthread_atfork() failed (out of memory): the pool then refuses to be made.
inline bool watch_forks() noexcept {
  static const bool registered = [] {
    // In the child, only this thread exists and no lock is held: a relaxed increment is enough.
    return ::pthread_atfork(nullptr, nullptr, [] { fork_counter().fetch_add(1, std::memory_order_relaxed); }) == 0;
  }();
  return registered;
}

/// How many fork()s separate this process from the first one that watched: equal values mean
/// the same process.
inline std::uint64_t fork_generation() noexcept { return fork_counter().load(std::memory_order_relaxed); }

}  // namespace redispp::detail
