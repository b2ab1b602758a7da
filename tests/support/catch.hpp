#pragma once
// Catch2, v2 or v3: whichever tests/CMakeLists.txt found (it defines REDISPP_CATCH2_MAJOR). Every
// test includes this rather than <catch2/catch.hpp>, which v3 no longer has, and keeps v2's
// spellings, which v3 moved: Catch::Contains / StartsWith / EndsWith for strings (v3:
// Catch::Matchers::ContainsSubstring...), Approx and Catch::Detail::Approx (v3: Catch::Approx).

#if defined(REDISPP_CATCH2_MAJOR) && REDISPP_CATCH2_MAJOR >= 3

#include <catch2/catch_all.hpp>

#include <string>  // std::string

namespace Catch {
using Matchers::EndsWith;
using Matchers::StartsWith;
// v2's Contains was the string matcher; v3 keeps Matchers::Contains for ranges.
inline Matchers::StringContainsMatcher Contains(const std::string& text, CaseSensitive sensitivity = CaseSensitive::Yes) {
  return Matchers::ContainsSubstring(text, sensitivity);
}
namespace Detail {
using Catch::Approx;
}  // namespace Detail
}  // namespace Catch
using Catch::Approx;

#else

#include <catch2/catch.hpp>

#endif
