#pragma once
// detail::readable_type_name (detail/type_name.hpp): compiled once into the library.

#include <string>       // std::string
#include <string_view>  // std::string_view

#include <redispp/detail/type_name.hpp>

namespace redispp::detail {

/// `text` with every `from` replaced by `to`, left to right. Built by appending, not with
/// std::string::replace, which GCC 12 at -O3 reports as a bogus -Wrestrict overlap (GCC bug
/// 105329) and -Werror then fails the Release build.
inline std::string replaced_all(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (std::size_t found = text.find(from); found != std::string_view::npos; found = text.find(from, at)) {
    out.append(text.substr(at, found - at)).append(to);
    at = found + from.size();
  }
  out.append(text.substr(at));
  return out;
}

REDISPP_DECL std::string readable_type_name(std::string_view raw) {
  std::string name(raw);
  static constexpr std::string_view spellings[] = {
      "std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >",
      "std::__cxx11::basic_string<char>", "std::basic_string<char>",
      "std::basic_string<char, std::char_traits<char>, std::allocator<char> >"};
  for (const std::string_view long_form : spellings) name = replaced_all(name, long_form, "std::string");
  // GCC spells "long long" as "long long int" and closes templates with " >".
  name = replaced_all(name, "long long int", "long long");
  name = replaced_all(name, "long int", "long");
  name = replaced_all(name, "short int", "short");
  return replaced_all(name, " >", ">");
}

}  // namespace redispp::detail
