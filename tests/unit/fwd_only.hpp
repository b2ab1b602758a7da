#pragma once
// What a user's header written against <redispp/fwd.hpp> looks like: it holds and passes
// redispp's objects by reference, and leaves calling them to .cpp files (fwd_test.cpp).

#include <string>
#include <vector>

#include <redispp/fwd.hpp>

namespace fwd_test {

class Session {
 public:
  explicit Session(redispp::Redis& redis) noexcept;  // defined in fwd_only.cpp, which sees fwd.hpp only
  void fail(const redispp::Error& error) noexcept;
  redispp::Redis& redis() const noexcept { return *redis_; }
  const redispp::Error* last_error() const noexcept { return last_error_; }

 private:
  redispp::Redis* redis_;
  const redispp::Error* last_error_ = nullptr;
};

template <class... Ts>
struct TypeList {};

// Every name fwd.hpp declares (the templates with an argument). fwd_only.cpp asserts that none
// is defined there; fwd_test.cpp that each is, by <redispp/redispp.hpp>: a name misspelt in
// fwd.hpp, or declared in another namespace, fails one or the other.
using DeclaredNames = TypeList<
    redispp::Redis, redispp::Pipeline, redispp::ImmediateCommands, redispp::PipelineResults,
    redispp::TypedPipeline<bool>, redispp::Command<bool>, redispp::Reply, redispp::Parser, redispp::ParserLimits,
    redispp::ConnectionOptions, redispp::PoolOptions, redispp::PoolStats, redispp::Credentials,
    redispp::ServerAddress, redispp::HandshakeStep, redispp::TlsOptions,
    redispp::UrlOptions, redispp::Retry, redispp::ConnectionPool, redispp::Lease, redispp::Connection,
    redispp::PubSub, redispp::PubSubWorker, redispp::PubSubOptions, redispp::Message, redispp::Monitor,
    redispp::MonitorCommand, redispp::Lock, redispp::LockOptions, redispp::LockAcquireOptions, redispp::Script,
    redispp::ScanRange<std::vector<std::string>>, redispp::SourceLocation, redispp::Error,
    redispp::ConnectionError, redispp::AuthenticationError, redispp::MaxConnectionsError,
    redispp::MaxClientsError, redispp::BusyLoadingError, redispp::TimeoutError, redispp::ResponseError,
    redispp::WrongTypeError, redispp::NoScriptError, redispp::ReadOnlyError, redispp::ExecAbortError,
    redispp::BusyError, redispp::NoPermissionError, redispp::OutOfMemoryError, redispp::RedirectError,
    redispp::MovedError, redispp::AskError, redispp::TryAgainError, redispp::ClusterDownError, redispp::CrossSlotError,
    redispp::DataError,
    redispp::WatchError, redispp::PubSubError, redispp::LockError, redispp::LockNotOwnedError,
    redispp::ProtocolError, redispp::ErrorContext, redispp::ErrorReply, redispp::ErrorTable>;

template <class T>
concept complete = requires { sizeof(T); };

template <class... Ts>
constexpr int count_complete(TypeList<Ts...>) {
  return (0 + ... + (complete<Ts> ? 1 : 0));
}
template <class... Ts>
constexpr int count(TypeList<Ts...>) {
  return sizeof...(Ts);
}

}  // namespace fwd_test
