#pragma once
// The command builders of <redispp/commands/hyperloglog.hpp> that are not templates: compiled once into
// the library, so that a program including the header does not instantiate the Command<T>,
// encoder and conversion code of every command it does not call (compile time: bench/README.md).

#include <redispp/commands/hyperloglog.hpp>

namespace redispp::cmd {

REDISPP_DECL Command<bool> pfselftest() { return make_command<bool>(no_keys, "PFSELFTEST"); }

REDISPP_DECL Command<std::vector<long long>> pfdebug_getreg(std::string_view key) {
  return make_command<std::vector<long long>>(KeyPositions::at(2), "PFDEBUG", "GETREG", key);
}

REDISPP_DECL Command<std::string> pfdebug_encoding(std::string_view key) {
  return make_command<std::string>(KeyPositions::at(2), "PFDEBUG", "ENCODING", key);
}

REDISPP_DECL Command<bool> pfdebug_todense(std::string_view key) { return make_command<bool>(KeyPositions::at(2), "PFDEBUG", "TODENSE", key); }

REDISPP_DECL Command<std::string> pfdebug_decode(std::string_view key) {
  return make_command<std::string>(KeyPositions::at(2), "PFDEBUG", "DECODE", key);
}

}  // namespace redispp::cmd
