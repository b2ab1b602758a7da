#pragma once
// ByteBuffer: the read buffer of RespParser — raw bytes that grow with realloc() and are never
// zero-filled. A std::string would value-initialise every byte it grows by and copy the old
// contents on each doubling; for a 1 MiB reply that was two extra passes over freshly faulted
// memory per reply. realloc() of a large block moves no bytes at all (the C library remaps
// its pages), and bytes a socket is about to overwrite need no initialisation.

#include <algorithm>  // std::max
#include <cstddef>    // std::size_t
#include <cstdlib>    // std::realloc, std::free
#include <cstring>    // std::memmove
#include <new>        // std::bad_alloc
#include <utility>    // std::exchange

namespace redispp::detail {

class ByteBuffer {
 public:
  ByteBuffer() noexcept = default;
  ~ByteBuffer() { std::free(data_); }
  ByteBuffer(ByteBuffer&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  ByteBuffer& operator=(ByteBuffer&& other) noexcept {
    if (this != &other) {
      std::free(data_);
      data_ = std::exchange(other.data_, nullptr);
      size_ = std::exchange(other.size_, 0);
    }
    return *this;
  }
  ByteBuffer(const ByteBuffer&) = delete;
  ByteBuffer& operator=(const ByteBuffer&) = delete;

  char* data() noexcept { return data_; }
  const char* data() const noexcept { return data_; }
  /// Bytes allocated; all of them may be written.
  std::size_t size() const noexcept { return size_; }

  /// Makes room for at least `bytes`, growing at least twofold so that appending stays linear.
  /// The bytes gained are uninitialised.
  void reserve(std::size_t bytes) {
    if (bytes <= size_) return;
    const std::size_t grown = std::max({bytes, size_ * 2, std::size_t{256}});
    void* moved = std::realloc(data_, grown);
    if (moved == nullptr) throw std::bad_alloc();
    data_ = static_cast<char*>(moved);
    size_ = grown;
  }

  /// Keeps only the `count` bytes at `from`, moved to the front, and gives the rest of the
  /// memory back.
  void shrink_to(std::size_t from, std::size_t count) noexcept {
    if (count == 0) {
      std::free(std::exchange(data_, nullptr));
      size_ = 0;
      return;
    }
    std::memmove(data_, data_ + from, count);
    // Shrinking in place cannot fail in practice; if it does, the larger block is still valid.
    if (void* smaller = std::realloc(data_, count)) {
      data_ = static_cast<char*>(smaller);
      size_ = count;
    }
  }

 private:
  char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace redispp::detail
