#pragma once
// ClientInfo: one line of CLIENT LIST, parsed. The fields every troubleshooting session looks
// at (the seed's "age=130222 idle=130222") are typed members; all fields stay in `fields`.

#include <string>         // std::string
#include <string_view>    // std::string_view
#include <unordered_map>  // std::unordered_map
#include <vector>         // std::vector

#include <redispp/config.hpp>
#include <redispp/detail/chrono.hpp>  // std::chrono::seconds

namespace redispp {

struct ClientInfo {
  long long id = 0;
  std::string addr;      // the client's address, "127.0.0.1:53122"
  std::string laddr;     // the server's side of the connection
  std::string name;      // CLIENT SETNAME, or empty
  std::string user;      // ACL user
  std::string flags;     // "N", "P", "x" ...
  std::string cmd;       // last command run
  long long db = 0;
  std::chrono::seconds age{0};   // how long the connection has existed
  std::chrono::seconds idle{0};  // how long since its last command
  std::unordered_map<std::string, std::string> fields;  // every field, as sent
};

/// Parses CLIENT LIST's reply text (one client a line, space-separated key=value fields).
REDISPP_DECL std::vector<ClientInfo> parse_client_list(std::string_view text);

}  // namespace redispp

#ifdef REDISPP_HEADER_ONLY
#include <redispp/impl/client_list.ipp>
#endif
