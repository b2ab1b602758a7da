#pragma once
// PubSub: redis-py's PubSub object. Subscribes a connection of its own to channels, patterns and
// shard channels, and hands out what arrives as Message values, by get_message(), a listen()
// range, or handlers called from a background thread (run_in_thread).
//
//   redispp::PubSub ps = r.pubsub();
//   ps.subscribe("news", "alerts");
//   ps.psubscribe("user.*");
//   ps.ssubscribe("shard-chan");                  // sharded pub/sub (Redis 7)
//   while (std::optional<redispp::Message> m = ps.get_message(500ms))
//     std::cout << m->channel << ": " << m->data << "\n";
//   ps.unsubscribe();                             // no arguments: every channel
//
// The connection. A PubSub leases one connection from its client's pool when it first
// subscribes (so it counts towards max_connections, and the pool's options, fork rule and leak
// diagnostics apply) and keeps it until close() or destruction; no other user of the pool ever
// gets it meanwhile. It goes back to the pool only when nothing is subscribed any more, the
// server confirmed it (a PING answered after the last acknowledgement) and no byte is left
// unread; otherwise it is closed and the pool opens a fresh one when needed.
//
// Messages. Both protocols give the same Message: RESP2 sends arrays, RESP3 push frames. For
// subscribe / unsubscribe kinds, `data` is the subscription count the server reported, in
// decimal; `channel` is empty in the acknowledgement of an unsubscribe from nothing. Payloads
// are binary-safe (NUL bytes, CR LF). A message of a channel or pattern that has a handler goes
// to the handler and is not returned.
//
// Reconnecting. When the connection drops (server restart, CLIENT KILL TYPE pubsub, a failed
// health check), the next read reconnects as ConnectionOptions::retry allows and subscribes
// again to every channel, pattern and shard channel; the server's acknowledgements of that come
// back as subscribe messages (unless ignore_subscribe_messages), which is how a reader can tell
// a reconnect happened. Messages published while the connection was down are lost: Redis
// pub/sub keeps no backlog (use streams when every message matters). Nothing is delivered twice:
// the server sends each message once per connection. When the retries are spent, get_message()
// throws the last ConnectionError / TimeoutError; the subscriptions are kept and the next call
// tries again.
//
// Health check. With ConnectionOptions::health_check_interval set, a subscribed connection on
// which nothing arrived for that long is sent a PING (its answer is never shown); when no byte
// comes back within socket_timeout (when that is 0: socket_connect_timeout, or 5 s if both are 0;
// the rule is detail::own_wait_limit) it is taken as dead and reconnected. Without it a silent
// dead peer is noticed only by TCP keep-alive.
// socket_timeout does not otherwise limit get_message(): waiting for messages is normal.
//
// Threads. One thread reads at a time (get_message, listen, or the run_in_thread worker; a
// second reader gets PubSubError). While one reads, any other thread may call subscribe,
// psubscribe, ssubscribe, their unsubscribes and ping: they record the change and write the
// command under a lock the reader takes only to reconnect, and never touch the read side.
// Handlers run on the reading thread. A PubSub may be destroyed while its worker runs: the
// worker keeps the shared state alive until it is stopped.

#include <concepts>     // std::convertible_to
#include <cstdint>      // std::uint64_t
#include <exception>    // std::exception_ptr
#include <initializer_list>  // std::initializer_list
#include <memory>       // std::shared_ptr
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::pair
#include <vector>       // std::vector

#include <redispp/config.hpp>
#include <redispp/detail/blocking_range.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono::milliseconds
#include <redispp/detail/function.hpp>  // std::function
#include <redispp/protocol/reply.hpp>
#include <redispp/source_location.hpp>  // SourceLocation
#include <redispp/transport/connection_pool.hpp>

namespace redispp {

enum class MessageType {
  subscribe,
  unsubscribe,
  psubscribe,
  punsubscribe,
  ssubscribe,
  sunsubscribe,
  message,
  pmessage,
  smessage,
  pong,
};

/// The kind's name as the server spells it ("pmessage").
REDISPP_DECL std::string_view to_string(MessageType type) noexcept;

/// One thing a subscribed connection received.
struct Message {
  MessageType type = MessageType::message;
  /// The channel (for pmessage: the channel the message was published to).
  std::string channel;
  /// The payload; for the (un)subscribe kinds, the subscription count in decimal; for pong,
  /// what ping() was given ("" for none).
  std::string data;
  /// The pattern that matched, for pmessage (and the pattern of a (p)unsubscribe ack is its
  /// `channel`, as redis-py has it).
  std::optional<std::string> pattern;

  friend bool operator==(const Message&, const Message&) = default;
};

/// The Message a subscribed connection's frame stands for: a RESP2 array or RESP3 push of
/// [kind, channel, data] / [pmessage, pattern, channel, data] / [kind, channel, count], a RESP2
/// [pong, data] array, or RESP3's plain PING reply (+PONG, or the bulk string PING was given).
/// Throws ProtocolError naming what was wrong for a frame of any other shape (error replies
/// included: the caller maps those first).
REDISPP_DECL Message decode_message(Reply&& frame);

/// How a PubSub behaves (redis-py's pubsub() keyword arguments).
struct PubSubOptions {
  /// Skip the subscribe/unsubscribe acknowledgements: get_message() and listen() never return them.
  bool ignore_subscribe_messages = false;
};

/// Called with each message of the channel or pattern it was given for.
using MessageHandler = std::function<void(const Message&)>;
/// A channel (or pattern) with its handler: ps.subscribe({{"news", on_news}, {"alerts", on_alert}}).
using HandlerFor = std::pair<std::string_view, MessageHandler>;

namespace detail {
class PubSubState;  // impl/pubsub.ipp
enum class SubscriptionKind { channel, pattern, shard };
}  // namespace detail

class PubSubWorker;

class PubSub {
 public:
  /// Normally made by Redis::pubsub(). No connection is taken before the first subscribe.
  explicit PubSub(std::shared_ptr<ConnectionPool> pool, PubSubOptions options = {},
                  SourceLocation where = SourceLocation::current());
  PubSub(PubSub&&) noexcept = default;
  PubSub& operator=(PubSub&&) noexcept = default;
  /// close(), unless a worker still runs (then the worker's end closes).
  ~PubSub();

  /// https://redis.io/commands/subscribe — ps.subscribe("news", "alerts")
  template <class... Channels>
    requires(sizeof...(Channels) > 0 && (std::convertible_to<const Channels&, std::string_view> && ...))
  void subscribe(const Channels&... channels) {
    change(detail::SubscriptionKind::channel, true, {HandlerFor{std::string_view(channels), MessageHandler{}}...});
  }
  /// With a handler each: ps.subscribe({{"news", on_news}}). Messages of these channels go to
  /// their handler (on the reading thread) instead of being returned.
  void subscribe(std::initializer_list<HandlerFor> channels) {
    change(detail::SubscriptionKind::channel, true, channels);
  }
  /// https://redis.io/commands/psubscribe — glob patterns: ps.psubscribe("user.*")
  template <class... Patterns>
    requires(sizeof...(Patterns) > 0 && (std::convertible_to<const Patterns&, std::string_view> && ...))
  void psubscribe(const Patterns&... patterns) {
    change(detail::SubscriptionKind::pattern, true, {HandlerFor{std::string_view(patterns), MessageHandler{}}...});
  }
  void psubscribe(std::initializer_list<HandlerFor> patterns) { change(detail::SubscriptionKind::pattern, true, patterns); }
  /// https://redis.io/commands/ssubscribe — shard channels (Redis 7), one SSUBSCRIBE each, so
  /// that a cluster client can route each to its slot's node.
  template <class... Channels>
    requires(sizeof...(Channels) > 0 && (std::convertible_to<const Channels&, std::string_view> && ...))
  void ssubscribe(const Channels&... channels) {
    change(detail::SubscriptionKind::shard, true, {HandlerFor{std::string_view(channels), MessageHandler{}}...});
  }
  void ssubscribe(std::initializer_list<HandlerFor> channels) { change(detail::SubscriptionKind::shard, true, channels); }

  /// https://redis.io/commands/unsubscribe — no arguments: every channel.
  template <class... Channels>
    requires(std::convertible_to<const Channels&, std::string_view> && ...)
  void unsubscribe(const Channels&... channels) {
    change(detail::SubscriptionKind::channel, false, {HandlerFor{std::string_view(channels), MessageHandler{}}...});
  }
  /// https://redis.io/commands/punsubscribe — no arguments: every pattern.
  template <class... Patterns>
    requires(std::convertible_to<const Patterns&, std::string_view> && ...)
  void punsubscribe(const Patterns&... patterns) {
    change(detail::SubscriptionKind::pattern, false, {HandlerFor{std::string_view(patterns), MessageHandler{}}...});
  }
  /// https://redis.io/commands/sunsubscribe — no arguments: every shard channel.
  template <class... Channels>
    requires(std::convertible_to<const Channels&, std::string_view> && ...)
  void sunsubscribe(const Channels&... channels) {
    change(detail::SubscriptionKind::shard, false, {HandlerFor{std::string_view(channels), MessageHandler{}}...});
  }

  /// https://redis.io/commands/ping — its answer arrives as a MessageType::pong message whose
  /// data is `data`. Needs a connection: PubSubError before the first subscribe.
  void ping(std::string_view data = {});

  /// The next message, waiting at most `timeout` (0: only what already arrived). std::nullopt
  /// when nothing came in time, or nothing is subscribed and no connection is open (then it
  /// sleeps `timeout`, as redis-py does, so a polling loop does not spin). Messages with a
  /// handler are dispatched meanwhile and not returned. Throws PubSubError when another thread
  /// is reading, DataError for a negative timeout, ResponseError for an error reply,
  /// ConnectionError / TimeoutError when reconnecting failed.
  std::optional<Message> get_message(std::chrono::milliseconds timeout = std::chrono::milliseconds{0});

  /// Messages as they come, blocking: for (const redispp::Message& m : ps.listen()). The range
  /// ends once nothing is subscribed any more and the server acknowledged the last unsubscribe
  /// (as redis-py's listen()). PubSubError when nothing is subscribed at the start.
  using Range = detail::BlockingRange<Message>;
  Range listen();

  /// Runs a reader thread that dispatches every message to its handler (messages without one,
  /// acknowledgements and pongs are dropped) until stop(). Every subscribed channel and pattern
  /// must have a handler (PubSubError otherwise, as redis-py). An exception from a handler, or a
  /// connection failure that the retries did not fix, goes to `on_error` and the worker keeps
  /// going (a failed reconnect is tried again after `poll`); on_error runs on the worker thread
  /// and, if it throws, the worker stops and stop() rethrows that. `poll` bounds how long stop()
  /// waits for the thread.
  PubSubWorker run_in_thread(std::function<void(std::exception_ptr)> on_error,
                             std::chrono::milliseconds poll = std::chrono::milliseconds{100});

  /// Ends this PubSub's use of its connection, without unsubscribing anything: the connection
  /// goes back to the pool when nothing is subscribed and it is clean (see the top of this
  /// file), and is closed otherwise. What is subscribed stays recorded: the next subscribe or
  /// read connects again and restores it. PubSubError while a worker runs. The destructor does
  /// the same.
  void close();

  /// The channels, patterns and shard channels subscribed now (what a reconnect restores).
  std::vector<std::string> channels() const;
  std::vector<std::string> patterns() const;
  std::vector<std::string> shard_channels() const;
  /// Whether anything is subscribed (redis-py's `subscribed`).
  bool subscribed() const;
  /// How many times the connection was lost and made again, its subscriptions restored. Pub/Sub
  /// keeps nothing for an absent subscriber: whatever was published between the loss and the
  /// new subscription is gone. A subscriber that reads too slowly is also dropped by the server
  /// itself, at its client-output-buffer-limit for pubsub clients (32 MB at once, or 8 MB for
  /// 60 s, by default), and then reconnected here. Compare this count before and after a read
  /// to learn that messages may be missing (with ignore_subscribe_messages the new
  /// subscriptions' acknowledgements are not returned either); where no message may be lost,
  /// use Redis Streams (XADD / XREAD), which keep them.
  std::uint64_t reconnects() const;

 private:
  friend class PubSubWorker;
  void change(detail::SubscriptionKind kind, bool subscribe, std::initializer_list<HandlerFor> names);

  std::shared_ptr<detail::PubSubState> state_;
};


/// The thread run_in_thread() started. stop() (and the destructor) ends and joins it.
class PubSubWorker {
 public:
  REDISPP_DECL PubSubWorker(PubSubWorker&&) noexcept;
  REDISPP_DECL PubSubWorker& operator=(PubSubWorker&&) noexcept;
  /// stop(), with any exception it would rethrow dropped (it was given to on_error first).
  ~PubSubWorker();

  /// Asks the thread to stop and joins it (at most about `poll` later, or a reconnect's time).
  /// Rethrows what on_error threw, if it did.
  void stop();
  /// Whether the thread still runs (false after stop(), or once on_error threw).
  bool running() const noexcept;

 private:
  friend class PubSub;
  struct Shared;  // impl/pubsub.ipp
  PubSubWorker(std::shared_ptr<detail::PubSubState> state, std::function<void(std::exception_ptr)> on_error,
               std::chrono::milliseconds poll);

  struct Thread;  // impl/pubsub.ipp: the std::thread, so that this header does not include <thread>
  std::shared_ptr<Shared> shared_;
  std::unique_ptr<Thread> thread_;
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/pubsub.ipp>
#endif
