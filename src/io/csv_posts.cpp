// CSV import of post rows: UK government organograms, senior and junior (docs/persistence.md).

#include "csv_import.hpp"

#include <unordered_map>

namespace orgraph::detail::csv {

void importer::post_rows(record_reader& reader, record_reader& again, const columns& c) {
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

} // namespace orgraph::detail::csv
