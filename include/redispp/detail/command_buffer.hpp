#pragma once
// CommandBuffer: the bytes of one encoded command, kept inside the object while they fit.
//
// Why not std::string: its inline room is 15 bytes, and "GET key" is already 24 on the wire, so
// every command cost one heap allocation before it was sent; a pipeline of 100 commands cost
// 100. Here commands up to inline_capacity bytes (a GET, a SET of a short value, an HSET of a
// few fields) live in the Command object itself; longer ones move to the heap, growing by
// doubling like a std::string.
//
// Only what the encoder needs: append, extend, truncate, reserve, and a view of the bytes.

#include <cstddef>      // std::size_t
#include <cstring>      // std::memcpy, std::memset
#include <string_view>  // std::string_view
#include <utility>      // std::exchange

#include <redispp/detail/min_max.hpp>  // std::max (two values)

namespace redispp::detail {

class CommandBuffer {
 public:
  /// Bytes kept inline: the object is 192 bytes in all.
  static constexpr std::size_t inline_capacity = 192 - sizeof(char*) - 2 * sizeof(std::size_t);

  CommandBuffer() noexcept = default;
  CommandBuffer(const CommandBuffer& other) { append(other.view()); }
  CommandBuffer(CommandBuffer&& other) noexcept { take(other); }
  CommandBuffer& operator=(const CommandBuffer& other) {
    if (this != &other) {
      size_ = 0;
      append(other.view());
    }
    return *this;
  }
  CommandBuffer& operator=(CommandBuffer&& other) noexcept {
    if (this != &other) {
      release();
      take(other);
    }
    return *this;
  }
  ~CommandBuffer() { release(); }

  char* data() noexcept { return begin(); }
  const char* data() const noexcept { return begin(); }
  std::size_t size() const noexcept { return size_; }
  std::size_t capacity() const noexcept { return heap_ != nullptr ? capacity_ : inline_capacity; }
  /// Whether the bytes are still inline (no heap allocation was made).
  bool is_inline() const noexcept { return heap_ == nullptr; }
  std::string_view view() const noexcept { return {begin(), size_}; }

  /// Room for `wanted` bytes; grows by at least doubling, so a builder that reserves before each
  /// small add() stays linear.
  void reserve(std::size_t wanted) {
    if (wanted > capacity()) grow_to(std::max(wanted, 2 * capacity()));
  }
  void append(const char* bytes, std::size_t count) {
    if (count == 0) return;  // memcpy from a null pointer is undefined even for 0 bytes
    if (size_ + count > capacity()) grow_to(std::max(2 * capacity(), size_ + count));
    std::memcpy(begin() + size_, bytes, count);
    size_ += count;
  }
  void append(std::string_view bytes) { append(bytes.data(), bytes.size()); }
  /// `count` more bytes at the end, not initialised: the caller writes them now (the encoder's
  /// pieces). Returns where they start.
  char* extend(std::size_t count) {
    if (size_ + count > capacity()) grow_to(std::max(2 * capacity(), size_ + count));
    char* at = begin() + size_;
    size_ += count;
    return at;
  }
  /// Drops the bytes from `size` on (size <= size()): what extend() made room for and was not
  /// used.
  void truncate(std::size_t size) noexcept { size_ = size; }
  /// `count` zero bytes at the end (room to be filled in later, as the command header).
  void append_zeros(std::size_t count) {
    reserve(size_ + count);
    std::memset(begin() + size_, 0, count);
    size_ += count;
  }

 private:
  char* begin() noexcept { return heap_ != nullptr ? heap_ : inline_; }
  const char* begin() const noexcept { return heap_ != nullptr ? heap_ : inline_; }

  void grow_to(std::size_t capacity) {
    char* bigger = new char[capacity];
    if (size_ != 0) std::memcpy(bigger, begin(), size_);
    delete[] heap_;
    heap_ = bigger;
    capacity_ = capacity;
  }
  void release() noexcept {
    delete[] std::exchange(heap_, nullptr);
    size_ = 0;
    capacity_ = 0;
  }
  // Steals a heap block; copies inline bytes. Leaves `other` empty.
  void take(CommandBuffer& other) noexcept {
    if (other.heap_ != nullptr) {
      heap_ = std::exchange(other.heap_, nullptr);
      capacity_ = std::exchange(other.capacity_, 0);
    } else if (other.size_ != 0) {
      std::memcpy(inline_, other.inline_, other.size_);
    }
    size_ = std::exchange(other.size_, 0);
  }

  char* heap_ = nullptr;      // null while the bytes are inline
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;  // of heap_; inline_capacity applies while heap_ is null
  char inline_[inline_capacity];
};

}  // namespace redispp::detail
