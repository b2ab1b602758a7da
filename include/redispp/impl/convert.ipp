#pragma once
// The parts of convert<T> that are the same for every T: error messages and the text of a
// reply. Here rather than in protocol/convert.hpp, so that including the header does not cost
// their fmt::format calls.

#include <string>       // std::string, std::to_string
#include <string_view>  // std::string_view

#include <fmt/format.h>

#include <redispp/protocol/convert.hpp>

namespace redispp::detail {

REDISPP_DECL std::string describe(const Reply& reply) {
  std::string text;
  format_reply(text, reply);
  if (text.size() > 60) {
    text.resize(57);
    text += "...";
  }
  return fmt::format("{} reply {}", to_string(reply.type()), text);
}

REDISPP_DECL void conversion_failed_to(const Reply& reply, std::string_view type, std::string_view why) {
  throw DataError(fmt::format("cannot convert {} to {}{}{}", describe(reply), type, why.empty() ? "" : ": ", why));
}

REDISPP_DECL std::string string_from(Reply& reply) {
  switch (reply.type()) {
    case ReplyType::simple_string:
    case ReplyType::bulk_string:
    case ReplyType::verbatim:
    case ReplyType::big_number: return reply.take_str();
    case ReplyType::integer: return std::to_string(reply.integer());
    case ReplyType::double_: return fmt::format("{}", reply.dbl());
    case ReplyType::nil: conversion_failed<std::string>(reply, "the value is missing (ask for a std::optional)");
    default: conversion_failed<std::string>(reply);
  }
}

}  // namespace redispp::detail
