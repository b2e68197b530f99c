// Line management's rules (docs/concepts.md, "Line management"), each written once: the holder of a
// post, the effective manager of a node, and the part that resolves every node's manager at once.

#include "../detail/seen.hpp"
#include "state.hpp"

#include <algorithm>

namespace orgraph::detail {

relation_id resolve_holding(const snapshot& snap, vertex post) {
  const model& m = snap.model();
  relation_id best;
  int best_rank = -1;
  for (relation_id r : m.in_relations(post, relation_type::holds))
    if (snap.in_force(r) && precedence(m.arrangement(r)) > best_rank) { // strictly: the first among equals
      best = r;
      best_rank = precedence(m.arrangement(r));
    }
  return best;
}

std::vector<relation_id> effective_holdings(const snapshot& snap, vertex post) {
  const model& m = snap.model();
  std::vector<relation_id> out;
  int best_rank = -1;
  for (relation_id r : m.in_relations(post, relation_type::holds)) {
    if (!snap.in_force(r))
      continue;
    const int rank = precedence(m.arrangement(r));
    if (rank > best_rank) {
      out.clear();
      best_rank = rank;
    }
    if (rank == best_rank)
      out.push_back(r);
  }
  return out;
}

std::vector<candidate> best_candidates(const snapshot& snap, vertex x, relation_type type) {
  const model& m = snap.model();
  std::vector<candidate> all;
  const auto add_from = [&](vertex target, arrangement holding, bool through_post) {
    for (relation_id r : m.in_relations(target, type))
      if (snap.in_force(r)) {
        const arrangement a = precedence(holding) > precedence(m.arrangement(r)) ? holding : m.arrangement(r);
        all.push_back({m.source(r), r, a, through_post});
      }
  };
  add_from(x, arrangement::substantive, false);
  if (m.kind(x) == node_kind::person)
    for (relation_id h : m.out_relations(x, relation_type::holds))
      if (snap.in_force(h))
        add_from(m.target(h), m.arrangement(h), true);
  int best = 0;
  for (const auto& c : all)
    best = std::max(best, precedence(c.footing));
  all.erase(std::remove_if(all.begin(), all.end(), [&](const candidate& c) { return precedence(c.footing) != best; }),
            all.end());
  return all;
}

line_answer resolve_answer(const snapshot& snap, vertex x, relation_type type) {
  const model& m = snap.model();
  line_answer answer;
  const auto candidates = best_candidates(snap, x, type);
  if (candidates.empty())
    return answer;
  const candidate& first = candidates.front();
  answer.found = true;
  answer.winner = first.relation;
  answer.arrangement = static_cast<std::uint8_t>(first.footing);
  answer.named = !first.through_post;

  // Two candidates are the same manager if they are the same node or resolve to the same person; two
  // different vacant posts resolve to nobody, which does not make them the same.
  const auto person_of = [&](vertex s) { return m.kind(s) == node_kind::person ? s : snap.holder(s); };
  const vertex first_person = person_of(first.source);
  for (std::size_t i = 1; i < candidates.size() && !answer.ambiguous; ++i)
    answer.ambiguous = candidates[i].source != first.source &&
                       (first_person == no_vertex || person_of(candidates[i].source) != first_person);

  // Rule 5: a vacant post escalates to its own line manager, never looping.
  vertex source = first.source;
  seen_set<vertex> passed;
  for (std::size_t guard = 0; guard <= m.node_count(); ++guard) {
    if (m.kind(source) == node_kind::person) {
      answer.manager = static_cast<std::uint32_t>(source);
      return answer;
    }
    if (const vertex h = snap.holder(source); h != no_vertex) {
      answer.manager = static_cast<std::uint32_t>(h);
      answer.post = static_cast<std::uint32_t>(source);
      return answer;
    }
    answer.vacant_posts.push_back(source);
    passed.insert(source);
    const auto above = best_candidates(snap, source, relation_type::manages);
    if (above.empty())
      return answer; // vacant all the way to the top
    source = above.front().source;
    if (passed.contains(source))
      return answer; // a cycle of vacant posts: validate() reports it
  }
  return answer;
}

namespace {

/// A compressed list of the nodes `key_of(t)` names, for every node t with keys, in vertex order.
template <class KeysOf>
void invert(std::size_t n, std::vector<std::uint32_t>& offsets, std::vector<std::uint32_t>& values,
            const KeysOf& keys_of) {
  offsets.assign(n + 1, 0);
  for (std::uint32_t t = 0; t < n; ++t)
    keys_of(t, [&](std::uint32_t key) { ++offsets[key + 1]; });
  for (std::size_t v = 0; v < n; ++v)
    offsets[v + 1] += offsets[v];
  values.resize(offsets[n]);
  std::vector<std::uint32_t> at(offsets.begin(), offsets.end() - 1);
  for (std::uint32_t t = 0; t < n; ++t)
    keys_of(t, [&](std::uint32_t key) { values[at[key]++] = t; });
}

} // namespace

line_part build_line(const snapshot& snap) {
  const model& m = snap.model();
  const std::size_t n = m.node_count();
  line_part p;
  p.manager.assign(n, no_index);
  p.post.assign(n, no_index);
  p.chain_length.assign(n, 0);
  p.winner.assign(n, relation_id());
  p.flags.assign(n, 0);
  p.arrangement.assign(n, 0);

  // 1. Every answer, once, by the rule above.
  for (vertex x = 0; x < n; ++x) {
    const node_kind k = m.kind(x);
    if (k != node_kind::person && k != node_kind::post)
      continue;
    if (m.in_relations(x, relation_type::manages).empty() &&
        (k != node_kind::person || m.out_relations(x, relation_type::holds).empty()))
      continue; // nothing could manage it: skip the work
    line_answer a = resolve_answer(snap, x, relation_type::manages);
    if (!a.found)
      continue;
    p.flags[x] = static_cast<std::uint8_t>(line_part::found | (a.ambiguous ? line_part::ambiguous : 0) |
                                           (a.named ? line_part::named : 0) |
                                           (a.vacant_posts.empty() ? 0 : line_part::vacant_passed));
    p.manager[x] = a.manager;
    p.post[x] = a.post;
    p.winner[x] = a.winner;
    p.arrangement[x] = a.arrangement;
    if (!a.vacant_posts.empty())
      p.vacant.emplace(static_cast<std::uint32_t>(x), std::move(a.vacant_posts));
  }

  // 2. Chain lengths, as management_chain counts them: a step per answer, the last one the vacant top
  // or the step before someone would repeat. Memoised along the walk, so linear overall.
  enum : std::uint8_t { unseen, walking, known };
  std::vector<std::uint8_t> state(n, unseen);
  std::vector<std::uint32_t> path;
  for (std::uint32_t start = 0; start < n; ++start) {
    if (state[start] != unseen)
      continue;
    path.clear();
    std::uint32_t v = start;
    while (v != no_index && state[v] == unseen) {
      state[v] = walking;
      path.push_back(v);
      v = p.manager[v];
    }
    std::size_t i = path.size();
    if (v != no_index && state[v] == walking) {
      // The walk ends in a cycle that starts at v: from a node on it the chain goes round once and stops.
      const auto first = static_cast<std::size_t>(std::find(path.begin(), path.end(), v) - path.begin());
      const std::size_t cycle = path.size() - first;
      for (std::size_t j = first; j < path.size(); ++j) {
        p.chain_length[path[j]] = static_cast<std::uint32_t>(cycle - 1);
        state[path[j]] = known;
      }
      i = first;
    }
    while (i-- > 0) {
      const std::uint32_t u = path[i];
      const std::uint32_t next = p.manager[u];
      std::uint32_t len = 0;
      if ((p.flags[u] & line_part::found) != 0)
        len = next == no_index ? 1 : 1 + p.chain_length[next];
      p.chain_length[u] = len;
      state[u] = known;
    }
  }

  // 3. The inverse lists, from the same answers: so the reports can never disagree with the chain.
  invert(n, p.below_offsets, p.below, [&](std::uint32_t t, const auto& key) {
    if (p.manager[t] != no_index && p.manager[t] != t)
      key(p.manager[t]);
  });
  invert(n, p.post_below_offsets, p.post_below, [&](std::uint32_t t, const auto& key) {
    if (p.post[t] != no_index && p.post[t] != t)
      key(p.post[t]);
    if (const auto it = p.vacant.find(t); it != p.vacant.end())
      for (vertex v : it->second)
        if (v != t && v != p.post[t])
          key(static_cast<std::uint32_t>(v));
  });
  return p;
}

} // namespace orgraph::detail
