#pragma once
// ConnectionPool: a thread-safe, lazily filled set of connections to one server, as redis-py's
// (Blocking)ConnectionPool. Connections are created on demand up to max_connections and reused
// last-in first-out (the warmest socket first); a caller that finds them all in use waits up to
// PoolOptions::timeout and then gets MaxConnectionsError.
//
// A Lease is the RAII handle to a borrowed connection: it returns the connection when it goes
// out of scope, or discards it if it broke (disconnected after an error).
//
// What the pool guarantees about a connection it hands out:
//   - it is connected, its handshake succeeded, and its state is what ConnectionOptions say
//     (db, user, protocol, client name; not in MULTI, not subscribed, not in MONITOR, no
//     tracking): a command built with CommandFlags::changes_state (SELECT, AUTH, HELLO, RESET,
//     CLIENT SETNAME/TRACKING/NO-EVICT, QUIT; by hand through execute_command also MULTI,
//     WATCH, SUBSCRIBE, MONITOR ..., see commands/generic.hpp) marks its connection, and a
//     marked connection is closed when it comes back, never restored and reused;
//   - it holds no unread byte: every checkout polls the socket once (Connection::is_stale), and
//     a connection the server closed, or that received anything no request asked for, is
//     dropped. The poll is one system call per checkout (bench/README.md measures it).
// After fork(), a child's pool abandons its parent's sockets (never writes to them) and starts
// afresh.

#include <cstdint>             // std::uint64_t
#include <memory>              // std::unique_ptr
#include <vector>              // std::vector

#include <redispp/config.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono
#include <redispp/source_location.hpp>  // SourceLocation
#include <redispp/transport/connection.hpp>
#include <redispp/transport/options.hpp>

namespace redispp {

struct PoolStats {
  std::size_t in_use = 0;           // leased right now
  std::size_t idle = 0;             // open and waiting in the pool
  std::size_t created = 0;          // connections opened since the pool was made
  std::size_t max_connections = 0;  // PoolOptions::max_connections
  std::size_t waiting = 0;          // callers blocked in acquire() right now
  std::uint64_t total_waits = 0;    // acquire() calls that had to wait
  std::uint64_t wait_timeouts = 0;  // acquire() calls that gave up (MaxConnectionsError)
};

class ConnectionPool;

/// A borrowed connection. Movable, not copyable; returns the connection on destruction. A lease
/// must not outlive its pool (Redis and Pipeline keep their pool alive while they hold one).
class Lease {
 public:
  Lease() noexcept = default;
  Lease(Lease&& other) noexcept;
  Lease& operator=(Lease&& other) noexcept;
  ~Lease();

  Connection& operator*() const noexcept { return *connection_; }
  Connection* operator->() const noexcept { return connection_.get(); }
  explicit operator bool() const noexcept { return static_cast<bool>(connection_); }
  /// Gives the connection back now (kept if still connected, dropped otherwise).
  void release() noexcept;

 private:
  friend class ConnectionPool;
  Lease(ConnectionPool* pool, std::unique_ptr<Connection> connection, std::uint64_t generation,
        std::uint64_t fork_generation) noexcept
      : pool_(pool), connection_(std::move(connection)), generation_(generation), fork_generation_(fork_generation) {}

  ConnectionPool* pool_ = nullptr;
  std::unique_ptr<Connection> connection_;
  std::uint64_t generation_ = 0;  // the pool's generation when leased: disconnect() bumps it
  std::uint64_t fork_generation_ = 0;  // the process that leased it: a child after fork() must not reuse it
};

class ConnectionPool {
 public:
  // By reference, copied inside the library, as Redis' constructors do (client.hpp): by
  // value, make_shared<ConnectionPool>(opts, po) compiled the options' copy in the caller's file.
  explicit ConnectionPool(const ConnectionOptions& options);
  ConnectionPool(const ConnectionOptions& options, const PoolOptions& pool_options);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  /// Borrows a connected connection: an idle one if any (checked for staleness), a new one if
  /// below max_connections, or the next one returned within PoolOptions::timeout. Throws
  /// MaxConnectionsError ("no free connection after 2000 ms: 8 of 8 in use, 3 waiting
  /// (max_connections=8)") or whatever connecting throws. `where` records the caller, for
  /// leak diagnostics.
  Lease acquire(SourceLocation where = SourceLocation::current());

  /// Closes every idle connection and marks the leased ones to be closed when returned.
  void disconnect();

  PoolStats stats() const;
  /// The leases out right now and held longer than `longer_than`, longest first, with the
  /// site that took each: what to look at when the pool runs dry (a "connection leak").
  std::vector<HeldLease> held_leases(std::chrono::milliseconds longer_than = std::chrono::milliseconds{0}) const;
  const ConnectionOptions& connection_options() const noexcept { return options_; }
  const PoolOptions& pool_options() const noexcept { return pool_options_; }

 private:
  friend class Lease;
  using clock = std::chrono::steady_clock;
  // One connection out on a lease: which, since when, taken where.
  struct LeaseRecord {
    const Connection* connection;
    SourceLocation where;
    clock::time_point since;
    bool reported;  // on_long_lease already told about it
  };

  void give_back(std::unique_ptr<Connection> connection, std::uint64_t generation, std::uint64_t fork_generation) noexcept;
  void check_fork_locked();
  // The helpers below run with sync_->mutex held.
  Lease lease(std::unique_ptr<Connection> connection, const SourceLocation& where, clock::time_point now);
  [[noreturn]] void throw_exhausted(std::chrono::milliseconds waited);
  std::vector<HeldLease> held_leases_locked(std::chrono::milliseconds longer_than) const;
  std::vector<HeldLease> take_long_leases_locked();  // not yet reported, past the threshold
  void report(const std::vector<HeldLease>& leases) const noexcept;  // without the lock

  const ConnectionOptions options_;
  const PoolOptions pool_options_;
  // The lock and the condition variable the waiters sleep on (impl/connection_pool.ipp): behind
  // a pointer so that this header does not include <mutex> and <condition_variable>.
  struct Sync;
  std::unique_ptr<Sync> sync_;
  std::vector<std::unique_ptr<Connection>> idle_;  // back() is the most recently returned
  std::vector<LeaseRecord> leased_;                // reserved up front: no allocation per lease
  std::size_t in_use_ = 0;
  std::size_t waiting_ = 0;
  std::size_t created_ = 0;
  std::uint64_t total_waits_ = 0;
  std::uint64_t wait_timeouts_ = 0;
  std::uint64_t generation_ = 0;  // bumped by disconnect(): older leases close on return
  std::uint64_t owner_fork_generation_ = 0;  // detail::fork_generation() of the process that owns the sockets
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/connection_pool.ipp>
#endif
