#pragma once
// TlsStream: the handshake over a non-blocking socket, and reads and writes with poll() time-outs
// (see transport/tls_stream.hpp). The context, the session's set-up and the failures in words are
// impl/tls_context.ipp's, which any transport can use.

#include <poll.h>        // poll
#include <sys/socket.h>  // send, recv, MSG_NOSIGNAL
#include <fcntl.h>       // fcntl, O_NONBLOCK
#include <unistd.h>      // close

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <algorithm>  // std::min
#include <cerrno>     // errno
#include <climits>    // INT_MAX
#include <mutex>      // std::mutex
#include <string>     // std::string

#include <fmt/format.h>

#include <redispp/detail/deadline.hpp>  // deadline_after, own_wait_limit
#include <redispp/errors.hpp>
#include <redispp/impl/socket_connect.ipp>  // detail::connect_socket, errno_text
#include <redispp/impl/tls_context.ipp>     // detail::openssl_error_text
#include <redispp/transport/options.hpp>
#include <redispp/transport/tls_context.hpp>
#include <redispp/transport/tls_stream.hpp>

namespace redispp {

namespace detail {

// ---- the BIO: OpenSSL's socket BIO, with reads and writes that never raise SIGPIPE --------

inline int tls_bio_write(BIO* bio, const char* data, int size) {
  BIO_clear_retry_flags(bio);
  const ssize_t sent = ::send(static_cast<int>(BIO_get_fd(bio, nullptr)), data, static_cast<std::size_t>(size), MSG_NOSIGNAL);
  if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) BIO_set_retry_write(bio);
  return static_cast<int>(sent);
}

inline int tls_bio_read(BIO* bio, char* data, int size) {
  BIO_clear_retry_flags(bio);
  const ssize_t received = ::recv(static_cast<int>(BIO_get_fd(bio, nullptr)), data, static_cast<std::size_t>(size), 0);
  if (received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) BIO_set_retry_read(bio);
  if (received == 0) BIO_set_flags(bio, BIO_FLAGS_IN_EOF);  // as OpenSSL's own socket BIO does
  return static_cast<int>(received);
}

// Made once, kept for the life of the process (as OpenSSL keeps its own BIO methods).
inline BIO_METHOD* tls_bio_method() {
  static BIO_METHOD* const method = [] {
    const BIO_METHOD* socket = BIO_s_socket();
    BIO_METHOD* ours = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "redispp socket");
    if (ours == nullptr) return ours;
    BIO_meth_set_write(ours, tls_bio_write);
    BIO_meth_set_read(ours, tls_bio_read);
    BIO_meth_set_puts(ours, BIO_meth_get_puts(socket));
    BIO_meth_set_ctrl(ours, BIO_meth_get_ctrl(socket));  // BIO_set_fd, BIO_get_fd, flush ...
    BIO_meth_set_create(ours, BIO_meth_get_create(socket));
    BIO_meth_set_destroy(ours, BIO_meth_get_destroy(socket));
    return ours;
  }();
  return method;
}

// ---- waits -----------------------------------------------------------------------------

// Waits until `fd` is ready for `events` or `deadline` passes; false on time-out. A zero
// deadline waits without limit.
inline bool wait_until(int fd, int events, std::chrono::steady_clock::time_point deadline) {
  for (;;) {
    int wait_ms = -1;
    if (deadline != std::chrono::steady_clock::time_point{}) {
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      wait_ms = static_cast<int>(std::min<long long>(left.count(), INT_MAX));
    }
    pollfd p{fd, static_cast<short>(events), 0};
    const int ready = ::poll(&p, 1, wait_ms);
    if (ready > 0) return true;
    if (ready == 0) return false;
    if (errno != EINTR) return true;  // let the next SSL call report the socket's error
  }
}

// The deadline of one read or write: `timeout` from now (saturating), or no limit for 0.
inline std::chrono::steady_clock::time_point io_deadline(std::chrono::milliseconds timeout) {
  return timeout.count() > 0 ? deadline_after(std::chrono::steady_clock::now(), timeout)
                             : std::chrono::steady_clock::time_point{};
}

}  // namespace detail

REDISPP_DECL std::unique_ptr<TlsStream> TlsStream::connect(const ConnectionOptions& options, const std::string& endpoint) {
  const TlsOptions& tls = *options.tls;
  std::shared_ptr<SSL_CTX> context = tls_client_context(tls, endpoint);
  const int fd = detail::connect_socket(options, endpoint);
  SSL* ssl = nullptr;
  // Owns the socket and the session until the stream does.
  struct Pending {
    int fd;
    SSL*& ssl;
    ~Pending() {
      if (fd < 0) return;
      if (ssl != nullptr) SSL_free(ssl);
      ::close(fd);
    }
  } pending{fd, ssl};
  const auto fail = [&endpoint](const std::string& what) {
    throw ConnectionError(fmt::format("TLS connection to {} failed: {}", endpoint, what));
  };

  const int flags = ::fcntl(fd, F_GETFL, 0);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) fail(detail::errno_text(errno));
  ERR_clear_error();
  ssl = SSL_new(context.get());
  BIO* bio = detail::tls_bio_method() != nullptr ? BIO_new(detail::tls_bio_method()) : nullptr;
  if (ssl == nullptr || bio == nullptr) {
    if (bio != nullptr) BIO_free(bio);
    fail("OpenSSL could not make a session: " + detail::openssl_error_text());
  }
  BIO_set_fd(bio, fd, BIO_NOCLOSE);
  SSL_set_bio(ssl, bio, bio);

  TlsHandshakeNotes notes;
  prepare_tls_session(ssl, context.get(), tls, options.host, notes, endpoint);

  // The handshake is part of connecting: socket_connect_timeout, by the rule of detail/deadline.hpp.
  const detail::OwnWaitLimit limit = detail::own_wait_limit({options.socket_connect_timeout, "socket_connect_timeout"},
                                                            {options.socket_timeout, "socket_timeout"});
  const auto deadline = detail::io_deadline(limit.limit);
  for (;;) {
    ERR_clear_error();
    errno = 0;
    const int result = SSL_connect(ssl);
    if (result == 1) break;
    const int saved_errno = errno;
    const int kind = SSL_get_error(ssl, result);
    if (kind == SSL_ERROR_WANT_READ || kind == SSL_ERROR_WANT_WRITE) {
      if (!detail::wait_until(fd, kind == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline))
        throw TimeoutError(tls_handshake_timeout(ssl, notes, endpoint, limit.limit, detail::describe(limit)));
      continue;
    }
    fail(tls_handshake_failure(ssl, result, notes, tls, saved_errno));
  }
  // `notes` goes out of scope with this function: no callback may look for it afterwards (on a
  // failure above, the session is freed with it).
  finish_tls_session(ssl, notes);
  auto stream = std::make_unique<TlsStream>(fd, ssl, std::move(context), options.socket_timeout);
  stream->asked_for_client_certificate_ = notes.asked_for_client_certificate;
  stream->sent_client_certificate_ = SSL_get_certificate(ssl) != nullptr;
  pending.fd = -1;
  return stream;
}

REDISPP_DECL std::unique_ptr<Stream> open_tls_stream(const ConnectionOptions& options, const std::string& endpoint) {
  return TlsStream::connect(options, endpoint);
}

REDISPP_DECL TlsStream::~TlsStream() {
  // close_notify, without waiting for the server's: a courtesy, not a guarantee. Never in a
  // child after fork (the parent's session must go on) or after a fatal error (OpenSSL forbids it).
  if (!abandoned_ && !broken_) {
    ERR_clear_error();
    SSL_shutdown(ssl_);
  }
  SSL_free(ssl_);
  ::close(fd_);
  ERR_clear_error();
}

REDISPP_DECL IoResult TlsStream::write(std::string_view bytes) noexcept {
  IoResult result;
  const auto deadline = detail::io_deadline(write_timeout_);
  while (!bytes.empty()) {
    int sent = 0;
    int kind = SSL_ERROR_NONE;
    int saved_errno = 0;
    {
      std::lock_guard<std::mutex> lock(ssl_mutex_);
      ERR_clear_error();
      errno = 0;
      sent = SSL_write(ssl_, bytes.data(), static_cast<int>(std::min<std::size_t>(bytes.size(), INT_MAX)));
      saved_errno = errno;
      if (sent <= 0) kind = SSL_get_error(ssl_, sent);
    }
    if (sent > 0) {
      result.bytes += static_cast<std::size_t>(sent);
      bytes.remove_prefix(static_cast<std::size_t>(sent));
      continue;
    }
    if (kind == SSL_ERROR_WANT_WRITE || kind == SSL_ERROR_WANT_READ) {
      if (!detail::wait_until(fd_, kind == SSL_ERROR_WANT_WRITE ? POLLOUT : POLLIN, deadline)) {
        result.error = std::make_error_code(std::errc::timed_out);
        return result;
      }
      continue;
    }
    broken_ = true;
    result.error = tls_session_error(kind, saved_errno);
    if (!result.error) result.error = std::make_error_code(std::errc::broken_pipe);  // closed: nothing more can go
    result.error = explain_early_close(result.error);
    return result;
  }
  return result;
}

REDISPP_DECL IoResult TlsStream::read(std::span<char> room, std::chrono::milliseconds timeout) noexcept {
  const auto deadline = detail::io_deadline(timeout);
  // Nothing buffered inside OpenSSL: the reply is not at the socket yet either, most likely (we
  // read right after a request), so wait first rather than spend a recv() on EAGAIN.
  if (!has_pending() && !detail::wait_until(fd_, POLLIN, deadline))
    return IoResult{0, std::make_error_code(std::errc::timed_out)};
  for (;;) {
    int received = 0;
    int kind = SSL_ERROR_NONE;
    int saved_errno = 0;
    {
      std::lock_guard<std::mutex> lock(ssl_mutex_);
      ERR_clear_error();
      errno = 0;
      received = SSL_read(ssl_, room.data(), static_cast<int>(std::min<std::size_t>(room.size(), INT_MAX)));
      saved_errno = errno;
      if (received <= 0) kind = SSL_get_error(ssl_, received);
    }
    if (received > 0) {
      received_data_ = true;
      return IoResult{static_cast<std::size_t>(received), {}};
    }
    if (kind == SSL_ERROR_WANT_READ || kind == SSL_ERROR_WANT_WRITE) {
      if (!detail::wait_until(fd_, kind == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline))
        return IoResult{0, std::make_error_code(std::errc::timed_out)};
      continue;
    }
    if (kind != SSL_ERROR_ZERO_RETURN) broken_ = true;
    return IoResult{0, explain_early_close(tls_session_error(kind, saved_errno))};
  }
}

REDISPP_DECL std::error_code TlsStream::explain_early_close(std::error_code error) const noexcept {
  // With TLS 1.3 the server judges our certificate (or its absence) after the client's part of
  // the handshake is over, then closes; its alert saying why may be lost to the reset. A close
  // before any reply, after it asked for a certificate, means it did not accept what we sent.
  const bool closed = !error || error == std::errc::connection_reset || error == std::errc::broken_pipe;
  if (!closed || !asked_for_client_certificate_ || received_data_) return error;
  return {static_cast<int>(sent_client_certificate_ ? TlsErrc::client_certificate_rejected
                                                    : TlsErrc::client_certificate_required),
          tls_category()};
}

REDISPP_DECL bool TlsStream::has_pending() noexcept {
  std::lock_guard<std::mutex> lock(ssl_mutex_);
  return SSL_has_pending(ssl_) != 0;
}

REDISPP_DECL bool TlsStream::readable() noexcept {
  if (has_pending()) {
    std::lock_guard<std::mutex> lock(ssl_mutex_);
    if (SSL_pending(ssl_) > 0) return true;
  }
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, 0) == 0 && !has_pending()) return false;
  // Bytes at the socket (or read ahead) may be records with no data for us (TLS 1.3 session
  // tickets): peek processes those and reports only data, a close or an error.
  char byte = 0;
  std::lock_guard<std::mutex> lock(ssl_mutex_);
  ERR_clear_error();
  const int peeked = SSL_peek(ssl_, &byte, 1);
  if (peeked > 0) return true;
  const int kind = SSL_get_error(ssl_, peeked);
  return kind != SSL_ERROR_WANT_READ && kind != SSL_ERROR_WANT_WRITE;
}

REDISPP_DECL std::string TlsStream::protocol_version() const { return SSL_get_version(ssl_); }

REDISPP_DECL std::string TlsStream::cipher() const {
  const char* name = SSL_get_cipher_name(ssl_);
  return name != nullptr ? name : "";
}

}  // namespace redispp
