# cmake -DNM=<nm> -DOBJECT=<extern_templates_probe's object> -DTYPES=<count> -P extern_templates_check.cmake
# Fails when the probe defines Redis::run<T> or convert<T> itself: for the types of
# protocol/common_reply_types.hpp the headers declare them extern and the library defines them,
# so a file that calls a command pays for neither (compile time, bench/README.md). Also fails
# when the probe does not reference Redis::run once per listed type, or no convert<T> at all
# (then it would prove nothing). Only builders that are templates name convert<T> in the
# caller's file (the others are compiled into the library), hence no count for it.
execute_process(COMMAND "${NM}" -C "${OBJECT}" OUTPUT_VARIABLE symbols RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "${NM} -C ${OBJECT} failed (${failed})")
endif()
string(REGEX MATCHALL "[^\n]* [TtWw] redispp::(Redis::run|convert)<[^\n]*" defined "${symbols}")
if(defined)
  list(JOIN defined "\n  " listed)
  message(FATAL_ERROR "defined in the caller's file, not only in the library:\n  ${listed}")
endif()
string(REGEX MATCHALL " U [^\n]*redispp::Redis::run<[^\n]*" runs "${symbols}")
list(LENGTH runs run_count)
if(NOT run_count EQUAL TYPES)
  list(JOIN runs "\n  " listed)
  message(FATAL_ERROR "${run_count} references to redispp::Redis::run<...>, expected ${TYPES} (one per "
                      "type of common_reply_types.hpp):\n  ${listed}")
endif()
string(REGEX MATCHALL " U [^\n]*redispp::convert<[^\n]*" converts "${symbols}")
if(NOT converts)
  message(FATAL_ERROR "no reference to redispp::convert<...>: the probe proves nothing about it")
endif()
list(LENGTH converts convert_count)
message(STATUS "Redis::run for ${TYPES} types and convert for ${convert_count}: referenced, none defined here")
