#pragma once
// HiredisParser's glue to hiredis' reader: the redisReplyObjectFunctions that build Reply values
// in place, and the limit checks hiredis does not make. See protocol/hiredis_parser.hpp.

#include <algorithm>     // std::min
#include <charconv>      // std::from_chars
#include <cstddef>       // std::size_t
#include <new>           // std::bad_alloc
#include <optional>      // std::optional
#include <string>        // std::string, std::to_string
#include <string_view>   // std::string_view
#include <system_error>  // std::errc
#include <utility>       // std::move, std::swap
#include <vector>        // std::vector

#include <fmt/format.h>  // error messages

#include <hiredis/hiredis.h>  // HIREDIS_MAJOR ...
#include <hiredis/read.h>     // redisReader, redisReadTask, redisReplyObjectFunctions
#include <hiredis/sds.h>      // sdsalloc: the capacity of the reader's buffer, for shrink()

#include <redispp/errors.hpp>
#include <redispp/protocol/hiredis_parser.hpp>

// The callbacks below reach into redisReader (its buffer and task stack) and use 0.14's
// signatures; hiredis 1.0 changed both (and added RESP3 callbacks this file does not provide).
#if HIREDIS_MAJOR >= 1
#error "redispp's hiredis parser is written against hiredis 0.14's reader; configure with -DREDISPP_WITH_HIREDIS=OFF"
#endif

namespace redispp {
namespace detail::hiredis {

// A number line (':' integer, '*' or '$' length) longer than this without its CR LF is refused:
// no valid one exceeds 20 bytes, and hiredis would otherwise buffer garbage without bound.
inline constexpr std::size_t number_line_limit = 64;

inline constexpr std::string_view prefix = "protocol error (hiredis): ";

inline std::string line_too_long(std::size_t limit, bool number) {
  return number ? fmt::format("{}expected a number line of at most {} bytes, got more before its CRLF", prefix, limit)
                : fmt::format("{}expected a line of at most {} bytes, got more before its CRLF (limit: max_bulk_length)",
                              prefix, limit);
}

inline std::string bulk_too_long(std::size_t limit, unsigned long long length) {
  return fmt::format("{}expected a bulk string of at most {} bytes (max_bulk_length), got a length of {}", prefix,
                     limit, length);
}

}  // namespace detail::hiredis

// The redisReplyObjectFunctions. hiredis 0.14 calls a create function once per value, depth
// first, with the task describing where the value goes: task->parent is null for a top-level
// value, and otherwise parent->obj is the array created for the parent task. Every task's
// privdata is the parser (the reader's privdata, which hiredis copies into each task).
//
// Where values live: a top-level value in the parser's root_, a child appended to its parent's
// elements(); the pointer handed back to hiredis is that Reply's address. hiredis uses such a
// pointer only while it fills that array, and it appends to an array only once the previous
// child is complete, so a vector reallocation never invalidates a pointer hiredis still uses.
//
// Ownership: hiredis 0.14 calls freeObject only on its reader->reply, the top-level value (when
// it fails, and when the reader is freed with a half-built reply). Children belong to their
// parent. So freeObject resets the value in place; for root_ that frees the whole tree.
//
// The callbacks are called from C: nothing may throw. A refused limit or a failed allocation
// returns nullptr, which makes hiredis fail with "Out of memory"; pending_error_ holds the real
// reason, and next() reports that one instead.
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
      const std::size_t limit = parser_of(task).limits_.max_bulk_length;
      if (task->type == REDIS_REPLY_STRING) {
        if (length > limit) return refuse(task, detail::hiredis::bulk_too_long(limit, length));
        return place(task, Reply::bulk_string(std::string(text, length)));
      }
      if (length > limit) return refuse(task, detail::hiredis::line_too_long(limit, false));
      std::string value(text, length);
      return place(task, task->type == REDIS_REPLY_ERROR ? Reply::error(std::move(value))
                                                         : Reply::simple_string(std::move(value)));
    } catch (...) {
      return out_of_memory(task);
    }
  }

  static void* create_array(const redisReadTask* task, int elements) noexcept {
    try {
      HiredisParser& parser = parser_of(task);
      const ParserLimits& limits = parser.limits_;
      std::size_t depth = 1;
      for (const redisReadTask* up = task->parent; up != nullptr; up = up->parent) ++depth;
      if (depth > limits.max_depth)
        return refuse(task, fmt::format("{}expected aggregates nested at most {} deep (max_depth), got an array at depth {}",
                                        detail::hiredis::prefix, limits.max_depth, depth));
      // hiredis refuses a negative count other than -1 (a nil, which goes to create_nil).
      const auto count = static_cast<std::size_t>(elements);
      if (count > limits.max_aggregate_length)
        return refuse(task, fmt::format("{}expected an array of at most {} elements (max_aggregate_length), got {} elements",
                                        detail::hiredis::prefix, limits.max_aggregate_length, count));
      Reply* array = place(task, Reply::array({}));
      // Never trust the announced count for memory: no element is shorter than "+\r\n", so the
      // bytes already buffered bound how many elements can be here soon.
      const redisReader& reader = *parser.reader_;
      array->elements().reserve(std::min(count, (reader.len - reader.pos) / 3));
      return array;
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
      return place(task, Reply::nil());
    } catch (...) {
      return out_of_memory(task);
    }
  }

  static void free_object(void* object) noexcept { *static_cast<Reply*>(object) = Reply(); }

  // hiredis keeps a non-const pointer to the table, and never writes through it.
  static redisReplyObjectFunctions* table() noexcept {
    static redisReplyObjectFunctions functions{create_string, create_array, create_integer, create_nil, free_object};
    return &functions;
  }
};

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

REDISPP_DECL std::optional<Reply> HiredisParser::next() {
  if (!error_.empty()) throw ProtocolError(error_);
  void* reply = nullptr;
  if (redisReaderGetReply(reader_, &reply) != REDIS_OK) {
    if (!pending_error_.empty()) fail(std::move(pending_error_));
    fail(fmt::format("{}{}", detail::hiredis::prefix, reader_->errstr));
  }
  if (reply == nullptr) {
    check_partial_limits();
    return std::nullopt;
  }
  // The reply ends where hiredis stopped: the unconsumed bytes are the ones after it.
  returned_ = fed_ - (reader_->len - reader_->pos);
  // reply is &root_; the next top-level value overwrites what the move leaves behind.
  return std::optional<Reply>(std::move(root_));
}

// Limits on what hiredis is still waiting for: it stops at a value whose bytes have not all
// arrived and would wait for them whatever their number. Called only after a next() that
// returned no reply, so the current task is the incomplete one, and hiredis' pos is the start
// of the line it has not been able to read (the type byte already consumed).
REDISPP_DECL void HiredisParser::check_partial_limits() {
  const redisReader& reader = *reader_;
  if (reader.ridx < 0) return;
  const redisReadTask& task = reader.rstack[reader.ridx];
  if (task.type < 0) return;  // waiting for a type byte
  const char* line = reader.buf + reader.pos;
  const std::size_t held = reader.len - reader.pos;
  // Longer than `limit` without a CR LF: a last byte that is CR may still be followed by LF.
  const auto overlong = [held](std::size_t limit) { return held > limit && held - limit >= 2; };
  switch (task.type) {
    case REDIS_REPLY_STRING: {
      // Either its length line is incomplete, or the body is: see which from the length line.
      const std::size_t scan = std::min(held, detail::hiredis::number_line_limit + 2);
      std::size_t cr = 0;
      while (cr + 1 < scan && !(line[cr] == '\r' && line[cr + 1] == '\n')) ++cr;
      if (cr + 1 >= scan) {
        if (overlong(detail::hiredis::number_line_limit))
          fail(detail::hiredis::line_too_long(detail::hiredis::number_line_limit, true));
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
    case REDIS_REPLY_INTEGER:
    case REDIS_REPLY_ARRAY:
      // hiredis found no CR LF in the bytes it holds.
      if (overlong(detail::hiredis::number_line_limit))
        fail(detail::hiredis::line_too_long(detail::hiredis::number_line_limit, true));
      return;
    default:  // status or error line: no CR LF yet either
      if (overlong(limits_.max_bulk_length)) fail(detail::hiredis::line_too_long(limits_.max_bulk_length, false));
      return;
  }
}

REDISPP_DECL void HiredisParser::reset() {
  redisReader* old = reader_;
  reader_ = nullptr;
  if (old != nullptr) redisReaderFree(old);  // resets root_ through free_object
  root_ = Reply();
  pending_error_.clear();
  error_.clear();
  fed_ = 0;
  returned_ = 0;
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

REDISPP_DECL bool HiredisParser::supports_resp3() noexcept { return HIREDIS_MAJOR >= 1; }

REDISPP_DECL std::string HiredisParser::hiredis_version() {
  return std::to_string(HIREDIS_MAJOR) + "." + std::to_string(HIREDIS_MINOR) + "." + std::to_string(HIREDIS_PATCH);
}

}  // namespace redispp
