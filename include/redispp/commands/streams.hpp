#pragma once
// Stream commands. https://redis.io/commands/?group=stream
//
// Replies become structs, never raw nested arrays (RESP2 arrays and RESP3 maps give the same
// value):
//   an entry ([id, [field, value, ...]])   StreamEntry {id, fields}; fields keep the stream's
//                                          order as (field, value) pairs. An entry deleted while
//                                          pending (XREADGROUP history, XCLAIM) has no fields.
//   XRANGE, XREVRANGE, XCLAIM              std::vector<StreamEntry>
//   XREAD, XREADGROUP                      std::optional<StreamReadResult>: (stream, entries)
//                                          pairs in the order the streams were asked for;
//                                          nullopt when a BLOCK read timed out
//   XADD                                   std::optional<std::string>: the new id; nullopt
//                                          only with NOMKSTREAM on a missing stream
//   XPENDING                               XPendingSummary; xpending_range: XPendingEntry list
//   XINFO STREAM / GROUPS / CONSUMERS      StreamInfo / StreamGroupInfo / StreamConsumerInfo
//   XINFO STREAM FULL                      StreamInfoFull (xinfo_stream_full)
//   XAUTOCLAIM                             XAutoClaimResult<std::vector<StreamEntry>> (or of ids,
//                                          with xautoclaim_justid)
//   integers (XLEN, XDEL, XACK, XTRIM ...) long long; OK and 0/1 answers: bool
// Idle times and minimum idle times are std::chrono::milliseconds. Ids are text ("1-0", "*",
// "$", ">", "-", "+").
// Blocking reads: XReadOptions::block (0 = wait forever) extends the socket time-out by the
// same amount, so the socket never gives up before the server does.

#include <optional>     // std::optional
#include <string>       // std::string
#include <tuple>        // std::tuple
#include <type_traits>  // std::type_identity
#include <utility>      // std::pair
#include <vector>       // std::vector


#include <redispp/commands/command.hpp>
#include <redispp/commands/host_result.hpp>
#include <redispp/commands/options.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono::milliseconds
#include <redispp/detail/forward_range.hpp>  // xread's streams
#include <redispp/errors.hpp>
#include <redispp/commands/exclusive_options.hpp>
#include <redispp/commands/streams_types.hpp>  // the option and reply structs
#include <redispp/config.hpp>  // REDISPP_DECL
#include <redispp/protocol/fields.hpp>  // Mapping, redispp_to_fields (xadd)

namespace redispp {

namespace cmd {

namespace detail {
/// A stream read's BLOCK as the socket waits it: 0 (forever) = no limit.
inline std::chrono::milliseconds stream_block_extension(std::chrono::milliseconds block) noexcept {
  return block.count() == 0 ? std::chrono::milliseconds{-1} : block;
}
template <class Options>
void add_stream_trim(ArgumentWriter& w, const Options& o, std::string_view command) {
  constexpr std::string_view options = std::is_same_v<Options, XAddOptions> ? "XAddOptions" : "XTrimOptions";
  static constexpr std::string_view strategies[] = {"maxlen", "minid"};
  check_exclusive(set_fields(o.maxlen, o.minid), command, options, strategies, "pick one trimming strategy");
  if (!o.maxlen && !o.minid) {
    if (o.limit)
      throw DataError(std::string(command) + ": " + std::string(options) + ".limit needs " + std::string(options) +
                      ".maxlen or " + std::string(options) + ".minid");
    return;
  }
  if (o.maxlen) w.add("MAXLEN");
  else w.add("MINID");
  if (o.approximate) w.add("~");
  if (o.maxlen) w.add(*o.maxlen);
  else w.add(*o.minid);
  if (o.limit) w.add("LIMIT", *o.limit);
}
/// STREAMS key... id...: a range of (stream, id) pairs, keys first, then ids. Returns where the
/// keys are.
template <class Streams>
KeyPositions add_streams(ArgumentWriter& w, const Streams& streams) {
  w.add("STREAMS");
  const std::size_t first = w.count();
  for (const auto& stream : streams) w.add(stream.first);
  const std::size_t count = w.count() - first;
  for (const auto& stream : streams) w.add(stream.second);
  return KeyPositions::counted(static_cast<int>(first), count);
}
template <class T>
Command<T> with_block(Command<T>&& command, const std::optional<std::chrono::milliseconds>& block) {
  if (block) return std::move(command).blocking(stream_block_extension(*block));
  return std::move(command);
}
}  // namespace detail

template <class Fields>
Command<std::optional<std::string>> xadd(std::string_view key, const Fields& fields, const XAddOptions& o) {
  ArgumentWriter w("XADD", key);
  w.add_if(o.nomkstream, "NOMKSTREAM");
  detail::add_stream_trim(w, o, "XADD");
  w.add(o.id);
  redispp::detail::with_fields(fields, [&w](const auto&... field_values) { w.add(field_values...); });
  return Command<std::optional<std::string>>(std::move(w), first_key);
}
REDISPP_DECL Command<long long> xtrim(std::string_view key, const XTrimOptions& o);
template <class... Ids>
Command<long long> xdel(std::string_view key, const Ids&... ids) {
  return make_command<long long>(first_key, "XDEL", key, ids...);
}
REDISPP_DECL Command<long long> xlen(std::string_view key);
REDISPP_DECL Command<std::vector<StreamEntry>> xrange(std::string_view key, std::string_view start, std::string_view end,
                                                std::optional<long long> count);
REDISPP_DECL Command<std::vector<StreamEntry>> xrevrange(std::string_view key, std::string_view end, std::string_view start,
                                                   std::optional<long long> count);
template <class Streams>
Command<std::optional<StreamReadResult>> xread(const Streams& streams, const XReadOptions& o) {
  ArgumentWriter w("XREAD");
  if (o.count) w.add("COUNT", *o.count);
  if (o.block) w.add("BLOCK", o.block->count());
  const KeyPositions keys = detail::add_streams(w, streams);
  return detail::with_block(Command<std::optional<StreamReadResult>>(std::move(w), keys, CommandFlags::read_only),
                            o.block);
}
template <class Streams>
Command<std::optional<StreamReadResult>> xreadgroup(std::string_view group, std::string_view consumer,
                                                    const Streams& streams, const XReadGroupOptions& o) {
  ArgumentWriter w("XREADGROUP", "GROUP", group, consumer);
  if (o.count) w.add("COUNT", *o.count);
  if (o.block) w.add("BLOCK", o.block->count());
  w.add_if(o.noack, "NOACK");
  const KeyPositions keys = detail::add_streams(w, streams);
  return detail::with_block(Command<std::optional<StreamReadResult>>(std::move(w), keys), o.block);
}
template <class... Ids>
Command<long long> xack(std::string_view key, std::string_view group, const Ids&... ids) {
  return make_command<long long>(first_key, "XACK", key, group, ids...);
}
REDISPP_DECL Command<bool> xsetid(std::string_view key, std::string_view last_id, const XSetIdOptions& o);
REDISPP_DECL Command<bool> xgroup_create(std::string_view key, std::string_view group, std::string_view id,
                                   const XGroupCreateOptions& o);
REDISPP_DECL Command<bool> xgroup_createconsumer(std::string_view key, std::string_view group, std::string_view consumer);
REDISPP_DECL Command<long long> xgroup_delconsumer(std::string_view key, std::string_view group, std::string_view consumer);
REDISPP_DECL Command<bool> xgroup_destroy(std::string_view key, std::string_view group);
REDISPP_DECL Command<bool> xgroup_setid(std::string_view key, std::string_view group, std::string_view id,
                                  std::optional<long long> entries_read);
REDISPP_DECL Command<std::vector<std::string>> xgroup_help();
REDISPP_DECL Command<StreamInfo> xinfo_stream(std::string_view key);
REDISPP_DECL Command<StreamInfoFull> xinfo_stream_full(std::string_view key, std::optional<long long> count);
REDISPP_DECL Command<std::vector<StreamGroupInfo>> xinfo_groups(std::string_view key);
REDISPP_DECL Command<std::vector<StreamConsumerInfo>> xinfo_consumers(std::string_view key, std::string_view group);
REDISPP_DECL Command<std::vector<std::string>> xinfo_help();
REDISPP_DECL Command<XPendingSummary> xpending(std::string_view key, std::string_view group);
REDISPP_DECL Command<std::vector<XPendingEntry>> xpending_range(std::string_view key, std::string_view group,
                                                          std::string_view start, std::string_view end,
                                                          long long count, const XPendingOptions& o);

namespace detail {
template <class Ids>
ArgumentWriter xclaim_writer(std::string_view key, std::string_view group, std::string_view consumer,
                             std::chrono::milliseconds min_idle_time, const Ids& ids, const XClaimOptions& o) {
  // IDLE and TIME both set the entries' idle time: Redis would take the last one silently.
  static constexpr std::string_view idle_times[] = {"idle", "time"};
  check_exclusive(set_fields(o.idle, o.time), "XCLAIM", "XClaimOptions", idle_times, "pick one idle time");
  ArgumentWriter w("XCLAIM", key, group, consumer, min_idle_time.count(), ids);
  if (o.idle) w.add("IDLE", o.idle->count());
  if (o.time) w.add("TIME", o.time->time_since_epoch().count());
  if (o.retrycount) w.add("RETRYCOUNT", *o.retrycount);
  w.add_if(o.force, "FORCE");
  if (o.lastid) w.add("LASTID", *o.lastid);
  return w;
}
inline ArgumentWriter xautoclaim_writer(std::string_view key, std::string_view group, std::string_view consumer,
                                        std::chrono::milliseconds min_idle_time, std::string_view start,
                                        std::optional<long long> count) {
  ArgumentWriter w("XAUTOCLAIM", key, group, consumer, min_idle_time.count(), start);
  if (count) w.add("COUNT", *count);
  return w;
}
}  // namespace detail

template <class Ids>
Command<std::vector<StreamEntry>> xclaim(std::string_view key, std::string_view group, std::string_view consumer,
                                         std::chrono::milliseconds min_idle_time, const Ids& ids,
                                         const XClaimOptions& o) {
  return Command<std::vector<StreamEntry>>(detail::xclaim_writer(key, group, consumer, min_idle_time, ids, o).finish(),
                                           first_key);
}
template <class Ids>
Command<std::vector<std::string>> xclaim_justid(std::string_view key, std::string_view group,
                                                std::string_view consumer, std::chrono::milliseconds min_idle_time,
                                                const Ids& ids, const XClaimOptions& o) {
  return Command<std::vector<std::string>>(
      std::move(detail::xclaim_writer(key, group, consumer, min_idle_time, ids, o).add("JUSTID")).finish(), first_key);
}
REDISPP_DECL Command<XAutoClaimResult<std::vector<StreamEntry>>> xautoclaim(std::string_view key, std::string_view group,
                                                                       std::string_view consumer,
                                                                       std::chrono::milliseconds min_idle_time,
                                                                       std::string_view start,
                                                                       std::optional<long long> count);
REDISPP_DECL Command<XAutoClaimResult<std::vector<std::string>>> xautoclaim_justid(
    std::string_view key, std::string_view group, std::string_view consumer, std::chrono::milliseconds min_idle_time,
    std::string_view start, std::optional<long long> count);

}  // namespace cmd

/// (stream, id) pairs given inline: r.xread({{"orders", "0"}, {"events", "$"}}).
using StreamIdList = std::initializer_list<std::pair<std::string_view, std::string_view>>;

/// Stream commands as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class StreamCommands {
 public:
  /// What each method returns: its reply type T on Redis, Pipeline& on a pipeline (host_result.hpp).
  template <class T>
  using Result = HostResult<Derived, T>;

  /// https://redis.io/commands/xadd — the new entry's id (nullopt: NOMKSTREAM and no stream).
  ///   r.xadd("events", {{"type", "click"}, {"x", "10"}});   // or a struct with redispp_to_fields (protocol/fields.hpp)
  template <Mapping Fields> Result<std::optional<std::string>> xadd(std::string_view key, const Fields& fields, const XAddOptions& options = {}) { return run(cmd::xadd(key, fields, options)); }
  Result<std::optional<std::string>> xadd(std::string_view key, PairList fields, const XAddOptions& options = {}) { return run(cmd::xadd(key, fields, options)); }
  /// https://redis.io/commands/xtrim — how many entries were evicted.
  Result<long long> xtrim(std::string_view key, const XTrimOptions& options) { return run(cmd::xtrim(key, options)); }
  /// https://redis.io/commands/xdel — how many entries were deleted.
  template <Argument... Ids> requires(sizeof...(Ids) > 0) Result<long long> xdel(std::string_view key, const Ids&... ids) { return run(cmd::xdel(key, detail::argument_view(ids)...)); }
  Result<long long> xdel(std::string_view key, KeyList ids) { return run(cmd::xdel(key, ids)); }
  /// https://redis.io/commands/xlen
  Result<long long> xlen(std::string_view key) { return run(cmd::xlen(key)); }
  /// https://redis.io/commands/xrange — entries from start to end ("-" and "+" are the ends).
  Result<std::vector<StreamEntry>> xrange(std::string_view key, std::string_view start = "-", std::string_view end = "+", std::optional<long long> count = std::nullopt) { return run(cmd::xrange(key, start, end, count)); }
  /// https://redis.io/commands/xrevrange — the same, newest first (note: end comes first).
  Result<std::vector<StreamEntry>> xrevrange(std::string_view key, std::string_view end = "+", std::string_view start = "-", std::optional<long long> count = std::nullopt) { return run(cmd::xrevrange(key, end, start, count)); }
  /// https://redis.io/commands/xread — entries after each given id; with options.block, waits
  /// for new ones and gives nullopt when none came.
  ///   r.xread({{"events", "$"}}, {.count = 10, .block = 500ms});
  template <Argument Streams> requires redispp::detail::forward_range<Streams> Result<std::optional<StreamReadResult>> xread(const Streams& streams, const XReadOptions& options = {}) { return run(cmd::xread(detail::argument_view(streams), options)); }
  Result<std::optional<StreamReadResult>> xread(StreamIdList streams, const XReadOptions& options = {}) { return run(cmd::xread(streams, options)); }
  /// https://redis.io/commands/xreadgroup — as xread, for a consumer of a group (">" = new entries).
  template <Argument Streams> requires redispp::detail::forward_range<Streams> Result<std::optional<StreamReadResult>> xreadgroup(std::string_view group, std::string_view consumer, const Streams& streams, const XReadGroupOptions& options = {}) { return run(cmd::xreadgroup(group, consumer, detail::argument_view(streams), options)); }
  Result<std::optional<StreamReadResult>> xreadgroup(std::string_view group, std::string_view consumer, StreamIdList streams, const XReadGroupOptions& options = {}) { return run(cmd::xreadgroup(group, consumer, streams, options)); }
  /// https://redis.io/commands/xack — how many were acknowledged.
  template <Argument... Ids> requires(sizeof...(Ids) > 0) Result<long long> xack(std::string_view key, std::string_view group, const Ids&... ids) { return run(cmd::xack(key, group, detail::argument_view(ids)...)); }
  Result<long long> xack(std::string_view key, std::string_view group, KeyList ids) { return run(cmd::xack(key, group, ids)); }
  /// https://redis.io/commands/xsetid
  Result<bool> xsetid(std::string_view key, std::string_view last_id, const XSetIdOptions& options = {}) { return run(cmd::xsetid(key, last_id, options)); }
  /// https://redis.io/commands/xgroup-create — id "$" = only entries added from now on, "0" = all.
  Result<bool> xgroup_create(std::string_view key, std::string_view group, std::string_view id = "$", const XGroupCreateOptions& options = {}) { return run(cmd::xgroup_create(key, group, id, options)); }
  /// https://redis.io/commands/xgroup-createconsumer — false when it already existed.
  Result<bool> xgroup_createconsumer(std::string_view key, std::string_view group, std::string_view consumer) { return run(cmd::xgroup_createconsumer(key, group, consumer)); }
  /// https://redis.io/commands/xgroup-delconsumer — how many pending entries it had.
  Result<long long> xgroup_delconsumer(std::string_view key, std::string_view group, std::string_view consumer) { return run(cmd::xgroup_delconsumer(key, group, consumer)); }
  /// https://redis.io/commands/xgroup-destroy — false when there was no such group.
  Result<bool> xgroup_destroy(std::string_view key, std::string_view group) { return run(cmd::xgroup_destroy(key, group)); }
  /// https://redis.io/commands/xgroup-setid
  Result<bool> xgroup_setid(std::string_view key, std::string_view group, std::string_view id, std::optional<long long> entries_read = std::nullopt) { return run(cmd::xgroup_setid(key, group, id, entries_read)); }
  /// https://redis.io/commands/xgroup-help
  Result<std::vector<std::string>> xgroup_help() { return run(cmd::xgroup_help()); }
  /// https://redis.io/commands/xinfo-stream
  Result<StreamInfo> xinfo_stream(std::string_view key) { return run(cmd::xinfo_stream(key)); }
  /// https://redis.io/commands/xinfo-stream with FULL — entries (up to count; the server's
  /// default is 10, 0 = all), groups, their pending lists and consumers.
  Result<StreamInfoFull> xinfo_stream_full(std::string_view key, std::optional<long long> count = std::nullopt) { return run(cmd::xinfo_stream_full(key, count)); }
  /// https://redis.io/commands/xinfo-groups
  Result<std::vector<StreamGroupInfo>> xinfo_groups(std::string_view key) { return run(cmd::xinfo_groups(key)); }
  /// https://redis.io/commands/xinfo-consumers
  Result<std::vector<StreamConsumerInfo>> xinfo_consumers(std::string_view key, std::string_view group) { return run(cmd::xinfo_consumers(key, group)); }
  /// https://redis.io/commands/xinfo-help
  Result<std::vector<std::string>> xinfo_help() { return run(cmd::xinfo_help()); }
  /// https://redis.io/commands/xpending — the summary form.
  Result<XPendingSummary> xpending(std::string_view key, std::string_view group) { return run(cmd::xpending(key, group)); }
  /// https://redis.io/commands/xpending — the extended form: up to `count` pending entries
  /// between start and end.
  Result<std::vector<XPendingEntry>> xpending_range(std::string_view key, std::string_view group, std::string_view start, std::string_view end, long long count, const XPendingOptions& options = {}) { return run(cmd::xpending_range(key, group, start, end, count, options)); }
  /// https://redis.io/commands/xclaim — the claimed entries.
  template <Argument Ids> Result<std::vector<StreamEntry>> xclaim(std::string_view key, std::string_view group, std::string_view consumer, std::chrono::milliseconds min_idle_time, const Ids& ids, const XClaimOptions& options = {}) { return run(cmd::xclaim(key, group, consumer, min_idle_time, detail::argument_view(ids), options)); }
  Result<std::vector<StreamEntry>> xclaim(std::string_view key, std::string_view group, std::string_view consumer, std::chrono::milliseconds min_idle_time, KeyList ids, const XClaimOptions& options = {}) { return run(cmd::xclaim(key, group, consumer, min_idle_time, ids, options)); }
  /// https://redis.io/commands/xclaim with JUSTID — the claimed ids only.
  template <Argument Ids> Result<std::vector<std::string>> xclaim_justid(std::string_view key, std::string_view group, std::string_view consumer, std::chrono::milliseconds min_idle_time, const Ids& ids, const XClaimOptions& options = {}) { return run(cmd::xclaim_justid(key, group, consumer, min_idle_time, detail::argument_view(ids), options)); }
  Result<std::vector<std::string>> xclaim_justid(std::string_view key, std::string_view group, std::string_view consumer, std::chrono::milliseconds min_idle_time, KeyList ids, const XClaimOptions& options = {}) { return run(cmd::xclaim_justid(key, group, consumer, min_idle_time, ids, options)); }
  /// https://redis.io/commands/xautoclaim — {next_id, entries, deleted_ids}.
  Result<XAutoClaimResult<std::vector<StreamEntry>>> xautoclaim(std::string_view key, std::string_view group, std::string_view consumer, std::chrono::milliseconds min_idle_time, std::string_view start = "0-0", std::optional<long long> count = std::nullopt) { return run(cmd::xautoclaim(key, group, consumer, min_idle_time, start, count)); }
  /// https://redis.io/commands/xautoclaim with JUSTID — {next_id, ids, deleted_ids}.
  Result<XAutoClaimResult<std::vector<std::string>>> xautoclaim_justid(std::string_view key, std::string_view group, std::string_view consumer, std::chrono::milliseconds min_idle_time, std::string_view start = "0-0", std::optional<long long> count = std::nullopt) { return run(cmd::xautoclaim_justid(key, group, consumer, min_idle_time, start, count)); }

 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/streams_commands.ipp>
#endif
