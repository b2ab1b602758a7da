// The seed's second program: two clients sharing one ConnectionPool.
//
//   pool = redis.ConnectionPool(host='127.0.0.1', port=9212)
//   r = redis.Redis(connection_pool=pool)
//   r.set('one', 'first'); r.set('two', 'second')
//   print r.get('one'); print r.get('two')
#include <cstdlib>  // std::getenv
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <redispp/redispp.hpp>

int main() {
  // The server: $REDIS_URL when set (scripts/demo.sh sets it), else a local one.
  const char* env_url = std::getenv("REDIS_URL");
  const std::string redis_url = env_url && *env_url ? env_url : "redis://127.0.0.1:6379/0";

  using namespace std::chrono_literals;
  const redispp::UrlOptions url = redispp::parse_url(redis_url);

  redispp::PoolOptions pool_options;
  pool_options.max_connections = 4;  // at most 4 sockets, however many clients and threads
  pool_options.timeout = 2s;         // a caller waits this long for a free one
  auto pool = std::make_shared<redispp::ConnectionPool>(url.connection, pool_options);

  redispp::Redis a{pool}, b{pool};
  a.set("one", "first");
  b.set("two", "second");
  std::cout << "get one: " << b.get("one").value_or("(nil)") << "\n"
            << "get two: " << a.get("two").value_or("(nil)") << "\n";

  // Eight threads share the four connections: each call leases one and gives it back.
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&a, t] {
      for (int i = 0; i < 100; ++i) a.incr("shared_pool:counter");
      (void)t;
    });
  for (auto& thread : threads) thread.join();

  const redispp::PoolStats stats = pool->stats();
  std::cout << "counter: " << a.get("shared_pool:counter").value_or("0") << "\n"
            << "pool: " << stats.created << " connections created, " << stats.idle << " idle, " << stats.in_use
            << " in use (max " << stats.max_connections << ")\n";
  const bool counted = a.get<long long>("shared_pool:counter") == 800;
  a.del("one", "two", "shared_pool:counter");
  return counted && stats.created <= 4 ? 0 : 1;
}
