#pragma once
/// @file
/// @brief The exceptions orgraph throws. Every message says where: file, line and column, or the id.

#include <orgraph/export.hpp>

#include <cstddef>
#include <stdexcept>
#include <string>

namespace orgraph {

/** @brief Base of every exception orgraph throws; catch this to catch them all. */
class ORGRAPH_EXPORT error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
  ~error() override;
};

/** @brief A date that is not a valid ISO-8601 calendar date, or a period that ends before it starts. */
class ORGRAPH_EXPORT date_error : public error {
public:
  using error::error;
  ~date_error() override;
};

/**
 * @brief Malformed input text: broken syntax, a wrong type, a bad value.
 *
 * `what()` reads `file:line:column: message`; the parts are also available on their own.
 * Line and column count from 1; 0 means unknown.
 */
class ORGRAPH_EXPORT parse_error : public error {
public:
  /** @brief Describe a problem at a place in a named input. */
  parse_error(std::string file, std::size_t line, std::size_t column, const std::string& message);
  ~parse_error() override;

  /** @brief The file (or other source name) the input came from. */
  [[nodiscard]] const std::string& file() const noexcept { return file_; }
  /** @brief 1-based line of the problem, 0 if unknown. */
  [[nodiscard]] std::size_t line() const noexcept { return line_; }
  /** @brief 1-based column (in bytes) of the problem, 0 if unknown. */
  [[nodiscard]] std::size_t column() const noexcept { return column_; }

private:
  std::string file_;
  std::size_t line_;
  std::size_t column_;
};

/** @brief An id that names nothing (a dangling reference) or names two things (a duplicate). */
class ORGRAPH_EXPORT reference_error : public error {
public:
  /** @brief Describe a problem with `id`; the message should name it. */
  reference_error(std::string id, const std::string& message);
  ~reference_error() override;

  /** @brief The offending id. */
  [[nodiscard]] const std::string& id() const noexcept { return id_; }

private:
  std::string id_;
};

/** @brief A file that cannot be opened, read or written. */
class ORGRAPH_EXPORT file_error : public error {
public:
  /** @brief Describe a problem with `path`; the message names it. */
  file_error(std::string path, const std::string& message);
  ~file_error() override;

  /** @brief The file concerned. */
  [[nodiscard]] const std::string& path() const noexcept { return path_; }

private:
  std::string path_;
};

/**
 * @brief The machine ran out of something the work needs, memory above all: the input may well be
 * sound, so this is never reported as a parse_error or archive_error.
 *
 * Every loader turns a `std::bad_alloc` met anywhere in loading into this, with the message
 * `out of memory while loading FILE`, and never returns part of a model. Retrying with more memory
 * (or a higher `ulimit -v`) may succeed; fixing the file will not help.
 */
class ORGRAPH_EXPORT resource_error : public error {
public:
  /** @brief Describe the shortage met while working on `source`; the message should name it. */
  resource_error(std::string source, const std::string& message);
  ~resource_error() override;

  /** @brief The file (or source name) that was being loaded or saved. */
  [[nodiscard]] const std::string& source() const noexcept { return source_; }

private:
  std::string source_;
};

/** @brief An edit that would break the model's rules, such as a relation between the wrong kinds of node. */
class ORGRAPH_EXPORT model_error : public error {
public:
  using error::error;
  ~model_error() override;
};

} // namespace orgraph
