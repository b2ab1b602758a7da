// One mapping from an error reply to an exception: the same WRONGTYPE reply raised through every
// path (a command, a pipeline with and without MULTI, a result read later, an immediate command
// of a watching pipeline) is the same class with the same message shape, naming the command and
// the server. Real server: database 28 of "plain".
#include "support/catch.hpp"

#include <functional>
#include <string>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"

namespace {
constexpr int test_db = 28;

// What the error looks like through one path.
struct Raised {
  std::string what;
  std::string code;
  std::string message;
  bool wrong_type = false;
};

Raised raise_through(const std::function<void()>& path) {
  try {
    path();
  } catch (const redispp::WrongTypeError& e) {
    return Raised{e.what(), e.code(), std::string(e.message()), true};
  } catch (const redispp::ResponseError& e) {
    return Raised{e.what(), e.code(), std::string(e.message()), false};
  }
  FAIL("no ResponseError was raised");
  return {};
}
}  // namespace

TEST_CASE("an error reply raised through every path: one class, one message shape", "[errors]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  const auto options = redispp::test::plain_options(config, test_db);
  const std::string endpoint = redispp::endpoint_name(options);
  redispp::Redis r{options};
  r.set("text", "abc");
  const std::string server_words = "WRONGTYPE Operation against a key holding the wrong kind of value";

  const std::vector<std::pair<std::string, std::function<void()>>> paths = {
      {"command", [&] { r.lpush("text", "x"); }},
      {"pipeline", [&] { r.pipeline(false).set("a", 1).lpush("text", "x").execute(); }},
      {"transaction", [&] { r.pipeline(true).set("a", 1).lpush("text", "x").execute(); }},
      {"result read later", [&] { (void)r.pipeline(false).set("a", 1).lpush("text", "x").execute(false).get<long long>(1); }},
      {"immediate command",
       [&] {
         auto pipe = r.pipeline();
         pipe.watch("text");
         pipe.immediate().lpush("text", "x");
       }},
  };
  for (const auto& [name, path] : paths) {
    INFO("path: " << name);
    const Raised raised = raise_through(path);
    CHECK(raised.wrong_type);
    CHECK(raised.code == "WRONGTYPE");
    CHECK(raised.message == server_words);
    CHECK_THAT(raised.what, Catch::StartsWith("LPUSH on " + endpoint) && Catch::EndsWith(": " + server_words));
    const bool in_pipeline = name != "command" && name != "immediate command";
    CHECK((raised.what.find(" (command 1 in pipeline): ") != std::string::npos) == in_pipeline);
  }
  r.del("text", "a");
}
