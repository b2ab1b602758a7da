#pragma once
// The parser x protocol matrix every integration test runs through: the built-in parser with
// RESP2 and RESP3, and hiredis with RESP2, and with RESP3 too where hiredis reads it (>= 1.1;
// with 0.14 that combination is checked to fail clearly, in contract_test).
#include <string>

#include "support/catch.hpp"

#include <redispp/redispp.hpp>
#ifdef REDISPP_WITH_HIREDIS
#include <redispp/protocol/hiredis_parser.hpp>
#endif

#include "support/test_servers.hpp"

namespace redispp::test {

struct ClientConfig {
  ParserKind parser;
  int protocol;
  std::string label() const { return std::string(to_string(parser)) + "/RESP" + std::to_string(protocol); }
};

/// Whether this build's hiredis parser reads RESP3 (hiredis >= 1.1).
inline bool hiredis_reads_resp3() {
#ifdef REDISPP_WITH_HIREDIS
  return HiredisParser::supports_resp3();
#else
  return false;
#endif
}

/// Every configuration this build can run (hiredis only when built with it).
inline std::vector<ClientConfig> client_configs() {
  std::vector<ClientConfig> configs{{ParserKind::builtin, 2}, {ParserKind::builtin, 3}};
#ifdef REDISPP_WITH_HIREDIS
  configs.push_back({ParserKind::hiredis, 2});
  if (hiredis_reads_resp3()) configs.push_back({ParserKind::hiredis, 3});
#endif
  return configs;
}

/// Options for the fixture's plain server, database `db`, in configuration `config`.
inline ConnectionOptions plain_options(const ClientConfig& config, int db) {
  const ServerInfo server = test::server("plain");
  ConnectionOptions options;
  options.host = server.host;
  options.port = server.port;
  options.db = db;
  options.parser = config.parser;
  options.protocol = config.protocol;
  options.socket_timeout = std::chrono::seconds(5);
  return options;
}

/// A client on the plain server's database `db` in configuration `config`, the database emptied
/// first: how each command test starts.
inline Redis fresh_client(const ClientConfig& config, int db) {
  Redis r{plain_options(config, db)};
  r.flushdb();
  return r;
}

/// Runs body(transaction) for a MULTI/EXEC pipeline and for a plain one, emptying `r`'s
/// database before each: how each command group's "in a pipeline" test runs.
template <class Body>
void for_each_pipeline_kind(Redis& r, Body&& body) {
  for (const bool transaction : {true, false}) {
    INFO("transaction " << transaction);
    r.flushdb();
    body(transaction);
  }
}

}  // namespace redispp::test

/// Declares `config` (a ClientConfig) as a Catch2 generator over client_configs(), and names it
/// in the test's output.
#define REDISPP_FOR_EACH_CLIENT_CONFIG(config)                                                          \
  const ::redispp::test::ClientConfig config = GENERATE(from_range(::redispp::test::client_configs())); \
  INFO("configuration " << config.label())
