// Coverage entries for the hash group: one call per command COMMAND DOCS lists.
#include "integration/commands/coverage.hpp"

using redispp::test::Recorder;

REDISPP_COVERAGE(hashes, {
    {"hdel", [](Recorder& r) { r.hdel("h", "f"); }},
    {"hexists", [](Recorder& r) { r.hexists("h", "f"); }},
    {"hget", [](Recorder& r) { r.hget("h", "f"); }},
    {"hgetall", [](Recorder& r) { r.hgetall("h"); }},
    {"hincrby", [](Recorder& r) { r.hincrby("h", "f", 2); }},
    {"hincrbyfloat", [](Recorder& r) { r.hincrbyfloat("h", "f", 0.5); }},
    {"hkeys", [](Recorder& r) { r.hkeys("h"); }},
    {"hlen", [](Recorder& r) { r.hlen("h"); }},
    {"hmget", [](Recorder& r) { r.hmget("h", "f", "g"); }},
    {"hmset", [](Recorder& r) { r.hmset("h", {{"f", "1"}}); }},
    {"hrandfield", [](Recorder& r) { r.hrandfield("h"); }},
    {"hrandfield", [](Recorder& r) { r.hrandfield_withvalues("h", 2); }},
    {"hscan", [](Recorder& r) { r.hscan("h", 0, {.count = 10}); }},
    {"hset", [](Recorder& r) { r.hset("h", "f", "v"); }},
    {"hsetnx", [](Recorder& r) { r.hsetnx("h", "f", "v"); }},
    {"hstrlen", [](Recorder& r) { r.hstrlen("h", "f"); }},
    {"hvals", [](Recorder& r) { r.hvals("h"); }},
})
