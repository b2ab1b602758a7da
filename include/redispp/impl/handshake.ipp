#pragma once
// Handshake: building the request and judging each reply (see transport/handshake.hpp).

#include <fmt/format.h>

#include <redispp/detail/printable.hpp>
#include <redispp/errors.hpp>
#include <redispp/protocol/convert.hpp>  // detail::describe
#include <redispp/protocol/encoder.hpp>
#include <redispp/transport/handshake.hpp>

namespace redispp {

REDISPP_DECL std::string_view to_string(Handshake::Step step) noexcept {
  switch (step) {
    case Handshake::Step::hello: return "HELLO 3";
    case Handshake::Step::auth: return "AUTH";
    case Handshake::Step::setname: return "CLIENT SETNAME";
    case Handshake::Step::select: return "SELECT";
    case Handshake::Step::setinfo: return "CLIENT SETINFO";
    case Handshake::Step::extra: return "a host's own step";
    case Handshake::Step::marker: return "ECHO";
  }
  return "?";
}

REDISPP_DECL Handshake::Handshake(const ConnectionOptions& options, std::string endpoint)
    : endpoint_(std::move(endpoint)), username_(options.username.empty() ? "default" : options.username), db_(options.db) {
  // username_ is sent as given; only messages print it, escaped (a CR/LF in it must not forge
  // a log line).
  const bool has_password = !options.password.empty();
  if (options.protocol == 3) {
    ArgumentWriter hello("HELLO", 3);
    if (has_password) hello.add("AUTH", username_, options.password);
    if (!options.client_name.empty()) hello.add("SETNAME", options.client_name);
    request_.append(std::move(hello).finish().wire());
    steps_.push_back(Step::hello);
  } else {
    if (has_password) {
      if (options.username.empty())
        encode_command(request_, "AUTH", options.password);
      else
        encode_command(request_, "AUTH", options.username, options.password);
      steps_.push_back(Step::auth);
    }
    if (!options.client_name.empty()) {
      encode_command(request_, "CLIENT", "SETNAME", options.client_name);
      steps_.push_back(Step::setname);
    }
  }
  if (options.db != 0) {
    encode_command(request_, "SELECT", options.db);
    steps_.push_back(Step::select);
  }
  // CLIENT SETINFO exists from Redis 7.2; older servers answer an error, which is ignored.
  encode_command(request_, "CLIENT", "SETINFO", "LIB-NAME", "redispp");
  steps_.push_back(Step::setinfo);
  encode_command(request_, "CLIENT", "SETINFO", "LIB-VER", REDISPP_VERSION_STRING);
  steps_.push_back(Step::setinfo);
  for (const HandshakeStep& extra : options.handshake_steps) {
    request_.append(extra.wire);
    steps_.push_back(Step::extra);
    extra_.push_back(extra);
  }
  encode_command(request_, "ECHO", marker);
  steps_.push_back(Step::marker);
}

REDISPP_DECL void Handshake::out_of_step(Step step, const Reply& reply) const {
  throw ProtocolError(fmt::format(
      "connect to {}: handshake out of step: {} was answered with {} (the server sent a reply no command asked for, "
      "or is not a Redis server; the connection was closed)",
      endpoint_, to_string(step), detail::describe(reply)));
}

REDISPP_DECL void Handshake::on_reply(const Reply& reply) {
  if (done())
    throw ProtocolError(fmt::format("connect to {}: handshake out of step: a reply after the last one expected ({})",
                                    endpoint_, detail::describe(reply)));
  const Step step = steps_[next_++];
  if (step == Step::extra) {
    const HandshakeStep& extra = extra_[next_extra_++];
    if (extra.judge) {
      extra.judge(reply);
      return;
    }
    if (reply.is_error()) throw_error_reply(reply.str(), {extra.name + " (connecting)", endpoint_});
    return;
  }
  const bool ok_status = reply.type() == ReplyType::simple_string && reply.str() == "OK";
  if (!reply.is_error()) {
    switch (step) {
      case Step::hello:
        if (reply.type() == ReplyType::map || reply.type() == ReplyType::array) return;
        break;
      case Step::auth:
      case Step::setname:
      case Step::select:
      case Step::setinfo:
        if (ok_status) return;
        break;
      case Step::marker:
        if (reply.type() == ReplyType::bulk_string && reply.str() == marker) return;
        break;
      case Step::extra: return;  // judged above
    }
    out_of_step(step, reply);
  }

  const std::string_view text = reply.str();
  const std::string_view code = error_code(text);
  const std::string prefix = fmt::format("connect to {}: ", endpoint_);
  if (text.find("max number of clients reached") != std::string_view::npos)
    throw MaxClientsError(fmt::format("{}the server refused the connection: its maxclients limit is reached ({}); see "
                                      "INFO clients and CONFIG GET maxclients, and look for leaked connections with CLIENT LIST",
                                      prefix, text));
  if (code == "NOAUTH")
    throw AuthenticationError(fmt::format("{}the server requires a password and none was given: {}", prefix, text));
  // A server loading its dataset answers every command so, SETINFO's included: not an old server.
  if (code == "LOADING")
    throw BusyLoadingError(fmt::format("{}the server is still loading its dataset into memory: {}", prefix, text));
  switch (step) {
    case Step::setinfo: return;  // older servers do not know it
    case Step::marker:
      // An ACL user may lack ECHO; any other error here is a reply out of place.
      if (code == "NOPERM") return;
      out_of_step(step, reply);
    case Step::hello:
      if (code == "WRONGPASS" || text.find("invalid password") != std::string_view::npos)
        throw AuthenticationError(fmt::format("{}authentication failed (HELLO 3 AUTH as '{}'): {}", prefix,
                                            detail::printable(username_), text));
      if (text.find("unknown command") != std::string_view::npos)
        throw ConnectionError(fmt::format("{}the server does not speak RESP3 (HELLO is Redis 6+): {}; use protocol=2", prefix, text));
      throw_error_reply(text, {"HELLO 3 (connecting)", endpoint_});
    case Step::auth:
      if (code == "ERR" && text.find("without any password configured") != std::string_view::npos)
        throw AuthenticationError(fmt::format("{}a password was given but the server has none configured: {}", prefix, text));
      throw AuthenticationError(fmt::format("{}authentication failed (AUTH{}): {}", prefix,
                                            username_ == "default" ? "" : " as '" + detail::printable(username_) + "'", text));
    case Step::setname: throw_error_reply(text, {"CLIENT SETNAME (connecting)", endpoint_});
    case Step::select: throw ConnectionError(fmt::format("{}SELECT {} failed: {}", prefix, db_, text));
    case Step::extra: break;  // judged above
  }
  out_of_step(step, reply);
}

REDISPP_DECL void Handshake::check_nothing_left(std::size_t unread) const {
  if (unread != 0)
    throw ProtocolError(fmt::format(
        "connect to {}: handshake out of step: {} bytes arrived after the last handshake reply, that no command asked "
        "for (the connection was closed)",
        endpoint_, unread));
}

}  // namespace redispp
