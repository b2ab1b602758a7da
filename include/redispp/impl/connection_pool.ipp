#pragma once
// ConnectionPool and Lease.
//
// Locking: sync_->mutex guards the counters and idle_. It is never held across network IO: connecting
// a new connection and the staleness check on an idle one happen with the lock released, the
// slot already counted in in_use_ so that max_connections holds while they run.

#include <algorithm>  // std::sort, std::min
#include <condition_variable>  // std::condition_variable
#include <mutex>      // std::mutex
#include <new>        // std::bad_alloc
#include <string>     // std::string
#include <utility>    // std::exchange
#include <vector>   // std::vector

#include <fmt/format.h>

#include <redispp/detail/fork_generation.hpp>
#include <redispp/errors.hpp>
#include <redispp/transport/connection_pool.hpp>

namespace redispp {

struct ConnectionPool::Sync {
  std::mutex mutex;
  std::condition_variable available;  // notified when a connection comes back
};

REDISPP_DECL Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)), connection_(std::move(other.connection_)),
      generation_(other.generation_), fork_generation_(other.fork_generation_) {}

REDISPP_DECL Lease& Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    release();
    pool_ = std::exchange(other.pool_, nullptr);
    connection_ = std::move(other.connection_);
    generation_ = other.generation_;
    fork_generation_ = other.fork_generation_;
  }
  return *this;
}

REDISPP_DECL Lease::~Lease() { release(); }

REDISPP_DECL void Lease::release() noexcept {
  if (connection_ && pool_ != nullptr) pool_->give_back(std::move(connection_), generation_, fork_generation_);
  connection_.reset();
  pool_ = nullptr;
}

REDISPP_DECL ConnectionPool::ConnectionPool(const ConnectionOptions& options)
    : ConnectionPool(options, PoolOptions{}) {}

REDISPP_DECL ConnectionPool::ConnectionPool(const ConnectionOptions& options, const PoolOptions& pool_options)
    : options_(options), pool_options_(pool_options), sync_(std::make_unique<Sync>()) {
  if (!detail::watch_forks()) throw std::bad_alloc();  // pthread_atfork() is out of memory
  owner_fork_generation_ = detail::fork_generation();
  // Every field, at construction: a bad value is a DataError naming it, not a surprise later.
  validate(options_);
  validate(pool_options_);
  leased_.reserve(std::min<std::size_t>(pool_options_.max_connections, 256));
}

REDISPP_DECL ConnectionPool::~ConnectionPool() = default;

REDISPP_DECL void ConnectionPool::check_fork_locked() {
  const std::uint64_t current = detail::fork_generation();
  if (current == owner_fork_generation_) return;
  // We are a child of the process that filled this pool. Its sockets are shared with the
  // parent: close our copies of the file descriptors without a word on the wire, and forget
  // every count (the parent's leases are not ours to wait for).
  for (auto& connection : idle_) connection->abandon();
  idle_.clear();
  leased_.clear();
  in_use_ = 0;
  waiting_ = 0;
  ++generation_;
  owner_fork_generation_ = current;
}

REDISPP_DECL Lease ConnectionPool::lease(std::unique_ptr<Connection> connection, const SourceLocation& where,
                                         clock::time_point now) {
  leased_.push_back(LeaseRecord{connection.get(), where, now, false});
  return Lease(this, std::move(connection), generation_, owner_fork_generation_);
}

REDISPP_DECL Lease ConnectionPool::acquire(SourceLocation where) {
  const auto started = clock::now();
  const auto deadline = started + pool_options_.timeout;
  bool counted_wait = false;

  std::unique_lock lock(sync_->mutex);
  check_fork_locked();
  for (;;) {
    // The most recently returned connection first: its socket is the least likely to have
    // been closed by an idle time-out somewhere.
    while (!idle_.empty()) {
      std::unique_ptr<Connection> connection = std::move(idle_.back());
      idle_.pop_back();
      // clock::now(), not `started`: acquire() may have waited since.
      Lease candidate = lease(std::move(connection), where, clock::now());
      ++in_use_;
      lock.unlock();
      // Every checkout probes (one poll(), as redis-py does): a connection the server closed
      // while it sat idle, or one holding bytes no request asked for (an extra reply, a
      // message), must not answer the next caller's command with them.
      if (!candidate->is_stale()) return candidate;
      // Drop it; the lease hands it back disconnected, which discards it.
      candidate->disconnect();
      candidate.release();
      lock.lock();
    }
    if (in_use_ < pool_options_.max_connections) {
      Lease fresh = lease(std::make_unique<Connection>(options_), where, clock::now());
      ++in_use_;
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
      // Having to wait is when a leak shows: tell about leases held too long, if asked to.
      if (pool_options_.long_lease_threshold.count() > 0 && pool_options_.on_long_lease) {
        const std::vector<HeldLease> long_leases = take_long_leases_locked();
        if (!long_leases.empty()) {
          lock.unlock();
          report(long_leases);
          lock.lock();
          continue;  // a connection may have come back meanwhile
        }
      }
    }
    ++waiting_;
    sync_->available.wait_until(lock, deadline);
    --waiting_;
  }
}

namespace detail {
// "orders.cpp:88": enough to find the line, short enough for an error message.
inline std::string short_site(const SourceLocation& where) {
  std::string_view file = where.file_name();
  if (const auto slash = file.rfind('/'); slash != std::string_view::npos) file.remove_prefix(slash + 1);
  return fmt::format("{}:{}", file, where.line());
}
}  // namespace detail

REDISPP_DECL void ConnectionPool::throw_exhausted(std::chrono::milliseconds waited) {
  std::string longest;
  const std::vector<HeldLease> held = held_leases_locked(std::chrono::milliseconds{0});
  for (std::size_t i = 0; i < held.size() && i < 3; ++i)
    longest += fmt::format("{}held {:.1f} s at {}", i == 0 ? "; longest leases: " : ", ",
                           static_cast<double>(held[i].held.count()) / 1000.0, detail::short_site(held[i].where));
  throw MaxConnectionsError(fmt::format(
      "no free connection to {} after {} ms: {} of {} in use, {} waiting (max_connections={}){}; raise "
      "PoolOptions::max_connections or timeout, or look for connections held too long (a Lease or Pipeline kept alive)",
      endpoint_name(options_), waited.count(), in_use_, pool_options_.max_connections, waiting_,
      pool_options_.max_connections, longest));
}

REDISPP_DECL std::vector<HeldLease> ConnectionPool::held_leases_locked(std::chrono::milliseconds longer_than) const {
  const auto now = clock::now();
  std::vector<HeldLease> held;
  for (const LeaseRecord& record : leased_) {
    const auto age = std::chrono::duration_cast<std::chrono::milliseconds>(now - record.since);
    if (age >= longer_than) held.push_back(HeldLease{record.where, age});
  }
  std::sort(held.begin(), held.end(), [](const HeldLease& a, const HeldLease& b) { return a.held > b.held; });
  return held;
}

REDISPP_DECL std::vector<HeldLease> ConnectionPool::held_leases(std::chrono::milliseconds longer_than) const {
  std::lock_guard lock(sync_->mutex);
  return held_leases_locked(longer_than);
}

REDISPP_DECL std::vector<HeldLease> ConnectionPool::take_long_leases_locked() {
  const auto now = clock::now();
  std::vector<HeldLease> found;
  for (LeaseRecord& record : leased_) {
    const auto age = std::chrono::duration_cast<std::chrono::milliseconds>(now - record.since);
    if (!record.reported && age >= pool_options_.long_lease_threshold) {
      record.reported = true;
      found.push_back(HeldLease{record.where, age});
    }
  }
  return found;
}

REDISPP_DECL void ConnectionPool::report(const std::vector<HeldLease>& leases) const noexcept {
  for (const HeldLease& lease : leases) {
    try {
      pool_options_.on_long_lease(lease);
    } catch (...) {
      // A diagnostics callback must not break the pool; its exception is dropped.
    }
  }
}

REDISPP_DECL void ConnectionPool::give_back(std::unique_ptr<Connection> connection, std::uint64_t generation,
                                            std::uint64_t fork_generation) noexcept {
  // A connection whose state no longer matches its options (SELECT, MULTI, SUBSCRIBE ... by
  // hand) is closed, never handed on: the next caller would get that state (or its replies).
  if (connection->state_changed()) connection->disconnect();
  if (connection->is_connected()) connection->shrink_buffers();  // outside the lock: may free memory
  std::unique_ptr<Connection> discarded;                            // closed after unlocking
  std::vector<HeldLease> long_lease;                                // reported after unlocking
  {
    std::lock_guard lock(sync_->mutex);
    check_fork_locked();
    if (fork_generation != owner_fork_generation_) {
      // Leased by our parent before fork(): its socket is the parent's. Close our copy only.
      connection->abandon();
      return;
    }
    for (std::size_t i = 0; i < leased_.size(); ++i) {
      if (leased_[i].connection != connection.get()) continue;
      const auto age = std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - leased_[i].since);
      if (!leased_[i].reported && pool_options_.long_lease_threshold.count() > 0 &&
          age >= pool_options_.long_lease_threshold && pool_options_.on_long_lease)
        long_lease.push_back(HeldLease{leased_[i].where, age});
      leased_[i] = leased_.back();
      leased_.pop_back();
      break;
    }
    --in_use_;
    if (connection->is_connected() && generation == generation_)
      idle_.push_back(std::move(connection));
    else
      discarded = std::move(connection);
  }
  sync_->available.notify_one();
  if (!long_lease.empty()) report(long_lease);
}

REDISPP_DECL void ConnectionPool::disconnect() {
  std::vector<std::unique_ptr<Connection>> closing;
  {
    std::lock_guard lock(sync_->mutex);
    check_fork_locked();
    closing.swap(idle_);
    ++generation_;  // leased connections are closed when they come back
  }
}

REDISPP_DECL PoolStats ConnectionPool::stats() const {
  std::lock_guard lock(sync_->mutex);
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
