#pragma once
// std::chrono's durations, time points, clocks and the chrono_literals (10s, 500ms), without
// the rest of <chrono>.
//
// Why: in C++20, libstdc++'s <chrono> also brings the calendar, time zones and their stream
// I/O, and with them <sstream>, <istream> and <locale> pieces, into every file that includes a
// redispp header, although redispp's public headers only name durations, time points and
// clocks. libstdc++ (GCC 11 and later) keeps exactly those in <bits/chrono.h>, which <chrono>
// itself includes first; measured with g++ 12 -O2 -g on a file that only includes
// <redispp/redispp.hpp>, see bench/README.md. Any other standard library, or a libstdc++
// without that header, gets the whole <chrono>. Code that uses the calendar parts
// (std::chrono::year_month_day, hh_mm_ss...) includes <chrono> itself.

#include <version>  // __GLIBCXX__: which standard library this is

#if defined(__GLIBCXX__) && __has_include(<bits/chrono.h>)
#include <bits/chrono.h>  // duration, time_point, system_clock, steady_clock, chrono_literals
#else
#include <chrono>
#endif
