#pragma once
// Connection: POSIX sockets, the handshake, and reading replies with time-outs.
//
// Why plain blocking sockets: one request is one send() and (usually) one recv(), as in hiredis'
// synchronous API; the read time-out is SO_RCVTIMEO, set again only when it changes (blocking
// commands stretch it). Connecting is the one non-blocking step: connect() + poll() is the only
// portable way to give it a time-out of its own.

#include <fcntl.h>        // fcntl, O_NONBLOCK
#include <netdb.h>        // getaddrinfo
#include <netinet/in.h>   // IPPROTO_TCP
#include <netinet/tcp.h>  // TCP_NODELAY
#include <poll.h>         // poll
#include <sys/socket.h>   // socket, connect, send, recv, setsockopt
#include <sys/un.h>       // sockaddr_un
#include <unistd.h>       // close

#include <cerrno>   // errno
#include <cstring>  // std::strerror, std::memcpy
#include <span>     // std::span
#include <utility>  // std::exchange
#include <vector>   // std::vector

#include <fmt/format.h>

#include <redispp/errors.hpp>
#include <redispp/transport/connection.hpp>
#include <redispp/transport/handshake.hpp>

namespace redispp {

namespace detail {

inline std::string errno_text(int error_number) { return std::strerror(error_number); }

// What a failed connect() means, in words a user can act on.
inline std::string connect_failure(const std::string& endpoint, int error_number) {
  switch (error_number) {
    case ECONNREFUSED:
      return fmt::format("connect to {} refused: nothing listens there (is redis-server running on that port?)", endpoint);
    case ENETUNREACH: return fmt::format("connect to {} failed: network unreachable", endpoint);
    case EHOSTUNREACH: return fmt::format("connect to {} failed: host unreachable", endpoint);
    case ENOENT: return fmt::format("connect to {} failed: no such socket file", endpoint);
    case EACCES: return fmt::format("connect to {} failed: permission denied", endpoint);
    default: return fmt::format("connect to {} failed: {}", endpoint, errno_text(error_number));
  }
}

// A push frame that answers a SUBSCRIBE-family command: ["unsubscribe", channel, count] ...
inline bool is_subscription_ack(const Reply& push) {
  if (push.elements().empty() || !push.elements().front().has_text()) return false;
  const std::string_view kind = push.elements().front().str();
  return kind == "subscribe" || kind == "unsubscribe" || kind == "psubscribe" || kind == "punsubscribe" ||
         kind == "ssubscribe" || kind == "sunsubscribe";
}

inline timeval to_timeval(std::chrono::milliseconds timeout) noexcept {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
  return tv;
}

// Connects `fd` to `address`, waiting at most `timeout` (0 = the system's own limit). Returns 0
// or the errno of the failure; ETIMEDOUT when our time-out fired.
inline int connect_with_timeout(int fd, const sockaddr* address, socklen_t length, std::chrono::milliseconds timeout) {
  const int flags = ::fcntl(fd, F_GETFL, 0);
  if (::fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) return errno;
  int result = 0;
  if (::connect(fd, address, length) < 0) {
    if (errno != EINPROGRESS && errno != EAGAIN) return errno;  // EAGAIN: a Unix socket's full backlog
    pollfd p{fd, POLLOUT, 0};
    const int wait_ms = timeout.count() > 0 ? static_cast<int>(timeout.count()) : -1;
    int ready = 0;
    do {
      ready = ::poll(&p, 1, wait_ms);
    } while (ready < 0 && errno == EINTR);
    if (ready == 0) return ETIMEDOUT;
    if (ready < 0) return errno;
    socklen_t size = sizeof result;
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &result, &size) < 0) return errno;
    if (result != 0) return result;
  }
  if (::fcntl(fd, F_SETFL, flags) < 0) return errno;
  return 0;
}

}  // namespace detail

REDISPP_DECL Connection::Connection(ConnectionOptions options)
    : options_(std::move(options)), endpoint_(endpoint_name(options_)) {
  validate(options_);  // DataError naming the field: port 70000, a negative time-out ...
}

REDISPP_DECL Connection::~Connection() { disconnect(); }

REDISPP_DECL void Connection::disconnect() noexcept {
  state_changed_ = false;
  // close(), never shutdown(): after fork() parent and child share the socket, and shutdown
  // would cut the other one off too.
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (parser_) parser_->reset();
  receive_timeout_set_ = std::chrono::milliseconds{0};
}

REDISPP_DECL void Connection::abandon() noexcept { disconnect(); }

REDISPP_DECL void Connection::connect() {
  disconnect();
  // Checked before any socket is opened: asking hiredis 0.14 for RESP3 is a configuration
  // error, not a network one.
  const ParserKind kind = resolve_parser_kind(options_.parser, options_.protocol);
  if (!parser_ || parser_->kind() != kind) parser_ = make_parser(kind, options_.parser_limits);
  open_socket();
  try {
    handshake();
  } catch (...) {
    disconnect();
    throw;
  }
  last_used_ = clock::now();
}

REDISPP_DECL void Connection::open_socket() {
  const auto connect_timeout = options_.socket_connect_timeout;
  if (!options_.unix_socket_path.empty()) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (options_.unix_socket_path.size() >= sizeof address.sun_path)
      throw ConnectionError(fmt::format("connect to {} failed: the socket path is longer than {} bytes", endpoint_,
                                        sizeof address.sun_path - 1));
    std::memcpy(address.sun_path, options_.unix_socket_path.data(), options_.unix_socket_path.size());
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) fail_io("socket", errno);
    const int error = detail::connect_with_timeout(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address, connect_timeout);
    if (error != 0) {
      ::close(fd);
      if (error == ETIMEDOUT)
        throw TimeoutError(fmt::format("connect to {} timed out after {} ms (socket_connect_timeout)", endpoint_, connect_timeout.count()));
      throw ConnectionError(detail::connect_failure(endpoint_, error));
    }
    fd_ = fd;
  } else {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_ADDRCONFIG;
    addrinfo* found = nullptr;
    const std::string port = std::to_string(options_.port);
    const int status = ::getaddrinfo(options_.host.c_str(), port.c_str(), &hints, &found);
    if (status != 0) {
      if (status == EAI_SYSTEM)
        throw ConnectionError(fmt::format("cannot resolve host '{}' (for {}): {}", options_.host, endpoint_, detail::errno_text(errno)));
      throw ConnectionError(fmt::format("cannot resolve host '{}' (for {}): {}", options_.host, endpoint_, ::gai_strerror(status)));
    }
    // Every address the name resolves to is tried in turn; the last failure is reported.
    int last_error = 0;
    for (addrinfo* a = found; a != nullptr && fd_ < 0; a = a->ai_next) {
      const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
      if (fd < 0) {
        last_error = errno;
        continue;
      }
      last_error = detail::connect_with_timeout(fd, a->ai_addr, a->ai_addrlen, connect_timeout);
      if (last_error == 0)
        fd_ = fd;
      else
        ::close(fd);
    }
    ::freeaddrinfo(found);
    if (fd_ < 0) {
      if (last_error == ETIMEDOUT)
        throw TimeoutError(fmt::format("connect to {} timed out after {} ms (socket_connect_timeout): no answer from the "
                                       "host (firewall, wrong address, or a dead network path?)",
                                       endpoint_, connect_timeout.count()));
      if (last_error == EMFILE || last_error == ENFILE)
        throw ConnectionError(fmt::format("connect to {} failed: {} (this process is out of file descriptors: check "
                                          "`ulimit -n` and connection leaks)",
                                          endpoint_, detail::errno_text(last_error)));
      throw ConnectionError(detail::connect_failure(endpoint_, last_error));
    }
    const int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (options_.socket_keepalive) ::setsockopt(fd_, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
  }
  if (options_.socket_timeout.count() > 0) {
    const timeval tv = detail::to_timeval(options_.socket_timeout);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  }
}

REDISPP_DECL void Connection::handshake() {
  Handshake handshake(options_, endpoint_);
  // A server that refuses us (maxclients) writes its reason and closes at once, so our write
  // may fail with EPIPE. The reason is still in our receive buffer: read it before giving up.
  const int write_error = write_some(handshake.request());
  while (!handshake.done()) {
    Reply reply;
    try {
      reply = read_reply();
    } catch (const ConnectionError&) {
      if (write_error != 0) fail_io("write", write_error);
      throw;
    }
    handshake.on_reply(reply);
  }
  handshake.check_nothing_left(parser_->buffered());
}

REDISPP_DECL void Connection::send(std::string_view wire) {
  request_written_ = false;
  if (const std::size_t unread = parser_ ? parser_->buffered() : 0; unread != 0 && !drain_pushes()) {
    // Bytes no request asked for (an extra reply from a server or proxy): the next reply read
    // would be theirs, not this request's. Nothing is written; the connection is closed.
    disconnect();
    throw ConnectionError(fmt::format(
        "connection to {} is out of step: it holds {} bytes no request asked for (an unsolicited reply), so the next "
        "reply could not be matched to this request; it was closed before anything was sent",
        endpoint_, unread));
  }
  if (fd_ < 0) connect();
  request_written_ = false;  // the handshake's writes are not the request's
  write_all(wire);
}

REDISPP_DECL int Connection::write_some(std::string_view bytes) noexcept {
  while (!bytes.empty()) {
    // MSG_NOSIGNAL: a peer that went away is an EPIPE for us to report, not a SIGPIPE that
    // kills the process.
    const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    request_written_ = true;
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
  return 0;
}

REDISPP_DECL void Connection::write_all(std::string_view bytes) {
  if (const int error = write_some(bytes); error != 0) fail_io("write", error);
}

REDISPP_DECL Reply Connection::read_reply(std::chrono::milliseconds extra_timeout) {
  if (fd_ < 0) throw ConnectionError(fmt::format("read from {} failed: not connected", endpoint_));
  for (;;) {
    std::optional<Reply> reply;
    try {
      reply = parser_->next();
    } catch (const ProtocolError& e) {
      disconnect();
      throw ProtocolError(fmt::format("{} (in a reply from {}; the connection was closed)", e.what(), endpoint_));
    }
    if (!reply) {
      fill(extra_timeout);
      continue;
    }
    // RESP3 sends the acknowledgements of (UN)SUBSCRIBE as push frames: those are the reply
    // the caller waits for. Other pushes (messages, invalidations) arrive on their own.
    if (reply->type() == ReplyType::push && !detail::is_subscription_ack(*reply)) {
      deliver_push(std::move(*reply));
      continue;
    }
    last_used_ = clock::now();
    return std::move(*reply);
  }
}

REDISPP_DECL Reply Connection::request(std::string_view wire, std::chrono::milliseconds extra_timeout) {
  send(wire);
  return read_reply(extra_timeout);
}

REDISPP_DECL void Connection::fill(std::chrono::milliseconds extra_timeout) {
  // The read time-out: socket_timeout, plus a blocking command's own timeout; 0 = no limit.
  // Saturating: a sum past what a timeval holds is as good as no limit.
  std::chrono::milliseconds timeout{0};
  if (options_.socket_timeout.count() > 0 && extra_timeout.count() >= 0 &&
      extra_timeout < std::chrono::milliseconds::max() - options_.socket_timeout)
    timeout = options_.socket_timeout + extra_timeout;
  set_receive_timeout(timeout);

  const std::span<char> room = parser_->prepare(16 * 1024);
  for (;;) {
    const ssize_t received = ::recv(fd_, room.data(), room.size(), 0);
    if (received > 0) {
      parser_->commit(static_cast<std::size_t>(received));
      return;
    }
    if (received == 0) {
      disconnect();
      throw ConnectionError(fmt::format(
          "connection to {} closed by the server while waiting for a reply (server restarted, killed the client, or a "
          "proxy/idle time-out cut it)",
          endpoint_));
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      disconnect();
      throw TimeoutError(fmt::format("read from {} timed out after {} ms (socket_timeout{})", endpoint_, timeout.count(),
                                     extra_timeout.count() > 0 ? " + the command's blocking timeout" : ""));
    }
    fail_io("read", errno);
  }
}

REDISPP_DECL void Connection::set_receive_timeout(std::chrono::milliseconds timeout) {
  if (timeout == receive_timeout_set_) return;
  const timeval tv = detail::to_timeval(timeout);
  ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  receive_timeout_set_ = timeout;
}

REDISPP_DECL void Connection::fail_io(const char* operation, int error_number) {
  disconnect();
  if (error_number == EAGAIN || error_number == EWOULDBLOCK)
    throw TimeoutError(fmt::format("{} to {} timed out after {} ms (socket_timeout)", operation, endpoint_,
                                   options_.socket_timeout.count()));
  if (error_number == EPIPE || error_number == ECONNRESET)
    throw ConnectionError(fmt::format("connection to {} lost during {}: {} (the server closed it)", endpoint_, operation,
                                      detail::errno_text(error_number)));
  if (error_number == EMFILE || error_number == ENFILE)
    throw ConnectionError(fmt::format("{} for {} failed: {} (this process is out of file descriptors: check `ulimit -n` "
                                      "and connection leaks)",
                                      operation, endpoint_, detail::errno_text(error_number)));
  throw ConnectionError(fmt::format("{} on {} failed: {}", operation, endpoint_, detail::errno_text(error_number)));
}

REDISPP_DECL void Connection::check_health() {
  if (fd_ < 0) {
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
  if (fd_ < 0) return true;
  if (holds_unread_bytes()) return true;
  pollfd p{fd_, POLLIN, 0};
  const int ready = ::poll(&p, 1, 0);
  if (ready == 0) return false;
  // Readable while idle: either the server closed it (EOF, reset) or it sent something no one
  // asked for. Neither connection can be trusted with the next caller's reply.
  return true;
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
    if (!next || next->type() != ReplyType::push || detail::is_subscription_ack(*next)) return false;
    deliver_push(std::move(*next));
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
