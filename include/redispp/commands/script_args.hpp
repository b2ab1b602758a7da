#pragma once
// ScriptArgs: the keys or the arguments of a script call, given inline as a braced list of
// mixed values: text, numbers and user types, each encoded as every other argument is
// (protocol/encoder.hpp: shortest round-trip doubles, NaN refused, user types through
// redispp_to_bulk found by ADL).
//
//   script.call<long long>({"counter"}, {5});
//   r.eval("return ARGV[1] .. ARGV[2] .. ARGV[3]", {}, {"a", 2, 3.5});
//   script.call({"k"}, {Point{1, 2}});                 // redispp_to_bulk(const Point&)
//   script.call(std::vector<std::string>{"a", "b"});   // any range the encoder accepts, too
//
// A std::initializer_list cannot hold values of different types, so each element is a
// ScriptArg, made from any one value by an implicit constructor; it owns its bytes, so a
// ScriptArgs may outlive the values it was made from. ScriptArgs is itself a range of
// std::string, so it is an Argument wherever one is taken (numkeys counts its elements).

#include <concepts>          // std::same_as
#include <cstddef>           // std::size_t
#include <initializer_list>  // std::initializer_list
#include <string>            // std::string
#include <string_view>       // std::string_view
#include <utility>           // std::move
#include <vector>            // std::vector

#include <redispp/protocol/encoder.hpp>

namespace redispp {

/// One value of a ScriptArgs, as the bytes it is sent as.
class ScriptArg {
 public:
  template <class T>
    requires detail::scalar_argument<T>
  ScriptArg(const T& value) : bytes_(encode(value)) {}  // NOLINT(google-explicit-constructor): {"k", 5} must work

  const std::string& bytes() const noexcept { return bytes_; }

 private:
  template <class T>
  static std::string encode(const T& value) {
    if constexpr (detail::user_argument<T>) {
      const auto bulk = redispp_to_bulk(value);
      return std::string(bulk.data(), bulk.size());
    } else {
      return std::string(detail::ArgumentText(value).view());
    }
  }

  std::string bytes_;
};

/// The keys or arguments of a script call: a braced list of mixed values, or any range or pair
/// the encoder accepts (expanded as the encoder expands it).
class ScriptArgs {
 public:
  using value_type = std::string;
  using const_iterator = std::vector<std::string>::const_iterator;

  ScriptArgs() = default;
  ScriptArgs(std::initializer_list<ScriptArg> values) {
    values_.reserve(values.size());
    for (const ScriptArg& value : values) values_.push_back(value.bytes());
  }
  /// From a range (std::vector<int>, std::array<std::string_view, 3> ...) or a pair.
  template <class R>
    requires(!std::same_as<R, ScriptArgs> && (detail::range_argument<R> || detail::pair_argument<R>))
  ScriptArgs(const R& values) {  // NOLINT(google-explicit-constructor): a vector where a list is taken
    add(values);
  }

  std::size_t size() const noexcept { return values_.size(); }
  bool empty() const noexcept { return values_.empty(); }
  const std::string& operator[](std::size_t i) const { return values_[i]; }
  const_iterator begin() const noexcept { return values_.begin(); }
  const_iterator end() const noexcept { return values_.end(); }

 private:
  template <class T>
  void add(const T& value) {
    if constexpr (detail::scalar_argument<T>) {
      values_.push_back(ScriptArg(value).bytes());
    } else if constexpr (detail::pair_argument<T>) {
      add(value.first);
      add(value.second);
    } else {
      for (const auto& element : value) add(element);
    }
  }

  std::vector<std::string> values_;
};

}  // namespace redispp
