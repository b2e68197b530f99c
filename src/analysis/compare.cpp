#include <orgraph/analysis/compare.hpp>
#include <orgraph/query/governance.hpp>
#include <orgraph/query/line_management.hpp>

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace orgraph {

namespace {

struct side {
  const snapshot& snap;
  const model& m;
  explicit side(const snapshot& s) : snap(s), m(s.model()) {}
};

/// Ids in order, and a table to ask whether one is there: comparing two boards of a thousand members
/// must not search one list for each member of the other. The table views the model's own texts.
struct id_list {
  std::vector<std::string> ids;
  std::unordered_set<std::string_view> index;

  void add(std::string_view model_id) {
    if (index.insert(model_id).second)
      ids.emplace_back(model_id);
  }
  [[nodiscard]] bool contains(std::string_view id) const { return index.count(id) != 0; }
};

id_list body_ids(const side& s) {
  id_list out;
  for (vertex b : active_bodies(s.snap))
    out.add(s.m[b].id);
  return out;
}

/// The persons on a body, in members() order, each with their seats as sorted summaries.
struct body_members {
  id_list persons;
  std::unordered_map<std::string_view, std::vector<seat_summary>> seats;
};

body_members members_of(const side& s, const std::string& body) {
  body_members out;
  const auto v = s.m.find(body);
  if (!v || !in_force(s.snap, *v))
    return out;
  const auto id_of = [&](vertex x) { return x == no_vertex ? std::string() : std::string(s.m[x].id); };
  for (const auto& seat : members(s.snap, *v)) {
    if (!seat.person)
      continue;
    const std::string_view person = s.m[*seat.person].id;
    out.persons.add(person);
    out.seats[person].push_back({id_of(seat.post), seat.role, id_of(seat.on_behalf_of), id_of(seat.area)});
  }
  for (auto& [person, list] : out.seats) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return out;
}

std::optional<std::string> manager_id(const side& s, vertex person) {
  const auto a = line_manager(s.snap, person);
  if (!a || !a->manager)
    return std::nullopt;
  return std::string(s.m[*a->manager].id);
}

// The influence networks of one side, built once for all the pairs: paths are weighted as the caller
// asked, channels and single points of failure are counted on hops, as the model functions do.
struct side_networks {
  influence_network weighted;
  influence_network hops;

  side_networks(const side& s, const influence_options& options) : weighted(s.snap, options), hops(s.snap) {}
  [[nodiscard]] const influence_network& by_hops() const { return hops; }
};

influence_measure measure(const side& s, const side_networks& nets, const influence_pair& pair) {
  influence_measure out;
  const auto from = s.m.find(pair.from);
  const auto to = s.m.find(pair.to);
  if (!from || !to)
    return out;
  out.found = true;
  const auto paths = influence_paths(nets.weighted, *from, *to, 1);
  if (!paths.empty()) {
    out.distance = paths.front().length;
    out.hops = paths.front().hops();
  }
  out.channels = independent_channels(nets.by_hops(), *from, *to).count();
  for (vertex v : single_points_of_failure(nets.by_hops(), *from, *to))
    out.single_points_of_failure.push_back(std::string(s.m[v].id));
  return out;
}

comparison compare_sides(const side& a, const side& b, const std::vector<influence_pair>& pairs,
                         const influence_options& options) {
  comparison c;
  const id_list before = body_ids(a);
  const id_list after = body_ids(b);
  for (const auto& id : after.ids)
    if (!before.contains(id))
      c.bodies_added.push_back(id);
  for (const auto& id : before.ids)
    if (!after.contains(id))
      c.bodies_removed.push_back(id);

  std::vector<std::string> all = before.ids;
  for (const auto& id : c.bodies_added)
    all.push_back(id);
  for (const auto& body : all) {
    const body_members was = members_of(a, body);
    const body_members is = members_of(b, body);
    for (const auto& p : is.persons.ids) {
      const auto& now = is.seats.at(p);
      if (!was.persons.contains(p))
        c.members_added.push_back({body, p, {}, now});
      else if (const auto& then = was.seats.at(p); then != now)
        c.members_changed.push_back({body, p, then, now});
    }
    for (const auto& p : was.persons.ids)
      if (!is.persons.contains(p))
        c.members_removed.push_back({body, p, was.seats.at(p), {}});
    size_change size;
    size.body = body;
    if (before.contains(body))
      size.before = was.persons.ids.size();
    if (after.contains(body))
      size.after = is.persons.ids.size();
    c.sizes.push_back(std::move(size));
  }

  for (vertex p = 0; p < a.m.node_count(); ++p) {
    if (a.m[p].kind != node_kind::person)
      continue;
    const auto q = b.m.find(a.m[p].id);
    if (!q || b.m[*q].kind != node_kind::person)
      continue;
    auto was = manager_id(a, p);
    auto is = manager_id(b, *q);
    if (was != is)
      c.managers_changed.push_back({std::string(a.m[p].id), std::move(was), std::move(is)});
  }

  if (!pairs.empty()) {
    const side_networks nets_a(a, options), nets_b(b, options);
    for (const auto& pair : pairs)
      c.pairs.push_back({pair.from, pair.to, measure(a, nets_a, pair), measure(b, nets_b, pair)});
  }
  return c;
}

} // namespace

comparison compare(const snapshot& before, const snapshot& after, const std::vector<influence_pair>& pairs,
                   const influence_options& options) {
  // Every body's members and every line manager are read: resolve them once on each side.
  before.prepare(snapshot::part::seats);
  after.prepare(snapshot::part::seats);
  before.prepare(snapshot::part::line_management);
  after.prepare(snapshot::part::line_management);
  return compare_sides(side(before), side(after), pairs, options);
}

} // namespace orgraph
