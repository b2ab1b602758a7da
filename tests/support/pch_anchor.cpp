// Anchors the test suite's precompiled header (tests/CMakeLists.txt): Catch2 and redispp's
// headers are parsed once here and reused by every test program, which halves the suite's build.
