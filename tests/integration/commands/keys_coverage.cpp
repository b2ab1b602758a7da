// Coverage entries for the generic (key space) group: one call per command COMMAND DOCS lists.
#include "integration/commands/coverage.hpp"

using namespace std::chrono_literals;
using redispp::test::Recorder;

REDISPP_COVERAGE(keys, {
    {"copy", [](Recorder& r) { r.copy("a", "b", {.db = 1, .replace = true}); }},
    {"del", [](Recorder& r) { r.del("a", "b"); }},
    {"dump", [](Recorder& r) { r.dump("a"); }},
    {"exists", [](Recorder& r) { r.exists("a"); }},
    {"expire", [](Recorder& r) { r.expire("a", 10s); }},
    {"expireat", [](Recorder& r) { r.expireat("a", redispp::UnixSeconds(100s)); }},
    {"expiretime", [](Recorder& r) { r.expiretime("a"); }},
    {"keys", [](Recorder& r) { r.keys("a*"); }},
    {"migrate", [](Recorder& r) { r.migrate("127.0.0.1", 6379, "a", 0, 100ms); }},
    {"migrate", [](Recorder& r) { r.migrate("127.0.0.1", 6379, {"a", "b"}, 0, 100ms, {.copy = true}); }},
    {"move", [](Recorder& r) { r.move("a", 1); }},
    {"object|encoding", [](Recorder& r) { r.object_encoding("a"); }},
    {"object|freq", [](Recorder& r) { r.object_freq("a"); }},
    {"object|help", [](Recorder& r) { r.object_help(); }},
    {"object|idletime", [](Recorder& r) { r.object_idletime("a"); }},
    {"object|refcount", [](Recorder& r) { r.object_refcount("a"); }},
    {"persist", [](Recorder& r) { r.persist("a"); }},
    {"pexpire", [](Recorder& r) { r.pexpire("a", 100ms); }},
    {"pexpireat", [](Recorder& r) { r.pexpireat("a", redispp::UnixMilliseconds(100ms)); }},
    {"pexpiretime", [](Recorder& r) { r.pexpiretime("a"); }},
    {"pttl", [](Recorder& r) { r.pttl("a"); }},
    {"randomkey", [](Recorder& r) { r.randomkey(); }},
    {"rename", [](Recorder& r) { r.rename("a", "b"); }},
    {"renamenx", [](Recorder& r) { r.renamenx("a", "b"); }},
    {"restore", [](Recorder& r) { r.restore("a", 0ms, std::string("\x00\x01", 2), {.replace = true}); }},
    {"scan", [](Recorder& r) { r.scan(0, {.match = "a*"}); }},
    {"sort", [](Recorder& r) { r.sort("a", {.alpha = true}); }},
    {"sort", [](Recorder& r) { r.sort_store("a", "b"); }},
    {"sort_ro", [](Recorder& r) { r.sort_ro("a", {.desc = true}); }},
    {"touch", [](Recorder& r) { r.touch("a", "b"); }},
    {"ttl", [](Recorder& r) { r.ttl("a"); }},
    {"type", [](Recorder& r) { r.type("a"); }},
    {"unlink", [](Recorder& r) { r.unlink("a"); }},
    {"wait", [](Recorder& r) { r.wait(0, 10ms); }},
})
