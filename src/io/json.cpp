#include <orgraph/error.hpp>
#include <orgraph/io/file.hpp>
#include <orgraph/io/json.hpp>

#include "json_reader.hpp"
#include "load_guards.hpp"

#include <boost/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sstream>

namespace json = boost::json;

namespace orgraph {

namespace {

// ---- writing ----

void put_period(json::object& o, const period& p, const char* start_key, const char* end_key) {
  if (const auto s = p.start())
    o[start_key] = s->to_string();
  if (const auto e = p.end())
    o[end_key] = e->to_string();
}

json::object node_object(const model& m, vertex v) {
  const node_view n = m[v];
  json::object o;
  o["id"] = n.id;
  if (!n.name.empty())
    o[n.kind == node_kind::post ? "label" : "name"] = n.name;
  if (!n.classification.empty())
    o["classification"] = n.classification;
  if (n.parent != no_vertex)
    o[n.kind == node_kind::post ? "organization_id" : "parent_id"] = std::string(m[n.parent].id);
  if (n.area != no_vertex)
    o["area_id"] = std::string(m[n.area].id);
  if (n.kind == node_kind::organization)
    put_period(o, n.lifetime, "founding_date", "dissolution_date");
  if (n.kind == node_kind::post)
    put_period(o, n.lifetime, "start_date", "end_date");
  if (!n.disciplines.empty()) {
    json::array d;
    for (const auto& s : n.disciplines)
      d.emplace_back(s);
    o["disciplines"] = std::move(d);
  }
  return o;
}

json::object relation_object(const model& m, vertex from, vertex to, const relation_view& r) {
  json::object o;
  if (!r.id.empty())
    o["id"] = r.id;
  if (r.type == relation_type::holds || r.type == relation_type::member_of) {
    o[m[from].kind == node_kind::person ? "person_id" : "post_id"] = std::string(m[from].id);
    if (r.type == relation_type::holds) {
      o["post_id"] = std::string(m[to].id);
      if (r.organization != no_vertex)
        o["organization_id"] = std::string(m[r.organization].id);
    } else {
      o["organization_id"] = std::string(m[to].id);
    }
    if (!r.role.empty())
      o["role"] = r.role;
    if (r.on_behalf_of != no_vertex)
      o["on_behalf_of_id"] = std::string(m[r.on_behalf_of].id);
    if (r.area != no_vertex)
      o["area_id"] = std::string(m[r.area].id);
    if (r.term != no_term)
      o["legislative_period_id"] = m.terms()[r.term].id;
  } else {
    o["type"] = to_string(r.type);
    o["from"] = std::string(m[from].id);
    o["to"] = std::string(m[to].id);
    if (!r.status.empty())
      o["status"] = r.status;
  }
  if (r.arrangement != arrangement::substantive)
    o["arrangement"] = to_string(r.arrangement);
  put_period(o, r.own_when(), "start_date", "end_date"); // a term's dates stay the term's
  return o;
}

// A term as a Popolo legislative period.
json::object event_object(const model& m, const term& t) {
  json::object o;
  o["id"] = t.id;
  if (!t.name.empty())
    o["name"] = t.name;
  o["classification"] = "legislative period";
  if (t.organization != no_vertex)
    o["organization_id"] = std::string(m[t.organization].id);
  put_period(o, t.when, "start_date", "end_date");
  return o;
}

// One record a line: readable, and a change to one record is a one-line diff.
void write_document(std::ostream& out, const std::vector<std::pair<const char*, json::array>>& sections) {
  out << "{";
  bool first_section = true;
  for (const auto& [key, items] : sections) {
    if (items.empty())
      continue;
    out << (first_section ? "\n" : ",\n") << "  " << json::serialize(json::string(key)) << ": [";
    for (std::size_t i = 0; i < items.size(); ++i)
      out << (i == 0 ? "\n    " : ",\n    ") << json::serialize(items[i]);
    out << "\n  ]";
    first_section = false;
  }
  out << "\n}\n";
}

} // namespace

model parse_json(std::string_view text, std::string_view source_name, const load_options& options) {
  const std::string file(source_name);
  detail::check_size(text.size(), options, file, "the input");
  return detail::memory_checked(file, [&] {
    detail::json_stream stream(file, options);
    stream.feed(text.data(), text.size());
    return stream.finish();
  });
}

model load_json(const std::filesystem::path& file, const load_options& options) {
  std::error_code ec;
  if (const auto size = std::filesystem::file_size(file, ec); !ec)
    detail::check_size(size, options, file.string(), "the file");
#if defined(_WIN32)
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(::_wfopen(file.c_str(), L"rb"), &std::fclose);
#else
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(file.c_str(), "rb"), &std::fclose);
#endif
  if (!in)
    throw file_error(file.string(), std::string("cannot open for reading: ") + std::strerror(errno));
  std::setvbuf(in.get(), nullptr, _IONBF, 0); // the reader has its own buffer of a chunk
  // Streamed in chunks, so a shortage is the model's size, not the file's.
  return detail::memory_checked(file.string(),
                                [&] { return detail::read_json_file(in.get(), file.string(), options); });
}

std::string to_json(const model& m) {
  json::array persons, organizations, posts, areas, events, memberships, relations, decisions;
  for (const term& t : m.terms())
    events.emplace_back(event_object(m, t));
  for (vertex v = 0; v < m.node_count(); ++v) {
    switch (m[v].kind) {
    case node_kind::person: persons.emplace_back(node_object(m, v)); break;
    case node_kind::organization: organizations.emplace_back(node_object(m, v)); break;
    case node_kind::post: posts.emplace_back(node_object(m, v)); break;
    case node_kind::area: areas.emplace_back(node_object(m, v)); break;
    }
  }
  const auto& g = m.graph();
  for (auto [it, end] = edges(g); it != end; ++it) {
    const relation_view r = g[*it];
    auto o = relation_object(m, source(*it, g), target(*it, g), r);
    (r.type == relation_type::holds || r.type == relation_type::member_of ? memberships : relations)
        .emplace_back(std::move(o));
  }
  for (const decision& d : m.decisions()) {
    json::object o;
    o["id"] = d.id;
    if (!d.subject.empty())
      o["subject"] = d.subject;
    o["organization_id"] = std::string(m[d.organization].id);
    o["date"] = d.date.to_string();
    o["outcome"] = to_string(d.outcome);
    if (d.to != no_vertex)
      o["to_id"] = std::string(m[d.to].id);
    if (d.follows != no_decision)
      o["follows"] = m.decisions()[d.follows].id;
    decisions.emplace_back(std::move(o));
  }
  std::ostringstream out;
  write_document(out, {{"persons", std::move(persons)},
                       {"organizations", std::move(organizations)},
                       {"posts", std::move(posts)},
                       {"areas", std::move(areas)},
                       {"events", std::move(events)},
                       {"memberships", std::move(memberships)},
                       {"relations", std::move(relations)},
                       {"decisions", std::move(decisions)}});
  return out.str();
}

void save_json(const model& m, const std::filesystem::path& file) {
  write_file_atomically(file, to_json(m)); // never a half-written file where a whole one was
}

} // namespace orgraph
