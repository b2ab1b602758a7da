#include "other_tu.hpp"

#include <redispp/redispp.hpp>

long long other_tu_parse_integer(std::string_view wire) {
  auto parser = redispp::make_parser(redispp::ParserKind::builtin);
  parser->feed(wire);
  auto reply = parser->next();
  return reply ? reply->integer() : -1;
}
