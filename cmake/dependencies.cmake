# The packages orgraph needs, found as CONFIG packages so that the same lines work with Debian's
# packages and with the files Conan's CMakeDeps generates.
find_package(Boost 1.81 CONFIG REQUIRED COMPONENTS json serialization)

# range-v3 declares ExactVersion compatibility, so asking for 0.12 would refuse 0.12.1; check the
# minimum here instead.
find_package(range-v3 CONFIG REQUIRED)
if(DEFINED range-v3_VERSION AND range-v3_VERSION VERSION_LESS 0.12)
  message(FATAL_ERROR "orgraph needs range-v3 0.12 or newer; found ${range-v3_VERSION}")
endif()

# The command-line tool parses its arguments with CLI11 (header-only), and nothing else needs it.
if(ORGRAPH_BUILD_CLI)
  find_package(CLI11 2.1 CONFIG REQUIRED)
endif()
