#include "support/catch.hpp"

#include <array>
#include <limits>
#include <map>
#include <span>
#include <string>
#include <vector>

#include <redispp/errors.hpp>
#include <redispp/protocol/encoder.hpp>

namespace geo {
struct Point {
  int x, y;
};
// The ADL customisation point: a Point may now be passed wherever an argument is taken.
std::string redispp_to_bulk(const Point& p) { return std::to_string(p.x) + "," + std::to_string(p.y); }
}  // namespace geo

namespace {
template <class... Args>
std::string encode(const Args&... args) {
  std::string out;
  redispp::encode_command(out, args...);
  return out;
}
}  // namespace

TEST_CASE("encoder writes a RESP array of bulk strings", "[encoder]") {
  CHECK(encode("PING") == "*1\r\n$4\r\nPING\r\n");
  CHECK(encode("SET", "key", "value") == "*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n");
  CHECK(encode("SET", std::string("k"), std::string_view("")) == "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$0\r\n\r\n");
}

TEST_CASE("encoder is binary-safe", "[encoder]") {
  const std::string binary("a\0b\r\n\xff", 6);
  CHECK(encode("SET", binary, "v") == std::string("*3\r\n$3\r\nSET\r\n$6\r\na\0b\r\n\xff\r\n$1\r\nv\r\n", 32));
}

TEST_CASE("encoder formats integers and floating point", "[encoder]") {
  CHECK(encode("INCRBY", "n", 42) == "*3\r\n$6\r\nINCRBY\r\n$1\r\nn\r\n$2\r\n42\r\n");
  CHECK(encode(-7LL) == "*1\r\n$2\r\n-7\r\n");
  CHECK(encode(std::numeric_limits<long long>::min()) == "*1\r\n$20\r\n-9223372036854775808\r\n");
  CHECK(encode(std::numeric_limits<unsigned long long>::max()) == "*1\r\n$20\r\n18446744073709551615\r\n");
  CHECK(encode(1.5) == "*1\r\n$3\r\n1.5\r\n");
  CHECK(encode(0.1) == "*1\r\n$3\r\n0.1\r\n");  // shortest form that reads back the same
  CHECK(encode(1e300) == "*1\r\n$6\r\n1e+300\r\n");
  CHECK(encode(3.0f) == "*1\r\n$1\r\n3\r\n");
  CHECK(encode(std::numeric_limits<double>::infinity()) == "*1\r\n$3\r\ninf\r\n");
  CHECK(encode(-std::numeric_limits<double>::infinity()) == "*1\r\n$4\r\n-inf\r\n");
  CHECK_THROWS_AS(encode(std::numeric_limits<double>::quiet_NaN()), redispp::DataError);
}

TEST_CASE("encoder expands ranges and pairs in place", "[encoder]") {
  const std::vector<std::string> keys{"a", "b"};
  CHECK(encode("DEL", keys) == "*3\r\n$3\r\nDEL\r\n$1\r\na\r\n$1\r\nb\r\n");
  const std::array<int, 2> numbers{1, 22};
  CHECK(encode("RPUSH", "l", numbers) == "*4\r\n$5\r\nRPUSH\r\n$1\r\nl\r\n$1\r\n1\r\n$2\r\n22\r\n");
  const std::map<std::string, double> scores{{"m", 2.5}};
  CHECK(encode("ZADD", "z", scores) == "*4\r\n$4\r\nZADD\r\n$1\r\nz\r\n$1\r\nm\r\n$3\r\n2.5\r\n");
  CHECK(encode("X", std::pair<std::string_view, int>{"f", 1}) == "*3\r\n$1\r\nX\r\n$1\r\nf\r\n$1\r\n1\r\n");
  const std::vector<std::string> empty;
  CHECK(encode("DEL", empty) == "*1\r\n$3\r\nDEL\r\n");
  CHECK(encode("DEL", std::span<const std::string>(keys)) == encode("DEL", keys));
}

TEST_CASE("encoder takes user types through redispp_to_bulk", "[encoder]") {
  CHECK(encode("SET", "p", geo::Point{3, -4}) == "*3\r\n$3\r\nSET\r\n$1\r\np\r\n$4\r\n3,-4\r\n");
  const std::vector<geo::Point> points{{1, 2}, {3, 4}};
  CHECK(encode("RPUSH", "l", points) == "*4\r\n$5\r\nRPUSH\r\n$1\r\nl\r\n$3\r\n1,2\r\n$3\r\n3,4\r\n");
}

TEST_CASE("encoder appends to what the buffer holds", "[encoder]") {
  std::string out = "*1\r\n$5\r\nMULTI\r\n";
  redispp::encode_command(out, "GET", "k");
  CHECK(out == "*1\r\n$5\r\nMULTI\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n");
}

TEST_CASE("ArgumentWriter counts arguments added at run time", "[encoder]") {
  redispp::ArgumentWriter w("SET", "k", "v");
  w.add("EX", 10).add_if(false, "NX").add_if(true, "XX");
  CHECK(w.count() == 6);
  const auto encoded = std::move(w).finish();
  CHECK(encoded.wire() == encode("SET", "k", "v", "EX", 10, "XX"));

  // A count of ten or more needs a two-digit header: the room kept in front must fit it.
  redispp::ArgumentWriter many("DEL");
  for (int i = 0; i < 11; ++i) many.add(i);
  CHECK(std::move(many).finish().wire().substr(0, 5) == "*12\r\n");
}

TEST_CASE("encoder writes every length of bulk string right", "[encoder]") {
  // The bulk writer has shortcuts for lengths under 10 and under 100 and copies of up to 16
  // bytes in pieces: each size up to 300 against the plain form.
  std::string text;
  for (std::size_t size = 0; size <= 300; ++size) {
    text.assign(size, 'a');
    for (std::size_t i = 0; i < size; ++i) text[i] = static_cast<char>('a' + i % 26);
    const std::string expected = "*2\r\n$3\r\nSET\r\n$" + std::to_string(size) + "\r\n" + text + "\r\n";
    CHECK(encode("SET", text) == expected);
    CHECK(redispp::ArgumentWriter("SET", text).finish().wire() == expected);
    redispp::ArgumentWriter added("SET");
    added.add(text);
    CHECK(std::move(added).finish().wire() == expected);
  }
}

TEST_CASE("encoder reads a char array up to its first NUL", "[encoder]") {
  // As std::string_view would: a name in a larger buffer is the name, not the buffer.
  char name[16] = "GET";
  CHECK(encode(name, "k") == "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n");
  CHECK(redispp::ArgumentWriter(name, "k").finish().wire() == "*2\r\n$3\r\nGET\r\n$1\r\nk\r\n");
}

TEST_CASE("ArgumentWriter's header holds any argument count", "[encoder]") {
  for (const int count : {1, 9, 10, 99, 100, 1000}) {
    redispp::ArgumentWriter w("DEL");
    for (int i = 1; i < count; ++i) w.add(i);
    const std::string header = "*" + std::to_string(count) + "\r\n$3\r\nDEL\r\n";
    CHECK(std::move(w).finish().wire().substr(0, header.size()) == header);
  }
}

TEST_CASE("the longest numbers fit the room measured for them", "[encoder]") {
  // Numbers are measured by an upper bound and written into that room unchecked: the longest
  // texts of each type (ASan would see one overrun), beside other arguments.
  const long double big = -std::numeric_limits<long double>::max();
  const std::string text(redispp::detail::ArgumentText(big).view());  // copied while the digits live
  CHECK(text.size() > 24);  // longer than a double's longest
  using redispp::detail::ArgumentText;
  CHECK(text.size() <= ArgumentText::max_number_size);
  CHECK(ArgumentText(std::numeric_limits<long long>::min()).view().size() <= ArgumentText::max_number_size);
  CHECK(ArgumentText(-std::numeric_limits<double>::max()).view().size() <= ArgumentText::max_number_size);
  const auto encoded = redispp::ArgumentWriter("SET", "k", big, std::numeric_limits<long long>::min(),
                                               -std::numeric_limits<double>::denorm_min())
                           .finish();
  const std::string_view wire = encoded.wire();
  CHECK(wire.substr(0, 4) == "*5\r\n");
  CHECK(wire.find("$" + std::to_string(text.size()) + "\r\n" + text + "\r\n") != std::string_view::npos);
  CHECK(wire.find("$20\r\n-9223372036854775808\r\n") != std::string_view::npos);
}
