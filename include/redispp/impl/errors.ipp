#pragma once
// Maps an error reply to its exception class.

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

REDISPP_DECL void throw_error_reply(std::string_view message, const ErrorContext& context) {
  const std::string_view code = error_code(message);
  std::string text = error_prefix(context);
  text.append(message);
  std::string code_string(code);
  std::string words(message);

  if (code == "WRONGTYPE") throw WrongTypeError(std::move(code_string), text, std::move(words));
  if (code == "NOSCRIPT") throw NoScriptError(std::move(code_string), text, std::move(words));
  if (code == "READONLY") throw ReadOnlyError(std::move(code_string), text, std::move(words));
  if (code == "EXECABORT") throw ExecAbortError(std::move(code_string), text, std::move(words));
  if (code == "BUSY") throw BusyError(std::move(code_string), text, std::move(words));
  if (code == "NOPERM") throw NoPermissionError(std::move(code_string), text, std::move(words));
  if (code == "OOM") throw OutOfMemoryError(std::move(code_string), text, std::move(words));
  if (code == "NOAUTH")
    throw AuthenticationError(text + " (the server requires a password and none was given: set "
                                     "ConnectionOptions::password, or the password in the URL)");
  if (code == "WRONGPASS") throw AuthenticationError(text);
  // Redis 6+ answers a bad AUTH with a generic ERR on some paths (no ACL users configured).
  if (message.find("invalid password") != std::string_view::npos ||
      message.find("invalid username-password pair") != std::string_view::npos)
    throw AuthenticationError(text);
  if (code == "LOADING") throw BusyLoadingError(text);
  if (message.find("max number of clients reached") != std::string_view::npos)
    throw MaxClientsError(text + " (the server's maxclients limit is reached: see INFO clients / CONFIG GET maxclients)");
  throw ResponseError(std::move(code_string), text, std::move(words));
}

}  // namespace redispp
