#pragma once
// ConnectionOptions and PoolOptions: plain aggregates whose fields are named after redis-py's
// keyword arguments, so `Redis(host=..., socket_timeout=2)` reads the same in C++.
//
// Defaults (where redis-py has none or an unbounded one, we chose a finite value, because a C++
// service that hangs forever on a dead peer is worse than one that raises TimeoutError):
//   socket_connect_timeout 5 s, socket_timeout 5 s (0 = wait forever),
//   socket_keepalive on, protocol 2, parser automatic (the built-in parser),
//   pool: max_connections 50, timeout 5 s (0 = fail at once when all are in use).
//
// Validation: validate() below, which ConnectionPool's and Connection's constructors call, so a
// value that cannot be right is a DataError naming the field and the value when the pool or
// connection is made, never a surprise later ("ConnectionOptions::port must be 1..65535, got
// 70000"; getaddrinfo would keep the low 16 bits and connect to port 4464). The rules:
//   host          not empty and free of control bytes (CR, LF, NUL ...), unless unix_socket_path
//                 is set (then host and port are not used; control bytes are refused anyway)
//   port          1..65535, unless unix_socket_path is set
//   unix_socket_path  no NUL byte, and short enough for a sockaddr_un (107 bytes on Linux)
//   db            0 or more
//   protocol      2 or 3;  parser: one of the ParserKind values
//   client_name   printable ASCII without spaces ('!'..'~'), as CLIENT SETNAME demands
//   durations     0..max_option_duration (2^31-1 ms, about 24.8 days) for every
//                 std::chrono::milliseconds field of both structs; 0 keeps its documented meaning
//                 (no limit / never / fail at once). Negative values used to mean "no limit" by
//                 accident; and this maximum keeps every later sum and conversion exact
//                 (socket_timeout + a blocking command's timeout, poll()'s int milliseconds,
//                 timeval, steady_clock deadlines in nanoseconds).
//   parser_limits every limit at least 1 (0 would refuse every reply, the handshake's included)
//   retry         retries 0 or more; safe_after_send names in upper case ("GET"), as they are
//                 compared; a lower-case entry would silently never match
//   pool          max_connections at least 1
//   tls           not with unix_socket_path (Redis serves TLS on TCP ports only); cert_reqs and
//                 min_version one of their enum values; file names free of NUL bytes; keyfile
//                 only with a certfile
// The user name and password are not checked: they are sent as given, byte for byte.

#include <cstddef>          // std::size_t
#include <exception>        // std::exception_ptr
#include <limits>           // std::numeric_limits
#include <optional>         // std::optional
#include <string>           // std::string
#include <vector>           // std::vector

#include <redispp/config.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono::milliseconds
#include <redispp/detail/function.hpp>  // std::function
#include <redispp/detail/printable.hpp>       // printable
#include <redispp/source_location.hpp>  // SourceLocation
#include <redispp/protocol/parser.hpp>
#include <redispp/protocol/reply.hpp>
#include <redispp/transport/retry.hpp>
#include <redispp/transport/tls_options.hpp>

namespace redispp {

/// What a credential provider hands back for one connection attempt.
struct Credentials {
  std::string username;  ///< empty = the default user
  std::string password;  ///< empty = no AUTH
};

/// Where a server listens: what an address provider answers (and a cluster node's address).
struct ServerAddress {
  std::string host;
  int port = 6379;
};

/// What an asynchronous credential provider is given: call it once, from any thread, with the
/// credentials, or with the exception that says why there are none.
using CredentialsCallback = std::function<void(std::exception_ptr failure, Credentials credentials)>;

/// One more command for the handshake of every new connection, after its own (AUTH, SELECT ...)
/// and in the same write, with its own judge of the reply: how a host adds what its connections
/// need (READONLY on a cluster replica's connections; ROLE, to check that Sentinel's answer is
/// still a primary). The judge throws to refuse the connection (the connect fails with that
/// exception); an error reply the judge accepts is accepted.
struct HandshakeStep {
  std::string name = {};  ///< for messages: "READONLY", "ROLE"
  std::string wire = {};  ///< the command, encoded (encode_command)
  std::function<void(const Reply& reply)> judge = {};  ///< empty: any reply but an error will do
};

struct ConnectionOptions {
  std::string host = "127.0.0.1";
  int port = 6379;
  /// When set, connect to this Unix socket instead of host:port.
  std::string unix_socket_path;
  int db = 0;
  /// ACL user name (Redis 6+); empty = the default user.
  std::string username;
  /// Empty = no AUTH. Never printed in any message.
  std::string password;
  /// When set, called at every connect (in the connecting thread) for the user name and
  /// password to send, instead of username and password above: a rotating password (a cloud
  /// IAM token, a vault lease) needs no new pool, as with redis-py's CredentialProvider. An
  /// exception it throws fails the connect as an AuthenticationError naming the server and
  /// carrying its message.
  std::function<Credentials()> credential_provider = {};
  /// The same for a provider that must not block a thread (an asio client calls it from its
  /// event loop): it is handed a callback to call once its answer is known. The blocking client
  /// calls it and waits for the answer, at most socket_connect_timeout. When both are set,
  /// credential_provider is used by the blocking client.
  std::function<void(CredentialsCallback done)> async_credential_provider = {};
  /// Where each new connection goes, asked at every connect (Sentinel's current primary): its
  /// answer replaces host and port. An exception it throws fails the connect as a
  /// ConnectionError carrying its message. Empty: host and port.
  std::function<ServerAddress()> address_provider = {};
  /// Commands a host adds to every connection's handshake (see HandshakeStep).
  std::vector<HandshakeStep> handshake_steps = {};
  /// TLS (rediss://): see transport/tls_options.hpp. Unset = plain TCP.
  std::optional<TlsOptions> tls;
  /// Longest wait for a reply's bytes or for a write to drain; 0 = no limit. Blocking commands
  /// (BLPOP ...) get their own timeout added to this, so it never cuts them short; it is then
  /// the slack the server has to answer an expired block, which it notices on its next tick
  /// (up to 100 ms late at the default hz 10, later on a loaded machine).
  std::chrono::milliseconds socket_timeout{std::chrono::seconds(5)};
  /// Longest wait for the TCP (or Unix) connect; 0 = the operating system's own limit.
  std::chrono::milliseconds socket_connect_timeout{std::chrono::seconds(5)};
  /// SO_KEEPALIVE on TCP connections, so a vanished peer is noticed even on idle connections.
  bool socket_keepalive = true;
  /// Sent with CLIENT SETNAME (or HELLO ... SETNAME) on every new connection; empty = none.
  std::string client_name;
  /// A connection idle longer than this is PINGed before it runs a command; 0 = never.
  std::chrono::milliseconds health_check_interval{0};
  /// The longest argument the server takes: its proto-max-bulk-len, 512 MiB unless the server
  /// was configured otherwise. A command (or a pipeline) with a longer argument is refused with
  /// DataError before a byte is written; sent, the server would cut the connection mid-write and
  /// its reason would be lost.
  std::size_t max_argument_size = std::size_t{512} * 1024 * 1024;
  /// RESP version to speak: 2, or 3 (HELLO 3).
  int protocol = 2;
  ParserKind parser = ParserKind::automatic;
  ParserLimits parser_limits{};
  /// What to do when a command fails with ConnectionError or TimeoutError (see retry.hpp for
  /// the rule that keeps a command from being sent twice). Retry::none() turns retries off.
  Retry retry{};
};

/// A connection leased from a pool: where it was taken (the caller of ConnectionPool::acquire,
/// Redis::pipeline ...) and for how long it has been out.
struct HeldLease {
  SourceLocation where;
  std::chrono::milliseconds held{0};
};

struct PoolOptions {
  /// Most connections open at once; a caller beyond that waits up to `timeout`.
  std::size_t max_connections = 50;
  /// How long acquire() waits for a free connection; 0 = fail at once with MaxConnectionsError.
  std::chrono::milliseconds timeout{std::chrono::seconds(5)};
  /// Leak diagnostics: a lease held longer than this is reported to on_long_lease (once per
  /// lease: when a caller has to wait for a connection, or when the lease comes back). 0 = off.
  std::chrono::milliseconds long_lease_threshold{0};
  /// Called (outside the pool's lock) with the site and age of a lease held past the threshold.
  std::function<void(const HeldLease&)> on_long_lease = {};
};

/// The longest value any duration option takes: 2^31-1 ms, about 24.8 days (see the top of
/// this file for why). Use 0 where a field documents 0 as "no limit".
inline constexpr std::chrono::milliseconds max_option_duration{std::numeric_limits<int>::max()};

/// Throws DataError naming the first field that cannot be right and its value (the rules are
/// at the top of this file). The Connection and ConnectionPool constructors call it; call it
/// yourself to check a configuration early.
REDISPP_DECL void validate(const ConnectionOptions& options);
/// The same for PoolOptions.
REDISPP_DECL void validate(const PoolOptions& options);

/// "host:port" or "unix:/path": how messages name the server. Control bytes (CR, LF ...) are
/// escaped (detail::printable), so a hostile or mistyped name cannot forge a log line.
inline std::string endpoint_name(const ConnectionOptions& options) {
  if (!options.unix_socket_path.empty()) return "unix:" + detail::printable(options.unix_socket_path);
  const std::string host = detail::printable(options.host);
  if (host.find(':') != std::string::npos)  // an IPv6 literal
    return "[" + host + "]:" + std::to_string(options.port);
  return host + ":" + std::to_string(options.port);
}

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/options.ipp>
#endif
