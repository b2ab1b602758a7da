#pragma once
// Script: loading a script into the server.

#include <fmt/format.h>

#include <redispp/script.hpp>

namespace redispp {

REDISPP_DECL void Script::load() const {
  const std::string loaded = client_.script_load(source_);
  // Redis names a script by the SHA-1 of its bytes; a different answer would mean every EVALSHA
  // of this object names a script the server does not have.
  if (loaded != sha_)
    throw DataError(fmt::format("SCRIPT LOAD on {} named the script {}, but redispp computed {}",
                                endpoint_name(client_.connection_pool()->connection_options()), loaded, sha_));
}

}  // namespace redispp
