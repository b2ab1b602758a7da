#pragma once
// Session: one connection's protocol, without the connection. It owns the parser, the requests
// in flight (how many replies each expects and what they are: plain replies, a transaction, or
// subscription acknowledgements), the routing of pushes and subscribed-mode messages, and the
// handshake as its first request. Bytes go in (feed, or prepare/commit); actions come out of
// next(), one at a time:
//
//   write        write bytes() now, then call wrote(): the handshake, then every request sent
//                since the last write, in one piece (requests queued while a write is out go
//                together in the next one)
//   need_more    nothing whole is buffered: read bytes and feed them
//   reply        reply part() of request request() (last() for its last): an error reply is a
//                reply too (map it with ErrorTable; the session stays usable)
//   transaction  a MULTI ... EXEC request is complete: transaction() holds its outcome
//   push         a frame no request asked for that the server sends on its own: a RESP3 push
//                (a message, an invalidation), or a message on a subscribed RESP2 connection
//   ready        the handshake finished: requests may now go out
//   unusable     the connection can no longer be trusted (a malformed reply, one reply too many,
//                a handshake refusal, closed() mid-reply ...): error() is the exception to raise
//                for every request still in flight (failed() lists them); the session stays so
//
// It never calls a socket, never sleeps, and never throws from next(): every failure is an
// action. The blocking client and the asio client differ only in how they wait for bytes and
// for writes. Tests drive it with byte strings, split at every offset (tests/unit/transport).
//
//   redispp::Session s(redispp::make_parser(redispp::ParserKind::builtin), handshake);
//   const auto get = s.send(get_wire);             // request number 0 ... in order
//   for (;;) {
//     redispp::Session::Action a = s.next();
//     switch (a.kind) { case write: write(a.bytes()); s.wrote(); break;
//                       case need_more: s.feed(read()); break;
//                       case reply: deliver(a.request(), a.take_reply()); break; ... }
//   }

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t, std::uint64_t
#include <deque>        // std::deque
#include <exception>    // std::exception_ptr
#include <memory>       // std::unique_ptr
#include <optional>     // std::optional
#include <span>         // std::span
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <redispp/config.hpp>
#include <redispp/protocol/parser.hpp>
#include <redispp/protocol/reply.hpp>
#include <redispp/protocol/transaction_reader.hpp>
#include <redispp/transport/handshake.hpp>

namespace redispp {

class Session {
 public:
  /// What a request expects back.
  enum class Expect : std::uint8_t {
    replies,        ///< `count` replies (Command::reply_count()), each a reply action
    transaction,    ///< MULTI, `count` queued commands, EXEC: one transaction action at the end
    subscription,   ///< (P|S)(UN)SUBSCRIBE of `count` names: an acknowledgement each (RESP3 sends
                    ///< them as pushes), each a reply action
  };

  class Action {
   public:
    enum class Kind : std::uint8_t { write, need_more, reply, transaction, push, ready, unusable };
    Kind kind() const noexcept { return kind_; }
    /// write: the bytes to write, good until the next call on the session.
    std::string_view bytes() const noexcept { return bytes_; }
    /// reply, transaction: the request's number, as send() returned it.
    std::uint64_t request() const noexcept { return request_; }
    /// reply: which of its request's replies this is (0 for the first), and whether the last.
    std::uint32_t part() const noexcept { return part_; }
    bool last() const noexcept { return last_; }
    /// reply, push: the frame.
    Reply& reply() noexcept { return reply_; }
    Reply take_reply() noexcept { return std::move(reply_); }
    /// transaction: its outcome and replies.
    TransactionReader& transaction() { return *transaction_; }
    /// unusable: the exception that says why (rethrow it with std::rethrow_exception).
    const std::exception_ptr& error() const noexcept { return error_; }
    /// unusable: the requests that were in flight, whose replies will never come.
    const std::vector<std::uint64_t>& failed() const noexcept { return failed_; }

   private:
    friend class Session;
    explicit Action(Kind kind) noexcept : kind_(kind) {}
    Kind kind_;
    std::uint32_t part_ = 0;
    bool last_ = false;
    std::uint64_t request_ = 0;
    std::string_view bytes_;
    Reply reply_;
    std::optional<TransactionReader> transaction_;
    std::exception_ptr error_;
    std::vector<std::uint64_t> failed_;
  };

  /// A session reading with `parser`; with a handshake, that is its first request, and requests
  /// sent meanwhile wait until it is done. `endpoint` names the server in messages.
  REDISPP_DECL Session(std::unique_ptr<Parser> parser, std::optional<Handshake> handshake, std::string endpoint);

  /// Queues a request (one or many encoded commands) of `count` replies, as `expect` says.
  /// Returns its number: 0, 1, 2 ... in the order sent, as replies come. On an unusable session
  /// it throws the exception that made it so, and queues nothing.
  REDISPP_DECL std::uint64_t send(std::string_view wire, std::uint32_t count = 1, Expect expect = Expect::replies);

  /// Bytes read from the server.
  REDISPP_DECL void feed(std::string_view bytes);
  /// Room to read into, then how much was read (no copy: the parser's own buffer).
  std::span<char> prepare(std::size_t size) { return parser_->prepare(size); }
  REDISPP_DECL void commit(std::size_t size);
  /// The write that next() asked for is done (the whole of bytes()).
  REDISPP_DECL void wrote() noexcept;
  /// The connection is gone (end of stream, a reset, a time-out): `why` says how, as the
  /// message of the ConnectionError that the next unusable action carries.
  REDISPP_DECL void closed(std::string why);
  /// Subscribed mode (RESP2): from now on, message frames ([message ...], [pmessage ...],
  /// [smessage ...]) are pushes, and acknowledgements no request waits for are pushes too.
  void set_subscribed(bool subscribed) noexcept { subscribed_ = subscribed; }

  /// What to do next (see the top of this file).
  REDISPP_DECL Action next();

  /// Requests sent and not yet answered in full.
  std::size_t in_flight() const noexcept { return requests_.size(); }
  bool usable() const noexcept { return !error_; }
  bool handshaking() const noexcept { return handshake_.has_value(); }
  /// Bytes read and not yet part of a delivered reply.
  std::size_t buffered() const noexcept { return parser_->buffered(); }

 private:
  struct Request {
    std::uint64_t number;
    std::uint32_t remaining;  // replies still to come (a transaction: unused)
    std::uint32_t part;       // the next reply's part
    Expect expect;
    std::optional<TransactionReader> transaction;
  };
  Action fail(std::exception_ptr error);
  // What a frame means: an action, or nothing to tell (it moved a request along).
  std::optional<Action> route(Reply&& frame);
  std::optional<Action> handshake_reply(Reply&& frame);

  std::unique_ptr<Parser> parser_;
  std::optional<Handshake> handshake_;
  std::string endpoint_;
  std::string output_;         // requests not yet handed out to be written
  std::string writing_;        // the bytes of the write in progress
  bool write_out_ = false;     // a write action is out and wrote() has not come back
  std::deque<Request> requests_;
  std::uint64_t next_number_ = 0;
  bool subscribed_ = false;
  std::optional<std::string> closed_;
  std::exception_ptr error_;  // once set, every next() is unusable
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/session.ipp>
#endif
