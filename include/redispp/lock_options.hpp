#pragma once
// LockOptions and LockAcquireOptions: how a Lock (lock.hpp) expires and how acquire() waits,
// named as redis-py's Lock arguments. Apart from lock.hpp so that client.hpp can take them
// (r.lock(name, options)) without the Lock itself.

#include <optional>  // std::optional
#include <string>    // std::string

#include <redispp/detail/chrono.hpp>  // std::chrono::milliseconds

namespace redispp {

/// A Lock's settings (redis-py's Lock(timeout=, sleep=, blocking=, blocking_timeout=)):
///   r.lock("jobs:lock", {.timeout = 10s, .blocking_timeout = 2s})
/// Every duration is 0..max_option_duration (about 24.8 days); Lock's constructor checks them
/// (DataError naming the field).
struct LockOptions {
  /// How long the lock lives in Redis after acquire() (or reacquire()) before it expires by
  /// itself, so that an owner that dies cannot hold it for ever (SET ... NX PX). nullopt or 0:
  /// no expiry, held until released (as redis-py's timeout=None).
  std::optional<std::chrono::milliseconds> timeout = std::nullopt;
  /// How long acquire() waits between attempts while another owner holds the lock (> 0).
  std::chrono::milliseconds sleep = std::chrono::milliseconds{100};
  /// Whether acquire() waits for the lock (true) or answers at once.
  bool blocking = true;
  /// The longest acquire() waits when blocking; nullopt = without limit.
  std::optional<std::chrono::milliseconds> blocking_timeout = std::nullopt;
};

/// One acquire()'s exceptions to the Lock's settings (redis-py's acquire(blocking=,
/// blocking_timeout=, sleep=, token=)); an empty field keeps the Lock's:
///   lock.acquire({.blocking = false})
struct LockAcquireOptions {
  std::optional<bool> blocking = std::nullopt;
  std::optional<std::chrono::milliseconds> blocking_timeout = std::nullopt;
  std::optional<std::chrono::milliseconds> sleep = std::nullopt;
  /// The value stored in the lock's key to say who owns it; default: 16 fresh random bytes in
  /// hex. Give your own only when another process must be able to recognise the owner.
  std::optional<std::string> token = std::nullopt;
};

}  // namespace redispp
