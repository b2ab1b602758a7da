#pragma once
// Session: routing the server's frames to the requests in flight (see transport/session.hpp).

#include <utility>  // std::move, std::exchange

#include <fmt/format.h>

#include <redispp/errors.hpp>
#include <redispp/transport/session.hpp>

namespace redispp {

namespace detail {

// The kind word of a subscribed-mode frame ([kind, ...] as an array or a push), or "".
inline std::string_view frame_kind(const Reply& frame) {
  if ((frame.type() != ReplyType::array && frame.type() != ReplyType::push) || frame.elements().empty() ||
      !frame.elements().front().has_text())
    return {};
  return frame.elements().front().str();
}

inline bool is_acknowledgement_kind(std::string_view kind) {
  return kind == "subscribe" || kind == "unsubscribe" || kind == "psubscribe" || kind == "punsubscribe" ||
         kind == "ssubscribe" || kind == "sunsubscribe";
}

inline bool is_message_kind(std::string_view kind) {
  return kind == "message" || kind == "pmessage" || kind == "smessage";
}

}  // namespace detail

REDISPP_DECL Session::Session(std::unique_ptr<Parser> parser, std::optional<Handshake> handshake,
                              std::string endpoint)
    : parser_(std::move(parser)), handshake_(std::move(handshake)), endpoint_(std::move(endpoint)) {
  if (!parser_) throw DataError("a Session needs a parser");
  // The handshake goes out first, alone: requests sent before it is done wait in output_.
  if (handshake_) writing_ = handshake_->request();
}

REDISPP_DECL std::uint64_t Session::send(std::string_view wire, std::uint32_t count, Expect expect) {
  // An unusable session takes no request: its reply would never come, and no action would say so.
  if (error_) std::rethrow_exception(error_);
  if (count == 0 && expect != Expect::transaction)
    throw DataError("Session::send: a request expects at least one reply (CLIENT REPLY OFF/SKIP are refused)");
  const std::uint64_t number = next_number_++;
  output_.append(wire);
  Request request{number, count, 0, expect, std::nullopt};
  if (expect == Expect::transaction) request.transaction.emplace(count);
  requests_.push_back(std::move(request));
  return number;
}

REDISPP_DECL void Session::feed(std::string_view bytes) { parser_->feed(bytes); }

REDISPP_DECL void Session::commit(std::size_t size) { parser_->commit(size); }

REDISPP_DECL void Session::wrote() noexcept {
  write_out_ = false;
  writing_.clear();
}

REDISPP_DECL void Session::closed(std::string why) {
  if (!closed_) closed_ = std::move(why);
}

REDISPP_DECL Session::Action Session::fail(std::exception_ptr error) {
  error_ = std::move(error);
  Action action(Action::Kind::unusable);
  action.error_ = error_;
  action.failed_.reserve(requests_.size());
  for (const Request& request : requests_) action.failed_.push_back(request.number);
  requests_.clear();
  output_.clear();
  return action;
}

REDISPP_DECL Session::Action Session::next() {
  if (error_) {
    Action action(Action::Kind::unusable);
    action.error_ = error_;
    return action;
  }
  // Writes first: the handshake (writing_ holds it from the start), then whatever was sent since
  // the last write, all in one piece. Nothing but the handshake goes out before it is done.
  if (!write_out_ && !closed_) {
    if (writing_.empty() && !handshake_ && !output_.empty()) writing_.swap(output_);
    if (!writing_.empty()) {
      write_out_ = true;
      Action action(Action::Kind::write);
      action.bytes_ = writing_;
      return action;
    }
  }
  // Frames that only move a request along (a handshake step, a transaction's QUEUED) produce no
  // action: the loop takes the next one, so a long transaction costs no recursion.
  for (;;) {
    std::optional<Reply> frame;
    try {
      frame = parser_->next();
    } catch (const ProtocolError& e) {
      return fail(std::make_exception_ptr(ProtocolError(
          fmt::format("{} (in a reply from {}; the connection cannot be used again)", e.what(), endpoint_))));
    }
    if (!frame) {
      if (!closed_) return Action(Action::Kind::need_more);
      const std::size_t cut = parser_->buffered();
      return fail(std::make_exception_ptr(ConnectionError(
          cut != 0 ? fmt::format("connection to {} lost in the middle of a reply ({} bytes of it had come): {}",
                                 endpoint_, cut, *closed_)
                   : fmt::format("connection to {} lost: {}", endpoint_, *closed_))));
    }
    std::optional<Action> action = handshake_ ? handshake_reply(std::move(*frame)) : route(std::move(*frame));
    if (action) return std::move(*action);
  }
}

REDISPP_DECL std::optional<Session::Action> Session::handshake_reply(Reply&& frame) {
  if (frame.type() == ReplyType::push) {
    Action push(Action::Kind::push);
    push.reply_ = std::move(frame);
    return push;
  }
  try {
    handshake_->on_reply(frame);
    if (!handshake_->done()) return std::nullopt;
    // Requests wait until the handshake is done, so whatever is buffered now, no one asked for.
    handshake_->check_nothing_left(parser_->buffered());
  } catch (...) {
    return fail(std::current_exception());
  }
  handshake_.reset();
  return Action(Action::Kind::ready);
}

REDISPP_DECL std::optional<Session::Action> Session::route(Reply&& frame) {
  const std::string_view kind = detail::frame_kind(frame);
  const bool acknowledgement = detail::is_acknowledgement_kind(kind);
  const bool awaited_ack = acknowledgement && !requests_.empty() && requests_.front().expect == Expect::subscription;
  // The server's own frames: RESP3 pushes (but the acknowledgement a subscription request waits
  // for), and on a subscribed RESP2 connection its messages and the acknowledgements no one
  // waits for (a shard channel dropped when its slot moved).
  const bool pushed = frame.type() == ReplyType::push ? !awaited_ack
                                                      : subscribed_ && (detail::is_message_kind(kind) ||
                                                                        (acknowledgement && !awaited_ack));
  if (pushed) {
    Action push(Action::Kind::push);
    push.reply_ = std::move(frame);
    return push;
  }
  if (requests_.empty())
    return fail(std::make_exception_ptr(ProtocolError(fmt::format(
        "{} sent a reply that no request asked for ({}): every later reply would be matched to the wrong request",
        endpoint_, frame))));
  Request& request = requests_.front();
  if (request.expect == Expect::transaction) {
    try {
      if (!request.transaction->on_reply(std::move(frame))) return std::nullopt;
    } catch (const ProtocolError& e) {
      return fail(std::make_exception_ptr(ProtocolError(fmt::format("{} (from {})", e.what(), endpoint_))));
    }
    Action done(Action::Kind::transaction);
    done.request_ = request.number;
    done.transaction_ = std::move(request.transaction);
    requests_.pop_front();
    return done;
  }
  Action reply(Action::Kind::reply);
  reply.request_ = request.number;
  reply.part_ = request.part++;
  reply.last_ = --request.remaining == 0;
  reply.reply_ = std::move(frame);
  if (reply.last_) requests_.pop_front();
  return reply;
}

}  // namespace redispp
