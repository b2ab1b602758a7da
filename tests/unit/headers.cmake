# Every public header compiles on its own (STYLE.md: "every header compiles on its own and
# includes what it uses"): one generated translation unit per header. Built in header-only mode
# only: there a header's own text comes first and its impl/*.ipp after it, so whatever the
# header lacks fails here exactly as it would in the compiled mode (which would add nothing but
# build time).
file(GLOB_RECURSE redispp_public_headers RELATIVE "${PROJECT_SOURCE_DIR}/include"
     "${PROJECT_SOURCE_DIR}/include/redispp/*.hpp")
set(redispp_header_sources "")
foreach(header IN LISTS redispp_public_headers)
  string(MAKE_C_IDENTIFIER "${header}" stem)
  set(source "${CMAKE_CURRENT_BINARY_DIR}/headers/${stem}.cpp")
  file(CONFIGURE OUTPUT "${source}" CONTENT "#include <${header}>\n#include <${header}>  // and twice\n")
  list(APPEND redispp_header_sources "${source}")
endforeach()
add_library(redispp_header_only_check OBJECT ${redispp_header_sources})
target_link_libraries(redispp_header_only_check PRIVATE redispp::header_only redispp_warnings)

# Including a header emits no code, in header-only mode too: a header-only program pays for
# the library functions it calls, not for all of them in every file. (A class whose virtual
# functions are declared without `inline` and defined in an impl/*.ipp has a key function: each
# file that includes the .ipp then emitted its vtable and, through it, the whole parser or
# stream, 46 KB of code and about 4 s of -O2 per file.) header_code_check.cmake reads each
# generated file's object with nm.
if(CMAKE_NM AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  add_test(NAME header_only_emits_no_code
    COMMAND "${CMAKE_COMMAND}" "-DNM=${CMAKE_NM}"
            "-DOBJECTS=$<JOIN:$<TARGET_OBJECTS:redispp_header_only_check>,|>"
            -P "${CMAKE_CURRENT_SOURCE_DIR}/header_code_check.cmake")
  set_tests_properties(header_only_emits_no_code PROPERTIES LABELS unit)
endif()
