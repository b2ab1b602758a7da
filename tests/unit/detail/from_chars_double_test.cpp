// detail::from_chars_double_fallback, the stand-in for std::from_chars on a standard library
// without its floating-point overloads (libc++ before 20): it must read exactly what
// std::from_chars reads, where it stops, and the same value, under any LC_NUMERIC. It is tested
// on every standard library; where std::from_chars has the overloads, against them too.
#include "support/catch.hpp"

#include <charconv>
#include <clocale>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>
#include <version>

#include <redispp/detail/from_chars_double.hpp>

using redispp::detail::from_chars_double_fallback;

namespace {

struct Read {
  std::errc error;
  std::size_t consumed;  // characters read
  double value;
};

Read read(std::string_view text, std::chars_format format = std::chars_format::general) {
  double value = -12345.0;  // left alone on error
  const auto [end, error] = from_chars_double_fallback(text.data(), text.data() + text.size(), value, format);
  return {error, static_cast<std::size_t>(end - text.data()), value};
}

}  // namespace

TEST_CASE("from_chars_double_fallback reads decimals and stops where std::from_chars does") {
  CHECK(read("1.5").error == std::errc());
  CHECK(read("1.5").value == 1.5);
  CHECK(read("-0.25").value == -0.25);
  CHECK(read(".5").value == 0.5);
  CHECK(read("5.").value == 5.0);
  CHECK(read("1e3").value == 1000.0);
  CHECK(read("-2.5e+10").value == -2.5e10);
  CHECK(read("3.14159265358979323846").value == 3.14159265358979323846);

  // An incomplete exponent is not read; what follows the number is left.
  CHECK(read("1e").consumed == 1);
  CHECK(read("1e+").consumed == 1);
  CHECK(read("2.5x").consumed == 3);
  CHECK(read("1.2.3").consumed == 3);
  CHECK(read("0x10").consumed == 1);  // no hex: "0", then "x10" is left
  CHECK(read("0x10").value == 0.0);

  // Text long enough to need the heap copy.
  const std::string long_text = "0." + std::string(100, '0') + "1e101";
  CHECK(read(long_text).value == 1.0);
  CHECK(read(long_text).consumed == long_text.size());
}

TEST_CASE("from_chars_double_fallback: fixed takes no exponent") {
  const Read r = read("1.5e3", std::chars_format::fixed);
  CHECK(r.error == std::errc());
  CHECK(r.consumed == 3);
  CHECK(r.value == 1.5);
}

TEST_CASE("from_chars_double_fallback: inf, infinity and nan in any case") {
  CHECK(read("inf").value == std::numeric_limits<double>::infinity());
  CHECK(read("-Infinity").value == -std::numeric_limits<double>::infinity());
  CHECK(read("-Infinity").consumed == 9);
  CHECK(read("INFx").consumed == 3);
  CHECK(std::isnan(read("NaN").value));
  CHECK(read("NaN(abc)").consumed == 8);
  CHECK(read("nan(").consumed == 3);  // an unclosed parenthesis is not part of it
}

TEST_CASE("from_chars_double_fallback rejects what std::from_chars rejects, leaving the value") {
  for (const std::string_view text : {"+1", " 1", "", "-", ".", "e5", "-.e1", "x"}) {
    INFO('"' << text << '"');
    const Read r = read(text);
    CHECK(r.error == std::errc::invalid_argument);
    CHECK(r.consumed == 0);
    CHECK(r.value == -12345.0);
  }
  for (const std::string_view text : {"1e400", "-1e400"}) {
    INFO('"' << text << '"');
    const Read r = read(text);
    CHECK(r.error == std::errc::result_out_of_range);
    CHECK(r.consumed == text.size());
    CHECK(r.value == -12345.0);
  }
}

TEST_CASE("from_chars_double_fallback reads '.' as the decimal point under a locale with a comma") {
  // A program may set LC_NUMERIC for its own output; strtod alone would then stop at the '.'.
  const char* const comma_locales[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "de_DE", "fr_FR"};
  const std::string previous = std::setlocale(LC_NUMERIC, nullptr);
  const char* found = nullptr;
  for (const char* name : comma_locales)
    if (std::setlocale(LC_NUMERIC, name) != nullptr) {
      found = name;
      break;
    }
  if (found == nullptr) {
    WARN("no locale with a decimal comma is installed: only the C locale was tried");
    return;
  }
  INFO("LC_NUMERIC=" << found);
  const Read r = read("1.5");
  const Read e = read("-2.25e2");
  const std::string_view point = std::localeconv()->decimal_point;
  std::setlocale(LC_NUMERIC, previous.c_str());
  CHECK(point == ",");
  CHECK(r.value == 1.5);
  CHECK(r.consumed == 3);
  CHECK(e.value == -225.0);
}

#if defined(__cpp_lib_to_chars)
namespace {
const char* const texts[] = {"0", "1", "-1", "1.5", "-0.25", ".5", "5.", "3.14159265358979323846", "1e3", "1E-3",
                             "-2.5e+10", "1e", "1e+", "2.5x", "12abc", "1.2.3", "007", "0x10", "1e400", "-1e400",
                             "1.7976931348623157e308", "4.9e-324", "123456789012345678901234567890",
                             "0.000000000000000000000000000000000000000000000000000000000000000000000001",
                             "inf", "-Infinity", "INFx", "nan", "NaN(abc)", "nan(", "+1", " 1", "", "-", ".", "e5",
                             "-.e1"};
}  // namespace

TEST_CASE("from_chars_double_fallback agrees with std::from_chars") {
  for (const auto format : {std::chars_format::general, std::chars_format::fixed}) {
    for (const std::string_view text : texts) {
      INFO('"' << text << "\" format " << static_cast<int>(format));
      double expected = -12345.0;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), expected, format);
      const Read r = read(text, format);
      CHECK(r.error == error);
      CHECK(r.consumed == static_cast<std::size_t>(end - text.data()));
      if (std::isnan(expected))
        CHECK(std::isnan(r.value));
      else
        CHECK(r.value == expected);
    }
  }
}
#endif
