#pragma once
// Connection: RESP over a Stream (transport/stream.hpp), the handshake, and reading replies with
// time-outs. The stream connects, reads and writes; this file decides what its errors mean.

#include <cerrno>              // EPIPE, ECONNRESET, EMFILE, ENFILE
#include <condition_variable>  // std::condition_variable (an asynchronous credential provider's answer)
#include <cstring>             // std::strerror
#include <memory>              // std::make_shared
#include <mutex>               // std::mutex
#include <utility>             // std::exchange

#include <fmt/format.h>

#include <redispp/detail/printable.hpp>
#include <redispp/errors.hpp>
#include <redispp/protocol/encoded_command.hpp>
#include <redispp/transport/connection.hpp>
#include <redispp/transport/handshake.hpp>
#include <redispp/transport/stream.hpp>

namespace redispp {

namespace detail {

// A push frame that answers a SUBSCRIBE-family command: ["unsubscribe", channel, count] ...
inline bool is_subscription_ack(const Reply& push) {
  if (push.elements().empty() || !push.elements().front().has_text()) return false;
  const std::string_view kind = push.elements().front().str();
  return kind == "subscribe" || kind == "unsubscribe" || kind == "psubscribe" || kind == "punsubscribe" ||
         kind == "ssubscribe" || kind == "sunsubscribe";
}

}  // namespace detail

REDISPP_DECL Connection::Connection(ConnectionOptions options)
    : options_(std::move(options)), endpoint_(endpoint_name(options_)) {
  validate(options_);  // DataError naming the field: port 70000, a negative time-out ...
}

REDISPP_DECL Connection::~Connection() { disconnect(); }

REDISPP_DECL void Connection::disconnect() noexcept {
  state_changed_ = false;
  stream_.reset();
  if (parser_) parser_->reset();
}

REDISPP_DECL void Connection::abandon() noexcept {
  if (stream_) stream_->abandon();
  disconnect();
}

REDISPP_DECL void Connection::connect() {
  disconnect();
  // Checked before any socket is opened: asking hiredis 0.14 for RESP3 is a configuration
  // error, not a network one.
  const ParserKind kind = resolve_parser_kind(options_.parser, options_.protocol);
  if (!parser_ || parser_->kind() != kind) parser_ = make_parser(kind, options_.parser_limits);
  if (options_.address_provider) use_provided_address();
  stream_ = open_stream(options_, endpoint_);
  try {
    handshake();
  } catch (...) {
    disconnect();
    throw;
  }
  last_used_ = clock::now();
}

REDISPP_DECL void Connection::use_provided_address() {
  ServerAddress address;
  try {
    address = options_.address_provider();
  } catch (const std::exception& e) {
    throw ConnectionError(fmt::format("connect to {}: the address provider failed: {}", endpoint_, e.what()));
  } catch (...) {
    throw ConnectionError(fmt::format("connect to {}: the address provider failed (not a std::exception)", endpoint_));
  }
  options_.host = std::move(address.host);
  options_.port = address.port;
  options_.unix_socket_path.clear();
  validate(options_);  // an answer with port 0 or an empty host is named, as a user's would be
  endpoint_ = endpoint_name(options_);
}

namespace detail {

// What an asynchronous credential provider answers, waited for by a blocking caller.
inline Credentials wait_for_credentials(const ConnectionOptions& options, const std::string& endpoint) {
  struct Answer {
    std::mutex mutex;
    std::condition_variable ready;
    bool done = false;
    std::exception_ptr failure;
    Credentials credentials;
  };
  // Shared: a provider that answers after the wait gave up still writes somewhere alive.
  auto answer = std::make_shared<Answer>();
  options.async_credential_provider([answer](std::exception_ptr failure, Credentials credentials) {
    std::lock_guard lock(answer->mutex);
    if (answer->done) return;  // a second call is ignored
    answer->failure = std::move(failure);
    answer->credentials = std::move(credentials);
    answer->done = true;
    answer->ready.notify_all();
  });
  std::unique_lock lock(answer->mutex);
  const auto limit = options.socket_connect_timeout.count() > 0 ? options.socket_connect_timeout
                                                                 : std::chrono::milliseconds(max_option_duration);
  if (!answer->ready.wait_for(lock, limit, [&] { return answer->done; }))
    throw TimeoutError(fmt::format("connect to {}: the credential provider did not answer within {} ms "
                                   "(socket_connect_timeout)",
                                   endpoint, limit.count()));
  if (answer->failure) std::rethrow_exception(answer->failure);
  return std::move(answer->credentials);
}

// The options the handshake sends: username and password from the credential provider when
// there is one, called afresh for every connect (a rotated password needs no new pool).
inline ConnectionOptions with_current_credentials(const ConnectionOptions& options, const std::string& endpoint) {
  ConnectionOptions current = options;
  Credentials credentials;
  try {
    credentials = options.credential_provider ? options.credential_provider()
                                              : wait_for_credentials(options, endpoint);
  } catch (const TimeoutError&) {
    throw;
  } catch (const std::exception& e) {
    throw AuthenticationError(fmt::format("connect to {}: the credential provider failed: {}", endpoint, e.what()));
  } catch (...) {
    throw AuthenticationError(fmt::format("connect to {}: the credential provider failed (not a std::exception)", endpoint));
  }
  current.username = std::move(credentials.username);
  current.password = std::move(credentials.password);
  return current;
}

// A plain connection to a TLS port: the server reads our RESP as a broken TLS hello and closes
// (or answers with a TLS alert, which is not RESP). Either looks like an odd server, so say
// which is likely.
inline std::string tls_port_hint(const ConnectionOptions& options, const std::string& endpoint) {
  if (options.tls || !options.unix_socket_path.empty()) return {};
  return fmt::format("; if {} is a TLS port (tls-port), connect with rediss:// or set ConnectionOptions::tls", endpoint);
}

}  // namespace detail

REDISPP_DECL void Connection::handshake() {
  Handshake handshake(options_.credential_provider || options_.async_credential_provider
                          ? detail::with_current_credentials(options_, endpoint_)
                          : options_,
                      endpoint_);
  // A server that refuses us (maxclients) writes its reason and closes at once, so our write
  // may fail with EPIPE. The reason is still in our receive buffer: read it before giving up.
  const std::error_code write_error = stream_->write(handshake.request()).error;
  while (!handshake.done()) {
    Reply reply;
    try {
      reply = read_reply();
    } catch (const ConnectionError& e) {
      if (write_error) fail_io("write", write_error);
      if (const std::string hint = detail::tls_port_hint(options_, endpoint_); !hint.empty())
        throw ConnectionError(e.what() + hint);
      throw;
    } catch (const ProtocolError& e) {
      if (const std::string hint = detail::tls_port_hint(options_, endpoint_); !hint.empty())
        throw ProtocolError(e.what() + hint);
      throw;
    }
    handshake.on_reply(reply);
  }
  handshake.check_nothing_left(parser_->buffered());
}

REDISPP_DECL void Connection::check_argument_sizes(std::string_view wire) const {
  const detail::LongestArgument longest = detail::longest_encoded_argument(wire);
  if (longest.size <= options_.max_argument_size) return;
  // In a batch, its place counts every command sent (a transaction's MULTI too).
  const bool batch = longest.commands > 1;
  throw DataError(fmt::format(
      "{}{}: argument {} is {} bytes, over the {} the server takes (ConnectionOptions::max_argument_size, the "
      "server's proto-max-bulk-len); nothing was sent to {}",
      detail::printable(longest.name.substr(0, 32)),
      batch ? fmt::format(" (request {} of the batch)", longest.command) : std::string(), longest.argument,
      longest.size, options_.max_argument_size, endpoint_));
}

REDISPP_DECL void Connection::send(std::string_view wire) {
  request_written_ = false;
  // Only a request longer than the limit can hold an argument longer than it: one compare here.
  if (wire.size() > options_.max_argument_size) check_argument_sizes(wire);
  if (const std::size_t unread = parser_ ? parser_->buffered() : 0; unread != 0 && !drain_pushes()) {
    // Bytes no request asked for (an extra reply from a server or proxy): the next reply read
    // would be theirs, not this request's. Nothing is written; the connection is closed.
    disconnect();
    throw ConnectionError(fmt::format(
        "connection to {} is out of step: it holds {} bytes no request asked for (an unsolicited reply), so the next "
        "reply could not be matched to this request; it was closed before anything was sent",
        endpoint_, unread));
  }
  if (!stream_) connect();
  const IoResult written = stream_->write(wire);
  request_written_ = written.bytes > 0;
  if (written.error) fail_io("write", written.error);
}

REDISPP_DECL void Connection::require_stream() const {
  if (!stream_) throw ConnectionError(fmt::format("read from {} failed: not connected", endpoint_));
}

REDISPP_DECL void Connection::fail_protocol(const ProtocolError& error) {
  disconnect();
  throw ProtocolError(fmt::format("{} (in a reply from {}; the connection was closed)", error.what(), endpoint_));
}

REDISPP_DECL bool Connection::deliver_unless_ack(Reply& push) {
  // RESP3 sends the acknowledgements of (UN)SUBSCRIBE as push frames: those are the reply the
  // caller waits for. Other pushes (messages, invalidations) arrive on their own.
  if (detail::is_subscription_ack(push)) return false;
  deliver_push(std::move(push));
  return true;
}

REDISPP_DECL Reply Connection::read_reply(std::chrono::milliseconds extra_timeout) {
  require_stream();
  for (;;) {
    std::optional<Reply> reply;
    try {
      reply = parser_->next();
    } catch (const ProtocolError& e) {
      fail_protocol(e);
    }
    if (!reply) {
      fill(extra_timeout);
    } else if (!deliver_if_push(*reply)) {
      return std::move(*reply);
    }
  }
}

REDISPP_DECL std::optional<Reply> Connection::read_strings(StringsSink& sink, std::chrono::milliseconds extra_timeout) {
  require_stream();
  for (;;) {
    switch (parser_->next_strings(sink)) {
      case StringsRead::taken: return std::nullopt;
      case StringsRead::need_more: fill(extra_timeout); break;
      case StringsRead::not_strings: return read_reply(extra_timeout);
    }
  }
}

REDISPP_DECL void Connection::read_replies(std::vector<Reply>& out, std::size_t count,
                                          std::chrono::milliseconds extra_timeout) {
  require_stream();
  while (count != 0) {
    bool complete = false;
    try {
      complete = parser_->next_into(out);
    } catch (const ProtocolError& e) {
      fail_protocol(e);
    }
    if (!complete)
      fill(extra_timeout);
    else if (deliver_if_push(out.back()))
      out.pop_back();  // as in read_reply(): not a reply
    else
      --count;
  }
}

REDISPP_DECL Reply Connection::read_several(std::uint32_t replies, std::chrono::milliseconds extra_timeout) {
  std::vector<Reply> all;
  all.reserve(replies);
  read_replies(all, replies, extra_timeout);
  return detail::combine_replies(std::move(all));
}

REDISPP_DECL Reply Connection::request(std::string_view wire, std::chrono::milliseconds extra_timeout) {
  send(wire);
  return read_reply(extra_timeout);
}

REDISPP_DECL std::error_code Connection::write_unchecked(std::string_view wire) noexcept {
  if (!stream_) return std::make_error_code(std::errc::not_connected);
  return stream_->write(wire).error;
}

REDISPP_DECL std::optional<Reply> Connection::read_frame(clock::time_point deadline) {
  require_stream();
  const bool forever = deadline == clock::time_point::max();
  for (;;) {
    if (std::optional<Reply> frame = parser_->next()) return frame;
    std::chrono::milliseconds timeout{0};  // Stream::read: 0 = no limit
    if (!forever) {
      timeout = std::chrono::ceil<std::chrono::milliseconds>(deadline - clock::now());
      if (timeout.count() <= 0) {
        // Out of time, but bytes already waiting are still taken (get_message(0ms) polls).
        if (!stream_->readable()) return std::nullopt;
        timeout = std::chrono::milliseconds{1};
      }
    }
    const IoResult received = stream_->read(parser_->prepare(16 * 1024), timeout);
    if (received.bytes > 0) {
      parser_->commit(received.bytes);
      last_used_ = clock::now();
      continue;
    }
    if (!received.error)
      throw ConnectionError(fmt::format(
          "connection to {} closed by the server (server restarted, CLIENT KILL, or a proxy/idle time-out cut it)",
          endpoint_));
    if (received.error != std::errc::timed_out)
      throw ConnectionError(fmt::format("read on {} failed: {}", endpoint_, received.error.message()));
    if (!forever && clock::now() >= deadline) return std::nullopt;
  }
}

REDISPP_DECL void Connection::fill(std::chrono::milliseconds extra_timeout) {
  // The read time-out: socket_timeout, plus a blocking command's own timeout; 0 = no limit.
  // Saturating: a sum past what a timeval holds is as good as no limit.
  std::chrono::milliseconds timeout{0};
  if (options_.socket_timeout.count() > 0 && extra_timeout.count() >= 0 &&
      extra_timeout < std::chrono::milliseconds::max() - options_.socket_timeout)
    timeout = options_.socket_timeout + extra_timeout;
  const std::span<char> room = parser_->prepare(16 * 1024);
  const IoResult received = stream_->read(room, timeout);
  if (received.bytes > 0) {
    parser_->commit(received.bytes);
    // Once per read, not per reply: a read brings a pipeline's replies by the hundred, and the
    // health check only needs to know when the server was last heard from.
    last_used_ = clock::now();
    return;
  }
  if (!received.error) {
    disconnect();
    throw ConnectionError(fmt::format(
        "connection to {} closed by the server while waiting for a reply (server restarted, killed the client, or a "
        "proxy/idle time-out cut it)",
        endpoint_));
  }
  if (received.error == std::errc::timed_out) {
    disconnect();
    throw TimeoutError(fmt::format("read from {} timed out after {} ms (socket_timeout{})", endpoint_, timeout.count(),
                                   extra_timeout.count() > 0 ? " + the command's blocking timeout" : ""));
  }
  fail_io("read", received.error);
}

REDISPP_DECL void Connection::fail_io(const char* operation, std::error_code error) {
  disconnect();
  if (error == std::errc::timed_out)
    throw TimeoutError(fmt::format("{} to {} timed out after {} ms (socket_timeout)", operation, endpoint_,
                                   options_.socket_timeout.count()));
  if (error == std::errc::broken_pipe || error == std::errc::connection_reset)
    throw ConnectionError(fmt::format("connection to {} lost during {}: {} (the server closed it)", endpoint_, operation,
                                      error.message()));
  if (error == std::errc::too_many_files_open || error == std::errc::too_many_files_open_in_system)
    throw ConnectionError(fmt::format("{} for {} failed: {} (this process is out of file descriptors: check `ulimit -n` "
                                      "and connection leaks)",
                                      operation, endpoint_, error.message()));
  throw ConnectionError(fmt::format("{} on {} failed: {}", operation, endpoint_, error.message()));
}

REDISPP_DECL void Connection::check_health() {
  if (!stream_) {
    connect();
    return;
  }
  if (options_.health_check_interval.count() <= 0 || clock::now() - last_used_ < options_.health_check_interval) return;
  try {
    const Reply pong = request("*1\r\n$4\r\nPING\r\n");
    if (!pong.is_error()) return;
    disconnect();
  } catch (const ConnectionError&) {
  } catch (const TimeoutError&) {
  } catch (const ProtocolError&) {
  }
  // The check failed and closed the connection: one fresh attempt, whose failure is the caller's.
  connect();
}

REDISPP_DECL bool Connection::holds_unread_bytes() const noexcept { return parser_ && parser_->buffered() != 0; }

REDISPP_DECL bool Connection::is_stale() noexcept {
  if (!stream_) return true;
  if (holds_unread_bytes()) return true;
  // Readable while idle: either the server closed it (EOF, reset) or it sent something no one
  // asked for. Neither connection can be trusted with the next caller's reply.
  return stream_->readable();
}

REDISPP_DECL bool Connection::drain_pushes() {
  // RESP3 pushes may arrive right behind a reply, in the same read: they are the server's own
  // messages, not replies out of step, so whole push frames are delivered. Anything else (a
  // reply, malformed bytes, or a frame cut short, which cannot be told from a reply yet) means
  // the connection is out of step.
  while (holds_unread_bytes()) {
    std::optional<Reply> next;
    try {
      next = parser_->next();
    } catch (const ProtocolError&) {
      return false;
    }
    if (!next || !deliver_if_push(*next)) return false;
  }
  return true;
}

REDISPP_DECL void Connection::deliver_push(Reply&& push) {
  if (push_handler_)
    push_handler_(std::move(push));
  else
    ++dropped_pushes_;
}

REDISPP_DECL void Connection::shrink_buffers() noexcept {
  if (!parser_) return;
  try {
    parser_->shrink(idle_buffer_limit);
  } catch (...) {
    // Shrinking is an optimisation; keeping the bigger buffer is always correct.
  }
}

}  // namespace redispp
