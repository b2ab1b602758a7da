#pragma once
// printable(): text from a user or a server made safe to put in an exception message.
//
// Host names, user names and socket paths end up in messages that are logged. A CR or LF in
// one of them would start a forged log line ("log injection"), and other control bytes can
// drive a terminal. They are shown as C escapes instead (\r, \n, \t, \x00 ... \x1f, \x7f).
// Backslashes and bytes >= 0x80 (UTF-8) are kept as they are: the point is that a message
// stays one harmless line, not that it can be decoded back byte for byte (append_escaped's
// `exact` form, which a Reply's text form and the parser's messages use, can be).
//
//   throw AuthenticationError("AUTH as '" + detail::printable(options.username) + "' failed");

#include <cstddef>      // std::size_t
#include <string>       // std::string
#include <string_view>  // std::string_view

namespace redispp::detail {

/// Whether `c` is an ASCII control byte (0x00-0x1f or 0x7f), which printable() escapes.
constexpr bool is_control_byte(char c) noexcept {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7f;
}

/// Whether `text` holds any byte printable() would escape.
constexpr bool has_control_byte(std::string_view text) noexcept {
  for (char c : text)
    if (is_control_byte(c)) return true;
  return false;
}

/// The one way redispp writes bytes as C escapes (printable(), a Reply's text form, the parser's
/// quotes of bad input): appends `text` to `out`, every control byte written as \r, \n, \t
/// or \xHH. With `exact`, also the backslash, `quote` (when not 0) and every byte >= 0x80
/// (\xHH), so that the text reads back byte for byte between `quote`s.
inline void append_escaped(std::string& out, std::string_view text, bool exact = false, char quote = 0) {
  constexpr std::string_view hex = "0123456789abcdef";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '\r': out.append("\\r"); continue;
      case '\n': out.append("\\n"); continue;
      case '\t': out.append("\\t"); continue;
      default: break;
    }
    if (exact && (c == '\\' || (quote != 0 && c == quote))) {
      out.push_back('\\');
      out.push_back(c);
    } else if (is_control_byte(c) || (exact && byte >= 0x80)) {
      out.append("\\x");
      out.push_back(hex[byte >> 4]);
      out.push_back(hex[byte & 0x0f]);
    } else {
      out.push_back(c);
    }
  }
}

/// `text` with every control byte written as a C escape: "a\r\nb" -> "a\\r\\nb".
inline std::string printable(std::string_view text) {
  if (!has_control_byte(text)) return std::string(text);  // the usual case: one copy, no scan per byte
  std::string out;
  out.reserve(text.size() + 8);
  append_escaped(out, text);
  return out;
}

}  // namespace redispp::detail
