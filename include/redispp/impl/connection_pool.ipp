#pragma once
// ConnectionPool and Lease.
//
// Locking: mutex_ guards the counters and idle_. It is never held across network IO: connecting
// a new connection and the staleness check on an idle one happen with the lock released, the
// slot already counted in in_use_ so that max_connections holds while they run.

#include <unistd.h>  // getpid

#include <utility>  // std::exchange
#include <vector>   // std::vector

#include <fmt/format.h>

#include <redispp/errors.hpp>
#include <redispp/transport/connection_pool.hpp>

namespace redispp {

REDISPP_DECL Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)), connection_(std::move(other.connection_)),
      generation_(other.generation_), pid_(other.pid_) {}

REDISPP_DECL Lease& Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    release();
    pool_ = std::exchange(other.pool_, nullptr);
    connection_ = std::move(other.connection_);
    generation_ = other.generation_;
    pid_ = other.pid_;
  }
  return *this;
}

REDISPP_DECL Lease::~Lease() { release(); }

REDISPP_DECL void Lease::release() noexcept {
  if (connection_ && pool_ != nullptr) pool_->give_back(std::move(connection_), generation_, pid_);
  connection_.reset();
  pool_ = nullptr;
}

REDISPP_DECL ConnectionPool::ConnectionPool(ConnectionOptions options, PoolOptions pool_options)
    : options_(std::move(options)), pool_options_(pool_options), owner_pid_(static_cast<int>(::getpid())) {
  if (pool_options_.max_connections == 0) throw DataError("PoolOptions::max_connections must be at least 1");
  if (pool_options_.timeout.count() < 0) throw DataError("PoolOptions::timeout must not be negative");
}

REDISPP_DECL ConnectionPool::~ConnectionPool() = default;

REDISPP_DECL void ConnectionPool::check_fork_locked() {
  const int pid = static_cast<int>(::getpid());
  if (pid == owner_pid_) return;
  // We are a child of the process that filled this pool. Its sockets are shared with the
  // parent: close our copies of the file descriptors without a word on the wire, and forget
  // every count (the parent's leases are not ours to wait for).
  for (auto& connection : idle_) connection->abandon();
  idle_.clear();
  in_use_ = 0;
  waiting_ = 0;
  ++generation_;
  owner_pid_ = pid;
}

REDISPP_DECL Lease ConnectionPool::lease(std::unique_ptr<Connection> connection) noexcept {
  return Lease(this, std::move(connection), generation_, owner_pid_);
}

REDISPP_DECL Lease ConnectionPool::acquire(std::source_location where) {
  (void)where;  // kept in the signature for lease diagnostics (leases held too long)
  using clock = std::chrono::steady_clock;
  const auto started = clock::now();
  const auto deadline = started + pool_options_.timeout;
  bool counted_wait = false;

  std::unique_lock lock(mutex_);
  check_fork_locked();
  for (;;) {
    // The most recently returned connection first: its socket is the least likely to have
    // been closed by an idle time-out somewhere.
    while (!idle_.empty()) {
      Lease candidate = lease(std::move(idle_.back()));
      idle_.pop_back();
      ++in_use_;
      lock.unlock();
      if (!candidate->is_stale()) return candidate;
      // The server closed it (timeout, restart, CLIENT KILL) or it holds bytes no one asked
      // for: drop it; the lease hands it back disconnected, which discards it.
      candidate->disconnect();
      candidate.release();
      lock.lock();
    }
    if (in_use_ < pool_options_.max_connections) {
      ++in_use_;
      Lease fresh = lease(std::make_unique<Connection>(options_));
      lock.unlock();
      fresh->connect();  // on failure the lease gives the slot back as it unwinds
      lock.lock();
      ++created_;
      return fresh;
    }
    if (pool_options_.timeout.count() == 0 || clock::now() >= deadline) {
      ++wait_timeouts_;
      throw_exhausted(std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - started));
    }
    if (!counted_wait) {
      ++total_waits_;
      counted_wait = true;
    }
    ++waiting_;
    available_.wait_until(lock, deadline);
    --waiting_;
  }
}

REDISPP_DECL void ConnectionPool::throw_exhausted(std::chrono::milliseconds waited) {
  throw MaxConnectionsError(fmt::format(
      "no free connection to {} after {} ms: {} of {} in use, {} waiting (max_connections={}); raise "
      "PoolOptions::max_connections or timeout, or look for connections held too long (a Lease or Pipeline kept alive)",
      endpoint_name(options_), waited.count(), in_use_, pool_options_.max_connections, waiting_,
      pool_options_.max_connections));
}

REDISPP_DECL void ConnectionPool::give_back(std::unique_ptr<Connection> connection, std::uint64_t generation,
                                            int pid) noexcept {
  if (connection->is_connected()) connection->shrink_buffers();  // outside the lock: may free memory
  std::unique_ptr<Connection> discarded;                            // closed after unlocking
  {
    std::lock_guard lock(mutex_);
    check_fork_locked();
    if (pid != owner_pid_) {
      // Leased by our parent before fork(): its socket is the parent's. Close our copy only.
      connection->abandon();
      return;
    }
    --in_use_;
    if (connection->is_connected() && generation == generation_)
      idle_.push_back(std::move(connection));
    else
      discarded = std::move(connection);
  }
  available_.notify_one();
}

REDISPP_DECL void ConnectionPool::disconnect() {
  std::vector<std::unique_ptr<Connection>> closing;
  {
    std::lock_guard lock(mutex_);
    check_fork_locked();
    closing.swap(idle_);
    ++generation_;  // leased connections are closed when they come back
  }
}

REDISPP_DECL PoolStats ConnectionPool::stats() const {
  std::lock_guard lock(mutex_);
  PoolStats s;
  s.in_use = in_use_;
  s.idle = idle_.size();
  s.created = created_;
  s.max_connections = pool_options_.max_connections;
  s.waiting = waiting_;
  s.total_waits = total_waits_;
  s.wait_timeouts = wait_timeouts_;
  return s;
}

}  // namespace redispp
