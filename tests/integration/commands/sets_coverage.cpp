// Set commands: one entry per command of COMMAND DOCS' "set" group (see coverage.hpp).
#include "integration/commands/coverage.hpp"

using redispp::test::Recorder;

REDISPP_COVERAGE(sets, {
    {"sadd", [](Recorder& r) { r.sadd("k", "m"); }},
    {"scard", [](Recorder& r) { r.scard("k"); }},
    {"sdiff", [](Recorder& r) { r.sdiff("a", "b"); }},
    {"sdiffstore", [](Recorder& r) { r.sdiffstore("d", "a", "b"); }},
    {"sinter", [](Recorder& r) { r.sinter({"a", "b"}); }},
    {"sintercard", [](Recorder& r) { r.sintercard({"a", "b"}, 10); }},
    {"sinterstore", [](Recorder& r) { r.sinterstore("d", "a", "b"); }},
    {"sismember", [](Recorder& r) { r.sismember("k", "m"); }},
    {"smembers", [](Recorder& r) { r.smembers("k"); }},
    {"smismember", [](Recorder& r) { r.smismember("k", "a", "b"); }},
    {"smove", [](Recorder& r) { r.smove("a", "b", "m"); }},
    {"spop", [](Recorder& r) { r.spop("k"); }},
    {"spop", [](Recorder& r) { r.spop("k", 2); }},
    {"srandmember", [](Recorder& r) { r.srandmember("k"); }},
    {"srandmember", [](Recorder& r) { r.srandmember("k", -3); }},
    {"srem", [](Recorder& r) { r.srem("k", "m"); }},
    {"sscan", [](Recorder& r) { r.sscan("k", 0, {.match = "a*", .count = 10}); }},
    {"sunion", [](Recorder& r) { r.sunion("a", "b"); }},
    {"sunionstore", [](Recorder& r) { r.sunionstore("d", "a", "b"); }},
})
