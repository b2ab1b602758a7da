#pragma once
// HiredisParser: hiredis' reader building redispp::Reply directly through
// redisReplyObjectFunctions. (Declaration stub: filled in by the hiredis helper.)
// This header does not include hiredis' headers: the reader is an opaque pointer.

#include <redispp/protocol/parser.hpp>

namespace redispp {

class HiredisParser final : public Parser {
 public:
  explicit HiredisParser(const ParserLimits& limits = {});
  ~HiredisParser() override;
  HiredisParser(const HiredisParser&) = delete;
  HiredisParser& operator=(const HiredisParser&) = delete;

  void feed(std::string_view bytes) override;
  std::optional<Reply> next() override;
  void reset() override;
  ParserKind kind() const noexcept override { return ParserKind::hiredis; }
  std::size_t buffered() const noexcept override;
  void shrink(std::size_t keep) override;

  /// True when the linked hiredis can read RESP3 (hiredis >= 1.0).
  static bool supports_resp3() noexcept;
  /// "0.14.1"
  static std::string hiredis_version();

 private:
  void* reader_ = nullptr;  // redisReader*
  ParserLimits limits_;
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/hiredis_parser.ipp>
#endif
