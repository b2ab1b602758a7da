// <redispp/fwd.hpp> against the definitions: every name it declares is the class its own header
// defines (same kind, same template parameters), and a user's code compiled against fwd.hpp alone
// (fwd_only.cpp) works with objects made by code that sees everything.

// A declaration whose class-key differs from the definition's (struct Reply; for class Reply)
// is legal but breaks the Microsoft ABI and is a typo here: an error in this file.
#pragma GCC diagnostic error "-Wmismatched-tags"

#include <redispp/redispp.hpp>
#include <redispp/fwd.hpp>

#include <string>
#include <type_traits>

#include "support/catch.hpp"

#include "fwd_only.hpp"

// Each name fwd.hpp declares is defined by <redispp/redispp.hpp> (fwd_only.hpp lists them).
static_assert(fwd_test::count_complete(fwd_test::DeclaredNames{}) == fwd_test::count(fwd_test::DeclaredNames{}));
static_assert(std::is_base_of_v<redispp::Error, redispp::ConnectionError> &&
              std::is_base_of_v<redispp::ConnectionError, redispp::AuthenticationError> &&
              std::is_base_of_v<redispp::Error, redispp::ResponseError> &&
              std::is_base_of_v<redispp::ResponseError, redispp::WrongTypeError>);

TEST_CASE("code compiled against fwd.hpp alone holds the objects made where everything is seen") {
  // Making a Redis connects to nothing: the pool connects on the first command.
  redispp::Redis redis{redispp::ConnectionOptions{}};
  fwd_test::Session session(redis);
  CHECK(&session.redis() == &redis);
  CHECK(session.last_error() == nullptr);

  const redispp::DataError error("a value the server would refuse");
  session.fail(error);
  REQUIRE(session.last_error() == &error);
  CHECK(std::string(session.last_error()->what()) == "a value the server would refuse");
  CHECK(dynamic_cast<const redispp::DataError*>(session.last_error()) != nullptr);
}
