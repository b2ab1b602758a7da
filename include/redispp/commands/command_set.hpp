#pragma once
// CommandSet<Derived>: every command as a one-line method, written once and shared by every
// kind of client. Each method builds a Command<T> (commands/*.hpp) and hands it to
// Derived::run(); what running means is the host's business:
//   Redis::run     sends it now and returns T;
//   Pipeline::run  queues it and returns Pipeline& (so calls chain);
//   (later) the cluster and async clients route it or return an awaitable.
// A new command is one builder in commands/<group>.hpp plus one line here.
//
// Keys and values are std::string_view (binary-safe); values and fields also take any type the
// encoder accepts (numbers, user types with redispp_to_bulk). Many-key commands take the keys as
// separate arguments or as a range.

#include <chrono>            // std::chrono
#include <cstdint>           // std::uint64_t
#include <initializer_list>  // std::initializer_list
#include <string_view>       // std::string_view
#include <utility>           // std::pair

#include <redispp/commands/command.hpp>
#include <redispp/commands/hashes.hpp>
#include <redispp/commands/keys.hpp>
#include <redispp/commands/lists.hpp>
#include <redispp/commands/server.hpp>
#include <redispp/commands/strings.hpp>

namespace redispp {

template <class Derived>
class CommandSet {
  using KeyList = std::initializer_list<std::string_view>;
  using PairList = std::initializer_list<std::pair<std::string_view, std::string_view>>;

 public:
  // --- connection and server -------------------------------------------------------------
  /// https://redis.io/commands/ping — true on PONG.
  decltype(auto) ping() { return run(cmd::ping()); }
  /// https://redis.io/commands/echo
  template <Argument M> decltype(auto) echo(const M& message) { return run(cmd::echo(message)); }
  /// https://redis.io/commands/select — prefer ConnectionOptions::db: a pooled connection
  /// keeps the database it was switched to.
  decltype(auto) select(int db) { return run(cmd::select(db)); }
  /// https://redis.io/commands/dbsize
  decltype(auto) dbsize() { return run(cmd::dbsize()); }
  /// https://redis.io/commands/flushdb
  decltype(auto) flushdb(bool asynchronous = false) { return run(cmd::flushdb(asynchronous)); }
  /// https://redis.io/commands/flushall
  decltype(auto) flushall(bool asynchronous = false) { return run(cmd::flushall(asynchronous)); }
  /// https://redis.io/commands/info — parsed into an Info: r.info().integer("connected_clients")
  template <Argument... Sections> decltype(auto) info(const Sections&... sections) { return run(cmd::info(sections...)); }
  /// https://redis.io/commands/time — the server's clock.
  decltype(auto) time() { return run(cmd::time()); }
  /// https://redis.io/commands/config-get — parameter -> value.
  decltype(auto) config_get(std::string_view pattern = "*") { return run(cmd::config_get(pattern)); }
  /// https://redis.io/commands/config-set
  template <Argument V> decltype(auto) config_set(std::string_view parameter, const V& value) { return run(cmd::config_set(parameter, value)); }
  /// https://redis.io/commands/client-setname — prefer ConnectionOptions::client_name, which
  /// names every pooled connection.
  decltype(auto) client_setname(std::string_view name) { return run(cmd::client_setname(name)); }
  /// https://redis.io/commands/client-getname
  decltype(auto) client_getname() { return run(cmd::client_getname()); }
  /// https://redis.io/commands/client-id
  decltype(auto) client_id() { return run(cmd::client_id()); }
  /// https://redis.io/commands/client-list — parsed into ClientInfo (age, idle, addr ...).
  decltype(auto) client_list() { return run(cmd::client_list()); }

  // --- keys ------------------------------------------------------------------------------
  /// https://redis.io/commands/del — how many keys were removed.
  template <Argument... Keys> requires(sizeof...(Keys) > 0) decltype(auto) del(const Keys&... keys) { return run(cmd::del(keys...)); }
  decltype(auto) del(KeyList keys) { return run(cmd::del(keys)); }
  /// https://redis.io/commands/unlink
  template <Argument... Keys> requires(sizeof...(Keys) > 0) decltype(auto) unlink(const Keys&... keys) { return run(cmd::unlink(keys...)); }
  decltype(auto) unlink(KeyList keys) { return run(cmd::unlink(keys)); }
  /// https://redis.io/commands/exists — one key: bool; several (or a range): how many exist.
  decltype(auto) exists(std::string_view key) { return run(cmd::exists_one(key)); }
  template <Argument K1, Argument K2, Argument... Keys> decltype(auto) exists(const K1& k1, const K2& k2, const Keys&... keys) { return run(cmd::exists(k1, k2, keys...)); }
  decltype(auto) exists(KeyList keys) { return run(cmd::exists(keys)); }
  template <Argument Keys> requires detail::range_argument<Keys> decltype(auto) exists(const Keys& keys) { return run(cmd::exists(keys)); }
  /// https://redis.io/commands/expire
  decltype(auto) expire(std::string_view key, std::chrono::seconds ttl, const ExpireOptions& options = {}) { return run(cmd::expire(key, ttl, options)); }
  /// https://redis.io/commands/pexpire
  decltype(auto) pexpire(std::string_view key, std::chrono::milliseconds ttl, const ExpireOptions& options = {}) { return run(cmd::pexpire(key, ttl, options)); }
  /// https://redis.io/commands/expireat
  decltype(auto) expireat(std::string_view key, UnixSeconds when, const ExpireOptions& options = {}) { return run(cmd::expireat(key, when, options)); }
  /// https://redis.io/commands/pexpireat
  decltype(auto) pexpireat(std::string_view key, UnixMilliseconds when, const ExpireOptions& options = {}) { return run(cmd::pexpireat(key, when, options)); }
  /// https://redis.io/commands/ttl — seconds; -1 no expiry, -2 no such key.
  decltype(auto) ttl(std::string_view key) { return run(cmd::ttl(key)); }
  /// https://redis.io/commands/pttl — milliseconds; -1 no expiry, -2 no such key.
  decltype(auto) pttl(std::string_view key) { return run(cmd::pttl(key)); }
  /// https://redis.io/commands/persist
  decltype(auto) persist(std::string_view key) { return run(cmd::persist(key)); }
  /// https://redis.io/commands/type
  decltype(auto) type(std::string_view key) { return run(cmd::type(key)); }
  /// https://redis.io/commands/rename
  decltype(auto) rename(std::string_view key, std::string_view new_key) { return run(cmd::rename(key, new_key)); }
  /// https://redis.io/commands/renamenx
  decltype(auto) renamenx(std::string_view key, std::string_view new_key) { return run(cmd::renamenx(key, new_key)); }
  /// https://redis.io/commands/keys — blocks the server on big databases: prefer scan_iter.
  decltype(auto) keys(std::string_view pattern = "*") { return run(cmd::keys(pattern)); }
  /// https://redis.io/commands/scan — one page: {cursor, keys}; cursor 0 means done.
  decltype(auto) scan(std::uint64_t cursor = 0, const ScanOptions& options = {}) { return run(cmd::scan(cursor, options)); }

  // --- strings ---------------------------------------------------------------------------
  /// https://redis.io/commands/set — true when set (false when NX/XX prevented it).
  template <Argument V> decltype(auto) set(std::string_view key, const V& value, const SetOptions& options = {}) { return run(cmd::set(key, value, options)); }
  /// https://redis.io/commands/set with GET: the old value (or nullopt).
  template <Argument V> decltype(auto) set_get(std::string_view key, const V& value, const SetOptions& options = {}) { return run(cmd::set_get(key, value, options)); }
  /// https://redis.io/commands/get — nullopt for a missing key; get<long long>(key) converts.
  template <class T = std::string> decltype(auto) get(std::string_view key) { return run(cmd::get<T>(key)); }
  /// https://redis.io/commands/getset (deprecated: set_get)
  template <Argument V> decltype(auto) getset(std::string_view key, const V& value) { return run(cmd::getset(key, value)); }
  /// https://redis.io/commands/getdel
  decltype(auto) getdel(std::string_view key) { return run(cmd::getdel(key)); }
  /// https://redis.io/commands/getex
  decltype(auto) getex(std::string_view key, const GetExOptions& options = {}) { return run(cmd::getex(key, options)); }
  /// https://redis.io/commands/mget — one optional per key, in order.
  template <Argument... Keys> requires(sizeof...(Keys) > 0) decltype(auto) mget(const Keys&... keys) { return run(cmd::mget(keys...)); }
  decltype(auto) mget(KeyList keys) { return run(cmd::mget(keys)); }
  /// https://redis.io/commands/mset — a map or range of (key, value) pairs.
  template <Argument Pairs> decltype(auto) mset(const Pairs& pairs) { return run(cmd::mset(pairs)); }
  decltype(auto) mset(PairList pairs) { return run(cmd::mset(pairs)); }
  /// https://redis.io/commands/msetnx — false (and nothing set) when any key exists.
  template <Argument Pairs> decltype(auto) msetnx(const Pairs& pairs) { return run(cmd::msetnx(pairs)); }
  decltype(auto) msetnx(PairList pairs) { return run(cmd::msetnx(pairs)); }
  /// https://redis.io/commands/setnx
  template <Argument V> decltype(auto) setnx(std::string_view key, const V& value) { return run(cmd::setnx(key, value)); }
  /// https://redis.io/commands/setex
  template <Argument V> decltype(auto) setex(std::string_view key, std::chrono::seconds ttl, const V& value) { return run(cmd::setex(key, ttl, value)); }
  /// https://redis.io/commands/psetex
  template <Argument V> decltype(auto) psetex(std::string_view key, std::chrono::milliseconds ttl, const V& value) { return run(cmd::psetex(key, ttl, value)); }
  /// https://redis.io/commands/incr
  decltype(auto) incr(std::string_view key) { return run(cmd::incr(key)); }
  /// https://redis.io/commands/incrby
  decltype(auto) incrby(std::string_view key, long long by) { return run(cmd::incrby(key, by)); }
  /// https://redis.io/commands/incrbyfloat
  decltype(auto) incrbyfloat(std::string_view key, double by) { return run(cmd::incrbyfloat(key, by)); }
  /// https://redis.io/commands/decr
  decltype(auto) decr(std::string_view key) { return run(cmd::decr(key)); }
  /// https://redis.io/commands/decrby
  decltype(auto) decrby(std::string_view key, long long by) { return run(cmd::decrby(key, by)); }
  /// https://redis.io/commands/append — the new length.
  template <Argument V> decltype(auto) append(std::string_view key, const V& value) { return run(cmd::append(key, value)); }
  /// https://redis.io/commands/strlen
  decltype(auto) strlen(std::string_view key) { return run(cmd::strlen(key)); }
  /// https://redis.io/commands/getrange
  decltype(auto) getrange(std::string_view key, long long start, long long end) { return run(cmd::getrange(key, start, end)); }
  /// https://redis.io/commands/setrange — the new length.
  template <Argument V> decltype(auto) setrange(std::string_view key, long long offset, const V& value) { return run(cmd::setrange(key, offset, value)); }

  // --- lists -----------------------------------------------------------------------------
  /// https://redis.io/commands/lpush — the new length.
  template <Argument... V> requires(sizeof...(V) > 0) decltype(auto) lpush(std::string_view key, const V&... values) { return run(cmd::lpush(key, values...)); }
  /// https://redis.io/commands/rpush — the new length.
  template <Argument... V> requires(sizeof...(V) > 0) decltype(auto) rpush(std::string_view key, const V&... values) { return run(cmd::rpush(key, values...)); }
  /// https://redis.io/commands/lpushx
  template <Argument... V> requires(sizeof...(V) > 0) decltype(auto) lpushx(std::string_view key, const V&... values) { return run(cmd::lpushx(key, values...)); }
  /// https://redis.io/commands/rpushx
  template <Argument... V> requires(sizeof...(V) > 0) decltype(auto) rpushx(std::string_view key, const V&... values) { return run(cmd::rpushx(key, values...)); }
  /// https://redis.io/commands/lpop — one element, or with a count up to that many.
  decltype(auto) lpop(std::string_view key) { return run(cmd::lpop(key)); }
  decltype(auto) lpop(std::string_view key, long long count) { return run(cmd::lpop(key, count)); }
  /// https://redis.io/commands/rpop
  decltype(auto) rpop(std::string_view key) { return run(cmd::rpop(key)); }
  decltype(auto) rpop(std::string_view key, long long count) { return run(cmd::rpop(key, count)); }
  /// https://redis.io/commands/lrange
  decltype(auto) lrange(std::string_view key, long long start, long long stop) { return run(cmd::lrange(key, start, stop)); }
  /// https://redis.io/commands/llen
  decltype(auto) llen(std::string_view key) { return run(cmd::llen(key)); }
  /// https://redis.io/commands/lindex
  decltype(auto) lindex(std::string_view key, long long index) { return run(cmd::lindex(key, index)); }
  /// https://redis.io/commands/lset
  template <Argument V> decltype(auto) lset(std::string_view key, long long index, const V& value) { return run(cmd::lset(key, index, value)); }
  /// https://redis.io/commands/linsert — before = true inserts before the pivot.
  template <Argument P, Argument V> decltype(auto) linsert(std::string_view key, bool before, const P& pivot, const V& value) { return run(cmd::linsert(key, before, pivot, value)); }
  /// https://redis.io/commands/lrem
  template <Argument V> decltype(auto) lrem(std::string_view key, long long count, const V& value) { return run(cmd::lrem(key, count, value)); }
  /// https://redis.io/commands/ltrim
  decltype(auto) ltrim(std::string_view key, long long start, long long stop) { return run(cmd::ltrim(key, start, stop)); }
  /// https://redis.io/commands/lpos — the first match's index, or nullopt.
  template <Argument V> decltype(auto) lpos(std::string_view key, const V& value, const LposOptions& options = {}) { return run(cmd::lpos(key, value, options)); }
  /// https://redis.io/commands/lpos with COUNT — up to `count` indexes (0 = all).
  template <Argument V> decltype(auto) lpos(std::string_view key, const V& value, long long count, const LposOptions& options) { return run(cmd::lpos(key, value, count, options)); }
  /// https://redis.io/commands/lmove
  decltype(auto) lmove(std::string_view source, std::string_view destination, ListEnd from, ListEnd to) { return run(cmd::lmove(source, destination, from, to)); }
  /// https://redis.io/commands/blpop — (list, element), or nullopt after `timeout` (0 = forever).
  template <Argument Keys> decltype(auto) blpop(const Keys& keys, std::chrono::milliseconds timeout) { return run(cmd::blpop(keys, timeout)); }
  decltype(auto) blpop(KeyList keys, std::chrono::milliseconds timeout) { return run(cmd::blpop(keys, timeout)); }
  /// https://redis.io/commands/brpop
  template <Argument Keys> decltype(auto) brpop(const Keys& keys, std::chrono::milliseconds timeout) { return run(cmd::brpop(keys, timeout)); }
  decltype(auto) brpop(KeyList keys, std::chrono::milliseconds timeout) { return run(cmd::brpop(keys, timeout)); }
  /// https://redis.io/commands/blmove
  decltype(auto) blmove(std::string_view source, std::string_view destination, ListEnd from, ListEnd to, std::chrono::milliseconds timeout) { return run(cmd::blmove(source, destination, from, to, timeout)); }

  // --- hashes ----------------------------------------------------------------------------
  /// https://redis.io/commands/hset — one field, or a map / range of (field, value) pairs;
  /// returns how many fields were added.
  template <Argument F, Argument V> decltype(auto) hset(std::string_view key, const F& field, const V& value) { return run(cmd::hset(key, field, value)); }
  template <Argument Pairs> decltype(auto) hset(std::string_view key, const Pairs& mapping) { return run(cmd::hset(key, mapping)); }
  decltype(auto) hset(std::string_view key, PairList mapping) { return run(cmd::hset(key, mapping)); }
  /// https://redis.io/commands/hget
  template <Argument F> decltype(auto) hget(std::string_view key, const F& field) { return run(cmd::hget(key, field)); }
  /// https://redis.io/commands/hmget
  template <Argument... F> requires(sizeof...(F) > 0) decltype(auto) hmget(std::string_view key, const F&... fields) { return run(cmd::hmget(key, fields...)); }
  decltype(auto) hmget(std::string_view key, KeyList fields) { return run(cmd::hmget(key, fields)); }
  /// https://redis.io/commands/hgetall — field -> value.
  decltype(auto) hgetall(std::string_view key) { return run(cmd::hgetall(key)); }
  /// https://redis.io/commands/hdel
  template <Argument... F> requires(sizeof...(F) > 0) decltype(auto) hdel(std::string_view key, const F&... fields) { return run(cmd::hdel(key, fields...)); }
  decltype(auto) hdel(std::string_view key, KeyList fields) { return run(cmd::hdel(key, fields)); }
  /// https://redis.io/commands/hexists
  template <Argument F> decltype(auto) hexists(std::string_view key, const F& field) { return run(cmd::hexists(key, field)); }
  /// https://redis.io/commands/hincrby
  template <Argument F> decltype(auto) hincrby(std::string_view key, const F& field, long long by) { return run(cmd::hincrby(key, field, by)); }
  /// https://redis.io/commands/hincrbyfloat
  template <Argument F> decltype(auto) hincrbyfloat(std::string_view key, const F& field, double by) { return run(cmd::hincrbyfloat(key, field, by)); }
  /// https://redis.io/commands/hkeys
  decltype(auto) hkeys(std::string_view key) { return run(cmd::hkeys(key)); }
  /// https://redis.io/commands/hvals
  decltype(auto) hvals(std::string_view key) { return run(cmd::hvals(key)); }
  /// https://redis.io/commands/hlen
  decltype(auto) hlen(std::string_view key) { return run(cmd::hlen(key)); }
  /// https://redis.io/commands/hsetnx
  template <Argument F, Argument V> decltype(auto) hsetnx(std::string_view key, const F& field, const V& value) { return run(cmd::hsetnx(key, field, value)); }
  /// https://redis.io/commands/hstrlen
  template <Argument F> decltype(auto) hstrlen(std::string_view key, const F& field) { return run(cmd::hstrlen(key, field)); }
  /// https://redis.io/commands/hrandfield — one field, or `count` fields.
  decltype(auto) hrandfield(std::string_view key) { return run(cmd::hrandfield(key)); }
  decltype(auto) hrandfield(std::string_view key, long long count) { return run(cmd::hrandfield(key, count)); }
  /// https://redis.io/commands/hrandfield with WITHVALUES — (field, value) pairs.
  decltype(auto) hrandfield_withvalues(std::string_view key, long long count) { return run(cmd::hrandfield_withvalues(key, count)); }
  /// https://redis.io/commands/hscan — one page: {cursor, field -> value}.
  decltype(auto) hscan(std::string_view key, std::uint64_t cursor = 0, const ScanOptions& options = {}) { return run(cmd::hscan(key, cursor, options)); }

 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

/// The name DESIGN.md uses for the mixin.
template <class Derived>
using command_set = CommandSet<Derived>;

}  // namespace redispp
