#pragma once
// Connection URL -> UrlOptions. The accepted syntax and every decision taken here (defaults,
// which db wins, rounding of seconds ...) are documented in transport/url.hpp.

#include <array>         // std::array
#include <chrono>        // std::chrono::milliseconds
#include <cstddef>       // std::size_t
#include <cstdint>       // std::uint64_t
#include <limits>        // std::numeric_limits
#include <optional>      // std::optional
#include <string>        // std::string
#include <string_view>   // std::string_view

#include <fmt/format.h>

#include <redispp/detail/printable.hpp>
#include <redispp/errors.hpp>
#include <redispp/impl/options.ipp>  // validate(), detail::is_client_name
#include <redispp/protocol/parser.hpp>
#include <redispp/transport/options.hpp>
#include <redispp/transport/url.hpp>

namespace redispp {

namespace detail {

inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

inline bool all_digits(std::string_view text) noexcept {
  for (char c : text)
    if (!is_digit(c)) return false;
  return true;
}

inline char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

inline int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// RFC 3986 percent-decoding ("%40" -> "@"); std::nullopt when a '%' is not followed by two hex
/// digits. '+' stays '+': it means a space only in HTML form encoding. The caller words the
/// error, because only it knows whether the text is a password that must not be echoed.
inline std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int high = hex_value(text[i + 1]);
    const int low = hex_value(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return out;
}

/// Decimal digits only: no sign, no spaces, no "0x" (std::from_chars alone would take "-1" for an
/// int and stop silently at the first non-digit).
inline std::optional<std::uint64_t> parse_unsigned(std::string_view text) noexcept {
  if (text.empty() || !all_digits(text)) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  return value;
}

/// A database number: 0 ... INT_MAX.
inline std::optional<int> parse_db(std::string_view text) noexcept {
  const auto value = parse_unsigned(text);
  if (!value || *value > static_cast<std::uint64_t>(std::numeric_limits<int>::max())) return std::nullopt;
  return static_cast<int>(*value);
}

/// The longest time option, in milliseconds: what validate() accepts (max_option_duration, about
/// 24.8 days), so that a URL never yields options the pool then refuses.
inline constexpr std::uint64_t max_url_millis = static_cast<std::uint64_t>(max_option_duration.count());

/// Seconds as a plain decimal, as redis-py takes them: "2", "0.5", ".25", "1.". Exponents, signs,
/// inf and nan are refused. Parsed as text, not through double, so "0.1" is exactly 100 ms; digits
/// beyond the millisecond round up, so that a positive value never becomes 0 (= no limit).
inline std::optional<std::chrono::milliseconds> parse_seconds(std::string_view text) noexcept {
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if ((whole.empty() && fraction.empty()) || !all_digits(whole) || !all_digits(fraction)) return std::nullopt;
  std::uint64_t seconds = 0;
  if (!whole.empty()) {
    const auto value = parse_unsigned(whole);
    if (!value || *value > max_url_millis / 1000) return std::nullopt;
    seconds = *value;
  }
  std::uint64_t millis = seconds * 1000;
  constexpr std::array<std::uint64_t, 3> weights{100, 10, 1};
  for (std::size_t i = 0; i < weights.size() && i < fraction.size(); ++i)
    millis += weights[i] * static_cast<std::uint64_t>(fraction[i] - '0');
  if (fraction.size() > weights.size() && fraction.find_first_not_of('0', weights.size()) != std::string_view::npos)
    ++millis;
  if (millis > max_url_millis) return std::nullopt;  // "2147483.648"
  return std::chrono::milliseconds(static_cast<std::chrono::milliseconds::rep>(millis));
}

/// true/false, 1/0, yes/no, any case. Stricter than redis-py (which reads every other word as
/// true), because "ture" silently meaning true hides the typo.
inline std::optional<bool> parse_bool(std::string_view text) noexcept {
  if (text == "1" || iequals(text, "true") || iequals(text, "yes")) return true;
  if (text == "0" || iequals(text, "false") || iequals(text, "no")) return false;
  return std::nullopt;
}

inline std::optional<ParserKind> parse_parser_kind(std::string_view text) noexcept {
  for (ParserKind kind : {ParserKind::automatic, ParserKind::builtin, ParserKind::hiredis})
    if (iequals(text, to_string(kind))) return kind;
  return std::nullopt;
}

inline std::optional<TlsCertReqs> parse_cert_reqs(std::string_view text) noexcept {
  for (TlsCertReqs reqs : {TlsCertReqs::none, TlsCertReqs::optional, TlsCertReqs::required})
    if (iequals(text, to_string(reqs))) return reqs;
  return std::nullopt;
}

// "1.2", "TLSv1.2", "TLSv1_2" (Python's ssl.TLSVersion.TLSv1_2, which redis-py users write).
inline std::optional<TlsVersion> parse_tls_version(std::string_view text) noexcept {
  if (text.size() > 4 && iequals(text.substr(0, 4), "tlsv")) text.remove_prefix(4);
  if (text == "1.2" || text == "1_2") return TlsVersion::tls1_2;
  if (text == "1.3" || text == "1_3") return TlsVersion::tls1_3;
  return std::nullopt;
}

// A file name for one of the TLS options: not empty, no NUL (OpenSSL takes C strings).
inline bool assign_path(std::string& field, std::string_view value) {
  if (value.empty() || value.find('\0') != std::string_view::npos) return false;
  field = std::string(value);
  return true;
}

template <class Field, class Value>
bool assign_if(Field& field, const std::optional<Value>& value) {
  if (!value) return false;
  field = *value;
  return true;
}

/// One query option: its name, what a good value looks like (for the error message), and how to
/// store it; apply() returns false on a bad value.
struct UrlQueryOption {
  std::string_view name;
  std::string_view expected;
  bool (*apply)(UrlOptions& options, std::string_view value);
};

// clang-format off
inline constexpr std::array<UrlQueryOption, 18> url_query_options{{
  {"db", "a database number (0, 1, ...)",
   [](UrlOptions& o, std::string_view v) { return assign_if(o.connection.db, parse_db(v)); }},
  {"socket_timeout", "seconds, such as 2 or 0.5 (at most 2147483.647)",
   [](UrlOptions& o, std::string_view v) { return assign_if(o.connection.socket_timeout, parse_seconds(v)); }},
  {"socket_connect_timeout", "seconds, such as 2 or 0.5 (at most 2147483.647)",
   [](UrlOptions& o, std::string_view v) { return assign_if(o.connection.socket_connect_timeout, parse_seconds(v)); }},
  {"health_check_interval", "seconds, such as 30 or 0.5 (at most 2147483.647)",
   [](UrlOptions& o, std::string_view v) { return assign_if(o.connection.health_check_interval, parse_seconds(v)); }},
  {"socket_keepalive", "true, false, 1, 0, yes or no",
   [](UrlOptions& o, std::string_view v) { return assign_if(o.connection.socket_keepalive, parse_bool(v)); }},
  {"client_name", "printable ASCII without spaces, as CLIENT SETNAME demands",
   [](UrlOptions& o, std::string_view v) {
     if (!is_client_name(v)) return false;
     o.connection.client_name = std::string(v);
     return true;
   }},
  {"protocol", "2 or 3",
   [](UrlOptions& o, std::string_view v) {
     if (v != "2" && v != "3") return false;
     o.connection.protocol = v == "2" ? 2 : 3;
     return true;
   }},
  {"parser", "automatic, builtin or hiredis",
   [](UrlOptions& o, std::string_view v) { return assign_if(o.connection.parser, parse_parser_kind(v)); }},
  {"max_connections", "a positive integer",
   [](UrlOptions& o, std::string_view v) {
     const auto count = parse_unsigned(v);
     if (!count || *count == 0 || *count > std::numeric_limits<std::size_t>::max()) return false;
     o.pool.max_connections = static_cast<std::size_t>(*count);
     return true;
   }},
  {"timeout", "seconds, such as 2 or 0.5 (at most 2147483.647)",
   [](UrlOptions& o, std::string_view v) { return assign_if(o.pool.timeout, parse_seconds(v)); }},
  // TLS (rediss:// only; parse_query refuses them elsewhere), with redis-py's names.
  {"ssl_cert_reqs", "none, optional or required",
   [](UrlOptions& o, std::string_view v) { return assign_if(o.connection.tls->cert_reqs, parse_cert_reqs(v)); }},
  {"ssl_ca_certs", "a file name",
   [](UrlOptions& o, std::string_view v) { return assign_path(o.connection.tls->ca_certs, v); }},
  {"ssl_ca_path", "a directory name",
   [](UrlOptions& o, std::string_view v) { return assign_path(o.connection.tls->ca_path, v); }},
  {"ssl_certfile", "a file name",
   [](UrlOptions& o, std::string_view v) { return assign_path(o.connection.tls->certfile, v); }},
  {"ssl_keyfile", "a file name",
   [](UrlOptions& o, std::string_view v) { return assign_path(o.connection.tls->keyfile, v); }},
  {"ssl_check_hostname", "true, false, 1, 0, yes or no",
   [](UrlOptions& o, std::string_view v) { return assign_if(o.connection.tls->check_hostname, parse_bool(v)); }},
  {"ssl_min_version", "1.2 or 1.3 (or TLSv1_2, TLSv1_3)",
   [](UrlOptions& o, std::string_view v) { return assign_if(o.connection.tls->min_version, parse_tls_version(v)); }},
  {"ssl_ciphers", "an OpenSSL cipher list",
   [](UrlOptions& o, std::string_view v) { return assign_path(o.connection.tls->ciphers, v); }},
}};
// clang-format on

/// Reads one URL. Holds the one piece of state every error message needs: whether text taken
/// from the URL may be shown at all.
class UrlParser {
 public:
  explicit UrlParser(std::string_view url) : url_(url) {}

  UrlOptions parse() {
    const std::size_t separator = url_.find("://");
    const std::string_view scheme = separator == std::string_view::npos ? std::string_view() : url_.substr(0, separator);
    if (!is_scheme(scheme)) fail("it must start with redis://, rediss:// or unix://");
    const bool is_unix = iequals(scheme, "unix");
    if (iequals(scheme, "rediss")) result_.connection.tls = TlsOptions{};
    if (!is_unix && !iequals(scheme, "redis") && !iequals(scheme, "rediss"))
      fail(fmt::format("unsupported scheme '{}': expected redis://, rediss:// or unix://", scheme));

    std::string_view rest = url_.substr(separator + 3);
    std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
    rest.remove_prefix(authority.size());
    // An '@' past the authority means the user info was probably cut short by a '/', '?' or '#'
    // the user forgot to percent-encode in a password: the parts we would quote in an error may
    // then be pieces of that password. A legitimate '@' there (client_name=a@b) is rare, and
    // costs only less detailed messages.
    redact_ = rest.find('@') != std::string_view::npos;
    if (rest.find('#') != std::string_view::npos)
      fail("fragments ('#...') have no meaning in a Redis URL (percent-encode a '#' in a password as %23)");
    const std::size_t question = rest.find('?');
    const std::string_view path = rest.substr(0, question);
    const std::string_view query = question == std::string_view::npos ? std::string_view() : rest.substr(question + 1);

    // rfind: an unencoded '@' in a password is still read the way the user meant it.
    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
      parse_user_info(authority.substr(0, at));
      authority.remove_prefix(at + 1);
    }
    if (is_unix) {
      if (!authority.empty())
        fail("a unix:// URL takes no host: write unix:///path/to/socket or unix://user:password@/path/to/socket");
      parse_socket_path(path);
    } else {
      parse_host_port(authority);
      parse_db_path(path);
    }
    // After the path, so that ?db=N overrides /N (as in redis-py).
    parse_query(query);
    check_valid();
    return std::move(result_);
  }

 private:
  // RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ). Anything else is not echoed, since
  // "user:password@host" without a scheme must not come back in the message.
  static bool is_scheme(std::string_view scheme) noexcept {
    if (scheme.empty() || ascii_lower(scheme.front()) < 'a' || ascii_lower(scheme.front()) > 'z') return false;
    for (char c : scheme) {
      const char l = ascii_lower(c);
      if (!((l >= 'a' && l <= 'z') || is_digit(c) || c == '+' || c == '-' || c == '.')) return false;
    }
    return true;
  }

  /// " 'text'", or nothing when the URL may hold a misplaced piece of password. Control bytes
  /// (a decoded "%0D%0A") are escaped: a message is one line.
  std::string quoted(std::string_view text) const {
    return redact_ ? std::string() : fmt::format(" '{}'", printable(text));
  }

  [[noreturn]] void fail(std::string_view what) const {
    if (redact_)
      throw DataError(fmt::format("invalid Redis URL: {} (details not shown: the URL has an '@' after its host, "
                                  "so it may hold part of a password; percent-encode '/', '?' and '#' in a "
                                  "password as %2F, %3F and %23)",
                                  what));
    throw DataError(fmt::format("invalid Redis URL: {}", what));
  }

  std::string decode(std::string_view text, std::string_view where) const {
    std::optional<std::string> decoded = percent_decode(text);
    if (!decoded) fail(fmt::format("malformed percent escape in {} (expected '%' and two hex digits)", where));
    return std::move(*decoded);
  }

  // Host names and socket paths end up in C APIs that stop at the first NUL: "%00" would
  // silently connect somewhere else.
  std::string decode_c_string(std::string_view text, std::string_view where) const {
    std::string decoded = decode(text, where);
    if (decoded.find('\0') != std::string::npos) fail(fmt::format("{} contains a NUL byte (%00)", where));
    return decoded;
  }

  // [user][:password]; neither is ever quoted in a message.
  void parse_user_info(std::string_view user_info) {
    const std::size_t colon = user_info.find(':');
    result_.connection.username = decode(user_info.substr(0, colon), "the user name");
    if (colon != std::string_view::npos)
      result_.connection.password = decode(user_info.substr(colon + 1), "the password");
  }

  void parse_host_port(std::string_view authority) {
    std::string_view host = authority;
    std::string_view port;
    bool has_port = false;
    if (!authority.empty() && authority.front() == '[') {
      const std::size_t close = authority.find(']');
      if (close == std::string_view::npos) fail("an IPv6 address is missing its closing ']'");
      host = authority.substr(1, close - 1);
      if (host.empty()) fail("empty IPv6 address '[]'");
      std::string_view after = authority.substr(close + 1);
      if (!after.empty()) {
        if (after.front() != ':') fail(fmt::format("unexpected text{} after the IPv6 address", quoted(after)));
        port = after.substr(1);
        has_port = true;
      }
    } else if (const std::size_t colon = authority.find(':'); colon != std::string_view::npos) {
      host = authority.substr(0, colon);
      port = authority.substr(colon + 1);
      has_port = true;
      if (port.find(':') != std::string_view::npos)
        fail("more than one ':' in host:port (write an IPv6 address in brackets, as in redis://[::1]:6379)");
    }
    // An empty host keeps ConnectionOptions' 127.0.0.1 (redis-py says "localhost", which may
    // resolve to ::1 first and then miss a server bound to 127.0.0.1 only).
    if (!host.empty()) {
      result_.connection.host = decode_c_string(host, "the host");
      // "%0D%0A" would put a line break into every message that names the server.
      if (has_control_byte(result_.connection.host))
        fail(fmt::format("the host{} contains a control character (CR, LF ...)", quoted(result_.connection.host)));
    }
    // An empty port ("host:") is the default port, as RFC 3986 says.
    if (has_port && !port.empty()) {
      const auto number = parse_unsigned(port);
      if (!number || *number == 0 || *number > 65535)
        fail(fmt::format("invalid port{}: expected a number from 1 to 65535", quoted(port)));
      result_.connection.port = static_cast<int>(*number);
    }
  }

  // redis://host/N: the path is the database number; "" and "/" keep the default.
  void parse_db_path(std::string_view path) {
    if (path.size() <= 1) return;
    const std::string digits = decode(path.substr(1), "the path");
    if (!assign_if(result_.connection.db, parse_db(digits)))
      fail(fmt::format("invalid database number{} in the path: expected /0, /1, ...", quoted(path.substr(1))));
  }

  void parse_socket_path(std::string_view path) {
    if (path.empty()) fail("a unix:// URL needs a socket path, as in unix:///run/redis/redis.sock");
    result_.connection.unix_socket_path = decode_c_string(path, "the socket path");
  }

  void parse_query(std::string_view query) {
    std::array<bool, url_query_options.size()> seen{};
    while (!query.empty()) {
      const std::size_t amp = query.find('&');
      const std::string_view item = query.substr(0, amp);
      query.remove_prefix(amp == std::string_view::npos ? query.size() : amp + 1);
      if (item.empty()) continue;  // "?&db=1", "?db=1&"

      const std::size_t equals = item.find('=');
      const std::string name = decode(item.substr(0, equals), "an option name");
      if (equals == std::string_view::npos) fail(fmt::format("URL option{} has no value (write name=value)", quoted(name)));
      const std::string value = decode(item.substr(equals + 1), fmt::format("the value of URL option{}", quoted(name)));

      std::size_t index = 0;
      while (index < url_query_options.size() && url_query_options[index].name != name) ++index;
      if (index == url_query_options.size()) fail(fmt::format("unknown URL option{}: {}", quoted(name), known_options()));
      if (name.starts_with("ssl_") && !result_.connection.tls)
        fail(fmt::format("URL option '{}' needs a rediss:// URL (TLS); this one is {}://", name,
                         result_.connection.unix_socket_path.empty() ? "redis" : "unix"));
      // Twice is a mistake either way; redis-py silently keeps the first.
      if (seen[index]) fail(fmt::format("URL option{} is given twice", quoted(name)));
      seen[index] = true;
      const UrlQueryOption& option = url_query_options[index];
      if (!option.apply(result_, value))
        fail(fmt::format("URL option '{}' has an invalid value{}: expected {}", option.name, quoted(value),
                         option.expected));
    }
  }

  // Every field above is checked as it is read, with the URL's own names; this is the net under
  // them, so that parse_url never returns what the ConnectionPool would then refuse.
  void check_valid() const {
    try {
      validate(result_.connection);
      validate(result_.pool);
    } catch (const DataError& error) {
      fail(redact_ ? std::string_view("a value is out of range") : std::string_view(error.what()));
    }
  }

  static std::string known_options() {
    std::string list = "expected one of";
    const char* separator = " ";
    for (const UrlQueryOption& option : url_query_options) {
      list.append(separator).append(option.name);
      separator = ", ";
    }
    return list;
  }

  std::string_view url_;
  bool redact_ = false;
  UrlOptions result_;
};

}  // namespace detail

REDISPP_DECL UrlOptions parse_url(std::string_view url) { return detail::UrlParser(url).parse(); }

}  // namespace redispp
