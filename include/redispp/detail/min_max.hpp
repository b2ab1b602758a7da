#pragma once
// std::min and std::max of two values, without the rest of <algorithm>.
//
// Why: <algorithm> in C++20 is the classic algorithms plus all of std::ranges' (ranges_algo.h,
// uniform_int_distribution, the parallel overloads' declarations), parsed by every file that
// includes a redispp header for two calls in inline code (the command buffer's growth, the
// retry backoff). libstdc++ declares the two-value std::min/std::max in <bits/stl_algobase.h>,
// which <memory>, <string> and <vector> include anyway; measured with g++ 12 -O2 -g, see
// bench/README.md. Other standard libraries, or one without that header, get <algorithm>.
// The initializer-list overloads (std::max({a, b, c})) are in <algorithm> only.

#include <version>  // __GLIBCXX__: which standard library this is

#if defined(__GLIBCXX__) && __has_include(<bits/stl_algobase.h>)
#include <bits/stl_algobase.h>  // std::min, std::max (two values)
#else
#include <algorithm>
#endif
