// bench_roundtrip: commands/s of redispp::Redis (with the built-in parser and with the hiredis
// parser) against hiredis' own synchronous API and against redis-benchmark, over a real server
// (see bench/README.md, "bench_roundtrip"); then what a round trip costs the heap.
//
// Each workload runs a fixed number of operations per round on every client in turn; the clients
// swap order every round (so a noisy neighbour slows them alike) and the table shows each one's
// median round. Every reply is checked, so a wrong answer exits non-zero rather than being timed.
// redis-benchmark, where a workload has a counterpart in it, runs once per round after the
// clients, as a child process; its own count of requests per second is taken.
//
//   bench_roundtrip [--port P] [--smoke] [--rounds N]
// Without --port: the server of $REDIS_URL (database included) when set, else 127.0.0.1:6379/0.

#include <algorithm>    // std::min, std::reverse
#include <chrono>       // std::chrono::steady_clock
#include <cstddef>      // std::size_t
#include <cstdio>       // std::fputs, std::fflush
#include <cstdlib>      // std::getenv, std::strtoul, EXIT_SUCCESS, EXIT_FAILURE
#include <exception>    // std::exception, std::exception_ptr
#include <functional>   // std::function
#include <memory>       // std::unique_ptr
#include <optional>     // std::optional
#include <stdexcept>    // std::runtime_error
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <thread>       // std::thread
#include <unordered_map>  // std::unordered_map
#include <vector>       // std::vector

#include <sys/socket.h>  // send, recv (RawSocketClient)

#include <fmt/format.h>
#include <hiredis/hiredis.h>

#include <redispp/redispp.hpp>  // Redis, Pipeline, ConnectionOptions, parse_url

// Heap allocations: every operator new of this program is counted (the memory section reads
// the counts single-threaded).
#include "support/counting_new.hpp"  // tests/support

#include "redis_benchmark.hpp"  // redis_benchmark_rps
#include "summary.hpp"  // median, si

namespace {

// A wrong reply: the benchmark stops with it rather than timing something that is not working.
struct Mismatch : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void expect(bool ok, std::string_view what) {
  if (!ok) throw Mismatch(fmt::format("wrong reply: {}", what));
}

struct Server {
  std::string host = "127.0.0.1";
  int port = 6379;
  int db = 0;
  std::string username;
  std::string password;
};

// The data every client reads, written once before the measurements. Keys carry a prefix of their
// own and are deleted at the end, so pointing the benchmark at a server in use costs nothing.
// The keys of one pipeline and their 16-byte values.
struct Batch {
  std::vector<std::string> keys;
  std::vector<std::string> values;
};

struct Data {
  std::string small_key = "redispp:bench:rt:small";
  std::string small_value = "0123456789abcdef";  // 16 bytes
  Batch pipe100;                                 // the pipelines of 100 ...
  Batch pipe1000;                                // ... and of 1000 commands
  std::string list_key = "redispp:bench:rt:list";
  std::vector<std::string> list;  // 100 elements
  std::string hash_key = "redispp:bench:rt:hash";
  std::unordered_map<std::string, std::string> hash;  // 100 fields
  std::string big_key = "redispp:bench:rt:big";
  std::string big_value;  // 1 MiB

  Data() {
    for (int i = 0; i < 100; ++i) {
      pipe100.keys.push_back(fmt::format("redispp:bench:rt:p:{}", i));
      pipe100.values.push_back(fmt::format("value-{:010}", i));
      list.push_back(fmt::format("element-{:03}-xyz", i));
      hash.emplace(fmt::format("field-{:03}", i), fmt::format("value-{:03}-of-the-hash", i));
    }
    for (int i = 0; i < 1000; ++i) {
      pipe1000.keys.push_back(fmt::format("redispp:bench:rt:p1000:{}", i));
      pipe1000.values.push_back(fmt::format("value-{:010}", i));
    }
    big_value.resize(1024 * 1024);
    for (std::size_t i = 0; i < big_value.size(); ++i) big_value[i] = static_cast<char>('a' + i % 26);
  }
};

// One client under test. `full` asks for a complete comparison of each reply (the warm-up round);
// timed rounds check what is cheap next to a round trip (values of small replies, sizes and the
// ends of large ones), so that checking does not dominate what is measured.
class Client {
 public:
  virtual ~Client() = default;
  virtual std::string_view name() const = 0;
  virtual void set_small(const Data& d) = 0;
  virtual void get_small(const Data& d) = 0;
  virtual void pipeline_set(const Batch& b) = 0;
  virtual void pipeline_get(const Batch& b) = 0;
  virtual void lrange(const Data& d, bool full) = 0;
  virtual void hgetall(const Data& d, bool full) = 0;
  virtual void get_big(const Data& d, bool full) = 0;
  /// Readies `threads` threads to run at once; for_thread(t) is what thread t uses. redispp's
  /// client is shared (its pool leases a connection per call); hiredis needs a context each.
  virtual void prepare_threads(std::size_t /*threads*/) {}
  virtual Client& for_thread(std::size_t /*thread*/) { return *this; }
};

bool same_ends(std::string_view got, std::string_view want) {
  return got.size() == want.size() && (got.empty() || (got.front() == want.front() && got.back() == want.back()));
}

class RedisppClient final : public Client {
 public:
  // A pool of 8, enough for the threaded workload; one thread at a time reuses a single
  // connection (the pool hands out the most recently returned one).
  RedisppClient(std::string name, redispp::ConnectionOptions options)
      : name_(std::move(name)), redis_(std::move(options), redispp::PoolOptions{.max_connections = 8}) {}

  redispp::Redis& redis() { return redis_; }
  std::string_view name() const override { return name_; }

  void set_small(const Data& d) override { expect(redis_.set(d.small_key, d.small_value), "SET did not return OK"); }
  void get_small(const Data& d) override {
    const std::optional<std::string> value = redis_.get(d.small_key);
    expect(value && *value == d.small_value, "GET returned another value");
  }
  void pipeline_set(const Batch& b) override {
    redispp::Pipeline pipe = redis_.pipeline(false);
    for (std::size_t i = 0; i < b.keys.size(); ++i) pipe.set(b.keys[i], b.values[i]);
    const redispp::PipelineResults results = pipe.execute();
    expect(results.size() == b.keys.size(), "pipeline of SETs: wrong number of replies");
    for (std::size_t i = 0; i < results.size(); ++i) expect(results.reply(i).str() == "OK", "pipelined SET did not return OK");
  }
  void pipeline_get(const Batch& b) override {
    redispp::Pipeline pipe = redis_.pipeline(false);
    for (const std::string& key : b.keys) pipe.get(key);
    const redispp::PipelineResults results = pipe.execute();
    expect(results.size() == b.keys.size(), "pipeline of GETs: wrong number of replies");
    for (std::size_t i = 0; i < results.size(); ++i)
      expect(results.reply(i).str() == b.values[i], "pipelined GET returned another value");
  }
  void lrange(const Data& d, bool full) override {
    const std::vector<std::string> list = redis_.lrange(d.list_key, 0, -1);
    expect(list.size() == d.list.size() && list.front() == d.list.front() && list.back() == d.list.back(),
           "LRANGE returned another list");
    if (full) expect(list == d.list, "LRANGE returned another list");
  }
  void hgetall(const Data& d, bool full) override {
    const std::unordered_map<std::string, std::string> hash = redis_.hgetall(d.hash_key);
    expect(hash.size() == d.hash.size(), "HGETALL returned another number of fields");
    if (full) expect(hash == d.hash, "HGETALL returned another hash");
  }
  void get_big(const Data& d, bool full) override {
    const std::optional<std::string> value = redis_.get(d.big_key);
    expect(value && same_ends(*value, d.big_value), "GET of 1 MiB returned another value");
    if (full) expect(*value == d.big_value, "GET of 1 MiB returned another value");
  }

 private:
  std::string name_;
  redispp::Redis redis_;
};

struct ReplyDeleter {
  void operator()(redisReply* reply) const { freeReplyObject(reply); }
};
using ReplyPtr = std::unique_ptr<redisReply, ReplyDeleter>;

class HiredisClient final : public Client {
 public:
  explicit HiredisClient(const Server& server) : server_(server), context_(redisConnect(server.host.c_str(), server.port)) {
    if (context_ == nullptr) throw std::runtime_error("hiredis: cannot allocate a context");
    if (context_->err != 0)
      throw std::runtime_error(fmt::format("hiredis: connect to {}:{}: {}", server.host, server.port, context_->errstr));
    if (!server.password.empty()) {
      ReplyPtr reply = server.username.empty()
                           ? check(redisCommand(context_.get(), "AUTH %s", server.password.c_str()), "AUTH")
                           : check(redisCommand(context_.get(), "AUTH %s %s", server.username.c_str(), server.password.c_str()), "AUTH");
      expect(reply->type == REDIS_REPLY_STATUS, "AUTH failed");
    }
    if (server.db != 0) {
      ReplyPtr reply = check(redisCommand(context_.get(), "SELECT %d", server.db), "SELECT");
      expect(reply->type == REDIS_REPLY_STATUS, "SELECT failed");
    }
  }

  std::string_view name() const override { return "hiredis"; }
  int fd() const noexcept { return context_->fd; }  // for RawSocketClient, which borrows the connection
  void prepare_threads(std::size_t threads) override {
    while (others_.size() + 1 < threads) others_.push_back(std::make_unique<HiredisClient>(server_));
  }
  Client& for_thread(std::size_t thread) override { return thread == 0 ? *this : *others_.at(thread - 1); }

  void set_small(const Data& d) override {
    ReplyPtr reply = check(redisCommand(context_.get(), "SET %s %b", d.small_key.c_str(), d.small_value.data(), d.small_value.size()), "SET");
    expect(is_ok(*reply), "SET did not return OK");
  }
  void get_small(const Data& d) override {
    ReplyPtr reply = check(redisCommand(context_.get(), "GET %s", d.small_key.c_str()), "GET");
    expect(text(*reply) == d.small_value, "GET returned another value");
  }
  void pipeline_set(const Batch& b) override {
    for (std::size_t i = 0; i < b.keys.size(); ++i)
      redisAppendCommand(context_.get(), "SET %s %b", b.keys[i].c_str(), b.values[i].data(), b.values[i].size());
    for (std::size_t i = 0; i < b.keys.size(); ++i) expect(is_ok(*next_reply("pipelined SET")), "pipelined SET did not return OK");
  }
  void pipeline_get(const Batch& b) override {
    for (const std::string& key : b.keys) redisAppendCommand(context_.get(), "GET %s", key.c_str());
    for (std::size_t i = 0; i < b.keys.size(); ++i)
      expect(text(*next_reply("pipelined GET")) == b.values[i], "pipelined GET returned another value");
  }
  void lrange(const Data& d, bool full) override {
    ReplyPtr reply = check(redisCommand(context_.get(), "LRANGE %s 0 -1", d.list_key.c_str()), "LRANGE");
    expect(reply->type == REDIS_REPLY_ARRAY && reply->elements == d.list.size(), "LRANGE returned another list");
    expect(text(*reply->element[0]) == d.list.front() && text(*reply->element[reply->elements - 1]) == d.list.back(),
           "LRANGE returned another list");
    if (full)
      for (std::size_t i = 0; i < d.list.size(); ++i) expect(text(*reply->element[i]) == d.list[i], "LRANGE returned another list");
  }
  void hgetall(const Data& d, bool full) override {
    ReplyPtr reply = check(redisCommand(context_.get(), "HGETALL %s", d.hash_key.c_str()), "HGETALL");
    expect(reply->type == REDIS_REPLY_ARRAY && reply->elements == 2 * d.hash.size(), "HGETALL returned another number of fields");
    if (full)
      for (std::size_t i = 0; i < reply->elements; i += 2) {
        const auto it = d.hash.find(std::string(text(*reply->element[i])));
        expect(it != d.hash.end() && text(*reply->element[i + 1]) == it->second, "HGETALL returned another hash");
      }
  }
  void get_big(const Data& d, bool full) override {
    ReplyPtr reply = check(redisCommand(context_.get(), "GET %s", d.big_key.c_str()), "GET");
    expect(same_ends(text(*reply), d.big_value), "GET of 1 MiB returned another value");
    if (full) expect(text(*reply) == d.big_value, "GET of 1 MiB returned another value");
  }

 private:
  struct ContextDeleter {
    void operator()(redisContext* context) const { redisFree(context); }
  };

  static bool is_ok(const redisReply& reply) { return reply.type == REDIS_REPLY_STATUS && text(reply) == "OK"; }
  static std::string_view text(const redisReply& reply) {
    if (reply.type != REDIS_REPLY_STRING && reply.type != REDIS_REPLY_STATUS) return "(not a string)";
    return {reply.str, reply.len};
  }
  ReplyPtr check(void* reply, std::string_view command) const {
    if (reply == nullptr) throw std::runtime_error(fmt::format("hiredis: {}: {}", command, context_->errstr));
    ReplyPtr owned(static_cast<redisReply*>(reply));
    if (owned->type == REDIS_REPLY_ERROR) throw std::runtime_error(fmt::format("hiredis: {}: {}", command, text(*owned)));
    return owned;
  }
  ReplyPtr next_reply(std::string_view command) {
    void* reply = nullptr;
    if (redisGetReply(context_.get(), &reply) != REDIS_OK) reply = nullptr;
    return check(reply, command);
  }

  Server server_;
  std::unique_ptr<redisContext, ContextDeleter> context_;
  std::vector<std::unique_ptr<HiredisClient>> others_;  // for threads 1 ... n-1
};

// The floor of a round trip: a client that sends a command's bytes, encoded once beforehand, and
// reads back as many bytes as the first time, parsing nothing. No client can do less, so its rate
// over hiredis' is the most any client could gain over hiredis on that workload (bench/README.md,
// "The floor"). It borrows a HiredisClient's connection, which has authenticated and selected the
// database.
class RawSocketClient {
 public:
  /// `replies`: how many replies `wire` asks for; `valid` checks each (read by redispp's parser).
  RawSocketClient(const Server& server, std::string wire, std::size_t replies,
                  const std::function<bool(const redispp::Reply&)>& valid)
      : connection_(server), wire_(std::move(wire)) {
    send_all();
    auto parser = redispp::make_parser(redispp::ParserKind::builtin);
    std::size_t read = 0;
    while (read < replies) {
      const std::size_t got = receive();
      reply_bytes_ += got;
      parser->feed(std::string_view(buffer_.data(), got));
      while (std::optional<redispp::Reply> reply = parser->next()) {
        expect(!reply->is_error() && valid(*reply), "the raw socket client read an unexpected reply");
        ++read;
      }
    }
    expect(read == replies, "the raw socket client read more replies than it asked for");
  }

  void run_once() {
    send_all();
    for (std::size_t got = 0; got < reply_bytes_;) got += receive();
  }

 private:
  void send_all() {
    for (std::size_t sent = 0; sent < wire_.size();) {
      const ssize_t n = ::send(connection_.fd(), wire_.data() + sent, wire_.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) throw std::runtime_error("raw socket client: send failed");
      sent += static_cast<std::size_t>(n);
    }
  }
  std::size_t receive() {
    const ssize_t n = ::recv(connection_.fd(), buffer_.data(), buffer_.size(), 0);
    if (n <= 0) throw std::runtime_error("raw socket client: the server closed the connection");
    return static_cast<std::size_t>(n);
  }

  HiredisClient connection_;
  std::string wire_;
  std::size_t reply_bytes_ = 0;
  std::vector<char> buffer_ = std::vector<char>(64 * 1024);
};

// redis-benchmark on the same server: `-n <requests> <args> --csv`, its requests/s for `test`.
std::optional<double> run_redis_benchmark(const Server& server, std::string_view args, std::string_view test,
                                          std::size_t requests) {
  std::string command = fmt::format("redis-benchmark -h {} -p {} --dbnum {} -d 16 -n {} {} --csv", server.host,
                                    server.port, server.db, requests, args);
  // Single-quoted for the shell; a quote inside becomes '\'' (close, escaped quote, reopen).
  auto quoted = [](std::string_view text) {
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
  };
  if (!server.password.empty()) {
    command += " -a " + quoted(server.password);
    if (!server.username.empty()) command += " --user " + quoted(server.username);
  }
  return redispp::bench::redis_benchmark_rps(command, test);
}

struct Workload {
  std::string name;
  std::size_t ops;       // operations per round (full run), shared out among the threads
  std::size_t commands;  // commands per operation: 100 for a pipeline
  std::function<void(Client&, const Data&, bool full)> run;
  std::size_t threads = 1;
  // The redis-benchmark counterpart, if any: its arguments and which of its tests to read.
  std::string redis_benchmark_args = {};
  std::string redis_benchmark_test = {};
};

// Runs `ops` operations of `w` on `client`, shared out among w.threads threads; returns the
// seconds taken. A thread's failure is rethrown once all have stopped.
double run_round(const Workload& w, Client& client, const Data& data, std::size_t ops) {
  const auto start = std::chrono::steady_clock::now();
  if (w.threads == 1) {
    for (std::size_t i = 0; i < ops; ++i) w.run(client, data, false);
  } else {
    std::vector<std::exception_ptr> failures(w.threads);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < w.threads; ++t)
      threads.emplace_back([&, t] {
        try {
          Client& mine = client.for_thread(t);
          for (std::size_t i = t; i < ops; i += w.threads) w.run(mine, data, false);
        } catch (...) {
          failures[t] = std::current_exception();
        }
      });
    for (std::thread& thread : threads) thread.join();
    for (const std::exception_ptr& failure : failures)
      if (failure) std::rethrow_exception(failure);
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  return std::max(took.count(), 1e-9);
}

struct Options {
  std::optional<int> port;
  bool smoke = false;
  std::size_t rounds = 0;  // 0: 7, or 2 with --smoke
};

constexpr const char* usage =
    "usage: bench_roundtrip [--port P] [--smoke] [--rounds N]\n"
    "  --port P    the server at 127.0.0.1:P, database 0 (default: $REDIS_URL, else 127.0.0.1:6379)\n"
    "  --smoke     a few operations per workload, two rounds: checks that it runs (< 2 s)\n"
    "  --rounds N  measured rounds per workload (default 7); the table shows the median\n";

std::optional<Options> parse_options(int argc, char** argv) {
  Options options;
  auto number = [&](int& i, unsigned long& out) {
    if (i + 1 >= argc) return false;
    char* end = nullptr;
    out = std::strtoul(argv[++i], &end, 10);
    return end != argv[i] && *end == '\0' && out != 0;
  };
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    unsigned long value = 0;
    if (arg == "--smoke") {
      options.smoke = true;
    } else if (arg == "--port" && number(i, value) && value <= 65535) {
      options.port = static_cast<int>(value);
    } else if (arg == "--rounds" && number(i, value)) {
      options.rounds = value;
    } else {
      return std::nullopt;
    }
  }
  return options;
}

Server find_server(const Options& options) {
  Server server;
  if (options.port) {
    server.port = *options.port;
  } else if (const char* url = std::getenv("REDIS_URL"); url != nullptr && *url != '\0') {
    const redispp::UrlOptions parsed = redispp::parse_url(url);
    if (!parsed.connection.unix_socket_path.empty()) throw std::runtime_error("REDIS_URL: a unix:// server is not supported here");
    server.host = parsed.connection.host;
    server.port = parsed.connection.port;
    server.db = parsed.connection.db;
    server.username = parsed.connection.username;
    server.password = parsed.connection.password;
  }
  return server;
}

redispp::ConnectionOptions connection_options(const Server& server, redispp::ParserKind parser) {
  redispp::ConnectionOptions options;
  options.host = server.host;
  options.port = server.port;
  options.db = server.db;
  options.username = server.username;
  options.password = server.password;
  options.parser = parser;
  return options;
}

void write_data(redispp::Redis& r, const Data& d) {
  r.del(d.list_key, d.hash_key);
  redispp::Pipeline pipe = r.pipeline(false);
  for (const std::string& element : d.list) pipe.rpush(d.list_key, element);
  for (const auto& [field, value] : d.hash) pipe.hset(d.hash_key, field, value);
  pipe.set(d.big_key, d.big_value);
  pipe.execute();
}

void delete_data(redispp::Redis& r, const Data& d) {
  redispp::Pipeline pipe = r.pipeline(false);
  for (const std::string& key : {d.small_key, d.list_key, d.hash_key, d.big_key}) pipe.del(key);
  pipe.del("key:__rand_int__");  // redis-benchmark's SET and GET key
  for (const Batch* batch : {&d.pipe100, &d.pipe1000})
    for (const std::string& key : batch->keys) pipe.del(key);
  pipe.execute();
}

using redispp::bench::median;

std::string rate(double per_second) { return redispp::bench::si(per_second, " "); }

// The floor of four workloads: RawSocketClient (the least any client can do) against hiredis and
// redispp, measured in rounds of their own (the three take turns, the order rotating), since the
// table's rates come from another minute of a noisy machine. Where even the floor is not far
// above hiredis, the round trip (server and kernel) is the time, and no client can do much better.
void print_floor(const Server& server, const std::vector<Workload>& workloads, Client& redispp, Client& hiredis,
                 const Data& d, std::size_t rounds, bool smoke) {
  auto array_of = [](std::size_t n) {
    return [n](const redispp::Reply& reply) { return reply.elements().size() == n; };
  };
  auto any = [](const redispp::Reply&) { return true; };
  std::string set_wire, get_wire, lrange_wire, hgetall_wire;
  for (std::size_t i = 0; i < d.pipe100.keys.size(); ++i) {
    redispp::encode_command(set_wire, "SET", d.pipe100.keys[i], d.pipe100.values[i]);
    redispp::encode_command(get_wire, "GET", d.pipe100.keys[i]);
  }
  redispp::encode_command(lrange_wire, "LRANGE", d.list_key, 0, -1);
  redispp::encode_command(hgetall_wire, "HGETALL", d.hash_key);
  struct Floor {
    std::string workload;
    RawSocketClient raw;
  };
  Floor floors[] = {
      {"pipeline 100 SET", RawSocketClient(server, set_wire, d.pipe100.keys.size(), any)},
      {"pipeline 100 GET", RawSocketClient(server, get_wire, d.pipe100.keys.size(), any)},
      {"LRANGE 100 elements", RawSocketClient(server, lrange_wire, 1, array_of(d.list.size()))},
      {"HGETALL 100 fields", RawSocketClient(server, hgetall_wire, 1, array_of(2 * d.hash.size()))},
  };
  fmt::print("\nthe floor: a client that sends encoded bytes and reads the reply's bytes back, parsing nothing\n"
             "(raw), against redispp and hiredis in rounds of their own\n");
  fmt::print("{:<20} {:>10} {:>10} {:>10} {:>10} {:>10}\n", "workload", "raw", "redispp", "hiredis", "raw/hi", "redispp/hi");
  for (Floor& floor : floors) {
    const auto w = std::find_if(workloads.begin(), workloads.end(), [&](const Workload& x) { return x.name == floor.workload; });
    if (w == workloads.end()) throw std::logic_error("print_floor: no workload " + floor.workload);
    const std::size_t ops = smoke ? std::max<std::size_t>(2, w->ops / 200) : w->ops;
    const double commands = static_cast<double>(ops * w->commands);
    std::vector<double> rates[3];  // raw, redispp, hiredis
    auto measure = [&](std::size_t contender) {
      if (contender == 0) {
        const auto start = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < ops; ++i) floor.raw.run_once();
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        rates[0].push_back(commands / std::max(took.count(), 1e-9));
      } else {
        rates[contender].push_back(commands / run_round(*w, contender == 1 ? redispp : hiredis, d, ops));
      }
    };
    for (std::size_t round = 0; round < rounds; ++round)
      for (std::size_t k = 0; k < 3; ++k) measure((round + k) % 3);
    const double raw = median(rates[0]), ours = median(rates[1]), theirs = median(rates[2]);
    fmt::print("{:<20} {:>10} {:>10} {:>10} {:>9.2f}x {:>9.2f}x\n", floor.workload, rate(raw), rate(ours), rate(theirs),
               raw / theirs, ours / theirs);
  }
  std::fflush(stdout);
}

// The memory targets: heap allocations per round trip (the replaced operator new, counted over
// `n` calls after a warm-up) and the buffers an idle pooled connection keeps after a 1 MiB reply.
void print_memory(Client& builtin, Client& hiredis_parser, const Data& d, int n) {
  auto per_call = [n](auto&& call) {
    for (int i = 0; i < 10; ++i) call();
    const redispp::test::AllocationDelta delta;
    for (int i = 0; i < n; ++i) call();
    return static_cast<double>(delta.calls()) / n;
  };
  auto idle_buffers = [&d](Client& client) {
    client.get_big(d, false);
    redispp::Redis& redis = static_cast<RedisppClient&>(client).redis();
    const redispp::Lease lease = redis.connection_pool()->acquire();  // the connection just used
    return fmt::format("{:.1f} KiB", static_cast<double>(lease->buffer_memory()) / 1024.0);
  };
  fmt::print("\n{:<52} {:>10} {:>17}\n", "memory (target)", "redispp", "redispp+hi.parser");
  fmt::print("{:<52} {:>10.2f} {:>17.2f}\n", "heap allocations per GET 16 B round trip (<= 2)",
             per_call([&] { builtin.get_small(d); }), per_call([&] { hiredis_parser.get_small(d); }));
  fmt::print("{:<52} {:>10.2f} {:>17.2f}\n", "heap allocations per SET 16 B round trip",
             per_call([&] { builtin.set_small(d); }), per_call([&] { hiredis_parser.set_small(d); }));
  fmt::print("{:<52} {:>10} {:>17}\n", "idle connection's buffers after GET 1 MiB (<= 32 KiB)", idle_buffers(builtin),
             idle_buffers(hiredis_parser));
}

// What the pool's clean-connection check costs: acquire + release of an idle connection, which
// polls its socket once (ConnectionPool::acquire), in ns, median of 5 rounds of `n`.
void print_checkout_cost(Client& builtin, int n) {
  redispp::ConnectionPool& pool = *static_cast<RedisppClient&>(builtin).redis().connection_pool();
  std::vector<double> per_checkout;
  for (int round = 0; round < 5; ++round) {
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) redispp::Lease lease = pool.acquire();
    per_checkout.push_back(std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - started).count() / n);
  }
  fmt::print("\n{:<52} {:>10.0f} ns\n", "pool checkout (acquire + release, one poll())", median(per_checkout));
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Options> options = parse_options(argc, argv);
  if (!options) {
    std::fputs(usage, stderr);
    return 2;
  }
  const std::size_t rounds = options->rounds != 0 ? options->rounds : options->smoke ? 2 : 7;

  try {
    const Server server = find_server(*options);
    const Data data;

    // Clients in their order for even rounds; odd rounds run them in reverse, so redispp and
    // hiredis take turns at going first.
    std::vector<std::unique_ptr<Client>> clients;
    auto builtin = std::make_unique<RedisppClient>("redispp", connection_options(server, redispp::ParserKind::builtin));
    redispp::Redis& setup = builtin->redis();
    clients.push_back(std::move(builtin));
    clients.push_back(std::make_unique<RedisppClient>("redispp+hiredis parser", connection_options(server, redispp::ParserKind::hiredis)));
    clients.push_back(std::make_unique<HiredisClient>(server));

    write_data(setup, data);

    const std::vector<Workload> workloads = {
        {"SET 16 B", 20000, 1, [](Client& c, const Data& d, bool) { c.set_small(d); }},
        {"GET 16 B", 20000, 1, [](Client& c, const Data& d, bool) { c.get_small(d); }},
        {"pipeline 100 SET", 400, 100, [](Client& c, const Data& d, bool) { c.pipeline_set(d.pipe100); }, 1, "-t set -P 100 -c 1", "SET"},
        {"pipeline 100 GET", 400, 100, [](Client& c, const Data& d, bool) { c.pipeline_get(d.pipe100); }, 1, "-t set,get -P 100 -c 1", "GET"},
        {"pipeline 1000 SET", 60, 1000, [](Client& c, const Data& d, bool) { c.pipeline_set(d.pipe1000); }, 1, "-t set -P 1000 -c 1", "SET"},
        {"pipeline 1000 GET", 60, 1000, [](Client& c, const Data& d, bool) { c.pipeline_get(d.pipe1000); }, 1, "-t set,get -P 1000 -c 1", "GET"},
        {"8 threads SET 16 B", 40000, 1, [](Client& c, const Data& d, bool) { c.set_small(d); }, 8, "-t set -P 1 -c 8", "SET"},
        {"8 threads GET 16 B", 40000, 1, [](Client& c, const Data& d, bool) { c.get_small(d); }, 8, "-t set,get -P 1 -c 8", "GET"},
        {"LRANGE 100 elements", 8000, 1, [](Client& c, const Data& d, bool full) { c.lrange(d, full); }},
        {"HGETALL 100 fields", 5000, 1, [](Client& c, const Data& d, bool full) { c.hgetall(d, full); }},
        {"GET 1 MiB", 300, 1, [](Client& c, const Data& d, bool full) { c.get_big(d, full); }},
    };

    fmt::print("bench_roundtrip: {}:{} db {}, {} rounds{}; commands/s, median round\n"
               "(8 threads: one redispp::Redis on a pool of 8, hiredis with a context per thread; "
               "rb = redis-benchmark with the arguments in bench/README.md)\n\n",
               server.host, server.port, server.db, rounds, options->smoke ? " (--smoke: the numbers mean nothing)" : "");
    const std::string header =
        fmt::format("{:<20} {:>10} {:>10} {:>17} {:>10} {:>10} {:>10} {:>12} {:>10}", "workload", "cmds/round", "redispp",
                    "redispp+hi.parser", "hiredis", "rb", "redispp/hi", "hi.parser/hi", "redispp/rb");
    fmt::print("{}\n{}\n", header, std::string(header.size(), '-'));
    std::fflush(stdout);

    for (const Workload& w : workloads) {
      const std::size_t ops = options->smoke ? std::max<std::size_t>(w.threads * 2, w.ops / 200) : w.ops;
      // Warm-up: connections open, buffers grown, every reply compared in full.
      for (auto& client : clients) {
        client->prepare_threads(w.threads);
        for (std::size_t t = 0; t < w.threads; ++t)
          for (std::size_t i = 0; i < std::min<std::size_t>(ops, 50); ++i) w.run(client->for_thread(t), data, true);
      }

      std::vector<std::vector<double>> rates(clients.size());
      std::vector<double> baseline;  // redis-benchmark's, when the workload has a counterpart
      std::vector<std::size_t> order(clients.size());
      for (std::size_t round = 0; round < rounds; ++round) {
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        if (round % 2 == 1) std::reverse(order.begin(), order.end());
        for (const std::size_t c : order)
          rates[c].push_back(static_cast<double>(ops * w.commands) / run_round(w, *clients[c], data, ops));
        if (!w.redis_benchmark_args.empty())
          if (const auto rps = run_redis_benchmark(server, w.redis_benchmark_args, w.redis_benchmark_test, ops * w.commands))
            baseline.push_back(*rps);
      }
      const double ours = median(rates[0]), ours_hp = median(rates[1]), theirs = median(rates[2]);
      const std::optional<double> rb = baseline.empty() ? std::nullopt : std::optional<double>(median(baseline));
      fmt::print("{:<20} {:>10} {:>10} {:>17} {:>10} {:>10} {:>9.2f}x {:>11.2f}x {:>10}\n", w.name, ops * w.commands,
                 rate(ours), rate(ours_hp), rate(theirs), rb ? rate(*rb) : "-", ours / theirs, ours_hp / theirs,
                 rb ? fmt::format("{:.2f}x", ours / *rb) : "-");
      std::fflush(stdout);
    }

    print_floor(server, workloads, *clients[0], *clients[2], data, rounds, options->smoke);
    print_memory(*clients[0], *clients[1], data, options->smoke ? 100 : 2000);
    print_checkout_cost(*clients[0], options->smoke ? 100 : 200000);

    delete_data(setup, data);
  } catch (const Mismatch& e) {
    fmt::print(stderr, "bench_roundtrip: {}\n", e.what());
    return EXIT_FAILURE;
  } catch (const std::exception& e) {
    fmt::print(stderr, "bench_roundtrip: {}\n", e.what());
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
