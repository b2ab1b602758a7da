// Compiled at -O0 (nothing inlined away) and read with nm by extern_check.cmake: the
// builders the command headers declare `extern template` for text arguments are compiled into
// the library, so this file, calling each with text of several kinds, must reference each and
// define no cmd:: builder. One call per declaration, in the headers' order. Never run.
#include <chrono>
#include <string>

#include <redispp/redispp.hpp>

void extern_builders_probe(redispp::Redis& r) {
  const std::string text = "std::string";
  const char* pointer = "const char*";
  // strings.hpp
  r.set("k", "v");
  r.setnx("k", text);
  r.setex("k", std::chrono::seconds(1), pointer);
  r.get("k");
  r.getset("k", "v");
  r.append("k", "v");
  // hashes.hpp
  r.hset("h", "f", text);
  r.hget("h", "f");
  r.hdel("h", "f");
  r.hexists("h", "f");
  r.hincrby("h", "f", 1);
  // lists.hpp
  r.lpush("l", "a");
  r.rpush("l", text);
  r.lrem("l", 0, "a");
  // sets.hpp
  r.sadd("s", "m");
  r.srem("s", "m");
  r.sismember("s", "m");
  // sorted_sets.hpp
  r.zadd("z", "m", 1.0);
  r.zscore("z", "m");
  r.zincrby("z", 1.0, "m");
  r.zrem("z", "m");
  r.zrank("z", "m");
  // pubsub.hpp
  r.publish("c", "message");
  // keys.hpp
  r.del("k");
  r.exists(text);
}
