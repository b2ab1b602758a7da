#pragma once
// The command coverage registry. Each command group's *_coverage.cpp registers, for every Redis
// command (or "container|subcommand") it covers, a call of its method on a Recorder; the
// coverage test walks the server's COMMAND DOCS and checks that every command of the covered
// groups has an entry, and that each entry's call really encodes that command.
//
//   // tests/integration/commands/hashes_coverage.cpp
//   REDISPP_COVERAGE(hashes, {
//     {"hset", [](Recorder& r) { r.hset("k", "f", "v"); }},
//     {"client|list", ...},
//   });
//
// The Recorder is also the check of every method's spelled-out type (commands/host_result.hpp):
// its run() returns Recorded<T> of the builder's T, and a method declaring Result<U> returns
// Recorded<U>; the two do not convert, so a method whose declared type differs from its
// builder's does not compile. Each entry calls one method, templates included, and
// coverage_test.cpp instantiates every non-template method of every group for the Recorder.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <redispp/commands/command_set.hpp>

namespace redispp::test {
struct Recorder;

/// What a Recorder's method returns: the reply type it declares, as a type only (no value).
template <class T>
struct Recorded {
  Recorder* recorder;
};
}  // namespace redispp::test

template <>
struct redispp::HostResultOf<redispp::test::Recorder> {
  template <class T>
  using type = redispp::test::Recorded<T>;
};

namespace redispp::test {

/// A host of the command set that runs nothing: it keeps the last command's bytes and facts.
struct Recorder : CommandSet<Recorder> {
  std::string wire;
  CommandFlags flags = CommandFlags::none;
  bool keys_known = false;
  std::vector<std::string> declared_keys;  // the key arguments its builder declares (not `keys`: a command)
  template <class T>
  Recorded<T> run(Command<T>&& command) {
    wire.assign(command.wire());
    flags = command.flags();
    keys_known = command.key_positions().known();
    const std::vector<std::string_view> found = command.keys();
    declared_keys.assign(found.begin(), found.end());
    return Recorded<T>{this};
  }
};

struct CoverageEntry {
  std::string command;  // lower case, as COMMAND DOCS names it: "get", "client|list"
  std::function<void(Recorder&)> call;
};

/// Every registered entry, by command name.
inline std::map<std::string, std::vector<CoverageEntry>>& coverage_registry() {
  static std::map<std::string, std::vector<CoverageEntry>> registry;
  return registry;
}

inline bool register_coverage(std::vector<CoverageEntry> entries) {
  for (auto& entry : entries) coverage_registry()[entry.command].push_back(std::move(entry));
  return true;
}

}  // namespace redispp::test

#define REDISPP_COVERAGE(group, ...)                                                               \
  namespace {                                                                                      \
  [[maybe_unused]] const bool group##_coverage_registered = ::redispp::test::register_coverage(__VA_ARGS__); \
  }
