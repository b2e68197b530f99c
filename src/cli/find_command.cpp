// find: the nodes whose id or name contains a text, case and accents ignored (orgraph::find_nodes).

#include <orgraph/query/find.hpp>

#include "commands.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace orgraph::cli {

namespace {

/// The kinds --kind names: body is an organization.
orgraph::find_options kinds_of(const std::optional<std::string>& kind) {
  orgraph::find_options o;
  if (!kind)
    return o;
  if (*kind == "person")
    o.kinds = {orgraph::node_kind::person};
  else if (*kind == "post")
    o.kinds = {orgraph::node_kind::post};
  else if (*kind == "body")
    o.kinds = {orgraph::node_kind::organization};
  else
    o.kinds = {orgraph::node_kind::area};
  return o;
}

} // namespace

// ---- find FILE TEXT [--kind person|post|body|area] [--json|--csv] ----

int run_find(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const std::string& text = inv.text;
  auto found = orgraph::find_nodes(m, text, kinds_of(inv.kind));
  // Whole ids and names first, each group in the model's order.
  std::stable_partition(found.begin(), found.end(), [](const orgraph::node_match& f) { return f.exact; });

  if (inv.json) {
    boost::json::array items;
    for (const auto& f : found)
      items.emplace_back(boost::json::object{{"id", std::string(m[f.node].id)},
                                             {"name", std::string(m[f.node].name)},
                                             {"kind", orgraph::to_string(m[f.node].kind)},
                                             {"exact", f.exact}});
    print_json(out,
               boost::json::object{{"text", text},
                                   {"kind", inv.kind ? boost::json::value(*inv.kind) : boost::json::value(nullptr)},
                                   {"matches", std::move(items)}});
    return exit_ok;
  }

  const std::string what = inv.kind ? *inv.kind : "node";
  if (prose(inv)) {
    if (found.empty()) {
      out << "No " << printable(what) << " of " << printable(inv.file) << " has '" << printable(text)
          << "' in its id or name\n";
      return exit_ok;
    }
    out << "Matches for '" << printable(text) << "' in " << printable(inv.file) << ": " << found.size() << '\n';
  }
  table t({"ID", "NAME", "KIND", "MATCH"});
  for (const auto& f : found)
    t.add_row({std::string(m[f.node].id), std::string(m[f.node].name), std::string(orgraph::to_string(m[f.node].kind)),
               f.exact ? "whole" : "part"});
  emit(out, inv, t);
  return exit_ok;
}

} // namespace orgraph::cli
