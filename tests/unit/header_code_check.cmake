# cmake -DNM=<nm> -DOBJECTS=<object|object|...> -P header_code_check.cmake
#
# Each object is one public header compiled alone in header-only mode (headers.cmake). It must
# define no function and no vtable: a header that does makes every file including it compile
# that code again (see headers.cmake for how it happened).
string(REPLACE "|" ";" objects "${OBJECTS}")
list(LENGTH objects count)
if(count EQUAL 0)
  message(FATAL_ERROR "no objects given")
endif()
set(offenders "")
foreach(object IN LISTS objects)
  execute_process(COMMAND "${NM}" -C --defined-only "${object}" OUTPUT_VARIABLE symbols RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "${NM} -C --defined-only ${object} failed (${failed})")
  endif()
  # T/t: functions; W/w: weak (inline) functions; V/v: weak objects such as vtables; u: unique globals.
  string(REGEX MATCHALL "[^\n]* [TtWwVvu] [^\n]*" defined "${symbols}")
  if(defined)
    get_filename_component(name "${object}" NAME)
    list(LENGTH defined n)
    list(SUBLIST defined 0 5 first)
    list(JOIN first "\n    " listed)
    string(APPEND offenders "\n  ${name}: ${n} symbols, such as\n    ${listed}")
  endif()
endforeach()
if(offenders)
  message(FATAL_ERROR "headers that emit code when included in header-only mode:${offenders}")
endif()
message(STATUS "${count} header-only objects, none defines a function or a vtable")
