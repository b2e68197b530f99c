// CSV import: the API, and person rows (HR exports); the reader is in csv_reader.hpp, post rows in csv_posts.cpp.
//
// Reading happens in two passes so that a file with any error loads nothing: read the records one at
// a time, checking every row and collecting what it says (and counting what it will add against
// load_options), then build the nodes and relations on a copy of the model, reading again the rows
// that are needed, and the copy replaces the original only when all went well.

#include <orgraph/error.hpp>
#include <orgraph/io/csv.hpp>
#include <orgraph/io/file.hpp>

#include "csv_import.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace orgraph {

namespace detail::csv {

void importer::person_rows(record_reader& reader, record_reader& again, const columns& c) {
  manager_col_ = c.manager;
  struct person_info {
    std::string id, name;
    std::vector<std::string> disciplines;
    std::size_t line = 0;
  };
  struct row_info {
    record_reader::position at;
    std::string id, manager, post;
    period when;
  };
  // In order of first appearance; a deque, whose elements never move, so that `seen` can key by views
  // of the ids it holds rather than by copies.
  std::deque<person_info> persons;
  std::unordered_map<std::string_view, std::size_t> seen;
  std::vector<row_info> rows;
  // A person's disciplines are a handful, searched in their list; one with many (a hostile file) gets a
  // set, so that the rows about them stay linear.
  std::unordered_map<std::size_t, std::unordered_set<std::string>> many_disciplines; // by index in persons
  const auto add_discipline = [&](std::size_t who, std::string d) {
    std::vector<std::string>& list = persons[who].disciplines;
    if (list.size() < 8) {
      if (std::find(list.begin(), list.end(), d) == list.end())
        list.push_back(std::move(d));
      return;
    }
    std::unordered_set<std::string>& set = many_disciplines[who];
    if (set.empty())
      set.insert(list.begin(), list.end());
    if (set.insert(d).second)
      list.push_back(std::move(d));
  };
  record rec;
  // Check every row and gather each person's name and disciplines over all their rows. Every check
  // comes before the row changes anything, so a lenient load can leave the row out cleanly.
  for (record_reader::position at; next_row(reader, rec, c.headers.size(), at);) {
    const row_reader row(rec, c, file_);
    guarded(row.line(), [&] {
      row_info info{at, row.value(c.id), row.value(c.manager), row.value(c.post), row.when()};
      if (info.id.empty())
        row.fail(c.id, "a person id is required");
      if (info.manager == info.id)
        row.fail(c.manager, "'" + info.id + "' cannot be their own manager");
      const std::string name = row.value(c.name);
      const auto known = seen.find(info.id);
      if (known != seen.end()) {
        const person_info& p = persons[known->second];
        if (!name.empty() && !p.name.empty() && name != p.name)
          row.fail(c.name, "person '" + info.id + "' is named '" + p.name + "' on line " + std::to_string(p.line) +
                               " and '" + name + "' here");
      }
      const bool fresh = known == seen.end();
      const bool team = !row.value(c.organization).empty();
      const bool new_post = !info.post.empty() && !m_.find(info.id + "/" + info.post) &&
                            new_ids_.insert(info.id + "/" + info.post).second;
      const std::size_t nodes =
          (fresh && !m_.find(info.id) ? 1 : 0) + (new_organization(row, c.organization) ? 1 : 0) + (new_post ? 1 : 0);
      const std::size_t relations = (is_top(info.manager) ? 0 : 1) + (team ? 1 : 0) + (info.post.empty() ? 0 : 1);
      will_add(row, nodes, relations);
      const std::size_t who = fresh ? persons.size() : known->second;
      if (fresh) {
        persons.push_back({info.id, name, {}, row.line()});
        seen.emplace(persons.back().id, who);
      }
      person_info& p = persons[who];
      if (p.name.empty())
        p.name = name;
      for (auto& d : split_disciplines(row.value(c.discipline), mapping_))
        add_discipline(who, std::move(d));
      if (!is_top(info.manager) || team || !info.post.empty()) // a row that adds a relation
        rows.push_back(std::move(info));
    });
  }
  many_disciplines.clear();
  seen.clear();
  std::unordered_set<std::string> left_out; // persons a lenient load could not add
  for (person_info& p : persons) {
    const std::string& id = p.id;
    const bool added = guarded(p.line, [&] {
      if (const auto v = m_.find(id)) {
        if (m_[*v].kind != node_kind::person)
          throw reference_error(id, file_ + ":" + std::to_string(p.line) + ": '" + id + "' is already a " +
                                        std::string(to_string(m_[*v].kind)));
        return; // a person from an earlier file: further rows about them
      }
      m_.add_person(id, std::move(p.name), std::move(p.disciplines));
    });
    if (!added)
      left_out.insert(id);
  }
  for (const row_info& info : rows) {
    if (left_out.count(info.id) != 0)
      continue;
    again.reread(info.at, rec, c.headers.size());
    const row_reader row(rec, c, file_);
    const vertex person = m_.at(info.id);
    if (!is_top(info.manager))
      guarded(
          row.line(),
          [&] {
            const vertex boss = resolve_manager(row, info.manager, node_kind::person);
            m_.add_relation(boss, person, {relation_type::manages, info.when});
          },
          " (the row is loaded without its manager)");
    guarded(
        row.line(),
        [&] {
          const vertex team = organization(row, c.organization);
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
        },
        " (the row is loaded without its organization and post)");
  }
}

} // namespace detail::csv

namespace {

using namespace detail::csv;
using detail::memory_checked;

std::string read_text(const std::filesystem::path& file, const load_options& limits) {
  std::error_code ec;
  if (const auto size = std::filesystem::file_size(file, ec); !ec)
    check_size(size, limits, file.string(), "the file"); // before a byte is read
  return read_file(file, limits.max_file_size);
}

} // namespace

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
