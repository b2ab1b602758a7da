#pragma once
// Command names compared as the server compares them: without regard to ASCII case.

#include <cstddef>      // std::size_t
#include <string_view>  // std::string_view

namespace redispp::detail {

/// `text` equals the upper-case `upper`, ignoring the case of `text` ("get" matches "GET").
constexpr bool equals_upper(std::string_view text, std::string_view upper) noexcept {
  if (text.size() != upper.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i] >= 'a' && text[i] <= 'z' ? static_cast<char>(text[i] - 'a' + 'A') : text[i];
    if (c != upper[i]) return false;
  }
  return true;
}

}  // namespace redispp::detail
