// A consumer of redispp as a user would write one: only <redispp/redispp.hpp>, no test
// framework. It checks that the package gives a program that compiles, links and works without
// a server: encoding, parsing, and a connection failure surfacing as redispp::ConnectionError.
// Shared by the find_package consumer and the add_subdirectory subproject; exits non-zero on
// any mismatch.

#include <arpa/inet.h>   // htonl, ntohs
#include <netinet/in.h>  // sockaddr_in
#include <sys/socket.h>  // socket, bind, getsockname
#include <unistd.h>      // close

#include <chrono>     // std::chrono_literals
#include <cstdio>     // std::fprintf
#include <cstdlib>    // std::exit
#include <exception>  // std::exception
#include <memory>     // std::make_shared
#include <string>     // std::string
#include <typeinfo>   // typeid

#include <redispp/redispp.hpp>

#include "other_tu.hpp"

namespace {

int failures = 0;

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "FAILED: %s\n", what);
    ++failures;
  }
}

void check_encode_and_parse() {
  std::string wire;
  redispp::encode_command(wire, "SET", "key", 42);
  check(wire == "*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$2\r\n42\r\n", "encode_command(SET key 42)");

  auto parser = redispp::make_parser();
  parser->feed("+OK\r\n:42\r\n");
  parser->feed(wire);  // our own command reads back as an array of bulk strings
  auto ok = parser->next();
  check(ok && ok->type() == redispp::ReplyType::simple_string && ok->str() == "OK", "+OK");
  auto answer = parser->next();
  check(answer && answer->type() == redispp::ReplyType::integer && answer->integer() == 42, ":42");
  auto command = parser->next();
  check(command && command->type() == redispp::ReplyType::array && command->elements().size() == 3 &&
            command->elements()[2].str() == "42",
        "the encoded command parsed back");
  check(!parser->next(), "nothing left after three replies");
  check(answer && fmt::format("{}", *answer) == "(integer) 42", "fmt::format of a reply");

#ifdef REDISPP_WITH_HIREDIS
  // The package says it has the hiredis parser: it must link (hiredis::hiredis) and work.
  auto hiredis = redispp::make_parser(redispp::ParserKind::hiredis);
  hiredis->feed("$5\r\nhello\r\n");
  auto hello = hiredis->next();
  check(hello && hello->type() == redispp::ReplyType::bulk_string && hello->str() == "hello", "hiredis parser");
#endif
}

// A loopback port that refuses connections: bound (so no one else takes it) but not listening.
// Returns the socket, to be closed by the caller, and the port through `port`.
int refusing_socket(int& port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    std::fprintf(stderr, "cannot reserve a loopback port\n");
    std::exit(2);
  }
  port = ntohs(addr.sin_port);
  return fd;
}

void check_connection_error() {
  using namespace std::chrono_literals;
  int port = 0;
  int fd = refusing_socket(port);
  redispp::ConnectionOptions opts;
  opts.host = "127.0.0.1";
  opts.port = port;
  opts.socket_connect_timeout = 2s;
  redispp::Redis r{opts};
  try {
    r.ping();
    check(false, "ping() on a refusing port returned");
  } catch (const redispp::ConnectionError& e) {
    check(std::string(e.what()).find(std::to_string(port)) != std::string::npos, "the ConnectionError names the port");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ping() threw %s: %s\n", typeid(e).name(), e.what());
    check(false, "ping() on a refusing port throws redispp::ConnectionError");
  }
  check(other_tu_fails_to_connect(r), "a Redis passed to a file that declared it through <redispp/fwd.hpp>");
  // Pipeline's constructor and ConnectionPool::acquire take a redispp::SourceLocation, so they
  // are the calls that stop linking when a compiler other than the library's (clang++ against a
  // g++ build) sees another type under that name.
  auto pipe = r.pipeline(false);
  pipe.ping();
  try {
    pipe.execute();
    check(false, "a pipeline's execute() on a refusing port returned");
  } catch (const redispp::ConnectionError&) {
  }
  auto pool = std::make_shared<redispp::ConnectionPool>(opts, redispp::PoolOptions{});
  try {
    pool->acquire();
    check(false, "ConnectionPool::acquire() on a refusing port returned");
  } catch (const redispp::ConnectionError&) {
  }
  ::close(fd);
}

}  // namespace

int main() {
  check_encode_and_parse();
  check_connection_error();
  check(other_tu_parse_integer(":7\r\n") == 7, "a second translation unit (no duplicate symbols)");
#ifdef CONSUMER_EXPECTED_VERSION
  // <redispp/version.hpp> and the CMake package's version file come from one project(VERSION).
  check(std::string(REDISPP_VERSION_STRING) == CONSUMER_EXPECTED_VERSION, "REDISPP_VERSION_STRING is the package's version");
  check(std::to_string(REDISPP_VERSION_MAJOR) + "." + std::to_string(REDISPP_VERSION_MINOR) + "." +
                std::to_string(REDISPP_VERSION_PATCH) ==
            CONSUMER_EXPECTED_VERSION,
        "REDISPP_VERSION_MAJOR.MINOR.PATCH is the package's version");
#endif
  if (failures == 0) std::printf("redispp %s consumer: all checks passed\n", REDISPP_VERSION_STRING);
  return failures == 0 ? 0 : 1;
}
