#pragma once
// std::from_chars for a double, where the standard library has it, and a stand-in where not.
//
// Why: libc++ before 20 (Debian 12's libc++-14 among them, and Apple's) declares only the
// integer overloads of std::from_chars, and redispp reads doubles from replies (RESP3 doubles,
// scores sent as text, INFO fields). The stand-in reads the same text std::from_chars reads
// (no leading blanks, no '+', no hex; "inf", "infinity", "nan" in any case) and converts it
// with std::strtod, giving it the decimal point of the C locale in force, so that a program
// that set LC_NUMERIC to a locale with a decimal comma still reads "1.5" as 1.5.

#include <cerrno>        // errno, ERANGE
#include <charconv>      // std::from_chars, std::from_chars_result, std::chars_format
#include <clocale>       // std::localeconv
#include <cmath>         // std::isinf
#include <cstddef>       // std::size_t
#include <cstdlib>       // std::strtod
#include <cstring>       // std::strlen, std::memcpy
#include <limits>        // std::numeric_limits
#include <string>        // std::string, for texts longer than the stack buffer
#include <string_view>   // std::string_view
#include <system_error>  // std::errc
#include <version>       // __cpp_lib_to_chars

namespace redispp::detail {

/// The stand-in: std::from_chars' contract for a double in `format` (general or fixed).
inline std::from_chars_result from_chars_double_fallback(const char* first, const char* last, double& value,
                                                         std::chars_format format) noexcept {
  const char* p = first;
  const bool negative = p != last && *p == '-';
  if (negative) ++p;
  const auto starts_with_word = [&](std::string_view word) {
    if (static_cast<std::size_t>(last - p) < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
      if ((p[i] | 0x20) != word[i]) return false;
    return true;
  };
  if (starts_with_word("inf")) {
    value = negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    return {p + (starts_with_word("infinity") ? 8 : 3), std::errc()};
  }
  if (starts_with_word("nan")) {
    p += 3;
    // "nan(chars)": the parenthesised part is read only when it is complete.
    if (p != last && *p == '(') {
      const char* q = p + 1;
      while (q != last && ((*q >= '0' && *q <= '9') || ((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z') || *q == '_')) ++q;
      if (q != last && *q == ')') p = q + 1;
    }
    value = negative ? -std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::quiet_NaN();
    return {p, std::errc()};
  }

  const auto skip_digits = [&](const char* s) {
    while (s != last && *s >= '0' && *s <= '9') ++s;
    return s;
  };
  const char* const mantissa = p;
  p = skip_digits(p);
  std::size_t digits = static_cast<std::size_t>(p - mantissa);
  const char* point = nullptr;
  if (p != last && *p == '.') {
    point = p;
    const char* fraction = p + 1;
    p = skip_digits(fraction);
    digits += static_cast<std::size_t>(p - fraction);
  }
  if (digits == 0) return {first, std::errc::invalid_argument};
  // An exponent counts only when it is complete ("1e" reads as 1, leaving the "e").
  if ((format & std::chars_format::scientific) == std::chars_format::scientific && p != last && (*p | 0x20) == 'e') {
    const char* q = p + 1;
    if (q != last && (*q == '+' || *q == '-')) ++q;
    if (const char* end = skip_digits(q); end != q) p = end;
  }

  // strtod wants a terminated string with the locale's decimal point: a copy, on the stack
  // unless the text is long.
  const char* decimal_point = std::localeconv()->decimal_point;
  const std::size_t point_size = std::strlen(decimal_point);
  const std::size_t size = static_cast<std::size_t>(p - first) + (point != nullptr ? point_size : 0);
  char small[64];
  std::string large;
  char* text = small;
  if (size >= sizeof small) {
    large.resize(size);
    text = large.data();
  }
  char* out = text;
  for (const char* c = first; c != p; ++c) {
    if (c == point) {
      std::memcpy(out, decimal_point, point_size);
      out += point_size;
    } else {
      *out++ = *c;
    }
  }
  *out = '\0';
  const int saved_errno = errno;
  errno = 0;
  char* end = nullptr;
  const double converted = std::strtod(text, &end);
  // ERANGE also marks a subnormal result, which std::from_chars returns as it is: only an
  // overflow (HUGE_VAL) or an underflow to zero is out of range.
  const bool out_of_range = errno == ERANGE && (converted == 0 || std::isinf(converted));
  errno = saved_errno;
  if (end != out) return {first, std::errc::invalid_argument};
  if (out_of_range) return {p, std::errc::result_out_of_range};
  value = converted;
  return {p, std::errc()};
}

/// std::from_chars(first, last, value, format) for a double, on every standard library.
inline std::from_chars_result from_chars_double(const char* first, const char* last, double& value,
                                                std::chars_format format = std::chars_format::general) noexcept {
#if defined(__cpp_lib_to_chars)  // the floating-point overloads are there
  return std::from_chars(first, last, value, format);
#else
  return from_chars_double_fallback(first, last, value, format);
#endif
}

}  // namespace redispp::detail
