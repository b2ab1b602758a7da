#pragma once
// Pipeline: sending the batch and matching replies to commands.

#include <algorithm>  // std::clamp
#include <cstddef>    // std::size_t
#include <iterator>   // std::make_move_iterator
#include <string>     // std::string
#include <utility>    // std::exchange

#include <fmt/format.h>

#include <redispp/commands/scripting.hpp>
#include <redispp/detail/with_retry.hpp>
#include <redispp/pipeline.hpp>
#include <redispp/protocol/encoder.hpp>
#include <redispp/protocol/transaction_reader.hpp>

namespace redispp {

namespace detail {
// MULTI and EXEC as they go on the wire, encoded once.
inline constexpr std::string_view multi_wire = "*1\r\n$5\r\nMULTI\r\n";
inline constexpr std::string_view exec_wire = "*1\r\n$4\r\nEXEC\r\n";
inline constexpr std::string_view unwatch_wire = "*1\r\n$7\r\nUNWATCH\r\n";

// What one thread's pipelines hand on to the next. The common shape is a new pipeline per batch
// (`auto pipe = r.pipeline(false); ...; pipe.execute();` in a loop): without this each one grew
// its batch buffer from empty (a dozen reallocations and copies for 100 commands) and freed it
// at the end, and its command list regrew past its first reservation. Per thread, so no lock;
// one buffer, capped, so a single huge batch does not pin its memory for the thread's life.
struct PipelineSpares {
  static constexpr std::size_t max_buffer_capacity = 256 * 1024;
  static constexpr std::size_t min_reserved_commands = 32;
  static constexpr std::size_t max_reserved_commands = 1024;
  std::string buffer;                  // cleared, capacity kept
  std::size_t last_command_count = 0;  // the last executed batch's length: the next one's reservation
};
REDISPP_DECL PipelineSpares& pipeline_spares() noexcept {
  thread_local PipelineSpares spares;
  return spares;
}
}  // namespace detail

REDISPP_DECL Pipeline::Pipeline(std::shared_ptr<ConnectionPool> pool, bool transaction, SourceLocation where)
    : pool_(std::move(pool)), where_(where), transaction_(transaction) {
  if (!pool_) throw DataError("a Pipeline needs a connection pool");
  buffer_.swap(detail::pipeline_spares().buffer);
  start_buffer();
}

REDISPP_DECL Pipeline::Pipeline(Pipeline&& other) noexcept
    : pool_(std::move(other.pool_)), where_(other.where_), transaction_(other.transaction_), watching_(other.watching_),
      lease_(std::move(other.lease_)), buffer_(std::move(other.buffer_)), commands_(std::move(other.commands_)),
      block_timeout_(other.block_timeout_), flags_(other.flags_), scripts_(std::move(other.scripts_)),
      several_(std::move(other.several_)), extra_replies_(std::exchange(other.extra_replies_, 0)),
      not_queued_(std::exchange(other.not_queued_, std::nullopt)) {
  other.watching_ = false;
}

REDISPP_DECL Pipeline& Pipeline::operator=(Pipeline&& other) noexcept {
  if (this != &other) {
    reset();
    pool_ = std::move(other.pool_);
    where_ = other.where_;
    transaction_ = other.transaction_;
    watching_ = std::exchange(other.watching_, false);
    lease_ = std::move(other.lease_);
    buffer_ = std::move(other.buffer_);
    commands_ = std::move(other.commands_);
    block_timeout_ = other.block_timeout_;
    flags_ = other.flags_;
    scripts_ = std::move(other.scripts_);
    several_ = std::move(other.several_);
    extra_replies_ = std::exchange(other.extra_replies_, 0);
    not_queued_ = std::exchange(other.not_queued_, std::nullopt);
  }
  return *this;
}

REDISPP_DECL Pipeline::~Pipeline() {
  reset();
  std::string& spare = detail::pipeline_spares().buffer;
  if (buffer_.capacity() > spare.capacity() && buffer_.capacity() <= detail::PipelineSpares::max_buffer_capacity)
    spare.swap(buffer_);
}

REDISPP_DECL void Pipeline::reserve_commands() {
  using Spares = detail::PipelineSpares;
  commands_.reserve(std::clamp(detail::pipeline_spares().last_command_count, Spares::min_reserved_commands,
                               Spares::max_reserved_commands));
}

REDISPP_DECL void Pipeline::start_buffer() {
  buffer_.clear();
  commands_.clear();
  block_timeout_ = std::chrono::milliseconds{0};
  flags_ = CommandFlags::none;
  scripts_.clear();
  several_.clear();
  extra_replies_ = 0;
  not_queued_.reset();
  if (transaction_) buffer_.append(detail::multi_wire);
}

REDISPP_DECL void Pipeline::queue_unusual(std::string_view name, std::uint32_t replies, CommandFlags flags) {
  if (transaction_ && replies != 1)
    throw DataError(fmt::format("{} gets {} replies, which a transaction cannot hold (EXEC's reply would count one): "
                                "queue it on a pipeline(false), or run it alone; nothing was queued",
                                name, replies));
  if (transaction_ && has(flags, CommandFlags::not_queued))
    throw DataError(fmt::format("{} is refused in a transaction: the server runs it at once between MULTI and EXEC "
                                "instead of queueing it (RESET would end the transaction early); nothing was queued",
                                name));
  if (has(flags, CommandFlags::not_queued) && !not_queued_) not_queued_ = commands_.size();
  if (replies != 1) {
    several_.push_back(SeveralReplies{commands_.size(), replies});
    extra_replies_ += replies - 1;
  }
}

REDISPP_DECL void Pipeline::combine_several_replies(std::vector<Reply>& replies) const {
  std::vector<Reply> combined;
  combined.reserve(commands_.size());
  auto next = replies.begin();
  auto several = several_.begin();
  for (std::size_t i = 0; i < commands_.size(); ++i) {
    if (several != several_.end() && several->index == i) {
      std::vector<Reply> parts(std::make_move_iterator(next), std::make_move_iterator(next + several->replies));
      next += several->replies;
      ++several;
      combined.push_back(detail::combine_replies(std::move(parts)));
    } else {
      combined.push_back(std::move(*next++));
    }
  }
  replies = std::move(combined);
}

REDISPP_DECL Pipeline& Pipeline::multi() {
  if (!transaction_) {
    if (!several_.empty())
      throw DataError(fmt::format("multi(): queued command {} ({}) gets {} replies, which a transaction cannot hold",
                                  several_.front().index, commands_[several_.front().index].name.view(),
                                  several_.front().replies));
    if (not_queued_)
      throw DataError(fmt::format("multi(): queued command {} ({}) would run at once inside the transaction",
                                  *not_queued_, commands_[*not_queued_].name.view()));
    transaction_ = true;
    buffer_.insert(0, detail::multi_wire);
  }
  return *this;
}

REDISPP_DECL void Pipeline::run_watch(Command<bool>&& watch) {
  if (!commands_.empty())
    throw DataError("WATCH must come before the pipeline's commands are queued (redis-py raises the same)");
  // The pipeline UNWATCHes when it is done: WATCH's state never outlives it.
  convert<bool>(run_now(watch.wire(), std::chrono::milliseconds{0}, CommandFlags::none));
  watching_ = true;
}

REDISPP_DECL Reply Pipeline::run_now(std::string_view wire, std::chrono::milliseconds block_timeout, CommandFlags flags,
                                     std::uint32_t replies) {
  if (!pool_) throw DataError("this Pipeline was moved from");
  if (!lease_) {
    lease_ = pool_->acquire(where_);
    lease_->check_health();
  }
  lease_->send(wire);
  if (has(flags, CommandFlags::changes_state)) lease_->mark_state_changed();
  return lease_->read_command_reply(replies, block_timeout);
}

REDISPP_DECL void Pipeline::reset() noexcept {
  if (watching_ && lease_ && lease_->is_connected()) {
    try {
      const Reply reply = lease_->request(detail::unwatch_wire);
      if (reply.is_error()) lease_->disconnect();
    } catch (...) {
      // The failed connection has disconnected itself; the lease will drop it.
    }
  }
  watching_ = false;
  lease_.release();
  start_buffer();
}

REDISPP_DECL void Pipeline::send_batch() {
  // Retried whole, and only while nothing of it has been written (never_retried); a watching
  // pipeline never (pinned): its WATCH lived on the connection that failed.
  const RetryFacts facts{CommandFlags::never_retried, "pipeline", watching_};
  detail::with_retry(pool_->connection_options().retry, lease_, facts, [this] {
    if (!lease_) lease_ = pool_->acquire(where_);
    lease_->check_health();
    lease_->send(buffer_);
  });
}

REDISPP_DECL void Pipeline::queue_script(std::string_view sha, std::string_view source) {
  for (const QueuedScript& queued : scripts_)
    if (queued.sha == sha) return;
  scripts_.push_back(QueuedScript{std::string(sha), std::string(source)});
}

REDISPP_DECL Reply Pipeline::request_repeatable(std::string_view wire, std::string_view name) {
  // SCRIPT EXISTS and SCRIPT LOAD change nothing when sent twice (loading a script again is a
  // no-op), so they may be retried as any harmless command; on a watching pipeline they may not
  // (pinned): the WATCH lived on the connection that failed.
  const RetryFacts facts{CommandFlags::repeatable, name, watching_};
  return detail::with_retry(pool_->connection_options().retry, lease_, facts, [&]() -> Reply {
    if (!lease_) lease_ = pool_->acquire(where_);
    lease_->check_health();
    lease_->send(wire);
    return lease_->read_reply(std::chrono::milliseconds{0});
  });
}

REDISPP_DECL void Pipeline::load_scripts() {
  std::vector<std::string_view> shas;
  shas.reserve(scripts_.size());
  for (const QueuedScript& queued : scripts_) shas.push_back(queued.sha);
  const auto exists = cmd::script_exists(shas);
  Reply reply = request_repeatable(exists.wire(), "SCRIPT EXISTS");
  if (reply.is_error()) throw_error_reply(reply.str(), {"SCRIPT EXISTS", lease_->endpoint()});
  const std::vector<bool> known = exists.convert(std::move(reply));
  if (known.size() != scripts_.size())
    throw DataError(fmt::format("SCRIPT EXISTS on {} answered {} flags for {} scripts", lease_->endpoint(), known.size(),
                                scripts_.size()));
  for (std::size_t i = 0; i < scripts_.size(); ++i) {
    if (known[i]) continue;
    const auto load = cmd::script_load(scripts_[i].source);
    Reply loaded = request_repeatable(load.wire(), "SCRIPT LOAD");
    if (loaded.is_error()) throw_error_reply(loaded.str(), {"SCRIPT LOAD", lease_->endpoint()});
    // Redis names a script by the SHA-1 of its bytes: another name would make the queued EVALSHA
    // fail inside the transaction.
    const std::string sha = load.convert(std::move(loaded));
    if (sha != scripts_[i].sha)
      throw DataError(fmt::format("SCRIPT LOAD on {} named a script {}, but redispp computed {}", lease_->endpoint(),
                                  sha, scripts_[i].sha));
  }
}

REDISPP_DECL PipelineResults Pipeline::execute(bool raise_on_error) {
  if (!pool_) throw DataError("this Pipeline was moved from");
  if (commands_.empty()) {
    reset();
    return {};
  }
  // Whatever happens below, the pipeline is empty and unwatched afterwards, as in redis-py.
  struct ResetOnExit {
    Pipeline& pipeline;
    ~ResetOnExit() { pipeline.reset(); }
  } reset_on_exit{*this};

  if (!scripts_.empty()) load_scripts();
  if (transaction_) buffer_.append(detail::exec_wire);
  send_batch();
  Connection& connection = *lease_;
  const std::string& endpoint = connection.endpoint();
  if (has(flags_, CommandFlags::changes_state)) connection.mark_state_changed();

  const std::size_t n = commands_.size();
  detail::pipeline_spares().last_command_count = n;
  std::vector<Reply> replies;
  if (!transaction_) {
    replies.reserve(n + extra_replies_);
    connection.read_replies(replies, n + extra_replies_, block_timeout_);
    if (!several_.empty()) combine_several_replies(replies);
  } else {
    TransactionReader reader(n);
    try {
      while (!reader.on_reply(connection.read_reply(reader.expects_exec() ? block_timeout_ : std::chrono::milliseconds{0}))) {
      }
    } catch (const ProtocolError&) {
      // A reply out of step with the transaction: whatever comes next on this connection cannot
      // be matched to a request, so it never goes back to the pool.
      connection.disconnect();
      throw;
    }
    watching_ = false;  // EXEC (even a failed one) forgets every WATCH
    switch (reader.outcome()) {
      case TransactionReader::Outcome::multi_failed:
        throw_error_reply(reader.multi_reply().str(), {"MULTI", endpoint});
      case TransactionReader::Outcome::watch_failed:
        throw WatchError(fmt::format("transaction on {} discarded: a WATCHed key changed before EXEC (retry, or use "
                                     "Redis::transaction)",
                                     endpoint));
      case TransactionReader::Outcome::aborted:
        // EXECABORT: the server refused some commands while queueing and ran none.
        if (raise_on_error) {
          const std::optional<std::size_t> rejected = reader.first_rejected();
          const std::string reason =
              rejected ? fmt::format("command {} ({}) was rejected: {}; ", *rejected, commands_[*rejected].name.view(),
                                     reader.queued_reply(*rejected).str())
                       : std::string();
          throw ExecAbortError("EXECABORT",
                               fmt::format("transaction on {} aborted, nothing ran: {}{}", endpoint, reason,
                                           reader.exec_reply().str()),
                               std::string(reader.exec_reply().str()));
        }
        break;
      case TransactionReader::Outcome::ran:
      case TransactionReader::Outcome::pending:
        break;
    }
    replies = reader.take_replies();
  }

  if (raise_on_error) {
    for (std::size_t i = 0; i < n; ++i)
      if (replies[i].is_error()) throw_error_reply(replies[i].str(), {commands_[i].name.view(), endpoint, i});
  }
  return PipelineResults(std::move(replies), std::move(commands_), endpoint);
}

}  // namespace redispp
