#pragma once
// Internal: the two guards every loader puts around its work, written once. A text or file larger
// than load_options::max_file_size is refused before a byte of it is read, and a shortage of memory
// anywhere in a load is the machine's, never the file's: one resource_error naming the source, never
// a shorter model (docs/reliability.md, "Running out of memory").

#include <orgraph/error.hpp>
#include <orgraph/io/load_options.hpp>

#include <cstdint>
#include <new>
#include <string>
#include <string_view>

namespace orgraph::detail {

/// Refuse `size` bytes of `what` ("the file", "the input") in `source` if over the limit.
inline void check_size(std::uint64_t size, const load_options& limits, const std::string& source, const char* what) {
  if (size > limits.max_file_size)
    throw parse_error(source, 0, 0,
                      std::string(what) + " has " + std::to_string(size) + " bytes, more than the limit of " +
                          std::to_string(limits.max_file_size) + " (load_options::max_file_size)");
}

/// Run `load`; std::bad_alloc becomes "out of memory while loading SOURCE".
template <class Load> auto memory_checked(std::string_view source, Load&& load) -> decltype(load()) {
  try {
    return load();
  } catch (const std::bad_alloc&) {
    throw resource_error(std::string(source), "out of memory while loading " + std::string(source));
  }
}

} // namespace orgraph::detail
