// HiredisParser: hiredis' reader (read.h) building redispp::Reply directly through
// redisReplyObjectFunctions: no redisReply tree is built and converted afterwards.
//
// Works with hiredis 0.14 and 1.0 to 1.4 (impl/hiredis_parser.ipp lists what changed between
// them). This header does not include hiredis' headers: the reader is an opaque pointer, and
// impl/hiredis_parser.ipp holds the glue.
//
// What it reads, with every hiredis: the five RESP2 types. '+' becomes ReplyType::simple_string,
// '-' error, ':' integer, '$' bulk_string, '*' array; "$-1" and "*-1" become nil.
// With hiredis >= 1.0 also RESP3, read as the built-in RespParser reads it (see resp_parser.hpp),
// with these differences, all of them hiredis' own:
//   - '!' blob errors are refused ("Protocol error, got "!" as reply type byte"); Redis does not
//     send them.
//   - '|' attributes are refused by hiredis before 1.4 (an unknown type byte); from 1.4 they are
//     attached to the value after them, as the built-in parser does (supports_attributes()).
//   - ",+inf" is refused (hiredis' reader takes "inf" and "-inf" only; Redis sends those).
// RESP3 is offered to connections (resolve_parser_kind) from hiredis 1.1 on: redispp's tests run
// against 1.2 and 1.4 (scripts/hiredis_compat.sh), and 1.0's reader is the one RESP3 arrived in.
//
// What hiredis reads differently from the built-in parser, in RESP2 too: integers and lengths
// strictly (its string2ll: no leading zero, no '+'), the two bytes after a bulk string unseen
// (not checked to be CR LF), and a line ends at the first CR LF pair: a lone CR or LF inside a
// simple string or error is kept as text by hiredis 0.14 and refused by 1.x.
//
// Limits: what hiredis enforces itself, plus every ParserLimits, checked from the outside of the
// reader. Each is a ProtocolError when exceeded.
//   - Nesting: hiredis 0.14's task stack has 9 slots, so arrays may nest 8 deep (a top-level
//     array is depth 1); a 9th level is refused by hiredis ("No support for nested multi bulk
//     replies with depth > 7"), whatever max_depth says. hiredis 1.x grows its stack (1.4 stops
//     at 1024 levels). max_depth is enforced when an aggregate's header arrives (empty
//     aggregates and attributes count, nil arrays do not).
//   - Aggregate length: hiredis 0.14 refuses more than INT_MAX (2^31 - 1) elements, 1.x more
//     than 2^32 - 1; max_aggregate_length is enforced when the header arrives.
//   - max_bulk_length: a bulk (or verbatim) string's announced length is checked as soon as its
//     header is buffered, before the body arrives, so an oversized string is refused without
//     buffering it (and checked again when hiredis creates it, in case header and body arrived
//     in one feed).
//   - Lines: a simple string, error or big number is refused once it has grown past
//     max_line_length without a CR LF, a number line (an integer, a length, a boolean, a null)
//     past ParserLimits::max_number_line, a double past max_double_line: hiredis would buffer
//     any of them without bound while it waits for the CR LF.
//   - Memory is never reserved from an announced length: an aggregate reserves at most one
//     element per 3 bytes hiredis has buffered after its header (no element is shorter than
//     "+\r\n"), the rule the built-in parser follows. hiredis itself buffers a bulk string
//     until all of it has arrived, as the built-in parser does.
//
// Time: hiredis searches a line it could not finish for its CR LF again from the line's start on
// every call, which made a long line arriving in small pieces quadratic (8 MiB in 16 KiB reads:
// 1.7 s). next() therefore searches only the bytes fed since its last look itself, and calls
// hiredis again only once a CR LF is there: linear in the bytes fed (reader_calls() counts).
//
// Errors: hiredis' own become "protocol error (hiredis): <hiredis' message>", e.g.
// "protocol error (hiredis): Protocol error, got \"?\" as reply type byte"; the limits above read
// "protocol error (hiredis): expected ... (max_bulk_length), got ...". There are no byte offsets:
// hiredis does not report where it failed. After an error next() throws the same error until
// reset(), which frees the reader (and any half-built reply) and creates a new one.
//
// Buffering: hiredis copies what feed() is given into its own buffer and drops consumed bytes
// once 1 KiB of them have accumulated; after a reply, an idle buffer with more than 16 KiB of
// spare room (hiredis' maxbuf) is freed on the next feed. shrink(keep), when hiredis holds at
// most `keep` unconsumed bytes in a buffer of more than `keep`, moves them to a buffer sized for
// them (at most about twice their size: hiredis' growth policy) and frees the large one.
//
// Ownership of the replies being built (see Callbacks in the .ipp): a top-level reply is built
// in root_, a member of the parser; every other value lives in its parent's elements(). hiredis
// holds pointers to these only while it fills them: it never keeps a pointer to an element
// across an append to the same vector, because it finishes each child before it reads the next.

// Include guard, not #pragma once, split in two as in resp_parser.hpp: in header-only mode
// parser.hpp includes impl/parser.ipp, whose make_parser() needs HiredisParser and includes this
// header again. When this header is the one included first, that inner inclusion must still
// define HiredisParser, so the guard is set only once parser.hpp is in.
#ifndef REDISPP_PROTOCOL_HIREDIS_PARSER_HPP
#include <redispp/protocol/parser.hpp>
#endif

#ifndef REDISPP_PROTOCOL_HIREDIS_PARSER_HPP
#define REDISPP_PROTOCOL_HIREDIS_PARSER_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint64_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view

#include <redispp/config.hpp>
#include <redispp/protocol/parser.hpp>  // Parser, ParserLimits
#include <redispp/protocol/reply.hpp>   // Reply

struct redisReader;  // hiredis' reader (hiredis/read.h), kept opaque here

namespace redispp {

/// hiredis' reply reader behind redispp's Parser interface; see the comment at the top of
/// hiredis_parser.hpp for what it reads and which limits it enforces.
class HiredisParser final : public Parser {
 public:
  /// Creates hiredis' reader. Throws std::bad_alloc when hiredis cannot allocate it.
  explicit HiredisParser(const ParserLimits& limits = {});
  REDISPP_DECL ~HiredisParser() override;
  HiredisParser(const HiredisParser&) = delete;
  HiredisParser& operator=(const HiredisParser&) = delete;

  /// Appends bytes received from the server (ignored once the parser has failed).
  REDISPP_DECL void feed(std::string_view bytes) override;
  /// The next complete reply, or std::nullopt when more bytes are needed. Throws ProtocolError
  /// (and keeps throwing it) on malformed input or an exceeded limit.
  REDISPP_DECL std::optional<Reply> next() override;
  /// Forgets all input, any half-built reply and a previous error: a new reader.
  REDISPP_DECL void reset() override;
  ParserKind kind() const noexcept override { return ParserKind::hiredis; }
  /// Bytes fed and not yet returned as part of a reply (a half-parsed reply counts in full).
  REDISPP_DECL std::size_t buffered() const noexcept override;
  /// When hiredis holds at most `keep` unconsumed bytes, moves them to a buffer sized for them.
  REDISPP_DECL void shrink(std::size_t keep) override;
  /// hiredis' input buffer plus the scratch buffer sockets read into.
  REDISPP_DECL std::size_t buffer_memory() const noexcept override;

  /// True when connections may speak RESP3 through this parser (hiredis >= 1.1).
  static bool supports_resp3() noexcept;
  /// True when the linked hiredis reads RESP3 attributes ('|'): hiredis 1.4 does, 1.2 does not.
  static bool supports_attributes() noexcept;
  /// How many times next() has run hiredis' reader since construction or reset(). next() runs
  /// it only when a reply may be complete: a test's measure that parsing stays linear.
  std::uint64_t reader_calls() const noexcept { return reader_calls_; }
  /// "0.14.1"
  static std::string hiredis_version();

 private:
  // hiredis' redisReplyObjectFunctions, defined in impl/hiredis_parser.ipp. A nested type so
  // that these C callbacks may reach root_, limits_ and pending_error_.
  struct Callbacks;

  void create_reader();
  bool line_incomplete();
  void note_waiting();
  void check_partial_limits();
  [[noreturn]] void fail(std::string message);

  ::redisReader* reader_ = nullptr;
  ParserLimits limits_;
  Reply root_;                 // the top-level reply being built (hiredis' reader->reply)
  Reply attribute_;            // a top-level attribute waiting for the reply it describes
  bool has_attribute_ = false;
  std::string pending_error_;  // a limit a callback refused, reported when hiredis gives up
  std::string error_;          // the message of the ProtocolError thrown; empty while healthy
  std::uint64_t fed_ = 0;      // bytes fed since construction or reset()
  std::uint64_t returned_ = 0; // of those, bytes up to the end of the last reply returned
  // hiredis stopped at a line it could not finish (waiting_), starting at stream offset
  // line_start_, and that line has no CR LF before no_crlf_before_.
  bool waiting_ = false;
  std::uint64_t line_start_ = 0;
  std::uint64_t no_crlf_before_ = 0;
  std::uint64_t reader_calls_ = 0;
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/hiredis_parser.ipp>
#endif

#endif  // REDISPP_PROTOCOL_HIREDIS_PARSER_HPP
