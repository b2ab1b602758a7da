#pragma once
// RespParser: redispp's own RESP2 + RESP3 parser. (Declaration stub: the parser helper fills
// this in; see impl/resp_parser.ipp.)

#include <redispp/protocol/parser.hpp>

namespace redispp {

class RespParser final : public Parser {
 public:
  explicit RespParser(const ParserLimits& limits = {});
  void feed(std::string_view bytes) override;
  std::optional<Reply> next() override;
  void reset() override;
  ParserKind kind() const noexcept override { return ParserKind::builtin; }
  std::size_t buffered() const noexcept override;
  void shrink(std::size_t keep) override;

 private:
  ParserLimits limits_;
  std::string buffer_;
  std::size_t position_ = 0;
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/resp_parser.ipp>
#endif
