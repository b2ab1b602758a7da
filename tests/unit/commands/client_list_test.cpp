#include "support/catch.hpp"

#include <redispp/commands/client_list.hpp>

TEST_CASE("parse_client_list reads one ClientInfo a line", "[client_list]") {
  const std::string text =
      "id=3 addr=127.0.0.1:50000 laddr=127.0.0.1:6379 fd=8 name=worker age=130222 idle=130222 flags=N db=2 "
      "sub=0 psub=0 multi=-1 cmd=client|list user=default\n"
      "id=4 addr=[::1]:50001 laddr=[::1]:6379 fd=9 name= age=1 idle=0 flags=N db=0 cmd=get user=app\n";
  const auto clients = redispp::parse_client_list(text);
  REQUIRE(clients.size() == 2);
  CHECK(clients[0].id == 3);
  CHECK(clients[0].addr == "127.0.0.1:50000");
  CHECK(clients[0].laddr == "127.0.0.1:6379");
  CHECK(clients[0].name == "worker");
  CHECK(clients[0].age == std::chrono::seconds(130222));
  CHECK(clients[0].idle == std::chrono::seconds(130222));
  CHECK(clients[0].db == 2);
  CHECK(clients[0].cmd == "client|list");
  CHECK(clients[0].user == "default");
  CHECK(clients[0].fields.at("multi") == "-1");
  CHECK(clients[1].addr == "[::1]:50001");
  CHECK(clients[1].name.empty());
  CHECK(clients[1].fields.at("name").empty());
  CHECK(redispp::parse_client_list("").empty());
}
