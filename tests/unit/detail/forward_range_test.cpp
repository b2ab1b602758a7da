// detail::forward_range and detail::range_reference_t (spelled with <iterator> so that the
// public headers need not include <ranges>) mean what std::ranges::forward_range and
// std::ranges::range_reference_t mean: every range a user passed as a command argument before
// is still one, and nothing else became one. No std::ranges views here: clang 14 cannot compile
// libstdc++ 12's views (the clang++ stage of scripts/test.sh builds this file).
#include "support/catch.hpp"

#include <array>
#include <forward_list>
#include <initializer_list>
#include <iterator>
#include <list>
#include <map>
#include <optional>
#include <ranges>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include <redispp/detail/forward_range.hpp>
#include <redispp/protocol/encoder.hpp>

namespace {

// A user's container found by argument-dependent begin/end, and one that can be walked once.
namespace user {
struct Names {
  std::vector<std::string> items;
};
inline auto begin(const Names& n) { return n.items.begin(); }
inline auto end(const Names& n) { return n.items.end(); }

struct Stream {
  std::istream* in;
  std::istream_iterator<std::string> begin() const { return std::istream_iterator<std::string>(*in); }
  std::istream_iterator<std::string> end() const { return {}; }
};
}  // namespace user

template <class T>
constexpr bool agrees() {
  static_assert(redispp::detail::forward_range<T> == std::ranges::forward_range<T>);
  if constexpr (std::ranges::forward_range<T>)
    static_assert(std::is_same_v<redispp::detail::range_reference_t<T>, std::ranges::range_reference_t<T>>);
  return true;
}

template <class... T>
constexpr bool all_agree() {
  return ((agrees<T>() && agrees<const T>() && agrees<T&>()) && ...);
}

static_assert(all_agree<int, char, const char*, std::string, std::string_view, std::vector<std::string>, std::vector<int>,
                        std::vector<std::pair<std::string, double>>, std::map<std::string, double>,
                        std::unordered_map<std::string, std::string>, std::set<int>, std::list<std::string>,
                        std::forward_list<long long>, std::span<const std::string>, std::array<int, 3>, int[3], char[6],
                        std::initializer_list<std::string_view>, std::optional<int>, std::pair<int, int>, user::Names,
                        user::Stream>());

}  // namespace

TEST_CASE("forward_range: containers are ranges of arguments, a single-pass stream is not", "[detail][ranges]") {
  CHECK(redispp::detail::range_argument<std::vector<std::string>>);
  CHECK(redispp::detail::range_argument<std::map<std::string, double>>);
  CHECK(redispp::detail::range_argument<std::span<const int>>);
  CHECK(redispp::detail::range_argument<user::Names>);
  CHECK_FALSE(redispp::detail::range_argument<user::Stream>);  // single-pass: not a forward range
  CHECK_FALSE(redispp::detail::range_argument<std::string>);   // text, one argument
  CHECK_FALSE(redispp::detail::range_argument<std::optional<int>>);
}
