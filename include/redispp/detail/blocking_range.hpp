#pragma once
// BlockingRange<T>: a blocking input range over values handed out one at a time by a function
// (the next value, or nullopt when the range is over), for range-for loops that wait:
//   for (const redispp::Message& m : ps.listen()) ...      (PubSub::listen)
//   for (const redispp::MonitorCommand& c : mon.listen()) ... (Monitor::listen)
// begin() reads the first value; each ++ reads the next. Input iterators: one pass, and the
// value seen through an iterator lasts until the next ++.

#include <cstddef>     // std::ptrdiff_t
#include <iterator>    // std::input_iterator_tag, std::default_sentinel_t
#include <optional>    // std::optional
#include <utility>     // std::move

#include <redispp/detail/function.hpp>  // std::function

namespace redispp::detail {

template <class T>
class BlockingRange {
 public:
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;

    iterator() = default;
    const T& operator*() const noexcept { return *range_->current_; }
    const T* operator->() const noexcept { return &*range_->current_; }
    iterator& operator++() {
      range_->advance();
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& it, std::default_sentinel_t) noexcept { return it.at_end(); }

   private:
    friend class BlockingRange;
    explicit iterator(BlockingRange* range) noexcept : range_(range) {}
    bool at_end() const noexcept { return range_ == nullptr || !range_->current_; }
    BlockingRange* range_ = nullptr;
  };

  /// `next` returns the next value, waiting as long as it takes, or nullopt at the end.
  explicit BlockingRange(std::function<std::optional<T>()> next) : next_(std::move(next)) {}

  iterator begin() {
    if (!started_) {
      started_ = true;
      advance();
    }
    return iterator(this);
  }
  std::default_sentinel_t end() const noexcept { return {}; }

 private:
  void advance() { current_ = next_(); }

  std::function<std::optional<T>()> next_;
  std::optional<T> current_;
  bool started_ = false;
};

}  // namespace redispp::detail
