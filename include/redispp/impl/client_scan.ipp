#pragma once
// Redis::scan_iter and its hash, set and sorted-set kin: out of the header so that a program
// that never calls them does not instantiate the SCAN commands' run() and conversions
// (compile time: bench/README.md).

#include <utility>  // std::move

#include <redispp/client.hpp>

namespace redispp {

REDISPP_DECL ScanRange<std::vector<std::string>> Redis::scan_iter(ScanOptions options) {
  return ScanRange<std::vector<std::string>>(
      [self = *this, options = std::move(options)](std::uint64_t cursor) mutable { return self.scan(cursor, options); });
}
REDISPP_DECL ScanRange<std::unordered_map<std::string, std::string>> Redis::hscan_iter(std::string key, ScanOptions options) {
  return ScanRange<std::unordered_map<std::string, std::string>>(
      [self = *this, key = std::move(key), options = std::move(options)](std::uint64_t cursor) mutable {
        return self.hscan(key, cursor, options);
      });
}

REDISPP_DECL ScanRange<std::vector<std::string>> Redis::sscan_iter(std::string key, ScanOptions options) {
  return ScanRange<std::vector<std::string>>(
      [self = *this, key = std::move(key), options = std::move(options)](std::uint64_t cursor) mutable {
        return self.sscan(key, cursor, options);
      });
}
REDISPP_DECL ScanRange<std::vector<std::pair<std::string, double>>> Redis::zscan_iter(std::string key, ScanOptions options) {
  return ScanRange<std::vector<std::pair<std::string, double>>>(
      [self = *this, key = std::move(key), options = std::move(options)](std::uint64_t cursor) mutable {
        return self.zscan(key, cursor, options);
      });
}

}  // namespace redispp
