#pragma once
// Bitmap commands. https://redis.io/commands/?group=bitmap
//
// Reply types: GETBIT and SETBIT bool (the bit; SETBIT's is the bit's old value), BITCOUNT,
// BITPOS (-1: not found) and BITOP (the destination's length) long long.
// BITFIELD takes its operations from a BitFieldOperations builder and returns one
// std::optional<long long> per GET, SET and INCRBY, in order (nullopt where OVERFLOW FAIL
// refused an update); BITFIELD_RO, whose operations can only be GETs, std::vector<long long>.
//
//   auto ops = redispp::BitFieldOperations().overflow(redispp::BitFieldOverflow::sat)
//                  .incrby("u8", 0, 200).get("i5", "#1");   // "#1": the second i5 field
//   std::vector<std::optional<long long>> values = r.bitfield("key", ops);

#include <optional>  // std::optional
#include <string>    // std::string
#include <vector>    // std::vector

#include <redispp/commands/command.hpp>
#include <redispp/commands/host_result.hpp>
#include <redispp/commands/options.hpp>
#include <redispp/config.hpp>  // REDISPP_DECL

namespace redispp {

/// Whether BITCOUNT's and BITPOS's start and end count bytes (the default) or bits (Redis 7).
enum class BitUnit { byte, bit };

/// BITOP's operation.
enum class BitOp { bit_and, bit_or, bit_xor, bit_not };

/// BITFIELD's OVERFLOW behaviour for the SET and INCRBY operations that follow it.
enum class BitFieldOverflow { wrap, sat, fail };

/// BITFIELD's operations, in the order they run. A type is "u8", "i5" ... (u: unsigned, up to
/// 63 bits; i: signed, up to 64); an offset is a bit number, or "#n" for the n-th field of that
/// type's width.
class BitFieldOperations {
 public:
  template <class Offset>
    requires(detail::text_argument<Offset> || detail::integer_argument<Offset>)
  BitFieldOperations& get(std::string_view type, const Offset& offset) {
    add("GET", type, offset);
    return *this;
  }
  template <class Offset>
    requires(detail::text_argument<Offset> || detail::integer_argument<Offset>)
  BitFieldOperations& set(std::string_view type, const Offset& offset, long long value) {
    add("SET", type, offset, value);
    read_only_ = false;
    return *this;
  }
  template <class Offset>
    requires(detail::text_argument<Offset> || detail::integer_argument<Offset>)
  BitFieldOperations& incrby(std::string_view type, const Offset& offset, long long increment) {
    add("INCRBY", type, offset, increment);
    read_only_ = false;
    return *this;
  }
  BitFieldOperations& overflow(BitFieldOverflow behaviour) {
    add("OVERFLOW", behaviour == BitFieldOverflow::wrap  ? "WRAP"
                    : behaviour == BitFieldOverflow::sat ? "SAT"
                                                         : "FAIL");
    read_only_ = false;
    return *this;
  }

  /// The operations as BITFIELD's arguments.
  const std::vector<std::string>& arguments() const noexcept { return arguments_; }
  /// Only GETs: what BITFIELD_RO accepts.
  bool read_only() const noexcept { return read_only_; }

 private:
  template <class... Args>
  void add(const Args&... args) {
    (arguments_.emplace_back(detail::ArgumentText(args).view()), ...);
  }

  std::vector<std::string> arguments_;
  bool read_only_ = true;
};

namespace cmd {

REDISPP_DECL Command<bool> getbit(std::string_view key, long long offset);
REDISPP_DECL Command<bool> setbit(std::string_view key, long long offset, bool value);
REDISPP_DECL Command<long long> bitcount(std::string_view key);
REDISPP_DECL Command<long long> bitcount(std::string_view key, long long start, long long end, BitUnit unit);
REDISPP_DECL Command<long long> bitpos(std::string_view key, bool bit);
REDISPP_DECL Command<long long> bitpos(std::string_view key, bool bit, long long start);
REDISPP_DECL Command<long long> bitpos(std::string_view key, bool bit, long long start, long long end, BitUnit unit);
template <class... Keys>
Command<long long> bitop(BitOp operation, std::string_view destination, const Keys&... keys) {
  std::string_view name = "AND";
  switch (operation) {
    case BitOp::bit_and: name = "AND"; break;
    case BitOp::bit_or: name = "OR"; break;
    case BitOp::bit_xor: name = "XOR"; break;
    case BitOp::bit_not: name = "NOT"; break;
  }
  return make_command<long long>(KeyPositions::range(2, -1), "BITOP", name, destination, keys...);
}
REDISPP_DECL Command<std::vector<std::optional<long long>>> bitfield(std::string_view key,
                                                                const BitFieldOperations& operations);
REDISPP_DECL Command<std::vector<long long>> bitfield_ro(std::string_view key, const BitFieldOperations& operations);

}  // namespace cmd

/// Bitmap commands as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class BitmapCommands {
 public:
  /// What each method returns: its reply type T on Redis, Pipeline& on a pipeline (host_result.hpp).
  template <class T>
  using Result = HostResult<Derived, T>;

  /// https://redis.io/commands/getbit — the bit at `offset` (false beyond the end).
  Result<bool> getbit(std::string_view key, long long offset) { return run(cmd::getbit(key, offset)); }
  /// https://redis.io/commands/setbit — the bit's previous value.
  Result<bool> setbit(std::string_view key, long long offset, bool value) { return run(cmd::setbit(key, offset, value)); }
  /// https://redis.io/commands/bitcount — set bits in the value, or between start and end
  /// (inclusive, negative from the end; bytes unless BitUnit::bit).
  Result<long long> bitcount(std::string_view key) { return run(cmd::bitcount(key)); }
  Result<long long> bitcount(std::string_view key, long long start, long long end, BitUnit unit = BitUnit::byte) { return run(cmd::bitcount(key, start, end, unit)); }
  /// https://redis.io/commands/bitpos — the first bit equal to `bit`, or -1.
  Result<long long> bitpos(std::string_view key, bool bit) { return run(cmd::bitpos(key, bit)); }
  Result<long long> bitpos(std::string_view key, bool bit, long long start) { return run(cmd::bitpos(key, bit, start)); }
  Result<long long> bitpos(std::string_view key, bool bit, long long start, long long end, BitUnit unit = BitUnit::byte) { return run(cmd::bitpos(key, bit, start, end, unit)); }
  /// https://redis.io/commands/bitop — the length of the destination string.
  template <Argument... K> requires(sizeof...(K) > 0) Result<long long> bitop(BitOp operation, std::string_view destination, const K&... keys) { return run(cmd::bitop(operation, destination, detail::argument_view(keys)...)); }
  Result<long long> bitop(BitOp operation, std::string_view destination, KeyList keys) { return run(cmd::bitop(operation, destination, keys)); }
  /// https://redis.io/commands/bitfield — one optional per GET, SET (old value) and INCRBY (new
  /// value); nullopt where OVERFLOW FAIL refused.
  Result<std::vector<std::optional<long long>>> bitfield(std::string_view key, const BitFieldOperations& operations) { return run(cmd::bitfield(key, operations)); }
  /// https://redis.io/commands/bitfield_ro — GETs only (DataError otherwise); one value per GET.
  Result<std::vector<long long>> bitfield_ro(std::string_view key, const BitFieldOperations& operations) { return run(cmd::bitfield_ro(key, operations)); }

 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/bitmaps_commands.ipp>
#endif
