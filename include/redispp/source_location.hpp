#pragma once
// redispp::SourceLocation: where a call was made (file, function, line), recorded with each pool
// lease so a leak or an exhausted pool can name who holds its connections.
//
// A class of our own rather than std::source_location, for every compiler alike: the type is in
// the library's ABI (Pipeline's constructor, ConnectionPool::acquire), and clang 14 with
// libstdc++ 12 has no std::source_location at all (the header is there but, lacking
// __builtin_source_location, defines nothing). An alias that meant std::source_location under g++
// and a stand-in under clang made a clang-built program fail to link against a g++-built
// libredispp.a. __builtin_FILE/__builtin_FUNCTION/__builtin_LINE as default arguments take the
// caller's position under both compilers, which is all std::source_location::current() does.

#include <cstdint>  // std::uint_least32_t

namespace redispp {

class SourceLocation {
 public:
  /// Where the call that evaluates this default argument was made: `f(SourceLocation where = SourceLocation::current())`.
  static constexpr SourceLocation current(const char* file = __builtin_FILE(), const char* function = __builtin_FUNCTION(),
                                          std::uint_least32_t line = __builtin_LINE()) noexcept {
    SourceLocation here;
    here.file_ = file;
    here.function_ = function;
    here.line_ = line;
    return here;
  }

  /// The source file's name as the compiler was given it; "" for a default-constructed location.
  constexpr const char* file_name() const noexcept { return file_; }
  /// The enclosing function's name; "" for a default-constructed location.
  constexpr const char* function_name() const noexcept { return function_; }
  constexpr std::uint_least32_t line() const noexcept { return line_; }
  /// Always 0: there is no builtin for the column that both compilers share. Kept so code written
  /// for std::source_location compiles unchanged.
  constexpr std::uint_least32_t column() const noexcept { return 0; }

 private:
  const char* file_ = "";
  const char* function_ = "";
  std::uint_least32_t line_ = 0;
};

}  // namespace redispp
