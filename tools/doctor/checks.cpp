#include "checks.hpp"

#include <sys/resource.h>  // getrlimit, RLIMIT_NOFILE

#include <algorithm>   // std::sort, std::max, std::min_element
#include <functional>  // std::function
#include <map>         // std::map
#include <optional>    // std::optional
#include <random>      // std::random_device

#include <fmt/format.h>

#include <redispp/detail/printable.hpp>  // printable
#include <redispp/redispp.hpp>

namespace redispp::doctor {

namespace {

using clock = std::chrono::steady_clock;

double ms_since(clock::time_point start) {
  return std::chrono::duration<double, std::milli>(clock::now() - start).count();
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// Percent with one decimal only when it matters: "0%", "95.5%", "90%".
std::string percent(double ratio) {
  std::string text = fmt::format("{:.1f}", ratio * 100);
  if (text.ends_with(".0")) text.resize(text.size() - 2);
  return text + "%";
}

// Appends "part" to a "; "-separated one-liner.
void append_part(std::string& line, std::string_view part) {
  if (part.empty()) return;
  if (!line.empty()) line += "; ";
  line += part;
}

Verdict worse(Verdict a, Verdict b) noexcept { return static_cast<int>(a) >= static_cast<int>(b) ? a : b; }

Step skipped_step(std::string name, std::string_view why) {
  return Step{std::move(name), Verdict::skipped, fmt::format("skipped: {}", why), ""};
}

// The advice for a step that broke because the server or the network did something mid-check.
Step broken_step(std::string name, const std::exception& error) {
  Step step{std::move(name), Verdict::fail, error.what(), ""};
  if (dynamic_cast<const TimeoutError*>(&error) != nullptr)
    step.advice =
        "the server stopped answering mid-check: look for packet loss (ping/mtr to the server, dmesg for "
        "'nf_conntrack: table full'), a blocked server (SLOWLOG GET, a long KEYS/Lua script) or a paused VM";
  else if (dynamic_cast<const ConnectionError*>(&error) != nullptr)
    step.advice =
        "the connection broke mid-check: the server restarted, a proxy/firewall cut it, or a client "
        "`timeout` in redis.conf closed it; run the doctor again and check the server's log";
  else
    step.advice = "the server answered with an error: see the message; run the same command with redis-cli to compare";
  return step;
}

// Runs one server check, turning whatever the server or network throws into a failed step, so
// one broken check never hides the ones after it.
Step guarded(const std::string& name, const std::function<Step()>& check) {
  try {
    return check();
  } catch (const Error& error) {
    return broken_step(name, error);
  }
}

std::string random_hex() {
  std::random_device random;
  const unsigned long long value = (static_cast<unsigned long long>(random()) << 32) ^ random();
  return fmt::format("{:016x}", value);
}

// --- the server checks -----------------------------------------------------------------------

Step check_connect(Redis& redis, const ConnectionOptions& options) {
  Step step{"connect", Verdict::ok, "", ""};
  // Acquiring the pool's one connection is the TCP connect plus the whole handshake (AUTH,
  // SELECT ...): timed apart from the PING so a slow handshake is visible as such.
  const auto connect_start = clock::now();
  Lease lease = redis.connection_pool()->acquire();
  const double connect_ms = ms_since(connect_start);
  lease.release();
  const auto ping_start = clock::now();
  const Reply pong = redis.execute_command("PING");
  const double ping_ms = ms_since(ping_start);
  const bool authenticated = !options.password.empty();
  step.finding =
      fmt::format("connected to {} in {:.3f} ms ({}{}); PING answered {} in {:.3f} ms", endpoint_name(options),
                  connect_ms, authenticated ? "AUTH as " : "no password",
                  authenticated ? (options.username.empty() ? "default" : options.username) : "", pong.str(), ping_ms);
  step.numbers = {{"connect_ms", connect_ms}, {"ping_ms", ping_ms}};
  return step;
}

Step check_probe(Redis& redis) {
  const std::string key = "redispp-doctor:probe:" + random_hex();
  const std::string value = "probe-" + random_hex();
  const auto start = clock::now();
  try {
    // EX 60: should the GET or DEL below fail, the key still disappears on its own.
    redis.execute_command("SET", key, value, "EX", 60);
    const Reply read = redis.execute_command("GET", key);
    const Reply deleted = redis.execute_command("DEL", key);
    const double elapsed = ms_since(start);
    if (read.is_nil() || read.str() != value)
      return Step{"set_del_probe",
                  Verdict::fail,
                  fmt::format("SET {} worked, but GET did not return the value just written", key),
                  "another client or a proxy is rewriting keys, or the URL points at a replica that lags: check the "
                  "URL's host and db",
                  {{"probe_ms", elapsed}}};
    return Step{"set_del_probe",
                Verdict::ok,
                fmt::format("SET/GET/DEL of {} worked in {:.3f} ms (DEL removed {})", key, elapsed, deleted.integer()),
                "",
                {{"probe_ms", elapsed}}};
  } catch (const ReadOnlyError& error) {
    return Step{
        "set_del_probe", Verdict::fail, fmt::format("writes are refused: {}", error.what()),
        "this server is a read-only replica: point the URL at the primary (ROLE / INFO replication says which)"};
  } catch (const OutOfMemoryError& error) {
    return Step{"set_del_probe", Verdict::fail, fmt::format("writes are refused: {}", error.what()),
                "the server is at maxmemory: free memory, raise maxmemory, or set a maxmemory-policy that evicts"};
  } catch (const NoPermissionError& error) {
    return Step{"set_del_probe", Verdict::warn, fmt::format("the probe was not allowed: {}", error.what()),
                "this ACL user may not SET/DEL redispp-doctor:* keys; nothing is wrong if it is not meant to write"};
  }
}

ClientLimits gather_client_limits(Redis& redis) {
  ClientLimits limits;
  const Info info = parse_info(redis.execute_command("INFO").str());
  limits.connected_clients = info.integer("connected_clients");
  // rejected_connections is in INFO stats of every Redis since 2.x; absent means "not reported".
  if (info.find("rejected_connections") != nullptr) limits.rejected_connections = info.integer("rejected_connections");
  try {
    const Reply reply = redis.execute_command("CONFIG", "GET", "maxclients");
    const auto& items = reply.elements();  // name, value (an array in RESP2, a map in RESP3)
    if (items.size() >= 2)
      limits.maxclients = std::stoll(std::string(items[1].str()));
    else
      limits.config_error = "CONFIG GET maxclients returned nothing";
  } catch (const ResponseError& error) {
    // A renamed CONFIG (rename-command) or an ACL without +config: say so and carry on.
    limits.config_error = error.what();
  }
  return limits;
}

Step check_client_leaks(Redis& redis, const Thresholds& thresholds) {
  std::vector<ClientInfo> clients;
  try {
    clients = parse_client_list(redis.execute_command("CLIENT", "LIST").str());
  } catch (const ResponseError& error) {
    return Step{
        "client_leaks", Verdict::warn, fmt::format("CLIENT LIST is not allowed: {}", error.what()),
        "run CLIENT LIST as an admin user (redis-cli) and look for one address with many long-idle connections"};
  }
  return judge_client_groups(group_clients(clients, thresholds.leak_idle), thresholds);
}

Step check_latency(Redis& redis, const Thresholds& thresholds) {
  std::vector<double> samples;
  samples.reserve(static_cast<std::size_t>(std::max(thresholds.pings, 0)));
  for (int i = 0; i < thresholds.pings; ++i) {
    const auto start = clock::now();
    redis.execute_command("PING");
    samples.push_back(ms_since(start));
  }
  return judge_latency(summarize_latency(std::move(samples)), thresholds);
}

// What the steps after a failed connect say: skipped, except where the failure itself answers
// the step's question (a maxclients refusal IS the maxclients finding).
void add_unreachable_steps(std::vector<Step>& steps, ConnectFailure failure, int port, const Thresholds& thresholds) {
  const std::string_view why = "no connection to the server (see connect)";
  steps.push_back(skipped_step("set_del_probe", why));
  if (failure == ConnectFailure::maxclients) {
    steps.push_back(Step{"maxclients", Verdict::fail,
                         "the server refused this connection: connected_clients has reached maxclients",
                         fmt::format("find who holds the connections (CLIENT LIST from an already open session, "
                                     "or `ss -tn dst :{}` on the client hosts), fix the leak, or raise maxclients "
                                     "(CONFIG SET maxclients N; redis caps it at its own `ulimit -n` minus 32)",
                                     port > 0 ? std::to_string(port) : "PORT")});
    steps.push_back(Step{"client_leaks", Verdict::skipped,
                         "skipped: CLIENT LIST needs a connection and the server refuses new ones",
                         "from a session that is already open (an admin's redis-cli), run CLIENT LIST and look for one "
                         "address with many long-idle connections"});
  } else {
    steps.push_back(skipped_step("maxclients", why));
    steps.push_back(skipped_step("client_leaks", why));
  }
  steps.push_back(judge_local_facts(gather_local_facts(port), thresholds));
  steps.push_back(skipped_step("latency", why));
}

}  // namespace

// --- connect ---------------------------------------------------------------------------------

namespace {

// The TLS failures, by the words redispp's messages use for each (transport/tls_stream.hpp):
// checked before the class, since a TLS port's silence is a TimeoutError and its refusal of a
// plain client may reach us as a ProtocolError.
std::optional<ConnectFailure> classify_tls_error(std::string_view message) {
  if (contains(message, "is a TLS port")) return ConnectFailure::plain_on_tls_port;
  if (contains(message, "non-TLS")) return ConnectFailure::tls_on_plain_port;
  if (contains(message, "TLS set-up for")) return ConnectFailure::tls_setup;
  if (!contains(message, "TLS")) return std::nullopt;
  if (contains(message, "is not trusted")) return ConnectFailure::tls_untrusted;
  if (contains(message, "certificate is not for")) return ConnectFailure::tls_hostname;
  if (contains(message, "expired on") || contains(message, "not valid yet")) return ConnectFailure::tls_expired;
  if (contains(message, "client certificate") || contains(message, "client's certificate"))
    return ConnectFailure::tls_client_certificate;
  if (contains(message, "TLS connection to") || contains(message, "TLS handshake")) return ConnectFailure::tls_other;
  return std::nullopt;
}

}  // namespace

ConnectFailure classify_connect_error(const std::exception& error, bool url_has_password) {
  const std::string_view message = error.what();
  if (dynamic_cast<const DataError*>(&error) == nullptr)
    if (const auto tls = classify_tls_error(message)) return *tls;
  if (dynamic_cast<const MaxClientsError*>(&error) != nullptr) return ConnectFailure::maxclients;
  if (dynamic_cast<const AuthenticationError*>(&error) != nullptr) {
    if (contains(message, "has none configured")) return ConnectFailure::password_unneeded;
    return url_has_password ? ConnectFailure::password_wrong : ConnectFailure::password_missing;
  }
  if (dynamic_cast<const BusyLoadingError*>(&error) != nullptr) return ConnectFailure::loading;
  if (dynamic_cast<const TimeoutError*>(&error) != nullptr) return ConnectFailure::timeout;
  if (dynamic_cast<const DataError*>(&error) != nullptr) return ConnectFailure::bad_url;
  if (dynamic_cast<const ConnectionError*>(&error) != nullptr) {
    if (contains(message, "cannot resolve host")) return ConnectFailure::host;
    if (contains(message, "refused")) return ConnectFailure::port;
    if (contains(message, "out of file descriptors")) return ConnectFailure::file_descriptors;
  }
  return ConnectFailure::other;
}

Step connect_failure_step(ConnectFailure kind, std::string_view message) {
  Step step{"connect", Verdict::fail, std::string(message), ""};
  switch (kind) {
    case ConnectFailure::bad_url:
      step.advice =
          "configuration error in the URL: redis://[user[:password]@]host[:port][/db]; percent-encode '/', "
          "'?', '#' and '@' in passwords";
      break;
    case ConnectFailure::tls_setup:
      step.advice =
          "configuration error in the TLS files: check the paths given as ssl_ca_certs, ssl_certfile and "
          "ssl_keyfile, that this user can read them, and that the key belongs to the certificate "
          "(openssl x509 -in CERT -noout -pubkey vs openssl pkey -in KEY -pubout)";
      break;
    case ConnectFailure::tls_untrusted:
      step.advice =
          "the server's certificate is signed by a CA this client does not trust: pass the CA that signed it as "
          "ssl_ca_certs=/path/ca.crt (`openssl s_client -connect HOST:PORT -showcerts` shows the chain and its "
          "issuer)";
      break;
    case ConnectFailure::tls_hostname:
      step.advice =
          "the certificate is for other names: connect by one of the names it lists, or have the server's "
          "certificate issued for the name you use (ssl_check_hostname=false turns the check off: not for "
          "production)";
      break;
    case ConnectFailure::tls_expired:
      step.advice =
          "the server's certificate is out of its validity period: renew it on the server (tls-cert-file), and "
          "check this machine's clock (date -u)";
      break;
    case ConnectFailure::tls_client_certificate:
      step.advice =
          "the server checks client certificates (tls-auth-clients yes): pass one signed by a CA the server "
          "trusts (its tls-ca-cert-file) as ssl_certfile=/path/client.crt&ssl_keyfile=/path/client.key";
      break;
    case ConnectFailure::tls_on_plain_port:
      step.advice =
          "this port speaks plain RESP, not TLS: use redis:// for it, or the server's tls-port (CONFIG GET "
          "tls-port on the server)";
      break;
    case ConnectFailure::plain_on_tls_port:
      step.advice =
          "this port expects TLS: use rediss://HOST:PORT (with ssl_ca_certs=/path/ca.crt for a private CA), or "
          "the server's plain port";
      break;
    case ConnectFailure::tls_other:
      step.advice =
          "the TLS handshake failed: compare with `openssl s_client -connect HOST:PORT` (or redis-cli --tls "
          "--cacert CA) from this machine; check the protocol versions and ciphers both sides allow";
      break;
    case ConnectFailure::host:
      step.advice =
          "configuration error in the host: the name does not resolve; check its spelling, and DNS or "
          "/etc/hosts on this machine (getent hosts NAME)";
      break;
    case ConnectFailure::port:
      step.advice =
          "nothing listens on that host and port: check the port in the URL, that redis-server runs there, "
          "and its `bind`/`port` settings (ss -ltn on the server)";
      break;
    case ConnectFailure::timeout:
      step.advice =
          "network problem: no answer at all, so a firewall or security group drops the packets, the route "
          "is wrong, or the server is stopped; try `redis-cli -h HOST -p PORT ping` and check dmesg for "
          "'nf_conntrack: table full, dropping packet'";
      break;
    case ConnectFailure::password_missing:
      step.advice =
          "configuration error in the password: the server requires one and neither the URL nor REDISCLI_AUTH "
          "gave one; use redis://:PASSWORD@host:port (or redis://USER:PASSWORD@... for an ACL user), or set "
          "REDISCLI_AUTH=PASSWORD to keep it out of the command line";
      break;
    case ConnectFailure::password_wrong:
      step.advice =
          "configuration error in the password: the server rejected this user name/password; check both "
          "(percent-encode special characters in the URL)";
      break;
    case ConnectFailure::password_unneeded:
      step.advice =
          "configuration error in the password: the server has no password set; remove it from the URL, or "
          "set requirepass on the server if it should have one";
      break;
    case ConnectFailure::maxclients:
      step.advice = "the server is at its maxclients limit: see the maxclients and client_leaks steps";
      break;
    case ConnectFailure::loading:
      step.advice =
          "the server is loading its dataset after a restart: wait and try again (INFO persistence shows "
          "the progress)";
      break;
    case ConnectFailure::file_descriptors:
      step.advice =
          "this process is out of file descriptors: raise `ulimit -n` (LimitNOFILE= for systemd) or close "
          "leaked sockets and files";
      break;
    case ConnectFailure::other:
      step.advice = "see the message; try `redis-cli -h HOST -p PORT ping` from this machine to compare";
      break;
  }
  return step;
}

std::string describe_target(const ConnectionOptions& options) {
  std::string text = endpoint_name(options);
  text += fmt::format(", db {}", options.db);
  // Escaped: a user name is sent byte for byte, but a CR/LF in it must not forge an output line.
  if (!options.username.empty()) text += fmt::format(", user '{}'", redispp::detail::printable(options.username));
  text += options.password.empty() ? ", no password" : ", with a password";
  if (options.tls)
    text += options.tls->cert_reqs == TlsCertReqs::none
                ? ", TLS without certificate checks"
                : fmt::format(", TLS trusting {}", options.tls->ca_certs.empty()
                                                       ? std::string("the system's CAs")
                                                       : redispp::detail::printable(options.tls->ca_certs));
  return text;
}

// --- maxclients ------------------------------------------------------------------------------

Step judge_client_limits(const ClientLimits& limits, const Thresholds& thresholds) {
  Step step{"maxclients", Verdict::ok, "", ""};
  step.numbers = {{"connected_clients", static_cast<double>(limits.connected_clients)},
                  {"rejected_connections", static_cast<double>(limits.rejected_connections)}};
  std::string advice;
  if (limits.maxclients && *limits.maxclients > 0) {
    const double ratio = static_cast<double>(limits.connected_clients) / static_cast<double>(*limits.maxclients);
    step.numbers.push_back({"maxclients", static_cast<double>(*limits.maxclients)});
    step.finding = fmt::format("connected_clients {} of maxclients {} ({})", limits.connected_clients,
                               *limits.maxclients, percent(ratio));
    if (ratio >= 1.0) {
      step.verdict = Verdict::fail;
      step.finding += ": the server refuses every new client";
    } else if (ratio >= thresholds.near_limit) {
      step.verdict = Verdict::warn;
      step.finding += ": near the limit";
    }
    if (step.verdict != Verdict::ok)
      advice =
          "find who holds the connections (client_leaks step, CLIENT LIST), fix leaks, or raise maxclients "
          "(CONFIG SET maxclients N; redis caps it at its own `ulimit -n` minus 32)";
  } else {
    step.verdict = Verdict::warn;
    step.finding =
        fmt::format("connected_clients {}; maxclients unknown: {}", limits.connected_clients,
                    limits.config_error.empty() ? "CONFIG GET maxclients gave no number" : limits.config_error);
    advice =
        "CONFIG is renamed or not allowed for this user: ask an admin for maxclients (default 10000) to "
        "compare with connected_clients";
  }
  step.finding += fmt::format("; rejected_connections {}", limits.rejected_connections);
  if (limits.rejected_connections > 0) {
    step.verdict = worse(step.verdict, Verdict::warn);
    step.finding += " (the server has refused clients at maxclients since it started)";
    append_part(advice,
                "rejected_connections counts refusals since the server started: if it still grows (INFO "
                "stats), clients are being turned away now");
  }
  step.advice = std::move(advice);
  return step;
}

// --- client_leaks ----------------------------------------------------------------------------

std::string client_address(std::string_view addr) {
  if (!addr.empty() && addr.front() == '[') {  // "[::1]:50001"
    const std::size_t close = addr.find(']');
    if (close != std::string_view::npos) return std::string(addr.substr(1, close - 1));
  }
  const std::size_t colon = addr.rfind(':');
  return std::string(colon == std::string_view::npos ? addr : addr.substr(0, colon));
}

std::vector<ClientGroup> group_clients(const std::vector<ClientInfo>& clients, std::chrono::seconds leak_idle) {
  std::map<std::string, ClientGroup> by_address;
  for (const ClientInfo& client : clients) {
    const std::string address = client_address(client.addr);
    ClientGroup& group = by_address[address];
    group.address = address;
    ++group.connections;
    if (client.idle > leak_idle) ++group.long_idle;
    group.max_age = std::max(group.max_age, client.age);
    group.max_idle = std::max(group.max_idle, client.idle);
  }
  std::vector<ClientGroup> groups;
  groups.reserve(by_address.size());
  for (auto& [address, group] : by_address) groups.push_back(std::move(group));
  std::sort(groups.begin(), groups.end(), [](const ClientGroup& a, const ClientGroup& b) {
    if (a.long_idle != b.long_idle) return a.long_idle > b.long_idle;
    if (a.connections != b.connections) return a.connections > b.connections;
    return a.address < b.address;
  });
  return groups;
}

Step judge_client_groups(const std::vector<ClientGroup>& groups, const Thresholds& thresholds) {
  Step step{"client_leaks", Verdict::ok, "", ""};
  std::size_t total = 0;
  std::vector<const ClientGroup*> suspects;
  for (const ClientGroup& group : groups) {
    total += group.connections;
    if (group.long_idle >= thresholds.leak_connections) suspects.push_back(&group);
  }
  step.finding = fmt::format("{} client{} from {} address{}", total, total == 1 ? "" : "s", groups.size(),
                             groups.size() == 1 ? "" : "es");
  std::string top;
  for (std::size_t i = 0; i < groups.size() && i < thresholds.top_groups; ++i) {
    const ClientGroup& g = groups[i];
    if (!top.empty()) top += ", ";
    top += fmt::format("{} x{} ({} idle > {} s, max age {} s, max idle {} s)", g.address, g.connections, g.long_idle,
                       thresholds.leak_idle.count(), g.max_age.count(), g.max_idle.count());
  }
  if (!top.empty()) step.finding += "; top: " + top;
  step.numbers = {{"clients", static_cast<double>(total)},
                  {"addresses", static_cast<double>(groups.size())},
                  {"leak_suspects", static_cast<double>(suspects.size())}};
  if (!suspects.empty()) {
    std::string names;
    for (const ClientGroup* g : suspects) {
      if (!names.empty()) names += ", ";
      names += g->address;
    }
    step.verdict = Verdict::warn;
    step.finding = fmt::format("leak suspect{}: {}; {}", suspects.size() == 1 ? "" : "s", names, step.finding);
    step.advice = fmt::format(
        "programs on {} hold {}+ connections idle > {} s: check that every connection taken "
        "from a pool is given back (close()/returnResource; a redispp Lease must go out of "
        "scope); redis.conf `timeout N` closes idle clients, CLIENT KILL ADDR frees one now",
        names, thresholds.leak_connections, thresholds.leak_idle.count());
  }
  return step;
}

// --- local_sockets ---------------------------------------------------------------------------

LocalFacts gather_local_facts(int port) {
  LocalFacts facts;
  facts.port = port;
  if (port > 0) {
    const auto tcp4 = read_text_file("/proc/net/tcp");
    const auto tcp6 = read_text_file("/proc/net/tcp6");
    if (tcp4 || tcp6) {
      TcpCounts counts;
      if (tcp4) counts += count_tcp_sockets(*tcp4, port);
      if (tcp6) counts += count_tcp_sockets(*tcp6, port);
      facts.sockets = counts;
    }
  }
  if (const auto count = read_text_file("/proc/sys/net/netfilter/nf_conntrack_count"))
    facts.conntrack_count = parse_proc_number(*count);
  if (const auto max = read_text_file("/proc/sys/net/netfilter/nf_conntrack_max"))
    facts.conntrack_max = parse_proc_number(*max);
  facts.open_fds = count_open_fds();
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0) {
    facts.fd_soft_limit = limit.rlim_cur == RLIM_INFINITY ? -1 : static_cast<long long>(limit.rlim_cur);
    facts.fd_hard_limit = limit.rlim_max == RLIM_INFINITY ? -1 : static_cast<long long>(limit.rlim_max);
  }
  return facts;
}

Step judge_local_facts(const LocalFacts& facts, const Thresholds& thresholds) {
  Step step{"local_sockets", Verdict::ok, "", ""};
  std::string advice;

  if (facts.port <= 0) {
    append_part(step.finding, "no TCP port to count sockets for (a Unix socket, or no usable URL)");
  } else if (!facts.sockets) {
    append_part(step.finding, "/proc/net/tcp is not readable: socket counts unknown");
  } else {
    append_part(step.finding, fmt::format("to port {}: {} ESTABLISHED, {} TIME_WAIT", facts.port,
                                          facts.sockets->established, facts.sockets->time_wait));
    step.numbers.push_back({"established", static_cast<double>(facts.sockets->established)});
    step.numbers.push_back({"time_wait", static_cast<double>(facts.sockets->time_wait)});
    if (facts.sockets->time_wait >= thresholds.time_wait_warn) {
      step.verdict = worse(step.verdict, Verdict::warn);
      step.finding += " (many TIME_WAIT)";
      // tcp_tw_recycle, which the field guide suggests, was removed in Linux 4.12.
      append_part(advice,
                  "many TIME_WAIT: connections are opened and closed too often; reuse them through one "
                  "long-lived pool; if needed sysctl net.ipv4.tcp_tw_reuse=1 / tcp_max_tw_buckets");
    }
  }

  if (facts.conntrack_count && facts.conntrack_max && *facts.conntrack_max > 0) {
    const double ratio = static_cast<double>(*facts.conntrack_count) / static_cast<double>(*facts.conntrack_max);
    append_part(step.finding, fmt::format("nf_conntrack {} of {} ({})", *facts.conntrack_count, *facts.conntrack_max,
                                          percent(ratio)));
    step.numbers.push_back({"conntrack_count", static_cast<double>(*facts.conntrack_count)});
    step.numbers.push_back({"conntrack_max", static_cast<double>(*facts.conntrack_max)});
    if (ratio >= thresholds.near_limit) {
      step.verdict = worse(step.verdict, ratio >= 1.0 ? Verdict::fail : Verdict::warn);
      step.finding += ratio >= 1.0 ? " FULL: the kernel drops new connections' packets" : " near full";
      append_part(advice,
                  "the conntrack table is (nearly) full: dmesg shows 'nf_conntrack: table full, dropping "
                  "packet'; raise it: sysctl -w net.netfilter.nf_conntrack_max=<larger>");
    }
  } else {
    append_part(step.finding, "nf_conntrack not loaded");
  }

  if (facts.open_fds) {
    const std::string limit = facts.fd_soft_limit < 0 ? "unlimited" : std::to_string(facts.fd_soft_limit);
    const std::string hard = facts.fd_hard_limit < 0 ? "unlimited" : std::to_string(facts.fd_hard_limit);
    append_part(step.finding, fmt::format("open files {} of {} (hard {})", *facts.open_fds, limit, hard));
    step.numbers.push_back({"open_fds", static_cast<double>(*facts.open_fds)});
  } else {
    append_part(step.finding, "open files unknown (/proc/self/fd unreadable)");
  }
  if (facts.fd_soft_limit >= 0) {
    step.numbers.push_back({"fd_soft_limit", static_cast<double>(facts.fd_soft_limit)});
    if (facts.open_fds &&
        static_cast<double>(*facts.open_fds) >= thresholds.near_limit * static_cast<double>(facts.fd_soft_limit)) {
      step.verdict = worse(step.verdict, Verdict::warn);
      append_part(advice, "this process is near its open-file limit: raise `ulimit -n` (LimitNOFILE= in systemd)");
    } else if (facts.fd_soft_limit < 1024) {
      // A pool of a few hundred connections, or a redis-server on this machine (which sets
      // maxclients to this limit minus 32), runs out long before anyone expects it.
      step.verdict = worse(step.verdict, Verdict::warn);
      step.finding += " (a low limit)";
      append_part(advice, "the open-file limit is low: raise `ulimit -n` (LimitNOFILE= in systemd) to at least 10032");
    }
  }
  if (facts.fd_hard_limit >= 0) step.numbers.push_back({"fd_hard_limit", static_cast<double>(facts.fd_hard_limit)});
  step.advice = std::move(advice);
  return step;
}

// --- latency ---------------------------------------------------------------------------------

LatencySummary summarize_latency(std::vector<double> samples_ms) {
  LatencySummary summary;
  summary.samples = samples_ms.size();
  if (samples_ms.empty()) return summary;
  std::sort(samples_ms.begin(), samples_ms.end());
  const std::size_t n = samples_ms.size();
  summary.min_ms = samples_ms.front();
  summary.max_ms = samples_ms.back();
  summary.median_ms = n % 2 == 1 ? samples_ms[n / 2] : (samples_ms[n / 2 - 1] + samples_ms[n / 2]) / 2;
  return summary;
}

Step judge_latency(const LatencySummary& summary, const Thresholds& thresholds) {
  Step step{"latency", Verdict::ok, "", ""};
  if (summary.samples == 0) {
    step.verdict = Verdict::skipped;
    step.finding = "skipped: 0 pings asked for";
    return step;
  }
  step.finding = fmt::format("PING x{}: min {:.3f} ms, median {:.3f} ms, max {:.3f} ms", summary.samples,
                             summary.min_ms, summary.median_ms, summary.max_ms);
  step.numbers = {{"pings", static_cast<double>(summary.samples)},
                  {"min_ms", summary.min_ms},
                  {"median_ms", summary.median_ms},
                  {"max_ms", summary.max_ms}};
  if (summary.median_ms > thresholds.slow_median_ms) {
    step.verdict = Verdict::warn;
    step.finding += fmt::format(" (median above {} ms)", thresholds.slow_median_ms);
    step.advice =
        "slow round trips: check the network path (ping, mtr), the server's load (INFO cpu, SLOWLOG GET, "
        "LATENCY DOCTOR) and whether either side swaps";
  }
  return step;
}

// --- the whole checklist ---------------------------------------------------------------------

Diagnosis run_doctor(const DoctorOptions& options) {
  Diagnosis diagnosis;
  auto& steps = diagnosis.steps;
  const Thresholds& thresholds = options.thresholds;

  UrlOptions url;
  try {
    url = parse_url(options.url);
  } catch (const Error& error) {
    diagnosis.target = "(URL not understood)";
    const ConnectFailure kind = classify_connect_error(error, false);
    steps.push_back(connect_failure_step(kind, error.what()));
    add_unreachable_steps(steps, kind, 0, thresholds);
    return diagnosis;
  }
  ConnectionOptions& connection = url.connection;
  if (options.timeout) {
    connection.socket_connect_timeout = *options.timeout;
    connection.socket_timeout = *options.timeout;
  }
  const bool password_from_environment = connection.password.empty() && !options.fallback_password.empty();
  if (password_from_environment) connection.password = options.fallback_password;
  diagnosis.target = describe_target(connection);
  if (password_from_environment) diagnosis.target += " (from REDISCLI_AUTH)";
  const int port = connection.unix_socket_path.empty() ? connection.port : 0;

  // One connection is all the doctor needs, and all it should add to a server near maxclients.
  PoolOptions pool;
  pool.max_connections = 1;
  std::optional<Redis> made;
  try {
    // Inside the try: options the pool refuses (validate()) are a verdict too, not a crash.
    Redis& redis = made.emplace(connection, pool);
    steps.push_back(check_connect(redis, connection));
  } catch (const Error& error) {
    const ConnectFailure kind = classify_connect_error(error, !connection.password.empty());
    steps.push_back(connect_failure_step(kind, error.what()));
    add_unreachable_steps(steps, kind, port, thresholds);
    return diagnosis;
  }
  Redis& redis = *made;
  steps.push_back(guarded("set_del_probe", [&] { return check_probe(redis); }));
  steps.push_back(guarded("maxclients", [&] { return judge_client_limits(gather_client_limits(redis), thresholds); }));
  steps.push_back(guarded("client_leaks", [&] { return check_client_leaks(redis, thresholds); }));
  steps.push_back(judge_local_facts(gather_local_facts(port), thresholds));
  steps.push_back(guarded("latency", [&] { return check_latency(redis, thresholds); }));
  return diagnosis;
}

}  // namespace redispp::doctor
