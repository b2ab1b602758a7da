#pragma once
// The reply conversions (redispp_from_reply) of the structs in <redispp/commands/scripting.hpp>: compiled once
// into the library, so that a program including the header does not instantiate the
// conversions they are built from (compile time: bench/README.md).

#include <utility>  // std::move

#include <redispp/commands/scripting.hpp>

namespace redispp {

// Only these conversions use it: here, not in the header, where every file that includes it
// instantiated the conversion to a vector of (name, Reply) pairs.
namespace detail {
inline std::vector<std::pair<std::string, Reply>> scripting_reply_fields(Reply&& reply) {
  return convert<std::vector<std::pair<std::string, Reply>>>(std::move(reply));
}
}  // namespace detail

REDISPP_DECL FunctionInfo redispp_from_reply(Reply&& reply, std::type_identity<FunctionInfo>) {
  FunctionInfo info;
  for (auto& [field, value] : detail::scripting_reply_fields(std::move(reply))) {
    if (field == "name") info.name = convert<std::string>(std::move(value));
    else if (field == "description") info.description = convert<std::optional<std::string>>(std::move(value));
    else if (field == "flags") info.flags = convert<std::vector<std::string>>(std::move(value));
  }
  return info;
}

REDISPP_DECL FunctionLibrary redispp_from_reply(Reply&& reply, std::type_identity<FunctionLibrary>) {
  FunctionLibrary library;
  for (auto& [name, value] : detail::scripting_reply_fields(std::move(reply))) {
    if (name == "library_name") library.library_name = convert<std::string>(std::move(value));
    else if (name == "engine") library.engine = convert<std::string>(std::move(value));
    else if (name == "functions") library.functions = convert<std::vector<FunctionInfo>>(std::move(value));
    else if (name == "library_code") library.library_code = convert<std::optional<std::string>>(std::move(value));
  }
  return library;
}

REDISPP_DECL FunctionStats redispp_from_reply(Reply&& reply, std::type_identity<FunctionStats>) {
  FunctionStats stats;
  for (auto& [name, value] : detail::scripting_reply_fields(std::move(reply))) {
    if (name == "running_script" && !value.is_nil()) {
      FunctionStats::RunningScript running;
      for (auto& [field, v] : detail::scripting_reply_fields(std::move(value))) {
        if (field == "name") running.name = convert<std::string>(std::move(v));
        else if (field == "command") running.command = convert<std::vector<std::string>>(std::move(v));
        else if (field == "duration_ms") running.duration = std::chrono::milliseconds{convert<long long>(std::move(v))};
      }
      stats.running_script = std::move(running);
    } else if (name == "engines") {
      for (auto& [engine, counts] : detail::scripting_reply_fields(std::move(value))) {
        FunctionStats::EngineStats& out = stats.engines[engine];
        for (auto& [field, v] : detail::scripting_reply_fields(std::move(counts))) {
          if (field == "libraries_count") out.libraries_count = convert<long long>(std::move(v));
          else if (field == "functions_count") out.functions_count = convert<long long>(std::move(v));
        }
      }
    }
  }
  return stats;
}

}  // namespace redispp
