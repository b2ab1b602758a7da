// TLS (rediss://) against real servers: Debian's redis-server with --tls-port, certificates made
// by tests/support/make_test_certs.sh. The fixture's "tls" server (client certificates optional)
// carries the everyday cases; servers of the test's own carry the ones that need another
// certificate or mutual TLS. Every failure is provoked and its message checked.
#include "support/catch.hpp"

#include <sys/wait.h>  // waitpid
#include <unistd.h>    // fork, _exit

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <openssl/ssl.h>  // a user's own SSL_CTX

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"
#include "support/fake_server.hpp"
#include "support/redis_process.hpp"
#include "support/test_servers.hpp"

using namespace std::chrono_literals;
using Catch::Matchers::Contains;

namespace {

constexpr const char* password_marker = "hunter2-never-printed";

redispp::test::ServerInfo tls_server() { return redispp::test::server("tls"); }

// The fixture's TLS server in configuration `config`, trusting the test CA.
redispp::ConnectionOptions tls_options(const redispp::test::ClientConfig& config, int db = 1) {
  redispp::ConnectionOptions options = tls_server().tls_options(db);
  options.parser = config.parser;
  options.protocol = config.protocol;
  return options;
}

// Options that fail fast: no retries, short time-outs, and a password that must never show.
redispp::ConnectionOptions failing(redispp::ConnectionOptions options) {
  options.retry = redispp::Retry::none();
  options.socket_connect_timeout = 1s;
  options.socket_timeout = 1s;
  options.password = password_marker;
  return options;
}

// What connecting with `options` throws, as text (and that it is the expected class).
template <class Expected>
std::string failure_of(const redispp::ConnectionOptions& options) {
  try {
    redispp::Connection connection(options);
    connection.connect();
  } catch (const Expected& e) {
    const std::string message = e.what();
    CHECK_THAT(message, !Contains(password_marker));
    return message;
  }
  FAIL("connect did not throw the expected error");
  return {};
}

// A TLS server of the test's own: `cert`/`key` from the test certificates, client certificates
// "no", "optional" or "yes"; `probe` must get a PONG from it once it is up.
redispp::test::RedisProcess own_tls_server(const std::string& cert, const std::string& auth_clients,
                                           redispp::ConnectionOptions probe) {
  const auto fixture = tls_server();
  return redispp::test::RedisProcess(
      {"--port", "0", "--tls-port", "{port}", "--tls-cert-file", fixture.tls_file(cert + ".crt"), "--tls-key-file",
       fixture.tls_file(cert + ".key"), "--tls-ca-cert-file", fixture.tls_file("ca.crt"), "--tls-auth-clients",
       auth_clients},
      std::move(probe));
}

redispp::ConnectionOptions with_client_cert(redispp::ConnectionOptions options, const std::string& name) {
  options.tls->certfile = tls_server().tls_file(name + ".crt");
  options.tls->keyfile = tls_server().tls_file(name + ".key");
  return options;
}

}  // namespace

TEST_CASE("TLS: commands, 1 MiB values, pipelines and transactions in every configuration", "[tls]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{tls_options(config)};
  r.flushdb();
  CHECK(r.ping());
  CHECK(r.set("tls:k", "v"));
  CHECK(r.get("tls:k") == "v");

  const std::string big(1 << 20, 'x');
  CHECK(r.set("tls:big", big));
  CHECK(r.get("tls:big") == big);
  CHECK(r.strlen("tls:big") == static_cast<long long>(big.size()));

  for (const bool transaction : {true, false}) {
    INFO("transaction " << transaction);
    auto results = r.pipeline(transaction).set("tls:p", "1").incr("tls:p").get("tls:p").execute();
    REQUIRE(results.size() == 3);
    CHECK(results.get<long long>(1) == 2);
    CHECK(results.get<std::optional<std::string>>(2) == "2");
  }
  const auto result = r.transaction([](redispp::Pipeline& p) {
    const long long n = p.immediate().get<long long>("tls:p").value_or(0);
    p.set("tls:p", n + 1);
  }, "tls:p");
  CHECK(result.size() == 1);
  CHECK(r.get("tls:p") == "3");
}

TEST_CASE("TLS: a rediss:// URL with redis-py's ssl_* options", "[tls][url]") {
  const auto server = tls_server();
  auto r = redispp::Redis::from_url(fmt::format("rediss://127.0.0.1:{}/2?ssl_cert_reqs=required&ssl_ca_certs={}"
                                                "&ssl_check_hostname=true&ssl_min_version=TLSv1_2",
                                                server.port, server.tls_file("ca.crt")));
  CHECK(r.ping());
  CHECK(r.echo("over TLS") == "over TLS");
  // The same port through redis:// is a plain connection to a TLS port: the message says so.
  auto plain = redispp::Redis::from_url(fmt::format("redis://127.0.0.1:{}/2?socket_timeout=2", server.port));
  CHECK_THROWS_WITH(plain.ping(), Contains("is a TLS port") && Contains("rediss://"));
}

TEST_CASE("TLS: 8 threads share one client; idle connections are reused, not taken for stale", "[tls][threads]") {
  redispp::ConnectionOptions options = tls_server().tls_options(3);
  auto pool = std::make_shared<redispp::ConnectionPool>(options, redispp::PoolOptions{.max_connections = 8});
  redispp::Redis r{pool};
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        const std::string payload = fmt::format("{}-{}", t, i);
        if (r.echo(payload) != payload) ++wrong;
      }
    });
  for (auto& thread : threads) thread.join();
  CHECK(wrong == 0);
  CHECK(pool->stats().created <= 8);

  // One connection, idle between commands: TLS 1.3 session tickets and other records that carry
  // no data must not make the checkout probe close it.
  auto single = std::make_shared<redispp::ConnectionPool>(options, redispp::PoolOptions{.max_connections = 1});
  redispp::Redis one{single};
  for (int i = 0; i < 20; ++i) {
    CHECK(one.ping());
    std::this_thread::sleep_for(5ms);
  }
  CHECK(single->stats().created == 1);
}

TEST_CASE("TLS: health checks notice a connection the server dropped", "[tls][health]") {
  redispp::ConnectionOptions options = tls_server().tls_options(3);
  options.health_check_interval = 50ms;
  options.client_name = "tls-health-check";
  auto pool = std::make_shared<redispp::ConnectionPool>(options, redispp::PoolOptions{.max_connections = 1});
  redispp::Redis r{pool};
  const long long first = r.client_id();
  // Another connection kills ours; after the interval, the next command finds out and reconnects.
  redispp::Redis killer{tls_server().tls_options(3)};
  CHECK(killer.execute_command("CLIENT", "KILL", "ID", std::to_string(first)).integer() == 1);
  std::this_thread::sleep_for(100ms);
  CHECK(r.client_id() != first);
  CHECK(pool->stats().created == 2);
}

TEST_CASE("TLS: after fork() the child opens its own session and the parent's goes on", "[tls][fork]") {
  auto pool = std::make_shared<redispp::ConnectionPool>(tls_server().tls_options(3), redispp::PoolOptions{.max_connections = 2});
  redispp::Redis r{pool};
  const long long parent_id = r.client_id();
  const pid_t child = ::fork();
  if (child == 0) {
    int status = 1;
    try {
      status = r.client_id() != parent_id ? 0 : 2;
    } catch (...) {
      status = 3;
    }
    ::_exit(status);
  }
  REQUIRE(child > 0);
  int status = -1;
  ::waitpid(child, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  // A close_notify from the child would have ended the parent's session here.
  CHECK(r.client_id() == parent_id);
  CHECK(r.ping());
}

TEST_CASE("TLS: an untrusted server certificate names the CA file it was checked against", "[tls][errors]") {
  redispp::ConnectionOptions options = failing(tls_server().tls_options());
  options.tls->ca_certs = tls_server().tls_file("other-ca.crt");
  const std::string message = failure_of<redispp::ConnectionError>(options);
  CHECK_THAT(message, Contains("not trusted") && Contains("other-ca.crt") && Contains("redispp test CA"));
  CHECK_THAT(message, Contains(fmt::format("127.0.0.1:{}", tls_server().port)));

  options.tls->ca_certs.clear();  // the system's store knows nothing of the test CA
  CHECK_THAT(failure_of<redispp::ConnectionError>(options), Contains("not trusted") && Contains("system's trust store"));

  options.tls->cert_reqs = redispp::TlsCertReqs::none;  // no checks at all: it connects
  options.password.clear();
  redispp::Connection unchecked(options);
  unchecked.connect();
  CHECK(unchecked.request("*1\r\n$4\r\nPING\r\n").str() == "PONG");
}

TEST_CASE("TLS: a hostname mismatch names the name checked and the certificate's names", "[tls][errors]") {
  redispp::ConnectionOptions options = failing(tls_server().tls_options());
  options.tls->server_name = "redis.example.org";
  CHECK_THAT(failure_of<redispp::ConnectionError>(options),
             Contains("not for 'redis.example.org'") && Contains("localhost, 127.0.0.1"));
  options.tls->check_hostname = false;  // the chain is still checked, the name is not
  options.password.clear();
  CHECK(redispp::Redis(options).ping());

  // A server whose certificate is for another name, reached by IP address.
  redispp::ConnectionOptions probe = tls_server().tls_options();
  probe.tls->check_hostname = false;
  auto wrong_name = own_tls_server("wrong-name", "no", probe);
  redispp::ConnectionOptions strict = failing(wrong_name.options());
  strict.tls->check_hostname = true;
  CHECK_THAT(failure_of<redispp::ConnectionError>(strict), Contains("not for '127.0.0.1'") && Contains("wrong.example"));
}

TEST_CASE("TLS: an expired server certificate says when it expired", "[tls][errors]") {
  redispp::ConnectionOptions probe = tls_server().tls_options();
  probe.tls->cert_reqs = redispp::TlsCertReqs::none;
  auto expired = own_tls_server("expired", "no", probe);
  redispp::ConnectionOptions options = failing(expired.options());
  options.tls->cert_reqs = redispp::TlsCertReqs::required;
  CHECK_THAT(failure_of<redispp::ConnectionError>(options), Contains("expired on") && Contains("CN=localhost"));
}

TEST_CASE("TLS: mutual TLS, a missing client certificate and a rejected one", "[tls][errors][mtls]") {
  auto mutual = own_tls_server("server", "yes", with_client_cert(tls_server().tls_options(), "client"));
  const redispp::ConnectionOptions with_cert = mutual.options();
  CHECK(redispp::Redis(with_cert).ping());

  redispp::ConnectionOptions without = failing(with_cert);
  without.tls->certfile.clear();
  without.tls->keyfile.clear();
  CHECK_THAT(failure_of<redispp::ConnectionError>(without), Contains("requires a client certificate"));

  const redispp::ConnectionOptions stranger = failing(with_client_cert(with_cert, "stranger"));
  CHECK_THAT(failure_of<redispp::ConnectionError>(stranger), Contains("rejected this client's certificate"));
}

TEST_CASE("TLS: the wrong kind of port on either side says which is likely", "[tls][errors]") {
  // A TLS client on a plain port: the server answers our hello in plain text, or waits for a
  // line end that never comes; both messages name the likely cause, neither waits past the
  // connect time-out.
  redispp::ConnectionOptions options = failing(redispp::test::server("plain").options());
  options.tls = redispp::TlsOptions{.ca_certs = tls_server().tls_file("ca.crt")};
  const auto start = std::chrono::steady_clock::now();
  try {
    redispp::Connection(options).connect();
    FAIL("a TLS connect to a plain port succeeded");
  } catch (const redispp::Error& e) {
    CHECK_THAT(e.what(), Contains("non-TLS"));
    CHECK_THAT(e.what(), !Contains(password_marker));
  }
  CHECK(std::chrono::steady_clock::now() - start < 3s);

  // A plain client on a TLS port.
  redispp::ConnectionOptions plain = failing(tls_server().options());
  CHECK_THROWS_WITH(redispp::Connection(plain).connect(), Contains("is a TLS port") && Contains("rediss://"));
}

TEST_CASE("TLS: a server that never answers the hello times out at socket_connect_timeout", "[tls][errors]") {
  redispp::test::FakeServer silent([](redispp::test::FakeServer::Session& session) {
    while (!session.read_request(2s).empty()) {
    }
  });
  redispp::ConnectionOptions options = failing(tls_server().tls_options());
  options.port = silent.port();
  options.socket_connect_timeout = 300ms;
  const auto start = std::chrono::steady_clock::now();
  const std::string message = failure_of<redispp::TimeoutError>(options);
  const auto took = std::chrono::steady_clock::now() - start;
  // Silence from a server never seen before: a plain port and a stopped server look alike.
  CHECK_THAT(message, Contains("TLS handshake") && Contains("timed out after 300 ms (socket_connect_timeout)") &&
                          Contains("tls-port") && Contains("stopped"));
  CHECK(took >= 300ms);
  CHECK(took < 2s);
}

TEST_CASE("TLS: a plain Redis port that waits for the end of our hello is named as one", "[tls][errors]") {
  // What a plain Redis port does with our hello: reads it as an inline command and answers in
  // plain text at its first line end, or waits for one.
  redispp::test::FakeServer plain_port([](redispp::test::FakeServer::Session& session) {
    std::string line;
    for (std::string more; line.find('\n') == std::string::npos;) {
      more = session.read_request(2s);
      if (more.empty()) return;
      line += more;
    }
    session.write("-ERR unknown command\r\n");
  });
  redispp::ConnectionOptions options = failing(tls_server().tls_options());
  options.port = plain_port.port();
  options.socket_connect_timeout = 300ms;
  // Either way the message names a plain port.
  CHECK_THAT(failure_of<redispp::Error>(options), Contains("plain (non-TLS) Redis port"));
}

TEST_CASE("TLS: a TLS server stopped with SIGSTOP is named as stopped, not as a plain port", "[tls][errors]") {
  redispp::ConnectionOptions probe = tls_server().tls_options();
  auto stopped = own_tls_server("server", "no", probe);
  redispp::ConnectionOptions options = failing(stopped.options());
  options.socket_connect_timeout = 300ms;
  // Started, it answered the probe's TLS PING (RedisProcess waits for one): this process knows
  // it as a TLS server.
  stopped.freeze();  // the kernel still takes TCP connections; nothing reads them
  const std::string message = failure_of<redispp::TimeoutError>(options);
  stopped.thaw();
  CHECK_THAT(message, Contains("timed out after 300 ms") && Contains("completed TLS handshakes with this process") &&
                          Contains("stopped") && !Contains("non-TLS"));
}

TEST_CASE("TLS: a server that sends part of a TLS record and stalls is named as a stalled TLS server",
          "[tls][errors]") {
  redispp::test::FakeServer stalling([](redispp::test::FakeServer::Session& session) {
    if (session.read_request(2s).empty()) return;
    // A handshake record header announcing 64 bytes, and 10 of them.
    session.write(std::string("\x16\x03\x03\x00\x40", 5) + std::string(10, '\x02'));
    while (!session.read_request(2s).empty()) {
    }
  });
  redispp::ConnectionOptions options = failing(tls_server().tls_options());
  options.port = stalling.port();
  options.socket_connect_timeout = 300ms;
  const std::string message = failure_of<redispp::TimeoutError>(options);
  CHECK_THAT(message, Contains("timed out after 300 ms") && Contains("began its TLS answer") && !Contains("plain"));
}

TEST_CASE("TLS: a trickle of 0x16 bytes is named as not TLS, not as plain text", "[tls][errors]") {
  redispp::test::FakeServer trickle([](redispp::test::FakeServer::Session& session) {
    if (session.read_request(2s).empty()) return;
    for (int i = 0; i < 8; ++i) {
      session.write("\x16");
      std::this_thread::sleep_for(20ms);
    }
    while (!session.read_request(2s).empty()) {
    }
  });
  redispp::ConnectionOptions options = failing(tls_server().tls_options());
  options.port = trickle.port();
  const std::string message = failure_of<redispp::ConnectionError>(options);
  CHECK_THAT(message, Contains("not TLS") && Contains("16 16 16 16 16") && !Contains("plain text"));
}

TEST_CASE("TLS: unreadable or mismatched files are named", "[tls][errors]") {
  redispp::ConnectionOptions options = failing(tls_server().tls_options());
  options.tls->ca_certs = tls_server().tls_file("no-such-ca.crt");
  CHECK_THAT(failure_of<redispp::ConnectionError>(options),
             Contains("ca_certs") && Contains("no-such-ca.crt") && Contains("No such file"));

  options = failing(tls_server().tls_options());
  options.tls->certfile = tls_server().tls_file("client.crt");
  options.tls->keyfile = tls_server().tls_file("server.key");
  CHECK_THAT(failure_of<redispp::ConnectionError>(options), Contains("does not belong to the certificate"));

  options = failing(tls_server().tls_options());
  options.tls->ciphers = "NO-SUCH-CIPHER";
  CHECK_THAT(failure_of<redispp::ConnectionError>(options), Contains("ciphers 'NO-SUCH-CIPHER'"));

  options = tls_server().tls_options();
  options.unix_socket_path = "/tmp/redis.sock";
  CHECK_THROWS_AS(redispp::validate(options), redispp::DataError);
}

TEST_CASE("TLS: an SSL_CTX of the user's own is used as is", "[tls]") {
  SSL_CTX* own = SSL_CTX_new(TLS_client_method());
  REQUIRE(own != nullptr);
  REQUIRE(SSL_CTX_load_verify_locations(own, tls_server().tls_file("ca.crt").c_str(), nullptr) == 1);
  SSL_CTX_set_verify(own, SSL_VERIFY_PEER, nullptr);
  redispp::ConnectionOptions options = tls_server().tls_options();
  options.tls->ca_certs = tls_server().tls_file("other-ca.crt");  // ignored: the context decides
  options.tls->ssl_context = std::shared_ptr<ssl_ctx_st>(own, SSL_CTX_free);
  CHECK(redispp::Redis(options).ping());

  // The context's trust is what counts: one that trusts nothing refuses the server.
  SSL_CTX* empty = SSL_CTX_new(TLS_client_method());
  REQUIRE(empty != nullptr);
  SSL_CTX_set_verify(empty, SSL_VERIFY_PEER, nullptr);
  options.tls->ssl_context = std::shared_ptr<ssl_ctx_st>(empty, SSL_CTX_free);
  CHECK_THAT(failure_of<redispp::ConnectionError>(failing(options)), Contains("SSL_CTX you handed in"));
}

TEST_CASE("TLS: Pub/Sub, a worker reading while another thread subscribes", "[tls][pubsub][threads]") {
  // One TLS session read by the worker and written by this thread at once: the stream must
  // keep the two apart (TlsStream's SSL mutex; TSan runs this test).
  redispp::Redis r{tls_server().tls_options(4)};
  std::atomic<int> received{0};
  std::atomic<int> errors{0};
  const redispp::MessageHandler count = [&received](const redispp::Message&) { ++received; };
  redispp::PubSub ps = r.pubsub({.ignore_subscribe_messages = true});
  ps.subscribe({{"tls:chan:0", count}});
  redispp::PubSubWorker worker = ps.run_in_thread([&errors](std::exception_ptr) { ++errors; }, 20ms);
  constexpr int channels = 20;
  for (int i = 1; i < channels; ++i) ps.subscribe({{fmt::format("tls:chan:{}", i), count}});
  // Until the server counts every subscription (they travel while the worker reads).
  const auto subscribed = [&r] {
    for (int i = 0; i < channels; ++i)
      if (r.execute_command("PUBSUB", "NUMSUB", fmt::format("tls:chan:{}", i)).elements().at(1).integer() != 1)
        return false;
    return true;
  };
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (!subscribed() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(10ms);
  REQUIRE(subscribed());
  for (int round = 0; round < 10; ++round)
    for (int i = 0; i < channels; ++i) CHECK(r.publish(fmt::format("tls:chan:{}", i), "hello") == 1);
  while (received < channels * 10 && std::chrono::steady_clock::now() < deadline + 5s)
    std::this_thread::sleep_for(10ms);
  worker.stop();
  CHECK(received == channels * 10);
  CHECK(errors == 0);
}
