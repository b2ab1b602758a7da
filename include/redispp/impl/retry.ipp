#pragma once
// Backoff's random pick (here rather than in transport/retry.hpp, so that a program that only
// includes the headers does not parse <random>) and the classification of failures.

#include <algorithm>  // std::max
#include <random>     // std::mt19937_64, std::random_device, std::uniform_int_distribution

#include <redispp/errors.hpp>
#include <redispp/transport/retry.hpp>

namespace redispp {

REDISPP_DECL long long Backoff::uniform(long long low, long long high) {
  // One generator per thread: no lock, and no two threads share a sequence.
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return std::uniform_int_distribution<long long>(low, std::max(low, high))(generator);
}

REDISPP_DECL FailureKind Retry::classify(const std::exception& failure) noexcept {
  // Most specific first: the subclasses of ConnectionError are lasting failures.
  if (dynamic_cast<const AuthenticationError*>(&failure)) return FailureKind::authentication;
  if (dynamic_cast<const MaxClientsError*>(&failure)) return FailureKind::max_clients;
  if (dynamic_cast<const MaxConnectionsError*>(&failure)) return FailureKind::max_connections;
  if (dynamic_cast<const ConnectionError*>(&failure)) return FailureKind::connection;
  if (dynamic_cast<const TimeoutError*>(&failure)) return FailureKind::timeout;
  return FailureKind::other;
}

}  // namespace redispp
