// redispp-doctor: the field guide "connection time-outs: what to check" as a program.
//
//   redispp-doctor [options] redis://[user[:password]@]host[:port][/db]
//
// Exit status: 0 no step failed (warnings allowed), 1 a step failed, 2 bad usage.
#include <algorithm>    // std::min
#include <charconv>     // std::from_chars
#include <chrono>       // std::chrono
#include <cmath>        // std::isfinite, std::ceil
#include <cstdio>       // std::fputs, stdout, stderr
#include <cstdlib>      // std::getenv
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <type_traits>  // std::is_floating_point_v

#include <fmt/format.h>

#include <redispp/config.hpp>               // REDISPP_VERSION_STRING
#include <redispp/transport/options.hpp>  // max_option_duration

#include "checks.hpp"
#include "report.hpp"

namespace {

constexpr std::string_view usage = R"(usage: redispp-doctor [options] URL

Walks the Redis connection troubleshooting checklist against the server at URL
(redis://[user[:password]@]host[:port][/db][?socket_timeout=...] or unix:///path)
and prints one verdict line per step (ok / warn / fail / skipped) with what to
do next:
  connect        host resolves, port listens, password accepted, PING answers
  set_del_probe  SET/GET/DEL of a random key that expires in 60 s
  maxclients     connected_clients against CONFIG GET maxclients, rejected_connections
  client_leaks   CLIENT LIST grouped by client address: many long-idle connections
  local_sockets  this machine: ESTABLISHED/TIME_WAIT to the port, nf_conntrack, open files
  latency        PING round trips: min / median / max

password: give it in the URL, or in the environment variable REDISCLI_AUTH (as
redis-cli reads it), which keeps it out of `ps` and the shell history:
  REDISCLI_AUTH=secret redispp-doctor redis://app@cache.local:6379
A password in the URL wins over REDISCLI_AUTH (redis-cli: -a, then the variable);
an empty REDISCLI_AUTH counts as unset.

options:
  --json                   print one JSON object instead of text
  --timeout SECONDS        connect and read time-out, 0 to 2147483.647 (0 = no
                           limit; default: the URL's, else 5)
  --pings N                round trips for the latency step (default 100)
  --leak-idle SECONDS      a connection idle longer than this is long-idle (default 300)
  --leak-connections N     this many long-idle connections from one address are a
                           leak suspect (default 10)
  --slow-ms MS             a median round trip above this is a warning (default 10)
  --time-wait N            this many TIME_WAIT sockets to the port are a warning (default 1000)
  -h, --help               this text
  --version                print the version of redispp-doctor (= of redispp)

exit status: 0 no step failed (warnings allowed), 1 a step failed, 2 bad usage.
The password is never printed.
)";

struct Arguments {
  redispp::doctor::DoctorOptions doctor;
  bool json = false;
  bool help = false;
  bool version = false;
};

struct UsageError {
  std::string message;
};

template <class T>
T parse_number(std::string_view option, std::string_view text) {
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  bool finite = true;
  // from_chars reads "inf" and "nan" as doubles; neither is a time-out or a threshold.
  if constexpr (std::is_floating_point_v<T>) finite = std::isfinite(value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size() || !finite || value < T{})
    throw UsageError{fmt::format("{} wants a finite number, 0 or more, not '{}'", option, text)};
  return value;
}

// Seconds -> milliseconds, rounded up (0.0001 must not become 0 = no limit), within what
// ConnectionOptions accepts.
std::chrono::milliseconds parse_timeout(std::string_view option, std::string_view text) {
  const double seconds = parse_number<double>(option, text);
  const double longest = static_cast<double>(redispp::max_option_duration.count()) / 1000;
  if (seconds > longest)
    throw UsageError{fmt::format("{} wants at most {:.3f} seconds (about 24.8 days; 0 = no limit), not '{}'", option,
                                 longest, text)};
  // min(): 2147483.647 * 1000 may come out a hair above 2147483647 in binary floating point.
  return std::min(redispp::max_option_duration,
                  std::chrono::milliseconds(static_cast<long long>(std::ceil(seconds * 1000))));
}

Arguments parse_arguments(int argc, char** argv) {
  Arguments args;
  bool have_url = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      args.help = true;
      continue;
    }
    if (arg == "--json") {
      args.json = true;
      continue;
    }
    if (arg == "--version") {
      args.version = true;
      continue;
    }
    if (arg.starts_with("--")) {
      // "--name value" or "--name=value".
      std::string_view name = arg;
      std::string_view value;
      if (const auto equals = arg.find('='); equals != std::string_view::npos) {
        name = arg.substr(0, equals);
        value = arg.substr(equals + 1);
      } else if (i + 1 < argc) {
        value = argv[++i];
      } else {
        throw UsageError{fmt::format("{} needs a value", arg)};
      }
      auto& t = args.doctor.thresholds;
      if (name == "--timeout") {
        args.doctor.timeout = parse_timeout(name, value);
      } else if (name == "--pings") {
        t.pings = parse_number<int>(name, value);
      } else if (name == "--leak-idle") {
        t.leak_idle = std::chrono::seconds(parse_number<long long>(name, value));
      } else if (name == "--leak-connections") {
        t.leak_connections = parse_number<std::size_t>(name, value);
      } else if (name == "--slow-ms") {
        t.slow_median_ms = parse_number<double>(name, value);
      } else if (name == "--time-wait") {
        t.time_wait_warn = parse_number<long long>(name, value);
      } else {
        throw UsageError{fmt::format("unknown option '{}'", name)};
      }
      continue;
    }
    if (arg.starts_with("-") && arg.size() > 1) throw UsageError{fmt::format("unknown option '{}'", arg)};
    // Never echo a positional argument: it is a URL and may hold a password.
    if (have_url) throw UsageError{"more than one URL given"};
    args.doctor.url = std::string(arg);
    have_url = true;
  }
  if (!have_url && !args.help && !args.version) throw UsageError{"no URL given"};
  return args;
}

}  // namespace

int main(int argc, char** argv) {
  Arguments args;
  try {
    args = parse_arguments(argc, argv);
  } catch (const UsageError& error) {
    fmt::print(stderr, "redispp-doctor: {}\n\n{}", error.message, usage);
    return 2;
  }
  if (args.help) {
    fmt::print("{}", usage);
    return 0;
  }
  if (args.version) {
    fmt::print("redispp-doctor {}\n", REDISPP_VERSION_STRING);
    return 0;
  }
  // As redis-cli does: used only when the URL has no password (see the usage text).
  if (const char* password = std::getenv("REDISCLI_AUTH"); password != nullptr)
    args.doctor.fallback_password = password;
  try {
    const auto diagnosis = redispp::doctor::run_doctor(args.doctor);
    fmt::print("{}", args.json ? redispp::doctor::render_json(diagnosis) : redispp::doctor::render_text(diagnosis));
    return redispp::doctor::exit_status(diagnosis.steps);
  } catch (const std::exception& error) {
    // Only a bug gets here (every server or network failure is a step's verdict); the message
    // comes from redispp, whose messages never contain a password.
    fmt::print(stderr, "redispp-doctor: internal error: {}\n", error.what());
    return 1;
  }
}
