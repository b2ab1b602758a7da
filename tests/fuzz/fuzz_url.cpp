// libFuzzer target for parse_url(). Any input either parses into options that pass validate()
// or throws DataError, never anything else; and when the input contains a password after
// "user:" and before "@", a DataError's message must not contain that password (URLs end up in
// logs).

#include <cctype>       // std::isalpha, std::isdigit, std::isxdigit, std::islower
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint8_t
#include <cstdio>       // std::fprintf
#include <cstdlib>      // std::abort
#include <string>       // std::string
#include <string_view>  // std::string_view

#include <redispp/errors.hpp>
#include <redispp/transport/options.hpp>
#include <redispp/transport/url.hpp>

namespace {
// Whether the error message for `input` with the password (at `offset`) replaced by other bytes
// of the same length still contains `password`'s text: then that text is part of the message
// itself, not an echo of the password.
bool shows_text_anyway(std::string_view input, std::size_t offset, std::string_view password) {
  std::string changed(input);
  // Letters and digits only: punctuation (':', '@', '%' ...) shapes how the URL parses, and
  // the changed URL must fail the same way for the comparison to mean anything. For the same
  // reason a hex digit stays a hex digit and anything else stays a non-hex letter: "%zz" must
  // remain an invalid escape. A valid escape keeps what it decodes to unless that is a letter
  // or a digit: "%00" turned into "%77" would no longer be the NUL byte the message is about.
  for (std::size_t i = 0; i < password.size(); ++i) {
    char& c = changed[offset + i];
    if (c == '%' && i + 2 < password.size() && std::isxdigit(static_cast<unsigned char>(password[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(password[i + 2]))) {
      const int decoded = std::stoi(std::string(password.substr(i + 1, 2)), nullptr, 16);
      int other = decoded;
      if (std::isdigit(decoded))
        other = decoded == '7' ? '8' : '7';
      else if (std::isalpha(decoded))
        other = decoded == 'Z' ? 'Y' : 'Z';
      static constexpr char hex[] = "0123456789ABCDEF";
      changed[offset + i + 1] = hex[other >> 4];
      changed[offset + i + 2] = hex[other & 0xF];
      i += 2;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      c = c == '7' ? '8' : '7';
    } else if (std::isxdigit(static_cast<unsigned char>(c))) {
      c = std::islower(static_cast<unsigned char>(c)) ? (c == 'a' ? 'b' : 'a') : (c == 'A' ? 'B' : 'A');
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      c = c == 'Z' ? 'Y' : 'Z';
    }
  }
  try {
    (void)redispp::parse_url(changed);
    return false;
  } catch (const redispp::DataError& e) {
    return std::string_view(e.what()).find(password) != std::string_view::npos;
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  try {
    const redispp::UrlOptions parsed = redispp::parse_url(input);
    // Whatever parses must be usable as given: options the pool will not refuse.
    try {
      redispp::validate(parsed.connection);
      redispp::validate(parsed.pool);
    } catch (const redispp::DataError& e) {
      std::fprintf(stderr, "fuzz_url: parse_url accepted what validate() refuses: %s\n", e.what());
      std::abort();
    }
  } catch (const redispp::DataError& e) {
    // The password, as the URL spells it: between the first ':' after "//" and the last '@'.
    const auto start = input.find("//");
    const auto at = input.rfind('@');
    if (start != std::string_view::npos && at != std::string_view::npos && at > start) {
      const std::string_view credentials = input.substr(start + 2, at - start - 2);
      const auto colon = credentials.find(':');
      if (colon != std::string_view::npos) {
        const std::string_view password = credentials.substr(colon + 1);
        // The password may also match fixed words of a message by chance ("%23) (de"): it was
        // echoed only if it disappears from the message when the password itself changes.
        if (password.size() >= 4 && std::string_view(e.what()).find(password) != std::string_view::npos &&
            !shows_text_anyway(input, start + 2 + colon + 1, password)) {
          std::fprintf(stderr, "fuzz_url: the message shows the password: %s\n", e.what());
          std::abort();
        }
      }
    }
  }
  return 0;
}
