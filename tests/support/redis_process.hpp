#pragma once
// RedisProcess: a redis-server of a test's own, for the faults the shared fixture servers must
// not suffer: killed, restarted on the same port, frozen with SIGSTOP. Started with --port and
// no persistence; stopped (SIGKILL) on destruction.
#include <signal.h>    // kill, SIGKILL, SIGSTOP, SIGCONT
#include <spawn.h>     // posix_spawnp
#include <sys/wait.h>  // waitpid

#include <chrono>     // std::chrono
#include <stdexcept>  // std::runtime_error
#include <string>     // std::string
#include <thread>     // std::this_thread
#include <vector>     // std::vector

#include <redispp/redispp.hpp>

#include "support/test_servers.hpp"

extern char** environ;

namespace redispp::test {

class RedisProcess {
 public:
  /// Starts a server on a free port (or on `port`), waiting until it answers PING.
  explicit RedisProcess(int port = 0) : port_(port == 0 ? closed_port() : port) { start(); }
  /// A server with `extra_args` after the defaults (later arguments win; "{port}" stands for
  /// its port: "--port", "0", "--tls-port", "{port}" moves it to TLS), ready when `probe` (its
  /// port filled in) gets a PONG.
  RedisProcess(std::vector<std::string> extra_args, ConnectionOptions probe)
      : port_(closed_port()), extra_args_(std::move(extra_args)), probe_(std::move(probe)) {
    start();
  }
  ~RedisProcess() { kill_now(); }
  RedisProcess(const RedisProcess&) = delete;
  RedisProcess& operator=(const RedisProcess&) = delete;

  int port() const noexcept { return port_; }
  /// Options that reach it (TLS ones for a TLS server: the probe's).
  ConnectionOptions options() const {
    ConnectionOptions o = probe_;
    o.port = port_;
    return o;
  }

  void start() {
    const std::string port = std::to_string(port_);
    std::vector<std::string> args{"redis-server", "--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly",
                                  "no", "--daemonize", "no", "--logfile", "/dev/null"};
    for (const std::string& arg : extra_args_) args.push_back(arg == "{port}" ? port : arg);
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (::posix_spawnp(&pid_, "redis-server", nullptr, nullptr, argv.data(), environ) != 0)
      throw std::runtime_error("cannot start redis-server");
    // Ready when it answers; a port taken meanwhile shows as the process exiting.
    ConnectionOptions probe = options();
    probe.retry = Retry::none();
    probe.socket_connect_timeout = std::chrono::milliseconds(200);
    for (int i = 0; i < 100; ++i) {
      try {
        if (Redis(probe).ping()) return;
      } catch (const Error&) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("redis-server on port " + port + " did not answer within 5 s");
  }
  /// SIGKILL, as a crash or an OOM kill would: no goodbye to the clients.
  void kill_now() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGCONT);
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = 0;
  }
  void freeze() { ::kill(pid_, SIGSTOP); }
  void thaw() { ::kill(pid_, SIGCONT); }

 private:
  int port_;
  std::vector<std::string> extra_args_;
  ConnectionOptions probe_{};
  pid_t pid_ = 0;
};

}  // namespace redispp::test
