#pragma once
// Monitor: the MONITOR line parser and the connection that reads them.

#include <charconv>      // std::from_chars
#include <cmath>         // std::isfinite
#include <system_error>  // std::errc

#include <fmt/format.h>

#include <redispp/detail/deadline.hpp>  // deadline_after
#include <redispp/detail/from_chars_double.hpp>
#include <redispp/errors.hpp>
#include <redispp/monitor.hpp>

namespace redispp {

namespace detail {

inline int hex_digit(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

[[noreturn]] inline void bad_monitor_line(std::string_view line, std::string_view why) {
  throw ProtocolError(fmt::format("not a MONITOR line ({}): {}", why, Reply::simple_string(std::string(line))));
}

}  // namespace detail

REDISPP_DECL MonitorCommand parse_monitor_line(std::string_view line) {
  MonitorCommand c;
  // "<seconds>.<micros> [<db> <client>] "arg" "arg" ..."
  const std::size_t space = line.find(' ');
  if (space == std::string_view::npos || space == 0) detail::bad_monitor_line(line, "no time stamp");
  {
    // "<seconds>.<micros>": from_chars reads it the same under every locale (strtod would stop
    // at the '.' where the decimal point is a comma). It also takes "nan", "inf" and "-1": only
    // a finite number that starts with a digit is a time.
    const std::string_view stamp = line.substr(0, space);
    const auto [end, error] =
        detail::from_chars_double(stamp.data(), stamp.data() + stamp.size(), c.time, std::chars_format::fixed);
    if (error != std::errc() || end != stamp.data() + stamp.size() || stamp.front() < '0' || stamp.front() > '9' ||
        !std::isfinite(c.time))
      detail::bad_monitor_line(line, "a time stamp that is not a number of seconds");
  }
  std::string_view rest = line.substr(space + 1);
  if (rest.empty() || rest.front() != '[') detail::bad_monitor_line(line, "no [db client]");
  // The client may be an IPv6 "[::1]:6000": the bracket that ends the group is the one before
  // the first quoted argument (or the last byte, for a line without arguments).
  std::size_t close = rest.find("] \"");
  if (close == std::string_view::npos && rest.back() == ']') close = rest.size() - 1;
  const std::size_t gap = rest.find(' ');
  if (close == std::string_view::npos || gap == std::string_view::npos || gap > close)
    detail::bad_monitor_line(line, "no [db client]");
  const std::string_view db = rest.substr(1, gap - 1);
  {
    // A number too big for an int is an error of its own: from_chars leaves c.db at 0 then.
    const auto [end, error] = std::from_chars(db.data(), db.data() + db.size(), c.db);
    if (error == std::errc::result_out_of_range) detail::bad_monitor_line(line, "a database number out of range");
    if (error != std::errc() || end != db.data() + db.size() || db.empty() || c.db < 0)
      detail::bad_monitor_line(line, "a database that is not a number");
  }
  c.client_address = std::string(rest.substr(gap + 1, close - gap - 1));
  c.client_type = c.client_address == "lua" ? "lua" : c.client_address.starts_with("unix:") ? "unix" : "tcp";
  rest.remove_prefix(close + 1);

  // The arguments: each quoted, separated by one space, escaped as sdscatrepr writes them
  // (\\ \" \n \r \t \a \b and \xHH for other bytes outside printable ASCII).
  while (!rest.empty()) {
    if (rest.size() < 3 || rest[0] != ' ' || rest[1] != '"') detail::bad_monitor_line(line, "an argument not quoted");
    rest.remove_prefix(2);
    std::string arg;
    for (;;) {
      if (rest.empty()) detail::bad_monitor_line(line, "an argument without its closing quote");
      const char ch = rest.front();
      rest.remove_prefix(1);
      if (ch == '"') break;
      if (ch != '\\') {
        arg += ch;
        continue;
      }
      if (rest.empty()) detail::bad_monitor_line(line, "a backslash at the end");
      const char escaped = rest.front();
      rest.remove_prefix(1);
      switch (escaped) {
        case '\\': arg += '\\'; break;
        case '"': arg += '"'; break;
        case 'n': arg += '\n'; break;
        case 'r': arg += '\r'; break;
        case 't': arg += '\t'; break;
        case 'a': arg += '\a'; break;
        case 'b': arg += '\b'; break;
        case 'x': {
          const int high = rest.size() >= 2 ? detail::hex_digit(rest[0]) : -1;
          const int low = rest.size() >= 2 ? detail::hex_digit(rest[1]) : -1;
          if (high < 0 || low < 0) detail::bad_monitor_line(line, "a \\x escape without two hex digits");
          arg += static_cast<char>(high * 16 + low);
          rest.remove_prefix(2);
          break;
        }
        default: detail::bad_monitor_line(line, "an unknown escape");
      }
    }
    if (!c.command.empty()) c.command += ' ';
    c.command += arg;
    c.args.push_back(std::move(arg));
  }
  if (c.args.empty()) detail::bad_monitor_line(line, "no command");
  return c;
}

REDISPP_DECL Monitor::Monitor(ConnectionOptions options) : connection_(std::make_unique<Connection>(std::move(options))) {
  connection_->connect();
  // A fresh connection holds nothing unread, so the next reply is MONITOR's own +OK.
  const Reply ok = connection_->request("*1\r\n$7\r\nMONITOR\r\n");
  if (ok.is_error()) throw_error_reply(ok.str(), {"MONITOR", connection_->endpoint()});
  if (ok.type() != ReplyType::simple_string || ok.str() != "OK") {
    connection_->disconnect();
    throw ProtocolError(fmt::format("MONITOR on {} answered {}, not OK", connection_->endpoint(), ok));
  }
}

REDISPP_DECL std::optional<MonitorCommand> Monitor::next_command(std::chrono::milliseconds timeout) {
  if (timeout.count() < 0) throw DataError(fmt::format("next_command(): the timeout must be 0 or more, got {} ms", timeout.count()));
  return read(timeout);
}

REDISPP_DECL std::optional<MonitorCommand> Monitor::read(std::chrono::milliseconds wait) {
  if (!connection_) throw ConnectionError("this Monitor was moved from");
  if (!connection_->is_connected())
    throw ConnectionError(fmt::format("the MONITOR connection to {} is closed: make a new Monitor", connection_->endpoint()));
  std::optional<Reply> line;
  try {
    line = connection_->read_frame(wait.count() < 0 ? Connection::clock::time_point::max()
                                                    : detail::deadline_after(Connection::clock::now(), wait));
  } catch (const ProtocolError& e) {
    // The parser's message gives the byte offset and what was expected, not the server.
    connection_->disconnect();
    throw ProtocolError(fmt::format("{} (in the MONITOR stream from {}; the connection was closed)", e.what(),
                                    connection_->endpoint()));
  } catch (...) {
    connection_->disconnect();
    throw;
  }
  if (!line) return std::nullopt;
  if (line->is_error()) throw_error_reply(line->str(), {"MONITOR", connection_->endpoint()});
  if (line->type() != ReplyType::simple_string) {
    connection_->disconnect();
    throw ProtocolError(fmt::format("MONITOR on {} sent {}, not a command line", connection_->endpoint(), *line));
  }
  try {
    return parse_monitor_line(line->str());
  } catch (const ProtocolError& e) {
    connection_->disconnect();
    throw ProtocolError(fmt::format("{} (from {})", e.what(), connection_->endpoint()));
  }
}

}  // namespace redispp
