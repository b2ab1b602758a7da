#pragma once
// SocketStream: a connected TCP or Unix socket as a Stream (transport/stream.hpp).
//
// Blocking sockets: one request is one send() and (usually) one recv(), as in hiredis'
// synchronous API. The read time-out is SO_RCVTIMEO, set again only when it changes (blocking
// commands stretch it); the write time-out is SO_SNDTIMEO (socket_timeout). Connecting is the
// one non-blocking step: connect() + poll() is the only portable way to give it a time-out.

#include <memory>  // std::unique_ptr
#include <string>  // std::string

#include <redispp/config.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono::milliseconds
#include <redispp/transport/stream.hpp>

namespace redispp {

class SocketStream final : public Stream {
 public:
  /// Connects to options.unix_socket_path, or to every address options.host resolves to in
  /// turn. Throws ConnectionError / TimeoutError naming `endpoint` and what to check.
  static std::unique_ptr<SocketStream> connect(const ConnectionOptions& options, const std::string& endpoint);

  explicit SocketStream(int fd) noexcept : fd_(fd) {}
  REDISPP_DECL ~SocketStream() override;
  SocketStream(const SocketStream&) = delete;
  SocketStream& operator=(const SocketStream&) = delete;

  REDISPP_DECL IoResult write(std::string_view bytes) noexcept override;
  REDISPP_DECL IoResult read(std::span<char> room, std::chrono::milliseconds timeout) noexcept override;
  REDISPP_DECL bool readable() noexcept override;
  int native_handle() const noexcept { return fd_; }

 private:
  int fd_;
  std::chrono::milliseconds receive_timeout_set_{0};  // what SO_RCVTIMEO holds now
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/socket_stream.ipp>
#include <redispp/impl/stream.ipp>
#endif
