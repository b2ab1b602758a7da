#pragma once
// settle(): a command's reply -> the value its Command<T> promised, or the exception that says
// why not. The last step of every host (Redis::run, a watching pipeline's immediate commands,
// PipelineResults and so TypedPipeline, and any host a user writes):
//
//   T value = redispp::settle(command, std::move(reply), {.endpoint = "127.0.0.1:6379"});
//
// - An error reply throws its exception (throw_error_reply: WRONGTYPE -> WrongTypeError ...),
//   its message prefixed with the context: "LPUSH on 127.0.0.1:6379: WRONGTYPE ...".
// - Anything else is converted by the command's conversion. A reply that does not convert throws
//   ReplyTypeError (a DataError) naming the command, its first key and the reply's kind and size,
//   with at most 32 bytes of its value; its reply() is the whole reply.
//
// What it costs when nothing is thrown: the error-reply test and the conversion, as before (a
// try block costs nothing until something is thrown). The command's keys, the messages and, in
// the second form, the context itself are only made on the way to a throw.

#include <optional>     // std::optional
#include <string_view>  // std::string_view
#include <type_traits>  // std::is_convertible_v
#include <utility>      // std::move
#include <vector>       // std::vector

#include <redispp/commands/command.hpp>
#include <redispp/errors.hpp>
#include <redispp/protocol/convert.hpp>  // detail::throw_reply_type_error
#include <redispp/protocol/reply.hpp>

namespace redispp {

namespace detail {

/// The command's first key (a view of its bytes), or nullopt when it has none or they are unknown.
template <class T>
std::optional<std::string_view> first_key(const Command<T>& command) {
  const std::vector<std::string_view> keys = command.keys();
  if (keys.empty()) return std::nullopt;
  return keys.front();
}

// settle_reply()'s two ways out, kept out of the host's run(): the context, the keys and the
// messages are made here, so that the path where nothing is thrown stays as short as it was.
template <class WithContext>
[[noreturn, gnu::cold, gnu::noinline]] void throw_settled_error_reply(const Reply& reply,
                                                                      const WithContext& with_context) {
  with_context([&reply](const ErrorContext& context, std::optional<std::string_view>) {
    throw_error_reply(reply.str(), context);
  });
  throw_error_reply(reply.str());  // only if with_context did not call fail
}
template <class WithContext>
[[noreturn, gnu::cold, gnu::noinline]] void throw_settled_type_error(const DataError& cause, Reply& reply,
                                                                     const WithContext& with_context) {
  with_context([&cause, &reply](const ErrorContext& context, std::optional<std::string_view> key) {
    throw_reply_type_error(cause, std::move(reply), context, key);
  });
  throw;  // only if with_context did not call fail: the conversion's own DataError, being handled
}

// Always inlined, as are the settle() overloads below: a host calls them from one or two places
// of its run(), and an out-of-line call (which GCC chose for Redis::run, whose inlining budget
// the round trip has spent) would add a call and a closure on the path of every command.
/// settle()'s core, for hosts that keep a conversion rather than a Command<T> (PipelineResults).
/// `with_context(fail)` is called only on the way to a throw: it calls
/// fail(const ErrorContext&, std::optional<std::string_view> first_key), which throws; so a host
/// can make its endpoint's name there, in a string that lives until the exception is made.
template <class T, class WithContext>
[[gnu::always_inline]] inline T settle_reply(T (*convert)(Reply&&), Reply&& reply,
                                             const WithContext& with_context) {
  if (reply.is_error()) [[unlikely]]
    throw_settled_error_reply(reply, with_context);
  try {
    return convert(std::move(reply));
  } catch (const ReplyTypeError&) {
    throw;  // a conversion that settled a reply of its own: that one is the reply that failed
  } catch (const DataError& cause) {
    throw_settled_type_error(cause, reply, with_context);
  }
}

}  // namespace detail

/// Settles `command`'s reply: an error reply throws its exception, prefixed with `context`
/// (whose command, when empty, is the command's name); anything else is converted to T, and a
/// reply that does not convert throws ReplyTypeError.
template <class T>
[[gnu::always_inline]] inline T settle(const Command<T>& command, Reply&& reply, const ErrorContext& context) {
  return detail::settle_reply(command.conversion(), std::move(reply), [&](const auto& fail) {
    ErrorContext where = context;
    if (where.command.empty()) where.command = command.name();
    fail(where, detail::first_key(command));
  });
}

/// The same, with the context made only when settle() throws, for a host whose endpoint costs a
/// string to name: `with_context(fail)` calls fail(const ErrorContext&).
///   settle(command, std::move(reply), [&](const auto& fail) { fail({.endpoint = endpoint_name(options)}); });
template <class T, class WithContext>
  requires(!std::is_convertible_v<const WithContext&, const ErrorContext&>)
[[gnu::always_inline]] inline T settle(const Command<T>& command, Reply&& reply,
                                       const WithContext& with_context) {
  return detail::settle_reply(command.conversion(), std::move(reply), [&](const auto& fail) {
    with_context([&](const ErrorContext& context) {
      ErrorContext where = context;
      if (where.command.empty()) where.command = command.name();
      fail(where, detail::first_key(command));
    });
  });
}

}  // namespace redispp
