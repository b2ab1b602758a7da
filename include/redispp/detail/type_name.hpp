#pragma once
// type_name<T>(): a readable name for T in error messages ("long long",
// "std::optional<std::__cxx11::basic_string<char> >" shortened to "std::optional<std::string>").

#include <string>       // std::string
#include <string_view>  // std::string_view

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

/// The compiler's name for T, with std::string's long spelling shortened.
template <class T>
std::string type_name() {
  std::string name(raw_type_name<T>());
  static constexpr std::string_view spellings[] = {
      "std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >",
      "std::__cxx11::basic_string<char>", "std::basic_string<char>",
      "std::basic_string<char, std::char_traits<char>, std::allocator<char> >"};
  for (const std::string_view long_form : spellings) {
    for (auto at = name.find(long_form); at != std::string::npos; at = name.find(long_form, at))
      name.replace(at, long_form.size(), "std::string");
  }
  // GCC spells "long long" as "long long int" and closes templates with " >".
  const auto replace_all = [&name](std::string_view from, std::string_view to) {
    for (auto at = name.find(from); at != std::string::npos; at = name.find(from, at + to.size()))
      name.replace(at, from.size(), to);
  };
  replace_all("long long int", "long long");
  replace_all("long int", "long");
  replace_all("short int", "short");
  replace_all(" >", ">");
  return name;
}

}  // namespace redispp::detail
