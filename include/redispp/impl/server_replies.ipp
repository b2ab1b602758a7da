#pragma once
// The reply conversions (redispp_from_reply) of the structs in <redispp/commands/server_replies.hpp>: compiled once
// into the library, so that a program including the header does not instantiate the
// conversions they are built from (compile time: bench/README.md).

#include <utility>  // std::move

#include <redispp/commands/server_replies.hpp>

namespace redispp {

REDISPP_DECL std::vector<Reply>& detail::reply_elements(Reply& reply, std::size_t at_least, const char* what) {
  if (!reply.is_aggregate() || reply.elements().size() < at_least)
    throw DataError(std::string("cannot read ") + what + " from " + describe(reply));
  return reply.elements();
}

REDISPP_DECL CommandDoc CommandDoc::from_fields(std::string name, Reply&& reply) {
  auto fields = detail::reply_fields(std::move(reply));
  CommandDoc d;
  d.name = std::move(name);
  d.summary = detail::field_as<std::string>(fields, "summary");
  d.since = detail::field_as<std::string>(fields, "since");
  d.group = detail::field_as<std::string>(fields, "group");
  d.complexity = detail::field_as<std::string>(fields, "complexity");
  d.doc_flags = detail::field_as<std::vector<std::string>>(fields, "doc_flags");
  d.deprecated_since = detail::field_as<std::string>(fields, "deprecated_since");
  d.replaced_by = detail::field_as<std::string>(fields, "replaced_by");
  d.history = detail::field_as<std::vector<std::pair<std::string, std::string>>>(fields, "history");
  d.arguments = detail::field_as<std::vector<CommandArgument>>(fields, "arguments");
  for (auto& [sub_name, sub] : detail::field_as<std::vector<std::pair<std::string, Reply>>>(fields, "subcommands"))
    d.subcommands.push_back(from_fields(std::move(sub_name), std::move(sub)));
  return d;
}

REDISPP_DECL std::unordered_map<std::string, CommandDoc> parse_command_docs(Reply&& reply) {
  std::unordered_map<std::string, CommandDoc> docs;
  for (auto& [name, doc] : convert<std::vector<std::pair<std::string, Reply>>>(std::move(reply))) {
    std::string key = name;
    docs.emplace(std::move(key), CommandDoc::from_fields(std::move(name), std::move(doc)));
  }
  return docs;
}

REDISPP_DECL SlowLogEntry redispp_from_reply(Reply&& reply, std::type_identity<SlowLogEntry>) {
  auto& e = detail::reply_elements(reply, 4, "a SLOWLOG entry");
  SlowLogEntry entry;
  entry.id = convert<long long>(std::move(e[0]));
  entry.time = std::chrono::sys_seconds(std::chrono::seconds(convert<long long>(std::move(e[1]))));
  entry.duration = std::chrono::microseconds(convert<long long>(std::move(e[2])));
  entry.args = convert<std::vector<std::string>>(std::move(e[3]));
  if (e.size() > 4) entry.client_address = convert<std::string>(std::move(e[4]));
  if (e.size() > 5) entry.client_name = convert<std::string>(std::move(e[5]));
  return entry;
}

REDISPP_DECL KeySpec redispp_from_reply(Reply&& reply, std::type_identity<KeySpec>) {
  auto fields = detail::reply_fields(std::move(reply));
  KeySpec spec;
  spec.flags = detail::field_as<std::vector<std::string>>(fields, "flags");
  spec.notes = detail::field_as<std::string>(fields, "notes");
  auto begin = detail::field_as<detail::ReplyFields>(fields, "begin_search");
  spec.begin_search_type = detail::field_as<std::string>(begin, "type");
  spec.begin_search_spec = detail::field_as<std::unordered_map<std::string, std::string>>(begin, "spec");
  auto find = detail::field_as<detail::ReplyFields>(fields, "find_keys");
  spec.find_keys_type = detail::field_as<std::string>(find, "type");
  spec.find_keys_spec = detail::field_as<std::unordered_map<std::string, std::string>>(find, "spec");
  return spec;
}

REDISPP_DECL CommandInfo redispp_from_reply(Reply&& reply, std::type_identity<CommandInfo>) {
  auto& e = detail::reply_elements(reply, 6, "a COMMAND INFO entry");
  CommandInfo info;
  info.name = convert<std::string>(std::move(e[0]));
  info.arity = convert<long long>(std::move(e[1]));
  info.flags = convert<std::vector<std::string>>(std::move(e[2]));
  info.first_key = convert<long long>(std::move(e[3]));
  info.last_key = convert<long long>(std::move(e[4]));
  info.step = convert<long long>(std::move(e[5]));
  if (e.size() > 6) info.acl_categories = convert<std::vector<std::string>>(std::move(e[6]));
  if (e.size() > 7) info.tips = convert<std::vector<std::string>>(std::move(e[7]));
  if (e.size() > 8) info.key_specs = convert<std::vector<KeySpec>>(std::move(e[8]));
  if (e.size() > 9) info.subcommands = convert<std::vector<CommandInfo>>(std::move(e[9]));
  return info;
}

REDISPP_DECL CommandArgument redispp_from_reply(Reply&& reply, std::type_identity<CommandArgument>) {
  auto fields = detail::reply_fields(std::move(reply));
  CommandArgument a;
  a.name = detail::field_as<std::string>(fields, "name");
  a.type = detail::field_as<std::string>(fields, "type");
  a.key_spec_index = detail::field_as<std::optional<long long>>(fields, "key_spec_index");
  a.token = detail::field_as<std::string>(fields, "token");
  a.summary = detail::field_as<std::string>(fields, "summary");
  a.since = detail::field_as<std::string>(fields, "since");
  a.deprecated_since = detail::field_as<std::string>(fields, "deprecated_since");
  a.flags = detail::field_as<std::vector<std::string>>(fields, "flags");
  a.arguments = detail::field_as<std::vector<CommandArgument>>(fields, "arguments");
  return a;
}

REDISPP_DECL AclUser redispp_from_reply(Reply&& reply, std::type_identity<AclUser>) {
  auto fields = detail::reply_fields(std::move(reply));
  AclUser user;
  user.flags = detail::field_as<std::vector<std::string>>(fields, "flags");
  user.passwords = detail::field_as<std::vector<std::string>>(fields, "passwords");
  user.commands = detail::field_as<std::string>(fields, "commands");
  // Redis 6 sent keys and channels as arrays of patterns, Redis 7 as one string.
  for (const char* name : {"keys", "channels"}) {
    std::string& out = std::string_view(name) == "keys" ? user.keys : user.channels;
    auto found = fields.find(name);
    if (found == fields.end() || found->second.is_nil()) continue;
    if (found->second.is_aggregate()) {
      for (auto& pattern : convert<std::vector<std::string>>(std::move(found->second)))
        out += (out.empty() ? "" : " ") + pattern;
    } else {
      out = convert<std::string>(std::move(found->second));
    }
  }
  user.selectors = detail::field_as<std::vector<std::unordered_map<std::string, std::string>>>(fields, "selectors");
  return user;
}

REDISPP_DECL AclLogEntry redispp_from_reply(Reply&& reply, std::type_identity<AclLogEntry>) {
  auto fields = detail::reply_fields(std::move(reply));
  AclLogEntry e;
  e.count = detail::field_as<long long>(fields, "count");
  e.reason = detail::field_as<std::string>(fields, "reason");
  e.context = detail::field_as<std::string>(fields, "context");
  e.object = detail::field_as<std::string>(fields, "object");
  e.username = detail::field_as<std::string>(fields, "username");
  // A bulk string in RESP2, a double in RESP3: both read as the same double.
  e.age = std::chrono::duration<double>(detail::field_as<double>(fields, "age-seconds"));
  e.client_info = detail::field_as<std::string>(fields, "client-info");
  e.entry_id = detail::field_as<long long>(fields, "entry-id");
  e.timestamp_created = detail::field_as<long long>(fields, "timestamp-created");
  e.timestamp_last_updated = detail::field_as<long long>(fields, "timestamp-last-updated");
  return e;
}

REDISPP_DECL LatencySample redispp_from_reply(Reply&& reply, std::type_identity<LatencySample>) {
  const auto [at, ms] = convert<std::pair<long long, long long>>(std::move(reply));
  return {std::chrono::sys_seconds(std::chrono::seconds(at)), std::chrono::milliseconds(ms)};
}

REDISPP_DECL LatencyEvent redispp_from_reply(Reply&& reply, std::type_identity<LatencyEvent>) {
  auto& e = detail::reply_elements(reply, 4, "a LATENCY LATEST entry");
  LatencyEvent out;
  out.event = convert<std::string>(std::move(e[0]));
  out.time = std::chrono::sys_seconds(std::chrono::seconds(convert<long long>(std::move(e[1]))));
  out.latest = std::chrono::milliseconds(convert<long long>(std::move(e[2])));
  out.max = std::chrono::milliseconds(convert<long long>(std::move(e[3])));
  return out;
}

REDISPP_DECL LatencyHistogram redispp_from_reply(Reply&& reply, std::type_identity<LatencyHistogram>) {
  auto fields = detail::reply_fields(std::move(reply));
  LatencyHistogram h;
  h.calls = detail::field_as<long long>(fields, "calls");
  h.buckets = detail::field_as<std::map<long long, long long>>(fields, "histogram_usec");
  return h;
}

REDISPP_DECL MemoryStats redispp_from_reply(Reply&& reply, std::type_identity<MemoryStats>) {
  MemoryStats s;
  for (auto& [name, value] : convert<std::vector<std::pair<std::string, Reply>>>(std::move(reply))) {
    if (name.rfind("db.", 0) == 0) {
      auto db = detail::reply_fields(std::move(value));
      s.databases[std::stoll(name.substr(3))] = {detail::field_as<long long>(db, "overhead.hashtable.main"),
                                                 detail::field_as<long long>(db, "overhead.hashtable.expires")};
    } else if (!value.is_aggregate() && !value.is_nil()) {
      s.values[name] = convert<double>(std::move(value));
    }
  }
  auto get = [&s](const char* name) {
    const auto found = s.values.find(name);
    return found == s.values.end() ? 0.0 : found->second;
  };
  s.peak_allocated = static_cast<long long>(get("peak.allocated"));
  s.total_allocated = static_cast<long long>(get("total.allocated"));
  s.startup_allocated = static_cast<long long>(get("startup.allocated"));
  s.replication_backlog = static_cast<long long>(get("replication.backlog"));
  s.clients_normal = static_cast<long long>(get("clients.normal"));
  s.clients_replicas = static_cast<long long>(get("clients.slaves"));
  s.aof_buffer = static_cast<long long>(get("aof.buffer"));
  s.overhead_total = static_cast<long long>(get("overhead.total"));
  s.keys_count = static_cast<long long>(get("keys.count"));
  s.keys_bytes_per_key = static_cast<long long>(get("keys.bytes-per-key"));
  s.dataset_bytes = static_cast<long long>(get("dataset.bytes"));
  s.dataset_percentage = get("dataset.percentage");
  s.peak_percentage = get("peak.percentage");
  s.fragmentation = get("fragmentation");
  return s;
}

REDISPP_DECL Role redispp_from_reply(Reply&& reply, std::type_identity<Role>) {
  auto& e = detail::reply_elements(reply, 1, "ROLE");
  Role r;
  r.role = convert<std::string>(std::move(e[0]));
  if (r.role == "master" && e.size() >= 3) {
    r.replication_offset = convert<long long>(std::move(e[1]));
    for (auto& replica : e[2].elements()) {
      auto [host, port, offset] = convert<std::tuple<std::string, long long, long long>>(std::move(replica));
      r.replicas.push_back({std::move(host), port, offset});
    }
  } else if (r.role == "slave" && e.size() >= 5) {
    r.master_host = convert<std::string>(std::move(e[1]));
    r.master_port = convert<long long>(std::move(e[2]));
    r.state = convert<std::string>(std::move(e[3]));
    r.replication_offset = convert<long long>(std::move(e[4]));
  } else if (r.role == "sentinel" && e.size() >= 2) {
    r.master_names = convert<std::vector<std::string>>(std::move(e[1]));
  }
  return r;
}

REDISPP_DECL ModuleInfo redispp_from_reply(Reply&& reply, std::type_identity<ModuleInfo>) {
  auto fields = detail::reply_fields(std::move(reply));
  ModuleInfo m;
  m.name = detail::field_as<std::string>(fields, "name");
  m.version = detail::field_as<long long>(fields, "ver");
  m.path = detail::field_as<std::string>(fields, "path");
  m.args = detail::field_as<std::vector<std::string>>(fields, "args");
  return m;
}

}  // namespace redispp
