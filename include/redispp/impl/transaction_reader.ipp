#pragma once
// TransactionReader: judging each reply of a MULTI ... EXEC batch (protocol/transaction_reader.hpp).

#include <fmt/format.h>

#include <redispp/errors.hpp>
#include <redispp/protocol/convert.hpp>  // detail::describe
#include <redispp/protocol/transaction_reader.hpp>

namespace redispp {

namespace detail {
inline bool is_status(const Reply& reply, std::string_view text) {
  return reply.type() == ReplyType::simple_string && reply.str() == text;
}
}  // namespace detail

REDISPP_DECL bool TransactionReader::on_reply(Reply&& reply) {
  if (outcome_ != Outcome::pending)
    throw ProtocolError(fmt::format("transaction out of step: {} after EXEC's reply", detail::describe(reply)));
  if (!seen_multi_) {
    seen_multi_ = true;
    if (!reply.is_error() && !detail::is_status(reply, "OK"))
      throw ProtocolError(fmt::format("transaction out of step: MULTI was answered with {}", detail::describe(reply)));
    multi_ = std::move(reply);
    return false;
  }
  // A refused MULTI queues nothing: the server answers every command and EXEC as if outside a
  // transaction. Those replies are read (the connection stays in step) but not judged.
  const bool multi_failed = multi_.is_error();
  if (queued_.size() < commands_) {
    if (!multi_failed && !reply.is_error() && !detail::is_status(reply, "QUEUED"))
      throw ProtocolError(fmt::format("transaction out of step: command {} was answered with {} instead of QUEUED",
                                      queued_.size(), detail::describe(reply)));
    queued_.push_back(std::move(reply));
    return false;
  }
  if (multi_failed) {
    outcome_ = Outcome::multi_failed;
  } else if (reply.is_nil()) {
    outcome_ = Outcome::watch_failed;
  } else if (reply.is_error()) {
    outcome_ = Outcome::aborted;
  } else if (reply.is_aggregate() && reply.elements().size() == commands_) {
    outcome_ = Outcome::ran;
  } else {
    throw ProtocolError(fmt::format("transaction out of step: EXEC answered {} for a transaction of {} commands",
                                    detail::describe(reply), commands_));
  }
  exec_ = std::move(reply);
  return true;
}

REDISPP_DECL std::vector<Reply> TransactionReader::take_replies() {
  std::vector<Reply> replies;
  if (outcome_ == Outcome::ran) return std::move(exec_.elements());
  if (outcome_ == Outcome::aborted) {
    replies.reserve(commands_);
    for (std::size_t i = 0; i < commands_; ++i) replies.push_back(queued_[i].is_error() ? std::move(queued_[i]) : exec_);
  }
  return replies;
}

REDISPP_DECL std::optional<std::size_t> TransactionReader::first_rejected() const noexcept {
  for (std::size_t i = 0; i < queued_.size(); ++i)
    if (queued_[i].is_error()) return i;
  return std::nullopt;
}

}  // namespace redispp
