include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(orgraph_config_dir "${CMAKE_INSTALL_LIBDIR}/cmake/orgraph")

install(TARGETS orgraph_orgraph
  EXPORT orgraphTargets
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  FILE_SET HEADERS DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
  FILE_SET generated_headers DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
if(TARGET orgraph_cli)
  # An installed CLI finds a shared liborgraph next to it (bin/../lib) wherever the prefix is moved.
  if(BUILD_SHARED_LIBS AND NOT CMAKE_INSTALL_RPATH)
    if(APPLE)
      set(orgraph_origin "@loader_path")
    else()
      set(orgraph_origin "$ORIGIN")
    endif()
    file(RELATIVE_PATH orgraph_bin_to_lib "/${CMAKE_INSTALL_BINDIR}" "/${CMAKE_INSTALL_LIBDIR}")
    set_target_properties(orgraph_cli PROPERTIES INSTALL_RPATH "${orgraph_origin}/${orgraph_bin_to_lib}")
  endif()
  # A component of its own, so that `cmake --install ... --component cli` puts the tool alone on a
  # PATH (scripts/setup.sh does) without installing the library and its CMake package there too.
  install(TARGETS orgraph_cli EXPORT orgraphTargets RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT cli)
endif()

install(EXPORT orgraphTargets
  NAMESPACE orgraph::
  DESTINATION "${orgraph_config_dir}")
# Users of a build tree (no install) find the same targets.
export(EXPORT orgraphTargets NAMESPACE orgraph:: FILE "${PROJECT_BINARY_DIR}/orgraphTargets.cmake")

configure_package_config_file(cmake/orgraphConfig.cmake.in
  "${PROJECT_BINARY_DIR}/orgraphConfig.cmake"
  INSTALL_DESTINATION "${orgraph_config_dir}")
# While the version is 0.x, a minor release may break the API, so only the same minor version matches.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/orgraphConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/orgraphConfig.cmake"
  "${PROJECT_BINARY_DIR}/orgraphConfigVersion.cmake"
  DESTINATION "${orgraph_config_dir}")
