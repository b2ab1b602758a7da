// The seed's third program: pipelines, chained, with and without MULTI/EXEC.
//
//   pipe = r.pipeline()
//   pipe.set('one', 'first'); pipe.set('two', 'second'); pipe.execute()
//   pipe.set('one', 'first').rpush('list', 'hello').rpush('list', 'world').execute()
//   pipe = r.pipeline(transaction=False)
// and, beyond redis-py, a typed pipeline whose results are a std::tuple.
#include <cstdlib>  // std::getenv
#include <iostream>
#include <string>

#include <redispp/redispp.hpp>

int main() {
  // The server: $REDIS_URL when set (scripts/demo.sh sets it), else a local one.
  const char* env_url = std::getenv("REDIS_URL");
  const std::string redis_url = env_url && *env_url ? env_url : "redis://127.0.0.1:6379/0";

  redispp::Redis r = redispp::Redis::from_url(redis_url);
  r.del("one", "two", "list");

  // Atomic by default: MULTI ... EXEC, sent in one write.
  redispp::Pipeline pipe = r.pipeline();
  pipe.set("one", "first");
  pipe.set("two", "second");
  redispp::PipelineResults first = pipe.execute();
  std::cout << "two SETs: " << first.size() << " results, first is " << std::boolalpha << first.get<bool>(0) << "\n";

  // Chained; the pipeline is empty again after execute() and can be reused.
  redispp::PipelineResults chained = pipe.set("one", "first").rpush("list", "hello").rpush("list", "world").execute();
  std::cout << "chained: set " << chained.get<bool>(0) << ", list length " << chained.get<long long>(2) << "\n";

  // transaction = false: one round trip, no MULTI/EXEC (other clients' commands may interleave).
  auto fast = r.pipeline(false);
  for (int i = 0; i < 100; ++i) fast.incr("pipeline:counter");
  redispp::PipelineResults counts = fast.execute();
  std::cout << "100 INCRs in one round trip, last = " << counts.get<long long>(99) << "\n";

  // Optimistic locking: WATCH, read, write in MULTI/EXEC, retried if the key changed meanwhile.
  r.transaction(
      [](redispp::Pipeline& p) {
        const long long n = p.immediate().get<long long>("pipeline:counter").value_or(0);
        p.set("pipeline:counter", n * 2);
      },
      "pipeline:counter");
  std::cout << "doubled in a transaction: " << r.get("pipeline:counter").value_or("(nil)") << "\n";

  // A batch fixed in the code: results as a tuple of the commands' own types.
  auto [renamed, length, one] = r.typed_pipeline(false).set("one", "again").llen("list").get("one").execute();
  std::cout << "typed: set " << renamed << ", list length " << length << ", one = " << one.value_or("(nil)") << "\n";

  const bool right = r.lrange("list", 0, -1) == std::vector<std::string>{"hello", "world"} &&
                     r.get<long long>("pipeline:counter") == 200 && renamed && length == 2 && one == "again";
  r.del("one", "two", "list", "pipeline:counter");
  return right ? 0 : 1;
}
