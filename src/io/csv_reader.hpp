#pragma once
// Internal to the CSV importer (csv.cpp, csv_posts.cpp): an RFC 4180 reader that keeps one record at
// a time, the header's columns as a mapping names them, a data row's checked values, and the tally of
// what a load adds against load_options.

#include <orgraph/error.hpp>
#include <orgraph/io/csv.hpp>

#include "load_guards.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace orgraph::detail::csv {

// A field's text points into the input, or, for a quoted field with doubled quotes or CRLFs in it,
// into the reader's store of unescaped texts: nothing is copied per field, so a field costs the
// same few dozen bytes however long it is.
struct field {
  std::string_view text;
  std::size_t line = 0;
  std::size_t column = 0;
};

using record = std::vector<field>;

// The most columns a header row may have. Real exports have tens (the senior organogram 19, wide HR
// exports a few hundred); the bound exists because a field costs about 32 bytes however short it
// is, so one long line of separators would otherwise cost 32 times its length before any check.
// Data rows are bounded by their header: a row that has more fields than the header is refused when
// the field past the header's count is met, without storing the rest.
constexpr std::size_t max_columns = 4096;

// RFC 4180, leniently: LF or CRLF (or a lone CR) ends a record, a UTF-8 byte-order mark is skipped,
// blank lines are skipped. Quoted fields may hold separators, doubled quotes and line breaks (a CRLF
// inside quotes is read as LF). A quote inside an unquoted field, text after a closing quote and an
// unterminated quote are errors naming line and column.
class record_reader {
public:
  record_reader(std::string_view text, char separator, std::string file)
      : text_(text), separator_(separator), file_(std::move(file)) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF")
      pos_ = 3;
  }

  struct position {
    std::size_t offset = 0, line = 1;
  };

  // How many fields the last record read had, counted even when next() refused it for having too many.
  [[nodiscard]] std::size_t fields_counted() const noexcept { return fields_counted_; }

  // Whether next() last refused a whole record for its number of fields, having read past it: reading
  // can go on with the next record (a syntax error inside a record leaves no such place to go on from).
  [[nodiscard]] bool record_passed() const noexcept { return record_passed_; }

  // Where the next record starts (or blank lines before it), to read it again later with reread.
  [[nodiscard]] position where() const { return {pos_, line_}; }

  // The next record into `out`, or false at the end. A record with more than `max_fields` fields is
  // an error (the header's count for data rows, max_columns for the header); the surplus fields are
  // counted, not stored. With `exact`, fewer fields than `max_fields` are an error too. The fields
  // stay valid until the next call: only one record is held at a time.
  bool next(record& out, std::size_t max_fields, bool exact) {
    const std::size_t n = text_.size();
    unescaped_.clear();
    record_passed_ = false;
    while (pos_ < n) {
      out.clear();
      std::size_t fields = 0;
      const std::size_t first_line = line_;
      bool any_quoted = false;
      for (;;) {
        field f = read_field(any_quoted);
        if (++fields <= max_fields)
          out.push_back(f);
        if (pos_ < n && text_[pos_] == separator_) {
          ++pos_, ++column_;
          continue;
        }
        break;
      }
      fields_counted_ = fields;
      if (pos_ < n && text_[pos_] == '\r')
        ++pos_;
      if (pos_ < n && text_[pos_] == '\n')
        ++pos_;
      ++line_;
      column_ = 1;
      if (fields == 1 && out.front().text.empty() && !any_quoted)
        continue; // a blank line
      if (fields > max_fields && !exact)
        throw parse_error(file_, first_line, 0, // the header: nothing to go on with
                          "the header row has " + std::to_string(fields) + " columns, more than the " +
                              std::to_string(max_fields) + " orgraph reads");
      record_passed_ = true;
      if (fields > max_fields || (exact && fields != max_fields))
        throw parse_error(file_, first_line, 0,
                          "the row has " + std::to_string(fields) + " fields, the header " +
                              std::to_string(max_fields));
      return true;
    }
    return false;
  }

  // The record that next() returned when where() was `at`, read again.
  void reread(position at, record& out, std::size_t fields) {
    pos_ = at.offset;
    line_ = at.line;
    column_ = 1;
    if (!next(out, fields, true))
      throw std::logic_error("csv: a record read before is gone");
  }

private:
  field read_field(bool& any_quoted) {
    const std::size_t n = text_.size();
    field f;
    f.line = line_;
    f.column = column_;
    if (pos_ < n && text_[pos_] == '"') {
      any_quoted = true;
      ++pos_, ++column_;
      const std::size_t start = pos_;
      std::string* unescaped = nullptr; // set at the first "" or CRLF: from there the text is copied
      for (;;) {
        if (pos_ >= n)
          throw parse_error(file_, f.line, f.column, "unterminated quoted field");
        const char c = text_[pos_];
        if (c == '"') {
          if (pos_ + 1 < n && text_[pos_ + 1] == '"') {
            if (!unescaped)
              unescaped = &unescaped_.emplace_back(text_.substr(start, pos_ - start));
            *unescaped += '"';
            pos_ += 2, column_ += 2;
            continue;
          }
          f.text = unescaped ? std::string_view(*unescaped) : text_.substr(start, pos_ - start);
          ++pos_, ++column_;
          break;
        }
        if (c == '\r' && pos_ + 1 < n && text_[pos_ + 1] == '\n') {
          if (!unescaped)
            unescaped = &unescaped_.emplace_back(text_.substr(start, pos_ - start));
          ++pos_;
          continue;
        }
        if (unescaped)
          *unescaped += c;
        ++pos_;
        if (c == '\n' || c == '\r') {
          ++line_;
          column_ = 1;
        } else {
          ++column_;
        }
      }
      if (pos_ < n && text_[pos_] != separator_ && text_[pos_] != '\n' && text_[pos_] != '\r')
        throw parse_error(file_, line_, column_, "unexpected text after a closing quote (a field is quoted whole)");
    } else {
      const std::size_t start = pos_;
      while (pos_ < n && text_[pos_] != separator_ && text_[pos_] != '\n' && text_[pos_] != '\r') {
        if (text_[pos_] == '"')
          throw parse_error(file_, line_, column_ + (pos_ - start),
                            "a quote inside an unquoted field (quote the whole field and double the quote)");
        ++pos_;
      }
      f.text = text_.substr(start, pos_ - start);
      column_ += pos_ - start;
    }
    return f;
  }

  std::string_view text_;
  char separator_;
  std::string file_;
  std::size_t pos_ = 0, line_ = 1, column_ = 1;
  std::size_t fields_counted_ = 0;
  bool record_passed_ = false;
  std::deque<std::string> unescaped_; // a deque: the texts stay where they are as it grows
};

// The first byte that is not part of well-formed UTF-8 (no overlongs, surrogates or values past
// U+10FFFF), or npos. A model holds UTF-8 text: JSON written from it must load again.
inline std::size_t invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (b < 0x80) {
      ++i;
      continue;
    }
    if (b >= 0xC2 && b <= 0xDF)
      len = 2;
    else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      lo = b == 0xE0 ? 0xA0 : 0x80;
      hi = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      lo = b == 0xF0 ? 0x90 : 0x80;
      hi = b == 0xF4 ? 0x8F : 0xBF;
    } else {
      return i;
    }
    if (i + len > s.size())
      return i;
    for (std::size_t k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF))
        return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

inline std::string trimmed(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
    ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
    --e;
  return std::string(s.substr(b, e - b));
}

inline bool same_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

inline bool any_of_ignoring_case(const std::vector<std::string>& list, std::string_view s) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& x) { return same_ignoring_case(x, s); });
}

inline std::string ordinal(std::size_t i) { return std::to_string(i + 1); }

// Where each mapped column is in the header.
struct columns {
  static constexpr std::size_t absent = std::numeric_limits<std::size_t>::max();
  std::size_t id = absent, name = absent, manager = absent, discipline = absent, organization = absent, post = absent,
              start = absent, end = absent;
  std::vector<std::string> headers;
};

inline columns locate(const record& header, const csv_mapping& mapping, const std::string& file) {
  columns c;
  for (const field& f : header)
    c.headers.push_back(trimmed(f.text));
  const auto find = [&](const std::string& wanted, std::size_t& where) {
    if (trimmed(wanted).empty())
      return;
    for (std::size_t i = 0; i < c.headers.size(); ++i) {
      if (!same_ignoring_case(c.headers[i], trimmed(wanted)))
        continue;
      if (where != columns::absent)
        throw parse_error(file, 1, header[i].column,
                          "column '" + wanted + "' appears twice (columns " + ordinal(where) + " and " + ordinal(i) +
                              ")");
      where = i;
    }
    if (where == columns::absent)
      throw parse_error(file, 1, 0, "missing column '" + wanted + "' (the header row has no such column)");
  };
  find(mapping.id, c.id);
  find(mapping.name, c.name);
  find(mapping.manager_id, c.manager);
  find(mapping.discipline, c.discipline);
  find(mapping.organization, c.organization);
  find(mapping.post, c.post);
  find(mapping.start_date, c.start);
  find(mapping.end_date, c.end);
  if (mapping.layout == csv_layout::person_rows && c.id == columns::absent)
    throw parse_error(file, 1, 0, "the mapping names no person id column");
  return c;
}

// One data row, checked, with its values trimmed.
class row_reader {
public:
  row_reader(const record& r, const columns& c, const std::string& file) : r_(r), c_(c), file_(file) {}

  std::string value(std::size_t col) const { return col == columns::absent ? std::string() : trimmed(r_[col].text); }

  [[noreturn]] void fail(std::size_t col, const std::string& message) const {
    const field& f = col == columns::absent ? r_.front() : r_[col];
    throw parse_error(file_, f.line, col == columns::absent ? 0 : f.column,
                      (col == columns::absent ? std::string() : "column '" + c_.headers[col] + "': ") + message);
  }

  std::string where(std::size_t col) const {
    const field& f = col == columns::absent ? r_.front() : r_[col];
    return file_ + ":" + std::to_string(f.line) + (col == columns::absent ? "" : ":" + std::to_string(f.column));
  }

  std::size_t line() const { return r_.front().line; }

  std::optional<partial_date> date_at(std::size_t col) const {
    const std::string t = value(col);
    if (t.empty())
      return std::nullopt;
    try {
      return parse_partial_date(t);
    } catch (const date_error& e) {
      fail(col, e.what());
    }
  }

  period when() const {
    const auto start = date_at(c_.start);
    const auto end = date_at(c_.end);
    try {
      return period(start, end);
    } catch (const date_error& e) {
      fail(c_.end, e.what());
    }
  }

private:
  const record& r_;
  const columns& c_;
  const std::string& file_;
};

inline std::vector<std::string> split_disciplines(const std::string& text, const csv_mapping& mapping) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen; // a field of many disciplines must not cost their square
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(mapping.discipline_separator, start);
    if (end == std::string::npos)
      end = text.size();
    std::string d = trimmed(std::string_view(text).substr(start, end - start));
    if (!d.empty() && !any_of_ignoring_case(mapping.undisclosed, d) && seen.insert(d).second)
      out.push_back(std::move(d));
    start = end + 1;
  }
  return out;
}

// The nodes and relations a load has added so far, over all its files, against load_options.
struct tally {
  std::size_t nodes = 0, relations = 0;
};

using orgraph::detail::check_size; // load_guards.hpp

} // namespace orgraph::detail::csv
