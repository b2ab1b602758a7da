#pragma once
// Small option types shared by several command groups.

#include <cstdint>  // std::uint64_t
#include <optional> // std::optional
#include <string>   // std::string
#include <type_traits>  // std::type_identity

#include <redispp/detail/chrono.hpp>  // std::chrono
#include <redispp/protocol/convert.hpp>

namespace redispp {

/// Unix time in seconds / milliseconds, for EXAT, PXAT, EXPIREAT, PEXPIREAT.
using UnixSeconds = std::chrono::sys_seconds;
using UnixMilliseconds = std::chrono::sys_time<std::chrono::milliseconds>;

/// Conditions for EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT (Redis 7).
struct ExpireOptions {
  bool nx = false;  // only when the key has no expiry
  bool xx = false;  // only when it has one
  bool gt = false;  // only when the new expiry is later
  bool lt = false;  // only when it is earlier
};

/// MATCH / COUNT / TYPE for the SCAN family.
struct ScanOptions {
  std::string match = {};                 // glob pattern; empty = all
  std::optional<std::size_t> count = std::nullopt;  // a hint for the batch size
  std::string type = {};                  // SCAN only: "string", "list", "hash" ...
};

/// One SCAN-family reply: the cursor to continue from (0 = done) and a batch of items.
template <class Items>
struct ScanPage {
  std::uint64_t cursor = 0;
  Items items;

  friend ScanPage redispp_from_reply(Reply&& reply, std::type_identity<ScanPage>) {
    auto [next_cursor, page] = convert<std::pair<std::uint64_t, Items>>(std::move(reply));
    return ScanPage{next_cursor, std::move(page)};
  }
};

/// Which end of a list: LMOVE, BLMOVE, LMPOP.
enum class ListEnd { left, right };

}  // namespace redispp
