#pragma once
// Reply -> C++ value: what redis-py's "response callbacks" do, as one function template.
//
//   convert<T>(reply)
//
// An error reply becomes the exception of its prefix (throw_error_reply: WRONGTYPE ->
// WrongTypeError, NOSCRIPT -> NoScriptError, NOAUTH -> AuthenticationError ...), whatever T is.
// Otherwise, by T:
//   Reply                 the reply itself
//   bool                  integer (non-zero), boolean, simple string "OK", nil -> false
//   integral types        integer, boolean, or text that is a whole decimal number in range
//   floating point        double, integer, or text that is a number ("inf", "-inf", "nan" too)
//   std::string           any text type, integers and doubles as their decimal text
//   std::optional<U>      nil -> std::nullopt, else U
//   std::vector<U>        array, set or push; a map gives its key, value, ... elements, or its
//                         pairs when U is a std::pair
//   set types             array or set (std::set, std::unordered_set ...)
//   map types             map; or an array of key, value, ... (RESP2); or an array of
//                         [key, value] pairs (RESP3 nesting) — so RESP2 and RESP3 agree
//   std::pair<A, B>       a two-element array (or a one-entry map)
//   std::tuple<U...>      an array of exactly that many elements
//   user types            through ADL:  T redispp_from_reply(redispp::Reply&&, std::type_identity<T>)
//                         (a struct from a hash, r.hgetall<T>(key): the example in protocol/fields.hpp)
// Anything else throws DataError naming the expected C++ type and the reply that came: its kind
// and size, and at most 32 bytes of its value. (A command's host adds the command and its key,
// and the whole reply: ReplyTypeError, thrown by settle(), commands/settle.hpp.)

#include <charconv>     // std::from_chars
#include <cstddef>      // std::size_t
#include <limits>       // std::numeric_limits
#include <optional>     // std::optional
#include <string>       // std::string
#include <tuple>        // std::tuple
#include <type_traits>  // std::type_identity
#include <utility>      // std::pair
#include <vector>       // std::vector

#include <redispp/config.hpp>
#include <redispp/detail/from_chars_double.hpp>
#include <redispp/detail/type_name.hpp>
#include <redispp/errors.hpp>
#include <redispp/protocol/common_reply_types.hpp>
#include <redispp/protocol/reply.hpp>

namespace redispp {

template <class T>
T convert(Reply&& reply);

namespace detail {

template <class T>
struct is_optional : std::false_type {};
template <class U>
struct is_optional<std::optional<U>> : std::true_type {};

template <class T>
struct is_std_pair : std::false_type {};
template <class A, class B>
struct is_std_pair<std::pair<A, B>> : std::true_type {};

template <class T>
struct is_tuple : std::false_type {};
template <class... U>
struct is_tuple<std::tuple<U...>> : std::true_type {};

template <class T>
struct is_vector : std::false_type {};
template <class U, class A>
struct is_vector<std::vector<U, A>> : std::true_type {};

template <class T>
concept map_like = requires {
  typename T::key_type;
  typename T::mapped_type;
} && requires(T m, typename T::key_type k, typename T::mapped_type v) { m.emplace(std::move(k), std::move(v)); };

template <class T>
concept set_like = !map_like<T> && requires { typename T::key_type; } &&
                   requires(T s, typename T::key_type k) { s.insert(std::move(k)); };

template <class T>
concept user_convertible = requires(Reply&& r) {
  { redispp_from_reply(std::move(r), std::type_identity<T>{}) } -> std::same_as<T>;
};

// describe, conversion_failed_to and string_from are defined in impl/convert.ipp: compiled once
// into the library, so that a file including this header does not instantiate (and check the
// format strings of) their fmt::format calls.

/// A short rendering of a reply for error messages: its kind and size, and at most 32 bytes of
/// a value ('bulk string reply of 5 bytes "hello"', "array reply of 3 elements").
REDISPP_DECL std::string describe(const Reply& reply);

/// Throws DataError: "cannot convert <describe(reply)> to <type>[: <why>]".
[[noreturn]] REDISPP_DECL void conversion_failed_to(const Reply& reply, std::string_view type, std::string_view why);

/// Throws ReplyTypeError for a command's reply that did not convert (`cause`): the message is
/// error_prefix(context) with the first key after the command's name, then the cause's; the
/// exception keeps `reply`. settle()'s error path (commands/settle.hpp).
[[noreturn]] REDISPP_DECL void throw_reply_type_error(const DataError& cause, Reply&& reply,
                                                     const ErrorContext& context,
                                                     std::optional<std::string_view> first_key);

template <class T>
[[noreturn]] void conversion_failed(const Reply& reply, std::string_view why = {}) {
  conversion_failed_to(reply, type_name<T>(), why);
}

template <class T>
T integer_from(Reply& reply) {
  long long value = 0;
  switch (reply.type()) {
    case ReplyType::integer: value = reply.integer(); break;
    case ReplyType::boolean: value = reply.boolean() ? 1 : 0; break;
    case ReplyType::simple_string:
    case ReplyType::bulk_string:
    case ReplyType::big_number:
    case ReplyType::verbatim: {
      const std::string_view text = reply.str();
      if constexpr (std::is_unsigned_v<T>) {
        unsigned long long u = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), u);
        if (ec != std::errc() || end != text.data() + text.size() || text.empty())
          conversion_failed<T>(reply, "not a whole number in range");
        if (u > std::numeric_limits<T>::max()) conversion_failed<T>(reply, "out of range");
        return static_cast<T>(u);
      } else {
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size() || text.empty())
          conversion_failed<T>(reply, "not a whole number in range");
      }
      break;
    }
    case ReplyType::double_: {
      const double d = reply.dbl();
      if (d != static_cast<double>(static_cast<long long>(d))) conversion_failed<T>(reply, "not a whole number");
      value = static_cast<long long>(d);
      break;
    }
    default: conversion_failed<T>(reply);
  }
  if constexpr (std::is_unsigned_v<T>) {
    if (value < 0 || static_cast<unsigned long long>(value) > std::numeric_limits<T>::max())
      conversion_failed<T>(reply, "out of range");
  } else {
    if (value < std::numeric_limits<T>::min() || value > std::numeric_limits<T>::max())
      conversion_failed<T>(reply, "out of range");
  }
  return static_cast<T>(value);
}

/// Parses Redis' text form of a double: decimal or exponent notation, "inf", "+inf", "-inf",
/// "nan" (any case for the words, as Redis prints them).
inline std::optional<double> parse_double(std::string_view text) noexcept {
  auto lower_equals = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if ((a[i] | 0x20) != b[i]) return false;
    return true;
  };
  if (lower_equals(text, "inf") || lower_equals(text, "+inf")) return std::numeric_limits<double>::infinity();
  if (lower_equals(text, "-inf")) return -std::numeric_limits<double>::infinity();
  if (lower_equals(text, "nan") || lower_equals(text, "-nan")) return std::numeric_limits<double>::quiet_NaN();
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, ec] = detail::from_chars_double(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

template <class T>
T floating_from(Reply& reply) {
  switch (reply.type()) {
    case ReplyType::double_: return static_cast<T>(reply.dbl());
    case ReplyType::integer: return static_cast<T>(reply.integer());
    case ReplyType::simple_string:
    case ReplyType::bulk_string:
    case ReplyType::big_number:
    case ReplyType::verbatim:
      if (const auto value = parse_double(reply.str())) return static_cast<T>(*value);
      conversion_failed<T>(reply, "not a number");
    default: conversion_failed<T>(reply);
  }
}

/// Text replies as they are, integers and doubles as their decimal text.
REDISPP_DECL std::string string_from(Reply& reply);

inline bool bool_from(Reply& reply) {
  switch (reply.type()) {
    case ReplyType::integer: return reply.integer() != 0;
    case ReplyType::boolean: return reply.boolean();
    case ReplyType::nil: return false;
    case ReplyType::simple_string:
      if (reply.str() == "OK") return true;
      conversion_failed<bool>(reply, "only OK reads as true");
    default: conversion_failed<bool>(reply);
  }
}

/// Pairs from a map, a flat key, value, ... array, or an array of two-element arrays.
template <class Pair, class Out>
void pairs_from(Reply& reply, Out&& emit) {
  using A = typename Pair::first_type;
  using B = typename Pair::second_type;
  auto& elements = reply.elements();
  const bool nested = reply.type() != ReplyType::map && !elements.empty() && elements.front().is_aggregate();
  if (nested) {
    for (Reply& element : elements) {
      if (!element.is_aggregate() || element.elements().size() != 2)
        conversion_failed<Pair>(element, "expected a [key, value] pair");
      emit(convert<A>(std::move(element.elements()[0])), convert<B>(std::move(element.elements()[1])));
    }
    return;
  }
  if (elements.size() % 2 != 0) conversion_failed<Pair>(reply, "an odd number of elements cannot form pairs");
  for (std::size_t i = 0; i < elements.size(); i += 2)
    emit(convert<A>(std::move(elements[i])), convert<B>(std::move(elements[i + 1])));
}

inline bool is_list_type(const Reply& reply) {
  return reply.type() == ReplyType::array || reply.type() == ReplyType::set || reply.type() == ReplyType::push;
}

template <class Tuple, std::size_t... I>
Tuple tuple_from(std::vector<Reply>& elements, std::index_sequence<I...>) {
  return Tuple(convert<std::tuple_element_t<I, Tuple>>(std::move(elements[I]))...);
}

}  // namespace detail

/// Converts a reply to T as the table at the top of this file says. Throws the error reply's
/// exception for error replies and DataError for a shape that does not fit.
template <class T>
T convert(Reply&& reply) {
  if (reply.is_error()) throw_error_reply(reply.str());
  if constexpr (std::is_same_v<T, Reply>) {
    return std::move(reply);
  } else if constexpr (detail::user_convertible<T>) {
    return redispp_from_reply(std::move(reply), std::type_identity<T>{});
  } else if constexpr (std::is_same_v<T, bool>) {
    return detail::bool_from(reply);
  } else if constexpr (std::is_integral_v<T>) {
    return detail::integer_from<T>(reply);
  } else if constexpr (std::is_floating_point_v<T>) {
    return detail::floating_from<T>(reply);
  } else if constexpr (std::is_same_v<T, std::string>) {
    return detail::string_from(reply);
  } else if constexpr (detail::is_optional<T>::value) {
    if (reply.is_nil()) return std::nullopt;
    return T(convert<typename T::value_type>(std::move(reply)));
  } else if constexpr (detail::is_std_pair<T>::value) {
    auto& elements = reply.elements();
    if (!reply.is_aggregate() || elements.size() != 2)
      detail::conversion_failed<T>(reply, "expected two elements");
    return T(convert<typename T::first_type>(std::move(elements[0])),
             convert<typename T::second_type>(std::move(elements[1])));
  } else if constexpr (detail::is_tuple<T>::value) {
    constexpr std::size_t n = std::tuple_size_v<T>;
    if (!reply.is_aggregate() || reply.elements().size() != n)
      detail::conversion_failed<T>(reply, "expected " + std::to_string(n) + " elements");
    return detail::tuple_from<T>(reply.elements(), std::make_index_sequence<n>{});
  } else if constexpr (detail::is_vector<T>::value) {
    using U = typename T::value_type;
    T out;
    if constexpr (detail::is_std_pair<U>::value) {
      if (!detail::is_list_type(reply) && reply.type() != ReplyType::map) detail::conversion_failed<T>(reply);
      out.reserve(reply.elements().size() / 2);
      detail::pairs_from<U>(reply, [&out](auto&& a, auto&& b) { out.emplace_back(std::move(a), std::move(b)); });
    } else {
      if (!detail::is_list_type(reply) && reply.type() != ReplyType::map) detail::conversion_failed<T>(reply);
      out.reserve(reply.elements().size());
      for (Reply& element : reply.elements()) out.push_back(convert<U>(std::move(element)));
    }
    return out;
  } else if constexpr (detail::map_like<T>) {
    using Pair = std::pair<typename T::key_type, typename T::mapped_type>;
    if (!detail::is_list_type(reply) && reply.type() != ReplyType::map) detail::conversion_failed<T>(reply);
    T out;
    // Hash maps get their buckets once (HGETALL of 100 fields would otherwise rehash 7 times).
    if constexpr (requires { out.reserve(std::size_t{}); })
      out.reserve(reply.type() == ReplyType::map || reply.elements().empty() || !reply.elements().front().is_aggregate()
                      ? reply.elements().size() / 2
                      : reply.elements().size());
    detail::pairs_from<Pair>(reply, [&out](auto&& k, auto&& v) { out.emplace(std::move(k), std::move(v)); });
    return out;
  } else if constexpr (detail::set_like<T>) {
    if (!detail::is_list_type(reply)) detail::conversion_failed<T>(reply);
    T out;
    if constexpr (requires { out.reserve(std::size_t{}); }) out.reserve(reply.elements().size());
    for (Reply& element : reply.elements()) out.insert(convert<typename T::key_type>(std::move(element)));
    return out;
  } else {
    static_assert(sizeof(T) == 0, "redispp::convert: no conversion for this type (see convert.hpp)");
  }
}

#ifndef REDISPP_HEADER_ONLY
// The most common types' conversions (common_reply_types.hpp) are compiled into the library
// (src/common_reply_types.cpp), not in each file whose commands return them.
#define REDISPP_EXTERN_CONVERT(T) extern template T convert<T>(Reply &&);
REDISPP_COMMON_REPLY_TYPES(REDISPP_EXTERN_CONVERT)
#undef REDISPP_EXTERN_CONVERT
#endif

/// Converts a copy of `reply` (for replies that must stay intact, as in PipelineResults).
template <class T>
T convert(const Reply& reply) {
  return convert<T>(Reply(reply));
}

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/convert.ipp>
#endif
