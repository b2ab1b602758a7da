#pragma once
// Connection URLs, as redis-py's from_url() reads them:
//
//   redis://[[user][:password]@]host[:port][/db][?option=value&...]
//   unix://[[user][:password]@]/path/to/socket[?db=N&option=value...]
//   rediss://...   TLS: refused with a clear error until TLS support lands
//
// Credentials are percent-decoded. IPv6 hosts are written in brackets (redis://[::1]:6379).
// Query options: db, socket_timeout, socket_connect_timeout (seconds, fractions allowed, as in
// redis-py), health_check_interval (seconds), socket_keepalive (true/false/1/0), client_name,
// protocol (2/3), parser (automatic/builtin/hiredis), max_connections and timeout (seconds,
// for the pool). An unknown option is a DataError naming it.

#include <string_view>  // std::string_view

#include <redispp/config.hpp>
#include <redispp/transport/options.hpp>

namespace redispp {

struct UrlOptions {
  ConnectionOptions connection;
  PoolOptions pool;
};

/// Parses a redis://, unix:// or rediss:// URL. Throws DataError saying what is wrong (never
/// echoing the password).
REDISPP_DECL UrlOptions parse_url(std::string_view url);

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/url.ipp>
#endif
