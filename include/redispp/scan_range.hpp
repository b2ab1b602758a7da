#pragma once
// ScanRange: the SCAN family as a lazy input range. Each page is fetched when the previous one
// is used up, so iterating a keyspace of millions holds one page at a time:
//
//   for (const std::string& key : r.scan_iter({.match = "user:*"})) ...
//
// SCAN's guarantees apply: an element present for the whole iteration is returned at least
// once; it may be returned more than once.

#include <cstdint>     // std::uint64_t
#include <iterator>    // std::default_sentinel_t, std::input_iterator_tag

#include <redispp/commands/options.hpp>
#include <redispp/detail/function.hpp>  // std::function

namespace redispp {

template <class Items>
class ScanRange {
 public:
  using value_type = typename Items::value_type;
  using Fetch = std::function<ScanPage<Items>(std::uint64_t cursor)>;

  explicit ScanRange(Fetch fetch) : fetch_(std::move(fetch)) {}

  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = ScanRange::value_type;
    using difference_type = std::ptrdiff_t;
    using reference = const value_type&;

    iterator() = default;
    reference operator*() const { return *range_->position_; }
    const value_type* operator->() const { return &*range_->position_; }
    iterator& operator++() {
      ++range_->position_;
      range_->settle();
      return *this;
    }
    void operator++(int) { ++*this; }
    bool at_end() const noexcept { return range_->exhausted(); }
    friend bool operator==(const iterator& it, std::default_sentinel_t) noexcept { return it.at_end(); }

   private:
    friend class ScanRange;
    explicit iterator(ScanRange* range) : range_(range) {}
    ScanRange* range_ = nullptr;
  };

  /// Fetches the first page. An input range: begin() may be called once.
  iterator begin() {
    if (!started_) {
      started_ = true;
      fetch_page();
      settle();
    }
    return iterator(this);
  }
  std::default_sentinel_t end() const noexcept { return {}; }

 private:
  void fetch_page() {
    ScanPage<Items> page = fetch_(cursor_);
    cursor_ = page.cursor;
    finished_ = page.cursor == 0;
    page_ = std::move(page.items);
    position_ = page_.begin();
  }
  // Skips empty pages (SCAN may return any number of them before the cursor comes back to 0).
  void settle() {
    while (position_ == page_.end() && !finished_) fetch_page();
  }
  bool exhausted() const noexcept { return finished_ && position_ == page_.end(); }

  Fetch fetch_;
  Items page_;
  typename Items::iterator position_{};
  std::uint64_t cursor_ = 0;
  bool started_ = false;
  bool finished_ = false;
};

}  // namespace redispp
