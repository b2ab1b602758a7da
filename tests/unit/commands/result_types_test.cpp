// The types a user sees: each command method's spelled Result<T> (commands/host_result.hpp) is
// the reply's C++ type on a Redis and the chaining Pipeline& on a pipeline. Checked at compile
// time; the run-time case checks that a pipeline's calls chain on the same object.
#include "support/catch.hpp"

#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include <redispp/redispp.hpp>

namespace {
using Hash = std::unordered_map<std::string, std::string>;
}  // namespace

static_assert(std::is_same_v<decltype(std::declval<redispp::Redis&>().incr("k")), long long>);
static_assert(std::is_same_v<decltype(std::declval<redispp::Redis&>().get("k")), std::optional<std::string>>);
static_assert(std::is_same_v<decltype(std::declval<redispp::Redis&>().get<long long>("k")), std::optional<long long>>);
static_assert(std::is_same_v<decltype(std::declval<redispp::Redis&>().set("k", "v")), bool>);
static_assert(std::is_same_v<decltype(std::declval<redispp::Redis&>().hgetall("k")), Hash>);
static_assert(std::is_same_v<decltype(std::declval<redispp::Redis&>().hgetall<std::map<std::string, std::string>>("k")),
                             std::map<std::string, std::string>>);
static_assert(std::is_same_v<decltype(std::declval<redispp::Redis&>().ttl("k")), long long>);  // DESIGN.md: integer -> long long
static_assert(std::is_same_v<decltype(std::declval<redispp::Redis&>().ttl<redispp::Ttl>("k")), redispp::Ttl>);
static_assert(std::is_same_v<decltype(std::declval<redispp::Redis&>().pttl<redispp::PTtl>("k")), redispp::PTtl>);
static_assert(std::is_same_v<decltype(std::declval<redispp::Redis&>().expiretime<redispp::ExpireTime>("k")), redispp::ExpireTime>);
static_assert(std::is_same_v<decltype(std::declval<redispp::Redis&>().pexpiretime<redispp::PExpireTime>("k")), redispp::PExpireTime>);
static_assert(std::is_same_v<decltype(std::declval<redispp::Pipeline&>().set("k", "v")), redispp::Pipeline&>);
static_assert(std::is_same_v<decltype(std::declval<redispp::Pipeline&>().incr("k")), redispp::Pipeline&>);
static_assert(std::is_same_v<decltype(std::declval<redispp::Pipeline&>().ttl<redispp::Ttl>("k")), redispp::Pipeline&>);

// A method takes its own command's unit only: TTL's seconds are not read as milliseconds.
template <class T>
concept ttl_takes = requires(redispp::Redis& r) { r.ttl<T>("k"); };
static_assert(ttl_takes<long long>);
static_assert(ttl_takes<redispp::Ttl>);
static_assert(!ttl_takes<redispp::PTtl>);
static_assert(!ttl_takes<redispp::ExpireTime>);

TEST_CASE("a pipeline's command methods return the pipeline itself, to chain", "[types]") {
  redispp::ConnectionOptions options;
  options.port = 1;  // never connected: queuing needs no server
  redispp::Redis r{options};
  redispp::Pipeline p = r.pipeline(false);
  redispp::Pipeline& chained = p.set("a", "1").incr("n").ttl<redispp::Ttl>("a");
  CHECK(&chained == &p);
}
