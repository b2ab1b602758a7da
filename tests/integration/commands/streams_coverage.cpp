// Stream commands: one entry per command of the "stream" group (see coverage.hpp).
#include "integration/commands/coverage.hpp"

#include <tuple>
#include <utility>

using namespace std::chrono_literals;
using redispp::test::Recorder;

namespace streams_coverage {
// An entry written from a struct's fields (protocol/fields.hpp).
struct Event {
  const char* type;
  int x;
};
inline auto redispp_to_fields(const Event& e) { return std::tuple(std::pair("type", e.type), std::pair("x", e.x)); }
}  // namespace streams_coverage

REDISPP_COVERAGE(streams, {
    {"xack", [](Recorder& r) { r.xack("s", "g", "1-0", "2-0"); }},
    {"xadd", [](Recorder& r) { r.xadd("s", {{"f", "v"}}, {.maxlen = 10, .approximate = true}); }},
    {"xadd", [](Recorder& r) { r.xadd("s", streams_coverage::Event{"click", 3}); }},
    {"xautoclaim", [](Recorder& r) { r.xautoclaim("s", "g", "c", 10ms, "0-0", 5); }},
    {"xautoclaim", [](Recorder& r) { r.xautoclaim_justid("s", "g", "c", 10ms); }},
    {"xclaim", [](Recorder& r) { r.xclaim("s", "g", "c", 10ms, {"1-0"}, {.force = true}); }},
    {"xclaim", [](Recorder& r) { r.xclaim_justid("s", "g", "c", 10ms, {"1-0"}); }},
    {"xdel", [](Recorder& r) { r.xdel("s", "1-0"); }},
    {"xgroup|create", [](Recorder& r) { r.xgroup_create("s", "g", "$", {.mkstream = true}); }},
    {"xgroup|createconsumer", [](Recorder& r) { r.xgroup_createconsumer("s", "g", "c"); }},
    {"xgroup|delconsumer", [](Recorder& r) { r.xgroup_delconsumer("s", "g", "c"); }},
    {"xgroup|destroy", [](Recorder& r) { r.xgroup_destroy("s", "g"); }},
    {"xgroup|help", [](Recorder& r) { r.xgroup_help(); }},
    {"xgroup|setid", [](Recorder& r) { r.xgroup_setid("s", "g", "0", 3); }},
    {"xinfo|consumers", [](Recorder& r) { r.xinfo_consumers("s", "g"); }},
    {"xinfo|groups", [](Recorder& r) { r.xinfo_groups("s"); }},
    {"xinfo|help", [](Recorder& r) { r.xinfo_help(); }},
    {"xinfo|stream", [](Recorder& r) { r.xinfo_stream("s"); }},
    {"xinfo|stream", [](Recorder& r) { r.xinfo_stream_full("s", 10); }},
    {"xlen", [](Recorder& r) { r.xlen("s"); }},
    {"xpending", [](Recorder& r) { r.xpending("s", "g"); }},
    {"xpending", [](Recorder& r) { r.xpending_range("s", "g", "-", "+", 10, {.idle = 5ms, .consumer = "c"}); }},
    {"xrange", [](Recorder& r) { r.xrange("s", "-", "+", 10); }},
    {"xread", [](Recorder& r) { r.xread({{"s", "0"}}, {.count = 1, .block = 10ms}); }},
    {"xreadgroup", [](Recorder& r) { r.xreadgroup("g", "c", {{"s", ">"}}, {.noack = true}); }},
    {"xrevrange", [](Recorder& r) { r.xrevrange("s"); }},
    {"xsetid", [](Recorder& r) { r.xsetid("s", "5-0", {.entries_added = 5}); }},
    {"xtrim", [](Recorder& r) { r.xtrim("s", {.minid = "1-0"}); }},
})
