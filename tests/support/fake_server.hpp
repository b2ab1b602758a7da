#pragma once
// FakeServer: a loopback TCP server that misbehaves on demand, for the failures a real
// redis-server cannot be made to produce: malformed or truncated replies, stalls, dropped
// sockets. Everything else is tested against real redis-servers.
//
//   FakeServer server([](FakeServer::Session& s) {
//     s.handshake();             // answer the client's handshake as Redis would
//     s.read_command();          // wait for its first command
//     s.write("?garbage\r\n");  // answer nonsense
//   });
//   options.port = server.port();
//
// Each accepted connection runs the script on the server's thread, one after another; when the
// script returns, the connection is closed. The destructor stops accepting and joins.
#include <netinet/in.h>   // sockaddr_in
#include <netinet/tcp.h>  // TCP_NODELAY
#include <poll.h>         // poll
#include <sys/socket.h>   // socket, bind, listen, accept
#include <unistd.h>       // close

#include <atomic>      // std::atomic
#include <chrono>      // std::chrono
#include <functional>  // std::function
#include <string>      // std::string
#include <string_view> // std::string_view
#include <thread>      // std::thread
#include <utility>     // std::exchange
#include <vector>      // std::vector

namespace redispp::test {

class FakeServer {
 public:
  class Session {
   public:
    explicit Session(int fd) : fd_(fd) {}
    /// Reads whatever the client sent next (waits up to `timeout`); empty on EOF or time-out.
    std::string read_request(std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
      if (!pending_.empty()) return std::exchange(pending_, {});
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return {};
      char buffer[4096];
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
    }
    /// The next whole command the client sent, as its arguments; empty on EOF or time-out.
    std::vector<std::string> read_command(std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
      for (;;) {
        std::vector<std::string> command;
        if (const std::size_t used = parse_command(pending_, command); used > 0) {
          pending_.erase(0, used);
          return command;
        }
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return {};
        char buffer[4096];
        const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n <= 0) return {};
        pending_.append(buffer, static_cast<std::size_t>(n));
      }
    }
    void write(std::string_view bytes) {
      while (!bytes.empty()) {
        const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n <= 0) return;
        bytes.remove_prefix(static_cast<std::size_t>(n));
      }
    }
    /// Answers a client's handshake as a Redis 7.2 would for a connection without password,
    /// name or db: +OK to each CLIENT SETINFO, the marker back to the closing ECHO. False when
    /// the client went away first.
    bool handshake() {
      for (;;) {
        const std::vector<std::string> command = read_command();
        if (command.empty()) return false;
        if (command[0] == "ECHO" && command.size() == 2) {
          write(bulk(command[1]));
          return true;
        }
        write("+OK\r\n");
      }
    }
    /// Reads `count` commands and answers each with `reply`.
    void answer(int count, std::string_view reply) {
      for (int seen = 0; seen < count; ++seen) {
        if (read_command().empty()) return;
        write(reply);
      }
    }
    int fd() const noexcept { return fd_; }

    /// "$<n>\r\n<text>\r\n"
    static std::string bulk(std::string_view text) {
      return "$" + std::to_string(text.size()) + "\r\n" + std::string(text) + "\r\n";
    }

   private:
    // One RESP command (an array of bulk strings) from the front of `bytes`: the bytes it took,
    // 0 when incomplete.
    static std::size_t parse_command(std::string_view bytes, std::vector<std::string>& out) {
      const auto line = [&bytes](std::size_t at, std::size_t& value) -> std::size_t {
        const std::size_t end = bytes.find("\r\n", at);
        if (end == std::string_view::npos) return 0;
        value = std::stoul(std::string(bytes.substr(at + 1, end - at - 1)));
        return end + 2;
      };
      if (bytes.empty() || bytes[0] != '*') return 0;
      std::size_t count = 0;
      std::size_t at = line(0, count);
      if (at == 0) return 0;
      for (std::size_t i = 0; i < count; ++i) {
        std::size_t length = 0;
        if (at >= bytes.size()) return 0;
        const std::size_t start = line(at, length);
        if (start == 0 || start + length + 2 > bytes.size()) return 0;
        out.emplace_back(bytes.substr(start, length));
        at = start + length + 2;
      }
      return at;
    }

    int fd_;
    std::string pending_;  // received, not yet taken by read_command()
  };
  using Script = std::function<void(Session&)>;

  /// `concurrent`: each connection runs the script on a thread of its own (for tests with
  /// many clients at once); otherwise connections are served one after another.
  explicit FakeServer(Script script, bool concurrent = false) : script_(std::move(script)), concurrent_(concurrent) {
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
    // Concurrent sessions run detached (a test may open thousands of connections); each ends
    // when its client closes, which the clients, destroyed before the server, have done.
    while (active_sessions_ > 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ::close(listen_fd_);
  }
  FakeServer(const FakeServer&) = delete;
  FakeServer& operator=(const FakeServer&) = delete;

  int port() const noexcept { return port_; }
  int connections() const noexcept { return connections_; }

 private:
  void serve() {
    while (!stopping_) {
      pollfd p{listen_fd_, POLLIN, 0};
      if (::poll(&p, 1, 20) <= 0) continue;
      const int fd = ::accept(listen_fd_, nullptr, nullptr);
      if (fd < 0) continue;
      ++connections_;
      // As redis-server does: without it, Nagle holds a small write back until the client's
      // (delayed) ACK of the previous one, up to 40 ms later.
      const int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      const auto serve_one = [this, fd] {
        Session session(fd);
        script_(session);
        ::close(fd);
      };
      if (concurrent_) {
        ++active_sessions_;
        std::thread([this, serve_one] {
          serve_one();
          --active_sessions_;
        }).detach();
      } else {
        serve_one();
      }
    }
  }

  Script script_;
  bool concurrent_;
  std::atomic<int> active_sessions_{0};  // concurrent_ only
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::thread thread_;
};

}  // namespace redispp::test
