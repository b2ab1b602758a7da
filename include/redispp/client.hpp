#pragma once
// Redis: the client. Every command method (CommandSet) leases a connection from the pool,
// sends the command, reads its reply, gives the connection back and returns the reply
// converted to the command's C++ type. Thread-safe: any number of threads may share one Redis
// (each call leases its own connection).
//
//   redispp::Redis r{opts};                                  // its own pool (redis-py: Redis(host=...))
//   auto pool = std::make_shared<redispp::ConnectionPool>(opts, po);
//   redispp::Redis a{pool}, b{pool};                         // one shared pool
//   auto r2 = redispp::Redis::from_url("redis://localhost:6379/0");

#include <cstdint>      // std::uint32_t
#include <memory>       // std::shared_ptr
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view

#include <redispp/commands/command_set.hpp>
#include <redispp/commands/command_table.hpp>
#include <redispp/commands/settle.hpp>
#include <redispp/config.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono::milliseconds
#include <redispp/lock_options.hpp>  // LockOptions, for lock()'s default argument
#include <redispp/monitor.hpp>
#include <redispp/pipeline.hpp>
#include <redispp/protocol/strings_target.hpp>
#include <redispp/pubsub.hpp>
#include <redispp/scan_range.hpp>
#include <redispp/source_location.hpp>  // SourceLocation
#include <redispp/transport/connection_pool.hpp>
#include <redispp/transport/options.hpp>
#include <redispp/transport/url.hpp>

namespace redispp {

// Script and Lock hold a Redis, so their headers include this one and define register_script()
// and lock(): include <redispp/script.hpp> / <redispp/lock.hpp> (or <redispp/redispp.hpp>) to
// call them.
class Script;
class Lock;
template <class... Ts>
class TypedPipeline;  // typed_pipeline.hpp

namespace detail {
/// Sends one encoded command on a leased connection and reads its reply, retrying as the pool's
/// ConnectionOptions::retry allows for the command's flags (transport/retry.hpp). Error replies
/// are returned, not thrown. A command with CommandFlags::changes_state leaves its connection
/// marked, so the pool closes it. `name` is only for messages and Retry::safe_after_send.
REDISPP_DECL Reply round_trip(ConnectionPool& pool, std::string_view wire, std::chrono::milliseconds block_timeout,
                              CommandFlags flags, std::string_view name);
/// The same, handing a reply made only of bulk strings to `sink` without building a Reply
/// (Connection::read_strings): std::nullopt when the sink took it, else the reply.
REDISPP_DECL std::optional<Reply> round_trip_strings(ConnectionPool& pool, std::string_view wire,
                                                     std::chrono::milliseconds block_timeout, CommandFlags flags,
                                                     std::string_view name, StringsSink& sink);
/// round_trip for a command that gets several replies (Command::reply_count() > 1): reads them
/// all and gives them back as one (Connection::read_command_reply).
REDISPP_DECL Reply round_trip_several(ConnectionPool& pool, std::string_view wire, CommandFlags flags,
                                      std::string_view name, std::uint32_t replies);
/// Adds to a command given as text what the server says of it (COMMAND INFO, asked on the first
/// use of each name and kept in `table`: see commands/command_table.hpp).
REDISPP_DECL void add_server_facts(ConnectionPool& pool, CommandTable& table, Command<Reply>& command);
}  // namespace detail

class Redis;
/// r.incr("n") gives the long long (host_result.hpp).
template <>
struct HostResultOf<Redis> {
  template <class T>
  using type = T;
};

class Redis : public CommandSet<Redis> {
 public:
  // The constructors, from_url and run()'s error path are defined in impl/client.ipp: compiled
  // once into the library, so that a program does not instantiate them (make_shared of the
  // pool and of the command table, the URL parser's result) in every file that includes this.

  /// A client with a pool of its own. The options are taken by reference and copied inside the
  /// library: taken by value, every caller that passed a named options object compiled the
  /// copy of its strings, std::function, TLS options and retry policy inline.
  REDISPP_DECL Redis();
  REDISPP_DECL explicit Redis(const ConnectionOptions& options);
  REDISPP_DECL Redis(const ConnectionOptions& options, const PoolOptions& pool_options);
  /// Copies share the pool (and what the client learned from COMMAND INFO), as redis-py's
  /// clients built on one pool do. The destructor is out of line for the same reason as the
  /// constructors: inline, each file that destroys a Redis compiled two shared_ptr releases.
  REDISPP_DECL ~Redis();
  Redis(const Redis&) = default;
  Redis(Redis&&) noexcept = default;
  Redis& operator=(const Redis&) = default;
  Redis& operator=(Redis&&) noexcept = default;
  /// A client on a shared pool.
  REDISPP_DECL explicit Redis(std::shared_ptr<ConnectionPool> pool);
  /// A client from a URL (see transport/url.hpp): `redis://user:pass@host:port/db?socket_timeout=2`
  REDISPP_DECL static Redis from_url(std::string_view url);

  /// Runs one command now: what every command method does. Defined below the class; for the
  /// common reply types (protocol/common_reply_types.hpp) compiled into the library.
  template <class T>
  T run(Command<T>&& command);

  /// Any command, as text arguments: r.execute_command("SET", "k", "v"). Error replies throw.
  /// Its facts come from its name (commands/generic.hpp: after SELECT, MULTI, SUBSCRIBE ... the
  /// pool closes the connection instead of handing that state to the next caller) and from the
  /// server's COMMAND INFO, asked once per name (commands/command_table.hpp: read-only commands
  /// may be retried as typed reads are; the key positions are known).
  template <Argument... Args>
  Reply execute_command(const Args&... args) {
    Command<Reply> command = make_generic_command(detail::argument_view(args)...);
    detail::add_server_facts(*pool_, *command_table_, command);
    return run(std::move(command));
  }
  /// What this client learned from the server's COMMAND INFO for execute_command (shared by
  /// its copies).
  const CommandTable& command_table() const noexcept { return *command_table_; }

  /// A pipeline on this client's pool; transaction = true wraps it in MULTI/EXEC.
  Pipeline pipeline(bool transaction = true, SourceLocation where = SourceLocation::current()) {
    return Pipeline(pool_, transaction, where);
  }
  /// A pipeline whose execute() returns a std::tuple of the queued commands' types, checked at
  /// compile time (typed_pipeline.hpp; <redispp/redispp.hpp> includes it):
  ///   auto [ok, n] = r.typed_pipeline(false).set("a", "1").incr("n").execute();  // bool, long long
  TypedPipeline<> typed_pipeline(bool transaction = true, SourceLocation where = SourceLocation::current());

  /// Runs fn(pipeline) with `keys` WATCHed, then executes the pipeline; when a watched key
  /// changed meanwhile (WatchError), starts again. fn reads through pipe.immediate() and queues
  /// its writes on the pipeline.
  ///
  ///   r.transaction([](redispp::Pipeline& p) {
  ///     auto n = p.immediate().get<long long>("counter").value_or(0);
  ///     p.set("counter", n + 1);
  ///   }, "counter");
  template <class Fn, Argument... Keys>
  PipelineResults transaction(Fn&& fn, const Keys&... keys) {
    Pipeline pipe = pipeline(true);
    for (;;) {
      if constexpr (sizeof...(Keys) > 0) pipe.watch(keys...);
      fn(pipe);
      try {
        return pipe.execute();
      } catch (const WatchError&) {
        continue;  // a watched key changed: read again and retry
      }
    }
  }

  /// A Lua script run by its sha (redis-py's register_script); defined in script.hpp.
  ///   long long v = r.register_script("return redis.call('INCRBY', KEYS[1], ARGV[1])").call<long long>({"n"}, {5});
  Script register_script(std::string source) const;
  /// A lock on key `name` shared by every client of the server (redis-py's Lock); defined in lock.hpp.
  ///   redispp::Lock lock = r.lock("jobs:lock", {.timeout = 10s, .blocking_timeout = 2s});
  Lock lock(std::string name, LockOptions options = {}) const;
  /// A PubSub on a connection leased from this client's pool for as long as it subscribes
  /// (pubsub.hpp): r.pubsub({.ignore_subscribe_messages = true}).
  PubSub pubsub(PubSubOptions options = {}, SourceLocation where = SourceLocation::current()) {
    return PubSub(pool_, options, where);
  }
  /// A Monitor on a connection of its own, made with this client's options and never returned
  /// to the pool (monitor.hpp).
  Monitor monitor() { return Monitor(pool_->connection_options()); }

  /// SCAN as a lazy range of keys. (These four are defined in impl/client_scan.ipp, compiled
  /// into the library: a program that does not call them does not instantiate the SCAN commands.)
  REDISPP_DECL ScanRange<std::vector<std::string>> scan_iter(ScanOptions options = {});
  /// HSCAN as a lazy range of (field, value) pairs.
  REDISPP_DECL ScanRange<std::unordered_map<std::string, std::string>> hscan_iter(std::string key, ScanOptions options = {});
  /// SSCAN as a lazy range of set members.
  REDISPP_DECL ScanRange<std::vector<std::string>> sscan_iter(std::string key, ScanOptions options = {});
  /// ZSCAN as a lazy range of (member, score) pairs.
  REDISPP_DECL ScanRange<std::vector<std::pair<std::string, double>>> zscan_iter(std::string key, ScanOptions options = {});

  /// The pool this client leases from (shared with others built on it).
  const std::shared_ptr<ConnectionPool>& connection_pool() const noexcept { return pool_; }

 private:
  // run()'s last step, whichever way the reply came (commands/settle.hpp): an error reply throws
  // the server's words prefixed with which command and which server ("LPUSH on 127.0.0.1:6379:
  // WRONGTYPE ..."; code() stays the server's prefix), anything else is converted to T.
  template <class T>
  T settle(const Command<T>& command, Reply&& reply) const {
    return redispp::settle(command, std::move(reply),
                           [this](const auto& fail) { fail(ErrorContext{.endpoint = error_endpoint()}); });
  }
  // The server's name in settle()'s messages ("127.0.0.1:6379"), made only when one is thrown.
  REDISPP_DECL std::string error_endpoint() const;

  std::shared_ptr<ConnectionPool> pool_;
  std::shared_ptr<CommandTable> command_table_;  // made by the constructors
};

template <class T>
T Redis::run(Command<T>&& command) {
  if (has(command.flags(), CommandFlags::several_replies)) [[unlikely]]
    return settle(command, detail::round_trip_several(*pool_, command.wire(), command.flags(), command.name(),
                                                      command.reply_count()));
  // Lists, maps and sets of strings are filled straight from the read buffer when the reply
  // is made only of bulk strings (protocol/strings_target.hpp); a conversion of the command's
  // own, and every other reply, goes through a Reply.
  if constexpr (detail::reads_strings<T>) {
    if (command.conversion() == static_cast<typename Command<T>::converter>(&redispp::convert<T>)) {
      detail::StringsTarget<T> target;
      std::optional<Reply> reply = detail::round_trip_strings(*pool_, command.wire(), command.block_timeout(),
                                                              command.flags(), command.name(), target);
      if (!reply) return std::move(target.value);
      return settle(command, std::move(*reply));
    }
  }
  return settle(command, detail::round_trip(*pool_, command.wire(), command.block_timeout(), command.flags(),
                                            command.name()));
}

#ifndef REDISPP_HEADER_ONLY
// run() for the most common reply types (protocol/common_reply_types.hpp) is compiled into the
// library (src/common_reply_types.cpp), not in each file that calls a command returning one.
#define REDISPP_EXTERN_RUN(T) extern template T Redis::run<T>(Command<T> &&);
REDISPP_COMMON_REPLY_TYPES(REDISPP_EXTERN_RUN)
#undef REDISPP_EXTERN_RUN
#endif

/// redis-py's old name for the same class.
using StrictRedis = Redis;

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/client.ipp>
#include <redispp/impl/client_scan.ipp>
#endif
