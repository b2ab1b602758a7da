#pragma once
// HiredisParser's glue to hiredis' reader: the redisReplyObjectFunctions that build Reply values
// in place, and the limit checks hiredis does not make. See protocol/hiredis_parser.hpp.

#include <algorithm>     // std::min, std::max
#include <charconv>      // std::from_chars
#include <cstddef>       // std::size_t
#include <cstring>       // std::memchr
#include <new>           // std::bad_alloc
#include <optional>      // std::optional
#include <string>        // std::string, std::to_string
#include <string_view>   // std::string_view
#include <system_error>  // std::errc
#include <utility>       // std::move, std::swap
#include <vector>        // std::vector

#include <fmt/format.h>  // error messages

// hiredis 1.x's sds.h has C99 flexible array members, which -Wpedantic reports in C++ when
// hiredis' directory is an -I rather than a system directory (a prefix of one's own).
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#endif
#include <hiredis/hiredis.h>  // HIREDIS_MAJOR ...
#include <hiredis/read.h>     // redisReader, redisReadTask, redisReplyObjectFunctions
#include <hiredis/sds.h>      // sdsalloc: the capacity of the reader's buffer, for shrink()
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#include <redispp/errors.hpp>
#include <redispp/impl/resp_parser.ipp>  // detail::resp: the built-in parser's checks, for the ones hiredis skips
#include <redispp/protocol/hiredis_parser.hpp>

namespace redispp {
namespace detail::hiredis {

// What changed in hiredis' reader between the versions redispp supports (0.14, 1.0 to 1.4):
//   - 1.0: the RESP3 types, createDouble and createBool in redisReplyObjectFunctions,
//     createArray's count became a size_t, and the task stack (fixed rstack[9], at most 8
//     nested levels) became a growable array of pointers;
//   - 1.0.1/1.2: no change the glue sees; 1.4 (1.3?) reads RESP3 attributes ('|') and caps
//     nesting at 1024 levels, older 1.x refuse '|' as an unknown type byte.
#if HIREDIS_MAJOR >= 1
using ArrayLength = std::size_t;
inline const redisReadTask& current_task(const redisReader& reader) noexcept { return *reader.task[reader.ridx]; }
#else
using ArrayLength = int;
inline const redisReadTask& current_task(const redisReader& reader) noexcept { return reader.rstack[reader.ridx]; }
#endif

inline constexpr std::string_view prefix = "protocol error (hiredis): ";

inline std::string line_too_long(std::size_t limit, const char* limit_name) {
  return fmt::format("{}expected a line of at most {} bytes, got more before its CRLF ({})", prefix, limit, limit_name);
}

inline std::string bulk_too_long(std::size_t limit, unsigned long long length) {
  return fmt::format("{}expected a bulk string of at most {} bytes (max_bulk_length), got a length of {}", prefix,
                     limit, length);
}

// Where hiredis' reader is: what the line it has not been able to finish may hold at most, and
// which limit says so. Only called for a task whose type byte has been read.
struct LineBound {
  std::size_t limit;
  const char* name;
};
inline LineBound line_bound(int type, const ParserLimits& limits) noexcept {
  switch (type) {
    case REDIS_REPLY_STATUS:
    case REDIS_REPLY_ERROR: return {limits.max_line_length, "max_line_length"};
#if HIREDIS_MAJOR >= 1
    case REDIS_REPLY_BIGNUM: return {limits.max_line_length, "max_line_length"};
    case REDIS_REPLY_DOUBLE: return {ParserLimits::max_double_line, "ParserLimits::max_double_line"};
#endif
    default:  // integers, the length lines of strings and aggregates, booleans, nulls
      return {ParserLimits::max_number_line, "ParserLimits::max_number_line"};
  }
}

// True for the types whose line is a length followed by a body (bulk and verbatim strings).
inline bool has_body(int type) noexcept {
#if HIREDIS_MAJOR >= 1
  if (type == REDIS_REPLY_VERB) return true;
#endif
  return type == REDIS_REPLY_STRING;
}

inline ReplyType aggregate_type(int type) noexcept {
  switch (type) {
#if HIREDIS_MAJOR >= 1
    case REDIS_REPLY_MAP: return ReplyType::map;
    case REDIS_REPLY_SET: return ReplyType::set;
    case REDIS_REPLY_PUSH: return ReplyType::push;
    case REDIS_REPLY_ATTR: return ReplyType::attribute;
#endif
    default: return ReplyType::array;
  }
}

}  // namespace detail::hiredis

// The redisReplyObjectFunctions. hiredis calls a create function once per value, depth first,
// with the task describing where the value goes: task->parent is null for a top-level value,
// and otherwise parent->obj is the aggregate created for the parent task. Every task's privdata
// is the parser (the reader's privdata, which hiredis copies into each task).
//
// Where values live: a top-level value in the parser's root_, a child appended to its parent's
// elements(); the pointer handed back to hiredis is that Reply's address. hiredis uses such a
// pointer only while it fills that aggregate, and it appends to an aggregate only once the
// previous child is complete, so a vector reallocation never invalidates a pointer hiredis
// still uses.
//
// Attributes (hiredis >= 1.4): hiredis reads '|' as one more aggregate, counted as an element of
// its parent and returned as a reply of its own at top level. redispp attaches an attribute to
// the value after it and never counts it (what the built-in parser does), so create_array adds
// one to the parent task's element count (hiredis then reads the value the attribute describes
// as well), place() moves a finished attribute into the value that follows it, and next() holds
// a top-level attribute until the reply it belongs to is complete.
//
// Ownership: hiredis calls freeObject only on its reader->reply, the top-level value (when it
// fails, and when the reader is freed with a half-built reply). Children belong to their
// parent. So freeObject resets the value in place; for root_ that frees the whole tree.
//
// The callbacks are called from C: nothing may throw. A refused limit or a failed allocation
// returns nullptr, which makes hiredis fail with "Out of memory"; pending_error_ holds the real
// reason, and next() reports that one instead.
// GCC 12 at -O2, once Reply's move is inlined into place(), says create_integer() and
// create_nil() "may return address of local variable": they return &root_ or the address of the
// last element of the parent's children, never the temporary Reply handed to place(). A false
// positive; silenced here only, so that the warning keeps guarding the rest of the library.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wreturn-local-addr"
#endif
struct HiredisParser::Callbacks {
  static HiredisParser& parser_of(const redisReadTask* task) noexcept {
    return *static_cast<HiredisParser*>(task->privdata);
  }

  // Stores `value` where `task` says and returns its address for hiredis. May throw
  // (std::bad_alloc from push_back): callers catch.
  static Reply* place(const redisReadTask* task, Reply&& value) {
    if (task->parent == nullptr) {
      HiredisParser& parser = parser_of(task);
      parser.root_ = std::move(value);
      return &parser.root_;
    }
    std::vector<Reply>& siblings = static_cast<Reply*>(task->parent->obj)->elements();
    if (!siblings.empty() && siblings.back().type() == ReplyType::attribute) {
      // The attribute before this value is complete (hiredis finished it before starting this
      // value): it describes this value, and it is not an element.
      value.set_attribute(std::move(siblings.back()));
      siblings.back() = std::move(value);
      return &siblings.back();
    }
    siblings.push_back(std::move(value));
    return &siblings.back();
  }

  static void* refuse(const redisReadTask* task, std::string message) noexcept {
    parser_of(task).pending_error_ = std::move(message);
    return nullptr;
  }

  static void* out_of_memory(const redisReadTask* task) noexcept {
    try {
      return refuse(task, std::string(detail::hiredis::prefix) + "out of memory while building a reply");
    } catch (...) {
      return nullptr;  // hiredis' own "Out of memory" is then reported
    }
  }

  static void* create_string(const redisReadTask* task, char* text, std::size_t length) noexcept {
    try {
      const ParserLimits& limits = parser_of(task).limits_;
      if (task->type == REDIS_REPLY_STRING) {
        if (length > limits.max_bulk_length) return refuse(task, detail::hiredis::bulk_too_long(limits.max_bulk_length, length));
        return place(task, Reply::from_text(ReplyType::bulk_string, std::string_view(text, length)));
      }
#if HIREDIS_MAJOR >= 1
      if (task->type == REDIS_REPLY_VERB) {
        // hiredis has checked the "txt:" prefix (at least 4 bytes, ':' fourth).
        if (length > limits.max_bulk_length)
          return refuse(task, fmt::format("{}expected a verbatim string of at most {} bytes (max_bulk_length), got a "
                                          "length of {}",
                                          detail::hiredis::prefix, limits.max_bulk_length, length));
        return place(task, Reply::verbatim(std::string_view(text, 3), std::string(text + 4, length - 4)));
      }
#endif
      if (length > limits.max_line_length)
        return refuse(task, detail::hiredis::line_too_long(limits.max_line_length, "max_line_length"));
      const std::string_view value(text, length);
#if HIREDIS_MAJOR >= 1
      if (task->type == REDIS_REPLY_BIGNUM) {
        // hiredis lets an empty big number and a lone '-' through.
        if (!detail::resp::is_big_number(value))
          return refuse(task, fmt::format("{}expected a big number (digits after an optional sign) after '(', got {}",
                                          detail::hiredis::prefix, detail::resp::describe_line(value)));
        return place(task, Reply::from_text(ReplyType::big_number, value));
      }
#endif
      return place(task, Reply::from_text(task->type == REDIS_REPLY_ERROR ? ReplyType::error : ReplyType::simple_string, value));
    } catch (...) {
      return out_of_memory(task);
    }
  }

  static void* create_array(const redisReadTask* task, detail::hiredis::ArrayLength elements) noexcept {
    try {
      HiredisParser& parser = parser_of(task);
      const ParserLimits& limits = parser.limits_;
      const ReplyType type = detail::hiredis::aggregate_type(task->type);
      std::size_t depth = 1;
      for (const redisReadTask* up = task->parent; up != nullptr; up = up->parent) ++depth;
      if (depth > limits.max_depth)
        return refuse(task, fmt::format("{}expected aggregates nested at most {} deep (max_depth), got {} {} at depth {}",
                                        detail::hiredis::prefix, limits.max_depth,
                                        type == ReplyType::array || type == ReplyType::attribute ? "an" : "a",
                                        to_string(type), depth));
      // hiredis refuses a negative count other than -1 (a nil, which goes to create_nil), and
      // has doubled a map's or an attribute's count of pairs already.
      const auto count = static_cast<std::size_t>(elements);
      if (count > limits.max_aggregate_length)
        return refuse(task, fmt::format("{}expected {} of at most {} elements (max_aggregate_length), got {} elements",
                                        detail::hiredis::prefix, type == ReplyType::array ? "an array" : "an aggregate",
                                        limits.max_aggregate_length, count));
      if (type == ReplyType::attribute && task->parent != nullptr) {
        // Not one of the parent's elements: make hiredis read one more (see above). The parent
        // task is hiredis' own, reached through a const pointer only by the API's choice.
        ++const_cast<redisReadTask*>(task->parent)->elements;
      }
      Reply* aggregate = place(task, Reply::aggregate(type, {}));
      // Never trust the announced count for memory: no element is shorter than "+\r\n", so the
      // bytes already buffered bound how many elements can be here soon.
      const redisReader& reader = *parser.reader_;
      aggregate->elements().reserve(std::min(count, (reader.len - reader.pos) / 3));
      return aggregate;
    } catch (...) {
      return out_of_memory(task);
    }
  }

  static void* create_integer(const redisReadTask* task, long long value) noexcept {
    try {
      return place(task, Reply::integer(value));
    } catch (...) {
      return out_of_memory(task);
    }
  }

  static void* create_nil(const redisReadTask* task) noexcept {
    try {
#if HIREDIS_MAJOR >= 1
      // hiredis 1.x takes a length of -1 as nil for every string and aggregate type; RESP3 has
      // it only for '$' and '*' (and '_' is the null).
      if (task->type != REDIS_REPLY_STRING && task->type != REDIS_REPLY_ARRAY && task->type != REDIS_REPLY_NIL)
        return refuse(task, fmt::format("{}expected the length of {} to be 0 or more, got -1", detail::hiredis::prefix,
                                        task->type == REDIS_REPLY_VERB ? "a verbatim string"
                                                                       : "an aggregate other than an array"));
#endif
      return place(task, Reply::nil());
    } catch (...) {
      return out_of_memory(task);
    }
  }

#if HIREDIS_MAJOR >= 1
  static void* create_double(const redisReadTask* task, double value, char* text, std::size_t length) noexcept {
    try {
      // hiredis 1.2 reads doubles with strtod(), which also takes hexadecimal ("0x10") and
      // "INF"; RESP3 has neither. Hold the text to the built-in parser's grammar.
      double checked = 0;
      if (!detail::resp::parse_double(std::string_view(text, length), checked))
        return refuse(task, fmt::format("{}expected a double (like 1.5, -2e10, inf, -inf or nan) after ',', got {}",
                                        detail::hiredis::prefix, detail::resp::describe_line({text, length})));
      return place(task, Reply::double_(value));
    } catch (...) {
      return out_of_memory(task);
    }
  }

  static void* create_bool(const redisReadTask* task, int value) noexcept {
    try {
      // hiredis also takes 't' and 'f' in capitals; RESP3 does not. The line was one byte and
      // its CRLF, and hiredis has just stepped over them: the byte is 3 before its position.
      const redisReader& reader = *parser_of(task).reader_;
      const char byte = reader.buf[reader.pos - 3];
      if (byte != 't' && byte != 'f')
        return refuse(task, fmt::format("{}expected 't' or 'f' after '#', got {}", detail::hiredis::prefix,
                                        detail::resp::quote({&byte, 1})));
      return place(task, Reply::boolean(value != 0));
    } catch (...) {
      return out_of_memory(task);
    }
  }
#endif

  static void free_object(void* object) noexcept { *static_cast<Reply*>(object) = Reply(); }

  // hiredis keeps a non-const pointer to the table, and never writes through it.
  static redisReplyObjectFunctions* table() noexcept {
#if HIREDIS_MAJOR >= 1
    static redisReplyObjectFunctions functions{.createString = create_string,
                                               .createArray = create_array,
                                               .createInteger = create_integer,
                                               .createDouble = create_double,
                                               .createNil = create_nil,
                                               .createBool = create_bool,
                                               .freeObject = free_object};
#else
    static redisReplyObjectFunctions functions{.createString = create_string,
                                               .createArray = create_array,
                                               .createInteger = create_integer,
                                               .createNil = create_nil,
                                               .freeObject = free_object};
#endif
    return &functions;
  }
};
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

REDISPP_DECL HiredisParser::HiredisParser(const ParserLimits& limits) : limits_(limits) { create_reader(); }

REDISPP_DECL HiredisParser::~HiredisParser() {
  // Frees hiredis' buffer and, through free_object, a half-built reply in root_.
  if (reader_ != nullptr) redisReaderFree(reader_);
}

REDISPP_DECL void HiredisParser::create_reader() {
  reader_ = redisReaderCreateWithFunctions(Callbacks::table());
  if (reader_ == nullptr) throw std::bad_alloc();
  reader_->privdata = this;  // not redisReaderSetPrivdata: it casts the pointer to int
}

REDISPP_DECL void HiredisParser::fail(std::string message) {
  error_ = std::move(message);
  throw ProtocolError(error_);
}

REDISPP_DECL void HiredisParser::feed(std::string_view bytes) {
  if (!error_.empty()) return;  // next() keeps throwing until reset(); nothing to keep
  if (redisReaderFeed(reader_, bytes.data(), bytes.size()) != REDIS_OK) {
    // A healthy reader fails to take bytes only when it cannot grow its buffer.
    error_ = fmt::format("{}{}", detail::hiredis::prefix, reader_->errstr);
    throw std::bad_alloc();
  }
  fed_ += bytes.size();
}

// True while the line hiredis stopped at still has no CR LF: calling hiredis would only make it
// search the whole line again. Each byte is searched here once (the last byte of the previous
// look again, in case it was the CR), so a long line arriving in many pieces costs linear time.
REDISPP_DECL bool HiredisParser::line_incomplete() {
  if (!waiting_) return false;
  const redisReader& reader = *reader_;
  const std::uint64_t buffer_start = fed_ - reader.len;  // stream offset of reader.buf[0]
  const std::uint64_t from = std::max(line_start_, no_crlf_before_ > 0 ? no_crlf_before_ - 1 : 0);
  const char* begin = reader.buf + (from - buffer_start);
  const char* end = reader.buf + reader.len;
  for (const char* p = begin; p + 1 < end;) {
    const void* cr = std::memchr(p, '\r', static_cast<std::size_t>(end - 1 - p));
    if (cr == nullptr) break;
    p = static_cast<const char*>(cr);
    if (p[1] == '\n') return false;
    ++p;
  }
  no_crlf_before_ = fed_;
  return true;
}

REDISPP_DECL std::optional<Reply> HiredisParser::next() {
  if (!error_.empty()) throw ProtocolError(error_);
  for (;;) {
    if (line_incomplete()) {
      check_partial_limits();
      return std::nullopt;
    }
    void* reply = nullptr;
    ++reader_calls_;
    if (redisReaderGetReply(reader_, &reply) != REDIS_OK) {
      if (!pending_error_.empty()) fail(std::move(pending_error_));
      fail(fmt::format("{}{}", detail::hiredis::prefix, reader_->errstr));
    }
    if (reply == nullptr) {
      note_waiting();
      check_partial_limits();
      return std::nullopt;
    }
    waiting_ = false;
    // reply is &root_; the next top-level value overwrites what the move leaves behind.
    if (root_.type() == ReplyType::attribute) {
      // Not a reply: it describes the next one (an attribute before it describes this one).
      if (has_attribute_) root_.set_attribute(std::move(attribute_));
      attribute_ = std::move(root_);
      has_attribute_ = true;
      continue;
    }
    if (has_attribute_) {
      root_.set_attribute(std::move(attribute_));
      has_attribute_ = false;
    }
    // The reply ends where hiredis stopped: the unconsumed bytes are the ones after it.
    returned_ = fed_ - (reader_->len - reader_->pos);
    return std::optional<Reply>(std::move(root_));
  }
}

// After hiredis returned no reply: whether it stopped in the middle of a line (its type byte
// read, the rest not complete), and where that line starts.
REDISPP_DECL void HiredisParser::note_waiting() {
  const redisReader& reader = *reader_;
  waiting_ = reader.ridx >= 0 && detail::hiredis::current_task(reader).type >= 0;
  if (!waiting_) return;
  line_start_ = fed_ - (reader.len - reader.pos);
  no_crlf_before_ = line_start_;
}

// Limits on what hiredis is still waiting for: it stops at a value whose bytes have not all
// arrived and would wait for them whatever their number. Called only when hiredis has returned
// no reply and been fed nothing but more of the same line since, so the current task is the
// incomplete one, and hiredis' pos is the start of the line it has not been able to read (the
// type byte already consumed).
REDISPP_DECL void HiredisParser::check_partial_limits() {
  const redisReader& reader = *reader_;
  if (reader.ridx < 0) return;
  const redisReadTask& task = detail::hiredis::current_task(reader);
  if (task.type < 0) return;  // waiting for a type byte
  const char* line = reader.buf + reader.pos;
  const std::size_t held = reader.len - reader.pos;
  // Longer than `limit` without a CR LF: a last byte that is CR may still be followed by LF.
  const auto overlong = [held](std::size_t limit) { return held > limit && held - limit >= 2; };
  const detail::hiredis::LineBound bound = detail::hiredis::line_bound(task.type, limits_);
  if (detail::hiredis::has_body(task.type)) {
    // Either its length line is incomplete, or the body is: see which from the length line.
    const std::size_t scan = std::min(held, bound.limit + 2);
    std::size_t cr = 0;
    while (cr + 1 < scan && !(line[cr] == '\r' && line[cr + 1] == '\n')) ++cr;
    if (cr + 1 >= scan) {
      if (overlong(bound.limit)) fail(detail::hiredis::line_too_long(bound.limit, bound.name));
      return;
    }
    // hiredis has read this length already (it fails at once on a malformed one) and waits
    // for the body: refuse it before the body is buffered.
    unsigned long long length = 0;
    const auto [end, ec] = std::from_chars(line, line + cr, length);
    if (ec == std::errc() && end == line + cr && length > limits_.max_bulk_length)
      fail(detail::hiredis::bulk_too_long(limits_.max_bulk_length, length));
    return;
  }
  // Any other line: hiredis found no CR LF in the bytes it holds.
  if (overlong(bound.limit)) fail(detail::hiredis::line_too_long(bound.limit, bound.name));
}

REDISPP_DECL void HiredisParser::reset() {
  redisReader* old = reader_;
  reader_ = nullptr;
  if (old != nullptr) redisReaderFree(old);  // resets root_ through free_object
  root_ = Reply();
  attribute_ = Reply();
  has_attribute_ = false;
  pending_error_.clear();
  error_.clear();
  fed_ = 0;
  returned_ = 0;
  waiting_ = false;
  line_start_ = no_crlf_before_ = 0;
  reader_calls_ = 0;
  create_reader();
}

REDISPP_DECL std::size_t HiredisParser::buffered() const noexcept { return static_cast<std::size_t>(fed_ - returned_); }

REDISPP_DECL void HiredisParser::shrink(std::size_t keep) {
  if (!error_.empty()) return;  // a failed reader has freed its buffer already
  redisReader& reader = *reader_;
  const std::size_t held = reader.len - reader.pos;
  if (held > keep || sdsalloc(reader.buf) <= keep) return;
  // A scratch reader copies the unconsumed bytes into a buffer sized for them (hiredis' growth
  // policy: at most about twice their size); the two buffers are swapped and freeing the scratch
  // reader frees the large one. This works mid-reply too: between calls the reader keeps no
  // pointer into its buffer, only the pos index. (sdsnewlen/sdsfree cannot be called directly:
  // hiredis 0.14's sds.h declares them without extern "C".)
  redisReader* scratch = redisReaderCreateWithFunctions(nullptr);
  if (scratch == nullptr) return;  // keep the larger buffer rather than fail
  if (held > 0 && redisReaderFeed(scratch, reader.buf + reader.pos, held) != REDIS_OK) {
    redisReaderFree(scratch);
    return;
  }
  std::swap(reader.buf, scratch->buf);
  reader.pos = 0;
  reader.len = held;
  redisReaderFree(scratch);
}

REDISPP_DECL std::size_t HiredisParser::buffer_memory() const noexcept {
  const std::size_t reader_buffer = error_.empty() && reader_ != nullptr && reader_->buf != nullptr ? sdsalloc(reader_->buf) : 0;
  return Parser::buffer_memory() + reader_buffer;
}

REDISPP_DECL bool HiredisParser::supports_resp3() noexcept {
  // 1.0 reads the RESP3 types too, but redispp is tested with RESP3 from 1.1 on (docs/architecture.md, "Parsers").
  return HIREDIS_MAJOR > 1 || (HIREDIS_MAJOR == 1 && HIREDIS_MINOR >= 1);
}

REDISPP_DECL bool HiredisParser::supports_attributes() noexcept {
  // Which release taught hiredis '|' is not in its headers: ask a reader once.
  static const bool supported = [] {
    redisReader* probe = redisReaderCreateWithFunctions(nullptr);
    if (probe == nullptr) return false;
    void* reply = nullptr;
    const bool ok = redisReaderFeed(probe, "|0\r\n", 4) == REDIS_OK && redisReaderGetReply(probe, &reply) == REDIS_OK &&
                    reply != nullptr;
    redisReaderFree(probe);  // with no object functions, hiredis' placeholder replies need no freeing
    return ok;
  }();
  return supported;
}

REDISPP_DECL std::string HiredisParser::hiredis_version() {
  return std::to_string(HIREDIS_MAJOR) + "." + std::to_string(HIREDIS_MINOR) + "." + std::to_string(HIREDIS_PATCH);
}

}  // namespace redispp
