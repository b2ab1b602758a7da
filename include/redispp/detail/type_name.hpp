#pragma once
// type_name<T>(): a readable name for T in error messages ("long long",
// "std::optional<std::__cxx11::basic_string<char> >" shortened to "std::optional<std::string>").

#include <string>       // std::string
#include <string_view>  // std::string_view

#include <redispp/config.hpp>  // REDISPP_DECL

namespace redispp::detail {

template <class T>
constexpr std::string_view raw_type_name() noexcept {
#if defined(__clang__) || defined(__GNUC__)
  std::string_view name = __PRETTY_FUNCTION__;
  const auto start = name.find("T = ") + 4;
  const auto end = name.find_first_of(";]", start);
  return name.substr(start, end - start);
#else
  return "T";
#endif
}

/// The compiler's spelling of a type made readable: std::string's long spellings shortened,
/// "long long int" as "long long", no space in " >" (impl/type_name.ipp).
REDISPP_DECL std::string readable_type_name(std::string_view raw);

/// The compiler's name for T, with std::string's long spelling shortened. Only the lookup of
/// the spelling is a template: the rewriting is compiled once, not again for every T a program
/// converts to or queues in a pipeline (each copy was 1.7 KB of code in the user's file).
template <class T>
std::string type_name() {
  return readable_type_name(raw_type_name<T>());
}

}  // namespace redispp::detail

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/type_name.ipp>
#endif
