# cmake -DNM=<nm> -DOBJECT=<probe object> -DMODE=<run_convert|builders> -DEXPECTED=<count> -P extern_check.cmake
#
# What the headers declare `extern template` is compiled into the library, so a file calling it
# pays for neither the instantiation nor the encoding and conversion under it (compile time,
# bench/README.md). Each probe (compiled at -O0, so nothing is inlined away) calls what one list
# covers; this fails when the probe defines any of it itself, or references less than the list
# holds (then part of the list would go unchecked).
#   run_convert  Redis::run<T> and convert<T> for protocol/common_reply_types.hpp's types:
#                EXPECTED Redis::run references (one per type); convert<T> is named in the
#                caller's file only by builders that are templates, so it needs only one.
#   builders     the cmd:: builders the command headers declare for text: EXPECTED references
#                (one per declaration), and no cmd:: builder defined at all.
execute_process(COMMAND "${NM}" -C "${OBJECT}" OUTPUT_VARIABLE symbols RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "${NM} -C ${OBJECT} failed (${failed})")
endif()

# fail_if_defined(<regex>): a symbol the probe defines (T, t, W, w) that matches.
function(fail_if_defined regex)
  string(REGEX MATCHALL "[^\n]* [TtWw] [^\n]*${regex}[^\n]*" defined "${symbols}")
  if(defined)
    list(JOIN defined "\n  " listed)
    message(FATAL_ERROR "defined in the caller's file, not only in the library:\n  ${listed}")
  endif()
endfunction()

# references(<regex> <out>): how many undefined symbols the probe references match.
function(references regex out)
  string(REGEX MATCHALL " U [^\n]*${regex}[^\n]*" referenced "${symbols}")
  list(LENGTH referenced count)
  set(${out} ${count} PARENT_SCOPE)
  list(JOIN referenced "\n  " listed)
  set(${out}_listed "${listed}" PARENT_SCOPE)
endfunction()

if(MODE STREQUAL "run_convert")
  fail_if_defined("redispp::(Redis::run|convert)<")
  references("redispp::Redis::run<" runs)
  references("redispp::convert<" converts)
  if(NOT runs EQUAL EXPECTED OR converts EQUAL 0)
    message(FATAL_ERROR "${runs} references to redispp::Redis::run<...> (expected ${EXPECTED}, one per type of "
                        "common_reply_types.hpp) and ${converts} to redispp::convert<...> (expected some):\n  "
                        "${runs_listed}\n  ${converts_listed}")
  endif()
  message(STATUS "Redis::run for ${runs} types and convert for ${converts}: referenced, none defined here")
elseif(MODE STREQUAL "builders")
  fail_if_defined("redispp::cmd::")
  references("redispp::cmd::" builders)
  if(NOT builders EQUAL EXPECTED)
    message(FATAL_ERROR "${builders} cmd:: builders referenced, expected ${EXPECTED} (one per extern "
                        "template declaration in include/redispp/commands/*.hpp):\n  ${builders_listed}")
  endif()
  message(STATUS "${builders} builders referenced, none defined here")
else()
  message(FATAL_ERROR "MODE must be run_convert or builders, not '${MODE}'")
endif()
