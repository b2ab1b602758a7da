// execute_command learns its command's facts from the server's COMMAND INFO, once per name, and
// uses them: a read-only command given as text is retried after a failure mid-request as a typed
// read is; a write is not. Real server: database 29 of "plain"; a FakeServer for the failure.
#include "support/catch.hpp"

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/fake_server.hpp"
#include "support/test_servers.hpp"

using namespace std::chrono_literals;
using redispp::test::FakeServer;

namespace {
constexpr int test_db = 29;
}

TEST_CASE("execute_command: facts from COMMAND INFO, asked once per name", "[command_table]") {
  redispp::Redis r{redispp::test::server("plain").options(test_db)};
  r.execute_command("SET", "ct:k", "v");
  CHECK(r.execute_command("GET", "ct:k").str() == "v");
  CHECK(r.execute_command("get", "ct:k").str() == "v");

  const auto get = r.command_table().find("GET");
  REQUIRE(get);
  CHECK(redispp::has(get->flags, redispp::CommandFlags::read_only));
  CHECK(get->keys == redispp::KeyPositions::at(1));
  const auto set = r.command_table().find("set");
  REQUIRE(set);
  CHECK_FALSE(redispp::has(set->flags, redispp::CommandFlags::read_only));

  // A container command: described per subcommand (OBJECT ENCODING key: read-only, key 2).
  CHECK(r.execute_command("OBJECT", "ENCODING", "ct:k").str() == "embstr");
  const auto encoding = r.command_table().find("OBJECT", "ENCODING");
  REQUIRE(encoding);
  CHECK(redispp::has(encoding->flags, redispp::CommandFlags::read_only));
  CHECK(encoding->keys == redispp::KeyPositions::at(2));

  // EVAL finds its keys by numkeys: unknown, as for a command the server does not describe.
  r.execute_command("EVAL", "return 1", 0);
  REQUIRE(r.command_table().find("EVAL"));
  CHECK_FALSE(r.command_table().find("EVAL")->keys.known());
  CHECK_THROWS_AS(r.execute_command("NO-SUCH-COMMAND"), redispp::ResponseError);
  CHECK(r.command_table().asked("NO-SUCH-COMMAND"));
  CHECK_FALSE(r.command_table().find("NO-SUCH-COMMAND"));

  // Once per name: the server counts one COMMAND INFO call however often GET runs.
  redispp::Redis fresh{redispp::test::server("plain").options(test_db)};
  const auto calls = [&] {
    const std::string stats(fresh.execute_command("INFO", "commandstats").str());
    const auto at = stats.find("cmdstat_command|info:calls=");
    return at == std::string::npos ? 0LL : std::stoll(stats.substr(at + 27));
  };
  const long long before = calls();  // INFO itself was asked about: counted here
  for (int i = 0; i < 5; ++i) fresh.execute_command("STRLEN", "ct:k");
  CHECK(calls() - before == 1);
}

TEST_CASE("execute_command: a read-only command is retried after a lost reply, a write is not", "[command_table][retry]") {
  // A fake server that describes GET as read-only and INCR as a write, then drops the
  // connection on every other command without answering it.
  std::atomic<int> gets{0};
  std::atomic<int> incrs{0};
  FakeServer server([&](FakeServer::Session& s) {
    if (!s.handshake()) return;
    for (;;) {
      const std::vector<std::string> command = s.read_command();
      if (command.size() == 3 && command[0] == "COMMAND") {
        s.write(command[2] == "GET" ? "*1\r\n*6\r\n$3\r\nget\r\n:2\r\n*1\r\n+readonly\r\n:1\r\n:1\r\n:1\r\n"
                                    : "*1\r\n*6\r\n$4\r\nincr\r\n:2\r\n*1\r\n+write\r\n:1\r\n:1\r\n:1\r\n");
        continue;
      }
      if (!command.empty()) ++(command[0] == "GET" ? gets : incrs);
      return;
    }
  });
  redispp::ConnectionOptions options;
  options.port = server.port();
  options.socket_timeout = 2s;
  options.retry = redispp::Retry{redispp::Backoff::none(), 2};
  redispp::Redis r{options};
  CHECK_THROWS_WITH(r.execute_command("GET", "k"), Catch::Contains("gave up after 3 attempts"));
  CHECK(gets == 3);
  CHECK_THROWS_WITH(r.execute_command("INCR", "k"), Catch::Contains("INCR not retried"));
  CHECK(incrs == 1);
}
