// Lua scripts, as redis-py's register_script: registered once, run by their sha, loaded into the
// server only when it does not know them; in pipelines too.
//
//   incr_by = r.register_script("return redis.call('INCRBY', KEYS[1], ARGV[1])")
//   incr_by(keys=['scripts:counter'], args=[5])
//   pipe = r.pipeline(); incr_by(keys=['scripts:counter'], args=[1], client=pipe); pipe.execute()
#include <cstdlib>  // std::getenv
#include <iostream>
#include <optional>
#include <string>

#include <redispp/redispp.hpp>

int main() {
  // The server: $REDIS_URL when set (scripts/demo.sh sets it), else a local one.
  const char* env_url = std::getenv("REDIS_URL");
  const std::string redis_url = env_url && *env_url ? env_url : "redis://127.0.0.1:6379/0";

  redispp::Redis r = redispp::Redis::from_url(redis_url);
  r.del("scripts:counter", "scripts:high");

  // The sha is computed here; the first call sends EVALSHA, gets NOSCRIPT, loads the script and
  // runs it again. Later calls send only the sha.
  const redispp::Script incr_by = r.register_script("return redis.call('INCRBY', KEYS[1], ARGV[1])");
  std::cout << "sha " << incr_by.sha() << "\n";
  const long long five = incr_by.call<long long>({"scripts:counter"}, {5});  // numbers as arguments
  const long long seven = incr_by.call<long long>({"scripts:counter"}, {2});
  std::cout << "INCRBY 5, then 2: " << five << ", " << seven << "\n";

  // What a script does, it does atomically: keep the highest value ever offered.
  const redispp::Script keep_highest = r.register_script(R"(
    local current = tonumber(redis.call('GET', KEYS[1]))
    if current == nil or tonumber(ARGV[1]) > current then
      redis.call('SET', KEYS[1], ARGV[1])
    end
    return redis.call('GET', KEYS[1])
  )");
  for (const double offered : {3.5, 12.25, 7.0}) keep_highest.call({"scripts:high"}, {offered});

  // A script that only reads may run as EVALSHA_RO (the server refuses its writes).
  const redispp::Script read = r.register_script("return redis.call('GET', KEYS[1])");
  const std::optional<std::string> high = read.call_ro<std::optional<std::string>>({"scripts:high"});
  std::cout << "highest offered: " << high.value_or("(nil)") << "\n";

  // In a pipeline: execute() makes sure the server has the scripts before MULTI.
  redispp::Pipeline pipe = r.pipeline();
  pipe.script<long long>(incr_by, {"scripts:counter"}, {1}).script<long long>(incr_by, {"scripts:counter"}, {1});
  const redispp::PipelineResults res = pipe.execute();
  std::cout << "two INCRBY 1 in MULTI/EXEC: " << res.get<long long>(0) << ", " << res.get<long long>(1) << "\n";

  const bool right = five == 5 && seven == 7 && high == "12.25" && res.get<long long>(1) == 9 &&
                     r.get<long long>("scripts:counter") == 9;
  r.del("scripts:counter", "scripts:high");
  return right ? 0 : 1;
}
