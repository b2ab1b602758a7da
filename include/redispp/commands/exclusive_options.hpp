#pragma once
// Exclusive options: fields of an options struct that Redis refuses together (SET's EX and PX,
// ZADD's NX and GT ...). The builders check them before anything is encoded, so that a
// contradiction is a DataError naming both fields on every host (Redis, Pipeline, a watching
// pipeline's immediate commands), not a server's "ERR syntax error" after a round trip, or in
// a pipeline a refused command among ones that ran.
//
//   static constexpr std::string_view expiry[] = {"ex", "px", "exat", "pxat", "keepttl"};
//   check_exclusive(set_fields(o.ex, o.px, o.exat, o.pxat, o.keepttl), "SET", "SetOptions", expiry,
//                   "pick one expiry");
//   // DataError: "SET: SetOptions.ex and SetOptions.px are exclusive (pick one expiry)"
//
// The check on the path that passes is a few tests and ors of flags: the names are only read
// when it throws.

#include <cstddef>      // std::size_t
#include <string>       // std::string
#include <string_view>  // std::string_view

#include <redispp/errors.hpp>

namespace redispp::cmd::detail {

/// One bit per field that is set (bit i for the i-th argument): a bool that is true, an
/// optional that holds a value.
template <class... Fields>
constexpr unsigned set_fields(const Fields&... fields) noexcept {
  static_assert(sizeof...(Fields) <= 16, "set_fields: at most 16 fields");
  unsigned bits = 0;
  unsigned bit = 1;
  ((bits |= static_cast<bool>(fields) ? bit : 0u, bit <<= 1), ...);
  return bits;
}

/// Throws DataError naming the first two fields whose bits are in `set` (the error path of
/// check_exclusive: out of line in effect, as it is only reached when throwing).
[[noreturn, gnu::cold, gnu::noinline]] inline void refuse_exclusive(unsigned set, std::string_view command,
                                                                    std::string_view options,
                                                                    const std::string_view* names,
                                                                    std::string_view why) {
  std::string_view first;
  std::string_view second;
  for (std::size_t i = 0; set != 0; ++i, set >>= 1) {
    if ((set & 1u) == 0) continue;
    if (first.empty()) {
      first = names[i];
    } else {
      second = names[i];
      break;
    }
  }
  std::string message(command);
  message.append(": ").append(options).append(".").append(first);
  message.append(" and ").append(options).append(".").append(second).append(" are exclusive");
  if (!why.empty()) message.append(" (").append(why).append(")");
  throw DataError(message);
}

/// At most one of the fields `names` may be set; `set` is set_fields() of them, in the same order.
template <std::size_t N>
inline void check_exclusive(unsigned set, std::string_view command, std::string_view options,
                            const std::string_view (&names)[N], std::string_view why = {}) {
  static_assert(N <= 16, "check_exclusive: at most 16 fields");
  if ((set & (set - 1)) != 0) [[unlikely]]  // more than one bit
    refuse_exclusive(set, command, options, names, why);
}

}  // namespace redispp::cmd::detail
