#pragma once
// PipelineResults: the replies of an executed Pipeline, one per queued command, each
// remembering its command's name and C++ result type.
//
//   auto res = r.pipeline().set("a", "1").incr("n").get("a").execute();
//   bool ok = res.get<bool>(0);
//   long long n = res.get<long long>(1);
//   std::optional<std::string> a = res.get<std::optional<std::string>>(2);
//
// get<T>(i) must name the type the command was queued with (DataError otherwise, saying which
// type it is). An error reply kept in place (execute(false)) throws its exception from get<T>,
// and a reply that does not convert ReplyTypeError, both naming the command and its index
// (settle(), commands/settle.hpp); reply(i) gives any reply raw.

#include <cstddef>      // std::size_t
#include <optional>     // std::nullopt
#include <string>       // std::string
#include <typeinfo>     // std::type_info
#include <utility>      // std::move
#include <vector>       // std::vector

#include <redispp/commands/command.hpp>
#include <redispp/commands/settle.hpp>
#include <redispp/config.hpp>
#include <redispp/detail/short_name.hpp>
#include <redispp/detail/type_name.hpp>
#include <redispp/errors.hpp>
#include <redispp/protocol/reply.hpp>

namespace redispp {

namespace detail {

/// What a queued command will need to turn its reply into a value: its name, its result type,
/// and its conversion (stored type-erased, restored by get<T> after checking the type).
struct QueuedCommand {
  ShortName name;
  const std::type_info* type = nullptr;
  std::string (*type_name)() = nullptr;
  void (*convert)() = nullptr;  // really T (*)(Reply&&)

  template <class T>
  static QueuedCommand of(const Command<T>& command) {
    return QueuedCommand{ShortName(command.name()), &typeid(T), &detail::type_name<T>,
                         reinterpret_cast<void (*)()>(command.conversion())};
  }
};

}  // namespace detail

class PipelineResults {
 public:
  PipelineResults() = default;
  PipelineResults(std::vector<Reply> replies, std::vector<detail::QueuedCommand> commands, std::string endpoint = {})
      : replies_(std::move(replies)), commands_(std::move(commands)), endpoint_(std::move(endpoint)) {}
  PipelineResults(const PipelineResults&) = default;
  PipelineResults(PipelineResults&&) noexcept = default;
  PipelineResults& operator=(const PipelineResults&) = default;
  PipelineResults& operator=(PipelineResults&&) noexcept = default;
  // Out of line (impl/pipeline_results.ipp): destroying every reply and queued command is 5 KB
  // of code, which an implicit destructor made in each file that runs a pipeline.
  REDISPP_DECL ~PipelineResults();

  std::size_t size() const noexcept { return replies_.size(); }
  bool empty() const noexcept { return replies_.empty(); }

  /// Result i converted to T, the type its command was queued with.
  template <class T>
  T get(std::size_t i) const {
    const auto convert = converter<T>(i);  // checks i and T before the reply is copied
    return settle<T>(convert, i, Reply(replies_[i]));
  }
  /// Like get(), moving the reply out (result i is nil afterwards).
  template <class T>
  T take(std::size_t i) {
    const auto convert = converter<T>(i);
    return settle<T>(convert, i, std::move(replies_[i]));
  }

  /// Result i as the server sent it (error replies included).
  const Reply& reply(std::size_t i) const {
    check_index(i);
    return replies_[i];
  }
  /// The name of command i ("SET").
  std::string_view command_name(std::size_t i) const {
    check_index(i);
    return commands_[i].name.view();
  }
  bool is_error(std::size_t i) const { return reply(i).is_error(); }

  /// Iterates over the raw replies.
  auto begin() const noexcept { return replies_.begin(); }
  auto end() const noexcept { return replies_.end(); }

 private:
  void check_index(std::size_t i) const {
    if (i >= replies_.size()) throw_no_result(i);
  }
  // The two DataErrors of get<T> (impl/pipeline_results.ipp: out of line, so that their
  // messages' formatting is compiled once, not in every file that includes this header).
  [[noreturn]] REDISPP_DECL void throw_no_result(std::size_t i) const;
  [[noreturn]] REDISPP_DECL void throw_wrong_type(std::size_t i, const std::string& wanted) const;

  template <class T>
  T (*converter(std::size_t i) const)(Reply&&) {
    check_index(i);
    const detail::QueuedCommand& command = commands_[i];
    if (*command.type != typeid(T)) throw_wrong_type(i, detail::type_name<T>());
    return reinterpret_cast<T (*)(Reply&&)>(command.convert);
  }
  // Result i's reply -> T, as every host settles a reply (commands/settle.hpp). The queued
  // command keeps its name, not its bytes: the messages name the command and its index in the
  // pipeline, not its key.
  template <class T>
  T settle(T (*convert)(Reply&&), std::size_t i, Reply&& reply) const {
    return detail::settle_reply(convert, std::move(reply), [this, i](const auto& fail) {
      fail(ErrorContext{commands_[i].name.view(), endpoint_, i}, std::nullopt);
    });
  }

  std::vector<Reply> replies_;
  std::vector<detail::QueuedCommand> commands_;
  std::string endpoint_;  // the server that answered, for error messages
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/pipeline_results.ipp>
#endif
