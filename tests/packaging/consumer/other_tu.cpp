#include "other_tu.hpp"

#include <redispp/redispp.hpp>

long long other_tu_parse_integer(std::string_view wire) {
  auto parser = redispp::make_parser(redispp::ParserKind::builtin);
  parser->feed(wire);
  auto reply = parser->next();
  return reply ? reply->integer() : -1;
}

bool other_tu_fails_to_connect(redispp::Redis& redis) {
  try {
    redis.ping();
    return false;
  } catch (const redispp::ConnectionError&) {
    return true;
  }
}
