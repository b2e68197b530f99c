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

/**
 * Text made safe to show on a terminal, for every human-readable line the tool prints (tables,
 * headlines, the `orgraph: ...` error line; `--json` is left to its serializer). Ids and names come
 * from files anyone may have written, so what could steer a terminal is shown escaped instead:
 * C0 controls (ESC, BEL, CR, LF, NUL, ...) and DEL as `\x1b`, C1 controls (U+0080 to U+009F), the
 * bidirectional controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) and the line
 * and paragraph separators (U+2028, U+2029) as `\u202e`, and a byte that is not part of well-formed
 * UTF-8 as `\xNN`. A backslash is left as it is, so escaping twice changes nothing and each layer
 * (a table cell, describe(), the error line) may escape what it prints without care for the others.
 */
inline std::string printable(std::string_view s) {
  const auto plain = [](unsigned char c) { return c >= 0x20 && c < 0x7F; };
  if (std::all_of(s.begin(), s.end(), [&](char c) { return plain(static_cast<unsigned char>(c)); }))
    return std::string(s);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() + 16);
  const auto byte_at = [&](std::size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u; };
  const auto continuation = [&](std::size_t i) { return (byte_at(i) & 0xC0u) == 0x80u; };
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = byte_at(i);
    if (plain(c)) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    // The length of a well-formed UTF-8 sequence starting here (RFC 3629: no overlongs, no
    // surrogates, nothing past U+10FFFF), or 0.
    std::size_t length = 0;
    if (c >= 0xC2 && c <= 0xDF && continuation(i + 1))
      length = 2;
    else if (c >= 0xE0 && c <= 0xEF && continuation(i + 1) && continuation(i + 2) &&
             (c != 0xE0 || byte_at(i + 1) >= 0xA0) && (c != 0xED || byte_at(i + 1) <= 0x9F))
      length = 3;
    else if (c >= 0xF0 && c <= 0xF4 && continuation(i + 1) && continuation(i + 2) && continuation(i + 3) &&
             (c != 0xF0 || byte_at(i + 1) >= 0x90) && (c != 0xF4 || byte_at(i + 1) <= 0x8F))
      length = 4;
    if (length == 0) { // a control character, DEL, or a byte of broken UTF-8
      out.append("\\x").append(1, hex[c >> 4]).append(1, hex[c & 0xF]);
      ++i;
      continue;
    }
    unsigned long cp = length == 2 ? (c & 0x1Fu) : length == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (std::size_t k = 1; k < length; ++k)
      cp = (cp << 6) | (byte_at(i + k) & 0x3Fu);
    const bool hidden = (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
                        (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 ||
                        cp == 0x2029;
    if (hidden) {
      out.append("\\u");
      for (int shift = 12; shift >= 0; shift -= 4)
        out += hex[(cp >> shift) & 0xF];
    } else {
      out.append(s.substr(i, length));
    }
    i += length;
  }
  return out;
}

/// How many columns a UTF-8 string takes on a terminal: one per code point (good enough for names).
inline std::size_t display_width(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// One cell of a table row: any text, owned (model texts are views that need not outlive the row).
struct cell {
  std::string text;
  cell(std::string s) : text(std::move(s)) {}
  cell(std::string_view s) : text(s) {}
  cell(const char* s) : text(s) {}
};

/**
 * A table printed with its columns aligned: a header row, then one row per record, two spaces
 * between columns and no trailing spaces; or as CSV.
 */
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

  /// Print the table as CSV (RFC 4180, lines ending in LF): the header row, then the rows, each cell
  /// the exact text, quoted where it holds a comma, a quote or a line break. On a terminal, cells are
  /// printable() as table cells are: a file gets the exact text, a screen cannot be steered by it.
  void print_csv(std::ostream& out, bool terminal) const {
    const auto row = [&](const std::vector<std::string>& cells) {
      for (std::size_t i = 0; i < cells.size(); ++i) {
        const std::string text = terminal ? printable(cells[i]) : cells[i];
        if (i > 0)
          out << ',';
        if (text.find_first_of(",\"\r\n") == std::string::npos) {
          out << text;
          continue;
        }
        out << '"';
        for (char c : text)
          out << (c == '"' ? "\"\"" : std::string(1, c));
        out << '"';
      }
      out << '\n';
    };
    row(headers_);
    for (const auto& r : rows_)
      row(r);
  }

  /// Print the table, every cell through printable(); `indent` spaces before each line, and the
  /// header row only if `header`.
  void print(std::ostream& out, std::size_t indent = 0, bool header = true) const {
    const auto shown = [](const std::vector<std::string>& row) {
      std::vector<std::string> cells;
      cells.reserve(row.size());
      for (const auto& cell : row)
        cells.push_back(printable(cell));
      return cells;
    };
    const std::vector<std::string> headers = shown(headers_);
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : rows_)
      rows.push_back(shown(r));
    std::vector<std::size_t> widths(headers.size(), 0);
    const auto measure = [&](const std::vector<std::string>& row) {
      for (std::size_t i = 0; i < row.size(); ++i)
        widths[i] = std::max(widths[i], display_width(row[i]));
    };
    if (header)
      measure(headers);
    for (const auto& r : rows)
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
      line(headers);
    for (const auto& r : rows)
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

/// "id (name)", or just "id" when the node has no name of its own; printable() for a terminal.
inline std::string describe(const orgraph::model& m, orgraph::vertex v) {
  const auto n = m[v];
  std::string s(n.id);
  if (!n.name.empty() && n.name != n.id)
    s.append(" (").append(n.name).append(")");
  return printable(s);
}

/// The items joined with a separator; "-" for none, so that a table cell is never blank. The text is
/// exact (tables escape their cells): printable() it to print it any other way.
inline std::string join_or_dash(const std::vector<std::string>& items, std::string_view separator = ", ") {
  if (items.empty())
    return "-";
  std::string s;
  for (std::size_t i = 0; i < items.size(); ++i)
    s.append(i == 0 ? std::string_view() : separator).append(items[i]);
  return s;
}

} // namespace orgraph::cli
