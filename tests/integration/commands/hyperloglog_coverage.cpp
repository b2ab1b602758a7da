// HyperLogLog commands: one entry per command of COMMAND DOCS' "hyperloglog" group (see coverage.hpp).
#include "integration/commands/coverage.hpp"

using redispp::test::Recorder;

REDISPP_COVERAGE(hyperloglog, {
    {"pfadd", [](Recorder& r) { r.pfadd("k", "a", "b"); }},
    {"pfcount", [](Recorder& r) { r.pfcount("a", "b"); }},
    {"pfdebug", [](Recorder& r) { r.pfdebug_getreg("k"); }},
    {"pfdebug", [](Recorder& r) { r.pfdebug_encoding("k"); }},
    {"pfdebug", [](Recorder& r) { r.pfdebug_todense("k"); }},
    {"pfdebug", [](Recorder& r) { r.pfdebug_decode("k"); }},
    {"pfmerge", [](Recorder& r) { r.pfmerge("d", "a", "b"); }},
    {"pfselftest", [](Recorder& r) { r.pfselftest(); }},
})
