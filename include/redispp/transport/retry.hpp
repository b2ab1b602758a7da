#pragma once
// Retry and Backoff: what to do when a command fails with ConnectionError or TimeoutError, as
// redis-py's Retry and backoff classes.
//
//   opts.retry = redispp::Retry{redispp::Backoff::exponential(10ms, 1s), 5};
//   opts.retry = redispp::Retry::none();
//
// The rule that keeps retries safe: a command is never sent twice when it may already have
// reached the server and repeating it could change anything. It reads the command's facts
// (protocol/command_flags.hpp, set by its builder), never a list of names:
//   - Nothing of the request was written yet (connect refused, pool connection found dead,
//     handshake failed ...): retried, whatever the command.
//   - Some of it was written: retried only when the command is read_only (the server's own
//     flag: GET, HGETALL, ZRANGE ...) or repeatable (PING, ECHO, INFO, TIME ...), or when its
//     name is in Retry::safe_after_send, an opt-in list that is empty by default. INCR, SET,
//     LPUSH ... are never repeated unless you list them.
//   - Blocking commands (BLPOP, XREAD BLOCK ...) and EXEC (never_retried) are never repeated
//     once written, even if listed.
//   - A pipeline is retried whole only when nothing of it was written; a watching pipeline is
//     never retried (its WATCH died with the connection): RetryFacts::pinned.
//   - A command given only as text (execute_command) has no flags: not retried once written,
//     unless listed in safe_after_send.
//   - AuthenticationError, MaxClientsError and MaxConnectionsError are not retried: waiting a
//     few milliseconds does not fix a wrong password, a full server or a drained pool.
//
// Retry::decide() is that rule as a plain function of the facts and of the failure's kind
// (FailureKind, from Retry::classify(exception)), with no socket: the one retry loop
// (detail/with_retry.hpp) drives it for the client's round trip, the pipeline's send and
// PubSub's reconnect.
//
// Default: 3 retries, exponential back-off with full jitter from 8 ms up to 512 ms (redis-py's
// default base and cap).

#include <cstddef>      // std::size_t
#include <exception>    // std::exception
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <redispp/config.hpp>
#include <redispp/detail/ascii.hpp>  // detail::equals_upper
#include <redispp/detail/chrono.hpp>  // std::chrono::milliseconds
#include <redispp/detail/min_max.hpp>  // std::min, std::max
#include <redispp/protocol/command_flags.hpp>

namespace redispp {

class Backoff {
 public:
  enum class Kind { none, constant, exponential, full_jitter, equal_jitter, decorrelated_jitter };

  /// Retry at once.
  static Backoff none() noexcept { return Backoff(Kind::none, {}, {}); }
  /// The same pause every time.
  static Backoff constant(std::chrono::milliseconds pause) noexcept { return Backoff(Kind::constant, pause, pause); }
  /// min(cap, base * 2^failures).
  static Backoff exponential(std::chrono::milliseconds base = default_base, std::chrono::milliseconds cap = default_cap) noexcept {
    return Backoff(Kind::exponential, base, cap);
  }
  /// A uniform pick in [0, min(cap, base * 2^failures)]: spreads reconnecting clients apart.
  static Backoff full_jitter(std::chrono::milliseconds base = default_base, std::chrono::milliseconds cap = default_cap) noexcept {
    return Backoff(Kind::full_jitter, base, cap);
  }
  /// Half of the exponential pause, plus a uniform pick in the other half.
  static Backoff equal_jitter(std::chrono::milliseconds base = default_base, std::chrono::milliseconds cap = default_cap) noexcept {
    return Backoff(Kind::equal_jitter, base, cap);
  }
  /// min(cap, uniform(base, previous * 3)): each pause derived from the previous one.
  static Backoff decorrelated_jitter(std::chrono::milliseconds base = default_base,
                                     std::chrono::milliseconds cap = default_cap) noexcept {
    return Backoff(Kind::decorrelated_jitter, base, cap);
  }

  /// The pause before retry number `failures` (1 for the first retry). Decorrelated jitter
  /// remembers its previous pause; reset() forgets it.
  std::chrono::milliseconds compute(int failures) {
    using std::chrono::milliseconds;
    const auto exponential_pause = [&] {
      const int shift = std::min(failures, 30);  // 2^30 x base already exceeds any sane cap
      return std::min(cap_, milliseconds(base_.count() << shift));
    };
    switch (kind_) {
      case Kind::none: return milliseconds{0};
      case Kind::constant: return base_;
      case Kind::exponential: return exponential_pause();
      case Kind::full_jitter: return milliseconds(uniform(0, exponential_pause().count()));
      case Kind::equal_jitter: {
        const long long half = exponential_pause().count() / 2;
        return milliseconds(half + uniform(0, half));
      }
      case Kind::decorrelated_jitter: {
        const long long upper = std::max(base_.count(), previous_.count() * 3);
        previous_ = std::min(cap_, milliseconds(uniform(base_.count(), upper)));
        return previous_;
      }
    }
    return milliseconds{0};
  }
  void reset() noexcept { previous_ = base_; }
  Kind kind() const noexcept { return kind_; }

  static constexpr std::chrono::milliseconds default_base{8};
  static constexpr std::chrono::milliseconds default_cap{512};

 private:
  Backoff(Kind kind, std::chrono::milliseconds base, std::chrono::milliseconds cap) noexcept
      : kind_(kind), base_(base), cap_(cap), previous_(base) {}

  // A uniform pick in [low, max(low, high)] (impl/retry.ipp: out of the header, so that
  // including it does not cost <random>).
  REDISPP_DECL static long long uniform(long long low, long long high);

  Kind kind_;
  std::chrono::milliseconds base_;
  std::chrono::milliseconds cap_;
  std::chrono::milliseconds previous_;
};

/// What the retry decision knows of the request that failed.
struct RetryFacts {
  /// The command's flags (a pipeline: CommandFlags::never_retried, so it is repeated only while
  /// nothing of it was written).
  CommandFlags flags = CommandFlags::none;
  /// Its name, for Retry::safe_after_send and for messages ("INCR not retried ...").
  std::string_view name;
  /// Bound to the connection that failed (a watching pipeline): never retried at all.
  bool pinned = false;
};

/// What kind of failure ended an attempt, as the retry decision sees it
/// (Retry::classify(exception) tells).
enum class FailureKind {
  connection,       ///< ConnectionError: refused, reset, closed ... (BusyLoadingError too: the server loads)
  timeout,          ///< TimeoutError
  authentication,   ///< AuthenticationError: a wrong password stays wrong
  max_clients,      ///< MaxClientsError: the server is full
  max_connections,  ///< MaxConnectionsError: this pool is drained
  other,            ///< anything else (an error reply, bad data): not a transport failure
};

/// What Retry::decide() says about one failed attempt.
enum class RetryVerdict {
  retry,      ///< send it again (after the back-off)
  disabled,   ///< the policy allows no retries (Retry::none(), retries = 0)
  gave_up,    ///< every allowed retry was spent
  unsafe,     ///< some of it was written and repeating it could run it twice
  pinned,     ///< it cannot move to another connection (a watching pipeline)
  lasting,    ///< the failure is not fixed by waiting a little (a wrong password, a full server or
              ///< pool, an error reply)
};

struct Retry {
  Backoff backoff = Backoff::full_jitter();
  /// Retries after the first attempt (0 = never retry).
  int retries = 3;
  /// Opt-in: upper-case names of commands that may be repeated even when the request was
  /// (partly) written, beyond those whose flags say so (read_only, repeatable). Empty by
  /// default; blocking commands and EXEC are never repeated once written, even when listed.
  std::vector<std::string> safe_after_send = {};

  static Retry none() { return Retry{Backoff::none(), 0, {}}; }

  /// The decision after attempt number `failures` (1 = the first attempt) failed with a failure
  /// of `kind`; `written` says whether any byte of the request left.
  RetryVerdict decide(int failures, bool written, const RetryFacts& facts,
                      FailureKind kind = FailureKind::connection) const noexcept {
    if (kind != FailureKind::connection && kind != FailureKind::timeout) return RetryVerdict::lasting;
    if (retries <= 0) return RetryVerdict::disabled;
    if (facts.pinned) return RetryVerdict::pinned;
    if (failures > retries) return RetryVerdict::gave_up;
    if (!written) return RetryVerdict::retry;
    if (has_any(facts.flags, CommandFlags::blocking | CommandFlags::never_retried)) return RetryVerdict::unsafe;
    if (has_any(facts.flags, CommandFlags::read_only | CommandFlags::repeatable)) return RetryVerdict::retry;
    for (const std::string& safe : safe_after_send)
      if (detail::equals_upper(facts.name, safe)) return RetryVerdict::retry;
    return RetryVerdict::unsafe;
  }
  /// Whether a failed attempt may be repeated (decide() == RetryVerdict::retry).
  bool may_retry(int failures, bool written, const RetryFacts& facts,
                 FailureKind kind = FailureKind::connection) const noexcept {
    return decide(failures, written, facts, kind) == RetryVerdict::retry;
  }

  /// The kind of failure an exception stands for (impl/retry.ipp).
  REDISPP_DECL static FailureKind classify(const std::exception& failure) noexcept;
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/retry.ipp>
#endif
