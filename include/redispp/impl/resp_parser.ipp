#pragma once
// STUB: replaced by the real parser.
#include <redispp/errors.hpp>
#include <redispp/protocol/resp_parser.hpp>
namespace redispp {
REDISPP_DECL RespParser::RespParser(const ParserLimits& limits) : limits_(limits) {}
REDISPP_DECL void RespParser::feed(std::string_view bytes) { buffer_.append(bytes); }
REDISPP_DECL std::optional<Reply> RespParser::next() { throw ProtocolError("not implemented"); }
REDISPP_DECL void RespParser::reset() { buffer_.clear(); position_ = 0; }
REDISPP_DECL std::size_t RespParser::buffered() const noexcept { return buffer_.size() - position_; }
REDISPP_DECL void RespParser::shrink(std::size_t) {}
}  // namespace redispp
