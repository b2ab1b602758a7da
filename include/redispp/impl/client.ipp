#pragma once
// One command's round trip with the pool's Retry policy (see transport/retry.hpp for the rule,
// detail/with_retry.hpp for the loop).

#include <redispp/client.hpp>
#include <redispp/detail/with_retry.hpp>

namespace redispp::detail {

// The retry loop of round_trip and round_trip_strings; `read` reads the reply off the lease.
template <class Read>
auto round_trip_reading(ConnectionPool& pool, std::string_view wire, std::chrono::milliseconds block_timeout,
                        CommandFlags flags, std::string_view name, Read&& read) {
  // A blocking command is one however it was built: its block time-out says so.
  if (block_timeout.count() != 0) flags |= CommandFlags::blocking;
  Lease lease;
  return with_retry(pool.connection_options().retry, lease, RetryFacts{flags, name}, [&] {
    lease = pool.acquire();
    lease->check_health();
    lease->send(wire);
    // Marked once sent: from then on the server may have changed the connection's state.
    if (has(flags, CommandFlags::changes_state)) lease->mark_state_changed();
    return read(*lease);
  });
}

REDISPP_DECL Reply round_trip(ConnectionPool& pool, std::string_view wire, std::chrono::milliseconds block_timeout,
                              CommandFlags flags, std::string_view name) {
  return round_trip_reading(pool, wire, block_timeout, flags, name,
                            [&](Connection& connection) { return connection.read_reply(block_timeout); });
}

REDISPP_DECL std::optional<Reply> round_trip_strings(ConnectionPool& pool, std::string_view wire,
                                                     std::chrono::milliseconds block_timeout, CommandFlags flags,
                                                     std::string_view name, StringsSink& sink) {
  return round_trip_reading(pool, wire, block_timeout, flags, name,
                            [&](Connection& connection) { return connection.read_strings(sink, block_timeout); });
}

REDISPP_DECL Reply round_trip_several(ConnectionPool& pool, std::string_view wire, CommandFlags flags,
                                      std::string_view name, std::uint32_t replies) {
  return round_trip_reading(pool, wire, std::chrono::milliseconds{0}, flags, name, [&](Connection& connection) {
    return connection.read_command_reply(replies);
  });
}

REDISPP_DECL void add_server_facts(ConnectionPool& pool, CommandTable& table, Command<Reply>& command) {
  const std::string_view name = command.name();
  // Commands whose name already fixes how they are handled (SELECT, AUTH, RESET ...) are not
  // asked about: nothing the server says would change it.
  if (name.empty() || has_any(command.flags(), CommandFlags::changes_state | CommandFlags::never_retried)) return;
  if (!table.asked(name)) {
    // One attempt, without the retry policy: a server out of reach would otherwise cost the
    // caller every retry twice. The command itself then says what is wrong; the name is asked
    // about again next time.
    try {
      const ArgumentWriter::Encoded ask = ArgumentWriter("COMMAND", "INFO", name).finish();
      Lease lease = pool.acquire();
      lease->check_health();
      table.learn(name, lease->request(ask.wire()));
    } catch (const Error&) {
      return;
    }
  }
  if (const auto facts = table.find(name, encoded_argument(command.wire(), 1)))
    command.learn_facts(facts->keys, facts->flags);
}

}  // namespace redispp::detail

namespace redispp {

REDISPP_DECL Redis::Redis() : Redis(ConnectionOptions{}, PoolOptions{}) {}

REDISPP_DECL Redis::Redis(const ConnectionOptions& options) : Redis(options, PoolOptions{}) {}

REDISPP_DECL Redis::Redis(const ConnectionOptions& options, const PoolOptions& pool_options)
    : pool_(std::make_shared<ConnectionPool>(options, pool_options)),
      command_table_(std::make_shared<CommandTable>()) {}

REDISPP_DECL Redis::~Redis() = default;

REDISPP_DECL Redis::Redis(std::shared_ptr<ConnectionPool> pool)
    : pool_(std::move(pool)), command_table_(std::make_shared<CommandTable>()) {
  if (!pool_) throw DataError("Redis(pool): the pool is null");
}

REDISPP_DECL Redis Redis::from_url(std::string_view url) {
  UrlOptions parsed = parse_url(url);
  return Redis(parsed.connection, parsed.pool);
}

REDISPP_DECL std::string Redis::error_endpoint() const { return endpoint_name(pool_->connection_options()); }

}  // namespace redispp
