#pragma once
// The persistence commands: convert (between every format orgraph reads and writes), stats (what a
// file holds) and generate (a synthetic organisation). Each is one function that the command table
// in main.cpp names. Files are read with load_model() (cli.hpp), like every other command.

#include "cli.hpp"
#include "output.hpp"

#include <orgraph/io/archive.hpp>
#include <orgraph/io/csv.hpp>
#include <orgraph/io/dot.hpp>
#include <orgraph/io/file.hpp>
#include <orgraph/io/generate.hpp>
#include <orgraph/io/json.hpp>
#include <orgraph/query/governance.hpp>
#include <orgraph/query/org_chart.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace orgraph::cli {

// ---- shared: choosing formats, reading several CSV files, writing ----

/// The output format: `--to`, else OUT's extension. Checked before anything is read.
inline file_format output_format(const invocation& inv, const std::string& out_file) {
  std::optional<file_format> f;
  if (const auto to = inv.value("to"))
    f = format_named("to", *to);
  else if (out_file != "-")
    f = format_of_extension(out_file);
  if (!f)
    throw usage_error(out_file == "-" ? std::string("writing to stdout (-) needs --to FORMAT")
                                      : "cannot tell the output format of '" + out_file +
                                            "': name it .json, .orgraph, .orgraph.xml, .orgraph.txt or .dot, "
                                            "or give --to");
  if (*f == file_format::csv)
    throw usage_error("orgraph reads CSV but does not write it: choose json, archive, archive-xml, "
                      "archive-text or dot");
  return *f;
}

/// The input format forced with `--from`, if given; DOT cannot be read.
inline std::optional<file_format> input_format(const invocation& inv) {
  const auto from = inv.value("from");
  if (!from)
    return std::nullopt;
  const file_format f = format_named("from", *from);
  if (f == file_format::dot)
    throw usage_error("--from dot: DOT is an output format only");
  return f;
}

/// Check `--also` before anything is read: every file it adds must be CSV, and so must FILE.
inline void check_also(const invocation& inv, const std::string& file, std::optional<file_format> forced) {
  const auto also = inv.values_of("also");
  if (also.empty())
    return;
  const auto main_format = forced ? forced : format_of_extension(file);
  if (main_format && *main_format != file_format::csv)
    throw usage_error("--also adds CSV files to a CSV file, and '" + file + "' is not one");
  for (const auto& a : also)
    if (const auto f = format_of_extension(a); f && *f != file_format::csv)
      throw usage_error("--also adds CSV files (a junior organogram after its senior one), and '" + a +
                        "' is not one");
}

/// FILE, and the CSV files of `--also` loaded into the same model in order.
inline orgraph::model load_with_also(const invocation& inv, const std::string& file,
                                     std::optional<file_format> forced) {
  const auto also = inv.values_of("also");
  if (also.empty())
    return load_model(file, forced);
  orgraph::model m;
  detail::memory_checked(file, [&] { load_csv_file_into(m, file); });
  for (const auto& a : also)
    detail::memory_checked(a, [&] { load_csv_file_into(m, a); });
  return m;
}

inline orgraph::archive_kind archive_kind_of(file_format f) {
  return f == file_format::archive_xml    ? orgraph::archive_kind::xml
         : f == file_format::archive_text ? orgraph::archive_kind::text
                                          : orgraph::archive_kind::binary;
}

/// Write the model to `file` in format `f` (`-`: stdout). DOT pictures the model on `on`.
inline void write_model(const orgraph::model& m, const std::string& file, file_format f, orgraph::date on,
                        std::ostream& out) {
  const bool to_stdout = file == "-";
  switch (f) {
  case file_format::json:
    if (to_stdout)
      out << orgraph::to_json(m);
    else
      orgraph::save_json(m, file);
    return;
  case file_format::archive:
  case file_format::archive_xml:
  case file_format::archive_text:
    if (to_stdout)
      out << orgraph::to_archive(m, archive_kind_of(f));
    else
      orgraph::save_archive(m, file, archive_kind_of(f));
    return;
  case file_format::dot:
    if (to_stdout)
      orgraph::write_dot(out, m, on);
    else // like every file orgraph writes: the old file stays whole until the new one is (file.hpp)
      orgraph::write_file_atomically(file, [&](std::ostream& f_out) { orgraph::write_dot(f_out, m, on); });
    return;
  case file_format::csv:
    break;
  }
  throw usage_error("orgraph reads CSV but does not write it");
}

inline std::string model_counts(const orgraph::model& m) {
  return std::to_string(m.node_count()) + " nodes, " + std::to_string(m.relation_count()) + " relations, " +
         std::to_string(m.decisions().size()) + " decisions";
}

// ---- convert IN OUT [--from FORMAT] [--to FORMAT] [--on DATE] [--also CSV]... ----

/// Read IN in any format and write it to OUT in another; one line on stdout says what was written.
inline int run_convert(const invocation& inv, std::ostream& out) {
  const std::string& in_file = inv.args[0];
  const std::string& out_file = inv.args[1];
  const auto forced = input_format(inv);
  const file_format to = output_format(inv, out_file);
  check_also(inv, in_file, forced);
  const auto m = load_with_also(inv, in_file, forced);
  write_model(m, out_file, to, inv.on(), out);
  if (out_file != "-")
    out << "Wrote " << printable(out_file) << " (" << format_name(to) << "): " << model_counts(m) << '\n';
  return exit_ok;
}

// ---- generate OUT --persons N [--seed S] [--to FORMAT] [--on DATE] ----

/// A seed: a whole number from 0 to 2^64 - 1.
inline std::uint64_t seed_value(const invocation& inv) {
  const auto text = inv.value("seed");
  if (!text)
    return 1;
  const bool digits = !text->empty() && text->size() <= 20 &&
                      std::all_of(text->begin(), text->end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits) {
    // 20 digits may overflow: compare with the largest value as text.
    const std::string max = "18446744073709551615";
    if (text->size() < max.size() || *text <= max)
      return std::stoull(*text);
  }
  throw usage_error("--seed: '" + *text + "' is not a whole number from 0 to " + "18446744073709551615");
}

/// A synthetic organisation of N persons (orgraph::generate), the same for the same seed.
inline int run_generate(const invocation& inv, std::ostream& out) {
  const std::string& out_file = inv.args[0];
  if (!inv.value("persons"))
    throw usage_error("--persons is required: how many persons to generate");
  orgraph::generate_options options;
  options.persons = inv.count("persons", 0);
  options.seed = seed_value(inv);
  const file_format to = output_format(inv, out_file);
  const auto m = orgraph::generate(options);
  write_model(m, out_file, to, inv.on(), out);
  if (out_file != "-")
    out << "Wrote " << printable(out_file) << " (" << format_name(to) << "): " << options.persons << " persons, seed "
        << options.seed << ", " << model_counts(m) << '\n';
  return exit_ok;
}

// ---- stats FILE [--on DATE] [--also CSV]... [--json] ----

/// What stats finds; the biggest of each kind, the first in the model's order on a tie.
struct model_stats {
  std::size_t nodes_of_kind[4] = {0, 0, 0, 0};
  std::vector<std::size_t> relations_of_type = std::vector<std::size_t>(10, 0);
  std::optional<orgraph::date> earliest, latest;
  // Persons and vacant posts only: a post someone holds answers as its holder does.
  orgraph::vertex deepest = orgraph::no_vertex; ///< the one with the most managers and vacant posts above
  std::size_t deepest_managers = 0;              ///< the managers above it (persons)
  std::size_t deepest_vacant = 0;                ///< the vacant posts passed on the way up
  orgraph::vertex widest = orgraph::no_vertex;   ///< the one with the most direct reports
  std::size_t widest_span = 0;
  orgraph::vertex largest_body = orgraph::no_vertex;
  std::size_t largest_body_size = 0;
  std::size_t roots = 0; ///< persons and vacant posts with no line manager who have direct reports
};

inline constexpr orgraph::node_kind all_kinds[] = {orgraph::node_kind::person, orgraph::node_kind::post,
                                                   orgraph::node_kind::organization, orgraph::node_kind::area};
inline constexpr orgraph::relation_type all_relation_types[] = {
    orgraph::relation_type::manages,       orgraph::relation_type::supervises,
    orgraph::relation_type::dotted_line_manages, orgraph::relation_type::reports_to,
    orgraph::relation_type::recommends_to, orgraph::relation_type::covers,
    orgraph::relation_type::replaced_by,   orgraph::relation_type::partners_with,
    orgraph::relation_type::holds,         orgraph::relation_type::member_of};

inline model_stats compute_stats(const orgraph::model& m, orgraph::date on) {
  model_stats s;
  const auto note = [&](orgraph::date d) {
    if (!s.earliest || d < *s.earliest)
      s.earliest = d;
    if (!s.latest || d > *s.latest)
      s.latest = d;
  };
  const auto note_period = [&](const orgraph::period& p) {
    if (p.start())
      note(p.first_day());
    if (p.end())
      note(p.last_day());
  };
  const auto n = m.node_count();
  for (orgraph::vertex v = 0; v < n; ++v) {
    ++s.nodes_of_kind[static_cast<std::size_t>(m[v].kind)];
    note_period(m[v].lifetime);
  }
  const auto& g = m.graph();
  for (auto [it, end] = edges(g); it != end; ++it) {
    const auto& r = g[*it];
    ++s.relations_of_type[static_cast<std::size_t>(r.type)];
    note_period(r.when);
  }
  for (const auto& d : m.decisions())
    note(d.date);

  // Line management from one chart. Each node's managers and vacant posts above it follow from its
  // manager's, so nodes are taken in order of chain length and each is visited once.
  const orgraph::org_chart chart(m, on);
  const auto takes_part = [&](orgraph::vertex v) {
    return m[v].kind == orgraph::node_kind::person || m[v].kind == orgraph::node_kind::post;
  };
  std::vector<orgraph::vertex> order;
  for (orgraph::vertex v = 0; v < n; ++v)
    if (takes_part(v))
      order.push_back(v);
  std::stable_sort(order.begin(), order.end(),
                   [&](orgraph::vertex a, orgraph::vertex b) { return chart.chain_length(a) < chart.chain_length(b); });
  std::vector<std::size_t> managers(n, 0), vacant(n, 0);
  for (const orgraph::vertex v : order) {
    const auto answer = chart.answer(v);
    if (!answer)
      continue;
    const orgraph::vertex above = chart.manager_of(v);
    vacant[v] = answer->vacant_posts.size();
    if (above == orgraph::no_vertex)
      continue; // vacant to the top
    if (chart.chain_length(above) + 1 == chart.chain_length(v)) {
      managers[v] = 1 + managers[above];
      vacant[v] += vacant[above];
    } else {
      managers[v] = chart.chain_length(v); // in a management cycle: the chain goes round once
    }
  }
  // A post held by someone answers as its holder does: only persons and vacant posts are counted.
  for (orgraph::vertex v = 0; v < n; ++v) {
    if (!takes_part(v) || (m[v].kind == orgraph::node_kind::post && chart.holder_of(v) != orgraph::no_vertex))
      continue;
    if (managers[v] + vacant[v] > s.deepest_managers + s.deepest_vacant) {
      s.deepest = v;
      s.deepest_managers = managers[v];
      s.deepest_vacant = vacant[v];
    }
    const std::size_t span = orgraph::span_of_control(chart, v);
    if (span > s.widest_span) {
      s.widest = v;
      s.widest_span = span;
    }
    if (span > 0 && !chart.answer(v))
      ++s.roots;
  }
  chart.prepare(orgraph::snapshot::part::seats);
  for (orgraph::vertex v = 0; v < n; ++v) {
    if (!orgraph::in_force(chart, v)) // a replaced body's members are its successor's
      continue;
    const std::size_t size = orgraph::membership_size(chart, v);
    if (size > s.largest_body_size) {
      s.largest_body = v;
      s.largest_body_size = size;
    }
  }
  return s;
}

/// What a file holds: counts of nodes and relations, dates, the deepest chain, the widest span,
/// the largest body and the number of roots on the date.
inline int run_stats(const invocation& inv, std::ostream& out) {
  const std::string& file = inv.args[0];
  check_also(inv, file, std::nullopt);
  const auto m = load_with_also(inv, file, std::nullopt);
  const auto on = inv.on();
  const model_stats s = compute_stats(m, on);
  const auto plural = [](std::size_t k, const char* one, const char* many) {
    return std::to_string(k) + " " + (k == 1 ? one : many);
  };

  if (inv.json()) {
    boost::json::object o;
    boost::json::array files{boost::json::string(file)};
    for (const auto& a : inv.values_of("also"))
      files.emplace_back(a);
    o["files"] = std::move(files);
    o["on"] = on.to_string();
    boost::json::object nodes{{"total", m.node_count()}};
    for (auto k : all_kinds)
      nodes[std::string(orgraph::to_string(k))] = s.nodes_of_kind[static_cast<std::size_t>(k)];
    o["nodes"] = std::move(nodes);
    boost::json::object relations{{"total", m.relation_count()}};
    for (auto t : all_relation_types)
      relations[std::string(orgraph::to_string(t))] = s.relations_of_type[static_cast<std::size_t>(t)];
    o["relations"] = std::move(relations);
    o["decisions"] = m.decisions().size();
    o["dates"] = boost::json::object{
        {"earliest", s.earliest ? boost::json::value(s.earliest->to_string()) : boost::json::value(nullptr)},
        {"latest", s.latest ? boost::json::value(s.latest->to_string()) : boost::json::value(nullptr)}};
    const auto who = [&](orgraph::vertex v, const char* key, std::size_t value) -> boost::json::value {
      if (v == orgraph::no_vertex)
        return nullptr;
      return boost::json::object{{"id", std::string(m[v].id)}, {"name", std::string(m[v].name)}, {key, value}};
    };
    auto deepest = who(s.deepest, "levels", s.deepest_managers + s.deepest_vacant);
    if (deepest.is_object()) {
      deepest.get_object()["managers"] = s.deepest_managers;
      deepest.get_object()["vacant_posts"] = s.deepest_vacant;
    }
    o["deepest_chain"] = std::move(deepest);
    o["largest_span"] = who(s.widest, "reports", s.widest_span);
    o["largest_body"] = who(s.largest_body, "members", s.largest_body_size);
    o["roots"] = s.roots;
    print_json(out, o);
    return exit_ok;
  }

  out << "Statistics of " << printable(file);
  for (const auto& a : inv.values_of("also"))
    out << " + " << printable(a);
  out << " on " << on.to_string() << '\n';
  out << "Nodes: " << m.node_count() << '\n';
  table nodes({"KIND", "COUNT"});
  for (auto k : all_kinds)
    nodes.add_row({std::string(orgraph::to_string(k)), std::to_string(s.nodes_of_kind[static_cast<std::size_t>(k)])});
  nodes.print(out, 2, false);
  out << "Relations: " << m.relation_count() << '\n';
  table relations({"TYPE", "COUNT"});
  for (auto t : all_relation_types)
    relations.add_row(
        {std::string(orgraph::to_string(t)), std::to_string(s.relations_of_type[static_cast<std::size_t>(t)])});
  relations.print(out, 2, false);
  out << "Decisions: " << m.decisions().size() << '\n';
  if (s.earliest)
    out << "Dates: " << s.earliest->to_string() << " to " << s.latest->to_string() << '\n';
  else
    out << "Dates: none\n";
  out << "Deepest management chain: ";
  if (s.deepest == orgraph::no_vertex)
    out << "none\n";
  else
    out << plural(s.deepest_managers + s.deepest_vacant, "level", "levels") << " above "
        << describe(m, s.deepest) << ": " << plural(s.deepest_managers, "manager", "managers") << ", "
        << plural(s.deepest_vacant, "vacant post", "vacant posts") << '\n';
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
