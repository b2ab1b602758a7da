#pragma once
// copy_short(): memcpy for the few bytes most keys, names, values and replies are.
//
// A call to memcpy costs more than copying 3 to 16 bytes; fixed-size copies do not, since the
// compiler turns each into one load and one store. Two overlapping fixed-size copies cover every
// size of a range (8 to 16 bytes: the first 8 and the last 8), so no byte outside
// [from, from + size) is read and none outside [to, to + size) is written.

#include <cstddef>  // std::size_t
#include <cstring>  // std::memcpy

namespace redispp::detail {

/// Copies `size` bytes (any size; up to 16 without a call to memcpy).
inline void copy_short(char* to, const char* from, std::size_t size) noexcept {
  if (size > 16) {
    std::memcpy(to, from, size);
  } else if (size >= 8) {
    std::memcpy(to, from, 8);
    std::memcpy(to + size - 8, from + size - 8, 8);
  } else if (size >= 4) {
    std::memcpy(to, from, 4);
    std::memcpy(to + size - 4, from + size - 4, 4);
  } else if (size != 0) {  // 1 to 3 bytes: first, middle and last cover them all
    to[0] = from[0];
    to[size / 2] = from[size / 2];
    to[size - 1] = from[size - 1];
  }
}

}  // namespace redispp::detail
