#pragma once
// TypedPipeline<Ts...>: a pipeline whose results come back as a std::tuple of the queued
// commands' types, checked at compile time.
//
//   auto [ok, n, v] = r.typed_pipeline(false).set("a", "1").incr("n").get("a").execute();
//   // ok: bool, n: long long, v: std::optional<std::string>
//
// Each command method queues its command and returns the next TypedPipeline, with the command's
// type added to Ts; execute() sends the batch as Pipeline::execute() does (one write; MULTI/EXEC
// when transaction is true, the default) and converts each reply to its command's type. There
// is no get<T>(i) to get wrong: a wrong type in a structured binding or a std::get does not
// compile.
//
// What it is not for, and why:
// - A batch built in a loop, or one whose length is known only at run time: each length is its
//   own C++ type. Use Pipeline and PipelineResults (res.get<T>(i)) for those.
// - Errors kept in place (Pipeline::execute(false)): a tuple of values has no room for an error
//   reply. execute() throws the first error reply as its ResponseError, naming the command's
//   index; WatchError, ExecAbortError, ConnectionError and TimeoutError as Pipeline::execute().
// - WATCH: use Pipeline (watch(), immediate()) or Redis::transaction().
// - Long chains: every step instantiates the command set for one more class. Measured with g++ 12
//   at -O2: a chain of six commands took about 0.9 s more CPU to compile than the same six on a
//   Pipeline (6.1 s against 5.2 s for the whole one-file program), about 0.15 s a step.
//
// The chain moves one Pipeline along: a step leaves the TypedPipeline it was called on empty.
// Keep and use what each step returns (the class is [[nodiscard]]); calling a method or
// execute() on a TypedPipeline already moved on throws DataError instead of sending anything.

#include <cstddef>   // std::size_t
#include <optional>  // std::optional
#include <tuple>     // std::tuple
#include <utility>   // std::move, std::index_sequence

#include <redispp/client.hpp>
#include <redispp/commands/command_set.hpp>
#include <redispp/commands/generic.hpp>  // make_generic_command
#include <redispp/config.hpp>  // REDISPP_DECL
#include <redispp/pipeline.hpp>
#include <redispp/pipeline_results.hpp>

namespace redispp {

template <class... Ts>
class TypedPipeline;

namespace detail {
struct NextTypedStep {};  // a TypedPipeline made by the step before it: its pipeline already holds Ts...
// The DataErrors, out of line (impl/typed_pipeline.ipp): their messages need fmt::format.
[[noreturn]] REDISPP_DECL void throw_typed_pipeline_not_empty(std::size_t queued);
[[noreturn]] REDISPP_DECL void throw_typed_pipeline_moved_on(const char* action);
}  // namespace detail

/// A TypedPipeline's command methods return the next TypedPipeline, with one more type.
template <class... Ts>
struct HostResultOf<TypedPipeline<Ts...>> {
  template <class T>
  using type = TypedPipeline<Ts..., T>;
};

template <class... Ts>
class [[nodiscard]] TypedPipeline : public CommandSet<TypedPipeline<Ts...>> {
 public:
  /// Takes over `pipeline`, which must have nothing queued (Redis::typed_pipeline() makes one;
  /// a watching Pipeline may be handed over after its reads through immediate()).
  explicit TypedPipeline(Pipeline pipeline)
    requires(sizeof...(Ts) == 0)
      : pipeline_(std::move(pipeline)) {
    if (!pipeline_->empty()) detail::throw_typed_pipeline_not_empty(pipeline_->size());
  }

  /// Queues a command; every command method comes here. Returns the next TypedPipeline.
  template <class T>
  TypedPipeline<Ts..., T> run(Command<T>&& command) {
    Pipeline& pipeline = current("queue a command");
    pipeline.run(std::move(command));
    return TypedPipeline<Ts..., T>(take(), detail::NextTypedStep{});
  }
  /// Queues any command; its result is a raw Reply (as Pipeline::execute_command).
  template <Argument... Args>
  TypedPipeline<Ts..., Reply> execute_command(const Args&... args) {
    return run(make_generic_command(detail::argument_view(args)...));
  }

  /// Sends the queued commands and returns their results, each as its command's type.
  std::tuple<Ts...> execute() {
    current("execute");
    Pipeline pipeline = take();
    PipelineResults results = pipeline.execute(true);
    return convert_all(results, std::index_sequence_for<Ts...>{});
  }

  /// How many commands are queued: one per type.
  static constexpr std::size_t size() noexcept { return sizeof...(Ts); }
  bool is_transaction() const noexcept { return pipeline_ && pipeline_->is_transaction(); }

 private:
  template <class...>
  friend class TypedPipeline;
  TypedPipeline(Pipeline pipeline, detail::NextTypedStep) noexcept : pipeline_(std::move(pipeline)) {}

  Pipeline& current(const char* action) {
    if (!pipeline_) detail::throw_typed_pipeline_moved_on(action);
    return *pipeline_;
  }
  Pipeline take() {
    Pipeline pipeline = std::move(*pipeline_);
    pipeline_.reset();
    return pipeline;
  }

  template <std::size_t... I>
  static std::tuple<Ts...> convert_all(PipelineResults& results, std::index_sequence<I...>) {
    // Braced initialisation converts in order, so the first bad reply is the one reported.
    return std::tuple<Ts...>{results.template take<Ts>(I)...};
  }

  std::optional<Pipeline> pipeline_;
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/typed_pipeline.ipp>  // Redis::typed_pipeline()
#endif
