#pragma once
// Output helpers shared by every command: an aligned text table, indented JSON, and the small
// phrases ("'id' (name)") that tables and messages use.

#include <orgraph/model/model.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orgraph::cli {

/// How many columns a UTF-8 string takes on a terminal: one per code point (good enough for names).
inline std::size_t display_width(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/**
 * A table printed with its columns aligned: a header row, then one row per record, two spaces
 * between columns and no trailing spaces.
 */
/// One cell of a table row: any text, owned (model texts are views that need not outlive the row).
struct cell {
  std::string text;
  cell(std::string s) : text(std::move(s)) {}
  cell(std::string_view s) : text(s) {}
  cell(const char* s) : text(s) {}
};

class table {
public:
  explicit table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

  void add_row(std::vector<cell> cells) {
    std::vector<std::string> row;
    row.reserve(headers_.size());
    for (auto& c : cells)
      row.push_back(std::move(c.text));
    row.resize(headers_.size());
    rows_.push_back(std::move(row));
  }

  [[nodiscard]] bool empty() const noexcept { return rows_.empty(); }

  /// Print the table; `indent` spaces before each line, and the header row only if `header`.
  void print(std::ostream& out, std::size_t indent = 0, bool header = true) const {
    std::vector<std::size_t> widths(headers_.size(), 0);
    const auto measure = [&](const std::vector<std::string>& row) {
      for (std::size_t i = 0; i < row.size(); ++i)
        widths[i] = std::max(widths[i], display_width(row[i]));
    };
    if (header)
      measure(headers_);
    for (const auto& r : rows_)
      measure(r);
    const auto line = [&](const std::vector<std::string>& row) {
      std::string text(indent, ' ');
      for (std::size_t i = 0; i < row.size(); ++i) {
        text += row[i];
        if (i + 1 < row.size())
          text.append(widths[i] - display_width(row[i]) + 2, ' ');
      }
      while (!text.empty() && text.back() == ' ')
        text.pop_back();
      out << text << '\n';
    };
    if (header)
      line(headers_);
    for (const auto& r : rows_)
      line(r);
  }

private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

namespace detail {

inline bool is_scalar(const boost::json::value& v) { return !v.is_object() && !v.is_array(); }

inline void write_json(std::ostream& out, const boost::json::value& v, std::size_t indent) {
  const std::string pad(indent, ' ');
  const std::string inner(indent + 2, ' ');
  if (v.is_object()) {
    const auto& o = v.get_object();
    if (o.empty()) {
      out << "{}";
      return;
    }
    out << "{\n";
    std::size_t i = 0;
    for (const auto& kv : o) {
      out << inner << boost::json::serialize(boost::json::string(kv.key())) << ": ";
      write_json(out, kv.value(), indent + 2);
      out << (++i < o.size() ? ",\n" : "\n");
    }
    out << pad << '}';
  } else if (v.is_array()) {
    const auto& a = v.get_array();
    if (std::all_of(a.begin(), a.end(), is_scalar)) { // ["a", "b"] on one line
      out << '[';
      for (std::size_t i = 0; i < a.size(); ++i)
        out << (i == 0 ? "" : ", ") << boost::json::serialize(a[i]);
      out << ']';
      return;
    }
    out << "[\n";
    for (std::size_t i = 0; i < a.size(); ++i) {
      out << inner;
      write_json(out, a[i], indent + 2);
      out << (i + 1 < a.size() ? ",\n" : "\n");
    }
    out << pad << ']';
  } else {
    out << boost::json::serialize(v);
  }
}

} // namespace detail

/// Print a JSON value indented by two spaces a level, keys in the order they were added, then a newline.
inline void print_json(std::ostream& out, const boost::json::value& v) {
  detail::write_json(out, v, 0);
  out << '\n';
}

/// A node's id, or JSON null for `no_vertex`.
inline boost::json::value id_or_null(const orgraph::model& m, orgraph::vertex v) {
  if (v == orgraph::no_vertex)
    return nullptr;
  return boost::json::string(std::string(m[v].id));
}

/// "id (name)", or just "id" when the node has no name of its own.
inline std::string describe(const orgraph::model& m, orgraph::vertex v) {
  const auto n = m[v];
  return n.name.empty() || n.name == n.id ? std::string(n.id) : std::string(n.id) + " (" + std::string(n.name) + ")";
}

/// The items joined with a separator; "-" for none, so that a table cell is never blank.
inline std::string join_or_dash(const std::vector<std::string>& items, std::string_view separator = ", ") {
  if (items.empty())
    return "-";
  std::string s;
  for (std::size_t i = 0; i < items.size(); ++i)
    s.append(i == 0 ? std::string_view() : separator).append(items[i]);
  return s;
}

} // namespace orgraph::cli
