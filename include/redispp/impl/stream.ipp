#pragma once
// open_stream: which Stream a connection's options ask for.

#include <redispp/transport/options.hpp>
#include <redispp/transport/socket_stream.hpp>
#include <redispp/transport/stream.hpp>

namespace redispp {

REDISPP_DECL std::unique_ptr<Stream> open_stream(const ConnectionOptions& options, const std::string& endpoint) {
  return SocketStream::connect(options, endpoint);
}

}  // namespace redispp
