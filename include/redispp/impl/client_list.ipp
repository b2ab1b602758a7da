#pragma once
// CLIENT LIST text -> ClientInfo.

#include <charconv>  // std::from_chars

#include <redispp/commands/client_list.hpp>

namespace redispp {

namespace detail {
inline long long to_integer_or_zero(std::string_view text) noexcept {
  long long value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}
}  // namespace detail

REDISPP_DECL std::vector<ClientInfo> parse_client_list(std::string_view text) {
  std::vector<ClientInfo> clients;
  while (!text.empty()) {
    const auto line_end = text.find('\n');
    std::string_view line = text.substr(0, line_end);
    text.remove_prefix(line_end == std::string_view::npos ? text.size() : line_end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    ClientInfo client;
    while (!line.empty()) {
      const auto space = line.find(' ');
      const std::string_view item = line.substr(0, space);
      const auto equals = item.find('=');
      std::string key(item.substr(0, equals));
      std::string value(equals == std::string_view::npos ? std::string_view() : item.substr(equals + 1));
      if (key == "id") client.id = detail::to_integer_or_zero(value);
      else if (key == "addr") client.addr = value;
      else if (key == "laddr") client.laddr = value;
      else if (key == "name") client.name = value;
      else if (key == "user") client.user = value;
      else if (key == "flags") client.flags = value;
      else if (key == "cmd") client.cmd = value;
      else if (key == "db") client.db = detail::to_integer_or_zero(value);
      else if (key == "age") client.age = std::chrono::seconds(detail::to_integer_or_zero(value));
      else if (key == "idle") client.idle = std::chrono::seconds(detail::to_integer_or_zero(value));
      client.fields.emplace(std::move(key), std::move(value));
      if (space == std::string_view::npos) break;
      line.remove_prefix(space + 1);
    }
    clients.push_back(std::move(client));
  }
  return clients;
}

}  // namespace redispp
