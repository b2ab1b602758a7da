// Redis::run<T> and convert<T> for the most common reply types (protocol/common_reply_types.hpp),
// compiled once into redispp::redispp; client.hpp and convert.hpp declare them extern, so a file
// that calls a command does not compile its round trip and conversion again.
//
// A translation unit of its own, not a part of src/redispp.cpp: in that one large file GCC's
// inliner spends its growth budget for the whole unit before it reaches these, and left calls in
// the reply loops (the std::string constructor in each LRANGE element: +7% instructions per
// LRANGE 100, +4% per HGETALL 100 and per SET, bench/README.md).
#ifdef REDISPP_HEADER_ONLY
#error "src/common_reply_types.cpp is part of the compiled library; header-only users do not build it"
#endif

#include <redispp/client.hpp>
#include <redispp/protocol/common_reply_types.hpp>
#include <redispp/protocol/convert.hpp>

namespace redispp {

#define REDISPP_INSTANTIATE_CONVERT(T) template T convert<T>(Reply &&);
REDISPP_COMMON_REPLY_TYPES(REDISPP_INSTANTIATE_CONVERT)
#undef REDISPP_INSTANTIATE_CONVERT

#define REDISPP_INSTANTIATE_RUN(T) template T Redis::run<T>(Command<T> &&);
REDISPP_COMMON_REPLY_TYPES(REDISPP_INSTANTIATE_RUN)
#undef REDISPP_INSTANTIATE_RUN

}  // namespace redispp
