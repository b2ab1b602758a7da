#pragma once
// Connection commands. https://redis.io/commands/?group=connection
// (Named connection_commands.hpp, unlike the other groups, because transport/connection.hpp is
// the Connection class: two headers called connection.hpp meant two different things.)
//
// Commands that change the state of ONE connection (AUTH, HELLO, RESET, SELECT, CLIENT SETNAME,
// CLIENT TRACKING, CLIENT NO-EVICT, QUIT) are built with CommandFlags::changes_state: the pool
// closes a connection that ran one when it comes back, so their effect lasts until the end of
// the call that ran them (one command, one pipeline, or a watching pipeline's immediate
// commands) and never reaches the next caller. Configure every connection instead through
// ConnectionOptions: username/password (AUTH), protocol (HELLO), db (SELECT), client_name
// (CLIENT SETNAME). The methods are for pipelines, tools, and checking that a command works.
//
// Reply types:
//   PING                       bool (PONG); PING message -> std::string (the message)
//   AUTH, SELECT, CLIENT SETNAME/PAUSE/UNPAUSE/NO-EVICT/CACHING/TRACKING, QUIT   bool (OK)
//   RESET                      bool (the server's RESET status)
//   HELLO                      HelloInfo (server, version, proto, id, mode, role, modules)
//   CLIENT INFO                ClientInfo, CLIENT LIST std::vector<ClientInfo> (client_list.hpp)
//   CLIENT KILL addr           bool; CLIENT KILL with filters (ClientKillOptions) long long (killed)
//   CLIENT TRACKINGINFO        TrackingInfo (flags, redirect, prefixes)
//   CLIENT UNBLOCK             bool (whether a blocked client was unblocked)
//   CLIENT GETNAME             std::optional<std::string> (nullopt: no name)
//   CLIENT ID, CLIENT GETREDIR long long; CLIENT HELP std::vector<std::string>
// RESP3 map replies (HELLO, CLIENT TRACKINGINFO) and RESP2 flat arrays give the same values.

#include <optional>       // std::optional
#include <string>         // std::string
#include <string_view>    // std::string_view
#include <type_traits>    // std::type_identity
#include <unordered_map>  // std::unordered_map
#include <utility>        // std::move
#include <vector>         // std::vector

#include <redispp/commands/client_list.hpp>
#include <redispp/commands/command.hpp>
#include <redispp/commands/host_result.hpp>
#include <redispp/commands/options.hpp>
#include <redispp/commands/reply_fields.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono
#include <redispp/errors.hpp>

#include <redispp/config.hpp>  // REDISPP_DECL

namespace redispp {

/// HELLO's answer: who the server is and how this connection now talks to it.
struct HelloInfo {
  std::string server;               // "redis"
  std::string version;              // "7.0.15"
  long long proto = 0;              // 2 or 3: the protocol the connection speaks now
  long long id = 0;                 // CLIENT ID of the connection
  std::string mode;                 // "standalone", "cluster", "sentinel"
  std::string role;                 // "master", "replica"
  std::vector<std::string> modules;  // names of loaded modules

  friend REDISPP_DECL HelloInfo redispp_from_reply(Reply&& reply, std::type_identity<HelloInfo>);  // impl/connection_replies.ipp
};

/// HELLO's optional parts: AUTH username password, SETNAME name.
struct HelloOptions {
  std::string username = {};  // with password: AUTH (empty username = "default")
  std::string password = {};
  std::string client_name = {};  // SETNAME
};

/// CLIENT TRACKINGINFO: the connection's client-side caching state.
struct TrackingInfo {
  std::vector<std::string> flags;     // "off", "on", "bcast", "optin", "optout", "noloop", "broken_redirect" ...
  long long redirect = -1;            // the client id invalidations go to; 0 = this one, -1 = none
  std::vector<std::string> prefixes;  // BCAST prefixes

  friend REDISPP_DECL TrackingInfo redispp_from_reply(Reply&& reply, std::type_identity<TrackingInfo>);  // impl/connection_replies.ipp
};

/// CLIENT TRACKING ON|OFF options.
struct TrackingOptions {
  std::optional<long long> redirect = std::nullopt;  // send invalidations to this client id
  std::vector<std::string> prefixes = {};            // PREFIX p ... (with bcast)
  bool bcast = false;
  bool optin = false;
  bool optout = false;
  bool noloop = false;
};

/// CLIENT LIST filters: TYPE normal|master|replica|pubsub, or ID id ... (Redis 7.0 takes one
/// of the two per call and answers a syntax error to both).
struct ClientListOptions {
  std::string type = {};              // empty = every type
  std::vector<long long> ids = {};    // empty = every client
};

/// CLIENT KILL filters (the new form); every field set is ANDed. Empty = not given.
struct ClientKillOptions {
  std::optional<long long> id = std::nullopt;
  std::string type = {};   // normal, master, replica, pubsub
  std::string user = {};
  std::string addr = {};   // ip:port of the client
  std::string laddr = {};  // ip:port of the server's side
  std::optional<bool> skipme = std::nullopt;  // the server's default is yes
};

namespace cmd {

namespace detail {
/// A status reply that is not OK but means success (RESET answers +RESET).
inline bool status_equals(Reply&& reply, std::string_view expected) {
  return convert<std::string>(std::move(reply)) == expected;
}
}  // namespace detail

/// PING: true when the server answered PONG.
REDISPP_DECL Command<bool> ping();
/// PING message: the message back.
template <class M>
Command<std::string> ping(const M& message) { return make_command<std::string>(CommandFlags::repeatable, no_keys, "PING", message); }
template <class M>
Command<std::string> echo(const M& message) { return make_command<std::string>(CommandFlags::repeatable, no_keys, "ECHO", message); }
REDISPP_DECL Command<bool> select(int db);
REDISPP_DECL Command<bool> auth(std::string_view password);
REDISPP_DECL Command<bool> auth(std::string_view username, std::string_view password);
REDISPP_DECL Command<HelloInfo> hello(std::optional<int> protocol, const HelloOptions& o);
REDISPP_DECL Command<bool> reset();
REDISPP_DECL Command<bool> quit();

REDISPP_DECL Command<bool> client_setname(std::string_view name);
REDISPP_DECL Command<std::optional<std::string>> client_getname();
REDISPP_DECL Command<long long> client_id();
/// CLIENT LIST [TYPE t] [ID id ...], parsed (see client_list.hpp).
REDISPP_DECL Command<std::vector<ClientInfo>> client_list(const ClientListOptions& o = {});
/// CLIENT INFO: this connection's CLIENT LIST line, parsed.
REDISPP_DECL Command<ClientInfo> client_info();
/// CLIENT KILL ip:port (the old form): true when a client was closed.
REDISPP_DECL Command<bool> client_kill(std::string_view address);
/// CLIENT KILL with filters: how many clients were closed.
REDISPP_DECL Command<long long> client_kill(const ClientKillOptions& o);
REDISPP_DECL Command<bool> client_pause(std::chrono::milliseconds timeout, bool write_only);
REDISPP_DECL Command<bool> client_unpause();
/// CLIENT UNBLOCK id [TIMEOUT|ERROR]: true when the client was blocked and is now unblocked.
REDISPP_DECL Command<bool> client_unblock(long long id, bool error);
REDISPP_DECL Command<bool> client_no_evict(bool on);
REDISPP_DECL Command<bool> client_caching(bool yes);
REDISPP_DECL Command<long long> client_getredir();
REDISPP_DECL Command<std::vector<std::string>> client_help();
REDISPP_DECL Command<bool> client_tracking(bool on, const TrackingOptions& o);
REDISPP_DECL Command<TrackingInfo> client_trackinginfo();

}  // namespace cmd

/// Connection commands as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class ConnectionCommands {
 public:
  /// What each method returns: its reply type T on Redis, Pipeline& on a pipeline (host_result.hpp).
  template <class T>
  using Result = HostResult<Derived, T>;

  /// https://redis.io/commands/ping — true on PONG; with a message, the message back.
  Result<bool> ping() { return run(cmd::ping()); }
  template <Argument M> Result<std::string> ping(const M& message) { return run(cmd::ping(detail::value_view(message))); }
  /// https://redis.io/commands/echo
  template <Argument M> Result<std::string> echo(const M& message) { return run(cmd::echo(detail::value_view(message))); }
  /// https://redis.io/commands/select — switches the connection running it for the rest of that
  /// call (a pipeline's later commands); the pool then closes it. Use ConnectionOptions::db.
  Result<bool> select(int db) { return run(cmd::select(db)); }
  /// https://redis.io/commands/auth — authenticates the connection running it for the rest of
  /// that call; the pool then closes it. Use ConnectionOptions::username/password (or a
  /// credential provider), which every connection sends when it connects.
  Result<bool> auth(std::string_view password) { return run(cmd::auth(password)); }
  Result<bool> auth(std::string_view username, std::string_view password) { return run(cmd::auth(username, password)); }
  /// https://redis.io/commands/hello — the server's handshake info. With a protocol version it
  /// switches the connection's protocol (and AUTH/SETNAME it) for the rest of that call; the
  /// pool then closes it. Use ConnectionOptions::protocol (and username/password/client_name)
  /// instead. hiredis 0.14 cannot read RESP3: never hello(3) on a hiredis-parser connection.
  Result<HelloInfo> hello(std::optional<int> protocol = std::nullopt, const HelloOptions& options = {}) { return run(cmd::hello(protocol, options)); }
  /// https://redis.io/commands/reset — resets the connection to a fresh one's state (database 0,
  /// RESP2, no name, the default user, no tracking); the pool then closes it, so the next call
  /// gets a connection set up from ConnectionOptions again.
  Result<bool> reset() { return run(cmd::reset()); }
  /// https://redis.io/commands/quit — the server closes the connection after answering; the
  /// pool drops it. Deprecated by Redis 7.2.
  Result<bool> quit() { return run(cmd::quit()); }
  /// https://redis.io/commands/client-setname — names the connection for the rest of that
  /// call; the pool then closes it. Use ConnectionOptions::client_name, which names every one.
  Result<bool> client_setname(std::string_view name) { return run(cmd::client_setname(name)); }
  /// https://redis.io/commands/client-getname — nullopt when the connection has no name.
  Result<std::optional<std::string>> client_getname() { return run(cmd::client_getname()); }
  /// https://redis.io/commands/client-id
  Result<long long> client_id() { return run(cmd::client_id()); }
  /// https://redis.io/commands/client-list — parsed into ClientInfo (age, idle, addr ...);
  /// optionally only clients of a TYPE or with given IDs.
  Result<std::vector<ClientInfo>> client_list(const ClientListOptions& options = {}) { return run(cmd::client_list(options)); }
  /// https://redis.io/commands/client-info — this connection, parsed as CLIENT LIST is.
  Result<ClientInfo> client_info() { return run(cmd::client_info()); }
  /// https://redis.io/commands/client-kill — by address (true when one was closed), or by
  /// filters (how many were closed): r.client_kill({.type = "pubsub"}).
  Result<bool> client_kill(std::string_view address) { return run(cmd::client_kill(address)); }
  Result<long long> client_kill(const ClientKillOptions& filters) { return run(cmd::client_kill(filters)); }
  /// https://redis.io/commands/client-pause — suspends all clients (write_only: only writes)
  /// for `timeout`; server-wide.
  Result<bool> client_pause(std::chrono::milliseconds timeout, bool write_only = false) { return run(cmd::client_pause(timeout, write_only)); }
  /// https://redis.io/commands/client-unpause
  Result<bool> client_unpause() { return run(cmd::client_unpause()); }
  /// https://redis.io/commands/client-unblock — true when client `id` was blocked; error = true
  /// makes its blocking command fail with UNBLOCKED instead of timing out.
  Result<bool> client_unblock(long long id, bool error = false) { return run(cmd::client_unblock(id, error)); }
  /// https://redis.io/commands/client-no-evict — for the rest of that call; the pool then
  /// closes the connection.
  Result<bool> client_no_evict(bool on) { return run(cmd::client_no_evict(on)); }
  /// https://redis.io/commands/client-caching — applies to the connection's next command only
  /// (tracking OPTIN/OPTOUT): meaningful on a single connection or in a pipeline.
  Result<bool> client_caching(bool yes) { return run(cmd::client_caching(yes)); }
  /// https://redis.io/commands/client-getredir — the client id invalidations go to (-1: off).
  Result<long long> client_getredir() { return run(cmd::client_getredir()); }
  /// https://redis.io/commands/client-help
  Result<std::vector<std::string>> client_help() { return run(cmd::client_help()); }
  /// https://redis.io/commands/client-tracking — client-side caching for the rest of that call;
  /// the pool then closes the connection. Invalidation pushes that arrive on a pooled
  /// connection are dropped and counted (Connection::dropped_pushes).
  Result<bool> client_tracking(bool on, const TrackingOptions& options = {}) { return run(cmd::client_tracking(on, options)); }
  /// https://redis.io/commands/client-trackinginfo
  Result<TrackingInfo> client_trackinginfo() { return run(cmd::client_trackinginfo()); }

 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/connection_replies.ipp>
#endif

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/connection_commands.ipp>
#endif
