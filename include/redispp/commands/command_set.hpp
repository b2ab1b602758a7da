#pragma once
// CommandSet<Derived>: every command as a one-line method, written once and shared by every
// kind of client. Each command group (commands/<group>.hpp) holds its builders, which return a
// Command<T>, and a small CRTP mixin whose one-line methods hand those to Derived::run(); the
// CommandSet is all the group mixins together. What running means is the host's business:
//   Redis::run              sends it now and returns T;
//   Pipeline::run           queues it and returns Pipeline& (so calls chain);
//   ImmediateCommands::run  runs it now on a watching pipeline's connection;
//   planned: the cluster client routes it, the async client returns an awaitable.
// A new command is one builder plus one line in its group's mixin; a new group is one header
// plus one base class here. A command name belongs to exactly one group (overloads of one
// name must live in one class, or calls become ambiguous).
//
// Each method's type is spelled out: Result<T> (host_result.hpp) is the T itself on Redis, the
// Pipeline& to chain on a pipeline, so `Result<long long> incr(std::string_view key)` reads as
// what r.incr("n") gives.
//
// Keys and values are std::string_view (binary-safe); values and fields also take any type the
// encoder accepts (numbers, user types with redispp_to_bulk). Many-key commands take the keys as
// separate arguments, a range, or a braced list (KeyList).
//
// The methods hand their Argument parameters to the builders through detail::argument_view
// (encoder.hpp), which turns text of any kind (a literal, const char*, std::string) into a
// std::string_view and passes everything else on by reference. Without it each literal length
// is a type of its own: r.set("k", "a") and r.set("k", "bb") would instantiate cmd::set<char[2]>
// and cmd::set<char[3]>, and the encoder's templates under each, once per length in every file.
// The methods' signatures are not changed by it; execute_command and
// Pipeline::watch decay their arguments the same way.

#include <redispp/commands/bitmaps.hpp>
#include <redispp/commands/connection_commands.hpp>
#include <redispp/commands/generic.hpp>
#include <redispp/commands/geo.hpp>
#include <redispp/commands/hashes.hpp>
#include <redispp/commands/host_result.hpp>
#include <redispp/commands/hyperloglog.hpp>
#include <redispp/commands/keys.hpp>
#include <redispp/commands/lists.hpp>
#include <redispp/commands/pubsub.hpp>
#include <redispp/commands/scripting.hpp>
#include <redispp/commands/server.hpp>
#include <redispp/commands/sets.hpp>
#include <redispp/commands/sorted_sets.hpp>
#include <redispp/commands/streams.hpp>
#include <redispp/commands/strings.hpp>

namespace redispp {

template <class Derived>
class CommandSet : public ConnectionCommands<Derived>,
                   public ServerCommands<Derived>,
                   public KeyCommands<Derived>,
                   public StringCommands<Derived>,
                   public ListCommands<Derived>,
                   public HashCommands<Derived>,
                   public SetCommands<Derived>,
                   public SortedSetCommands<Derived>,
                   public HyperLogLogCommands<Derived>,
                   public BitmapCommands<Derived>,
                   public StreamCommands<Derived>,
                   public GeoCommands<Derived>,
                   public ScriptingCommands<Derived>,
                   public PubSubCommands<Derived> {
 public:
  /// What the host's command methods return for a reply of type T (host_result.hpp); named here
  /// too so that Redis::Result<T> is not ambiguous between the group mixins.
  template <class T>
  using Result = HostResult<Derived, T>;
};

/// The name DESIGN.md uses for the mixin.
template <class Derived>
using command_set = CommandSet<Derived>;

}  // namespace redispp
