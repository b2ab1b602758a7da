#pragma once
// CommandTable: reading COMMAND INFO entries (see commands/command_table.hpp).

#include <string>       // std::string
#include <string_view>  // std::string_view

#include <redispp/commands/command_table.hpp>

namespace redispp {

namespace detail {

inline std::string upper_name(std::string_view name) {
  std::string out(name);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// "CLIENT|LIST" for a subcommand, "GET" for a command.
inline std::string table_key(std::string_view name, std::string_view sub) {
  std::string key = upper_name(name);
  if (!sub.empty()) key.append("|").append(upper_name(sub));
  return key;
}

inline bool is_integer_in_int_range(const Reply& r) {
  return r.type() == ReplyType::integer && r.integer() >= -1'000'000 && r.integer() <= 1'000'000;
}

}  // namespace detail

REDISPP_DECL CommandFacts command_facts_from_info(const Reply& entry) {
  CommandFacts facts;
  if (!entry.is_aggregate() || entry.elements().size() < 6) return facts;
  const auto& fields = entry.elements();
  bool movable = false;
  if (fields[2].is_aggregate()) {
    for (const Reply& flag : fields[2].elements()) {
      if (!flag.has_text()) continue;
      const std::string_view text = flag.str();
      if (text == "readonly") facts.flags |= CommandFlags::read_only;
      if (text == "blocking") facts.flags |= CommandFlags::blocking;
      if (text == "movablekeys") movable = true;
    }
  }
  if (movable || !detail::is_integer_in_int_range(fields[3]) || !detail::is_integer_in_int_range(fields[4]) ||
      !detail::is_integer_in_int_range(fields[5]))
    return facts;  // keys unknown
  const auto first = static_cast<int>(fields[3].integer());
  const auto last = static_cast<int>(fields[4].integer());
  const auto step = static_cast<int>(fields[5].integer());
  facts.keys = first <= 0 || step <= 0 ? KeyPositions::none() : KeyPositions::range(first, last, step);
  return facts;
}

REDISPP_DECL bool CommandTable::asked(std::string_view name) const {
  const std::string key = detail::upper_name(name);
  std::lock_guard<std::mutex> lock(mutex_);
  return refused_ || facts_.contains(key);
}

REDISPP_DECL std::optional<CommandFacts> CommandTable::find(std::string_view name, std::string_view sub) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!sub.empty())
    if (auto found = facts_.find(detail::table_key(name, sub)); found != facts_.end()) return found->second;
  if (auto found = facts_.find(detail::upper_name(name)); found != facts_.end()) return found->second;
  return std::nullopt;
}

REDISPP_DECL void CommandTable::learn(std::string_view name, const Reply& command_info_reply) {
  std::unordered_map<std::string, std::optional<CommandFacts>> learned;
  learned[detail::upper_name(name)] = std::nullopt;
  // COMMAND INFO name -> [entry] (entry nil for an unknown command); anything else (an error
  // reply: NOPERM, an old server) leaves the command undescribed.
  if (command_info_reply.is_aggregate() && command_info_reply.elements().size() == 1) {
    const Reply& entry = command_info_reply.elements()[0];
    if (entry.is_aggregate() && !entry.elements().empty()) {
      learned[detail::upper_name(name)] = command_facts_from_info(entry);
      // Subcommands (Redis 7): element 9, entries named "client|list".
      if (entry.elements().size() >= 10 && entry.elements()[9].is_aggregate())
        for (const Reply& sub : entry.elements()[9].elements())
          if (sub.is_aggregate() && !sub.elements().empty() && sub.elements()[0].has_text())
            learned[detail::upper_name(sub.elements()[0].str())] = command_facts_from_info(sub);
    }
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (command_info_reply.is_error()) refused_ = true;
  for (auto& [key, facts] : learned) facts_.insert_or_assign(key, facts);
}

}  // namespace redispp
