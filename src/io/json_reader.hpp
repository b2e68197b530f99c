#pragma once
// Internal: orgraph's JSON reader, which streams a document through Boost.JSON's SAX parser instead of
// building a DOM. parse_json and load_json (json.cpp) are its public face; the functions here that take
// a chunk size exist so that tests can cut a document anywhere. Not installed.

#include <orgraph/export.hpp>
#include <orgraph/io/load_options.hpp>
#include <orgraph/model/model.hpp>

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace orgraph::detail {

/// How much of a file load_json reads at a time.
inline constexpr std::size_t json_chunk_size = std::size_t{1} << 20;

/// One JSON document, fed piece by piece; finish() builds the model once the document has ended.
/// Syntax errors name the line and column, and a limit of `limits` is enforced as soon as it is passed.
class json_stream {
public:
  json_stream(std::string source_name, const load_options& limits);
  json_stream(const json_stream&) = delete;
  json_stream& operator=(const json_stream&) = delete;
  ~json_stream();

  /// The next `size` bytes of the document.
  void feed(const char* data, std::size_t size);
  /// The model, after the last byte; throws what the old DOM reader threw, in the same order.
  [[nodiscard]] model finish();

private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// parse_json, the text fed `chunk` bytes at a time.
[[nodiscard]] ORGRAPH_EXPORT model parse_json_in_chunks(std::string_view text, std::string_view source_name,
                                                        const load_options& limits, std::size_t chunk);

/// load_json from an open file, read `chunk` bytes at a time; `path` names it in errors. A failed read
/// is a file_error giving the system's reason.
[[nodiscard]] ORGRAPH_EXPORT model read_json_file(std::FILE* file, const std::string& path, const load_options& limits,
                                                  std::size_t chunk = json_chunk_size);

} // namespace orgraph::detail
