#pragma once
// The reply types most commands have, as a list macro: convert<T> (convert.hpp) and
// Redis::run<T> (client.hpp) for these types are compiled once into the library and declared
// `extern template` in the headers, so a file that calls r.hgetall(...) or r.incr(...) does not
// compile the round trip and the conversion to an unordered_map or a long long again (compile
// time: bench/README.md). A type not listed works as before: it is instantiated in the file that
// uses it. Header-only builds (REDISPP_HEADER_ONLY) have no library, so there the list is unused.
//
// Chosen by how many command methods return each type (commands/*.hpp: Result<...>): every type
// with three or more, and HGETALL's map. tests/unit/commands/extern_check.cmake checks that a
// file calling one command of each type compiles none of them itself.

#include <optional>       // std::optional
#include <string>         // std::string
#include <unordered_map>  // std::unordered_map
#include <unordered_set>  // std::unordered_set
#include <utility>        // std::pair
#include <vector>         // std::vector

namespace redispp::detail {
// Names without commas, which a macro argument cannot hold.
using StringMap = std::unordered_map<std::string, std::string>;
using StringSet = std::unordered_set<std::string>;
using StringDoublePairs = std::vector<std::pair<std::string, double>>;
using StringIntegerPairs = std::vector<std::pair<std::string, long long>>;
using OptionalStringPair = std::optional<std::pair<std::string, std::string>>;
}  // namespace redispp::detail

// X(T) for each type; Reply (protocol/reply.hpp) must be declared where it is expanded.
#define REDISPP_COMMON_REPLY_TYPES(X)                                                                \
  X(bool)                                                                                            \
  X(long long)                                                                                       \
  X(double)                                                                                          \
  X(std::string)                                                                                     \
  X(std::optional<std::string>)                                                                      \
  X(std::optional<long long>)                                                                        \
  X(std::optional<double>)                                                                           \
  X(std::vector<std::string>)                                                                        \
  X(std::vector<std::optional<std::string>>)                                                         \
  X(std::vector<long long>)                                                                          \
  X(std::vector<bool>)                                                                               \
  X(::redispp::detail::StringMap)                                                                    \
  X(::redispp::detail::StringSet)                                                                    \
  X(::redispp::detail::StringDoublePairs)                                                            \
  X(::redispp::detail::StringIntegerPairs)                                                           \
  X(::redispp::detail::OptionalStringPair)                                                           \
  X(::redispp::Reply)
