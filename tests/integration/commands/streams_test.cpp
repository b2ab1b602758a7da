// Stream commands against a real server, in every parser x protocol configuration. Database 14.
#include "support/catch.hpp"

#include <map>
#include <string_view>
#include <tuple>
#include <utility>
#include <thread>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"

using namespace std::chrono_literals;
using redispp::StreamEntry;
using redispp::test::plain_options;

namespace {
constexpr int test_db = 14;
using Fields = std::vector<std::pair<std::string, std::string>>;
}  // namespace

namespace clicks {
// An entry written from a struct (protocol/fields.hpp), fields in the tuple's order.
struct Click {
  std::string page;
  int x = 0;
  double at = 0;
};
auto redispp_to_fields(const Click& c) {
  return std::tuple(std::pair("page", std::string_view(c.page)), std::pair("x", c.x), std::pair("at", c.at));
}
}  // namespace clicks

TEST_CASE("xadd, xlen, xrange, xrevrange, xdel, xtrim", "[commands][stream]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);

  CHECK(r.xadd("s", {{"b", "2"}, {"a", "1"}}, {.id = "1-1"}) == "1-1");
  const std::map<std::string, std::string> fields{{"x", "10"}};
  CHECK(r.xadd("s", fields, {.id = "2-0"}) == "2-0");
  const std::optional<std::string> generated = r.xadd("s", {{"c", "3"}});
  REQUIRE(generated);
  CHECK(generated->find('-') != std::string::npos);
  CHECK(r.xlen("s") == 3);

  const std::vector<StreamEntry> all = r.xrange("s");
  REQUIRE(all.size() == 3);
  // Fields keep the order they were added in.
  CHECK(all[0] == StreamEntry{"1-1", Fields{{"b", "2"}, {"a", "1"}}});
  CHECK(all[1] == StreamEntry{"2-0", Fields{{"x", "10"}}});
  CHECK(all[2].id == *generated);
  CHECK(r.xrange("s", "2", "+", 1) == std::vector<StreamEntry>{{"2-0", Fields{{"x", "10"}}}});
  const auto newest_first = r.xrevrange("s", "+", "-", 2);
  REQUIRE(newest_first.size() == 2);
  CHECK(newest_first[0].id == *generated);
  CHECK(newest_first[1].id == "2-0");
  CHECK(r.xrange("missing").empty());

  // An id not greater than the last one is refused.
  CHECK_THROWS_AS(r.xadd("s", {{"f", "v"}}, {.id = "1-0"}), redispp::ResponseError);
  // NOMKSTREAM on a missing stream: nil.
  CHECK(r.xadd("nostream", {{"f", "v"}}, {.nomkstream = true}) == std::nullopt);
  CHECK(r.xlen("nostream") == 0);

  CHECK(r.xdel("s", "2-0", "99-0") == 1);
  CHECK(r.xdel("s", {"1-1"}) == 1);
  CHECK(r.xlen("s") == 1);

  for (int i = 1; i <= 10; ++i) r.xadd("t", {{"n", std::to_string(i)}}, {.id = std::to_string(i) + "-0"});
  CHECK(r.xtrim("t", {.maxlen = 7}) == 3);
  CHECK(r.xrange("t").front().id == "4-0");
  CHECK(r.xtrim("t", {.minid = "6-0"}) == 2);
  CHECK(r.xlen("t") == 5);
  // XADD with MAXLEN trims as it adds.
  CHECK(r.xadd("t", {{"n", "11"}}, {.id = "11-0", .maxlen = 2}) == "11-0");
  CHECK(r.xrange("t") == std::vector<StreamEntry>{{"10-0", Fields{{"n", "10"}}}, {"11-0", Fields{{"n", "11"}}}});
  CHECK(r.xadd("t", {{"n", "12"}}, {.id = "12-0", .maxlen = 1, .approximate = true, .limit = 100}) == "12-0");
  CHECK_THROWS_AS(r.xtrim("t", {}), redispp::DataError);
  CHECK_THROWS_AS(r.xtrim("t", {.maxlen = 1, .minid = "1-0"}), redispp::DataError);

  r.set("text", "v");
  CHECK_THROWS_AS(r.xadd("text", {{"f", "v"}}), redispp::WrongTypeError);
  CHECK_THROWS_AS(r.xlen("text"), redispp::WrongTypeError);
}

TEST_CASE("xread: entries per stream, in the order asked; a timed-out block is nullopt", "[commands][stream]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.xadd("a", {{"f", "1"}}, {.id = "1-0"});
  r.xadd("a", {{"f", "2"}}, {.id = "2-0"});
  r.xadd("b", {{"g", "1"}}, {.id = "5-0"});

  const auto read = r.xread({{"b", "0"}, {"a", "1-0"}});
  REQUIRE(read);
  const redispp::StreamReadResult expected{{"b", {{"5-0", Fields{{"g", "1"}}}}}, {"a", {{"2-0", Fields{{"f", "2"}}}}}};
  CHECK(*read == expected);

  const auto counted = r.xread({{"a", "0"}}, {.count = 1});
  REQUIRE(counted);
  REQUIRE(counted->size() == 1);
  CHECK(counted->front().second.size() == 1);

  // Nothing new: without BLOCK Redis answers nil at once, with BLOCK after the timeout.
  CHECK(r.xread({{"a", "$"}}) == std::nullopt);
  const auto start = std::chrono::steady_clock::now();
  CHECK(r.xread(std::map<std::string, std::string>{{"a", "$"}}, {.block = 200ms}) == std::nullopt);
  CHECK(std::chrono::steady_clock::now() - start >= 150ms);

  // A blocking read gets an entry added meanwhile by another client, even past socket_timeout.
  auto options = plain_options(config, test_db);
  options.socket_timeout = 300ms;
  redispp::Redis reader{options};
  std::thread writer([&] {
    std::this_thread::sleep_for(500ms);
    r.xadd("a", {{"late", "yes"}}, {.id = "3-0"});
  });
  const auto late = reader.xread({{"a", "$"}}, {.block = 5s});
  writer.join();
  REQUIRE(late);
  CHECK(late->front().first == "a");
  CHECK(late->front().second == std::vector<StreamEntry>{{"3-0", Fields{{"late", "yes"}}}});
}

TEST_CASE("consumer groups: create, read, pending, ack, claim, info", "[commands][stream]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);

  CHECK_THROWS_AS(r.xgroup_create("s", "g", "$"), redispp::ResponseError);  // no stream
  CHECK(r.xgroup_create("s", "g", "0", {.mkstream = true}));
  try {
    r.xgroup_create("s", "g", "0");
    FAIL("a second XGROUP CREATE of the same group must fail");
  } catch (const redispp::ResponseError& e) {
    CHECK(e.code() == "BUSYGROUP");
  }
  for (int i = 1; i <= 3; ++i) r.xadd("s", {{"n", std::to_string(i)}}, {.id = std::to_string(i) + "-0"});

  const auto got = r.xreadgroup("g", "alice", {{"s", ">"}}, {.count = 2});
  REQUIRE(got);
  REQUIRE(got->size() == 1);
  CHECK(got->front().second == std::vector<StreamEntry>{{"1-0", Fields{{"n", "1"}}}, {"2-0", Fields{{"n", "2"}}}});
  const auto rest = r.xreadgroup("g", "bob", std::vector<std::pair<std::string, std::string>>{{"s", ">"}});
  REQUIRE(rest);
  CHECK(rest->front().second.front().id == "3-0");
  CHECK(r.xreadgroup("g", "bob", {{"s", ">"}}) == std::nullopt);
  CHECK(r.xreadgroup("g", "bob", {{"s", ">"}}, {.block = 100ms}) == std::nullopt);

  const redispp::XPendingSummary summary = r.xpending("s", "g");
  CHECK(summary.count == 3);
  CHECK(summary.min_id == "1-0");
  CHECK(summary.max_id == "3-0");
  CHECK(summary.consumers == std::vector<std::pair<std::string, long long>>{{"alice", 2}, {"bob", 1}});

  const std::vector<redispp::XPendingEntry> pending = r.xpending_range("s", "g", "-", "+", 10);
  REQUIRE(pending.size() == 3);
  CHECK(pending[0].id == "1-0");
  CHECK(pending[0].consumer == "alice");
  CHECK(pending[0].delivery_count == 1);
  CHECK(pending[0].idle >= 0ms);
  CHECK(r.xpending_range("s", "g", "-", "+", 10, {.consumer = "bob"}).size() == 1);
  CHECK(r.xpending_range("s", "g", "-", "+", 10, {.idle = 1h}).empty());

  CHECK(r.xack("s", "g", "1-0", "99-0") == 1);

  // bob claims alice's 2-0: it comes back as a full entry, and its delivery count grows.
  std::this_thread::sleep_for(20ms);
  const auto claimed = r.xclaim("s", "g", "bob", 10ms, {"2-0"});
  CHECK(claimed == std::vector<StreamEntry>{{"2-0", Fields{{"n", "2"}}}});
  CHECK(r.xpending_range("s", "g", "2-0", "2-0", 1).front().consumer == "bob");
  CHECK(r.xclaim("s", "g", "bob", 1h, {"2-0"}).empty());  // not idle long enough
  CHECK(r.xclaim_justid("s", "g", "alice", 0ms, std::vector<std::string>{"2-0", "3-0"}, {.retrycount = 5}) ==
        std::vector<std::string>{"2-0", "3-0"});
  CHECK(r.xpending_range("s", "g", "2-0", "2-0", 1).front().delivery_count == 5);

  // A pending entry deleted from the stream: history shows it without fields, and XAUTOCLAIM
  // reports it as deleted.
  CHECK(r.xdel("s", "3-0") == 1);
  const auto history = r.xreadgroup("g", "alice", {{"s", "0"}});
  REQUIRE(history);
  CHECK(history->front().second == std::vector<StreamEntry>{{"2-0", Fields{{"n", "2"}}}, {"3-0", Fields{}}});
  const auto autoclaimed = r.xautoclaim("s", "g", "carol", 0ms, "0-0", 10);
  CHECK(autoclaimed.next_id == "0-0");
  CHECK(autoclaimed.entries == std::vector<StreamEntry>{{"2-0", Fields{{"n", "2"}}}});
  CHECK(autoclaimed.deleted_ids == std::vector<std::string>{"3-0"});
  const auto justids = r.xautoclaim_justid("s", "g", "alice", 0ms);
  CHECK(justids.entries == std::vector<std::string>{"2-0"});
  CHECK(justids.deleted_ids.empty());

  // XINFO GROUPS / CONSUMERS: map-shaped in RESP3, flat arrays in RESP2, the same structs.
  const std::vector<redispp::StreamGroupInfo> groups = r.xinfo_groups("s");
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].name == "g");
  CHECK(groups[0].consumers == 3);
  CHECK(groups[0].pending == 1);
  CHECK(groups[0].last_delivered_id == "3-0");
  CHECK(groups[0].entries_read == 3);
  CHECK(groups[0].lag == 0);
  const std::vector<redispp::StreamConsumerInfo> consumers = r.xinfo_consumers("s", "g");
  REQUIRE(consumers.size() == 3);
  CHECK(consumers[0].name == "alice");
  CHECK(consumers[0].pending == 1);
  CHECK(consumers[0].idle >= 0ms);
  CHECK(consumers[0].idle < 1h);

  CHECK(r.xgroup_createconsumer("s", "g", "dave"));
  CHECK_FALSE(r.xgroup_createconsumer("s", "g", "dave"));
  CHECK(r.xgroup_delconsumer("s", "g", "alice") == 1);
  CHECK(r.xgroup_delconsumer("s", "g", "dave") == 0);
  CHECK(r.xinfo_consumers("s", "g").size() == 2);  // bob and carol

  CHECK(r.xgroup_setid("s", "g", "0", 0));
  CHECK(r.xinfo_groups("s").front().last_delivered_id == "0-0");
  CHECK(r.xinfo_groups("s").front().entries_read == 0);
  CHECK(r.xgroup_destroy("s", "g"));
  CHECK_FALSE(r.xgroup_destroy("s", "g"));
  CHECK(r.xinfo_groups("s").empty());
}

TEST_CASE("xpending on a group with nothing pending: nil ids, no consumers", "[commands][stream]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.xgroup_create("s", "g", "$", {.mkstream = true});
  const auto summary = r.xpending("s", "g");
  CHECK(summary.count == 0);
  CHECK(summary.min_id == std::nullopt);
  CHECK(summary.max_id == std::nullopt);
  CHECK(summary.consumers.empty());
  try {
    r.xpending("s", "nogroup");
    FAIL("XPENDING of a missing group must fail");
  } catch (const redispp::ResponseError& e) {
    CHECK(e.code() == "NOGROUP");
  }
}

TEST_CASE("xinfo stream, xsetid, the help subcommands", "[commands][stream]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.xadd("s", {{"a", "1"}}, {.id = "1-0"});
  r.xadd("s", {{"b", "2"}}, {.id = "2-0"});
  r.xgroup_create("s", "g");

  const redispp::StreamInfo info = r.xinfo_stream("s");
  CHECK(info.length == 2);
  CHECK(info.groups == 1);
  CHECK(info.last_generated_id == "2-0");
  CHECK(info.entries_added == 2);
  CHECK(info.recorded_first_entry_id == "1-0");
  CHECK(info.max_deleted_entry_id == "0-0");
  CHECK(info.radix_tree_keys >= 1);
  CHECK(info.first_entry == StreamEntry{"1-0", Fields{{"a", "1"}}});
  CHECK(info.last_entry == StreamEntry{"2-0", Fields{{"b", "2"}}});

  r.xreadgroup("g", "c", {{"s", "0"}});  // nothing: the group starts at "$"
  r.xadd("s", {{"c", "3"}}, {.id = "3-0"});
  r.xreadgroup("g", "c", {{"s", ">"}});
  const redispp::StreamInfoFull full = r.xinfo_stream_full("s");
  CHECK(full.length == 3);
  CHECK(full.last_generated_id == "3-0");
  CHECK(full.entries_added == 3);
  CHECK(full.entries == std::vector<StreamEntry>{{"1-0", Fields{{"a", "1"}}}, {"2-0", Fields{{"b", "2"}}},
                                                 {"3-0", Fields{{"c", "3"}}}});
  REQUIRE(full.groups.size() == 1);
  const auto& group = full.groups[0];
  CHECK(group.name == "g");
  CHECK(group.last_delivered_id == "3-0");
  CHECK(group.pel_count == 1);
  REQUIRE(group.pending.size() == 1);
  CHECK(group.pending[0].id == "3-0");
  CHECK(group.pending[0].consumer == "c");
  CHECK(group.pending[0].delivery_count == 1);
  CHECK(group.pending[0].delivery_time.time_since_epoch().count() > 0);
  REQUIRE(group.consumers.size() == 1);
  CHECK(group.consumers[0].name == "c");
  CHECK(group.consumers[0].pel_count == 1);
  REQUIRE(group.consumers[0].pending.size() == 1);
  CHECK(group.consumers[0].pending[0].id == "3-0");
  CHECK(group.consumers[0].pending[0].delivery_time == group.pending[0].delivery_time);
  CHECK(r.xinfo_stream_full("s", 1).entries.size() == 1);
  CHECK(r.xdel("s", "3-0") == 1);

  CHECK(r.xsetid("s", "5-0", {.entries_added = 7, .max_deleted_id = "3-0"}));
  const auto after = r.xinfo_stream("s");
  CHECK(after.last_generated_id == "5-0");
  CHECK(after.entries_added == 7);
  CHECK(after.max_deleted_entry_id == "3-0");
  CHECK_THROWS_AS(r.xsetid("s", "1-0"), redispp::ResponseError);  // smaller than the top entry

  r.xtrim("s", {.maxlen = 0});
  const auto empty = r.xinfo_stream("s");
  CHECK(empty.length == 0);
  CHECK(empty.first_entry == std::nullopt);
  CHECK(empty.last_entry == std::nullopt);
  CHECK_THROWS_AS(r.xinfo_stream("missing"), redispp::ResponseError);

  const std::vector<std::string> group_help = r.xgroup_help();
  REQUIRE_FALSE(group_help.empty());
  CHECK(group_help.front().find("XGROUP") != std::string::npos);
  CHECK(r.xinfo_help().front().find("XINFO") != std::string::npos);
}

TEST_CASE("stream commands in a pipeline", "[commands][stream][pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  auto p = r.pipeline();
  p.xadd("s", {{"f", "v"}}, {.id = "1-0"})
      .xlen("s")
      .xrange("s")
      .xread({{"s", "0"}})
      .xgroup_create("s", "g", "0")
      .xreadgroup("g", "c", {{"s", ">"}})
      .xpending("s", "g")
      .xinfo_stream("s")
      .xautoclaim("s", "g", "d", 0ms);
  const auto res = p.execute();
  REQUIRE(res.size() == 9);
  CHECK(res.get<std::optional<std::string>>(0) == "1-0");
  CHECK(res.get<long long>(1) == 1);
  const std::vector<StreamEntry> one{{"1-0", Fields{{"f", "v"}}}};
  CHECK(res.get<std::vector<StreamEntry>>(2) == one);
  CHECK(res.get<std::optional<redispp::StreamReadResult>>(3) == redispp::StreamReadResult{{"s", one}});
  CHECK(res.get<bool>(4));
  CHECK(res.get<std::optional<redispp::StreamReadResult>>(5) == redispp::StreamReadResult{{"s", one}});
  CHECK(res.get<redispp::XPendingSummary>(6).count == 1);
  CHECK(res.get<redispp::StreamInfo>(7).last_entry == one.front());
  CHECK(res.get<redispp::XAutoClaimResult<std::vector<StreamEntry>>>(8).entries == one);
}

TEST_CASE("xadd writes a struct's fields through redispp_to_fields", "[commands][stream]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  CHECK(r.xadd("clicks", clicks::Click{"/home", 12, 0.25}, {.id = "1-0"}) == "1-0");
  auto p = r.pipeline(false);
  p.xadd("clicks", clicks::Click{"/about", -3, 1e-9}, {.id = "2-0"});
  CHECK(p.execute().get<std::optional<std::string>>(0) == "2-0");
  CHECK(r.xrange("clicks") ==
        std::vector<StreamEntry>{{"1-0", Fields{{"page", "/home"}, {"x", "12"}, {"at", "0.25"}}},
                                 {"2-0", Fields{{"page", "/about"}, {"x", "-3"}, {"at", "1e-09"}}}});
}
