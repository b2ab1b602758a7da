#pragma once
// TlsStream: TLS (OpenSSL) over a TCP socket, as a Stream (transport/stream.hpp). open_stream
// makes one when ConnectionOptions::tls is set; the Connection above it does not know the
// difference (hiredis' ssl.c plays the same part under redisContextFuncs).
//
// How it differs from a plain socket, and why:
// - The socket is non-blocking and every wait is a poll() with the time-out: OpenSSL may need to
//   write while we read (and the reverse), so SO_RCVTIMEO/SO_SNDTIMEO cannot bound a call.
// - Reads and writes go through a socket BIO of our own that sends with MSG_NOSIGNAL: OpenSSL's
//   own socket BIO write()s, and a peer that went away would kill the process with SIGPIPE.
// - readable() looks past TLS records that carry no data (TLS 1.3 session tickets, key
//   updates), so the pool's checkout probe does not take them for an unsolicited reply.
// - abandon() (a child after fork) skips close_notify: the parent's session goes on.
// - One thread may read while another writes (a PubSub reader and a thread subscribing): an
//   SSL object allows neither at once, so every SSL call holds a mutex. The waits (poll) do
//   not, so a writer never waits for a reader's idle wait.
//
// Failures name what failed (the words are transport/tls_context.hpp's): every TLS handshake
// failure is a ConnectionError saying which (certificate not trusted and by which CA file,
// hostname mismatch with the certificate's names, expired, client certificate required or
// rejected, a plain port on the other end, bytes that are not TLS, no protocol version in
// common), or a TimeoutError after socket_connect_timeout saying how far the server got (a
// handshake begun and stalled, or silence: from a plain Redis port, or from a stopped server,
// known as one when it spoke TLS to this process before). After the handshake, TLS failures
// come back as std::error_codes of tls_category(): with TLS 1.3 a server that wants a client
// certificate says so only on the first read.

#include <atomic>        // std::atomic
#include <memory>        // std::unique_ptr, std::shared_ptr
#include <mutex>         // std::mutex
#include <string>        // std::string
#include <system_error>  // std::error_code

#include <redispp/config.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono::milliseconds
#include <redispp/transport/stream.hpp>
#include <redispp/transport/tls_context.hpp>  // TlsErrc, tls_category
#include <redispp/transport/tls_options.hpp>

struct ssl_st;  // OpenSSL's SSL

namespace redispp {

class TlsStream final : public Stream {
 public:
  /// Connects the TCP socket (as SocketStream does) and runs the TLS handshake within
  /// socket_connect_timeout (socket_timeout when that is 0, 5 s when both are: the rule of
  /// detail::own_wait_limit). Throws ConnectionError naming `endpoint` and the cause, or
  /// TimeoutError.
  static std::unique_ptr<TlsStream> connect(const ConnectionOptions& options, const std::string& endpoint);

  TlsStream(int fd, ssl_st* ssl, std::shared_ptr<ssl_ctx_st> context, std::chrono::milliseconds write_timeout) noexcept
      : fd_(fd), ssl_(ssl), context_(std::move(context)), write_timeout_(write_timeout) {}
  REDISPP_DECL ~TlsStream() override;
  TlsStream(const TlsStream&) = delete;
  TlsStream& operator=(const TlsStream&) = delete;

  REDISPP_DECL IoResult write(std::string_view bytes) noexcept override;
  REDISPP_DECL IoResult read(std::span<char> room, std::chrono::milliseconds timeout) noexcept override;
  REDISPP_DECL bool readable() noexcept override;
  void abandon() noexcept override { abandoned_ = true; }

  /// "TLSv1.3": the protocol version agreed on.
  std::string protocol_version() const;
  /// "TLS_AES_256_GCM_SHA384": the cipher agreed on.
  std::string cipher() const;

 private:
  // A close (or reset) before any reply, after the server asked for a client certificate, is
  // reported as TlsErrc::client_certificate_required (we had none) or _rejected.
  std::error_code explain_early_close(std::error_code error) const noexcept;
  bool has_pending() noexcept;  // records or data OpenSSL holds that the socket no longer does

  int fd_;
  ssl_st* ssl_;
  std::shared_ptr<ssl_ctx_st> context_;  // outlives ssl_, which refers to it
  std::chrono::milliseconds write_timeout_;
  bool abandoned_ = false;
  std::atomic<bool> broken_{false};  // after a fatal error OpenSSL forbids SSL_shutdown
  bool asked_for_client_certificate_ = false;  // during the handshake
  bool sent_client_certificate_ = false;
  std::atomic<bool> received_data_{false};  // atomic, as broken_: set by a reader, read by a writer
  std::mutex ssl_mutex_;  // around every SSL call: see the top of this file
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/tls_stream.ipp>
#endif
