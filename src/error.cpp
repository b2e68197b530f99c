#include <orgraph/error.hpp>

#include <string>
#include <utility>

namespace orgraph {

// Out-of-line so that the vtables live in the library, not in every user's object file.
error::~error() = default;
date_error::~date_error() = default;
parse_error::~parse_error() = default;
reference_error::~reference_error() = default;
model_error::~model_error() = default;
file_error::~file_error() = default;

file_error::file_error(std::string path, const std::string& message)
    : error(path + ": " + message), path_(std::move(path)) {}

namespace {
std::string where(const std::string& file, std::size_t line, std::size_t column) {
  std::string s = file.empty() ? std::string("<input>") : file;
  if (line != 0) {
    s += ':' + std::to_string(line);
    if (column != 0)
      s += ':' + std::to_string(column);
  }
  return s;
}
} // namespace

parse_error::parse_error(std::string file, std::size_t line, std::size_t column, const std::string& message)
    : error(where(file, line, column) + ": " + message), file_(std::move(file)), line_(line), column_(column) {}

reference_error::reference_error(std::string id, const std::string& message) : error(message), id_(std::move(id)) {}

} // namespace orgraph
