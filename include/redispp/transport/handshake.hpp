#pragma once
// Handshake: what a new connection says first and how each answer is judged, as a state machine
// with no socket in it. The connection (or, later, the async client) sends request() in one
// write, feeds every reply to on_reply() in order until done(), then calls
// check_nothing_left() with the bytes it still holds unread.
//
// The commands, in order:
//   HELLO 3 [AUTH user pass] [SETNAME name]   (protocol 3)    -> a map
//   AUTH [user] pass, CLIENT SETNAME name      (protocol 2)    -> +OK each
//   SELECT db                                  (db != 0)       -> +OK
//   CLIENT SETINFO LIB-NAME / LIB-VER                          -> +OK, or an error (Redis < 7.2)
//   ConnectionOptions::handshake_steps, each judged by its own judge (a host's: READONLY ...)
//   ECHO <marker>                                              -> the marker back
// The marker is why a server that sends one reply too many (a greeting, a proxy's banner) is
// caught here: every later reply moves one place down, and no +OK or error looks like the
// marker. Each reply is checked for the kind its command gives, so a reply out of place is a
// ProtocolError ("handshake out of step"), never a reply handed to the first real command.

#include <cstddef>      // std::size_t
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include <redispp/config.hpp>
#include <redispp/protocol/reply.hpp>
#include <redispp/transport/options.hpp>

namespace redispp {

class Handshake {
 public:
  enum class Step { hello, auth, setname, select, setinfo, extra, marker };

  /// The handshake for a connection made with `options`; messages name `endpoint`.
  Handshake(const ConnectionOptions& options, std::string endpoint);

  /// Every command of the handshake, encoded, to be sent in one write.
  const std::string& request() const noexcept { return request_; }
  /// The commands whose replies are still to come, in order.
  const std::vector<Step>& steps() const noexcept { return steps_; }
  bool done() const noexcept { return next_ == steps_.size(); }

  /// Judges the next reply. Throws what the refusal means (AuthenticationError, MaxClientsError,
  /// ConnectionError, ResponseError), or ProtocolError when the reply is not the kind its
  /// command answers (the server is out of step), or when called after done().
  void on_reply(const Reply& reply);
  /// After done(): `unread` bytes still buffered mean the server sent replies no command asked
  /// for (ProtocolError).
  void check_nothing_left(std::size_t unread) const;

  /// The marker ECHO sends and expects back.
  static constexpr std::string_view marker = "redispp-handshake";

 private:
  [[noreturn]] void out_of_step(Step step, const Reply& reply) const;

  std::string endpoint_;
  std::string username_;  // for messages ("default" when none was given)
  int db_ = 0;
  std::string request_;
  std::vector<Step> steps_;
  std::size_t next_ = 0;
  std::vector<HandshakeStep> extra_;  // ConnectionOptions::handshake_steps, in order
  std::size_t next_extra_ = 0;
};

/// "HELLO", "CLIENT SETNAME" ...: how messages name a handshake step.
REDISPP_DECL std::string_view to_string(Handshake::Step step) noexcept;

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/handshake.ipp>
#endif
