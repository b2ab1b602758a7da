#pragma once
// The command builders of <redispp/commands/streams.hpp> that are not templates: compiled once into
// the library, so that a program including the header does not instantiate the Command<T>,
// encoder and conversion code of every command it does not call (compile time: bench/README.md).

#include <redispp/commands/streams.hpp>

namespace redispp::cmd {

REDISPP_DECL Command<long long> xtrim(std::string_view key, const XTrimOptions& o) {
  if (!o.maxlen && !o.minid) throw DataError("XTRIM: give XTrimOptions.maxlen or XTrimOptions.minid");
  ArgumentWriter w("XTRIM", key);
  detail::add_stream_trim(w, o, "XTRIM");
  return Command<long long>(std::move(w), first_key);
}

REDISPP_DECL Command<long long> xlen(std::string_view key) { return make_read_command<long long>(first_key, "XLEN", key); }

REDISPP_DECL Command<std::vector<StreamEntry>> xrange(std::string_view key, std::string_view start, std::string_view end, std::optional<long long> count) {
  ArgumentWriter w("XRANGE", key, start, end);
  if (count) w.add("COUNT", *count);
  return Command<std::vector<StreamEntry>>(std::move(w), first_key, CommandFlags::read_only);
}

REDISPP_DECL Command<std::vector<StreamEntry>> xrevrange(std::string_view key, std::string_view end, std::string_view start, std::optional<long long> count) {
  ArgumentWriter w("XREVRANGE", key, end, start);
  if (count) w.add("COUNT", *count);
  return Command<std::vector<StreamEntry>>(std::move(w), first_key, CommandFlags::read_only);
}

REDISPP_DECL Command<bool> xsetid(std::string_view key, std::string_view last_id, const XSetIdOptions& o) {
  ArgumentWriter w("XSETID", key, last_id);
  if (o.entries_added) w.add("ENTRIESADDED", *o.entries_added);
  if (o.max_deleted_id) w.add("MAXDELETEDID", *o.max_deleted_id);
  return Command<bool>(std::move(w), first_key);
}

REDISPP_DECL Command<bool> xgroup_create(std::string_view key, std::string_view group, std::string_view id, const XGroupCreateOptions& o) {
  ArgumentWriter w("XGROUP", "CREATE", key, group, id);
  w.add_if(o.mkstream, "MKSTREAM");
  if (o.entries_read) w.add("ENTRIESREAD", *o.entries_read);
  return Command<bool>(std::move(w), KeyPositions::at(2));
}

REDISPP_DECL Command<bool> xgroup_createconsumer(std::string_view key, std::string_view group, std::string_view consumer) {
  return make_command<bool>(KeyPositions::at(2), "XGROUP", "CREATECONSUMER", key, group, consumer);
}

REDISPP_DECL Command<long long> xgroup_delconsumer(std::string_view key, std::string_view group, std::string_view consumer) {
  return make_command<long long>(KeyPositions::at(2), "XGROUP", "DELCONSUMER", key, group, consumer);
}

REDISPP_DECL Command<bool> xgroup_destroy(std::string_view key, std::string_view group) {
  return make_command<bool>(KeyPositions::at(2), "XGROUP", "DESTROY", key, group);
}

REDISPP_DECL Command<bool> xgroup_setid(std::string_view key, std::string_view group, std::string_view id, std::optional<long long> entries_read) {
  ArgumentWriter w("XGROUP", "SETID", key, group, id);
  if (entries_read) w.add("ENTRIESREAD", *entries_read);
  return Command<bool>(std::move(w), KeyPositions::at(2));
}

REDISPP_DECL Command<std::vector<std::string>> xgroup_help() { return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "XGROUP", "HELP"); }

REDISPP_DECL Command<StreamInfo> xinfo_stream(std::string_view key) { return make_read_command<StreamInfo>(KeyPositions::at(2), "XINFO", "STREAM", key); }

REDISPP_DECL Command<StreamInfoFull> xinfo_stream_full(std::string_view key, std::optional<long long> count) {
  ArgumentWriter w("XINFO", "STREAM", key, "FULL");
  if (count) w.add("COUNT", *count);
  return Command<StreamInfoFull>(std::move(w), KeyPositions::at(2), CommandFlags::read_only);
}

REDISPP_DECL Command<std::vector<StreamGroupInfo>> xinfo_groups(std::string_view key) {
  return make_read_command<std::vector<StreamGroupInfo>>(KeyPositions::at(2), "XINFO", "GROUPS", key);
}

REDISPP_DECL Command<std::vector<StreamConsumerInfo>> xinfo_consumers(std::string_view key, std::string_view group) {
  return make_read_command<std::vector<StreamConsumerInfo>>(KeyPositions::at(2), "XINFO", "CONSUMERS", key, group);
}

REDISPP_DECL Command<std::vector<std::string>> xinfo_help() { return make_command<std::vector<std::string>>(CommandFlags::repeatable, no_keys, "XINFO", "HELP"); }

REDISPP_DECL Command<XPendingSummary> xpending(std::string_view key, std::string_view group) {
  return make_read_command<XPendingSummary>(first_key, "XPENDING", key, group);
}

REDISPP_DECL Command<std::vector<XPendingEntry>> xpending_range(std::string_view key, std::string_view group, std::string_view start, std::string_view end, long long count, const XPendingOptions& o) {
  ArgumentWriter w("XPENDING", key, group);
  if (o.idle) w.add("IDLE", o.idle->count());
  w.add(start, end, count);
  if (o.consumer) w.add(*o.consumer);
  return Command<std::vector<XPendingEntry>>(std::move(w), first_key, CommandFlags::read_only);
}

REDISPP_DECL Command<XAutoClaimResult<std::vector<StreamEntry>>> xautoclaim(std::string_view key, std::string_view group, std::string_view consumer, std::chrono::milliseconds min_idle_time, std::string_view start, std::optional<long long> count) {
  return Command<XAutoClaimResult<std::vector<StreamEntry>>>(
      detail::xautoclaim_writer(key, group, consumer, min_idle_time, start, count).finish(), first_key);
}

REDISPP_DECL Command<XAutoClaimResult<std::vector<std::string>>> xautoclaim_justid(std::string_view key, std::string_view group, std::string_view consumer, std::chrono::milliseconds min_idle_time, std::string_view start, std::optional<long long> count) {
  return Command<XAutoClaimResult<std::vector<std::string>>>(
      std::move(detail::xautoclaim_writer(key, group, consumer, min_idle_time, start, count).add("JUSTID")).finish(),
      first_key);
}

}  // namespace redispp::cmd
