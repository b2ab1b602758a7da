// Options that Redis refuses together are refused when the Command is built, before anything is
// sent, with a DataError naming both fields: every exclusive pair of every options struct.
#include "support/catch.hpp"

#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include <redispp/commands/command_set.hpp>

using namespace std::chrono_literals;
namespace cmd = redispp::cmd;

namespace {

// Every pair (a, b), a before b, of `names`.
std::vector<std::pair<std::string_view, std::string_view>> pairs_of(std::vector<std::string_view> names) {
  std::vector<std::pair<std::string_view, std::string_view>> pairs;
  for (std::size_t i = 0; i < names.size(); ++i)
    for (std::size_t j = i + 1; j < names.size(); ++j) pairs.emplace_back(names[i], names[j]);
  return pairs;
}

std::string refusal(std::string_view command, std::string_view options, std::string_view a, std::string_view b,
                    std::string_view why) {
  return fmt::format("{}: {}.{} and {}.{} are exclusive ({})", command, options, a, options, b, why);
}

void set_expiry(redispp::SetOptions& o, std::string_view field) {
  if (field == "ex") o.ex = 10s;
  if (field == "px") o.px = 10000ms;
  if (field == "exat") o.exat = redispp::UnixSeconds(1700000000s);
  if (field == "pxat") o.pxat = redispp::UnixMilliseconds(1700000000000ms);
  if (field == "keepttl") o.keepttl = true;
}

void set_expiry(redispp::GetExOptions& o, std::string_view field) {
  if (field == "ex") o.ex = 10s;
  if (field == "px") o.px = 10000ms;
  if (field == "exat") o.exat = redispp::UnixSeconds(1700000000s);
  if (field == "pxat") o.pxat = redispp::UnixMilliseconds(1700000000000ms);
  if (field == "persist") o.persist = true;
}

template <class Options>
void set_flag(Options& o, std::string_view field) {
  if (field == "nx") o.nx = true;
  if (field == "xx") o.xx = true;
  if (field == "gt") o.gt = true;
  if (field == "lt") o.lt = true;
}

}  // namespace

TEST_CASE("SET: one expiry and one condition", "[commands][options]") {
  for (const auto& [a, b] : pairs_of({"ex", "px", "exat", "pxat", "keepttl"})) {
    INFO(a << " with " << b);
    redispp::SetOptions o;
    set_expiry(o, a);
    set_expiry(o, b);
    const std::string expected = refusal("SET", "SetOptions", a, b, "pick one expiry");
    CHECK_THROWS_WITH(cmd::set("k", "v", o), expected);
    CHECK_THROWS_WITH(cmd::set_get("k", "v", o), expected);
  }
  for (std::string_view one : {"ex", "px", "exat", "pxat", "keepttl"}) {
    redispp::SetOptions o;
    set_expiry(o, one);
    CHECK_NOTHROW(cmd::set("k", "v", o));
  }
  const std::string condition = refusal("SET", "SetOptions", "nx", "xx", "pick one condition");
  CHECK_THROWS_WITH(cmd::set("k", "v", {.nx = true, .xx = true}), condition);
  CHECK_THROWS_WITH(cmd::set_get("k", "v", {.nx = true, .xx = true}), condition);
  CHECK_THROWS_AS(cmd::set("k", "v", {.ex = 1s, .px = 1ms}), redispp::DataError);
  // An expiry with a condition is no contradiction.
  CHECK_NOTHROW(cmd::set("k", "v", {.ex = 10s, .nx = true}));
}

TEST_CASE("GETEX: one expiry", "[commands][options]") {
  for (const auto& [a, b] : pairs_of({"ex", "px", "exat", "pxat", "persist"})) {
    INFO(a << " with " << b);
    redispp::GetExOptions o;
    set_expiry(o, a);
    set_expiry(o, b);
    CHECK_THROWS_WITH(cmd::getex("k", o), refusal("GETEX", "GetExOptions", a, b, "pick one expiry"));
  }
  CHECK_NOTHROW(cmd::getex("k", {.persist = true}));
}

TEST_CASE("ZADD: nx against xx, gt, lt; gt against lt", "[commands][options]") {
  const std::vector<std::pair<std::string_view, std::string_view>> refused{
      {"nx", "xx"}, {"nx", "gt"}, {"nx", "lt"}, {"gt", "lt"}};
  for (const auto& [a, b] : refused) {
    INFO(a << " with " << b);
    redispp::ZAddOptions o;
    set_flag(o, a);
    set_flag(o, b);
    const std::string why = a == "nx" && b == "xx" ? "nx adds only new members, xx only updates" : "pick one condition";
    const std::string expected = refusal("ZADD", "ZAddOptions", a, b, why);
    CHECK_THROWS_WITH(cmd::zadd("z", std::string_view("m"), 1.0, o), expected);
    CHECK_THROWS_WITH(cmd::zadd_incr("z", std::string_view("m"), 1.0, o), expected);
    CHECK_THROWS_WITH(cmd::zadd("z", std::vector<std::pair<std::string, double>>{{"m", 1.0}}, o), expected);
  }
  // Allowed by Redis: xx with gt or lt.
  CHECK_NOTHROW(cmd::zadd("z", std::string_view("m"), 1.0, {.xx = true, .gt = true}));
  CHECK_NOTHROW(cmd::zadd("z", std::string_view("m"), 1.0, {.xx = true, .lt = true, .ch = true}));
}

TEST_CASE("ZRANGE: a limit needs a score or lex range", "[commands][options]") {
  CHECK_THROWS_WITH(cmd::zrange<std::vector<std::string>>("z", 0, -1, {.limit = {{0, 1}}}, false),
                    "ZRANGE: ZRangeOptions.limit needs ZRangeOptions.by = score or lex");
  CHECK_THROWS_WITH(cmd::zrangestore("d", "z", 0, -1, {.limit = {{0, 1}}}),
                    "ZRANGESTORE: ZRangeOptions.limit needs ZRangeOptions.by = score or lex");
  CHECK_NOTHROW(cmd::zrange<std::vector<std::string>>("z", 0, 5, {.by = redispp::ZRangeBy::score, .limit = {{0, 1}}},
                                                      false));
}

TEST_CASE("EXPIRE and its kin: nx against xx, gt, lt; gt against lt", "[commands][options]") {
  const std::vector<std::pair<std::string_view, std::string_view>> refused{
      {"nx", "xx"}, {"nx", "gt"}, {"nx", "lt"}, {"gt", "lt"}};
  for (const auto& [a, b] : refused) {
    INFO(a << " with " << b);
    redispp::ExpireOptions o;
    set_flag(o, a);
    set_flag(o, b);
    const std::string why = a == "nx" && b == "xx" ? "nx needs no expiry, xx one" : "pick one condition";
    CHECK_THROWS_WITH(cmd::expire("k", 5s, o), refusal("EXPIRE", "ExpireOptions", a, b, why));
    CHECK_THROWS_WITH(cmd::pexpire("k", 5ms, o), refusal("PEXPIRE", "ExpireOptions", a, b, why));
    CHECK_THROWS_WITH(cmd::expireat("k", redispp::UnixSeconds(5s), o), refusal("EXPIREAT", "ExpireOptions", a, b, why));
    CHECK_THROWS_WITH(cmd::pexpireat("k", redispp::UnixMilliseconds(5ms), o),
                      refusal("PEXPIREAT", "ExpireOptions", a, b, why));
  }
  CHECK_NOTHROW(cmd::expire("k", 5s, {.xx = true, .gt = true}));
}

TEST_CASE("GEOADD, GEORADIUS and GEOSEARCH options", "[commands][options]") {
  CHECK_THROWS_WITH(cmd::geoadd("g", 13.36, 38.11, std::string_view("m"), {.nx = true, .xx = true}),
                    refusal("GEOADD", "GeoAddOptions", "nx", "xx", "nx adds only new members, xx only updates"));
  CHECK_THROWS_WITH(cmd::geoadd("g", {{13.36, 38.11, "m"}}, {.nx = true, .xx = true}),
                    refusal("GEOADD", "GeoAddOptions", "nx", "xx", "nx adds only new members, xx only updates"));

  const redispp::GeoRadiusOptions both_orders{.asc = true, .desc = true};
  CHECK_THROWS_WITH(cmd::georadius("GEORADIUS", "g", 15, 37, 100, redispp::GeoUnit::km, both_orders),
                    refusal("GEORADIUS", "GeoRadiusOptions", "asc", "desc", "pick one order"));
  CHECK_THROWS_WITH(cmd::georadiusbymember("GEORADIUSBYMEMBER_RO", "g", std::string_view("m"), 100,
                                           redispp::GeoUnit::km, both_orders),
                    refusal("GEORADIUSBYMEMBER_RO", "GeoRadiusOptions", "asc", "desc", "pick one order"));
  CHECK_THROWS_WITH(cmd::georadius_store("g", 15, 37, 100, redispp::GeoUnit::km, "d", both_orders, false),
                    refusal("GEORADIUS", "GeoRadiusOptions", "asc", "desc", "pick one order"));

  const redispp::GeoSearchOptions valid{.from_member = "m", .by_radius = 10.0};
  CHECK_NOTHROW(cmd::geosearch("g", valid));
  redispp::GeoSearchOptions o = valid;
  o.from_lonlat = redispp::GeoPosition{15, 37};
  CHECK_THROWS_WITH(cmd::geosearch("g", o),
                    refusal("GEOSEARCH", "GeoSearchOptions", "from_member", "from_lonlat", "pick one centre"));
  o = valid;
  o.by_box = redispp::GeoBox{10, 10};
  CHECK_THROWS_WITH(cmd::geosearchstore("d", "g", o, false),
                    refusal("GEOSEARCHSTORE", "GeoSearchOptions", "by_radius", "by_box", "pick one shape"));
  o = valid;
  o.asc = o.desc = true;
  CHECK_THROWS_WITH(cmd::geosearch("g", o), refusal("GEOSEARCH", "GeoSearchOptions", "asc", "desc", "pick one order"));
}

TEST_CASE("XADD and XTRIM: one trimming strategy; XCLAIM: one idle time", "[commands][options]") {
  const std::vector<std::pair<std::string, std::string>> fields{{"f", "v"}};
  CHECK_THROWS_WITH(cmd::xadd("s", fields, {.maxlen = 10, .minid = "0-1"}),
                    refusal("XADD", "XAddOptions", "maxlen", "minid", "pick one trimming strategy"));
  CHECK_THROWS_WITH(cmd::xtrim("s", {.maxlen = 10, .minid = "0-1"}),
                    refusal("XTRIM", "XTrimOptions", "maxlen", "minid", "pick one trimming strategy"));
  const std::vector<std::string> ids{"0-1"};
  const redispp::XClaimOptions both{.idle = 5ms, .time = redispp::UnixMilliseconds(1700000000000ms)};
  CHECK_THROWS_WITH(cmd::xclaim("s", "g", "c", 10ms, ids, both),
                    refusal("XCLAIM", "XClaimOptions", "idle", "time", "pick one idle time"));
  CHECK_THROWS_WITH(cmd::xclaim_justid("s", "g", "c", 10ms, ids, both),
                    refusal("XCLAIM", "XClaimOptions", "idle", "time", "pick one idle time"));
}

TEST_CASE("CLIENT TRACKING: one mode; CLIENT LIST: one filter", "[commands][options]") {
  CHECK_THROWS_WITH(cmd::client_tracking(true, {.bcast = true, .optin = true}),
                    refusal("CLIENT TRACKING", "TrackingOptions", "bcast", "optin", "pick one mode"));
  CHECK_THROWS_WITH(cmd::client_tracking(true, {.bcast = true, .optout = true}),
                    refusal("CLIENT TRACKING", "TrackingOptions", "bcast", "optout", "pick one mode"));
  CHECK_THROWS_WITH(cmd::client_tracking(true, {.optin = true, .optout = true}),
                    refusal("CLIENT TRACKING", "TrackingOptions", "optin", "optout", "pick one mode"));
  CHECK_NOTHROW(cmd::client_tracking(true, {.prefixes = {"a:"}, .bcast = true, .noloop = true}));
  CHECK_THROWS_WITH(cmd::client_list({.type = "normal", .ids = {1, 2}}),
                    refusal("CLIENT LIST", "ClientListOptions", "type", "ids", "pick one filter"));
}

TEST_CASE("COMMAND LIST: one filter", "[commands][options]") {
  CHECK_THROWS_WITH(cmd::command_list({.module = "m", .aclcat = "read"}),
                    refusal("COMMAND LIST", "CommandListOptions", "module", "aclcat", "FILTERBY takes one filter"));
  CHECK_THROWS_WITH(cmd::command_list({.module = "m", .pattern = "g*"}),
                    refusal("COMMAND LIST", "CommandListOptions", "module", "pattern", "FILTERBY takes one filter"));
  CHECK_THROWS_WITH(cmd::command_list({.aclcat = "read", .pattern = "g*"}),
                    refusal("COMMAND LIST", "CommandListOptions", "aclcat", "pattern", "FILTERBY takes one filter"));
}

TEST_CASE("SHUTDOWN and FAILOVER: abort takes nothing else", "[commands][options]") {
  CHECK_THROWS_WITH(cmd::shutdown({.nosave = true, .save = true}),
                    refusal("SHUTDOWN", "ShutdownOptions", "nosave", "save", "pick one"));
  const std::string abort_why = "abort cancels a shutdown: it takes no modifier";
  CHECK_THROWS_WITH(cmd::shutdown({.nosave = true, .abort = true}),
                    refusal("SHUTDOWN", "ShutdownOptions", "abort", "nosave", abort_why));
  CHECK_THROWS_WITH(cmd::shutdown({.save = true, .abort = true}),
                    refusal("SHUTDOWN", "ShutdownOptions", "abort", "save", abort_why));
  CHECK_THROWS_WITH(cmd::shutdown({.now = true, .abort = true}),
                    refusal("SHUTDOWN", "ShutdownOptions", "abort", "now", abort_why));
  CHECK_THROWS_WITH(cmd::shutdown({.force = true, .abort = true}),
                    refusal("SHUTDOWN", "ShutdownOptions", "abort", "force", abort_why));
  CHECK_NOTHROW(cmd::shutdown({.nosave = true, .now = true, .force = true}));

  const std::string failover_why = "abort cancels a failover: it takes no other option";
  CHECK_THROWS_WITH(cmd::failover({.host = "10.0.0.2", .port = 6380, .abort = true}),
                    refusal("FAILOVER", "FailoverOptions", "abort", "host", failover_why));
  CHECK_THROWS_WITH(cmd::failover({.force = true, .abort = true}),
                    refusal("FAILOVER", "FailoverOptions", "abort", "force", failover_why));
  CHECK_THROWS_WITH(cmd::failover({.abort = true, .timeout = 100ms}),
                    refusal("FAILOVER", "FailoverOptions", "abort", "timeout", failover_why));
  CHECK_NOTHROW(cmd::failover({.abort = true}));
}
