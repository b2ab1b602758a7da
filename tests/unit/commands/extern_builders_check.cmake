# cmake -DNM=<nm> -DOBJECT=<extern_builders_probe's object> -DBUILDERS=<count> -P extern_builders_check.cmake
# Fails when the probe defines any cmd:: builder: each one it calls is declared `extern template`
# for text by its command header and compiled into the library, so a file calling it pays for
# neither the builder nor the encoding under it (compile time, bench/README.md). Also fails when
# the probe references fewer builders than the headers declare (BUILDERS, counted from them by
# CMake): then a declaration would go unchecked.
execute_process(COMMAND "${NM}" -C "${OBJECT}" OUTPUT_VARIABLE symbols RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "${NM} -C ${OBJECT} failed (${failed})")
endif()
string(REGEX MATCHALL "[^\n]* [TtWw] [^\n]*redispp::cmd::[^\n]*" defined "${symbols}")
if(defined)
  list(JOIN defined "\n  " listed)
  message(FATAL_ERROR "builders defined in the caller's file, not only in the library:\n  ${listed}")
endif()
string(REGEX MATCHALL " U [^\n]*redispp::cmd::[^\n]*" referenced "${symbols}")
list(LENGTH referenced count)
if(NOT count EQUAL BUILDERS)
  list(JOIN referenced "\n  " listed)
  message(FATAL_ERROR "${count} cmd:: builders referenced, expected ${BUILDERS} (one per extern template "
                      "declaration in include/redispp/commands/*.hpp):\n  ${listed}")
endif()
message(STATUS "${count} builders referenced, none defined here")
