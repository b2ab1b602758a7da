#pragma once
// ReplyFields: a reply that is a map in RESP3 and a flat name, value, ... array in RESP2 (HELLO,
// CLIENT TRACKINGINFO, ACL GETUSER, COMMAND DOCS, MEMORY STATS ...), as name -> Reply, so the
// structs built from such replies read the same fields whatever the protocol.

#include <string>         // std::string
#include <unordered_map>  // std::unordered_map
#include <utility>        // std::move

#include <redispp/protocol/convert.hpp>
#include <redispp/protocol/reply.hpp>

#include <redispp/config.hpp>  // REDISPP_DECL

namespace redispp::detail {

using ReplyFields = std::unordered_map<std::string, Reply>;

/// The reply as name -> value (impl/reply_fields.ipp).
REDISPP_DECL ReplyFields reply_fields(Reply&& reply);

/// Field `name` converted to T; T{} when the server did not send it (older or newer servers
/// differ in which fields they send) or sent nil.
template <class T>
T field_as(ReplyFields& fields, const char* name) {
  const auto found = fields.find(name);
  if (found == fields.end() || found->second.is_nil()) return T{};
  return convert<T>(std::move(found->second));
}

}  // namespace redispp::detail

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/reply_fields.ipp>
#endif
