// Coverage entries for the string group: one call per command COMMAND DOCS lists.
#include "integration/commands/coverage.hpp"

using namespace std::chrono_literals;
using redispp::test::Recorder;

REDISPP_COVERAGE(strings, {
    {"append", [](Recorder& r) { r.append("k", "v"); }},
    {"decr", [](Recorder& r) { r.decr("k"); }},
    {"decrby", [](Recorder& r) { r.decrby("k", 2); }},
    {"get", [](Recorder& r) { r.get("k"); }},
    {"getdel", [](Recorder& r) { r.getdel("k"); }},
    {"getex", [](Recorder& r) { r.getex("k", {.persist = true}); }},
    {"getrange", [](Recorder& r) { r.getrange("k", 0, -1); }},
    {"getset", [](Recorder& r) { r.getset("k", "v"); }},
    {"incr", [](Recorder& r) { r.incr("k"); }},
    {"incrby", [](Recorder& r) { r.incrby("k", 2); }},
    {"incrbyfloat", [](Recorder& r) { r.incrbyfloat("k", 1.5); }},
    {"lcs", [](Recorder& r) { r.lcs("a", "b"); }},
    {"lcs", [](Recorder& r) { r.lcs_len("a", "b"); }},
    {"lcs", [](Recorder& r) { r.lcs_idx("a", "b", {.min_match_len = 2, .with_match_len = true}); }},
    {"mget", [](Recorder& r) { r.mget("a", "b"); }},
    {"mset", [](Recorder& r) { r.mset({{"a", "1"}}); }},
    {"msetnx", [](Recorder& r) { r.msetnx({{"a", "1"}}); }},
    {"psetex", [](Recorder& r) { r.psetex("k", 100ms, "v"); }},
    {"set", [](Recorder& r) { r.set("k", "v", {.ex = 10s}); }},
    {"set", [](Recorder& r) { r.set_get("k", "v"); }},
    {"setex", [](Recorder& r) { r.setex("k", 10s, "v"); }},
    {"setnx", [](Recorder& r) { r.setnx("k", "v"); }},
    {"setrange", [](Recorder& r) { r.setrange("k", 1, "v"); }},
    {"strlen", [](Recorder& r) { r.strlen("k"); }},
    {"substr", [](Recorder& r) { r.substr("k", 0, 1); }},
})
