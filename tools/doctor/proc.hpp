#pragma once
// Reading this machine's side of the connections: /proc/net/tcp{,6}, the nf_conntrack counters
// and the open-file limit. The parsers take the files' text, never a path, so the unit tests feed
// them sample text; read_text_file() and the gather step are the only IO.

#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view

namespace redispp::doctor {

/// Sockets on this machine whose remote port is the server's (what the field guide counts with
/// `netstat -an | grep 6379 | grep EST | wc -l`, and `ss -s` for TIME_WAIT).
struct TcpCounts {
  long long established = 0;  // state 01
  long long time_wait = 0;    // state 06

  TcpCounts& operator+=(const TcpCounts& other) noexcept {
    established += other.established;
    time_wait += other.time_wait;
    return *this;
  }
};

/// Counts the ESTABLISHED and TIME_WAIT sockets in the text of /proc/net/tcp or /proc/net/tcp6
/// whose remote port is `remote_port`. The header line and malformed lines are skipped.
TcpCounts count_tcp_sockets(std::string_view proc_net_tcp, int remote_port);

/// The number in a one-number /proc file ("262144\n"); nullopt when the text is not one.
std::optional<long long> parse_proc_number(std::string_view text);

/// The whole file, or nullopt when it cannot be opened (absent, not permitted).
std::optional<std::string> read_text_file(const std::string& path);

/// How many file descriptors this process has open (entries of /proc/self/fd, less the one the
/// listing itself uses); nullopt where /proc is not mounted.
std::optional<long long> count_open_fds();

}  // namespace redispp::doctor
