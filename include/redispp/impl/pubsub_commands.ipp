#pragma once
// The command builders of <redispp/commands/pubsub.hpp> that are not templates: compiled once into
// the library, so that a program including the header does not instantiate the Command<T>,
// encoder and conversion code of every command it does not call (compile time: bench/README.md).

#include <redispp/commands/pubsub.hpp>

namespace redispp::cmd {

REDISPP_DECL Command<std::vector<std::string>> pubsub_channels(std::string_view pattern) {
  if (pattern.empty()) return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "PUBSUB", "CHANNELS");
  return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "PUBSUB", "CHANNELS", pattern);
}

REDISPP_DECL Command<std::vector<std::string>> pubsub_shardchannels(std::string_view pattern) {
  if (pattern.empty()) return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "PUBSUB", "SHARDCHANNELS");
  return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "PUBSUB", "SHARDCHANNELS", pattern);
}

REDISPP_DECL Command<long long> pubsub_numpat() { return make_command<long long>(CommandFlags::repeatable, no_keys, "PUBSUB", "NUMPAT"); }

REDISPP_DECL Command<std::vector<std::string>> pubsub_help() { return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "PUBSUB", "HELP"); }

}  // namespace redispp::cmd
