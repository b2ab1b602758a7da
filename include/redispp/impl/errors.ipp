#pragma once
// Maps an error reply to its exception class.

#include <redispp/errors.hpp>

namespace redispp {

REDISPP_DECL void throw_error_reply(std::string_view message, std::string_view context) {
  const std::string_view code = error_code(message);
  std::string text;
  text.reserve(context.size() + message.size());
  text.append(context).append(message);
  std::string code_string(code);

  if (code == "WRONGTYPE") throw WrongTypeError(std::move(code_string), text);
  if (code == "NOSCRIPT") throw NoScriptError(std::move(code_string), text);
  if (code == "READONLY") throw ReadOnlyError(std::move(code_string), text);
  if (code == "EXECABORT") throw ExecAbortError(std::move(code_string), text);
  if (code == "BUSY") throw BusyError(std::move(code_string), text);
  if (code == "NOPERM") throw NoPermissionError(std::move(code_string), text);
  if (code == "OOM") throw OutOfMemoryError(std::move(code_string), text);
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
  throw ResponseError(std::move(code_string), text);
}

}  // namespace redispp
