# Installs headers, the compiled library, the header-only target, a CMake package
# (redisppConfig.cmake + redisppConfigVersion.cmake + exported targets, NAMESPACE redispp::)
# and a pkg-config file.
include(CMakePackageConfigHelpers)

set(REDISPP_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/redispp")

install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/redispp" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(FILES "${PROJECT_BINARY_DIR}/include/redispp/version.hpp" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/redispp")
install(TARGETS redispp redispp_header_only EXPORT redisppTargets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(EXPORT redisppTargets NAMESPACE redispp:: DESTINATION "${REDISPP_CMAKE_DIR}")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/redisppConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/redisppConfig.cmake" INSTALL_DESTINATION "${REDISPP_CMAKE_DIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/redisppConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/redisppConfig.cmake"
  "${PROJECT_BINARY_DIR}/redisppConfigVersion.cmake"
  "${PROJECT_SOURCE_DIR}/cmake/Findhiredis.cmake"
  DESTINATION "${REDISPP_CMAKE_DIR}")

set(REDISPP_PC_CFLAGS "")
set(REDISPP_PC_REQUIRES_PRIVATE "")
if(REDISPP_FMT_HEADER_ONLY)
  # {fmt}'s include path without -lfmt (Requires.private gives Libs only to static links).
  set(REDISPP_PC_REQUIRES "")
  set(REDISPP_PC_REQUIRES_PRIVATE "fmt >= 9")
  set(REDISPP_PC_CFLAGS "-DFMT_HEADER_ONLY=1")
else()
  set(REDISPP_PC_REQUIRES "fmt >= 9")
endif()
set(REDISPP_PC_LIBS "")
if(REDISPP_SANITIZE)  # an instrumented library needs its sanitizers' runtime where it is linked
  string(APPEND REDISPP_PC_CFLAGS " -fsanitize=${REDISPP_SANITIZE}")
  set(REDISPP_PC_LIBS " -fsanitize=${REDISPP_SANITIZE}")
endif()
if(REDISPP_WITH_HIREDIS)
  string(APPEND REDISPP_PC_REQUIRES " hiredis")
  string(APPEND REDISPP_PC_CFLAGS " -DREDISPP_WITH_HIREDIS=1")
endif()
if(REDISPP_WITH_TLS)
  string(APPEND REDISPP_PC_REQUIRES " openssl")
  string(APPEND REDISPP_PC_CFLAGS " -DREDISPP_WITH_TLS=1")
endif()
# The prefix is found relative to the .pc file itself (pkg-config's ${pcfiledir}), so the file
# stays right when the prefix is chosen at install time (cmake --install --prefix, DESTDIR
# staging) rather than baked in at configure time. An absolute LIBDIR or INCLUDEDIR is kept as is.
file(RELATIVE_PATH REDISPP_PC_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" REDISPP_PC_PREFIX "\${pcfiledir}/${REDISPP_PC_PREFIX}")
set(REDISPP_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
set(REDISPP_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(REDISPP_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(REDISPP_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(REDISPP_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/redispp.pc.in" "${PROJECT_BINARY_DIR}/redispp.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/redispp.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
