#include <orgraph/analysis/validate.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/query/line_management.hpp>

#include "../snapshot/state.hpp"
#include "checks.hpp"

#include <algorithm>
#include <map>

namespace orgraph {

bool validation_report::has(std::string_view code) const noexcept {
  const auto match = [&](const finding& f) { return f.code == code; };
  return std::any_of(errors.begin(), errors.end(), match) || std::any_of(warnings.begin(), warnings.end(), match);
}

namespace {

std::string quoted(const model& m, vertex v) {
  const node_view n = m[v];
  return "'" + std::string(n.id) + "'" + (n.name.empty() || n.name == n.id ? "" : " (" + std::string(n.name) + ")");
}

bool was_ever_managed(const model& m, vertex v) { return !m.in_relations(v, relation_type::manages).empty(); }

// Staff are those line management applies to: persons with a professional discipline, or who are
// (or once were) line-managed directly or through a post. Legislators in a Popolo file are not staff.
bool is_staff(const model& m, vertex p) {
  if (!m[p].disciplines.empty() || was_ever_managed(m, p))
    return true;
  for (relation_id h : m.out_relations(p, relation_type::holds))
    if (was_ever_managed(m, m.target(h)))
      return true;
  return false;
}

bool share_a_discipline(const discipline_list& a, const std::vector<std::string_view>& b) {
  return std::any_of(a.begin(), a.end(),
                     [&](std::string_view d) { return std::find(b.begin(), b.end(), d) != b.end(); });
}

} // namespace

validation_report validate(const snapshot& s, const validation_options& options) {
  validation_report report;
  detail::check_line_management(s, report);
  detail::check_governance(s, options, report);
  return report;
}

void detail::check_line_management(const snapshot& s, validation_report& report) {
  const model& m = s.model();
  const date on = s.on();
  const std::size_t n = m.node_count();
  (void)s.line(); // every answer is read below: resolve them all once
  const auto error = [&](std::string code, std::vector<std::string> ids, std::string message) {
    report.errors.push_back({std::move(code), severity::error, std::move(ids), std::move(message)});
  };
  const auto warning = [&](std::string code, std::vector<std::string> ids, std::string message) {
    report.warnings.push_back({std::move(code), severity::warning, std::move(ids), std::move(message)});
  };

  // The effective manager of every person, for the cycle search below.
  std::vector<vertex> next(n, no_vertex);
  std::map<vertex, std::vector<vertex>> left_vacant; // vacant post -> those it leaves without its holder

  for (vertex x = 0; x < n; ++x) {
    const node_view nx = m[x];
    if (nx.kind != node_kind::person && nx.kind != node_kind::post)
      continue;
    const auto answer = line_manager(s, x);
    if (!answer) {
      if (nx.kind == node_kind::person && s.exists(x) && is_staff(m, x) && direct_reports(s, x).empty())
        warning("no_manager", {std::string(nx.id)},
                "the person " + quoted(m, x) + " has no line manager on " + on.to_string() + " and manages nobody");
      continue;
    }
    if (answer->ambiguous) {
      std::vector<std::string> ids{std::string(nx.id)};
      std::string names;
      std::vector<vertex> sources;
      for (const auto& c : detail::best_candidates(s, x, relation_type::manages)) {
        if (std::find(sources.begin(), sources.end(), c.source) != sources.end())
          continue; // one candidate may reach x by two relations: name it once
        sources.push_back(c.source);
        ids.push_back(std::string(m[c.source].id));
        names += (names.empty() ? "" : ", ") + quoted(m, c.source);
      }
      error("ambiguous_manager", std::move(ids),
            quoted(m, x) + " has more than one line manager of the same rank on " + on.to_string() + ": " + names);
    }
    for (vertex p : answer->vacant_posts)
      left_vacant[p].push_back(x);
    if (!answer->manager)
      continue;
    const vertex boss = *answer->manager;
    if (boss == x || answer->post == x) {
      error("self_management", {std::string(nx.id)}, quoted(m, x) + " is their own line manager on " + on.to_string());
      continue;
    }
    if (nx.kind == node_kind::person)
      next[x] = boss;
    std::vector<std::string_view> boss_disciplines(m[boss].disciplines.begin(), m[boss].disciplines.end());
    if (answer->post != no_vertex)
      boss_disciplines.insert(boss_disciplines.end(), m[answer->post].disciplines.begin(),
                              m[answer->post].disciplines.end());
    if (!nx.disciplines.empty() && !boss_disciplines.empty() && !share_a_discipline(nx.disciplines, boss_disciplines))
      warning("outside_discipline", {std::string(nx.id), std::string(m[boss].id)},
              quoted(m, x) + " is line-managed by " + quoted(m, boss) +
                  ", who shares none of their professional disciplines");
  }

  for (const auto& [post, affected] : left_vacant) {
    std::vector<std::string> ids{std::string(m[post].id)};
    for (vertex a : affected)
      ids.push_back(std::string(m[a].id));
    warning("vacant_manager_post", std::move(ids),
            "the managing post " + quoted(m, post) + " is vacant on " + on.to_string() + "; " +
                std::to_string(affected.size()) + " report(s) escalate past it");
  }

  // Cycles in the manager function: walk from each person, colouring as we go.
  enum : std::uint8_t { unseen, on_path, done };
  std::vector<std::uint8_t> state(n, unseen);
  for (vertex start = 0; start < n; ++start) {
    if (state[start] != unseen || next[start] == no_vertex)
      continue;
    std::vector<vertex> path;
    vertex v = start;
    while (v != no_vertex && state[v] == unseen) {
      state[v] = on_path;
      path.push_back(v);
      v = next[v];
    }
    if (v != no_vertex && state[v] == on_path) {
      const auto from = std::find(path.begin(), path.end(), v);
      std::vector<std::string> ids;
      std::string text;
      for (auto it = from; it != path.end(); ++it) {
        ids.push_back(std::string(m[*it].id));
        text += std::string(m[*it].id) + " -> ";
      }
      text += std::string(m[v].id);
      error("management_cycle", std::move(ids),
            "line management goes round in a cycle on " + on.to_string() + ": " + text);
    }
    for (vertex p : path)
      state[p] = done;
  }
}

} // namespace orgraph
