#pragma once
// Parser: the interface both reply parsers implement, and make_parser() to pick one.
//
// A parser does no IO. Bytes go in through feed() (or prepare()/commit(), which let a socket
// read straight into the parser's buffer), complete replies come out of next(). next() returning
// std::nullopt means "need more bytes" and is never an error; malformed input throws
// ProtocolError, after which the parser must be reset() before it is fed again.

#include <cstddef>      // std::size_t
#include <memory>       // std::unique_ptr
#include <optional>     // std::optional
#include <span>         // std::span
#include <string>       // std::string
#include <string_view>  // std::string_view

#include <redispp/config.hpp>
#include <redispp/protocol/reply.hpp>

namespace redispp {

enum class ParserKind {
  automatic,  // the faster one that can speak the protocol asked for (see make_parser)
  builtin,    // redispp's own RESP2 + RESP3 parser
  hiredis,    // hiredis' reader (RESP2 only with hiredis < 1.0)
};

REDISPP_DECL std::string_view to_string(ParserKind kind) noexcept;

/// Limits that turn hostile or corrupt input into a ProtocolError instead of a crash or a huge
/// allocation. The hiredis parser enforces what hiredis itself enforces (see hiredis_parser.hpp).
struct ParserLimits {
  /// Longest bulk string, verbatim string, blob error or big number accepted (Redis' own
  /// proto-max-bulk-len default).
  std::size_t max_bulk_length = 512u * 1024 * 1024;
  /// Deepest nesting of aggregates accepted; a top-level array is depth 1.
  std::size_t max_depth = 512;
  /// Most elements one aggregate may announce (a map's pairs count twice). Memory is never
  /// reserved from an announced length before the bytes arrive, whatever this is.
  std::size_t max_aggregate_length = std::size_t{1} << 32;
};

class Parser {
 public:
  virtual ~Parser() = default;

  /// Appends bytes received from the server.
  virtual void feed(std::string_view bytes) = 0;
  /// The next complete reply, or std::nullopt when more bytes are needed.
  /// Throws ProtocolError on malformed input.
  virtual std::optional<Reply> next() = 0;
  /// Forgets buffered bytes and any half-parsed reply; the parser is usable again.
  virtual void reset() = 0;
  virtual ParserKind kind() const noexcept = 0;
  /// Bytes fed but not yet returned as part of a reply.
  virtual std::size_t buffered() const noexcept = 0;
  /// Gives back memory beyond `keep` bytes held in idle buffers (after a large reply).
  virtual void shrink(std::size_t keep) = 0;
  /// Bytes of heap memory the parser holds for its buffers (what an idle connection costs).
  virtual std::size_t buffer_memory() const noexcept { return scratch_.capacity(); }

  /// A writable region of at least `size` bytes; commit(n) then makes its first n bytes input.
  /// The default goes through a scratch buffer and feed(); the built-in parser overrides both to
  /// avoid the copy.
  virtual std::span<char> prepare(std::size_t size) {
    if (scratch_.size() < size) scratch_.resize(size);
    return {scratch_.data(), size};
  }
  virtual void commit(std::size_t size) { feed(std::string_view(scratch_.data(), size)); }

 private:
  std::string scratch_;
};

/// Creates a parser. ParserKind::automatic picks the built-in parser: bench/parser measures it
/// faster than hiredis' reader on flat replies (1.1x to 2.2x; about even, 0.96x, on nested
/// arrays: README, "Benchmarks"), and it speaks RESP3.
/// Asking for ParserKind::hiredis when redispp was built without hiredis throws DataError.
REDISPP_DECL std::unique_ptr<Parser> make_parser(ParserKind kind = ParserKind::automatic,
                                                 const ParserLimits& limits = {});

/// Resolves `automatic` and checks that `kind` can speak `protocol` (2 or 3). Throws DataError
/// naming the hiredis version when hiredis cannot parse RESP3, and for a protocol other than 2 or 3.
REDISPP_DECL ParserKind resolve_parser_kind(ParserKind kind, int protocol);

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/parser.ipp>
#endif
