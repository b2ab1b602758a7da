// What goes wrong, and how redispp says so: each failure is its own exception class with a
// message naming the server, the limit or the command.
#include <cstdlib>  // std::getenv
#include <iostream>
#include <memory>
#include <string>

#include <redispp/redispp.hpp>

using namespace std::chrono_literals;

int main() {
  // The server: $REDIS_URL when set (scripts/demo.sh sets it), else a local one.
  const char* env_url = std::getenv("REDIS_URL");
  const std::string redis_url = env_url && *env_url ? env_url : "redis://127.0.0.1:6379/0";

  int surprises = 0;
  const auto expect = [&surprises](const char* what, auto&& attempt) {
    try {
      attempt();
      std::cout << what << ": no error?!\n";
      ++surprises;
    } catch (const redispp::Error& e) {
      std::cout << what << ": " << e.what() << "\n";
    }
  };
  redispp::Redis r = redispp::Redis::from_url(redis_url);

  // The server rejects a command: ResponseError subclasses named after the error's prefix.
  r.set("error_handling:text", "not a list");
  expect("wrong type", [&] { r.lpush("error_handling:text", "x"); });  // WrongTypeError
  expect("not a number", [&] { r.incr("error_handling:text"); });     // ResponseError, code() "ERR"

  // The reply does not fit the C++ type asked for: DataError.
  expect("wrong C++ type", [&] { r.get<long long>("error_handling:text"); });

  // Nothing listens there: ConnectionError naming host:port.
  expect("refused", [] {
    redispp::ConnectionOptions nowhere;
    nowhere.port = 1;  // privileged and unused on any sane machine
    redispp::Redis(nowhere).ping();
  });

  // The local pool is exhausted: MaxConnectionsError with the counts.
  expect("pool exhausted", [&] {
    redispp::PoolOptions one;
    one.max_connections = 1;
    one.timeout = 100ms;
    auto pool = std::make_shared<redispp::ConnectionPool>(r.connection_pool()->connection_options(), one);
    redispp::Lease held = pool->acquire();  // hold the only connection...
    redispp::Redis(pool).ping();            // ...so this one waits 100 ms and gives up
  });

  // An error inside a pipeline names the command's position and name.
  expect("pipeline", [&] { r.pipeline(false).set("error_handling:n", 1).lpush("error_handling:text", "x").execute(); });

  r.del("error_handling:text", "error_handling:n");
  return surprises == 0 ? 0 : 1;
}
