#pragma once
// Expiry<V>: what TTL, PTTL, EXPIRETIME and PEXPIRETIME say about a key, as a std::chrono value
// with Redis' two special answers made explicit: the key expires (after a duration, or at a
// time point), it exists without an expiry (Redis' -1), or it does not exist (Redis' -2).
//
//   redispp::Ttl t = r.ttl<redispp::Ttl>("session");      // Expiry<std::chrono::seconds>
//   if (t.expires()) schedule_refresh(t.value());         // std::chrono::seconds
//   else if (t == redispp::ExpiryState::no_key) login();
//   redispp::PExpireTime at = r.pexpiretime<redispp::PExpireTime>("session");  // Expiry<UnixMilliseconds>
//
//   p.ttl<redispp::Ttl>("session");                        // on a pipeline: queued as a Ttl
//   redispp::Ttl queued = res.get<redispp::Ttl>(0);
//
// Why a template argument on the existing methods (as get<T> has), not new methods:
//   - r.ttl("k") stays long long, Redis' own number (DESIGN.md: integer -> long long; redis-py
//     returns an int), so existing code keeps compiling and meaning the same;
//   - the method keeps the command's name (DESIGN.md: methods are the commands' names), so the
//     typed form is found where TTL is, and the type written is the type returned, the same
//     type that names the result in a pipeline (res.get<redispp::Ttl>(i));
//   - the unit is the command's, not the caller's: each method takes long long or its own
//     Expiry only (ttl: Ttl, pttl: PTtl, expiretime: ExpireTime, pexpiretime: PExpireTime), so
//     r.ttl<redispp::PTtl>(k), seconds read as milliseconds, does not compile.
// The conversion is convert<Expiry<V>> (protocol/convert.hpp) through redispp_from_reply, so an
// Expiry also comes from execute_command: redispp::convert<redispp::Ttl>(r.execute_command("TTL", k)).

#include <concepts>     // std::same_as
#include <string>       // std::to_string
#include <type_traits>  // std::type_identity

#include <redispp/commands/options.hpp>  // UnixSeconds, UnixMilliseconds
#include <redispp/detail/chrono.hpp>  // std::chrono
#include <redispp/errors.hpp>
#include <redispp/protocol/convert.hpp>

namespace redispp {

/// Which of Redis' three answers an Expiry holds.
enum class ExpiryState : unsigned char {
  expires,    ///< the key has an expiry: Expiry::value()
  no_expiry,  ///< the key exists and has no expiry (Redis answers -1)
  no_key,     ///< no such key (Redis answers -2)
};

namespace detail {
template <class V>
struct is_chrono_duration : std::false_type {};
template <class Rep, class Period>
struct is_chrono_duration<std::chrono::duration<Rep, Period>> : std::true_type {};
template <class V>
struct is_sys_time : std::false_type {};
template <class Duration>
struct is_sys_time<std::chrono::sys_time<Duration>> : std::true_type {};
}  // namespace detail

/// A key's expiry: a duration V (TTL, PTTL: time left) or a time point V (EXPIRETIME,
/// PEXPIRETIME: when), or one of Redis' two answers without a value (no expiry, no key).
/// Reads like a std::optional<V> whose emptiness says why (state()).
template <class V>
class Expiry {
  static_assert(detail::is_chrono_duration<V>::value || detail::is_sys_time<V>::value,
                "redispp::Expiry<V>: V is a std::chrono::duration or a std::chrono::sys_time");

 public:
  using value_type = V;

  /// No such key (Redis' -2): what an absent key's TTL says.
  constexpr Expiry() noexcept = default;
  /// A key that expires after `value` (a duration) or at `value` (a time point).
  constexpr Expiry(V value) noexcept : state_(ExpiryState::expires), value_(value) {}  // implicit, as std::optional's
  /// One of the states without a value (a value of V{} for ExpiryState::expires).
  constexpr explicit Expiry(ExpiryState state) noexcept : state_(state) {}

  /// From Redis' number: n >= 0 is the value in V's unit, -1 no expiry, -2 no key; anything
  /// else throws DataError. Turns an r.ttl(k) you already have into a Ttl: Ttl::from_redis(n).
  static Expiry from_redis(long long n) {
    if (n >= 0) {
      if constexpr (detail::is_sys_time<V>::value)
        return Expiry(V(typename V::duration(n)));
      else
        return Expiry(V(n));
    }
    if (n == -1) return Expiry(ExpiryState::no_expiry);
    if (n == -2) return Expiry(ExpiryState::no_key);
    // Plain concatenation, not fmt::format: its compile-time format check would cost every file
    // that includes this header.
    throw DataError("an expiry of " + std::to_string(n) + " is neither a time (>= 0), -1 (no expiry) nor -2 (no such key)");
  }
  /// Redis' number back: the value's count in V's unit, -1 or -2.
  constexpr long long to_redis() const noexcept {
    switch (state_) {
      case ExpiryState::expires:
        if constexpr (detail::is_sys_time<V>::value)
          return static_cast<long long>(value_.time_since_epoch().count());
        else
          return static_cast<long long>(value_.count());
      case ExpiryState::no_expiry: return -1;
      case ExpiryState::no_key: break;
    }
    return -2;
  }

  constexpr ExpiryState state() const noexcept { return state_; }
  /// The key exists and expires: value() is its time to live or its expiry time.
  constexpr bool expires() const noexcept { return state_ == ExpiryState::expires; }
  /// The key exists (with or without an expiry).
  constexpr bool exists() const noexcept { return state_ != ExpiryState::no_key; }
  constexpr bool has_value() const noexcept { return expires(); }
  constexpr explicit operator bool() const noexcept { return expires(); }

  /// The duration or time point; DataError when the key has no expiry or does not exist.
  constexpr V value() const {
    if (state_ == ExpiryState::no_expiry) throw DataError("Expiry::value(): the key has no expiry (Redis answered -1)");
    if (state_ == ExpiryState::no_key) throw DataError("Expiry::value(): no such key (Redis answered -2)");
    return value_;
  }
  constexpr V value_or(V fallback) const noexcept { return expires() ? value_ : fallback; }
  constexpr V operator*() const { return value(); }

  friend constexpr bool operator==(const Expiry&, const Expiry&) = default;
  /// `r.ttl<redispp::Ttl>(k) == redispp::ExpiryState::no_key`
  friend constexpr bool operator==(const Expiry& expiry, ExpiryState state) noexcept { return expiry.state_ == state; }

  /// The reply of TTL / PTTL / EXPIRETIME / PEXPIRETIME (an integer) as an Expiry; used by convert<Expiry<V>>.
  friend Expiry redispp_from_reply(Reply&& reply, std::type_identity<Expiry>) {
    return from_redis(convert<long long>(std::move(reply)));
  }

 private:
  ExpiryState state_ = ExpiryState::no_key;
  V value_{};
};

/// TTL: seconds left.
using Ttl = Expiry<std::chrono::seconds>;
/// PTTL: milliseconds left.
using PTtl = Expiry<std::chrono::milliseconds>;
/// EXPIRETIME: the Unix time, in seconds, at which the key expires.
using ExpireTime = Expiry<UnixSeconds>;
/// PEXPIRETIME: the Unix time, in milliseconds.
using PExpireTime = Expiry<UnixMilliseconds>;

namespace detail {
/// What ttl<T>() (and pttl, expiretime, pexpiretime) accept: Redis' number, or the command's own Expiry.
template <class T, class Typed>
concept expiry_result = std::same_as<T, long long> || std::same_as<T, Typed>;
}  // namespace detail

}  // namespace redispp
