#include "proc.hpp"

#include <charconv>    // std::from_chars
#include <filesystem>  // std::filesystem::directory_iterator
#include <fstream>     // std::ifstream
#include <sstream>     // std::ostringstream
#include <vector>      // std::vector

namespace redispp::doctor {

namespace {

// The whitespace-separated fields of one line; /proc pads its columns with runs of spaces.
std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t at = 0;
  while (at < line.size()) {
    const std::size_t start = line.find_first_not_of(" \t", at);
    if (start == std::string_view::npos) break;
    std::size_t end = line.find_first_of(" \t", start);
    if (end == std::string_view::npos) end = line.size();
    fields.push_back(line.substr(start, end - start));
    at = end;
  }
  return fields;
}

std::optional<unsigned long> parse_hex(std::string_view text) {
  unsigned long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

TcpCounts count_tcp_sockets(std::string_view proc_net_tcp, int remote_port) {
  // A line: "  0: 0100007F:1F90 0100007F:C350 01 00000000:00000000 ..." — slot, local address,
  // remote address (hex IP ':' hex port; the IP is 8 hex digits for tcp, 32 for tcp6), state.
  constexpr unsigned long established = 0x01;
  constexpr unsigned long time_wait = 0x06;
  TcpCounts counts;
  while (!proc_net_tcp.empty()) {
    const std::size_t newline = proc_net_tcp.find('\n');
    const std::string_view line = proc_net_tcp.substr(0, newline);
    proc_net_tcp.remove_prefix(newline == std::string_view::npos ? proc_net_tcp.size() : newline + 1);
    const auto fields = split_fields(line);
    if (fields.size() < 4 || fields[0].empty() || fields[0].back() != ':') continue;  // the header, or noise
    const std::string_view remote = fields[2];
    const std::size_t colon = remote.rfind(':');
    if (colon == std::string_view::npos) continue;
    const auto port = parse_hex(remote.substr(colon + 1));
    const auto state = parse_hex(fields[3]);
    if (!port || !state || *port != static_cast<unsigned long>(remote_port)) continue;
    if (*state == established)
      ++counts.established;
    else if (*state == time_wait)
      ++counts.time_wait;
  }
  return counts;
}

std::optional<long long> parse_proc_number(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

std::optional<long long> count_open_fds() {
  std::error_code error;
  std::filesystem::directory_iterator entries("/proc/self/fd", error);
  if (error) return std::nullopt;
  long long count = 0;
  for (const auto& entry : entries) {
    (void)entry;
    ++count;
  }
  // The iterator holds the directory open while it lists it: that fd is ours, not the caller's.
  return count > 0 ? count - 1 : 0;
}

}  // namespace redispp::doctor
