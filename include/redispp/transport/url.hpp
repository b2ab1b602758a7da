#pragma once
// Connection URLs, as redis-py's from_url() reads them:
//
//   redis://[[user][:password]@]host[:port][/db][?option=value&...]
//   unix://[[user][:password]@]/path/to/socket[?db=N&option=value...]
//   rediss://...   TLS (ConnectionOptions::tls set; the ssl_* options below apply)
//
// The scheme is case-insensitive; anything but these three is a DataError naming it.
// User name, password, host, socket path, option names and values are percent-decoded
// ("%40" -> "@"); '+' stays '+' (it means a space only in HTML forms, and no option here wants
// one). A '%' not followed by two hex digits is a DataError. "redis://:pw@host" sets only the
// password, "redis://user@host" only the user name. An unencoded '@' in a password still works
// (the last '@' before the host ends the credentials), but '/', '?' and '#' must be encoded.
//
// Host: IPv6 literals in brackets (redis://[::1]:6380 -> host "::1"); an empty host keeps
// ConnectionOptions' 127.0.0.1 (redis-py uses "localhost", which may resolve to ::1 first).
// A host (or socket path) that decodes to a NUL byte, or a host with any other control byte
// ("%0D%0A"), is a DataError.
// Port: 1 to 65535, default 6379; "host:" with an empty port is the default port (RFC 3986).
// A unix:// URL takes no host and needs an absolute path (unix:///run/redis.sock).
//
// Database: the path "/N" (redis:// only; "" and "/" keep 0) or the option db=N. When both are
// given, the query wins, as in redis-py; a malformed path is an error even then.
//
// Query options (names case-sensitive, each at most once; empty "&&" items are skipped):
//   db                      non-negative integer
//   socket_timeout          seconds as a plain decimal ("2", "0.5", ".25"; no sign or
//   socket_connect_timeout  exponent), exact to the millisecond and rounded up beyond it, so a
//   health_check_interval   positive value never becomes 0 (= no limit); 0 itself is accepted
//   timeout (pool)          and means what it means in ConnectionOptions/PoolOptions; at most
//                           2147483.647 seconds (max_option_duration: 2^31-1 ms, ~24.8 days)
//   socket_keepalive        true/false/1/0/yes/no, any case (redis-py reads every other word as
//                           true; we refuse it, so a typo is not silently "true")
//   client_name             printable ASCII without spaces ('!'..'~'), as CLIENT SETNAME demands
//   protocol                2 or 3
//   parser                  automatic/builtin/hiredis, any case
//   max_connections (pool)  positive integer
// TLS options, rediss:// only (elsewhere a DataError says so), with redis-py's names:
//   ssl_cert_reqs           none/optional/required, any case (default required)
//   ssl_ca_certs, ssl_ca_path, ssl_certfile, ssl_keyfile   file (directory) names, not empty
//   ssl_check_hostname      true/false/1/0/yes/no (default true)
//   ssl_min_version         1.2 or 1.3 (also TLSv1_2/TLSv1_3, as Python's ssl.TLSVersion)
//   ssl_ciphers             an OpenSSL cipher list for TLS 1.2
// An unknown option is a DataError naming it ("unknown URL option 'foo'", unlike redis-py,
// which passes it on as a keyword); a bad value is a DataError naming the option and the value.
// A fragment ("#...") is refused rather than ignored: it is most likely an unencoded '#' in a
// password.
//
// What parse_url returns always passes validate() (transport/options.hpp): every value is
// checked as it is read, with the URL's own option name in the message.
//
// Messages never contain the password, and quote URL text with control bytes escaped. If an '@' appears after the host (a password with an
// unencoded '/', '?' or '#' was probably cut short), messages quote no text from the URL at all.

#include <string_view>  // std::string_view

#include <redispp/config.hpp>
#include <redispp/transport/options.hpp>

namespace redispp {

struct UrlOptions {
  ConnectionOptions connection;
  PoolOptions pool;
};

/// Parses a redis://, rediss:// or unix:// URL. Throws DataError saying what is
/// wrong, never echoing the password.
///   auto u = redispp::parse_url("redis://:secret@cache.local:6380/2?socket_timeout=0.5");
REDISPP_DECL UrlOptions parse_url(std::string_view url);

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/url.ipp>
#endif
