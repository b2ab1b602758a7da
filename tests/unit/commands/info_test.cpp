#include "support/catch.hpp"

#include <redispp/commands/info.hpp>
#include <redispp/errors.hpp>

TEST_CASE("parse_info reads sections of typed values", "[info]") {
  const std::string text =
      "# Server\r\nredis_version:7.0.15\r\nprocess_id:42\r\nexecutable:/usr/bin/redis-server\r\n\r\n"
      "# Clients\r\nconnected_clients:1004\r\nclient_longest_output_list:0\r\n\r\n"
      "# Memory\r\nmem_fragmentation_ratio:3.21\r\n\r\n"
      "# Keyspace\r\ndb0:keys=2,expires=0,avg_ttl=0\r\n"
      "# Errorstats\r\nerrorstat_ERR:count=1\r\n";
  const redispp::Info info = redispp::parse_info(text);
  REQUIRE(info.sections.size() == 5);
  CHECK(info.sections.at("clients").at("connected_clients") == redispp::InfoValue(1004LL));
  CHECK(info.integer("connected_clients") == 1004);
  CHECK(info.integer("process_id") == 42);
  CHECK(info.text("redis_version") == "7.0.15");
  CHECK(info.text("executable") == "/usr/bin/redis-server");
  CHECK(info.number("mem_fragmentation_ratio") == Approx(3.21));
  const auto& db0 = std::get<redispp::InfoFields>(info.at("db0"));
  CHECK(db0.at("keys") == redispp::InfoScalar(2LL));
  CHECK(db0.at("avg_ttl") == redispp::InfoScalar(0LL));
  CHECK(std::get<redispp::InfoFields>(info.at("errorstat_ERR")).at("count") == redispp::InfoScalar(1LL));
  CHECK(info.find("no_such_field") == nullptr);
  CHECK_THROWS_WITH(info.at("no_such_field"), "INFO has no field 'no_such_field'");
  CHECK_THROWS_AS(info.integer("redis_version"), redispp::DataError);
  CHECK_THROWS_AS(info.text("db0"), redispp::DataError);
}

TEST_CASE("parse_info_value tells numbers from text", "[info]") {
  CHECK(redispp::parse_info_value("12") == redispp::InfoValue(12LL));
  CHECK(redispp::parse_info_value("-3") == redispp::InfoValue(-3LL));
  CHECK(redispp::parse_info_value("0.5") == redispp::InfoValue(0.5));
  CHECK(redispp::parse_info_value("ok") == redispp::InfoValue(std::string("ok")));
  CHECK(redispp::parse_info_value("") == redispp::InfoValue(std::string()));
  CHECK(redispp::parse_info_value("1e5") == redispp::InfoValue(std::string("1e5")));  // not how INFO writes numbers
}
