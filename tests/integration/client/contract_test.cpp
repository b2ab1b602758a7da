// DESIGN.md's public API contract, as written there, run against the fixture's server.
// Database 3.
#include "support/catch.hpp"

#include <redispp/redispp.hpp>
#ifdef REDISPP_WITH_HIREDIS
#include <redispp/protocol/hiredis_parser.hpp>
#endif

#include "support/test_servers.hpp"

using namespace std::chrono_literals;

TEST_CASE("the contract in DESIGN.md compiles as written and works", "[contract]") {
  const auto server = redispp::test::server("plain");

  redispp::ConnectionOptions opts;             // aggregate; fields named as redis-py's kwargs:
  opts.host = "127.0.0.1"; opts.port = 6379;   // host, port, unix_socket_path, db, username, password,
  opts.socket_timeout = 2s;                    // socket_timeout, socket_connect_timeout (std::chrono),
  opts.parser = redispp::ParserKind::hiredis;  // socket_keepalive, client_name, health_check_interval,
  opts.protocol = 3;                           // protocol (2 or 3), parser (automatic|builtin|hiredis)
  opts.host = server.host;
  opts.port = server.port;
  opts.db = 3;

#if defined(REDISPP_WITH_HIREDIS)
  {
    redispp::Redis hiredis_resp3{opts};
    if (redispp::HiredisParser::supports_resp3()) {
      CHECK(hiredis_resp3.ping());
    } else {
      // hiredis before 1.1 cannot read RESP3: the first command says so, naming the version.
      CHECK_THROWS_AS(hiredis_resp3.ping(), redispp::DataError);
      CHECK_THROWS_WITH(hiredis_resp3.ping(), Catch::Contains("RESP3 needs hiredis >= 1.1"));
    }
  }
#endif
  opts.parser = redispp::ParserKind::automatic;

  redispp::Redis r{opts};                        // owns a private pool (redis-py: Redis(host=, port=))
  auto r2 = redispp::Redis::from_url(fmt::format("redis://{}:{}/3?socket_timeout=2", server.host, server.port));
  r.flushdb();
  bool ok = r.set("foo", "hello");               // status OK -> bool
  std::optional<std::string> v = r.get("foo");   // nil -> std::nullopt
  long long n = r.rpush("mylist", "one");        // integer replies -> long long
  std::optional<std::string> x = r.rpop("mylist");
  CHECK(ok);
  CHECK(v == "hello");
  CHECK(n == 1);
  CHECK(x == "one");
  CHECK(r2.get("foo") == "hello");

  redispp::PoolOptions po; po.max_connections = 8; po.timeout = 2s;   // wait for a free connection
  auto pool = std::make_shared<redispp::ConnectionPool>(opts, po);
  redispp::Redis a{pool}, b{pool};               // share one pool (redis-py: connection_pool=pool)
  CHECK(a.set("one", "first"));
  CHECK(b.get("one") == "first");
  auto s = pool->stats();                        // s.in_use, s.idle, s.max_connections, ...
  CHECK(s.in_use == 0);
  CHECK(s.idle == 1);
  CHECK(s.max_connections == 8);

  redispp::Pipeline p = r.pipeline();            // transaction = true: MULTI ... EXEC
  p.set("one", "first").rpush("list", "hello").rpush("list", "world");
  redispp::PipelineResults res = p.execute();    // res.size(); res.get<T>(i) with T the command's type
  CHECK(res.size() == 3);
  CHECK(res.get<long long>(2) == 2);
  auto q = r.pipeline(false);                    // no MULTI/EXEC, still one round trip
  CHECK_FALSE(q.is_transaction());

  redispp::Reply raw = r.execute_command("SET", "k", "v");  // generic path, any arguments
  CHECK(raw.type() == redispp::ReplyType::simple_string);
  CHECK(fmt::format("{}", raw) == "OK");
  CHECK(r.set("k", "v", redispp::SetOptions{.ex = 10s, .nx = false}));
}
