#include <chrono>
#include <string>
#include <string_view>

#include "support/catch.hpp"

#include <redispp/detail/printable.hpp>
#include <redispp/errors.hpp>
#include <redispp/transport/options.hpp>
#include <redispp/transport/url.hpp>

using namespace std::chrono_literals;
using Catch::Contains;
using redispp::DataError;
using redispp::parse_url;

namespace {

// The message of the DataError parse_url(url) throws; fails the test when it throws nothing or
// something else, so callers can check what the message does NOT contain.
std::string error_of(std::string_view url) {
  try {
    parse_url(url);
  } catch (const DataError& e) {
    return e.what();
  }
  FAIL("parse_url(\"" << std::string(url) << "\") did not throw DataError");
  return {};
}

}  // namespace

TEST_CASE("parse_url: an empty redis:// URL is every default", "[url]") {
  const redispp::UrlOptions defaults{};
  const redispp::UrlOptions u = parse_url("redis://");
  CHECK(u.connection.host == "127.0.0.1");
  CHECK(u.connection.port == 6379);
  CHECK(u.connection.db == 0);
  CHECK(u.connection.username.empty());
  CHECK(u.connection.password.empty());
  CHECK(u.connection.unix_socket_path.empty());
  CHECK(u.connection.socket_timeout == defaults.connection.socket_timeout);
  CHECK(u.connection.socket_connect_timeout == defaults.connection.socket_connect_timeout);
  CHECK(u.connection.socket_keepalive == defaults.connection.socket_keepalive);
  CHECK(u.connection.protocol == 2);
  CHECK(u.connection.parser == redispp::ParserKind::automatic);
  CHECK(u.pool.max_connections == defaults.pool.max_connections);
  CHECK(u.pool.timeout == defaults.pool.timeout);
}

TEST_CASE("parse_url: host, port and database", "[url]") {
  auto u = parse_url("redis://cache.example.com:6380/2");
  CHECK(u.connection.host == "cache.example.com");
  CHECK(u.connection.port == 6380);
  CHECK(u.connection.db == 2);

  u = parse_url("redis://localhost");
  CHECK(u.connection.host == "localhost");
  CHECK(u.connection.port == 6379);
  CHECK(u.connection.db == 0);

  CHECK(parse_url("redis://h/").connection.db == 0);
  CHECK(parse_url("redis://h:1").connection.port == 1);
  CHECK(parse_url("redis://h:65535").connection.port == 65535);
  CHECK(parse_url("redis://h:").connection.port == 6379);  // empty port = default (RFC 3986)
  CHECK(parse_url("redis://h/15").connection.db == 15);
  CHECK(parse_url("redis://h/007").connection.db == 7);
  CHECK(parse_url("redis://h/%31").connection.db == 1);  // the path is percent-decoded, as in redis-py

  // An empty host keeps 127.0.0.1, with or without a port.
  u = parse_url("redis://:6390/4");
  CHECK(u.connection.host == "127.0.0.1");
  CHECK(u.connection.port == 6390);
  CHECK(u.connection.db == 4);
}

TEST_CASE("parse_url: the scheme is case-insensitive", "[url]") {
  CHECK(parse_url("REDIS://h:7000").connection.port == 7000);
  CHECK(parse_url("Unix:///tmp/r.sock").connection.unix_socket_path == "/tmp/r.sock");
}

TEST_CASE("parse_url: IPv6 literals are written in brackets", "[url]") {
  auto u = parse_url("redis://[::1]:6380/2");
  CHECK(u.connection.host == "::1");
  CHECK(u.connection.port == 6380);
  CHECK(u.connection.db == 2);

  u = parse_url("redis://[2001:db8::7]");
  CHECK(u.connection.host == "2001:db8::7");
  CHECK(u.connection.port == 6379);

  CHECK(parse_url("redis://user:pw@[::1]:7000").connection.host == "::1");
  // A zone id: its '%' is itself percent-encoded.
  CHECK(parse_url("redis://[fe80::1%25eth0]:6379").connection.host == "fe80::1%eth0");

  CHECK_THROWS_WITH(parse_url("redis://[::1:6379"), Contains("missing its closing ']'"));
  CHECK_THROWS_WITH(parse_url("redis://[]:6379"), Contains("empty IPv6 address"));
  CHECK_THROWS_WITH(parse_url("redis://[::1]x"), Contains("unexpected text 'x' after the IPv6 address"));
  CHECK_THROWS_WITH(parse_url("redis://::1"), Contains("in brackets"));
  CHECK_THROWS_WITH(parse_url("redis://fe80::1:6379"), Contains("in brackets"));
  CHECK_THROWS_WITH(parse_url("redis://[::1]:abc"), Contains("invalid port 'abc'"));
}

TEST_CASE("parse_url: credentials", "[url]") {
  auto u = parse_url("redis://alice:s3cret@h");
  CHECK(u.connection.username == "alice");
  CHECK(u.connection.password == "s3cret");
  CHECK(u.connection.host == "h");

  u = parse_url("redis://:only-password@h:6380");
  CHECK(u.connection.username.empty());
  CHECK(u.connection.password == "only-password");
  CHECK(u.connection.port == 6380);

  u = parse_url("redis://only-user@h");
  CHECK(u.connection.username == "only-user");
  CHECK(u.connection.password.empty());

  u = parse_url("redis://@h");
  CHECK(u.connection.username.empty());
  CHECK(u.connection.password.empty());
  CHECK(u.connection.host == "h");

  // A password may hold ':' (only the first one separates the user).
  CHECK(parse_url("redis://u:a:b:c@h").connection.password == "a:b:c");
  // An unencoded '@' in the password: the last '@' ends the credentials.
  u = parse_url("redis://u:p@ss@h:7000");
  CHECK(u.connection.password == "p@ss");
  CHECK(u.connection.host == "h");
  CHECK(u.connection.port == 7000);
}

TEST_CASE("parse_url: credentials are percent-decoded", "[url]") {
  auto u = parse_url("redis://us%65r%3Aname:p%40ss%2Fw%3Fo%23rd%25@h");
  CHECK(u.connection.username == "user:name");
  CHECK(u.connection.password == "p@ss/w?o#rd%");
  // Hex digits in either case; '+' is not a space outside HTML forms.
  CHECK(parse_url("redis://:%2f%2F+x@h").connection.password == "//+x");
  // Any byte survives, NUL included.
  CHECK(parse_url("redis://:a%00b%FF@h").connection.password == std::string("a\0b\xff", 4));
}

TEST_CASE("parse_url: a malformed percent escape is a DataError", "[url]") {
  CHECK_THROWS_AS(parse_url("redis://:abc%zz@h"), DataError);
  CHECK_THROWS_WITH(parse_url("redis://:abc%zz@h"), Contains("malformed percent escape in the password"));
  CHECK_THROWS_WITH(parse_url("redis://us%4@h"), Contains("malformed percent escape in the user name"));
  CHECK_THROWS_WITH(parse_url("redis://:pw%@h"), Contains("malformed percent escape in the password"));
  CHECK_THROWS_WITH(parse_url("redis://:pw%4@h"), Contains("malformed percent escape in the password"));
  CHECK_THROWS_WITH(parse_url("redis://ho%st"), Contains("malformed percent escape in the host"));
  CHECK_THROWS_WITH(parse_url("redis://h/%g1"), Contains("malformed percent escape in the path"));
  CHECK_THROWS_WITH(parse_url("unix:///tmp/%"), Contains("malformed percent escape in the socket path"));
  CHECK_THROWS_WITH(parse_url("redis://h?client_name=a%2"),
                    Contains("malformed percent escape in the value of URL option 'client_name'"));
  CHECK_THROWS_WITH(parse_url("redis://h?d%x=1"), Contains("malformed percent escape in an option name"));
}

TEST_CASE("parse_url: error messages never contain the password", "[url]") {
  // Every error after the credentials have been seen, with a recognisable password.
  const std::string password = "Sup3rS3cretPw";
  const char* const tails[] = {
      "@h:notaport/0",          "@h:0",       "@h:70000",          "@h/x",
      "@h?foo=1",               "@h?db=x",    "@h?socket_timeout", "@[::1",
      "@h#frag",                "@h?db=1&db=2",
  };
  for (const char* tail : tails) {
    const std::string url = "redis://user:" + password + tail;
    INFO(url);
    const std::string message = error_of(url);
    CHECK_THAT(message, !Contains(password));
    CHECK_THAT(message, !Contains("Sup3r"));
  }

  // A malformed escape inside the password itself: neither the password nor its pieces.
  for (const std::string url : {"redis://user:Sup3r%zzS3cret@h", "redis://user:Sup3rS3cret%4@h",
                                "unix://user:Sup3r%GGS3cret@/tmp/s"}) {
    INFO(url);
    const std::string message = error_of(url);
    CHECK_THAT(message, !Contains("Sup3r"));
    CHECK_THAT(message, !Contains("S3cret"));
  }

  // rediss:// with a password and a bad TLS option: the message is about the option only.
  CHECK_THAT(error_of("rediss://user:" + password + "@h:6380?ssl_cert_reqs=maybe"), !Contains(password));
  // No scheme at all: "user:password@host" must not come back as a "scheme".
  CHECK_THAT(error_of("user:" + password + "@h"), !Contains(password));
}

TEST_CASE("parse_url: a password cut short by an unencoded '/', '?' or '#' is not echoed", "[url]") {
  // The authority ends at the first '/', '?' or '#', so these passwords spill into the port,
  // the path or the query; the messages then quote nothing from the URL.
  for (const std::string url : {"redis://:Sup3r/S3cret@h", "redis://:Sup3r?S3cret@h", "redis://:Sup3r?S3=cret@h",
                                "redis://:Sup3r#S3cret@h", "redis://u:p@Sup3r/S3cret@h",
                                "redis://:Sup3r:x/S3cret@h", "redis://:12/S3cret@h"}) {
    INFO(url);
    const std::string message = error_of(url);
    CHECK_THAT(message, !Contains("Sup3r"));
    CHECK_THAT(message, !Contains("S3cret"));
    CHECK_THAT(message, !Contains("cret"));
    CHECK_THAT(message, Contains("percent-encode"));
  }
  // Such an '@' alone does not make a good URL fail.
  CHECK(parse_url("redis://h/1?client_name=me@example").connection.client_name == "me@example");
  CHECK(parse_url("unix:///tmp/a@b.sock").connection.unix_socket_path == "/tmp/a@b.sock");
  // ... it only hides the details of an error.
  CHECK_THAT(error_of("redis://h/1?client_name=me@example&foo=1"), Contains("unknown URL option:"));
}

TEST_CASE("parse_url: ports", "[url]") {
  CHECK_THROWS_AS(parse_url("redis://h:abc"), DataError);
  CHECK_THROWS_WITH(parse_url("redis://h:abc"), Contains("invalid port 'abc'"));
  CHECK_THROWS_WITH(parse_url("redis://h:0"), Contains("invalid port '0'"));
  CHECK_THROWS_WITH(parse_url("redis://h:65536"), Contains("invalid port '65536'"));
  CHECK_THROWS_WITH(parse_url("redis://h:99999999999999999999999"), Contains("invalid port '99999999999999999999999'"));
  CHECK_THROWS_WITH(parse_url("redis://h:-1"), Contains("invalid port '-1'"));
  CHECK_THROWS_WITH(parse_url("redis://h:+80"), Contains("invalid port '+80'"));
  CHECK_THROWS_WITH(parse_url("redis://h: 80"), Contains("invalid port ' 80'"));
  CHECK_THROWS_WITH(parse_url("redis://h:6379x"), Contains("expected a number from 1 to 65535"));
  CHECK_THROWS_WITH(parse_url("redis://h:1:2"), Contains("more than one ':'"));
}

TEST_CASE("parse_url: database in the path", "[url]") {
  CHECK_THROWS_AS(parse_url("redis://h/abc"), DataError);
  CHECK_THROWS_WITH(parse_url("redis://h/abc"), Contains("invalid database number 'abc'"));
  CHECK_THROWS_WITH(parse_url("redis://h/-1"), Contains("invalid database number '-1'"));
  CHECK_THROWS_WITH(parse_url("redis://h/1/"), Contains("invalid database number '1/'"));
  CHECK_THROWS_WITH(parse_url("redis://h/1.5"), Contains("invalid database number '1.5'"));
  CHECK_THROWS_WITH(parse_url("redis://h/2147483648"), Contains("invalid database number '2147483648'"));
  CHECK(parse_url("redis://h/2147483647").connection.db == 2147483647);
}

TEST_CASE("parse_url: ?db= overrides the path, as in redis-py", "[url]") {
  CHECK(parse_url("redis://h?db=5").connection.db == 5);
  CHECK(parse_url("redis://h/3?db=5").connection.db == 5);
  CHECK(parse_url("redis://h/3?db=0").connection.db == 0);
  CHECK(parse_url("redis://h/3?client_name=x").connection.db == 3);
  // A malformed path is still an error.
  CHECK_THROWS_WITH(parse_url("redis://h/x?db=5"), Contains("invalid database number 'x'"));
}

TEST_CASE("parse_url: unix sockets", "[url]") {
  auto u = parse_url("unix:///run/redis/redis.sock");
  CHECK(u.connection.unix_socket_path == "/run/redis/redis.sock");
  CHECK(u.connection.db == 0);
  CHECK(u.connection.username.empty());
  CHECK(u.connection.password.empty());

  u = parse_url("unix://alice:pw%40x@/tmp/redis.sock?db=3&socket_timeout=1.5");
  CHECK(u.connection.unix_socket_path == "/tmp/redis.sock");
  CHECK(u.connection.username == "alice");
  CHECK(u.connection.password == "pw@x");
  CHECK(u.connection.db == 3);
  CHECK(u.connection.socket_timeout == 1500ms);

  CHECK(parse_url("unix://:pw@/tmp/s").connection.password == "pw");
  CHECK(parse_url("unix:///tmp/my%20redis.sock").connection.unix_socket_path == "/tmp/my redis.sock");
  // In a unix:// URL the path is the socket, never a database number.
  CHECK(parse_url("unix:///3").connection.unix_socket_path == "/3");
  CHECK(parse_url("unix:///3").connection.db == 0);

  CHECK_THROWS_AS(parse_url("unix://"), DataError);
  CHECK_THROWS_WITH(parse_url("unix://"), Contains("needs a socket path"));
  CHECK_THROWS_WITH(parse_url("unix://?db=1"), Contains("needs a socket path"));
  CHECK_THROWS_WITH(parse_url("unix://localhost/tmp/s"), Contains("takes no host"));
  CHECK_THROWS_WITH(parse_url("unix://tmp/redis.sock"), Contains("takes no host"));
  CHECK_THROWS_WITH(parse_url("unix:///tmp/a%00b"), Contains("the socket path contains a NUL byte"));
  CHECK_THROWS_WITH(parse_url("redis://evil%00.example.com"), Contains("the host contains a NUL byte"));
}

TEST_CASE("parse_url: rediss:// and redis-py's ssl_* options", "[url][tls]") {
  const redispp::UrlOptions plain = parse_url("rediss://h:6380");
  REQUIRE(plain.connection.tls);
  CHECK(plain.connection.host == "h");
  CHECK(plain.connection.port == 6380);
  // The defaults: verify the chain and the name, against the system's store.
  CHECK(plain.connection.tls->cert_reqs == redispp::TlsCertReqs::required);
  CHECK(plain.connection.tls->check_hostname);
  CHECK(plain.connection.tls->ca_certs.empty());
  CHECK(parse_url("REDISS://h").connection.tls);
  CHECK_FALSE(parse_url("redis://h").connection.tls);

  const redispp::UrlOptions full = parse_url(
      "rediss://app:pw@cache.example.com:6380/3?ssl_cert_reqs=OPTIONAL&ssl_ca_certs=/etc/ca%20bundle.pem"
      "&ssl_ca_path=/etc/ssl/certs&ssl_certfile=/c.crt&ssl_keyfile=/c.key&ssl_check_hostname=no"
      "&ssl_min_version=TLSv1_3&ssl_ciphers=ECDHE%2BAESGCM");
  const redispp::TlsOptions& tls = *full.connection.tls;
  CHECK(tls.cert_reqs == redispp::TlsCertReqs::optional);
  CHECK(tls.ca_certs == "/etc/ca bundle.pem");
  CHECK(tls.ca_path == "/etc/ssl/certs");
  CHECK(tls.certfile == "/c.crt");
  CHECK(tls.keyfile == "/c.key");
  CHECK_FALSE(tls.check_hostname);
  CHECK(tls.min_version == redispp::TlsVersion::tls1_3);
  CHECK(tls.ciphers == "ECDHE+AESGCM");
  CHECK(full.connection.db == 3);
  CHECK(full.connection.username == "app");
  CHECK(parse_url("rediss://h?ssl_cert_reqs=none").connection.tls->cert_reqs == redispp::TlsCertReqs::none);
  CHECK(parse_url("rediss://h?ssl_min_version=1.2").connection.tls->min_version == redispp::TlsVersion::tls1_2);

  // A wrong value or an unknown ssl_ option is a DataError naming it.
  CHECK_THROWS_WITH(parse_url("rediss://h?ssl_cert_reqs=maybe"),
                    Contains("'ssl_cert_reqs' has an invalid value 'maybe'") && Contains("none, optional or required"));
  CHECK_THROWS_WITH(parse_url("rediss://h?ssl_check_hostname=perhaps"), Contains("'ssl_check_hostname'"));
  CHECK_THROWS_WITH(parse_url("rediss://h?ssl_min_version=1.1"), Contains("'ssl_min_version'"));
  CHECK_THROWS_WITH(parse_url("rediss://h?ssl_ca_certs="), Contains("'ssl_ca_certs'"));
  CHECK_THROWS_WITH(parse_url("rediss://h?ssl_ca_certs=/a%00b"), Contains("'ssl_ca_certs'"));
  CHECK_THROWS_WITH(parse_url("rediss://h?ssl_verify=yes"), Contains("unknown URL option 'ssl_verify'"));
  CHECK_THROWS_WITH(parse_url("rediss://h?ssl_keyfile=/k.pem"), Contains("tls->keyfile needs a certfile"));
  // ssl_* options belong to rediss:// only.
  CHECK_THROWS_WITH(parse_url("redis://h?ssl_ca_certs=/ca.pem"), Contains("'ssl_ca_certs' needs a rediss:// URL"));
  CHECK_THROWS_WITH(parse_url("unix:///tmp/s?ssl_cert_reqs=none"), Contains("needs a rediss:// URL"));
}

TEST_CASE("parse_url: schemes", "[url]") {
  CHECK_THROWS_AS(parse_url("http://h"), DataError);
  CHECK_THROWS_WITH(parse_url("http://h"), Contains("unsupported scheme 'http'"));
  CHECK_THROWS_WITH(parse_url("redis+sentinel://h"), Contains("unsupported scheme 'redis+sentinel'"));
  CHECK_THROWS_WITH(parse_url(""), Contains("must start with redis://, rediss:// or unix://"));
  CHECK_THROWS_WITH(parse_url("localhost:6379"), Contains("must start with"));
  CHECK_THROWS_WITH(parse_url("redis:localhost"), Contains("must start with"));
  CHECK_THROWS_WITH(parse_url("://h"), Contains("must start with"));
  CHECK_THROWS_WITH(parse_url("1redis://h"), Contains("must start with"));
}

TEST_CASE("parse_url: fragments are refused", "[url]") {
  CHECK_THROWS_AS(parse_url("redis://h/0#x"), DataError);
  CHECK_THROWS_WITH(parse_url("redis://h#x"), Contains("fragments"));
}

TEST_CASE("parse_url: time options are seconds, fractions allowed", "[url]") {
  auto u = parse_url("redis://h?socket_timeout=2&socket_connect_timeout=0.5&health_check_interval=30&timeout=0.25");
  CHECK(u.connection.socket_timeout == 2000ms);
  CHECK(u.connection.socket_connect_timeout == 500ms);
  CHECK(u.connection.health_check_interval == 30s);
  CHECK(u.pool.timeout == 250ms);

  const auto socket_timeout = [](const std::string& value) {
    return parse_url("redis://h?socket_timeout=" + value).connection.socket_timeout;
  };
  CHECK(socket_timeout("0") == 0ms);  // 0 = no limit, as in ConnectionOptions
  CHECK(socket_timeout("0.1") == 100ms);
  CHECK(socket_timeout(".25") == 250ms);
  CHECK(socket_timeout("3.") == 3000ms);
  CHECK(socket_timeout("1.001") == 1001ms);
  CHECK(socket_timeout("1.0000") == 1000ms);
  CHECK(socket_timeout("0.0001") == 1ms);  // rounded up: a positive time-out never becomes "no limit"
  CHECK(socket_timeout("0.0015") == 2ms);
  CHECK(socket_timeout("007") == 7s);
  // The largest value validate() accepts (max_option_duration), and nothing beyond it: a URL
  // never yields options that the pool then refuses.
  CHECK(socket_timeout("2147483.647") == redispp::max_option_duration);
  CHECK(socket_timeout("2147483.6469") == redispp::max_option_duration);  // rounded up to the limit

  for (const char* option : {"socket_timeout", "socket_connect_timeout", "health_check_interval", "timeout"}) {
    for (const char* bad : {"", "-1", "+1", "abc", "1e3", "inf", "nan", ".", "1.2.3", " 1", "1s", "1000000001",
                            "1000000000.5", "99999999999999999999999", "2147483.648", "2147483.6471", "2147484",
                            "1000000000"}) {
      const std::string url = std::string("redis://h?") + option + "=" + bad;
      INFO(url);
      CHECK_THROWS_AS(parse_url(url), DataError);
      CHECK_THROWS_WITH(parse_url(url), Contains(std::string("URL option '") + option + "' has an invalid value '" +
                                                 bad + "': expected seconds"));
    }
  }
}

TEST_CASE("parse_url: socket_keepalive", "[url]") {
  for (const char* yes : {"true", "TRUE", "True", "1", "yes", "YES"})
    CHECK(parse_url(std::string("redis://h?socket_keepalive=") + yes).connection.socket_keepalive == true);
  for (const char* no : {"false", "FALSE", "0", "no", "No"})
    CHECK(parse_url(std::string("redis://h?socket_keepalive=") + no).connection.socket_keepalive == false);
  CHECK_THROWS_AS(parse_url("redis://h?socket_keepalive=ture"), DataError);
  CHECK_THROWS_WITH(parse_url("redis://h?socket_keepalive=ture"),
                    Contains("URL option 'socket_keepalive' has an invalid value 'ture'"));
  CHECK_THROWS_WITH(parse_url("redis://h?socket_keepalive=2"), Contains("invalid value '2'"));
  CHECK_THROWS_WITH(parse_url("redis://h?socket_keepalive="), Contains("invalid value ''"));
}

TEST_CASE("parse_url: client_name is percent-decoded", "[url]") {
  CHECK(parse_url("redis://h?client_name=orders-worker").connection.client_name == "orders-worker");
  CHECK(parse_url("redis://h?client_name=a%26b%3Dc").connection.client_name == "a&b=c");
  CHECK(parse_url("redis://h?client_name=a+b").connection.client_name == "a+b");
  CHECK(parse_url("redis://h?client_name=").connection.client_name.empty());
}

TEST_CASE("parse_url: client_name is what CLIENT SETNAME takes, refused otherwise", "[url][validate]") {
  for (const char* bad : {"a%20b", "a%0D%0Ab", "caf%C3%A9", "%7F"}) {
    const std::string url = std::string("redis://h?client_name=") + bad;
    INFO(url);
    const std::string message = error_of(url);
    CHECK_THAT(message, Contains("URL option 'client_name' has an invalid value") && Contains("printable ASCII"));
    CHECK(message.find_first_of("\r\n") == std::string::npos);
  }
  CHECK_THAT(error_of("redis://h?client_name=a%0D%0Ab"), Contains("'a\\r\\nb'"));
}

TEST_CASE("parse_url: a host with a control character is refused, and not echoed raw", "[url][validate]") {
  for (const char* host : {"a%0D%0Ab", "a%0Ab", "a%09b", "a%1Bb", "a%7Fb"}) {
    const std::string url = std::string("redis://") + host + ":6379";
    INFO(url);
    const std::string message = error_of(url);
    CHECK_THAT(message, Contains("the host") && Contains("contains a control character"));
    for (char c : message) CHECK_FALSE(redispp::detail::is_control_byte(c));
  }
  CHECK_THAT(error_of("redis://evil%0D%0AFAKE-LOG-LINE:6379"), Contains("'evil\\r\\nFAKE-LOG-LINE'"));
}

TEST_CASE("parse_url: whatever parses passes validate()", "[url][validate]") {
  for (const char* url :
       {"redis://", "redis://h", "redis://[::1]:6380/3", "unix:///run/redis.sock?db=2", "redis://u:p@h:1/2147483647",
        "redis://h:65535?socket_timeout=2147483.647&socket_connect_timeout=0&health_check_interval=2147483.647"
        "&timeout=2147483.647&max_connections=1&protocol=3&parser=hiredis&client_name=~!"}) {
    INFO(url);
    const redispp::UrlOptions u = parse_url(url);
    CHECK_NOTHROW(redispp::validate(u.connection));
    CHECK_NOTHROW(redispp::validate(u.pool));
  }
}

TEST_CASE("parse_url: protocol and parser", "[url]") {
  CHECK(parse_url("redis://h?protocol=2").connection.protocol == 2);
  CHECK(parse_url("redis://h?protocol=3").connection.protocol == 3);
  for (const char* bad : {"1", "4", "0", "03", "three", ""}) {
    const std::string url = std::string("redis://h?protocol=") + bad;
    INFO(url);
    CHECK_THROWS_WITH(parse_url(url), Contains(std::string("URL option 'protocol' has an invalid value '") + bad + "'"));
  }

  CHECK(parse_url("redis://h?parser=automatic").connection.parser == redispp::ParserKind::automatic);
  CHECK(parse_url("redis://h?parser=builtin").connection.parser == redispp::ParserKind::builtin);
  CHECK(parse_url("redis://h?parser=hiredis").connection.parser == redispp::ParserKind::hiredis);
  CHECK(parse_url("redis://h?parser=HiRedis").connection.parser == redispp::ParserKind::hiredis);
  CHECK_THROWS_AS(parse_url("redis://h?parser=fast"), DataError);
  CHECK_THROWS_WITH(parse_url("redis://h?parser=fast"),
                    Contains("URL option 'parser' has an invalid value 'fast': expected automatic, builtin or hiredis"));
}

TEST_CASE("parse_url: pool options", "[url]") {
  auto u = parse_url("redis://h?max_connections=8&timeout=2");
  CHECK(u.pool.max_connections == 8);
  CHECK(u.pool.timeout == 2s);
  CHECK(parse_url("redis://h?timeout=0").pool.timeout == 0ms);
  for (const char* bad : {"0", "-1", "8.5", "eight", "", "99999999999999999999999"}) {
    const std::string url = std::string("redis://h?max_connections=") + bad;
    INFO(url);
    CHECK_THROWS_WITH(parse_url(url),
                      Contains(std::string("URL option 'max_connections' has an invalid value '") + bad + "'"));
  }
}

TEST_CASE("parse_url: db option", "[url]") {
  CHECK(parse_url("redis://h?db=0").connection.db == 0);
  CHECK(parse_url("redis://h?db=%31%32").connection.db == 12);  // values are percent-decoded
  for (const char* bad : {"-1", "x", "", "1.0", "2147483648"}) {
    const std::string url = std::string("redis://h?db=") + bad;
    INFO(url);
    CHECK_THROWS_WITH(parse_url(url), Contains(std::string("URL option 'db' has an invalid value '") + bad + "'"));
  }
}

TEST_CASE("parse_url: every option at once", "[url]") {
  const auto u = parse_url(
      "redis://app:pw@db.internal:6390/1?db=2&socket_timeout=1.5&socket_connect_timeout=3&health_check_interval=10"
      "&socket_keepalive=no&client_name=svc&protocol=3&parser=builtin&max_connections=16&timeout=0.75");
  CHECK(u.connection.host == "db.internal");
  CHECK(u.connection.port == 6390);
  CHECK(u.connection.username == "app");
  CHECK(u.connection.password == "pw");
  CHECK(u.connection.db == 2);
  CHECK(u.connection.socket_timeout == 1500ms);
  CHECK(u.connection.socket_connect_timeout == 3s);
  CHECK(u.connection.health_check_interval == 10s);
  CHECK(u.connection.socket_keepalive == false);
  CHECK(u.connection.client_name == "svc");
  CHECK(u.connection.protocol == 3);
  CHECK(u.connection.parser == redispp::ParserKind::builtin);
  CHECK(u.pool.max_connections == 16);
  CHECK(u.pool.timeout == 750ms);
}

TEST_CASE("parse_url: query syntax", "[url]") {
  // Empty items and a bare '?' are harmless.
  CHECK(parse_url("redis://h?").connection.host == "h");
  CHECK(parse_url("redis://h?&&db=4&").connection.db == 4);
  // Option names are percent-decoded too.
  CHECK(parse_url("redis://h?d%62=6").connection.db == 6);
  // Only the first '=' separates name and value.
  CHECK(parse_url("redis://h?client_name=a=b").connection.client_name == "a=b");
  // A '/' in the query belongs to the query.
  CHECK(parse_url("redis://h?client_name=a/b").connection.client_name == "a/b");

  CHECK_THROWS_AS(parse_url("redis://h?foo=1"), DataError);
  CHECK_THROWS_WITH(parse_url("redis://h?foo=1"), Contains("unknown URL option 'foo'"));
  CHECK_THROWS_WITH(parse_url("redis://h?foo=1"), Contains("expected one of db, socket_timeout"));
  CHECK_THROWS_WITH(parse_url("redis://h?DB=1"), Contains("unknown URL option 'DB'"));  // names are case-sensitive
  CHECK_THROWS_WITH(parse_url("redis://h?password=x"), Contains("unknown URL option 'password'"));
  CHECK_THROWS_WITH(parse_url("redis://h?db"), Contains("URL option 'db' has no value"));
  CHECK_THROWS_WITH(parse_url("redis://h?db=1&db=1"), Contains("URL option 'db' is given twice"));
  CHECK_THROWS_WITH(parse_url("redis://h?timeout=1&socket_timeout=1&timeout=2"),
                    Contains("URL option 'timeout' is given twice"));
}
