// A RESP3 conversation with a real redis-server through the hiredis parser: the HELLO 3
// handshake, then one reply of each RESP3 type Redis sends to an ordinary client (map, set,
// double, boolean, verbatim string, null), and replies crossed by a push. Run by scripts/hiredis_compat.sh against each
// hiredis it builds; exits 1 naming the first reply that is not what RESP3 promises.
//
//   resp3_round_trip <host> <port>

#include <cstdio>     // std::fprintf
#include <cstdlib>    // std::atoi, EXIT_FAILURE
#include <exception>  // std::exception
#include <string>     // std::string

#include <fmt/format.h>

#include <redispp/redispp.hpp>
#include <redispp/protocol/hiredis_parser.hpp>  // HiredisParser::hiredis_version

namespace {

int failures = 0;

void expect(bool ok, const std::string& what, const redispp::Reply& reply) {
  fmt::print("{} {}: {}\n", ok ? "ok  " : "FAIL", what, reply);
  if (!ok) ++failures;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: resp3_round_trip <host> <port>\n");
    return 2;
  }
  using redispp::ReplyType;
  try {
    redispp::ConnectionOptions options;
    options.host = argv[1];
    options.port = std::atoi(argv[2]);
    options.protocol = 3;
    options.parser = redispp::ParserKind::hiredis;
    fmt::print("hiredis {}, RESP3, redis-server at {}:{}\n", redispp::HiredisParser::hiredis_version(), options.host,
               options.port);
    redispp::Redis r{options};

    const std::string key = "redispp:hiredis_compat";
    r.execute_command("DEL", key + ":h", key + ":s", key + ":z", key + ":k");
    expect(r.set(key + ":k", "hello"), "SET", redispp::Reply::simple_string("OK"));
    const auto value = r.get(key + ":k");
    expect(value == "hello", "GET", redispp::Reply::bulk_string(value.value_or("(nil)")));

    r.execute_command("HSET", key + ":h", "f1", "v1", "f2", "v2");
    const redispp::Reply map = r.execute_command("HGETALL", key + ":h");
    expect(map.type() == ReplyType::map && map.elements().size() == 4, "HGETALL is a map", map);

    r.execute_command("SADD", key + ":s", "a", "b");
    const redispp::Reply set = r.execute_command("SMEMBERS", key + ":s");
    expect(set.type() == ReplyType::set && set.elements().size() == 2, "SMEMBERS is a set", set);

    r.execute_command("ZADD", key + ":z", "2.5", "m");
    const redispp::Reply score = r.execute_command("ZSCORE", key + ":z", "m");
    expect(score.type() == ReplyType::double_ && score.dbl() == 2.5, "ZSCORE is a double", score);

    const redispp::Reply boolean = r.execute_command("EVAL", "redis.setresp(3); return true", "0");
    expect(boolean.type() == ReplyType::boolean && boolean.boolean(), "a script's true is a boolean", boolean);

    const redispp::Reply info = r.execute_command("CLIENT", "INFO");
    expect(info.type() == ReplyType::verbatim && info.verbatim_format() == "txt" && info.str().find("id=") == 0,
           "CLIENT INFO is a verbatim string", info);

    const redispp::Reply null = r.execute_command("GET", key + ":missing");
    expect(null.type() == ReplyType::nil, "GET of a missing key is null", null);

    // A push: with client-side caching on, a change to a key this connection has read sends it
    // an invalidation message among the replies. One pipeline keeps all of it on one connection;
    // every reply must still be the one its command asked for.
    auto pipe = r.pipeline(false);
    pipe.execute_command("CLIENT", "TRACKING", "ON")
        .execute_command("GET", key + ":k")
        .execute_command("SET", key + ":k", "changed")
        .execute_command("GET", key + ":k")
        .execute_command("PING");
    const redispp::PipelineResults results = pipe.execute();
    expect(results.size() == 5, "a pipeline crossed by an invalidation push: 5 replies",
           redispp::Reply::integer(static_cast<long long>(results.size())));
    if (results.size() == 5) {
      expect(results.reply(1) == redispp::Reply::bulk_string("hello"), "  GET before the change", results.reply(1));
      expect(results.reply(2).type() == ReplyType::simple_string, "  SET", results.reply(2));
      expect(results.reply(3) == redispp::Reply::bulk_string("changed"), "  GET after the change", results.reply(3));
      expect(results.reply(4) == redispp::Reply::simple_string("PONG"), "  PING", results.reply(4));
    }

    r.execute_command("DEL", key + ":h", key + ":s", key + ":z", key + ":k");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "resp3_round_trip: %s\n", e.what());
    return 1;
  }
  if (failures != 0) {
    std::fprintf(stderr, "resp3_round_trip: %d replies were not what RESP3 promises\n", failures);
    return 1;
  }
  fmt::print("resp3_round_trip: every reply as expected\n");
  return 0;
}
