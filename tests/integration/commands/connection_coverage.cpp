// Connection commands: one entry per command (see coverage.hpp).
#include <chrono>

#include "integration/commands/coverage.hpp"

using redispp::test::Recorder;
using namespace std::chrono_literals;

REDISPP_COVERAGE(connection, {
    {"auth", [](Recorder& r) { r.auth("secret"); }},
    {"auth", [](Recorder& r) { r.auth("user", "secret"); }},
    {"client|caching", [](Recorder& r) { r.client_caching(true); }},
    {"client|getname", [](Recorder& r) { r.client_getname(); }},
    {"client|getredir", [](Recorder& r) { r.client_getredir(); }},
    {"client|help", [](Recorder& r) { r.client_help(); }},
    {"client|id", [](Recorder& r) { r.client_id(); }},
    {"client|info", [](Recorder& r) { r.client_info(); }},
    {"client|kill", [](Recorder& r) { r.client_kill("127.0.0.1:5000"); }},
    {"client|kill", [](Recorder& r) { r.client_kill({.id = 7, .skipme = false}); }},
    {"client|list", [](Recorder& r) { r.client_list(); }},
    {"client|list", [](Recorder& r) { r.client_list({.type = "normal"}); }},
    {"client|list", [](Recorder& r) { r.client_list({.ids = {1, 2}}); }},
    {"client|no-evict", [](Recorder& r) { r.client_no_evict(true); }},
    {"client|pause", [](Recorder& r) { r.client_pause(100ms, true); }},
    {"client|setname", [](Recorder& r) { r.client_setname("worker"); }},
    {"client|tracking", [](Recorder& r) { r.client_tracking(true, {.prefixes = {"a:"}, .bcast = true}); }},
    {"client|trackinginfo", [](Recorder& r) { r.client_trackinginfo(); }},
    {"client|unblock", [](Recorder& r) { r.client_unblock(7, true); }},
    {"client|unpause", [](Recorder& r) { r.client_unpause(); }},
    {"echo", [](Recorder& r) { r.echo("hello"); }},
    {"hello", [](Recorder& r) { r.hello(); }},
    {"hello", [](Recorder& r) { r.hello(3, {.username = "u", .password = "p", .client_name = "n"}); }},
    {"ping", [](Recorder& r) { r.ping(); }},
    {"ping", [](Recorder& r) { r.ping("message"); }},
    {"quit", [](Recorder& r) { r.quit(); }},
    {"reset", [](Recorder& r) { r.reset(); }},
    {"select", [](Recorder& r) { r.select(2); }},
})
