#pragma once
// The parts of convert<T> that are the same for every T: error messages and the text of a
// reply. Here rather than in protocol/convert.hpp, so that including the header does not cost
// their fmt::format calls.

#include <memory>       // std::make_shared
#include <optional>     // std::optional
#include <string>       // std::string, std::to_string
#include <string_view>  // std::string_view

#include <fmt/format.h>

#include <redispp/detail/printable.hpp>
#include <redispp/protocol/convert.hpp>

namespace redispp::detail {

// At most this many bytes of a value go into a message: enough to recognise it, and a stored
// value (which may be private) is never copied whole into a log.
inline constexpr std::size_t shown_bytes = 32;

inline std::string counted(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// '"hello"', or '"<first 32 bytes>"...' for a longer one; control bytes escaped.
inline std::string quoted_start(std::string_view text) {
  std::string out = "\"" + printable(text.substr(0, shown_bytes)) + "\"";
  if (text.size() > shown_bytes) out += "...";
  return out;
}

REDISPP_DECL std::string describe(const Reply& reply) {
  const std::string_view kind = to_string(reply.type());
  switch (reply.type()) {
    case ReplyType::simple_string:
    case ReplyType::bulk_string:
    case ReplyType::error:
    case ReplyType::big_number:
    case ReplyType::verbatim:
      return fmt::format("{} reply of {} {}", kind, counted(reply.str().size(), "byte", "bytes"),
                         quoted_start(reply.str()));
    case ReplyType::integer: return fmt::format("{} reply {}", kind, reply.integer());
    case ReplyType::double_: return fmt::format("{} reply {}", kind, reply.dbl());
    case ReplyType::boolean: return fmt::format("{} reply {}", kind, reply.boolean() ? "true" : "false");
    case ReplyType::nil: return "nil reply";
    case ReplyType::map:
    case ReplyType::attribute:
      return fmt::format("{} reply of {}", kind, counted(reply.elements().size() / 2, "entry", "entries"));
    case ReplyType::array:
    case ReplyType::set:
    case ReplyType::push: break;
  }
  return fmt::format("{} reply of {}", kind, counted(reply.elements().size(), "element", "elements"));
}

REDISPP_DECL void conversion_failed_to(const Reply& reply, std::string_view type, std::string_view why) {
  throw DataError(fmt::format("cannot convert {} to {}{}{}", describe(reply), type, why.empty() ? "" : ": ", why));
}

REDISPP_DECL void throw_reply_type_error(const DataError& cause, Reply&& reply, const ErrorContext& context,
                                         std::optional<std::string_view> first_key) {
  // "GET "user:1" on 127.0.0.1:6379 (command 2 in pipeline): cannot convert ..."
  std::string command(context.command.empty() ? std::string_view("command") : context.command);
  if (first_key) command += " " + quoted_start(*first_key);
  ErrorContext where = context;
  where.command = command;
  std::string message = error_prefix(where);
  message += cause.what();
  // The cause describes the part that did not convert; when that may be an element, say what
  // the whole reply was too.
  if (reply.is_aggregate()) message += fmt::format(" (the whole reply: {})", describe(reply));
  throw ReplyTypeError(message, std::make_shared<const Reply>(std::move(reply)));
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
