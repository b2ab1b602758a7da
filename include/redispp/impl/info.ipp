#pragma once
// INFO text -> Info.

#include <charconv>  // std::from_chars

#include <fmt/format.h>

#include <redispp/commands/info.hpp>
#include <redispp/detail/from_chars_double.hpp>
#include <redispp/errors.hpp>

namespace redispp {

namespace detail {

inline InfoScalar parse_info_scalar(std::string_view value) {
  long long integer = 0;
  const char* end = value.data() + value.size();
  if (auto [p, ec] = std::from_chars(value.data(), end, integer); ec == std::errc() && p == end && !value.empty())
    return integer;
  double number = 0;
  if (auto [p, ec] = detail::from_chars_double(value.data(), end, number, std::chars_format::fixed);
      ec == std::errc() && p == end && !value.empty())
    return number;
  return std::string(value);
}

}  // namespace detail

REDISPP_DECL InfoValue parse_info_value(std::string_view value) {
  if (value.find('=') == std::string_view::npos) {
    InfoScalar scalar = detail::parse_info_scalar(value);
    return std::visit([](auto&& v) -> InfoValue { return std::move(v); }, std::move(scalar));
  }
  InfoFields fields;
  while (!value.empty()) {
    const auto comma = value.find(',');
    const std::string_view item = value.substr(0, comma);
    const auto equals = item.find('=');
    if (equals == std::string_view::npos)
      fields.emplace(std::string(item), std::string());
    else
      fields.emplace(std::string(item.substr(0, equals)), detail::parse_info_scalar(item.substr(equals + 1)));
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return fields;
}

REDISPP_DECL Info parse_info(std::string_view text) {
  Info info;
  auto* section = &info.sections[""];
  while (!text.empty()) {
    auto line_end = text.find('\n');
    std::string_view line = text.substr(0, line_end);
    text.remove_prefix(line_end == std::string_view::npos ? text.size() : line_end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line.front() == '#') {
      line.remove_prefix(1);
      while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
      std::string name(line);
      for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      section = &info.sections[name];
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // not a field (never sent by Redis 7)
    (*section)[std::string(line.substr(0, colon))] = parse_info_value(line.substr(colon + 1));
  }
  if (info.sections[""].empty()) info.sections.erase("");
  return info;
}

REDISPP_DECL const InfoValue* Info::find(std::string_view field) const noexcept {
  for (const auto& [name, fields] : sections) {
    if (auto it = fields.find(field); it != fields.end()) return &it->second;
  }
  return nullptr;
}

REDISPP_DECL const InfoValue& Info::at(std::string_view field) const {
  if (const InfoValue* value = find(field)) return *value;
  throw DataError(fmt::format("INFO has no field '{}'", field));
}

REDISPP_DECL long long Info::integer(std::string_view field) const {
  if (const auto* value = std::get_if<long long>(&at(field))) return *value;
  throw DataError(fmt::format("INFO field '{}' is not a whole number", field));
}

REDISPP_DECL double Info::number(std::string_view field) const {
  const InfoValue& value = at(field);
  if (const auto* i = std::get_if<long long>(&value)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(&value)) return *d;
  throw DataError(fmt::format("INFO field '{}' is not a number", field));
}

REDISPP_DECL std::string Info::text(std::string_view field) const {
  const InfoValue& value = at(field);
  if (const auto* i = std::get_if<long long>(&value)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&value)) return fmt::format("{}", *d);
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  throw DataError(fmt::format("INFO field '{}' is a set of fields, not text", field));
}

}  // namespace redispp
