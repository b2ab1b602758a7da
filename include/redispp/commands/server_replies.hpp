#pragma once
// The structured replies of server commands, parsed into structs with named fields: SLOWLOG GET,
// COMMAND INFO / DOCS, ACL GETUSER / LOG, LATENCY LATEST / HISTORY / HISTOGRAM, MEMORY STATS,
// ROLE, MODULE LIST. Each reads RESP2's flat arrays and RESP3's maps, sets and doubles alike,
// so both protocols give the same value. Fields a server version does not send stay at their
// defaults (0, empty), so replies of older and newer servers parse too.

#include <map>            // std::map
#include <optional>       // std::optional
#include <string>         // std::string
#include <string_view>    // std::string_view
#include <tuple>          // std::tuple
#include <type_traits>    // std::type_identity
#include <unordered_map>  // std::unordered_map
#include <utility>        // std::move, std::pair
#include <vector>         // std::vector

#include <redispp/commands/reply_fields.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono
#include <redispp/errors.hpp>
#include <redispp/protocol/convert.hpp>
#include <redispp/protocol/reply.hpp>

#include <redispp/config.hpp>  // REDISPP_DECL

namespace redispp {

namespace detail {
/// The elements of an array reply with at least `at_least` of them; DataError naming `what` otherwise.
REDISPP_DECL std::vector<Reply>& reply_elements(Reply& reply, std::size_t at_least, const char* what);  // impl/server_replies.ipp
}  // namespace detail

/// One SLOWLOG GET entry.
struct SlowLogEntry {
  long long id = 0;
  std::chrono::sys_seconds time{};          // when the command ran
  std::chrono::microseconds duration{0};    // how long it took
  std::vector<std::string> args;            // the command and its arguments (long ones cut by the server)
  std::string client_address;               // "127.0.0.1:53122"
  std::string client_name;                  // CLIENT SETNAME, or empty

  friend REDISPP_DECL SlowLogEntry redispp_from_reply(Reply&& reply, std::type_identity<SlowLogEntry>);  // impl/server_replies.ipp
};

/// One key specification of COMMAND INFO (Redis 7): where a command's keys are.
struct KeySpec {
  std::vector<std::string> flags;  // "RW", "access", "update" ...
  std::string notes;
  std::string begin_search_type;   // "index", "keyword", "unknown"
  std::unordered_map<std::string, std::string> begin_search_spec;  // {"index": "1"}, {"keyword": "STREAMS", "startfrom": "1"}
  std::string find_keys_type;      // "range", "keynum", "unknown"
  std::unordered_map<std::string, std::string> find_keys_spec;     // {"lastkey": "0", "keystep": "1", "limit": "0"}

  friend REDISPP_DECL KeySpec redispp_from_reply(Reply&& reply, std::type_identity<KeySpec>);  // impl/server_replies.ipp
};

/// One command of COMMAND INFO.
struct CommandInfo {
  std::string name;                         // "get", "config|get"
  long long arity = 0;                      // argument count with the name; negative = at least -arity
  std::vector<std::string> flags;           // "readonly", "fast", "write" ...
  long long first_key = 0;                  // position of the first key (0: none)
  long long last_key = 0;                   // of the last (-1: the last argument)
  long long step = 0;                       // between keys
  std::vector<std::string> acl_categories;  // "@read", "@string" ...
  std::vector<std::string> tips;            // "nondeterministic_output" ...
  std::vector<KeySpec> key_specs;
  std::vector<CommandInfo> subcommands;

  friend REDISPP_DECL CommandInfo redispp_from_reply(Reply&& reply, std::type_identity<CommandInfo>);  // impl/server_replies.ipp
};

/// One argument of a COMMAND DOCS entry (blocks and one-ofs nest their arguments).
struct CommandArgument {
  std::string name;
  std::string type;    // "key", "string", "integer", "double", "pattern", "unix-time", "pure-token", "oneof", "block"
  std::optional<long long> key_spec_index;
  std::string token;   // the literal word before it ("EX"), or empty
  std::string summary;
  std::string since;
  std::string deprecated_since;
  std::vector<std::string> flags;  // "optional", "multiple", "multiple_token"
  std::vector<CommandArgument> arguments;

  friend REDISPP_DECL CommandArgument redispp_from_reply(Reply&& reply, std::type_identity<CommandArgument>);  // impl/server_replies.ipp
};

/// One command of COMMAND DOCS.
struct CommandDoc {
  std::string name;  // as the reply names it: "get", "config|get" for subcommands
  std::string summary;
  std::string since;
  std::string group;  // "string", "server" ...
  std::string complexity;
  std::vector<std::string> doc_flags;  // "deprecated", "syscmd"
  std::string deprecated_since;
  std::string replaced_by;
  std::vector<std::pair<std::string, std::string>> history;  // (version, what changed)
  std::vector<CommandArgument> arguments;
  std::vector<CommandDoc> subcommands;

  /// Reads one doc map (the name comes from the enclosing reply).
  REDISPP_DECL static CommandDoc from_fields(std::string name, Reply&& reply);  // impl/server_replies.ipp
};

/// COMMAND DOCS' reply: command name -> its doc. (Out of line, as the structs' conversions are:
/// defined here, it made every file that includes the header instantiate the map and field
/// conversions it is built from; bench/README.md.)
REDISPP_DECL std::unordered_map<std::string, CommandDoc> parse_command_docs(Reply&& reply);  // impl/server_replies.ipp

/// ACL GETUSER: a user's rules (Redis 7 shape).
struct AclUser {
  std::vector<std::string> flags;      // "on", "off", "nopass", "sanitize-payload" ...
  std::vector<std::string> passwords;  // SHA-256 hashes
  std::string commands;                // "+@all -debug"
  std::string keys;                    // "~*", or "" when none
  std::string channels;                // "&*"
  std::vector<std::unordered_map<std::string, std::string>> selectors;  // commands, keys, channels each

  friend REDISPP_DECL AclUser redispp_from_reply(Reply&& reply, std::type_identity<AclUser>);  // impl/server_replies.ipp
};

/// One ACL LOG entry: a denied command or failed authentication.
struct AclLogEntry {
  long long count = 0;         // similar events folded into this entry
  std::string reason;          // "auth", "command", "key", "channel"
  std::string context;         // "toplevel", "multi", "lua", "module"
  std::string object;          // the command, key or channel denied
  std::string username;
  std::chrono::duration<double> age{0};  // since the last such event
  std::string client_info;     // the client, as a CLIENT LIST line (parse_client_list reads it)
  long long entry_id = 0;      // Redis 7.2+
  long long timestamp_created = 0;       // Redis 7.2+, ms
  long long timestamp_last_updated = 0;  // Redis 7.2+, ms

  friend REDISPP_DECL AclLogEntry redispp_from_reply(Reply&& reply, std::type_identity<AclLogEntry>);  // impl/server_replies.ipp
};

/// One LATENCY HISTORY sample.
struct LatencySample {
  std::chrono::sys_seconds time{};
  std::chrono::milliseconds latency{0};

  friend REDISPP_DECL LatencySample redispp_from_reply(Reply&& reply, std::type_identity<LatencySample>);  // impl/server_replies.ipp
};

/// One LATENCY LATEST event.
struct LatencyEvent {
  std::string event;  // "command", "fast-command", "fork" ...
  std::chrono::sys_seconds time{};  // of the latest spike
  std::chrono::milliseconds latest{0};
  std::chrono::milliseconds max{0};  // the all-time maximum

  friend REDISPP_DECL LatencyEvent redispp_from_reply(Reply&& reply, std::type_identity<LatencyEvent>);  // impl/server_replies.ipp
};

/// LATENCY HISTOGRAM for one command: calls, and counts per power-of-two bucket.
struct LatencyHistogram {
  long long calls = 0;
  std::map<long long, long long> buckets;  // upper bound in microseconds -> calls that took up to it

  friend REDISPP_DECL LatencyHistogram redispp_from_reply(Reply&& reply, std::type_identity<LatencyHistogram>);  // impl/server_replies.ipp
};

/// MEMORY STATS. The fields every memory investigation starts from are typed members; every
/// scalar field is also in `values` under the server's name ("peak.allocated",
/// "allocator-rss.ratio" ...), as a double (byte counts are exact up to 2^53).
struct MemoryStats {
  long long peak_allocated = 0;
  long long total_allocated = 0;
  long long startup_allocated = 0;
  long long replication_backlog = 0;
  long long clients_normal = 0;
  long long clients_replicas = 0;  // "clients.slaves"
  long long aof_buffer = 0;
  long long overhead_total = 0;
  long long keys_count = 0;
  long long keys_bytes_per_key = 0;
  long long dataset_bytes = 0;
  double dataset_percentage = 0;
  double peak_percentage = 0;
  double fragmentation = 0;
  std::map<std::string, double> values;
  /// Per database ("db.0" -> 0): the overheads of its main and expires hash tables.
  struct DbOverhead {
    long long main = 0;
    long long expires = 0;
  };
  std::map<long long, DbOverhead> databases;

  friend REDISPP_DECL MemoryStats redispp_from_reply(Reply&& reply, std::type_identity<MemoryStats>);  // impl/server_replies.ipp
};

/// ROLE: what this server is in replication, with the fields of that role.
struct Role {
  std::string role;  // "master", "slave" (a replica), "sentinel"
  /// master: its replication offset; replica: the offset it has received.
  long long replication_offset = 0;
  /// master: its connected replicas.
  struct Replica {
    std::string host;
    long long port = 0;
    long long offset = 0;  // acknowledged
  };
  std::vector<Replica> replicas;
  /// replica: its master and the link's state ("connect", "connecting", "sync", "connected").
  std::string master_host;
  long long master_port = 0;
  std::string state;
  /// sentinel: the masters it monitors.
  std::vector<std::string> master_names;

  friend REDISPP_DECL Role redispp_from_reply(Reply&& reply, std::type_identity<Role>);  // impl/server_replies.ipp
};

/// One MODULE LIST entry.
struct ModuleInfo {
  std::string name;
  long long version = 0;
  std::string path;               // Redis 7+
  std::vector<std::string> args;  // Redis 7+

  friend REDISPP_DECL ModuleInfo redispp_from_reply(Reply&& reply, std::type_identity<ModuleInfo>);  // impl/server_replies.ipp
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/server_replies.ipp>
#endif
