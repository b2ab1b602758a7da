#pragma once
// StringsTarget<T>: the StringsSink (protocol/parser.hpp) that fills a T straight from the
// parser's read buffer, for the result types made only of strings: std::vector<std::string>
// (LRANGE, KEYS, HKEYS ...), maps of string to string (HGETALL, CONFIG GET ...) and sets of
// strings (SMEMBERS, SINTER ...). Redis::run takes that path for commands that keep the default
// conversion; every other type, and every reply of another shape (nil, integers, nested arrays,
// errors), goes through a Reply and convert<T> as before.
//
// Each target gives what convert<T> gives for the same reply, refusing (begin() returns false)
// what convert<T> would refuse, so that convert<T> raises the error:
//   vector:  an array, set or map (a map's keys and values in turn);
//   map:     a map, or an array or set of an even number of elements (key, value, ...; the
//            first of equal keys stays, as emplace() keeps it);
//   set:     an array or set.
// tests/unit/protocol/strings_target_test.cpp feeds both paths the same bytes.

#include <cstddef>      // std::size_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <type_traits>  // std::is_same_v
#include <utility>      // std::move
#include <vector>       // std::vector

#include <redispp/protocol/convert.hpp>  // map_like, set_like, user_convertible
#include <redispp/protocol/parser.hpp>   // StringsSink

namespace redispp::detail {

/// No fast path: the reply goes through a Reply and convert<T>.
template <class T>
struct StringsTarget {
  static constexpr bool supported = false;
};

template <class Allocator>
struct StringsTarget<std::vector<std::string, Allocator>> final : StringsSink {
  static constexpr bool supported = true;
  std::vector<std::string, Allocator> value;

  bool begin(ReplyType, std::size_t count) override {
    value.reserve(count);
    return true;
  }
  void add(std::string_view element) override { value.emplace_back(element); }
};

template <class T>
concept string_map = map_like<T> && std::is_same_v<typename T::key_type, std::string> &&
                     std::is_same_v<typename T::mapped_type, std::string>;
template <class T>
concept string_set = set_like<T> && std::is_same_v<typename T::key_type, std::string>;

template <string_map T>
struct StringsTarget<T> final : StringsSink {
  static constexpr bool supported = true;
  T value;

  bool begin(ReplyType, std::size_t count) override {
    if (count % 2 != 0) return false;
    if constexpr (requires { value.reserve(count); }) value.reserve(count / 2);
    return true;
  }
  void add(std::string_view element) override {
    if (!has_key_) {
      key_ = element;  // still in the parser's buffer when its value comes (StringsSink::add)
      has_key_ = true;
      return;
    }
    has_key_ = false;
    // try_emplace: a key already there costs no node, and the value is made in place.
    if constexpr (requires { value.try_emplace(std::string(key_), element); })
      value.try_emplace(std::string(key_), element);
    else
      value.emplace(std::string(key_), std::string(element));
  }

 private:
  std::string_view key_;  // a key waiting for its value
  bool has_key_ = false;
};

template <string_set T>
struct StringsTarget<T> final : StringsSink {
  static constexpr bool supported = true;
  T value;

  bool begin(ReplyType type, std::size_t count) override {
    if (type == ReplyType::map) return false;
    if constexpr (requires { value.reserve(count); }) value.reserve(count);
    return true;
  }
  void add(std::string_view element) override { value.insert(std::string(element)); }
};

/// Whether a T converted by convert<T> can take the fast path (a user's redispp_from_reply
/// always has the last word).
template <class T>
inline constexpr bool reads_strings = StringsTarget<T>::supported && !user_convertible<T>;

}  // namespace redispp::detail
