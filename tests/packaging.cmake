# Packaging tests: orgraph is installed into a scratch prefix and a separate project (tests/consumer)
# is built against it, against the build tree, and with orgraph pulled in by add_subdirectory and by
# FetchContent. A broken install, config file or export macro fails the suite.
#
# The add_subdirectory and FetchContent routes compile orgraph again; add_subdirectory builds the
# other library kind (shared when this build is static), so both kinds are tested by every run.
# Label: packaging (ctest -LE packaging skips them).

set(orgraph_packaging_dir "${CMAKE_CURRENT_BINARY_DIR}/packaging")
set(orgraph_consumer_script "${CMAKE_CURRENT_SOURCE_DIR}/consumer/run-consumer.cmake")
if(BUILD_SHARED_LIBS)
  set(orgraph_other_kind OFF)
else()
  set(orgraph_other_kind ON)
endif()
# The consumer is compiled as orgraph was: same generator, compiler, configuration and flags.
set(orgraph_consumer_args
  "-DGENERATOR=${CMAKE_GENERATOR}"
  "-DCXX_COMPILER=${CMAKE_CXX_COMPILER}"
  "-DBUILD_TYPE=$<CONFIG>"
  "-DCXX_FLAGS=${CMAKE_CXX_FLAGS}")

add_test(NAME packaging.install
  COMMAND "${CMAKE_COMMAND}" -DROUTE=install "-DBINARY_DIR=${PROJECT_BINARY_DIR}" "-DCONFIG=$<CONFIG>"
          "-DPREFIX=${orgraph_packaging_dir}/prefix" -P "${orgraph_consumer_script}")
set_tests_properties(packaging.install PROPERTIES FIXTURES_SETUP orgraph_installed LABELS packaging)

add_test(NAME packaging.find_package
  COMMAND "${CMAKE_COMMAND}" -DROUTE=package "-DPREFIX=${orgraph_packaging_dir}/prefix"
          "-DWORK_DIR=${orgraph_packaging_dir}/find_package" ${orgraph_consumer_args}
          -P "${orgraph_consumer_script}")
set_tests_properties(packaging.find_package PROPERTIES FIXTURES_REQUIRED orgraph_installed LABELS packaging)

add_test(NAME packaging.build_tree
  COMMAND "${CMAKE_COMMAND}" -DROUTE=build-tree "-DORGRAPH_DIR=${PROJECT_BINARY_DIR}"
          "-DWORK_DIR=${orgraph_packaging_dir}/build_tree" ${orgraph_consumer_args}
          -P "${orgraph_consumer_script}")
set_tests_properties(packaging.build_tree PROPERTIES LABELS packaging)

add_test(NAME packaging.add_subdirectory
  COMMAND "${CMAKE_COMMAND}" -DROUTE=subdirectory "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}"
          "-DSHARED=${orgraph_other_kind}" "-DWORK_DIR=${orgraph_packaging_dir}/add_subdirectory"
          ${orgraph_consumer_args} -P "${orgraph_consumer_script}")
add_test(NAME packaging.fetchcontent
  COMMAND "${CMAKE_COMMAND}" -DROUTE=fetchcontent "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}"
          "-DWORK_DIR=${orgraph_packaging_dir}/fetchcontent" ${orgraph_consumer_args}
          -P "${orgraph_consumer_script}")
# These two compile orgraph from scratch: give them time, and keep them from running at once.
set_tests_properties(packaging.add_subdirectory packaging.fetchcontent PROPERTIES
  LABELS packaging TIMEOUT 900 RESOURCE_LOCK orgraph_full_build)

# The API reference builds without a warning: every public declaration documented (docs/Doxyfile).
# Doxygen writes into the build tree here; without doxygen the test is listed as disabled.
find_program(ORGRAPH_DOXYGEN_EXECUTABLE doxygen DOC "doxygen, for the docs.doxygen test")
if(ORGRAPH_DOXYGEN_EXECUTABLE)
  file(CONFIGURE OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/Doxyfile.test" CONTENT
    "@INCLUDE = @PROJECT_SOURCE_DIR@/docs/Doxyfile\nOUTPUT_DIRECTORY = @CMAKE_CURRENT_BINARY_DIR@/doxygen\n" @ONLY)
  add_test(NAME docs.doxygen COMMAND "${ORGRAPH_DOXYGEN_EXECUTABLE}" "${CMAKE_CURRENT_BINARY_DIR}/Doxyfile.test"
           WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
  set_tests_properties(docs.doxygen PROPERTIES LABELS docs)
else()
  add_test(NAME docs.doxygen COMMAND "${CMAKE_COMMAND}" -E echo "doxygen is not installed")
  set_tests_properties(docs.doxygen PROPERTIES LABELS docs DISABLED TRUE)
endif()
