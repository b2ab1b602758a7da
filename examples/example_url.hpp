#pragma once
// The examples connect to $REDIS_URL (scripts/demo.sh sets it), or to a local server.
#include <cstdlib>
#include <string>

inline std::string example_url() {
  const char* url = std::getenv("REDIS_URL");
  return url && *url ? url : "redis://127.0.0.1:6379/0";
}
