#pragma once
// The checks of redispp-doctor, one per item of the field guide's "connection time-out"
// checklist (seeds: wrong host/password, server maxclients, leaked connections, network,
// nf_conntrack, TIME_WAIT, file descriptors):
//
//   connect        resolve, connect, AUTH, PING           (configuration errors, by which part)
//   set_del_probe  SET/GET/DEL of a random, expiring key  (is the server usable at all?)
//   maxclients     INFO clients/stats vs CONFIG GET maxclients
//   client_leaks   CLIENT LIST grouped by client address  (many long-idle connections = a leak)
//   local_sockets  this machine: sockets to the port, nf_conntrack, open files
//   latency        PING round trips, min/median/max
//
// Each check is split in two: gathering the facts (talks to the server or reads /proc) and
// judging them (a pure function from facts to a Step), so the judgments are unit-tested with
// made-up facts and the gathering is tested against real servers.

#include <chrono>       // std::chrono
#include <cstddef>      // std::size_t
#include <exception>    // std::exception
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <redispp/commands/client_list.hpp>  // ClientInfo
#include <redispp/transport/options.hpp>     // ConnectionOptions

#include "proc.hpp"
#include "step.hpp"

namespace redispp::doctor {

/// Where "too many", "too slow" and "too idle" begin. Every one is a command-line option.
struct Thresholds {
  /// connected_clients / maxclients at or above this is a warning (at 1.0 the next client fails).
  double near_limit = 0.9;
  /// A connection idle longer than this counts as long-idle...
  std::chrono::seconds leak_idle{300};
  /// ...and this many long-idle connections from one address make it a leak suspect.
  std::size_t leak_connections = 10;
  /// How many address groups the client_leaks finding names.
  std::size_t top_groups = 3;
  /// PING round trips for the latency step.
  int pings = 100;
  /// A median round trip above this is a warning (loopback is ~0.05 ms, a LAN well under 1 ms).
  double slow_median_ms = 10;
  /// TIME_WAIT sockets to the server's port at or above this are a warning.
  long long time_wait_warn = 1000;
};

// --- connect ---------------------------------------------------------------------------------

/// Which part of the configuration (or the network) a failed connect points at.
enum class ConnectFailure {
  bad_url,            // the URL does not parse
  tls_setup,          // a TLS file (CA, certificate, key) or cipher list could not be used
  tls_untrusted,      // the server's certificate is not signed by a CA we trust
  tls_hostname,       // the server's certificate is for other names
  tls_expired,        // the server's certificate expired (or is not valid yet)
  tls_client_certificate,  // the server wants a client certificate, or refused ours
  tls_on_plain_port,  // rediss:// to a port that speaks plain RESP
  plain_on_tls_port,  // redis:// to a port that speaks TLS
  tls_other,          // any other TLS handshake failure
  host,               // the host name does not resolve
  port,               // refused: nothing listens on that port
  timeout,            // no answer within socket_connect_timeout: firewall, routing, a stopped server
  password_missing,   // the server wants AUTH, the URL has no password
  password_wrong,     // WRONGPASS / invalid password
  password_unneeded,  // a password for a server that has none
  maxclients,         // the server refused us: its maxclients is reached
  loading,            // the server is still loading its dataset
  file_descriptors,   // this process is out of file descriptors
  other,
};

/// Classifies what connecting (or parsing the URL) threw. redispp's messages already say which
/// failure it is; this maps them to the kinds the advice is written for.
ConnectFailure classify_connect_error(const std::exception& error, bool url_has_password);

/// The connect step for a failure: finding = the library's own message, plus the advice.
Step connect_failure_step(ConnectFailure kind, std::string_view message);

/// "127.0.0.1:6379, db 0, user 'app', with a password": the target as the header prints it,
/// never the password itself.
std::string describe_target(const ConnectionOptions& options);

// --- maxclients ------------------------------------------------------------------------------

struct ClientLimits {
  long long connected_clients = 0;
  long long rejected_connections = 0;
  std::optional<long long> maxclients;  // nullopt: CONFIG GET was not allowed
  std::string config_error = {};        // why not, when it was not
};

Step judge_client_limits(const ClientLimits& limits, const Thresholds& thresholds);

// --- client_leaks ----------------------------------------------------------------------------

/// The connections from one client address (IP or socket path, without the port).
struct ClientGroup {
  std::string address;
  std::size_t connections = 0;
  std::size_t long_idle = 0;  // idle longer than Thresholds::leak_idle
  std::chrono::seconds max_age{0};
  std::chrono::seconds max_idle{0};
};

/// The address part of CLIENT LIST's addr: "10.0.0.5:53122" -> "10.0.0.5",
/// "[::1]:50001" and "::1:50001" -> "::1", "/tmp/redis.sock:0" -> "/tmp/redis.sock".
std::string client_address(std::string_view addr);

/// Groups clients by address; the result is sorted by long-idle count, then connection count
/// (most first), then address, so the likeliest leak comes first.
std::vector<ClientGroup> group_clients(const std::vector<ClientInfo>& clients, std::chrono::seconds leak_idle);

Step judge_client_groups(const std::vector<ClientGroup>& groups, const Thresholds& thresholds);

// --- local_sockets ---------------------------------------------------------------------------

struct LocalFacts {
  int port = 0;                      // the server's port; 0 = not TCP (a Unix socket, or no URL)
  std::optional<TcpCounts> sockets;  // nullopt: /proc/net/tcp unreadable
  std::optional<long long> conntrack_count;
  std::optional<long long> conntrack_max;  // both nullopt: nf_conntrack is not loaded
  std::optional<long long> open_fds;
  long long fd_soft_limit = -1;  // -1 = unlimited
  long long fd_hard_limit = -1;
};

/// Reads /proc/net/tcp{,6}, /proc/sys/net/netfilter/nf_conntrack_{count,max}, /proc/self/fd
/// and getrlimit(RLIMIT_NOFILE). `port` 0 skips the socket count.
LocalFacts gather_local_facts(int port);

Step judge_local_facts(const LocalFacts& facts, const Thresholds& thresholds);

// --- latency ---------------------------------------------------------------------------------

struct LatencySummary {
  std::size_t samples = 0;
  double min_ms = 0;
  double median_ms = 0;
  double max_ms = 0;
};

/// min / median (the mean of the middle two for an even count) / max of round trips in ms.
LatencySummary summarize_latency(std::vector<double> samples_ms);

Step judge_latency(const LatencySummary& summary, const Thresholds& thresholds);

// --- the whole checklist ---------------------------------------------------------------------

struct DoctorOptions {
  std::string url;
  Thresholds thresholds;
  /// Overrides the URL's socket_connect_timeout and socket_timeout when set.
  std::optional<std::chrono::milliseconds> timeout;
  /// The password when the URL has none: main() fills it from REDISCLI_AUTH, as redis-cli does
  /// (a password in the URL wins, as redis-cli's -a wins over the variable). Empty = none.
  std::string fallback_password;
};

struct Diagnosis {
  std::string target;  // describe_target(), or "(URL not understood)"
  std::vector<Step> steps;
};

/// Runs every step in order. Steps that need the server are "skipped" when connecting failed;
/// never throws for anything the server or the network does.
Diagnosis run_doctor(const DoctorOptions& options);

}  // namespace redispp::doctor
