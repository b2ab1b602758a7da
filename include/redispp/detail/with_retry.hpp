#pragma once
// with_retry: the one retry loop, shared by the client's round trip (impl/client.ipp) and the
// pipeline's send (impl/pipeline.ipp). The decision itself is Retry::decide()
// (transport/retry.hpp), a plain function of the request's facts; this loop only runs the
// attempts, asks it, pauses and adds the reason to the error it finally raises.

#include <string>       // std::string
#include <thread>       // std::this_thread::sleep_for
#include <type_traits>  // std::conditional_t, std::is_base_of_v
#include <utility>      // std::forward


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
    case RetryVerdict::retry: break;
  }
  return {};
}

/// Runs attempt() until it returns, retrying after a ConnectionError or TimeoutError as
/// `retry` decides for `facts`. attempt() leases into `lease` (when empty) and uses it; whether
/// anything was written is read from it. AuthenticationError, MaxClientsError and
/// MaxConnectionsError, and every other exception, pass through at once. The error raised at
/// the end is the last attempt's, with the reason it was not retried appended (same class,
/// ConnectionError or TimeoutError; unchanged when there is no reason to add).
template <class Attempt>
decltype(auto) with_retry(const Retry& retry, Lease& lease, const RetryFacts& facts, Attempt&& attempt) {
  Backoff backoff = retry.backoff;  // a copy: decorrelated jitter keeps per-call state
  backoff.reset();
  for (int failures = 1;; ++failures) {
    // Called inside a catch block: either rethrows (with the reason) or returns to retry.
    const auto judge = [&](const auto& error) {
      const bool written = lease && lease->request_written();
      const RetryVerdict verdict = retry.decide(failures, written, facts);
      if (verdict == RetryVerdict::retry) return;
      const std::string note = retry_note(verdict, failures, facts);
      if (note.empty()) throw;
      using Raised = std::conditional_t<std::is_base_of_v<ConnectionError, std::decay_t<decltype(error)>>,
                                        ConnectionError, TimeoutError>;
      throw Raised(error.what() + note);
    };
    try {
      return attempt();
    } catch (const AuthenticationError&) {
      throw;  // none of these is fixed by trying again in a few milliseconds
    } catch (const MaxClientsError&) {
      throw;
    } catch (const MaxConnectionsError&) {
      throw;
    } catch (const ConnectionError& e) {
      judge(e);
    } catch (const TimeoutError& e) {
      judge(e);
    }
    lease.release();
    std::this_thread::sleep_for(backoff.compute(failures));
  }
}

}  // namespace redispp::detail
