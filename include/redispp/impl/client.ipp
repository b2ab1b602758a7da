#pragma once
// One command's round trip with the pool's Retry policy (see transport/retry.hpp for the rule).

#include <thread>  // std::this_thread::sleep_for

#include <fmt/format.h>

#include <redispp/client.hpp>

namespace redispp::detail {

REDISPP_DECL Reply round_trip(ConnectionPool& pool, std::string_view wire, std::chrono::milliseconds block_timeout,
                              CommandFlags flags) {
  const Retry& retry = pool.connection_options().retry;
  Backoff backoff = retry.backoff;  // a copy: decorrelated jitter keeps per-call state
  backoff.reset();
  const bool blocking = block_timeout.count() != 0;
  for (int failures = 1;; ++failures) {
    Lease lease;
    std::string why;  // set when the attempt failed in a way retrying may fix
    bool connection_error = false;
    try {
      lease = pool.acquire();
      lease->check_health();
      lease->send(wire);
      // Marked once sent: from then on the server may have changed the connection's state.
      if (has(flags, CommandFlags::changes_state)) lease->mark_state_changed();
      return lease->read_reply(block_timeout);
    } catch (const AuthenticationError&) {
      throw;  // none of these is fixed by trying again in a few milliseconds
    } catch (const MaxClientsError&) {
      throw;
    } catch (const MaxConnectionsError&) {
      throw;
    } catch (const ConnectionError& e) {
      why = e.what();
      connection_error = true;
    } catch (const TimeoutError& e) {
      why = e.what();
    }
    const bool written = lease && lease->request_written();
    const std::string_view name = Command<Reply>::command_name(wire);  // only failures need it
    if (!retry.may_retry(failures, written, name, blocking)) {
      std::string note;
      if (failures > retry.retries && retry.retries > 0)
        note = fmt::format(" (gave up after {} attempts)", failures);
      else if (written && retry.retries > 0)
        note = fmt::format(" ({} not retried: it may have reached the server)", name);
      if (connection_error) throw ConnectionError(why + note);
      throw TimeoutError(why + note);
    }
    lease.release();
    std::this_thread::sleep_for(backoff.compute(failures));
  }
}

}  // namespace redispp::detail
