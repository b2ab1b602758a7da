#pragma once
// FaultProxy: a loopback TCP proxy in front of a real redis-server that misbehaves on command —
// the network faults of the troubleshooting guide, on demand:
//   pass          forward both ways
//   delay         hold each chunk from the server for `delay` before passing it on
//   black_hole    forward nothing either way (packets "dropped"); new connections hang unanswered
//   close_mid_reply  pass `byte_budget` more bytes from the server, then close the client's socket
//   reset()       abort every current connection with a TCP reset (SO_LINGER 0)
// Each connection is pumped by its own thread; the destructor stops and joins them all.
#include <netinet/in.h>  // sockaddr_in
#include <poll.h>        // poll
#include <sys/socket.h>  // socket, accept, connect
#include <unistd.h>      // close

#include <atomic>      // std::atomic
#include <chrono>      // std::chrono
#include <list>        // std::list
#include <mutex>       // std::mutex
#include <thread>      // std::thread
#include <vector>      // std::vector

namespace redispp::test {

class FaultProxy {
 public:
  enum class Mode { pass, delay, black_hole, close_mid_reply };

  explicit FaultProxy(int upstream_port) : upstream_port_(upstream_port) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = loopback(0);
    ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(listen_fd_, 64);
    socklen_t size = sizeof address;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &size);
    port_ = ntohs(address.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
  }
  ~FaultProxy() {
    stopping_ = true;
    acceptor_.join();
    std::lock_guard lock(mutex_);
    for (auto& pump : pumps_) pump.join();
    ::close(listen_fd_);
  }
  FaultProxy(const FaultProxy&) = delete;
  FaultProxy& operator=(const FaultProxy&) = delete;

  int port() const noexcept { return port_; }
  void set_mode(Mode mode) noexcept { mode_ = mode; }
  void set_delay(std::chrono::milliseconds delay) noexcept { delay_ms_ = static_cast<int>(delay.count()); }
  /// For close_mid_reply: how many more bytes from the server get through before the cut.
  void set_byte_budget(long bytes) noexcept { byte_budget_ = bytes; }
  /// Aborts every current connection with a reset.
  void reset() noexcept { ++reset_generation_; }
  int connections() const noexcept { return connections_; }

 private:
  static sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    return address;
  }

  void accept_loop() {
    while (!stopping_) {
      if (mode_ == Mode::black_hole) {  // leave new connections unanswered in the backlog
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        continue;
      }
      pollfd p{listen_fd_, POLLIN, 0};
      if (::poll(&p, 1, 20) <= 0) continue;
      const int client = ::accept(listen_fd_, nullptr, nullptr);
      if (client < 0) continue;
      const int server = ::socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in upstream = loopback(upstream_port_);
      if (::connect(server, reinterpret_cast<sockaddr*>(&upstream), sizeof upstream) != 0) {
        abort_socket(client);  // upstream down: the client sees a reset, as from a dead host
        ::close(server);
        continue;
      }
      ++connections_;
      std::lock_guard lock(mutex_);
      pumps_.emplace_back([this, client, server] { pump(client, server); });
    }
  }

  static void abort_socket(int fd) {
    linger hard{1, 0};  // close with RST instead of FIN
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    ::close(fd);
  }

  void pump(int client, int server) {
    const int generation = reset_generation_;
    char buffer[16384];
    bool open = true;
    while (open && !stopping_) {
      if (reset_generation_ != generation) {
        abort_socket(client);
        abort_socket(server);
        return;
      }
      if (mode_ == Mode::black_hole) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        continue;
      }
      pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
      if (::poll(fds, 2, 20) <= 0) continue;
      for (int side = 0; side < 2 && open; ++side) {
        if ((fds[side].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
        const int from = side == 0 ? client : server;
        const int to = side == 0 ? server : client;
        ssize_t n = ::recv(from, buffer, sizeof buffer, 0);
        if (n <= 0) {
          open = false;
          break;
        }
        if (side == 1) {  // server -> client: where the faults apply
          if (mode_ == Mode::delay) {
            std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms_.load()));
            if (reset_generation_ != generation) break;  // reset while the reply was held back
          }
          if (mode_ == Mode::close_mid_reply) {
            const long budget = byte_budget_.load();
            if (n >= budget) {
              ::send(to, buffer, static_cast<std::size_t>(budget), MSG_NOSIGNAL);
              open = false;
              break;
            }
            byte_budget_ -= n;
          }
        }
        ::send(to, buffer, static_cast<std::size_t>(n), MSG_NOSIGNAL);
      }
    }
    ::close(client);
    ::close(server);
  }

  int upstream_port_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<Mode> mode_{Mode::pass};
  std::atomic<int> delay_ms_{0};
  std::atomic<long> byte_budget_{0};
  std::atomic<int> reset_generation_{0};
  std::atomic<int> connections_{0};
  std::mutex mutex_;
  std::list<std::thread> pumps_;
  std::thread acceptor_;
};

}  // namespace redispp::test
