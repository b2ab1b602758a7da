#pragma once
// Where the fixture's redis-servers are (tests/support/redis_servers.sh writes one file per
// fact into $REDISPP_TEST_SERVERS). A test that needs a server it cannot find fails with a
// message saying how to run it, rather than silently connecting to whatever listens on 6379.
#include <netinet/in.h>  // sockaddr_in
#include <sys/socket.h>  // socket, bind
#include <unistd.h>      // close

#include <cstdlib>    // std::getenv
#include <fstream>    // std::ifstream
#include <stdexcept>  // std::runtime_error
#include <string>     // std::string

#include <redispp/transport/options.hpp>

namespace redispp::test {

struct ServerInfo {
  std::string name;
  std::string host = "127.0.0.1";
  int port = 0;
  std::string unix_socket;
  std::string password;      // requirepass, empty when none
  std::string app_password;  // the ACL user "app"'s password (server "auth" only)
  std::string dir;           // where its pid, log and socket live

  /// Connection options for this server (default user, its password if it has one).
  ConnectionOptions options(int db = 0) const {
    ConnectionOptions o;
    o.host = host;
    o.port = port;
    o.db = db;
    o.password = password;
    return o;
  }
  /// Where make_test_certs.sh put the certificates (server "tls"): tls_file("ca.crt") ...
  std::string tls_file(const std::string& file) const { return dir + "/tls/" + file; }
  /// Connection options for the "tls" server: TLS, trusting the test CA, no client certificate.
  ConnectionOptions tls_options(int db = 0) const {
    ConnectionOptions o = options(db);
    o.tls = TlsOptions{};
    o.tls->ca_certs = tls_file("ca.crt");
    return o;
  }
  /// The server's process id (for tests that stop and continue it).
  int pid() const { return std::stoi(read_file(dir + "/" + name + ".pid")); }

  static std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
  }
};

inline std::string servers_dir() {
  const char* dir = std::getenv("REDISPP_TEST_SERVERS");
  if (dir == nullptr || *dir == '\0')
    throw std::runtime_error("REDISPP_TEST_SERVERS is not set: run the integration tests through ctest, which "
                             "starts their redis-servers (tests/support/redis_servers.sh)");
  return dir;
}

/// The fixture's server `name`: "plain", "auth", "limits", "admin" or "tls" (see redis_servers.sh).
inline ServerInfo server(const std::string& name) {
  ServerInfo info;
  info.name = name;
  info.dir = servers_dir();
  const std::string stem = info.dir + "/" + name;
  const std::string port = ServerInfo::read_file(stem + ".port");
  if (port.empty())
    throw std::runtime_error("no redis-server '" + name + "' in " + info.dir + ": did the redis_servers_start test run?");
  info.port = std::stoi(port);
  info.unix_socket = stem + ".sock";
  info.password = ServerInfo::read_file(stem + ".password");
  info.app_password = ServerInfo::read_file(stem + ".app_password");
  return info;
}

/// The plain server's Unix socket.
inline std::string unix_socket_path() { return server("plain").unix_socket; }

/// A loopback port nothing listens on (bound, then released: good enough for a refused connect).
inline int closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t size = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  ::close(fd);
  return ntohs(address.sin_port);
}

}  // namespace redispp::test
