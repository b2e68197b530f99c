import os
import re

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy, load, rmdir

required_conan_version = ">=2.1"

# Boost libraries with a compiled part that orgraph does not use. orgraph needs Boost's headers
# (Graph is header-only for what orgraph uses), JSON and Serialization, and what JSON builds on
# (Container, System). Options a Boost version does not have are ignored, as the pattern allows.
_BOOST_UNUSED = [
    "atomic", "charconv", "chrono", "cobalt", "context", "contract", "coroutine", "date_time",
    "exception", "fiber", "filesystem", "graph", "graph_parallel", "iostreams", "locale", "log",
    "math", "mpi", "nowide", "process", "program_options", "python", "random", "regex",
    "stacktrace", "test", "thread", "timer", "type_erasure", "url", "wave",
]


class OrgraphConan(ConanFile):
    name = "orgraph"
    description = "Organisations as time-aware graphs: line management, governance and influence"
    license = "MIT"
    url = "https://example.invalid/orgraph"
    homepage = "https://example.invalid/orgraph"
    topics = ("graph", "organisation", "governance", "boost-graph")

    package_type = "library"
    settings = "os", "arch", "compiler", "build_type"
    # cli: also build and package the `orgraph` command-line tool (bin/orgraph), which needs CLI11.
    options = {"shared": [True, False], "fPIC": [True, False], "cli": [True, False]}
    default_options = {"shared": False, "fPIC": True, "cli": False}
    default_options.update({f"boost/*:without_{lib}": True for lib in _BOOST_UNUSED})
    implements = ["auto_shared_fpic"]

    exports_sources = "CMakeLists.txt", "cmake/*", "include/*", "src/*", "LICENSE"

    def set_version(self):
        # The CMake project is the one place the version is written.
        text = load(self, os.path.join(self.recipe_folder, "CMakeLists.txt"))
        match = re.search(r"project\s*\([^)]*?\bVERSION\s+(\d+\.\d+\.\d+)", text)
        self.version = match.group(1)

    def layout(self):
        cmake_layout(self)

    def requirements(self):
        # The public headers include Boost.Graph and range-v3, so consumers compile against them too.
        self.requires("boost/[>=1.81.0 <2]", transitive_headers=True)
        self.requires("range-v3/[>=0.12.0 <1]", transitive_headers=True)
        if self.options.cli:
            # Header-only, and only the tool includes it: nothing of it reaches consumers.
            self.requires("cli11/[>=2.1.2 <3]", visible=False)

    def validate(self):
        check_min_cppstd(self, 17)

    def generate(self):
        toolchain = CMakeToolchain(self)
        # The package never builds orgraph's own tests, so the recipe does not require GoogleTest.
        toolchain.cache_variables["ORGRAPH_BUILD_TESTS"] = False
        toolchain.cache_variables["ORGRAPH_BUILD_EXAMPLES"] = False
        toolchain.cache_variables["ORGRAPH_BUILD_CLI"] = bool(self.options.cli)
        toolchain.generate()
        CMakeDeps(self).generate()

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def package(self):
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))
        CMake(self).install()
        # CMakeDeps writes consumers' config files from package_info() below instead.
        rmdir(self, os.path.join(self.package_folder, "lib", "cmake"))

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "orgraph")
        self.cpp_info.set_property("cmake_target_name", "orgraph::orgraph")
        # As cmake/install-rules.cmake says: while at 0.x, only the same minor version matches.
        self.cpp_info.set_property("cmake_config_version_compat", "SameMinorVersion")
        self.cpp_info.libs = ["orgraph"]
        if not self.options.shared:
            self.cpp_info.defines = ["ORGRAPH_STATIC_DEFINE"]
        # Naming one component of a dependency means naming every direct dependency's components.
        self.cpp_info.requires = [
            "boost::headers",
            "boost::json",
            "boost::serialization",
            "range-v3::range-v3-meta",
            "range-v3::range-v3-concepts",
        ]
        # A Boost taken from the system with [platform_requires] (conan/debian12) has no package
        # and so no cpp_info for the requires above to carry: a static orgraph then names the
        # compiled Boost libraries it uses itself, found on the system's library path.
        if not self.options.shared and self._from_platform("boost"):
            self.cpp_info.system_libs = ["boost_json", "boost_serialization"]

    def _from_platform(self, name):
        # self.dependencies["boost"] hides platform requirements; items() lists them, without a
        # package folder.
        return any(require.ref.name == name and dependency.package_folder is None
                   for require, dependency in self.dependencies.items())
