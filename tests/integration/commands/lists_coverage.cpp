// Coverage entries for the list group: one call per command COMMAND DOCS lists.
#include "integration/commands/coverage.hpp"

using namespace std::chrono_literals;
using redispp::ListEnd;
using redispp::test::Recorder;

REDISPP_COVERAGE(lists, {
    {"blmove", [](Recorder& r) { r.blmove("a", "b", ListEnd::left, ListEnd::right, 1s); }},
    {"blmpop", [](Recorder& r) { r.blmpop({"a", "b"}, ListEnd::left, 1s, 2); }},
    {"blpop", [](Recorder& r) { r.blpop({"a", "b"}, 1s); }},
    {"brpop", [](Recorder& r) { r.brpop("a", 1s); }},
    {"brpoplpush", [](Recorder& r) { r.brpoplpush("a", "b", 1s); }},
    {"lindex", [](Recorder& r) { r.lindex("a", 0); }},
    {"linsert", [](Recorder& r) { r.linsert("a", true, "p", "v"); }},
    {"llen", [](Recorder& r) { r.llen("a"); }},
    {"lmove", [](Recorder& r) { r.lmove("a", "b", ListEnd::right, ListEnd::left); }},
    {"lmpop", [](Recorder& r) { r.lmpop("a", ListEnd::right); }},
    {"lpop", [](Recorder& r) { r.lpop("a"); }},
    {"lpos", [](Recorder& r) { r.lpos("a", "v"); }},
    {"lpush", [](Recorder& r) { r.lpush("a", "v"); }},
    {"lpushx", [](Recorder& r) { r.lpushx("a", "v"); }},
    {"lrange", [](Recorder& r) { r.lrange("a", 0, -1); }},
    {"lrem", [](Recorder& r) { r.lrem("a", 0, "v"); }},
    {"lset", [](Recorder& r) { r.lset("a", 0, "v"); }},
    {"ltrim", [](Recorder& r) { r.ltrim("a", 0, 1); }},
    {"rpop", [](Recorder& r) { r.rpop("a", 2); }},
    {"rpoplpush", [](Recorder& r) { r.rpoplpush("a", "b"); }},
    {"rpush", [](Recorder& r) { r.rpush("a", "v", "w"); }},
    {"rpushx", [](Recorder& r) { r.rpushx("a", "v"); }},
})
