// Geospatial commands against a real server, in every parser x protocol configuration. Database 15.
#include "support/catch.hpp"

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"

using Catch::Detail::Approx;
using redispp::GeoLocation;
using redispp::GeoPosition;
using redispp::GeoUnit;
using redispp::test::plain_options;

namespace {
constexpr int test_db = 15;

void add_sicily(redispp::Redis& r) {
  REQUIRE(r.geoadd("sicily", {{13.361389, 38.115556, "Palermo"}, {15.087269, 37.502669, "Catania"}}) == 2);
}

std::vector<std::string> members(const std::vector<GeoLocation>& found) {
  std::vector<std::string> names;
  for (const auto& location : found) names.push_back(location.member);
  return names;
}
}  // namespace

TEST_CASE("geoadd, geopos, geodist, geohash", "[commands][geo]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  add_sicily(r);

  // NX / XX / CH
  CHECK(r.geoadd("sicily", 13.0, 38.0, "Palermo", {.nx = true}) == 0);
  CHECK(r.geoadd("sicily", 13.5, 37.3, "Agrigento", {.xx = true}) == 0);
  CHECK(r.geoadd("sicily", 13.361389, 38.115556, "Palermo") == 0);
  CHECK(r.geoadd("sicily", 13.583333, 37.316667, "Agrigento", {.ch = true}) == 1);
  CHECK(r.geoadd("sicily", {{13.4, 38.1, "Palermo"}}, {.xx = true, .ch = true}) == 1);
  CHECK(r.geoadd("sicily", {{13.361389, 38.115556, "Palermo"}}, {.xx = true}) == 0);
  CHECK_THROWS_AS(r.geoadd("sicily", 200.0, 38.0, "Nowhere"), redispp::ResponseError);  // out of range

  const std::vector<std::optional<GeoPosition>> positions = r.geopos("sicily", "Palermo", "Atlantis");
  REQUIRE(positions.size() == 2);
  REQUIRE(positions[0]);
  CHECK(positions[0]->longitude == Approx(13.361389).epsilon(1e-6));
  CHECK(positions[0]->latitude == Approx(38.115556).epsilon(1e-6));
  CHECK(positions[1] == std::nullopt);
  CHECK(r.geopos("sicily", {"Catania"}).front()->longitude == Approx(15.087269).epsilon(1e-6));

  const std::optional<double> metres = r.geodist("sicily", "Palermo", "Catania");
  REQUIRE(metres);
  CHECK(*metres == Approx(166274.1516).epsilon(1e-6));
  CHECK(r.geodist("sicily", "Palermo", "Catania", GeoUnit::km) == Approx(166.2742).epsilon(1e-6));
  CHECK(*r.geodist("sicily", "Palermo", "Catania", GeoUnit::mi) == Approx(103.3182).epsilon(1e-5));
  CHECK(*r.geodist("sicily", "Palermo", "Catania", GeoUnit::ft) == Approx(545518.8700).epsilon(1e-5));
  CHECK(r.geodist("sicily", "Palermo", "Atlantis") == std::nullopt);

  CHECK(r.geohash("sicily", "Palermo", "Catania", "Atlantis") ==
        std::vector<std::optional<std::string>>{"sqc8b49rny0", "sqdtr74hyu0", std::nullopt});
  CHECK(r.geohash("sicily", {"Catania"}) == std::vector<std::optional<std::string>>{"sqdtr74hyu0"});

  r.set("text", "v");
  CHECK_THROWS_AS(r.geopos("text", "a"), redispp::WrongTypeError);
}

TEST_CASE("geosearch: radius and box, order, count, with dist / hash / coord", "[commands][geo]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  add_sicily(r);

  // Plain members only: nothing else is filled in.
  const auto near = r.geosearch("sicily", {.from_lonlat = GeoPosition{15, 37}, .by_radius = 100, .unit = GeoUnit::km});
  CHECK(near == std::vector<GeoLocation>{{"Catania", std::nullopt, std::nullopt, std::nullopt}});

  const auto full = r.geosearch("sicily", {.from_lonlat = GeoPosition{15, 37}, .by_radius = 200, .unit = GeoUnit::km,
                                           .asc = true, .withcoord = true, .withdist = true, .withhash = true});
  REQUIRE(full.size() == 2);
  CHECK(full[0].member == "Catania");
  REQUIRE(full[0].dist);
  CHECK(*full[0].dist == Approx(56.4413).epsilon(1e-6));
  CHECK(full[0].hash == 3479447370796909LL);
  REQUIRE(full[0].coordinates);
  CHECK(full[0].coordinates->longitude == Approx(15.087269).epsilon(1e-6));
  CHECK(full[1].member == "Palermo");
  CHECK(*full[1].dist == Approx(190.4424).epsilon(1e-6));

  const auto desc = r.geosearch("sicily", {.from_lonlat = GeoPosition{15, 37}, .by_radius = 200, .unit = GeoUnit::km,
                                           .desc = true, .withdist = true});
  CHECK(members(desc) == std::vector<std::string>{"Palermo", "Catania"});
  CHECK_FALSE(desc[0].hash);
  CHECK_FALSE(desc[0].coordinates);

  const auto one = r.geosearch("sicily", {.from_member = "Palermo", .by_radius = 500, .unit = GeoUnit::km,
                                          .asc = true, .count = 1});
  CHECK(members(one) == std::vector<std::string>{"Palermo"});
  const auto box = r.geosearch("sicily", {.from_lonlat = GeoPosition{14, 37.8}, .by_box = redispp::GeoBox{400, 400},
                                          .unit = GeoUnit::km, .asc = true, .withhash = true});
  CHECK(members(box).size() == 2);
  CHECK(box[0].hash.has_value());
  CHECK(r.geosearch("sicily", {.from_lonlat = GeoPosition{0, 0}, .by_radius = 1}).empty());

  // Options checked before anything is sent.
  CHECK_THROWS_AS(r.geosearch("sicily", {.by_radius = 1}), redispp::DataError);
  CHECK_THROWS_AS(r.geosearch("sicily", {.from_member = "Palermo"}), redispp::DataError);
  CHECK_THROWS_AS(r.geosearch("sicily", {.from_member = "Palermo", .by_radius = 1, .asc = true, .desc = true}),
                  redispp::DataError);
  CHECK_THROWS_AS(r.geosearch("sicily", {.from_member = "Atlantis", .by_radius = 1}), redispp::ResponseError);

  // GEOSEARCHSTORE: a sorted set of geohashes, or of distances with storedist.
  CHECK(r.geosearchstore("near", "sicily", {.from_lonlat = GeoPosition{15, 37}, .by_radius = 200, .unit = GeoUnit::km}) == 2);
  CHECK(r.geopos("near", "Catania").front().has_value());
  CHECK(r.geosearchstore("dists", "sicily",
                         {.from_lonlat = GeoPosition{15, 37}, .by_radius = 100, .unit = GeoUnit::km}, true) == 1);
  // With storedist the scores are the distances, in the search's unit.
  CHECK(redispp::convert<double>(r.execute_command("ZSCORE", "dists", "Catania")) == Approx(56.4413).epsilon(1e-6));
}

TEST_CASE("georadius, georadiusbymember and their _ro and store forms", "[commands][geo]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  add_sicily(r);

  const auto found = r.georadius("sicily", 15, 37, 200, GeoUnit::km, {.withdist = true, .asc = true});
  REQUIRE(found.size() == 2);
  CHECK(found[0].member == "Catania");
  CHECK(*found[0].dist == Approx(56.4413).epsilon(1e-6));
  CHECK(members(r.georadius_ro("sicily", 15, 37, 100, GeoUnit::km)) == std::vector<std::string>{"Catania"});
  const auto with_coord = r.georadius_ro("sicily", 15, 37, 100, GeoUnit::km, {.withcoord = true});
  REQUIRE(with_coord.size() == 1);
  CHECK(with_coord[0].coordinates->latitude == Approx(37.502669).epsilon(1e-6));

  const auto by_member = r.georadiusbymember("sicily", "Palermo", 200, GeoUnit::km, {.withdist = true, .desc = true});
  CHECK(members(by_member) == std::vector<std::string>{"Catania", "Palermo"});
  CHECK(*by_member[1].dist == Approx(0.0).margin(1e-6));
  CHECK(members(r.georadiusbymember_ro("sicily", "Palermo", 10, GeoUnit::km)) == std::vector<std::string>{"Palermo"});
  CHECK(r.georadiusbymember_ro("sicily", "Palermo", 500, GeoUnit::km, {.count = 1, .any = true}).size() == 1);
  CHECK_THROWS_AS(r.georadius("sicily", 15, 37, 200, GeoUnit::km, {.any = true}), redispp::DataError);

  CHECK(r.georadius_store("sicily", 15, 37, 200, GeoUnit::km, "stored") == 2);
  CHECK(r.geohash("stored", "Palermo").front() == "sqc8b49rny0");
  CHECK(r.georadiusbymember_store("sicily", "Palermo", 10, GeoUnit::km, "stored2", {}, true) == 1);
  // An empty result stores nothing.
  CHECK(r.georadius_store("sicily", 0, 0, 1, GeoUnit::m, "empty") == 0);
}

TEST_CASE("geo commands in a pipeline", "[commands][geo][pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r = redispp::test::fresh_client(config, test_db);
  auto p = r.pipeline();
  p.geoadd("sicily", {{13.361389, 38.115556, "Palermo"}, {15.087269, 37.502669, "Catania"}})
      .geodist("sicily", "Palermo", "Catania", GeoUnit::km)
      .geopos("sicily", "Catania", "nobody")
      .geosearch("sicily", {.from_member = "Catania", .by_radius = 1, .unit = GeoUnit::km, .withdist = true});
  const auto res = p.execute();
  REQUIRE(res.size() == 4);
  CHECK(res.get<long long>(0) == 2);
  CHECK(*res.get<std::optional<double>>(1) == Approx(166.2742).epsilon(1e-6));
  const auto positions = res.get<std::vector<std::optional<GeoPosition>>>(2);
  REQUIRE(positions.size() == 2);
  CHECK(positions[0]->latitude == Approx(37.502669).epsilon(1e-6));
  CHECK(positions[1] == std::nullopt);
  const auto found = res.get<std::vector<GeoLocation>>(3);
  REQUIRE(found.size() == 1);
  CHECK(found[0].member == "Catania");
  CHECK(*found[0].dist == Approx(0.0).margin(1e-6));
}
