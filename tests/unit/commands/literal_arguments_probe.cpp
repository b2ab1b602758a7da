// Compiled at -O0 (nothing inlined away) and read with nm by literal_arguments_check.cmake: the
// command methods hand text to the cmd:: builders as std::string_view (command_set.hpp), so
// literals of many lengths must instantiate each builder once, and never for a char array.
// Never run: only its symbols matter.
#include <string>

#include <redispp/redispp.hpp>

void literal_arguments_probe(redispp::Redis& r, redispp::Pipeline& p) {
  const std::string text = "std::string";
  const char* pointer = "const char*";
  r.set("k", "a");
  r.set("k", "bb");
  r.set("key", text);
  r.set("k", pointer);
  r.set_get("k", "ccc");
  r.hset("h", "f", "dddd");
  r.hset("h", "field", "eeeee");
  r.hget("h", "f");
  r.lpush("l", "a", "bb", "ccc");
  r.rpush("l", "dddd");
  r.sadd("s", "a", "bb");
  r.zadd("z", "member", 1.0);
  r.zrangebyscore("z", "-inf", "(5");
  r.del("a", "bb", "ccc");
  r.mget("a", "bb");
  r.blpop("queue", std::chrono::milliseconds(1));
  r.publish("channel", "message");
  r.execute_command("SET", "k", "v");
  p.watch("k", "kk");
  p.set("k", "ffffff").hset("h", "f", "ggggggg").execute_command("GET", "k");
  (void)r.typed_pipeline(false).set("k", "hhhhhhhh").execute_command("GET", "kkk");
}
