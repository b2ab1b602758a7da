#pragma once
// validate(ConnectionOptions) and validate(PoolOptions). The rules, and why each exists, are
// listed at the top of transport/options.hpp.

#include <sys/un.h>  // sockaddr_un: how long a socket path may be

#include <chrono>       // std::chrono::milliseconds
#include <cstddef>      // std::size_t
#include <string_view>  // std::string_view
#include <utility>      // std::pair

#include <fmt/format.h>

#include <redispp/detail/printable.hpp>
#include <redispp/errors.hpp>
#include <redispp/transport/options.hpp>

namespace redispp {

namespace detail {

// "ConnectionOptions::" or "PoolOptions::" + the field: every message names the field as the
// user wrote it.
[[noreturn]] inline void invalid_option(std::string_view owner, std::string_view field, std::string_view rule,
                                        std::string_view got) {
  throw DataError(fmt::format("{}::{} {}, got {}", owner, field, rule, got));
}

inline void check_duration(std::string_view owner, std::string_view field, std::chrono::milliseconds value,
                           std::string_view zero_means) {
  if (value.count() < 0 || value > max_option_duration)
    invalid_option(owner, field,
                   fmt::format("must be 0..{} ms (0 = {})", max_option_duration.count(), zero_means),
                   fmt::format("{} ms", value.count()));
}

inline void check_limit(std::string_view field, std::size_t value) {
  if (value == 0) invalid_option("ConnectionOptions", field, "must be at least 1 (0 would refuse every reply)", "0");
}

// CLIENT SETNAME refuses anything outside '!'..'~'; checking here says so before any connect,
// with the field's name instead of a server error on every new connection.
inline bool is_client_name(std::string_view name) noexcept {
  for (char c : name)
    if (c < '!' || c > '~') return false;
  return true;
}

inline bool has_lower_case(std::string_view text) noexcept {
  for (char c : text)
    if (c >= 'a' && c <= 'z') return true;
  return false;
}

}  // namespace detail

REDISPP_DECL void validate(const ConnectionOptions& options) {
  constexpr std::string_view owner = "ConnectionOptions";
  using detail::invalid_option;
  const auto quoted = [](std::string_view text) { return fmt::format("'{}'", detail::printable(text)); };
  const bool unix_socket = !options.unix_socket_path.empty();

  // Control bytes are refused even when a socket path makes the host unused: a host holding CR
  // or LF is never a mistake worth keeping quiet about.
  if (detail::has_control_byte(options.host))
    invalid_option(owner, "host", "must not contain control characters (CR, LF, NUL ...)", quoted(options.host));
  if (!unix_socket) {
    if (options.host.empty())
      invalid_option(owner, "host", "must not be empty (or set unix_socket_path)", "''");
    if (options.port < 1 || options.port > 65535)
      invalid_option(owner, "port", "must be 1..65535", fmt::format("{}", options.port));
  } else {
    // The C API stops at the first NUL: "/tmp/a\0b" would connect to /tmp/a.
    if (options.unix_socket_path.find('\0') != std::string::npos)
      invalid_option(owner, "unix_socket_path", "must not contain a NUL byte", quoted(options.unix_socket_path));
    constexpr std::size_t longest = sizeof(sockaddr_un{}.sun_path) - 1;
    if (options.unix_socket_path.size() > longest)
      invalid_option(owner, "unix_socket_path", fmt::format("must be at most {} bytes long", longest),
                     fmt::format("{} bytes", options.unix_socket_path.size()));
  }
  if (options.db < 0) invalid_option(owner, "db", "must be 0 or more", fmt::format("{}", options.db));
  if (options.protocol != 2 && options.protocol != 3)
    invalid_option(owner, "protocol", "must be 2 or 3", fmt::format("{}", options.protocol));
  if (options.max_argument_size == 0) invalid_option(owner, "max_argument_size", "must be more than 0", "0");
  if (options.parser != ParserKind::automatic && options.parser != ParserKind::builtin &&
      options.parser != ParserKind::hiredis)
    invalid_option(owner, "parser", "must be automatic, builtin or hiredis",
                   fmt::format("ParserKind({})", static_cast<int>(options.parser)));
  if (!detail::is_client_name(options.client_name))
    invalid_option(owner, "client_name", "must be printable ASCII without spaces, as CLIENT SETNAME demands",
                   quoted(options.client_name));

  detail::check_duration(owner, "socket_timeout", options.socket_timeout, "no limit");
  detail::check_duration(owner, "socket_connect_timeout", options.socket_connect_timeout, "the system's limit");
  detail::check_duration(owner, "health_check_interval", options.health_check_interval, "never");

  detail::check_limit("parser_limits.max_bulk_length", options.parser_limits.max_bulk_length);
  detail::check_limit("parser_limits.max_depth", options.parser_limits.max_depth);
  detail::check_limit("parser_limits.max_aggregate_length", options.parser_limits.max_aggregate_length);
  detail::check_limit("parser_limits.max_line_length", options.parser_limits.max_line_length);

  if (options.retry.retries < 0)
    invalid_option(owner, "retry.retries", "must be 0 or more (0 = never retry)",
                   fmt::format("{}", options.retry.retries));
  const auto& safe = options.retry.safe_after_send;
  for (std::size_t i = 0; i < safe.size(); ++i)
    if (safe[i].empty() || detail::has_lower_case(safe[i]))
      invalid_option(owner, fmt::format("retry.safe_after_send[{}]", i), "must be an upper-case command name",
                     quoted(safe[i]));

  if (options.tls) {
    const TlsOptions& tls = *options.tls;
    if (unix_socket)
      invalid_option(owner, "tls", "cannot be used with unix_socket_path (Redis serves TLS on TCP ports only)",
                     "tls set and unix_socket_path " + quoted(options.unix_socket_path));
    if (tls.cert_reqs != TlsCertReqs::none && tls.cert_reqs != TlsCertReqs::optional &&
        tls.cert_reqs != TlsCertReqs::required)
      invalid_option(owner, "tls->cert_reqs", "must be none, optional or required",
                     fmt::format("TlsCertReqs({})", static_cast<int>(tls.cert_reqs)));
    if (tls.min_version != TlsVersion::tls1_2 && tls.min_version != TlsVersion::tls1_3)
      invalid_option(owner, "tls->min_version", "must be tls1_2 or tls1_3",
                     fmt::format("TlsVersion({})", static_cast<int>(tls.min_version)));
    // OpenSSL takes C strings: a NUL would silently cut the file name (or the SNI name) short.
    const std::pair<std::string_view, const std::string*> texts[] = {
        {"tls->ca_certs", &tls.ca_certs}, {"tls->ca_path", &tls.ca_path},         {"tls->certfile", &tls.certfile},
        {"tls->keyfile", &tls.keyfile},   {"tls->server_name", &tls.server_name}, {"tls->ciphers", &tls.ciphers},
        {"tls->ciphersuites", &tls.ciphersuites}};
    for (const auto& [field, text] : texts)
      if (text->find('\0') != std::string::npos) invalid_option(owner, field, "must not contain a NUL byte", quoted(*text));
    if (detail::has_control_byte(tls.server_name))
      invalid_option(owner, "tls->server_name", "must not contain control characters", quoted(tls.server_name));
    if (!tls.keyfile.empty() && tls.certfile.empty())
      invalid_option(owner, "tls->keyfile", "needs a certfile (the certificate that goes with the key)",
                     quoted(tls.keyfile));
  }
}

REDISPP_DECL void validate(const PoolOptions& options) {
  constexpr std::string_view owner = "PoolOptions";
  if (options.max_connections < 1)
    detail::invalid_option(owner, "max_connections", "must be at least 1", fmt::format("{}", options.max_connections));
  detail::check_duration(owner, "timeout", options.timeout, "fail at once when every connection is in use");
  detail::check_duration(owner, "long_lease_threshold", options.long_lease_threshold, "off");
}

}  // namespace redispp
