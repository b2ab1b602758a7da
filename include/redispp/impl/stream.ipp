#pragma once
// open_stream: which Stream a connection's options ask for.

#include <redispp/errors.hpp>
#include <redispp/transport/options.hpp>
#include <redispp/transport/socket_stream.hpp>
#include <redispp/transport/stream.hpp>

namespace redispp {

REDISPP_DECL std::unique_ptr<Stream> open_stream(const ConnectionOptions& options, const std::string& endpoint) {
  if (options.tls) {
#ifdef REDISPP_WITH_TLS
    return open_tls_stream(options, endpoint);
#else
    throw ConnectionError("TLS connection to " + endpoint +
                          " failed: this redispp was built without TLS (configure it with -DREDISPP_WITH_TLS=ON, "
                          "with OpenSSL's headers installed: Debian's libssl-dev)");
#endif
  }
  return SocketStream::connect(options, endpoint);
}

}  // namespace redispp
