#pragma once
// Publishing commands (subscribing is the PubSub object's job). https://redis.io/commands/?group=pubsub

#include <redispp/commands/command.hpp>
#include <redispp/commands/options.hpp>

namespace redispp {

namespace cmd {}  // namespace cmd

/// Publishing commands (subscribing is the PubSub object's job) as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class PubSubCommands {
 public:
 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp
