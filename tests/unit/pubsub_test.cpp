// decode_message without a socket: every frame a subscribed connection receives, in RESP2
// (arrays) and RESP3 (push frames), and frames of the wrong shape.
#include "support/catch.hpp"
#include "support/resp_text.hpp"

#include <string>

#include <redispp/errors.hpp>
#include <redispp/pubsub.hpp>

using redispp::Message;
using redispp::MessageType;
using redispp::test::parse_replies;
using Catch::Contains;

namespace {
Message decode(std::string_view wire) {
  auto replies = parse_replies(wire);
  REQUIRE(replies.size() == 1);
  return redispp::decode_message(std::move(replies.front()));
}
// The same frame as a RESP2 array and as a RESP3 push: `body` is what follows "*n" / ">n".
Message decode_both(std::string_view count_and_body) {
  const Message as_array = decode("*" + std::string(count_and_body));
  const Message as_push = decode(">" + std::string(count_and_body));
  CHECK(as_array == as_push);
  return as_array;
}

// The message of the ProtocolError that `input` raises ("no ProtocolError" when none).
std::string protocol_error(std::string_view input) {
  try {
    decode(input);
  } catch (const redispp::ProtocolError& e) {
    return e.what();
  }
  return "no ProtocolError";
}
}  // namespace

TEST_CASE("messages of every kind decode alike from arrays and push frames", "[pubsub]") {
  Message m = decode_both("3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$5\r\nhello\r\n");
  CHECK(m.type == MessageType::message);
  CHECK(m.channel == "news");
  CHECK(m.data == "hello");
  CHECK_FALSE(m.pattern);

  m = decode_both("4\r\n$8\r\npmessage\r\n$6\r\nuser.*\r\n$6\r\nuser.1\r\n$2\r\nhi\r\n");
  CHECK(m.type == MessageType::pmessage);
  CHECK(m.pattern == "user.*");
  CHECK(m.channel == "user.1");
  CHECK(m.data == "hi");

  m = decode_both("3\r\n$8\r\nsmessage\r\n$5\r\nshard\r\n$1\r\nx\r\n");
  CHECK(m.type == MessageType::smessage);
  CHECK(m.channel == "shard");
  CHECK(m.data == "x");

  const std::pair<std::string_view, MessageType> acks[] = {
      {"subscribe", MessageType::subscribe},       {"unsubscribe", MessageType::unsubscribe},
      {"psubscribe", MessageType::psubscribe},     {"punsubscribe", MessageType::punsubscribe},
      {"ssubscribe", MessageType::ssubscribe},     {"sunsubscribe", MessageType::sunsubscribe},
  };
  for (const auto& [kind, type] : acks) {
    INFO(kind);
    m = decode_both("3\r\n$" + std::to_string(kind.size()) + "\r\n" + std::string(kind) + "\r\n$1\r\nc\r\n:12\r\n");
    CHECK(m.type == type);
    CHECK(m.channel == "c");
    CHECK(m.data == "12");  // the subscription count, in decimal
    CHECK(redispp::to_string(type) == kind);
  }
  // Unsubscribing from nothing: the channel is nil.
  m = decode_both("3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n");
  CHECK(m.type == MessageType::unsubscribe);
  CHECK(m.channel.empty());
  CHECK(m.data == "0");
}

TEST_CASE("binary payloads survive decoding", "[pubsub]") {
  using namespace std::string_literals;  // "..."s keeps the NUL bytes
  const std::string payload = "a\0b\r\n*1\r\n$"s;
  const std::string wire = "3\r\n$7\r\nmessage\r\n$3\r\nc\0d\r\n$"s + std::to_string(payload.size()) + "\r\n" + payload + "\r\n";
  const Message m = decode_both(wire);
  CHECK(m.channel == std::string("c\0d", 3));
  CHECK(m.data == payload);
}

TEST_CASE("pongs: RESP2's [pong, data] array and RESP3's plain replies", "[pubsub]") {
  Message m = decode("*2\r\n$4\r\npong\r\n$0\r\n\r\n");
  CHECK(m.type == MessageType::pong);
  CHECK(m.data.empty());
  m = decode("*2\r\n$4\r\npong\r\n$2\r\nhi\r\n");
  CHECK(m.type == MessageType::pong);
  CHECK(m.data == "hi");
  m = decode("+PONG\r\n");  // PING without an argument (RESP3, or RESP2 when not subscribed)
  CHECK(m.type == MessageType::pong);
  CHECK(m.data.empty());
  m = decode("$4\r\nPONG\r\n");  // PING PONG: the argument comes back as a bulk string
  CHECK(m.type == MessageType::pong);
  CHECK(m.data == "PONG");
}

TEST_CASE("frames of the wrong shape are ProtocolErrors naming the problem", "[pubsub]") {
  CHECK_THAT(protocol_error(":1\r\n"), Contains("integer"));
  CHECK_THAT(protocol_error("+OK\r\n"), Contains("not a message"));
  CHECK_THAT(protocol_error("*0\r\n"), Contains("no message kind"));
  CHECK_THAT(protocol_error("*1\r\n:1\r\n"), Contains("no message kind"));
  CHECK_THAT(protocol_error("*2\r\n$7\r\nmessage\r\n$1\r\nc\r\n"), Contains("2 elements, not 3"));
  CHECK_THAT(protocol_error("*3\r\n$7\r\nmessage\r\n$1\r\nc\r\n:5\r\n"), Contains("not a string"));
  CHECK_THAT(protocol_error("*3\r\n$9\r\nsubscribe\r\n$1\r\nc\r\n$1\r\n1\r\n"), Contains("no subscription count"));
  CHECK_THAT(protocol_error(">3\r\n$10\r\ninvalidate\r\n$1\r\nc\r\n:1\r\n"), Contains("unknown message kind"));
  CHECK_THAT(protocol_error("-ERR no\r\n"), Contains("error"));
}
