#pragma once
// RespParser's out-of-line code: the state machine described in protocol/resp_parser.hpp.

#include <algorithm>     // std::max, std::min
#include <charconv>      // std::from_chars
#include <cstring>       // std::memchr, std::memcmp, std::memcpy, std::memmove
#include <limits>        // std::numeric_limits
#include <stdexcept>     // std::out_of_range
#include <system_error>  // std::errc
#include <utility>       // std::move

#include <fmt/format.h>  // error messages

#include <redispp/detail/from_chars_double.hpp>
#include <redispp/detail/printable.hpp>  // append_escaped
#include <redispp/detail/shared_text_block.hpp>
#include <redispp/errors.hpp>
#include <redispp/protocol/resp_parser.hpp>

namespace redispp {
namespace detail::resp {

// The ParserLimits members that bound lines, as errors name them.
inline constexpr const char* line_limit_name = "max_line_length";
inline constexpr const char* number_limit_name = "ParserLimits::max_number_line";
inline constexpr const char* double_limit_name = "ParserLimits::max_double_line";

// How many bytes of offending input an error message quotes.
inline constexpr std::size_t quote_limit = 32;

// `bytes` in single quotes with C escapes, cut after quote_limit bytes ("..." follows).
inline std::string quote(std::string_view bytes) {
  std::string out = "'";
  const std::size_t shown = std::min(bytes.size(), quote_limit);
  append_escaped(out, bytes.substr(0, shown), true, '\'');
  out += '\'';
  if (shown < bytes.size()) out += "...";
  return out;
}

// What a line held, for "got ...": its quoted text, or "an empty line".
inline std::string describe_line(std::string_view text) {
  return text.empty() ? std::string("an empty line") : quote(text);
}

enum class NumberError { none, malformed, overflow };

// A decimal long long from [begin, end): an optional '-' and at least one digit, nothing else.
// Hand-rolled because this is the hottest code of the parser (every integer reply and every
// length header): no locale, no errno, no need for a NUL terminator.
inline NumberError parse_decimal(const char* begin, const char* end, long long& out) noexcept {
  const char* p = begin;
  const bool negative = p != end && *p == '-';
  if (negative) ++p;
  if (p == end) return NumberError::malformed;
  unsigned long long value = 0;
  if (end - p <= 18) {
    // 18 digits never overflow a long long: no range check needed.
    for (; p != end; ++p) {
      const unsigned digit = static_cast<unsigned>(static_cast<unsigned char>(*p)) - '0';
      if (digit > 9) return NumberError::malformed;
      value = value * 10 + digit;
    }
  } else {
    const unsigned long long limit =
        negative ? 9223372036854775808ull : static_cast<unsigned long long>(std::numeric_limits<long long>::max());
    NumberError result = NumberError::none;
    for (; p != end; ++p) {
      const unsigned digit = static_cast<unsigned>(static_cast<unsigned char>(*p)) - '0';
      if (digit > 9) return NumberError::malformed;  // a stray byte wins over overflow
      if (result == NumberError::none && value > (limit - digit) / 10) result = NumberError::overflow;
      value = value * 10 + digit;
    }
    if (result != NumberError::none) return result;
  }
  // Two's complement wrap-around is well defined since C++20: -2^63 comes out right.
  out = static_cast<long long>(negative ? 0 - value : value);
  return NumberError::none;
}

// The common case of a number line, in one pass: an optional '-', 1 to 18 digits, CR LF, all
// already buffered. Anything else (a line not complete yet, more digits, a stray byte) returns
// false and goes the general way (find_line_end + parse_decimal), which reaches the same value
// or reports the error; whatever this accepts, the general way accepts identically.
inline bool read_number_line(const char* data, std::size_t start, std::size_t end, long long& value,
                             std::size_t& cr) noexcept {
  std::size_t i = start;
  const bool negative = i < end && data[i] == '-';
  if (negative) ++i;
  const std::size_t first = i;
  const std::size_t stop = std::min(end, first + 18);
  unsigned long long magnitude = 0;
  for (; i < stop; ++i) {
    const unsigned digit = static_cast<unsigned>(static_cast<unsigned char>(data[i])) - '0';
    if (digit > 9) break;
    magnitude = magnitude * 10 + digit;
  }
  if (i == first || i + 1 >= end || data[i] != '\r' || data[i + 1] != '\n') return false;
  value = negative ? -static_cast<long long>(magnitude) : static_cast<long long>(magnitude);
  cr = i;
  return true;
}

// The commonest number line, a length: 1 to 18 digits then CR LF, all buffered. True with the
// value and the CR's index; false for anything else (a sign, more digits, a line not complete,
// a stray byte), which read_number_line() or the general way then judges. Small enough to be
// inlined where lengths are read most: bulk strings, in a reply or in an array.
REDISPP_ALWAYS_INLINE bool read_size_line(const char* data, std::size_t start, std::size_t end, std::size_t& size,
                           std::size_t& cr) noexcept {
  // One or two digits (nearly every key, value, field and element count) without the loop: the
  // loop's bounds and carries cost twice as much for them (an LRANGE's element, read twice by
  // next_strings, was about 40 of its 150 instructions).
  if (start + 4 <= end) {
    const unsigned first = static_cast<unsigned char>(data[start]) - 48u;
    const unsigned second = static_cast<unsigned char>(data[start + 1]) - 48u;
    if (first <= 9) {
      if (data[start + 1] == '\r' && data[start + 2] == '\n') {
        size = first;
        cr = start + 1;
        return true;
      }
      if (second <= 9 && data[start + 2] == '\r' && data[start + 3] == '\n') {
        size = first * 10 + second;
        cr = start + 2;
        return true;
      }
    }
  }
  const std::size_t digits_end = std::min(end, start + 18);
  std::size_t i = start;
  std::size_t value = 0;
  for (unsigned digit; i < digits_end && (digit = static_cast<unsigned char>(data[i]) - 48u) <= 9; ++i)
    value = value * 10 + digit;
  if (i == start || i + 1 >= end || data[i] != '\r' || data[i + 1] != '\n') return false;
  size = value;
  cr = i;
  return true;
}

// What a fast path's step found: the thing read, not all of it here yet, or anything else
// (left to the general way, which has the rules and the error messages).
enum class Scan { read, incomplete, bad };

// "<digits>\r\n" at `at` (1 to 18 digits, no sign) in [data, data + end), moving `at` past it
// when read: the fast paths' number lines. Locals throughout, written back once: through the
// references the compiler would otherwise store on every digit.
inline Scan scan_number(const char* data, std::size_t end, std::size_t& at, std::size_t& value) noexcept {
  const std::size_t first = at;
  const std::size_t digits_end = std::min(end, first + 18);
  std::size_t i = first;
  std::size_t number = 0;
  for (unsigned digit; i < digits_end && (digit = static_cast<unsigned char>(data[i]) - 48u) <= 9; ++i)
    number = number * 10 + digit;
  if (i == first + 18 && i < end && static_cast<unsigned>(static_cast<unsigned char>(data[i]) - 48u) <= 9)
    return Scan::bad;  // a 19th digit
  if (i == end || (data[i] == '\r' && i + 1 == end)) return Scan::incomplete;
  if (i == first || data[i] != '\r' || data[i + 1] != '\n') return Scan::bad;
  value = number;
  at = i + 2;
  return Scan::read;
}

// One bulk string of at most `max_length` bytes, "$<length>\r\n<bytes>\r\n" at `at`, its bytes
// in `bulk` and `at` moved past it when read: the step every fast path over bulk strings takes
// (a top-level reply, an aggregate's elements, next_flat, next_strings).
REDISPP_ALWAYS_INLINE Scan scan_bulk(const char* data, std::size_t end, std::size_t max_length, std::size_t& at,
                      std::string_view& bulk) noexcept {
  if (at >= end) return Scan::incomplete;
  if (data[at] != '$') return Scan::bad;
  std::size_t length = 0;
  std::size_t cr = 0;
  if (!read_size_line(data, at + 1, end, length, cr)) {
    // Not a plain length here: only scan_number() tells "not all here yet" from "bad".
    std::size_t header = at + 1;
    return scan_number(data, end, header, length) == Scan::incomplete ? Scan::incomplete : Scan::bad;
  }
  const std::size_t body = cr + 2;
  if (length > max_length) return Scan::bad;
  if (end - body < length + 2) return Scan::incomplete;
  if (data[body + length] != '\r' || data[body + length + 1] != '\n') return Scan::bad;
  bulk = std::string_view(data + body, length);
  at = body + length + 2;
  return Scan::read;
}

// A RESP3 double: [+-]inf, [+-]nan, or what std::from_chars reads as a whole ([+-] then a digit
// or '.', an optional exponent). False when the text is anything else or out of double's range.
inline bool parse_double(std::string_view text, double& out) noexcept {
  std::string_view body = text;
  const bool negative = !body.empty() && body.front() == '-';
  if (!body.empty() && (body.front() == '-' || body.front() == '+')) body.remove_prefix(1);
  if (body == "inf") {
    out = negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    return true;
  }
  if (body == "nan") {
    out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  // from_chars would also take "infinity", "nan(...)" and hex floats: only plain decimals get here.
  if (body.empty() || !((body.front() >= '0' && body.front() <= '9') || body.front() == '.')) return false;
  double value = 0;
  const auto [ptr, ec] = detail::from_chars_double(body.data(), body.data() + body.size(), value);
  if (ec != std::errc() || ptr != body.data() + body.size()) return false;
  out = negative ? -value : value;
  return true;
}

// A big number's text: an optional sign and one or more digits.
inline bool is_big_number(std::string_view text) noexcept {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  if (text.empty()) return false;
  for (const char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

// "a set", "an array".
inline std::string with_article(std::string_view noun) {
  const bool vowel = !noun.empty() && std::string_view("aeiou").find(noun.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(noun);
}

inline const char* aggregate_name(char type) noexcept {
  switch (type) {
    case '*': return "array";
    case '%': return "map";
    case '~': return "set";
    case '>': return "push";
    default: return "attribute";
  }
}

inline ReplyType aggregate_type(char type) noexcept {
  switch (type) {
    case '*': return ReplyType::array;
    case '%': return ReplyType::map;
    case '~': return ReplyType::set;
    case '>': return ReplyType::push;
    default: return ReplyType::attribute;
  }
}

}  // namespace detail::resp

REDISPP_DECL RespParser::RespParser(const ParserLimits& limits) : limits_(limits) {}

REDISPP_DECL void RespParser::fail(std::size_t index, std::string_view message) {
  error_ = fmt::format("protocol error at byte {}: {}", offset_of(index), message);
  throw ProtocolError(error_);
}

REDISPP_DECL void RespParser::check_no_lf(std::size_t begin, std::size_t end) {
  if (begin >= end) return;
  const char* data = buffer_.data();
  if (const void* lf = std::memchr(data + begin, '\n', end - begin))
    fail(static_cast<std::size_t>(static_cast<const char*>(lf) - data), "expected CRLF to end the line, got a bare LF");
}

// The index of the CR ending the line whose content starts at `start`, or npos while the CRLF
// has not arrived. `limit` is the most content bytes the line may have, `limit_name` the
// ParserLimits member that sets it, named in the error.
//
// Every error is reported in stream order, so that it does not depend on how the input was
// split: a bare LF among the first limit + 1 content bytes comes first, then "too long" (known
// once byte limit + 1 arrives with no CR before it), then a CR not followed by LF. A bare LF in a
// line that did end in CRLF is left to the caller, which finds it on its error path (no valid
// content holds a LF), except for simple strings and errors which check for it themselves.
REDISPP_DECL std::size_t RespParser::find_line_end(std::size_t start, std::size_t limit, const char* limit_name) {
  const char* data = buffer_.data();
  std::size_t scan_end = end_;
  bool too_long = false;
  if (end_ - start > limit) {
    scan_end = start + limit + 1;
    too_long = true;
  }
  const std::size_t from = std::min(std::max(start, scanned_), scan_end);
  const void* found = from < scan_end ? std::memchr(data + from, '\r', scan_end - from) : nullptr;
  if (found == nullptr) {
    check_no_lf(from, scan_end);
    if (too_long)
      fail(start - 1, fmt::format("expected a line of at most {} bytes, got more before its CRLF ({})", limit,
                                  limit_name));
    scanned_ = end_;  // next time, scan only the bytes fed after these
    return std::string::npos;
  }
  const auto cr = static_cast<std::size_t>(static_cast<const char*>(found) - data);
  if (cr + 1 >= end_) {
    check_no_lf(from, cr);
    scanned_ = cr;
    return std::string::npos;
  }
  if (data[cr + 1] != '\n') {
    check_no_lf(from, cr);
    fail(cr + 1, fmt::format("expected LF after CR, got {}", detail::resp::quote({data + cr + 1, 1})));
  }
  return cr;
}

// The header line of a bulk string or aggregate at type_pos: false while its CRLF has not
// arrived, else its length (-1 only when nil_allowed) and the index of its CR.
REDISPP_DECL bool RespParser::read_length(std::size_t type_pos, const char* what, bool nil_allowed, long long& length,
                                          std::size_t& cr) {
  std::size_t size = 0;
  if (detail::resp::read_size_line(buffer_.data(), type_pos + 1, end_, size, cr)) {
    length = static_cast<long long>(size);  // at most 18 digits: fits
    return true;
  }
  if (detail::resp::read_number_line(buffer_.data(), type_pos + 1, end_, length, cr) &&
      (length >= 0 || (length == -1 && nil_allowed)))
    return true;
  cr = find_line_end(type_pos + 1, ParserLimits::max_number_line, detail::resp::number_limit_name);
  if (cr == std::string::npos) return false;
  length = parse_length(type_pos, cr, what, nil_allowed);
  return true;
}

// The length in a "$5" / "*3" style header line [type_pos + 1, cr): -1 (nil, when allowed) or
// a non-negative count.
REDISPP_DECL long long RespParser::parse_length(std::size_t type_pos, std::size_t cr, const char* what,
                                                bool nil_allowed) {
  const char* data = buffer_.data();
  const std::size_t start = type_pos + 1;
  long long length = 0;
  if (detail::resp::parse_decimal(data + start, data + cr, length) != detail::resp::NumberError::none) {
    check_no_lf(start, cr);
    const std::string_view text(data + start, cr - start);
    if (!text.empty() && text.front() == '?')
      fail(type_pos, fmt::format("expected the length of {} after '{}', got '?': streamed RESP3 types are "
                                 "not supported",
                                 detail::resp::with_article(what), data[type_pos]));
    fail(start, fmt::format("expected the length of {} after '{}', got {}", detail::resp::with_article(what),
                            data[type_pos], detail::resp::describe_line(text)));
  }
  if (length < 0 && !(length == -1 && nil_allowed))
    fail(start, fmt::format("expected the length of {} after '{}' to be 0 or more{}, got {}",
                            detail::resp::with_article(what), data[type_pos], nil_allowed ? " (or -1 for nil)" : "",
                            length));
  return length;
}

REDISPP_DECL RespParser::Step RespParser::parse_value(Sink& out) {
  const std::size_t type_pos = position_;
  if (type_pos >= end_) return Step::need_more;
  const char* data = buffer_.data();
  const char type = data[type_pos];
  const std::size_t start = type_pos + 1;

  switch (type) {
    case '+':
    case '-': {
      const std::size_t cr = find_line_end(start, limits_.max_line_length, detail::resp::line_limit_name);
      if (cr == std::string::npos) return Step::need_more;
      check_no_lf(start, cr);
      out.put_text(type == '+' ? ReplyType::simple_string : ReplyType::error,
                   std::string_view(data + start, cr - start));
      position_ = cr + 2;
      return Step::value;
    }

    case ':': {
      long long value = 0;
      std::size_t cr = 0;
      if (!detail::resp::read_number_line(data, start, end_, value, cr)) {
        cr = find_line_end(start, ParserLimits::max_number_line, detail::resp::number_limit_name);
        if (cr == std::string::npos) return Step::need_more;
        const auto error = detail::resp::parse_decimal(data + start, data + cr, value);
        if (error != detail::resp::NumberError::none) {
          check_no_lf(start, cr);
          fail(start, fmt::format("expected an integer{} after ':', got {}",
                                  error == detail::resp::NumberError::overflow ? " in the 64-bit range" : "",
                                  detail::resp::describe_line({data + start, cr - start})));
        }
      }
      out.put(Reply::integer(value));
      position_ = cr + 2;
      return Step::value;
    }

    case '$':
    case '=':
    case '!': {
      const char* what = type == '$' ? "bulk string" : type == '=' ? "verbatim string" : "blob error";
      long long length = 0;
      std::size_t cr = 0;
      if (!read_length(type_pos, what, type == '$', length, cr)) return Step::need_more;
      if (length < 0) {
        out.put(Reply::nil());
        position_ = cr + 2;
        return Step::value;
      }
      const auto size = static_cast<std::size_t>(length);
      if (size > limits_.max_bulk_length)
        fail(start, fmt::format("expected {} of at most {} bytes (max_bulk_length), got a length of {}",
                                detail::resp::with_article(what), limits_.max_bulk_length, size));
      if (type == '=' && size < 4)
        fail(start, fmt::format("expected a verbatim string of at least 4 bytes (a format such as 'txt:', then "
                                "the text), got a length of {}",
                                size));
      const std::size_t body = cr + 2;
      const std::size_t available = end_ - body;
      if (available < size || available - size < 2) return Step::need_more;
      if (data[body + size] != '\r' || data[body + size + 1] != '\n')
        fail(body + size, fmt::format("expected CRLF after {} of {} bytes, got {}", what, size,
                                      detail::resp::quote({data + body + size, 2})));
      if (type == '$') {
        out.put_text(ReplyType::bulk_string, std::string_view(data + body, size));
      } else if (type == '!') {
        out.put_text(ReplyType::error, std::string_view(data + body, size));
      } else {
        if (data[body + 3] != ':')
          fail(body, fmt::format("expected a verbatim string to start with a 3-byte format and ':' (like "
                                 "'txt:'), got {}",
                                 detail::resp::quote({data + body, 4})));
        out.put(Reply::verbatim(std::string_view(data + body, 3), std::string(data + body + 4, size - 4)));
      }
      position_ = body + size + 2;
      return Step::value;
    }

    case '*':
    case '%':
    case '~':
    case '>':
    case '|': {
      const char* what = detail::resp::aggregate_name(type);
      long long length = 0;
      std::size_t cr = 0;
      if (!read_length(type_pos, what, type == '*', length, cr)) return Step::need_more;
      if (length < 0) {
        out.put(Reply::nil());
        position_ = cr + 2;
        return Step::value;
      }
      const auto count = static_cast<std::size_t>(length);
      const bool pairs = type == '%' || type == '|';
      if (count > (pairs ? limits_.max_aggregate_length / 2 : limits_.max_aggregate_length))
        fail(start, fmt::format("expected {} of at most {} elements (max_aggregate_length), got {} {}",
                                detail::resp::with_article(what), limits_.max_aggregate_length, count,
                                pairs ? "pairs" : "elements"));
      if (stack_.size() >= limits_.max_depth)
        fail(type_pos, fmt::format("expected aggregates nested at most {} deep (max_depth), got {} at depth {}",
                                   limits_.max_depth, detail::resp::with_article(what), stack_.size() + 1));
      position_ = cr + 2;
      const std::size_t elements = pairs ? count * 2 : count;
      if (elements == 0) {
        out.put(Reply::aggregate(detail::resp::aggregate_type(type), {}));
        return Step::value;
      }
      // Reserve no more than the bytes already here can fill (an element takes >= 3 bytes): a
      // server announcing 2^32 elements gets no memory until it sends them.
      std::vector<Reply> children;
      children.reserve(std::min(elements, (end_ - position_) / 3));
      stack_.push_back(Frame{Reply::aggregate(detail::resp::aggregate_type(type), std::move(children)), elements});
      return Step::pushed;  // nothing put: next() attaches a waiting attribute to the frame
    }

    case '_': {
      const std::size_t cr = find_line_end(start, ParserLimits::max_number_line, detail::resp::number_limit_name);
      if (cr == std::string::npos) return Step::need_more;
      if (cr != start) {
        check_no_lf(start, cr);
        fail(start, fmt::format("expected CRLF right after '_' (null), got {}", detail::resp::quote({data + start, cr - start})));
      }
      out.put(Reply::nil());
      position_ = cr + 2;
      return Step::value;
    }

    case ',': {
      const std::size_t cr = find_line_end(start, ParserLimits::max_double_line, detail::resp::double_limit_name);
      if (cr == std::string::npos) return Step::need_more;
      double value = 0;
      if (!detail::resp::parse_double({data + start, cr - start}, value)) {
        check_no_lf(start, cr);
        fail(start, fmt::format("expected a double (like 1.5, -2e10, inf, -inf or nan) after ',', got {}",
                                detail::resp::describe_line({data + start, cr - start})));
      }
      out.put(Reply::double_(value));
      position_ = cr + 2;
      return Step::value;
    }

    case '#': {
      const std::size_t cr = find_line_end(start, ParserLimits::max_number_line, detail::resp::number_limit_name);
      if (cr == std::string::npos) return Step::need_more;
      if (cr - start != 1 || (data[start] != 't' && data[start] != 'f')) {
        check_no_lf(start, cr);
        fail(start, fmt::format("expected 't' or 'f' after '#', got {}",
                                detail::resp::describe_line({data + start, cr - start})));
      }
      out.put(Reply::boolean(data[start] == 't'));
      position_ = cr + 2;
      return Step::value;
    }

    case '(': {
      const std::size_t cr = find_line_end(start, limits_.max_line_length, detail::resp::line_limit_name);
      if (cr == std::string::npos) return Step::need_more;
      const std::string_view text(data + start, cr - start);
      if (!detail::resp::is_big_number(text)) {
        check_no_lf(start, cr);
        fail(start, fmt::format("expected a big number (digits after an optional sign) after '(', got {}",
                                detail::resp::describe_line(text)));
      }
      out.put_text(ReplyType::big_number, text);
      position_ = cr + 2;
      return Step::value;
    }

    case ';':
    case '.':
      fail(type_pos, fmt::format("expected a reply type byte, got '{}': streamed RESP3 types are not supported", type));

    default: {
      const auto byte = static_cast<unsigned char>(type);
      fail(type_pos, fmt::format("expected a reply type byte (one of + - : $ * _ , # ( = ! % ~ > |), got {}",
                                 byte >= 0x20 && byte < 0x7f ? fmt::format("'{}' (0x{:02x})", type, byte)
                                                             : fmt::format("byte 0x{:02x}", byte)));
    }
  }
}

REDISPP_DECL bool RespParser::read_plain_scalar(Sink& out) {
  // Lines longer than this go the general way, which finds their end with memchr.
  constexpr std::size_t short_line = 64;
  if (!stack_.empty() || has_attribute_ || !error_.empty()) return false;
  const std::size_t at = position_;
  if (end_ - at < 4) return false;  // the shortest reply read here is ":0\r\n"
  const char* data = buffer_.data();
  std::size_t next = 0;  // where the following reply starts
  switch (data[at]) {
    case '+': {
      // "+OK\r\n", the commonest reply of all (SET, MSET, SELECT ...), compared whole: scanning
      // it for its CR cost a pipelined SET's reply about 30 instructions more.
      if (end_ - at >= 5 && std::memcmp(data + at, "+OK\r\n", 5) == 0 && limits_.max_line_length >= 2) {
        out.put_text(ReplyType::simple_string, std::string_view(data + at + 1, 2));
        next = at + 5;
        break;
      }
      // Anything else scanned byte by byte for the CR, refusing a LF on the way: the general way
      // makes two memchr calls.
      const std::size_t content_max = std::min(short_line, limits_.max_line_length);
      const std::size_t stop = std::min(end_ - 1, at + 2 + content_max);
      std::size_t cr = at + 1;
      while (cr < stop && data[cr] != '\r' && data[cr] != '\n') ++cr;
      if (cr == stop || data[cr] != '\r' || data[cr + 1] != '\n') return false;
      out.put_text(ReplyType::simple_string, std::string_view(data + at + 1, cr - at - 1));
      next = cr + 2;
      break;
    }
    case ':': {
      long long value = 0;
      std::size_t cr = 0;
      if (!detail::resp::read_number_line(data, at + 1, end_, value, cr)) return false;
      out.put(Reply::integer(value));
      next = cr + 2;
      break;
    }
    case '$': {
      std::string_view bulk;
      next = at;
      if (detail::resp::scan_bulk(data, end_, limits_.max_bulk_length, next, bulk) != detail::resp::Scan::read)
        return false;  // nil's -1 too
      out.put_text(ReplyType::bulk_string, bulk);
      break;
    }
    default:
      return false;
  }
  position_ = next;
  reply_start_ = offset_of(position_);
  return true;
}

REDISPP_DECL void RespParser::read_plain_elements(Frame& frame) {
  // Texts of up to shared_text_max bytes that do not fit a Reply's inline slot are copied into
  // one SharedTextBlock per round of up to `round` elements (detail/shared_text_block.hpp: a
  // kept element keeps its block, so both bound the memory one element can hold, 32 KB).
  // Longer texts are std::strings of their own: their copy costs more than their allocation,
  // and take_str() then moves them out rather than copying.
  constexpr std::size_t round = 128;
  constexpr std::size_t shared_text_max = 256;
  const auto shared = [](std::size_t size) { return size > Reply::inline_text_capacity && size <= shared_text_max; };
  struct Found {  // trivial, so the array below costs no stores before it is filled
    const char* data;
    std::size_t size;
  };

  std::vector<Reply>& elements = frame.value.elements();
  Sink unshared{nullptr, &elements};  // the texts that go inline or into a std::string
  const char* const data = buffer_.data();
  while (frame.remaining > 1) {
    // Scan what is here whole (never the last element: its arrival closes the aggregate the
    // general way), measuring the texts to share.
    Found found[round];
    const std::size_t wanted = std::min(round, frame.remaining - 1);  // remaining >= 1 while open
    std::size_t count = 0;
    std::size_t shared_bytes = 0;
    std::size_t shared_count = 0;
    std::size_t at = position_;
    std::string_view bulk;
    while (count < wanted &&  // nil, or not all here: stop
           detail::resp::scan_bulk(data, end_, limits_.max_bulk_length, at, bulk) == detail::resp::Scan::read) {
      found[count++] = {bulk.data(), bulk.size()};
      if (shared(bulk.size())) {
        shared_bytes += bulk.size();
        ++shared_count;
      }
    }
    if (count == 0) return;

    // The round's block, if two texts or more share it. Its first share (create()'s) goes to
    // the first reply placed in it, the others are counted in; when no reply took it (a failed
    // allocation), the block goes at once.
    struct Hold {
      detail::SharedTextBlock* block = nullptr;
      bool first_share_taken = false;
      ~Hold() {
        if (block != nullptr && !first_share_taken) block->release();
      }
    } hold;
    if (shared_count >= 2) hold.block = detail::SharedTextBlock::create(shared_bytes);
    char* fill = hold.block != nullptr ? hold.block->bytes() : nullptr;

    for (std::size_t i = 0; i < count; ++i) {
      const std::string_view text(found[i].data, found[i].size);
      if (fill != nullptr && shared(text.size())) {
        Reply& slot = elements.emplace_back();
        std::memcpy(fill, text.data(), text.size());
        if (hold.first_share_taken)
          hold.block->add_owner_unshared();
        else
          hold.first_share_taken = true;
        slot.assign_shared_text(ReplyType::bulk_string, std::string_view(fill, text.size()), hold.block);
        fill += text.size();
      } else {
        unshared.put_text(ReplyType::bulk_string, text);
      }
      // After each: a failed allocation leaves the parser where it got to.
      position_ = static_cast<std::size_t>(text.data() + text.size() - data) + 2;
      --frame.remaining;
    }
    if (count < wanted) return;
  }
}

REDISPP_DECL std::optional<Reply> RespParser::next() {
  std::optional<Reply> result;
  Sink sink{&result, nullptr};
  if (!read_plain_scalar(sink)) parse_next(&result, nullptr);
  return result;
}

REDISPP_DECL bool RespParser::next_into(std::vector<Reply>& out) {
  Sink sink{nullptr, &out};
  return read_plain_scalar(sink) || parse_next(nullptr, &out);
}

REDISPP_DECL bool RespParser::parse_next(std::optional<Reply>* top, std::vector<Reply>* list) {
  if (!error_.empty()) throw ProtocolError(error_);
  // Each value is constructed where it will stay, to spare moves of Reply (whose short strings
  // are copied on every move): a top-level reply in *top or at the end of *list, an element at
  // the end of its aggregate's elements.
  for (;;) {
    const bool nested = !stack_.empty();
    if (nested && !has_attribute_) read_plain_elements(stack_.back());
    Sink sink{top, nested ? &stack_.back().value.elements() : list};
    const Step step = parse_value(sink);
    if (step == Step::need_more) return false;
    if (step == Step::pushed) {
      if (has_attribute_) {
        stack_.back().value.set_attribute(std::move(attribute_));
        has_attribute_ = false;
      }
      continue;
    }
    Reply& value = sink.elements != nullptr ? sink.elements->back() : **top;
    if (has_attribute_) {
      value.set_attribute(std::move(attribute_));
      has_attribute_ = false;
    }
    if (value.type() == ReplyType::attribute) {
      // Only an empty attribute ("|0") gets here. It is not a value: it waits for the next one.
      attribute_ = std::move(value);
      has_attribute_ = true;
      if (sink.elements != nullptr)
        sink.elements->pop_back();
      else
        top->reset();
      continue;
    }
    if (!nested) {
      reply_start_ = offset_of(position_);
      return true;
    }
    // Close every aggregate this element completes, innermost first, handing each to its parent.
    if (--stack_.back().remaining != 0) continue;
    for (;;) {
      Reply done = std::move(stack_.back().value);
      stack_.pop_back();
      if (done.type() == ReplyType::attribute) {
        // Not an element of its parent: it waits for the value it describes (and is not counted).
        attribute_ = std::move(done);
        has_attribute_ = true;
        break;
      }
      if (stack_.empty()) {
        reply_start_ = offset_of(position_);
        if (list != nullptr)
          list->push_back(std::move(done));
        else
          top->emplace(std::move(done));
        return true;
      }
      Frame& parent = stack_.back();
      parent.value.elements().push_back(std::move(done));
      if (--parent.remaining != 0) break;
    }
  }
}

// The fast paths scan a reply without building anything; whatever is not the plain case (nil
// or negative lengths, other element types, an aggregate being parsed already, a pending
// attribute, a failed parser) is left to next(), which has the full rules and the error
// messages. Lengths of more than 18 digits are left to it too; the limits hold.
REDISPP_DECL std::size_t RespParser::next_flat(std::span<std::string_view> out) {
  if (!error_.empty() || !stack_.empty() || has_attribute_ || out.empty()) return 0;
  const char* data = buffer_.data();
  std::size_t at = position_;
  if (at >= end_ || (data[at] != '*' && data[at] != '>')) return 0;
  ++at;
  std::size_t count = 0;
  if (detail::resp::scan_number(data, end_, at, count) != detail::resp::Scan::read || count == 0 || count > out.size())
    return 0;
  for (std::size_t i = 0; i < count; ++i)
    if (detail::resp::scan_bulk(data, end_, limits_.max_bulk_length, at, out[i]) != detail::resp::Scan::read) return 0;
  position_ = scanned_ = at;
  reply_start_ = offset_of(position_);
  return count;
}

REDISPP_DECL StringsRead RespParser::next_strings(StringsSink& sink) {
  if (!error_.empty() || !stack_.empty() || has_attribute_) return StringsRead::not_strings;
  if (position_ >= end_) return StringsRead::need_more;
  const char* data = buffer_.data();
  ReplyType type = ReplyType::array;
  switch (data[position_]) {
    case '*': type = ReplyType::array; break;
    case '~': type = ReplyType::set; break;
    case '%': type = ReplyType::map; break;
    default: return StringsRead::not_strings;
  }
  std::size_t at = position_ + 1;
  std::size_t count = 0;
  switch (detail::resp::scan_number(data, end_, at, count)) {
    case detail::resp::Scan::read: break;
    case detail::resp::Scan::incomplete: return StringsRead::need_more;
    case detail::resp::Scan::bad: return StringsRead::not_strings;
  }
  if (count > limits_.max_aggregate_length / (type == ReplyType::map ? 2 : 1)) return StringsRead::not_strings;
  if (type == ReplyType::map) count *= 2;
  const std::size_t first_element = at;

  // Every element must be here and be a bulk string before the sink hears of any. A reply still
  // arriving resumes where the last call stopped.
  std::size_t seen = 0;
  if (strings_start_ == offset_of(position_)) {
    at = static_cast<std::size_t>(strings_resume_ - base_);
    seen = strings_seen_;
  }
  const auto wait_for_more = [&](std::size_t element) {
    strings_start_ = offset_of(position_);
    strings_resume_ = offset_of(element);
    strings_seen_ = seen;
    return StringsRead::need_more;
  };
  for (; seen < count; ++seen) {
    const std::size_t element = at;
    std::string_view bulk;
    switch (detail::resp::scan_bulk(data, end_, limits_.max_bulk_length, at, bulk)) {
      case detail::resp::Scan::read: break;
      case detail::resp::Scan::incomplete: return wait_for_more(element);
      case detail::resp::Scan::bad: return StringsRead::not_strings;
    }
  }
  strings_start_ = ~std::uint64_t{0};
  if (!sink.begin(type, count)) return StringsRead::not_strings;
  for (std::size_t element = first_element; element < at;) {
    // Checked above: "$", digits, CRLF, the body, CRLF.
    std::size_t length = 0;
    std::size_t cr = 0;
    detail::resp::read_size_line(data, element + 1, end_, length, cr);
    sink.add(std::string_view(data + cr + 2, length));
    element = cr + 2 + length + 2;
  }
  position_ = scanned_ = at;
  reply_start_ = offset_of(position_);
  return StringsRead::taken;
}

// Dropping consumed bytes costs a memmove of the bytes not yet parsed. Doing it only when all
// were consumed (nothing to move: the common case between replies) or when the consumed prefix
// is both large (>= 4 KiB) and more than half of the buffer means each byte is moved O(1) times
// on average, and a stream of small replies never moves anything.
REDISPP_DECL void RespParser::compact() noexcept {
  if (position_ == 0) return;
  if (position_ == end_) {
    base_ += position_;
    position_ = end_ = scanned_ = 0;
    return;
  }
  if (position_ >= 4096 && position_ > end_ - position_) {
    std::memmove(buffer_.data(), buffer_.data() + position_, end_ - position_);
    base_ += position_;
    end_ -= position_;
    scanned_ = scanned_ > position_ ? scanned_ - position_ : 0;
    position_ = 0;
  }
}

REDISPP_DECL void RespParser::feed(std::string_view bytes) {
  if (bytes.empty()) return;
  compact();
  buffer_.reserve(end_ + bytes.size());
  std::memcpy(buffer_.data() + end_, bytes.data(), bytes.size());
  end_ += bytes.size();
}

REDISPP_DECL std::span<char> RespParser::prepare(std::size_t size) {
  compact();
  buffer_.reserve(end_ + size);  // geometric: may offer more than asked, all of it usable
  return {buffer_.data() + end_, buffer_.size() - end_};
}

REDISPP_DECL void RespParser::commit(std::size_t size) {
  if (size > buffer_.size() - end_)
    throw std::out_of_range(fmt::format("RespParser::commit({}) after prepare() gave only {} bytes", size,
                                        buffer_.size() - end_));
  end_ += size;
}

REDISPP_DECL void RespParser::reset() {
  // The buffer's memory is kept: the bytes in it are forgotten with the positions below.
  position_ = end_ = scanned_ = 0;
  base_ = reply_start_ = 0;
  stack_.clear();
  attribute_ = Reply();
  has_attribute_ = false;
  error_.clear();
  strings_start_ = ~std::uint64_t{0};
}

REDISPP_DECL std::size_t RespParser::buffered() const noexcept {
  return static_cast<std::size_t>(offset_of(end_) - reply_start_);
}

REDISPP_DECL void RespParser::shrink(std::size_t keep) {
  const std::size_t live = end_ - position_;
  if (live > keep || buffer_.size() <= keep) return;
  buffer_.shrink_to(position_, live);
  base_ += position_;
  scanned_ = scanned_ > position_ ? scanned_ - position_ : 0;
  end_ = live;
  position_ = 0;
  if (stack_.empty()) std::vector<Frame>().swap(stack_);
}

}  // namespace redispp
