#include <orgraph/model/model.hpp>
#include <orgraph/query/governance.hpp>

#include "../query/text.hpp"
#include "checks.hpp"

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

void check_governance(const snapshot& s, const validation_options& options, validation_report& report) {
  const model& m = s.model();
  const date on = s.on();
  const auto error = [&](std::string code, std::vector<std::string> ids, std::string message) {
    report.errors.push_back({std::move(code), severity::error, std::move(ids), std::move(message)});
  };
  const auto warning = [&](std::string code, std::vector<std::string> ids, std::string message) {
    report.warnings.push_back({std::move(code), severity::warning, std::move(ids), std::move(message)});
  };

  for (relation_id id : m.relations()) {
    const relation_view r = m[id];
    const vertex from = r.from;
    // The body a relation is about: member_of's and reports_to's target; for holds, the body it names.
    vertex body = no_vertex;
    if (r.type == relation_type::member_of || r.type == relation_type::reports_to ||
        r.type == relation_type::recommends_to)
      body = r.to;
    else if (r.type == relation_type::holds)
      body = r.organization;
    if (body == no_vertex)
      continue;

    // membership_outside_lifetime: the whole membership, not just the date asked about, and only its
    // given dates: an undated start or end is normal data, since a membership starts and ends with its
    // body (time rule 4).
    if (r.type == relation_type::member_of || r.type == relation_type::holds) {
      const period& life = m[body].lifetime;
      const bool early = r.when.start() && life.start() && r.when.first_day() < life.first_day();
      const bool late = r.when.end() && life.end() && r.when.last_day() > life.last_day();
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
    if (!s.in_force(id))
      continue;
    const vertex now = s.successor(body);
    if (now == body)
      continue;
    std::vector<std::string> ids{std::string(m[from].id), std::string(m[body].id), std::string(m[now].id)};
    if (!r.id.empty())
      ids.emplace_back(r.id);
    const std::string what =
        r.type == relation_type::holds ? std::string("holds a post in") : std::string(to_string(r.type));
    warning("relation_to_replaced_body", std::move(ids),
            quoted(m, from) + " " + what + " " + quoted(m, body) + " on " + on.to_string() + ", but " +
                quoted(m, body) + " was replaced by " + quoted(m, now) + "; point the relation to " + quoted(m, now) +
                " instead");
  }

  (void)s.seats(); // every body's members are read below
  for (vertex b : active_bodies(s)) {
    const node_view n = m[b];
    if (!needs_chair(n))
      continue;
    const std::size_t size = membership_size(s, b);
    if (is_board(n) && size > options.max_board_size)
      warning("board_too_large", {std::string(n.id)},
              "the board " + quoted(m, b) + " has " + std::to_string(size) + " members on " + on.to_string() +
                  ", more than the limit of " + std::to_string(options.max_board_size));
    if (size == 0)
      continue;
    const auto c = chair(s, b);
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
