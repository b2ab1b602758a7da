# Binary packages of the install (cmake/install.cmake): `cpack -G DEB` in the build directory
# gives libredispp-dev_<version>_<arch>.deb, `cpack -G TGZ` a tarball of the same tree. Included
# only when redispp is installable (REDISPP_INSTALL).
set(CPACK_PACKAGE_NAME redispp)
set(CPACK_PACKAGE_VENDOR redispp)
set(CPACK_PACKAGE_CONTACT "redispp maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_GENERATOR TGZ)
set(CPACK_SOURCE_GENERATOR "")
# The headers, a static (or shared) library and the CMake and pkg-config files: a -dev package
# in Debian's naming, installed under /usr.
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_NAME libredispp-dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libfmt-dev (>= 9)")
if(REDISPP_WITH_HIREDIS)
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", libhiredis-dev")
endif()
if(REDISPP_WITH_TLS)
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", libssl-dev")
endif()
include(CPack)
