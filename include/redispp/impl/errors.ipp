#pragma once
// Maps an error reply to its exception class.

#include <algorithm>     // std::min
#include <charconv>      // std::from_chars
#include <string>        // std::string
#include <system_error>  // std::errc

#include <fmt/format.h>

#include <redispp/errors.hpp>

namespace redispp {

REDISPP_DECL std::string error_prefix(const ErrorContext& context) {
  if (context.command.empty() && context.endpoint.empty()) return {};
  std::string prefix(context.command.empty() ? std::string_view("command") : context.command);
  // Appended by hand and with fmt::format rather than fmt::format_to(std::back_inserter(...)),
  // which would instantiate fmt's formatting engine here (impl/reply.ipp says why that matters).
  if (!context.endpoint.empty()) {
    prefix += " on ";
    prefix += context.endpoint;
  }
  if (context.pipeline_index) prefix += fmt::format(" (command {} in pipeline)", *context.pipeline_index);
  prefix += ": ";
  return prefix;
}

namespace detail {

// A row of the standard table for a class constructed as ResponseError is.
template <class E>
[[noreturn]] void raise_response(ErrorReply&& e) {
  throw E(std::string(e.code), e.what, std::string(e.message));
}

// "MOVED 3999 127.0.0.1:6381" / "ASK 3999 [::1]:6381" / "MOVED 3999 :6381" (an unknown
// endpoint): the slot, then the address, whose last ':' starts the port.
template <class E>
[[noreturn]] void raise_redirect(ErrorReply&& e) {
  const std::string_view rest = e.message.substr(std::min(e.message.size(), e.code.size() + 1));
  const std::size_t space = rest.find(' ');
  const std::string_view slot_text = rest.substr(0, space);
  const std::string_view address = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  const std::size_t colon = address.rfind(':');
  int slot = -1;
  int port = -1;
  const auto number = [](std::string_view text, int& out) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size() && !text.empty();
  };
  if (colon == std::string_view::npos || !number(slot_text, slot) || !number(address.substr(colon + 1), port) ||
      slot < 0 || slot > 16383 || port <= 0 || port > 65535)
    throw ResponseError(std::string(e.code), e.what + " (a redirection redispp could not read: slot and host:port expected)",
                        std::string(e.message));
  std::string_view host = address.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  throw E(std::string(e.code), e.what, std::string(e.message), slot, std::string(host), port);
}

inline ErrorTable make_standard_error_table() {
  ErrorTable table;
  table.add("WRONGTYPE", &raise_response<WrongTypeError>)
      .add("NOSCRIPT", &raise_response<NoScriptError>)
      .add("READONLY", &raise_response<ReadOnlyError>)
      .add("EXECABORT", &raise_response<ExecAbortError>)
      .add("BUSY", &raise_response<BusyError>)
      .add("NOPERM", &raise_response<NoPermissionError>)
      .add("OOM", &raise_response<OutOfMemoryError>)
      .add("MOVED", &raise_redirect<MovedError>)
      .add("ASK", &raise_redirect<AskError>)
      .add("TRYAGAIN", &raise_response<TryAgainError>)
      .add("CLUSTERDOWN", &raise_response<ClusterDownError>)
      .add("CROSSSLOT", &raise_response<CrossSlotError>)
      .add("NOAUTH",
           [](ErrorReply&& e) {
             throw AuthenticationError(e.what + " (the server requires a password and none was given: set "
                                                "ConnectionOptions::password, or the password in the URL)");
           })
      .add("WRONGPASS", [](ErrorReply&& e) { throw AuthenticationError(e.what); })
      .add("LOADING", [](ErrorReply&& e) { throw BusyLoadingError(e.what); });
  return table;
}

}  // namespace detail

REDISPP_DECL const ErrorTable& ErrorTable::standard() {
  static const ErrorTable table = detail::make_standard_error_table();
  return table;
}

REDISPP_DECL ErrorTable& ErrorTable::add(std::string_view code, Raise action) {
  for (Row& row : rows_) {
    if (row.code == code) {
      row.raise = action;
      return *this;
    }
  }
  rows_.push_back(Row{std::string(code), action});
  return *this;
}

REDISPP_DECL ErrorTable::Raise ErrorTable::find(std::string_view code) const noexcept {
  for (const Row& row : rows_)
    if (row.code == code) return row.raise;
  return nullptr;
}

REDISPP_DECL void ErrorTable::raise(std::string_view message, const ErrorContext& context) const {
  const std::string_view code = error_code(message);
  std::string text = error_prefix(context);
  text.append(message);
  if (const Raise row = find(code)) {
    row(ErrorReply{code, message, std::move(text)});
    // A row that returns broke the contract; the reply still becomes an exception.
    throw ResponseError(std::string(code), error_prefix(context) + std::string(message), std::string(message));
  }
  // Replies without a code of their own that still say what happened.
  // Redis 6+ answers a bad AUTH with a generic ERR on some paths (no ACL users configured).
  if (message.find("invalid password") != std::string_view::npos ||
      message.find("invalid username-password pair") != std::string_view::npos)
    throw AuthenticationError(text);
  if (message.find("max number of clients reached") != std::string_view::npos)
    throw MaxClientsError(text + " (the server's maxclients limit is reached: see INFO clients / CONFIG GET maxclients)");
  throw ResponseError(std::string(code), text, std::string(message));
}

REDISPP_DECL void throw_error_reply(std::string_view message, const ErrorContext& context) {
  ErrorTable::standard().raise(message, context);
}

}  // namespace redispp
