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
#include <utility>      // std::move
#include <vector>       // std::vector

#include <redispp/config.hpp>
#include <redispp/protocol/reply.hpp>

namespace redispp {

enum class ParserKind {
  automatic,  // the faster one that can speak the protocol asked for (see make_parser)
  builtin,    // redispp's own RESP2 + RESP3 parser
  hiredis,    // hiredis' reader (RESP2 only with hiredis < 1.1)
};

REDISPP_DECL std::string_view to_string(ParserKind kind) noexcept;

/// Limits that turn hostile or corrupt input into a ProtocolError instead of a crash or a huge
/// allocation. Both parsers enforce all of them (the hiredis parser in callbacks and checks
/// around hiredis' reader, plus what hiredis itself refuses: see hiredis_parser.hpp).
///
/// Every line is bounded, and a line is refused as soon as it has grown past its bound without
/// a CRLF, not when the CRLF finally arrives:
///   - number lines: an integer (':'), the length of a bulk string, verbatim string, blob error
///     or aggregate ('$' '=' '!' '*' '%' '~' '>' '|'), a boolean ('#') or a null ('_'): at most
///     max_number_line bytes (no valid one is longer than 21);
///   - doubles (','): at most max_double_line bytes (the longest hiredis' reader accepts);
///   - simple strings, errors and big numbers ('+' '-' '('): at most max_line_length.
///
/// Memory per aggregate element: every element of a reply is a Reply of sizeof(Reply) bytes
/// (80 with libstdc++ on a 64-bit machine; tests/unit/protocol/parser_test.cpp checks it) in its
/// parent's std::vector, whose capacity grows by doubling (up to twice what is used), plus the
/// heap block of any string longer than std::string's inline buffer (15 bytes in libstdc++).
/// The smallest elements on the wire (":1\r\n", "_\r\n") are 3-4 bytes, so an honest array of
/// small integers costs about 20-50 times its size on the wire: 30 million of them (120 MB sent)
/// make 2.4 GB of Reply values, 2.8 GB with the vector's spare room. max_aggregate_length caps
/// one aggregate (not the sum over a reply's nested aggregates); set it to what the
/// application's largest expected reply needs when replies come from an untrusted server.
struct ParserLimits {
  /// Bytes of a number line (see above) after its type byte, without the CRLF. Not a setting:
  /// no valid number needs more.
  static constexpr std::size_t max_number_line = 64;
  /// Bytes of a double line after the ',' without the CRLF: hiredis' reader refuses longer ones
  /// (a double Redis sends is at most 24 bytes; this leaves room for plain decimal notation).
  static constexpr std::size_t max_double_line = 325;

  /// Longest bulk string, verbatim string or blob error accepted (Redis' own
  /// proto-max-bulk-len default).
  std::size_t max_bulk_length = 512u * 1024 * 1024;
  /// Longest simple string, error or big number line, without its CRLF. Generous by default
  /// because MONITOR reports every command as one simple string quoting all its arguments
  /// (escaped: up to 4 bytes per byte), so a SET of a large value makes a line as long; lower
  /// it when the connection never runs MONITOR.
  std::size_t max_line_length = 512u * 1024 * 1024;
  /// Deepest nesting of aggregates accepted; a top-level array is depth 1.
  std::size_t max_depth = 512;
  /// Most elements one aggregate may announce (a map's pairs count twice). Memory is never
  /// reserved from an announced length before the bytes arrive, whatever this is; but what
  /// honestly arrives costs about sizeof(Reply) per element (see above).
  std::size_t max_aggregate_length = std::size_t{1} << 32;
};

/// Where Parser::next_strings() hands a reply made only of bulk strings (LRANGE, HGETALL,
/// SMEMBERS ...), so that a typed command fills its C++ value straight from the read buffer,
/// without a Reply per element (protocol/strings_target.hpp has the sinks the client uses).
class StringsSink {
 public:
  /// First, once the whole reply is buffered: its type (array, set or map) and how many
  /// elements follow (a map's pairs count twice). False refuses it: next() then reads it.
  virtual bool begin(ReplyType type, std::size_t count) = 0;
  /// Each element, in order; the view is good until next_strings() returns (a map's key is
  /// still there when its value comes).
  virtual void add(std::string_view element) = 0;

 protected:
  ~StringsSink() = default;
};

/// What Parser::next_strings() did.
enum class StringsRead {
  taken,        // the reply went to the sink and left the buffer
  need_more,    // it may be one, but has not fully arrived: read more bytes, then ask again
  not_strings,  // anything else (refused by the sink too): next() reads it, nothing was taken
};

class Parser {
 public:
  virtual ~Parser() = default;

  /// Appends bytes received from the server.
  virtual void feed(std::string_view bytes) = 0;
  /// The next complete reply, or std::nullopt when more bytes are needed.
  /// Throws ProtocolError on malformed input.
  virtual std::optional<Reply> next() = 0;
  /// The next complete reply appended to `out` (true), or false when more bytes are needed:
  /// what next() does, for a caller collecting many replies (a pipeline's), without moving each
  /// one out of an std::optional. Throws as next().
  virtual bool next_into(std::vector<Reply>& out) {
    std::optional<Reply> reply = next();
    if (!reply) return false;
    out.push_back(std::move(*reply));
    return true;
  }
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

  /// A fast path for floods of small frames (pub/sub messages): when the next buffered reply is
  /// a whole array or push of 1 to out.size() bulk strings, stores views of them in `out`, takes
  /// the reply out of the buffer and returns how many there were; otherwise returns 0, takes
  /// nothing, and next() reads the reply as usual (anything else, a reply cut short, malformed
  /// bytes: next() decides). The views stay good until the parser is next fed, reset, or asked
  /// for a reply. No Reply is built. The default never takes the fast path.
  virtual std::size_t next_flat(std::span<std::string_view> out) {
    (void)out;
    return 0;
  }
  /// The typed commands' fast path: when the next reply is an array, set or map whose elements
  /// are all bulk strings, and it has fully arrived, hands it to `sink` (see StringsSink); see
  /// StringsRead for the rest. Bytes of a reply that has not fully arrived are scanned once, not
  /// again on every call. The default never takes the fast path.
  virtual StringsRead next_strings(StringsSink& sink) {
    (void)sink;
    return StringsRead::not_strings;
  }

 private:
  std::string scratch_;
};

/// Creates a parser. ParserKind::automatic picks the built-in parser: it speaks RESP3 whatever
/// hiredis is installed, and bench/parser compares it with hiredis' reader (README, "Benchmarks";
/// the ratios depend on the reply's shape and on the hiredis version).
/// Asking for ParserKind::hiredis when redispp was built without hiredis throws DataError.
REDISPP_DECL std::unique_ptr<Parser> make_parser(ParserKind kind = ParserKind::automatic,
                                                 const ParserLimits& limits = {});

/// Resolves `automatic` and checks that `kind` can speak `protocol` (2 or 3, as validate()
/// checks). Throws DataError naming the hiredis version when the linked hiredis cannot parse
/// RESP3 (before 1.1).
REDISPP_DECL ParserKind resolve_parser_kind(ParserKind kind, int protocol);

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/parser.ipp>
#endif
