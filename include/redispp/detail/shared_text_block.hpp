#pragma once
// SharedTextBlock: one heap block holding the texts of several replies, freed with the last.
//
// The built-in parser reads an aggregate's elements that have arrived whole in one go (an
// LRANGE's values, an HGETALL's fields). Each text too long for a Reply's inline slot used to be
// a std::string of its own: 75 allocations, and later 75 frees, for a typical LRANGE of 100.
// The parser now copies those texts into one block and every such Reply points into it, owning
// a share; the block goes when the last of them does. A Reply moved out of its parent keeps its
// share, so nothing dangles.
//
// The cost of sharing is memory held: one element kept alive keeps its whole block. The parser
// bounds that (resp_parser.ipp, read_plain_elements): only texts of at most 256 bytes are
// shared, at most 128 to a block, so a block is at most 32 KB.
//
// Owners only ever leave. The parser counts them in while the block is still its own (no Reply
// holding a share has left the parser yet), and copying a Reply copies the text out rather than
// taking a share. So a release that sees the count equal to the shares it gives up is the last
// owner and frees the block without a locked instruction; any other release is an atomic
// decrement, since the replies of one block may end in different threads. An aggregate being
// destroyed gives up its children's shares of a block in one step (Reply::release_child_shares),
// so a whole LRANGE reply dropped in one piece costs no locked instruction at all.

#include <atomic>   // std::atomic
#include <cstddef>  // std::size_t
#include <new>      // ::operator new, placement new

namespace redispp::detail {

class SharedTextBlock {
 public:
  /// A block of `size` bytes with one owner: the caller.
  static SharedTextBlock* create(std::size_t size) {
    void* memory = ::operator new(sizeof(SharedTextBlock) + size);
    return new (memory) SharedTextBlock();
  }
  SharedTextBlock(const SharedTextBlock&) = delete;
  SharedTextBlock& operator=(const SharedTextBlock&) = delete;

  /// The bytes, right after the header (chars need no alignment).
  char* bytes() noexcept { return reinterpret_cast<char*>(this + 1); }

  /// One more owner. Only while the block has not left the thread that created it: the count
  /// is raised without a locked instruction.
  void add_owner_unshared() noexcept {
    owners_.store(owners_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  }

  /// Gives up `shares` shares (all held by the caller); the last one frees the block.
  void release(std::size_t shares = 1) noexcept {
    if (owners_.load(std::memory_order_acquire) == shares ||
        owners_.fetch_sub(shares, std::memory_order_acq_rel) == shares) {
      this->~SharedTextBlock();
      ::operator delete(this);
    }
  }

 private:
  SharedTextBlock() noexcept = default;
  ~SharedTextBlock() = default;

  std::atomic<std::size_t> owners_{1};
};

}  // namespace redispp::detail
