// ShortName: a queued pipeline command's name. Names up to 23 bytes live inline, longer ones on
// the heap; every size around the boundaries, and copies, moves and assignments between the two
// kinds, must keep exactly the bytes given (ASan checks the heap side).
#include "support/catch.hpp"

#include <string>
#include <utility>
#include <vector>

#include <redispp/detail/short_name.hpp>

using redispp::detail::ShortName;

namespace {
// A name of `size` bytes that differ from one another, so that a byte copied to the wrong place
// shows.
std::string name_of(std::size_t size) {
  std::string name;
  for (std::size_t i = 0; i < size; ++i) name.push_back(static_cast<char>('A' + i % 26));
  return name;
}
}  // namespace

TEST_CASE("ShortName: keeps every size, inline and on the heap", "[detail][short_name]") {
  for (std::size_t size = 0; size <= 80; ++size) {
    const std::string text = name_of(size);
    const ShortName name(text);
    CHECK(name.view() == text);
  }
  CHECK(ShortName().view().empty());
  CHECK(ShortName(std::string_view("A\0B", 3)).view() == std::string_view("A\0B", 3));
}

TEST_CASE("ShortName: copies, moves and assignments between inline and heap names", "[detail][short_name]") {
  const std::size_t sizes[] = {0, 3, 16, 17, ShortName::inline_capacity, ShortName::inline_capacity + 1, 64};
  for (std::size_t from_size : sizes) {
    for (std::size_t to_size : sizes) {
      const std::string from_text = name_of(from_size);
      const std::string to_text = std::string(to_size, 'z');
      CAPTURE(from_size, to_size);

      ShortName from(from_text);
      ShortName copy(from);
      CHECK(copy.view() == from_text);
      CHECK(from.view() == from_text);

      ShortName copied_over(to_text);
      copied_over = from;
      CHECK(copied_over.view() == from_text);
      CHECK(from.view() == from_text);

      ShortName moved(std::move(copy));
      CHECK(moved.view() == from_text);
      CHECK(copy.view().empty());  // NOLINT(bugprone-use-after-move): a moved-from name is empty

      ShortName moved_over(to_text);
      moved_over = std::move(moved);
      CHECK(moved_over.view() == from_text);
      CHECK(moved.view().empty());  // NOLINT(bugprone-use-after-move)

      ShortName& self = moved_over;
      moved_over = self;
      CHECK(moved_over.view() == from_text);
      moved_over = std::move(self);
      CHECK(moved_over.view() == from_text);
    }
  }
}

TEST_CASE("ShortName: in a growing vector (moved on every reallocation)", "[detail][short_name]") {
  std::vector<ShortName> names;
  for (std::size_t i = 0; i < 100; ++i) names.emplace_back(name_of(i % 40));
  for (std::size_t i = 0; i < 100; ++i) CHECK(names[i].view() == name_of(i % 40));
}
