#pragma once
// Connection and server commands. https://redis.io/commands/?group=connection and ?group=server

#include <chrono>         // std::chrono
#include <string>         // std::string
#include <unordered_map>  // std::unordered_map
#include <vector>         // std::vector

#include <redispp/commands/client_list.hpp>
#include <redispp/commands/command.hpp>
#include <redispp/commands/info.hpp>

namespace redispp {

/// The server's clock, as TIME reports it (microsecond resolution).
using ServerTime = std::chrono::sys_time<std::chrono::microseconds>;

namespace cmd {

/// PING: true when the server answered PONG.
inline Command<bool> ping() {
  return make_command_with<bool>(
      +[](Reply&& reply) {
        // RESP2 answers +PONG; in RESP3 the same. Anything else is not a healthy answer.
        const std::string text = convert<std::string>(std::move(reply));
        return text == "PONG";
      },
      "PING");
}
template <class M>
Command<std::string> echo(const M& message) { return make_command<std::string>("ECHO", message); }
inline Command<bool> select(int db) { return make_command<bool>("SELECT", db); }
inline Command<long long> dbsize() { return make_command<long long>("DBSIZE"); }
/// FLUSHDB [ASYNC]: asynchronous = true lets the server free memory in the background.
inline Command<bool> flushdb(bool asynchronous) {
  return asynchronous ? make_command<bool>("FLUSHDB", "ASYNC") : make_command<bool>("FLUSHDB");
}
inline Command<bool> flushall(bool asynchronous) {
  return asynchronous ? make_command<bool>("FLUSHALL", "ASYNC") : make_command<bool>("FLUSHALL");
}
/// INFO [section ...], parsed (see info.hpp). No section = the default set.
template <class... Sections>
Command<Info> info(const Sections&... sections) {
  return make_command_with<Info>(+[](Reply&& reply) { return parse_info(convert<std::string>(std::move(reply))); },
                                 "INFO", sections...);
}
inline Command<ServerTime> time() {
  return make_command_with<ServerTime>(
      +[](Reply&& reply) {
        const auto [seconds, micros] = convert<std::pair<long long, long long>>(std::move(reply));
        return ServerTime(std::chrono::seconds(seconds) + std::chrono::microseconds(micros));
      },
      "TIME");
}
inline Command<std::unordered_map<std::string, std::string>> config_get(std::string_view pattern) {
  return make_command<std::unordered_map<std::string, std::string>>("CONFIG", "GET", pattern);
}
template <class V>
Command<bool> config_set(std::string_view parameter, const V& value) {
  return make_command<bool>("CONFIG", "SET", parameter, value);
}
inline Command<bool> client_setname(std::string_view name) { return make_command<bool>("CLIENT", "SETNAME", name); }
inline Command<std::optional<std::string>> client_getname() {
  return make_command<std::optional<std::string>>("CLIENT", "GETNAME");
}
inline Command<long long> client_id() { return make_command<long long>("CLIENT", "ID"); }
/// CLIENT LIST, parsed (see client_list.hpp).
inline Command<std::vector<ClientInfo>> client_list() {
  return make_command_with<std::vector<ClientInfo>>(
      +[](Reply&& reply) { return parse_client_list(convert<std::string>(std::move(reply))); }, "CLIENT", "LIST");
}

}  // namespace cmd
}  // namespace redispp

namespace redispp {

/// Connection and server commands as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class ServerCommands {
 public:
  /// https://redis.io/commands/ping — true on PONG.
  decltype(auto) ping() { return run(cmd::ping()); }
  /// https://redis.io/commands/echo
  template <Argument M> decltype(auto) echo(const M& message) { return run(cmd::echo(message)); }
  /// https://redis.io/commands/select — prefer ConnectionOptions::db: a pooled connection
  /// keeps the database it was switched to.
  decltype(auto) select(int db) { return run(cmd::select(db)); }
  /// https://redis.io/commands/dbsize
  decltype(auto) dbsize() { return run(cmd::dbsize()); }
  /// https://redis.io/commands/flushdb
  decltype(auto) flushdb(bool asynchronous = false) { return run(cmd::flushdb(asynchronous)); }
  /// https://redis.io/commands/flushall
  decltype(auto) flushall(bool asynchronous = false) { return run(cmd::flushall(asynchronous)); }
  /// https://redis.io/commands/info — parsed into an Info: r.info().integer("connected_clients")
  template <Argument... Sections> decltype(auto) info(const Sections&... sections) { return run(cmd::info(sections...)); }
  /// https://redis.io/commands/time — the server's clock.
  decltype(auto) time() { return run(cmd::time()); }
  /// https://redis.io/commands/config-get — parameter -> value.
  decltype(auto) config_get(std::string_view pattern = "*") { return run(cmd::config_get(pattern)); }
  /// https://redis.io/commands/config-set
  template <Argument V> decltype(auto) config_set(std::string_view parameter, const V& value) { return run(cmd::config_set(parameter, value)); }
  /// https://redis.io/commands/client-setname — prefer ConnectionOptions::client_name, which
  /// names every pooled connection.
  decltype(auto) client_setname(std::string_view name) { return run(cmd::client_setname(name)); }
  /// https://redis.io/commands/client-getname
  decltype(auto) client_getname() { return run(cmd::client_getname()); }
  /// https://redis.io/commands/client-id
  decltype(auto) client_id() { return run(cmd::client_id()); }
  /// https://redis.io/commands/client-list — parsed into ClientInfo (age, idle, addr ...).
  decltype(auto) client_list() { return run(cmd::client_list()); }

 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp
