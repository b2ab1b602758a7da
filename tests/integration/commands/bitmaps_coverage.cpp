// Bitmap commands: one entry per command of COMMAND DOCS' "bitmap" group (see coverage.hpp).
#include "integration/commands/coverage.hpp"

using redispp::test::Recorder;

REDISPP_COVERAGE(bitmaps, {
    {"bitcount", [](Recorder& r) { r.bitcount("k"); }},
    {"bitcount", [](Recorder& r) { r.bitcount("k", 0, -1, redispp::BitUnit::bit); }},
    {"bitfield", [](Recorder& r) { r.bitfield("k", redispp::BitFieldOperations().set("u8", 0, 1).get("u8", "#1")); }},
    {"bitfield_ro", [](Recorder& r) { r.bitfield_ro("k", redispp::BitFieldOperations().get("u8", 0)); }},
    {"bitop", [](Recorder& r) { r.bitop(redispp::BitOp::bit_xor, "d", "a", "b"); }},
    {"bitpos", [](Recorder& r) { r.bitpos("k", true); }},
    {"bitpos", [](Recorder& r) { r.bitpos("k", false, 1, 5, redispp::BitUnit::byte); }},
    {"getbit", [](Recorder& r) { r.getbit("k", 7); }},
    {"setbit", [](Recorder& r) { r.setbit("k", 7, true); }},
})
