#pragma once
// Replaces every form of the global operator new and delete with one that counts calls and
// bytes: for the tests that assert heap allocations (parser_test, footprint_test) and the
// benchmarks that report them (bench_parser, bench_roundtrip). Include it in exactly one source
// file of a program: a program may replace operator new only once.
//
// Counting is a relaxed load and store, not a fetch_add: no locked instruction inside a
// benchmark's timed loop. Counts are exact in single-threaded code, which is where they are
// read; increments made by several threads at once may be lost (never torn).
//
// hiredis' reader and the built-in parser's ByteBuffer call malloc/realloc themselves: this does
// not see them.

#include <atomic>   // std::atomic
#include <cstddef>  // std::size_t
#include <cstdint>  // std::uint64_t
#include <cstdlib>  // std::malloc, std::aligned_alloc, std::free
#include <limits>   // std::numeric_limits
#include <new>      // std::align_val_t, std::nothrow_t, std::bad_alloc

namespace redispp::test {

inline std::atomic<std::uint64_t> allocation_calls{0};
inline std::atomic<std::uint64_t> allocated_bytes{0};

/// What was allocated since it was made: `AllocationDelta d; ...; d.calls()`.
struct AllocationDelta {
  std::uint64_t calls_at = allocation_calls.load(std::memory_order_relaxed);
  std::uint64_t bytes_at = allocated_bytes.load(std::memory_order_relaxed);
  std::uint64_t calls() const noexcept { return allocation_calls.load(std::memory_order_relaxed) - calls_at; }
  std::uint64_t bytes() const noexcept { return allocated_bytes.load(std::memory_order_relaxed) - bytes_at; }
};

namespace counting_new_detail {
inline void count(std::size_t size) noexcept {
  allocation_calls.store(allocation_calls.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  allocated_bytes.store(allocated_bytes.load(std::memory_order_relaxed) + size, std::memory_order_relaxed);
}
inline void* allocate(std::size_t size) noexcept {
  count(size);
  return std::malloc(size == 0 ? 1 : size);
}
inline void* allocate(std::size_t size, std::align_val_t alignment) noexcept {
  count(size);
  const auto align = static_cast<std::size_t>(alignment);
  if (size > std::numeric_limits<std::size_t>::max() - align) return nullptr;
  // aligned_alloc wants a size that is a multiple of the alignment.
  return std::aligned_alloc(align, size == 0 ? align : (size + align - 1) / align * align);
}
inline void* or_throw(void* p) {
  if (p == nullptr) throw std::bad_alloc();
  return p;
}
}  // namespace counting_new_detail

}  // namespace redispp::test

// GCC sees malloc in the replacement new and free in the replacement delete and, once they are
// inlined into a new/delete pair, warns that they do not match: they do.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void* operator new(std::size_t size) {
  using namespace redispp::test::counting_new_detail;
  return or_throw(allocate(size));
}
void* operator new[](std::size_t size) {
  using namespace redispp::test::counting_new_detail;
  return or_throw(allocate(size));
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return redispp::test::counting_new_detail::allocate(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return redispp::test::counting_new_detail::allocate(size);
}
void* operator new(std::size_t size, std::align_val_t alignment) {
  using namespace redispp::test::counting_new_detail;
  return or_throw(allocate(size, alignment));
}
void* operator new[](std::size_t size, std::align_val_t alignment) {
  using namespace redispp::test::counting_new_detail;
  return or_throw(allocate(size, alignment));
}
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return redispp::test::counting_new_detail::allocate(size, alignment);
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return redispp::test::counting_new_detail::allocate(size, alignment);
}
// malloc and aligned_alloc memory are both given back with free.
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
