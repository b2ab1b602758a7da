#pragma once
// One command's round trip with the pool's Retry policy (see transport/retry.hpp for the rule,
// detail/with_retry.hpp for the loop).

#include <redispp/client.hpp>
#include <redispp/detail/with_retry.hpp>

namespace redispp::detail {

REDISPP_DECL Reply round_trip(ConnectionPool& pool, std::string_view wire, std::chrono::milliseconds block_timeout,
                              CommandFlags flags, std::string_view name) {
  // A blocking command is one however it was built: its block time-out says so.
  if (block_timeout.count() != 0) flags |= CommandFlags::blocking;
  Lease lease;
  return with_retry(pool.connection_options().retry, lease, RetryFacts{flags, name}, [&]() -> Reply {
    lease = pool.acquire();
    lease->check_health();
    lease->send(wire);
    // Marked once sent: from then on the server may have changed the connection's state.
    if (has(flags, CommandFlags::changes_state)) lease->mark_state_changed();
    return lease->read_reply(block_timeout);
  });
}

}  // namespace redispp::detail
