#pragma once
// SocketStream: blocking reads and writes with time-outs (see transport/socket_stream.hpp); the
// connect itself is impl/socket_connect.ipp.

#include <poll.h>        // poll
#include <sys/socket.h>  // send, recv, setsockopt
#include <unistd.h>      // close

#include <cerrno>  // errno

#include <redispp/errors.hpp>
#include <redispp/impl/socket_connect.ipp>  // detail::connect_socket
#include <redispp/transport/options.hpp>
#include <redispp/transport/socket_stream.hpp>

namespace redispp {

namespace detail {

inline std::error_code last_error() noexcept { return {errno, std::generic_category()}; }

}  // namespace detail

REDISPP_DECL std::unique_ptr<SocketStream> SocketStream::connect(const ConnectionOptions& options, const std::string& endpoint) {
  auto stream = std::make_unique<SocketStream>(detail::connect_socket(options, endpoint));
  if (options.socket_timeout.count() > 0) {
    const timeval tv = detail::to_timeval(options.socket_timeout);
    ::setsockopt(stream->fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  }
  return stream;
}

// close(), never shutdown(): after fork() parent and child share the socket, and shutdown would
// cut the other one off too.
REDISPP_DECL SocketStream::~SocketStream() { ::close(fd_); }

REDISPP_DECL IoResult SocketStream::write(std::string_view bytes) noexcept {
  IoResult result;
  while (!bytes.empty()) {
    // MSG_NOSIGNAL: a peer that went away is an EPIPE for us to report, not a SIGPIPE that
    // kills the process.
    const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent < 0) {
      if (errno == EINTR) continue;
      result.error = errno == EAGAIN || errno == EWOULDBLOCK ? std::make_error_code(std::errc::timed_out) : detail::last_error();
      return result;
    }
    result.bytes += static_cast<std::size_t>(sent);
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
  return result;
}

REDISPP_DECL IoResult SocketStream::read(std::span<char> room, std::chrono::milliseconds timeout) noexcept {
  if (timeout != receive_timeout_set_) {
    const timeval tv = detail::to_timeval(timeout);
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    receive_timeout_set_ = timeout;
  }
  for (;;) {
    const ssize_t received = ::recv(fd_, room.data(), room.size(), 0);
    if (received >= 0) return IoResult{static_cast<std::size_t>(received), {}};
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return IoResult{0, std::make_error_code(std::errc::timed_out)};
    return IoResult{0, detail::last_error()};
  }
}

REDISPP_DECL bool SocketStream::readable() noexcept {
  pollfd p{fd_, POLLIN, 0};
  return ::poll(&p, 1, 0) != 0;  // readable, closed, or an error: all worth knowing
}

}  // namespace redispp
