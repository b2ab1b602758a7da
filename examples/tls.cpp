// TLS (rediss://): the same client over an encrypted connection that checks whom it talks to.
// redis-py's
//
//   r = redis.Redis.from_url('rediss://cache:6380/0?ssl_ca_certs=/etc/redis/ca.crt')
//   r = redis.Redis(host='cache', port=6380, ssl=True, ssl_ca_certs='/etc/redis/ca.crt')
//
// reads in C++ as below. The server: $REDIS_TLS_URL when set (scripts/demo.sh sets it to a
// throw-away TLS server with a CA of its own), else a local TLS port 6380.
#include <cstdlib>  // std::getenv
#include <iostream>
#include <string>

#include <redispp/redispp.hpp>

int main() {
  const char* env_url = std::getenv("REDIS_TLS_URL");
  const std::string url =
      env_url && *env_url ? env_url : "rediss://127.0.0.1:6380/0?ssl_ca_certs=/etc/redis/tls/ca.crt";

  // 1. From a URL: rediss:// plus redis-py's ssl_* options (ssl_ca_certs, ssl_certfile,
  //    ssl_keyfile, ssl_cert_reqs, ssl_check_hostname ...).
  auto r = redispp::Redis::from_url(url);
  r.set("tls:greeting", "hello over TLS");
  std::cout << "get tls:greeting: " << r.get("tls:greeting").value_or("(nil)") << "\n";

  // 2. The same in code. Host, port and CA file come from the URL here only to reach the same
  //    server; a program would write its own.
  const redispp::ConnectionOptions from_url = redispp::parse_url(url).connection;
  redispp::ConnectionOptions opts;
  opts.host = from_url.host;
  opts.port = from_url.port;
  opts.db = from_url.db;
  redispp::TlsOptions tls;
  tls.ca_certs = from_url.tls ? from_url.tls->ca_certs : "";  // empty: the system's CAs
  tls.cert_reqs = redispp::TlsCertReqs::required;              // the default: verify the server
  tls.check_hostname = true;                                   // the default: and its name
  // For a server with tls-auth-clients yes, present a client certificate:
  //   tls.certfile = "/etc/redis/tls/client.crt";
  //   tls.keyfile = "/etc/redis/tls/client.key";
  opts.tls = tls;
  redispp::Redis r2{opts};
  auto results = r2.pipeline().incr("tls:visits").get("tls:greeting").execute();
  std::cout << "pipeline over TLS: visits=" << results.get<long long>(0) << "\n";

  // 3. What a failure says: a certificate for other names than the one we ask for.
  redispp::ConnectionOptions wrong_name = opts;
  wrong_name.tls->server_name = "not-this-server.example";
  wrong_name.retry = redispp::Retry::none();
  try {
    redispp::Redis(wrong_name).ping();
  } catch (const redispp::ConnectionError& e) {
    std::cout << "as expected: " << e.what() << "\n";
  }
  r.del("tls:greeting", "tls:visits");
  return 0;
}
