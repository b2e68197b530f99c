// Finding nodes and decisions by id or name, with suggestions when nothing is found.

#include "lookup.hpp"

#include <orgraph/error.hpp>
#include <orgraph/query/find.hpp>

#include "output.hpp"
#include "suggest.hpp"

#include <algorithm>

namespace orgraph::cli {

namespace {

bool is_wanted(const orgraph::model& m, orgraph::vertex v, const wanted_kinds& wanted) {
  return wanted.takes(m.kind(v));
}

/// "a" or "an", for "'x' is an organization".
const char* article(orgraph::node_kind kind) noexcept {
  return kind == orgraph::node_kind::organization || kind == orgraph::node_kind::area ? "an" : "a";
}

/// "id (name)", or the id alone when the node has no name of its own; not yet escaped.
std::string id_and_name(const orgraph::model& m, orgraph::vertex v) {
  std::string s(m.id(v));
  if (!m.name(v).empty() && m.name(v) != m.id(v))
    s.append(" (").append(m.name(v)).append(")");
  return s;
}

/// The matches of a --name: the exact ones if any, else all.
std::vector<orgraph::vertex> best_matches(const std::vector<orgraph::node_match>& found) {
  std::vector<orgraph::vertex> exact;
  std::vector<orgraph::vertex> all;
  for (const auto& f : found) {
    all.push_back(f.node);
    if (f.exact)
      exact.push_back(f.node);
  }
  return exact.empty() ? all : exact;
}

/// "a (A), b (B), c (C) and 4 more".
std::string listed(const std::vector<std::string>& items) {
  std::string s;
  const std::size_t shown = std::min<std::size_t>(items.size(), 5);
  for (std::size_t i = 0; i < shown; ++i)
    s.append(i == 0 ? "" : ", ").append(items[i]);
  if (items.size() > shown)
    s.append(" and ").append(std::to_string(items.size() - shown)).append(" more");
  return s;
}

} // namespace

std::vector<std::string> similar_nodes(const orgraph::model& m, std::string_view text, const wanted_kinds& wanted) {
  const std::size_t limit = suggestion_limit(text);
  std::size_t best = limit + 1;
  std::vector<std::string> out;
  for (orgraph::vertex v = 0; v < m.node_count(); ++v) {
    if (!is_wanted(m, v, wanted))
      continue;
    const std::size_t by_id = suggestion_distance(text, m.id(v), limit);
    const std::size_t by_name = m.name(v).empty() ? limit + 1 : suggestion_distance(text, m.name(v), limit);
    const std::size_t d = std::min(by_id, by_name);
    if (d > limit || d > best)
      continue;
    if (d < best) {
      best = d;
      out.clear();
    }
    if (out.size() < 3) // by name: say whose name it is
      out.push_back(by_name < by_id ? id_and_name(m, v) : std::string(m.id(v)));
  }
  return out;
}

orgraph::vertex node_at(const orgraph::model& m, const std::string& file, const std::string& id,
                        const wanted_kinds& wanted, std::string_view command) {
  const auto v = m.find(id);
  if (!v)
    throw orgraph::reference_error(id, file + ": unknown id '" + id + "'" + did_you_mean(similar_nodes(m, id, wanted)));
  if (!is_wanted(m, *v, wanted)) {
    const auto kind = m.kind(*v);
    throw orgraph::reference_error(id, file + ": '" + id + "' is " + article(kind) + " " +
                                           std::string(orgraph::to_string(kind)) + ": " + std::string(command) +
                                           " needs " + std::string(wanted.needs));
  }
  return *v;
}

orgraph::vertex node_named(const orgraph::model& m, const std::string& file, const std::string& text,
                           const wanted_kinds& wanted) {
  const auto matches = best_matches(orgraph::find_nodes(m, text, {wanted.list()}));
  if (matches.size() == 1)
    return matches.front();
  if (matches.empty())
    throw orgraph::reference_error(text, file + ": no " + std::string(wanted.plural) + " named like '" + text + "'" +
                                             did_you_mean(similar_nodes(m, text, wanted)));
  std::vector<std::string> names;
  names.reserve(matches.size());
  for (auto v : matches)
    names.push_back(id_and_name(m, v));
  throw orgraph::reference_error(text, file + ": --name '" + text + "' matches " + std::to_string(matches.size()) +
                                           " " + std::string(wanted.plural) +
                                           " (give the id or more of the name): " + listed(names));
}

orgraph::vertex node_arg(const orgraph::model& m, const invocation& inv, std::size_t slot, const wanted_kinds& wanted,
                         const std::string& file) {
  bool by_id = true;
  const std::string text = inv.node_text(slot, by_id);
  return by_id ? node_at(m, file, text, wanted, inv.command) : node_named(m, file, text, wanted);
}

orgraph::decision_index decision_at(const orgraph::model& m, const std::string& file, const std::string& id) {
  if (const auto d = m.find_decision(id))
    return *d;
  std::vector<std::string> ids;
  for (const auto& d : m.decisions())
    ids.push_back(d.id);
  throw orgraph::reference_error(id, file + ": unknown decision '" + id + "'" + did_you_mean(closest(id, ids)));
}

orgraph::decision_index decision_arg(const orgraph::model& m, const invocation& inv, const std::string& file) {
  bool by_id = true;
  const std::string text = inv.node_text(0, by_id);
  if (by_id)
    return decision_at(m, file, text);
  const std::string wanted = orgraph::search_text(text);
  std::vector<orgraph::decision_index> exact;
  std::vector<orgraph::decision_index> partial;
  const auto& ds = m.decisions();
  for (orgraph::decision_index i = 0; i < ds.size(); ++i) {
    const std::string id = orgraph::search_text(ds[i].id);
    const std::string subject = orgraph::search_text(ds[i].subject);
    if (id == wanted || subject == wanted)
      exact.push_back(i);
    if (id.find(wanted) != std::string::npos || subject.find(wanted) != std::string::npos)
      partial.push_back(i);
  }
  const auto& found = exact.empty() ? partial : exact;
  if (found.size() == 1)
    return found.front();
  if (found.empty())
    throw orgraph::reference_error(text, file + ": no decision named like '" + text + "'");
  std::vector<std::string> names;
  names.reserve(found.size());
  for (auto i : found)
    names.push_back(ds[i].id + " (" + ds[i].subject + ")");
  throw orgraph::reference_error(text, file + ": --name '" + text + "' matches " + std::to_string(found.size()) +
                                           " decisions (give the id): " + listed(names));
}

} // namespace orgraph::cli
