#pragma once
// Internal: what a snapshot shares between its copies, and the rules each part is built from. Each rule
// is written once, here or in the file named beside it, and serves both a one-off question (computed
// on the spot) and the part that answers it for every node at once.

#include <orgraph/detail/lazy.hpp>
#include <orgraph/snapshot/influence_graph.hpp>
#include <orgraph/snapshot/snapshot.hpp>

#include <vector>

namespace orgraph::detail {

struct snapshot_state {
  lazy<bodies_part> bodies;
  lazy<holders_part> holders;
  lazy<line_part> line;
  lazy<seats_part> seats;
  lazy<links_part> links;
  lazy<influence_part> influence;
};

// ---- succession (snapshot.cpp) -------------------------------------------------------------------

/// The date a replaced_by relation takes effect: its start, else the successor's founding, else the day
/// after the predecessor's dissolution, else date::min().
date replacement_date(const model& m, relation_id replaced_by);

/// The replaced_by relation out of (forwards) or into (backwards) `body` that takes effect first, the
/// first added among equal dates; a default handle if none.
relation_id first_replacement(const model& m, vertex body, bool forwards);

/// Follow `body` forwards through the replacements that have taken effect by `on`; the bodies passed,
/// oldest first, go to `passed` if given. Stops before a body would repeat.
vertex follow_successors(const model& m, vertex body, date on, std::vector<vertex>* passed = nullptr);

/// The bodies whose relations count as `body`'s on the date: `body`, then every body whose successor it
/// is, in vertex order. `body` must be in force. From the bodies part if built, else found on the spot.
std::vector<vertex> names_of(const snapshot& snap, vertex body);

// ---- line management (line.cpp) ------------------------------------------------------------------

/// The winning `holds` relation into a post on the snapshot's date, by the rule of snapshot::holding().
relation_id resolve_holding(const snapshot& snap, vertex post);

/// Every holding that makes someone a holder of `post` on the date: the `holds` relations in force into
/// it of the best rank (a temporary one displaces the substantive ones), in the order added. Several
/// when a post is job-shared; the first is resolve_holding's.
std::vector<relation_id> effective_holdings(const snapshot& snap, vertex post);

/// A candidate for a node's manager (rules 1 to 3).
struct candidate {
  vertex source;
  relation_id relation;
  arrangement footing; // the arrangement that gives the rank: the relation's, or the holding's
  bool through_post;   // reached through a post the node holds, not a relation into the node
};

/// Rules 1 to 3: the candidates of the best rank for `x`'s manager by relations of `type`, in order.
std::vector<candidate> best_candidates(const snapshot& snap, vertex x, relation_type type);

/// The effective manager of `x` by relations of `type` (manages, supervises), resolved to a person.
line_answer resolve_answer(const snapshot& snap, vertex x, relation_type type);

line_part build_line(const snapshot& snap);

// ---- governance (seats.cpp, links.cpp) -------------------------------------------------------------

/// For each body, the posts whose holdings name it as their organization (any date), in vertex order.
struct posts_by_organization {
  std::vector<std::uint32_t> offsets, posts;
};
posts_by_organization index_posts_by_organization(const model& m);

/// Append the seats of `body` (in force) to `out`, in members()' order. `named` may be null: then the
/// holdings naming a body are found by a scan of every holding.
void seats_of(const snapshot& snap, vertex body, const posts_by_organization* named, std::vector<seat_record>& out);

seats_part build_seats(const snapshot& snap);

/// The first step of `body`'s reporting line (body in force); body == no_index if none.
step_record first_step_of(const snapshot& snap, vertex body);

links_part build_links(const snapshot& snap);

influence_part build_influence(const snapshot& snap);

} // namespace orgraph::detail
