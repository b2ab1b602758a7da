#pragma once
// The reply conversions (redispp_from_reply) of the structs in <redispp/commands/strings.hpp>: compiled once
// into the library, so that a program including the header does not instantiate the
// conversions they are built from (compile time: bench/README.md).

#include <utility>  // std::move

#include <redispp/commands/strings.hpp>

namespace redispp {

REDISPP_DECL LcsMatches redispp_from_reply(Reply&& reply, std::type_identity<LcsMatches>) {
  LcsMatches out;
  for (auto& [name, value] : convert<std::vector<std::pair<std::string, Reply>>>(std::move(reply))) {
    if (name == "len") {
      out.len = convert<long long>(std::move(value));
    } else if (name == "matches") {
      for (Reply& match : value.elements()) {
        auto& parts = match.elements();
        if (parts.size() < 2) throw DataError("LCS IDX: a match with fewer than two ranges");
        LcsMatch m{convert<std::pair<long long, long long>>(std::move(parts[0])),
                   convert<std::pair<long long, long long>>(std::move(parts[1]))};
        if (parts.size() > 2) m.length = convert<long long>(std::move(parts[2]));
        out.matches.push_back(std::move(m));
      }
    }
  }
  return out;
}

}  // namespace redispp
