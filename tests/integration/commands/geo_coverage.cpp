// Geospatial commands: one entry per command of the "geo" group (see coverage.hpp).
#include "integration/commands/coverage.hpp"

using redispp::GeoUnit;
using redispp::test::Recorder;

REDISPP_COVERAGE(geo, {
    {"geoadd", [](Recorder& r) { r.geoadd("k", {{13.361389, 38.115556, "Palermo"}}, {.ch = true}); }},
    {"geoadd", [](Recorder& r) { r.geoadd("k", 13.361389, 38.115556, "Palermo"); }},
    {"geodist", [](Recorder& r) { r.geodist("k", "a", "b", GeoUnit::km); }},
    {"geohash", [](Recorder& r) { r.geohash("k", "a", "b"); }},
    {"geopos", [](Recorder& r) { r.geopos("k", {"a", "b"}); }},
    {"georadius", [](Recorder& r) { r.georadius("k", 15, 37, 200, GeoUnit::km, {.withdist = true}); }},
    {"georadius", [](Recorder& r) { r.georadius_store("k", 15, 37, 200, GeoUnit::km, "dest"); }},
    {"georadius_ro", [](Recorder& r) { r.georadius_ro("k", 15, 37, 200, GeoUnit::km); }},
    {"georadiusbymember", [](Recorder& r) { r.georadiusbymember("k", "a", 200, GeoUnit::km); }},
    {"georadiusbymember", [](Recorder& r) { r.georadiusbymember_store("k", "a", 200, GeoUnit::km, "dest", {}, true); }},
    {"georadiusbymember_ro", [](Recorder& r) { r.georadiusbymember_ro("k", "a", 200, GeoUnit::km); }},
    {"geosearch", [](Recorder& r) { r.geosearch("k", {.from_member = "a", .by_radius = 10}); }},
    {"geosearchstore", [](Recorder& r) { r.geosearchstore("dest", "k", {.from_member = "a", .by_box = redispp::GeoBox{1, 2}}); }},
})
