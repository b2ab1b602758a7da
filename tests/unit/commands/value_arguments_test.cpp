// Parameters that take one value (SET's value, HSET's field, ZADD's member) refuse ranges and
// pairs at compile time (value_range_probe.cpp is the build that must fail); a user type with
// redispp_to_bulk is one value even when it is a range.
#include "support/catch.hpp"

#include <string>
#include <utility>
#include <vector>

#include <redispp/commands/command_set.hpp>
#include <redispp/protocol/encoder.hpp>

#include "support/resp_text.hpp"  // redispp::test::wire

namespace value_test {
// A range of strings that says how it is sent: as one comma-separated value.
struct Tags {
  std::vector<std::string> names;
  auto begin() const { return names.begin(); }
  auto end() const { return names.end(); }
};
inline std::string redispp_to_bulk(const Tags& tags) {
  std::string joined;
  for (const std::string& name : tags.names) joined += (joined.empty() ? "" : ",") + name;
  return joined;
}

struct Host;
}  // namespace value_test

template <>
struct redispp::HostResultOf<value_test::Host> {
  template <class T>
  using type = std::string;
};

namespace value_test {
// Runs nothing: a method returns its command's bytes.
struct Host : redispp::CommandSet<Host> {
  template <class T>
  std::string run(redispp::Command<T>&& command) {
    return std::string(command.wire());
  }
};
}  // namespace value_test

using redispp::test::wire;

static_assert(redispp::Value<std::string>);
static_assert(redispp::Value<const char*>);
static_assert(redispp::Value<long long>);
static_assert(redispp::Value<double>);
static_assert(redispp::Value<value_test::Tags>, "a range with redispp_to_bulk is one value");
static_assert(!redispp::Value<std::vector<int>>);
static_assert(!redispp::Value<std::vector<std::string>>);
static_assert(!redispp::Value<std::pair<int, int>>);
// Still arguments: where a command takes many values, a range gives them.
static_assert(redispp::Argument<std::vector<int>>);

TEST_CASE("a user range with redispp_to_bulk is sent as one value", "[commands][arguments]") {
  value_test::Host host;
  const value_test::Tags tags{{"red", "green"}};
  CHECK(host.set("k", tags) == wire("SET", "k", "red,green"));
  CHECK(host.hset("h", "f", tags) == wire("HSET", "h", "f", "red,green"));
  CHECK(host.zadd("z", tags, 1.0) == wire("ZADD", "z", 1.0, "red,green"));
  // Where many values are taken, a plain range expands and a Tags stays one.
  CHECK(host.rpush("l", std::vector<std::string>{"a", "b"}) == wire("RPUSH", "l", "a", "b"));
  CHECK(host.rpush("l", tags) == wire("RPUSH", "l", "red,green"));
}
