#pragma once
// redis-benchmark as a baseline measured in the same run (bench_roundtrip, bench_tls,
// bench_pubsub): runs one redis-benchmark command line with --csv and reads the requests/s of
// one of its tests.
#include <algorithm>    // std::min
#include <cmath>        // std::isfinite
#include <cstdio>       // popen, pclose, fread
#include <cstdlib>      // std::strtod
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view

namespace redispp::bench {

/// Requests/s of the test named `test` in the --csv output of `command` (a redis-benchmark
/// command line): the test of that title, or for a command given as text (redis-benchmark
/// titles it with the whole command line), the one whose title is `test` then a space.
/// std::nullopt when redis-benchmark is missing or fails, or timed too few requests ("inf"):
/// the tables then show "-".
inline std::optional<double> redis_benchmark_rps(const std::string& command, std::string_view test) {
  FILE* out = ::popen((command + " 2>/dev/null").c_str(), "r");
  if (out == nullptr) return std::nullopt;
  // Whole, not line by line: a custom command's title holds its arguments (a 1 KiB payload).
  std::string text;
  char chunk[4096];
  for (std::size_t got; (got = std::fread(chunk, 1, sizeof chunk, out)) > 0;) text.append(chunk, got);
  if (::pclose(out) != 0) return std::nullopt;
  // Lines such as "GET","1190476.25","0.063",... after a header line.
  std::optional<double> rps;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line = std::string_view(text).substr(at, end - at);
    at = end + 1;
    const std::size_t title_end = line.find("\",\"");
    if (line.empty() || line.front() != '"' || title_end == std::string_view::npos) continue;
    const std::string_view title = line.substr(1, title_end - 1);
    if (title != test && !(title.size() > test.size() && title.starts_with(test) && title[test.size()] == ' ')) continue;
    rps = std::strtod(std::string(line.substr(title_end + 3)).c_str(), nullptr);
  }
  if (rps && !std::isfinite(*rps)) return std::nullopt;
  return rps;
}

}  // namespace redispp::bench
