#pragma once
// Pipeline: commands queued and sent in one write, their replies read in one go — wrapped in
// MULTI/EXEC when transaction is true (the default, as in redis-py).
//
//   auto res = r.pipeline().set("one", "first").rpush("list", "hello").rpush("list", "world").execute();
//   auto q = r.pipeline(false);   // no MULTI/EXEC, still one round trip
//
// Optimistic locking, redis-py style:
//   auto pipe = r.pipeline();
//   pipe.watch("seq");                                        // WATCH now, on a held connection
//   long long next = pipe.immediate().get<long long>("seq").value_or(0) + 1;  // runs now
//   pipe.multi();                                             // optional: queueing is the default
//   pipe.set("seq", next);
//   pipe.execute();                                           // WatchError if "seq" changed
// Unlike redis-py, methods called on the pipeline itself always queue (their C++ type is
// Pipeline&, so they cannot also return a value); reads between WATCH and EXEC go through
// immediate(), which runs each command at once on the pipeline's connection.
// Redis::transaction(fn, keys...) wraps that loop and retries on WatchError.
//
// Lua scripts: pipe.script<T>(script, keys, args) queues EVALSHA; execute() first makes sure the
// server has every queued script (SCRIPT EXISTS, then SCRIPT LOAD of the missing ones, on the
// pipeline's connection, before MULTI), as redis-py does: inside MULTI a NOSCRIPT could not be
// answered by loading the script and trying again.
//
// execute(raise_on_error = true) raises the first error reply as its ResponseError, its
// message naming the command's index and name; execute(false) leaves errors in place.
// After execute() (or reset(), or destruction) the pipeline is empty, unwatched, and holds no
// connection; it can be reused.

#include <cstdint>      // std::uint32_t
#include <memory>       // std::shared_ptr
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <redispp/commands/command_set.hpp>
#include <redispp/commands/script_args.hpp>
#include <redispp/commands/settle.hpp>
#include <redispp/config.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono::milliseconds
#include <redispp/pipeline_results.hpp>
#include <redispp/source_location.hpp>  // SourceLocation
#include <redispp/transport/connection_pool.hpp>

namespace redispp {

class Pipeline;
class ImmediateCommands;
class Script;  // script.hpp, which defines Pipeline::script()

/// pipe.immediate().incr("n") runs now and gives the long long; pipe.incr("n") queues it and
/// gives the Pipeline back (host_result.hpp).
template <>
struct HostResultOf<ImmediateCommands> {
  template <class T>
  using type = T;
};
template <>
struct HostResultOf<Pipeline> {
  template <class T>
  using type = Pipeline&;
};

/// The commands of a watching pipeline that run immediately (pipe.immediate().get(...)).
class ImmediateCommands : public CommandSet<ImmediateCommands> {
 public:
  template <class T>
  T run(Command<T>&& command);

 private:
  friend class Pipeline;
  explicit ImmediateCommands(Pipeline& pipeline) noexcept : pipeline_(&pipeline) {}
  Pipeline* pipeline_;
};

class Pipeline : public CommandSet<Pipeline> {
 public:
  /// `where` is recorded as the site of the connection the pipeline leases (leak diagnostics:
  /// ConnectionPool::held_leases, MaxConnectionsError).
  Pipeline(std::shared_ptr<ConnectionPool> pool, bool transaction = true, SourceLocation where = SourceLocation::current());
  Pipeline(Pipeline&& other) noexcept;
  Pipeline& operator=(Pipeline&& other) noexcept;
  ~Pipeline();

  /// Queues a command; every command method of the pipeline comes here.
  template <class T>
  Pipeline& run(Command<T>&& command) {
    // Before anything is queued: a transaction refuses a command of several replies, or one
    // that the server runs at once between MULTI and EXEC.
    if (has_any(command.flags(), CommandFlags::several_replies | CommandFlags::not_queued)) [[unlikely]]
      queue_unusual(command.name(), command.reply_count(), command.flags());
    buffer_.append(command.wire());
    // Room for the batch at once, not regrown from 1: the vector leaves with the results, so
    // the reservation is the thread's last batch length (impl/pipeline.ipp).
    if (commands_.capacity() == 0) reserve_commands();
    commands_.push_back(detail::QueuedCommand::of(command));
    flags_ |= command.flags();
    if (command.block_timeout().count() < 0 || block_timeout_.count() < 0)
      block_timeout_ = std::chrono::milliseconds{-1};
    else
      block_timeout_ += command.block_timeout();
    return *this;
  }
  /// Queues any command; its result is a raw Reply.
  template <Argument... Args>
  Pipeline& execute_command(const Args&... args) {
    return run(make_generic_command(detail::argument_view(args)...));
  }

  /// Queues EVALSHA of `lua` (a Script, script.hpp); its result is a T, as for Script::call<T>.
  /// execute() loads the script first if the server does not have it.
  ///   pipe.script<long long>(incr_by, {"counter"}, {1});
  template <class T = Reply>
  Pipeline& script(const Script& lua, const ScriptArgs& keys = {}, const ScriptArgs& args = {});
  /// Queues EVALSHA_RO of `lua` (a script that does not write; Redis 7+).
  template <class T = Reply>
  Pipeline& script_ro(const Script& lua, const ScriptArgs& keys = {}, const ScriptArgs& args = {});

  /// Sends everything queued in one write and reads every reply.
  /// Throws WatchError when EXEC was refused because a watched key changed, ExecAbortError
  /// when the server rejected a queued command (the message names it), the first error reply
  /// when raise_on_error, and ConnectionError/TimeoutError when the connection failed.
  PipelineResults execute(bool raise_on_error = true);

  /// WATCH keys now (holding a connection until execute() or reset()).
  template <Argument... Keys>
  Pipeline& watch(const Keys&... keys) {
    run_watch(make_command<bool>(cmd::keys_from(1), "WATCH", detail::argument_view(keys)...));
    return *this;
  }
  /// Marks the start of the transaction after watch(); turns a non-transactional pipeline into
  /// a transaction. Queued commands are always inside MULTI/EXEC when transaction is on.
  Pipeline& multi();
  /// Commands that run now on the pipeline's connection (reads between WATCH and EXEC).
  ImmediateCommands& immediate() noexcept { return immediate_; }

  /// Drops queued commands, UNWATCHes if watching, and gives the connection back.
  void reset() noexcept;

  std::size_t size() const noexcept { return commands_.size(); }
  bool empty() const noexcept { return commands_.empty(); }
  bool is_transaction() const noexcept { return transaction_; }
  bool is_watching() const noexcept { return watching_; }

 private:
  friend class ImmediateCommands;
  void run_watch(Command<bool>&& watch);
  Reply run_now(std::string_view wire, std::chrono::milliseconds block_timeout, CommandFlags flags,
                std::uint32_t replies = 1);
  // For the command about to be queued when it gets several replies (UNSUBSCRIBE a b) or is
  // not_queued (RESET, QUIT): a transaction refuses it with DataError (EXEC's reply could not
  // hold its replies; the server would run it at once); otherwise it is recorded.
  void queue_unusual(std::string_view name, std::uint32_t replies, CommandFlags flags);
  // After a batch without a transaction is read: the replies of each command of several made one.
  void combine_several_replies(std::vector<Reply>& replies) const;
  void start_buffer();
  void reserve_commands();
  void send_batch();  // acquire (if needed), health check, one write; retried while nothing is written
  void queue_script(std::string_view sha, std::string_view source);
  void load_scripts();  // SCRIPT EXISTS, then SCRIPT LOAD of what the server lacks
  Reply request_repeatable(std::string_view wire, std::string_view name);

  std::shared_ptr<ConnectionPool> pool_;
  SourceLocation where_;
  bool transaction_;
  bool watching_ = false;
  Lease lease_;  // held while watching
  std::string buffer_;  // MULTI (when a transaction) and every queued command, ready to send
  std::vector<detail::QueuedCommand> commands_;
  std::chrono::milliseconds block_timeout_{0};
  CommandFlags flags_ = CommandFlags::none;  // every queued command's flags together
  struct QueuedScript {
    std::string sha;
    std::string source;
  };
  std::vector<QueuedScript> scripts_;  // each script of a queued EVALSHA, once
  struct SeveralReplies {
    std::size_t index;       // in commands_
    std::uint32_t replies;   // more than one
  };
  std::vector<SeveralReplies> several_;  // the queued commands that get several replies
  std::size_t extra_replies_ = 0;        // replies beyond one per command, over several_
  std::optional<std::size_t> not_queued_;  // the first queued command that is not_queued
  ImmediateCommands immediate_{*this};
};

template <class T>
T ImmediateCommands::run(Command<T>&& command) {
  Reply reply = pipeline_->run_now(command.wire(), command.block_timeout(), command.flags(), command.reply_count());
  // The endpoint's name is made only for an exception's message.
  return redispp::settle(command, std::move(reply), [this](const auto& fail) {
    fail(ErrorContext{.endpoint = endpoint_name(pipeline_->pool_->connection_options())});
  });
}

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/pipeline.ipp>
#endif
