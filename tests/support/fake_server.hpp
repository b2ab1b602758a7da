#pragma once
// FakeServer: a loopback TCP server that misbehaves on demand, for the failures a real
// redis-server cannot be made to produce: malformed or truncated replies, stalls, dropped
// sockets. Everything else is tested against real redis-servers.
//
//   FakeServer server([](FakeServer::Session& s) {
//     s.read_request();          // wait for the client's first bytes
//     s.write("?garbage\r\n");  // answer nonsense
//   });
//   options.port = server.port();
//
// Each accepted connection runs the script on the server's thread, one after another; when the
// script returns, the connection is closed. The destructor stops accepting and joins.
#include <netinet/in.h>   // sockaddr_in
#include <poll.h>         // poll
#include <sys/socket.h>   // socket, bind, listen, accept
#include <unistd.h>       // close

#include <atomic>      // std::atomic
#include <chrono>      // std::chrono
#include <functional>  // std::function
#include <string>      // std::string
#include <string_view> // std::string_view
#include <thread>      // std::thread

namespace redispp::test {

class FakeServer {
 public:
  class Session {
   public:
    explicit Session(int fd) : fd_(fd) {}
    /// Reads whatever the client sent next (waits up to `timeout`); empty on EOF or time-out.
    std::string read_request(std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return {};
      char buffer[4096];
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
    }
    void write(std::string_view bytes) {
      while (!bytes.empty()) {
        const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n <= 0) return;
        bytes.remove_prefix(static_cast<std::size_t>(n));
      }
    }
    /// Reads requests until the client has sent `count` complete RESP commands (counted by their
    /// "*" headers at line starts: enough for the small commands tests send) and answers each
    /// with `reply`. Used to get through the handshake before misbehaving.
    void answer(int count, std::string_view reply) {
      int seen = 0;
      while (seen < count) {
        const std::string request = read_request();
        if (request.empty()) return;
        for (std::size_t i = 0; i < request.size(); ++i)
          if (request[i] == '*' && (i == 0 || request[i - 1] == '\n')) {
            ++seen;
            write(reply);
          }
      }
    }
    int fd() const noexcept { return fd_; }

   private:
    int fd_;
  };
  using Script = std::function<void(Session&)>;

  explicit FakeServer(Script script) : script_(std::move(script)) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(listen_fd_, 16);
    socklen_t size = sizeof address;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &size);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~FakeServer() {
    stopping_ = true;
    thread_.join();
    ::close(listen_fd_);
  }
  FakeServer(const FakeServer&) = delete;
  FakeServer& operator=(const FakeServer&) = delete;

  int port() const noexcept { return port_; }
  int connections() const noexcept { return connections_; }

  /// What a client's handshake sends when it has no password, name or db: two CLIENT SETINFO.
  static constexpr int plain_handshake_commands = 2;

 private:
  void serve() {
    while (!stopping_) {
      pollfd p{listen_fd_, POLLIN, 0};
      if (::poll(&p, 1, 20) <= 0) continue;
      const int fd = ::accept(listen_fd_, nullptr, nullptr);
      if (fd < 0) continue;
      ++connections_;
      Session session(fd);
      script_(session);
      ::close(fd);
    }
  }

  Script script_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::thread thread_;
};

}  // namespace redispp::test
