// The dates on which an answer can change: for each rule, everything it can read on any date, as the
// rule reads it (src/snapshot/ names the rule beside each function below). See history_detail.hpp for
// why the first days and the days after the last days of those facts are enough.

#include "history_detail.hpp"

#include <algorithm>

namespace orgraph::detail {

void change_points::presence(vertex v) {
  if (m_.kind(v) != node_kind::organization) {
    period(m_.lifetime(v));
    return;
  }
  // follow_successors() walks the first replacement out of each body while it has taken effect, and a
  // body is present while the one reached exists: every lifetime and replacement date along the walk.
  for (vertex at = v;;) {
    if (!chains_.insert(at))
      return; // walked before (or a cycle): the rest is in already
    period(m_.lifetime(at));
    const relation_id r = first_replacement(m_, at, true);
    if (r == relation_id())
      return;
    day(replacement_date(m_, r));
    at = m_.target(r);
  }
}

std::vector<date> change_points::take() {
  std::sort(days_.begin(), days_.end());
  days_.erase(std::unique(days_.begin(), days_.end()), days_.end());
  std::vector<date> out;
  out.reserve(days_.size() + 1);
  out.push_back(from_);
  for (std::int32_t d : days_)
    out.push_back(date::from_days(d));
  return out;
}

namespace {

bool is_post(const model& m, vertex v) { return m.kind(v) == node_kind::post; }

} // namespace

void manager_points(change_points& p, vertex x, relation_type type) {
  const model& m = p.m();
  p.presence(x);
  // best_candidates(): relations into x and into each post x holds; each source that is a post is
  // answered by its holder (resolve_holding) or, vacant, by its own best candidate by `manages`.
  std::vector<vertex> posts;
  const auto into = [&](vertex target) {
    for (relation_id r : m.in_relations(target, type)) {
      p.relation(r);
      if (is_post(m, m.source(r)))
        posts.push_back(m.source(r));
    }
  };
  into(x);
  if (m.kind(x) == node_kind::person)
    for (relation_id h : m.out_relations(x, relation_type::holds)) {
      p.relation(h);
      into(m.target(h));
    }
  seen_set<vertex> passed;
  while (!posts.empty()) {
    const vertex post = posts.back();
    posts.pop_back();
    if (!passed.insert(post))
      continue;
    for (relation_id h : m.in_relations(post, relation_type::holds))
      p.relation(h);
    for (relation_id r : m.in_relations(post, relation_type::manages)) {
      p.relation(r);
      if (is_post(m, m.source(r)))
        posts.push_back(m.source(r));
    }
  }
}

void dotted_points(change_points& p, vertex x) {
  const model& m = p.m();
  p.presence(x);
  const auto into = [&](vertex target) {
    for (relation_id r : m.in_relations(target, relation_type::dotted_line_manages)) {
      p.relation(r);
      if (is_post(m, m.source(r)))
        for (relation_id h : m.in_relations(m.source(r), relation_type::holds))
          p.relation(h);
    }
  };
  into(x);
  if (m.kind(x) == node_kind::person)
    for (relation_id h : m.out_relations(x, relation_type::holds)) {
      p.relation(h);
      into(m.target(h));
    }
}

void post_points(change_points& p, vertex person) {
  p.presence(person);
  for (relation_id h : p.m().out_relations(person, relation_type::holds))
    p.relation(h);
}

void holder_points(change_points& p, vertex post) {
  const model& m = p.m();
  p.presence(post);
  for (relation_id h : m.in_relations(post, relation_type::holds)) {
    p.relation(h);
    for (relation_id other : m.out_relations(m.source(h), relation_type::holds)) // seconded out of it?
      p.relation(other);
  }
}

namespace {

/// post_seat(): the post's lifetime, its holder, its ex officio memberships, its body and the bodies
/// its holdings name (each read through its successors).
void post_seat_points(change_points& p, vertex post) {
  const model& m = p.m();
  p.presence(post);
  for (relation_id h : m.in_relations(post, relation_type::holds)) {
    p.relation(h);
    if (m.organization(h) != no_vertex)
      p.presence(m.organization(h));
  }
  for (relation_id r : m.out_relations(post, relation_type::member_of))
    p.relation(r);
  if (m.parent(post) != no_vertex)
    p.presence(m.parent(post));
}

/// The posts whose seats a person or post can be in: those the person holds, or the post itself.
std::vector<vertex> seat_posts(const model& m, vertex x) {
  std::vector<vertex> posts;
  if (m.kind(x) == node_kind::post)
    posts.push_back(x);
  else
    for (relation_id h : m.out_relations(x, relation_type::holds))
      posts.push_back(m.target(h));
  std::sort(posts.begin(), posts.end());
  posts.erase(std::unique(posts.begin(), posts.end()), posts.end());
  return posts;
}

} // namespace

void seat_points(change_points& p, vertex x) {
  const model& m = p.m();
  p.presence(x);
  if (m.kind(x) == node_kind::person) {
    for (relation_id r : m.out_relations(x, relation_type::member_of))
      p.relation(r);
    for (relation_id h : m.out_relations(x, relation_type::holds))
      p.relation(h);
  }
  for (vertex post : seat_posts(m, x))
    post_seat_points(p, post);
}

std::vector<vertex> seat_names(const model& m, vertex x) {
  std::vector<vertex> names;
  if (m.kind(x) == node_kind::person)
    for (relation_id r : m.out_relations(x, relation_type::member_of))
      names.push_back(m.target(r));
  for (vertex post : seat_posts(m, x)) {
    for (relation_id r : m.out_relations(post, relation_type::member_of))
      names.push_back(m.target(r));
    if (m.parent(post) != no_vertex)
      names.push_back(m.parent(post));
    for (relation_id h : m.in_relations(post, relation_type::holds))
      if (m.organization(h) != no_vertex)
        names.push_back(m.organization(h));
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::vector<vertex> name_closure(const model& m, vertex body) {
  seen_set<vertex> met;
  std::vector<vertex> out;
  for (vertex at = body; met.insert(at);) { // the chain of successors
    out.push_back(at);
    const relation_id r = first_replacement(m, at, true);
    if (r == relation_id())
      break;
    at = m.target(r);
  }
  std::vector<vertex> stack(out);
  while (!stack.empty()) { // and back along every replacement into any of them
    const vertex at = stack.back();
    stack.pop_back();
    for (relation_id r : m.in_relations(at, relation_type::replaced_by))
      if (met.insert(m.source(r))) {
        out.push_back(m.source(r));
        stack.push_back(m.source(r));
      }
  }
  return out;
}

void member_points(change_points& p, const std::vector<vertex>& names, const posts_by_organization& named) {
  const model& m = p.m();
  seen_set<vertex> posts;
  const auto post = [&](vertex v) {
    if (!posts.insert(v))
      return;
    p.presence(v);
    for (relation_id h : m.in_relations(v, relation_type::holds))
      p.relation(h);
  };
  for (vertex n : names) {
    p.presence(n);
    for (relation_id r : m.in_relations(n, relation_type::member_of)) {
      p.relation(r);
      if (is_post(m, m.source(r)))
        post(m.source(r));
    }
    for (vertex c : m.children(n))
      if (is_post(m, c))
        post(c);
    for (std::uint32_t v : row(named.offsets, named.posts, n))
      post(v);
  }
}

void succession_points(change_points& p, const std::vector<vertex>& names) {
  for (vertex n : names)
    p.presence(n);
}

void reporting_points(change_points& p, const std::vector<vertex>& names) {
  const model& m = p.m();
  for (vertex n : names) {
    p.presence(n);
    for (relation_id r : m.out_relations(n, relation_type::reports_to))
      p.relation(r);
    if (m.parent(n) != no_vertex)
      p.presence(m.parent(n));
  }
}

std::vector<vertex> reachable_reports(const model& m, vertex manager) {
  // A person's answer names `manager` only along a line of manages relations that starts at it or at a
  // post it holds and passes nothing but posts (vacant ones escalate): walk that line down.
  std::vector<vertex> sources{manager}, persons;
  if (m.kind(manager) == node_kind::person)
    for (relation_id h : m.out_relations(manager, relation_type::holds))
      sources.push_back(m.target(h));
  seen_set<vertex> walked;
  while (!sources.empty()) {
    const vertex s = sources.back();
    sources.pop_back();
    if (!walked.insert(s))
      continue;
    for (relation_id r : m.out_relations(s, relation_type::manages)) {
      const vertex t = m.target(r);
      if (!is_post(m, t)) {
        persons.push_back(t);
        continue;
      }
      for (relation_id h : m.in_relations(t, relation_type::holds)) // managed through the post
        persons.push_back(m.source(h));
      sources.push_back(t); // and, while it is vacant, its reports
    }
  }
  std::sort(persons.begin(), persons.end());
  persons.erase(std::unique(persons.begin(), persons.end()), persons.end());
  return persons;
}

} // namespace orgraph::detail
