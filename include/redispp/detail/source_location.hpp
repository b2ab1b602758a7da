#pragma once
// redispp::SourceLocation: std::source_location where the standard library has it, and a
// stand-in with the same members where it does not (clang 14 with libstdc++ 12 declares the
// header but, lacking __builtin_source_location, defines nothing in it). Used to record where a
// pool connection was leased.

#include <version>  // __cpp_lib_source_location

#if defined(__cpp_lib_source_location)
#include <source_location>  // std::source_location
#endif

#include <cstdint>  // std::uint_least32_t

namespace redispp {

#if defined(__cpp_lib_source_location)
using SourceLocation = std::source_location;
#else
class SourceLocation {
 public:
  static constexpr SourceLocation current(const char* file = __builtin_FILE(), const char* function = __builtin_FUNCTION(),
                                          std::uint_least32_t line = __builtin_LINE()) noexcept {
    SourceLocation here;
    here.file_ = file;
    here.function_ = function;
    here.line_ = line;
    return here;
  }
  constexpr const char* file_name() const noexcept { return file_; }
  constexpr const char* function_name() const noexcept { return function_; }
  constexpr std::uint_least32_t line() const noexcept { return line_; }
  constexpr std::uint_least32_t column() const noexcept { return 0; }

 private:
  const char* file_ = "";
  const char* function_ = "";
  std::uint_least32_t line_ = 0;
};
#endif

}  // namespace redispp
