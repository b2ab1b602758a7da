#pragma once
// detail::reply_fields, compiled once into the library: its body instantiates the conversion to
// an unordered_map of Replies, which only the reply structs' conversions (impl/*_replies.ipp) need.

#include <utility>  // std::move

#include <redispp/commands/reply_fields.hpp>

namespace redispp::detail {

REDISPP_DECL ReplyFields reply_fields(Reply&& reply) { return convert<ReplyFields>(std::move(reply)); }

}  // namespace redispp::detail
