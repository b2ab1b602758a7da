#pragma once
// A second translation unit that includes every redispp header too: with redispp::header_only
// a non-inline definition in a header would now be defined twice and fail to link.

#include <string_view>  // std::string_view

long long other_tu_parse_integer(std::string_view wire);
