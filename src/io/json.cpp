#include <orgraph/error.hpp>
#include <orgraph/io/file.hpp>
#include <orgraph/io/json.hpp>

#include <boost/json.hpp>

#include <new>
#include <sstream>
#include <unordered_map>

namespace json = boost::json;

namespace orgraph {

namespace {

// 1-based line and column (in bytes) of a byte offset into text.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

json::value parse_text(std::string_view text, const std::string& file, const load_options& limits) {
  if (text.size() > limits.max_file_size)
    throw parse_error(file, 0, 0,
                      "the input has " + std::to_string(text.size()) + " bytes, more than the limit of " +
                          std::to_string(limits.max_file_size) + " (load_options::max_file_size)");
  json::parse_options options;
  options.max_depth = limits.max_depth; // Popolo needs a handful of levels; deeper input is hostile or broken
  json::stream_parser parser(json::storage_ptr(), options);
  json::error_code ec;
  const std::size_t used = parser.write_some(text.data(), text.size(), ec);
  if (!ec && used < text.size())
    ec = json::make_error_code(json::error::extra_data);
  if (!ec)
    parser.finish(ec);
  if (ec) {
    const auto [line, column] = line_and_column(text, ec == json::error::incomplete ? text.size() : used);
    std::string why = ec.message();
    if (ec == json::error::too_deep)
      why += " (deeper than " + std::to_string(limits.max_depth) + " levels, load_options::max_depth)";
    throw parse_error(file, line, column, "malformed JSON: " + why);
  }
  return parser.release();
}

// Reads one JSON document into a fresh model. Every error names the file and the JSON path of the
// offending value; a reference error also names the id. The model is only returned when complete.
class reader {
public:
  reader(std::string file, const load_options& limits) : file_(std::move(file)), limits_(limits) {}

  model read(const json::value& root) {
    if (!root.is_object())
      fail("", "the top level must be a JSON object");
    const json::object& top = root.get_object();
    check_counts(top);
    // Nodes first, parents after, so a parent may appear anywhere in the file.
    std::vector<std::pair<vertex, std::pair<std::string, std::string>>> parents; // vertex, (parent id, path)
    read_nodes(top, "areas", node_kind::area, parents);
    read_nodes(top, "organizations", node_kind::organization, parents);
    read_nodes(top, "posts", node_kind::post, parents);
    read_nodes(top, "persons", node_kind::person, parents);
    for (const auto& [v, ref] : parents) {
      const vertex p = resolve(ref.first, ref.second);
      try {
        model_.set_parent(v, p);
      } catch (const model_error& e) {
        fail(ref.second, e.what());
      }
    }
    read_memberships(top);
    read_relations(top);
    read_decisions(top);
    return std::move(model_);
  }

private:
  [[noreturn]] void fail(const std::string& path, const std::string& message) const {
    throw parse_error(file_, 0, 0, (path.empty() ? std::string() : path + ": ") + message);
  }

  // Counted before anything is built, so an oversized file is refused without the work.
  void check_counts(const json::object& top) const {
    std::size_t nodes = 0, relations = 0;
    for (const char* key : {"persons", "organizations", "posts", "areas"})
      if (const json::array* a = array_of(top, key))
        nodes += a->size();
    for (const char* key : {"memberships", "relations"})
      if (const json::array* a = array_of(top, key))
        relations += a->size();
    if (nodes > limits_.max_nodes)
      fail("", std::to_string(nodes) + " nodes, more than the limit of " + std::to_string(limits_.max_nodes) +
                   " (load_options::max_nodes)");
    if (relations > limits_.max_relations)
      fail("", std::to_string(relations) + " relations and memberships, more than the limit of " +
                   std::to_string(limits_.max_relations) + " (load_options::max_relations)");
  }

  static std::string at(const std::string& array, std::size_t i) { return array + "[" + std::to_string(i) + "]"; }

  const json::array* array_of(const json::object& top, const char* key) const {
    const auto it = top.find(key);
    if (it == top.end() || it->value().is_null())
      return nullptr;
    if (!it->value().is_array())
      fail(key, "must be an array");
    return &it->value().get_array();
  }

  const json::object& object_at(const json::value& v, const std::string& path) const {
    if (!v.is_object())
      fail(path, "must be an object");
    return v.get_object();
  }

  // Text, or a Popolo multilingual object ({"lang:en": "..."}) of which English (else the first) is taken.
  std::optional<std::string> text(const json::object& o, const char* key, const std::string& path) const {
    const auto it = o.find(key);
    if (it == o.end() || it->value().is_null())
      return std::nullopt;
    const json::value& v = it->value();
    if (v.is_string())
      return std::string(v.get_string());
    if (v.is_object()) {
      const json::object& langs = v.get_object();
      if (const auto en = langs.find("lang:en"); en != langs.end() && en->value().is_string())
        return std::string(en->value().get_string());
      for (const auto& kv : langs)
        if (kv.value().is_string())
          return std::string(kv.value().get_string());
    }
    fail(path + "." + std::string(key), "must be a string");
  }

  std::string required_text(const json::object& o, const char* key, const std::string& path) const {
    auto t = text(o, key, path);
    if (!t || t->empty())
      fail(path, std::string("'") + key + "' is required");
    return *t;
  }

  std::optional<partial_date> date_at(const json::object& o, const char* key, const std::string& path) const {
    const auto t = text(o, key, path);
    if (!t || t->empty()) // Popolo files write "" for an unknown date
      return std::nullopt;
    try {
      return parse_partial_date(*t);
    } catch (const date_error& e) {
      fail(path + "." + key, e.what());
    }
  }

  period period_at(const json::object& o, const char* start_key, const char* end_key, const std::string& path) const {
    try {
      return period(date_at(o, start_key, path), date_at(o, end_key, path));
    } catch (const date_error& e) {
      fail(path, e.what());
    }
  }

  vertex resolve(const std::string& id, const std::string& path) const {
    if (const auto v = model_.find(id))
      return *v;
    throw reference_error(id, file_ + ": " + path + ": unknown id '" + id + "'");
  }

  std::optional<vertex> optional_ref(const json::object& o, const char* key, const std::string& path) const {
    const auto id = text(o, key, path);
    if (!id || id->empty())
      return std::nullopt;
    return resolve(*id, path + "." + key);
  }

  void read_nodes(const json::object& top, const char* key, node_kind kind,
                  std::vector<std::pair<vertex, std::pair<std::string, std::string>>>& parents) {
    const json::array* items = array_of(top, key);
    if (!items)
      return;
    for (std::size_t i = 0; i < items->size(); ++i) {
      const std::string path = at(key, i);
      const json::object& o = object_at((*items)[i], path);
      node n;
      n.kind = kind;
      n.id = required_text(o, "id", path);
      n.name = text(o, kind == node_kind::post ? "label" : "name", path).value_or(std::string());
      n.classification = text(o, "classification", path).value_or(std::string());
      if (n.classification.empty() && kind == node_kind::area) // EveryPolitician writes an area's "type"
        n.classification = text(o, "type", path).value_or(std::string());
      if (kind == node_kind::organization)
        n.lifetime = period_at(o, "founding_date", "dissolution_date", path);
      if (kind == node_kind::post)
        n.lifetime = period_at(o, "start_date", "end_date", path);
      if (kind == node_kind::person || kind == node_kind::post) // a post's professional group, as organograms give
        n.disciplines = strings(o, "disciplines", path);
      const char* parent_key = kind == node_kind::post ? "organization_id" : "parent_id";
      std::optional<std::string> parent;
      if (kind != node_kind::person)
        parent = text(o, parent_key, path);
      vertex v = no_vertex;
      try {
        v = model_.add_node(std::move(n));
      } catch (const reference_error& e) {
        throw reference_error(e.id(), file_ + ": " + path + ": " + e.what());
      }
      if (parent && !parent->empty())
        parents.push_back({v, {*parent, path + "." + parent_key}});
    }
  }

  std::vector<std::string> strings(const json::object& o, const char* key, const std::string& path) const {
    std::vector<std::string> out;
    const auto it = o.find(key);
    if (it == o.end() || it->value().is_null())
      return out;
    if (!it->value().is_array())
      fail(path + "." + key, "must be an array of strings");
    for (const auto& s : it->value().get_array()) {
      if (!s.is_string())
        fail(path + "." + key, "must be an array of strings");
      out.emplace_back(s.get_string());
    }
    return out;
  }

  arrangement arrangement_at(const json::object& o, const std::string& path) const {
    const auto t = text(o, "arrangement", path);
    if (!t || t->empty())
      return arrangement::substantive;
    if (const auto a = arrangement_from_string(*t))
      return *a;
    fail(path + ".arrangement", "unknown arrangement '" + *t + "' (expected substantive, acting, interim or secondment)");
  }

  void add(vertex from, vertex to, relation r, const std::string& path) {
    try {
      model_.add_relation(from, to, std::move(r));
    } catch (const model_error& e) {
      fail(path, e.what());
    }
  }

  void read_memberships(const json::object& top) {
    const json::array* items = array_of(top, "memberships");
    if (!items)
      return;
    for (std::size_t i = 0; i < items->size(); ++i) {
      const std::string path = at("memberships", i);
      const json::object& o = object_at((*items)[i], path);
      const auto person = optional_ref(o, "person_id", path);
      const auto post = optional_ref(o, "post_id", path);
      const auto body = optional_ref(o, "organization_id", path);
      relation r;
      r.when = period_at(o, "start_date", "end_date", path);
      r.role = text(o, "role", path).value_or(std::string());
      r.on_behalf_of = optional_ref(o, "on_behalf_of_id", path).value_or(no_vertex);
      r.arrangement = arrangement_at(o, path);
      r.id = text(o, "id", path).value_or(std::string());
      if (person && post) { // a person holding a post, as Popolo has it
        r.type = relation_type::holds;
        r.organization = body.value_or(no_vertex);
        add(*person, *post, std::move(r), path);
      } else if ((person || post) && body) {
        r.type = relation_type::member_of;
        add(person ? *person : *post, *body, std::move(r), path);
      } else {
        fail(path, "a membership needs person_id with organization_id or post_id, or post_id with organization_id");
      }
    }
  }

  void read_relations(const json::object& top) {
    const json::array* items = array_of(top, "relations");
    if (!items)
      return;
    for (std::size_t i = 0; i < items->size(); ++i) {
      const std::string path = at("relations", i);
      const json::object& o = object_at((*items)[i], path);
      const std::string type = required_text(o, "type", path);
      const auto t = relation_type_from_string(type);
      if (!t)
        fail(path + ".type", "unknown relation type '" + type + "'");
      if (*t == relation_type::holds || *t == relation_type::member_of)
        fail(path + ".type", "'" + type + "' is written as a membership, not a relation");
      const vertex from = resolve(required_text(o, "from", path), path + ".from");
      const vertex to = resolve(required_text(o, "to", path), path + ".to");
      relation r;
      r.type = *t;
      r.when = period_at(o, "start_date", "end_date", path);
      r.arrangement = arrangement_at(o, path);
      r.status = text(o, "status", path).value_or(std::string());
      r.id = text(o, "id", path).value_or(std::string());
      add(from, to, std::move(r), path);
    }
  }

  void read_decisions(const json::object& top) {
    const json::array* items = array_of(top, "decisions");
    if (!items)
      return;
    struct pending {
      decision d;
      std::string follows;
      std::string path;
    };
    std::vector<pending> todo;
    std::unordered_map<std::string, std::size_t> declared;
    for (std::size_t i = 0; i < items->size(); ++i) {
      const std::string path = at("decisions", i);
      const json::object& o = object_at((*items)[i], path);
      pending p;
      p.path = path;
      p.d.id = required_text(o, "id", path);
      if (!declared.emplace(p.d.id, i).second)
        throw reference_error(p.d.id, file_ + ": " + path + ": duplicate decision id '" + p.d.id + "'");
      p.d.subject = text(o, "subject", path).value_or(std::string());
      p.d.organization = resolve(required_text(o, "organization_id", path), path + ".organization_id");
      const std::string when = required_text(o, "date", path);
      try {
        p.d.date = parse_date(when);
      } catch (const date_error& e) {
        fail(path + ".date", e.what());
      }
      const std::string result = required_text(o, "outcome", path);
      const auto oc = outcome_from_string(result);
      if (!oc)
        fail(path + ".outcome", "unknown outcome '" + result +
                                    "' (expected recommended, approved, decided, noted, deferred or rejected)");
      p.d.outcome = *oc;
      p.d.to = optional_ref(o, "to_id", path).value_or(no_vertex);
      p.follows = text(o, "follows", path).value_or(std::string());
      if (!p.follows.empty() && declared.count(p.follows) == 0 && !any_id(*items, p.follows))
        throw reference_error(p.follows, file_ + ": " + path + ".follows: unknown decision id '" + p.follows + "'");
      todo.push_back(std::move(p));
    }
    // A decision may follow one written after it: add each once what it follows is in.
    for (bool progress = true; progress && !todo.empty();) {
      progress = false;
      for (auto it = todo.begin(); it != todo.end();) {
        std::optional<decision_index> follows;
        if (!it->follows.empty() && !(follows = model_.find_decision(it->follows))) {
          ++it;
          continue;
        }
        it->d.follows = follows.value_or(no_decision);
        try {
          model_.add_decision(std::move(it->d));
        } catch (const model_error& e) {
          fail(it->path, e.what());
        }
        it = todo.erase(it);
        progress = true;
      }
    }
    if (!todo.empty())
      fail(todo.front().path, "decisions that follow each other in a cycle, starting with '" + todo.front().d.id + "'");
  }

  static bool any_id(const json::array& items, const std::string& id) {
    for (const auto& v : items)
      if (v.is_object())
        if (const auto it = v.get_object().find("id"); it != v.get_object().end() && it->value().is_string() &&
                                                       it->value().get_string() == id)
          return true;
    return false;
  }

  std::string file_;
  load_options limits_;
  model model_;
};

// ---- writing ----

void put_period(json::object& o, const period& p, const char* start_key, const char* end_key) {
  if (const auto s = p.start())
    o[start_key] = s->to_string();
  if (const auto e = p.end())
    o[end_key] = e->to_string();
}

json::object node_object(const model& m, vertex v) {
  const node& n = m[v];
  json::object o;
  o["id"] = n.id;
  if (!n.name.empty())
    o[n.kind == node_kind::post ? "label" : "name"] = n.name;
  if (!n.classification.empty())
    o["classification"] = n.classification;
  if (n.parent != no_vertex)
    o[n.kind == node_kind::post ? "organization_id" : "parent_id"] = m[n.parent].id;
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

json::object relation_object(const model& m, vertex from, vertex to, const relation& r) {
  json::object o;
  if (!r.id.empty())
    o["id"] = r.id;
  if (r.type == relation_type::holds || r.type == relation_type::member_of) {
    o[m[from].kind == node_kind::person ? "person_id" : "post_id"] = m[from].id;
    if (r.type == relation_type::holds) {
      o["post_id"] = m[to].id;
      if (r.organization != no_vertex)
        o["organization_id"] = m[r.organization].id;
    } else {
      o["organization_id"] = m[to].id;
    }
    if (!r.role.empty())
      o["role"] = r.role;
    if (r.on_behalf_of != no_vertex)
      o["on_behalf_of_id"] = m[r.on_behalf_of].id;
  } else {
    o["type"] = to_string(r.type);
    o["from"] = m[from].id;
    o["to"] = m[to].id;
    if (!r.status.empty())
      o["status"] = r.status;
  }
  if (r.arrangement != arrangement::substantive)
    o["arrangement"] = to_string(r.arrangement);
  put_period(o, r.when, "start_date", "end_date");
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
  try {
    return reader(file, options).read(parse_text(text, file, options));
  } catch (const std::bad_alloc&) { // the machine's shortage, not the text's fault
    throw resource_error(file, "out of memory while loading " + file);
  }
}

model load_json(const std::filesystem::path& file, const load_options& options) {
  std::error_code ec;
  if (const auto size = std::filesystem::file_size(file, ec); !ec && size > options.max_file_size)
    throw parse_error(file.string(), 0, 0,
                      "the file has " + std::to_string(size) + " bytes, more than the limit of " +
                          std::to_string(options.max_file_size) + " (load_options::max_file_size)");
  std::string text;
  try {
    text = read_file(file, options.max_file_size);
  } catch (const std::bad_alloc&) {
    throw resource_error(file.string(), "out of memory while loading " + file.string());
  }
  return parse_json(text, file.string(), options);
}

std::string to_json(const model& m) {
  json::array persons, organizations, posts, areas, memberships, relations, decisions;
  for (vertex v = 0; v < m.node_count(); ++v) {
    switch (m[v].kind) {
    case node_kind::person: persons.emplace_back(node_object(m, v)); break;
    case node_kind::organization: organizations.emplace_back(node_object(m, v)); break;
    case node_kind::post: posts.emplace_back(node_object(m, v)); break;
    case node_kind::area: areas.emplace_back(node_object(m, v)); break;
    }
  }
  const auto& g = m.graph();
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const relation& r = g[*it];
    auto o = relation_object(m, boost::source(*it, g), boost::target(*it, g), r);
    (r.type == relation_type::holds || r.type == relation_type::member_of ? memberships : relations)
        .emplace_back(std::move(o));
  }
  for (const decision& d : m.decisions()) {
    json::object o;
    o["id"] = d.id;
    if (!d.subject.empty())
      o["subject"] = d.subject;
    o["organization_id"] = m[d.organization].id;
    o["date"] = d.date.to_string();
    o["outcome"] = to_string(d.outcome);
    if (d.to != no_vertex)
      o["to_id"] = m[d.to].id;
    if (d.follows != no_decision)
      o["follows"] = m.decisions()[d.follows].id;
    decisions.emplace_back(std::move(o));
  }
  std::ostringstream out;
  write_document(out, {{"persons", std::move(persons)},
                       {"organizations", std::move(organizations)},
                       {"posts", std::move(posts)},
                       {"areas", std::move(areas)},
                       {"memberships", std::move(memberships)},
                       {"relations", std::move(relations)},
                       {"decisions", std::move(decisions)}});
  return out.str();
}

void save_json(const model& m, const std::filesystem::path& file) {
  write_file_atomically(file, to_json(m)); // never a half-written file where a whole one was
}

} // namespace orgraph
