// ScriptArgs: a braced list of mixed values (text, numbers, user types), or a range, encoded as
// the encoder encodes each argument; and usable wherever an Argument is taken.
#include "support/catch.hpp"

#include <map>
#include <string>
#include <vector>

#include <redispp/commands/script_args.hpp>
#include <redispp/commands/scripting.hpp>
#include <redispp/errors.hpp>
#include <redispp/protocol/encoder.hpp>

#include "support/resp_text.hpp"  // redispp::test::wire

using redispp::test::wire;

namespace shapes {
struct Point {
  int x, y;
};
std::string redispp_to_bulk(const Point& p) { return std::to_string(p.x) + ":" + std::to_string(p.y); }
}  // namespace shapes

namespace {
std::vector<std::string> values(const redispp::ScriptArgs& args) { return {args.begin(), args.end()}; }
}  // namespace

static_assert(redispp::Argument<redispp::ScriptArgs>);

TEST_CASE("ScriptArgs: mixed text, numbers and user types in one braced list", "[commands][script_args]") {
  const std::string owned = "owned";
  const redispp::ScriptArgs args{"a", 2, 3.5, owned, std::string_view("view"), -7LL, 0.1, shapes::Point{1, -2}};
  CHECK(values(args) == std::vector<std::string>{"a", "2", "3.5", "owned", "view", "-7", "0.1", "1:-2"});
  CHECK(args.size() == 8);
  CHECK(redispp::ScriptArgs{}.empty());
  CHECK(values(redispp::ScriptArgs{5}) == std::vector<std::string>{"5"});
}

TEST_CASE("ScriptArgs: numbers are written as the encoder writes them", "[commands][script_args]") {
  CHECK(values({1e300, -0.0, 1.0 / 3}) ==
        std::vector<std::string>{"1e+300", "-0", "0.3333333333333333"});
  CHECK(values({std::numeric_limits<double>::infinity()}) == std::vector<std::string>{"inf"});
  CHECK_THROWS_AS(redispp::ScriptArgs({std::numeric_limits<double>::quiet_NaN()}), redispp::DataError);
  CHECK(values({std::numeric_limits<unsigned long long>::max()}) == std::vector<std::string>{"18446744073709551615"});
}

TEST_CASE("ScriptArgs: binary values survive", "[commands][script_args]") {
  const std::string binary("a\0b\r\n", 5);
  CHECK(redispp::ScriptArgs{binary}[0] == binary);
}

TEST_CASE("ScriptArgs: from ranges and maps, expanded as the encoder expands them", "[commands][script_args]") {
  CHECK(values(std::vector<int>{1, 2, 3}) == std::vector<std::string>{"1", "2", "3"});
  CHECK(values(std::vector<shapes::Point>{{1, 2}, {3, 4}}) == std::vector<std::string>{"1:2", "3:4"});
  CHECK(values(std::map<std::string, int>{{"a", 1}, {"b", 2}}) == std::vector<std::string>{"a", "1", "b", "2"});
}

TEST_CASE("ScriptArgs: the values outlive what they were made from", "[commands][script_args]") {
  redispp::ScriptArgs args;
  {
    std::string temporary(100, 'x');
    args = redispp::ScriptArgs{temporary, 1};
    temporary.assign(100, 'y');
  }
  CHECK(args[0] == std::string(100, 'x'));
}

TEST_CASE("ScriptArgs as EVAL's keys and arguments: numkeys counts the keys", "[commands][script_args]") {
  const auto command = redispp::cmd::eval<long long>("return 1", redispp::ScriptArgs{"k1", "k2"}, redispp::ScriptArgs{5, "x"});
  CHECK(command.wire() == wire("EVAL", "return 1", 2, "k1", "k2", 5, "x"));
  CHECK(command.keys() == std::vector<std::string_view>{"k1", "k2"});
}
