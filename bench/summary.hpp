#pragma once
// What both benchmarks do with their rounds' measurements: take the median round (a noisy
// neighbour slows some rounds, rarely most), and print rates that span six orders of magnitude
// across the workloads in a few characters ("1.23M", or "1.23 M" with a gap).
#include <algorithm>    // std::sort
#include <cstddef>      // std::size_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <fmt/format.h>

namespace redispp::bench {

inline double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

inline std::string si(double value, std::string_view gap = "") {
  if (value >= 1e9) return fmt::format("{:.2f}{}G", value / 1e9, gap);
  if (value >= 1e6) return fmt::format("{:.2f}{}M", value / 1e6, gap);
  if (value >= 1e3) return fmt::format("{:.1f}{}k", value / 1e3, gap);
  return fmt::format("{:.0f}", value);
}

}  // namespace redispp::bench
