# Configures, builds and runs the consumer project in a fresh directory; a CTest test runs it as
#   cmake -DROUTE=... -DWORK_DIR=... [options] -P run-consumer.cmake
# ROUTE        install: install BINARY_DIR (CONFIG) into PREFIX, emptied first, and check the layout;
#              package, build-tree, subdirectory or fetchcontent: build and run the consumer
# WORK_DIR     scratch directory, emptied first
# PREFIX       package: the install prefix to find orgraph in (and only there)
# ORGRAPH_DIR  build-tree: orgraph's build directory
# SOURCE_DIR   subdirectory, fetchcontent: orgraph's source tree
# GENERATOR, CXX_COMPILER, BUILD_TYPE, CXX_FLAGS, SHARED: taken over from orgraph's own build, so the
#              consumer is compiled as orgraph was (the same sanitizers, for one).
cmake_minimum_required(VERSION 3.23)

if(NOT DEFINED ROUTE)
  message(FATAL_ERROR "run-consumer.cmake needs -DROUTE=...")
endif()

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "consumer (${ROUTE}): ${what} failed (${rc}):\n${out}")
  endif()
  set(output "${out}" PARENT_SCOPE)
endfunction()

if(ROUTE STREQUAL "install")
  file(REMOVE_RECURSE "${PREFIX}")
  set(config_args)
  if(CONFIG)
    set(config_args --config "${CONFIG}")
  endif()
  run(install "${CMAKE_COMMAND}" --install "${BINARY_DIR}" --prefix "${PREFIX}" ${config_args})
  # What a consumer relies on; the library's file name depends on the platform and BUILD_SHARED_LIBS.
  foreach(f include/orgraph/orgraph.hpp include/orgraph/export.hpp include/orgraph/version.hpp
            lib*/cmake/orgraph/orgraphConfig.cmake lib*/cmake/orgraph/orgraphConfigVersion.cmake
            lib*/cmake/orgraph/orgraphTargets.cmake lib*/*orgraph*)
    file(GLOB found "${PREFIX}/${f}")
    if(NOT found)
      message(FATAL_ERROR "install: ${PREFIX}/${f} is missing")
    endif()
  endforeach()
  file(GLOB detail "${PREFIX}/include/orgraph/detail/*.hpp")
  if(NOT detail)
    message(FATAL_ERROR "install: the detail headers the public ones include are missing")
  endif()
  # The installed CLI, if built, must start: with a shared library it needs its RPATH to lib/.
  file(GLOB cli "${PREFIX}/bin/orgraph" "${PREFIX}/bin/orgraph.exe")
  if(cli)
    run("installed CLI (orgraph --help)" ${cli} --help)
  endif()
  message(STATUS "installed into ${PREFIX}")
  return()
endif()

if(NOT DEFINED WORK_DIR)
  message(FATAL_ERROR "run-consumer.cmake needs -DWORK_DIR=...")
endif()

set(consumer_source "${CMAKE_CURRENT_LIST_DIR}")
set(build "${WORK_DIR}/build")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

set(args -S "${consumer_source}" -B "${build}")
if(GENERATOR)
  list(APPEND args -G "${GENERATOR}")
endif()
if(CXX_COMPILER)
  list(APPEND args "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
endif()
if(BUILD_TYPE)
  list(APPEND args "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}")
endif()
list(APPEND args "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}")

if(ROUTE STREQUAL "package")
  # Only the temporary prefix: not the build tree, not the user's package registry.
  list(APPEND args -DORGRAPH_CONSUMER_ROUTE=package "-DCMAKE_PREFIX_PATH=${PREFIX}"
       -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
elseif(ROUTE STREQUAL "build-tree")
  list(APPEND args -DORGRAPH_CONSUMER_ROUTE=package "-Dorgraph_DIR=${ORGRAPH_DIR}")
elseif(ROUTE STREQUAL "subdirectory" OR ROUTE STREQUAL "fetchcontent")
  # Only the library: the CLI is not what an application pulls orgraph in for.
  list(APPEND args "-DORGRAPH_CONSUMER_ROUTE=${ROUTE}" "-DORGRAPH_SOURCE_DIR=${SOURCE_DIR}"
       -DORGRAPH_BUILD_CLI=OFF)
  if(DEFINED SHARED)
    list(APPEND args "-DBUILD_SHARED_LIBS=${SHARED}")
  endif()
else()
  message(FATAL_ERROR "unknown ROUTE '${ROUTE}'")
endif()

run(configure "${CMAKE_COMMAND}" ${args})
if(ROUTE STREQUAL "package")
  # The consumer must have found the installed package, not some other orgraph.
  file(STRINGS "${build}/CMakeCache.txt" found REGEX "^orgraph_DIR:")
  string(REGEX REPLACE "^orgraph_DIR:[A-Z]+=" "" found "${found}")
  file(REAL_PATH "${found}" found)
  file(REAL_PATH "${PREFIX}" prefix)
  string(FIND "${found}/" "${prefix}/" at)
  if(NOT at EQUAL 0)
    message(FATAL_ERROR "consumer (${ROUTE}): found orgraph in ${found}, not under ${prefix}")
  endif()
endif()
run(build "${CMAKE_COMMAND}" --build "${build}" --parallel 2)
run(run "${build}/orgraph_consumer")
message(STATUS "consumer (${ROUTE}): ${output}")
