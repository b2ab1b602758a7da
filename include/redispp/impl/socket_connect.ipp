#pragma once
// Connecting a TCP or Unix socket with a time-out, and what a failed connect means in words:
// shared by SocketStream and TlsStream (which connects the same way, then runs TLS over it). No
// stream class here, so either stream's file can include it first.

#include <fcntl.h>        // fcntl, O_NONBLOCK
#include <netdb.h>        // getaddrinfo
#include <netinet/in.h>   // IPPROTO_TCP
#include <netinet/tcp.h>  // TCP_NODELAY
#include <poll.h>         // poll
#include <sys/socket.h>   // socket, connect, setsockopt
#include <sys/un.h>       // sockaddr_un
#include <unistd.h>       // close

#include <cerrno>   // errno
#include <chrono>   // std::chrono::milliseconds
#include <cstring>  // std::strerror, std::memcpy
#include <string>   // std::string

#include <fmt/format.h>

#include <redispp/errors.hpp>
#include <redispp/transport/options.hpp>

namespace redispp::detail {


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
    case EMFILE:
    case ENFILE:
      return fmt::format("connect to {} failed: {} (this process is out of file descriptors: check `ulimit -n` and "
                         "connection leaks)",
                         endpoint, errno_text(error_number));
    default: return fmt::format("connect to {} failed: {}", endpoint, errno_text(error_number));
  }
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

// The socket connected to `options`' Unix socket or TCP host:port, or a thrown failure.
inline int connect_socket(const ConnectionOptions& options, const std::string& endpoint) {
  const auto connect_timeout = options.socket_connect_timeout;
  if (!options.unix_socket_path.empty()) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (options.unix_socket_path.size() >= sizeof address.sun_path)
      throw ConnectionError(fmt::format("connect to {} failed: the socket path is longer than {} bytes", endpoint,
                                        sizeof address.sun_path - 1));
    std::memcpy(address.sun_path, options.unix_socket_path.data(), options.unix_socket_path.size());
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw ConnectionError(connect_failure(endpoint, errno));
    const int error = connect_with_timeout(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address, connect_timeout);
    if (error != 0) {
      ::close(fd);
      if (error == ETIMEDOUT)
        throw TimeoutError(fmt::format("connect to {} timed out after {} ms (socket_connect_timeout)", endpoint, connect_timeout.count()));
      throw ConnectionError(connect_failure(endpoint, error));
    }
    return fd;
  }

  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_ADDRCONFIG;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(options.port);
  const int status = ::getaddrinfo(options.host.c_str(), port.c_str(), &hints, &found);
  if (status != 0) {
    if (status == EAI_SYSTEM)
      throw ConnectionError(fmt::format("cannot resolve host '{}' (for {}): {}", options.host, endpoint, errno_text(errno)));
    throw ConnectionError(fmt::format("cannot resolve host '{}' (for {}): {}", options.host, endpoint, ::gai_strerror(status)));
  }
  // Every address the name resolves to is tried in turn; the last failure is reported.
  int fd = -1;
  int last_error = 0;
  for (addrinfo* a = found; a != nullptr && fd < 0; a = a->ai_next) {
    const int candidate = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (candidate < 0) {
      last_error = errno;
      continue;
    }
    last_error = connect_with_timeout(candidate, a->ai_addr, a->ai_addrlen, connect_timeout);
    if (last_error == 0)
      fd = candidate;
    else
      ::close(candidate);
  }
  ::freeaddrinfo(found);
  if (fd < 0) {
    if (last_error == ETIMEDOUT)
      throw TimeoutError(fmt::format("connect to {} timed out after {} ms (socket_connect_timeout): no answer from the "
                                     "host (firewall, wrong address, or a dead network path?)",
                                     endpoint, connect_timeout.count()));
    throw ConnectionError(connect_failure(endpoint, last_error));
  }
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (options.socket_keepalive) ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
  return fd;
}

}  // namespace redispp::detail
