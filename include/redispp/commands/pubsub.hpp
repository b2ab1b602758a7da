#pragma once
// Publishing commands (subscribing is the PubSub object's job). https://redis.io/commands/?group=pubsub
//
// Types:
//   PUBLISH, SPUBLISH, PUBSUB NUMPAT      long long (receivers; patterns)
//   PUBSUB CHANNELS / SHARDCHANNELS       std::vector<std::string>
//   PUBSUB NUMSUB / SHARDNUMSUB           std::vector<std::pair<std::string, long long>>:
//                                         (channel, subscribers) in the order asked, as
//                                         redis-py's list of tuples
//   PUBSUB HELP                           std::vector<std::string>
//   UNSUBSCRIBE, PUNSUBSCRIBE, SUNSUBSCRIBE  the raw Reply: the acknowledgement, or with
//                                         several names an array of one per name (in a
//                                         transaction: refused, see Command::reply_count()).
// SUBSCRIBE, PSUBSCRIBE and SSUBSCRIBE have no method here: they turn a connection into a
// message stream, which the PubSub object (pubsub.hpp) owns, together with the subscriptions it
// keeps and the matching unsubscribes. The unsubscribe methods only send the command: on a
// connection that subscribed to nothing the server just acknowledges, [kind, nil, 0] — an
// array with RESP2, a push frame with RESP3 (the connection returns subscription
// acknowledgements as replies; other pushes go to its push handler or are dropped and counted).

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <utility>      // std::pair
#include <vector>       // std::vector

#include <redispp/commands/command.hpp>
#include <redispp/commands/host_result.hpp>
#include <redispp/commands/options.hpp>
#include <redispp/config.hpp>  // REDISPP_DECL

namespace redispp {

namespace cmd {

template <class M>
Command<long long> publish(std::string_view channel, const M& message) {
  return make_command<long long>(no_keys, "PUBLISH", channel, message);
}
template <class M>
Command<long long> spublish(std::string_view shardchannel, const M& message) {
  return make_command<long long>(first_key, "SPUBLISH", shardchannel, message);
}
REDISPP_DECL Command<std::vector<std::string>> pubsub_channels(std::string_view pattern);
REDISPP_DECL Command<std::vector<std::string>> pubsub_shardchannels(std::string_view pattern);
REDISPP_DECL Command<long long> pubsub_numpat();
template <class... Channels>
Command<std::vector<std::pair<std::string, long long>>> pubsub_numsub(const Channels&... channels) {
  return make_command<std::vector<std::pair<std::string, long long>>>(CommandFlags::repeatable, no_keys, "PUBSUB", "NUMSUB", channels...);
}
template <class... Channels>
Command<std::vector<std::pair<std::string, long long>>> pubsub_shardnumsub(const Channels&... channels) {
  return make_command<std::vector<std::pair<std::string, long long>>>(CommandFlags::repeatable, no_keys, "PUBSUB", "SHARDNUMSUB", channels...);
}
REDISPP_DECL Command<std::vector<std::string>> pubsub_help();
namespace detail {
/// An encoded (P|S)UNSUBSCRIBE with its reply count: an acknowledgement per name it carries
/// (counted after encoding, as a list argument expands to many), one for none.
inline Command<Reply> acknowledged_per_name(Command<Reply>&& command) {
  const std::size_t argc = redispp::detail::encoded_argument_count(command.wire());
  return std::move(command).expecting(unsubscribe_replies(argc == 0 ? 0 : argc - 1));
}
}  // namespace detail
template <class... Channels>
Command<Reply> unsubscribe(const Channels&... channels) {
  return detail::acknowledged_per_name(make_command<Reply>(no_keys, "UNSUBSCRIBE", channels...));
}
template <class... Patterns>
Command<Reply> punsubscribe(const Patterns&... patterns) {
  return detail::acknowledged_per_name(make_command<Reply>(no_keys, "PUNSUBSCRIBE", patterns...));
}
template <class... Channels>
Command<Reply> sunsubscribe(const Channels&... shardchannels) {
  return detail::acknowledged_per_name(make_command<Reply>(keys_from(1), "SUNSUBSCRIBE", shardchannels...));
}

}  // namespace cmd

/// Publishing commands (subscribing is the PubSub object's job) as methods of every client (part of CommandSet; see command_set.hpp).
template <class Derived>
class PubSubCommands {
 public:
  /// What each method returns: its reply type T on Redis, Pipeline& on a pipeline (host_result.hpp).
  template <class T>
  using Result = HostResult<Derived, T>;

  /// https://redis.io/commands/publish — how many subscribers received the message.
  template <Argument M> Result<long long> publish(std::string_view channel, const M& message) { return run(cmd::publish(channel, detail::value_view(message))); }
  /// https://redis.io/commands/spublish — to a shard channel; how many received it.
  template <Argument M> Result<long long> spublish(std::string_view shardchannel, const M& message) { return run(cmd::spublish(shardchannel, detail::value_view(message))); }
  /// https://redis.io/commands/pubsub-channels — active channels matching a glob (empty = all).
  Result<std::vector<std::string>> pubsub_channels(std::string_view pattern = {}) { return run(cmd::pubsub_channels(pattern)); }
  /// https://redis.io/commands/pubsub-shardchannels
  Result<std::vector<std::string>> pubsub_shardchannels(std::string_view pattern = {}) { return run(cmd::pubsub_shardchannels(pattern)); }
  /// https://redis.io/commands/pubsub-numpat — how many patterns are subscribed to.
  Result<long long> pubsub_numpat() { return run(cmd::pubsub_numpat()); }
  /// https://redis.io/commands/pubsub-numsub — (channel, subscribers) per channel asked.
  template <Argument... C> Result<std::vector<std::pair<std::string, long long>>> pubsub_numsub(const C&... channels) { return run(cmd::pubsub_numsub(detail::argument_view(channels)...)); }
  Result<std::vector<std::pair<std::string, long long>>> pubsub_numsub(KeyList channels) { return run(cmd::pubsub_numsub(channels)); }
  /// https://redis.io/commands/pubsub-shardnumsub
  template <Argument... C> Result<std::vector<std::pair<std::string, long long>>> pubsub_shardnumsub(const C&... shardchannels) { return run(cmd::pubsub_shardnumsub(detail::argument_view(shardchannels)...)); }
  Result<std::vector<std::pair<std::string, long long>>> pubsub_shardnumsub(KeyList shardchannels) { return run(cmd::pubsub_shardnumsub(shardchannels)); }
  /// https://redis.io/commands/pubsub-help
  Result<std::vector<std::string>> pubsub_help() { return run(cmd::pubsub_help()); }
  /// https://redis.io/commands/unsubscribe — sends it and returns the raw acknowledgement (an
  /// array of them for several channels); the PubSub object manages subscriptions.
  template <Argument... C> Result<Reply> unsubscribe(const C&... channels) { return run(cmd::unsubscribe(detail::argument_view(channels)...)); }
  Result<Reply> unsubscribe(KeyList channels) { return run(cmd::unsubscribe(channels)); }
  /// https://redis.io/commands/punsubscribe — as unsubscribe, for patterns.
  template <Argument... P> Result<Reply> punsubscribe(const P&... patterns) { return run(cmd::punsubscribe(detail::argument_view(patterns)...)); }
  Result<Reply> punsubscribe(KeyList patterns) { return run(cmd::punsubscribe(patterns)); }
  /// https://redis.io/commands/sunsubscribe — as unsubscribe, for shard channels.
  template <Argument... C> Result<Reply> sunsubscribe(const C&... shardchannels) { return run(cmd::sunsubscribe(detail::argument_view(shardchannels)...)); }
  Result<Reply> sunsubscribe(KeyList shardchannels) { return run(cmd::sunsubscribe(shardchannels)); }

 private:
  template <class T>
  decltype(auto) run(Command<T>&& command) {
    return static_cast<Derived&>(*this).run(std::move(command));
  }
};

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/pubsub_commands.ipp>
#endif
