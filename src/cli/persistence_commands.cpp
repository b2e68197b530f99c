// The file commands: convert (between every format orgraph reads and writes), generate (a synthetic
// organisation) and stats (what a file holds, orgraph::statistics()).

#include <orgraph/analysis/stats.hpp>
#include <orgraph/io/archive.hpp>
#include <orgraph/io/dot.hpp>
#include <orgraph/io/file.hpp>
#include <orgraph/io/generate.hpp>
#include <orgraph/io/graphml.hpp>
#include <orgraph/io/json.hpp>

#include "commands.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orgraph::cli {

namespace {

/// The formats orgraph writes, by the names --to takes, and the extensions that say them.
struct output_kind {
  std::string_view name;
  std::array<std::string_view, 2> extensions;
};
constexpr std::array<output_kind, 6> output_kinds{{{"archive-xml", {".orgraph.xml", {}}},
                                                   {"archive-text", {".orgraph.txt", {}}},
                                                   {"archive", {".orgraph", {}}},
                                                   {"json", {".json", {}}},
                                                   {"dot", {".dot", ".gv"}},
                                                   {"graphml", {".graphml", {}}}}};

bool ends_with_ignoring_case(std::string_view s, std::string_view tail) {
  return !tail.empty() && s.size() >= tail.size() &&
         std::equal(tail.begin(), tail.end(), s.end() - static_cast<std::ptrdiff_t>(tail.size()), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         });
}

/// The output format: --to, else OUT's extension. Checked before anything is read.
std::string format_to_write(const invocation& inv, const std::string& out_file) {
  if (inv.output_format_name)
    return *inv.output_format_name;
  if (out_file == "-")
    throw usage_error("writing to stdout (-) needs --to FORMAT");
  if (ends_with_ignoring_case(out_file, ".csv"))
    throw usage_error("orgraph reads CSV but does not write it: choose json, archive, archive-xml, archive-text, dot "
                      "or graphml");
  for (const auto& kind : output_kinds)
    for (std::string_view ext : kind.extensions)
      if (ends_with_ignoring_case(out_file, ext))
        return std::string(kind.name);
  throw usage_error("cannot tell the output format of '" + out_file +
                    "': name it .json, .orgraph, .orgraph.xml, .orgraph.txt, .dot or .graphml, or give --to");
}

orgraph::archive_kind archive_kind_of(const std::string& format) {
  return format == "archive-xml"    ? orgraph::archive_kind::xml
         : format == "archive-text" ? orgraph::archive_kind::text
                                    : orgraph::archive_kind::binary;
}

/// Write the model to `file` in `format` (`-`: stdout), safely: the old file stays whole until the
/// new one is (file.hpp). DOT pictures the model on `on` (today without it); GraphML holds what is in
/// force on `on`, or everything without it. Returns what the file holds: "N nodes, M relations, ...".
std::string write_model(const orgraph::model& m, const std::string& file, const std::string& format,
                        const std::optional<orgraph::date>& on, std::ostream& out) {
  const auto write = [&](const std::function<void(std::ostream&)>& to) {
    if (file == "-")
      to(out);
    else
      orgraph::write_file_atomically(file, to);
  };
  if (format == "json")
    write([&](std::ostream& o) { o << orgraph::to_json(m); });
  else if (format.compare(0, 7, "archive") == 0)
    write([&](std::ostream& o) { o << orgraph::to_archive(m, archive_kind_of(format)); });
  else if (format == "dot")
    write([&](std::ostream& o) { orgraph::write_dot(o, m, on.value_or(orgraph::date::today())); });
  if (format != "graphml")
    return std::to_string(m.node_count()) + " nodes, " + std::to_string(m.relation_count()) + " relations, " +
           std::to_string(m.decisions().size()) + " decisions";
  // GraphML has no decisions, and on a date holds only what is in force: say what it holds.
  orgraph::graphml_written written;
  write([&](std::ostream& o) {
    orgraph::graphml_options options;
    options.on = on;
    written = orgraph::write_graphml(o, m, options);
  });
  return std::to_string(written.nodes) + " nodes, " + std::to_string(written.relations) + " relations" +
         (on ? " in force on " + on->to_string() : std::string());
}

/// A seed: a whole number from 0 to 2^64 - 1.
std::uint64_t seed_value(const invocation& inv) {
  if (!inv.seed_text)
    return 1;
  const std::string& text = *inv.seed_text;
  const std::string max = "18446744073709551615";
  const bool digits = !text.empty() && text.size() <= max.size() &&
                      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits && (text.size() < max.size() || text <= max)) // 20 digits may overflow: compare as text
    return std::stoull(text);
  throw usage_error("--seed: '" + text + "' is not a whole number from 0 to " + max);
}

constexpr orgraph::node_kind all_kinds[] = {orgraph::node_kind::person, orgraph::node_kind::post,
                                            orgraph::node_kind::organization, orgraph::node_kind::area};

} // namespace

// ---- convert IN OUT [--from FORMAT] [--to FORMAT] [--on DATE] ----

int run_convert(const invocation& inv, std::ostream& out) {
  if (inv.input_format && (*inv.input_format == "dot" || *inv.input_format == "graphml"))
    throw usage_error("--from " + *inv.input_format + ": " + (*inv.input_format == "dot" ? "DOT" : "GraphML") +
                      " is an output format only");
  const std::string format = format_to_write(inv, inv.out_file);
  const auto m = load(inv);
  const std::string holds = write_model(m, inv.out_file, format, invocation::date_of(inv.on_text), out);
  if (inv.out_file != "-")
    out << "Wrote " << printable(inv.out_file) << " (" << format << "): " << holds << '\n';
  return exit_ok;
}

// ---- generate OUT --persons N [--seed S] [--to FORMAT] [--on DATE] ----

int run_generate(const invocation& inv, std::ostream& out) {
  orgraph::generate_options options;
  options.persons = *inv.persons;
  options.seed = seed_value(inv);
  const std::string format = format_to_write(inv, inv.out_file);
  const auto m = orgraph::generate(options);
  const std::string holds = write_model(m, inv.out_file, format, invocation::date_of(inv.on_text), out);
  if (inv.out_file != "-")
    out << "Wrote " << printable(inv.out_file) << " (" << format << "): " << options.persons << " persons, seed "
        << options.seed << ", " << holds << '\n';
  return exit_ok;
}

// ---- stats FILE [--on DATE] [--json|--csv] ----

int run_stats(const invocation& inv, std::ostream& out) {
  const auto m = load(inv);
  const orgraph::snapshot snap(m, inv.on());
  const orgraph::model_statistics s = orgraph::statistics(snap);
  const std::string on = snap.on().to_string();
  const auto dates_json = [&](bool earliest) -> boost::json::value {
    if (!s.dates)
      return nullptr;
    return boost::json::value((earliest ? s.dates->earliest : s.dates->latest).to_string());
  };
  const auto who = [&](orgraph::vertex v, const char* key, std::size_t value) -> boost::json::value {
    if (v == orgraph::no_vertex)
      return nullptr;
    return boost::json::object{{"id", std::string(m[v].id)}, {"name", std::string(m[v].name)}, {key, value}};
  };

  boost::json::object o;
  o["files"] = strings_json([&] {
    std::vector<std::string> files{inv.file};
    files.insert(files.end(), inv.also.begin(), inv.also.end());
    return files;
  }());
  o["on"] = on;
  boost::json::object nodes{{"total", m.node_count()}};
  for (auto k : all_kinds)
    nodes[orgraph::to_string(k)] = s.nodes(k);
  o["nodes"] = std::move(nodes);
  boost::json::object relations{{"total", m.relation_count()}};
  for (std::size_t t = 0; t < s.relations_of_type.size(); ++t)
    relations[orgraph::to_string(static_cast<orgraph::relation_type>(t))] = s.relations_of_type[t];
  o["relations"] = std::move(relations);
  o["decisions"] = m.decisions().size();
  o["dates"] = boost::json::object{{"earliest", dates_json(true)}, {"latest", dates_json(false)}};
  auto deepest = who(s.deepest, "levels", s.deepest_levels());
  if (deepest.is_object()) {
    deepest.get_object()["managers"] = s.deepest_managers;
    deepest.get_object()["vacant_posts"] = s.deepest_vacant_posts;
  }
  o["deepest_chain"] = std::move(deepest);
  o["largest_span"] = who(s.widest, "reports", s.widest_span);
  o["largest_body"] = who(s.largest_body, "members", s.largest_body_size);
  o["roots"] = s.roots;

  if (inv.json) {
    print_json(out, o);
    return exit_ok;
  }
  if (inv.csv) { // every figure of the JSON answer, one a row, by its path
    table t({"STATISTIC", "VALUE"});
    const auto flatten = [&](const auto& self, const std::string& path, const boost::json::value& v) -> void {
      if (v.is_object())
        for (const auto& kv : v.get_object())
          self(self, path.empty() ? std::string(kv.key()) : path + "." + std::string(kv.key()), kv.value());
      else if (v.is_array())
        for (std::size_t i = 0; i < v.get_array().size(); ++i)
          self(self, path + "." + std::to_string(i), v.get_array()[i]);
      else
        t.add_row({path, v.is_string() ? std::string(v.get_string()) : v.is_null() ? "" : boost::json::serialize(v)});
    };
    flatten(flatten, "", o);
    emit(out, inv, t);
    return exit_ok;
  }

  const auto plural = [](std::size_t k, const char* one, const char* many) {
    return std::to_string(k) + " " + (k == 1 ? one : many);
  };
  out << "Statistics of " << printable(inv.file);
  for (const auto& a : inv.also)
    out << " + " << printable(a);
  out << " on " << on << '\n';
  out << "Nodes: " << m.node_count() << '\n';
  table node_table({"KIND", "COUNT"});
  for (auto k : all_kinds)
    node_table.add_row({std::string(orgraph::to_string(k)), std::to_string(s.nodes(k))});
  node_table.print(out, 2, false);
  out << "Relations: " << m.relation_count() << '\n';
  table relation_table({"TYPE", "COUNT"});
  for (std::size_t t = 0; t < s.relations_of_type.size(); ++t)
    relation_table.add_row({std::string(orgraph::to_string(static_cast<orgraph::relation_type>(t))),
                            std::to_string(s.relations_of_type[t])});
  relation_table.print(out, 2, false);
  out << "Decisions: " << m.decisions().size() << '\n';
  if (s.dates)
    out << "Dates: " << s.dates->earliest.to_string() << " to " << s.dates->latest.to_string() << '\n';
  else
    out << "Dates: none\n";
  out << "Deepest management chain: ";
  if (s.deepest == orgraph::no_vertex)
    out << "none\n";
  else
    out << plural(s.deepest_levels(), "level", "levels") << " above " << describe(m, s.deepest) << ": "
        << plural(s.deepest_managers, "manager", "managers") << ", "
        << plural(s.deepest_vacant_posts, "vacant post", "vacant posts") << '\n';
  out << "Largest span of control: ";
  if (s.widest == orgraph::no_vertex)
    out << "none\n";
  else
    out << plural(s.widest_span, "direct report", "direct reports") << ", " << describe(m, s.widest) << '\n';
  out << "Largest body: ";
  if (s.largest_body == orgraph::no_vertex)
    out << "none\n";
  else
    out << plural(s.largest_body_size, "member", "members") << ", " << describe(m, s.largest_body) << '\n';
  out << "Roots: " << s.roots << " (persons or vacant posts with no line manager who manage someone)\n";
  return exit_ok;
}

} // namespace orgraph::cli
