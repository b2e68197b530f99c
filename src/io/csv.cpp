// CSV import: an RFC 4180 reader and the two row layouts (person rows, post rows).
//
// Reading happens in two passes so that a file with any error loads nothing: read the records one at
// a time, checking every row and collecting what it says (and counting what it will add against
// load_options), then build the nodes and relations on a copy of the model, reading again the rows
// that are needed, and the copy replaces the original only when all went well.

#include <orgraph/error.hpp>
#include <orgraph/io/csv.hpp>
#include <orgraph/io/file.hpp>

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <new>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace orgraph {

namespace {

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

  // Where the next record starts (or blank lines before it), to read it again later with reread.
  [[nodiscard]] position where() const { return {pos_, line_}; }

  // The next record into `out`, or false at the end. A record with more than `max_fields` fields is
  // an error (the header's count for data rows, max_columns for the header); the surplus fields are
  // counted, not stored. With `exact`, fewer fields than `max_fields` are an error too. The fields
  // stay valid until the next call: only one record is held at a time.
  bool next(record& out, std::size_t max_fields, bool exact) {
    const std::size_t n = text_.size();
    unescaped_.clear();
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
        throw parse_error(file_, first_line, 0,
                          "the header row has " + std::to_string(fields) + " columns, more than the " +
                              std::to_string(max_fields) + " orgraph reads");
      if (fields > max_fields || (exact && fields != max_fields))
        throw parse_error(file_, first_line, 0,
                          "the row has " + std::to_string(fields) + " fields, the header " + std::to_string(max_fields));
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
  std::deque<std::string> unescaped_; // a deque: the texts stay where they are as it grows
};

// The first byte that is not part of well-formed UTF-8 (no overlongs, surrogates or values past
// U+10FFFF), or npos. A model holds UTF-8 text: JSON written from it must load again.
std::size_t invalid_utf8(std::string_view s) {
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

std::string trimmed(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
    ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
    --e;
  return std::string(s.substr(b, e - b));
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool any_of_ignoring_case(const std::vector<std::string>& list, std::string_view s) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& x) { return same_ignoring_case(x, s); });
}

std::string ordinal(std::size_t i) { return std::to_string(i + 1); }

// Where each mapped column is in the header.
struct columns {
  static constexpr std::size_t absent = std::numeric_limits<std::size_t>::max();
  std::size_t id = absent, name = absent, manager = absent, discipline = absent, organization = absent,
              post = absent, start = absent, end = absent;
  std::vector<std::string> headers;
};

columns locate(const record& header, const csv_mapping& mapping, const std::string& file) {
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
                          "column '" + wanted + "' appears twice (columns " + ordinal(where) + " and " + ordinal(i) + ")");
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

std::vector<std::string> split_disciplines(const std::string& text, const csv_mapping& mapping) {
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

void check_size(std::uint64_t size, const load_options& limits, const std::string& file, const char* what) {
  if (size > limits.max_file_size)
    throw parse_error(file, 0, 0,
                      std::string(what) + " has " + std::to_string(size) + " bytes, more than the limit of " +
                          std::to_string(limits.max_file_size) + " (load_options::max_file_size)");
}

// Builds on a copy of the model; the caller swaps it in only when everything succeeded.
class importer {
public:
  importer(model& m, const csv_mapping& mapping, std::string file, const load_options& limits, tally& added)
      : m_(m), mapping_(mapping), file_(std::move(file)), limits_(limits), added_(added) {}

  void run(std::string_view text) {
    check_size(text.size(), limits_, file_, "the input");
    if (const std::size_t bad = invalid_utf8(text); bad != std::string_view::npos) {
      const std::string_view before = text.substr(0, bad);
      const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
      const std::size_t last = before.rfind('\n');
      const std::size_t column = last == std::string_view::npos ? bad + 1 : bad - last;
      throw parse_error(file_, line, column, "invalid UTF-8: the file must be UTF-8 encoded");
    }
    // Records are read one at a time and not kept: the first pass keeps what each row says (only
    // for rows that add something, so bounded by the limits), the second reads a row again where it
    // needs the row itself. Memory stays a small multiple of the input, however the rows look.
    record_reader reader(text, mapping_.separator, file_);
    record header;
    if (!reader.next(header, max_columns, false))
      throw parse_error(file_, 1, 0, "no header row: the file is empty");
    const columns c = locate(header, mapping_, file_);
    record_reader again(text, mapping_.separator, file_);
    if (mapping_.layout == csv_layout::person_rows)
      person_rows(reader, again, c);
    else
      post_rows(reader, again, c);
  }

private:
  // Counts what a row will add, refusing at the row that passes a limit: before anything is built.
  void will_add(const row_reader& row, std::size_t nodes, std::size_t relations) {
    added_.nodes += nodes;
    added_.relations += relations;
    if (added_.nodes > limits_.max_nodes)
      throw parse_error(file_, row.line(), 0,
                        "this row takes the nodes past the limit of " + std::to_string(limits_.max_nodes) +
                            " (load_options::max_nodes)");
    if (added_.relations > limits_.max_relations)
      throw parse_error(file_, row.line(), 0,
                        "this row takes the relations past the limit of " + std::to_string(limits_.max_relations) +
                            " (load_options::max_relations)");
  }

  // Whether the organization a row names is one this load has not seen yet (nor the model holds).
  bool new_organization(const row_reader& row, std::size_t col) {
    const std::string value = row.value(col);
    if (value.empty())
      return false;
    std::string id = mapping_.organization_is_name ? mapping_.organization_id_prefix + value : value;
    return !m_.find(id) && new_ids_.insert(std::move(id)).second;
  }

  // The organization a row names, created on first sight.
  vertex organization(const row_reader& row, std::size_t col) {
    const std::string value = row.value(col);
    if (value.empty())
      return no_vertex;
    const std::string id = mapping_.organization_is_name ? mapping_.organization_id_prefix + value : value;
    if (const auto v = m_.find(id)) {
      if (m_[*v].kind != node_kind::organization)
        throw reference_error(id, row.where(col) + ": '" + id + "' is a " + std::string(to_string(m_[*v].kind)) +
                                      ", not an organization");
      return *v;
    }
    return m_.add_organization(id, value, mapping_.organization_classification);
  }

  vertex resolve_manager(const row_reader& row, const std::string& id, node_kind want) const {
    const auto v = m_.find(id);
    if (!v)
      throw reference_error(id, row.where(manager_col_) + ": unknown manager id '" + id + "'");
    if (m_[*v].kind != want)
      throw reference_error(id, row.where(manager_col_) + ": manager '" + id + "' is a " +
                                    std::string(to_string(m_[*v].kind)) + ", not a " + std::string(to_string(want)));
    return *v;
  }

  bool is_top(const std::string& manager) const {
    return manager.empty() || std::find(mapping_.top_markers.begin(), mapping_.top_markers.end(), manager) !=
                                  mapping_.top_markers.end();
  }

  void person_rows(record_reader& reader, record_reader& again, const columns& c) {
    manager_col_ = c.manager;
    struct person_info {
      std::string name;
      std::vector<std::string> disciplines;
      std::size_t line = 0;
    };
    struct row_info {
      record_reader::position at;
      std::string id, manager, post;
      period when;
    };
    std::vector<std::pair<std::string, person_info>> persons; // in order of first appearance
    std::unordered_map<std::string, std::size_t> seen;
    std::vector<row_info> rows;
    std::unordered_map<std::string, std::unordered_set<std::string>> disciplines_seen; // per person id
    record rec;
    // Check every row and gather each person's name and disciplines over all their rows.
    for (auto at = reader.where(); reader.next(rec, c.headers.size(), true); at = reader.where()) {
      const row_reader row(rec, c, file_);
      row_info info{at, row.value(c.id), row.value(c.manager), row.value(c.post), row.when()};
      if (info.id.empty())
        row.fail(c.id, "a person id is required");
      if (info.manager == info.id)
        row.fail(c.manager, "'" + info.id + "' cannot be their own manager");
      const std::string name = row.value(c.name);
      auto [it, fresh] = seen.emplace(info.id, persons.size());
      if (fresh)
        persons.push_back({info.id, {name, {}, row.line()}});
      const bool team = !row.value(c.organization).empty();
      {
        const bool new_post = !info.post.empty() && !m_.find(info.id + "/" + info.post) &&
                              new_ids_.insert(info.id + "/" + info.post).second;
        const std::size_t nodes = (fresh && !m_.find(info.id) ? 1 : 0) + (new_organization(row, c.organization) ? 1 : 0) +
                                  (new_post ? 1 : 0);
        const std::size_t relations =
            (is_top(info.manager) ? 0 : 1) + (team ? 1 : 0) + (info.post.empty() ? 0 : 1);
        will_add(row, nodes, relations);
      }
      person_info& p = persons[it->second].second;
      if (!fresh && !name.empty() && !p.name.empty() && name != p.name)
        row.fail(c.name, "person '" + info.id + "' is named '" + p.name + "' on line " + std::to_string(p.line) +
                             " and '" + name + "' here");
      if (p.name.empty())
        p.name = name;
      for (auto& d : split_disciplines(row.value(c.discipline), mapping_))
        if (disciplines_seen[info.id].insert(d).second)
          p.disciplines.push_back(std::move(d));
      if (!is_top(info.manager) || team || !info.post.empty()) // a row that adds a relation
        rows.push_back(std::move(info));
    }
    disciplines_seen.clear();
    for (auto& [id, p] : persons) {
      if (const auto v = m_.find(id)) {
        if (m_[*v].kind != node_kind::person)
          throw reference_error(id, file_ + ":" + std::to_string(p.line) + ": '" + id + "' is already a " +
                                        std::string(to_string(m_[*v].kind)));
        continue; // a person from an earlier file: further rows about them
      }
      m_.add_person(id, std::move(p.name), std::move(p.disciplines));
    }
    for (const row_info& info : rows) {
      again.reread(info.at, rec, c.headers.size());
      const row_reader row(rec, c, file_);
      const vertex person = m_.at(info.id);
      const vertex team = organization(row, c.organization);
      if (!is_top(info.manager)) {
        const vertex boss = resolve_manager(row, info.manager, node_kind::person);
        m_.add_relation(boss, person, {relation_type::manages, info.when});
      }
      if (team != no_vertex) {
        relation r{relation_type::member_of, info.when};
        r.role = "member";
        m_.add_relation(person, team, std::move(r));
      }
      if (!info.post.empty()) {
        const std::string post_id = info.id + "/" + info.post;
        vertex post = no_vertex;
        if (const auto v = m_.find(post_id))
          post = *v;
        else
          post = m_.add_post(post_id, info.post, team);
        relation holds{relation_type::holds, info.when};
        holds.organization = team;
        m_.add_relation(person, post, std::move(holds));
      }
    }
  }

  void post_rows(record_reader& reader, record_reader& again, const columns& c) {
    manager_col_ = c.manager;
    struct post_info {
      record_reader::position at;
      std::size_t line;
      std::string id, manager, label, unit, discipline;
      std::vector<std::string> holders;
      period when;
    };
    std::vector<post_info> posts;
    std::unordered_map<std::string, std::size_t> by_id;
    std::unordered_map<std::string, std::size_t> generated; // manager → rows so far
    record rec;
    for (auto at = reader.where(); reader.next(rec, c.headers.size(), true); at = reader.where()) {
      const row_reader row(rec, c, file_);
      post_info p{at, row.line(), row.value(c.id), row.value(c.manager), row.value(c.post), row.value(c.organization),
                  row.value(c.discipline), {}, row.when()};
      if (c.id == columns::absent) {
        const std::string base = is_top(p.manager) ? "row" : p.manager;
        p.id = base + "/" + std::to_string(++generated[base]);
      } else if (p.id.empty()) {
        row.fail(c.id, "a post id is required");
      }
      if (p.manager == p.id)
        row.fail(c.manager, "post '" + p.id + "' cannot report to itself");
      const std::string name = row.value(c.name);
      const bool vacant = name.empty() || any_of_ignoring_case(mapping_.vacant_names, name);
      const auto [it, fresh] = by_id.emplace(p.id, posts.size());
      // A new post, its unit if new, a holder and their holds, and the manages to it.
      will_add(row, (fresh ? 1 : 0) + (fresh && new_organization(row, c.organization) ? 1 : 0) + (vacant ? 0 : 1),
               (vacant ? 0 : 1) + (fresh && !is_top(p.manager) ? 1 : 0));
      if (!fresh) {
        post_info& first = posts[it->second];
        const std::size_t first_line = first.line;
        if (!mapping_.job_shares)
          throw reference_error(p.id, row.where(c.id) + ": duplicate post id '" + p.id + "' (first on line " +
                                          std::to_string(first_line) + ")");
        if (first.manager != p.manager || first.label != p.label || first.unit != p.unit ||
            first.discipline != p.discipline || first.when != p.when)
          throw reference_error(p.id, row.where(c.id) + ": post id '" + p.id + "' repeated with different details (first on line " +
                                          std::to_string(first_line) + "); a repeated post is a job share only when they agree");
        if (!vacant)
          first.holders.push_back(name);
        continue;
      }
      if (!vacant)
        p.holders.push_back(name);
      posts.push_back(std::move(p));
    }
    std::vector<vertex> vertices;
    vertices.reserve(posts.size());
    for (const post_info& p : posts) {
      again.reread(p.at, rec, c.headers.size());
      const row_reader row(rec, c, file_);
      if (m_.find(p.id))
        throw reference_error(p.id, row.where(c.id) + ": post id '" + p.id + "' is already taken");
      const vertex unit = organization(row, c.organization);
      node n;
      n.kind = node_kind::post;
      n.id = p.id;
      n.name = p.label;
      n.parent = unit;
      n.lifetime = p.when;
      n.disciplines = split_disciplines(p.discipline, mapping_);
      const vertex post = m_.add_node(std::move(n));
      vertices.push_back(post);
      for (std::size_t h = 0; h < p.holders.size(); ++h) {
        const std::string person_id = p.id + "/holder" + (h == 0 ? std::string() : "-" + std::to_string(h + 1));
        if (m_.find(person_id))
          throw reference_error(person_id, row.where(c.name) + ": id '" + person_id + "' is already taken");
        const vertex holder = m_.add_person(person_id, p.holders[h]);
        relation holds{relation_type::holds, p.when};
        holds.organization = unit;
        m_.add_relation(holder, post, std::move(holds));
      }
    }
    for (std::size_t i = 0; i < posts.size(); ++i) {
      const post_info& p = posts[i];
      if (is_top(p.manager))
        continue;
      again.reread(p.at, rec, c.headers.size());
      const row_reader row(rec, c, file_);
      m_.add_relation(resolve_manager(row, p.manager, node_kind::post), vertices[i], {relation_type::manages, p.when});
    }
  }

  model& m_;
  const csv_mapping& mapping_;
  std::string file_;
  const load_options& limits_;
  tally& added_;
  std::unordered_set<std::string> new_ids_; // organizations and person rows' posts this load will create
  std::size_t manager_col_ = columns::absent;
};

std::string read_text(const std::filesystem::path& file, const load_options& limits) {
  std::error_code ec;
  if (const auto size = std::filesystem::file_size(file, ec); !ec)
    check_size(size, limits, file.string(), "the file"); // before a byte is read
  return read_file(file, limits.max_file_size);
}

// Runs a load; a shortage of memory anywhere in it is the machine's, not the file's, and never a
// shorter model: one resource_error naming the source.
template <class Load> auto memory_checked(std::string_view source, Load&& load) -> decltype(load()) {
  try {
    return load();
  } catch (const std::bad_alloc&) {
    throw resource_error(std::string(source), "out of memory while loading " + std::string(source));
  }
}

} // namespace

csv_mapping csv_mapping::organogram() {
  csv_mapping m;
  m.layout = csv_layout::post_rows;
  m.id = "Post Unique Reference";
  m.name = "Name";
  m.manager_id = "Reports to Senior Post";
  m.discipline = "Professional/Occupational Group";
  m.organization = "Unit";
  m.post = "Job Title";
  m.start_date = m.end_date = "";
  m.top_markers = {"XX"};
  m.vacant_names = {"N/D", "Vacant", "Vacant post", "N/A"};
  m.undisclosed = {"N/D", "N/A"};
  m.organization_is_name = true;
  m.organization_id_prefix = "unit:";
  m.organization_classification = "unit";
  m.job_shares = true;
  return m;
}

csv_mapping csv_mapping::organogram_junior() {
  csv_mapping m = organogram();
  m.id = "";
  m.name = "";
  m.manager_id = "Reporting Senior Post";
  m.post = "Generic Job Title";
  m.job_shares = false;
  return m;
}

std::optional<csv_mapping> detect_csv_mapping(std::string_view header, std::string_view source_name) {
  record_reader reader(header, ',', std::string(source_name));
  record first;
  try {
    if (!reader.next(first, max_columns, false))
      return std::nullopt;
  } catch (const parse_error&) {
    // A header wider than any mapping can read is refused with that reason, not passed off as one
    // that no shipped mapping fits; anything else malformed is simply not a header orgraph knows.
    if (reader.fields_counted() > max_columns)
      throw;
    return std::nullopt;
  }
  const auto has = [&](std::string_view name) {
    return std::any_of(first.begin(), first.end(),
                       [&](const field& f) { return same_ignoring_case(trimmed(f.text), name); });
  };
  if (has("Post Unique Reference") && has("Reports to Senior Post"))
    return csv_mapping::organogram();
  if (has("Reporting Senior Post") && has("Generic Job Title"))
    return csv_mapping::organogram_junior();
  if (has("person_id"))
    return csv_mapping{};
  return std::nullopt;
}

void parse_csv_into(model& m, std::string_view text, const csv_mapping& mapping, const load_options& options,
                    std::string_view source_name) {
  memory_checked(source_name, [&] {
    model work = m;
    tally added;
    importer(work, mapping, std::string(source_name), options, added).run(text);
    m = std::move(work);
  });
}

void parse_csv_into(model& m, std::string_view text, const csv_mapping& mapping, std::string_view source_name) {
  parse_csv_into(m, text, mapping, load_options{}, source_name);
}

model parse_csv(std::string_view text, const csv_mapping& mapping, const load_options& options,
                std::string_view source_name) {
  return memory_checked(source_name, [&] {
    model m;
    tally added;
    importer(m, mapping, std::string(source_name), options, added).run(text);
    return m;
  });
}

model parse_csv(std::string_view text, const csv_mapping& mapping, std::string_view source_name) {
  return parse_csv(text, mapping, load_options{}, source_name);
}

void load_csv_into(model& m, const std::filesystem::path& file, const csv_mapping& mapping,
                   const load_options& options) {
  const std::string text = memory_checked(file.string(), [&] { return read_text(file, options); });
  parse_csv_into(m, text, mapping, options, file.string());
}

model load_csv(const std::filesystem::path& file, const csv_mapping& mapping, const load_options& options) {
  const std::string text = memory_checked(file.string(), [&] { return read_text(file, options); });
  return parse_csv(text, mapping, options, file.string());
}

model load_csv(const std::vector<std::filesystem::path>& files, const load_options& options) {
  model m;
  tally added; // the limits are on the whole load, all files together
  for (const auto& file : files) {
    memory_checked(file.string(), [&] {
      const std::string text = read_text(file, options);
      const auto mapping = detect_csv_mapping(text, file.string());
      if (!mapping)
        throw parse_error(file.string(), 1, 0,
                          "no shipped CSV mapping fits this header row (expected orgraph's person_id columns or a "
                          "UK government organogram)");
      importer(m, *mapping, file.string(), options, added).run(text);
    });
  }
  return m;
}

} // namespace orgraph
