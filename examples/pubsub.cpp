// Pub/Sub, as redis-py's guide shows it: a subscriber reading with get_message(), then a chat
// with two threads and a handler per room on a background worker.
//
//   p = r.pubsub(); p.subscribe('news'); p.psubscribe('user.*')
//   r.publish('news', 'hello'); p.get_message(timeout=0.5)
//   p.subscribe(**{'room:lobby': handler}); thread = p.run_in_thread(sleep_time=0.1); thread.stop()
#include <chrono>
#include <cstdlib>  // std::getenv
#include <exception>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <redispp/redispp.hpp>

int main() {
  // The server: $REDIS_URL when set (scripts/demo.sh sets it), else a local one.
  const char* env_url = std::getenv("REDIS_URL");
  const std::string redis_url = env_url && *env_url ? env_url : "redis://127.0.0.1:6379/0";

  using namespace std::chrono_literals;
  redispp::Redis r = redispp::Redis::from_url(redis_url);

  // 1. Subscribe, publish, read. The subscription's acknowledgements are messages too.
  redispp::PubSub ps = r.pubsub();
  ps.subscribe("example:news");
  ps.psubscribe("example:user.*");
  int received = 0;
  while (std::optional<redispp::Message> m = ps.get_message(500ms)) {
    std::cout << redispp::to_string(m->type) << " " << m->channel << " (" << m->data << ")\n";
    if (m->type == redispp::MessageType::psubscribe) break;  // both subscriptions are live now
  }
  r.publish("example:news", "hello");
  r.publish("example:user.42", "signed in");
  for (int i = 0; i < 2; ++i)
    if (std::optional<redispp::Message> m = ps.get_message(2s)) {
      std::cout << redispp::to_string(m->type) << " on " << m->channel
                << (m->pattern ? " via " + *m->pattern : std::string()) << ": " << m->data << "\n";
      ++received;
    }
  ps.unsubscribe();
  ps.punsubscribe();
  ps.close();  // nothing subscribed any more: the connection goes back to the pool

  // 2. A chat: a handler per room runs on a worker thread; another thread talks.
  std::mutex print_mutex;
  std::vector<std::string> heard;
  redispp::PubSub chat = r.pubsub({.ignore_subscribe_messages = true});
  chat.subscribe({{"example:room:lobby", [&](const redispp::Message& m) {
                     std::lock_guard lock(print_mutex);
                     std::cout << "[lobby] " << m.data << "\n";
                     heard.push_back(m.data);
                   }}});
  redispp::PubSubWorker worker = chat.run_in_thread([&](std::exception_ptr error) {
    // Handler exceptions and lost connections end up here; the worker keeps going.
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      std::lock_guard lock(print_mutex);
      std::cerr << "chat worker: " << e.what() << "\n";
    }
  });
  std::thread talker([&r] {
    // Wait until the worker's SUBSCRIBE reached the server: PUBLISH says how many listened.
    for (int i = 0; i < 100 && r.publish("example:room:lobby", "alice: hi all") == 0; ++i)
      std::this_thread::sleep_for(20ms);
    r.publish("example:room:lobby", "bob: hello alice");
  });
  talker.join();
  for (int i = 0; i < 100; ++i) {
    {
      std::lock_guard lock(print_mutex);
      if (heard.size() >= 2) break;
    }
    std::this_thread::sleep_for(20ms);
  }
  worker.stop();  // joins the thread

  std::lock_guard lock(print_mutex);
  return received == 2 && heard.size() >= 2 && heard.back() == "bob: hello alice" ? 0 : 1;
}
