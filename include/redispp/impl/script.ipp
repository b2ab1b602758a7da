#pragma once
// Script: loading a script into the server.

#include <vector>  // std::vector

#include <fmt/format.h>

#include <redispp/errors.hpp>
#include <redispp/script.hpp>

namespace redispp {

REDISPP_DECL void Script::load() const {
  std::string loaded;
  try {
    loaded = client_.script_load(source_);
  } catch (const ResponseError& e) {
    // The client names a failed command by its first word, here the container "SCRIPT", which
    // does not say what failed: a script that does not compile is refused by SCRIPT LOAD, and a
    // user who called call() never wrote either word. Same exception type, the server's words.
    throw_error_reply(e.message(), {"SCRIPT LOAD", endpoint_name(client_.connection_pool()->connection_options())});
  }
  // Redis names a script by the SHA-1 of its bytes; a different answer would mean every EVALSHA
  // of this object names a script the server does not have.
  if (loaded != sha_)
    throw DataError(fmt::format("SCRIPT LOAD on {} named the script {}, but redispp computed {}",
                                endpoint_name(client_.connection_pool()->connection_options()), loaded, sha_));
}

REDISPP_DECL bool Script::server_lacks_script() const {
  const std::vector<bool> known = client_.script_exists(sha_);
  return known.empty() || !known.front();
}

}  // namespace redispp
