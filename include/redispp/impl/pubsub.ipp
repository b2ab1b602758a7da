#pragma once
// PubSub: the subscription book-keeping, the reader (decode, dispatch, health check,
// reconnect), the worker thread and the give-back rule. See pubsub.hpp for the behaviour.

#include <algorithm>           // std::min, std::max
#include <atomic>              // std::atomic
#include <condition_variable>  // std::condition_variable
#include <cstdint>             // std::uint64_t
#include <map>                 // std::map
#include <mutex>               // std::mutex, std::lock_guard, std::unique_lock
#include <span>                // std::span
#include <string_view>         // std::string_view
#include <thread>              // std::thread, std::this_thread::sleep_for
#include <vector>              // std::vector

#include <fmt/format.h>

#include <redispp/detail/deadline.hpp>  // deadline_after, own_wait_limit
#include <redispp/detail/with_retry.hpp>
#include <redispp/errors.hpp>
#include <redispp/protocol/encoder.hpp>  // encode_command
#include <redispp/pubsub.hpp>
#include <redispp/transport/retry.hpp>

namespace redispp {

REDISPP_DECL std::string_view to_string(MessageType type) noexcept {
  switch (type) {
    case MessageType::subscribe: return "subscribe";
    case MessageType::unsubscribe: return "unsubscribe";
    case MessageType::psubscribe: return "psubscribe";
    case MessageType::punsubscribe: return "punsubscribe";
    case MessageType::ssubscribe: return "ssubscribe";
    case MessageType::sunsubscribe: return "sunsubscribe";
    case MessageType::message: return "message";
    case MessageType::pmessage: return "pmessage";
    case MessageType::smessage: return "smessage";
    case MessageType::pong: return "pong";
  }
  return "?";
}

REDISPP_DECL Message decode_message(Reply&& frame) {
  Message m;
  // RESP3 answers PING on a subscribed connection as it does elsewhere, and so does RESP2 on a
  // connection that is not (or no longer) subscribed: +PONG without an argument, the argument
  // as a bulk string otherwise.
  if (frame.type() == ReplyType::simple_string && frame.str() == "PONG") {
    m.type = MessageType::pong;
    return m;
  }
  if (frame.type() == ReplyType::bulk_string) {
    m.type = MessageType::pong;
    m.data = frame.take_str();
    return m;
  }
  if (frame.type() != ReplyType::array && frame.type() != ReplyType::push)
    throw ProtocolError(fmt::format("a pub/sub connection received {} ({}), not a message", to_string(frame.type()), frame));
  std::vector<Reply>& e = frame.elements();
  if (e.empty() || !e.front().has_text())
    throw ProtocolError(fmt::format("a pub/sub connection received {}, which names no message kind", frame));
  const std::string_view kind = e.front().str();
  const auto expect_size = [&](std::size_t n) {
    if (e.size() != n)
      throw ProtocolError(fmt::format("a pub/sub '{}' frame has {} elements, not {}: {}", kind, e.size(), n, frame));
  };
  const auto text = [&](std::size_t i) -> std::string {
    if (e[i].is_nil()) return {};  // the channel of "unsubscribe from nothing"
    if (e[i].type() != ReplyType::bulk_string && e[i].type() != ReplyType::simple_string)
      throw ProtocolError(fmt::format("a pub/sub '{}' frame has {} at position {}, not a string: {}", kind,
                                      to_string(e[i].type()), i, frame));
    return e[i].take_str();
  };
  const auto acknowledgement = [&](MessageType type) {
    expect_size(3);
    if (e[2].type() != ReplyType::integer)
      throw ProtocolError(fmt::format("a pub/sub '{}' acknowledgement has no subscription count: {}", kind, frame));
    m.type = type;
    m.channel = text(1);
    m.data = std::to_string(e[2].integer());
  };
  if (kind == "message" || kind == "smessage") {
    expect_size(3);
    m.type = kind == "message" ? MessageType::message : MessageType::smessage;
    m.channel = text(1);
    m.data = text(2);
  } else if (kind == "pmessage") {
    expect_size(4);
    m.type = MessageType::pmessage;
    m.pattern = text(1);
    m.channel = text(2);
    m.data = text(3);
  } else if (kind == "pong") {  // RESP2, subscribed: [pong, argument]
    expect_size(2);
    m.type = MessageType::pong;
    m.data = text(1);
  } else if (kind == "subscribe") {
    acknowledgement(MessageType::subscribe);
  } else if (kind == "unsubscribe") {
    acknowledgement(MessageType::unsubscribe);
  } else if (kind == "psubscribe") {
    acknowledgement(MessageType::psubscribe);
  } else if (kind == "punsubscribe") {
    acknowledgement(MessageType::punsubscribe);
  } else if (kind == "ssubscribe") {
    acknowledgement(MessageType::ssubscribe);
  } else if (kind == "sunsubscribe") {
    acknowledgement(MessageType::sunsubscribe);
  } else {
    throw ProtocolError(fmt::format("a pub/sub connection received an unknown message kind: {}", frame));
  }
  return m;
}

namespace detail {

// A frame of bulk strings only (Connection::buffered_flat_frame): message, smessage and pmessage
// are decoded here from the views; any other frame of bulk strings (a RESP2 pong, an unknown
// kind) becomes a Reply for decode_message, which has the rules and the error messages.
inline Message decode_flat_message(std::span<const std::string_view> parts) {
  const std::string_view kind = parts[0];
  Message m;
  if ((kind == "message" || kind == "smessage") && parts.size() == 3) {
    m.type = kind == "message" ? MessageType::message : MessageType::smessage;
    m.channel.assign(parts[1]);
    m.data.assign(parts[2]);
    return m;
  }
  if (kind == "pmessage" && parts.size() == 4) {
    m.type = MessageType::pmessage;
    m.pattern.emplace(parts[1]);
    m.channel.assign(parts[2]);
    m.data.assign(parts[3]);
    return m;
  }
  std::vector<Reply> elements;
  elements.reserve(parts.size());
  for (const std::string_view part : parts) elements.push_back(Reply::bulk_string(std::string(part)));
  return decode_message(Reply::array(std::move(elements)));
}

// The PING argument of health checks and of close()'s check: their answers are never shown.
inline constexpr std::string_view health_marker = "redispp-health-check";
inline constexpr std::string_view close_marker = "redispp-close-check";

class PubSubState {
 public:
  using clock = std::chrono::steady_clock;
  // A handler is shared, so the reader copies it out from under the lock cheaply and calls it
  // without the lock (the handler may subscribe or unsubscribe). Null: no handler.
  using Book = std::map<std::string, std::shared_ptr<const MessageHandler>, std::less<>>;

  PubSubState(std::shared_ptr<ConnectionPool> pool, PubSubOptions options, SourceLocation where)
      : pool_(std::move(pool)), options_(options), where_(where) {
    if (!pool_) throw DataError("PubSub(pool): the pool is null");
  }
  ~PubSubState() {
    std::lock_guard lock(mutex_);
    finish_locked();
  }
  PubSubState(const PubSubState&) = delete;
  PubSubState& operator=(const PubSubState&) = delete;

  void change(SubscriptionKind kind, bool subscribe, std::initializer_list<HandlerFor> names) {
    std::lock_guard lock(mutex_);
    Book& book = book_for(kind);
    std::string wire;
    std::vector<std::string_view> args;
    for (const HandlerFor& name : names) args.push_back(name.first);
    if (subscribe) {
      // Not connected and no reader: connect now (subscribing again to what the books hold), so
      // that these names go out below in the order given and a failure leaves them unrecorded.
      if (connection_locked() == nullptr && !reading_) reconnect_locked();
      for (const auto& [name, handler] : names)
        book.insert_or_assign(std::string(name), handler ? std::make_shared<const MessageHandler>(handler) : nullptr);
      append_subscribe(wire, kind, args);
    } else {
      if (names.size() == 0) book.clear();
      for (const std::string_view name : args)
        if (const auto it = book.find(name); it != book.end()) book.erase(it);
      encode_command(wire, kind == SubscriptionKind::channel   ? "UNSUBSCRIBE"
                           : kind == SubscriptionKind::pattern ? "PUNSUBSCRIBE"
                                                               : "SUNSUBSCRIBE",
                     args);
    }
    count_handlers_locked();
    Connection* connection = connection_locked();
    // Not connected with a reader running: only the reader touches the connection's read
    // side, so it connects on its next read and subscribes to the books, these names included.
    // Not connected after an unsubscribe: nothing to tell a server we are not connected to.
    if (connection == nullptr) return;
    // A failed write leaves the connection to whoever reads next; without a reader, that is
    // now: reconnect (which subscribes to everything again, this change included).
    if (connection->write_unchecked(wire) && !reading_) reconnect_locked();
  }

  void ping(std::string_view data) {
    std::lock_guard lock(mutex_);
    std::string wire;
    if (data.empty())
      encode_command(wire, "PING");
    else
      encode_command(wire, "PING", data);
    Connection* connection = connection_locked();
    if (connection == nullptr) {
      if (reading_) throw PubSubError("ping(): the connection is down and the reading thread reconnects it; try again");
      reconnect_locked();
      connection = connection_locked();
    }
    if (connection->write_unchecked(wire) && !reading_) {
      reconnect_locked();
      if (const std::error_code error = connection_locked()->write_unchecked(wire))
        throw ConnectionError(fmt::format("PING on {} failed: {}", endpoint_name(pool_->connection_options()), error.message()));
    }
  }

  // The reader: the next message to return, dispatching handled ones; nullopt when `timeout`
  // (nullopt: no limit) passed, or when `stop` (if any) was set. Only one thread at a time
  // (ReadingGuard). Frames already buffered are handed out before the clock is read or the
  // lock taken more than once, so a flood of small messages is read at the speed of decoding
  // them: the time-out starts counting when the buffered frames run out (or after 64 of them,
  // so that a flood of handled messages cannot keep this call, or a worker, going for ever).
  std::optional<Message> next(std::optional<std::chrono::milliseconds> timeout, bool forever_ends_when_unsubscribed,
                              const std::atomic<bool>* stop = nullptr) {
    const ReadingGuard guard(*this);
    std::optional<clock::time_point> deadline_value;
    const auto deadline = [&] {
      if (!deadline_value)
        deadline_value = timeout ? detail::deadline_after(clock::now(), *timeout) : clock::time_point::max();
      return *deadline_value;
    };
    const ConnectionOptions& options = pool_->connection_options();
    const auto interval = options.health_check_interval;
    unsigned consumed = 0;
    // Only this thread replaces or closes the connection while it reads (writers then only
    // write), so the pointer taken under the lock stays good until this thread reconnects.
    Connection* connection = nullptr;
    for (;;) {
      if (forever_ends_when_unsubscribed && finished_listening()) return std::nullopt;
      if (stop != nullptr && stop->load(std::memory_order_relaxed)) return std::nullopt;
      if (++consumed % 64 == 0 && timeout && clock::now() >= deadline()) return std::nullopt;
      if (connection == nullptr) {
        bool idle = false;
        {
          std::lock_guard lock(mutex_);
          connection = connection_locked();
          idle = connection == nullptr && !lease_ && books_empty_locked();
          if (connection == nullptr && !idle) {
            reconnect_locked();
            connection = connection_locked();
          }
        }
        if (idle) {
          // Never connected and nothing to read: wait out the time-out (without the lock, which
          // a subscribe from another thread needs), as redis-py does, so a polling loop does not spin.
          if (!timeout) throw PubSubError("listen() with nothing subscribed would wait forever");
          std::this_thread::sleep_for(std::max(clock::duration::zero(), deadline() - clock::now()));
          return std::nullopt;
        }
      }

      // Most frames of a flood are [message, channel, data] already buffered: decoded from the
      // read buffer in place, without a Reply (Connection::buffered_flat_frame).
      std::optional<Message> flat;
      std::optional<Reply> frame;
      try {
        std::string_view parts[4];
        if (const std::size_t count = connection->buffered_flat_frame(parts); count != 0)
          flat = detail::decode_flat_message(std::span<const std::string_view>(parts, count));
        else
          frame = connection->buffered_frame();
        if (!flat && !frame) {
          // Wait no later than the deadline, nor past the next health check.
          clock::time_point wait_until = deadline();
          if (interval.count() > 0) {
            const clock::time_point check_at =
                health_pending_ ? health_sent_ + health_limit(options) : connection->last_used() + interval;
            wait_until = std::min(wait_until, check_at);
          }
          frame = connection->read_frame(wait_until);
        }
      } catch (const ConnectionError&) {
        std::lock_guard lock(mutex_);
        reconnect_locked();  // throws when the retries are spent
        connection = connection_locked();
        continue;
      } catch (const ProtocolError& e) {
        std::lock_guard lock(mutex_);
        lease_->disconnect();
        throw ProtocolError(fmt::format("{} (from {}; the connection was closed, the next read reconnects)", e.what(),
                                        connection->endpoint()));
      }
      if (!flat && !frame) {
        if (interval.count() > 0 && health_check(*connection, options)) {
          connection = nullptr;  // reconnected: take it again under the lock
          continue;
        }
        if (timeout && clock::now() >= deadline()) return std::nullopt;
        continue;
      }
      if (health_pending_ && connection->last_used() >= health_sent_) health_pending_ = false;
      if (frame && frame->is_error())
        throw_error_reply(frame->str(), {"pub/sub", connection->endpoint()});
      Message m;
      try {
        m = flat ? std::move(*flat) : decode_message(std::move(*frame));
      } catch (const ProtocolError& e) {
        std::lock_guard lock(mutex_);
        lease_->disconnect();
        throw ProtocolError(fmt::format("{} (from {}; the connection was closed, the next read reconnects)", e.what(),
                                        connection->endpoint()));
      }
      if (note_acknowledgement(m) && options_.ignore_subscribe_messages) continue;
      if (m.type == MessageType::pong && m.data == health_marker) continue;
      if (dispatch(m)) continue;
      return m;
    }
  }

  void close() {
    if (worker_active_) throw PubSubError("close() while a worker thread runs: stop it first");
    if (reading_) throw PubSubError("close() while another thread reads");
    std::lock_guard lock(mutex_);
    finish_locked();
  }

  std::vector<std::string> names(SubscriptionKind kind) const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (const auto& entry : book_for(kind)) out.push_back(entry.first);
    return out;
  }
  bool subscribed() const {
    std::lock_guard lock(mutex_);
    return !books_empty_locked();
  }

  std::uint64_t reconnects() const noexcept { return reconnects_.load(std::memory_order_relaxed); }

  void start_worker() {
    {
      std::lock_guard lock(mutex_);
      for (const SubscriptionKind kind : {SubscriptionKind::channel, SubscriptionKind::pattern, SubscriptionKind::shard})
        for (const auto& [name, handler] : book_for(kind))
          if (!handler)
            throw PubSubError(fmt::format("run_in_thread(): '{}' has no handler; subscribe it with one, e.g. "
                                          "ps.subscribe({{{{\"{}\", handler}}}})",
                                          name, name));
    }
    if (worker_active_.exchange(true)) throw PubSubError("run_in_thread(): a worker thread already runs");
  }
  void worker_stopped() noexcept { worker_active_ = false; }
  bool worker_active() const noexcept { return worker_active_; }

 private:
  // Marks the one reading thread; a second one is misuse.
  struct ReadingGuard {
    explicit ReadingGuard(PubSubState& s) : state(s) {
      if (state.reading_.exchange(true))
        throw PubSubError("two threads read one PubSub at once (get_message/listen/run_in_thread): one reader at a time");
    }
    ~ReadingGuard() { state.reading_ = false; }
    ReadingGuard(const ReadingGuard&) = delete;
    ReadingGuard& operator=(const ReadingGuard&) = delete;
    PubSubState& state;
  };

  Book& book_for(SubscriptionKind kind) {
    return kind == SubscriptionKind::channel ? channels_ : kind == SubscriptionKind::pattern ? patterns_ : shards_;
  }
  const Book& book_for(SubscriptionKind kind) const {
    return kind == SubscriptionKind::channel ? channels_ : kind == SubscriptionKind::pattern ? patterns_ : shards_;
  }
  bool books_empty_locked() const { return channels_.empty() && patterns_.empty() && shards_.empty(); }

  void count_handlers_locked() {
    std::size_t n = 0;
    for (const Book* book : {&channels_, &patterns_, &shards_})
      for (const auto& entry : *book) n += entry.second ? 1u : 0u;
    handlers_ = n;
  }

  static void append_subscribe(std::string& wire, SubscriptionKind kind, const std::vector<std::string_view>& names) {
    if (names.empty()) return;
    if (kind == SubscriptionKind::channel) {
      encode_command(wire, "SUBSCRIBE", names);
    } else if (kind == SubscriptionKind::pattern) {
      encode_command(wire, "PSUBSCRIBE", names);
    } else {
      // One SSUBSCRIBE per shard channel: a cluster rejects one naming channels of different
      // slots (CROSSSLOT). The cluster client will route each to its slot's node here.
      for (const std::string_view name : names) encode_command(wire, "SSUBSCRIBE", name);
    }
  }

  Connection* connection_locked() const { return lease_ && lease_->is_connected() ? &*lease_ : nullptr; }

  // Connects (leasing a connection the first time) and subscribes to everything in the books
  // in one write, retrying as ConnectionOptions::retry allows. The counts the server reported
  // start again from zero: its acknowledgements will bring them back.
  void reconnect_locked() {
    regular_count_ = shard_count_ = 0;
    health_pending_ = false;
    // A connection held before and lost (not the first subscribe, nor one after close()):
    // messages published meanwhile are gone, and reconnects() tells the user so.
    if (lease_) reconnects_.fetch_add(1, std::memory_order_relaxed);
    // Subscribing is harmless to repeat: retried even when written (CommandFlags::repeatable).
    const RetryFacts facts{CommandFlags::repeatable, "SUBSCRIBE"};
    detail::with_retry(pool_->connection_options().retry, lease_, facts, [&] {
      if (!lease_) {
        lease_ = pool_->acquire(where_);
      } else {
        lease_->connect();  // closes the old socket first
      }
      std::string wire;
      std::vector<std::string_view> names;
      for (const SubscriptionKind kind : {SubscriptionKind::channel, SubscriptionKind::pattern, SubscriptionKind::shard}) {
        names.clear();
        for (const auto& entry : book_for(kind)) names.push_back(entry.first);
        append_subscribe(wire, kind, names);
      }
      if (!wire.empty())
        if (const std::error_code error = lease_->write_unchecked(wire)) {
          lease_->disconnect();
          throw ConnectionError(fmt::format("subscribing again on {} failed: {}", lease_->endpoint(), error.message()));
        }
    });
  }

  // How long the answer to a PING of our own (a health check's, the closing one) may take.
  static clock::duration health_limit(const ConnectionOptions& options) {
    return detail::own_wait_limit({options.socket_timeout, "socket_timeout"},
                                  {options.socket_connect_timeout, "socket_connect_timeout"})
        .limit;
  }

  // Called when a read came back empty with a health check interval set: sends the check when
  // the connection sat idle that long, or reconnects when the last check got no byte back in
  // time. True when it reconnected.
  bool health_check(Connection& connection, const ConnectionOptions& options) {
    const clock::time_point now = clock::now();
    if (health_pending_) {
      if (connection.last_used() >= health_sent_) {  // bytes came back: alive
        health_pending_ = false;
        return false;
      }
      if (now - health_sent_ < health_limit(options)) return false;
      std::lock_guard lock(mutex_);
      lease_->disconnect();
      reconnect_locked();
      return true;
    }
    if (now - connection.last_used() < options.health_check_interval) return false;
    std::string wire;
    encode_command(wire, "PING", health_marker);
    std::lock_guard lock(mutex_);
    if (connection.write_unchecked(wire)) {
      lease_->disconnect();
      reconnect_locked();
      return true;
    }
    health_pending_ = true;
    health_sent_ = now;
    return false;
  }

  // Keeps the server's subscription counts (for listen()'s end and close()'s check); true for
  // an acknowledgement.
  bool note_acknowledgement(const Message& m) {
    switch (m.type) {
      case MessageType::subscribe:
      case MessageType::unsubscribe:
      case MessageType::psubscribe:
      case MessageType::punsubscribe:
        regular_count_ = std::stoll(m.data);
        return true;
      case MessageType::ssubscribe:
      case MessageType::sunsubscribe:
        shard_count_ = std::stoll(m.data);
        return true;
      default: return false;
    }
  }

  bool finished_listening() const {
    std::lock_guard lock(mutex_);
    return books_empty_locked() && regular_count_ == 0 && shard_count_ == 0;
  }

  // Calls the handler of `m`'s channel or pattern, if it has one; true when it did.
  bool dispatch(const Message& m) {
    if (handlers_ == 0) return false;
    std::shared_ptr<const MessageHandler> handler;
    {
      std::lock_guard lock(mutex_);
      const Book* book = m.type == MessageType::message    ? &channels_
                         : m.type == MessageType::pmessage ? &patterns_
                         : m.type == MessageType::smessage ? &shards_
                                                           : nullptr;
      if (book == nullptr) return false;
      const auto it = book->find(m.type == MessageType::pmessage ? std::string_view(*m.pattern) : std::string_view(m.channel));
      if (it == book->end() || !it->second) return false;
      handler = it->second;
    }
    (*handler)(m);
    return true;
  }

  // Ends the use of the connection: back to the pool when nothing is subscribed and the server
  // confirms it (the answer to a PING sent after everything else comes with no subscription
  // left), closed otherwise.
  void finish_locked() noexcept {
    if (!lease_) return;
    bool clean = false;
    if (lease_->is_connected() && books_empty_locked()) {
      try {
        std::string wire;
        encode_command(wire, "PING", close_marker);
        if (!lease_->write_unchecked(wire)) {
          const ConnectionOptions& options = pool_->connection_options();
          const clock::time_point deadline = detail::deadline_after(clock::now(), health_limit(options));
          for (;;) {
            std::optional<Reply> frame = lease_->read_frame(deadline);
            if (!frame || frame->is_error()) break;
            const Message m = decode_message(std::move(*frame));
            note_acknowledgement(m);
            if (m.type == MessageType::pong && m.data == close_marker) {
              clean = regular_count_ == 0 && shard_count_ == 0 && !lease_->holds_unread_bytes();
              break;
            }
          }
        }
      } catch (...) {
        clean = false;  // whatever went wrong, the connection is not trusted to the next user
      }
    }
    if (!clean) lease_->disconnect();
    lease_.release();
    lease_ = Lease{};
    regular_count_ = shard_count_ = 0;
    health_pending_ = false;
  }

  const std::shared_ptr<ConnectionPool> pool_;
  const PubSubOptions options_;
  const SourceLocation where_;

  mutable std::mutex mutex_;  // the books, the lease, and every write; the reader takes it only to (re)connect
  Lease lease_;
  Book channels_, patterns_, shards_;
  std::atomic<std::size_t> handlers_{0};  // book entries with a handler: 0 spares the reader the lock
  std::atomic<bool> reading_{false};
  std::atomic<bool> worker_active_{false};

  // The reader's own (one reader at a time; close() runs only without one).
  std::atomic<std::uint64_t> reconnects_{0};  // PubSub::reconnects()
  long long regular_count_ = 0;  // channels + patterns, as the last acknowledgement said
  long long shard_count_ = 0;    // shard channels, likewise
  bool health_pending_ = false;
  clock::time_point health_sent_{};
};

}  // namespace detail

REDISPP_DECL PubSub::PubSub(std::shared_ptr<ConnectionPool> pool, PubSubOptions options, SourceLocation where)
    : state_(std::make_shared<detail::PubSubState>(std::move(pool), options, where)) {}

REDISPP_DECL PubSub::~PubSub() = default;  // the state's end gives back or closes the connection

namespace detail {
inline PubSubState& checked(const std::shared_ptr<PubSubState>& state) {
  if (!state) throw PubSubError("this PubSub was moved from");
  return *state;
}
}  // namespace detail

REDISPP_DECL void PubSub::change(detail::SubscriptionKind kind, bool subscribe, std::initializer_list<HandlerFor> names) {
  detail::checked(state_).change(kind, subscribe, names);
}

REDISPP_DECL void PubSub::ping(std::string_view data) { detail::checked(state_).ping(data); }

namespace detail {
// get_message and listen are the user's reads: never while a worker owns reading.
inline PubSubState& user_reader(const std::shared_ptr<PubSubState>& state) {
  PubSubState& s = checked(state);
  if (s.worker_active()) throw PubSubError("a run_in_thread() worker reads this PubSub: stop it before reading here");
  return s;
}
}  // namespace detail

REDISPP_DECL std::optional<Message> PubSub::get_message(std::chrono::milliseconds timeout) {
  if (timeout.count() < 0) throw DataError(fmt::format("get_message(): the timeout must be 0 or more, got {} ms", timeout.count()));
  return detail::user_reader(state_).next(timeout, false);
}

REDISPP_DECL void PubSub::close() { detail::checked(state_).close(); }

REDISPP_DECL std::vector<std::string> PubSub::channels() const { return detail::checked(state_).names(detail::SubscriptionKind::channel); }
REDISPP_DECL std::vector<std::string> PubSub::patterns() const { return detail::checked(state_).names(detail::SubscriptionKind::pattern); }
REDISPP_DECL std::vector<std::string> PubSub::shard_channels() const {
  return detail::checked(state_).names(detail::SubscriptionKind::shard);
}
REDISPP_DECL bool PubSub::subscribed() const { return detail::checked(state_).subscribed(); }
REDISPP_DECL std::uint64_t PubSub::reconnects() const { return detail::checked(state_).reconnects(); }

REDISPP_DECL PubSub::Range PubSub::listen() {
  // Checked at the first read (begin()), as before: subscribing between listen() and the loop
  // is fine.
  return Range([this, checked = false]() mutable -> std::optional<Message> {
    if (!checked) {
      checked = true;
      if (!subscribed()) throw PubSubError("listen() with nothing subscribed would wait forever");
    }
    return detail::user_reader(state_).next(std::nullopt, true);
  });
}

REDISPP_DECL PubSubWorker PubSub::run_in_thread(std::function<void(std::exception_ptr)> on_error, std::chrono::milliseconds poll) {
  if (!on_error) throw DataError("run_in_thread(): on_error must be a callable (it receives handler exceptions and connection failures)");
  if (poll.count() <= 0) throw DataError(fmt::format("run_in_thread(): poll must be positive, got {} ms", poll.count()));
  detail::checked(state_).start_worker();
  return PubSubWorker(state_, std::move(on_error), poll);
}

struct PubSubWorker::Shared {
  std::shared_ptr<detail::PubSubState> state;
  std::function<void(std::exception_ptr)> on_error;
  std::exception_ptr failure;  // what on_error threw
  std::atomic<bool> running{true};
};

// The worker's thread and its stop request: a std::thread with a flag and a condition variable
// rather than std::jthread and std::stop_token, which libc++ has only from version 18 on, so that
// every standard library runs the same code. Destroying it (a worker moved over, or destroyed
// without stop()) stops and joins the thread, as std::jthread would.
struct PubSubWorker::Thread {
  std::atomic<bool> stop_requested{false};
  std::mutex pause_mutex;  // with wake: the pause between rounds of reconnection, cut short by a stop
  std::condition_variable wake;
  std::thread thread;

  void request_stop() {
    {
      std::lock_guard lock(pause_mutex);
      stop_requested = true;
    }
    wake.notify_all();
  }
  ~Thread() {
    if (thread.joinable()) {
      request_stop();
      thread.join();
    }
  }
};

REDISPP_DECL PubSubWorker::PubSubWorker(PubSubWorker&&) noexcept = default;
REDISPP_DECL PubSubWorker& PubSubWorker::operator=(PubSubWorker&&) noexcept = default;

REDISPP_DECL PubSubWorker::PubSubWorker(std::shared_ptr<detail::PubSubState> state,
                                        std::function<void(std::exception_ptr)> on_error, std::chrono::milliseconds poll)
    : shared_(std::make_shared<Shared>()), thread_(std::make_unique<Thread>()) {
  shared_->state = std::move(state);
  shared_->on_error = std::move(on_error);
  // The thread lives inside *thread_, which outlives it (~Thread joins it first).
  thread_->thread = std::thread([shared = shared_, self = thread_.get(), poll] {
    while (!self->stop_requested) {
      try {
        (void)shared->state->next(poll, false, &self->stop_requested);  // handlers ran; anything returned had none
      } catch (...) {
        const bool connection_failed = [] {
          try {
            throw;
          } catch (const ConnectionError&) {
            return true;
          } catch (const TimeoutError&) {
            return true;
          } catch (...) {
            return false;
          }
        }();
        try {
          shared->on_error(std::current_exception());
        } catch (...) {
          shared->failure = std::current_exception();
          break;
        }
        // A server that is down: the retries were spent, so wait before the next round of them.
        if (connection_failed) {
          std::unique_lock lock(self->pause_mutex);
          self->wake.wait_for(lock, poll, [self] { return self->stop_requested.load(); });
        }
      }
    }
    shared->state->worker_stopped();
    shared->running = false;
    // The state may be the last owner's now (its PubSub gone): its end closes the connection here.
    shared->state.reset();
  });
}

REDISPP_DECL PubSubWorker::~PubSubWorker() {
  try {
    stop();
  } catch (...) {
    // Already given to on_error's caller through failure; a destructor cannot throw it.
  }
}

REDISPP_DECL void PubSubWorker::stop() {
  if (thread_ && thread_->thread.joinable()) {
    thread_->request_stop();
    thread_->thread.join();
  }
  if (shared_ && shared_->failure) std::rethrow_exception(std::exchange(shared_->failure, nullptr));
}

REDISPP_DECL bool PubSubWorker::running() const noexcept { return shared_ && shared_->running; }

}  // namespace redispp
