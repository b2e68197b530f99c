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

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orgraph {

/** @brief The kind of link an influence step follows. */
enum class influence_link : std::uint8_t {
  sits_on,        ///< person → body: the person raises a matter at a body they sit on
  carried_by,     ///< body → person: a member carries the body's matters onward
  represented_by, ///< body → person: the person sits on another body on this body's behalf
  reports_to,     ///< body → body: a `reports_to` relation in force
  recommends_to,  ///< body → body: a `recommends_to` relation in force
  parent          ///< body → body: the body's parent organisation
};

/** @brief `"sits_on"`, `"carried_by"`, `"represented_by"`, `"reports_to"`, `"recommends_to"` or `"parent"`. */
[[nodiscard]] ORGRAPH_EXPORT std::string_view to_string(influence_link l) noexcept;

/** @brief How a role is ranked for weighting: read from the membership's role text. */
enum class role_rank : std::uint8_t {
  chair,      ///< is_chair_role()
  vice_chair, ///< "vice chair", "vice-chair", "deputy chair", ...
  member,     ///< any other role, or none
  observer    ///< a role containing "observer"
};

/**
 * @brief The rank of a role text: chair, vice-chair (a role with "vice" or "deputy"), observer (a
 * role with "observer"), otherwise member.
 * @code
 * assert(orgraph::rank_of_role("Chair, West Essex") == orgraph::role_rank::chair);
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT role_rank rank_of_role(std::string_view role) noexcept;

/** @brief What an influence distance counts. */
enum class influence_weighting : std::uint8_t {
  hops, ///< every step counts 1 (the default)
  roles ///< membership steps cost by role (role_weights); steps between bodies cost `body_link`
};

/**
 * @brief The cost of one step by role, for influence_weighting::roles: the lower, the more the
 * step carries. A membership step (sits_on, carried_by, represented_by) costs by the role of the
 * membership it uses. The defaults are binary fractions, so sums of them compare exactly.
 */
struct role_weights {
  double chair = 0.5;       ///< a step through a chair's seat
  double vice_chair = 0.75; ///< a step through a vice-chair's or deputy chair's seat
  double member = 1.0;      ///< a step through an ordinary seat, or one with no role given
  double observer = 2.0;    ///< a step through an observer's seat
  double body_link = 1.0; ///< reports_to, recommends_to, parent

  /** @brief The cost of a membership step in a role of this rank. */
  [[nodiscard]] constexpr double of(role_rank r) const noexcept {
    switch (r) {
    case role_rank::chair:
      return chair;
    case role_rank::vice_chair:
      return vice_chair;
    case role_rank::observer:
      return observer;
    case role_rank::member:
      break;
    }
    return member;
  }
};

/**
 * @brief Options of the influence queries.
 * @code
 * orgraph::influence_options o{3, orgraph::influence_weighting::roles};
 * @endcode
 */
struct influence_options {
  std::size_t k = 1;                                      ///< influence_paths: at most this many paths
  influence_weighting weighting = influence_weighting::hops; ///< what a distance counts
  role_weights weights{};                                 ///< step costs when weighting by roles
};

/** @brief One step of an influence path, with the relation and role it uses. */
struct influence_step {
  vertex from = no_vertex;                       ///< where the matter is before the step
  vertex to = no_vertex;                         ///< where it is after the step
  influence_link link = influence_link::sits_on; ///< how it moves: a seat, a carrier, a representative or a body link
  /// The model relation behind it: member_of or holds (a seat through a post) for membership steps,
  /// reports_to or recommends_to for those links; for `parent`, none (left as member_of, ignore it).
  relation_type relation = relation_type::member_of;
  std::string role;        ///< membership steps: the membership's role ("chair", "member", ...)
  vertex post = no_vertex; ///< membership steps: the post the seat goes with, if any
  vertex body = no_vertex; ///< membership steps: the body of the membership used (for represented_by, where the person sits)
  double weight = 1.0;     ///< the step's cost under the options asked with

  /** @brief Equal when every field is. */
  friend bool operator==(const influence_step& x, const influence_step& y) {
    return x.from == y.from && x.to == y.to && x.link == y.link && x.relation == y.relation && x.role == y.role &&
           x.post == y.post && x.body == y.body && x.weight == y.weight;
  }
};

/**
 * @brief A short label of a step: the link, and for membership steps the role after a colon.
 * @code
 * orgraph::step_label(step); // "sits_on:chair", "reports_to"
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::string step_label(const influence_step& s);

/** @brief A route from a person or body to a body: its vertices, its steps and its length. */
struct influence_path {
  std::vector<vertex> vertices;     ///< from the source to the target, both included
  std::vector<influence_step> steps; ///< one fewer than vertices
  double length = 0;                ///< the sum of the steps' weights (their number, counting hops)

  /** @brief The number of steps. */
  [[nodiscard]] std::size_t hops() const noexcept { return steps.size(); }

  /** @brief Equal when every field is. */
  friend bool operator==(const influence_path& x, const influence_path& y) {
    return x.vertices == y.vertices && x.steps == y.steps && x.length == y.length;
  }
};

/**
 * @brief The shortest influence paths from `from` (a person or body) to the body `to` on a date,
 * at most `options.k` of them, shortest first: the k shortest simple paths (Yen's algorithm over
 * Dijkstra). Among paths of equal length, the one whose vertices, compared in order, were added to
 * the model first comes first. Empty when there is no path.
 *
 * A replaced body (either end) is read as its successor on the date. Throws model_error if `from`
 * is not a person or organization, `to` not an organization, or they are the same.
 * @code
 * auto paths = orgraph::influence_paths(m, m.at("org-dcp-harlow"), m.at("org-ecc"), on, {3});
 * for (const auto& p : paths) for (vertex v : p.vertices) std::cout << m[v].id << ' ';
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT std::vector<influence_path> influence_paths(const model& m, vertex from, vertex to,
                                                                         date on = date::today(),
                                                                         const influence_options& options = {});

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
 * vertex split in two by an arc of capacity 1. A direct step counts as one channel. The paths are
 * those the flow uses, so they need not be the shortest; their `length` counts hops.
 *
 * Ends and errors as influence_paths().
 * @code
 * auto c = orgraph::independent_channels(m, m.at("org-dcp-epping"), m.at("org-ccdb"), on);
 * std::cout << c.count() << " channels\n";
 * @endcode
 */
[[nodiscard]] ORGRAPH_EXPORT channel_answer independent_channels(const model& m, vertex from, vertex to,
                                                                 date on = date::today());

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
[[nodiscard]] ORGRAPH_EXPORT std::vector<vertex> single_points_of_failure(const model& m, vertex from, vertex to,
                                                                          date on = date::today());

/** @brief A body within reach, and how far. */
struct reach_entry {
  vertex body = no_vertex; ///< a body `from` can raise a matter at
  double distance = 0;  ///< the shortest distance under the options asked with
  std::size_t hops = 0; ///< the number of steps of a shortest path found

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
[[nodiscard]] ORGRAPH_EXPORT std::vector<reach_entry> influence_reach(const model& m, vertex from,
                                                                      date on = date::today(),
                                                                      const influence_options& options = {});

namespace detail {
struct influence_network_data;
} // namespace detail

/**
 * @brief The influence graph of a model on one date, built once for many questions.
 *
 * Each influence query on a model builds this graph for its date. When many questions are asked
 * about one date (every partnership against every board, a benchmark), build the network once and
 * ask it: influence_paths(), independent_channels(), single_points_of_failure() and influence_reach()
 * take a network in place of (model, date, options) and give the same answers. The network refers
 * to the model, which must outlive it and stay unchanged. Const queries on one network may run from
 * many threads at once.
 * @code
 * orgraph::influence_network net(m, orgraph::date::from_ymd(2011, 4, 14));
 * for (auto dcp : {m.at("dcp-harlow"), m.at("dcp-uttlesford")})
 *   std::cout << orgraph::independent_channels(net, dcp, m.at("essex-ctb")).count() << '\n';
 * @endcode
 */
class influence_network {
public:
  /** @brief Build the influence graph of `m` on `on`, weighted as `options` says (its `k` is not used). */
  ORGRAPH_EXPORT influence_network(const orgraph::model& m, date on, const influence_options& options = {});
  ORGRAPH_EXPORT ~influence_network();
  /** @brief Networks move; copying one would copy its whole graph, so they do not copy. */
  ORGRAPH_EXPORT influence_network(influence_network&&) noexcept;
  /** @brief Move-assign. */
  ORGRAPH_EXPORT influence_network& operator=(influence_network&&) noexcept;

  /** @brief The model the network was built from. */
  [[nodiscard]] const orgraph::model& model() const noexcept { return *model_; }
  /** @brief The date it answers for. */
  [[nodiscard]] date on() const noexcept { return on_; }
  /** @brief The options it was built with. */
  [[nodiscard]] const influence_options& options() const noexcept { return options_; }
  /** @brief The number of steps (edges) in the graph. */
  [[nodiscard]] ORGRAPH_EXPORT std::size_t step_count() const noexcept;

  /// @cond internal
  [[nodiscard]] const detail::influence_network_data& data() const noexcept { return *data_; }
  /// @endcond

private:
  const orgraph::model* model_;
  date on_;
  influence_options options_;
  std::unique_ptr<detail::influence_network_data> data_;
};

/** @brief influence_paths() on a network: at most `k` paths, as the model function gives them. */
[[nodiscard]] ORGRAPH_EXPORT std::vector<influence_path> influence_paths(const influence_network& net, vertex from,
                                                                         vertex to, std::size_t k = 1);
/** @brief independent_channels() on a network. */
[[nodiscard]] ORGRAPH_EXPORT channel_answer independent_channels(const influence_network& net, vertex from, vertex to);
/** @brief single_points_of_failure() on a network. */
[[nodiscard]] ORGRAPH_EXPORT std::vector<vertex> single_points_of_failure(const influence_network& net, vertex from,
                                                                          vertex to);
/** @brief influence_reach() on a network. */
[[nodiscard]] ORGRAPH_EXPORT std::vector<reach_entry> influence_reach(const influence_network& net, vertex from);

/** @brief How a body is linked to the body it reports to by shared members. */
enum class link_level : std::uint8_t {
  unlinked,     ///< nobody sits on both
  single_linked, ///< one person sits on both
  double_linked  ///< two or more do, as sociocracy asks
};

/** @brief `"unlinked"`, `"single_linked"` or `"double_linked"`. */
[[nodiscard]] ORGRAPH_EXPORT std::string_view to_string(link_level l) noexcept;

/** @brief One line of the double-linking audit: a body, the body above it, and who sits on both. */
struct link_audit_entry {
  vertex body = no_vertex;                        ///< the body audited, in force on the date
  vertex above = no_vertex;                       ///< the body it reports to (a successor, if the relation names a replaced body)
  reporting_via via = reporting_via::reports_to;  ///< a reports_to relation, or the parent when none is in force
  std::vector<vertex> linking;                    ///< persons on both, in the order of members(body)
  link_level level = link_level::unlinked;        ///< how many sit on both: none, one, two or more

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
[[nodiscard]] ORGRAPH_EXPORT std::vector<link_audit_entry> double_linking_audit(const model& m,
                                                                                date on = date::today());

} // namespace orgraph
