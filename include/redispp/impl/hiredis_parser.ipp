#pragma once
// STUB: replaced by the real parser.
#include <hiredis/hiredis.h>
#include <redispp/errors.hpp>
#include <redispp/protocol/hiredis_parser.hpp>
namespace redispp {
REDISPP_DECL HiredisParser::HiredisParser(const ParserLimits& limits) : limits_(limits) {}
REDISPP_DECL HiredisParser::~HiredisParser() = default;
REDISPP_DECL void HiredisParser::feed(std::string_view) {}
REDISPP_DECL std::optional<Reply> HiredisParser::next() { throw ProtocolError("not implemented"); }
REDISPP_DECL void HiredisParser::reset() {}
REDISPP_DECL std::size_t HiredisParser::buffered() const noexcept { return 0; }
REDISPP_DECL void HiredisParser::shrink(std::size_t) {}
REDISPP_DECL bool HiredisParser::supports_resp3() noexcept { return HIREDIS_MAJOR >= 1; }
REDISPP_DECL std::string HiredisParser::hiredis_version() {
  return std::to_string(HIREDIS_MAJOR) + "." + std::to_string(HIREDIS_MINOR) + "." + std::to_string(HIREDIS_PATCH);
}
}  // namespace redispp
