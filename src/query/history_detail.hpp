#pragma once
// Internal: what a history_index keeps, how a history finds the dates an answer can change on
// (history_points.cpp), and how answers asked on those dates become items and changes (history_sweep.cpp).
//
// An answer of the snapshot on a date reads the model's static fields and three kinds of dated fact:
// whether a relation's period contains the date, whether a node's lifetime does, and whether a
// replacement has taken effect. Each is a step function of the date that changes only on the first day
// of its period (or replacement) and on the day after its last. So an answer is constant between two
// consecutive such days among the facts it can read, and asking it on those days alone is asking it on
// every day. Each aspect's *_points function adds the days of everything its rule can read on any date:
// a superset is harmless (an extra day asks once more), a missing fact would be a missed change.

#include <orgraph/query/history.hpp>

#include "../detail/seen.hpp"
#include "../snapshot/state.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace orgraph::detail {

struct history_tables {
  posts_by_organization named; // for seats_of(): the posts each body's holdings name
  // Each body's decisions, by date then in the order added.
  std::vector<std::uint32_t> decision_offsets;
  std::vector<decision_index> decisions;
};

/// The days within (from, to] on which a new answer may begin, collected from the facts a rule reads.
class change_points {
public:
  change_points(const model& m, date from, date to) : m_(m), from_(from), to_(to) {}

  /// A new state may begin on `d`.
  void day(date d) {
    if (from_ < d && d <= to_)
      days_.push_back(d.days_since_epoch());
  }
  /// A period's first day and the day after its last (an open start is date::min(), never in the period).
  void period(const orgraph::period& p) {
    day(p.first_day());
    if (p.last_day() < date::max())
      day(p.last_day().plus_days(1));
  }
  /// Time rule 3: a node's presence; for a body, the lifetimes and replacements along its successors.
  void presence(vertex v);
  /// Time rule 4: a relation's period and both ends' presence.
  void relation(relation_id r) {
    period(m_.when(r));
    presence(m_.source(r));
    presence(m_.target(r));
  }

  /// `from`, then every day collected, ascending and each once.
  [[nodiscard]] std::vector<date> take();

  [[nodiscard]] const model& m() const noexcept { return m_; }

private:
  const model& m_;
  date from_, to_;
  std::vector<std::int32_t> days_;
  seen_set<vertex> chains_; // bodies whose successors have been walked
};

// ---- what each rule reads (history_points.cpp) ----------------------------------------------------

/// resolve_answer(x, type): relations of `type` into x and into the posts x holds, the holders of
/// their sources, and up through vacant posts by `manages`.
void manager_points(change_points& p, vertex x, relation_type type);
/// dotted_line_managers(x): its relations into x and x's posts, and the holders of their sources.
void dotted_points(change_points& p, vertex x);
/// The holdings of a person.
void post_points(change_points& p, vertex person);
/// holding(post): the holdings into the post, and the holders' other holdings (seconded out).
void holder_points(change_points& p, vertex post);
/// The seats a person or post can have: its memberships, and for each post it holds (or itself) the
/// post's holdings, memberships, body and the bodies holdings name.
void seat_points(change_points& p, vertex x);
/// The bodies a seat of a person or post can be recorded on (any date); members() of each answers.
std::vector<vertex> seat_names(const model& m, vertex x);
/// Every body that may, on some date, be a name of the body answering for `body` (names_of()): back
/// along every replacement into each body of its chain of successors. `body` first.
std::vector<vertex> name_closure(const model& m, vertex body);
/// seats_of() for the names: memberships into them, their posts (own, named, ex officio) and holdings.
void member_points(change_points& p, const std::vector<vertex>& names, const posts_by_organization& named);
/// The successors of every name (names_of(), successor(), in force).
void succession_points(change_points& p, const std::vector<vertex>& names);
/// first_step_of(): the reports_to relations and parents of every name.
void reporting_points(change_points& p, const std::vector<vertex>& names);
/// The persons whose line manager `manager` can be: down its manages relations and those of the posts
/// it holds, to their targets, the holders of target posts, and on down through posts. Vertex order.
std::vector<vertex> reachable_reports(const model& m, vertex manager);

// ---- from answers to items and changes (history_sweep.cpp) ---------------------------------------

/// An aspect's answer on a date.
using aspect_answer = std::function<std::vector<history_value>(const snapshot&)>;

/// Several aspects' answers on a date, in the order of the aspects asked: one question serving several
/// (a body's members and its chair are read from one members()).
using aspects_answer = std::function<std::vector<std::vector<history_value>>(const snapshot&)>;

/// Ask `answer` on the day before `from` (unless from is the first date there is) and on each of
/// `days`; append each aspect's items to its `items` and the changes from `from` on to `changes`, date
/// by date and in the order of `aspects` within a date.
void sweep(const model& m, const std::vector<history_aspect>& aspects, const std::vector<date>& days, date from,
           date to, const aspects_answer& answer, const std::vector<std::vector<history_item>*>& items,
           std::vector<history_change>& changes);

/// sweep() of one aspect.
void sweep(const model& m, history_aspect aspect, const std::vector<date>& days, date from, date to,
           const aspect_answer& answer, std::vector<history_item>& items, std::vector<history_change>& changes);

/// Merge the days of items into periods by what `key` gives each: one window_entry a key, periods
/// ascending and merged where they touch; entries by first day, then key.
std::vector<window_entry> windows_of(const std::vector<history_item>& items,
                                     const std::function<vertex(const history_value&)>& key);

} // namespace orgraph::detail
