#pragma once
// Server commands. https://redis.io/commands/?group=server
//
// Reply types (structs in server_replies.hpp, INFO in info.hpp):
//   OK and status answers (SAVE, BGSAVE, BGREWRITEAOF, FLUSH*, SWAPDB, CONFIG SET/RESETSTAT/
//   REWRITE, ACL SETUSER/LOAD/SAVE, MEMORY PURGE, REPLICAOF, FAILOVER, MODULE ...)  bool
//   DBSIZE, COMMAND COUNT, SLOWLOG LEN, ACL DELUSER, LATENCY RESET               long long
//   TIME            ServerTime (microseconds);  LASTSAVE  UnixSeconds
//   INFO            Info (parsed, typed values; info.hpp)
//   CONFIG GET      std::unordered_map<std::string, std::string>
//   SLOWLOG GET     std::vector<SlowLogEntry>
//   COMMAND INFO    std::vector<std::optional<CommandInfo>> (nullopt: no such command)
//   COMMAND DOCS    std::unordered_map<std::string, CommandDoc> (by command name)
//   COMMAND LIST, COMMAND GETKEYS, ACL CAT/LIST/USERS, *|HELP   std::vector<std::string>
//   COMMAND GETKEYSANDFLAGS  std::vector<std::pair<std::string, std::vector<std::string>>> (key, flags)
//   ACL GETUSER     std::optional<AclUser> (nullopt: no such user);  ACL LOG  std::vector<AclLogEntry>
//   ACL DRYRUN      std::optional<std::string>: nullopt when the user may run it, else why not
//   LATENCY LATEST  std::vector<LatencyEvent>;  HISTORY  std::vector<LatencySample>
//   LATENCY HISTOGRAM  std::unordered_map<std::string, LatencyHistogram> (by command)
//   MEMORY STATS    MemoryStats (typed members + every scalar by name);  MEMORY USAGE  std::optional<long long>
//   ROLE            Role;  MODULE LIST  std::vector<ModuleInfo>
//   LOLWUT, LATENCY DOCTOR/GRAPH, MEMORY DOCTOR/MALLOC-STATS, ACL GENPASS/WHOAMI   std::string
// Commands that act on the whole server (FLUSHALL, SWAPDB, CONFIG SET, ACL SETUSER, SHUTDOWN,
// REPLICAOF, FAILOVER ...) are as dangerous as in redis-cli: nothing here asks twice.

#include <optional>       // std::optional
#include <string>         // std::string
#include <string_view>    // std::string_view
#include <unordered_map>  // std::unordered_map
#include <utility>        // std::pair
#include <vector>         // std::vector

#include <redispp/commands/command.hpp>
#include <redispp/commands/host_result.hpp>
#include <redispp/commands/info.hpp>
#include <redispp/commands/keys.hpp>  // RestoreOptions (RESTORE-ASKING)
#include <redispp/commands/options.hpp>
#include <redispp/commands/server_replies.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono
#include <redispp/errors.hpp>
#include <redispp/config.hpp>  // REDISPP_DECL

namespace redispp {

/// The server's clock, as TIME reports it (microsecond resolution).
using ServerTime = std::chrono::sys_time<std::chrono::microseconds>;

/// COMMAND LIST FILTERBY: at most one of them.
struct CommandListOptions {
  std::string module = {};   // commands of that module
  std::string aclcat = {};   // of that ACL category ("read", "dangerous" ...)
  std::string pattern = {};  // whose names match the glob
};

/// SHUTDOWN's modifiers (Redis 7).
struct ShutdownOptions {
  bool nosave = false;  // do not save even if save points are configured
  bool save = false;    // save even if none are
  bool now = false;     // do not wait for lagging replicas
  bool force = false;   // ignore errors that would prevent stopping
  bool abort = false;   // cancel an ongoing shutdown instead
};

/// FAILOVER's options (Redis 6.2).
struct FailoverOptions {
  std::string host = {};  // TO host port: the replica to promote (empty: any)
  int port = 0;
  bool force = false;     // with TO and timeout: fail over even if the replica is behind
  bool abort = false;     // cancel an ongoing failover instead
  std::optional<std::chrono::milliseconds> timeout = std::nullopt;
};

/// MODULE LOADEX's configuration and arguments.
struct ModuleLoadOptions {
  std::vector<std::pair<std::string, std::string>> configs = {};  // CONFIG name value ...
  std::vector<std::string> args = {};                             // ARGS ...
};

namespace cmd {

namespace detail {
/// Status answers that are not OK but mean success ("Background saving started").
inline bool any_status(Reply&& reply) {
  (void)convert<std::string>(std::move(reply));  // error replies throw here
  return true;
}
}  // namespace detail

REDISPP_DECL Command<long long> dbsize();
/// FLUSHDB [ASYNC]: asynchronous = true lets the server free memory in the background.
REDISPP_DECL Command<bool> flushdb(bool asynchronous);
REDISPP_DECL Command<bool> flushall(bool asynchronous);
REDISPP_DECL Command<bool> swapdb(int a, int b);
/// INFO [section ...], parsed (see info.hpp). No section = the default set.
template <class... Sections>
Command<Info> info(const Sections&... sections) {
  return make_command_with<Info>(+[](Reply&& reply) { return parse_info(convert<std::string>(std::move(reply))); },
                                 CommandFlags::repeatable, no_keys, "INFO", sections...);
}
REDISPP_DECL Command<ServerTime> time();
REDISPP_DECL Command<UnixSeconds> lastsave();
REDISPP_DECL Command<bool> save();
REDISPP_DECL Command<bool> bgsave(bool schedule);
REDISPP_DECL Command<bool> bgrewriteaof();
REDISPP_DECL Command<bool> shutdown(const ShutdownOptions& o);
REDISPP_DECL Command<bool> failover(const FailoverOptions& o);
REDISPP_DECL Command<bool> replicaof(std::string_view host, int port);
REDISPP_DECL Command<bool> replicaof_no_one();
REDISPP_DECL Command<bool> slaveof(std::string_view host, int port);
REDISPP_DECL Command<bool> slaveof_no_one();
template <class... Args>
Command<bool> replconf(const Args&... args) { return make_command<bool>(no_keys, "REPLCONF", args...); }
REDISPP_DECL Command<Role> role();
/// RESTORE-ASKING: RESTORE's arguments and options (RestoreOptions, keys.hpp).
template <class V>
Command<bool> restore_asking(std::string_view key, std::chrono::milliseconds ttl, const V& serialized,
                             const RestoreOptions& o) {
  ArgumentWriter w("RESTORE-ASKING", key, ttl.count(), serialized);
  w.add_if(o.replace, "REPLACE").add_if(o.absttl, "ABSTTL");
  if (o.idletime) w.add("IDLETIME", o.idletime->count());
  if (o.freq) w.add("FREQ", *o.freq);
  return Command<bool>(std::move(w), first_key);
}
REDISPP_DECL Command<std::string> lolwut(std::optional<int> version);

// CONFIG
REDISPP_DECL Command<std::unordered_map<std::string, std::string>> config_get(std::string_view pattern);
template <class V>
Command<bool> config_set(std::string_view parameter, const V& value) {
  return make_command<bool>(no_keys, "CONFIG", "SET", parameter, value);
}
/// CONFIG SET p v p v ... (Redis 7): all or nothing.
template <class Pairs>
Command<bool> config_set(const Pairs& parameters) { return make_command<bool>(no_keys, "CONFIG", "SET", parameters); }
REDISPP_DECL Command<bool> config_resetstat();
REDISPP_DECL Command<bool> config_rewrite();
REDISPP_DECL Command<std::vector<std::string>> config_help();

// SLOWLOG
REDISPP_DECL Command<std::vector<SlowLogEntry>> slowlog_get(std::optional<long long> count);
REDISPP_DECL Command<long long> slowlog_len();
REDISPP_DECL Command<bool> slowlog_reset();
REDISPP_DECL Command<std::vector<std::string>> slowlog_help();

// COMMAND
REDISPP_DECL Command<long long> command_count();
template <class... Names>
Command<std::vector<std::optional<CommandInfo>>> command_info(const Names&... names) {
  return make_command<std::vector<std::optional<CommandInfo>>>(CommandFlags::repeatable, no_keys, "COMMAND", "INFO", names...);
}
template <class... Names>
Command<std::unordered_map<std::string, CommandDoc>> command_docs(const Names&... names) {
  return make_command_with<std::unordered_map<std::string, CommandDoc>>(&parse_command_docs, CommandFlags::repeatable, no_keys, "COMMAND", "DOCS",
                                                                        names...);
}
REDISPP_DECL Command<std::vector<std::string>> command_list(const CommandListOptions& o);
template <class... Args>
Command<std::vector<std::string>> command_getkeys(const Args&... command) {
  return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "COMMAND", "GETKEYS", command...);
}
template <class... Args>
Command<std::vector<std::pair<std::string, std::vector<std::string>>>> command_getkeysandflags(const Args&... command) {
  return make_command<std::vector<std::pair<std::string, std::vector<std::string>>>>(CommandFlags::repeatable, no_keys, "COMMAND", "GETKEYSANDFLAGS",
                                                                                      command...);
}
REDISPP_DECL Command<std::vector<std::string>> command_help();

// ACL
REDISPP_DECL Command<std::vector<std::string>> acl_cat(std::string_view category);
template <class... Names>
Command<long long> acl_deluser(const Names&... usernames) { return make_command<long long>(no_keys, "ACL", "DELUSER", usernames...); }
/// ACL DRYRUN: nullopt when `username` may run the command, else the server's reason.
template <class... Args>
Command<std::optional<std::string>> acl_dryrun(std::string_view username, const Args&... command) {
  return make_command_with<std::optional<std::string>>(
      +[](Reply&& reply) -> std::optional<std::string> {
        if (reply.type() == ReplyType::simple_string && reply.str() == "OK") return std::nullopt;
        return convert<std::string>(std::move(reply));
      },
      CommandFlags::repeatable, no_keys, "ACL", "DRYRUN", username, command...);
}
REDISPP_DECL Command<std::string> acl_genpass(std::optional<int> bits);
REDISPP_DECL Command<std::optional<AclUser>> acl_getuser(std::string_view username);
REDISPP_DECL Command<std::vector<std::string>> acl_help();
REDISPP_DECL Command<std::vector<std::string>> acl_list();
REDISPP_DECL Command<bool> acl_load();
REDISPP_DECL Command<bool> acl_save();
REDISPP_DECL Command<std::vector<AclLogEntry>> acl_log(std::optional<long long> count);
REDISPP_DECL Command<bool> acl_log_reset();
template <class... Rules>
Command<bool> acl_setuser(std::string_view username, const Rules&... rules) {
  return make_command<bool>(no_keys, "ACL", "SETUSER", username, rules...);
}
REDISPP_DECL Command<std::vector<std::string>> acl_users();
REDISPP_DECL Command<std::string> acl_whoami();

// LATENCY
REDISPP_DECL Command<std::string> latency_doctor();
REDISPP_DECL Command<std::string> latency_graph(std::string_view event);
REDISPP_DECL Command<std::vector<std::string>> latency_help();
template <class... Commands>
Command<std::unordered_map<std::string, LatencyHistogram>> latency_histogram(const Commands&... commands) {
  return make_command<std::unordered_map<std::string, LatencyHistogram>>(CommandFlags::repeatable, no_keys, "LATENCY", "HISTOGRAM", commands...);
}
REDISPP_DECL Command<std::vector<LatencySample>> latency_history(std::string_view event);
REDISPP_DECL Command<std::vector<LatencyEvent>> latency_latest();
template <class... Events>
Command<long long> latency_reset(const Events&... events) { return make_command<long long>(no_keys, "LATENCY", "RESET", events...); }

// MEMORY
REDISPP_DECL Command<std::string> memory_doctor();
REDISPP_DECL Command<std::vector<std::string>> memory_help();
REDISPP_DECL Command<std::string> memory_malloc_stats();
REDISPP_DECL Command<bool> memory_purge();
REDISPP_DECL Command<MemoryStats> memory_stats();
REDISPP_DECL Command<std::optional<long long>> memory_usage(std::string_view key, std::optional<long long> samples);

// MODULE
REDISPP_DECL Command<std::vector<std::string>> module_help();
REDISPP_DECL Command<std::vector<ModuleInfo>> module_list();
template <class... Args>
Command<bool> module_load(std::string_view path, const Args&... args) {
  return make_command<bool>(no_keys, "MODULE", "LOAD", path, args...);
}
REDISPP_DECL Command<bool> module_loadex(std::string_view path, const ModuleLoadOptions& o);
REDISPP_DECL Command<bool> module_unload(std::string_view name);

}  // namespace cmd

/// Server commands as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class ServerCommands {
 public:
  /// What each method returns: its reply type T on Redis, Pipeline& on a pipeline (host_result.hpp).
  template <class T>
  using Result = HostResult<Derived, T>;

  /// https://redis.io/commands/dbsize — keys in the connection's database.
  Result<long long> dbsize() { return run(cmd::dbsize()); }
  /// https://redis.io/commands/flushdb
  Result<bool> flushdb(bool asynchronous = false) { return run(cmd::flushdb(asynchronous)); }
  /// https://redis.io/commands/flushall — every database of the server.
  Result<bool> flushall(bool asynchronous = false) { return run(cmd::flushall(asynchronous)); }
  /// https://redis.io/commands/swapdb — server-wide: every client sees the swap.
  Result<bool> swapdb(int a, int b) { return run(cmd::swapdb(a, b)); }
  /// https://redis.io/commands/info — parsed into an Info: r.info().integer("connected_clients")
  template <Argument... Sections> Result<Info> info(const Sections&... sections) { return run(cmd::info(detail::argument_view(sections)...)); }
  /// https://redis.io/commands/time — the server's clock.
  Result<ServerTime> time() { return run(cmd::time()); }
  /// https://redis.io/commands/lastsave — when the last successful save finished.
  Result<UnixSeconds> lastsave() { return run(cmd::lastsave()); }
  /// https://redis.io/commands/save — a blocking save.
  Result<bool> save() { return run(cmd::save()); }
  /// https://redis.io/commands/bgsave — true when the save started (schedule: or was
  /// scheduled after a running AOF rewrite).
  Result<bool> bgsave(bool schedule = false) { return run(cmd::bgsave(schedule)); }
  /// https://redis.io/commands/bgrewriteaof — true when the rewrite started or was scheduled.
  Result<bool> bgrewriteaof() { return run(cmd::bgrewriteaof()); }
  /// https://redis.io/commands/shutdown — on success the server closes the connection without
  /// answering, which surfaces as a ConnectionError; a refused shutdown is a ResponseError.
  Result<bool> shutdown(const ShutdownOptions& options = {}) { return run(cmd::shutdown(options)); }
  /// https://redis.io/commands/failover — hands the master role to a replica.
  Result<bool> failover(const FailoverOptions& options = {}) { return run(cmd::failover(options)); }
  /// https://redis.io/commands/replicaof — makes the server a replica of host:port.
  Result<bool> replicaof(std::string_view host, int port) { return run(cmd::replicaof(host, port)); }
  /// https://redis.io/commands/replicaof — REPLICAOF NO ONE: makes the server a master.
  Result<bool> replicaof_no_one() { return run(cmd::replicaof_no_one()); }
  /// https://redis.io/commands/slaveof — the old name of REPLICAOF.
  Result<bool> slaveof(std::string_view host, int port) { return run(cmd::slaveof(host, port)); }
  Result<bool> slaveof_no_one() { return run(cmd::slaveof_no_one()); }
  /// https://redis.io/commands/replconf — replication's internal handshake. Some forms (ACK,
  /// GETACK) never answer a normal client: only for tools that speak the replication protocol.
  template <Argument... A> Result<bool> replconf(const A&... args) { return run(cmd::replconf(detail::argument_view(args)...)); }
  /// https://redis.io/commands/role — master, replica or sentinel, with its details.
  Result<Role> role() { return run(cmd::role()); }
  /// https://redis.io/commands/restore-asking — RESTORE for cluster slot migration (a DUMP
  /// payload; ttl 0 = no expiry).
  template <Argument V> Result<bool> restore_asking(std::string_view key, std::chrono::milliseconds ttl, const V& serialized, const RestoreOptions& options = {}) { return run(cmd::restore_asking(key, ttl, detail::value_view(serialized), options)); }
  /// https://redis.io/commands/lolwut — the server's art and version, as text.
  Result<std::string> lolwut(std::optional<int> version = std::nullopt) { return run(cmd::lolwut(version)); }

  /// https://redis.io/commands/config-get — parameter -> value.
  Result<std::unordered_map<std::string, std::string>> config_get(std::string_view pattern = "*") { return run(cmd::config_get(pattern)); }
  /// https://redis.io/commands/config-set — one parameter, or a map / range of (parameter,
  /// value) pairs set all or nothing.
  template <Argument V> Result<bool> config_set(std::string_view parameter, const V& value) { return run(cmd::config_set(parameter, detail::value_view(value))); }
  template <Argument Pairs> Result<bool> config_set(const Pairs& parameters) { return run(cmd::config_set(detail::argument_view(parameters))); }
  Result<bool> config_set(PairList parameters) { return run(cmd::config_set(parameters)); }
  /// https://redis.io/commands/config-resetstat
  Result<bool> config_resetstat() { return run(cmd::config_resetstat()); }
  /// https://redis.io/commands/config-rewrite — needs a server started with a config file.
  Result<bool> config_rewrite() { return run(cmd::config_rewrite()); }
  /// https://redis.io/commands/config-help
  Result<std::vector<std::string>> config_help() { return run(cmd::config_help()); }

  /// https://redis.io/commands/slowlog-get — the newest entries first (count: how many; -1 = all).
  Result<std::vector<SlowLogEntry>> slowlog_get(std::optional<long long> count = std::nullopt) { return run(cmd::slowlog_get(count)); }
  /// https://redis.io/commands/slowlog-len
  Result<long long> slowlog_len() { return run(cmd::slowlog_len()); }
  /// https://redis.io/commands/slowlog-reset
  Result<bool> slowlog_reset() { return run(cmd::slowlog_reset()); }
  /// https://redis.io/commands/slowlog-help
  Result<std::vector<std::string>> slowlog_help() { return run(cmd::slowlog_help()); }

  /// https://redis.io/commands/command-count
  Result<long long> command_count() { return run(cmd::command_count()); }
  /// https://redis.io/commands/command-info — one entry per name (nullopt for unknown names);
  /// no names = every command.
  template <Argument... Names> Result<std::vector<std::optional<CommandInfo>>> command_info(const Names&... names) { return run(cmd::command_info(detail::argument_view(names)...)); }
  /// https://redis.io/commands/command-docs — name -> doc; no names = every command.
  template <Argument... Names> Result<std::unordered_map<std::string, CommandDoc>> command_docs(const Names&... names) { return run(cmd::command_docs(detail::argument_view(names)...)); }
  /// https://redis.io/commands/command-list — names, optionally filtered: {.aclcat = "read"}.
  Result<std::vector<std::string>> command_list(const CommandListOptions& filter = {}) { return run(cmd::command_list(filter)); }
  /// https://redis.io/commands/command-getkeys — the keys of a full command:
  /// r.command_getkeys("MSET", "a", "1", "b", "2") == {"a", "b"}.
  template <Argument... A> requires(sizeof...(A) > 0) Result<std::vector<std::string>> command_getkeys(const A&... command) { return run(cmd::command_getkeys(detail::argument_view(command)...)); }
  /// https://redis.io/commands/command-getkeysandflags — (key, its flags) pairs.
  template <Argument... A> requires(sizeof...(A) > 0) Result<std::vector<std::pair<std::string, std::vector<std::string>>>> command_getkeysandflags(const A&... command) { return run(cmd::command_getkeysandflags(detail::argument_view(command)...)); }
  /// https://redis.io/commands/command-help
  Result<std::vector<std::string>> command_help() { return run(cmd::command_help()); }

  /// https://redis.io/commands/acl-cat — categories, or a category's commands.
  Result<std::vector<std::string>> acl_cat(std::string_view category = {}) { return run(cmd::acl_cat(category)); }
  /// https://redis.io/commands/acl-deluser — how many users were deleted.
  template <Argument... N> requires(sizeof...(N) > 0) Result<long long> acl_deluser(const N&... usernames) { return run(cmd::acl_deluser(detail::argument_view(usernames)...)); }
  /// https://redis.io/commands/acl-dryrun — nullopt when allowed, else the reason:
  /// r.acl_dryrun("app", "SET", "k", "v").
  template <Argument... A> requires(sizeof...(A) > 0) Result<std::optional<std::string>> acl_dryrun(std::string_view username, const A&... command) { return run(cmd::acl_dryrun(username, detail::argument_view(command)...)); }
  /// https://redis.io/commands/acl-genpass — a random password (bits: how many random bits, 256 by default).
  Result<std::string> acl_genpass(std::optional<int> bits = std::nullopt) { return run(cmd::acl_genpass(bits)); }
  /// https://redis.io/commands/acl-getuser — nullopt when there is no such user.
  Result<std::optional<AclUser>> acl_getuser(std::string_view username) { return run(cmd::acl_getuser(username)); }
  /// https://redis.io/commands/acl-help
  Result<std::vector<std::string>> acl_help() { return run(cmd::acl_help()); }
  /// https://redis.io/commands/acl-list — every user's rules, as ACL SETUSER would take them.
  Result<std::vector<std::string>> acl_list() { return run(cmd::acl_list()); }
  /// https://redis.io/commands/acl-load — needs a server with an aclfile.
  Result<bool> acl_load() { return run(cmd::acl_load()); }
  /// https://redis.io/commands/acl-save — needs a server with an aclfile.
  Result<bool> acl_save() { return run(cmd::acl_save()); }
  /// https://redis.io/commands/acl-log — the newest entries first.
  Result<std::vector<AclLogEntry>> acl_log(std::optional<long long> count = std::nullopt) { return run(cmd::acl_log(count)); }
  /// https://redis.io/commands/acl-log — ACL LOG RESET: clears the log.
  Result<bool> acl_log_reset() { return run(cmd::acl_log_reset()); }
  /// https://redis.io/commands/acl-setuser — r.acl_setuser("app", "on", ">secret", "~app:*", "+@read").
  template <Argument... R> Result<bool> acl_setuser(std::string_view username, const R&... rules) { return run(cmd::acl_setuser(username, detail::argument_view(rules)...)); }
  /// https://redis.io/commands/acl-users
  Result<std::vector<std::string>> acl_users() { return run(cmd::acl_users()); }
  /// https://redis.io/commands/acl-whoami — the connection's user.
  Result<std::string> acl_whoami() { return run(cmd::acl_whoami()); }

  /// https://redis.io/commands/latency-doctor — a human-readable report.
  Result<std::string> latency_doctor() { return run(cmd::latency_doctor()); }
  /// https://redis.io/commands/latency-graph — an ASCII graph of one event.
  Result<std::string> latency_graph(std::string_view event) { return run(cmd::latency_graph(event)); }
  /// https://redis.io/commands/latency-help
  Result<std::vector<std::string>> latency_help() { return run(cmd::latency_help()); }
  /// https://redis.io/commands/latency-histogram — per command; no names = every command run so far.
  template <Argument... C> Result<std::unordered_map<std::string, LatencyHistogram>> latency_histogram(const C&... commands) { return run(cmd::latency_histogram(detail::argument_view(commands)...)); }
  /// https://redis.io/commands/latency-history — one event's samples.
  Result<std::vector<LatencySample>> latency_history(std::string_view event) { return run(cmd::latency_history(event)); }
  /// https://redis.io/commands/latency-latest — every event's latest and maximum spike.
  Result<std::vector<LatencyEvent>> latency_latest() { return run(cmd::latency_latest()); }
  /// https://redis.io/commands/latency-reset — how many event series were reset (no names: all).
  template <Argument... E> Result<long long> latency_reset(const E&... events) { return run(cmd::latency_reset(detail::argument_view(events)...)); }

  /// https://redis.io/commands/memory-doctor
  Result<std::string> memory_doctor() { return run(cmd::memory_doctor()); }
  /// https://redis.io/commands/memory-help
  Result<std::vector<std::string>> memory_help() { return run(cmd::memory_help()); }
  /// https://redis.io/commands/memory-malloc-stats — the allocator's own report.
  Result<std::string> memory_malloc_stats() { return run(cmd::memory_malloc_stats()); }
  /// https://redis.io/commands/memory-purge
  Result<bool> memory_purge() { return run(cmd::memory_purge()); }
  /// https://redis.io/commands/memory-stats — parsed (see MemoryStats).
  Result<MemoryStats> memory_stats() { return run(cmd::memory_stats()); }
  /// https://redis.io/commands/memory-usage — bytes a key takes, nullopt when it does not exist.
  Result<std::optional<long long>> memory_usage(std::string_view key, std::optional<long long> samples = std::nullopt) { return run(cmd::memory_usage(key, samples)); }

  /// https://redis.io/commands/module-help
  Result<std::vector<std::string>> module_help() { return run(cmd::module_help()); }
  /// https://redis.io/commands/module-list
  Result<std::vector<ModuleInfo>> module_list() { return run(cmd::module_list()); }
  /// https://redis.io/commands/module-load — a shared library path, and its arguments.
  template <Argument... A> Result<bool> module_load(std::string_view path, const A&... args) { return run(cmd::module_load(path, detail::argument_view(args)...)); }
  /// https://redis.io/commands/module-loadex — with CONFIG name value pairs and ARGS.
  Result<bool> module_loadex(std::string_view path, const ModuleLoadOptions& options = {}) { return run(cmd::module_loadex(path, options)); }
  /// https://redis.io/commands/module-unload
  Result<bool> module_unload(std::string_view name) { return run(cmd::module_unload(name)); }

 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/server_commands.ipp>
#endif
