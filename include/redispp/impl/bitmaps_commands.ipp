#pragma once
// The command builders of <redispp/commands/bitmaps.hpp> that are not templates: compiled once into
// the library, so that a program including the header does not instantiate the Command<T>,
// encoder and conversion code of every command it does not call (compile time: bench/README.md).

#include <redispp/commands/bitmaps.hpp>

namespace redispp::cmd {

REDISPP_DECL Command<bool> getbit(std::string_view key, long long offset) { return make_read_command<bool>(first_key, "GETBIT", key, offset); }

REDISPP_DECL Command<bool> setbit(std::string_view key, long long offset, bool value) {
  return make_command<bool>(first_key, "SETBIT", key, offset, value ? 1 : 0);
}

REDISPP_DECL Command<long long> bitcount(std::string_view key) { return make_read_command<long long>(first_key, "BITCOUNT", key); }

REDISPP_DECL Command<long long> bitcount(std::string_view key, long long start, long long end, BitUnit unit) {
  ArgumentWriter w("BITCOUNT", key, start, end);
  w.add_if(unit == BitUnit::bit, "BIT");  // BYTE is the default; leaving it out keeps Redis < 7 working
  return Command<long long>(std::move(w), first_key, CommandFlags::read_only);
}

REDISPP_DECL Command<long long> bitpos(std::string_view key, bool bit) {
  return make_read_command<long long>(first_key, "BITPOS", key, bit ? 1 : 0);
}

REDISPP_DECL Command<long long> bitpos(std::string_view key, bool bit, long long start) {
  return make_read_command<long long>(first_key, "BITPOS", key, bit ? 1 : 0, start);
}

REDISPP_DECL Command<long long> bitpos(std::string_view key, bool bit, long long start, long long end, BitUnit unit) {
  ArgumentWriter w("BITPOS", key, bit ? 1 : 0, start, end);
  w.add_if(unit == BitUnit::bit, "BIT");
  return Command<long long>(std::move(w), first_key, CommandFlags::read_only);
}

REDISPP_DECL Command<std::vector<std::optional<long long>>> bitfield(std::string_view key, const BitFieldOperations& operations) {
  return make_command<std::vector<std::optional<long long>>>(first_key, "BITFIELD", key, operations.arguments());
}

REDISPP_DECL Command<std::vector<long long>> bitfield_ro(std::string_view key, const BitFieldOperations& operations) {
  if (!operations.read_only())
    throw DataError("BITFIELD_RO takes only GET operations: use bitfield() for SET, INCRBY and OVERFLOW");
  return make_read_command<std::vector<long long>>(first_key, "BITFIELD_RO", key, operations.arguments());
}

}  // namespace redispp::cmd
