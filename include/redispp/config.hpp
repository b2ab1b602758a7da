#pragma once
// Build-mode switches shared by every header.
//
// redispp is header-mostly, the way {fmt} and asio are: templates and small functions live in
// headers; the socket code, hiredis glue and text parsers live in impl/*.ipp. Those are compiled
// once into the redispp::redispp library (src/redispp.cpp), or, when REDISPP_HEADER_ONLY is
// defined (target redispp::header_only), included by the headers and marked inline.

#include <redispp/version.hpp>  // REDISPP_VERSION_*: generated from CMake's project(VERSION)

// A virtual function defined in an .ipp carries REDISPP_DECL in its class's declaration too.
// Declared there without `inline`, it would be the class's key function: in header-only mode
// every file that includes the .ipp would then emit the vtable and, through it, every virtual
// function and what they call (the parsers, the TLS stream: tens of KB of code and seconds of
// -O2 per file).
// tests/unit/header_code_check.cmake checks that including a header emits no code.
#ifdef REDISPP_HEADER_ONLY
#define REDISPP_DECL inline
#else
#define REDISPP_DECL
#endif

// For the few small steps of the parser's hot loops that the compiler's inlining heuristics
// leave as calls (measured: a call cost as much as the step). A hint elsewhere.
#if defined(__GNUC__) || defined(__clang__)
#define REDISPP_ALWAYS_INLINE [[gnu::always_inline]] inline
#else
#define REDISPP_ALWAYS_INLINE inline
#endif
