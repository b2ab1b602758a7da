#pragma once
// deadline_after(now, timeout): the one way the library turns a user's time-out into a point in
// time. Every wait that takes a time-out from the user (PubSub::get_message, Monitor::next_command,
// Lock::acquire's blocking_timeout, the TLS handshake ...) computes its deadline here.
//
// Why: `now + timeout` overflows for a time-out near its type's maximum. steady_clock counts
// nanoseconds in 64 bits (about 292 years from its epoch), so `now() + milliseconds::max()` -- or
// + 300 years -- wraps into the past: the wait returns at once, and a loop around it spins at full
// CPU. A time-out longer than what the clock can still count is a wait without end, so the sum
// saturates at time_point::max(), which the readers treat as "no limit".
//
// own_wait_limit(governing, other): the one rule for the time-out of a wait the library makes on
// its own account, for bytes no command of the user asked for -- the TLS handshake (governed by
// socket_connect_timeout), the answer to a health-check PING and the PING that shows a PubSub
// connection is clean before it goes back to the pool (governed by socket_timeout). Such a wait
// lasts at most
//   the option that governs it, when that is set (not 0);
//   else the other of socket_timeout and socket_connect_timeout, when that is set;
//   else own_wait_default (5 s, the default of both).
// A 0 lets the user's own commands (or connects) wait as long as the system lets them; it is not
// a wish that the library hang without end on a peer that stopped answering in the middle of
// something the user never sees. The other time-out is the nearest bound the user chose.

#include <ratio>        // std::ratio_greater_equal_v
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <type_traits>  // std::common_type_t, std::is_integral_v

#include <redispp/detail/chrono.hpp>  // std::chrono::duration, time_point

namespace redispp::detail {

/// `now + timeout`, or time_point::max() when the sum would not fit (a time-out that long means
/// no limit). A time-out of zero or less gives `now`: the deadline has come.
template <class Clock, class Duration, class Rep, class Period>
constexpr std::chrono::time_point<Clock, Duration> deadline_after(std::chrono::time_point<Clock, Duration> now,
                                                                  std::chrono::duration<Rep, Period> timeout) noexcept {
  using TimePoint = std::chrono::time_point<Clock, Duration>;
  using Timeout = std::chrono::duration<Rep, Period>;
  static_assert(std::is_integral_v<typename Duration::rep>, "a clock that counts in whole ticks");
  if (timeout <= Timeout::zero()) return now;
  // What is left before the clock's end; a `now` before the epoch leaves at least Duration::max().
  const Duration room = now.time_since_epoch() < Duration::zero() ? Duration::max() : TimePoint::max() - now;
  if constexpr (std::ratio_greater_equal_v<Period, typename Duration::period>) {
    // The time-out's unit is the clock's or coarser (milliseconds against nanoseconds): compare
    // in the time-out's unit, where `room` shrinks instead of overflowing.
    using Wide = std::chrono::duration<std::common_type_t<Rep, typename Duration::rep>, Period>;
    if (Wide(timeout) > std::chrono::duration_cast<Wide>(room)) return TimePoint::max();
    const Duration step = std::chrono::duration_cast<Duration>(timeout);
    return step >= room ? TimePoint::max() : now + step;
  } else {
    // A finer unit than the clock's: rounded up to a whole tick, so the wait is never shorter.
    const Duration step = std::chrono::ceil<Duration>(timeout);
    return step >= room ? TimePoint::max() : now + step;
  }
}

/// The last bound of own_wait_limit: the default socket_timeout and socket_connect_timeout.
inline constexpr std::chrono::milliseconds own_wait_default{5000};

/// A time-out option and its name, as messages name it ("socket_timeout").
struct TimeoutOption {
  std::chrono::milliseconds value;
  std::string_view name;
};

/// How long a wait the library makes on its own may last (the rule above), and why, for messages.
struct OwnWaitLimit {
  std::chrono::milliseconds limit;
  std::string_view option;     // the option it came from; empty for own_wait_default
  std::string_view passed_by;  // the governing option, when it was 0 and so passed to another
  std::string_view also_zero;  // the other option, when both were 0
};

constexpr OwnWaitLimit own_wait_limit(TimeoutOption governing, TimeoutOption other) noexcept {
  if (governing.value.count() > 0) return {governing.value, governing.name, {}, {}};
  if (other.value.count() > 0) return {other.value, other.name, governing.name, {}};
  return {own_wait_default, {}, governing.name, other.name};
}

/// The limit's origin in words: "socket_timeout", "socket_timeout, as socket_connect_timeout is
/// 0", "5 s, as socket_connect_timeout and socket_timeout are 0".
inline std::string describe(const OwnWaitLimit& limit) {
  std::string text;
  if (!limit.option.empty()) {
    text = limit.option;
    if (!limit.passed_by.empty()) text.append(", as ").append(limit.passed_by).append(" is 0");
  } else {
    text.append("5 s, as ").append(limit.passed_by).append(" and ").append(limit.also_zero).append(" are 0");
  }
  return text;
}

}  // namespace redispp::detail
