// Scripting and function commands: one entry per command of the "scripting" group (see coverage.hpp).
#include "integration/commands/coverage.hpp"

using redispp::test::Recorder;

REDISPP_COVERAGE(scripting, {
    {"eval", [](Recorder& r) { r.eval("return 1", {"k"}, {"a"}); }},
    {"eval_ro", [](Recorder& r) { r.eval_ro<long long>("return 1"); }},
    {"evalsha", [](Recorder& r) { r.evalsha("e0e1f9fabfc9d4800c877a703b823ac0578ff8db", {"k"}); }},
    {"evalsha_ro", [](Recorder& r) { r.evalsha_ro("e0e1f9fabfc9d4800c877a703b823ac0578ff8db"); }},
    {"fcall", [](Recorder& r) { r.fcall("f", {"k"}, {"a"}); }},
    {"fcall_ro", [](Recorder& r) { r.fcall_ro("f"); }},
    {"function|delete", [](Recorder& r) { r.function_delete("lib"); }},
    {"function|dump", [](Recorder& r) { r.function_dump(); }},
    {"function|flush", [](Recorder& r) { r.function_flush(redispp::ScriptFlushMode::sync); }},
    {"function|help", [](Recorder& r) { r.function_help(); }},
    {"function|kill", [](Recorder& r) { r.function_kill(); }},
    {"function|list", [](Recorder& r) { r.function_list({.library_name = "lib*", .withcode = true}); }},
    {"function|load", [](Recorder& r) { r.function_load("#!lua name=lib\n", true); }},
    {"function|restore", [](Recorder& r) { r.function_restore("payload", redispp::FunctionRestorePolicy::replace); }},
    {"function|stats", [](Recorder& r) { r.function_stats(); }},
    {"script|debug", [](Recorder& r) { r.script_debug(redispp::ScriptDebugMode::no); }},
    {"script|exists", [](Recorder& r) { r.script_exists("a", "b"); }},
    {"script|flush", [](Recorder& r) { r.script_flush(); }},
    {"script|help", [](Recorder& r) { r.script_help(); }},
    {"script|kill", [](Recorder& r) { r.script_kill(); }},
    {"script|load", [](Recorder& r) { r.script_load("return 1"); }},
})
