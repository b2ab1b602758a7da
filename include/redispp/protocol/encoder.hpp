#pragma once
// The encoder: a command and its arguments -> one RESP array of bulk strings, appended to a
// caller's buffer. Binary-safe (lengths, never terminators) and allocation-free per argument:
// the arguments are measured first, the buffer grows once, numbers are formatted on the stack.
//
// Accepted arguments:
//   - text: std::string_view, std::string, const char*, char arrays (anything convertible to
//     std::string_view);
//   - integers (not bool, not char: `true` or 'a' as a Redis argument is almost always a bug);
//   - floating point, in the shortest form that reads back to the same value ("inf", "-inf");
//     NaN is refused with DataError, as Redis would refuse it;
//   - std::pair of arguments (two arguments: field/value, member/score ...);
//   - ranges (vector, array, span, map ...) of any of the above, expanded in place;
//   - user types, through an ADL customisation point: declare, in your type's namespace,
//       std::string redispp_to_bulk(const Point& p);   // or any type with data() and size()
//     and a Point may be passed wherever an argument is taken. (A type written as a hash's
//     many fields, for HSET and XADD, declares redispp_to_fields instead: protocol/fields.hpp.)
//     A range with a redispp_to_bulk of its own is one argument, its bulk string, not expanded.
//
// Where a command takes one value (SET's value, HSET's field, ZADD's member), a range or a pair
// does not compile (Value, value_view below): it would be sent as several arguments, so that
// SET k {1, 2} came back as "ERR syntax error" and a one-element vector was stored as its element.
//
//   std::string out;
//   redispp::encode_command(out, "SET", "key", 42);  // "*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$2\r\n42\r\n"

#include <charconv>     // std::to_chars
#include <concepts>     // std::integral, std::floating_point
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t
#include <cstring>      // std::memcpy
#include <limits>       // std::numeric_limits
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <type_traits>  // std::is_convertible_v
#include <utility>      // std::pair

#if defined(_LIBCPP_VERSION)
#include <fmt/format.h>  // fmt::format_to_n, for long doubles (ArgumentText)
#endif

#include <redispp/detail/command_buffer.hpp>
#include <redispp/detail/copy_short.hpp>
#include <redispp/detail/forward_range.hpp>  // forward_range, range_reference_t
#include <redispp/errors.hpp>

namespace redispp {

namespace detail {

template <class T>
concept text_argument = std::is_convertible_v<const T&, std::string_view>;

template <class T>
concept integer_argument = std::integral<T> && !std::same_as<T, bool> && !std::same_as<T, char> &&
                           !std::same_as<T, signed char> && !std::same_as<T, unsigned char> &&
                           !std::same_as<T, char8_t> && !std::same_as<T, char16_t> && !std::same_as<T, char32_t> &&
                           !std::same_as<T, wchar_t>;

// Found only by argument-dependent lookup in the user's namespace: nothing in redispp is
// called redispp_to_bulk, so an unqualified call here sees only the user's overloads.
template <class T>
concept user_argument = !text_argument<T> && requires(const T& value) {
  { redispp_to_bulk(value).data() };
  { redispp_to_bulk(value).size() } -> std::convertible_to<std::size_t>;
};

template <class T>
concept scalar_argument = text_argument<T> || integer_argument<T> || std::floating_point<T> || user_argument<T>;

template <class T>
struct is_pair : std::false_type {};
template <class A, class B>
struct is_pair<std::pair<A, B>> : std::true_type {};

template <class T>
concept pair_argument = is_pair<std::remove_cvref_t<T>>::value &&
                        scalar_argument<std::remove_cvref_t<typename std::remove_cvref_t<T>::first_type>> &&
                        scalar_argument<std::remove_cvref_t<typename std::remove_cvref_t<T>::second_type>>;

template <class T>
concept range_argument = !text_argument<T> && !user_argument<T> && forward_range<const T> &&
                         (scalar_argument<std::remove_cvref_t<range_reference_t<const T>>> ||
                          pair_argument<range_reference_t<const T>>);

/// Formats numbers into a stack buffer; text arguments pass through as a view.
class ArgumentText {
 public:
  template <text_argument T>
  explicit ArgumentText(const T& text) noexcept : view_(text) {}
  template <integer_argument T>
  explicit ArgumentText(T number) noexcept {
    const auto result = std::to_chars(digits_, digits_ + sizeof digits_, number);
    view_ = std::string_view(digits_, static_cast<std::size_t>(result.ptr - digits_));
  }
  template <std::floating_point T>
  explicit ArgumentText(T number) {
    // Comparisons rather than std::isnan / std::isinf: <cmath> was the heaviest header a user's
    // file got from here (bench/README.md, compile_time.sh), for two tests. Only NaN is not
    // <= infinity (and no == or !=, which -Wfloat-equal would flag in a user's build).
    if (!(number <= std::numeric_limits<T>::infinity())) throw DataError("NaN cannot be sent to Redis as an argument");
    if (number > std::numeric_limits<T>::max() || number < std::numeric_limits<T>::lowest()) {
      view_ = number > 0 ? "inf" : "-inf";
      return;
    }
#if defined(_LIBCPP_VERSION)
    // libc++'s std::to_chars writes a long double as the double it rounds to: digits lost, and
    // a value beyond a double's range sent as "inf". {fmt} writes its shortest round-trip text.
    if constexpr (std::is_same_v<T, long double>) {
      const auto written = fmt::format_to_n(digits_, sizeof digits_, "{}", number);
      view_ = std::string_view(digits_, written.size);
      return;
    }
#endif
    const auto result = std::to_chars(digits_, digits_ + sizeof digits_, number);
    view_ = std::string_view(digits_, static_cast<std::size_t>(result.ptr - digits_));
  }
  std::string_view view() const noexcept { return view_; }

  /// The most bytes a number's text takes: a 128-bit integer's (40, "-1701...728"), a long
  /// double's shortest round-trip form (29, "-1.18973149535723176502e+4932") and so the rest.
  /// The encoder writes numbers into room of this size without checking (encoder.hpp, measure).
  static constexpr std::size_t max_number_size = 48;

 private:
  char digits_[max_number_size];
  std::string_view view_;
};

inline std::size_t decimal_width(std::size_t n) noexcept {
  if (n < 10) return 1;  // most lengths: no division at all
  if (n < 100) return 2;
  std::size_t width = 1;
  while (n >= 10) {
    n /= 10;
    ++width;
  }
  return width;
}

/// Bytes a bulk string of `size` bytes takes: "$<size>\r\n<bytes>\r\n".
inline std::size_t bulk_size(std::size_t size) noexcept { return 1 + decimal_width(size) + 2 + size + 2; }

// The append functions write to a std::string (pipelines, the handshake) or a CommandBuffer
// (one command). Each piece is written in place into room made for it at once (extend()), not
// appended piece by piece: a bulk string is four small pieces, and a capacity check and a
// memcpy call per piece cost more than writing them.
inline char* extend(std::string& out, std::size_t count) {
  const std::size_t old_size = out.size();
  out.resize(old_size + count);
  return out.data() + old_size;
}
template <class Out>
char* extend(Out& out, std::size_t count) {
  return out.extend(count);
}

// "<type><length>\r\n" at `at`, `digits` being decimal_width(length); returns the end.
inline char* write_length_line(char* at, char type, std::size_t length, std::size_t digits) noexcept {
  *at = type;
  char* end = at + 1 + digits;
  for (char* digit = end - 1; digit > at; --digit, length /= 10) *digit = static_cast<char>('0' + length % 10);
  end[0] = '\r';
  end[1] = '\n';
  return end + 2;
}

template <class Out>
void append_length_line(Out& out, char type, std::size_t length) {
  const std::size_t digits = decimal_width(length);
  write_length_line(extend(out, 1 + digits + 2), type, length, digits);
}

// "00" to "99": a length under 100 written by one two-byte copy, not a division and a remainder.
inline constexpr char two_digits[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

// write_bulk() for 100 bytes and more: out of line, so that the short case stays small enough
// for the compiler to inline wherever a command is built.
[[gnu::noinline]] inline char* write_long_bulk(char* at, std::string_view bytes) noexcept {
  const std::size_t size = bytes.size();
  at = write_length_line(at, '$', size, decimal_width(size));
  std::memcpy(at, bytes.data(), size);
  at[size] = '\r';
  at[size + 1] = '\n';
  return at + size + 2;
}

// "$<size>\r\n<bytes>\r\n" at `at`, which has bulk_size(bytes.size()) bytes of room; returns
// the end. Sizes under 100 (nearly every key, name and option) skip the general digit loops.
inline char* write_bulk(char* at, std::string_view bytes) noexcept {
  const std::size_t size = bytes.size();
  if (size >= 100) return write_long_bulk(at, bytes);
  at[0] = '$';
  if (size < 10) {
    at[1] = static_cast<char>('0' + size);
    at += 2;
  } else {
    std::memcpy(at + 1, two_digits + 2 * size, 2);
    at += 3;
  }
  at[0] = '\r';
  at[1] = '\n';
  at += 2;
  copy_short(at, bytes.data(), size);
  at[size] = '\r';
  at[size + 1] = '\n';
  return at + size + 2;
}

template <class Out>
void append_bulk(Out& out, std::string_view bytes) {
  write_bulk(extend(out, bulk_size(bytes.size())), bytes);
}

// Counting: how many RESP arguments a C++ argument expands to, and how many bytes they take.
// Numbers are sized generously (their text is only known after formatting); a user type is
// sized when appended, so a buffer may grow once more for it.
struct Measure {
  std::size_t count = 0;
  std::size_t bytes = 0;
};

template <class T>
void measure(Measure& m, const T& value) {
  if constexpr (text_argument<T>) {
    ++m.count;
    m.bytes += bulk_size(std::string_view(value).size());
  } else if constexpr (integer_argument<T> || std::floating_point<T>) {
    ++m.count;
    m.bytes += bulk_size(ArgumentText::max_number_size);  // an upper bound: written into this room unchecked
  } else if constexpr (user_argument<T>) {
    ++m.count;
    m.bytes += 16;
  } else if constexpr (pair_argument<T>) {
    measure(m, value.first);
    measure(m, value.second);
  } else {
    static_assert(range_argument<T>, "redispp: unsupported argument type (see encoder.hpp for what is accepted)");
    for (const auto& element : value) measure(m, element);
  }
}

template <class Out, class T>
void append_argument(Out& out, const T& value) {
  if constexpr (user_argument<T>) {
    const auto bulk = redispp_to_bulk(value);
    append_bulk(out, std::string_view(bulk.data(), bulk.size()));
  } else if constexpr (scalar_argument<T>) {
    append_bulk(out, ArgumentText(value).view());
  } else if constexpr (pair_argument<T>) {
    append_argument(out, value.first);
    append_argument(out, value.second);
  } else {
    for (const auto& element : value) append_argument(out, element);
  }
}

// An argument with its text as a std::string_view (measured once), anything else as it is.
template <class T>
decltype(auto) argument_view(const T& value) noexcept {
  if constexpr (text_argument<T>)
    return std::string_view(value);
  else
    return (value);  // a reference to it
}

// Whether measure() gives an exact size or an upper bound for `T`: everything but a user type,
// whose text is only known once redispp_to_bulk() has made it.
template <class T>
constexpr bool size_is_bounded() noexcept {
  if constexpr (user_argument<T>)
    return false;
  else if constexpr (scalar_argument<T>)
    return true;
  else if constexpr (pair_argument<T>)
    return size_is_bounded<std::remove_cvref_t<typename T::first_type>>() &&
           size_is_bounded<std::remove_cvref_t<typename T::second_type>>();
  else
    return size_is_bounded<std::remove_cvref_t<range_reference_t<const T>>>();
}

// append_argument() into room already made (size_is_bounded arguments, measured): no capacity
// check per piece. Moves `at` past what it wrote.
template <class T>
void write_argument(char*& at, const T& value) {
  if constexpr (scalar_argument<T>) {
    at = write_bulk(at, ArgumentText(value).view());
  } else if constexpr (pair_argument<T>) {
    write_argument(at, value.first);
    write_argument(at, value.second);
  } else {
    for (const auto& element : value) write_argument(at, element);
  }
}

}  // namespace detail

/// Anything encode_command() accepts as one argument (which may expand to several).
template <class T>
concept Argument = detail::scalar_argument<std::remove_cvref_t<T>> || detail::pair_argument<T> ||
                   detail::range_argument<std::remove_cvref_t<T>>;

/// One Redis value: text, a number, or a user type with redispp_to_bulk (never a range or a pair,
/// which expand to several arguments). What the command methods take where Redis takes one value.
template <class T>
concept Value = detail::scalar_argument<std::remove_cvref_t<T>>;

namespace detail {
/// argument_view() for a parameter that is one value: a range or a pair there stops the build
/// with a message saying what to do, rather than a list of unsatisfied constraints.
template <class T>
decltype(auto) value_view(const T& value) noexcept {
  static_assert(Value<T>,
                "redispp: this parameter takes one value (text, a number, or a type with redispp_to_bulk), not a "
                "range or a pair, which would be sent as several arguments. Join the elements into one string, "
                "call a command that takes many (rpush, sadd, hset with a map ...), or declare redispp_to_bulk "
                "for your type in its namespace (protocol/encoder.hpp).");
  return argument_view(value);
}
}  // namespace detail

/// How many RESP arguments `args` expand to (a range counts its elements, a pair two): the
/// numkeys of EVAL, LMPOP, ZUNION, SINTERCARD ...
template <Argument... Args>
std::size_t argument_count(const Args&... args) noexcept {
  detail::Measure m;
  (detail::measure(m, args), ...);
  return m.count;
}

/// Appends one command (name and arguments) to `out` as a RESP array of bulk strings.
template <Argument... Args>
void encode_command(std::string& out, const Args&... args) {
  detail::Measure m;
  (detail::measure(m, args), ...);
  out.reserve(out.size() + 1 + detail::decimal_width(m.count) + 2 + m.bytes);
  detail::append_length_line(out, '*', m.count);
  (detail::append_argument(out, args), ...);
}

/// Builds one command whose arguments are only known at run time (optional flags, options
/// structs): arguments are appended to a body while being counted, and the "*<count>" header is
/// written in room kept free at the front, so finishing copies nothing.
///
///   ArgumentWriter w("SET");
///   w.add(key, value);
///   if (opts.nx) w.add("NX");
///   ArgumentWriter::Encoded encoded = std::move(w).finish();  // encoded.wire(): the bytes
class ArgumentWriter {
 public:
  template <Argument... Args>
  explicit ArgumentWriter(const Args&... args) {
    // Text as string_view from here on: a name given as a literal ("SET") is measured with
    // strlen once, not again by each step below.
    count_ = start(encoded_, detail::argument_view(args)...);
  }

  /// Appends arguments (each may expand to several, as in encode_command).
  template <Argument... Args>
  ArgumentWriter& add(const Args&... args) {
    return append(detail::argument_view(args)...);
  }

  /// Appends the arguments only when `condition` holds (flags such as NX, WITHSCORES).
  template <Argument... Args>
  ArgumentWriter& add_if(bool condition, const Args&... args) {
    if (condition) add(args...);
    return *this;
  }

  std::size_t count() const noexcept { return count_; }

  /// The finished command. The header is right-aligned in the free room at the front; the
  /// result is a string plus the offset where the command starts.
  /// It also remembers where the command's name is (its first argument, when that is text), so
  /// that the name is never parsed back out of the bytes.
  struct Encoded {
    detail::CommandBuffer buffer;
    std::size_t offset = 0;
    std::uint32_t name_begin = 0;  // in `buffer`; 0 = the first argument was not text
    std::uint32_t name_size = 0;
    std::string_view wire() const noexcept { return buffer.view().substr(offset); }
    /// The first argument ("GET", "CLIENT" ...), or "" when it was not given as text.
    std::string_view name() const noexcept { return buffer.view().substr(name_begin, name_size); }
  };
  Encoded finish() && noexcept {
    write_header(encoded_, count_);
    return std::move(encoded_);
  }

  /// What ArgumentWriter(args...) then finish() make, written straight into `out` (empty, as
  /// default-constructed): a Command made in one go (make_command) encodes into its own member,
  /// so its bytes are never moved, where a writer's must move from the writer into the Command.
  template <Argument... Args>
  static void encode_into(Encoded& out, const Args&... args) {
    write_header(out, start(out, detail::argument_view(args)...));
  }

 private:
  // Writes the header room and `args` into `out` (empty) and notes the name; returns how many
  // RESP arguments they made.
  template <class... Args>
  static std::size_t start(Encoded& out, const Args&... args) {
    // One allocation for a command built in one go: the header room and every argument are
    // measured before anything is written, plus some room for the options builders add()
    // afterwards (SET ... EX 10 NX), so that those rarely grow the buffer a second time.
    detail::CommandBuffer& buffer = out.buffer;
    detail::Measure m;
    (detail::measure(m, args), ...);
    buffer.reserve(header_room + m.bytes + option_room);
    if constexpr ((detail::size_is_bounded<Args>() && ...)) {
      // Written through one pointer into room for the measured (upper bound) size, then cut
      // to what was written: the common case, every argument text or a number.
      char* at = buffer.extend(header_room + m.bytes);
      std::memset(at, 0, header_room);
      at += header_room;
      (detail::write_argument(at, args), ...);
      buffer.truncate(static_cast<std::size_t>(at - buffer.data()));
    } else {
      buffer.append_zeros(header_room);
      (detail::append_argument(buffer, args), ...);
    }
    if constexpr (sizeof...(Args) > 0) note_name(out, args...);
    return m.count;
  }
  // "*<count>\r\n", written backwards from the end of the room so that it lands right-aligned
  // without a copy.
  static void write_header(Encoded& out, std::size_t count) noexcept {
    char* const room = out.buffer.data();
    char* at = room + header_room;
    *--at = '\n';
    *--at = '\r';
    if (count < 10) {  // nearly every command: no division
      *--at = static_cast<char>('0' + count);
    } else {
      do {
        *--at = static_cast<char>('0' + count % 10);
        count /= 10;
      } while (count != 0);
    }
    *--at = '*';
    out.offset = static_cast<std::size_t>(at - room);
  }
  template <class... Args>
  ArgumentWriter& append(const Args&... args) {
    detail::CommandBuffer& buffer = encoded_.buffer;
    detail::Measure m;
    (detail::measure(m, args), ...);
    if constexpr ((detail::size_is_bounded<Args>() && ...)) {
      char* at = buffer.extend(m.bytes);  // as in start()
      (detail::write_argument(at, args), ...);
      buffer.truncate(static_cast<std::size_t>(at - buffer.data()));
    } else {
      buffer.reserve(buffer.size() + m.bytes);
      (detail::append_argument(buffer, args), ...);
    }
    count_ += m.count;
    return *this;
  }
  // The name is the first argument: "$<size>\r\n" right after the header room.
  template <class First, class... Rest>
  static void note_name(Encoded& out, const First& first, const Rest&...) noexcept {
    if constexpr (detail::text_argument<First>) {
      const std::size_t size = std::string_view(first).size();
      if (size <= 0xffffffffu) {
        out.name_size = static_cast<std::uint32_t>(size);
        out.name_begin = static_cast<std::uint32_t>(header_room + 1 + detail::decimal_width(size) + 2);
      }
    }
  }

  static constexpr std::size_t header_room = 24;  // "*" + 20 digits + CRLF
  static constexpr std::size_t option_room = 48;  // "$2\r\nEX\r\n$10\r\n1700000000\r\n$2\r\nNX\r\n" is 33
  Encoded encoded_;  // small commands never touch the heap (detail::CommandBuffer)
  std::size_t count_ = 0;
};

}  // namespace redispp
