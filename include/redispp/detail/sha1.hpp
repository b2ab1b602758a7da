#pragma once
// SHA-1, for the one thing redispp needs it for: the name Redis gives a Lua script (EVALSHA,
// SCRIPT LOAD / EXISTS), computed on the client so a Script knows its sha before the server has
// seen the script. Not for anything that needs a secure hash: SHA-1 is broken for that, and
// Redis' choice of it is why it is here. Written out rather than taken from OpenSSL so that the
// core library does not depend on OpenSSL (FIPS 180-4, section 6.1).
//
//   redispp::detail::sha1_hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d"

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t, std::uint64_t
#include <string>       // std::string
#include <string_view>  // std::string_view

#include <redispp/config.hpp>

namespace redispp::detail {

/// The SHA-1 of `data`, as 40 lower-case hex digits (how Redis prints a script's sha).
REDISPP_DECL std::string sha1_hex(std::string_view data);

}  // namespace redispp::detail

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/sha1.ipp>
#endif
