// HyperLogLog commands against a real server, in every parser x protocol configuration.
// Database 12 is this file's own.
#include "support/catch.hpp"

#include <cstdlib>
#include <string>
#include <type_traits>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"

using redispp::test::plain_options;

namespace {
constexpr int test_db = 12;
}

TEST_CASE("pfadd, pfcount and pfmerge", "[commands][hyperloglog]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  static_assert(std::is_same_v<decltype(r.pfadd("h", "a")), bool>);
  CHECK(r.pfadd("h", "a", "b", "c"));
  CHECK_FALSE(r.pfadd("h", "a", "b"));  // nothing new: no register changed
  CHECK_FALSE(r.pfadd("h"));             // exists already
  CHECK(r.pfadd("empty"));               // no elements: only creates the key
  CHECK(r.exists("empty") == 1);
  CHECK(r.pfcount("empty") == 0);
  CHECK(r.pfadd("h2", {"c", "d"}));
  CHECK(r.pfadd("nums", 1, 2, 3));

  static_assert(std::is_same_v<decltype(r.pfcount("h")), long long>);
  CHECK(r.pfcount("h") == 3);
  CHECK(r.pfcount("missing") == 0);
  CHECK(r.pfcount("h", "h2") == 4);  // the union
  CHECK(r.pfcount({"h", "h2", "nums"}) == 7);

  CHECK(r.pfmerge("merged", "h", "h2"));
  CHECK(r.pfcount("merged") == 4);
  CHECK(r.pfmerge("merged", std::vector<std::string>{"nums"}));  // merges into the existing value
  CHECK(r.pfcount("merged") == 7);
  CHECK(r.pfmerge("alone"));
  CHECK(r.pfcount("alone") == 0);

  std::vector<std::string> many;
  for (int i = 0; i < 5000; ++i) many.push_back("element:" + std::to_string(i));
  CHECK(r.pfadd("big", many));
  const long long estimate = r.pfcount("big");
  CHECK(std::llabs(estimate - 5000) < 5000 * 3 / 100);  // standard error 0.81%

  r.set("text", "not a hyperloglog");
  CHECK_THROWS_AS(r.pfadd("text", "a"), redispp::WrongTypeError);
  CHECK_THROWS_AS(r.pfcount("text"), redispp::WrongTypeError);
  r.rpush("list", "a");
  CHECK_THROWS_AS(r.pfmerge("merged", "list"), redispp::WrongTypeError);
}

TEST_CASE("pfdebug subcommands and pfselftest", "[commands][hyperloglog]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.pfadd("h", "a", "b", "c");
  CHECK(r.pfdebug_encoding("h") == "sparse");
  const std::string decoded = r.pfdebug_decode("h");
  CHECK(decoded.find("Z:") != std::string::npos);  // runs of zero registers
  CHECK(decoded.find("v:") != std::string::npos);  // and of set ones
  CHECK(r.pfdebug_todense("h"));
  CHECK(r.pfdebug_encoding("h") == "dense");
  CHECK_FALSE(r.pfdebug_todense("h"));  // dense already
  const std::vector<long long> registers = r.pfdebug_getreg("h");
  CHECK(registers.size() == 16384);
  long long non_zero = 0;
  for (long long value : registers) non_zero += value != 0;
  CHECK(non_zero == 3);
  CHECK(r.pfcount("h") == 3);
  CHECK_THROWS_AS(r.pfdebug_decode("h"), redispp::ResponseError);  // only sparse values decode
  CHECK_THROWS_AS(r.pfdebug_encoding("missing"), redispp::ResponseError);

  CHECK(r.pfselftest());
}

TEST_CASE("hyperloglog commands in a pipeline", "[commands][hyperloglog][pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{plain_options(config, test_db)};
  redispp::test::for_each_pipeline_kind(r, [&](bool transaction) {
    auto p = r.pipeline(transaction);
    p.pfadd("a", "x", "y").pfadd("a", "x").pfadd("b", "z").pfmerge("c", "a", "b").pfcount("c").pfdebug_encoding("c");
    auto res = p.execute();
    REQUIRE(res.size() == 6);
    CHECK(res.get<bool>(0));
    CHECK_FALSE(res.get<bool>(1));
    CHECK(res.get<bool>(2));
    CHECK(res.get<bool>(3));
    CHECK(res.get<long long>(4) == 3);
    CHECK(res.get<std::string>(5) == "sparse");
  });
}
