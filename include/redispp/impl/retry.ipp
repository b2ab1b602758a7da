#pragma once
// Backoff's random pick: here rather than in transport/retry.hpp, so that a program that only
// includes the headers does not parse <random>.

#include <algorithm>  // std::max
#include <random>     // std::mt19937_64, std::random_device, std::uniform_int_distribution

#include <redispp/transport/retry.hpp>

namespace redispp {

REDISPP_DECL long long Backoff::uniform(long long low, long long high) {
  // One generator per thread: no lock, and no two threads share a sequence.
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return std::uniform_int_distribution<long long>(low, std::max(low, high))(generator);
}

}  // namespace redispp
