#pragma once
// Lock: a lock shared by every client of one Redis server, held as a key (redis-py's Lock).
//
//   redispp::Lock lock = r.lock("jobs:lock", {.timeout = 10s, .blocking_timeout = 2s});
//   if (lock.acquire()) {          // SET jobs:lock <random token> NX PX 10000, every `sleep` until 2 s
//     lock.extend(5s);             // 5 s more (replace_ttl = true: 5 s from now)
//     lock.release();              // deleted only if it still holds this acquisition's token
//   }
//   {
//     std::lock_guard guard{lock}; // BasicLockable / Lockable: lock(), unlock(), try_lock()
//     ...
//   }
//
// Each acquisition stores a fresh random token (16 bytes in hex) in the key; release(),
// extend() and reacquire() are Lua scripts (Script) that act only while the key still holds that
// token, so an owner whose lock expired can never delete or prolong the next owner's.
// locked(): someone holds it; owned(): this object's acquisition does.
//
// The token is kept until release(), as redis-py keeps it: release() forgets it once the server
// has answered (released, or not owned). extend() and reacquire() keep it when the server says
// the lock is not owned any more (LockNotOwnedError), so a release() after them asks the server
// too and throws LockNotOwnedError as well. On a connection error the token is kept, and
// release() may be called again. acquire() while this object holds a token is a LockError (a
// Lock is not recursive); after an expiry, release() (LockNotOwnedError) forgets the token.
//
// As a C++ lock (std::lock_guard, std::unique_lock, std::scoped_lock):
//   - lock() waits (whatever LockOptions::blocking says) for at most blocking_timeout, then
//     throws LockError: a C++ lock() has no "not acquired" answer.
//   - try_lock() tries once.
//   - unlock() cannot throw (BasicLockable requires it, and lock_guard calls it from a
//     destructor): when the release fails (the lock expired while held, the connection failed),
//     the exception is kept for unlock_error() instead. Call release() yourself where you must
//     know, or choose a timeout longer than the critical section.
// Destroying a Lock that holds the lock releases it (errors ignored), as redis-py's context
// manager does on leaving.
//
// Threads: a Lock object is one owner's and holds one acquisition; it is not for sharing between
// threads (it has no mutex of its own). Give each thread, or each task, its own Lock on the same
// name: that is what the lock is for. Lock is movable (the acquisition moves with it), not
// copyable.

#include <exception>  // std::exception_ptr
#include <optional>   // std::optional
#include <string>     // std::string

#include <string_view>  // std::string_view

#include <redispp/client.hpp>
#include <redispp/commands/script_args.hpp>
#include <redispp/config.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono::milliseconds
#include <redispp/errors.hpp>
#include <redispp/lock_options.hpp>
#include <redispp/script.hpp>  // the release, extend and reacquire scripts (impl/lock.ipp)

namespace redispp {

class Lock {
 public:
  /// A lock on key `name` for `client` (what r.lock(name, options) makes). Nothing is sent yet.
  /// Throws DataError for options it cannot use (a negative duration, sleep 0 ...).
  REDISPP_DECL Lock(Redis client, std::string name, LockOptions options = {});
  REDISPP_DECL Lock(Lock&& other) noexcept;
  REDISPP_DECL Lock& operator=(Lock&& other) noexcept;
  Lock(const Lock&) = delete;
  Lock& operator=(const Lock&) = delete;
  /// Releases the lock if this object holds it (errors ignored).
  REDISPP_DECL ~Lock();

  /// Takes the lock: true when acquired, false when not blocking, or when blocking_timeout
  /// passed (the last attempt is made at the deadline). `options` override the Lock's for this
  /// call. LockError if this object holds the lock already.
  REDISPP_DECL bool acquire(const LockAcquireOptions& options = {});
  /// Gives the lock up. LockError if this object does not hold it; LockNotOwnedError if the
  /// lock expired or another owner has it now (nothing is deleted then).
  REDISPP_DECL void release();
  /// Adds `additional` to the lock's remaining time, or with replace_ttl sets the remaining time
  /// to `additional`. LockError without a timeout (LockOptions::timeout) or when this object does
  /// not hold the lock; LockNotOwnedError when it is not owned any more; DataError unless
  /// `additional` > 0.
  REDISPP_DECL void extend(std::chrono::milliseconds additional, bool replace_ttl = false);
  /// Sets the remaining time back to the full timeout. LockError / LockNotOwnedError as extend().
  REDISPP_DECL void reacquire();
  /// Whether anyone holds the lock now (EXISTS).
  REDISPP_DECL bool locked() const;
  /// Whether this object's acquisition still holds it (GET, compared with the token).
  REDISPP_DECL bool owned() const;

  /// BasicLockable: waits for the lock; LockError when blocking_timeout passes first.
  REDISPP_DECL void lock();
  /// BasicLockable: releases; never throws (see unlock_error()).
  REDISPP_DECL void unlock() noexcept;
  /// Lockable: one attempt, without waiting.
  REDISPP_DECL bool try_lock();
  /// What the last unlock() could not do (nullptr when it released the lock): rethrow it with
  /// std::rethrow_exception to see a LockNotOwnedError, ConnectionError ...
  std::exception_ptr unlock_error() const noexcept { return unlock_error_; }

  const std::string& name() const noexcept { return name_; }
  const LockOptions& options() const noexcept { return options_; }
  /// This acquisition's token; nullopt when this object does not hold the lock.
  const std::optional<std::string>& token() const noexcept { return token_; }

 private:
  bool has_timeout() const noexcept { return options_.timeout && options_.timeout->count() > 0; }
  // Runs one of the scripts on the lock's key (args: the token first); false when the server
  // says this acquisition does not own the lock (the token is kept: release() forgets it).
  REDISPP_DECL bool run_owned(std::string_view lua, const ScriptArgs& args);
  // LockError for an operation that needs this object to hold the lock.
  REDISPP_DECL void require_token(const char* operation) const;
  REDISPP_DECL std::string not_owned_message(const char* operation) const;

  mutable Redis client_;  // as Script's: a thread-safe handle, non-const only by the mixin's signatures
  std::string name_;
  LockOptions options_;
  std::optional<std::string> token_;
  std::exception_ptr unlock_error_;
};

inline Lock Redis::lock(std::string name, LockOptions options) const {
  return Lock(*this, std::move(name), std::move(options));
}

namespace detail {
/// A fresh lock token: 16 random bytes as 32 hex digits, from a per-thread generator seeded by
/// std::random_device (and seeded again in a child process after fork()).
REDISPP_DECL std::string lock_token();
}  // namespace detail

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/lock.ipp>
#endif
