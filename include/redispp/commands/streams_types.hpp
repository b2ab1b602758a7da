#pragma once
// The option and reply structs of the stream commands (commands/streams.hpp has the commands and
// the reply shapes each returns): kept apart so that the commands read as one list, and so that a
// file that only names a StreamEntry need not see every builder.

#include <optional>     // std::optional
#include <string>       // std::string
#include <tuple>        // std::tuple
#include <type_traits>  // std::type_identity
#include <utility>      // std::pair
#include <vector>       // std::vector

#include <redispp/commands/command.hpp>
#include <redispp/commands/options.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono::milliseconds
#include <redispp/errors.hpp>

#include <redispp/config.hpp>  // REDISPP_DECL

namespace redispp {

/// One stream entry: its id and its (field, value) pairs in order.
struct StreamEntry {
  std::string id;
  std::vector<std::pair<std::string, std::string>> fields;

  friend bool operator==(const StreamEntry&, const StreamEntry&) = default;
  friend REDISPP_DECL StreamEntry redispp_from_reply(Reply&& reply, std::type_identity<StreamEntry>);  // impl/streams_types.ipp
};

/// XREAD / XREADGROUP: (stream name, its new entries) for each stream that had any.
using StreamReadResult = std::vector<std::pair<std::string, std::vector<StreamEntry>>>;

/// XADD options. Trimming: one of maxlen or minid; approximate adds "~" (Redis may trim less,
/// cheaper), and limit (approximate only) caps the entries evicted per call.
///   r.xadd("s", {{"temp", "21"}}, {.maxlen = 1000, .approximate = true});
struct XAddOptions {
  std::string id = "*";  // "*" = let the server choose
  bool nomkstream = false;
  std::optional<long long> maxlen = std::nullopt;
  std::optional<std::string> minid = std::nullopt;
  bool approximate = false;
  std::optional<long long> limit = std::nullopt;
};

/// XTRIM options: one of maxlen or minid, as in XAddOptions.
struct XTrimOptions {
  std::optional<long long> maxlen = std::nullopt;
  std::optional<std::string> minid = std::nullopt;
  bool approximate = false;
  std::optional<long long> limit = std::nullopt;
};

/// XREAD options: count per stream; block = wait up to that long for new entries (0 = forever).
struct XReadOptions {
  std::optional<long long> count = std::nullopt;
  std::optional<std::chrono::milliseconds> block = std::nullopt;
};

/// XREADGROUP options: as XREAD, and noack (entries are not added to the pending list).
struct XReadGroupOptions {
  std::optional<long long> count = std::nullopt;
  std::optional<std::chrono::milliseconds> block = std::nullopt;
  bool noack = false;
};

/// XGROUP CREATE options.
struct XGroupCreateOptions {
  bool mkstream = false;                              // create the stream if it is missing
  std::optional<long long> entries_read = std::nullopt;  // ENTRIESREAD (for the group's lag)
};

/// XSETID options (Redis 7).
struct XSetIdOptions {
  std::optional<long long> entries_added = std::nullopt;
  std::optional<std::string> max_deleted_id = std::nullopt;
};

/// XCLAIM options.
struct XClaimOptions {
  std::optional<std::chrono::milliseconds> idle = std::nullopt;  // set the entries' idle time
  std::optional<UnixMilliseconds> time = std::nullopt;           // or their last delivery time
  std::optional<long long> retrycount = std::nullopt;
  bool force = false;  // claim even ids that are not pending
  std::optional<std::string> lastid = std::nullopt;
};

/// XPENDING extended form's filters.
struct XPendingOptions {
  std::optional<std::chrono::milliseconds> idle = std::nullopt;  // only entries idle this long
  std::optional<std::string> consumer = std::nullopt;            // only this consumer's
};

/// XPENDING key group: how many are pending, the smallest and largest pending ids (nullopt
/// when none) and how many each consumer holds.
struct XPendingSummary {
  long long count = 0;
  std::optional<std::string> min_id;
  std::optional<std::string> max_id;
  std::vector<std::pair<std::string, long long>> consumers;

  friend REDISPP_DECL XPendingSummary redispp_from_reply(Reply&& reply, std::type_identity<XPendingSummary>);  // impl/streams_types.ipp
};

/// One entry of XPENDING's extended form.
struct XPendingEntry {
  std::string id;
  std::string consumer;
  std::chrono::milliseconds idle{0};  // since it was last delivered
  long long delivery_count = 0;

  friend REDISPP_DECL XPendingEntry redispp_from_reply(Reply&& reply, std::type_identity<XPendingEntry>);  // impl/streams_types.ipp
};

/// XAUTOCLAIM: where to continue (next_id, "0-0" when the scan is complete), what was claimed
/// (entries, or ids with xautoclaim_justid) and the pending ids whose entries no longer exist
/// (removed from the pending list).
template <class Items>
struct XAutoClaimResult {
  std::string next_id;
  Items entries;
  std::vector<std::string> deleted_ids;

  friend XAutoClaimResult redispp_from_reply(Reply&& reply, std::type_identity<XAutoClaimResult>) {
    auto& elements = reply.elements();
    if (!reply.is_aggregate() || elements.size() < 2) detail::conversion_failed<XAutoClaimResult>(reply, "expected [next id, entries, deleted ids]");
    XAutoClaimResult out{convert<std::string>(std::move(elements[0])), convert<Items>(std::move(elements[1])), {}};
    if (elements.size() > 2) out.deleted_ids = convert<std::vector<std::string>>(std::move(elements[2]));
    return out;
  }
};

/// XINFO STREAM key.
struct StreamInfo {
  long long length = 0;
  long long radix_tree_keys = 0;
  long long radix_tree_nodes = 0;
  long long groups = 0;
  std::string last_generated_id;
  std::string max_deleted_entry_id;     // Redis 7
  long long entries_added = 0;          // Redis 7
  std::string recorded_first_entry_id;  // Redis 7
  std::optional<StreamEntry> first_entry;  // nullopt for an empty stream
  std::optional<StreamEntry> last_entry;

  friend REDISPP_DECL StreamInfo redispp_from_reply(Reply&& reply, std::type_identity<StreamInfo>);  // impl/streams_types.ipp
};

/// XINFO STREAM key FULL: the stream's scalars as StreamInfo, its entries (up to COUNT), and
/// every group with its pending entries and consumers. Times are Unix times in milliseconds.
struct StreamInfoFull {
  struct GroupPending {  // one entry of a group's pending list
    std::string id;
    std::string consumer;
    UnixMilliseconds delivery_time{};
    long long delivery_count = 0;
  };
  struct ConsumerPending {  // one entry of a consumer's pending list
    std::string id;
    UnixMilliseconds delivery_time{};
    long long delivery_count = 0;
  };
  struct Consumer {
    std::string name;
    UnixMilliseconds seen_time{};
    std::optional<UnixMilliseconds> active_time;  // Redis 7.2+
    long long pel_count = 0;
    std::vector<ConsumerPending> pending;
  };
  struct Group {
    std::string name;
    std::string last_delivered_id;
    std::optional<long long> entries_read;
    std::optional<long long> lag;
    long long pel_count = 0;
    std::vector<GroupPending> pending;
    std::vector<Consumer> consumers;
  };

  long long length = 0;
  long long radix_tree_keys = 0;
  long long radix_tree_nodes = 0;
  std::string last_generated_id;
  std::string max_deleted_entry_id;
  long long entries_added = 0;
  std::string recorded_first_entry_id;
  std::vector<StreamEntry> entries;
  std::vector<Group> groups;

  friend REDISPP_DECL StreamInfoFull redispp_from_reply(Reply&& reply, std::type_identity<StreamInfoFull>);  // impl/streams_types.ipp
};

/// One element of XINFO GROUPS key.
struct StreamGroupInfo {
  std::string name;
  long long consumers = 0;
  long long pending = 0;
  std::string last_delivered_id;
  std::optional<long long> entries_read;  // Redis 7; nullopt when unknown
  std::optional<long long> lag;           // Redis 7; nullopt when it cannot be computed

  friend REDISPP_DECL StreamGroupInfo redispp_from_reply(Reply&& reply, std::type_identity<StreamGroupInfo>);  // impl/streams_types.ipp
};

/// One element of XINFO CONSUMERS key group.
struct StreamConsumerInfo {
  std::string name;
  long long pending = 0;
  std::chrono::milliseconds idle{0};                      // since its last attempted interaction
  std::optional<std::chrono::milliseconds> inactive;      // Redis 7.2+; since its last successful one

  friend REDISPP_DECL StreamConsumerInfo redispp_from_reply(Reply&& reply, std::type_identity<StreamConsumerInfo>);  // impl/streams_types.ipp
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/streams_types.ipp>
#endif
