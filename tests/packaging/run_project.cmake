# Driver for the packaging tests, run with `cmake -P`, one step per ctest test:
#
#   -DSTEP=install -DBUILD_DIR=<redispp build> -DPREFIX=<dir>
#       installs that build tree into a fresh prefix.
#   -DSTEP=project -DSOURCE_DIR=<project> -DBINARY_DIR=<dir> -DCXX_COMPILER=<c++>
#       [-DBUILD_TYPE=<type>] [-DARGS=a|b] [-DRUN=exe1|exe2]
#       configures and builds a test project from scratch, then runs its executables (if any).
#   -DSTEP=examples_alone -DSOURCE_DIR=<examples/> -DTEMPLATE=<CMakeLists.txt.in> -DBINARY_DIR=<dir>
#       -DCXX_COMPILER=<c++> [-DBUILD_TYPE=<type>] [-DARGS=a|b]
#       builds each example alone, from its own file and the README's CMakeLists.txt.
#   -DSTEP=deb -DSOURCE_DIR=<redispp source> -DCONSUMER_DIR=<project> -DBINARY_DIR=<dir>
#       -DCXX_COMPILER=<c++> [-DBUILD_TYPE=<type>] [-DARGS=a|b] -DRUN=exe1|exe2
#       builds the library alone, packs a .deb, unpacks it and builds the consumer against it.
#   -DSTEP=default_build_type -DSOURCE_DIR=<redispp source> -DBINARY_DIR=<dir> -DCXX_COMPILER=<c++>
#       configures redispp with no build type and checks the one it picked.
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
elseif(STEP STREQUAL "examples_alone")
  # Each example as a user starts from one: its .cpp copied alone into an empty directory beside
  # the README's six-line CMakeLists.txt (example_alone/CMakeLists.txt.in), built against the
  # installed package. A helper header the examples shared would be missing here.
  file(GLOB examples "${SOURCE_DIR}/*.cpp")
  if(NOT examples)
    message(FATAL_ERROR "no examples in ${SOURCE_DIR}")
  endif()
  string(REPLACE "|" ";" args "${ARGS}")
  foreach(example IN LISTS examples)
    get_filename_component(EXAMPLE_FILE "${example}" NAME)
    get_filename_component(stem "${example}" NAME_WE)
    set(project_dir "${BINARY_DIR}/${stem}")
    file(REMOVE_RECURSE "${project_dir}")
    file(COPY "${example}" DESTINATION "${project_dir}/src")
    configure_file("${TEMPLATE}" "${project_dir}/src/CMakeLists.txt" @ONLY)
    run("${CMAKE_COMMAND}" -S "${project_dir}/src" -B "${project_dir}/build"
        "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}" ${args})
    run("${CMAKE_COMMAND}" --build "${project_dir}/build")
  endforeach()
elseif(STEP STREQUAL "deb")
  # The .deb a user would make (`cpack -G DEB`) from a build of the library alone, unpacked into a
  # scratch root as dpkg would install it, and a consumer built against that root.
  set(build "${BINARY_DIR}/redispp")
  set(root "${BINARY_DIR}/root")
  file(REMOVE_RECURSE "${BINARY_DIR}")
  run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${build}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
      "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}" -DREDISPP_BUILD_TESTS=OFF -DREDISPP_BUILD_EXAMPLES=OFF
      -DREDISPP_BUILD_BENCHMARKS=OFF -DREDISPP_BUILD_TOOLS=OFF)
  run("${CMAKE_COMMAND}" --build "${build}" -j2)
  get_filename_component(cmake_bin "${CMAKE_COMMAND}" DIRECTORY)
  run("${cmake_bin}/cpack" -G DEB --config "${build}/CPackConfig.cmake" -B "${BINARY_DIR}/packages")
  file(GLOB debs "${BINARY_DIR}/packages/*.deb")
  list(LENGTH debs count)
  if(NOT count EQUAL 1)
    message(FATAL_ERROR "cpack -G DEB made ${count} .deb files: ${debs}")
  endif()
  run(dpkg-deb -x "${debs}" "${root}")
  string(REPLACE "|" ";" args "${ARGS}")
  string(REPLACE "|" ";" executables "${RUN}")
  run("${CMAKE_COMMAND}" -S "${CONSUMER_DIR}" -B "${BINARY_DIR}/consumer" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
      "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}" "-DCMAKE_PREFIX_PATH=${root}/usr" ${args})
  run("${CMAKE_COMMAND}" --build "${BINARY_DIR}/consumer" -j2)
  foreach(exe IN LISTS executables)
    run("${BINARY_DIR}/consumer/${exe}")
  endforeach()
elseif(STEP STREQUAL "default_build_type")
  # Configures redispp itself as a user would, with no CMAKE_BUILD_TYPE and nothing but the
  # library, and checks that it chose an optimised build rather than none.
  file(REMOVE_RECURSE "${BINARY_DIR}")
  run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BINARY_DIR}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
      -DREDISPP_BUILD_TESTS=OFF -DREDISPP_BUILD_EXAMPLES=OFF -DREDISPP_BUILD_BENCHMARKS=OFF -DREDISPP_BUILD_TOOLS=OFF)
  file(STRINGS "${BINARY_DIR}/CMakeCache.txt" build_type REGEX "^CMAKE_BUILD_TYPE:")
  if(NOT build_type MATCHES "=RelWithDebInfo$")
    message(FATAL_ERROR "configured without a build type, redispp chose '${build_type}', not RelWithDebInfo")
  endif()
else()
  message(FATAL_ERROR "run_project.cmake: unknown STEP '${STEP}'")
endif()
