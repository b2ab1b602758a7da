#pragma once
// Monitor: redis-py's Monitor. A connection of its own in MONITOR mode: the server streams every
// command it runs, from every client, and next_command() hands them out parsed.
//
//   redispp::Monitor mon = r.monitor();
//   while (std::optional<redispp::MonitorCommand> c = mon.next_command(1s))
//     std::cout << c->db << " " << c->client_address << ": " << c->command << "\n";
//
// The connection is opened with the client's ConnectionOptions but is not the pool's: it is
// never returned (MONITOR cannot be left except by closing) and is closed when the Monitor goes.
// A dropped connection throws ConnectionError from next_command(); a Monitor does not reconnect
// (commands run meanwhile would be missing without a sign), so make a new one.
// Not thread-safe: one thread uses a Monitor. MONITOR costs the server: see
// https://redis.io/commands/monitor before leaving one running in production.

#include <memory>       // std::unique_ptr
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <redispp/config.hpp>
#include <redispp/detail/blocking_range.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono::milliseconds
#include <redispp/transport/connection.hpp>
#include <redispp/transport/options.hpp>

namespace redispp {

/// One command the server ran, from a MONITOR line such as
/// `1700000000.123456 [0 127.0.0.1:50412] "SET" "k" "v\x00"`.
struct MonitorCommand {
  /// When the server ran it: seconds since the Unix epoch, with microseconds (as redis-py).
  double time = 0;
  /// The database it ran in.
  int db = 0;
  /// Who sent it, as the server wrote it: "127.0.0.1:50412", "unix:/run/redis.sock", or "lua"
  /// for a command a script or function ran.
  std::string client_address;
  /// "tcp", "unix" or "lua".
  std::string client_type;
  /// The command and its arguments, unescaped (MONITOR quotes each one and writes quotes,
  /// backslashes, control bytes and bytes past ASCII as C-style escapes) and joined by single
  /// spaces: "SET k v". Binary-safe, but ambiguous when an
  /// argument holds a space: `args` is exact.
  std::string command;
  /// Each argument unescaped, the command name first: {"SET", "k", "v"}.
  std::vector<std::string> args;
};

/// Parses one MONITOR line. Throws ProtocolError naming what is wrong for any other text.
REDISPP_DECL MonitorCommand parse_monitor_line(std::string_view line);

class Monitor {
 public:
  /// Connects with `options` and sends MONITOR (normally made by Redis::monitor()). Throws what
  /// connecting throws, or ResponseError when the server refuses MONITOR (an ACL rule).
  explicit Monitor(ConnectionOptions options);
  Monitor(Monitor&&) noexcept = default;
  Monitor& operator=(Monitor&&) noexcept = default;
  ~Monitor() = default;  // closes the connection

  /// The next command the server ran, waiting at most `timeout` (0: only what already
  /// arrived); std::nullopt when none came in time. Throws ConnectionError when the connection
  /// dropped (the Monitor is then done), ProtocolError for a line that is not a MONITOR line,
  /// DataError for a negative timeout.
  std::optional<MonitorCommand> next_command(std::chrono::milliseconds timeout);

  /// Commands as they come, blocking and without end: for (const auto& c : mon.listen()) ...
  using Range = detail::BlockingRange<MonitorCommand>;
  Range listen();

  /// The endpoint monitored, as messages name it.
  const std::string& endpoint() const noexcept { return connection_->endpoint(); }

 private:
  std::optional<MonitorCommand> read(std::chrono::milliseconds wait);
  std::unique_ptr<Connection> connection_;
};

inline Monitor::Range Monitor::listen() {
  return Range([this] { return read(std::chrono::milliseconds{-1}); });
}

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/monitor.ipp>
#endif
