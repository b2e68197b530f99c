#pragma once
/// @file
/// @brief Influence on a date: the routes by which a person or body can raise a matter at a body,
/// how many independent channels there are, who is a single point of failure, how far a body's
/// reach goes, and whether linked bodies share members (sociocracy's double linking).
///
/// The influence graph (docs/influence.md has the rules in full) has a vertex for every person and
/// every body in force on the date, and a step for each way a matter can move:
/// - person → body: the person raises it where they sit (members() and bodies_of() say where);
/// - body → person: one of the body's members carries it onward to the other bodies they sit on;
/// - body X → person: the person sits somewhere on behalf of X, so carries X's matters there;
/// - body → body: `reports_to`, `recommends_to` and the parent organisation.
///
/// Distances count steps (hops) by default; influence_weighting::roles makes a step through a chair
/// shorter and one through an observer longer.

#include <orgraph/export.hpp>
#include <orgraph/model/model.hpp>
#include <orgraph/query/governance.hpp>
#include <orgraph/snapshot/influence_types.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orgraph {

/**
 * @brief The shortest influence paths from `from` (a person or body) to the body `to` on a date,
 * at most `options.k` of them, shortest first: the k shortest simple paths
 * (orgraph::graph::k_shortest_paths, Yen's algorithm). Among paths of equal length, the one whose vertices, compared in
 * order, were added to the model first comes first. Empty when there is no path.
 *
 * A replaced body (either end) is read as its successor on the date. Throws model_error if `from`
 * is not a person or organization, `to` not an organization, or they are the same.
 * @code
 * auto paths = orgraph::influence_paths(m, m.at("org-dcp-harlow"), m.at("org-ecc"), on, {3});
 * for (const auto& p : paths) for (vertex v : p.vertices) std::cout << m[v].id << ' ';
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<influence_path> influence_paths(const snapshot& s, vertex from, vertex to,
                                                                         const influence_options& options = {});
/** @brief influence_paths() as on `on`. */
[[nodiscard]] inline std::vector<influence_path> influence_paths(const model& m, vertex from, vertex to,
                                                                 date on = date::today(),
                                                                 const influence_options& options = {}) {
  return influence_paths(snapshot(m, on), from, to, options);
}

/** @brief The independent channels between two nodes: as many paths as can share no one in between. */
struct channel_answer {
  /// Paths that share no intermediate person or body, as many as there can be (Menger's theorem).
  std::vector<influence_path> paths;

  /** @brief How many independent channels there are. */
  [[nodiscard]] std::size_t count() const noexcept { return paths.size(); }
};

/**
 * @brief The largest number of influence paths from `from` to `to` on a date that share no
 * intermediate person or body, with the paths: a maximum flow on the graph with each intermediate
 * vertex split in two by an arc of capacity 1 (orgraph::graph::vertex_disjoint_paths). A direct step
 * counts as one channel. The paths are those the flow uses, so they need not be the shortest; they
 * are listed shortest first, then by the tie rule of influence_paths(); their `length` counts hops.
 *
 * Ends and errors as influence_paths().
 * @code
 * auto c = orgraph::independent_channels(m, m.at("org-dcp-epping"), m.at("org-ccdb"), on);
 * std::cout << c.count() << " channels\n";
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT channel_answer independent_channels(const snapshot& s, vertex from, vertex to);
/** @brief independent_channels() as on `on`. */
[[nodiscard]] inline channel_answer independent_channels(const model& m, vertex from, vertex to,
                                                         date on = date::today()) {
  return independent_channels(snapshot(m, on), from, to);
}

/**
 * @brief The persons and bodies whose absence on a date would cut every influence path from
 * `from` to `to`, in the order they lie on a shortest path, nearest `from` first. Empty when there
 * is no path at all (nothing to cut) or when a step leads straight from `from` to `to`.
 *
 * Ends and errors as influence_paths().
 * @code
 * for (vertex v : orgraph::single_points_of_failure(m, m.at("org-dcp-harlow"), m.at("org-ccdb"), on))
 *   std::cout << m[v].name << '\n';
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<vertex> single_points_of_failure(const snapshot& s, vertex from, vertex to);
/** @brief single_points_of_failure() as on `on`. */
[[nodiscard]] inline std::vector<vertex> single_points_of_failure(const model& m, vertex from, vertex to,
                                                                  date on = date::today()) {
  return single_points_of_failure(snapshot(m, on), from, to);
}

/** @brief A body within reach, and how far. */
struct reach_entry {
  vertex body = no_vertex; ///< a body `from` can raise a matter at
  double distance = 0;     ///< the shortest distance under the options asked with
  std::size_t hops = 0;    ///< the number of steps of a shortest path found

  /** @brief Equal when every field is. */
  friend bool operator==(const reach_entry& x, const reach_entry& y) {
    return x.body == y.body && x.distance == y.distance && x.hops == y.hops;
  }
};

/**
 * @brief Every body in force that `from` (a person or body) can influence on a date, nearest first
 * (bodies added first among equals), `from` itself excluded.
 * @code
 * for (const auto& r : orgraph::influence_reach(m, m.at("p-chair-harlow"), on))
 *   std::cout << m[r.body].id << ' ' << r.distance << '\n';
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<reach_entry> influence_reach(const snapshot& s, vertex from,
                                                                      const influence_options& options = {});
/** @brief influence_reach() as on `on`. */
[[nodiscard]] inline std::vector<reach_entry> influence_reach(const model& m, vertex from, date on = date::today(),
                                                              const influence_options& options = {}) {
  return influence_reach(snapshot(m, on), from, options);
}

/**
 * @brief A snapshot and the options its influence questions are weighted by: a name for asking many
 * influence questions about one date.
 *
 * The influence graph belongs to the snapshot and is built once; the network adds the weighting.
 * @code
 * orgraph::influence_network net(m, orgraph::date::from_ymd(2011, 4, 14));
 * for (auto dcp : {m.at("dcp-harlow"), m.at("dcp-uttlesford")})
 *   std::cout << orgraph::independent_channels(net, dcp, m.at("essex-ctb")).count() << '\n';
 * @endcode
 */
class influence_network {
public:
  /** @brief The influence graph of `m` on `on`, weighted as `options` says (its `k` is not used). */
  influence_network(const orgraph::model& m, date on, const influence_options& options = {})
      : snapshot_(m, on), options_(options) {}
  /** @brief The influence graph of a snapshot, weighted as `options` says. */
  explicit influence_network(orgraph::snapshot s, const influence_options& options = {})
      : snapshot_(std::move(s)), options_(options) {}

  /** @brief The model the network was built from. */
  [[nodiscard]] const orgraph::model& model() const noexcept { return snapshot_.model(); }
  /** @brief The date it answers for. */
  [[nodiscard]] date on() const noexcept { return snapshot_.on(); }
  /** @brief The options it was built with. */
  [[nodiscard]] const influence_options& options() const noexcept { return options_; }
  /** @brief The snapshot whose influence graph it asks. */
  [[nodiscard]] const orgraph::snapshot& snapshot() const noexcept { return snapshot_; }
  /** @brief The number of edges in the influence graph (ordered pairs joined by a step). */
  [[nodiscard]] ORGRAPH_EXPORT std::size_t step_count() const;

private:
  orgraph::snapshot snapshot_;
  influence_options options_;
};

/** @brief influence_paths() on a network: at most `k` paths, as the model function gives them. */
[[nodiscard]] inline std::vector<influence_path> influence_paths(const influence_network& net, vertex from, vertex to,
                                                                 std::size_t k = 1) {
  influence_options o = net.options();
  o.k = k;
  return influence_paths(net.snapshot(), from, to, o);
}
/** @brief independent_channels() on a network. */
[[nodiscard]] inline channel_answer independent_channels(const influence_network& net, vertex from, vertex to) {
  return independent_channels(net.snapshot(), from, to);
}
/** @brief single_points_of_failure() on a network. */
[[nodiscard]] inline std::vector<vertex> single_points_of_failure(const influence_network& net, vertex from,
                                                                  vertex to) {
  return single_points_of_failure(net.snapshot(), from, to);
}
/** @brief influence_reach() on a network. */
[[nodiscard]] inline std::vector<reach_entry> influence_reach(const influence_network& net, vertex from) {
  return influence_reach(net.snapshot(), from, net.options());
}

/** @brief How a body is linked to the body it reports to by shared members. */
enum class link_level : std::uint8_t {
  unlinked,      ///< nobody sits on both
  single_linked, ///< one person sits on both
  double_linked  ///< two or more do, as sociocracy asks
};

/** @brief `"unlinked"`, `"single_linked"` or `"double_linked"`. */
[[nodiscard]] ORGRAPH_EXPORT std::string_view to_string(link_level l) noexcept;

/** @brief One line of the double-linking audit: a body, the body above it, and who sits on both. */
struct link_audit_entry {
  vertex body = no_vertex;  ///< the body audited, in force on the date
  vertex above = no_vertex; ///< the body it reports to (a successor, if the relation names a replaced body)
  reporting_via via = reporting_via::reports_to; ///< a reports_to relation, or the parent when none is in force
  std::vector<vertex> linking;                   ///< persons on both, in the order of members(body)
  link_level level = link_level::unlinked;       ///< how many sit on both: none, one, two or more

  /** @brief Equal when every field is. */
  friend bool operator==(const link_audit_entry& x, const link_audit_entry& y) {
    return x.body == y.body && x.above == y.above && x.via == y.via && x.linking == y.linking && x.level == y.level;
  }
};

/**
 * @brief For every body in force on a date and each body it reports to (every `reports_to` in force,
 * or its parent organisation when none is), the persons who sit on both and the link level. Bodies
 * in the order added, then their `reports_to` relations in the order added.
 * @code
 * for (const auto& e : orgraph::double_linking_audit(m, on))
 *   std::cout << m[e.body].id << " -> " << m[e.above].id << ": " << orgraph::to_string(e.level) << '\n';
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<link_audit_entry> double_linking_audit(const snapshot& s);
/** @brief double_linking_audit() as on `on`. */
[[nodiscard]] inline std::vector<link_audit_entry> double_linking_audit(const model& m, date on = date::today()) {
  return double_linking_audit(snapshot(m, on));
}

} // namespace orgraph
