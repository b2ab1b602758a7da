#pragma once
// Scripting and function commands. https://redis.io/commands/?group=scripting

#include <redispp/commands/command.hpp>
#include <redispp/commands/options.hpp>

namespace redispp {

namespace cmd {}  // namespace cmd

/// Scripting and function commands as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class ScriptingCommands {
 public:
 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp
