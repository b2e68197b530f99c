#pragma once
/// @file
/// @brief orgraph::model: persons, posts, bodies and areas with their dated relations, stored compactly.

#include <orgraph/detail/lazy.hpp>
#include <orgraph/detail/text.hpp>
#include <orgraph/error.hpp>
#include <orgraph/export.hpp>
#include <orgraph/model/detail/storage.hpp>
#include <orgraph/model/relations.hpp>
#include <orgraph/model/types.hpp>

#include <boost/range/irange.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace orgraph {

/**
 * @brief An organisation as a typed, time-aware graph, stored compactly.
 *
 * Nodes (persons, posts, bodies, areas) are named by the user's string ids and indexed by compact
 * vertex numbers; every relation is a directed, typed edge with the period it is in force. Storage is
 * columnar: integer indices, dates as integers, ids and names in one arena, roles, statuses,
 * classifications and disciplines interned, relations grouped by type so that nothing that looks for
 * one type reads another.
 *
 * The model holds facts and applies no time rule: ask a orgraph::snapshot, or the free functions
 * that take a model and a date, for the organisation as it stands on a date.
 *
 * A model is a regular value: copy it to keep a version, compare two with `==`. Const member functions
 * and the queries may run from many threads at once; edits need exclusive access. The first query
 * after an edit builds the model's index of relations by node, in time proportional to the model, so
 * batch edits rather than interleaving each with a query.
 *
 * The model is itself a Boost.Graph graph (include <orgraph/graph/model_graph.hpp> for the traits).
 *
 * @code
 * orgraph::model m;
 * auto core = m.add_person("p-core", "Core team manager", {"social work"});
 * auto worker = m.add_person("p-1", "Practitioner", {"social work"});
 * m.add_relation(core, worker, {orgraph::relation_type::manages});
 * @endcode
 */
class model {
public:
  /** @brief A relation's handle (the Boost.Graph edge descriptor). */
  using edge = relation_id;
  /** @brief The model seen as a Boost.Graph graph is the model itself. */
  using graph_type = model;

  model() = default;

  // ---- nodes --------------------------------------------------------------------------------

  /**
   * @brief Add a node; throws reference_error if its id is empty or taken, model_error if its
   * parent is not a node of the right kind. On a throw the model is unchanged.
   */
  ORGRAPH_EXPORT vertex add_node(const node& n);

  /** @brief Add a person with professional disciplines. */
  vertex add_person(std::string id, std::string name, std::vector<std::string> disciplines = {}) {
    node n;
    n.kind = node_kind::person;
    n.id = std::move(id);
    n.name = std::move(name);
    n.disciplines = std::move(disciplines);
    return add_node(n);
  }

  /** @brief Add a post belonging to `organization` (or to none), existing for `lifetime`. */
  vertex add_post(std::string id, std::string label, vertex organization = no_vertex, period lifetime = {}) {
    node n;
    n.kind = node_kind::post;
    n.id = std::move(id);
    n.name = std::move(label);
    n.parent = organization;
    n.lifetime = lifetime;
    return add_node(n);
  }

  /** @brief Add a body (council, board, team, working group, ...) with an optional parent body. */
  vertex add_organization(std::string id, std::string name, std::string classification = {}, vertex parent = no_vertex,
                          period lifetime = {}) {
    node n;
    n.kind = node_kind::organization;
    n.id = std::move(id);
    n.name = std::move(name);
    n.classification = std::move(classification);
    n.parent = parent;
    n.lifetime = lifetime;
    return add_node(n);
  }

  /** @brief Add an area (district, quadrant, ...) with an optional parent area. */
  vertex add_area(std::string id, std::string name, std::string classification = {}, vertex parent = no_vertex) {
    node n;
    n.kind = node_kind::area;
    n.id = std::move(id);
    n.name = std::move(name);
    n.classification = std::move(classification);
    n.parent = parent;
    return add_node(n);
  }

  /**
   * @brief Give a body, area or post its parent (a post's parent is its body), or `no_vertex` for none.
   *
   * Throws model_error if the parent is of the wrong kind or the change would make a node its own
   * ancestor; the model is unchanged then.
   */
  ORGRAPH_EXPORT void set_parent(vertex v, vertex parent);

  /**
   * @brief Give a node the area it serves (a body's or post's Popolo `area_id`), or `no_vertex` for none.
   * Throws model_error if `area` is not an area of the model; the model is unchanged then.
   */
  ORGRAPH_EXPORT void set_area(vertex v, vertex area);

  /** @brief The nodes whose parent is `v` (a body's sub-bodies and posts, an area's sub-areas), in the order added. */
  [[nodiscard]] std::vector<vertex> children(vertex v) const {
    const detail::model_index& x = index();
    return {x.children.begin() + x.child_offsets[v], x.children.begin() + x.child_offsets[v + 1]};
  }

  /** @brief Number of nodes. */
  [[nodiscard]] std::size_t node_count() const noexcept { return kinds_.size(); }
  /** @brief Every vertex, as a range. */
  [[nodiscard]] auto vertices() const { return boost::irange(vertex{0}, node_count()); }
  /** @brief Whether `v` is a vertex of this model. */
  [[nodiscard]] bool contains(vertex v) const noexcept { return v < node_count(); }

  /** @brief The vertex with that id, if any. */
  [[nodiscard]] std::optional<vertex> find(std::string_view id) const noexcept {
    const std::uint32_t v = ids_.find(id, [this](std::uint32_t h) { return texts_.view(id_refs_[h]); });
    if (v == detail::text_index::none)
      return std::nullopt;
    return vertex{v};
  }

  /** @brief The vertex with that id; throws reference_error naming the id if there is none. */
  [[nodiscard]] vertex at(std::string_view id) const {
    if (auto v = find(id))
      return *v;
    throw reference_error(std::string(id), "unknown id '" + std::string(id) + "'");
  }

  /** @brief The node at `v` (unchecked), its texts viewing the model. */
  [[nodiscard]] node_view operator[](vertex v) const noexcept {
    return {kinds_[v], id(v), name(v), classification(v), disciplines(v), parent(v), lifetime(v), area(v)};
  }
  /** @brief What `v` is. */
  [[nodiscard]] node_kind kind(vertex v) const noexcept { return kinds_[v]; }
  /** @brief `v`'s id. */
  [[nodiscard]] std::string_view id(vertex v) const noexcept { return texts_.view(id_refs_[v]); }
  /** @brief `v`'s name (a post's label). */
  [[nodiscard]] std::string_view name(vertex v) const noexcept { return texts_.view(name_refs_[v]); }
  /** @brief `v`'s classification (bodies and areas). */
  [[nodiscard]] std::string_view classification(vertex v) const noexcept { return symbols_.text(classifications_[v]); }
  /** @brief `v`'s professional disciplines (persons and posts). */
  [[nodiscard]] discipline_list disciplines(vertex v) const noexcept {
    const std::uint32_t set = discipline_sets_[v];
    const std::uint32_t* base = discipline_pool_.data();
    return {base + discipline_offsets_[set], base + discipline_offsets_[set + 1], &symbols_};
  }
  /** @brief `v`'s parent: a body's parent body, an area's parent area, a post's body; or `no_vertex`. */
  [[nodiscard]] vertex parent(vertex v) const noexcept {
    return parents_[v] == detail::none32 ? no_vertex : vertex{parents_[v]};
  }
  /** @brief The area `v` serves (a body's or post's Popolo `area_id`), or `no_vertex`. */
  [[nodiscard]] vertex area(vertex v) const noexcept {
    return areas_[v] == detail::none32 ? no_vertex : vertex{areas_[v]};
  }
  /** @brief When `v` exists, ends included (always, if not given). */
  [[nodiscard]] const period& lifetime(vertex v) const noexcept { return lifetimes_[v]; }

  // ---- relations ----------------------------------------------------------------------------

  /**
   * @brief Add a relation `from TYPE to`; returns its handle.
   *
   * Throws model_error if the kinds do not fit the type (a body cannot be line-managed, an area
   * cannot report), if a vertex is not in the model, or if `r.term` names no term, is given on a
   * relation other than a membership (`holds`, `member_of`) or would make it end before it starts
   * once the term's dates fill the ones it lacks. On a throw the model is unchanged.
   */
  ORGRAPH_EXPORT relation_id add_relation(vertex from, vertex to, const relation& r);

  /** @brief Remove one relation (or membership). Its handle and no other becomes invalid. */
  ORGRAPH_EXPORT void remove_relation(relation_id r) noexcept;

  /** @brief Whether `r` names a relation of this model that has not been removed. */
  [[nodiscard]] bool contains(relation_id r) const noexcept {
    const auto t = static_cast<std::size_t>(r.type());
    return t < detail::relation_type_count && r.index() < tables_[t].core.size() &&
           tables_[t].core[r.index()].removed == 0;
  }

  /** @brief The relation `r` (unchecked), its texts viewing the model. */
  [[nodiscard]] relation_view operator[](relation_id r) const noexcept {
    const detail::relation_core& c = core(r);
    const detail::relation_extra& x = extra(r);
    relation_view v;
    v.type = r.type();
    v.from = c.from;
    v.to = c.to;
    v.when = detail::period_bits::make(c.first, c.last, c.precisions);
    v.arrangement = static_cast<orgraph::arrangement>(c.arrangement);
    v.role = symbols_.text(x.role);
    v.on_behalf_of = x.on_behalf_of == detail::none32 ? no_vertex : vertex{x.on_behalf_of};
    v.organization = x.organization == detail::none32 ? no_vertex : vertex{x.organization};
    v.area = x.area == detail::none32 ? no_vertex : vertex{x.area};
    v.status = symbols_.text(x.status);
    v.id = texts_.view(x.id);
    v.term = x.term == detail::none32 ? no_term : term_index{x.term};
    v.start_from_term = (c.from_term & detail::start_from_term) != 0;
    v.end_from_term = (c.from_term & detail::end_from_term) != 0;
    return v;
  }
  /** @brief Where `r` starts. */
  [[nodiscard]] vertex source(relation_id r) const noexcept { return core(r).from; }
  /** @brief Where `r` ends. */
  [[nodiscard]] vertex target(relation_id r) const noexcept { return core(r).to; }
  /** @brief When `r` is in force by its own dates. */
  [[nodiscard]] period when(relation_id r) const noexcept {
    const detail::relation_core& c = core(r);
    return detail::period_bits::make(c.first, c.last, c.precisions);
  }
  /** @brief Whether `on` lies within `r`'s own dates (the ends' lifetimes are the snapshot's business). */
  [[nodiscard]] bool in_period(relation_id r, date on) const noexcept {
    const detail::relation_core& c = core(r);
    return c.first <= on.days_since_epoch() && on.days_since_epoch() <= c.last;
  }
  /** @brief `r`'s arrangement. */
  [[nodiscard]] orgraph::arrangement arrangement(relation_id r) const noexcept {
    return static_cast<orgraph::arrangement>(core(r).arrangement);
  }
  /** @brief `r`'s role (memberships). */
  [[nodiscard]] std::string_view role(relation_id r) const noexcept { return symbols_.text(extra(r).role); }
  /** @brief `r`'s status (coverage). */
  [[nodiscard]] std::string_view status(relation_id r) const noexcept { return symbols_.text(extra(r).status); }
  /** @brief The body `r`'s member represents, or `no_vertex`. */
  [[nodiscard]] vertex on_behalf_of(relation_id r) const noexcept {
    const std::uint32_t v = extra(r).on_behalf_of;
    return v == detail::none32 ? no_vertex : vertex{v};
  }
  /** @brief The area a membership is for, or `no_vertex`. */
  [[nodiscard]] vertex area(relation_id r) const noexcept {
    const std::uint32_t v = extra(r).area;
    return v == detail::none32 ? no_vertex : vertex{v};
  }
  /** @brief The body a holding names, or `no_vertex`. */
  [[nodiscard]] vertex organization(relation_id r) const noexcept {
    const std::uint32_t v = extra(r).organization;
    return v == detail::none32 ? no_vertex : vertex{v};
  }
  /** @brief The term a membership names, or `no_term`. */
  [[nodiscard]] term_index term_of(relation_id r) const noexcept {
    const std::uint32_t t = extra(r).term;
    return t == detail::none32 ? no_term : term_index{t};
  }

  /** @brief Every relation `v` starts, by type and then in the order added. */
  [[nodiscard]] relation_list out_relations(vertex v) const {
    const detail::model_index& x = index();
    return {x.out.data() + x.out_offsets[v], x.out.data() + x.out_offsets[v + 1]};
  }
  /** @brief Every relation into `v`, by type and then in the order added. */
  [[nodiscard]] relation_list in_relations(vertex v) const {
    const detail::model_index& x = index();
    return {x.in.data() + x.in_offsets[v], x.in.data() + x.in_offsets[v + 1]};
  }
  /** @brief The relations of type `t` that `v` starts, in the order added. */
  [[nodiscard]] relation_list out_relations(vertex v, relation_type t) const { return of_type(out_relations(v), t); }
  /** @brief The relations of type `t` into `v`, in the order added. */
  [[nodiscard]] relation_list in_relations(vertex v, relation_type t) const { return of_type(in_relations(v), t); }

  /** @brief Every relation of type `t`, in the order added. */
  [[nodiscard]] relation_range relations(relation_type t) const noexcept {
    const auto type = static_cast<std::uint8_t>(t);
    return {relation_iterator(this, type, 0, static_cast<std::uint8_t>(type + 1)),
            relation_iterator(this, static_cast<std::uint8_t>(type + 1), 0, static_cast<std::uint8_t>(type + 1))};
  }
  /** @brief Every relation, by type and then in the order added. */
  [[nodiscard]] relation_range relations() const noexcept {
    constexpr auto end = static_cast<std::uint8_t>(detail::relation_type_count);
    return {relation_iterator(this, 0, 0, end), relation_iterator(this, end, 0, end)};
  }
  /** @brief How many relations of type `t` there are. */
  [[nodiscard]] std::size_t relation_count(relation_type t) const noexcept {
    return tables_[static_cast<std::size_t>(t)].live;
  }
  /** @brief Number of relations, memberships included. */
  [[nodiscard]] std::size_t relation_count() const noexcept {
    std::size_t n = 0;
    for (const auto& t : tables_)
      n += t.live;
    return n;
  }
  /** @brief One past the largest index a relation of type `t` has had: removed ones included. */
  [[nodiscard]] std::uint32_t relation_slots(relation_type t) const noexcept {
    return static_cast<std::uint32_t>(tables_[static_cast<std::size_t>(t)].core.size());
  }

  // ---- removal, transactions ----------------------------------------------------------------

  /**
   * @brief Everything that refers to `v`: its relations, the relations naming it as on_behalf_of,
   * organization or area, nodes whose parent or area it is, and decisions and terms naming it; one
   * readable line each.
   *
   * Empty when remove_node(v) would succeed.
   */
  [[nodiscard]] ORGRAPH_EXPORT std::vector<std::string> dependents(vertex v) const;

  /**
   * @brief Remove a node that nothing refers to.
   *
   * Throws model_error listing dependents() if anything still refers to it, and leaves the model
   * unchanged: orgraph never leaves a dangling relation behind. Vertices after `v` move down by one;
   * ids stay as they were, so hold ids rather than vertices across removals.
   */
  ORGRAPH_EXPORT void remove_node(vertex v);

  /**
   * @brief Apply a batch of edits all or nothing.
   *
   * `edit` receives a draft copy of the model; if it returns, the draft becomes the model, and if it
   * throws, the model is exactly as it was and the exception propagates. The copy costs time and
   * memory in proportion to the model.
   * @code
   * m.transaction([&](orgraph::model& draft) {
   *   auto board = draft.add_organization("bmg", "Business Management Group", "board");
   *   draft.add_relation(board, draft.at("ccdb"), {orgraph::relation_type::reports_to});
   * });
   * @endcode
   */
  template <class Edit> void transaction(Edit&& edit) {
    model draft(*this);
    std::forward<Edit>(edit)(draft);
    swap(draft);
  }

  /** @brief Exchange two models' contents. */
  ORGRAPH_EXPORT void swap(model& other) noexcept;
  /**
   * @brief Exchange two models' contents, found by `using std::swap; swap(a, b);`.
   * @code
   * using std::swap;
   * swap(current, proposal);
   * @endcode
   */
  friend void swap(model& a, model& b) noexcept { a.swap(b); }

  // ---- terms --------------------------------------------------------------------------------

  /**
   * @brief Add a term of office (a Popolo legislative period) that memberships may name.
   *
   * Throws reference_error if its id is empty or taken by another term (terms have ids of their own,
   * apart from nodes and decisions), model_error if `organization` is given and is not an
   * organization. Terms are kept as added: a membership takes its term's dates when it is added.
   * @code
   * const auto t55 = m.add_term({"term/55", "55th Parliament", commons, period(parse_partial_date("2010-05-06"),
   *                                                                            parse_partial_date("2015-03-30"))});
   * orgraph::relation seat{orgraph::relation_type::member_of};
   * seat.term = t55; // in force 2010-05-06 to 2015-03-30 unless it gives dates of its own
   * @endcode
   */
  ORGRAPH_EXPORT term_index add_term(term t);

  /** @brief Every term, in the order added. */
  [[nodiscard]] const std::vector<term>& terms() const noexcept { return terms_; }

  /** @brief The term with that id, if any. */
  [[nodiscard]] std::optional<term_index> find_term(std::string_view id) const {
    const auto it = term_ids_.find(std::string(id));
    if (it == term_ids_.end())
      return std::nullopt;
    return it->second;
  }

  // ---- decisions ----------------------------------------------------------------------------

  /**
   * @brief Add a decision. Throws reference_error if its id is empty or taken, model_error if its
   * body or recipient is not an organization or `follows` names no earlier decision.
   */
  ORGRAPH_EXPORT decision_index add_decision(decision d);

  /** @brief Every decision, in the order added. */
  [[nodiscard]] const std::vector<decision>& decisions() const noexcept { return decisions_; }

  /** @brief The decision with that id, if any. */
  [[nodiscard]] std::optional<decision_index> find_decision(std::string_view id) const {
    const auto it = decision_ids_.find(std::string(id));
    if (it == decision_ids_.end())
      return std::nullopt;
    return it->second;
  }

  // ---- the whole --------------------------------------------------------------------------

  /** @brief The model as a Boost.Graph graph: the model itself (see <orgraph/graph/model_graph.hpp>). */
  [[nodiscard]] const model& graph() const noexcept { return *this; }

  /**
   * @brief Make room for `nodes` more nodes and `text_bytes` more bytes of ids and names, so that a
   * loader that knows the sizes does not grow the storage step by step.
   */
  ORGRAPH_EXPORT void reserve(std::size_t nodes, std::size_t text_bytes = 0);

  /** @brief Give back the storage that growth left unused. */
  ORGRAPH_EXPORT void shrink_to_fit();

  /**
   * @brief The bytes the model holds on the heap: nodes, relations, texts, the id table, decisions and
   * (when built) the relation index; capacity, not size, so it is what the allocator gave.
   */
  [[nodiscard]] ORGRAPH_EXPORT std::size_t memory_bytes() const noexcept;

  /** @name Comparison */
  ///@{
  /**
   * @brief Two models are equal when they have the same nodes (matched by id), the same relations
   * between them and the same decisions, whatever order any of them were added in.
   */
  ORGRAPH_EXPORT friend bool operator==(const model& a, const model& b);
  friend bool operator!=(const model& a, const model& b) { return !(a == b); }
  ///@}

private:
  friend class relation_iterator;
  friend struct detail::model_access;

  [[nodiscard]] const detail::relation_core& core(relation_id r) const noexcept {
    return tables_[static_cast<std::size_t>(r.type())].core[r.index()];
  }
  [[nodiscard]] const detail::relation_extra& extra(relation_id r) const noexcept {
    static const detail::relation_extra none{};
    const auto& t = tables_[static_cast<std::size_t>(r.type())];
    return t.extra.empty() ? none : t.extra[r.index()];
  }
  static relation_list of_type(relation_list all, relation_type t) noexcept {
    const relation_id* first = all.begin();
    const relation_id* last = all.end();
    while (first != last && first->type() < t)
      ++first;
    const relation_id* end = first;
    while (end != last && end->type() == t)
      ++end;
    return {first, end};
  }

  ORGRAPH_EXPORT const detail::model_index& index() const;
  void check_parent(node_kind kind, std::string_view id, vertex parent) const;
  void check_area(std::string_view id, vertex area) const;
  void check_relation(vertex from, vertex to, const relation& r) const;
  period with_term(const relation& r, std::uint8_t& from_term) const;
  std::uint32_t intern_disciplines(const std::vector<std::string>& disciplines);
  void edited() noexcept { index_.reset(); }

  // Nodes, one column per field.
  std::vector<node_kind> kinds_;
  std::vector<detail::text_ref> id_refs_, name_refs_;
  std::vector<std::uint32_t> classifications_; // symbols
  std::vector<std::uint32_t> discipline_sets_; // index of a set of discipline symbols
  std::vector<std::uint32_t> parents_;
  std::vector<period> lifetimes_;
  std::vector<std::uint32_t> areas_; // the area a body or post serves

  detail::text_arena texts_;     // ids, names, relation ids
  detail::text_index ids_;       // vertices by id
  detail::symbol_table symbols_; // roles, statuses, classifications, disciplines
  // Distinct sets of disciplines: set i is discipline_pool_[offsets[i], offsets[i + 1]); set 0 is empty.
  std::vector<std::uint32_t> discipline_pool_;
  std::vector<std::uint32_t> discipline_offsets_{0, 0};
  std::map<std::vector<std::uint32_t>, std::uint32_t> discipline_set_ids_;

  std::array<detail::relation_table, detail::relation_type_count> tables_;

  std::vector<decision> decisions_;
  std::unordered_map<std::string, decision_index> decision_ids_;

  std::vector<term> terms_;
  std::unordered_map<std::string, term_index> term_ids_;

  detail::lazy<detail::model_index> index_;
};

inline void relation_iterator::settle() noexcept {
  while (type_ < end_type_) {
    const auto& table = m_->tables_[type_];
    while (index_ < table.core.size() && table.core[index_].removed != 0)
      ++index_;
    if (index_ < table.core.size())
      return;
    ++type_;
    index_ = 0;
  }
  index_ = 0;
}

// Boost.Graph's free functions, found by argument-dependent lookup: the model is a bidirectional,
// vertex-list and edge-list graph whose edges are relation handles.

/** @brief Boost.Graph: where a relation starts. */
[[nodiscard]] inline vertex source(relation_id r, const model& m) noexcept { return m.source(r); }
/** @brief Boost.Graph: where a relation ends. */
[[nodiscard]] inline vertex target(relation_id r, const model& m) noexcept { return m.target(r); }
/** @brief Boost.Graph: a node's relations out, all types. */
[[nodiscard]] inline std::pair<const relation_id*, const relation_id*> out_edges(vertex v, const model& m) {
  const auto l = m.out_relations(v);
  return {l.begin(), l.end()};
}
/** @brief Boost.Graph: a node's relations in, all types. */
[[nodiscard]] inline std::pair<const relation_id*, const relation_id*> in_edges(vertex v, const model& m) {
  const auto l = m.in_relations(v);
  return {l.begin(), l.end()};
}
/** @brief Boost.Graph: how many relations a node starts. */
[[nodiscard]] inline std::size_t out_degree(vertex v, const model& m) { return m.out_relations(v).size(); }
/** @brief Boost.Graph: how many relations end at a node. */
[[nodiscard]] inline std::size_t in_degree(vertex v, const model& m) { return m.in_relations(v).size(); }
/** @brief Boost.Graph: relations in and out. */
[[nodiscard]] inline std::size_t degree(vertex v, const model& m) { return out_degree(v, m) + in_degree(v, m); }
/** @brief Boost.Graph: the number of nodes. */
[[nodiscard]] inline std::size_t num_vertices(const model& m) noexcept { return m.node_count(); }
/** @brief Boost.Graph: the number of relations. */
[[nodiscard]] inline std::size_t num_edges(const model& m) noexcept { return m.relation_count(); }
/** @brief Boost.Graph: every relation. */
[[nodiscard]] inline std::pair<relation_iterator, relation_iterator> edges(const model& m) noexcept {
  const auto r = m.relations();
  return {r.first, r.last};
}

} // namespace orgraph
