// Every typed command states its facts (commands/command.hpp: KeyPositions, CommandFlags); here
// they are checked against what the server itself says, for the representative call each
// *_coverage.cpp registers:
//   - its key arguments are the ones COMMAND GETKEYS finds in that very call;
//   - it is read_only exactly when COMMAND INFO lists the `readonly` flag;
//   - when it says it may block, COMMAND INFO lists `blocking`.
// A mismatch names the command and what differs. (Built with the coverage test: it needs the
// registry the *_coverage.cpp files fill.)
#include "support/catch.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <redispp/redispp.hpp>

#include "integration/commands/coverage.hpp"
#include "support/test_servers.hpp"

namespace command_info_facts {

// The arguments of an encoded command, as sent (COMMAND GETKEYS takes them so).
std::vector<std::string> arguments_of(std::string_view wire) {
  auto parser = redispp::make_parser(redispp::ParserKind::builtin);
  parser->feed(wire);
  const redispp::Reply command = parser->next().value();
  std::vector<std::string> args;
  for (const auto& element : command.elements()) args.emplace_back(element.str());
  return args;
}

// Where a typed command knowingly differs from what the server reports, and why.
const std::map<std::string, std::string> differs{
    {"spublish", "the shard channel is a key spec flagged not_key: GETKEYS leaves it out, yet it picks the slot as a key does"},
    {"sunsubscribe", "as SPUBLISH"},
    {"wait", "waits for replicas up to its timeout, though the server does not flag it `blocking`"},
};

// COMMAND INFO <name>'s flags ("readonly", "blocking" ...); "client|list" names a subcommand.
// nullopt when the server does not know the command.
std::optional<std::vector<std::string>> server_flags(redispp::Redis& r, const std::string& name) {
  const redispp::Reply info = r.execute_command("COMMAND", "INFO", name);
  if (info.elements().empty() || info.elements()[0].is_nil()) return std::nullopt;
  std::vector<std::string> flags;
  for (const auto& flag : info.elements()[0].elements()[2].elements()) flags.emplace_back(flag.str());
  return flags;
}

bool contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string joined(const std::vector<std::string>& list) {
  std::string out = "[";
  for (const auto& item : list) out += (out.size() > 1 ? ", " : "") + item;
  return out + "]";
}

}  // namespace command_info_facts

TEST_CASE("every typed command's keys and flags agree with the server's COMMAND GETKEYS and COMMAND INFO",
          "[commands][coverage][facts]") {
  using namespace command_info_facts;
  redispp::Redis r{redispp::test::server("plain").options()};
  std::vector<std::string> mismatches;
  std::size_t checked = 0;
  for (const auto& [name, entries] : redispp::test::coverage_registry()) {
    const std::optional<std::vector<std::string>> found = server_flags(r, name);
    if (!found) {
      mismatches.push_back(name + ": the server has no such command");
      continue;
    }
    const std::vector<std::string>& flags = *found;
    if (differs.count(name)) continue;
    for (const auto& entry : entries) {
      redispp::test::Recorder recorder;
      entry.call(recorder);
      const std::vector<std::string> args = arguments_of(recorder.wire);
      const std::string call = name + " (" + joined(args) + ")";
      ++checked;

      const bool read_only = redispp::has(recorder.flags, redispp::CommandFlags::read_only);
      if (read_only != contains(flags, "readonly"))
        mismatches.push_back(call + ": read_only is " + (read_only ? "set" : "not set") + ", the server's flags are " +
                             joined(flags));
      if (redispp::has(recorder.flags, redispp::CommandFlags::blocking) && !contains(flags, "blocking"))
        mismatches.push_back(call + ": declared blocking, the server's flags are " + joined(flags));
      if (!recorder.keys_known) {
        mismatches.push_back(call + ": its builder states no key positions");
        continue;
      }

      std::vector<std::string> server_keys;  // a command without arguments has no keys (GETKEYS refuses it)
      try {
        if (args.size() > 1) {
          const redispp::Reply getkeys = r.execute_command("COMMAND", "GETKEYS", args);
          for (const auto& key : getkeys.elements()) server_keys.emplace_back(key.str());
        }
      } catch (const redispp::ResponseError& e) {
        // "The command has no key arguments" (or, for some keyless ones, "Invalid arguments").
        const std::string what = e.what();
        if (what.find("no key arguments") == std::string::npos && what.find("Invalid arguments") == std::string::npos)
          mismatches.push_back(call + ": COMMAND GETKEYS failed: " + what);
      }
      std::vector<std::string> declared = recorder.declared_keys;
      std::sort(declared.begin(), declared.end());
      std::sort(server_keys.begin(), server_keys.end());
      if (declared != server_keys)
        mismatches.push_back(call + ": declares keys " + joined(declared) + ", the server finds " + joined(server_keys));
    }
  }
  std::string list;
  for (const auto& line : mismatches) list += "\n  " + line;
  INFO(mismatches.size() << " of " << checked << " calls disagree with the server:" << list);
  CHECK(mismatches.empty());
  CHECK(checked > 300);
}

TEST_CASE("each known difference from the server's facts names a typed command", "[commands][coverage][facts]") {
  for (const auto& [name, reason] : command_info_facts::differs) {
    INFO(name << ": " << reason);
    CHECK(redispp::test::coverage_registry().count(name) == 1);
  }
}
