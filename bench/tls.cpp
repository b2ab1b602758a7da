// bench_tls: what TLS costs redispp, on one server that has both a TLS port and a plain port
// (scripts/bench.sh starts one): SET one at a time (P1) and in pipelines of 100, over TLS and
// over plain TCP, and redis-benchmark --tls with the same commands as the baseline. Rounds are
// interleaved (redispp TLS, redispp plain, redis-benchmark --tls), and the median round is
// printed, as in bench_roundtrip.
//
//   bench_tls --tls-port P --plain-port Q --ca CA.crt [--smoke] [--rounds N]
//
// Target (issue: TLS): TLS pipeline-100 >= 0.9x redis-benchmark --tls -P 100.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include <redispp/redispp.hpp>

#include "redis_benchmark.hpp"  // redis_benchmark_rps
#include "summary.hpp"

namespace {

using redispp::bench::median;
using redispp::bench::si;

struct Options {
  int tls_port = 0;
  int plain_port = 0;
  std::string ca;
  bool smoke = false;
  std::size_t rounds = 0;
};

std::optional<Options> parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--smoke") {
      options.smoke = true;
    } else if (arg == "--tls-port" && has_value) {
      options.tls_port = std::atoi(argv[++i]);
    } else if (arg == "--plain-port" && has_value) {
      options.plain_port = std::atoi(argv[++i]);
    } else if (arg == "--ca" && has_value) {
      options.ca = argv[++i];
    } else if (arg == "--rounds" && has_value) {
      options.rounds = std::strtoul(argv[++i], nullptr, 10);
    } else {
      return std::nullopt;
    }
  }
  if (options.tls_port <= 0 || options.plain_port <= 0 || options.ca.empty()) return std::nullopt;
  return options;
}

// redis-benchmark --tls on the same server: requests/s of its SET test, or nullopt.
std::optional<double> redis_benchmark_tls(const Options& options, std::size_t requests, int pipeline) {
  return redispp::bench::redis_benchmark_rps(
      fmt::format("redis-benchmark --tls --cacert '{}' -h 127.0.0.1 -p {} --dbnum 9 -c 1 -P {} -d 16 -n {} -t set --csv",
                  options.ca, options.tls_port, pipeline, requests),
      "SET");
}

// Operations per second of `run(ops)`.
double rate(std::size_t ops, const std::function<void(std::size_t)>& run) {
  const auto start = std::chrono::steady_clock::now();
  run(ops);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  return static_cast<double>(ops) / took.count();
}

void p1(redispp::Redis& r, std::size_t ops) {
  for (std::size_t i = 0; i < ops; ++i)
    if (!r.set("bench:tls:key", "0123456789abcdef")) throw std::runtime_error("SET failed");
}

void pipeline100(redispp::Redis& r, std::size_t ops) {
  auto pipe = r.pipeline(false);
  for (std::size_t done = 0; done < ops; done += 100) {
    for (int i = 0; i < 100; ++i) pipe.set("bench:tls:key", "0123456789abcdef");
    if (pipe.execute().size() != 100) throw std::runtime_error("pipeline lost replies");
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Options> options = parse_options(argc, argv);
  if (!options) {
    std::fputs("usage: bench_tls --tls-port P --plain-port Q --ca CA.crt [--smoke] [--rounds N]\n", stderr);
    return 2;
  }
  const std::size_t rounds = options->rounds != 0 ? options->rounds : options->smoke ? 2 : 5;
  redispp::ConnectionOptions plain_options;
  plain_options.port = options->plain_port;
  plain_options.db = 9;
  redispp::ConnectionOptions tls_options = plain_options;
  tls_options.port = options->tls_port;
  tls_options.tls = redispp::TlsOptions{.ca_certs = options->ca};
  redispp::Redis tls{tls_options};
  redispp::Redis plain{plain_options};

  struct Workload {
    std::string name;
    std::size_t ops;
    int pipeline;
    void (*run)(redispp::Redis&, std::size_t);
  };
  const std::vector<Workload> workloads{{"SET, one at a time (P1)", 20000, 1, p1},
                                        {"SET, pipeline of 100", 400000, 100, pipeline100}};
  fmt::print("bench_tls: one redis-server, TLS port {} and plain port {}; {} rounds, median{}\n\n", options->tls_port,
             options->plain_port, rounds, options->smoke ? " (--smoke: the numbers mean nothing)" : "");
  fmt::print("{:<26} {:>10} {:>10} {:>10} {:>12} {:>10}\n", "workload", "TLS", "plain", "TLS/plain", "rb --tls",
             "TLS/rb");
  bool target_met = true;
  for (const Workload& w : workloads) {
    const std::size_t ops = options->smoke ? 200 : w.ops;
    std::vector<double> over_tls, over_plain, baseline;
    for (std::size_t round = 0; round < rounds; ++round) {
      over_tls.push_back(rate(ops, [&](std::size_t n) { w.run(tls, n); }));
      over_plain.push_back(rate(ops, [&](std::size_t n) { w.run(plain, n); }));
      if (const auto rps = redis_benchmark_tls(*options, ops, w.pipeline)) baseline.push_back(*rps);
    }
    const double t = median(over_tls), p = median(over_plain);
    const std::string rb = baseline.empty() ? "-" : si(median(baseline));
    const std::string ratio = baseline.empty() ? "-" : fmt::format("{:.2f}x", t / median(baseline));
    fmt::print("{:<26} {:>10} {:>10} {:>9.2f}x {:>12} {:>10}\n", w.name, si(t), si(p), t / p, rb, ratio);
    if (w.pipeline == 100 && !baseline.empty() && t / median(baseline) < 0.9) target_met = false;
  }
  fmt::print("\ntarget: TLS pipeline-100 >= 0.9x redis-benchmark --tls -P 100: {}\n",
             options->smoke ? "(not judged in --smoke)" : target_met ? "met" : "NOT met");
  tls.del("bench:tls:key");
  return 0;
}
