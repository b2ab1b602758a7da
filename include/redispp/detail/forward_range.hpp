#pragma once
// The two range facts the argument concepts need: "can be walked more than once" and "what
// walking it yields", spelled with <iterator>'s std::ranges::begin/end instead of <ranges>.
//
// Why not std::ranges::forward_range: only <ranges> is sure to declare it, and <ranges> (the
// views, <span>, <array> and parts of <algorithm> with it) is a large header that every file
// including a redispp header would parse for two concepts; <iterator> declares
// std::ranges::begin, std::ranges::end and the iterator concepts. Measured with g++ 12 on a file
// that only includes <redispp/redispp.hpp>: see bench/README.md. Same meaning as the standard's
// concepts (a type that is a std::ranges::forward_range is a detail::forward_range and the
// other way round), so a user's container that worked before works now.

#include <iterator>  // std::ranges::begin, std::ranges::end, std::forward_iterator, std::sentinel_for
#include <utility>   // std::declval

namespace redispp::detail {

/// std::ranges::iterator_t: what std::ranges::begin returns for an lvalue R.
template <class R>
using range_iterator_t = decltype(std::ranges::begin(std::declval<R&>()));

/// std::ranges::range_reference_t: what dereferencing R's iterator yields.
template <class R>
using range_reference_t = std::iter_reference_t<range_iterator_t<R>>;

/// std::ranges::forward_range: begin and end, and an iterator that can go over it again.
template <class R>
concept forward_range = requires(R& r) {
  std::ranges::begin(r);
  std::ranges::end(r);
} && std::forward_iterator<range_iterator_t<R>>;

}  // namespace redispp::detail
