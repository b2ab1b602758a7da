// Coverage entries for the hash group: one call per command COMMAND DOCS lists.
#include "integration/commands/coverage.hpp"

#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>

using redispp::test::Recorder;

namespace hashes_coverage {
// A struct written and read as a hash (protocol/fields.hpp).
struct Item {
  std::string name;
  long long stock = 0;
};
inline auto redispp_to_fields(const Item& i) { return std::tuple(std::pair("name", std::string_view(i.name)), std::pair("stock", i.stock)); }
inline Item redispp_from_reply(redispp::Reply&& reply, std::type_identity<Item>) {
  auto f = redispp::convert<std::unordered_map<std::string, std::string>>(std::move(reply));
  return Item{f["name"], std::stoll(f["stock"])};
}
}  // namespace hashes_coverage

REDISPP_COVERAGE(hashes, {
    {"hdel", [](Recorder& r) { r.hdel("h", "f"); }},
    {"hexists", [](Recorder& r) { r.hexists("h", "f"); }},
    {"hget", [](Recorder& r) { r.hget("h", "f"); }},
    {"hgetall", [](Recorder& r) { r.hgetall("h"); }},
    {"hgetall", [](Recorder& r) { r.hgetall<hashes_coverage::Item>("h"); }},
    {"hincrby", [](Recorder& r) { r.hincrby("h", "f", 2); }},
    {"hincrbyfloat", [](Recorder& r) { r.hincrbyfloat("h", "f", 0.5); }},
    {"hkeys", [](Recorder& r) { r.hkeys("h"); }},
    {"hlen", [](Recorder& r) { r.hlen("h"); }},
    {"hmget", [](Recorder& r) { r.hmget("h", "f", "g"); }},
    {"hmset", [](Recorder& r) { r.hmset("h", {{"f", "1"}}); }},
    {"hmset", [](Recorder& r) { r.hmset("h", hashes_coverage::Item{"n", 1}); }},
    {"hrandfield", [](Recorder& r) { r.hrandfield("h"); }},
    {"hrandfield", [](Recorder& r) { r.hrandfield_withvalues("h", 2); }},
    {"hscan", [](Recorder& r) { r.hscan("h", 0, {.count = 10}); }},
    {"hset", [](Recorder& r) { r.hset("h", "f", "v"); }},
    {"hset", [](Recorder& r) { r.hset("h", hashes_coverage::Item{"n", 1}); }},
    {"hsetnx", [](Recorder& r) { r.hsetnx("h", "f", "v"); }},
    {"hstrlen", [](Recorder& r) { r.hstrlen("h", "f"); }},
    {"hvals", [](Recorder& r) { r.hvals("h"); }},
})
