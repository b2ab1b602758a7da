#pragma once
// Declarations of redispp's public classes, for a program's own headers: a header that only
// passes a `redispp::Redis&` or a `const redispp::Error&` around includes this, and only the
// .cpp files that call commands include <redispp/redispp.hpp> (about 2 s of g++ per file,
// bench/compile_time.sh; this header costs nothing measurable, it includes no other).
//
//   // cache.hpp
//   #include <redispp/fwd.hpp>
//   class Cache {
//    public:
//     explicit Cache(redispp::Redis& redis);
//    private:
//     redispp::Redis* redis_;
//   };
//
// Every name here is declared exactly as its own header defines it; tests/unit/fwd_test.cpp
// checks each against the definition. Enumerations are left out: their declarations would have
// to repeat each one's underlying type.

namespace redispp {

// client.hpp, pipeline.hpp, pipeline_results.hpp, typed_pipeline.hpp
class Redis;
class Pipeline;
class ImmediateCommands;
class PipelineResults;
template <class... Ts>
class TypedPipeline;

// commands/command.hpp: one command, built and not yet run
template <class T>
class Command;

// protocol/
class Reply;
class Parser;
struct ParserLimits;

// transport/
struct ConnectionOptions;
struct PoolOptions;
struct PoolStats;
struct Credentials;
struct ServerAddress;
struct HandshakeStep;
struct TlsOptions;
struct UrlOptions;
struct Retry;
class ConnectionPool;
class Lease;
class Connection;

// pubsub.hpp, monitor.hpp, lock.hpp, script.hpp, scan_range.hpp, source_location.hpp
class PubSub;
class PubSubWorker;
struct PubSubOptions;
struct Message;
class Monitor;
struct MonitorCommand;
class Lock;
struct LockOptions;
struct LockAcquireOptions;
class Script;
template <class Items>
class ScanRange;
class SourceLocation;

// errors.hpp: what each means is written there and in docs/errors.md
class Error;
class ConnectionError;
class AuthenticationError;
class MaxConnectionsError;
class MaxClientsError;
class BusyLoadingError;
class TimeoutError;
class ResponseError;
class WrongTypeError;
class NoScriptError;
class ReadOnlyError;
class ExecAbortError;
class BusyError;
class NoPermissionError;
class OutOfMemoryError;
class RedirectError;
class MovedError;
class AskError;
class TryAgainError;
class ClusterDownError;
class CrossSlotError;
class DataError;
class WatchError;
class PubSubError;
class LockError;
class LockNotOwnedError;
class ProtocolError;
struct ErrorContext;
struct ErrorReply;
class ErrorTable;

}  // namespace redispp
