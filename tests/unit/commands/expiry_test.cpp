// Expiry<V> (commands/expiry.hpp): TTL / PTTL / EXPIRETIME / PEXPIRETIME replies as std::chrono
// values with Redis' -1 (no expiry) and -2 (no such key) as states; and the typed builders.
#include "support/catch.hpp"

#include <chrono>
#include <string>

#include <redispp/commands/keys.hpp>
#include <redispp/errors.hpp>
#include <redispp/protocol/convert.hpp>
#include <redispp/protocol/encoder.hpp>

#include "support/resp_text.hpp"  // redispp::test::wire

using redispp::test::wire;

using namespace std::chrono_literals;
using redispp::ExpiryState;
using redispp::Reply;

TEST_CASE("Expiry: Redis' three answers, from an integer reply", "[expiry]") {
  const auto ttl = redispp::convert<redispp::Ttl>(Reply::integer(42));
  CHECK(ttl.state() == ExpiryState::expires);
  CHECK(ttl.expires());
  CHECK(ttl.exists());
  CHECK(ttl.value() == 42s);
  CHECK(ttl == redispp::Ttl(42s));

  const auto none = redispp::convert<redispp::Ttl>(Reply::integer(-1));
  CHECK(none == ExpiryState::no_expiry);
  CHECK_FALSE(none.expires());
  CHECK(none.exists());
  CHECK_FALSE(none.has_value());
  CHECK(none.value_or(7s) == 7s);
  CHECK_THROWS_AS(none.value(), redispp::DataError);
  CHECK_THROWS_WITH(none.value(), Catch::Contains("no expiry"));

  const auto missing = redispp::convert<redispp::PTtl>(Reply::integer(-2));
  CHECK(missing == ExpiryState::no_key);
  CHECK_FALSE(missing.exists());
  CHECK_FALSE(static_cast<bool>(missing));
  CHECK_THROWS_WITH(missing.value(), Catch::Contains("no such key"));
  CHECK(missing == redispp::PTtl());  // the default is "no such key"

  CHECK(redispp::convert<redispp::Ttl>(Reply::integer(0)).value() == 0s);  // expires within the second
  CHECK_THROWS_AS(redispp::convert<redispp::Ttl>(Reply::integer(-3)), redispp::DataError);
  CHECK_THROWS_AS(redispp::convert<redispp::Ttl>(Reply::error("WRONGTYPE Operation against a key")),
                  redispp::WrongTypeError);
}

TEST_CASE("Expiry: time points for EXPIRETIME and PEXPIRETIME, and back to Redis' number", "[expiry]") {
  const auto at = redispp::convert<redispp::ExpireTime>(Reply::integer(1700000000));
  CHECK(at.value() == redispp::UnixSeconds(1700000000s));
  const auto at_ms = redispp::convert<redispp::PExpireTime>(Reply::integer(1700000000123));
  CHECK(at_ms.value() == redispp::UnixMilliseconds(1700000000123ms));
  CHECK(at_ms.to_redis() == 1700000000123);
  CHECK(redispp::PExpireTime::from_redis(-1).to_redis() == -1);
  CHECK(redispp::ExpireTime::from_redis(-2).to_redis() == -2);
  CHECK(redispp::Ttl::from_redis(5).to_redis() == 5);
  CHECK(redispp::PTtl(1500ms).value() == 1500ms);
}

TEST_CASE("typed TTL builders send the same command, read-only, with the Expiry type", "[expiry]") {
  const auto ttl = redispp::cmd::ttl<redispp::Ttl>("k");
  static_assert(std::is_same_v<decltype(ttl), const redispp::Command<redispp::Ttl>>);
  CHECK(ttl.wire() == wire("TTL", "k"));
  CHECK(ttl.wire() == redispp::cmd::ttl("k").wire());
  CHECK(ttl.is_read_only());
  CHECK(redispp::cmd::pttl<redispp::PTtl>("k").wire() == wire("PTTL", "k"));
  CHECK(redispp::cmd::expiretime<redispp::ExpireTime>("k").wire() == wire("EXPIRETIME", "k"));
  CHECK(redispp::cmd::pexpiretime<redispp::PExpireTime>("k").wire() == wire("PEXPIRETIME", "k"));
  CHECK(ttl.convert(Reply::integer(-1)) == ExpiryState::no_expiry);
}
