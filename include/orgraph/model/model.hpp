#pragma once
/// @file
/// @brief orgraph::model: persons, posts, bodies and areas with their dated relations, on Boost.Graph.

#include <orgraph/error.hpp>
#include <orgraph/model/types.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <boost/range/irange.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace orgraph {

namespace detail {
/// Ensure one more element fits without reallocating, growing geometrically: reserving exactly
/// size() + 1 on every insertion would reallocate every time and make building a model quadratic.
template <class Vector>
void make_room_for_one(Vector& v) {
  if (v.size() == v.capacity())
    v.reserve(v.capacity() < 4 ? 4 : 2 * v.capacity());
}
} // namespace detail

/**
 * @brief An organisation as a typed, time-aware graph.
 *
 * Nodes (persons, posts, bodies, areas) are vertices and every relation is a directed edge with the
 * period it is in force. Nodes are named by the user's string ids; the model maps them to compact
 * vertex indices. Queries are free functions that take the model and the date they are asked about.
 *
 * A model is a regular value: copy it to keep a version, compare two with `==`.
 * Const member functions and the queries may run from many threads at once; edits need exclusive access.
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
  /** @brief The Boost.Graph type underneath, for running Boost.Graph algorithms directly. */
  using graph_type =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, node, relation, boost::no_property,
                            boost::listS>;
  /** @brief A relation's handle. */
  using edge = graph_type::edge_descriptor;

  /**
   * @brief Add a node; throws reference_error if its id is empty or taken, model_error if its
   * parent is not a node of the right kind.
   */
  vertex add_node(node n) {
    if (n.id.empty())
      throw reference_error(n.id, "a " + std::string(to_string(n.kind)) + " needs a non-empty id");
    if (ids_.count(n.id) != 0)
      throw reference_error(n.id, "duplicate id '" + n.id + "'");
    check_parent(n);
    std::string key = n.id;
    const vertex parent = n.parent;
    // Room first, so that once the vertex is in nothing below can throw but the id map.
    detail::make_room_for_one(attached_);
    if (parent != no_vertex)
      detail::make_room_for_one(attached_[parent]);
    const vertex v = boost::add_vertex(std::move(n), graph_);
    try {
      ids_.emplace(std::move(key), v);
    } catch (...) {
      boost::remove_vertex(v, graph_); // the last vertex: no other index moves
      throw;
    }
    attached_.emplace_back();
    if (parent != no_vertex)
      attached_[parent].push_back(v);
    return v;
  }

  /** @brief Add a person with professional disciplines. */
  vertex add_person(std::string id, std::string name, std::vector<std::string> disciplines = {}) {
    node n;
    n.kind = node_kind::person;
    n.id = std::move(id);
    n.name = std::move(name);
    n.disciplines = std::move(disciplines);
    return add_node(std::move(n));
  }

  /** @brief Add a post belonging to `organization` (or to none), existing for `lifetime`. */
  vertex add_post(std::string id, std::string label, vertex organization = no_vertex, period lifetime = {}) {
    node n;
    n.kind = node_kind::post;
    n.id = std::move(id);
    n.name = std::move(label);
    n.parent = organization;
    n.lifetime = lifetime;
    return add_node(std::move(n));
  }

  /** @brief Add a body (council, board, team, working group, ...) with an optional parent body. */
  vertex add_organization(std::string id, std::string name, std::string classification = {},
                          vertex parent = no_vertex, period lifetime = {}) {
    node n;
    n.kind = node_kind::organization;
    n.id = std::move(id);
    n.name = std::move(name);
    n.classification = std::move(classification);
    n.parent = parent;
    n.lifetime = lifetime;
    return add_node(std::move(n));
  }

  /** @brief Add an area (district, quadrant, ...) with an optional parent area. */
  vertex add_area(std::string id, std::string name, std::string classification = {}, vertex parent = no_vertex) {
    node n;
    n.kind = node_kind::area;
    n.id = std::move(id);
    n.name = std::move(name);
    n.classification = std::move(classification);
    n.parent = parent;
    return add_node(std::move(n));
  }

  /**
   * @brief Give a body, area or post its parent (a post's parent is its body), or `no_vertex` for none.
   *
   * Throws model_error if the parent is of the wrong kind or the change would make a node its own
   * ancestor; the model is unchanged then.
   */
  void set_parent(vertex v, vertex parent) {
    if (!contains(v))
      throw model_error("set_parent: the vertex is not in the model");
    node probe = graph_[v];
    probe.parent = parent;
    check_parent(probe);
    for (vertex a = parent; a != no_vertex && graph_[v].kind != node_kind::post; a = graph_[a].parent)
      if (a == v)
        throw model_error("'" + graph_[v].id + "': making '" + graph_[parent].id +
                          "' its parent would make it its own ancestor");
    if (parent != no_vertex)
      detail::make_room_for_one(attached_[parent]);
    if (const vertex old = graph_[v].parent; old != no_vertex)
      detach(old, v);
    if (parent != no_vertex)
      attached_[parent].push_back(v);
    graph_[v].parent = parent;
  }

  /**
   * @brief The nodes whose parent is `v`: a body's sub-bodies and posts, an area's sub-areas.
   */
  [[nodiscard]] std::vector<vertex> children(vertex v) const {
    std::vector<vertex> out;
    for (vertex w : attached_[v])
      if (graph_[w].parent == v && std::find(out.begin(), out.end(), w) == out.end())
        out.push_back(w);
    return out;
  }

  /**
   * @brief An index for queries: the nodes whose parent is `v` and the posts whose holdings name `v`
   * as their organization, in the order they were attached (a post may appear more than once).
   *
   * These are the nodes that can give a body members or sub-bodies without a relation into it.
   */
  [[nodiscard]] const std::vector<vertex>& attached(vertex v) const noexcept { return attached_[v]; }

  /**
   * @brief Add a relation `from TYPE to`.
   *
   * Throws model_error if the kinds do not fit the type (a body cannot be line-managed, an area
   * cannot report) or if a vertex is not in the model.
   */
  edge add_relation(vertex from, vertex to, relation r) {
    check_relation(from, to, r);
    // Boost's add_edge appends to the edge list and then to two incidence vectors without undoing
    // the first step if a later one throws. With room reserved beforehand only the first can throw,
    // so a failed add leaves the model as it was.
    auto& out = graph_.out_edge_list(from);
    detail::make_room_for_one(out);
    auto& in = in_edge_list(graph_, to);
    detail::make_room_for_one(in);
    const vertex named = r.type == relation_type::holds ? r.organization : no_vertex;
    if (named != no_vertex)
      detail::make_room_for_one(attached_[named]);
    const edge e = boost::add_edge(from, to, std::move(r), graph_).first;
    if (named != no_vertex)
      attached_[named].push_back(to);
    return e;
  }

  /** @brief Remove one relation (or membership). The edge handle and no other becomes invalid. */
  void remove_relation(edge e) noexcept {
    const relation& r = graph_[e];
    if (r.type == relation_type::holds && r.organization != no_vertex)
      detach(r.organization, boost::target(e, graph_));
    boost::remove_edge(e, graph_);
  }

  /**
   * @brief Everything that refers to `v`: its relations, the relations naming it as on_behalf_of or
   * organization, nodes whose parent it is, and decisions naming it; one readable line each.
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
  template <class Edit>
  void transaction(Edit&& edit) {
    model draft(*this);
    std::forward<Edit>(edit)(draft);
    swap(draft);
  }

  /** @brief Exchange two models' contents. */
  void swap(model& other) noexcept {
    graph_.swap(other.graph_);
    ids_.swap(other.ids_);
    decisions_.swap(other.decisions_);
    decision_ids_.swap(other.decision_ids_);
    attached_.swap(other.attached_);
  }
  /**
   * @brief Exchange two models' contents, found by `using std::swap; swap(a, b);`.
   * @code
   * using std::swap;
   * swap(current, proposal);
   * @endcode
   */
  friend void swap(model& a, model& b) noexcept { a.swap(b); }

  /**
   * @brief Add a decision. Throws reference_error if its id is empty or taken, model_error if its
   * body or recipient is not an organization or `follows` names no earlier decision.
   */
  decision_index add_decision(decision d) {
    if (d.id.empty())
      throw reference_error(d.id, "a decision needs a non-empty id");
    if (decision_ids_.count(d.id) != 0)
      throw reference_error(d.id, "duplicate decision id '" + d.id + "'");
    const auto is_body = [&](vertex v) { return contains(v) && graph_[v].kind == node_kind::organization; };
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
    decisions_.push_back(std::move(d));
    try {
      decision_ids_.emplace(std::move(key), decisions_.size() - 1);
    } catch (...) {
      decisions_.pop_back();
      throw;
    }
    return decisions_.size() - 1;
  }

  /** @brief Every decision, in the order added. */
  [[nodiscard]] const std::vector<decision>& decisions() const noexcept { return decisions_; }

  /** @brief The decision with that id, if any. */
  [[nodiscard]] std::optional<decision_index> find_decision(std::string_view id) const {
    const auto it = decision_ids_.find(std::string(id));
    if (it == decision_ids_.end())
      return std::nullopt;
    return it->second;
  }

  /** @brief The vertex with that id, if any. */
  [[nodiscard]] std::optional<vertex> find(std::string_view id) const {
    const auto it = ids_.find(std::string(id));
    if (it == ids_.end())
      return std::nullopt;
    return it->second;
  }

  /** @brief The vertex with that id; throws reference_error naming the id if there is none. */
  [[nodiscard]] vertex at(std::string_view id) const {
    if (auto v = find(id))
      return *v;
    throw reference_error(std::string(id), "unknown id '" + std::string(id) + "'");
  }

  /** @brief Whether `v` is a vertex of this model. */
  [[nodiscard]] bool contains(vertex v) const noexcept { return v < boost::num_vertices(graph_); }

  /** @brief The node at `v` (unchecked). */
  [[nodiscard]] const node& operator[](vertex v) const { return graph_[v]; }
  /** @brief The relation of an edge (unchecked). */
  [[nodiscard]] const relation& operator[](edge e) const { return graph_[e]; }

  /** @brief The graph underneath, read-only. */
  [[nodiscard]] const graph_type& graph() const noexcept { return graph_; }

  /** @brief Number of nodes. */
  [[nodiscard]] std::size_t node_count() const noexcept { return boost::num_vertices(graph_); }
  /** @brief Number of relations, memberships included. */
  [[nodiscard]] std::size_t relation_count() const noexcept { return boost::num_edges(graph_); }

  /** @brief Every vertex, as a range. */
  [[nodiscard]] auto vertices() const { return boost::irange(vertex{0}, node_count()); }

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
  void check_parent(const node& n) const {
    if (n.parent == no_vertex)
      return;
    if (n.kind == node_kind::person)
      throw model_error("'" + n.id + "': a person has no parent; use relations and memberships instead");
    if (!contains(n.parent))
      throw model_error("'" + n.id + "': its parent is not a node of this model");
    const node_kind want = n.kind == node_kind::post ? node_kind::organization : n.kind;
    if (graph_[n.parent].kind != want)
      throw model_error("'" + n.id + "': a " + std::string(to_string(n.kind)) + "'s parent must be an " +
                        std::string(to_string(want)) + ", not the " + std::string(to_string(graph_[n.parent].kind)) +
                        " '" + graph_[n.parent].id + "'");
  }

  ORGRAPH_EXPORT void check_relation(vertex from, vertex to, const relation& r) const;

  graph_type graph_;
  // Removes one occurrence of `w` from attached_[v].
  void detach(vertex v, vertex w) noexcept {
    auto& list = attached_[v];
    if (const auto it = std::find(list.begin(), list.end(), w); it != list.end())
      list.erase(it);
  }

  std::unordered_map<std::string, vertex> ids_;
  std::vector<std::vector<vertex>> attached_; // see attached()
  std::vector<decision> decisions_;
  std::unordered_map<std::string, decision_index> decision_ids_;
};

} // namespace orgraph
