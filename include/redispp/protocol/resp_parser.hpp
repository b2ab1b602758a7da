// RespParser: redispp's own RESP2 + RESP3 reply parser.
//
// What it reads: every RESP2 type (+ - : $ *) and every RESP3 type (_ , # ( = ! % ~ > |).
//   - $-1 and *-1 (RESP2 nil) and _ (RESP3 null) all become ReplyType::nil. Only '$' and '*'
//     accept -1; any other negative length is an error.
//   - ',' doubles go through std::from_chars, except "inf", "-inf", "nan" (with an optional
//     sign), which are matched by hand; a leading '+' is allowed (the RESP3 grammar has one).
//     Anything from_chars does not consume whole, or cannot represent, is an error.
//   - '(' big numbers are kept as their text ([+-]digits), never converted.
//   - '=' verbatim strings must be at least 4 bytes and start with a 3-byte format and ':';
//     the format is kept (Reply::verbatim_format()), the text after the ':' is str().
//   - '!' blob errors become ReplyType::error, like '-' errors.
//   - '%' maps are flattened to key, value, key, value ...
//   - '|' attributes are not replies: an attribute is attached (Reply::set_attribute) to the
//     value that follows it at the same position, whether that is a top-level reply or an
//     element of an aggregate, and it is not counted as one of the aggregate's elements. Two
//     attributes in a row: the first is attached to the second (nothing is dropped).
//   - Streamed RESP3 strings and aggregates ($? *? and the ';' / '.' frames) are rejected.
//   - Simple strings and errors may not contain CR or LF; hiredis tolerates a lone CR, redispp
//     does not (Redis never sends one, so seeing one means the stream is out of step).
//
// How it parses: iteratively, as a small state machine, never recursively.
//   - State between calls: the byte buffer with a read position, and a stack of the aggregates
//     whose elements are still arriving (each frame: the Reply built so far and the number of
//     elements still to come), plus at most one attribute waiting for its value.
//   - next() parses one value at the read position. A scalar (or an empty aggregate, or a nil)
//     is complete at once and is handed up the stack: appended to the innermost frame, which,
//     when that was its last element, is itself complete and handed up in turn; reaching the
//     bottom of the stack means a whole reply, which next() returns. A non-empty aggregate
//     header pushes a frame instead. When the bytes run out mid-value, next() returns
//     std::nullopt and leaves the read position at the start of that value: everything already
//     parsed stays in the stack, so a reply arriving in many chunks costs time linear in its size.
//     The only re-parsed bytes are the header of a bulk string whose body has not fully arrived
//     (a handful of bytes) and nothing else: a line still missing its CR is not re-scanned.
//
// Limits (ParserLimits), each a ProtocolError when exceeded, checked as soon as the header that
// announces the size arrives (not when the bytes do), or for a line, as soon as it has grown
// past its bound without a CRLF (so a server cannot make the parser buffer an endless line):
//   - max_bulk_length: bulk strings, verbatim strings, blob errors.
//   - max_line_length: simple strings, errors, big numbers.
//   - ParserLimits::max_number_line (64, fixed): integers, lengths, booleans, nulls.
//   - ParserLimits::max_double_line (325, fixed): doubles.
//   - max_depth: aggregates nested deeper (a top-level array is depth 1; attributes count).
//   - max_aggregate_length: elements announced by one header (a map's pairs count twice).
//   Memory is never reserved from a length the server announces: an aggregate reserves at most
//   one element per 3 bytes already buffered (no element is shorter than "_\r\n"), and a bulk
//   string is allocated only once all its bytes are here.
//
// Errors: a ProtocolError whose message reads
//   "protocol error at byte <offset>: expected <what>, got <what was there>"
// where <offset> counts from the first byte fed since construction or the last reset(), and the
// bytes shown are quoted with C escapes ('\r', '\x00'). The parser then stays failed: next()
// throws the same error again until reset().
//
// Buffering: one ByteBuffer (realloc-grown, never zero-filled) and a read position. Consumed
// bytes are dropped lazily (see compact()); prepare()/commit() let a socket read straight into
// the buffer; shrink() gives memory back once a large reply is gone.

// Include guard, not #pragma once, and split in two: in header-only mode parser.hpp includes
// impl/parser.ipp, whose make_parser() needs RespParser and includes this header again. When
// this header is the one included first, that inner inclusion must still define RespParser, so
// the guard is set only once the class is about to be defined, after parser.hpp is in.
#ifndef REDISPP_PROTOCOL_RESP_PARSER_HPP
#include <redispp/protocol/parser.hpp>
#endif

#ifndef REDISPP_PROTOCOL_RESP_PARSER_HPP
#define REDISPP_PROTOCOL_RESP_PARSER_HPP

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint64_t
#include <optional>     // std::optional
#include <span>         // std::span
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <redispp/config.hpp>
#include <redispp/detail/byte_buffer.hpp>
#include <redispp/protocol/parser.hpp>  // Parser, ParserLimits
#include <redispp/protocol/reply.hpp>

namespace redispp {

/// redispp's own RESP2 + RESP3 parser; see the comment at the top of resp_parser.hpp.
class RespParser final : public Parser {
 public:
  explicit RespParser(const ParserLimits& limits = {});

  /// Appends bytes received from the server.
  REDISPP_DECL void feed(std::string_view bytes) override;
  /// The next complete reply, or std::nullopt when more bytes are needed. Throws ProtocolError
  /// (and keeps throwing it) on malformed input.
  REDISPP_DECL std::optional<Reply> next() override;
  /// See Parser::next_into: the reply is built where it stays, at the end of `out`.
  REDISPP_DECL bool next_into(std::vector<Reply>& out) override;
  /// Forgets all input, any half-built reply and a previous error; byte offsets restart at 0.
  REDISPP_DECL void reset() override;
  ParserKind kind() const noexcept override { return ParserKind::builtin; }
  /// Bytes fed and not yet returned as part of a reply (a half-parsed reply counts in full).
  REDISPP_DECL std::size_t buffered() const noexcept override;
  /// When at most `keep` bytes are buffered, gives back buffer memory beyond `keep` bytes.
  REDISPP_DECL void shrink(std::size_t keep) override;
  /// Free space at the end of the buffer, at least `size` bytes, for a socket to read into.
  REDISPP_DECL std::span<char> prepare(std::size_t size) override;
  /// Makes the first `size` bytes of the region prepare() returned part of the input.
  REDISPP_DECL void commit(std::size_t size) override;
  /// See Parser::next_flat: an array or push of bulk strings, read in place.
  REDISPP_DECL std::size_t next_flat(std::span<std::string_view> out) override;
  /// See Parser::next_strings.
  REDISPP_DECL StringsRead next_strings(StringsSink& sink) override;

  /// The read buffer and the stack of open aggregates.
  std::size_t buffer_memory() const noexcept override { return buffer_.size() + stack_.capacity() * sizeof(Frame); }
  const ParserLimits& limits() const noexcept { return limits_; }

 private:
  // An aggregate whose elements are still arriving.
  struct Frame {
    Reply value;            // its type, attribute and elements so far
    std::size_t remaining;  // elements still to come
  };
  enum class Step { need_more, pushed, value };
  // Where parse_value() constructs a finished value: the top-level result, or the end of the
  // innermost open aggregate's elements.
  struct Sink {
    std::optional<Reply>* top;
    std::vector<Reply>* elements;
    void put(Reply&& value) {
      if (elements != nullptr)
        elements->push_back(std::move(value));
      else
        top->emplace(std::move(value));
    }
    // A text reply (Reply::from_text), written straight into a new slot where it stays, sparing
    // a move of the Reply; when a long text's allocation fails, the slot goes again.
    void put_text(ReplyType type, std::string_view text) {
      Reply& slot = elements != nullptr ? elements->emplace_back() : top->emplace();
      try {
        slot.init_text(type, text);
      } catch (...) {
        if (elements != nullptr)
          elements->pop_back();
        else
          top->reset();
        throw;
      }
    }
  };

  Step parse_value(Sink& out);
  // The common top-level replies (a short simple string, an integer, a bulk string) when all
  // their bytes are here, read without the state machine; false, with nothing consumed, for
  // anything else, which parse_next() then reads with the full rules and error messages.
  bool read_plain_scalar(Sink& out);
  // The same for the elements of the innermost open aggregate: those that are bulk strings
  // with all their bytes here, read in a tight loop (an LRANGE's values, an HGETALL's fields),
  // all but its last element, whose arrival closes the aggregate the general way. Their medium
  // texts share one allocation (detail/shared_text_block.hpp).
  void read_plain_elements(Frame& frame);
  // next() and next_into(): the next whole reply emplaced in *top, or appended to *list (one
  // of the two is null); false when more bytes are needed.
  bool parse_next(std::optional<Reply>* top, std::vector<Reply>* list);
  std::size_t find_line_end(std::size_t start, std::size_t limit, const char* limit_name);
  bool read_length(std::size_t type_pos, const char* what, bool nil_allowed, long long& length, std::size_t& cr);
  long long parse_length(std::size_t type_pos, std::size_t cr, const char* what, bool nil_allowed);
  void check_no_lf(std::size_t begin, std::size_t end);
  void compact() noexcept;
  std::uint64_t offset_of(std::size_t index) const noexcept { return base_ + index; }
  [[noreturn]] void fail(std::size_t index, std::string_view message);

  ParserLimits limits_;
  detail::ByteBuffer buffer_;   // input bytes live in [position_, end_); size() is writable room
  std::size_t position_ = 0;    // where the next value starts
  std::size_t end_ = 0;         // end of the input bytes
  std::size_t scanned_ = 0;     // a line being waited for has no CR before this index
  std::uint64_t base_ = 0;      // stream offset of buffer_[0]
  std::uint64_t reply_start_ = 0;  // stream offset of the first byte of the reply in progress
  std::vector<Frame> stack_;    // open aggregates, innermost last
  Reply attribute_;             // an attribute waiting for the value it belongs to
  bool has_attribute_ = false;
  std::string error_;           // the message of the ProtocolError thrown; empty while healthy
  // next_strings() on a reply not fully arrived: how far it got, as stream offsets (they survive
  // compact()); good only while the reply still starts at offset strings_start_.
  std::uint64_t strings_start_ = ~std::uint64_t{0};
  std::uint64_t strings_resume_ = 0;  // the first element not yet seen whole
  std::size_t strings_seen_ = 0;      // elements seen whole
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/resp_parser.ipp>
#endif

#endif  // REDISPP_PROTOCOL_RESP_PARSER_HPP
