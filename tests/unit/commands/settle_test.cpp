// settle(): an error reply throws its exception, any other is converted, and a reply that does
// not convert throws ReplyTypeError naming the command, its first key and the reply, keeping the
// whole reply. The same through PipelineResults, which settles with the pipeline index.
#include "support/catch.hpp"

#include <optional>
#include <string>
#include <vector>

#include <redispp/commands/command_set.hpp>
#include <redispp/commands/settle.hpp>
#include <redispp/pipeline_results.hpp>

namespace cmd = redispp::cmd;
using redispp::ErrorContext;
using redispp::Reply;

TEST_CASE("settle converts a reply to the command's type", "[settle]") {
  CHECK(redispp::settle(cmd::incr("n"), Reply::integer(5), {}) == 5);
  CHECK(redispp::settle(cmd::get("k"), Reply::nil(), {}) == std::nullopt);
}

TEST_CASE("settle throws an error reply's exception, prefixed with where it came from", "[settle]") {
  CHECK_THROWS_MATCHES(redispp::settle(cmd::incr("n"), Reply::error("WRONGTYPE Operation against a key"),
                                       {.endpoint = "127.0.0.1:6379"}),
                       redispp::WrongTypeError,
                       Catch::Message("INCR on 127.0.0.1:6379: WRONGTYPE Operation against a key"));
}

TEST_CASE("a reply that does not convert names the command, its key and the reply", "[settle]") {
  const auto command = cmd::get<long long>("user:1");
  try {
    (void)redispp::settle(command, Reply::bulk_string("hello"), {.endpoint = "127.0.0.1:6379"});
    FAIL("no exception");
  } catch (const redispp::ReplyTypeError& e) {
    CHECK(std::string(e.what()) ==
          "GET \"user:1\" on 127.0.0.1:6379: cannot convert bulk string reply of 5 bytes \"hello\" to long long: not "
          "a whole number in range");
    CHECK(e.reply().str() == "hello");
  }
  // A DataError still: code catching conversion errors by their old kind keeps working.
  CHECK_THROWS_AS(redispp::settle(command, Reply::bulk_string("hello"), {}), redispp::DataError);
}

TEST_CASE("a long key and value are cut to 32 bytes; the exception keeps the whole value", "[settle]") {
  const std::string key = "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk";  // 40 bytes
  const std::string value = "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvPRIVATE";
  try {
    (void)redispp::settle(cmd::get<long long>(key), Reply::bulk_string(value), {});
    FAIL("no exception");
  } catch (const redispp::ReplyTypeError& e) {
    const std::string what = e.what();
    CHECK(what.starts_with("GET \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\"...: cannot convert bulk string reply of 39 bytes "
                           "\"vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv\"... to long long"));
    CHECK(what.find("PRIVATE") == std::string::npos);
    CHECK(e.reply().str() == value);
  }
}

TEST_CASE("an element that does not convert: the message says what the whole reply was", "[settle]") {
  const auto command = redispp::make_read_command<std::vector<long long>>(cmd::first_key, "LRANGE", "l", 0, -1);
  try {
    (void)redispp::settle(command, Reply::array({Reply::bulk_string("1"), Reply::bulk_string("x")}), {});
    FAIL("no exception");
  } catch (const redispp::ReplyTypeError& e) {
    CHECK(std::string(e.what()) ==
          "LRANGE \"l\": cannot convert bulk string reply of 1 byte \"x\" to long long: not a whole number in range "
          "(the whole reply: array reply of 2 elements)");
    REQUIRE(e.reply().elements().size() == 2);
    CHECK(e.reply().elements()[1].str() == "x");
  }
}

TEST_CASE("a command without keys is named alone", "[settle]") {
  CHECK_THROWS_WITH(redispp::settle(cmd::dbsize(), Reply::bulk_string("many"), {}),
                    Catch::StartsWith("DBSIZE: cannot convert bulk string reply of 4 bytes \"many\""));
}

TEST_CASE("the late context is made only when settle throws", "[settle]") {
  int made = 0;
  const auto with_context = [&made](const auto& fail) {
    ++made;
    fail(ErrorContext{.endpoint = std::string("made-late:1")});
  };
  CHECK(redispp::settle(cmd::incr("n"), Reply::integer(1), with_context) == 1);
  CHECK(made == 0);
  CHECK_THROWS_WITH(redispp::settle(cmd::incr("n"), Reply::error("ERR no"), with_context),
                    "INCR on made-late:1: ERR no");
  CHECK_THROWS_WITH(redispp::settle(cmd::incr("n"), Reply::bulk_string("x"), with_context),
                    Catch::StartsWith("INCR \"n\" on made-late:1: cannot convert"));
  CHECK(made == 2);
}

TEST_CASE("PipelineResults settle with the command's index", "[settle][pipeline]") {
  std::vector<Reply> replies;
  replies.push_back(Reply::simple_string("OK"));
  replies.push_back(Reply::bulk_string("hello"));
  replies.push_back(Reply::error("WRONGTYPE Operation against a key"));
  std::vector<redispp::detail::QueuedCommand> commands{redispp::detail::QueuedCommand::of(cmd::set("a", "1", {})),
                                                       redispp::detail::QueuedCommand::of(cmd::get<long long>("a")),
                                                       redispp::detail::QueuedCommand::of(cmd::incr("a"))};
  redispp::PipelineResults results(std::move(replies), std::move(commands), "127.0.0.1:6379");
  CHECK(results.get<bool>(0));
  try {
    (void)results.get<std::optional<long long>>(1);
    FAIL("no exception");
  } catch (const redispp::ReplyTypeError& e) {
    CHECK(std::string(e.what()) ==
          "GET on 127.0.0.1:6379 (command 1 in pipeline): cannot convert bulk string reply of 5 bytes \"hello\" to "
          "long long: not a whole number in range");
    CHECK(e.reply().str() == "hello");
  }
  CHECK(results.reply(1).str() == "hello");  // get() converted a copy
  CHECK_THROWS_AS(results.take<std::optional<long long>>(1), redispp::ReplyTypeError);
  CHECK_THROWS_MATCHES(
      results.get<long long>(2), redispp::WrongTypeError,
      Catch::Message("INCR on 127.0.0.1:6379 (command 2 in pipeline): WRONGTYPE Operation against a key"));
}
