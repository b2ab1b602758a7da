#pragma once
// std::function, without the rest of <functional>.
//
// Why: the public headers name std::function only (callbacks, the credential provider, the
// pub/sub handlers), and C++20's <functional> also brings std::bind, the searchers (with
// <unordered_map> and <array>) and the ranges function objects to every file that includes a
// redispp header. libstdc++ keeps std::function in <bits/std_function.h>, which <functional>
// includes; measured with g++ 12 -O2 -g, see bench/README.md. Other standard libraries, or one
// without that header, get <functional>.

#include <version>  // __GLIBCXX__: which standard library this is

#if defined(__GLIBCXX__) && __has_include(<bits/std_function.h>)
#include <bits/std_function.h>  // std::function
#else
#include <functional>
#endif
