#pragma once
// validate()'s findings by docs/concepts.md ("Validation") and docs/governance.md ("Validation codes"),
// as (code, severity, ids): the messages are for people and are not compared.

#include <orgraph/analysis/validate.hpp>

#include "governance.hpp"
#include "line_management.hpp"
#include "text.hpp"
#include "time_rules.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace orgraph_reference {

using orgraph::severity;

struct finding {
  std::string code;
  orgraph::severity level = severity::error;
  std::vector<std::string> ids;

  friend bool operator<(const finding& a, const finding& b) {
    if (a.code != b.code)
      return a.code < b.code;
    if (a.level != b.level)
      return a.level < b.level;
    return a.ids < b.ids;
  }
  friend bool operator==(const finding& a, const finding& b) {
    return a.code == b.code && a.level == b.level && a.ids == b.ids;
  }
};

/// A cycle's ids start anywhere on the cycle: rotate them to start at the smallest, so cycles compare.
inline std::vector<std::string> rotated_to_smallest(std::vector<std::string> ids) {
  if (!ids.empty())
    std::rotate(ids.begin(), std::min_element(ids.begin(), ids.end()), ids.end());
  return ids;
}

/// Staff: a discipline, or line-managed at some time (directly, or through a post they ever held).
inline bool is_staff(const model& m, vertex p) {
  if (!m[p].disciplines.empty())
    return true;
  const auto ever_managed = [&](vertex x) {
    for (relation_id r : m.relations(relation_type::manages))
      if (m[r].to == x)
        return true;
    return false;
  };
  if (ever_managed(p))
    return true;
  for (relation_id h : m.relations(relation_type::holds))
    if (m[h].from == p && ever_managed(m[h].to))
      return true;
  return false;
}

inline std::vector<finding> line_management_findings(const model& m, date on) {
  std::vector<finding> out;
  const auto id = [&](vertex v) { return std::string(m[v].id); };
  std::vector<vertex> next(m.node_count(), no_vertex);
  std::map<vertex, std::vector<std::string>> left_vacant;
  for (vertex x = 0; x < m.node_count(); ++x) {
    const auto kind = m[x].kind;
    if (kind != node_kind::person && kind != node_kind::post)
      continue;
    const auto r = orgraph_reference::resolve(m, x, relation_type::manages, on);
    if (!r.answer) {
      if (kind == node_kind::person && orgraph_reference::exists(m, x, on) && orgraph_reference::is_staff(m, x) &&
          orgraph_reference::direct_reports(m, x, on).empty())
        out.push_back({"no_manager", severity::warning, {id(x)}});
      continue;
    }
    const auto& a = *r.answer;
    if (a.ambiguous) {
      // x, then each candidate of the best rank once, in candidate order (x too, if it manages itself).
      std::vector<std::string> ids{id(x)};
      std::vector<vertex> sources;
      for (const auto& c : orgraph_reference::best_candidates(m, x, relation_type::manages, on))
        if (!orgraph_reference::contains(sources, c.source)) {
          sources.push_back(c.source);
          ids.push_back(id(c.source));
        }
      out.push_back({"ambiguous_manager", severity::error, ids});
    }
    for (vertex p : a.vacant_posts)
      left_vacant[p].push_back(id(x));
    if (!a.manager)
      continue;
    if (*a.manager == x || a.post == x) {
      out.push_back({"self_management", severity::error, {id(x)}});
      continue;
    }
    if (kind == node_kind::person)
      next[x] = *a.manager;
    std::vector<std::string> boss;
    for (auto d : m[*a.manager].disciplines)
      boss.emplace_back(d);
    if (a.post != no_vertex)
      for (auto d : m[a.post].disciplines)
        boss.emplace_back(d);
    bool shared = false;
    for (auto d : m[x].disciplines)
      shared = shared || orgraph_reference::contains(boss, std::string(d));
    if (!m[x].disciplines.empty() && !boss.empty() && !shared)
      out.push_back({"outside_discipline", severity::warning, {id(x), id(*a.manager)}});
  }
  for (const auto& [post, affected] : left_vacant) {
    std::vector<std::string> ids{id(post)};
    ids.insert(ids.end(), affected.begin(), affected.end());
    out.push_back({"vacant_manager_post", severity::warning, ids});
  }
  // A cycle of the manager function, found once from each of its persons: keep one copy of each.
  std::vector<std::vector<std::string>> cycles;
  for (vertex start = 0; start < m.node_count(); ++start) {
    std::vector<vertex> walk;
    for (vertex v = start; v != no_vertex && !orgraph_reference::contains(walk, v); v = next[v])
      walk.push_back(v);
    const vertex end = next[walk.back()];
    if (end != start)
      continue; // start is not on a cycle
    std::vector<std::string> ids;
    for (vertex v : walk)
      ids.push_back(id(v));
    ids = orgraph_reference::rotated_to_smallest(ids);
    if (!orgraph_reference::contains(cycles, ids))
      cycles.push_back(ids);
  }
  for (const auto& c : cycles)
    out.push_back({"management_cycle", severity::error, c});
  return out;
}

inline bool is_board(const model& m, vertex b) { return orgraph_reference::icontains(m[b].classification, "board"); }

inline std::vector<finding> governance_findings(const model& m, date on, const orgraph::validation_options& options) {
  std::vector<finding> out;
  const auto id = [&](vertex v) { return std::string(m[v].id); };
  for (relation_type type :
       {relation_type::reports_to, relation_type::recommends_to, relation_type::holds, relation_type::member_of})
    for (relation_id r : m.relations(type)) {
      const auto rel = m[r];
      const vertex body = type == relation_type::holds ? rel.organization : rel.to;
      if (body == no_vertex)
        continue;
      // Only dates given on both sides can disagree: an open or unknown end follows the body (rule 4).
      if (type == relation_type::member_of || type == relation_type::holds) {
        const auto& life = m[body].lifetime;
        const bool early = rel.when.start() && life.start() && rel.when.first_day() < life.first_day();
        const bool late = rel.when.end() && life.end() && rel.when.last_day() > life.last_day();
        if (early || late) {
          std::vector<std::string> ids{id(body), id(rel.from)};
          if (!rel.id.empty())
            ids.emplace_back(rel.id);
          out.push_back({"membership_outside_lifetime", severity::error, ids});
        }
      }
      if (!orgraph_reference::in_force(m, r, on))
        continue;
      const vertex now = orgraph_reference::successor(m, body, on);
      if (now == body)
        continue;
      std::vector<std::string> ids{id(rel.from), id(body), id(now)};
      if (!rel.id.empty())
        ids.emplace_back(rel.id);
      out.push_back({"relation_to_replaced_body", severity::warning, ids});
    }
  for (vertex b : orgraph_reference::active_bodies(m, on)) {
    if (!orgraph_reference::is_board(m, b) && !orgraph_reference::icontains(m[b].classification, "partnership"))
      continue;
    const std::size_t size = orgraph_reference::membership_size(m, b, on);
    if (orgraph_reference::is_board(m, b) && size > options.max_board_size)
      out.push_back({"board_too_large", severity::warning, {id(b)}});
    if (size == 0)
      continue;
    const auto c = orgraph_reference::chair(m, b, on);
    if (c && c->person)
      continue;
    std::vector<std::string> ids{id(b)};
    if (c)
      ids.push_back(id(c->post));
    out.push_back({"no_chair", severity::warning, ids});
  }
  return out;
}

/// Every finding, sorted so that two lists compare as multisets.
inline std::vector<finding> validate(const model& m, date on, const orgraph::validation_options& options = {}) {
  auto out = orgraph_reference::line_management_findings(m, on);
  const auto more = orgraph_reference::governance_findings(m, on, options);
  out.insert(out.end(), more.begin(), more.end());
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace orgraph_reference
