#pragma once
// A type of yours as a hash's fields: the (field, value) pairs HSET, HMSET and XADD write. An ADL
// customisation point beside the two that exist: redispp_to_bulk makes a type ONE argument
// (encoder.hpp), redispp_from_reply makes a type from a reply (convert.hpp); redispp_to_fields
// makes it MANY field, value arguments. Declare it in your type's namespace:
//
//   namespace shop {
//   struct Item {
//     std::string name;
//     long long stock = 0;
//     double price = 0;
//   };
//   // Write: r.hset("item:1", item), r.hmset(...), r.xadd("events", item), pipelines too.
//   auto redispp_to_fields(const Item& i) {
//     return std::tuple(std::pair("name", std::string_view(i.name)), std::pair("stock", i.stock),
//                       std::pair("price", i.price));
//   }
//   // Read: Item i = r.hgetall<shop::Item>("item:1"); (convert<Item>, so pipelines too:
//   // p.hgetall<shop::Item>("item:1") ... res.get<shop::Item>(i)). The reply is HGETALL's: a
//   // flat field, value, ... array in RESP2, a map in RESP3; converting it to a map of Replies
//   // reads both, and each field converts with the library's rules (DataError if it does not fit;
//   // a missing field is a nil Reply: ask for a std::optional where a field may be absent).
//   Item redispp_from_reply(redispp::Reply&& reply, std::type_identity<Item>) {
//     auto f = redispp::convert<std::unordered_map<std::string, redispp::Reply>>(std::move(reply));
//     return Item{redispp::convert<std::string>(std::move(f["name"])), redispp::convert<long long>(std::move(f["stock"])),
//                 redispp::convert<double>(std::move(f["price"]))};
//   }
//   }  // namespace shop
//
// redispp_to_fields returns a std::tuple of pairs (each its own types, as above) or a range of
// pairs (std::vector<std::pair<std::string_view, std::string>>, a std::map ...), each pair a
// field and a value of any type the encoder takes: text, numbers (a double in its shortest form
// that reads back to the same value, so a round trip gives it back exactly), types with
// redispp_to_bulk. Anything else fails to compile with a static_assert saying so.
//
// Where a mapping is taken (Mapping<T>): a type with redispp_to_fields; otherwise a map or range
// of (field, value) pairs (or a flat field, value, ... range), or one pair. A type with both
// hooks is a mapping in hset(key, x) and one argument in set(key, x) or hset(key, field, x): the
// call decides, nothing is ambiguous. A type with neither hook, or with redispp_to_bulk only, is
// not a Mapping, so hset(key, x) does not compile for it.

#include <tuple>        // std::tuple, std::apply
#include <type_traits>  // std::remove_cvref_t, std::bool_constant
#include <utility>      // std::forward

#include <redispp/detail/forward_range.hpp>  // range_reference_t
#include <redispp/protocol/encoder.hpp>  // range_argument, pair_argument

namespace redispp {

namespace detail {

// Found only by argument-dependent lookup: nothing in redispp is called redispp_to_fields.
template <class T>
concept user_fields = requires(const T& value) { redispp_to_fields(value); };

template <class T>
struct is_tuple_of_pairs : std::false_type {};
template <class... Pairs>
struct is_tuple_of_pairs<std::tuple<Pairs...>> : std::bool_constant<(pair_argument<Pairs> && ...)> {};

/// What redispp_to_fields may return: a tuple of pairs, or a range of pairs.
template <class T>
concept field_list = is_tuple_of_pairs<T>::value ||
                     (range_argument<T> && pair_argument<range_reference_t<const T>>);

}  // namespace detail

/// What HSET, HMSET and XADD take as their fields: a type with redispp_to_fields, a map or range
/// of (field, value) pairs (a flat field, value, ... range too), or one pair.
template <class T>
concept Mapping = detail::user_fields<std::remove_cvref_t<T>> || detail::range_argument<std::remove_cvref_t<T>> ||
                  detail::pair_argument<T>;

namespace detail {

/// Calls fn with the arguments that write `mapping`'s fields, and returns what fn returns: the
/// mapping itself, or what its redispp_to_fields gives (a tuple's pairs as separate arguments).
template <class T, class Fn>
decltype(auto) with_fields(const T& mapping, Fn&& fn) {
  if constexpr (user_fields<T>) {
    const auto& fields = redispp_to_fields(mapping);  // a temporary lives as long as the reference
    using Fields = std::remove_cvref_t<decltype(fields)>;
    static_assert(field_list<Fields>,
                  "redispp_to_fields(x) must return a std::tuple of (field, value) pairs or a range of them, each "
                  "field and value text, a number or a type with redispp_to_bulk (see protocol/fields.hpp)");
    if constexpr (is_tuple_of_pairs<Fields>::value)
      return std::apply(std::forward<Fn>(fn), fields);
    else
      return std::forward<Fn>(fn)(fields);
  } else {
    return std::forward<Fn>(fn)(mapping);
  }
}

}  // namespace detail

}  // namespace redispp
