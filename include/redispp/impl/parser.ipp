#pragma once
// make_parser() and the choice between the two parsers.

#include <fmt/format.h>

#include <redispp/errors.hpp>
#include <redispp/protocol/parser.hpp>
#include <redispp/protocol/resp_parser.hpp>
#ifdef REDISPP_WITH_HIREDIS
#include <redispp/protocol/hiredis_parser.hpp>
#endif

namespace redispp {

REDISPP_DECL std::string_view to_string(ParserKind kind) noexcept {
  switch (kind) {
    case ParserKind::automatic: return "automatic";
    case ParserKind::builtin: return "builtin";
    case ParserKind::hiredis: return "hiredis";
  }
  return "unknown";
}

REDISPP_DECL std::unique_ptr<Parser> make_parser(ParserKind kind, const ParserLimits& limits) {
  switch (kind) {
    case ParserKind::automatic:
    case ParserKind::builtin: return std::make_unique<RespParser>(limits);
    case ParserKind::hiredis:
#ifdef REDISPP_WITH_HIREDIS
      return std::make_unique<HiredisParser>(limits);
#else
      throw DataError("the hiredis parser was asked for, but redispp was built without hiredis "
                      "(REDISPP_WITH_HIREDIS=OFF)");
#endif
  }
  throw DataError(fmt::format("unknown ParserKind {}", static_cast<int>(kind)));
}

// `protocol` is not checked again here: validate() (impl/options.ipp) refuses anything but 2 and
// 3 when the Connection or pool is made, with the field's name.
REDISPP_DECL ParserKind resolve_parser_kind(ParserKind kind, [[maybe_unused]] int protocol) {
  if (kind == ParserKind::automatic) return ParserKind::builtin;
#ifdef REDISPP_WITH_HIREDIS
  if (kind == ParserKind::hiredis && protocol == 3 && !HiredisParser::supports_resp3())
    throw DataError(fmt::format("the hiredis parser cannot read RESP3 with hiredis {} (RESP3 needs hiredis >= 1.1): "
                                "use protocol=2, or ParserKind::builtin / automatic",
                                HiredisParser::hiredis_version()));
#endif
  return kind;
}

}  // namespace redispp
