// A translation unit that sees only <redispp/fwd.hpp>, as a user's header that passes redispp's
// objects around would: no precompiled header here (tests/unit/CMakeLists.txt), so nothing else
// of redispp is in view.
#include <redispp/fwd.hpp>

#include "fwd_only.hpp"

// fwd.hpp declares and never defines: a class it defined (or a header it included that does)
// would make it as heavy as the header it stands in for.
static_assert(fwd_test::count_complete(fwd_test::DeclaredNames{}) == 0);
// REDISPP_FWD_DECLARATIONS: how many declarations fwd.hpp has, counted by tests/unit/CMakeLists.txt.
static_assert(fwd_test::count(fwd_test::DeclaredNames{}) == REDISPP_FWD_DECLARATIONS,
              "every name fwd.hpp declares is listed in fwd_only.hpp's DeclaredNames");

namespace fwd_test {

Session::Session(redispp::Redis& redis) noexcept : redis_(&redis) {}

void Session::fail(const redispp::Error& error) noexcept { last_error_ = &error; }

}  // namespace fwd_test
