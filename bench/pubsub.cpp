// bench_pubsub: pub/sub messages/s read by redispp (get_message with either parser, and
// handlers on a run_in_thread worker) against hiredis reading the same messages with a raw
// redisGetReply loop on a subscribed context, and against redis-benchmark publishing to a
// channel nobody reads (see bench/README.md, "bench_pubsub").
//
// Every reader subscribes to the same channel. Each round, a burst of messages is published
// while nobody reads (they wait in the server's output buffers and the sockets), then each reader
// in turn is timed draining its copy of the burst; the order rotates every round so that none is
// always first. What is timed is reading, decoding and handing out messages, not publishing.
// Every message's size is checked, so a reader that lost or mangled one fails the run.
//
//   bench_pubsub [--port P] [--smoke] [--rounds N]
// Without --port: the server of $REDIS_URL when set, else 127.0.0.1:6379.

#include <algorithm>    // std::rotate
#include <atomic>       // std::atomic
#include <chrono>       // std::chrono::steady_clock
#include <condition_variable>  // std::condition_variable
#include <cstdio>       // std::fputs
#include <cstdlib>      // std::getenv, std::strtoul, EXIT_SUCCESS, EXIT_FAILURE
#include <exception>    // std::exception
#include <memory>       // std::unique_ptr
#include <mutex>        // std::mutex
#include <optional>     // std::optional
#include <stdexcept>    // std::runtime_error
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <fmt/format.h>
#include <hiredis/hiredis.h>

#include <redispp/redispp.hpp>

#include "redis_benchmark.hpp"  // redis_benchmark_rps
#include "summary.hpp"          // median, si

namespace {

using namespace std::chrono_literals;

[[noreturn]] void fail(std::string_view what) { throw std::runtime_error(std::string(what)); }

struct Stopwatch {
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  double seconds() const {
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    return std::max(took.count(), 1e-9);
  }
};

// One subscriber under test, subscribed when made; drain(n, size) reads n messages of `size`
// bytes and returns the seconds that took.
class Reader {
 public:
  virtual ~Reader() = default;
  virtual std::string_view name() const = 0;
  virtual double drain(std::size_t n, std::size_t size) = 0;
};

class GetMessageReader final : public Reader {
 public:
  GetMessageReader(std::string name, redispp::Redis& redis, const std::string& channel)
      : name_(std::move(name)), ps_(redis.pubsub({.ignore_subscribe_messages = true})) {
    ps_.subscribe(channel);
    ps_.ping("ready");
    const std::optional<redispp::Message> pong = ps_.get_message(5s);
    if (!pong || pong->type != redispp::MessageType::pong) fail("redispp: no answer to PING after SUBSCRIBE");
  }
  std::string_view name() const override { return name_; }
  double drain(std::size_t n, std::size_t size) override {
    const Stopwatch watch;
    for (std::size_t i = 0; i < n; ++i) {
      const std::optional<redispp::Message> m = ps_.get_message(5s);
      if (!m || m->type != redispp::MessageType::message || m->data.size() != size) fail("redispp: wrong or missing message");
    }
    return watch.seconds();
  }

 private:
  std::string name_;
  redispp::PubSub ps_;
};

// Handlers on a worker thread: the worker is started for each drain (after the burst is
// published) and stopped once its handler counted the burst. The timing thread sleeps on a
// condition variable meanwhile rather than spinning, so it takes no CPU from the worker.
class WorkerReader final : public Reader {
 public:
  WorkerReader(redispp::Redis& redis, const std::string& channel) : ps_(redis.pubsub({.ignore_subscribe_messages = true})) {
    ps_.subscribe({{channel, [this](const redispp::Message& m) {
                      if (m.data.size() != expected_size_) wrong_ = true;
                      if (++count_ == target_) {
                        std::lock_guard lock(mutex_);
                        done_ = true;
                        finished_.notify_one();
                      }
                    }}});
    ps_.ping("ready");
    const std::optional<redispp::Message> pong = ps_.get_message(5s);
    if (!pong || pong->type != redispp::MessageType::pong) fail("redispp worker: no answer to PING after SUBSCRIBE");
  }
  std::string_view name() const override { return "redispp handlers"; }
  // Timed from starting the worker to the last handler call: stopping it (which waits for its
  // current read, up to `poll`) is not part of reading messages.
  double drain(std::size_t n, std::size_t size) override {
    expected_size_ = size;
    count_ = 0;
    target_ = n;
    done_ = false;
    const Stopwatch watch;
    redispp::PubSubWorker worker = ps_.run_in_thread([this](std::exception_ptr) { wrong_ = true; }, 50ms);
    double took = 0;
    {
      std::unique_lock lock(mutex_);
      finished_.wait_for(lock, 30s, [this] { return done_; });
      took = watch.seconds();
    }
    worker.stop();
    if (wrong_ || count_ != n) fail("redispp worker: wrong or missing message");
    return took;
  }

 private:
  redispp::PubSub ps_;
  std::atomic<std::size_t> count_{0};
  std::atomic<std::size_t> target_{0};
  std::atomic<std::size_t> expected_size_{0};
  std::atomic<bool> wrong_{false};
  std::mutex mutex_;
  std::condition_variable finished_;
  bool done_ = false;  // guarded by mutex_
};

class HiredisReader final : public Reader {
 public:
  HiredisReader(const redispp::ConnectionOptions& o, const std::string& channel)
      : context_(redisConnect(o.host.c_str(), o.port)) {
    if (context_ == nullptr || context_->err != 0) fail("hiredis: cannot connect");
    if (!o.password.empty()) {
      auto* auth = static_cast<redisReply*>(
          o.username.empty() ? redisCommand(context_.get(), "AUTH %s", o.password.c_str())
                             : redisCommand(context_.get(), "AUTH %s %s", o.username.c_str(), o.password.c_str()));
      if (auth == nullptr || auth->type == REDIS_REPLY_ERROR) fail("hiredis: AUTH failed");
      freeReplyObject(auth);
    }
    auto* ack = static_cast<redisReply*>(redisCommand(context_.get(), "SUBSCRIBE %b", channel.data(), channel.size()));
    if (ack == nullptr || ack->type != REDIS_REPLY_ARRAY) fail("hiredis: SUBSCRIBE failed");
    freeReplyObject(ack);
  }
  std::string_view name() const override { return "hiredis"; }
  double drain(std::size_t n, std::size_t size) override {
    const Stopwatch watch;
    for (std::size_t i = 0; i < n; ++i) {
      void* reply = nullptr;
      if (redisGetReply(context_.get(), &reply) != REDIS_OK || reply == nullptr) fail("hiredis: read failed");
      const auto* r = static_cast<redisReply*>(reply);
      const bool ok = r->type == REDIS_REPLY_ARRAY && r->elements == 3 && r->element[2]->len == size;
      freeReplyObject(reply);
      if (!ok) fail("hiredis: wrong message");
    }
    return watch.seconds();
  }

 private:
  struct Free {
    void operator()(redisContext* c) const { redisFree(c); }
  };
  std::unique_ptr<redisContext, Free> context_;
};

// Publishes `n` messages of `payload` in pipelines of 1000; each must reach every reader.
void publish_burst(redispp::Redis& r, const std::string& channel, const std::string& payload, std::size_t n,
                   long long readers) {
  for (std::size_t done = 0; done < n;) {
    redispp::Pipeline pipe = r.pipeline(false);
    const std::size_t batch = std::min<std::size_t>(1000, n - done);
    for (std::size_t i = 0; i < batch; ++i) pipe.publish(channel, payload);
    const redispp::PipelineResults results = pipe.execute();
    for (std::size_t i = 0; i < batch; ++i)
      if (results.get<long long>(i) != readers) fail("PUBLISH did not reach every reader");
    done += batch;
  }
}

// What one publisher can make the server publish: redis-benchmark sending PUBLISH of `payload`
// in pipelines of 100 on one connection, to a channel nobody subscribes to (the readers' would
// get every copy). Messages/s, or nullopt when redis-benchmark is missing or failed.
std::optional<double> redis_benchmark_publish(const redispp::ConnectionOptions& server, const std::string& payload,
                                              std::size_t n) {
  std::string command = fmt::format("redis-benchmark -h {} -p {} -c 1 -P 100 -n {} --csv", server.host, server.port, n);
  if (!server.password.empty()) command += fmt::format(" -a '{}'", server.password);
  if (!server.username.empty()) command += fmt::format(" --user '{}'", server.username);
  command += " PUBLISH redispp:bench:pubsub:nobody " + payload;  // the payload is all 'x'
  return redispp::bench::redis_benchmark_rps(command, "PUBLISH");
}

struct Options {
  std::optional<int> port;
  bool smoke = false;
  std::size_t rounds = 0;
};

std::optional<Options> parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    char* end = nullptr;
    if (arg == "--smoke") {
      options.smoke = true;
    } else if ((arg == "--port" || arg == "--rounds") && i + 1 < argc) {
      const unsigned long value = std::strtoul(argv[++i], &end, 10);
      if (end == argv[i] || *end != '\0' || value == 0) return std::nullopt;
      if (arg == "--port") {
        if (value > 65535) return std::nullopt;
        options.port = static_cast<int>(value);
      } else {
        options.rounds = value;
      }
    } else {
      return std::nullopt;
    }
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Options> options = parse_options(argc, argv);
  if (!options) {
    std::fputs("usage: bench_pubsub [--port P] [--smoke] [--rounds N]\n", stderr);
    return 2;
  }
  const std::size_t rounds = options->rounds != 0 ? options->rounds : options->smoke ? 2 : 7;
  try {
    redispp::ConnectionOptions base;
    if (options->port) {
      base.port = *options->port;
    } else if (const char* url = std::getenv("REDIS_URL"); url != nullptr && *url != '\0') {
      base = redispp::parse_url(url).connection;
    }
    if (!base.unix_socket_path.empty()) fail("REDIS_URL: a unix:// server is not supported here");
    base.socket_timeout = 10s;
    redispp::ConnectionOptions with_hiredis = base;
    base.parser = redispp::ParserKind::builtin;
    with_hiredis.parser = redispp::ParserKind::hiredis;

    redispp::Redis publisher{base};
    redispp::Redis builtin_client{base};
    redispp::Redis hiredis_parser_client{with_hiredis};
    const std::string channel = "redispp:bench:pubsub";

    std::vector<std::unique_ptr<Reader>> readers;
    readers.push_back(std::make_unique<GetMessageReader>("redispp get_message", builtin_client, channel));
    readers.push_back(std::make_unique<GetMessageReader>("redispp+hi.parser", hiredis_parser_client, channel));
    readers.push_back(std::make_unique<WorkerReader>(builtin_client, channel));
    readers.push_back(std::make_unique<HiredisReader>(base, channel));
    const auto subscribers = static_cast<long long>(readers.size());

    struct Workload {
      std::string name;
      std::size_t size;
      std::size_t messages;  // per round (full run)
    };
    const std::vector<Workload> workloads = {{"message 16 B", 16, 100000}, {"message 1 KiB", 1024, 10000}};

    fmt::print("bench_pubsub: {}:{}, {} rounds{}; messages/s read, median round\n\n", base.host, base.port, rounds,
               options->smoke ? " (--smoke: the numbers mean nothing)" : "");
    std::string header = fmt::format("{:<14} {:>9}", "workload", "msgs");
    for (const auto& reader : readers) header += fmt::format(" {:>20}", reader->name());
    header += fmt::format(" {:>10} {:>12} {:>12} {:>11} {:>10}", "redispp/hi", "hi.parser/hi", "handlers/hi", "rb PUBLISH",
                          "redispp/rb");
    fmt::print("{}\n{}\n", header, std::string(header.size(), '-'));

    for (const Workload& w : workloads) {
      const std::size_t n = options->smoke ? 500 : w.messages;
      const std::string payload(w.size, 'x');
      // Warm-up: buffers grown, code paths hot.
      publish_burst(publisher, channel, payload, std::min<std::size_t>(n, 1000), subscribers);
      for (auto& reader : readers) reader->drain(std::min<std::size_t>(n, 1000), w.size);

      std::vector<std::vector<double>> rates(readers.size());
      std::vector<double> publish_rates;  // redis-benchmark's, one per round
      std::vector<std::size_t> order(readers.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      for (std::size_t round = 0; round < rounds; ++round) {
        publish_burst(publisher, channel, payload, n, subscribers);
        for (const std::size_t r : order) {
          rates[r].push_back(static_cast<double>(n) / readers[r]->drain(n, w.size));
        }
        std::rotate(order.begin(), order.begin() + 1, order.end());
        if (const auto rps = redis_benchmark_publish(base, payload, n)) publish_rates.push_back(*rps);
      }
      std::vector<double> medians;
      for (const auto& r : rates) medians.push_back(redispp::bench::median(r));
      std::string row = fmt::format("{:<14} {:>9}", w.name, n);
      for (const double m : medians) row += fmt::format(" {:>20}", redispp::bench::si(m, " "));
      row += fmt::format(" {:>9.2f}x {:>11.2f}x {:>11.2f}x", medians[0] / medians[3], medians[1] / medians[3],
                         medians[2] / medians[3]);
      if (publish_rates.empty()) {
        row += fmt::format(" {:>11} {:>10}", "-", "-");
      } else {
        const double publish = redispp::bench::median(publish_rates);
        row += fmt::format(" {:>11} {:>9.2f}x", redispp::bench::si(publish, " "), medians[0] / publish);
      }
      fmt::print("{}\n", row);
      std::fflush(stdout);
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "bench_pubsub: {}\n", e.what());
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
