#pragma once
// key_slot: which of Redis Cluster's 16384 hash slots a key belongs to, as every cluster node
// computes it (CLUSTER KEYSLOT): CRC16 (the XMODEM variant: polynomial 0x1021, initial value 0,
// no reflection) of the key, modulo 16384. A hash tag narrows what is hashed: when the key holds
// a '{' and, after it, a '}' with at least one byte between them, only the bytes between the
// first '{' and the first '}' after it count, so "{user:1}:name" and "{user:1}:mail" share a
// slot. "{}" (nothing between) or a lone brace leaves the whole key hashed.
//
// A pure function of the key's bytes (binary-safe), usable in constant expressions; the test
// suite checks it against a cluster node's CLUSTER KEYSLOT for 10,000 keys.

#include <array>        // std::array
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint16_t
#include <string_view>  // std::string_view

namespace redispp {

/// Redis Cluster's number of hash slots.
inline constexpr std::uint16_t cluster_slots = 16384;

namespace detail {
// CRC16/XMODEM, one byte at a time through a table built at compile time.
constexpr std::array<std::uint16_t, 256> make_crc16_table() noexcept {
  std::array<std::uint16_t, 256> table{};
  for (std::size_t byte = 0; byte < 256; ++byte) {
    auto crc = static_cast<std::uint16_t>(byte << 8);
    for (int bit = 0; bit < 8; ++bit)
      crc = static_cast<std::uint16_t>((crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1);
    table[byte] = crc;
  }
  return table;
}
inline constexpr std::array<std::uint16_t, 256> crc16_table = make_crc16_table();

constexpr std::uint16_t crc16(std::string_view bytes) noexcept {
  std::uint16_t crc = 0;
  for (const char c : bytes)
    crc = static_cast<std::uint16_t>((crc << 8) ^ crc16_table[((crc >> 8) ^ static_cast<unsigned char>(c)) & 0xff]);
  return crc;
}
}  // namespace detail

/// The part of `key` its slot is computed from: the hash tag when it has one, else all of it.
constexpr std::string_view hash_tag(std::string_view key) noexcept {
  const std::size_t open = key.find('{');
  if (open == std::string_view::npos) return key;
  const std::size_t close = key.find('}', open + 1);
  if (close == std::string_view::npos || close == open + 1) return key;
  return key.substr(open + 1, close - open - 1);
}

/// The hash slot of `key` (0..16383), as CLUSTER KEYSLOT answers.
///   redispp::key_slot("{user:1}:name") == redispp::key_slot("user:1")
constexpr std::uint16_t key_slot(std::string_view key) noexcept {
  return static_cast<std::uint16_t>(detail::crc16(hash_tag(key)) % cluster_slots);
}

}  // namespace redispp
