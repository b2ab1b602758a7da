// Publishing commands: one entry per command of the "pubsub" group (see coverage.hpp; SUBSCRIBE,
// PSUBSCRIBE and SSUBSCRIBE are excluded there: the PubSub object's job).
#include "integration/commands/coverage.hpp"

using redispp::test::Recorder;

REDISPP_COVERAGE(pubsub, {
    {"publish", [](Recorder& r) { r.publish("ch", "message"); }},
    {"spublish", [](Recorder& r) { r.spublish("ch", 42); }},
    {"pubsub|channels", [](Recorder& r) { r.pubsub_channels("news.*"); }},
    {"pubsub|help", [](Recorder& r) { r.pubsub_help(); }},
    {"pubsub|numpat", [](Recorder& r) { r.pubsub_numpat(); }},
    {"pubsub|numsub", [](Recorder& r) { r.pubsub_numsub("a", "b"); }},
    {"pubsub|shardchannels", [](Recorder& r) { r.pubsub_shardchannels(); }},
    {"pubsub|shardnumsub", [](Recorder& r) { r.pubsub_shardnumsub({"a"}); }},
    {"unsubscribe", [](Recorder& r) { r.unsubscribe("a"); }},
    {"punsubscribe", [](Recorder& r) { r.punsubscribe(); }},
    {"sunsubscribe", [](Recorder& r) { r.sunsubscribe({"a"}); }},
})
