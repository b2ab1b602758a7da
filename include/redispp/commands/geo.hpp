#pragma once
// Geospatial commands. https://redis.io/commands/?group=geo

#include <redispp/commands/command.hpp>
#include <redispp/commands/options.hpp>

namespace redispp {

namespace cmd {}  // namespace cmd

/// Geospatial commands as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class GeoCommands {
 public:
 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp
