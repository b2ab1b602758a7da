// Bitmap commands against a real server, in every parser x protocol configuration.
// Database 13 is this file's own.
#include "support/catch.hpp"

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"

using redispp::BitFieldOperations;
using redispp::BitFieldOverflow;
using redispp::BitOp;
using redispp::BitUnit;
using redispp::test::plain_options;
using Fields = std::vector<std::optional<long long>>;

namespace {
constexpr int test_db = 13;
}

TEST_CASE("setbit, getbit, bitcount and bitpos", "[commands][bitmaps]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  static_assert(std::is_same_v<decltype(r.setbit("b", 0, true)), bool>);
  CHECK_FALSE(r.setbit("b", 7, true));  // the old value
  CHECK(r.setbit("b", 7, true));
  CHECK(r.getbit("b", 7));
  CHECK_FALSE(r.getbit("b", 6));
  CHECK_FALSE(r.getbit("b", 1000));  // beyond the end
  CHECK_FALSE(r.getbit("missing", 0));
  CHECK(r.setbit("b", 7, false));
  CHECK(r.setbit("b", 9, true) == false);
  CHECK(r.get("b") == std::string("\x00\x40", 2));

  r.set("foo", "foobar");
  CHECK(r.bitcount("foo") == 26);
  CHECK(r.bitcount("foo", 0, 0) == 4);
  CHECK(r.bitcount("foo", 1, 1) == 6);
  CHECK(r.bitcount("foo", 1, 1, BitUnit::byte) == 6);
  CHECK(r.bitcount("foo", 5, 30, BitUnit::bit) == 17);
  CHECK(r.bitcount("missing") == 0);

  r.set("p", std::string("\x00\xff\xf0", 3));
  CHECK(r.bitpos("p", true) == 8);
  CHECK(r.bitpos("p", false) == 0);
  CHECK(r.bitpos("p", true, 2) == 16);
  CHECK(r.bitpos("p", true, 2, -1) == 16);
  CHECK(r.bitpos("p", true, 7, 15, BitUnit::bit) == 8);
  CHECK(r.bitpos("p", false, 1, 1) == -1);  // byte 1 is all ones
  CHECK(r.bitpos("missing", true) == -1);
  CHECK(r.bitpos("missing", false) == 0);

  r.rpush("list", "a");
  CHECK_THROWS_AS(r.getbit("list", 0), redispp::WrongTypeError);
  CHECK_THROWS_AS(r.setbit("list", 0, true), redispp::WrongTypeError);
  CHECK_THROWS_AS(r.bitcount("list"), redispp::WrongTypeError);
  CHECK_THROWS_AS(r.setbit("b", -1, true), redispp::ResponseError);
}

TEST_CASE("bitop", "[commands][bitmaps]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  r.set("a", std::string("\xff\x0f", 2));
  r.set("b", std::string("\x0f\xff\x01", 3));
  CHECK(r.bitop(BitOp::bit_and, "and", "a", "b") == 3);  // as long as the longest input
  CHECK(r.get("and") == std::string("\x0f\x0f\x00", 3));
  CHECK(r.bitop(BitOp::bit_or, "or", {"a", "b"}) == 3);
  CHECK(r.get("or") == std::string("\xff\xff\x01", 3));
  CHECK(r.bitop(BitOp::bit_xor, "xor", std::vector<std::string>{"a", "b"}) == 3);
  CHECK(r.get("xor") == std::string("\xf0\xf0\x01", 3));
  CHECK(r.bitop(BitOp::bit_not, "not", "a") == 2);
  CHECK(r.get("not") == std::string("\x00\xf0", 2));
  CHECK_THROWS_AS(r.bitop(BitOp::bit_not, "not", "a", "b"), redispp::ResponseError);  // NOT takes one key
  CHECK(r.bitop(BitOp::bit_and, "none", "missing") == 0);
  CHECK(r.exists("none") == 0);
}

TEST_CASE("bitfield and bitfield_ro", "[commands][bitmaps]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  static_assert(std::is_same_v<decltype(r.bitfield("f", BitFieldOperations())), Fields>);
  const Fields values = r.bitfield("f", BitFieldOperations()
                                             .set("u8", 0, 255)
                                             .get("u8", 0)
                                             .incrby("u8", 0, 10)
                                             .overflow(BitFieldOverflow::sat)
                                             .incrby("u8", 0, 300)
                                             .overflow(BitFieldOverflow::fail)
                                             .incrby("u8", 0, 1)
                                             .set("u8", "#1", 7)
                                             .get("i4", 8));
  CHECK(values == Fields{0, 255, 9, 255, std::nullopt, 0, 0});
  CHECK(r.get("f") == std::string("\xff\x07", 2));
  CHECK(r.bitfield("f", BitFieldOperations().get("i8", 0).get("u16", 0).incrby("i8", 0, -1)) ==
        Fields{-1, 0xff07, -2});
  CHECK(r.bitfield("f", BitFieldOperations()).empty());

  CHECK(r.bitfield_ro("f", BitFieldOperations().get("u8", "#1").get("i8", 0)) == std::vector<long long>{7, -2});
  CHECK(r.bitfield_ro("missing", BitFieldOperations().get("u32", 100)) == std::vector<long long>{0});
  CHECK_THROWS_AS(r.bitfield_ro("f", BitFieldOperations().set("u8", 0, 1)), redispp::DataError);
  CHECK_THROWS_AS(r.bitfield_ro("f", BitFieldOperations().overflow(BitFieldOverflow::wrap)), redispp::DataError);
  CHECK(r.get("f") == std::string("\xfe\x07", 2));  // nothing was sent

  CHECK_THROWS_AS(r.bitfield("f", BitFieldOperations().get("u64", 0)), redispp::ResponseError);  // u63 at most
  r.rpush("list", "a");
  CHECK_THROWS_AS(r.bitfield("list", BitFieldOperations().get("u8", 0)), redispp::WrongTypeError);
}

TEST_CASE("bitmap commands in a pipeline", "[commands][bitmaps][pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{plain_options(config, test_db)};
  redispp::test::for_each_pipeline_kind(r, [&](bool transaction) {
    auto p = r.pipeline(transaction);
    p.setbit("b", 3, true)
        .getbit("b", 3)
        .bitcount("b")
        .bitpos("b", true)
        .bitfield("b", BitFieldOperations().incrby("u4", 0, 3).overflow(BitFieldOverflow::fail).incrby("u4", 0, 20))
        .bitfield_ro("b", BitFieldOperations().get("u8", 0))
        .bitop(BitOp::bit_not, "n", "b");
    auto res = p.execute();
    REQUIRE(res.size() == 7);
    CHECK_FALSE(res.get<bool>(0));
    CHECK(res.get<bool>(1));
    CHECK(res.get<long long>(2) == 1);
    CHECK(res.get<long long>(3) == 3);
    CHECK(res.get<Fields>(4) == Fields{4, std::nullopt});
    CHECK(res.get<std::vector<long long>>(5) == std::vector<long long>{0x40});
    CHECK(res.get<long long>(6) == 1);
  });
}
