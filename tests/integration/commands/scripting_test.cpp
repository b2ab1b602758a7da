// Scripting and function commands against a real server, in every parser x protocol
// configuration. Database 16 of the plain server; what acts on the whole server (SCRIPT FLUSH,
// the FUNCTION library) runs against the "admin" server.
#include "support/catch.hpp"

#include <algorithm>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"

using redispp::Reply;
using redispp::test::plain_options;

namespace {
constexpr int test_db = 16;

redispp::ConnectionOptions admin_options(const redispp::test::ClientConfig& config) {
  redispp::ConnectionOptions options = redispp::test::server("admin").options(test_db);
  options.parser = config.parser;
  options.protocol = config.protocol;
  options.socket_timeout = std::chrono::seconds(5);
  return options;
}

constexpr std::string_view library = R"(#!lua name=redispp_test
redis.register_function{function_name = 'echo_arg', callback = function(keys, args) return args[1] end,
                        flags = {'no-writes'}, description = 'returns its first argument'}
redis.register_function('set_key', function(keys, args) return redis.call('SET', keys[1], args[1]) end)
)";
}  // namespace

TEST_CASE("eval: keys and arguments, the raw reply or a typed one", "[commands][scripting]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);

  CHECK(r.eval("return 42") == Reply::integer(42));
  CHECK(r.eval<long long>("return #KEYS + #ARGV", {"a", "b"}, {"x"}) == 3);
  CHECK(r.eval<std::vector<std::string>>("return {KEYS[1], ARGV[1], ARGV[2]}", {"k"}, {"v", "w"}) ==
        std::vector<std::string>{"k", "v", "w"});
  // Ranges of any argument type: numbers as arguments, numkeys counted from the range.
  CHECK(r.eval<long long>("return ARGV[1] + ARGV[2]", std::vector<std::string>{}, std::vector<int>{40, 2}) == 42);
  // Braced lists of mixed values: numbers and text together (ScriptArgs).
  CHECK(r.eval<long long>("return ARGV[1] + ARGV[2]", {}, {40, 2}) == 42);
  CHECK(r.eval<std::vector<std::string>>("return {KEYS[1], ARGV[1], ARGV[2], ARGV[3]}", {"k"}, {"a", 2, 3.5}) ==
        std::vector<std::string>{"k", "a", "2", "3.5"});
  CHECK(r.eval<std::string>("return KEYS[2]", std::vector<std::string>{"one", "two"}) == "two");

  // A script that writes: the status reply comes back as it is, and the write happened.
  const Reply status = r.eval("return redis.call('SET', KEYS[1], ARGV[1])", {"k"}, {"v"});
  CHECK(status.type() == redispp::ReplyType::simple_string);
  CHECK(status.str() == "OK");
  CHECK(r.get("k") == "v");
  CHECK(r.eval<std::optional<std::string>>("return redis.call('GET', KEYS[1])", {"missing"}) == std::nullopt);
  CHECK(r.eval("return nil").is_nil());

  CHECK_THROWS_AS(r.eval("this is not lua"), redispp::ResponseError);
  CHECK_THROWS_AS(r.eval("return redis.call('LPUSH', KEYS[1], 'x')", {"k"}), redispp::WrongTypeError);
  // EVAL_RO refuses writes.
  CHECK(r.eval_ro<std::string>("return redis.call('GET', KEYS[1])", {"k"}) == "v");
  CHECK_THROWS_AS(r.eval_ro("return redis.call('SET', KEYS[1], 'x')", {"k"}), redispp::ResponseError);
}

TEST_CASE("script load / exists / evalsha, and NoScriptError", "[commands][scripting]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);

  const std::string sha = r.script_load("return ARGV[1] .. KEYS[1]");
  CHECK(sha.size() == 40);
  CHECK(r.evalsha<std::string>(sha, {"k"}, {"v"}) == "vk");
  CHECK(r.evalsha_ro<std::string>(sha, {"k"}, {"w"}) == "wk");
  const std::string unknown(40, 'f');
  CHECK(r.script_exists(sha, unknown) == std::vector<bool>{true, false});
  CHECK(r.script_exists({unknown}) == std::vector<bool>{false});
  try {
    r.evalsha(unknown);
    FAIL("EVALSHA of an unknown script must fail");
  } catch (const redispp::NoScriptError& e) {
    CHECK(e.code() == "NOSCRIPT");
  }
  CHECK_THROWS_AS(r.evalsha_ro(unknown), redispp::NoScriptError);

  CHECK(r.script_debug(redispp::ScriptDebugMode::no));
  try {
    r.script_kill();
    FAIL("SCRIPT KILL with no script running must fail");
  } catch (const redispp::ResponseError& e) {
    CHECK(e.code() == "NOTBUSY");
  }
  const std::vector<std::string> help = r.script_help();
  REQUIRE_FALSE(help.empty());
  CHECK(help.front().find("SCRIPT") != std::string::npos);
}

TEST_CASE("script flush empties the server's script cache", "[commands][scripting]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis admin{admin_options(config)};
  const std::string sha = admin.script_load("return 'flush me'");
  CHECK(admin.script_exists(sha) == std::vector<bool>{true});
  CHECK(admin.script_flush());
  CHECK(admin.script_exists(sha) == std::vector<bool>{false});
  admin.script_load("return 'flush me'");
  CHECK(admin.script_flush(redispp::ScriptFlushMode::async));
  admin.script_load("return 'flush me'");
  CHECK(admin.script_flush(redispp::ScriptFlushMode::sync));
  CHECK(admin.script_exists(sha) == std::vector<bool>{false});
  CHECK_THROWS_AS(admin.evalsha(sha), redispp::NoScriptError);
}

TEST_CASE("functions: load, fcall, list, stats, dump, restore, delete, flush", "[commands][scripting]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis admin{admin_options(config)};
  admin.flushdb();
  CHECK(admin.function_flush(redispp::ScriptFlushMode::sync));

  CHECK(admin.function_load(library) == "redispp_test");
  CHECK_THROWS_AS(admin.function_load(library), redispp::ResponseError);  // exists already
  CHECK(admin.function_load(library, true) == "redispp_test");

  CHECK(admin.fcall<std::string>("echo_arg", {}, {"hello"}) == "hello");
  CHECK(admin.fcall_ro<std::string>("echo_arg", {}, {"ro"}) == "ro");
  CHECK(admin.fcall("set_key", {"k"}, {"v"}) == Reply::simple_string("OK"));
  CHECK(admin.get("k") == "v");
  CHECK_THROWS_AS(admin.fcall_ro("set_key", {"k"}, {"v"}), redispp::ResponseError);  // not no-writes
  CHECK_THROWS_AS(admin.fcall("no_such_function"), redispp::ResponseError);

  const std::vector<redispp::FunctionLibrary> libraries = admin.function_list();
  REQUIRE(libraries.size() == 1);
  CHECK(libraries[0].library_name == "redispp_test");
  CHECK(libraries[0].engine == "LUA");
  CHECK(libraries[0].library_code == std::nullopt);
  REQUIRE(libraries[0].functions.size() == 2);
  auto functions = libraries[0].functions;
  std::sort(functions.begin(), functions.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  CHECK(functions[0] == redispp::FunctionInfo{"echo_arg", "returns its first argument", {"no-writes"}});
  CHECK(functions[1] == redispp::FunctionInfo{"set_key", std::nullopt, {}});
  const auto with_code = admin.function_list({.library_name = "redispp_*", .withcode = true});
  REQUIRE(with_code.size() == 1);
  CHECK(with_code[0].library_code == std::string(library));
  CHECK(admin.function_list({.library_name = "nothing*"}).empty());

  const redispp::FunctionStats stats = admin.function_stats();
  CHECK_FALSE(stats.running_script.has_value());
  REQUIRE(stats.engines.count("LUA") == 1);
  CHECK(stats.engines.at("LUA").libraries_count == 1);
  CHECK(stats.engines.at("LUA").functions_count == 2);

  try {
    admin.function_kill();
    FAIL("FUNCTION KILL with no function running must fail");
  } catch (const redispp::ResponseError& e) {
    CHECK(e.code() == "NOTBUSY");
  }

  // DUMP, DELETE, RESTORE: the payload is binary and must survive the round trip.
  const std::string payload = admin.function_dump();
  CHECK_FALSE(payload.empty());
  CHECK(admin.function_delete("redispp_test"));
  CHECK_THROWS_AS(admin.function_delete("redispp_test"), redispp::ResponseError);
  CHECK(admin.function_list().empty());
  CHECK(admin.function_restore(payload));
  CHECK(admin.fcall<std::string>("echo_arg", {}, {"back"}) == "back");
  CHECK_THROWS_AS(admin.function_restore(payload), redispp::ResponseError);  // APPEND: library exists
  CHECK(admin.function_restore(payload, redispp::FunctionRestorePolicy::replace));
  CHECK(admin.function_restore(payload, redispp::FunctionRestorePolicy::flush));
  CHECK(admin.function_list().size() == 1);

  CHECK(admin.function_flush());
  CHECK(admin.function_list().empty());
  CHECK(admin.function_stats().engines.at("LUA").libraries_count == 0);
  CHECK(admin.function_help().front().find("FUNCTION") != std::string::npos);
}

TEST_CASE("scripting commands in a pipeline", "[commands][scripting][pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  const std::string sha = r.script_load("return KEYS[1]");
  auto p = r.pipeline();
  p.eval("return {1, 'two'}")
      .eval<long long>("return #ARGV", {}, {"a", "b"})
      .evalsha<std::string>(sha, {"key"})
      .script_exists(sha)
      .script_load("return 2");
  const auto res = p.execute();
  REQUIRE(res.size() == 5);
  const Reply array = res.get<Reply>(0);
  REQUIRE(array.type() == redispp::ReplyType::array);
  REQUIRE(array.elements().size() == 2);
  CHECK(array.elements()[0] == Reply::integer(1));
  CHECK(array.elements()[1].str() == "two");
  CHECK(res.get<long long>(1) == 2);
  CHECK(res.get<std::string>(2) == "key");
  CHECK(res.get<std::vector<bool>>(3) == std::vector<bool>{true});
  CHECK(res.get<std::string>(4).size() == 40);
}
