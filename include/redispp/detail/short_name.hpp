#pragma once
// ShortName: a command's name as a queued pipeline command keeps it ("SET", "ZRANGEBYSCORE").
//
// Why not std::string: every queued command made one, and its construction (the general copy,
// a call to memcpy for three bytes) and destruction were a large share of what a pipelined
// command costs the client (bench/README.md has the measurements). Every Redis command name fits
// the 23 inline bytes; a longer first word (execute_command("MY.VERY.LONG.MODULE.COMMAND", ...))
// goes to the heap, so nothing is ever cut short.

#include <cstddef>      // std::size_t
#include <cstring>      // std::memcpy
#include <string_view>  // std::string_view

#include <redispp/detail/copy_short.hpp>

namespace redispp::detail {

class ShortName {
 public:
  static constexpr std::size_t inline_capacity = 23;

  ShortName() noexcept = default;
  explicit ShortName(std::string_view name) { assign(name.data(), name.size()); }
  ShortName(const ShortName& other) { assign(other.data(), other.size_); }
  ShortName(ShortName&& other) noexcept : size_(other.size_) {
    std::memcpy(bytes_.inline_, other.bytes_.inline_, sizeof bytes_.inline_);  // the pointer, if on the heap
    other.size_ = 0;
  }
  ShortName& operator=(const ShortName& other) {
    if (this != &other) {
      release();
      assign(other.data(), other.size_);
    }
    return *this;
  }
  ShortName& operator=(ShortName&& other) noexcept {
    if (this != &other) {
      release();
      std::memcpy(bytes_.inline_, other.bytes_.inline_, sizeof bytes_.inline_);
      size_ = other.size_;
      other.size_ = 0;
    }
    return *this;
  }
  ~ShortName() { release(); }

  std::string_view view() const noexcept { return {data(), size_}; }

 private:
  bool on_heap() const noexcept { return size_ > inline_capacity; }
  const char* data() const noexcept { return on_heap() ? bytes_.heap_ : bytes_.inline_; }
  // On an empty (or released) name.
  void assign(const char* from, std::size_t size) {
    if (size > inline_capacity) {
      bytes_.heap_ = new char[size];
      std::memcpy(bytes_.heap_, from, size);
    } else {
      copy_short(bytes_.inline_, from, size);
    }
    size_ = size;
  }
  void release() noexcept {
    if (on_heap()) delete[] bytes_.heap_;
    size_ = 0;
  }

  union Bytes {
    char inline_[inline_capacity + 1];
    char* heap_;
  } bytes_{};
  std::size_t size_ = 0;
};

}  // namespace redispp::detail
