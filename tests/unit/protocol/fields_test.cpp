// A user type as a hash's fields (protocol/fields.hpp): redispp_to_fields, the Mapping concept,
// and the bytes HSET / HMSET / XADD write for it.
#include "support/catch.hpp"

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <redispp/client.hpp>
#include <redispp/commands/command_set.hpp>
#include <redispp/protocol/encoder.hpp>
#include <redispp/protocol/fields.hpp>

#include "support/resp_text.hpp"  // redispp::test::wire

using redispp::test::wire;

namespace shop {
struct Item {  // fields as a tuple: each value keeps its own type
  std::string name;
  long long stock = 0;
  double price = 0;
};
auto redispp_to_fields(const Item& i) {
  return std::tuple(std::pair("name", std::string_view(i.name)), std::pair("stock", i.stock),
                    std::pair("price", i.price));
}

struct Tags {  // fields as a range
  std::vector<std::string> names;
};
std::vector<std::pair<std::string, int>> redispp_to_fields(const Tags& t) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& name : t.names) out.emplace_back(name, 1);
  return out;
}

struct Both {  // a bulk value (one argument) and a hash (fields)
  int a = 0;
  int b = 0;
};
std::string redispp_to_bulk(const Both& x) { return std::to_string(x.a) + ":" + std::to_string(x.b); }
auto redispp_to_fields(const Both& x) { return std::tuple(std::pair("a", x.a), std::pair("b", x.b)); }

struct BulkOnly {
  int v = 0;
};
std::string redispp_to_bulk(const BulkOnly& x) { return std::to_string(x.v); }

struct Plain {
  int v = 0;
};
}  // namespace shop

// What is taken where a mapping is (hset(key, x)), and what is not.
static_assert(redispp::Mapping<shop::Item>);
static_assert(redispp::Mapping<shop::Tags>);
static_assert(redispp::Mapping<shop::Both>);
static_assert(redispp::Argument<shop::Both>);  // and still one argument where one is taken
static_assert(redispp::Mapping<std::map<std::string, int>>);
static_assert(redispp::Mapping<redispp::PairList>);
static_assert(!redispp::Mapping<shop::Plain>);     // no hook
static_assert(!redispp::Mapping<shop::BulkOnly>);  // one argument, not fields
static_assert(!redispp::Mapping<std::string>);
static_assert(!redispp::Mapping<int>);
static_assert(!redispp::Argument<shop::Item>);  // fields, not one argument: set(k, item) does not compile

// The mixins' constraint: hset(key, x) exists for a type with the hook only.
template <class T>
concept hset_takes = requires(redispp::Redis& r, const T& value) { r.hset("k", value); };
static_assert(hset_takes<shop::Item>);
static_assert(hset_takes<shop::Both>);  // both hooks: hset(key, x) is the fields form, not ambiguous
static_assert(hset_takes<std::map<std::string, std::string>>);
static_assert(!hset_takes<shop::Plain>);
static_assert(!hset_takes<shop::BulkOnly>);

TEST_CASE("HSET, HMSET and XADD write a struct's fields through redispp_to_fields", "[fields]") {
  const shop::Item item{"lamp", 3, 19.5};
  CHECK(redispp::cmd::hset("item:1", item).wire() ==
        wire("HSET", "item:1", "name", "lamp", "stock", "3", "price", "19.5"));
  CHECK(redispp::cmd::hmset("item:1", item).wire() ==
        wire("HMSET", "item:1", "name", "lamp", "stock", "3", "price", "19.5"));
  CHECK(redispp::cmd::xadd("events", item, {}).wire() ==
        wire("XADD", "events", "*", "name", "lamp", "stock", "3", "price", "19.5"));
  CHECK(redispp::cmd::hset("t", shop::Tags{{"red", "big"}}).wire() == wire("HSET", "t", "red", "1", "big", "1"));
  CHECK(redispp::cmd::hset("item:1", item).keys() == std::vector<std::string_view>{"item:1"});
}

TEST_CASE("a type with both hooks is one value in SET and fields in HSET", "[fields]") {
  const shop::Both both{1, 2};
  CHECK(redispp::cmd::set("k", both, {}).wire() == wire("SET", "k", "1:2"));
  CHECK(redispp::cmd::hset("h", "f", both).wire() == wire("HSET", "h", "f", "1:2"));
  CHECK(redispp::cmd::hset("h", both).wire() == wire("HSET", "h", "a", "1", "b", "2"));
}
