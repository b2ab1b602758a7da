#pragma once
// The command builders of <redispp/commands/server.hpp> that are not templates: compiled once into
// the library, so that a program including the header does not instantiate the Command<T>,
// encoder and conversion code of every command it does not call (compile time: bench/README.md).

#include <redispp/commands/server.hpp>
#include <redispp/commands/exclusive_options.hpp>

namespace redispp::cmd {

REDISPP_DECL Command<long long> dbsize() { return make_read_command<long long>(no_keys, "DBSIZE"); }

REDISPP_DECL Command<bool> flushdb(bool asynchronous) {
  return asynchronous ? make_command<bool>(no_keys, "FLUSHDB", "ASYNC") : make_command<bool>(no_keys, "FLUSHDB");
}

REDISPP_DECL Command<bool> flushall(bool asynchronous) {
  return asynchronous ? make_command<bool>(no_keys, "FLUSHALL", "ASYNC") : make_command<bool>(no_keys, "FLUSHALL");
}

REDISPP_DECL Command<bool> swapdb(int a, int b) { return make_command<bool>(no_keys, "SWAPDB", a, b); }

REDISPP_DECL Command<ServerTime> time() {
  return make_command_with<ServerTime>(
      +[](Reply&& reply) {
        const auto [seconds, micros] = convert<std::pair<long long, long long>>(std::move(reply));
        return ServerTime(std::chrono::seconds(seconds) + std::chrono::microseconds(micros));
      },
      CommandFlags::repeatable, no_keys, "TIME");
}

REDISPP_DECL Command<UnixSeconds> lastsave() {
  return make_command_with<UnixSeconds>(
      +[](Reply&& reply) { return UnixSeconds(std::chrono::seconds(convert<long long>(std::move(reply)))); },
      CommandFlags::repeatable, no_keys, "LASTSAVE");
}

REDISPP_DECL Command<bool> save() { return make_command<bool>(no_keys, "SAVE"); }

REDISPP_DECL Command<bool> bgsave(bool schedule) {
  return schedule ? make_command_with<bool>(&detail::any_status, no_keys, "BGSAVE", "SCHEDULE")
                  : make_command_with<bool>(&detail::any_status, no_keys, "BGSAVE");
}

REDISPP_DECL Command<bool> bgrewriteaof() { return make_command_with<bool>(&detail::any_status, no_keys, "BGREWRITEAOF"); }

REDISPP_DECL Command<bool> shutdown(const ShutdownOptions& o) {
  // Redis answers a syntax error to SAVE with NOSAVE, and to ABORT with any other modifier.
  static constexpr std::string_view saves[] = {"nosave", "save"};
  detail::check_exclusive(detail::set_fields(o.nosave, o.save), "SHUTDOWN", "ShutdownOptions", saves, "pick one");
  static constexpr std::string_view aborts[] = {"abort", "nosave", "save", "now", "force"};
  detail::check_exclusive(detail::set_fields(o.abort, o.abort && o.nosave, o.abort && o.save, o.abort && o.now,
                                             o.abort && o.force),
                          "SHUTDOWN", "ShutdownOptions", aborts, "abort cancels a shutdown: it takes no modifier");
  ArgumentWriter w("SHUTDOWN");
  w.add_if(o.nosave, "NOSAVE").add_if(o.save, "SAVE").add_if(o.now, "NOW").add_if(o.force, "FORCE");
  w.add_if(o.abort, "ABORT");
  return Command<bool>(std::move(w), no_keys);
}

REDISPP_DECL Command<bool> failover(const FailoverOptions& o) {
  // Redis: "FAILOVER ABORT cannot be used with other options".
  static constexpr std::string_view aborts[] = {"abort", "host", "force", "timeout"};
  detail::check_exclusive(detail::set_fields(o.abort, o.abort && !o.host.empty(), o.abort && o.force,
                                             o.abort && o.timeout.has_value()),
                          "FAILOVER", "FailoverOptions", aborts, "abort cancels a failover: it takes no other option");
  ArgumentWriter w("FAILOVER");
  if (!o.host.empty()) w.add("TO", o.host, o.port);
  w.add_if(o.force, "FORCE").add_if(o.abort, "ABORT");
  if (o.timeout) w.add("TIMEOUT", o.timeout->count());
  return Command<bool>(std::move(w), no_keys);
}

REDISPP_DECL Command<bool> replicaof(std::string_view host, int port) { return make_command<bool>(no_keys, "REPLICAOF", host, port); }

REDISPP_DECL Command<bool> replicaof_no_one() { return make_command<bool>(no_keys, "REPLICAOF", "NO", "ONE"); }

REDISPP_DECL Command<bool> slaveof(std::string_view host, int port) { return make_command<bool>(no_keys, "SLAVEOF", host, port); }

REDISPP_DECL Command<bool> slaveof_no_one() { return make_command<bool>(no_keys, "SLAVEOF", "NO", "ONE"); }

REDISPP_DECL Command<Role> role() { return make_command<Role>(CommandFlags::repeatable, no_keys, "ROLE"); }

REDISPP_DECL Command<std::string> lolwut(std::optional<int> version) {
  return version ? make_read_command<std::string>(no_keys, "LOLWUT", "VERSION", *version) : make_read_command<std::string>(no_keys, "LOLWUT");
}

REDISPP_DECL Command<std::unordered_map<std::string, std::string>> config_get(std::string_view pattern) {
  return make_command<std::unordered_map<std::string, std::string>>(CommandFlags::repeatable, no_keys, "CONFIG", "GET", pattern);
}

REDISPP_DECL Command<bool> config_resetstat() { return make_command<bool>(no_keys, "CONFIG", "RESETSTAT"); }

REDISPP_DECL Command<bool> config_rewrite() { return make_command<bool>(no_keys, "CONFIG", "REWRITE"); }

REDISPP_DECL Command<std::vector<std::string>> config_help() { return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "CONFIG", "HELP"); }

REDISPP_DECL Command<std::vector<SlowLogEntry>> slowlog_get(std::optional<long long> count) {
  return count ? make_command<std::vector<SlowLogEntry>>(CommandFlags::repeatable, no_keys, "SLOWLOG", "GET", *count)
               : make_command<std::vector<SlowLogEntry>>(CommandFlags::repeatable, no_keys, "SLOWLOG", "GET");
}

REDISPP_DECL Command<long long> slowlog_len() { return make_command<long long>(CommandFlags::repeatable, no_keys, "SLOWLOG", "LEN"); }

REDISPP_DECL Command<bool> slowlog_reset() { return make_command<bool>(no_keys, "SLOWLOG", "RESET"); }

REDISPP_DECL Command<std::vector<std::string>> slowlog_help() { return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "SLOWLOG", "HELP"); }

REDISPP_DECL Command<long long> command_count() { return make_command<long long>(CommandFlags::repeatable, no_keys, "COMMAND", "COUNT"); }

REDISPP_DECL Command<std::vector<std::string>> command_list(const CommandListOptions& o) {
  static constexpr std::string_view filters[] = {"module", "aclcat", "pattern"};
  detail::check_exclusive(detail::set_fields(!o.module.empty(), !o.aclcat.empty(), !o.pattern.empty()), "COMMAND LIST",
                          "CommandListOptions", filters, "FILTERBY takes one filter");
  ArgumentWriter w("COMMAND", "LIST");
  if (!o.module.empty()) w.add("FILTERBY", "MODULE", o.module);
  if (!o.aclcat.empty()) w.add("FILTERBY", "ACLCAT", o.aclcat);
  if (!o.pattern.empty()) w.add("FILTERBY", "PATTERN", o.pattern);
  return Command<std::vector<std::string>>(std::move(w), no_keys, CommandFlags::repeatable);
}

REDISPP_DECL Command<std::vector<std::string>> command_help() { return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "COMMAND", "HELP"); }

REDISPP_DECL Command<std::vector<std::string>> acl_cat(std::string_view category) {
  return category.empty() ? make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "ACL", "CAT")
                          : make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "ACL", "CAT", category);
}

REDISPP_DECL Command<std::string> acl_genpass(std::optional<int> bits) {
  return bits ? make_command<std::string>(CommandFlags::repeatable, no_keys, "ACL", "GENPASS", *bits) : make_command<std::string>(CommandFlags::repeatable, no_keys, "ACL", "GENPASS");
}

REDISPP_DECL Command<std::optional<AclUser>> acl_getuser(std::string_view username) {
  return make_command<std::optional<AclUser>>(CommandFlags::repeatable, no_keys, "ACL", "GETUSER", username);
}

REDISPP_DECL Command<std::vector<std::string>> acl_help() { return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "ACL", "HELP"); }

REDISPP_DECL Command<std::vector<std::string>> acl_list() { return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "ACL", "LIST"); }

REDISPP_DECL Command<bool> acl_load() { return make_command<bool>(no_keys, "ACL", "LOAD"); }

REDISPP_DECL Command<bool> acl_save() { return make_command<bool>(no_keys, "ACL", "SAVE"); }

REDISPP_DECL Command<std::vector<AclLogEntry>> acl_log(std::optional<long long> count) {
  return count ? make_command<std::vector<AclLogEntry>>(no_keys, "ACL", "LOG", *count)
               : make_command<std::vector<AclLogEntry>>(no_keys, "ACL", "LOG");
}

REDISPP_DECL Command<bool> acl_log_reset() { return make_command<bool>(no_keys, "ACL", "LOG", "RESET"); }

REDISPP_DECL Command<std::vector<std::string>> acl_users() { return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "ACL", "USERS"); }

REDISPP_DECL Command<std::string> acl_whoami() { return make_command<std::string>(CommandFlags::repeatable, no_keys, "ACL", "WHOAMI"); }

REDISPP_DECL Command<std::string> latency_doctor() { return make_command<std::string>(CommandFlags::repeatable, no_keys, "LATENCY", "DOCTOR"); }

REDISPP_DECL Command<std::string> latency_graph(std::string_view event) { return make_command<std::string>(CommandFlags::repeatable, no_keys, "LATENCY", "GRAPH", event); }

REDISPP_DECL Command<std::vector<std::string>> latency_help() { return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "LATENCY", "HELP"); }

REDISPP_DECL Command<std::vector<LatencySample>> latency_history(std::string_view event) {
  return make_command<std::vector<LatencySample>>(CommandFlags::repeatable, no_keys, "LATENCY", "HISTORY", event);
}

REDISPP_DECL Command<std::vector<LatencyEvent>> latency_latest() { return make_command<std::vector<LatencyEvent>>(CommandFlags::repeatable, no_keys, "LATENCY", "LATEST"); }

REDISPP_DECL Command<std::string> memory_doctor() { return make_command<std::string>(CommandFlags::repeatable, no_keys, "MEMORY", "DOCTOR"); }

REDISPP_DECL Command<std::vector<std::string>> memory_help() { return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "MEMORY", "HELP"); }

REDISPP_DECL Command<std::string> memory_malloc_stats() { return make_command<std::string>(CommandFlags::repeatable, no_keys, "MEMORY", "MALLOC-STATS"); }

REDISPP_DECL Command<bool> memory_purge() { return make_command<bool>(no_keys, "MEMORY", "PURGE"); }

REDISPP_DECL Command<MemoryStats> memory_stats() { return make_command<MemoryStats>(CommandFlags::repeatable, no_keys, "MEMORY", "STATS"); }

REDISPP_DECL Command<std::optional<long long>> memory_usage(std::string_view key, std::optional<long long> samples) {
  return samples ? make_read_command<std::optional<long long>>(KeyPositions::at(2), "MEMORY", "USAGE", key, "SAMPLES", *samples)
                 : make_read_command<std::optional<long long>>(KeyPositions::at(2), "MEMORY", "USAGE", key);
}

REDISPP_DECL Command<std::vector<std::string>> module_help() { return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "MODULE", "HELP"); }

REDISPP_DECL Command<std::vector<ModuleInfo>> module_list() { return make_command<std::vector<ModuleInfo>>(CommandFlags::repeatable, no_keys, "MODULE", "LIST"); }

REDISPP_DECL Command<bool> module_loadex(std::string_view path, const ModuleLoadOptions& o) {
  ArgumentWriter w("MODULE", "LOADEX", path);
  for (const auto& [name, value] : o.configs) w.add("CONFIG", name, value);
  if (!o.args.empty()) w.add("ARGS", o.args);
  return Command<bool>(std::move(w), no_keys);
}

REDISPP_DECL Command<bool> module_unload(std::string_view name) { return make_command<bool>(no_keys, "MODULE", "UNLOAD", name); }

}  // namespace redispp::cmd
