#include <orgraph/model/model.hpp>

#include <algorithm>
#include <tuple>

namespace orgraph {

namespace {

std::string quoted_id(std::string_view id) { return "'" + std::string(id) + "'"; }

} // namespace

// ---- nodes ------------------------------------------------------------------------------------

void model::check_parent(node_kind kind, std::string_view id, vertex parent) const {
  if (parent == no_vertex)
    return;
  if (kind == node_kind::person)
    throw model_error(quoted_id(id) + ": a person has no parent; use relations and memberships instead");
  if (!contains(parent))
    throw model_error(quoted_id(id) + ": its parent is not a node of this model");
  const node_kind want = kind == node_kind::post ? node_kind::organization : kind;
  if (kinds_[parent] != want)
    throw model_error(quoted_id(id) + ": a " + std::string(to_string(kind)) + "'s parent must be an " +
                      std::string(to_string(want)) + ", not the " + std::string(to_string(kinds_[parent])) + " " +
                      quoted_id(this->id(parent)));
}

void model::check_area(std::string_view id, vertex area) const {
  if (area != no_vertex && (!contains(area) || kinds_[area] != node_kind::area))
    throw model_error(quoted_id(id) + ": the area it names is not an area of this model");
}

std::uint32_t model::intern_disciplines(const std::vector<std::string>& disciplines) {
  if (disciplines.empty())
    return 0;
  std::vector<std::uint32_t> set;
  set.reserve(disciplines.size());
  for (const auto& d : disciplines)
    set.push_back(symbols_.intern(d));
  if (const auto it = discipline_set_ids_.find(set); it != discipline_set_ids_.end())
    return it->second;
  // A new set: the pool and offsets grow first, the lookup last, so a failure leaves only unused room.
  const auto id = static_cast<std::uint32_t>(discipline_offsets_.size() - 1);
  discipline_pool_.reserve(discipline_pool_.size() + set.size());
  detail::make_room_for_one(discipline_offsets_);
  discipline_set_ids_.emplace(set, id);
  discipline_pool_.insert(discipline_pool_.end(), set.begin(), set.end());
  discipline_offsets_.push_back(static_cast<std::uint32_t>(discipline_pool_.size()));
  return id;
}

vertex model::add_node(const node& n) {
  if (n.id.empty())
    throw reference_error(n.id, "a " + std::string(to_string(n.kind)) + " needs a non-empty id");
  if (find(n.id))
    throw reference_error(n.id, "duplicate id '" + n.id + "'");
  check_parent(n.kind, n.id, n.parent);
  check_area(n.id, n.area);
  if (node_count() >= detail::none32 - 1)
    throw model_error("a model holds at most 4,294,967,294 nodes");

  // Everything that can throw first; once the texts are in, only non-throwing steps follow.
  const std::uint32_t classification = symbols_.intern(n.classification);
  const std::uint32_t disciplines = intern_disciplines(n.disciplines);
  detail::make_room_for_one(kinds_);
  detail::make_room_for_one(id_refs_);
  detail::make_room_for_one(name_refs_);
  detail::make_room_for_one(classifications_);
  detail::make_room_for_one(discipline_sets_);
  detail::make_room_for_one(parents_);
  detail::make_room_for_one(lifetimes_);
  detail::make_room_for_one(areas_);
  ids_.reserve_one([this](std::uint32_t h) { return id(h); });
  const std::size_t mark = texts_.size();
  detail::text_ref id_ref, name_ref;
  try {
    id_ref = texts_.add(n.id);
    name_ref = texts_.add(n.name);
  } catch (...) {
    texts_.truncate(mark);
    throw;
  }

  const auto v = static_cast<std::uint32_t>(node_count());
  kinds_.push_back(n.kind);
  id_refs_.push_back(id_ref);
  name_refs_.push_back(name_ref);
  classifications_.push_back(classification);
  discipline_sets_.push_back(disciplines);
  parents_.push_back(n.parent == no_vertex ? detail::none32 : static_cast<std::uint32_t>(n.parent));
  lifetimes_.push_back(n.lifetime);
  areas_.push_back(n.area == no_vertex ? detail::none32 : static_cast<std::uint32_t>(n.area));
  ids_.insert(v, texts_.view(id_ref));
  edited();
  return v;
}

void model::set_parent(vertex v, vertex parent) {
  if (!contains(v))
    throw model_error("set_parent: the vertex is not in the model");
  check_parent(kinds_[v], id(v), parent);
  if (kinds_[v] != node_kind::post)
    for (vertex a = parent; a != no_vertex; a = this->parent(a))
      if (a == v)
        throw model_error(quoted_id(id(v)) + ": making " + quoted_id(id(parent)) +
                          " its parent would make it its own ancestor");
  parents_[v] = parent == no_vertex ? detail::none32 : static_cast<std::uint32_t>(parent);
  edited();
}

void model::set_area(vertex v, vertex area) {
  if (!contains(v))
    throw model_error("set_area: the vertex is not in the model");
  check_area(id(v), area);
  areas_[v] = area == no_vertex ? detail::none32 : static_cast<std::uint32_t>(area);
  edited();
}

// ---- relations --------------------------------------------------------------------------------

void model::check_relation(vertex from, vertex to, const relation& r) const {
  if (static_cast<std::size_t>(r.type) >= detail::relation_type_count)
    throw model_error("a relation has an unknown type");
  if (!contains(from) || !contains(to))
    throw model_error("relation '" + std::string(to_string(r.type)) + "' names a vertex that is not in the model");
  const node_kind a = kinds_[from];
  const node_kind b = kinds_[to];
  const auto person_or_post = [](node_kind k) { return k == node_kind::person || k == node_kind::post; };
  const auto body = [](node_kind k) { return k == node_kind::organization; };
  bool ok = false;
  const char* rule = "";
  switch (r.type) {
  case relation_type::manages:
  case relation_type::supervises:
  case relation_type::dotted_line_manages:
    ok = person_or_post(a) && person_or_post(b);
    rule = "from a person or post to a person or post";
    break;
  case relation_type::reports_to:
  case relation_type::recommends_to:
  case relation_type::replaced_by:
  case relation_type::partners_with:
    ok = body(a) && body(b);
    rule = "from an organization to an organization";
    break;
  case relation_type::covers:
    ok = body(a) && b == node_kind::area;
    rule = "from an organization to an area";
    break;
  case relation_type::holds:
    ok = a == node_kind::person && b == node_kind::post;
    rule = "from a person to a post";
    break;
  case relation_type::member_of:
    ok = person_or_post(a) && body(b);
    rule = "from a person or post to an organization";
    break;
  }
  if (!ok)
    throw model_error("relation '" + std::string(to_string(r.type)) + "' from the " + std::string(to_string(a)) + " " +
                      quoted_id(id(from)) + " to the " + std::string(to_string(b)) + " " + quoted_id(id(to)) +
                      ": it must go " + rule);
  for (vertex v : {r.on_behalf_of, r.organization})
    if (v != no_vertex && (!contains(v) || kinds_[v] != node_kind::organization))
      throw model_error("relation '" + std::string(to_string(r.type)) + "' from " + quoted_id(id(from)) +
                        ": on_behalf_of and organization must name organizations");
  if (r.area != no_vertex && (!contains(r.area) || kinds_[r.area] != node_kind::area))
    throw model_error("relation '" + std::string(to_string(r.type)) + "' from " + quoted_id(id(from)) +
                      ": the area it names must be an area");
  if (r.term != no_term && r.type != relation_type::holds && r.type != relation_type::member_of)
    throw model_error("relation '" + std::string(to_string(r.type)) + "' from " + quoted_id(id(from)) +
                      ": only a membership (holds, member_of) names a term");
  if (r.term != no_term && r.term >= terms_.size())
    throw model_error("relation '" + std::string(to_string(r.type)) + "' from " + quoted_id(id(from)) +
                      ": the term it names is not a term of this model");
}

relation_id model::add_relation(vertex from, vertex to, const relation& r) {
  check_relation(from, to, r);
  std::uint8_t from_term = 0;
  const period when = with_term(r, from_term);
  detail::relation_table& table = tables_[static_cast<std::size_t>(r.type)];
  if (table.core.size() > relation_id::max_index)
    throw model_error("a model holds at most " + std::to_string(relation_id::max_index) + " relations of type '" +
                      std::string(to_string(r.type)) + "'");

  detail::relation_extra x;
  x.role = symbols_.intern(r.role);
  x.status = symbols_.intern(r.status);
  x.on_behalf_of = r.on_behalf_of == no_vertex ? detail::none32 : static_cast<std::uint32_t>(r.on_behalf_of);
  x.organization = r.organization == no_vertex ? detail::none32 : static_cast<std::uint32_t>(r.organization);
  x.area = r.area == no_vertex ? detail::none32 : static_cast<std::uint32_t>(r.area);
  x.term = r.term == no_term ? detail::none32 : static_cast<std::uint32_t>(r.term);
  const bool has_extra = x.role != 0 || x.status != 0 || x.on_behalf_of != detail::none32 ||
                         x.organization != detail::none32 || x.area != detail::none32 || !r.id.empty() ||
                         x.term != detail::none32;

  // Room first: after it, nothing below throws but the id's text, which is undone on failure.
  detail::make_room_for_one(table.core);
  if (has_extra || !table.extra.empty()) {
    if (table.extra.empty()) {
      std::vector<detail::relation_extra> filled;
      filled.reserve(table.core.capacity());
      filled.resize(table.core.size());
      table.extra.swap(filled);
    }
    detail::make_room_for_one(table.extra);
  }
  if (!r.id.empty())
    x.id = texts_.add(r.id);

  const auto index = static_cast<std::uint32_t>(table.core.size());
  detail::relation_core c;
  c.from = static_cast<std::uint32_t>(from);
  c.to = static_cast<std::uint32_t>(to);
  c.first = detail::period_bits::first(when);
  c.last = detail::period_bits::last(when);
  c.precisions = detail::period_bits::precisions(when);
  c.arrangement = static_cast<std::uint8_t>(r.arrangement);
  c.from_term = from_term;
  table.core.push_back(c);
  if (!table.extra.empty() || has_extra)
    table.extra.push_back(x);
  ++table.live;
  edited();
  return {r.type, index};
}

void model::remove_relation(relation_id r) noexcept {
  if (!contains(r))
    return;
  auto& table = tables_[static_cast<std::size_t>(r.type())];
  table.core[r.index()].removed = 1;
  --table.live;
  edited();
}

// ---- the index ----------------------------------------------------------------------------------

const detail::model_index& model::index() const {
  return index_.get([this] {
    detail::model_index x;
    const std::size_t n = node_count();
    x.out_offsets.assign(n + 1, 0);
    x.in_offsets.assign(n + 1, 0);
    x.child_offsets.assign(n + 1, 0);
    // Counting sort, stable: the tables are read by type and then in the order added, so each node's
    // list comes out in that order.
    for (const auto& table : tables_)
      for (const auto& c : table.core)
        if (c.removed == 0) {
          ++x.out_offsets[c.from + 1];
          ++x.in_offsets[c.to + 1];
        }
    for (std::size_t v = 0; v < n; ++v) {
      x.out_offsets[v + 1] += x.out_offsets[v];
      x.in_offsets[v + 1] += x.in_offsets[v];
    }
    x.out.resize(x.out_offsets[n]);
    x.in.resize(x.in_offsets[n]);
    std::vector<std::uint32_t> out_at(x.out_offsets.begin(), x.out_offsets.end() - 1);
    std::vector<std::uint32_t> in_at(x.in_offsets.begin(), x.in_offsets.end() - 1);
    for (std::size_t t = 0; t < tables_.size(); ++t) {
      const auto& core = tables_[t].core;
      for (std::uint32_t i = 0; i < core.size(); ++i)
        if (core[i].removed == 0) {
          const relation_id id(static_cast<relation_type>(t), i);
          x.out[out_at[core[i].from]++] = id;
          x.in[in_at[core[i].to]++] = id;
        }
    }
    for (std::uint32_t p : parents_)
      if (p != detail::none32)
        ++x.child_offsets[p + 1];
    for (std::size_t v = 0; v < n; ++v)
      x.child_offsets[v + 1] += x.child_offsets[v];
    x.children.resize(x.child_offsets[n]);
    std::vector<std::uint32_t> child_at(x.child_offsets.begin(), x.child_offsets.end() - 1);
    for (std::uint32_t v = 0; v < n; ++v)
      if (parents_[v] != detail::none32)
        x.children[child_at[parents_[v]]++] = v;
    return x;
  });
}

// ---- removal --------------------------------------------------------------------------------------

std::vector<std::string> model::dependents(vertex v) const {
  std::vector<std::string> out;
  if (!contains(v))
    return out;
  const auto describe = [&](relation_id r) {
    return "the relation " + std::string(id(source(r))) + " " + std::string(to_string(r.type())) + " " +
           std::string(id(target(r)));
  };
  for (relation_id r : out_relations(v))
    out.push_back(describe(r));
  for (relation_id r : in_relations(v))
    if (source(r) != v) // a self-relation is listed once
      out.push_back(describe(r));
  for (relation_id r : relations())
    if (on_behalf_of(r) == v || organization(r) == v || area(r) == v)
      out.push_back(describe(r) + " (which names " + std::string(id(v)) + ")");
  for (vertex w : children(v))
    out.push_back("the " + std::string(to_string(kinds_[w])) + " " + std::string(id(w)) + ", whose parent it is");
  for (vertex w = 0; w < node_count(); ++w)
    if (areas_[w] == v)
      out.push_back("the " + std::string(to_string(kinds_[w])) + " " + std::string(id(w)) + ", which serves it");
  for (const decision& d : decisions_)
    if (d.organization == v || d.to == v)
      out.push_back("the decision " + d.id);
  for (const term& t : terms_)
    if (t.organization == v)
      out.push_back("the term " + t.id);
  return out;
}

void model::remove_node(vertex v) {
  if (!contains(v))
    throw model_error("remove_node: the vertex is not in the model");
  if (const auto deps = dependents(v); !deps.empty()) {
    std::string list;
    for (const auto& d : deps)
      list += (list.empty() ? "" : "; ") + d;
    throw model_error("cannot remove '" + std::string(id(v)) + "': " + std::to_string(deps.size()) +
                      " thing(s) refer to it: " + list);
  }
  // Work on a copy, so that an allocation failure half-way leaves this model as it was. The node's
  // texts stay in the arena unused, as removed relations stay in their tables.
  model next(*this);
  const auto erase_at = [v](auto& column) { column.erase(column.begin() + static_cast<std::ptrdiff_t>(v)); };
  erase_at(next.kinds_);
  erase_at(next.id_refs_);
  erase_at(next.name_refs_);
  erase_at(next.classifications_);
  erase_at(next.discipline_sets_);
  erase_at(next.parents_);
  erase_at(next.lifetimes_);
  erase_at(next.areas_);
  const auto shift = [v](std::uint32_t& w) noexcept {
    if (w != detail::none32 && w > v)
      --w;
  };
  for (auto& p : next.parents_)
    shift(p);
  for (auto& a : next.areas_)
    shift(a);
  for (auto& table : next.tables_) {
    for (auto& c : table.core) {
      shift(c.from);
      shift(c.to);
    }
    for (auto& x : table.extra) {
      shift(x.on_behalf_of);
      shift(x.organization);
      shift(x.area);
    }
  }
  for (decision& d : next.decisions_)
    for (vertex* w : {&d.organization, &d.to})
      if (*w != no_vertex && *w > v)
        --*w;
  for (term& t : next.terms_)
    if (t.organization != no_vertex && t.organization > v)
      --t.organization;
  next.ids_.rebuild(static_cast<std::uint32_t>(next.node_count()),
                    [&next](std::uint32_t h) { return next.texts_.view(next.id_refs_[h]); });
  next.edited();
  swap(next);
}

void model::swap(model& other) noexcept {
  kinds_.swap(other.kinds_);
  id_refs_.swap(other.id_refs_);
  name_refs_.swap(other.name_refs_);
  classifications_.swap(other.classifications_);
  discipline_sets_.swap(other.discipline_sets_);
  parents_.swap(other.parents_);
  lifetimes_.swap(other.lifetimes_);
  areas_.swap(other.areas_);
  std::swap(texts_, other.texts_);
  std::swap(ids_, other.ids_);
  std::swap(symbols_, other.symbols_);
  discipline_pool_.swap(other.discipline_pool_);
  discipline_offsets_.swap(other.discipline_offsets_);
  discipline_set_ids_.swap(other.discipline_set_ids_);
  tables_.swap(other.tables_);
  decisions_.swap(other.decisions_);
  decision_ids_.swap(other.decision_ids_);
  terms_.swap(other.terms_);
  term_ids_.swap(other.term_ids_);
  index_.swap(other.index_);
}

// ---- decisions ------------------------------------------------------------------------------------

decision_index model::add_decision(decision d) {
  if (d.id.empty())
    throw reference_error(d.id, "a decision needs a non-empty id");
  if (decision_ids_.count(d.id) != 0)
    throw reference_error(d.id, "duplicate decision id '" + d.id + "'");
  const auto is_body = [&](vertex v) { return contains(v) && kinds_[v] == node_kind::organization; };
  if (!is_body(d.organization))
    throw model_error("decision '" + d.id + "': organization must name an organization");
  if (d.to != no_vertex && !is_body(d.to))
    throw model_error("decision '" + d.id + "': to must name an organization");
  if (d.follows != no_decision && d.follows >= decisions_.size())
    throw model_error("decision '" + d.id + "': follows must name a decision added before it");
  if (d.follows != no_decision && decisions_[d.follows].date > d.date)
    throw model_error("decision '" + d.id + "' on " + d.date.to_string() + " cannot follow '" +
                      decisions_[d.follows].id + "', taken later on " + decisions_[d.follows].date.to_string());
  std::string key = d.id;
  detail::make_room_for_one(decisions_);
  decision_ids_.emplace(std::move(key), decisions_.size());
  decisions_.push_back(std::move(d));
  return decisions_.size() - 1;
}

// ---- the whole ------------------------------------------------------------------------------------

void model::reserve(std::size_t nodes, std::size_t text_bytes) {
  const std::size_t n = node_count() + nodes;
  kinds_.reserve(n);
  id_refs_.reserve(n);
  name_refs_.reserve(n);
  classifications_.reserve(n);
  discipline_sets_.reserve(n);
  parents_.reserve(n);
  lifetimes_.reserve(n);
  areas_.reserve(n);
  texts_.reserve(texts_.size() + text_bytes);
}

void model::shrink_to_fit() {
  kinds_.shrink_to_fit();
  id_refs_.shrink_to_fit();
  name_refs_.shrink_to_fit();
  classifications_.shrink_to_fit();
  discipline_sets_.shrink_to_fit();
  parents_.shrink_to_fit();
  lifetimes_.shrink_to_fit();
  areas_.shrink_to_fit();
  texts_.shrink_to_fit();
  for (auto& t : tables_) {
    t.core.shrink_to_fit();
    t.extra.shrink_to_fit();
  }
  decisions_.shrink_to_fit();
}

std::size_t model::memory_bytes() const noexcept {
  std::size_t bytes =
      kinds_.capacity() * sizeof(node_kind) + (id_refs_.capacity() + name_refs_.capacity()) * sizeof(detail::text_ref) +
      (classifications_.capacity() + discipline_sets_.capacity() + parents_.capacity() + areas_.capacity()) *
          sizeof(std::uint32_t) +
      lifetimes_.capacity() * sizeof(period) + texts_.bytes() + ids_.bytes() + symbols_.bytes() +
      (discipline_pool_.capacity() + discipline_offsets_.capacity()) * sizeof(std::uint32_t);
  for (const auto& t : tables_)
    bytes += t.core.capacity() * sizeof(detail::relation_core) + t.extra.capacity() * sizeof(detail::relation_extra);
  for (const auto& d : decisions_)
    bytes += sizeof(decision) + d.id.capacity() + d.subject.capacity();
  for (const auto& t : terms_)
    bytes += sizeof(term) + t.id.capacity() + t.name.capacity();
  if (const auto* x = index_.peek())
    bytes += x->bytes();
  return bytes;
}

} // namespace orgraph
