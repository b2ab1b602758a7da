#pragma once
// The reply conversions (redispp_from_reply) of the structs in <redispp/commands/streams_types.hpp>: compiled once
// into the library, so that a program including the header does not instantiate the
// conversions they are built from (compile time: bench/README.md).

#include <utility>  // std::move

#include <redispp/commands/streams_types.hpp>

namespace redispp {

// Only these conversions use them: here, not in the header, where every file that includes it
// instantiated the conversion to a vector of (name, Reply) pairs.
namespace detail {
/// The (name, value) pairs of a map-shaped reply: a RESP3 map or a RESP2 flat array.
inline std::vector<std::pair<std::string, Reply>> stream_reply_fields(Reply&& reply) {
  return convert<std::vector<std::pair<std::string, Reply>>>(std::move(reply));
}
inline std::chrono::milliseconds stream_reply_milliseconds(Reply&& reply) {
  return std::chrono::milliseconds{convert<long long>(std::move(reply))};
}
}  // namespace detail

REDISPP_DECL StreamEntry redispp_from_reply(Reply&& reply, std::type_identity<StreamEntry>) {
  auto [eid, efields] = convert<std::pair<std::string, std::optional<std::vector<std::pair<std::string, std::string>>>>>(
      std::move(reply));
  return StreamEntry{std::move(eid), efields ? std::move(*efields) : std::vector<std::pair<std::string, std::string>>{}};
}

REDISPP_DECL XPendingSummary redispp_from_reply(Reply&& reply, std::type_identity<XPendingSummary>) {
  auto [total, lowest, highest, per_consumer] =
      convert<std::tuple<long long, std::optional<std::string>, std::optional<std::string>,
                         std::optional<std::vector<std::pair<std::string, long long>>>>>(std::move(reply));
  return XPendingSummary{total, std::move(lowest), std::move(highest),
                         per_consumer ? std::move(*per_consumer) : std::vector<std::pair<std::string, long long>>{}};
}

REDISPP_DECL XPendingEntry redispp_from_reply(Reply&& reply, std::type_identity<XPendingEntry>) {
  auto [entry_id, owner, idle_ms, deliveries] =
      convert<std::tuple<std::string, std::string, long long, long long>>(std::move(reply));
  return XPendingEntry{std::move(entry_id), std::move(owner), std::chrono::milliseconds{idle_ms}, deliveries};
}

REDISPP_DECL StreamInfo redispp_from_reply(Reply&& reply, std::type_identity<StreamInfo>) {
  StreamInfo info;
  for (auto& [name, value] : detail::stream_reply_fields(std::move(reply))) {
    if (name == "length") info.length = convert<long long>(std::move(value));
    else if (name == "radix-tree-keys") info.radix_tree_keys = convert<long long>(std::move(value));
    else if (name == "radix-tree-nodes") info.radix_tree_nodes = convert<long long>(std::move(value));
    else if (name == "groups") info.groups = convert<long long>(std::move(value));
    else if (name == "last-generated-id") info.last_generated_id = convert<std::string>(std::move(value));
    else if (name == "max-deleted-entry-id") info.max_deleted_entry_id = convert<std::string>(std::move(value));
    else if (name == "entries-added") info.entries_added = convert<long long>(std::move(value));
    else if (name == "recorded-first-entry-id") info.recorded_first_entry_id = convert<std::string>(std::move(value));
    else if (name == "first-entry") info.first_entry = convert<std::optional<StreamEntry>>(std::move(value));
    else if (name == "last-entry") info.last_entry = convert<std::optional<StreamEntry>>(std::move(value));
  }
  return info;
}

REDISPP_DECL StreamInfoFull redispp_from_reply(Reply&& reply, std::type_identity<StreamInfoFull>) {
  auto time = [](Reply&& r) { return UnixMilliseconds{detail::stream_reply_milliseconds(std::move(r))}; };
  auto consumer_from = [&time](Reply&& r) {
    StreamInfoFull::Consumer c;
    for (auto& [name, value] : detail::stream_reply_fields(std::move(r))) {
      if (name == "name") c.name = convert<std::string>(std::move(value));
      else if (name == "seen-time") c.seen_time = time(std::move(value));
      else if (name == "active-time" && !value.is_nil()) c.active_time = time(std::move(value));
      else if (name == "pel-count") c.pel_count = convert<long long>(std::move(value));
      else if (name == "pending") {
        for (Reply& p : value.elements()) {
          auto [id, delivered, count] = convert<std::tuple<std::string, long long, long long>>(std::move(p));
          c.pending.push_back({std::move(id), UnixMilliseconds{std::chrono::milliseconds{delivered}}, count});
        }
      }
    }
    return c;
  };
  auto group_from = [&](Reply&& r) {
    StreamInfoFull::Group g;
    for (auto& [name, value] : detail::stream_reply_fields(std::move(r))) {
      if (name == "name") g.name = convert<std::string>(std::move(value));
      else if (name == "last-delivered-id") g.last_delivered_id = convert<std::string>(std::move(value));
      else if (name == "entries-read") g.entries_read = convert<std::optional<long long>>(std::move(value));
      else if (name == "lag") g.lag = convert<std::optional<long long>>(std::move(value));
      else if (name == "pel-count") g.pel_count = convert<long long>(std::move(value));
      else if (name == "pending") {
        for (Reply& p : value.elements()) {
          auto [id, consumer, delivered, count] =
              convert<std::tuple<std::string, std::string, long long, long long>>(std::move(p));
          g.pending.push_back(
              {std::move(id), std::move(consumer), UnixMilliseconds{std::chrono::milliseconds{delivered}}, count});
        }
      } else if (name == "consumers") {
        for (Reply& c : value.elements()) g.consumers.push_back(consumer_from(std::move(c)));
      }
    }
    return g;
  };
  StreamInfoFull info;
  for (auto& [name, value] : detail::stream_reply_fields(std::move(reply))) {
    if (name == "length") info.length = convert<long long>(std::move(value));
    else if (name == "radix-tree-keys") info.radix_tree_keys = convert<long long>(std::move(value));
    else if (name == "radix-tree-nodes") info.radix_tree_nodes = convert<long long>(std::move(value));
    else if (name == "last-generated-id") info.last_generated_id = convert<std::string>(std::move(value));
    else if (name == "max-deleted-entry-id") info.max_deleted_entry_id = convert<std::string>(std::move(value));
    else if (name == "entries-added") info.entries_added = convert<long long>(std::move(value));
    else if (name == "recorded-first-entry-id") info.recorded_first_entry_id = convert<std::string>(std::move(value));
    else if (name == "entries") info.entries = convert<std::vector<StreamEntry>>(std::move(value));
    else if (name == "groups") {
      for (Reply& g : value.elements()) info.groups.push_back(group_from(std::move(g)));
    }
  }
  return info;
}

REDISPP_DECL StreamGroupInfo redispp_from_reply(Reply&& reply, std::type_identity<StreamGroupInfo>) {
  StreamGroupInfo info;
  for (auto& [field, value] : detail::stream_reply_fields(std::move(reply))) {
    if (field == "name") info.name = convert<std::string>(std::move(value));
    else if (field == "consumers") info.consumers = convert<long long>(std::move(value));
    else if (field == "pending") info.pending = convert<long long>(std::move(value));
    else if (field == "last-delivered-id") info.last_delivered_id = convert<std::string>(std::move(value));
    else if (field == "entries-read") info.entries_read = convert<std::optional<long long>>(std::move(value));
    else if (field == "lag") info.lag = convert<std::optional<long long>>(std::move(value));
  }
  return info;
}

REDISPP_DECL StreamConsumerInfo redispp_from_reply(Reply&& reply, std::type_identity<StreamConsumerInfo>) {
  StreamConsumerInfo info;
  for (auto& [field, value] : detail::stream_reply_fields(std::move(reply))) {
    if (field == "name") info.name = convert<std::string>(std::move(value));
    else if (field == "pending") info.pending = convert<long long>(std::move(value));
    else if (field == "idle") info.idle = detail::stream_reply_milliseconds(std::move(value));
    else if (field == "inactive" && !value.is_nil()) info.inactive = detail::stream_reply_milliseconds(std::move(value));
  }
  return info;
}

}  // namespace redispp
