// Publishing commands against a real server, in every parser x protocol configuration.
// Database 17 (pub/sub itself ignores databases: channel names carry a prefix of this file's own).
// A subscriber is a raw RESP2 Connection here, since subscribing is the PubSub object's job.
#include "support/catch.hpp"

#include <algorithm>

#include <redispp/redispp.hpp>
#include <redispp/transport/connection.hpp>

#include "support/client_matrix.hpp"

using namespace std::chrono_literals;
using redispp::Reply;
using redispp::test::plain_options;

namespace {
constexpr int test_db = 17;

/// A connection subscribed with `command` (SUBSCRIBE, PSUBSCRIBE, SSUBSCRIBE) to `targets`.
class Subscriber {
 public:
  Subscriber(const redispp::test::ClientConfig& config, std::string_view command,
             std::vector<std::string> targets)
      : connection_([&] {
          auto options = plain_options(config, test_db);
          options.protocol = 2;  // messages as replies, not pushes
          return options;
        }()) {
    std::string wire;
    redispp::encode_command(wire, command, targets);
    connection_.send(wire);
    for (std::size_t i = 0; i < targets.size(); ++i) REQUIRE(connection_.read_reply().is_aggregate());
    unsubscribe_ = command == "SUBSCRIBE" ? "UNSUBSCRIBE" : std::string(command.substr(0, 1)) + "UN" + std::string(command.substr(1));
  }
  // Unsubscribes and waits for the acknowledgement, so the next test never sees this
  // subscriber's channels (closing the socket alone would leave that to a race).
  ~Subscriber() {
    try {
      std::string wire;
      redispp::encode_command(wire, unsubscribe_);
      connection_.send(wire);
      for (;;) {
        const Reply ack = connection_.read_reply();
        if (!ack.is_aggregate() || ack.elements().back().integer() == 0) break;
      }
    } catch (const redispp::Error&) {
    }
  }
  Subscriber(const Subscriber&) = delete;
  Subscriber& operator=(const Subscriber&) = delete;
  /// The next message's elements as text: kind, (pattern,) channel, payload.
  std::vector<std::string> next_message() {
    Reply message = connection_.read_reply();
    return redispp::convert<std::vector<std::string>>(std::move(message));
  }

 private:
  redispp::Connection connection_;
  std::string unsubscribe_;
};

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}
}  // namespace

TEST_CASE("publish reaches subscribers; pubsub channels, numsub, numpat", "[commands][pubsub]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{plain_options(config, test_db)};

  CHECK(r.publish("redispp-pubsub:nobody", "lost") == 0);
  const long long patterns_before = r.pubsub_numpat();

  Subscriber one(config, "SUBSCRIBE", {"redispp-pubsub:news", "redispp-pubsub:sport"});
  Subscriber two(config, "SUBSCRIBE", {"redispp-pubsub:news"});
  Subscriber pattern(config, "PSUBSCRIBE", {"redispp-pubsub:n*"});

  CHECK(r.publish("redispp-pubsub:news", "hello") == 3);
  CHECK(one.next_message() == std::vector<std::string>{"message", "redispp-pubsub:news", "hello"});
  CHECK(two.next_message() == std::vector<std::string>{"message", "redispp-pubsub:news", "hello"});
  CHECK(pattern.next_message() ==
        std::vector<std::string>{"pmessage", "redispp-pubsub:n*", "redispp-pubsub:news", "hello"});
  // Binary payloads and numbers as messages.
  const std::string binary("a\0b\r\n", 5);
  CHECK(r.publish("redispp-pubsub:sport", binary) == 1);
  CHECK(one.next_message().back() == binary);
  CHECK(r.publish("redispp-pubsub:sport", 42) == 1);
  CHECK(one.next_message().back() == "42");

  const std::vector<std::string> channels = r.pubsub_channels("redispp-pubsub:*");
  CHECK(channels.size() == 2);
  CHECK(contains(channels, "redispp-pubsub:news"));
  CHECK(contains(channels, "redispp-pubsub:sport"));
  CHECK(contains(r.pubsub_channels(), "redispp-pubsub:news"));
  CHECK(r.pubsub_channels("redispp-pubsub:s*") == std::vector<std::string>{"redispp-pubsub:sport"});

  CHECK(r.pubsub_numsub("redispp-pubsub:news", "redispp-pubsub:sport", "redispp-pubsub:none") ==
        std::vector<std::pair<std::string, long long>>{
            {"redispp-pubsub:news", 2}, {"redispp-pubsub:sport", 1}, {"redispp-pubsub:none", 0}});
  CHECK(r.pubsub_numsub({"redispp-pubsub:news"}) ==
        std::vector<std::pair<std::string, long long>>{{"redispp-pubsub:news", 2}});
  CHECK(r.pubsub_numsub().empty());
  CHECK(r.pubsub_numpat() == patterns_before + 1);

  const std::vector<std::string> help = r.pubsub_help();
  REQUIRE_FALSE(help.empty());
  CHECK(help.front().find("PUBSUB") != std::string::npos);
}

TEST_CASE("spublish and the shard channel introspection", "[commands][pubsub]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{plain_options(config, test_db)};
  CHECK(r.spublish("redispp-pubsub:shard-nobody", "lost") == 0);

  Subscriber shard(config, "SSUBSCRIBE", {"redispp-pubsub:shard"});
  CHECK(r.spublish("redispp-pubsub:shard", "hi") == 1);
  CHECK(shard.next_message() == std::vector<std::string>{"smessage", "redispp-pubsub:shard", "hi"});
  CHECK(r.pubsub_shardchannels("redispp-pubsub:*") == std::vector<std::string>{"redispp-pubsub:shard"});
  CHECK(contains(r.pubsub_shardchannels(), "redispp-pubsub:shard"));
  CHECK(r.pubsub_shardnumsub("redispp-pubsub:shard", "redispp-pubsub:other") ==
        std::vector<std::pair<std::string, long long>>{{"redispp-pubsub:shard", 1}, {"redispp-pubsub:other", 0}});
  CHECK(r.pubsub_shardnumsub({"redispp-pubsub:other"}) ==
        std::vector<std::pair<std::string, long long>>{{"redispp-pubsub:other", 0}});
}

TEST_CASE("unsubscribe on a connection that subscribed to nothing", "[commands][pubsub]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  auto options = plain_options(config, test_db);
  // RESP3 acknowledges with a push frame, RESP2 with an array: the same elements either way.
  redispp::Redis r{options};
  const Reply all = r.unsubscribe();
  CHECK(all.type() == (config.protocol == 3 ? redispp::ReplyType::push : redispp::ReplyType::array));
  REQUIRE(all.elements().size() == 3);
  CHECK(all.elements()[0].str() == "unsubscribe");
  CHECK(all.elements()[1].is_nil());
  CHECK(all.elements()[2] == Reply::integer(0));
  CHECK(r.unsubscribe("redispp-pubsub:a").elements()[1].str() == "redispp-pubsub:a");
  CHECK(r.unsubscribe({"redispp-pubsub:b"}).elements()[0].str() == "unsubscribe");
  const Reply pattern = r.punsubscribe("redispp-pubsub:*");
  CHECK(pattern.elements()[0].str() == "punsubscribe");
  CHECK(pattern.elements()[1].str() == "redispp-pubsub:*");
  CHECK(r.punsubscribe().elements()[2] == Reply::integer(0));
  CHECK(r.sunsubscribe().elements()[0].str() == "sunsubscribe");
  CHECK(r.sunsubscribe({"redispp-pubsub:s"}).elements()[1].str() == "redispp-pubsub:s");
}

TEST_CASE("publishing commands in a pipeline", "[commands][pubsub][pipeline]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{plain_options(config, test_db)};
  Subscriber sub(config, "SUBSCRIBE", {"redispp-pubsub:piped"});
  auto p = r.pipeline();
  p.publish("redispp-pubsub:piped", "one")
      .publish("redispp-pubsub:piped", "two")
      .pubsub_numsub("redispp-pubsub:piped")
      .pubsub_channels("redispp-pubsub:pip*");
  const auto res = p.execute();
  REQUIRE(res.size() == 4);
  CHECK(res.get<long long>(0) == 1);
  CHECK(res.get<long long>(1) == 1);
  CHECK(res.get<std::vector<std::pair<std::string, long long>>>(2) ==
        std::vector<std::pair<std::string, long long>>{{"redispp-pubsub:piped", 1}});
  CHECK(res.get<std::vector<std::string>>(3) == std::vector<std::string>{"redispp-pubsub:piped"});
  CHECK(sub.next_message().back() == "one");
  CHECK(sub.next_message().back() == "two");
}
