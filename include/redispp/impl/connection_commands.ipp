#pragma once
// The command builders of <redispp/commands/connection_commands.hpp> that are not templates: compiled once into
// the library, so that a program including the header does not instantiate the Command<T>,
// encoder and conversion code of every command it does not call (compile time: bench/README.md).

#include <redispp/commands/connection_commands.hpp>
#include <redispp/commands/exclusive_options.hpp>

namespace redispp::cmd {

REDISPP_DECL Command<bool> ping() {
  return make_command_with<bool>(+[](Reply&& reply) { return detail::status_equals(std::move(reply), "PONG"); }, CommandFlags::repeatable, no_keys, "PING");
}

REDISPP_DECL Command<bool> select(int db) { return make_command<bool>(no_keys, "SELECT", db).changes_state(); }

REDISPP_DECL Command<bool> auth(std::string_view password) { return make_command<bool>(no_keys, "AUTH", password).changes_state(); }

REDISPP_DECL Command<bool> auth(std::string_view username, std::string_view password) {
  return make_command<bool>(no_keys, "AUTH", username, password).changes_state();
}

REDISPP_DECL Command<HelloInfo> hello(std::optional<int> protocol, const HelloOptions& o) {
  ArgumentWriter w("HELLO");
  if (protocol) w.add(*protocol);
  if (!o.password.empty()) {
    if (!protocol) throw DataError("HELLO AUTH needs a protocol version: hello(2 or 3, {...})");
    w.add("AUTH", o.username.empty() ? std::string_view("default") : std::string_view(o.username), o.password);
  }
  if (!o.client_name.empty()) {
    if (!protocol) throw DataError("HELLO SETNAME needs a protocol version: hello(2 or 3, {...})");
    w.add("SETNAME", o.client_name);
  }
  // HELLO with no version only reports; with one it may switch protocol, user and name.
  return Command<HelloInfo>(std::move(w), no_keys,
                            protocol ? CommandFlags::changes_state : CommandFlags::repeatable);
}

REDISPP_DECL Command<bool> reset() {
  return make_command_with<bool>(+[](Reply&& reply) { return detail::status_equals(std::move(reply), "RESET"); },
                                 CommandFlags::not_queued, no_keys, "RESET")
      .changes_state();
}

REDISPP_DECL Command<bool> quit() { return make_command<bool>(CommandFlags::not_queued, no_keys, "QUIT").changes_state(); }

REDISPP_DECL Command<bool> client_setname(std::string_view name) {
  return make_command<bool>(no_keys, "CLIENT", "SETNAME", name).changes_state();
}

REDISPP_DECL Command<std::optional<std::string>> client_getname() {
  return make_command<std::optional<std::string>>(CommandFlags::repeatable, no_keys, "CLIENT", "GETNAME");
}

REDISPP_DECL Command<long long> client_id() { return make_command<long long>(CommandFlags::repeatable, no_keys, "CLIENT", "ID"); }

REDISPP_DECL Command<std::vector<ClientInfo>> client_list(const ClientListOptions& o) {
  // Redis 7.0 answers a syntax error to TYPE and ID together.
  static constexpr std::string_view filters[] = {"type", "ids"};
  detail::check_exclusive(detail::set_fields(!o.type.empty(), !o.ids.empty()), "CLIENT LIST", "ClientListOptions",
                          filters, "pick one filter");
  ArgumentWriter w("CLIENT", "LIST");
  if (!o.type.empty()) w.add("TYPE", o.type);
  if (!o.ids.empty()) w.add("ID", o.ids);
  return Command<std::vector<ClientInfo>>(
      std::move(w), no_keys, CommandFlags::repeatable,
      +[](Reply&& reply) { return parse_client_list(convert<std::string>(std::move(reply))); });
}

REDISPP_DECL Command<ClientInfo> client_info() {
  return make_command_with<ClientInfo>(
      +[](Reply&& reply) {
        auto clients = parse_client_list(convert<std::string>(std::move(reply)));
        if (clients.empty()) throw DataError("CLIENT INFO: empty reply");
        return std::move(clients.front());
      },
      CommandFlags::repeatable, no_keys, "CLIENT", "INFO");
}

REDISPP_DECL Command<bool> client_kill(std::string_view address) { return make_command<bool>(no_keys, "CLIENT", "KILL", address); }

REDISPP_DECL Command<long long> client_kill(const ClientKillOptions& o) {
  ArgumentWriter w("CLIENT", "KILL");
  if (o.id) w.add("ID", *o.id);
  if (!o.type.empty()) w.add("TYPE", o.type);
  if (!o.user.empty()) w.add("USER", o.user);
  if (!o.addr.empty()) w.add("ADDR", o.addr);
  if (!o.laddr.empty()) w.add("LADDR", o.laddr);
  if (o.skipme) w.add("SKIPME", *o.skipme ? "YES" : "NO");
  if (w.count() == 2) throw DataError("CLIENT KILL: give at least one filter (ClientKillOptions)");
  return Command<long long>(std::move(w), no_keys);
}

REDISPP_DECL Command<bool> client_pause(std::chrono::milliseconds timeout, bool write_only) {
  return write_only ? make_command<bool>(no_keys, "CLIENT", "PAUSE", timeout.count(), "WRITE")
                    : make_command<bool>(no_keys, "CLIENT", "PAUSE", timeout.count(), "ALL");
}

REDISPP_DECL Command<bool> client_unpause() { return make_command<bool>(no_keys, "CLIENT", "UNPAUSE"); }

REDISPP_DECL Command<bool> client_unblock(long long id, bool error) {
  return error ? make_command<bool>(no_keys, "CLIENT", "UNBLOCK", id, "ERROR") : make_command<bool>(no_keys, "CLIENT", "UNBLOCK", id);
}

REDISPP_DECL Command<bool> client_no_evict(bool on) {
  return make_command<bool>(no_keys, "CLIENT", "NO-EVICT", on ? "ON" : "OFF").changes_state();
}

REDISPP_DECL Command<bool> client_caching(bool yes) { return make_command<bool>(no_keys, "CLIENT", "CACHING", yes ? "YES" : "NO"); }

REDISPP_DECL Command<long long> client_getredir() { return make_command<long long>(CommandFlags::repeatable, no_keys, "CLIENT", "GETREDIR"); }

REDISPP_DECL Command<std::vector<std::string>> client_help() { return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "CLIENT", "HELP"); }

REDISPP_DECL Command<bool> client_tracking(bool on, const TrackingOptions& o) {
  // Redis: "You can't use both OPTIN and OPTOUT", "OPTIN and OPTOUT are not compatible with BCAST".
  static constexpr std::string_view modes[] = {"bcast", "optin", "optout"};
  detail::check_exclusive(detail::set_fields(o.bcast, o.optin, o.optout), "CLIENT TRACKING", "TrackingOptions", modes,
                          "pick one mode");
  if (!o.prefixes.empty() && !o.bcast)
    throw DataError("CLIENT TRACKING: TrackingOptions.prefixes needs TrackingOptions.bcast");
  ArgumentWriter w("CLIENT", "TRACKING", on ? "ON" : "OFF");
  if (o.redirect) w.add("REDIRECT", *o.redirect);
  for (const auto& prefix : o.prefixes) w.add("PREFIX", prefix);
  w.add_if(o.bcast, "BCAST").add_if(o.optin, "OPTIN").add_if(o.optout, "OPTOUT").add_if(o.noloop, "NOLOOP");
  return Command<bool>(std::move(w), no_keys).changes_state();
}

REDISPP_DECL Command<TrackingInfo> client_trackinginfo() { return make_command<TrackingInfo>(CommandFlags::repeatable, no_keys, "CLIENT", "TRACKINGINFO"); }

}  // namespace redispp::cmd
