# Driver for the packaging tests, run with `cmake -P`, one step per ctest test:
#
#   -DSTEP=install -DBUILD_DIR=<redispp build> -DPREFIX=<dir>
#       installs that build tree into a fresh prefix.
#   -DSTEP=project -DSOURCE_DIR=<project> -DBINARY_DIR=<dir> -DCXX_COMPILER=<c++>
#       [-DBUILD_TYPE=<type>] [-DARGS=a|b] -DRUN=exe1|exe2
#       configures and builds a test project from scratch, then runs its executables.
#
# Lists are '|'-separated: add_test() would split ';' into separate arguments.

function(run)
  string(REPLACE ";" " " shown "${ARGN}")
  message(STATUS "$ ${shown}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${shown}")
  endif()
endfunction()

if(STEP STREQUAL "install")
  # A fresh prefix: files left over from an earlier install would hide a missing install rule.
  file(REMOVE_RECURSE "${PREFIX}")
  run("${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}")
elseif(STEP STREQUAL "project")
  # A fresh build tree too: a cached redispp_DIR would skip the search we mean to test.
  file(REMOVE_RECURSE "${BINARY_DIR}")
  string(REPLACE "|" ";" args "${ARGS}")
  string(REPLACE "|" ";" executables "${RUN}")
  run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BINARY_DIR}"
      "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}" ${args})
  # Two jobs: the header-only executables compile every impl/*.ipp, which is the slow part.
  run("${CMAKE_COMMAND}" --build "${BINARY_DIR}" -j2)
  foreach(exe IN LISTS executables)
    run("${BINARY_DIR}/${exe}")
  endforeach()
else()
  message(FATAL_ERROR "run_project.cmake: unknown STEP '${STEP}'")
endif()
