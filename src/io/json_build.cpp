// Builds the model from the records json_reader.cpp collected, in the order and with the checks of the
// DOM reader it replaced, so that every input gives the same model or the same error: nodes (areas,
// organizations, posts, persons), then parents, terms, memberships, relations and decisions, each in
// file order. A lenient load leaves out each record that would have been an error, and says so.

#include "json_build.hpp"

#include "../query/text.hpp"

#include <string>

namespace orgraph::detail::json_reading {

model builder::build() {
  if (doc_.top_not_object)
    fail("", "the top level must be a JSON object");
  check_keys();
  // The arrays in the order the DOM reader checked them (the limits were enforced while streaming).
  for (section s : {section::persons, section::organizations, section::posts, section::areas, section::memberships,
                    section::relations, section::events})
    if (doc_[s].st == section_data::state::wrong_type)
      fail(section_names[static_cast<std::size_t>(s)], "must be an array");
  reserve();
  vertex_of_.assign(doc_.ids.size(), none32);
  add_nodes(section::areas, node_kind::area);
  add_nodes(section::organizations, node_kind::organization);
  add_nodes(section::posts, node_kind::post);
  add_nodes(section::persons, node_kind::person);
  doc_[section::persons].records.clear();
  for (section s : {section::areas, section::organizations, section::posts}) {
    set_parents(s);
    doc_[s].records.clear();
  }
  add_terms();
  doc_[section::events].records.clear();
  add_memberships();
  doc_[section::memberships].records.clear();
  add_relations();
  doc_[section::relations].records.clear();
  add_decisions();
  model_.shrink_to_fit();
  return std::move(model_);
}

// A document with keys, none of them one orgraph or Popolo uses, is some other kind of JSON (a committee
// scrape, an API dump): loading it as an empty model would answer every question with "nothing".
void builder::check_keys() const {
  if (doc_.known_key || doc_.other_keys.empty())
    return; // `{}` is the empty model, as to_json writes it
  std::string found;
  for (const auto& k : doc_.other_keys)
    found += (found.empty() ? "" : ", ") + ("'" + k + "'");
  fail("", "not orgraph or Popolo JSON: expected at least one of the top-level arrays persons, organizations, "
           "posts, areas, events, memberships, relations or decisions, but the keys are " +
               found + (doc_.other_keys.size() == 8 ? ", ..." : ""));
}

void builder::skip(const record& r, const std::string& what, const std::string& consequence) {
  // The strict message reads "file: path: reason" or "file: path.field: reason"; keep the reason.
  std::string_view reason(what);
  const std::string prefix = file_ + ": ";
  if (reason.substr(0, prefix.size()) == prefix)
    reason.remove_prefix(prefix.size());
  const std::string where = path(r);
  if (reason.substr(0, where.size()) == where) {
    reason.remove_prefix(where.size());
    if (!reason.empty() && (reason.front() == '.' || reason.front() == ':'))
      reason.remove_prefix(1);
    while (!reason.empty() && reason.front() == ' ')
      reason.remove_prefix(1);
  }
  if (options_.skipped)
    options_.skipped({file_, where, std::string(reason) + consequence});
}

// Room for every node and every text the model will hold, so that nothing grows step by step.
void builder::reserve() {
  std::size_t nodes = 0, bytes = 0;
  for (section s : {section::areas, section::organizations, section::posts, section::persons}) {
    nodes += count(s);
    const field name = s == section::posts ? field::label : field::name;
    for (std::size_t i = 0; i < count(s); ++i) {
      const record r = at(s, i);
      if (const std::uint32_t id = r.first(field::id); id < not_object)
        bytes += doc_.ids[id].size;
      if (const std::uint32_t size = r.second(name); size < not_object)
        bytes += size;
    }
  }
  for (section s : {section::memberships, section::relations})
    for (std::size_t i = 0; i < count(s); ++i)
      if (const std::uint32_t size = at(s, i).second(field::id); size < not_object)
        bytes += size;
  model_.reserve(nodes, bytes);
}

void builder::add_nodes(section s, node_kind kind) {
  auto& added = added_[static_cast<std::size_t>(s)];
  added.assign(count(s), none32);
  node n;
  n.kind = kind;
  each(s, [&](const record& r) {
    if (!r.is_object())
      fail(r, "must be an object");
    const std::uint32_t id = required_ref(r, field::id);
    n.id.assign(doc_.id_text(id));
    n.name.assign(text(r, kind == node_kind::post ? field::label : field::name));
    std::string_view classification = symbol(r, field::classification);
    if (classification.empty() && kind == node_kind::area) // EveryPolitician writes an area's "type"
      classification = symbol(r, field::type);
    n.classification.assign(classification);
    if (kind == node_kind::organization)
      n.lifetime = period_of(r, field::founding_date, field::dissolution_date);
    if (kind == node_kind::post)
      n.lifetime = period_of(r, field::start_date, field::end_date);
    if (kind == node_kind::person || kind == node_kind::post) { // a post's professional group, as organograms give
      const std::uint32_t size = r.second(field::disciplines);
      if (size == wrong_type)
        fail(r, field::disciplines, "must be an array of strings");
      const std::uint32_t first = r.first(field::disciplines);
      n.disciplines.resize(size == absent ? 0 : size);
      for (std::size_t j = 0; j < n.disciplines.size(); ++j)
        n.disciplines[j].assign(doc_.symbol_text(doc_.lists[first + j]));
    }
    if (kind != node_kind::person)
      ref(r, kind == node_kind::post ? field::organization_id : field::parent_id); // its type; set after
    // Areas are in by now (they come first), so the area a body or post serves is named at once.
    n.area = kind == node_kind::organization || kind == node_kind::post
                 ? optional_ref(r, field::area_id).value_or(no_vertex)
                 : no_vertex;
    try {
      added[r.index] = vertex_of_[id] = static_cast<std::uint32_t>(model_.add_node(n));
    } catch (const reference_error& e) {
      throw reference_error(e.id(), file_ + ": " + path(r) + ": " + e.what());
    } catch (const model_error& e) {
      fail(r, field::area_id, e.what());
    }
  });
}

// Parents once every node is in, so that a parent may appear anywhere in the file. A lenient load keeps
// a node whose parent is bad, without the parent.
void builder::set_parents(section s) {
  const field key = s == section::posts ? field::organization_id : field::parent_id;
  const auto& added = added_[static_cast<std::size_t>(s)];
  for (std::size_t i = 0; i < count(s); ++i) {
    const record r = at(s, i);
    if (added[i] == none32 || r.first(key) == absent)
      continue; // left out already, or no parent
    try {
      const vertex p = resolve(r.first(key), r, key);
      try {
        model_.set_parent(added[i], p);
      } catch (const model_error& e) {
        fail(r, key, e.what());
      }
    } catch (const error& e) {
      if (!options_.lenient)
        throw;
      skip(r, e.what(), " (loaded without it)");
    }
  }
}

// Popolo's legislative periods: `events` of classification "legislative period" become terms; other
// events (elections, sittings) are not read.
void builder::add_terms() {
  each(section::events, [&](const record& r) {
    if (!r.is_object())
      fail(r, "must be an object");
    if (!detail::iequals(symbol(r, field::classification), "legislative period"))
      return;
    term t;
    const std::uint32_t id = required_ref(r, field::id);
    t.id.assign(doc_.id_text(id));
    t.name.assign(text(r, field::name));
    t.organization = optional_ref(r, field::organization_id).value_or(no_vertex);
    t.when = period_of(r, field::start_date, field::end_date);
    try {
      term_of_[id] = model_.add_term(std::move(t));
    } catch (const reference_error& e) {
      throw reference_error(e.id(), file_ + ": " + path(r) + ": " + e.what());
    } catch (const model_error& e) {
      fail(r, field::organization_id, e.what());
    }
  });
}

model build_model(document& doc, const std::string& file, const load_options& options) {
  return builder(doc, file, options).build();
}

} // namespace orgraph::detail::json_reading
