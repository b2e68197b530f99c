// The JSON builder's later steps: memberships, relations and decisions, which refer to the nodes and
// terms the earlier steps (json_build.cpp) made.

#include "json_build.hpp"

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace orgraph::detail::json_reading {

// The person a membership names. A file without a `persons` array (a memberships export such as
// parlparse's, whose people are published apart) names persons by id only: each id that names no node
// becomes a person with that id and no name. Where the file lists persons, an unknown id is an error.
vertex builder::person_of(const record& r, std::uint32_t handle) {
  if (vertex_of_[handle] != none32 || doc_[section::persons].st != section_data::state::missing)
    return resolve(handle, r, field::person_id);
  try {
    return vertex_of_[handle] = static_cast<std::uint32_t>(model_.add_person(std::string(doc_.id_text(handle)), ""));
  } catch (const model_error& e) {
    fail(r, field::person_id, e.what());
  }
}

void builder::add(vertex from, vertex to, const relation& rel, const record& r) {
  try {
    model_.add_relation(from, to, rel);
  } catch (const model_error& e) {
    fail(r, e.what());
  }
}

void builder::add_memberships() {
  relation rel;
  each(section::memberships, [&](const record& r) {
    if (!r.is_object())
      fail(r, "must be an object");
    const std::uint32_t person_handle = ref(r, field::person_id);
    const auto post = optional_ref(r, field::post_id);
    const auto body = optional_ref(r, field::organization_id);
    const auto person = person_handle == absent ? std::nullopt : std::optional<vertex>(person_of(r, person_handle));
    rel.when = period_of(r, field::start_date, field::end_date);
    rel.role.assign(symbol(r, field::role));
    rel.on_behalf_of = optional_ref(r, field::on_behalf_of_id).value_or(no_vertex);
    rel.area = optional_ref(r, field::area_id).value_or(no_vertex);
    rel.arrangement = arrangement_of(r);
    rel.id.assign(text(r, field::id));
    rel.term = no_term;
    if (const std::uint32_t t = ref(r, field::legislative_period_id); t != absent) {
      const auto it = term_of_.find(t);
      if (it == term_of_.end()) {
        const std::string id(doc_.id_text(t));
        throw reference_error(id, file_ + ": " + path(r, field::legislative_period_id) +
                                      ": unknown legislative period '" + id +
                                      "' (no entry of events with classification \"legislative period\" has that id)");
      }
      rel.term = it->second;
    }
    if (person && post) { // a person holding a post, as Popolo has it
      rel.type = relation_type::holds;
      rel.organization = body.value_or(no_vertex);
      add(*person, *post, rel, r);
    } else if ((person || post) && body) {
      rel.type = relation_type::member_of;
      rel.organization = no_vertex;
      add(person ? *person : *post, *body, rel, r);
    } else {
      fail(r, "a membership needs person_id with organization_id or post_id, or post_id with organization_id");
    }
  });
}

void builder::add_relations() {
  relation rel;
  each(section::relations, [&](const record& r) {
    if (!r.is_object())
      fail(r, "must be an object");
    const std::string_view type = symbol(r, field::type);
    if (type.empty())
      fail(r, "'type' is required");
    const auto t = relation_type_from_string(type);
    if (!t)
      fail(r, field::type, "unknown relation type '" + std::string(type) + "'");
    if (*t == relation_type::holds || *t == relation_type::member_of)
      fail(r, field::type, "'" + std::string(type) + "' is written as a membership, not a relation");
    const vertex from = resolve(required_ref(r, field::from), r, field::from);
    const vertex to = resolve(required_ref(r, field::to), r, field::to);
    rel.type = *t;
    rel.when = period_of(r, field::start_date, field::end_date);
    rel.arrangement = arrangement_of(r);
    rel.status.assign(symbol(r, field::status));
    rel.id.assign(text(r, field::id));
    add(from, to, rel, r);
  });
}

void builder::add_decisions() {
  if (doc_[section::decisions].st == section_data::state::wrong_type)
    fail("decisions", "must be an array");
  struct pending {
    decision d;
    std::string follows;
    std::size_t index;
  };
  std::vector<pending> todo;
  std::unordered_set<std::string> declared;
  std::optional<std::unordered_set<std::string_view>> anywhere; // the ids written as plain strings
  each(section::decisions, [&](const record& r) {
    if (!r.is_object())
      fail(r, "must be an object");
    pending p;
    p.index = r.index;
    p.d.id = text(r, field::id);
    if (p.d.id.empty())
      fail(r, "'id' is required");
    if (declared.count(p.d.id) != 0)
      throw reference_error(p.d.id, file_ + ": " + path(r) + ": duplicate decision id '" + p.d.id + "'");
    p.d.subject = text(r, field::subject);
    p.d.organization = resolve(required_ref(r, field::organization_id), r, field::organization_id);
    const std::string_view when = text(r, field::date);
    if (when.empty())
      fail(r, "'date' is required");
    try {
      p.d.date = parse_date(when);
    } catch (const date_error& e) {
      fail(r, field::date, e.what());
    }
    const std::string_view result = symbol(r, field::outcome);
    if (result.empty())
      fail(r, "'outcome' is required");
    const auto oc = outcome_from_string(result);
    if (!oc)
      fail(r, field::outcome,
           "unknown outcome '" + std::string(result) +
               "' (expected recommended, approved, decided, noted, deferred or rejected)");
    p.d.outcome = *oc;
    p.d.to = optional_ref(r, field::to_id).value_or(no_vertex);
    p.follows = text(r, field::follows);
    if (!p.follows.empty() && declared.count(p.follows) == 0) {
      if (!anywhere) {
        anywhere.emplace();
        for (std::size_t j = 0; j < count(section::decisions); ++j)
          if (const record o = at(section::decisions, j); o.is_object() && o.first(field::plain_id) == 1)
            anywhere->insert(text(o, field::id));
      }
      if (anywhere->count(p.follows) == 0)
        throw reference_error(p.follows,
                              file_ + ": " + path(r, field::follows) + ": unknown decision id '" + p.follows + "'");
    }
    declared.insert(p.d.id); // once the record is sound, so that a lenient load's leftovers are not declared
    todo.push_back(std::move(p));
  });
  // A decision may follow one written after it: add each once what it follows is in.
  for (bool progress = true; progress && !todo.empty();) {
    progress = false;
    for (auto it = todo.begin(); it != todo.end();) {
      std::optional<decision_index> follows;
      if (!it->follows.empty() && !(follows = model_.find_decision(it->follows))) {
        ++it;
        continue;
      }
      it->d.follows = follows.value_or(no_decision);
      const record r = at(section::decisions, it->index);
      try {
        model_.add_decision(std::move(it->d));
      } catch (const model_error& e) {
        if (!options_.lenient)
          fail(r, e.what());
        skip(r, file_ + ": " + path(r) + ": " + e.what(), "");
      }
      it = todo.erase(it);
      progress = true;
    }
  }
  if (todo.empty())
    return;
  if (!options_.lenient)
    fail(at(section::decisions, todo.front().index),
         "decisions that follow each other in a cycle, starting with '" + todo.front().d.id + "'");
  for (const pending& p : todo) // in a cycle, or following a decision left out
    skip(at(section::decisions, p.index), "follows '" + p.follows + "', which is left out or follows it in a cycle",
         "");
}

} // namespace orgraph::detail::json_reading
