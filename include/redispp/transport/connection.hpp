#pragma once
// Connection: one socket to one server, its handshake, and blocking request/reply IO with
// time-outs. Not thread-safe: a connection is used by one caller at a time (the pool's lease
// guarantees that).
//
// Failure rule: any IO error, time-out or protocol error closes the connection before the
// exception leaves, so it can never be reused and a half-read reply can never reach the next
// caller. is_connected() is then false; connect() may be called again.
//
// The bytes travel over a Stream (transport/stream.hpp: a TCP or Unix socket today), which
// this class does not look into: it speaks RESP, runs the handshake and decides what the
// stream's errors mean. This header includes no socket, asio or hiredis header.
//
// Time-outs: socket_connect_timeout bounds the TCP/Unix connect; socket_timeout bounds each
// wait for bytes (a read that keeps receiving a trickle of bytes is not cut short) and each
// blocked write. Both report TimeoutError naming host:port and the limit.

#include <cstdint>      // std::uint64_t
#include <memory>       // std::unique_ptr
#include <optional>     // std::optional
#include <span>         // std::span
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <system_error> // std::error_code
#include <vector>       // std::vector

#include <redispp/config.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono
#include <redispp/detail/function.hpp>  // std::function
#include <redispp/protocol/parser.hpp>
#include <redispp/protocol/reply.hpp>
#include <redispp/transport/options.hpp>
#include <redispp/transport/stream.hpp>

namespace redispp {

class ProtocolError;  // errors.hpp

class Connection {
 public:
  using clock = std::chrono::steady_clock;

  /// Does not connect; connect() (or the first request through a pool) does.
  explicit Connection(ConnectionOptions options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Opens the socket and runs the handshake (transport/handshake.hpp: HELLO / AUTH, SETNAME,
  /// SELECT, SETINFO, a marker ECHO) in one round trip. Throws ConnectionError (refused,
  /// unreachable, unresolved: naming host:port and the cause), TimeoutError,
  /// AuthenticationError, MaxClientsError, BusyLoadingError, ProtocolError (a server whose
  /// replies are out of step with the handshake).
  void connect();
  /// Closes the socket (no QUIT). Safe to call at any time.
  void disconnect() noexcept;
  /// Lets go of the stream without a word on the wire (Stream::abandon): for a child after
  /// fork(), whose parent still uses the same socket (and, with TLS, the same session).
  void abandon() noexcept;
  bool is_connected() const noexcept { return stream_ != nullptr; }

  /// Writes all of `wire` (one or many encoded commands). Connects first if needed. Refuses a
  /// command with an argument over ConnectionOptions::max_argument_size (DataError). Refuses to
  /// write on a connection that holds bytes no request asked for (they would be read as this
  /// request's reply): closes it and throws ConnectionError, with nothing written.
  void send(std::string_view wire);
  /// Whether any byte of the last send()'s request left this process (the handshake does not
  /// count): false means the server cannot have seen it, so retrying it is always safe.
  bool request_written() const noexcept { return request_written_; }
  /// Reads the next reply. Error replies are returned, not thrown (the caller decides);
  /// RESP3 push messages that arrive meanwhile go to the push handler, or are dropped and
  /// counted when there is none (dropped_pushes()): never stored without bound.
  /// `extra_timeout` is added to socket_timeout, for blocking commands (0 = none; a negative
  /// value means no limit at all, for BLPOP key 0).
  Reply read_reply(std::chrono::milliseconds extra_timeout = std::chrono::milliseconds{0});
  /// Reads the next reply into `sink` when it is an array, set or map of bulk strings that the
  /// sink accepts (Parser::next_strings: no Reply is built) and returns std::nullopt; any other
  /// reply is returned as read_reply() returns it. Failures as read_reply().
  std::optional<Reply> read_strings(StringsSink& sink,
                                    std::chrono::milliseconds extra_timeout = std::chrono::milliseconds{0});
  /// Reads `count` replies onto the end of `out`, as read_reply() would one by one (pushes go
  /// to the push handler): a pipeline's replies, each built where it stays. Failures as
  /// read_reply(); the replies read before a failure stay in `out`.
  void read_replies(std::vector<Reply>& out, std::size_t count,
                    std::chrono::milliseconds extra_timeout = std::chrono::milliseconds{0});
  /// Reads the `replies` replies of one command (Command::reply_count()): for one, read_reply();
  /// for more, every one of them, given back as detail::combine_replies() makes them one (the
  /// first error reply, else an array). Failures as read_reply().
  Reply read_command_reply(std::uint32_t replies,
                           std::chrono::milliseconds extra_timeout = std::chrono::milliseconds{0}) {
    if (replies == 1) return read_reply(extra_timeout);
    return read_several(replies, extra_timeout);
  }
  /// send() then read_reply().
  Reply request(std::string_view wire, std::chrono::milliseconds extra_timeout = std::chrono::milliseconds{0});

  /// For a connection in subscribed mode (SUBSCRIBE ..., MONITOR: PubSub and Monitor). Writes
  /// all of `wire` even when frames are buffered unread, which send() refuses: there every
  /// frame the server sends names its own kind ([message, ...], [subscribe, ...], [pong, ...], a
  /// MONITOR line), so a buffered message can never be taken for the answer to what is written
  /// now. Neither connects nor closes: a failure is returned, and whoever reads finds the broken
  /// connection on its next read (PubSub's reader may be inside read_frame() on another thread,
  /// so nothing here may touch the stream's lifetime or the parser).
  std::error_code write_unchecked(std::string_view wire) noexcept;
  /// The next whole frame as it comes, pushes included (nothing goes to the push handler),
  /// waiting for bytes until `deadline` (clock::time_point::max(): no limit). std::nullopt when
  /// nothing came in time; a frame cut short stays buffered for the next call. A frame already
  /// buffered costs no clock reading: readers of message floods call this per message. Unlike read_reply(), nothing here
  /// closes the connection, not even a failure: the caller does (PubSub does it under the lock
  /// its writers take). Throws ConnectionError (closed by the server, a read error) and
  /// ProtocolError (the parser must then be reset: disconnect()).
  std::optional<Reply> read_frame(clock::time_point deadline);
  /// The next whole frame already buffered, without any IO (nor a clock reading); std::nullopt
  /// when none is. Throws ProtocolError, as read_frame().
  std::optional<Reply> buffered_frame() { return parser_ ? parser_->next() : std::nullopt; }
  /// The next buffered frame when it is an array or push of at most out.size() bulk strings, as
  /// views into the read buffer (Parser::next_flat: good until the next read or frame); 0 when
  /// it is anything else, which buffered_frame() or read_frame() then return. No IO, no Reply.
  std::size_t buffered_flat_frame(std::span<std::string_view> out) { return parser_ ? parser_->next_flat(out) : 0; }

  /// PINGs if the connection sat idle longer than health_check_interval (when set); a failed
  /// check closes the connection and reconnects once, throwing if that fails.
  void check_health();
  /// True when the server closed this (idle) connection or sent something unasked for: a
  /// non-blocking poll(), which the pool runs before every checkout.
  bool is_stale() noexcept;
  /// The part of is_stale() that needs no system call: bytes already read that no one asked for.
  bool holds_unread_bytes() const noexcept;

  /// Records that a command changed this connection's state away from its options (a command
  /// with CommandFlags::changes_state was sent): the pool closes it when it comes back.
  /// Cleared by connect() and disconnect().
  void mark_state_changed() noexcept { state_changed_ = true; }
  bool state_changed() const noexcept { return state_changed_; }

  /// Where RESP3 push messages (other than subscription acknowledgements) go as they arrive
  /// while replies are read; an empty handler drops them (counted by dropped_pushes()).
  void set_push_handler(std::function<void(Reply&&)> handler) { push_handler_ = std::move(handler); }
  /// Push messages dropped because no handler was set, since this object was made.
  std::uint64_t dropped_pushes() const noexcept { return dropped_pushes_; }

  const ConnectionOptions& options() const noexcept { return options_; }
  /// "127.0.0.1:6379" or "unix:/tmp/redis.sock", as messages print it.
  const std::string& endpoint() const noexcept { return endpoint_; }
  /// The RESP version in use (2, or 3 after HELLO 3).
  int protocol() const noexcept { return options_.protocol; }
  /// When the server was last heard from (the last read that brought bytes) or connected to.
  clock::time_point last_used() const noexcept { return last_used_; }
  /// Releases read-buffer memory beyond idle_buffer_limit (after a large reply); the pool calls
  /// it when a connection comes back.
  void shrink_buffers() noexcept;
  static constexpr std::size_t idle_buffer_limit = 32 * 1024;
  /// Heap bytes held by this connection's read buffers: at most about idle_buffer_limit once
  /// shrink_buffers() ran (the test suite and bench_roundtrip check it after a 1 MiB reply).
  std::size_t buffer_memory() const noexcept { return parser_ ? parser_->buffer_memory() : 0; }

 private:
  void handshake();
  // DataError when a command in `wire` has an argument over ConnectionOptions::max_argument_size.
  void check_argument_sizes(std::string_view wire) const;
  // Asks ConnectionOptions::address_provider where to connect: host, port and endpoint_ follow.
  void use_provided_address();
  void deliver_push(Reply&& push);
  // When `frame` is a push that is not a reply (anything but a subscription acknowledgement):
  // delivers it (moved out) and returns true. The type test inline: it runs for every reply.
  bool deliver_if_push(Reply& frame) { return frame.type() == ReplyType::push && deliver_unless_ack(frame); }
  bool deliver_unless_ack(Reply& push);
  Reply read_several(std::uint32_t replies, std::chrono::milliseconds extra_timeout);
  bool drain_pushes();  // false when the unread bytes are not all whole push frames
  // The reads' common guards: a read needs a connection; a ProtocolError from the parser is
  // thrown again naming this server, after closing the connection (nothing read after malformed
  // bytes can be trusted).
  void require_stream() const;
  [[noreturn]] void fail_protocol(const ProtocolError& error);
  void fill(std::chrono::milliseconds extra_timeout);
  // Closes the connection and throws what the stream's `error` means (TimeoutError for a
  // time-out, ConnectionError naming the peer otherwise).
  [[noreturn]] void fail_io(const char* operation, std::error_code error);

  ConnectionOptions options_;
  std::string endpoint_;
  std::unique_ptr<Stream> stream_;  // null when not connected
  std::unique_ptr<Parser> parser_;
  std::function<void(Reply&&)> push_handler_;
  std::uint64_t dropped_pushes_ = 0;
  clock::time_point last_used_{};
  bool request_written_ = false;
  bool state_changed_ = false;  // mark_state_changed()
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/connection.ipp>
#endif
