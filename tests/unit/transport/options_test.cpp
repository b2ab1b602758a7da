// validate(ConnectionOptions), validate(PoolOptions), and the two constructors that call them;
// endpoint_name() and detail::printable(), which keep control bytes out of messages.
#include <chrono>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "support/catch.hpp"

#include <redispp/client.hpp>
#include <redispp/detail/printable.hpp>
#include <redispp/errors.hpp>
#include <redispp/transport/connection.hpp>
#include <redispp/transport/connection_pool.hpp>
#include <redispp/transport/options.hpp>

using namespace std::chrono_literals;
using Catch::Contains;
using redispp::ConnectionOptions;
using redispp::DataError;
using redispp::PoolOptions;
using redispp::validate;

namespace {

// The message validate() throws for `options`; fails the test when it throws nothing.
template <class Options>
std::string error_of(const Options& options) {
  try {
    validate(options);
  } catch (const DataError& e) {
    return e.what();
  }
  FAIL("validate() accepted the options");
  return {};
}

ConnectionOptions with(const std::function<void(ConnectionOptions&)>& change) {
  ConnectionOptions options;
  change(options);
  return options;
}

PoolOptions with_pool(const std::function<void(PoolOptions&)>& change) {
  PoolOptions options;
  change(options);
  return options;
}

bool has_control_byte(const std::string& text) { return redispp::detail::has_control_byte(text); }

}  // namespace

TEST_CASE("validate: the defaults are valid", "[options]") {
  CHECK_NOTHROW(validate(ConnectionOptions{}));
  CHECK_NOTHROW(validate(PoolOptions{}));
}

TEST_CASE("validate: port 1..65535, unless a unix socket is used", "[options]") {
  CHECK(error_of(with([](auto& o) { o.port = 70000; })) == "ConnectionOptions::port must be 1..65535, got 70000");
  CHECK(error_of(with([](auto& o) { o.port = 0; })) == "ConnectionOptions::port must be 1..65535, got 0");
  CHECK(error_of(with([](auto& o) { o.port = -1; })) == "ConnectionOptions::port must be 1..65535, got -1");
  CHECK(error_of(with([](auto& o) { o.port = 65536; })) == "ConnectionOptions::port must be 1..65535, got 65536");
  CHECK_NOTHROW(validate(with([](auto& o) { o.port = 1; })));
  CHECK_NOTHROW(validate(with([](auto& o) { o.port = 65535; })));
  CHECK_NOTHROW(validate(with([](auto& o) {
    o.port = 0;
    o.host.clear();
    o.unix_socket_path = "/run/redis/redis.sock";
  })));
}

TEST_CASE("validate: host is not empty and holds no control byte", "[options]") {
  CHECK_THAT(error_of(with([](auto& o) { o.host.clear(); })),
             Contains("ConnectionOptions::host must not be empty (or set unix_socket_path)"));
  for (const std::string& host : std::vector<std::string>{"cache\r\nFAKE LOG LINE", "a\nb", std::string("a\0b", 3),
                                                          "a\tb", "a\x1b[31mb", "a\x7f"}) {
    INFO(redispp::detail::printable(host));
    const std::string message = error_of(with([&](auto& o) { o.host = host; }));
    CHECK_THAT(message, Contains("ConnectionOptions::host must not contain control characters"));
    CHECK_FALSE(has_control_byte(message));  // the value is shown escaped, never raw
  }
  CHECK_THAT(error_of(with([](auto& o) { o.host = "cache\r\nFAKE"; })), Contains("got 'cache\\r\\nFAKE'"));
  // Refused even when a socket path makes the host unused.
  CHECK_THROWS_AS(validate(with([](auto& o) {
                    o.host = "a\nb";
                    o.unix_socket_path = "/tmp/redis.sock";
                  })),
                  DataError);
  CHECK_NOTHROW(validate(with([](auto& o) { o.host = "::1"; })));
  CHECK_NOTHROW(validate(with([](auto& o) { o.host = "bücher.example"; })));  // UTF-8 is not a control byte
}

TEST_CASE("validate: unix_socket_path has no NUL and fits a sockaddr_un", "[options]") {
  CHECK_THAT(error_of(with([](auto& o) { o.unix_socket_path = std::string("/tmp/a\0b", 8); })),
             Contains("ConnectionOptions::unix_socket_path must not contain a NUL byte, got '/tmp/a\\x00b'"));
  CHECK_THAT(error_of(with([](auto& o) { o.unix_socket_path = "/" + std::string(200, 'x'); })),
             Contains("ConnectionOptions::unix_socket_path must be at most") && Contains("got 201 bytes"));
}

TEST_CASE("validate: db, protocol, parser, client_name", "[options]") {
  CHECK(error_of(with([](auto& o) { o.db = -1; })) == "ConnectionOptions::db must be 0 or more, got -1");
  CHECK(error_of(with([](auto& o) { o.protocol = 1; })) == "ConnectionOptions::protocol must be 2 or 3, got 1");
  CHECK(error_of(with([](auto& o) { o.protocol = 4; })) == "ConnectionOptions::protocol must be 2 or 3, got 4");
  CHECK_NOTHROW(validate(with([](auto& o) { o.protocol = 3; })));
  CHECK(error_of(with([](auto& o) { o.max_argument_size = 0; })) ==
        "ConnectionOptions::max_argument_size must be more than 0, got 0");
  CHECK_THAT(error_of(with([](auto& o) { o.parser = static_cast<redispp::ParserKind>(7); })),
             Contains("ConnectionOptions::parser must be automatic, builtin or hiredis, got ParserKind(7)"));
  for (const std::string name : {"my worker", "a\r\nb", "caf\xc3\xa9", "a\x7f"}) {
    INFO(redispp::detail::printable(name));
    const std::string message = error_of(with([&](auto& o) { o.client_name = name; }));
    CHECK_THAT(message, Contains("ConnectionOptions::client_name must be printable ASCII without spaces"));
    CHECK_FALSE(has_control_byte(message));
  }
  CHECK_NOTHROW(validate(with([](auto& o) { o.client_name = "orders-worker:7!~"; })));
}

TEST_CASE("validate: every duration is 0..max_option_duration", "[options]") {
  using Field = std::chrono::milliseconds ConnectionOptions::*;
  const std::vector<std::pair<const char*, Field>> fields = {
      {"socket_timeout", &ConnectionOptions::socket_timeout},
      {"socket_connect_timeout", &ConnectionOptions::socket_connect_timeout},
      {"health_check_interval", &ConnectionOptions::health_check_interval},
  };
  for (const auto& [name, field] : fields) {
    INFO(name);
    const auto set = [field = field](std::chrono::milliseconds value) {
      return with([&](auto& o) { o.*field = value; });
    };
    CHECK_THAT(error_of(set(-1ms)), Contains(std::string("ConnectionOptions::") + name +
                                             " must be 0..2147483647 ms (0 = ") && Contains("got -1 ms"));
    CHECK_THAT(error_of(set(redispp::max_option_duration + 1ms)), Contains("got 2147483648 ms"));
    // The value that overflowed socket_timeout + a blocking command's timeout (UBSan).
    CHECK_THAT(error_of(set(std::chrono::milliseconds::max())), Contains(std::string("ConnectionOptions::") + name));
    CHECK_THAT(error_of(set(std::chrono::milliseconds::min())), Contains(std::string("ConnectionOptions::") + name));
    CHECK_NOTHROW(validate(set(0ms)));
    CHECK_NOTHROW(validate(set(redispp::max_option_duration)));
  }
  CHECK(redispp::max_option_duration == std::chrono::milliseconds(std::numeric_limits<int>::max()));

  using PoolField = std::chrono::milliseconds PoolOptions::*;
  const std::vector<std::pair<const char*, PoolField>> pool_fields = {
      {"timeout", &PoolOptions::timeout},
      {"long_lease_threshold", &PoolOptions::long_lease_threshold},
  };
  for (const auto& [name, field] : pool_fields) {
    INFO(name);
    const auto set = [field = field](std::chrono::milliseconds value) {
      return with_pool([&](auto& o) { o.*field = value; });
    };
    CHECK_THAT(error_of(set(-5ms)), Contains(std::string("PoolOptions::") + name + " must be 0..2147483647 ms") &&
                                        Contains("got -5 ms"));
    CHECK_THAT(error_of(set(std::chrono::hours(24 * 365))), Contains("got 31536000000 ms"));
    CHECK_NOTHROW(validate(set(0ms)));
    CHECK_NOTHROW(validate(set(redispp::max_option_duration)));
  }
}

TEST_CASE("validate: parser limits of zero are refused", "[options]") {
  CHECK_THAT(error_of(with([](auto& o) { o.parser_limits.max_bulk_length = 0; })),
             Contains("ConnectionOptions::parser_limits.max_bulk_length must be at least 1"));
  CHECK_THAT(error_of(with([](auto& o) { o.parser_limits.max_depth = 0; })),
             Contains("ConnectionOptions::parser_limits.max_depth must be at least 1"));
  CHECK_THAT(error_of(with([](auto& o) { o.parser_limits.max_aggregate_length = 0; })),
             Contains("ConnectionOptions::parser_limits.max_aggregate_length must be at least 1"));
  CHECK_THAT(error_of(with([](auto& o) { o.parser_limits.max_line_length = 0; })),
             Contains("ConnectionOptions::parser_limits.max_line_length must be at least 1"));
}

TEST_CASE("validate: retry", "[options]") {
  CHECK(error_of(with([](auto& o) { o.retry.retries = -1; })) ==
        "ConnectionOptions::retry.retries must be 0 or more (0 = never retry), got -1");
  CHECK_NOTHROW(validate(with([](auto& o) { o.retry = redispp::Retry::none(); })));
  // Names are compared in upper case: "get" would silently never match.
  CHECK(error_of(with([](auto& o) { o.retry.safe_after_send = {"GET", "hgetall"}; })) ==
        "ConnectionOptions::retry.safe_after_send[1] must be an upper-case command name, got 'hgetall'");
  CHECK_THAT(error_of(with([](auto& o) { o.retry.safe_after_send = {""}; })),
             Contains("retry.safe_after_send[0] must be an upper-case command name"));
}

TEST_CASE("validate: tls", "[options][tls]") {
  CHECK_NOTHROW(validate(with([](auto& o) { o.tls = redispp::TlsOptions{.ca_certs = "ca.crt"}; })));
  CHECK_THAT(error_of(with([](auto& o) {
               o.tls = redispp::TlsOptions{};
               o.unix_socket_path = "/tmp/redis.sock";
             })),
             Contains("ConnectionOptions::tls cannot be used with unix_socket_path"));
  CHECK(error_of(with([](auto& o) { o.tls = redispp::TlsOptions{.keyfile = "client.key"}; })) ==
        "ConnectionOptions::tls->keyfile needs a certfile (the certificate that goes with the key), got 'client.key'");
  CHECK_THAT(error_of(with([](auto& o) { o.tls = redispp::TlsOptions{.ca_certs = std::string("ca\0.crt", 6)}; })),
             Contains("tls->ca_certs must not contain a NUL byte"));
  CHECK_THAT(error_of(with([](auto& o) { o.tls = redispp::TlsOptions{.server_name = "evil\r\nhost"}; })),
             Contains("tls->server_name must not contain control characters"));
  CHECK_THAT(error_of(with([](auto& o) {
               o.tls = redispp::TlsOptions{};
               o.tls->cert_reqs = static_cast<redispp::TlsCertReqs>(7);
             })),
             Contains("tls->cert_reqs must be none, optional or required, got TlsCertReqs(7)"));
}

TEST_CASE("validate: max_connections at least 1", "[options]") {
  CHECK(error_of(with_pool([](auto& o) { o.max_connections = 0; })) ==
        "PoolOptions::max_connections must be at least 1, got 0");
  CHECK_NOTHROW(validate(with_pool([](auto& o) { o.max_connections = 1; })));
}

TEST_CASE("The pool, the client and a connection refuse invalid options when made", "[options]") {
  const ConnectionOptions bad_port = with([](auto& o) { o.port = 70000; });
  CHECK_THROWS_WITH(redispp::ConnectionPool(bad_port, PoolOptions{}),
                    "ConnectionOptions::port must be 1..65535, got 70000");
  CHECK_THROWS_WITH(redispp::Redis(bad_port), "ConnectionOptions::port must be 1..65535, got 70000");
  CHECK_THROWS_WITH(redispp::Connection(bad_port), "ConnectionOptions::port must be 1..65535, got 70000");
  const ConnectionOptions forever = with([](auto& o) { o.socket_timeout = std::chrono::milliseconds::max(); });
  CHECK_THROWS_AS(redispp::Connection(forever), DataError);
  CHECK_THROWS_AS(redispp::ConnectionPool(forever, PoolOptions{}), DataError);
  CHECK_THROWS_WITH(redispp::ConnectionPool(ConnectionOptions{}, with_pool([](auto& o) { o.long_lease_threshold = -1ms; })),
                    Contains("PoolOptions::long_lease_threshold must be 0..2147483647 ms"));
  // Valid options still make a pool (it connects lazily: no server is needed here).
  CHECK_NOTHROW(redispp::ConnectionPool(ConnectionOptions{}, PoolOptions{}));
}

TEST_CASE("endpoint_name escapes control bytes", "[options]") {
  CHECK(redispp::endpoint_name(with([](auto& o) { o.host = "cache.local"; })) == "cache.local:6379");
  CHECK(redispp::endpoint_name(with([](auto& o) { o.host = "::1"; })) == "[::1]:6379");
  CHECK(redispp::endpoint_name(with([](auto& o) { o.host = "evil\r\nFAKE"; })) == "evil\\r\\nFAKE:6379");
  CHECK(redispp::endpoint_name(with([](auto& o) { o.unix_socket_path = "/tmp/a\nb"; })) == "unix:/tmp/a\\nb");
}

TEST_CASE("detail::printable escapes control bytes and keeps the rest", "[options]") {
  using redispp::detail::printable;
  CHECK(printable("plain text") == "plain text");
  CHECK(printable("a\r\nb\tc") == "a\\r\\nb\\tc");
  CHECK(printable(std::string("\0\x01\x1f\x7f", 4)) == "\\x00\\x01\\x1f\\x7f");
  CHECK(printable("caf\xc3\xa9 \\n") == "caf\xc3\xa9 \\n");  // UTF-8 and backslashes unchanged
  CHECK(printable("") == "");
}
