// CSV import of post rows: UK government organograms, senior and junior (docs/persistence.md). A row's
// Name says who holds the post: a person, someone whose name is not disclosed (`N/D`), nobody
// (`Vacant`), or that the post no longer exists (`Eliminated`).

#include "csv_import.hpp"

#include <unordered_map>

namespace orgraph::detail::csv {

namespace {

/// What a row's Name says about the post.
enum class holder_kind : std::uint8_t { named, undisclosed, vacant, eliminated };

holder_kind holder_of(const std::string& name, const csv_mapping& mapping) {
  if (any_of_ignoring_case(mapping.eliminated_names, name))
    return holder_kind::eliminated;
  if (name.empty() || any_of_ignoring_case(mapping.vacant_names, name))
    return holder_kind::vacant;
  if (any_of_ignoring_case(mapping.undisclosed_names, name))
    return holder_kind::undisclosed;
  return holder_kind::named;
}

} // namespace

void importer::post_rows(record_reader& reader, record_reader& again, const columns& c) {
  manager_col_ = c.manager;
  struct post_info {
    record_reader::position at;
    std::size_t line;
    std::string id, manager, label, unit, discipline;
    std::vector<std::string> holders; // names; the undisclosed as mapping.undisclosed_holder
    period when;
  };
  std::vector<post_info> posts;
  std::unordered_map<std::string, std::size_t> by_id;
  std::unordered_map<std::string, std::size_t> generated; // manager → rows so far
  std::unordered_set<std::string> eliminated;             // posts the file says no longer exist
  record rec;
  for (record_reader::position at; next_row(reader, rec, c.headers.size(), at);) {
    const row_reader row(rec, c, file_);
    guarded(row.line(), [&] {
      post_info p{at,
                  row.line(),
                  row.value(c.id),
                  row.value(c.manager),
                  row.value(c.post),
                  row.value(c.organization),
                  row.value(c.discipline),
                  {},
                  row.when()};
      if (c.id == columns::absent) {
        const std::string base = is_top(p.manager) ? "row" : p.manager;
        p.id = base + "/" + std::to_string(++generated[base]);
      } else if (p.id.empty()) {
        row.fail(c.id, "a post id is required");
      }
      if (p.manager == p.id)
        row.fail(c.manager, "post '" + p.id + "' cannot report to itself");
      const std::string name = row.value(c.name);
      const holder_kind kind = holder_of(name, mapping_);
      if (kind == holder_kind::eliminated) { // no post: not counted, not built, named if reported to
        eliminated.insert(p.id);
        return;
      }
      const bool held = kind == holder_kind::named || kind == holder_kind::undisclosed;
      const std::string holder = kind == holder_kind::undisclosed ? mapping_.undisclosed_holder : name;
      const auto found = by_id.find(p.id);
      if (found != by_id.end()) {
        const post_info& first = posts[found->second];
        if (!mapping_.job_shares)
          throw reference_error(p.id, row.where(c.id) + ": duplicate post id '" + p.id + "' (first on line " +
                                          std::to_string(first.line) + ")");
        if (first.manager != p.manager || first.label != p.label || first.unit != p.unit ||
            first.discipline != p.discipline || first.when != p.when)
          throw reference_error(
              p.id, row.where(c.id) + ": post id '" + p.id + "' repeated with different details (first on line " +
                        std::to_string(first.line) + "); a repeated post is a job share only when they agree");
      }
      const bool fresh = found == by_id.end();
      // A new post, its unit if new, a holder and their holds, and the manages to it.
      will_add(row, (fresh ? 1 : 0) + (fresh && new_organization(row, c.organization) ? 1 : 0) + (held ? 1 : 0),
               (held ? 1 : 0) + (fresh && !is_top(p.manager) ? 1 : 0));
      if (!fresh) {
        if (held)
          posts[found->second].holders.push_back(holder);
        return;
      }
      if (held)
        p.holders.push_back(holder);
      by_id.emplace(p.id, posts.size());
      posts.push_back(std::move(p));
    });
  }
  std::vector<vertex> vertices(posts.size(), no_vertex);
  for (std::size_t i = 0; i < posts.size(); ++i) {
    const post_info& p = posts[i];
    again.reread(p.at, rec, c.headers.size());
    const row_reader row(rec, c, file_);
    guarded(p.line, [&] {
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
      const vertex post = vertices[i] = m_.add_node(std::move(n));
      // Holders as `<post>/holder`, `<post>/holder-2`, ...: a job share's holders in file order.
      for (std::size_t h = 0; h < p.holders.size(); ++h) {
        const std::string person_id = p.id + "/holder" + (h == 0 ? std::string() : "-" + std::to_string(h + 1));
        guarded(
            p.line,
            [&] {
              if (m_.find(person_id))
                throw reference_error(person_id, row.where(c.name) + ": id '" + person_id + "' is already taken");
              const vertex holder = m_.add_person(person_id, p.holders[h]);
              relation holds{relation_type::holds, p.when};
              holds.organization = unit;
              m_.add_relation(holder, post, std::move(holds));
            },
            " (the post is loaded without this holder)");
      }
    });
  }
  for (std::size_t i = 0; i < posts.size(); ++i) {
    const post_info& p = posts[i];
    if (is_top(p.manager) || vertices[i] == no_vertex)
      continue;
    again.reread(p.at, rec, c.headers.size());
    const row_reader row(rec, c, file_);
    guarded(
        p.line,
        [&] {
          if (eliminated.count(p.manager) != 0 && !m_.find(p.manager))
            throw reference_error(p.manager, row.where(c.manager) + ": reports to post '" + p.manager +
                                                 "', which the file marks as eliminated");
          m_.add_relation(resolve_manager(row, p.manager, node_kind::post), vertices[i],
                          {relation_type::manages, p.when});
        },
        " (the post is loaded without its manager)");
  }
}

} // namespace orgraph::detail::csv
