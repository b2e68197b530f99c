// CSV import: an RFC 4180 reader and the two row layouts (person rows, post rows).
//
// Reading happens in three steps so that a file with any error loads nothing: split the text into
// records, check every row and collect what it says, then build the nodes and relations on a copy of
// the model, which replaces the original only when all went well.

#include <orgraph/error.hpp>
#include <orgraph/io/csv.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>
#include <utility>

namespace orgraph {

namespace {

struct field {
  std::string text;
  std::size_t line = 0;
  std::size_t column = 0;
};

using record = std::vector<field>;

// RFC 4180, leniently: LF or CRLF (or a lone CR) ends a record, a UTF-8 byte-order mark is skipped,
// blank lines are skipped. Quoted fields may hold separators, doubled quotes and line breaks (a CRLF
// inside quotes is read as LF). A quote inside an unquoted field, text after a closing quote and an
// unterminated quote are errors naming line and column. `limit` stops after that many records.
std::vector<record> split_records(std::string_view text, char separator, const std::string& file,
                                  std::size_t limit = std::numeric_limits<std::size_t>::max()) {
  std::vector<record> out;
  std::size_t pos = 0, line = 1, column = 1;
  if (text.substr(0, 3) == "\xEF\xBB\xBF")
    pos = 3;
  const std::size_t n = text.size();
  while (pos < n && out.size() < limit) {
    record rec;
    bool any_quoted = false;
    for (;;) {
      field f;
      f.line = line;
      f.column = column;
      if (pos < n && text[pos] == '"') {
        any_quoted = true;
        ++pos, ++column;
        for (;;) {
          if (pos >= n)
            throw parse_error(file, f.line, f.column, "unterminated quoted field");
          const char c = text[pos];
          if (c == '"') {
            if (pos + 1 < n && text[pos + 1] == '"') {
              f.text += '"';
              pos += 2, column += 2;
              continue;
            }
            ++pos, ++column;
            break;
          }
          if (c == '\r' && pos + 1 < n && text[pos + 1] == '\n') {
            ++pos;
            continue;
          }
          f.text += c;
          ++pos;
          if (c == '\n' || c == '\r') {
            ++line;
            column = 1;
          } else {
            ++column;
          }
        }
        if (pos < n && text[pos] != separator && text[pos] != '\n' && text[pos] != '\r')
          throw parse_error(file, line, column, "unexpected text after a closing quote (a field is quoted whole)");
      } else {
        const std::size_t start = pos;
        while (pos < n && text[pos] != separator && text[pos] != '\n' && text[pos] != '\r') {
          if (text[pos] == '"')
            throw parse_error(file, line, column + (pos - start),
                              "a quote inside an unquoted field (quote the whole field and double the quote)");
          ++pos;
        }
        f.text.assign(text.substr(start, pos - start));
        column += pos - start;
      }
      rec.push_back(std::move(f));
      if (pos < n && text[pos] == separator) {
        ++pos, ++column;
        continue;
      }
      break;
    }
    if (pos < n && text[pos] == '\r')
      ++pos;
    if (pos < n && text[pos] == '\n')
      ++pos;
    ++line;
    column = 1;
    if (rec.size() == 1 && rec.front().text.empty() && !any_quoted)
      continue; // a blank line
    out.push_back(std::move(rec));
  }
  return out;
}

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
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(mapping.discipline_separator, start);
    if (end == std::string::npos)
      end = text.size();
    std::string d = trimmed(std::string_view(text).substr(start, end - start));
    if (!d.empty() && !any_of_ignoring_case(mapping.undisclosed, d) &&
        std::find(out.begin(), out.end(), d) == out.end())
      out.push_back(std::move(d));
    start = end + 1;
  }
  return out;
}

// Builds on a copy of the model; the caller swaps it in only when everything succeeded.
class importer {
public:
  importer(model& m, const csv_mapping& mapping, std::string file)
      : m_(m), mapping_(mapping), file_(std::move(file)) {}

  void run(std::string_view text) {
    if (const std::size_t bad = invalid_utf8(text); bad != std::string_view::npos) {
      const std::string_view before = text.substr(0, bad);
      const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
      const std::size_t last = before.rfind('\n');
      const std::size_t column = last == std::string_view::npos ? bad + 1 : bad - last;
      throw parse_error(file_, line, column, "invalid UTF-8: the file must be UTF-8 encoded");
    }
    const auto records = split_records(text, mapping_.separator, file_);
    if (records.empty())
      throw parse_error(file_, 1, 0, "no header row: the file is empty");
    const columns c = locate(records.front(), mapping_, file_);
    for (std::size_t i = 1; i < records.size(); ++i)
      if (records[i].size() != c.headers.size())
        throw parse_error(file_, records[i].front().line, 0,
                          "the row has " + std::to_string(records[i].size()) + " fields, the header " +
                              std::to_string(c.headers.size()));
    if (mapping_.layout == csv_layout::person_rows)
      person_rows(records, c);
    else
      post_rows(records, c);
  }

private:
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

  void person_rows(const std::vector<record>& records, const columns& c) {
    manager_col_ = c.manager;
    struct person_info {
      std::string name;
      std::vector<std::string> disciplines;
      std::size_t line = 0;
    };
    struct row_info {
      std::size_t index;
      std::string id, manager, post;
      period when;
    };
    std::vector<std::pair<std::string, person_info>> persons; // in order of first appearance
    std::unordered_map<std::string, std::size_t> seen;
    std::vector<row_info> rows;
    // Check every row and gather each person's name and disciplines over all their rows.
    for (std::size_t i = 1; i < records.size(); ++i) {
      const row_reader row(records[i], c, file_);
      row_info info{i, row.value(c.id), row.value(c.manager), row.value(c.post), row.when()};
      if (info.id.empty())
        row.fail(c.id, "a person id is required");
      if (info.manager == info.id)
        row.fail(c.manager, "'" + info.id + "' cannot be their own manager");
      const std::string name = row.value(c.name);
      auto [it, fresh] = seen.emplace(info.id, persons.size());
      if (fresh)
        persons.push_back({info.id, {name, {}, row.line()}});
      person_info& p = persons[it->second].second;
      if (!fresh && !name.empty() && !p.name.empty() && name != p.name)
        row.fail(c.name, "person '" + info.id + "' is named '" + p.name + "' on line " + std::to_string(p.line) +
                             " and '" + name + "' here");
      if (p.name.empty())
        p.name = name;
      for (auto& d : split_disciplines(row.value(c.discipline), mapping_))
        if (std::find(p.disciplines.begin(), p.disciplines.end(), d) == p.disciplines.end())
          p.disciplines.push_back(std::move(d));
      rows.push_back(std::move(info));
    }
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
      const row_reader row(records[info.index], c, file_);
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

  void post_rows(const std::vector<record>& records, const columns& c) {
    manager_col_ = c.manager;
    struct post_info {
      std::size_t index;
      std::string id, manager, label, unit, discipline;
      std::vector<std::string> holders;
      period when;
    };
    std::vector<post_info> posts;
    std::unordered_map<std::string, std::size_t> by_id;
    std::unordered_map<std::string, std::size_t> generated; // manager → rows so far
    for (std::size_t i = 1; i < records.size(); ++i) {
      const row_reader row(records[i], c, file_);
      post_info p{i, row.value(c.id), row.value(c.manager), row.value(c.post), row.value(c.organization),
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
      if (!fresh) {
        post_info& first = posts[it->second];
        const std::size_t first_line = records[first.index].front().line;
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
      const row_reader row(records[p.index], c, file_);
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
      const row_reader row(records[p.index], c, file_);
      m_.add_relation(resolve_manager(row, p.manager, node_kind::post), vertices[i], {relation_type::manages, p.when});
    }
  }

  model& m_;
  const csv_mapping& mapping_;
  std::string file_;
  std::size_t manager_col_ = columns::absent;
};

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw file_error(file.string(), "cannot open for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad())
    throw file_error(file.string(), "cannot read");
  return std::move(buffer).str();
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

std::optional<csv_mapping> detect_csv_mapping(std::string_view header) {
  std::vector<record> first;
  try {
    first = split_records(header, ',', "<header>", 1);
  } catch (const parse_error&) {
    return std::nullopt;
  }
  if (first.empty())
    return std::nullopt;
  const auto has = [&](std::string_view name) {
    return std::any_of(first.front().begin(), first.front().end(),
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

void parse_csv_into(model& m, std::string_view text, const csv_mapping& mapping, std::string_view source_name) {
  model work = m;
  importer(work, mapping, std::string(source_name)).run(text);
  m = std::move(work);
}

model parse_csv(std::string_view text, const csv_mapping& mapping, std::string_view source_name) {
  model m;
  importer(m, mapping, std::string(source_name)).run(text);
  return m;
}

void load_csv_into(model& m, const std::filesystem::path& file, const csv_mapping& mapping) {
  parse_csv_into(m, read_text(file), mapping, file.string());
}

model load_csv(const std::filesystem::path& file, const csv_mapping& mapping) {
  return parse_csv(read_text(file), mapping, file.string());
}

model load_csv(const std::vector<std::filesystem::path>& files) {
  model m;
  for (const auto& file : files) {
    const std::string text = read_text(file);
    const auto mapping = detect_csv_mapping(text);
    if (!mapping)
      throw parse_error(file.string(), 1, 0,
                        "no shipped CSV mapping fits this header row (expected orgraph's person_id columns or a "
                        "UK government organogram)");
    importer(m, *mapping, file.string()).run(text);
  }
  return m;
}

} // namespace orgraph
