#pragma once
// The exception hierarchy, named as redis-py's so its users can catch by kind:
//
//   Error (std::runtime_error)
//   ├── ConnectionError ── AuthenticationError, MaxConnectionsError, MaxClientsError,
//   │                      BusyLoadingError
//   ├── TimeoutError
//   ├── ResponseError (.code() = the reply's prefix, "WRONGTYPE", "ERR" ...)
//   │   ├── WrongTypeError, NoScriptError, ReadOnlyError, ExecAbortError, BusyError,
//   │   ├── NoPermissionError, OutOfMemoryError
//   │   ├── RedirectError (.slot(), .host(), .port()) ── MovedError, AskError
//   │   └── TryAgainError, ClusterDownError, CrossSlotError   (Redis Cluster)
//   ├── DataError      (a reply or an argument of the wrong shape)
//   │   └── ReplyTypeError (a command's reply that does not convert to its C++ type; .reply())
//   ├── WatchError     (EXEC aborted because a watched key changed)
//   ├── PubSubError
//   ├── LockError      (a Lock used wrongly, or not acquired in time by lock())
//   │   └── LockNotOwnedError (release/extend/reacquire of a lock held by no one or someone else)
//   └── ProtocolError  (redis-py's InvalidResponse: bytes that are not RESP)
//
// Messages name what failed and where; they never contain a password. A layer that knows more
// about a failure than the one that raised it (the retry loop: why it gave up) adds a note to the
// same exception (Error::add_note) and throws it again, so its class is never lost.
//
// Error replies become exceptions through one table (ErrorTable, below): the first word of the
// reply picks the class. ErrorTable::standard() knows every class above; a host with classes of
// its own makes a table from it and adds rows.

#include <cstddef>      // std::size_t
#include <memory>       // std::shared_ptr (ReplyTypeError's reply)
#include <optional>     // std::optional
#include <stdexcept>    // std::runtime_error
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::move
#include <vector>       // std::vector

#include <redispp/config.hpp>

namespace redispp {

/// Base of every exception redispp throws.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message), message_(message) {}
  const char* what() const noexcept override { return message_.c_str(); }
  /// Appends `note` to what() (" (gave up after 4 attempts)"): how a layer that catches this
  /// exception says more before throwing it again, keeping its class.
  void add_note(std::string_view note) { message_.append(note); }

 private:
  std::string message_;
};

/// The connection could not be made, was lost, or the server refused it.
class ConnectionError : public Error {
 public:
  using Error::Error;
};

/// Wrong user or password, or a command sent before AUTH (NOAUTH, WRONGPASS).
class AuthenticationError : public ConnectionError {
 public:
  using ConnectionError::ConnectionError;
};

/// The local pool had no free connection within PoolOptions::timeout.
class MaxConnectionsError : public ConnectionError {
 public:
  using ConnectionError::ConnectionError;
};

/// The server refused the connection: its maxclients limit is reached.
class MaxClientsError : public ConnectionError {
 public:
  using ConnectionError::ConnectionError;
};

/// The server is still loading its dataset into memory (LOADING).
class BusyLoadingError : public ConnectionError {
 public:
  using ConnectionError::ConnectionError;
};

/// A connect, read or write did not finish within its time-out.
class TimeoutError : public Error {
 public:
  using Error::Error;
};

/// The server answered with an error reply. code() is its first word ("ERR", "WRONGTYPE");
/// what() names the command and the server before the server's words ("LPUSH on
/// 127.0.0.1:6379: WRONGTYPE ..."); message() is the server's words alone.
class ResponseError : public Error {
 public:
  ResponseError(std::string code, const std::string& what, std::string server_message = {})
      : Error(what), code_(std::move(code)), server_message_(std::move(server_message)) {}
  const std::string& code() const noexcept { return code_; }
  /// The error reply as the server sent it, without redispp's context.
  std::string_view message() const noexcept { return server_message_.empty() ? std::string_view(what()) : server_message_; }

 private:
  std::string code_;
  std::string server_message_;
};

/// WRONGTYPE: the key holds a value of another type.
class WrongTypeError : public ResponseError {
 public:
  using ResponseError::ResponseError;
};

/// NOSCRIPT: EVALSHA named a script the server does not have.
class NoScriptError : public ResponseError {
 public:
  using ResponseError::ResponseError;
};

/// READONLY: a write was sent to a read-only replica.
class ReadOnlyError : public ResponseError {
 public:
  using ResponseError::ResponseError;
};

/// EXECABORT: EXEC discarded the transaction because a queued command was rejected.
class ExecAbortError : public ResponseError {
 public:
  using ResponseError::ResponseError;
};

/// BUSY: a script or function is running and must finish or be killed first.
class BusyError : public ResponseError {
 public:
  using ResponseError::ResponseError;
};

/// NOPERM: the ACL user may not run this command or touch this key.
class NoPermissionError : public ResponseError {
 public:
  using ResponseError::ResponseError;
};

/// OOM: the server is at maxmemory and refuses writes.
class OutOfMemoryError : public ResponseError {
 public:
  using ResponseError::ResponseError;
};

/// MOVED or ASK (Redis Cluster): the key's slot is served by another node. slot(), host() and
/// port() say where; host() is empty when the server did not know its address ("MOVED 3999 :6381").
class RedirectError : public ResponseError {
 public:
  RedirectError(std::string code, const std::string& what, std::string server_message, int slot, std::string host,
                int port)
      : ResponseError(std::move(code), what, std::move(server_message)), slot_(slot), host_(std::move(host)),
        port_(port) {}
  int slot() const noexcept { return slot_; }
  const std::string& host() const noexcept { return host_; }
  int port() const noexcept { return port_; }

 private:
  int slot_;
  std::string host_;
  int port_;
};

/// MOVED: the slot belongs to another node for good; the slot map is out of date.
class MovedError : public RedirectError {
 public:
  using RedirectError::RedirectError;
};

/// ASK: the slot is being migrated; this one command goes to the other node, after ASKING.
class AskError : public RedirectError {
 public:
  using RedirectError::RedirectError;
};

/// TRYAGAIN: a multi-key command's keys are split by a slot migration in progress; retry later.
class TryAgainError : public ResponseError {
 public:
  using ResponseError::ResponseError;
};

/// CLUSTERDOWN: the cluster cannot serve this slot now (a failover, lost slots).
class ClusterDownError : public ResponseError {
 public:
  using ResponseError::ResponseError;
};

/// CROSSSLOT: a command's keys hash to different slots.
class CrossSlotError : public ResponseError {
 public:
  using ResponseError::ResponseError;
};

/// A value of the wrong shape: a reply that does not convert to the asked type, or an argument
/// that cannot be sent (NaN as a score).
class DataError : public Error {
 public:
  using Error::Error;
};

class Reply;  // protocol/reply.hpp

/// A command's reply that does not convert to the command's C++ type: r.get<long long>("k") of
/// a key holding "hello". what() names the command, its first key and the reply's kind and size,
/// with at most 32 bytes of its value (stored values end up in logs):
///   GET "k" on 127.0.0.1:6379: cannot convert bulk string reply of 5 bytes "hello" to long long:
///   not a whole number in range
/// reply() is the whole reply, for a program that wants to look at it. (When the conversion
/// failed inside an array, the elements converted before the one that failed may have been
/// moved out of it already: their strings are empty.)
class ReplyTypeError : public DataError {
 public:
  ReplyTypeError(const std::string& message, std::shared_ptr<const Reply> reply)
      : DataError(message), reply_(std::move(reply)) {}
  const Reply& reply() const noexcept { return *reply_; }

 private:
  std::shared_ptr<const Reply> reply_;  // shared: exceptions are copied as they propagate
};

/// EXEC answered nil: a WATCHed key changed before the transaction ran.
class WatchError : public Error {
 public:
  using Error::Error;
};

/// Misuse of a pub/sub connection.
class PubSubError : public Error {
 public:
  using Error::Error;
};

/// A Lock (lock.hpp) could not do what was asked: release() of a lock this object does not
/// hold, extend() of a lock without a timeout, lock() not acquiring within blocking_timeout.
class LockError : public Error {
 public:
  using Error::Error;
};

/// release(), extend() or reacquire() found the lock no longer this owner's: it expired (its
/// timeout passed) and was deleted or taken by another owner.
class LockNotOwnedError : public LockError {
 public:
  using LockError::LockError;
};

/// Bytes that are not valid RESP (redis-py's InvalidResponse). The connection that produced them
/// is closed, never reused.
class ProtocolError : public Error {
 public:
  using Error::Error;
};

/// Where an error reply came from, for its exception's message.
struct ErrorContext {
  std::string_view command = {};   // "INCR"; empty when unknown
  std::string_view endpoint = {};  // "127.0.0.1:6379"; empty when unknown
  std::optional<std::size_t> pipeline_index = std::nullopt;  // its place in a pipeline
};

/// How every error-reply message starts: "INCR on 127.0.0.1:6379: ", "INCR on 127.0.0.1:6379
/// (command 3 in pipeline): ", "" without context.
REDISPP_DECL std::string error_prefix(const ErrorContext& context);

/// An error reply on its way to becoming an exception: what a row of the ErrorTable is given.
struct ErrorReply {
  std::string_view code;     // the reply's first word: "MOVED"
  std::string_view message;  // the server's words: "MOVED 3999 127.0.0.1:6381"
  std::string what;          // the exception's what(): error_prefix(context) + message
};

/// The mapping from an error reply to an exception, by the reply's first word, as redis-py's
/// EXCEPTION_CLASSES: WRONGTYPE -> WrongTypeError, MOVED -> MovedError (slot, host, port),
/// NOAUTH -> AuthenticationError, LOADING -> BusyLoadingError ... A reply whose code has no row
/// raises ResponseError (or AuthenticationError / MaxClientsError when its words say so).
///
///   redispp::ErrorTable table = redispp::ErrorTable::standard();
///   table.add("MYMODULE", [](redispp::ErrorReply&& e) { throw MyModuleError(std::string(e.message)); });
///   table.raise(reply.str(), {.command = "MY.CMD", .endpoint = "127.0.0.1:6379"});
class ErrorTable {
 public:
  /// A row's action: throws the exception for `reply` (it must throw).
  using Raise = void (*)(ErrorReply&& reply);

  /// The table every client uses: a row for each class in this header.
  REDISPP_DECL static const ErrorTable& standard();

  /// Adds a row for replies whose first word is `code` (case-sensitive, as servers send it),
  /// replacing any row for the same code.
  REDISPP_DECL ErrorTable& add(std::string_view code, Raise action);
  /// The row for `code`, or nullptr.
  REDISPP_DECL Raise find(std::string_view code) const noexcept;

  /// Throws the exception for the error reply `message` (the server's words), its what() being
  /// error_prefix(context) followed by them.
  [[noreturn]] REDISPP_DECL void raise(std::string_view message, const ErrorContext& context = {}) const;

 private:
  struct Row {
    std::string code;
    Raise raise;
  };
  std::vector<Row> rows_;
};

/// ErrorTable::standard().raise(message, context): what every client, pipeline and handshake
/// calls for an error reply.
[[noreturn]] REDISPP_DECL void throw_error_reply(std::string_view message, const ErrorContext& context = {});

/// The first word of an error reply ("WRONGTYPE Operation against..." -> "WRONGTYPE").
inline std::string_view error_code(std::string_view message) noexcept {
  return message.substr(0, message.find(' '));
}

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/errors.ipp>
#endif
