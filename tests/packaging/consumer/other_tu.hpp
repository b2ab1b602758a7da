#pragma once
// A second translation unit that includes every redispp header too: with redispp::header_only
// a non-inline definition in a header would now be defined twice and fail to link. This header
// itself sees only the installed <redispp/fwd.hpp>, as a user's header would.

#include <string_view>  // std::string_view

#include <redispp/fwd.hpp>

long long other_tu_parse_integer(std::string_view wire);
// Whether a command on `redis` fails with redispp::ConnectionError.
bool other_tu_fails_to_connect(redispp::Redis& redis);
