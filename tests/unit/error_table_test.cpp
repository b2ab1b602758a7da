// The error table: an error reply's first word picks its exception class; MOVED and ASK carry
// where to go. No server: the replies are the servers' words as strings.
#include "support/catch.hpp"

#include <exception>
#include <string>
#include <typeinfo>

#include <redispp/errors.hpp>

namespace {
// Raises `message` through `table` and hands the exception, caught as E (not copied: its dynamic
// class is the one raised), to check(). Fails when another class is raised.
template <class E, class Check>
void with_raised(std::string_view message, Check&& check,
                 const redispp::ErrorTable& table = redispp::ErrorTable::standard(),
                 const redispp::ErrorContext& context = {}) {
  INFO(message);
  try {
    table.raise(message, context);
  } catch (const E& e) {
    check(e);
    return;
  } catch (const std::exception& e) {
    FAIL("raised " << typeid(e).name() << ": " << e.what());
  }
}
// The error's exact class is E.
template <class E>
void raises_exactly(std::string_view message, const redispp::ErrorTable& table = redispp::ErrorTable::standard()) {
  with_raised<E>(message, [](const E& e) { CHECK(typeid(e) == typeid(E)); }, table);
}
}  // namespace

TEST_CASE("error table: each code has its class, the server's words and the context", "[errors]") {
  with_raised<redispp::WrongTypeError>(
      "WRONGTYPE Operation against a key holding the wrong kind of value",
      [](const redispp::WrongTypeError& e) {
        CHECK(e.code() == "WRONGTYPE");
        CHECK(std::string(e.what()) == "LPUSH on h:1: WRONGTYPE Operation against a key holding the wrong kind of value");
        CHECK(e.message() == "WRONGTYPE Operation against a key holding the wrong kind of value");
      },
      redispp::ErrorTable::standard(), {"LPUSH", "h:1"});
  raises_exactly<redispp::WrongTypeError>("WRONGTYPE x");
  raises_exactly<redispp::TryAgainError>("TRYAGAIN Multiple keys request during rehashing of slot");
  raises_exactly<redispp::ClusterDownError>("CLUSTERDOWN The cluster is down");
  raises_exactly<redispp::CrossSlotError>("CROSSSLOT Keys in request don't hash to the same slot");
  raises_exactly<redispp::ReadOnlyError>("READONLY You can't write against a read only replica.");
  raises_exactly<redispp::NoScriptError>("NOSCRIPT No matching script. Please use EVAL.");
  raises_exactly<redispp::BusyLoadingError>("LOADING Redis is loading the dataset in memory");
  raises_exactly<redispp::AuthenticationError>("NOAUTH Authentication required.");
  raises_exactly<redispp::AuthenticationError>("WRONGPASS invalid username-password pair or user is disabled.");
  raises_exactly<redispp::AuthenticationError>("ERR invalid password");
  raises_exactly<redispp::MaxClientsError>("ERR max number of clients reached");
  raises_exactly<redispp::ResponseError>("ERR unknown command 'FOO'");
  with_raised<redispp::ResponseError>("ERR unknown command 'FOO'", [](const auto& e) { CHECK(e.code() == "ERR"); });
}

TEST_CASE("error table: MOVED and ASK carry the slot, host and port", "[errors][cluster]") {
  with_raised<redispp::MovedError>("MOVED 3999 127.0.0.1:6381", [](const redispp::MovedError& e) {
    CHECK(typeid(e) == typeid(redispp::MovedError));
    CHECK(e.slot() == 3999);
    CHECK(e.host() == "127.0.0.1");
    CHECK(e.port() == 6381);
    CHECK(e.code() == "MOVED");
  });
  with_raised<redispp::AskError>("ASK 16383 redis-7.internal:7005", [](const redispp::AskError& e) {
    CHECK(typeid(e) == typeid(redispp::AskError));
    CHECK(e.slot() == 16383);
    CHECK(e.host() == "redis-7.internal");
    CHECK(e.port() == 7005);
  });
  // Caught by their common base, as a cluster router catches them.
  with_raised<redispp::RedirectError>("ASK 0 ::1:7000", [](const auto& e) { CHECK(e.host() == "::1"); });
  with_raised<redispp::RedirectError>("MOVED 12 [::1]:7000", [](const auto& e) { CHECK(e.host() == "::1"); });
  with_raised<redispp::MovedError>("MOVED 12 :7000", [](const auto& e) { CHECK(e.host().empty()); });
  // Malformed: a plain ResponseError saying so, never a redirect to nowhere.
  for (const char* bad : {"MOVED", "MOVED x 1.2.3.4:5", "MOVED 3999", "MOVED 3999 1.2.3.4", "MOVED 16384 h:1",
                          "ASK 1 h:0", "ASK 1 h:65536", "MOVED 1 h:12ab"}) {
    with_raised<redispp::ResponseError>(bad, [](const redispp::ResponseError& e) {
      CHECK(typeid(e) == typeid(redispp::ResponseError));
      CHECK_THAT(e.what(), Catch::Contains("could not read"));
    });
  }
}

namespace {
class ModuleError : public redispp::ResponseError {
 public:
  using ResponseError::ResponseError;
};
}  // namespace

TEST_CASE("error table: a host adds rows of its own, the standard table stays as it was", "[errors]") {
  redispp::ErrorTable table = redispp::ErrorTable::standard();
  table.add("MYMODULE", [](redispp::ErrorReply&& e) {
    throw ModuleError(std::string(e.code), e.what, std::string(e.message));
  });
  raises_exactly<ModuleError>("MYMODULE bad input", table);
  raises_exactly<redispp::ResponseError>("MYMODULE bad input");
  // A replaced row wins.
  table.add("WRONGTYPE", [](redispp::ErrorReply&& e) { throw ModuleError("W", e.what, std::string(e.message)); });
  with_raised<ModuleError>("WRONGTYPE x", [](const ModuleError& e) { CHECK(e.code() == "W"); }, table);
  raises_exactly<redispp::WrongTypeError>("WRONGTYPE x");
  CHECK(table.find("NOSUCH") == nullptr);
}

TEST_CASE("Error::add_note keeps the class and extends what()", "[errors]") {
  try {
    try {
      throw redispp::BusyLoadingError("connect to h:1: LOADING Redis is loading");
    } catch (redispp::Error& e) {
      e.add_note(" (gave up after 4 attempts)");
      throw;
    }
  } catch (const redispp::BusyLoadingError& e) {
    CHECK(std::string(e.what()) == "connect to h:1: LOADING Redis is loading (gave up after 4 attempts)");
  }
}
