// redispp-doctor's pure parts: the /proc parsers, the CLIENT LIST grouping, the judgments and the
// JSON escaping, fed with sample text and made-up facts (no server, no sockets).
#include "support/catch.hpp"

#include <limits>  // std::numeric_limits

#include <redispp/errors.hpp>

#include "checks.hpp"
#include "proc.hpp"
#include "report.hpp"

using namespace std::chrono_literals;
using namespace redispp::doctor;

namespace {

// Port 6379 is 0x18EB. Lines as the kernel writes them (trailing columns trimmed).
const std::string proc_net_tcp =
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
    "   0: 0100007F:18EB 00000000:0000 0A 00000000:00000000 00:00000000 00000000   100        0 1001 1\n"  // the
                                                                                                           // server's
                                                                                                           // listen
                                                                                                           // socket
    "   1: 0100007F:C350 0100007F:18EB 01 00000000:00000000 00:00000000 00000000  1000        0 1002 1\n"  // client ->
                                                                                                           // 6379
                                                                                                           // ESTABLISHED
    "   2: 0100007F:C351 0100007F:18EB 01 00000000:00000000 00:00000000 00000000  1000        0 1003 1\n"
    "   3: 0100007F:C352 0A000005:18EB 06 00000000:00000000 03:00000F9A 00000000     0        0 0 3\n"     // TIME_WAIT
    "   4: 0100007F:18EB 0100007F:C350 01 00000000:00000000 00:00000000 00000000   100        0 1004 1\n"  // the
                                                                                                           // server's
                                                                                                           // side:
                                                                                                           // local port
                                                                                                           // 6379
    "   5: 0100007F:C353 0100007F:18EC 01 00000000:00000000 00:00000000 00000000  1000        0 1005 1\n"  // another
                                                                                                           // port
    "   6: 0100007F:C354 0100007F:18EB 08 00000000:00000000 00:00000000 00000000  1000        0 1006 1\n";  // CLOSE_WAIT

const std::string proc_net_tcp6 =
    "  sl  local_address                         remote_address                        st tx_queue rx_queue tr\n"
    "   0: 00000000000000000000000001000000:D431 00000000000000000000000001000000:18EB 01 00000000:00000000 "
    "00:00000000\n"
    "   1: 00000000000000000000000001000000:D432 00000000000000000000000001000000:18EB 06 00000000:00000000 "
    "03:00000F9A\n"
    "   2: 00000000000000000000000001000000:D433 00000000000000000000000001000000:18EB 06 00000000:00000000 "
    "03:00000F9A\n";

redispp::ClientInfo client(std::string addr, long long age, long long idle) {
  redispp::ClientInfo info;
  info.addr = std::move(addr);
  info.age = std::chrono::seconds(age);
  info.idle = std::chrono::seconds(idle);
  return info;
}

const Number* number(const Step& step, std::string_view name) {
  for (const Number& n : step.numbers)
    if (n.name == name) return &n;
  return nullptr;
}

}  // namespace

TEST_CASE("count_tcp_sockets counts ESTABLISHED and TIME_WAIT by remote port", "[doctor][proc]") {
  const TcpCounts v4 = count_tcp_sockets(proc_net_tcp, 6379);
  CHECK(v4.established == 2);  // not the listen socket, not the server's own side, not CLOSE_WAIT
  CHECK(v4.time_wait == 1);
  const TcpCounts v6 = count_tcp_sockets(proc_net_tcp6, 6379);
  CHECK(v6.established == 1);
  CHECK(v6.time_wait == 2);
  TcpCounts both = v4;
  both += v6;
  CHECK(both.established == 3);
  CHECK(both.time_wait == 3);
  CHECK(count_tcp_sockets(proc_net_tcp, 6380).established == 1);
  CHECK(count_tcp_sockets(proc_net_tcp, 1).established == 0);
}

TEST_CASE("count_tcp_sockets skips headers, blank and malformed lines", "[doctor][proc]") {
  CHECK(count_tcp_sockets("", 6379).established == 0);
  CHECK(count_tcp_sockets("  sl  local_address rem_address   st\n\n\n", 6379).established == 0);
  const std::string junk =
      "   0: 0100007F:C350 0100007F:ZZZZ 01\n"    // port not hex
      "   1: 0100007F:C350 0100007F18EB 01\n"     // no colon
      "   2: 0100007F:C350 0100007F:18EB\n"       // no state
      "garbage 0100007F:C350 0100007F:18EB 01\n"  // no slot
      "   3: 0100007F:C350 0100007F:18EB 01";     // the last line has no newline: still counted
  CHECK(count_tcp_sockets(junk, 6379).established == 1);
}

TEST_CASE("parse_proc_number reads one-number files", "[doctor][proc]") {
  CHECK(parse_proc_number("262144\n") == 262144);
  CHECK(parse_proc_number("0") == 0);
  CHECK_FALSE(parse_proc_number(""));
  CHECK_FALSE(parse_proc_number("\n"));
  CHECK_FALSE(parse_proc_number("12 34\n"));
  CHECK_FALSE(parse_proc_number("lots"));
}

TEST_CASE("read_text_file and count_open_fds read this process' /proc", "[doctor][proc]") {
  CHECK_FALSE(read_text_file("/no/such/file"));
  const auto fds = count_open_fds();
  REQUIRE(fds);
  CHECK(*fds >= 3);  // stdin, stdout, stderr
}

TEST_CASE("client_address drops the port", "[doctor][clients]") {
  CHECK(client_address("10.0.0.5:53122") == "10.0.0.5");
  CHECK(client_address("[::1]:50001") == "::1");
  CHECK(client_address("::1:50001") == "::1");
  CHECK(client_address("/tmp/redis.sock:0") == "/tmp/redis.sock");
  CHECK(client_address("noport") == "noport");
}

TEST_CASE("group_clients groups by address, likeliest leak first", "[doctor][clients]") {
  std::vector<redispp::ClientInfo> clients;
  for (int i = 0; i < 12; ++i) clients.push_back(client("10.0.0.5:" + std::to_string(40000 + i), 5000 + i, 400 + i));
  clients.push_back(client("10.0.0.5:41000", 10, 0));
  for (int i = 0; i < 20; ++i) clients.push_back(client("10.0.0.7:" + std::to_string(40000 + i), 50, 1));
  clients.push_back(client("[::1]:50001", 2, 300));  // exactly the threshold: not "longer than"

  const auto groups = group_clients(clients, 300s);
  REQUIRE(groups.size() == 3);
  CHECK(groups[0].address == "10.0.0.5");
  CHECK(groups[0].connections == 13);
  CHECK(groups[0].long_idle == 12);
  CHECK(groups[0].max_age == 5011s);
  CHECK(groups[0].max_idle == 411s);
  CHECK(groups[1].address == "10.0.0.7");  // more connections, but none idle
  CHECK(groups[1].connections == 20);
  CHECK(groups[1].long_idle == 0);
  CHECK(groups[2].address == "::1");
  CHECK(groups[2].long_idle == 0);
  CHECK(group_clients({}, 300s).empty());
}

TEST_CASE("judge_client_groups flags an address with many long-idle connections", "[doctor][clients]") {
  Thresholds thresholds;
  std::vector<redispp::ClientInfo> clients;
  for (int i = 0; i < 10; ++i) clients.push_back(client("10.0.0.5:" + std::to_string(40000 + i), 130222, 130222));
  clients.push_back(client("127.0.0.1:50000", 0, 0));

  const Step leak = judge_client_groups(group_clients(clients, thresholds.leak_idle), thresholds);
  CHECK(leak.verdict == Verdict::warn);
  CHECK_THAT(leak.finding, Catch::StartsWith("leak suspect: 10.0.0.5;") &&
                               Catch::Contains("11 clients from 2 addresses") &&
                               Catch::Contains("10.0.0.5 x10 (10 idle > 300 s, max age 130222 s, max idle 130222 s)"));
  CHECK_THAT(leak.advice, Catch::Contains("10.0.0.5") && Catch::Contains("given back"));
  CHECK(number(leak, "leak_suspects")->value == 1);

  // One fewer, or a higher threshold: not a suspect.
  clients.erase(clients.begin());
  CHECK(judge_client_groups(group_clients(clients, thresholds.leak_idle), thresholds).verdict == Verdict::ok);
  thresholds.leak_connections = 9;
  CHECK(judge_client_groups(group_clients(clients, thresholds.leak_idle), thresholds).verdict == Verdict::warn);
  thresholds.leak_idle = 200000s;
  CHECK(judge_client_groups(group_clients(clients, thresholds.leak_idle), thresholds).verdict == Verdict::ok);

  // The finding names at most top_groups groups.
  Thresholds top;
  top.top_groups = 1;
  const Step one = judge_client_groups(group_clients(clients, top.leak_idle), top);
  CHECK_THAT(one.finding, Catch::Contains("10.0.0.5 x9") && !Catch::Contains("127.0.0.1 x1"));
}

TEST_CASE("judge_client_limits: near, at and under maxclients, rejections, no CONFIG", "[doctor][maxclients]") {
  const Thresholds thresholds;
  const Step healthy =
      judge_client_limits({.connected_clients = 5, .rejected_connections = 0, .maxclients = 10000}, thresholds);
  CHECK(healthy.verdict == Verdict::ok);
  CHECK(healthy.advice.empty());
  CHECK_THAT(healthy.finding, Catch::Contains("connected_clients 5 of maxclients 10000"));

  const Step near =
      judge_client_limits({.connected_clients = 90, .rejected_connections = 0, .maxclients = 100}, thresholds);
  CHECK(near.verdict == Verdict::warn);
  CHECK_THAT(near.finding, Catch::Contains("90%") && Catch::Contains("near the limit"));
  CHECK_THAT(near.advice, Catch::Contains("maxclients"));
  CHECK(judge_client_limits({.connected_clients = 89, .rejected_connections = 0, .maxclients = 100}, thresholds)
            .verdict == Verdict::ok);

  const Step full =
      judge_client_limits({.connected_clients = 100, .rejected_connections = 3, .maxclients = 100}, thresholds);
  CHECK(full.verdict == Verdict::fail);
  CHECK_THAT(full.finding, Catch::Contains("refuses every new client") && Catch::Contains("rejected_connections 3"));

  const Step rejected =
      judge_client_limits({.connected_clients = 5, .rejected_connections = 7, .maxclients = 10000}, thresholds);
  CHECK(rejected.verdict == Verdict::warn);
  CHECK_THAT(rejected.finding, Catch::Contains("refused clients at maxclients"));

  ClientLimits no_config{.connected_clients = 5,
                         .rejected_connections = 0,
                         .maxclients = std::nullopt,
                         .config_error = "ERR unknown command 'CONFIG'"};
  const Step unknown = judge_client_limits(no_config, thresholds);
  CHECK(unknown.verdict == Verdict::warn);
  CHECK_THAT(unknown.finding, Catch::Contains("maxclients unknown") && Catch::Contains("unknown command 'CONFIG'"));
  CHECK(number(unknown, "maxclients") == nullptr);
}

TEST_CASE("judge_local_facts: sockets, conntrack, open files", "[doctor][local]") {
  const Thresholds thresholds;
  LocalFacts facts;
  facts.port = 6379;
  facts.sockets = TcpCounts{3, 2};
  facts.open_fds = 7;
  facts.fd_soft_limit = 20000;
  facts.fd_hard_limit = 20000;
  Step step = judge_local_facts(facts, thresholds);
  CHECK(step.verdict == Verdict::ok);
  CHECK(step.finding ==
        "to port 6379: 3 ESTABLISHED, 2 TIME_WAIT; nf_conntrack not loaded; open files 7 of 20000 (hard 20000)");
  CHECK(number(step, "conntrack_max") == nullptr);

  facts.conntrack_count = 1000;
  facts.conntrack_max = 262144;
  CHECK(judge_local_facts(facts, thresholds).verdict == Verdict::ok);
  facts.conntrack_count = 240000;
  step = judge_local_facts(facts, thresholds);
  CHECK(step.verdict == Verdict::warn);
  CHECK_THAT(step.advice, Catch::Contains("nf_conntrack_max"));
  facts.conntrack_count = 262144;
  step = judge_local_facts(facts, thresholds);
  CHECK(step.verdict == Verdict::fail);
  CHECK_THAT(step.finding, Catch::Contains("FULL"));
  facts.conntrack_count = 10;

  facts.sockets->time_wait = 5000;
  step = judge_local_facts(facts, thresholds);
  CHECK(step.verdict == Verdict::warn);
  CHECK_THAT(step.advice, Catch::Contains("TIME_WAIT"));
  facts.sockets->time_wait = 0;

  facts.open_fds = 19000;
  step = judge_local_facts(facts, thresholds);
  CHECK(step.verdict == Verdict::warn);
  CHECK_THAT(step.advice, Catch::Contains("ulimit -n"));
  facts.open_fds = 10;
  facts.fd_soft_limit = 256;
  CHECK(judge_local_facts(facts, thresholds).verdict == Verdict::warn);
  facts.fd_soft_limit = -1;  // unlimited
  CHECK_THAT(judge_local_facts(facts, thresholds).finding, Catch::Contains("open files 10 of unlimited"));

  LocalFacts unix_socket;
  CHECK_THAT(judge_local_facts(unix_socket, thresholds).finding, Catch::StartsWith("no TCP port"));
}

TEST_CASE("summarize_latency and judge_latency", "[doctor][latency]") {
  const auto odd = summarize_latency({0.5, 0.1, 9.0});
  CHECK(odd.samples == 3);
  CHECK(odd.min_ms == 0.1);
  CHECK(odd.median_ms == 0.5);
  CHECK(odd.max_ms == 9.0);
  CHECK(summarize_latency({4, 1, 2, 3}).median_ms == 2.5);
  CHECK(summarize_latency({}).samples == 0);

  Thresholds thresholds;
  CHECK(judge_latency(odd, thresholds).verdict == Verdict::ok);
  thresholds.slow_median_ms = 0.2;
  const Step slow = judge_latency(odd, thresholds);
  CHECK(slow.verdict == Verdict::warn);
  CHECK_THAT(slow.finding, Catch::Contains("min 0.100 ms, median 0.500 ms, max 9.000 ms"));
  CHECK(judge_latency(summarize_latency({}), thresholds).verdict == Verdict::skipped);
}

TEST_CASE("classify_connect_error names the failing part of the configuration", "[doctor][connect]") {
  using redispp::AuthenticationError;
  using redispp::ConnectionError;
  CHECK(classify_connect_error(
            ConnectionError("cannot resolve host 'x.invalid' (for x.invalid:6379): Name or service not known"),
            false) == ConnectFailure::host);
  CHECK(classify_connect_error(ConnectionError("connect to 127.0.0.1:1 refused: nothing listens there"), false) ==
        ConnectFailure::port);
  CHECK(classify_connect_error(redispp::TimeoutError("connect to 10.0.0.1:6379 timed out after 5000 ms"), false) ==
        ConnectFailure::timeout);
  CHECK(classify_connect_error(AuthenticationError("connect to h:1: the server requires a password and none was given"),
                               false) == ConnectFailure::password_missing);
  CHECK(classify_connect_error(AuthenticationError("connect to h:1: authentication failed (AUTH): WRONGPASS"), true) ==
        ConnectFailure::password_wrong);
  CHECK(classify_connect_error(AuthenticationError("a password was given but the server has none configured"), true) ==
        ConnectFailure::password_unneeded);
  CHECK(classify_connect_error(redispp::MaxClientsError("maxclients limit is reached"), false) ==
        ConnectFailure::maxclients);
  // TLS: each failure by the words its message uses (see transport/tls_stream.hpp).
  CHECK(classify_connect_error(redispp::ConnectionError("TLS connection to h:1 failed: the server's certificate is not "
                                                        "trusted: ..."),
                               false) == ConnectFailure::tls_untrusted);
  CHECK(classify_connect_error(redispp::ConnectionError("TLS connection to h:1 failed: the server's certificate is not "
                                                        "for 'x': it names y"),
                               false) == ConnectFailure::tls_hostname);
  CHECK(classify_connect_error(redispp::ConnectionError("TLS connection to h:1 failed: the server's certificate 'CN=a' "
                                                        "expired on Nov 28 2026"),
                               false) == ConnectFailure::tls_expired);
  CHECK(classify_connect_error(redispp::ConnectionError("read on h:1 failed: TLS: the server requires a client "
                                                        "certificate and none was sent"),
                               false) == ConnectFailure::tls_client_certificate);
  CHECK(classify_connect_error(redispp::TimeoutError("TLS handshake with h:1 timed out ... a plain (non-TLS) Redis port"),
                               false) == ConnectFailure::tls_on_plain_port);
  CHECK(classify_connect_error(redispp::ConnectionError("connection to h:1 closed by the server ...; if h:1 is a TLS port "
                                                        "(tls-port), connect with rediss://"),
                               false) == ConnectFailure::plain_on_tls_port);
  CHECK(classify_connect_error(redispp::ConnectionError("TLS set-up for h:1 failed: cannot load ..."), false) ==
        ConnectFailure::tls_setup);
  CHECK(classify_connect_error(redispp::DataError("invalid Redis URL: URL option 'ssl_cert_reqs' has an invalid "
                                                  "value"),
                               false) == ConnectFailure::bad_url);
  CHECK(classify_connect_error(redispp::DataError("invalid Redis URL: bad port"), false) == ConnectFailure::bad_url);
  CHECK(classify_connect_error(redispp::BusyLoadingError("LOADING"), false) == ConnectFailure::loading);
  CHECK(classify_connect_error(std::runtime_error("?"), false) == ConnectFailure::other);

  const Step step = connect_failure_step(ConnectFailure::password_missing, "the server requires a password");
  CHECK(step.verdict == Verdict::fail);
  CHECK(step.finding == "the server requires a password");
  CHECK_THAT(step.advice, Catch::Contains("password") && Catch::Contains("redis://:PASSWORD@"));
  CHECK_THAT(connect_failure_step(ConnectFailure::port, "").advice, Catch::Contains("nothing listens"));
  CHECK_THAT(connect_failure_step(ConnectFailure::host, "").advice, Catch::Contains("does not resolve"));
}

TEST_CASE("describe_target never shows the password", "[doctor][connect]") {
  redispp::ConnectionOptions options;
  options.host = "cache.local";
  options.port = 6380;
  options.db = 2;
  options.username = "app";
  options.password = "s3cret";
  CHECK(describe_target(options) == "cache.local:6380, db 2, user 'app', with a password");
  options.password.clear();
  options.username.clear();
  CHECK(describe_target(options) == "cache.local:6380, db 2, no password");
}

TEST_CASE("describe_target escapes control bytes in the user name", "[doctor][connect]") {
  redispp::ConnectionOptions options;
  options.username = "app\r\n[ok]   connect  forged";
  CHECK(describe_target(options) == "127.0.0.1:6379, db 0, user 'app\\r\\n[ok]   connect  forged', no password");
}

TEST_CASE("json_string escapes quotes, backslashes, control characters and bad UTF-8", "[doctor][json]") {
  CHECK(json_string("") == R"("")");
  CHECK(json_string("plain") == R"("plain")");
  CHECK(json_string("say \"hi\"\\") == R"("say \"hi\"\\")");
  CHECK(json_string("a\nb\tc\r") == R"("a\nb\tc\r")");
  CHECK(json_string(std::string_view("\x01\x1f\x7f", 3)) == R"("\u0001\u001f\u007f")");
  CHECK(json_string(std::string_view("nul\0byte", 8)) == R"("nul\u0000byte")");
  CHECK(json_string("连接超时 é") == "\"连接超时 é\"");  // valid UTF-8 stays
  CHECK(json_string("\xff"
                    "a\xc3") == R"("\ufffda\ufffd")");              // invalid, truncated
  CHECK(json_string("\xc0\xaf") == R"("\ufffd\ufffd")");            // overlong '/'
  CHECK(json_string("\xed\xa0\x80") == R"("\ufffd\ufffd\ufffd")");  // a UTF-16 surrogate
}

TEST_CASE("json_number and render_json", "[doctor][json]") {
  CHECK(json_number(12) == "12");
  CHECK(json_number(0.25) == "0.25");
  CHECK(json_number(1.0 / 3) == "0.333");
  CHECK(json_number(-2) == "-2");
  CHECK(json_number(std::numeric_limits<double>::quiet_NaN()) == "null");

  Diagnosis diagnosis;
  diagnosis.target = "127.0.0.1:6379, db 0, no password";
  diagnosis.steps.push_back(Step{"connect", Verdict::ok, "connected \"fast\"", "", {{"connect_ms", 0.5}}});
  diagnosis.steps.push_back(Step{"maxclients", Verdict::fail, "full", "raise it", {}});
  const std::string json = render_json(diagnosis);
  CHECK(json ==
        "{\"target\": \"127.0.0.1:6379, db 0, no password\", \"exit_status\": 1, \"steps\": [\n"
        "  {\"name\": \"connect\", \"verdict\": \"ok\", \"finding\": \"connected \\\"fast\\\"\", \"advice\": null, "
        "\"numbers\": {\"connect_ms\": 0.5}}, \n"
        "  {\"name\": \"maxclients\", \"verdict\": \"fail\", \"finding\": \"full\", \"advice\": \"raise it\", "
        "\"numbers\": {}}\n"
        "]}\n");

  const std::string text = render_text(diagnosis);
  CHECK_THAT(text, Catch::Contains("[ok]   connect     connected \"fast\"\n"));
  CHECK_THAT(text, Catch::Contains("[FAIL] maxclients  full\n") && Catch::Contains("next: raise it\n"));
  CHECK_THAT(text, Catch::EndsWith("result: 1 failed, 0 warnings, 0 skipped -> exit 1\n"));
}
