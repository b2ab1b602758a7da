// bench_instructions: the workloads whose instruction counts bench/README.md gives (performance
// round 2), run as plain loops so that callgrind can count them (bench/count_instructions.sh).
// Wall time means little on a shared machine; instructions executed do not depend on the load,
// so a lever's effect shows as a change of a few percent that a timer would lose in the noise.
//
//   bench_instructions --url redis://127.0.0.1:6379/0 pipeline-get [count]
//
// Workloads (count: how many pipelines or commands; the defaults are the README's):
//   pipeline-get, pipeline-set   count pipelines of 100 GETs / SETs of 16-byte values (1000)
//   lrange, hgetall              count LRANGE / HGETALL of 100 elements, typed (2000)
//   single-set                   count SETs, one round trip each (2000)
//   hiredis-lrange, hiredis-hgetall, hiredis-single-set
//                                the same through hiredis' own API (redisCommand, the reply
//                                tree read and freed), as bench_roundtrip's hiredis column
//                                runs them: built only with hiredis (REDISPP_WITH_HIREDIS)
// Each checks what it read and exits non-zero on a wrong reply, so a lever that broke something
// cannot pass for a fast one.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <redispp/redispp.hpp>

#ifdef REDISPP_WITH_HIREDIS
#include <hiredis/hiredis.h>
#endif

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "bench_instructions: %s\n", what.c_str());
  std::exit(1);
}

void pipelines(redispp::Redis& r, bool set, long count) {
  std::vector<std::string> keys;
  std::vector<std::string> values;
  for (int i = 0; i < 100; ++i) {
    keys.push_back("redispp:bench:insn:p:" + std::to_string(i));
    values.push_back(std::string(16, static_cast<char>('a' + i % 26)));
  }
  for (int i = 0; i < 100; ++i) r.set(keys[i], values[i]);
  for (long b = 0; b < count; ++b) {
    redispp::Pipeline pipe = r.pipeline(false);
    for (int i = 0; i < 100; ++i) {
      if (set)
        pipe.set(keys[i], values[i]);
      else
        pipe.get(keys[i]);
    }
    const redispp::PipelineResults results = pipe.execute();
    for (std::size_t i = 0; i < results.size(); ++i) {
      const std::string_view expected = set ? std::string_view("OK") : std::string_view(values[i]);
      if (results.reply(i).str() != expected) fail("pipeline reply " + std::to_string(i) + " is not " + std::string(expected));
    }
  }
}

void aggregates(redispp::Redis& r, bool hash, long count) {
  const std::string list_key = "redispp:bench:insn:list";
  const std::string hash_key = "redispp:bench:insn:hash";
  r.del({list_key, hash_key});
  for (int i = 0; i < 100; ++i) {
    r.rpush(list_key, "element-" + std::to_string(i));
    r.hset(hash_key, "field:" + std::to_string(i), "value-of-field-" + std::to_string(i));
  }
  for (long n = 0; n < count; ++n) {
    if (hash) {
      const std::unordered_map<std::string, std::string> fields = r.hgetall(hash_key);
      if (fields.size() != 100 || fields.at("field:7") != "value-of-field-7") fail("HGETALL read another hash");
    } else {
      const std::vector<std::string> elements = r.lrange(list_key, 0, -1);
      if (elements.size() != 100 || elements[99] != "element-99") fail("LRANGE read another list");
    }
  }
}

#ifdef REDISPP_WITH_HIREDIS
// hiredis on the same server and database as `r` (which made the keys).
class HiredisClient {
 public:
  explicit HiredisClient(const redispp::Redis& r) {
    const redispp::ConnectionOptions& options = r.connection_pool()->connection_options();
    context_ = redisConnect(options.host.c_str(), options.port);
    if (context_ == nullptr || context_->err != 0)
      fail("hiredis: connect to " + options.host + ":" + std::to_string(options.port) + ": " +
           (context_ != nullptr ? context_->errstr : "cannot allocate a context"));
    // The same credentials and database as redispp's connection (the URL's).
    if (!options.password.empty())
      expect_status(options.username.empty() ? command("AUTH %s", options.password.c_str())
                                             : command("AUTH %s %s", options.username.c_str(), options.password.c_str()),
                    "AUTH");
    expect_status(command("SELECT %d", options.db), "SELECT");
  }
  ~HiredisClient() { redisFree(context_); }
  HiredisClient(const HiredisClient&) = delete;
  HiredisClient& operator=(const HiredisClient&) = delete;

  template <class... Args>
  redisReply* command(const char* format, Args... args) {
    auto* reply = static_cast<redisReply*>(redisCommand(context_, format, args...));
    if (reply == nullptr) fail("hiredis: the connection failed");
    return reply;
  }
  static void expect_status(redisReply* reply, const char* what) {
    const bool ok = reply->type == REDIS_REPLY_STATUS;
    // An error reply's text says why (NOAUTH, WRONGPASS, a database out of range ...).
    const std::string error = reply->type == REDIS_REPLY_ERROR ? std::string(reply->str, reply->len) : "";
    freeReplyObject(reply);
    if (!ok) fail(std::string("hiredis: ") + what + " did not answer OK" + (error.empty() ? "" : ": " + error));
  }

 private:
  redisContext* context_ = nullptr;
};

std::string_view text(const redisReply& reply) { return std::string_view(reply.str, reply.len); }

void hiredis_aggregates(HiredisClient& h, bool hash, long count) {
  for (long n = 0; n < count; ++n) {
    redisReply* reply = hash ? h.command("HGETALL %s", "redispp:bench:insn:hash") : h.command("LRANGE %s 0 -1", "redispp:bench:insn:list");
    bool ok = reply->type == REDIS_REPLY_ARRAY && reply->elements == (hash ? 200u : 100u);
    if (ok && hash) {  // as redispp's check: field:7 is there with its value (in whatever order)
      ok = false;
      for (std::size_t i = 0; i + 1 < reply->elements; i += 2)
        if (text(*reply->element[i]) == "field:7") ok = text(*reply->element[i + 1]) == "value-of-field-7";
    } else if (ok) {
      ok = text(*reply->element[99]) == "element-99";
    }
    freeReplyObject(reply);
    if (!ok) fail(hash ? "hiredis: HGETALL read another hash" : "hiredis: LRANGE read another list");
  }
}

void hiredis_single_sets(HiredisClient& h, long count) {
  const std::string value(16, 'v');
  for (long n = 0; n < count; ++n)
    HiredisClient::expect_status(h.command("SET %s %b", "redispp:bench:insn:single", value.data(), value.size()), "SET");
}
#endif

void single_sets(redispp::Redis& r, long count) {
  const std::string value(16, 'v');
  for (long n = 0; n < count; ++n)
    if (!r.set("redispp:bench:insn:single", value)) fail("SET did not answer OK");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4 || std::string_view(argv[1]) != "--url") {
    std::fprintf(stderr, "usage: %s --url redis://host:port/db pipeline-get|pipeline-set|lrange|hgetall|single-set [count]\n",
                 argv[0]);
    return 2;
  }
  const std::string_view workload = argv[3];
  const long count = argc > 4 ? std::atol(argv[4]) : (workload.substr(0, 8) == "pipeline" ? 1000 : 2000);
  redispp::Redis r = redispp::Redis::from_url(argv[2]);
  if (workload == "pipeline-get" || workload == "pipeline-set")
    pipelines(r, workload == "pipeline-set", count);
  else if (workload == "lrange" || workload == "hgetall")
    aggregates(r, workload == "hgetall", count);
  else if (workload == "single-set")
    single_sets(r, count);
#ifdef REDISPP_WITH_HIREDIS
  else if (workload == "hiredis-lrange" || workload == "hiredis-hgetall") {
    aggregates(r, workload == "hiredis-hgetall", 1);  // the keys, made and checked by redispp
    HiredisClient h(r);
    hiredis_aggregates(h, workload == "hiredis-hgetall", count);
  } else if (workload == "hiredis-single-set") {
    HiredisClient h(r);
    hiredis_single_sets(h, count);
  }
#endif
  else
    fail("no workload '" + std::string(workload) + "'");
  std::printf("%s x %ld: ok\n", std::string(workload).c_str(), count);
  return 0;
}
