// PubSub against real servers: every message type in both protocols with both parsers, binary
// payloads, ignore_subscribe_messages, handlers and the worker thread, giving the connection
// back, the health check, and reconnecting with re-subscription. Pub/sub is not per database:
// every channel here starts with "pubsub_test:<case>:" so that no other test's traffic counts;
// the one key written lives in database 32 of "plain".
#include "support/catch.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <ratio>
#include <string>
#include <thread>
#include <vector>

#include <redispp/redispp.hpp>

#include "support/client_matrix.hpp"
#include "support/redis_process.hpp"
#include "support/test_servers.hpp"

using namespace std::chrono_literals;
using redispp::Message;
using redispp::MessageType;

namespace {

// The next message within 2 s; fails the test when none comes.
Message next(redispp::PubSub& ps) {
  std::optional<Message> m = ps.get_message(2s);
  REQUIRE(m);
  return std::move(*m);
}

void expect(const Message& m, MessageType type, std::string_view channel, std::string_view data) {
  INFO("got " << redispp::to_string(m.type) << " " << m.channel << " " << m.data);
  CHECK(m.type == type);
  CHECK(m.channel == channel);
  CHECK(m.data == data);
}

// Collects what handlers receive, from whichever thread.
struct Inbox {
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<Message> messages;

  void add(const Message& m) {
    {
      std::lock_guard lock(mutex);
      messages.push_back(m);
    }
    changed.notify_all();
  }
  // Waits until `n` messages arrived (up to 5 s); returns how many there are.
  std::size_t wait_for(std::size_t n) {
    std::unique_lock lock(mutex);
    changed.wait_for(lock, 5s, [&] { return messages.size() >= n; });
    return messages.size();
  }
  std::vector<Message> copy() {
    std::lock_guard lock(mutex);
    return messages;
  }
};

}  // namespace

TEST_CASE("every message type, in every protocol and parser", "[pubsub]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{redispp::test::plain_options(config, 32)};
  const std::string p = "pubsub_test:types:" + config.label() + ":";
  redispp::PubSub ps = r.pubsub();
  CHECK_FALSE(ps.subscribed());

  ps.subscribe(p + "news", p + "alerts");
  ps.psubscribe(p + "user.*");
  ps.ssubscribe(p + "shard");
  expect(next(ps), MessageType::subscribe, p + "news", "1");
  expect(next(ps), MessageType::subscribe, p + "alerts", "2");
  expect(next(ps), MessageType::psubscribe, p + "user.*", "3");
  expect(next(ps), MessageType::ssubscribe, p + "shard", "1");
  CHECK(ps.subscribed());
  CHECK(ps.channels() == std::vector<std::string>{p + "alerts", p + "news"});
  CHECK(ps.patterns() == std::vector<std::string>{p + "user.*"});
  CHECK(ps.shard_channels() == std::vector<std::string>{p + "shard"});

  CHECK(r.publish(p + "news", "hello") == 1);
  CHECK(r.publish(p + "user.42", "hi there") == 1);
  CHECK(r.spublish(p + "shard", "sharded") == 1);
  expect(next(ps), MessageType::message, p + "news", "hello");
  const Message pm = next(ps);
  expect(pm, MessageType::pmessage, p + "user.42", "hi there");
  CHECK(pm.pattern == p + "user.*");
  expect(next(ps), MessageType::smessage, p + "shard", "sharded");

  ps.ping("are you there");
  expect(next(ps), MessageType::pong, "", "are you there");
  ps.ping();
  expect(next(ps), MessageType::pong, "", "");

  ps.unsubscribe(p + "news");
  expect(next(ps), MessageType::unsubscribe, p + "news", "2");
  ps.punsubscribe();
  expect(next(ps), MessageType::punsubscribe, p + "user.*", "1");
  ps.sunsubscribe();
  expect(next(ps), MessageType::sunsubscribe, p + "shard", "0");
  ps.unsubscribe();
  expect(next(ps), MessageType::unsubscribe, p + "alerts", "0");
  CHECK_FALSE(ps.subscribed());
  CHECK_FALSE(ps.get_message(0ms));  // nothing else came
}

TEST_CASE("binary channels and payloads arrive intact", "[pubsub]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{redispp::test::plain_options(config, 32)};
  using namespace std::string_literals;
  const std::string channel = "pubsub_test:binary:"s + config.label() + ":\0\r\n*1\r\n"s;
  std::string big(100 * 1024, '\0');
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 7 % 256);
  const std::vector<std::string> payloads{"\0"s, "a\r\nb"s, "$3\r\nfoo\r\n"s, ""s, big};

  redispp::PubSub ps = r.pubsub({.ignore_subscribe_messages = true});
  ps.subscribe(channel);
  ps.ping("ready");  // its pong comes after the acknowledgement, which is skipped
  expect(next(ps), MessageType::pong, "", "ready");
  for (const std::string& payload : payloads) CHECK(r.publish(channel, payload) == 1);
  for (const std::string& payload : payloads) {
    const Message m = next(ps);
    CHECK(m.type == MessageType::message);
    CHECK(m.channel == channel);
    CHECK(m.data == payload);
  }
}

TEST_CASE("ignore_subscribe_messages skips every acknowledgement", "[pubsub]") {
  redispp::Redis r{redispp::test::server("plain").options(32)};
  redispp::PubSub ps = r.pubsub({.ignore_subscribe_messages = true});
  ps.subscribe("pubsub_test:ignore:a");
  ps.psubscribe("pubsub_test:ignore:p*");
  ps.ping("synced");
  expect(next(ps), MessageType::pong, "", "synced");
  r.publish("pubsub_test:ignore:a", "one");
  expect(next(ps), MessageType::message, "pubsub_test:ignore:a", "one");
  ps.unsubscribe();
  ps.punsubscribe();
  CHECK_FALSE(ps.get_message(300ms));  // the two acknowledgements came and were skipped
}

TEST_CASE("get_message's time-outs", "[pubsub]") {
  redispp::Redis r{redispp::test::server("plain").options(32)};
  redispp::PubSub ps = r.pubsub();
  // Nothing subscribed: it waits out the time-out (no busy loop) and returns nothing.
  auto started = std::chrono::steady_clock::now();
  CHECK_FALSE(ps.get_message(200ms));
  CHECK(std::chrono::steady_clock::now() - started >= 200ms);
  CHECK_THROWS_AS(ps.get_message(-1ms), redispp::DataError);
  CHECK_THROWS_AS(ps.listen().begin(), redispp::PubSubError);

  ps.subscribe("pubsub_test:timeouts:a");
  expect(next(ps), MessageType::subscribe, "pubsub_test:timeouts:a", "1");
  CHECK_FALSE(ps.get_message(0ms));
  started = std::chrono::steady_clock::now();
  CHECK_FALSE(ps.get_message(300ms));
  const auto took = std::chrono::steady_clock::now() - started;
  CHECK(took >= 300ms);
  CHECK(took < 1s);
}

TEST_CASE("get_message with a time-out longer than the clock can count waits for the message", "[pubsub]") {
  redispp::Redis r{redispp::test::server("plain").options(32)};
  redispp::PubSub ps = r.pubsub();
  ps.subscribe("pubsub_test:forever:a");
  expect(next(ps), MessageType::subscribe, "pubsub_test:forever:a", "1");
  // milliseconds::max() and 300 years overflow steady_clock's nanoseconds when added to now():
  // the deadline must not wrap into the past (get_message returning at once, a loop spinning).
  using years = std::chrono::duration<long long, std::ratio<31556952>>;
  for (const std::chrono::milliseconds timeout :
       {std::chrono::milliseconds::max(), std::chrono::duration_cast<std::chrono::milliseconds>(years(300))}) {
    std::thread publisher([&r] {
      std::this_thread::sleep_for(200ms);
      r.publish("pubsub_test:forever:a", "late");
    });
    const auto started = std::chrono::steady_clock::now();
    const std::optional<Message> m = ps.get_message(timeout);
    const auto took = std::chrono::steady_clock::now() - started;
    publisher.join();
    REQUIRE(m);
    expect(*m, MessageType::message, "pubsub_test:forever:a", "late");
    CHECK(took >= 150ms);
  }
}

TEST_CASE("listen() ends after the last unsubscribe is acknowledged", "[pubsub]") {
  redispp::Redis r{redispp::test::server("plain").options(32)};
  redispp::PubSub ps = r.pubsub();
  ps.subscribe("pubsub_test:listen:a");
  expect(next(ps), MessageType::subscribe, "pubsub_test:listen:a", "1");
  for (int i = 0; i < 3; ++i) r.publish("pubsub_test:listen:a", std::to_string(i));
  std::vector<std::string> seen;
  for (const Message& m : ps.listen()) {
    seen.push_back(std::string(redispp::to_string(m.type)) + ":" + m.data);
    if (m.data == "2") ps.unsubscribe();
  }
  CHECK(seen == std::vector<std::string>{"message:0", "message:1", "message:2", "unsubscribe:0"});
}

TEST_CASE("handlers take their channel's messages; the others are returned", "[pubsub]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{redispp::test::plain_options(config, 32)};
  const std::string p = "pubsub_test:handlers:" + config.label() + ":";
  Inbox inbox;
  redispp::PubSub ps = r.pubsub({.ignore_subscribe_messages = true});
  ps.subscribe({{p + "handled", [&](const Message& m) { inbox.add(m); }}});
  ps.psubscribe({{p + "pat.*", [&](const Message& m) { inbox.add(m); }}});
  ps.subscribe(p + "plain");
  ps.ping("synced");
  expect(next(ps), MessageType::pong, "", "synced");

  r.publish(p + "handled", "h1");
  r.publish(p + "plain", "p1");
  r.publish(p + "pat.x", "pm");
  expect(next(ps), MessageType::message, p + "plain", "p1");  // h1 went to its handler on the way
  CHECK_FALSE(ps.get_message(200ms));                          // pm too
  const std::vector<Message> got = inbox.copy();
  REQUIRE(got.size() == 2);
  expect(got[0], MessageType::message, p + "handled", "h1");
  expect(got[1], MessageType::pmessage, p + "pat.x", "pm");
  CHECK(got[1].pattern == p + "pat.*");
}

TEST_CASE("run_in_thread: handlers on a worker, errors to on_error, subscriptions from another thread", "[pubsub]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::Redis r{redispp::test::plain_options(config, 32)};
  const std::string p = "pubsub_test:worker:" + config.label() + ":";
  Inbox inbox, errors_seen;
  std::atomic<int> errors{0};
  redispp::PubSub ps = r.pubsub();
  const auto handler = [&](const Message& m) {
    if (m.data == "boom") throw std::runtime_error("handler failed on boom");
    inbox.add(m);
  };
  ps.subscribe({{p + "a", handler}});

  // A subscription without a handler cannot run in a worker (its messages would vanish).
  redispp::PubSub lacking = r.pubsub();
  lacking.subscribe(p + "nobody");
  CHECK_THROWS_AS(lacking.run_in_thread([](std::exception_ptr) {}), redispp::PubSubError);

  redispp::PubSubWorker worker = ps.run_in_thread(
      [&](std::exception_ptr error) {
        try {
          std::rethrow_exception(error);
        } catch (const std::runtime_error& e) {
          errors_seen.add(Message{MessageType::message, "", e.what(), std::nullopt});
        }
        ++errors;
      },
      20ms);
  CHECK(worker.running());
  CHECK_THROWS_AS(ps.get_message(0ms), redispp::PubSubError);  // one reader at a time
  CHECK_THROWS_AS(ps.run_in_thread([](std::exception_ptr) {}), redispp::PubSubError);

  // Wait until the server counts the subscription, then publish.
  for (int i = 0; i < 200 && r.pubsub_numsub(p + "a").at(0).second == 0; ++i) std::this_thread::sleep_for(5ms);
  r.publish(p + "a", "one");
  r.publish(p + "a", "boom");
  r.publish(p + "a", "two");
  REQUIRE(inbox.wait_for(2) == 2);
  REQUIRE(errors_seen.wait_for(1) == 1);
  CHECK(errors_seen.copy()[0].data == "handler failed on boom");
  CHECK(worker.running());  // a handler's exception does not stop the worker

  // From this thread while the worker reads: subscribe another channel with a handler.
  ps.subscribe({{p + "b", [&](const Message& m) { inbox.add(m); }}});
  for (int i = 0; i < 200 && r.pubsub_numsub(p + "b").at(0).second == 0; ++i) std::this_thread::sleep_for(5ms);
  r.publish(p + "b", "three");
  REQUIRE(inbox.wait_for(3) == 3);
  ps.unsubscribe(p + "a");
  for (int i = 0; i < 200 && r.pubsub_numsub(p + "a").at(0).second != 0; ++i) std::this_thread::sleep_for(5ms);
  CHECK(r.publish(p + "a", "unheard") == 0);

  worker.stop();
  CHECK_FALSE(worker.running());
  const std::vector<Message> got = inbox.copy();
  REQUIRE(got.size() == 3);
  CHECK(got[0].data == "one");
  CHECK(got[1].data == "two");
  CHECK(got[2].data == "three");
  CHECK(got[2].channel == p + "b");
  CHECK(errors == 1);
  CHECK_NOTHROW(ps.get_message(0ms));  // stopped: this thread may read again
}

TEST_CASE("an on_error that throws stops the worker, and stop() rethrows it", "[pubsub]") {
  redispp::Redis r{redispp::test::server("plain").options(32)};
  redispp::PubSub ps = r.pubsub();
  ps.subscribe({{"pubsub_test:rethrow:a", [](const Message&) { throw std::runtime_error("bad message"); }}});
  redispp::PubSubWorker worker =
      ps.run_in_thread([](std::exception_ptr error) { std::rethrow_exception(error); }, 20ms);
  for (int i = 0; i < 200 && r.pubsub_numsub("pubsub_test:rethrow:a").at(0).second == 0; ++i)
    std::this_thread::sleep_for(5ms);
  r.publish("pubsub_test:rethrow:a", "x");
  for (int i = 0; i < 400 && worker.running(); ++i) std::this_thread::sleep_for(5ms);
  CHECK_FALSE(worker.running());
  CHECK_THROWS_WITH(worker.stop(), "bad message");
  CHECK_NOTHROW(worker.stop());  // rethrown once
}

TEST_CASE("a worker outlives its PubSub object safely", "[pubsub]") {
  redispp::Redis r{redispp::test::server("plain").options(32)};
  Inbox inbox;
  std::optional<redispp::PubSubWorker> worker;
  {
    redispp::PubSub ps = r.pubsub();
    ps.subscribe({{"pubsub_test:outlive:a", [&](const Message& m) { inbox.add(m); }}});
    worker.emplace(ps.run_in_thread([](std::exception_ptr) {}, 20ms));
  }  // the PubSub is gone; the worker keeps its state
  for (int i = 0; i < 200 && r.pubsub_numsub("pubsub_test:outlive:a").at(0).second == 0; ++i)
    std::this_thread::sleep_for(5ms);
  r.publish("pubsub_test:outlive:a", "still here");
  CHECK(inbox.wait_for(1) == 1);
  worker->stop();
  // The last owner closed the connection: the server has no subscriber left.
  for (int i = 0; i < 200 && r.pubsub_numsub("pubsub_test:outlive:a").at(0).second != 0; ++i)
    std::this_thread::sleep_for(5ms);
  CHECK(r.pubsub_numsub("pubsub_test:outlive:a").at(0).second == 0);
}

TEST_CASE("the connection goes back to the pool only when nothing is subscribed", "[pubsub]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::PoolOptions po;
  po.max_connections = 2;
  auto pool = std::make_shared<redispp::ConnectionPool>(redispp::test::plain_options(config, 32), po);
  redispp::Redis r{pool};
  const std::string p = "pubsub_test:giveback:" + config.label() + ":";

  redispp::PubSub ps = r.pubsub();
  CHECK(pool->stats().created == 0);  // no connection before the first subscribe
  ps.subscribe(p + "a");
  ps.psubscribe(p + "p*");
  ps.ssubscribe(p + "s");
  expect(next(ps), MessageType::subscribe, p + "a", "1");
  CHECK(pool->stats().in_use == 1);  // the PubSub's, and no one else's
  CHECK(r.set(p + "k", "v"));        // another caller gets another connection
  CHECK(pool->stats().created == 2);

  // Everything unsubscribed, acknowledgements not even read: close() reads them, checks, gives back.
  ps.unsubscribe();
  ps.punsubscribe();
  ps.sunsubscribe();
  ps.close();
  redispp::PoolStats s = pool->stats();
  CHECK(s.in_use == 0);
  CHECK(s.idle == 2);
  // Both idle connections answer their own commands (neither is left subscribed).
  {
    redispp::Lease a = pool->acquire();
    redispp::Lease b = pool->acquire();
    std::string get;
    redispp::encode_command(get, "GET", p + "k");
    CHECK(a->request(get).str() == "v");
    CHECK(b->request("*1\r\n$4\r\nPING\r\n").str() == "PONG");
  }
  CHECK(pool->stats().created == 2);

  // Still subscribed at close(): closed, not given back.
  ps.subscribe(p + "b");
  expect(next(ps), MessageType::subscribe, p + "b", "1");
  ps.close();
  s = pool->stats();
  CHECK(s.in_use == 0);
  CHECK(s.idle == 1);
  CHECK(ps.subscribed());  // close() keeps the book: the next read or subscribe restores it
  r.del(p + "k");
}

TEST_CASE("the health check notices a dead connection, and the next read recovers", "[pubsub]") {
  redispp::test::RedisProcess server;
  redispp::ConnectionOptions options = server.options();
  options.health_check_interval = 200ms;
  options.socket_timeout = 300ms;
  options.socket_connect_timeout = 300ms;
  options.retry = redispp::Retry::none();
  redispp::Redis r{options};
  redispp::PubSub ps = r.pubsub();
  ps.subscribe("pubsub_test:health:a");
  expect(next(ps), MessageType::subscribe, "pubsub_test:health:a", "1");

  // Idle but alive: the health check's PING is answered and never shown.
  CHECK_FALSE(ps.get_message(700ms));

  server.freeze();  // the socket stays open; nothing answers
  const auto started = std::chrono::steady_clock::now();
  bool failed = false;
  try {
    (void)ps.get_message(5s);
  } catch (const redispp::TimeoutError&) {
    failed = true;  // reconnecting to a frozen server: the handshake times out
  } catch (const redispp::ConnectionError&) {
    failed = true;
  }
  CHECK(failed);
  CHECK(std::chrono::steady_clock::now() - started < 2s);  // noticed by the check, not the 5 s
  server.thaw();

  // The next read reconnects and subscribes again.
  expect(next(ps), MessageType::subscribe, "pubsub_test:health:a", "1");
  redispp::Redis publisher{server.options()};
  CHECK(publisher.publish("pubsub_test:health:a", "back") == 1);
  expect(next(ps), MessageType::message, "pubsub_test:health:a", "back");
}

TEST_CASE("CLIENT KILL TYPE pubsub: reconnected, everything re-subscribed, nothing twice", "[pubsub]") {
  REDISPP_FOR_EACH_CLIENT_CONFIG(config);
  redispp::test::RedisProcess server;
  redispp::ConnectionOptions options = server.options();
  options.parser = config.parser;
  options.protocol = config.protocol;
  options.retry = redispp::Retry{redispp::Backoff::constant(20ms), 3};
  redispp::Redis r{options};
  redispp::PubSub ps = r.pubsub();
  ps.subscribe("c");
  ps.psubscribe("p.*");
  ps.ssubscribe("s");
  expect(next(ps), MessageType::subscribe, "c", "1");
  expect(next(ps), MessageType::psubscribe, "p.*", "2");
  expect(next(ps), MessageType::ssubscribe, "s", "1");
  r.publish("c", "before");
  expect(next(ps), MessageType::message, "c", "before");

  CHECK(r.execute_command("CLIENT", "KILL", "TYPE", "pubsub").integer() == 1);
  CHECK(r.publish("c", "lost") == 0);  // no subscriber while it is down: lost, as documented

  // The next read finds the connection closed, reconnects and subscribes to all three again.
  expect(next(ps), MessageType::subscribe, "c", "1");
  expect(next(ps), MessageType::psubscribe, "p.*", "2");
  expect(next(ps), MessageType::ssubscribe, "s", "1");
  CHECK(r.publish("c", "after") == 1);
  CHECK(r.publish("p.x", "after-p") == 1);
  CHECK(r.spublish("s", "after-s") == 1);
  expect(next(ps), MessageType::message, "c", "after");
  expect(next(ps), MessageType::pmessage, "p.x", "after-p");
  expect(next(ps), MessageType::smessage, "s", "after-s");
  CHECK_FALSE(ps.get_message(300ms));  // each exactly once
}

TEST_CASE("a server restart: the worker reconnects and its handlers hear the new messages", "[pubsub]") {
  redispp::test::RedisProcess server;
  redispp::ConnectionOptions options = server.options();
  options.retry = redispp::Retry{redispp::Backoff::constant(50ms), 5};
  options.socket_connect_timeout = 500ms;
  redispp::Redis r{options};
  Inbox inbox;
  std::atomic<int> errors{0};
  redispp::PubSub ps = r.pubsub();
  ps.subscribe({{"restart", [&](const Message& m) { inbox.add(m); }}});
  redispp::PubSubWorker worker = ps.run_in_thread([&](std::exception_ptr) { ++errors; }, 20ms);
  const auto subscribers = [&] {
    try {
      return r.pubsub_numsub("restart").at(0).second;
    } catch (const redispp::Error&) {
      return 0LL;
    }
  };
  for (int i = 0; i < 200 && subscribers() == 0; ++i) std::this_thread::sleep_for(5ms);
  r.publish("restart", "first");
  REQUIRE(inbox.wait_for(1) == 1);

  server.kill_now();
  server.start();  // the same port
  for (int i = 0; i < 400 && subscribers() == 0; ++i) std::this_thread::sleep_for(10ms);
  REQUIRE(subscribers() == 1);
  r.publish("restart", "second");
  REQUIRE(inbox.wait_for(2) == 2);
  worker.stop();
  const std::vector<Message> got = inbox.copy();
  CHECK(got.size() == 2);
  CHECK(got[1].data == "second");
}

TEST_CASE("subscribing and unsubscribing from other threads while the worker reads", "[pubsub]") {
  redispp::Redis r{redispp::test::server("plain").options(32)};
  std::atomic<int> received{0};
  redispp::PubSub ps = r.pubsub();
  const auto count = [&](const Message&) { ++received; };
  ps.subscribe({{"pubsub_test:churn:base", count}});
  redispp::PubSubWorker worker = ps.run_in_thread([](std::exception_ptr) {}, 10ms);
  std::vector<std::thread> threads;
  for (int t = 0; t < 3; ++t)
    threads.emplace_back([&, t] {
      const std::string channel = "pubsub_test:churn:" + std::to_string(t);
      for (int i = 0; i < 50; ++i) {
        ps.subscribe({{channel, count}});
        ps.ping();
        ps.unsubscribe(channel);
      }
    });
  for (std::thread& thread : threads) thread.join();
  for (int i = 0; i < 200 && r.pubsub_numsub("pubsub_test:churn:base").at(0).second == 0; ++i)
    std::this_thread::sleep_for(5ms);
  r.publish("pubsub_test:churn:base", "still subscribed");
  for (int i = 0; i < 400 && received == 0; ++i) std::this_thread::sleep_for(5ms);
  worker.stop();
  CHECK(received == 1);
  CHECK(ps.channels() == std::vector<std::string>{"pubsub_test:churn:base"});
}
