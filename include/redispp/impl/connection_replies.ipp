#pragma once
// The reply conversions (redispp_from_reply) of the structs in <redispp/commands/connection_commands.hpp>: compiled once
// into the library, so that a program including the header does not instantiate the
// conversions they are built from (compile time: bench/README.md).

#include <utility>  // std::move

#include <redispp/commands/connection_commands.hpp>

namespace redispp {

REDISPP_DECL HelloInfo redispp_from_reply(Reply&& reply, std::type_identity<HelloInfo>) {
  auto fields = detail::reply_fields(std::move(reply));
  HelloInfo info;
  info.server = detail::field_as<std::string>(fields, "server");
  info.version = detail::field_as<std::string>(fields, "version");
  info.proto = detail::field_as<long long>(fields, "proto");
  info.id = detail::field_as<long long>(fields, "id");
  info.mode = detail::field_as<std::string>(fields, "mode");
  info.role = detail::field_as<std::string>(fields, "role");
  // Each module is a map (name, ver, path, args); only the names are kept.
  for (Reply& module : detail::field_as<std::vector<Reply>>(fields, "modules")) {
    auto module_fields = detail::reply_fields(std::move(module));
    info.modules.push_back(detail::field_as<std::string>(module_fields, "name"));
  }
  return info;
}

REDISPP_DECL TrackingInfo redispp_from_reply(Reply&& reply, std::type_identity<TrackingInfo>) {
  auto fields = detail::reply_fields(std::move(reply));
  TrackingInfo info;
  info.flags = detail::field_as<std::vector<std::string>>(fields, "flags");
  if (fields.count("redirect")) info.redirect = detail::field_as<long long>(fields, "redirect");
  info.prefixes = detail::field_as<std::vector<std::string>>(fields, "prefixes");
  return info;
}

}  // namespace redispp
