#pragma once
// with_retry: the one retry loop, shared by the client's round trip (impl/client.ipp), the
// pipeline's send (impl/pipeline.ipp) and PubSub's reconnect (impl/pubsub.ipp). The decision
// itself is Retry::decide() (transport/retry.hpp), a plain function of the request's facts and
// the failure's kind; this loop only runs the attempts, asks it, pauses and adds the reason to
// the error it finally raises.

#include <string>       // std::string
#include <thread>       // std::this_thread::sleep_for

#include <redispp/errors.hpp>
#include <redispp/transport/connection_pool.hpp>
#include <redispp/transport/retry.hpp>

namespace redispp::detail {

/// Why a request was not sent again, to append to its error ("" when nothing needs saying).
inline std::string retry_note(RetryVerdict verdict, int failures, const RetryFacts& facts) {
  switch (verdict) {
    // Concatenation, not fmt::format: this header is public, and fmt's compile-time format
    // check would cost every file that includes it.
    case RetryVerdict::gave_up: return " (gave up after " + std::to_string(failures) + " attempts)";
    case RetryVerdict::unsafe: return " (" + std::string(facts.name) + " not retried: it may have reached the server)";
    case RetryVerdict::pinned: return " (not retried: its WATCH lived on the connection that failed)";
    case RetryVerdict::disabled:
    case RetryVerdict::lasting:
    case RetryVerdict::retry: break;
  }
  return {};
}

/// Runs attempt() until it returns, retrying after a failure as `retry` decides for `facts`
/// (Retry::decide, given the failure's kind from Retry::classify). attempt() leases into `lease`
/// (when empty) and uses it; whether anything was written is read from it. The exception that
/// finally leaves is the last attempt's own, of its own class (a LOADING during the handshake
/// stays a BusyLoadingError), with the reason it was not retried added to its message.
template <class Attempt>
decltype(auto) with_retry(const Retry& retry, Lease& lease, const RetryFacts& facts, Attempt&& attempt) {
  Backoff backoff = retry.backoff;  // a copy: decorrelated jitter keeps per-call state
  backoff.reset();
  for (int failures = 1;; ++failures) {
    try {
      return attempt();
    } catch (Error& error) {
      const FailureKind kind = Retry::classify(error);
      if (kind == FailureKind::other) throw;  // an error reply, bad data: not the transport's
      const bool written = lease && lease->request_written();
      const RetryVerdict verdict = retry.decide(failures, written, facts, kind);
      if (verdict != RetryVerdict::retry) {
        error.add_note(retry_note(verdict, failures, facts));
        throw;
      }
    }
    lease.release();
    std::this_thread::sleep_for(backoff.compute(failures));
  }
}

}  // namespace redispp::detail
