#pragma once
// TransactionReader: a MULTI ... EXEC batch's replies, judged as they come, with no socket in
// it (the blocking Pipeline drives it today; the async and cluster clients will too).
//
//   MULTI              -> +OK (an error: the transaction never started)
//   each queued command -> +QUEUED, or an error (rejected while queueing: EXEC will abort)
//   EXEC               -> an array of one reply per command (it ran), nil (a WATCHed key
//                         changed: nothing ran), or -EXECABORT (a command was rejected)
//
// A reply that fits none of these (a +QUEUED where EXEC's array is due, an array of the wrong
// length ...) is a ProtocolError: the connection is out of step and must be closed.

#include <cstddef>   // std::size_t
#include <optional>  // std::optional
#include <vector>    // std::vector

#include <redispp/protocol/reply.hpp>

namespace redispp {

class TransactionReader {
 public:
  enum class Outcome {
    pending,       // EXEC's reply has not come yet
    ran,           // EXEC ran every command: replies() are their replies
    watch_failed,  // EXEC answered nil: a WATCHed key changed, nothing ran
    aborted,       // EXEC answered EXECABORT: a command was rejected while queueing, nothing ran
    multi_failed,  // MULTI itself was refused (multi_reply() says why)
  };

  /// A transaction of `commands` queued commands.
  explicit TransactionReader(std::size_t commands) : commands_(commands) { queued_.reserve(commands); }

  /// Feeds the next reply, in order. Returns true once the transaction's last reply has come.
  /// Throws ProtocolError for a reply that does not fit its place, or one after the last.
  bool on_reply(Reply&& reply);
  /// Whether the next reply expected is EXEC's (which may take a blocking command's time).
  bool expects_exec() const noexcept { return seen_multi_ && queued_.size() == commands_ && outcome_ == Outcome::pending; }
  bool done() const noexcept { return outcome_ != Outcome::pending; }
  Outcome outcome() const noexcept { return outcome_; }

  /// After ran: each command's reply (errors included), in order. After aborted: the rejection
  /// for each rejected command and EXEC's error for the others.
  std::vector<Reply> take_replies();
  /// After aborted: the first command rejected while queueing, if any was.
  std::optional<std::size_t> first_rejected() const noexcept;
  /// The rejection of command i (after aborted), or MULTI's and EXEC's replies.
  const Reply& queued_reply(std::size_t i) const { return queued_.at(i); }
  const Reply& multi_reply() const noexcept { return multi_; }
  const Reply& exec_reply() const noexcept { return exec_; }

 private:
  std::size_t commands_;
  bool seen_multi_ = false;
  Reply multi_;
  std::vector<Reply> queued_;
  Reply exec_;
  Outcome outcome_ = Outcome::pending;
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/transaction_reader.ipp>
#endif
