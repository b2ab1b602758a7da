# cmake -DNM=<nm> -DOBJECT=<extern_templates_probe's object> -DEXPECTED=<count> -P extern_check.cmake
#
# Redis::run<T> and convert<T> for protocol/common_reply_types.hpp's types are declared
# `extern template` by the headers and compiled into the library, so a file calling a command
# pays for neither the round trip's instantiation nor the conversion (compile time,
# bench/README.md). The probe (compiled at -O0, so nothing is inlined away) calls one command of
# each type; this fails when the probe defines any of them itself, or references fewer than
# EXPECTED Redis::run (one per type: then part of the list would go unchecked). convert<T> is
# named in the caller's file only by builders that are templates, so one reference is enough.
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

fail_if_defined("redispp::(Redis::run|convert)<")
references("redispp::Redis::run<" runs)
references("redispp::convert<" converts)
if(NOT runs EQUAL EXPECTED OR converts EQUAL 0)
  message(FATAL_ERROR "${runs} references to redispp::Redis::run<...> (expected ${EXPECTED}, one per type of "
                      "common_reply_types.hpp) and ${converts} to redispp::convert<...> (expected some):\n  "
                      "${runs_listed}\n  ${converts_listed}")
endif()
message(STATUS "Redis::run for ${runs} types and convert for ${converts}: referenced, none defined here")
