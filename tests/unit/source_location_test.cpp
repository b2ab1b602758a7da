#include <string_view>
#include <type_traits>

#include "support/catch.hpp"

#include <redispp/source_location.hpp>

using Catch::EndsWith;
using redispp::SourceLocation;

namespace {

// The pool records its callers this way (ConnectionPool::acquire, Pipeline's constructor).
SourceLocation where_called(SourceLocation where = SourceLocation::current()) { return where; }

SourceLocation called_from_a_named_function() { return where_called(); }

}  // namespace

// The type is part of the library's ABI: one plain class for every compiler, cheap to pass.
static_assert(std::is_trivially_copyable_v<SourceLocation>);

TEST_CASE("SourceLocation::current() as a default argument names the caller's file and line") {
  const auto line = __LINE__ + 1;
  const SourceLocation where = where_called();
  CHECK(where.line() == line);
  CHECK_THAT(where.file_name(), EndsWith("source_location_test.cpp"));
  CHECK(where.column() == 0);
}

TEST_CASE("SourceLocation::current() names the calling function, not the callee") {
  const std::string_view function = called_from_a_named_function().function_name();
  CHECK(function.find("called_from_a_named_function") != std::string_view::npos);
  CHECK(function.find("where_called") == std::string_view::npos);
}

TEST_CASE("A default-constructed SourceLocation is empty") {
  constexpr SourceLocation nowhere;
  CHECK(std::string_view(nowhere.file_name()).empty());
  CHECK(std::string_view(nowhere.function_name()).empty());
  CHECK(nowhere.line() == 0);
}
