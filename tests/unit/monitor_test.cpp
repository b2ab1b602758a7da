// parse_monitor_line without a socket: the fields, every escape MONITOR writes, and lines of
// the wrong shape.
#include "support/catch.hpp"

#include <clocale>      // std::setlocale, std::localeconv
#include <cstdlib>      // std::strtod
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <redispp/errors.hpp>
#include <redispp/monitor.hpp>

using Catch::Contains;
using redispp::parse_monitor_line;

namespace {
// The message of the ProtocolError that `input` raises ("no ProtocolError" when none).
std::string protocol_error(std::string_view input) {
  try {
    parse_monitor_line(input);
  } catch (const redispp::ProtocolError& e) {
    return e.what();
  }
  return "no ProtocolError";
}
}  // namespace

TEST_CASE("a MONITOR line's fields", "[monitor]") {
  const redispp::MonitorCommand c = parse_monitor_line(R"(1700000000.123456 [3 127.0.0.1:50412] "SET" "k" "v")");
  CHECK(c.time == Approx(1700000000.123456).epsilon(1e-15));
  CHECK(c.db == 3);
  CHECK(c.client_address == "127.0.0.1:50412");
  CHECK(c.client_type == "tcp");
  CHECK(c.command == "SET k v");
  CHECK(c.args == std::vector<std::string>{"SET", "k", "v"});

  const redispp::MonitorCommand lua = parse_monitor_line(R"(1.5 [0 lua] "get" "x")");
  CHECK(lua.client_type == "lua");
  CHECK(lua.client_address == "lua");
  CHECK(lua.time == 1.5);
  const redispp::MonitorCommand unix_client = parse_monitor_line(R"(1.5 [12 unix:/tmp/r.sock] "PING")");
  CHECK(unix_client.client_type == "unix");
  CHECK(unix_client.client_address == "unix:/tmp/r.sock");
  CHECK(unix_client.db == 12);
  CHECK(unix_client.args == std::vector<std::string>{"PING"});
  const redispp::MonitorCommand ipv6 = parse_monitor_line(R"(1.5 [0 [::1]:6000] "PING")");
  CHECK(ipv6.client_address == "[::1]:6000");
}

TEST_CASE("MONITOR's escapes are decoded", "[monitor]") {
  const redispp::MonitorCommand c =
      parse_monitor_line(R"(1.0 [0 127.0.0.1:1] "SET" "a\"b\\c" "\x00\xff\r\n\t\a\b" "with space" "")");
  REQUIRE(c.args.size() == 5);
  CHECK(c.args[1] == "a\"b\\c");
  CHECK(c.args[2] == std::string("\0\xff\r\n\t\a\b", 7));
  CHECK(c.args[3] == "with space");
  CHECK(c.args[4].empty());
  CHECK(c.command == "SET a\"b\\c " + c.args[2] + " with space ");
}

TEST_CASE("lines that are not MONITOR lines are ProtocolErrors", "[monitor]") {
  CHECK_THAT(protocol_error("OK"), Contains("no time stamp"));
  CHECK_THAT(protocol_error(R"(abc [0 x] "GET")"), Contains("not a number"));
  CHECK_THAT(protocol_error(R"(1.0 0 x] "GET")"), Contains("[db client]"));
  CHECK_THAT(protocol_error(R"(1.0 [x y] "GET")"), Contains("database"));
  CHECK_THAT(protocol_error(R"(1.0 [0 y] "GET" x)"), Contains("not quoted"));
  CHECK_THAT(protocol_error(R"(1.0 [0 y] "GET)"), Contains("closing quote"));
  CHECK_THAT(protocol_error(R"(1.0 [0 y] "G\x4")"), Contains("hex"));
  CHECK_THAT(protocol_error(R"(1.0 [0 y] "G\q")"), Contains("unknown escape"));
  CHECK_THAT(protocol_error(R"(1.0 [0 y])"), Contains("no command"));
}

TEST_CASE("a MONITOR line's time and database are numbers in range", "[monitor]") {
  CHECK_THAT(protocol_error(R"(nan [0 y] "GET")"), Contains("time stamp"));
  CHECK_THAT(protocol_error(R"(inf [0 y] "GET")"), Contains("time stamp"));
  CHECK_THAT(protocol_error(R"(-1.5 [0 y] "GET")"), Contains("time stamp"));
  CHECK_THAT(protocol_error(R"(1e400 [0 y] "GET")"), Contains("time stamp"));
  CHECK_THAT(protocol_error("1" + std::string(400, '0') + R"(.5 [0 y] "GET")"), Contains("time stamp"));
  CHECK_THAT(protocol_error(R"(1,5 [0 y] "GET")"), Contains("time stamp"));
  // Too big for an int: once read as database 0.
  CHECK_THAT(protocol_error(R"(1.5 [99999999999 y] "GET")"), Contains("database number out of range"));
  CHECK_THAT(protocol_error(R"(1.5 [-1 y] "GET")"), Contains("database"));
  CHECK(parse_monitor_line(R"(1.5 [2147483647 y] "GET")").db == 2147483647);
}

namespace {
// Sets LC_ALL to a locale whose decimal point is a comma, for as long as it lives; empty() when
// the machine has none (tests/unit/CMakeLists.txt compiles de_DE.UTF-8 for this test where it
// can). Restores the previous locale.
class CommaLocale {
 public:
  CommaLocale() : previous_(std::setlocale(LC_ALL, nullptr)) {
    for (const char* candidate : {"de_DE.UTF-8", "de_DE.utf8", "de_DE", "fr_FR.UTF-8", "fr_FR.utf8", "fr_FR",
                                  "nl_NL.UTF-8", "es_ES.UTF-8", "it_IT.UTF-8", "ru_RU.UTF-8", "pt_BR.UTF-8"}) {
      if (std::setlocale(LC_ALL, candidate) == nullptr) continue;
      if (std::string_view(std::localeconv()->decimal_point) == ",") {
        name_ = candidate;
        return;
      }
    }
    std::setlocale(LC_ALL, previous_.c_str());
  }
  ~CommaLocale() { std::setlocale(LC_ALL, previous_.c_str()); }
  CommaLocale(const CommaLocale&) = delete;
  CommaLocale& operator=(const CommaLocale&) = delete;
  bool empty() const noexcept { return name_.empty(); }
  const std::string& name() const noexcept { return name_; }

 private:
  std::string previous_;
  std::string name_;
};
}  // namespace

TEST_CASE("MONITOR lines parse the same under a locale with a decimal comma", "[monitor][locale]") {
  const CommaLocale locale;
  if (locale.empty()) {
    WARN("SKIPPED: no locale with a decimal comma (de_DE.UTF-8, fr_FR.UTF-8 ...) on this machine; "
         "set LOCPATH to a directory made with `localedef -i de_DE -f UTF-8 DIR/de_DE.utf8`");
    return;
  }
  INFO("locale " << locale.name());
  REQUIRE(std::strtod("1.5", nullptr) == 1.0);  // the locale is in force: C's strtod stops at the '.'
  const redispp::MonitorCommand c = parse_monitor_line(R"(1700000000.123456 [3 127.0.0.1:50412] "SET" "k" "v")");
  CHECK(c.time == Approx(1700000000.123456).epsilon(1e-15));
  CHECK(c.db == 3);
  CHECK(c.args == std::vector<std::string>{"SET", "k", "v"});
  // The comma is no more a decimal point for MONITOR than in the C locale.
  CHECK_THAT(protocol_error(R"(1,5 [0 y] "GET")"), Contains("time stamp"));
}
