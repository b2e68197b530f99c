#include "checks.hpp"
#include <orgraph/model/model.hpp>
#include <orgraph/query/governance.hpp>

#include "../query/governance_detail.hpp"

#include <string>
#include <utility>

namespace orgraph::detail {

namespace {

std::string quoted(const model& m, vertex v) {
  const node_view n = m[v];
  return "'" + std::string(n.id) + "'" + (n.name.empty() || n.name == n.id ? "" : " (" + std::string(n.name) + ")");
}


std::string span(const period& p) {
  return (p.start() ? p.first_day().to_string() : std::string("no start")) + " to " +
         (p.end() ? p.last_day().to_string() : std::string("no end"));
}

bool is_board(const node_view& n) { return icontains(n.classification, "board"); }
bool needs_chair(const node_view& n) { return is_board(n) || icontains(n.classification, "partnership"); }

} // namespace

void check_governance(const model& m, date on, const validation_options& options, validation_report& report) {
  const auto& g = m.graph();
  const auto error = [&](std::string code, std::vector<std::string> ids, std::string message) {
    report.errors.push_back({std::move(code), severity::error, std::move(ids), std::move(message)});
  };
  const auto warning = [&](std::string code, std::vector<std::string> ids, std::string message) {
    report.warnings.push_back({std::move(code), severity::warning, std::move(ids), std::move(message)});
  };

  for (auto [it, end] = edges(g); it != end; ++it) {
    const relation_view r = g[*it];
    const vertex from = source(*it, g);
    // The body a relation is about: member_of's and reports_to's target; for holds, the body it names.
    vertex body = no_vertex;
    if (r.type == relation_type::member_of || r.type == relation_type::reports_to ||
        r.type == relation_type::recommends_to)
      body = target(*it, g);
    else if (r.type == relation_type::holds)
      body = r.organization;
    if (body == no_vertex)
      continue;

    // membership_outside_lifetime: the whole membership, not just the date asked about. An unknown
    // start is not a finding; an open end is, once the body has a dissolution date.
    if (r.type == relation_type::member_of || r.type == relation_type::holds) {
      const period& life = m[body].lifetime;
      const bool early = r.when.start() && life.start() && r.when.first_day() < life.first_day();
      const bool late = life.end() && r.when.last_day() > life.last_day();
      if (early || late) {
        std::vector<std::string> ids{std::string(m[body].id), std::string(m[from].id)};
        if (!r.id.empty())
          ids.emplace_back(r.id);
        error("membership_outside_lifetime", std::move(ids),
              "the membership of " + quoted(m, from) + " in " + quoted(m, body) + " runs from " + span(r.when) +
                  ", outside the body's lifetime (" + span(life) + ")");
      }
    }

    // relation_to_replaced_body: in force on the date, naming a body replaced by then.
    if (!r.in_force(on))
      continue;
    const auto now = successor_on(m, body, on);
    if (!now.resolved())
      continue;
    std::vector<std::string> ids{std::string(m[from].id), std::string(m[body].id), std::string(m[now.body].id)};
    if (!r.id.empty())
      ids.emplace_back(r.id);
    const std::string what = r.type == relation_type::holds ? std::string("holds a post in")
                                                            : std::string(to_string(r.type));
    warning("relation_to_replaced_body", std::move(ids),
            quoted(m, from) + " " + what + " " + quoted(m, body) + " on " + on.to_string() + ", but " +
                quoted(m, body) + " was replaced by " + quoted(m, now.body) + "; point the relation to " +
                quoted(m, now.body) + " instead");
  }

  for (vertex b : active_bodies(m, on)) {
    const node_view n = m[b];
    if (!needs_chair(n))
      continue;
    const std::size_t size = membership_size(m, b, on);
    if (is_board(n) && size > options.max_board_size)
      warning("board_too_large", {std::string(n.id)},
              "the board " + quoted(m, b) + " has " + std::to_string(size) + " members on " + on.to_string() +
                  ", more than the limit of " + std::to_string(options.max_board_size));
    if (size == 0)
      continue;
    const auto c = chair(m, b, on);
    if (c && c->person)
      continue;
    std::vector<std::string> ids{std::string(n.id)};
    std::string why = "has " + std::to_string(size) + " member(s) but no chair on " + on.to_string();
    if (c) {
      ids.push_back(std::string(m[c->post].id));
      why += ": the chair's post " + quoted(m, c->post) + " is vacant";
    }
    warning("no_chair", std::move(ids), "the " + std::string(n.classification) + " " + quoted(m, b) + " " + why);
  }
}

} // namespace orgraph::detail
