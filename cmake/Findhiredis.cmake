# Finds hiredis and defines the imported target hiredis::hiredis.
# Debian's libhiredis-dev (0.14) ships a HiredisConfig.cmake that sets variables but defines no
# target, so we look the library up ourselves. Sets hiredis_FOUND and hiredis_VERSION.
# redispp works with hiredis 0.14 and 1.0 to 1.4. To use one installed under a prefix of its
# own, pass -Dhiredis_ROOT=<prefix> (searched before the system's directories; CMake's
# <PackageName>_ROOT, policy CMP0074) or name the files: -Dhiredis_INCLUDE_DIR=<prefix>/include
# -Dhiredis_LIBRARY=<prefix>/lib/libhiredis.so. scripts/hiredis_compat.sh does the former.
find_path(hiredis_INCLUDE_DIR hiredis/hiredis.h)
find_library(hiredis_LIBRARY NAMES hiredis)

if(hiredis_INCLUDE_DIR AND EXISTS "${hiredis_INCLUDE_DIR}/hiredis/hiredis.h")
  file(STRINGS "${hiredis_INCLUDE_DIR}/hiredis/hiredis.h" hiredis_version_lines
       REGEX "^#define HIREDIS_(MAJOR|MINOR|PATCH) [0-9]+")
  foreach(part MAJOR MINOR PATCH)
    string(REGEX REPLACE ".*#define HIREDIS_${part} ([0-9]+).*" "\\1" hiredis_${part} "${hiredis_version_lines}")
  endforeach()
  set(hiredis_VERSION "${hiredis_MAJOR}.${hiredis_MINOR}.${hiredis_PATCH}")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(hiredis
  REQUIRED_VARS hiredis_LIBRARY hiredis_INCLUDE_DIR
  VERSION_VAR hiredis_VERSION)

if(hiredis_FOUND AND NOT TARGET hiredis::hiredis)
  add_library(hiredis::hiredis UNKNOWN IMPORTED)
  set_target_properties(hiredis::hiredis PROPERTIES
    IMPORTED_LOCATION "${hiredis_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${hiredis_INCLUDE_DIR}")
endif()
mark_as_advanced(hiredis_INCLUDE_DIR hiredis_LIBRARY)
