// Builds the model from the records json_reader.cpp collected, in the order and with the checks of the
// DOM reader it replaced, so that every input gives the same model or the same error: nodes (areas,
// organizations, posts, persons), then parents, memberships, relations and decisions, each in file order.

#include "json_records.hpp"

#include <orgraph/error.hpp>

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace orgraph::detail::json_reading {

namespace {

/// A record of an array: `s` its slots.
struct record {
  const std::uint32_t* s;
  const layout* l;
  std::size_t index;
  section where;

  [[nodiscard]] bool is_object() const noexcept { return s[0] != not_object; }
  [[nodiscard]] std::uint32_t first(field f) const noexcept { return s[l->slot[static_cast<std::size_t>(f)]]; }
  [[nodiscard]] std::uint32_t second(field f) const noexcept { return s[l->slot[static_cast<std::size_t>(f)] + 1]; }
};

class builder {
public:
  builder(document& doc, const std::string& file) : doc_(doc), file_(file) {}

  model build() {
    if (doc_.top_not_object)
      fail("", "the top level must be a JSON object");
    // The arrays in the order the DOM reader checked them (the limits were enforced while streaming).
    for (section s : {section::persons, section::organizations, section::posts, section::areas,
                      section::memberships, section::relations})
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
    add_memberships();
    doc_[section::memberships].records.clear();
    add_relations();
    doc_[section::relations].records.clear();
    add_decisions();
    model_.shrink_to_fit();
    return std::move(model_);
  }

private:
  [[noreturn]] void fail(const std::string& path, const std::string& message) const {
    throw parse_error(file_, 0, 0, (path.empty() ? std::string() : path + ": ") + message);
  }
  static std::string path(const record& r) {
    return std::string(section_names[static_cast<std::size_t>(r.where)]) + "[" + std::to_string(r.index) + "]";
  }
  static std::string path(const record& r, field f) {
    return path(r) + "." + field_names[static_cast<std::size_t>(f)];
  }
  [[noreturn]] void fail(const record& r, const std::string& message) const { fail(path(r), message); }
  [[noreturn]] void fail(const record& r, field f, const std::string& message) const { fail(path(r, f), message); }

  [[nodiscard]] record at(section s, std::size_t i) const {
    return {doc_[s].records[i], &layout_of(s), i, s};
  }
  [[nodiscard]] std::size_t count(section s) const noexcept { return doc_[s].records.size(); }

  // ---- one field, checked as the DOM reader's text() checked it: "" when absent ----

  std::string_view text(const record& r, field f) const {
    const std::uint32_t size = r.second(f);
    if (size == wrong_type)
      fail(r, f, "must be a string");
    return size == absent ? std::string_view() : doc_.texts.view(text_ref{r.first(f), size});
  }
  std::string_view symbol(const record& r, field f) const {
    const std::uint32_t v = r.first(f);
    if (v == wrong_type)
      fail(r, f, "must be a string");
    return v == absent ? std::string_view() : doc_.symbol_text(v);
  }
  // An id's handle, or `absent`.
  std::uint32_t ref(const record& r, field f) const {
    const std::uint32_t h = r.first(f);
    if (h == wrong_type)
      fail(r, f, "must be a string");
    return h;
  }
  std::uint32_t required_ref(const record& r, field f) const {
    const std::uint32_t h = ref(r, f);
    if (h == absent)
      fail(r, std::string("'") + field_names[static_cast<std::size_t>(f)] + "' is required");
    return h;
  }
  vertex resolve(std::uint32_t h, const record& r, field f) const {
    if (vertex_of_[h] != none32)
      return vertex_of_[h];
    const std::string id(doc_.id_text(h));
    throw reference_error(id, file_ + ": " + path(r, f) + ": unknown id '" + id + "'");
  }
  std::optional<vertex> optional_ref(const record& r, field f) const {
    const std::uint32_t h = ref(r, f);
    if (h == absent)
      return std::nullopt;
    return resolve(h, r, f);
  }
  std::optional<partial_date> date_of(const record& r, field f) const {
    const std::uint32_t v = r.first(f);
    if (v == wrong_type)
      fail(r, f, "must be a string");
    if (v == absent)
      return std::nullopt;
    if ((v & unparsed_date) == 0)
      return unpack_date(v);
    try {
      return parse_partial_date(doc_.texts.view(doc_.date_texts[v & ~unparsed_date]));
    } catch (const date_error& e) {
      fail(r, f, e.what());
    }
  }
  period period_of(const record& r, field start, field end) const {
    try {
      return period(date_of(r, start), date_of(r, end));
    } catch (const date_error& e) {
      fail(r, e.what());
    }
  }
  arrangement arrangement_of(const record& r) const {
    const std::string_view t = symbol(r, field::arrangement);
    if (t.empty())
      return arrangement::substantive;
    if (const auto a = arrangement_from_string(t))
      return *a;
    fail(r, field::arrangement,
         "unknown arrangement '" + std::string(t) + "' (expected substantive, acting, interim or secondment)");
  }

  // ---- the model, step by step ----

  // Room for every node and every text the model will hold, so that nothing grows step by step.
  void reserve() {
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

  void add_nodes(section s, node_kind kind) {
    node n;
    n.kind = kind;
    for (std::size_t i = 0; i < count(s); ++i) {
      const record r = at(s, i);
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
      try {
        vertex_of_[id] = static_cast<std::uint32_t>(model_.add_node(n));
      } catch (const reference_error& e) {
        throw reference_error(e.id(), file_ + ": " + path(r) + ": " + e.what());
      }
    }
  }

  // Parents once every node is in, so that a parent may appear anywhere in the file.
  void set_parents(section s) {
    const field key = s == section::posts ? field::organization_id : field::parent_id;
    for (std::size_t i = 0; i < count(s); ++i) {
      const record r = at(s, i);
      const std::uint32_t h = r.first(key);
      if (h == absent)
        continue;
      const vertex p = resolve(h, r, key);
      try {
        model_.set_parent(vertex_of_[r.first(field::id)], p);
      } catch (const model_error& e) {
        fail(r, key, e.what());
      }
    }
  }

  void add(vertex from, vertex to, const relation& rel, const record& r) {
    try {
      model_.add_relation(from, to, rel);
    } catch (const model_error& e) {
      fail(r, e.what());
    }
  }

  void add_memberships() {
    relation rel;
    for (std::size_t i = 0; i < count(section::memberships); ++i) {
      const record r = at(section::memberships, i);
      if (!r.is_object())
        fail(r, "must be an object");
      const auto person = optional_ref(r, field::person_id);
      const auto post = optional_ref(r, field::post_id);
      const auto body = optional_ref(r, field::organization_id);
      rel.when = period_of(r, field::start_date, field::end_date);
      rel.role.assign(symbol(r, field::role));
      rel.on_behalf_of = optional_ref(r, field::on_behalf_of_id).value_or(no_vertex);
      rel.arrangement = arrangement_of(r);
      rel.id.assign(text(r, field::id));
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
    }
  }

  void add_relations() {
    relation rel;
    for (std::size_t i = 0; i < count(section::relations); ++i) {
      const record r = at(section::relations, i);
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
    }
  }

  void add_decisions();

  document& doc_;
  const std::string& file_;
  model model_;
  std::vector<std::uint32_t> vertex_of_; // an id's handle → its vertex, none32 for an id no node has
};

void builder::add_decisions() {
  if (doc_[section::decisions].st == section_data::state::wrong_type)
    fail("decisions", "must be an array");
  struct pending {
    decision d;
    std::string follows;
    std::size_t index;
  };
  std::vector<pending> todo;
  std::unordered_map<std::string, std::size_t> declared;
  std::optional<std::unordered_set<std::string_view>> anywhere; // the ids written as plain strings
  for (std::size_t i = 0; i < count(section::decisions); ++i) {
    const record r = at(section::decisions, i);
    if (!r.is_object())
      fail(r, "must be an object");
    pending p;
    p.index = i;
    p.d.id = text(r, field::id);
    if (p.d.id.empty())
      fail(r, "'id' is required");
    if (!declared.emplace(p.d.id, i).second)
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
        throw reference_error(p.follows, file_ + ": " + path(r, field::follows) + ": unknown decision id '" +
                                             p.follows + "'");
    }
    todo.push_back(std::move(p));
  }
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
      try {
        model_.add_decision(std::move(it->d));
      } catch (const model_error& e) {
        fail(at(section::decisions, it->index), e.what());
      }
      it = todo.erase(it);
      progress = true;
    }
  }
  if (!todo.empty())
    fail(at(section::decisions, todo.front().index),
         "decisions that follow each other in a cycle, starting with '" + todo.front().d.id + "'");
}

} // namespace

model build_model(document& doc, const std::string& file) { return builder(doc, file).build(); }

} // namespace orgraph::detail::json_reading
