// bench_parser: replies/s, MB/s and heap allocations per reply of the built-in RespParser and of
// HiredisParser on the reply shapes a client meets most (see bench/README.md).
//
// Each workload is encoded once into one buffer, then fed to a fresh parser in socket-sized
// chunks, draining every complete reply after each chunk, as a connection's read loop does. The
// parsers take turns, several rounds, so that a noisy neighbour on the machine slows both alike;
// the table shows each parser's median round. Allocations are counted by the replacement
// operator new below, around each measured round.
//
//   bench_parser [--smoke] [--rounds N] [--chunk BYTES] [--only TEXT]

#include <chrono>       // std::chrono::steady_clock
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint64_t
#include <cstdio>       // std::fputs
#include <cstdlib>      // std::strtoull, EXIT_SUCCESS
#include <memory>       // std::unique_ptr
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::pair, std::move
#include <vector>       // std::vector

#include <fmt/format.h>

#include <redispp/protocol/parser.hpp>  // make_parser, ParserKind
#include <redispp/protocol/reply.hpp>   // Reply
#include <redispp/protocol/strings_target.hpp>  // StringsTarget: the typed commands' sinks
#ifdef REDISPP_WITH_HIREDIS
#include <redispp/protocol/hiredis_parser.hpp>  // HiredisParser::hiredis_version
#endif

// Allocation counting: every operator new of this program, whatever its form, is counted.
// hiredis' reader calls malloc itself (its buffer), which this does not see: bench/README.md,
// "Allocations".
#include "support/counting_new.hpp"  // tests/support

#include "summary.hpp"  // median, si

namespace {

using Clock = std::chrono::steady_clock;
using redispp::ParserKind;
using redispp::Reply;

struct Workload {
  std::string name;
  std::string bytes;        // every reply, encoded back to back
  std::size_t replies = 0;  // how many there are
  bool resp3 = false;       // hiredis < 1.1 cannot read it: the built-in parser runs alone
  // Read as a typed command reads it into std::vector<std::string> (r.lrange()): through
  // Parser::next_strings() where the parser has that path (the built-in one: no Reply at all),
  // else through a Reply and convert<T> (the hiredis parser).
  bool as_strings = false;
};

void append_bulk(std::string& out, std::string_view text) {
  out += '$';
  out += std::to_string(text.size());
  out += "\r\n";
  out += text;
  out += "\r\n";
}

void append_header(std::string& out, char type, std::size_t count) {
  out += type;
  out += std::to_string(count);
  out += "\r\n";
}

// Repeats `make(i)` (the encoding of reply number i) until `target` bytes, at least one reply.
template <class Make>
Workload repeat(std::string name, std::size_t target, Make make) {
  Workload w{std::move(name), {}, 0};
  w.bytes.reserve(target + target / 8);
  while (w.replies == 0 || w.bytes.size() < target) make(w.bytes, w.replies++);
  return w;
}

std::string text_of(std::size_t size, std::size_t seed) {
  std::string text(size, 'a');
  for (std::size_t i = 0; i < size; ++i) text[i] = static_cast<char>('a' + (i * 7 + seed) % 26);
  return text;
}

// The workloads (a) to (d) are the ones the foundation issue names and sets targets for
// (bench/README.md); the others are further reply shapes a client meets.
std::vector<Workload> make_workloads(std::size_t target) {
  std::vector<Workload> all;
  // (a) GET of small values: per-reply overhead is everything. 16 bytes is one past what
  // std::string keeps inline (libstdc++: 15), so each body is one allocation.
  {
    const std::string value = text_of(16, 16);
    all.push_back(repeat("(a) small bulk 16 B (GET)", target,
                         [&value](std::string& out, std::size_t) { append_bulk(out, value); }));
  }
  // (b) LRANGE 0 99 of values of 10 to 100 bytes: 37 and 91 are coprime, so element n's size,
  // 10 + n * 37 % 91, runs through every size in [10, 100] evenly; bodies are slices of one text.
  {
    const std::string letters = text_of(256, 3);
    all.push_back(repeat("(b) array of 100 bulk 10-100 B", target, [&letters](std::string& out, std::size_t i) {
      append_header(out, '*', 100);
      for (std::size_t k = 0; k < 100; ++k) {
        const std::size_t n = i * 100 + k;
        append_bulk(out, std::string_view(letters).substr(n % 101, 10 + n * 37 % 91));
      }
    }));
  }
  // (b) again, as r.lrange() reads it: what a user of each parser pays for a typed LRANGE.
  {
    Workload typed = all.back();
    typed.name = "(b) as vector<string>";
    typed.as_strings = true;
    all.push_back(std::move(typed));
  }
  // (c) INCR, LLEN, DEL ... answers: integers of 1 to 18 digits, every fourth one negative.
  all.push_back(repeat("(c) integers (INCR)", target, [](std::string& out, std::size_t i) {
    constexpr std::uint64_t modulus[] = {10, 1000, 1000000, 1000000000, 1000000000000, 1000000000000000000};
    const auto magnitude = static_cast<long long>(i * 2654435761u % modulus[i % 6]);
    out += ':';
    out += std::to_string(i % 4 == 3 ? -magnitude : magnitude);
    out += "\r\n";
  }));
  // (d) HGETALL of 20 fields over RESP3: a map, "%20" then 20 field/value pairs.
  {
    Workload map = repeat("(d) RESP3 map of 20 fields", target, [](std::string& out, std::size_t i) {
      append_header(out, '%', 20);
      for (std::size_t k = 0; k < 20; ++k) {
        append_bulk(out, fmt::format("field:{}", k));
        append_bulk(out, fmt::format("value-{}-{}", i % 1000, k));
      }
    });
    map.resp3 = true;
    all.push_back(std::move(map));
  }
  // SET / INCR answers alternately.
  all.push_back(repeat("status+integer", target, [](std::string& out, std::size_t i) {
    if (i % 2 == 0)
      out += "+OK\r\n";
    else
      out += ":" + std::to_string(i * 7919 % 1000000) + "\r\n";
  }));
  // GET of larger values.
  for (const auto& [name, size] : {std::pair<const char*, std::size_t>{"bulk 1 KiB", 1024}, {"bulk 1 MiB", 1024 * 1024}}) {
    const std::string value = text_of(size, size);
    all.push_back(repeat(name, target, [&value](std::string& out, std::size_t) { append_bulk(out, value); }));
  }
  // LRANGE 0 99: an array of 100 short bulk strings of one size.
  all.push_back(repeat("array of 100 bulk (LRANGE)", target, [](std::string& out, std::size_t i) {
    append_header(out, '*', 100);
    for (std::size_t k = 0; k < 100; ++k) append_bulk(out, fmt::format("element:{:06}", (i * 100 + k) % 1000000));
  }));
  // HGETALL of 100 fields (RESP2: a flat array of 200 elements, field, value, ...).
  all.push_back(repeat("array of 200 flat (HGETALL)", target, [](std::string& out, std::size_t i) {
    append_header(out, '*', 200);
    for (std::size_t k = 0; k < 100; ++k) {
      append_bulk(out, fmt::format("field:{}", k));
      append_bulk(out, fmt::format("value-{}-{}", i % 1000, k));
    }
  }));
  // XRANGE: 10 entries, each [id, [field, value, field, value]]: arrays three deep.
  all.push_back(repeat("nested arrays (XRANGE)", target, [](std::string& out, std::size_t i) {
    append_header(out, '*', 10);
    for (std::size_t k = 0; k < 10; ++k) {
      append_header(out, '*', 2);
      append_bulk(out, fmt::format("1526985054{:03}-{}", i % 1000, k));
      append_header(out, '*', 4);
      append_bulk(out, "sensor");
      append_bulk(out, fmt::format("{}", 1000 + k));
      append_bulk(out, "temperature");
      append_bulk(out, fmt::format("{}.{}", 19 + k % 5, i % 10));
    }
  }));
  return all;
}

// A cheap fingerprint of a reply tree, so that the compiler cannot drop the parsing and both
// parsers can be checked to agree. Walks the whole tree: reading what was parsed is part of
// what a client does with it.
std::uint64_t fingerprint(const Reply& reply) {
  std::uint64_t sum = static_cast<std::uint64_t>(reply.type()) * 31;
  if (reply.has_text()) sum += reply.str().size() * 131 + static_cast<unsigned char>(reply.str().empty() ? 0 : reply.str()[0]);
  if (reply.type() == redispp::ReplyType::integer) sum += static_cast<std::uint64_t>(reply.integer());
  for (const Reply& child : reply.elements()) sum = sum * 7 + fingerprint(child);
  return sum;
}

// The same for a reply read as strings (as_strings): equal to fingerprint() of its Reply
// only in spirit, but equal between the two parsers, which is what is checked.
std::uint64_t fingerprint(const std::vector<std::string>& strings) {
  std::uint64_t sum = static_cast<std::uint64_t>(redispp::ReplyType::array) * 31;
  for (const std::string& s : strings)
    sum = sum * 7 + s.size() * 131 + static_cast<unsigned char>(s.empty() ? 0 : s[0]);
  return sum;
}

struct Run {
  double seconds = 0;
  std::size_t replies = 0;
  std::uint64_t allocations = 0;  // operator new calls while feeding, parsing and dropping them
  std::uint64_t fingerprint = 0;
};

// Feeds all of `w` to `parser` and drains it. The parser ends idle: a workload ends with a reply.
Run parse_all(redispp::Parser& parser, const Workload& w, std::size_t chunk) {
  Run run;
  const std::string_view input = w.bytes;
  const redispp::test::AllocationDelta allocations;
  const Clock::time_point start = Clock::now();
  for (std::size_t at = 0; at < input.size(); at += chunk) {
    parser.feed(input.substr(at, chunk));
    if (w.as_strings) {
      for (;;) {
        // What Connection does for a typed command (impl/connection.ipp).
        redispp::detail::StringsTarget<std::vector<std::string>> target;
        const redispp::StringsRead read = parser.next_strings(target);
        if (read == redispp::StringsRead::need_more) break;
        if (read == redispp::StringsRead::not_strings) {
          std::optional<Reply> reply = parser.next();
          if (!reply) break;
          target.value = redispp::convert<std::vector<std::string>>(std::move(*reply));
        }
        run.fingerprint += fingerprint(target.value);
        ++run.replies;
      }
      continue;
    }
    while (std::optional<Reply> reply = parser.next()) {
      run.fingerprint += fingerprint(*reply);
      ++run.replies;
    }
  }
  run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  run.allocations = allocations.calls();
  return run;
}

using redispp::bench::median;
using redispp::bench::si;

struct Options {
  bool smoke = false;
  std::size_t rounds = 0;  // 0: the mode's default
  std::size_t chunk = 16 * 1024;
  std::string only;  // run the workloads whose name contains this
};

constexpr const char* usage =
    "usage: bench_parser [--smoke] [--rounds N] [--chunk BYTES] [--only TEXT]\n"
    "  --smoke        tiny workloads, two rounds: checks the benchmark runs (well under 2 s)\n"
    "  --rounds N     rounds per parser (default 7; the median round is reported)\n"
    "  --chunk BYTES  bytes fed per call, like one socket read (default 16384)\n"
    "  --only TEXT    only the workloads whose name contains TEXT (\"bulk\", \"(a)\", \"RESP3\")\n";

std::optional<Options> parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto number = [&](std::size_t& out) {
      if (i + 1 >= argc) return false;
      char* end = nullptr;
      const unsigned long long value = std::strtoull(argv[++i], &end, 10);
      if (end == argv[i] || *end != '\0' || value == 0) return false;
      out = static_cast<std::size_t>(value);
      return true;
    };
    if (arg == "--smoke") {
      options.smoke = true;
    } else if (arg == "--rounds") {
      if (!number(options.rounds)) return std::nullopt;
    } else if (arg == "--chunk") {
      if (!number(options.chunk)) return std::nullopt;
    } else if (arg == "--only" && i + 1 < argc) {
      options.only = argv[++i];
    } else {
      return std::nullopt;
    }
  }
  return options;
}

// One parser's measured rounds on one workload.
struct Measured {
  std::vector<double> seconds;    // one per round
  std::uint64_t allocations = 0;  // summed over the rounds
  std::uint64_t replies = 0;      // likewise
  std::uint64_t fingerprint = 0;  // of the last round
};

// "replies/s  MB/s  allocs/reply" for one parser, or dashes where it did not run.
std::string columns(const Measured* m, const Workload& w) {
  if (m == nullptr) return fmt::format("{:>11} {:>7} {:>12}", "-", "-", "-");
  const double time = median(m->seconds);
  return fmt::format("{:>11} {:>7.0f} {:>12.2f}", si(static_cast<double>(w.replies) / time),
                     static_cast<double>(w.bytes.size()) / 1e6 / time,
                     static_cast<double>(m->allocations) / static_cast<double>(m->replies));
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Options> options = parse_options(argc, argv);
  if (!options) {
    std::fputs(usage, stderr);
    return EXIT_FAILURE;
  }
  const std::size_t target = options->smoke ? 256 * 1024 : 32 * 1024 * 1024;
  const std::size_t rounds = options->rounds != 0 ? options->rounds : options->smoke ? 2 : 7;

  // kinds[0] is always the built-in parser, kinds[1] hiredis when it is built.
  std::vector<ParserKind> kinds{ParserKind::builtin};
#ifdef REDISPP_WITH_HIREDIS
  kinds.push_back(ParserKind::hiredis);
  const std::string hiredis = "hiredis " + redispp::HiredisParser::hiredis_version();
#else
  const std::string hiredis = "hiredis: not built (REDISPP_WITH_HIREDIS=OFF)";
#endif
  fmt::print("bench_parser: {} bytes per feed, {} rounds per parser, median round; {}\n", options->chunk, rounds,
             hiredis);
  fmt::print("{:<30} {:>8} {:>5} | {:>11} {:>7} {:>12} | {:>11} {:>7} {:>12} | {:>15}\n", "workload", "replies", "MB",
             "builtin r/s", "MB/s", "allocs/reply", "hiredis r/s", "MB/s", "allocs/reply", "builtin/hiredis");

  bool agreed = true;
  for (const Workload& w : make_workloads(target)) {
    if (w.name.find(options->only) == std::string::npos) continue;
    // hiredis before 1.1 reads no RESP3 (as far as redispp is concerned): on a RESP3 workload
    // the built-in parser then runs alone.
#ifdef REDISPP_WITH_HIREDIS
    const bool hiredis_resp3 = redispp::HiredisParser::supports_resp3();
#else
    const bool hiredis_resp3 = false;
#endif
    const std::size_t running = w.resp3 && !hiredis_resp3 ? 1 : kinds.size();
    std::vector<Measured> measured(running);
    // One parser per kind for all rounds, as a connection keeps its parser: buffers grown in
    // the untimed warm-up round are reused, as they would be after a connection's first replies.
    std::vector<std::unique_ptr<redispp::Parser>> parsers;
    for (std::size_t k = 0; k < running; ++k) parsers.push_back(redispp::make_parser(kinds[k]));
    for (std::size_t round = 0; round <= rounds; ++round) {
      // Alternate who goes first: neither always runs on a cache the other just warmed.
      for (std::size_t k = 0; k < running; ++k) {
        const std::size_t which = round % 2 == 0 ? k : running - 1 - k;
        const Run run = parse_all(*parsers[which], w, options->chunk);
        if (run.replies != w.replies) {
          fmt::print(stderr, "{} parser read {} replies of {} in \"{}\"\n", redispp::to_string(kinds[which]),
                     run.replies, w.replies, w.name);
          agreed = false;
        }
        if (round == 0) continue;  // the warm-up
        Measured& m = measured[which];
        m.seconds.push_back(run.seconds);
        m.allocations += run.allocations;
        m.replies += run.replies;
        m.fingerprint = run.fingerprint;
      }
    }
    std::string line = fmt::format("{:<30} {:>8} {:>5.1f} | {}", w.name, w.replies,
                                   static_cast<double>(w.bytes.size()) / 1e6, columns(&measured[0], w));
    if (running > 1) {
      line += fmt::format(" | {} | {:>14.2f}x", columns(&measured[1], w),
                          median(measured[1].seconds) / median(measured[0].seconds));
      if (measured[0].fingerprint != measured[1].fingerprint) {
        fmt::print(stderr, "the parsers disagree on \"{}\"\n", w.name);
        agreed = false;
      }
    } else {
      line += fmt::format(" | {} | {:>15}", columns(nullptr, w), "-");
    }
    fmt::print("{}\n", line);
  }
  fmt::print("allocs/reply: operator new calls per reply in the measured rounds (feeding, parsing, dropping)\n");
  if (kinds.size() > 1) {
    fmt::print("  hiredis' reader mallocs its own buffer: not counted (bench/README.md, \"Allocations\")\n"
               "builtin/hiredis: the built-in parser's throughput over hiredis' (above 1: built-in faster)\n");
#ifdef REDISPP_WITH_HIREDIS
    if (!redispp::HiredisParser::supports_resp3()) fmt::print("  '-': {} cannot read RESP3\n", hiredis);
#endif
  }
  return agreed ? EXIT_SUCCESS : EXIT_FAILURE;
}
