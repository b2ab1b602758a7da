// Compiled at -O0 (nothing inlined away) and read with nm by extern_check.cmake: for
// the reply types of protocol/common_reply_types.hpp, Redis::run<T> and convert<T> are compiled
// into the library, so a file calling these commands must reference them, never define them.
// One command per listed type, in the list's order. Never run: only its symbols matter.
#include <chrono>

#include <redispp/redispp.hpp>

void extern_templates_probe(redispp::Redis& r) {
  r.set("k", "v");                                            // bool
  r.incr("n");                                                // long long
  r.incrbyfloat("f", 1.5);                                    // double
  r.getrange("k", 0, -1);                                     // std::string
  r.get("k");                                                 // std::optional<std::string>
  r.object_freq("k");                                         // std::optional<long long>
  r.zscore("z", "m");                                         // std::optional<double>
  r.lrange("l", 0, -1);                                       // std::vector<std::string>
  r.mget("a", "b");                                           // std::vector<std::optional<std::string>>
  r.pfdebug_getreg("hll");                                    // std::vector<long long>
  r.script_exists({"0123"});                                  // std::vector<bool>
  r.hgetall("h");                                             // std::unordered_map<std::string, std::string>
  r.smembers("s");                                            // std::unordered_set<std::string>
  r.zrevrange_withscores("z", 0, -1);                         // std::vector<std::pair<std::string, double>>
  r.pubsub_numsub({"c"});                                     // std::vector<std::pair<std::string, long long>>
  r.blpop({"q"}, std::chrono::milliseconds(1));               // std::optional<std::pair<std::string, std::string>>
  r.execute_command("PING");                                  // Reply
}
