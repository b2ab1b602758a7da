// redispp-doctor, the real binary, against the fixture's real redis-servers: a healthy server,
// one at maxclients, one that wants a password, a port nothing listens on. Database 24 of
// "plain"; the "limits" server for what changes server limits (the test holds RESOURCE_LOCK
// limits_server while it does).
#include "support/catch.hpp"

#include <sys/wait.h>  // WEXITSTATUS

#include <chrono>
#include <cstdio>  // popen
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include <redispp/redispp.hpp>

#include "support/test_servers.hpp"

using namespace std::chrono_literals;

namespace {

constexpr int test_db = 24;
const std::vector<std::string> step_names = {"connect",      "set_del_probe", "maxclients",
                                             "client_leaks", "local_sockets", "latency"};

struct Run {
  int status = -1;
  std::string output;  // stdout and stderr together
};

// Runs the doctor with `arguments` (each single-quoted for the shell), REDISCLI_AUTH set to
// `redis_cli_auth` when given and unset otherwise (a caller's own REDISCLI_AUTH must not change
// what the tests see).
Run doctor(const std::vector<std::string>& arguments, const std::optional<std::string>& redis_cli_auth = std::nullopt) {
  std::string command = redis_cli_auth ? "REDISCLI_AUTH='" + *redis_cli_auth + "' " : "env -u REDISCLI_AUTH ";
  command += REDISPP_DOCTOR_PATH;
  for (const std::string& argument : arguments) command += " '" + argument + "'";
  command += " 2>&1";
  Run run;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.output.append(buffer, n);
  const int status = ::pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::string url(const redispp::test::ServerInfo& server, const std::string& credentials = "", int db = 0) {
  return fmt::format("redis://{}127.0.0.1:{}/{}", credentials.empty() ? "" : credentials + "@", server.port, db);
}

// The line of a step in the text output ("[ok]   connect  ..."), or "" when there is none.
std::string step_line(const std::string& output, const std::string& name) {
  const std::regex line("^\\[[a-zA-Z ]+\\] +" + name + " .*$", std::regex::multiline);
  std::smatch match;
  return std::regex_search(output, match, line) ? match.str() : std::string();
}

long long json_number(const std::string& json, const std::string& name) {
  std::smatch match;
  if (!std::regex_search(json, match, std::regex("\"" + name + "\": ([0-9]+)"))) return -1;
  return std::stoll(match[1]);
}

}  // namespace

TEST_CASE("doctor: a healthy server passes every step, exit 0", "[doctor]") {
  const auto server = redispp::test::server("plain");
  const Run run = doctor({url(server, "", test_db)});
  INFO(run.output);
  CHECK(run.status == 0);
  CHECK_THAT(run.output, Catch::StartsWith(
                             fmt::format("redispp-doctor: 127.0.0.1:{}, db {}, no password\n", server.port, test_db)));
  for (const std::string& name : step_names) {
    const std::string line = step_line(run.output, name);
    CHECK_FALSE(line.empty());
    CHECK_THAT(line, !Catch::StartsWith("[FAIL]") && !Catch::StartsWith("[skip]"));
  }
  CHECK_THAT(step_line(run.output, "connect"), Catch::StartsWith("[ok]") && Catch::Contains("PING answered PONG"));
  CHECK_THAT(step_line(run.output, "set_del_probe"),
             Catch::Contains("redispp-doctor:probe:") && Catch::Contains("DEL removed 1"));
  CHECK_THAT(step_line(run.output, "maxclients"), Catch::Contains("of maxclients"));
  CHECK_THAT(step_line(run.output, "local_sockets"), Catch::Contains(fmt::format("to port {}:", server.port)));
  CHECK_THAT(step_line(run.output, "latency"), Catch::Contains("PING x100"));
  CHECK_THAT(run.output, Catch::Contains("-> exit 0"));

  // Nothing left behind: the probe deleted its key.
  redispp::Redis r{server.options(test_db)};
  CHECK(r.execute_command("KEYS", "redispp-doctor:*").elements().empty());
}

TEST_CASE("doctor --json: the same steps as one JSON object", "[doctor][json]") {
  const auto server = redispp::test::server("plain");
  const Run run = doctor({"--json", "--pings", "5", url(server, "", test_db)});
  CHECK(run.status == 0);
  CHECK_THAT(run.output, Catch::StartsWith("{\"target\": ") && Catch::EndsWith("]}\n"));
  CHECK_THAT(run.output, Catch::Contains("\"exit_status\": 0"));
  for (const std::string& name : step_names) CHECK_THAT(run.output, Catch::Contains("{\"name\": \"" + name + "\""));
  CHECK(json_number(run.output, "pings") == 5);
  CHECK(json_number(run.output, "connected_clients") >= 1);
  CHECK(json_number(run.output, "established") >= 1);  // the doctor's own connection at least
  CHECK(json_number(run.output, "fd_soft_limit") > 0);
}

TEST_CASE("doctor: a server at maxclients is named as such, exit 1", "[doctor][maxclients]") {
  const auto server = redispp::test::server("limits");
  // The test's own connection (a pool of one keeps it) fills the server up to its new limit, so
  // the doctor's connection is the one refused.
  redispp::Redis admin{server.options(), redispp::PoolOptions{.max_connections = 1}};
  const auto previous = admin.config_get("maxclients").at("maxclients");
  const long long open = admin.info("clients").integer("connected_clients");
  REQUIRE(admin.config_set("maxclients", open));
  Run run;
  try {
    run = doctor({url(server)});
  } catch (...) {
    admin.config_set("maxclients", previous);
    throw;
  }
  REQUIRE(admin.config_set("maxclients", previous));
  INFO(run.output);
  CHECK(run.status == 1);
  CHECK_THAT(step_line(run.output, "connect"), Catch::StartsWith("[FAIL]") && Catch::Contains("maxclients"));
  CHECK_THAT(step_line(run.output, "maxclients"), Catch::StartsWith("[FAIL]") && Catch::Contains("reached maxclients"));
  CHECK_THAT(step_line(run.output, "set_del_probe"), Catch::StartsWith("[skip]"));
  CHECK_THAT(run.output, Catch::Contains("next: find who holds the connections"));
  // Restored: the doctor gets in again.
  CHECK(doctor({"--pings", "1", url(server)}).status == 0);
}

TEST_CASE("doctor: long-idle connections from one address are a leak suspect", "[doctor][leaks]") {
  const auto server = redispp::test::server("limits");  // few other clients: under RESOURCE_LOCK
  // Three connections through the Unix socket: CLIENT LIST shows them under the socket's path,
  // an address of their own.
  redispp::ConnectionOptions options = server.options();
  options.unix_socket_path = server.unix_socket;
  redispp::Redis idle{options, redispp::PoolOptions{.max_connections = 3}};
  {
    std::vector<redispp::Lease> leases;
    for (int i = 0; i < 3; ++i) leases.push_back(idle.connection_pool()->acquire());
  }
  std::this_thread::sleep_for(1500ms);  // CLIENT LIST counts idle in whole seconds
  const Run run = doctor({"--leak-idle", "0", "--leak-connections", "3", "--pings=1", url(server)});
  CHECK(run.status == 0);  // a suspicion is a warning, not a failure
  CHECK_THAT(step_line(run.output, "client_leaks"), Catch::StartsWith("[warn]") && Catch::Contains("leak suspect") &&
                                                        Catch::Contains(server.unix_socket + " x3"));
  CHECK_THAT(run.output, Catch::Contains("given back"));
}

TEST_CASE("doctor: the password server without its password says so, exit 1", "[doctor][auth]") {
  const auto server = redispp::test::server("auth");
  const Run missing = doctor({url(server)});
  CHECK(missing.status == 1);
  CHECK_THAT(step_line(missing.output, "connect"),
             Catch::StartsWith("[FAIL]") && Catch::Contains("requires a password and none was given"));
  CHECK_THAT(missing.output, Catch::Contains("next: configuration error in the password"));
  for (const std::string name : {"set_del_probe", "maxclients", "client_leaks", "latency"})
    CHECK_THAT(step_line(missing.output, name), Catch::StartsWith("[skip]"));
  CHECK_THAT(step_line(missing.output, "local_sockets"), Catch::Contains(fmt::format("to port {}:", server.port)));

  const Run wrong = doctor({url(server, ":not-the-secret-42")});
  CHECK(wrong.status == 1);
  CHECK_THAT(step_line(wrong.output, "connect"),
             Catch::StartsWith("[FAIL]") && Catch::Contains("authentication failed"));
  CHECK_THAT(wrong.output, Catch::Contains("rejected this user name/password"));
  CHECK_THAT(wrong.output, !Catch::Contains("not-the-secret-42"));

  const Run right = doctor({"--json", "--pings=2", url(server, ":" + server.password)});
  CHECK(right.status == 0);
  CHECK_THAT(right.output, !Catch::Contains(server.password));
  const Run app = doctor({"--pings=2", url(server, "app:" + server.app_password)});
  CHECK(app.status == 0);
  CHECK_THAT(app.output, Catch::Contains("user 'app', with a password") && !Catch::Contains(server.app_password));
}

TEST_CASE("doctor: a closed port says nothing listens, exit 1", "[doctor][refused]") {
  const int port = redispp::test::closed_port();
  const Run run = doctor({fmt::format("redis://127.0.0.1:{}", port)});
  CHECK(run.status == 1);
  CHECK_THAT(step_line(run.output, "connect"), Catch::StartsWith("[FAIL]") && Catch::Contains("refused"));
  CHECK_THAT(run.output, Catch::Contains("next: nothing listens on that host and port"));
  for (const std::string& name : step_names) CHECK_FALSE(step_line(run.output, name).empty());
}

TEST_CASE("doctor: a host that does not resolve is a configuration error", "[doctor][config]") {
  const Run host = doctor({"redis://no-such-host.invalid:6379"});
  CHECK(host.status == 1);
  CHECK_THAT(step_line(host.output, "connect"), Catch::Contains("cannot resolve host 'no-such-host.invalid'"));
  CHECK_THAT(host.output, Catch::Contains("configuration error in the host"));
}

#ifdef REDISPP_WITH_TLS
TEST_CASE("doctor: TLS, and each TLS failure with its own verdict and next step", "[doctor][tls]") {
  const auto server = redispp::test::server("tls");
  const std::string ca = server.tls_file("ca.crt");
  const Run ok = doctor({fmt::format("rediss://127.0.0.1:{}?ssl_ca_certs={}", server.port, ca)});
  CHECK_THAT(step_line(ok.output, "connect"), Catch::StartsWith("[ok]") && Catch::Contains("PING answered PONG"));
  CHECK_THAT(ok.output, Catch::Contains("TLS trusting " + ca));

  // Not the CA that signed the server's certificate; the password never shows.
  const Run untrusted = doctor(
      {fmt::format("rediss://:hunter2hunter2@127.0.0.1:{}?ssl_ca_certs={}", server.port, server.tls_file("other-ca.crt"))});
  CHECK(untrusted.status == 1);
  CHECK_THAT(step_line(untrusted.output, "connect"), Catch::StartsWith("[FAIL]") && Catch::Contains("not trusted"));
  CHECK_THAT(untrusted.output, Catch::Contains("next: the server's certificate is signed by a CA this client does not trust"));
  CHECK_THAT(untrusted.output, !Catch::Contains("hunter2hunter2"));

  const Run plain_client = doctor({fmt::format("redis://127.0.0.1:{}?socket_timeout=2", server.port)});
  CHECK(plain_client.status == 1);
  CHECK_THAT(plain_client.output, Catch::Contains("next: this port expects TLS: use rediss://"));

  const auto plain = redispp::test::server("plain");
  const Run tls_client =
      doctor({fmt::format("rediss://127.0.0.1:{}?ssl_ca_certs={}&socket_connect_timeout=1", plain.port, ca)});
  CHECK(tls_client.status == 1);
  CHECK_THAT(tls_client.output, Catch::Contains("next: this port speaks plain RESP, not TLS"));

  const Run missing_file = doctor({fmt::format("rediss://127.0.0.1:{}?ssl_ca_certs=/no/such/ca.crt", server.port)});
  CHECK(missing_file.status == 1);
  CHECK_THAT(missing_file.output, Catch::Contains("/no/such/ca.crt") && Catch::Contains("next: configuration error in the TLS files"));
}
#endif

TEST_CASE("doctor: usage errors exit 2, --help exits 0", "[doctor][usage]") {
  const Run none = doctor({});
  CHECK(none.status == 2);
  CHECK_THAT(none.output, Catch::Contains("no URL given") && Catch::Contains("usage: redispp-doctor"));
  CHECK(doctor({"--bogus", "redis://127.0.0.1"}).status == 2);
  CHECK(doctor({"--pings", "many", "redis://127.0.0.1"}).status == 2);
  CHECK(doctor({"--pings"}).status == 2);
  const Run two = doctor({"redis://:pw-one-111@127.0.0.1", "redis://:pw-two-222@127.0.0.1"});
  CHECK(two.status == 2);
  CHECK_THAT(two.output, !Catch::Contains("pw-one-111") && !Catch::Contains("pw-two-222"));
  const Run help = doctor({"--help"});
  CHECK(help.status == 0);
  CHECK_THAT(help.output, Catch::Contains("usage: redispp-doctor") && Catch::Contains("--json"));
}

TEST_CASE("doctor: the password can come from REDISCLI_AUTH; the URL's wins", "[doctor][auth][env]") {
  const auto server = redispp::test::server("auth");
  const Run from_env = doctor({"--pings=2", url(server)}, server.password);
  INFO(from_env.output);
  CHECK(from_env.status == 0);
  CHECK_THAT(from_env.output, Catch::Contains("with a password (from REDISCLI_AUTH)"));
  CHECK_THAT(from_env.output, !Catch::Contains(server.password));
  // An ACL user from the URL, its password from the environment.
  const Run app = doctor({"--pings=2", url(server, "app")}, server.app_password);
  CHECK(app.status == 0);
  CHECK_THAT(app.output, Catch::Contains("user 'app', with a password (from REDISCLI_AUTH)") &&
                             !Catch::Contains(server.app_password));

  // As redis-cli: a password in the URL (its -a) wins over the variable.
  const Run url_wins = doctor({"--pings=2", url(server, ":" + server.password)}, "not-the-secret-77");
  CHECK(url_wins.status == 0);
  CHECK_THAT(url_wins.output, !Catch::Contains("REDISCLI_AUTH") && !Catch::Contains("not-the-secret-77"));
  const Run wrong_url = doctor({"--pings=2", url(server, ":not-the-secret-42")}, server.password);
  CHECK(wrong_url.status == 1);
  CHECK_THAT(step_line(wrong_url.output, "connect"), Catch::Contains("authentication failed"));

  // An empty variable is no password, and the advice names the variable.
  const Run empty = doctor({url(server)}, "");
  CHECK(empty.status == 1);
  CHECK_THAT(empty.output, Catch::Contains("requires a password and none was given") && Catch::Contains("REDISCLI_AUTH"));
}

TEST_CASE("doctor --version prints the library version, --help names REDISCLI_AUTH", "[doctor][usage]") {
  const Run version = doctor({"--version"});
  CHECK(version.status == 0);
  CHECK(version.output == std::string("redispp-doctor ") + REDISPP_VERSION_STRING + "\n");
  const Run help = doctor({"--help"});
  CHECK(help.status == 0);
  CHECK_THAT(help.output, Catch::Contains("REDISCLI_AUTH") && Catch::Contains("--version"));
}

TEST_CASE("doctor: --timeout must be a finite number of seconds from 0 to 2147483.647", "[doctor][usage]") {
  for (const std::string bad : {"inf", "infinity", "-inf", "nan", "NAN", "-1", "-0.5", "1e300", "2147484", "abc"}) {
    INFO(bad);
    const Run run = doctor({"--timeout", bad, "redis://127.0.0.1"});
    CHECK(run.status == 2);
    CHECK_THAT(run.output, Catch::Contains("--timeout wants") && Catch::Contains("'" + bad + "'"));
  }
  CHECK(doctor({"--slow-ms", "nan", "redis://127.0.0.1"}).status == 2);
  // The limits themselves are accepted (exit 1: the port is closed; 2 would be a usage error).
  for (const std::string good : {"0", "0.0001", "2147483.647"}) {
    INFO(good);
    const Run run = doctor({"--timeout", good, fmt::format("redis://127.0.0.1:{}", redispp::test::closed_port())});
    CHECK(run.status == 1);
    CHECK_THAT(step_line(run.output, "connect"), Catch::Contains("refused"));
  }
}

TEST_CASE("doctor: a user name with CR/LF is shown escaped, never as a line of its own", "[doctor][config]") {
  const int port = redispp::test::closed_port();
  const Run run = doctor({fmt::format("redis://evil%0D%0A[ok]%20%20%20connect%20forged@127.0.0.1:{}", port)});
  CHECK(run.status == 1);
  CHECK_THAT(run.output, Catch::Contains("user 'evil\\r\\n[ok]   connect forged'"));
  CHECK(run.output.find('\r') == std::string::npos);
  CHECK_THAT(step_line(run.output, "connect"), Catch::StartsWith("[FAIL]"));
}
