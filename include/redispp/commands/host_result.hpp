#pragma once
// HostResult<Host, T>: what a command method of the client `Host` returns for a command whose
// reply converts to T. The command mixins spell every method's type with it, so a reader (and
// an IDE) sees `Result<long long> incr(...)`, `Result<std::optional<std::string>> get(...)`:
// on a Redis that is the long long itself, on a Pipeline the Pipeline& that chains the next
// call. The T is written where the builder is (Command<T>) and once in the mixin's line; the
// coverage test's host (tests/integration/commands/coverage.hpp) fails to compile if they differ.
//
// Each host says what its methods return by specialising HostResultOf before its class is
// defined: the mixins are its base classes, instantiated while the host is still incomplete.
//   class Redis;
//   template <> struct HostResultOf<Redis> { template <class T> using type = T; };
//   class Redis : public CommandSet<Redis> { ... T run(Command<T>&&); };

namespace redispp {

namespace detail {
template <class Host>
inline constexpr bool host_result_declared = false;
}  // namespace detail

/// Specialise for each host of CommandSet: `template <class T> using type = <what run() returns>;`.
template <class Host>
struct HostResultOf {
  static_assert(detail::host_result_declared<Host>,
                "a host of CommandSet<Host> must specialise redispp::HostResultOf<Host> before its class (see host_result.hpp)");
};

/// What Host's command methods return for a reply of type T.
template <class Host, class T>
using HostResult = typename HostResultOf<Host>::template type<T>;

}  // namespace redispp
