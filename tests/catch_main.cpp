// Catch2 v2's main(), compiled once for every test executable (v3 ships its own, Catch2WithMain:
// tests/CMakeLists.txt links that instead of this file).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
