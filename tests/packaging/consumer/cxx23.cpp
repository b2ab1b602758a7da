// A pkg-config consumer that builds as C++23: redispp.pc's Cflags come after the project's own
// -std=c++23 on the command line, so a -std= in them would quietly make this C++20 again.

#include <redispp/redispp.hpp>

static_assert(__cplusplus > 202002L, "redispp.pc's Cflags turned this C++23 build into C++20 or older");

int main() {
  auto parser = redispp::make_parser();
  parser->feed(":1\r\n");
  auto reply = parser->next();
  return reply && reply->integer() == 1 ? 0 : 1;
}
