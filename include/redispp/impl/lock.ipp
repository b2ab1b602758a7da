#pragma once
// Lock: acquiring by SET NX, and the scripts that release, extend and reacquire only while the
// key still holds this acquisition's token (the scripts are redis-py's, in substance).

#include <cstdint>  // std::uint64_t
#include <random>   // std::random_device, std::mt19937_64, std::seed_seq
#include <thread>   // std::this_thread::sleep_until
#include <utility>  // std::exchange

#include <fmt/format.h>

#include <redispp/detail/deadline.hpp>  // deadline_after
#include <redispp/detail/fork_generation.hpp>
#include <redispp/lock.hpp>
#include <redispp/script.hpp>
#include <redispp/transport/options.hpp>  // max_option_duration

namespace redispp {

namespace detail {

inline constexpr std::string_view lock_release_lua = R"lua(
local token = redis.call('GET', KEYS[1])
if not token or token ~= ARGV[1] then
  return 0
end
redis.call('DEL', KEYS[1])
return 1
)lua";

// ARGV: token, milliseconds, replace_ttl ("1") or add to the remaining time ("0"). A key
// without a time to live (someone PERSISTed it) counts as having none left.
inline constexpr std::string_view lock_extend_lua = R"lua(
local token = redis.call('GET', KEYS[1])
if not token or token ~= ARGV[1] then
  return 0
end
local ttl = tonumber(ARGV[2])
if ARGV[3] == '0' then
  local remaining = redis.call('PTTL', KEYS[1])
  if remaining > 0 then
    ttl = ttl + remaining
  end
end
redis.call('PEXPIRE', KEYS[1], ttl)
return 1
)lua";

inline constexpr std::string_view lock_reacquire_lua = R"lua(
local token = redis.call('GET', KEYS[1])
if not token or token ~= ARGV[1] then
  return 0
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
)lua";

inline std::mt19937_64 seeded_lock_engine() {
  std::random_device device;
  std::seed_seq seed{device(), device(), device(), device(), device(), device(), device(), device()};
  return std::mt19937_64(seed);
}

REDISPP_DECL std::string lock_token() {
  // One engine per thread: no lock to take, and no two threads drawing the same numbers. A
  // child made by fork() starts with a copy of its parent's engine; drawing the parent's tokens
  // would let each release the other's lock, so it seeds again (the pool behind every Redis
  // has registered the fork handler that moves fork_generation()).
  thread_local std::mt19937_64 engine = seeded_lock_engine();
  thread_local std::uint64_t seeded_in = fork_generation();
  if (seeded_in != fork_generation()) {
    engine = seeded_lock_engine();
    seeded_in = fork_generation();
  }
  return fmt::format("{:016x}{:016x}", engine(), engine());
}

inline void check_lock_duration(std::string_view field, std::chrono::milliseconds value, bool zero_allowed) {
  if (value.count() < 0 || (!zero_allowed && value.count() == 0) || value > max_option_duration)
    throw DataError(fmt::format("LockOptions::{} must be {}..{} ms, got {} ms", field, zero_allowed ? 0 : 1,
                                max_option_duration.count(), value.count()));
}

}  // namespace detail

REDISPP_DECL Lock::Lock(Redis client, std::string name, LockOptions options)
    : client_(std::move(client)), name_(std::move(name)), options_(std::move(options)) {
  if (options_.timeout) detail::check_lock_duration("timeout", *options_.timeout, true);
  detail::check_lock_duration("sleep", options_.sleep, false);
  if (options_.blocking_timeout) detail::check_lock_duration("blocking_timeout", *options_.blocking_timeout, true);
}

REDISPP_DECL Lock::Lock(Lock&& other) noexcept
    : client_(std::move(other.client_)), name_(std::move(other.name_)), options_(std::move(other.options_)),
      token_(std::exchange(other.token_, std::nullopt)), unlock_error_(std::exchange(other.unlock_error_, nullptr)) {}

REDISPP_DECL Lock& Lock::operator=(Lock&& other) noexcept {
  if (this != &other) {
    if (token_) unlock();  // the acquisition this object held is given up, as by its destructor
    client_ = std::move(other.client_);
    name_ = std::move(other.name_);
    options_ = std::move(other.options_);
    token_ = std::exchange(other.token_, std::nullopt);
    unlock_error_ = std::exchange(other.unlock_error_, nullptr);
  }
  return *this;
}

REDISPP_DECL Lock::~Lock() {
  if (token_) unlock();
}

REDISPP_DECL bool Lock::acquire(const LockAcquireOptions& options) {
  if (token_)
    throw LockError(fmt::format("acquire of lock '{}': this Lock object holds it already (a Lock is not recursive; "
                                "release() it first)",
                                name_));
  const bool blocking = options.blocking.value_or(options_.blocking);
  const std::chrono::milliseconds sleep = options.sleep.value_or(options_.sleep);
  const std::optional<std::chrono::milliseconds> blocking_timeout =
      options.blocking_timeout ? options.blocking_timeout : options_.blocking_timeout;
  detail::check_lock_duration("sleep", sleep, false);
  if (blocking_timeout) detail::check_lock_duration("blocking_timeout", *blocking_timeout, true);

  std::string token = options.token ? *options.token : detail::lock_token();
  SetOptions set{.nx = true};
  if (has_timeout()) set.px = *options_.timeout;

  using clock = std::chrono::steady_clock;
  const clock::time_point started = clock::now();
  for (;;) {
    if (client_.set(name_, token, set)) {
      token_ = std::move(token);
      return true;
    }
    if (!blocking) return false;
    clock::time_point next = detail::deadline_after(clock::now(), sleep);
    if (blocking_timeout) {
      // Unlike redis-py, which gives up when the next attempt would come after the deadline
      // (up to `sleep` early), the last attempt is made at the deadline itself.
      const clock::time_point deadline = detail::deadline_after(started, *blocking_timeout);
      if (clock::now() >= deadline) return false;
      if (next > deadline) next = deadline;
    }
    std::this_thread::sleep_until(next);
  }
}

REDISPP_DECL void Lock::require_token(const char* operation) const {
  if (!token_)
    throw LockError(fmt::format("{} of lock '{}': this Lock object does not hold it (acquire() first)", operation, name_));
}

REDISPP_DECL std::string Lock::not_owned_message(const char* operation) const {
  if (has_timeout())
    return fmt::format("{} of lock '{}': not owned any more (it expired after {} ms, or another owner took it)", operation,
                       name_, options_.timeout->count());
  return fmt::format("{} of lock '{}': not owned any more (it has no timeout, so its key was deleted or overwritten "
                     "by someone else)",
                     operation, name_);
}

REDISPP_DECL bool Lock::run_owned(std::string_view lua, const ScriptArgs& args) {
  // A Script per call: its SHA-1 costs about a microsecond, against a round trip of tens, and a
  // Lock stays as small as its name and token.
  return Script(client_, std::string(lua)).call<long long>({name_}, args) == 1;
}

REDISPP_DECL void Lock::release() {
  require_token("release");
  const bool released = run_owned(detail::lock_release_lua, {*token_});
  token_.reset();  // released, or not ours: either way this object no longer holds it
  if (!released) throw LockNotOwnedError(not_owned_message("release"));
}

REDISPP_DECL void Lock::extend(std::chrono::milliseconds additional, bool replace_ttl) {
  require_token("extend");
  if (!has_timeout())
    throw LockError(fmt::format("extend of lock '{}': the lock has no timeout to extend (LockOptions::timeout)", name_));
  if (additional.count() <= 0 || additional > max_option_duration)
    throw DataError(fmt::format("extend of lock '{}': additional must be 1..{} ms, got {} ms", name_,
                                max_option_duration.count(), additional.count()));
  if (!run_owned(detail::lock_extend_lua, {*token_, additional.count(), replace_ttl ? 1 : 0}))
    throw LockNotOwnedError(not_owned_message("extend"));
}

REDISPP_DECL void Lock::reacquire() {
  require_token("reacquire");
  if (!has_timeout())
    throw LockError(fmt::format("reacquire of lock '{}': the lock has no timeout to renew (LockOptions::timeout)", name_));
  if (!run_owned(detail::lock_reacquire_lua, {*token_, options_.timeout->count()}))
    throw LockNotOwnedError(not_owned_message("reacquire"));
}

REDISPP_DECL bool Lock::locked() const { return client_.exists(std::string_view(name_)); }

REDISPP_DECL bool Lock::owned() const { return token_ && client_.get(name_) == *token_; }

REDISPP_DECL void Lock::lock() {
  if (!acquire({.blocking = true}))
    throw LockError(fmt::format("lock of '{}': not acquired within {} ms (blocking_timeout)", name_,
                                options_.blocking_timeout ? options_.blocking_timeout->count() : 0));
}

REDISPP_DECL void Lock::unlock() noexcept {
  try {
    release();
    unlock_error_ = nullptr;
  } catch (...) {
    unlock_error_ = std::current_exception();
  }
}

REDISPP_DECL bool Lock::try_lock() { return acquire({.blocking = false}); }

}  // namespace redispp
