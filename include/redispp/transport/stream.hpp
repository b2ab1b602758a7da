#pragma once
// Stream: the byte stream under a Connection. A Connection speaks RESP over whatever stream it
// was given and does not know which kind it has; connecting, time-outs and closing are the
// stream's business (hiredis' redisContextFuncs is the model). Kinds: a TCP or Unix socket
// (transport/socket_stream.hpp), and TLS over TCP (transport/tls_stream.hpp, when redispp is
// built with REDISPP_WITH_TLS).
//
// Errors are returned, not thrown, as std::error_code values (std::errc::timed_out when nothing
// came in time, the errno of a socket call otherwise): the connection decides what they mean to
// its caller, and may read first (a server refusing a client writes its reason, then closes).

#include <cstddef>       // std::size_t
#include <memory>        // std::unique_ptr
#include <span>          // std::span
#include <string>        // std::string
#include <string_view>   // std::string_view
#include <system_error>  // std::error_code

#include <redispp/config.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono::milliseconds

namespace redispp {

struct ConnectionOptions;

/// What one read or write did: the bytes moved, and the error that stopped it (if any).
struct IoResult {
  std::size_t bytes = 0;
  std::error_code error;
};

/// Threads: one thread may write() while another read()s (PubSub does, to subscribe while its
/// reader waits); nothing else may run at once.
class Stream {
 public:
  virtual ~Stream() = default;  // closes the stream

  /// Writes all of `bytes`, blocking (bounded by the time-out the stream was opened with).
  /// `bytes` in the result counts what left before an error.
  virtual IoResult write(std::string_view bytes) noexcept = 0;
  /// Waits up to `timeout` (0 = no limit) for bytes and reads what is there into `room`.
  /// {0, no error}: the peer closed the stream; std::errc::timed_out: nothing came in time.
  virtual IoResult read(std::span<char> room, std::chrono::milliseconds timeout) noexcept = 0;
  /// Without waiting: whether bytes, or the peer's close, are waiting to be read.
  virtual bool readable() noexcept = 0;
  /// In a child after fork(): let go of the stream without a word on the wire, since the parent
  /// still uses it. A socket's destructor already says nothing; a TLS stream must skip its
  /// close_notify here.
  virtual void abandon() noexcept {}
};

/// Opens and connects the stream `options` ask for (TLS when tls is set, a Unix socket when
/// unix_socket_path is, TCP otherwise), within socket_connect_timeout. Throws ConnectionError or TimeoutError
/// naming `endpoint` and the cause.
REDISPP_DECL std::unique_ptr<Stream> open_stream(const ConnectionOptions& options, const std::string& endpoint);

#ifdef REDISPP_WITH_TLS
/// open_stream for options.tls: TlsStream::connect (transport/tls_stream.hpp). A function of its
/// own so that open_stream needs no TLS header, whichever header a program includes first.
REDISPP_DECL std::unique_ptr<Stream> open_tls_stream(const ConnectionOptions& options, const std::string& endpoint);
#endif

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
// open_stream's implementation (impl/stream.ipp) needs SocketStream: socket_stream.hpp brings
// both, after this header's declarations; tls_stream.hpp brings open_tls_stream's.
#include <redispp/transport/socket_stream.hpp>
#ifdef REDISPP_WITH_TLS
#include <redispp/transport/tls_stream.hpp>
#endif
#endif
