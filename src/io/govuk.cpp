// The GOV.UK organisations list (govuk.hpp): one JSON object a line, read a line at a time, then built
// into bodies, reporting lines and successions. Each line is small, so each is parsed whole.

#include <orgraph/error.hpp>
#include <orgraph/io/file.hpp>
#include <orgraph/io/govuk.hpp>

#include "load_guards.hpp"

#include <boost/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

namespace json = boost::json;

namespace orgraph {

namespace {

constexpr std::string_view api_prefix = "https://www.gov.uk/api/organisations/";

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// The slug an organisation's API URL ends with.
std::string slug_of(std::string_view url) {
  while (!url.empty() && url.back() == '/')
    url.remove_suffix(1);
  const auto slash = url.rfind('/');
  return std::string(slash == std::string_view::npos ? url : url.substr(slash + 1));
}

/// One line of the list, as far as orgraph reads it.
struct organisation {
  std::size_t line = 0;
  std::string id, title, format;
  std::optional<partial_date> closed;
  std::vector<std::string> parents, superseded, superseding;
};

class reader {
public:
  reader(std::string file, const load_options& options) : file_(std::move(file)), options_(options) {}

  model read(std::string_view text) {
    detail::check_size(text.size(), options_, file_, "the input");
    std::size_t line = 0;
    for (std::size_t at = 0; at < text.size();) {
      std::size_t end = text.find('\n', at);
      if (end == std::string_view::npos)
        end = text.size();
      std::string_view content = text.substr(at, end - at);
      at = end + 1;
      ++line;
      if (line == 1 && content.substr(0, 3) == "\xEF\xBB\xBF")
        content.remove_prefix(3);
      if (content.find_first_not_of(" \t\r") == std::string_view::npos)
        continue; // a blank line
      guarded(line, [&] { read_line(line, content); });
    }
    build();
    return std::move(model_);
  }

private:
  [[noreturn]] void fail(std::size_t line, std::size_t column, const std::string& message) const {
    throw parse_error(file_, line, column, message);
  }

  // A line's error: a lenient load reports it and goes on; limits are the file's, never a line's.
  template <class Step> void guarded(std::size_t line, Step&& step, const std::string& consequence = "") {
    if (!options_.lenient) {
      step();
      return;
    }
    try {
      step();
    } catch (const error& e) {
      if (limit_passed_)
        throw;
      std::string reason = e.what();
      const std::string prefix = file_ + ":" + std::to_string(line);
      if (reason.compare(0, prefix.size(), prefix) == 0) { // "file:line[:column]: reason"
        reason.erase(0, prefix.size());
        reason.erase(0, reason.find(": ") == std::string::npos ? 0 : reason.find(": ") + 2);
      }
      if (options_.skipped)
        options_.skipped({file_, "line " + std::to_string(line), reason + consequence});
    }
  }

  void read_line(std::size_t line, std::string_view content) {
    json::parse_options o;
    o.max_depth = options_.max_depth;
    json::stream_parser p(json::storage_ptr(), o);
    json::error_code ec;
    const std::size_t used = p.write_some(content.data(), content.size(), ec);
    if (!ec && used < content.size() && content.substr(used).find_first_not_of(" \t\r") != std::string_view::npos)
      ec = json::make_error_code(json::error::extra_data);
    if (!ec)
      p.finish(ec);
    if (ec)
      fail(line, used + 1, "malformed JSON: " + ec.message());
    const json::value v = p.release();
    const json::object* o_ = v.if_object();
    if (o_ == nullptr)
      fail(line, 1, "expected an organisation (a JSON object) on each line");
    const json::object& obj = *o_;
    const auto text_at = [&](const json::object& in, std::string_view key, const char* path) -> std::string {
      const json::value* x = in.if_contains(key);
      if (x == nullptr || x->is_null())
        return {};
      if (!x->is_string())
        fail(line, 0, std::string(path) + ": must be a string");
      return std::string(x->get_string());
    };
    organisation org;
    org.line = line;
    const json::object* details = nullptr;
    if (const json::value* d = obj.if_contains("details"); d != nullptr && !d->is_null()) {
      details = d->if_object();
      if (details == nullptr)
        fail(line, 0, "details: must be an object");
    }
    org.id = details != nullptr ? text_at(*details, "slug", "details.slug") : std::string();
    if (org.id.empty())
      org.id = slug_of(text_at(obj, "id", "id"));
    if (org.id.empty())
      fail(line, 0, "an organisation needs an id (details.slug or id)");
    org.title = text_at(obj, "title", "title");
    org.format = text_at(obj, "format", "format");
    if (details != nullptr && text_at(*details, "govuk_status", "details.govuk_status") == "closed") {
      std::string when = text_at(*details, "closed_at", "details.closed_at");
      if (when.empty()) // closed on no recorded day: by its last update at the latest
        when = text_at(obj, "updated_at", "updated_at");
      if (!when.empty()) {
        try {
          org.closed = parse_partial_date(when.substr(0, 10));
        } catch (const date_error& e) {
          fail(line, 0, "details.closed_at: " + std::string(e.what()));
        }
      }
    }
    const auto links = [&](std::string_view key, std::vector<std::string>& out) {
      const json::value* x = obj.if_contains(key);
      if (x == nullptr || x->is_null())
        return;
      if (!x->is_array())
        fail(line, 0, std::string(key) + ": must be an array");
      for (std::size_t i = 0; i < x->get_array().size(); ++i) {
        const json::object* link = x->get_array()[i].if_object();
        const std::string path = std::string(key) + "[" + std::to_string(i) + "]";
        if (link == nullptr)
          fail(line, 0, path + ": must be an object");
        const std::string id = slug_of(text_at(*link, "id", (path + ".id").c_str()));
        if (id.empty())
          fail(line, 0, path + ": needs an id");
        out.push_back(id);
      }
    };
    links("parent_organisations", org.parents);
    links("superseded_organisations", org.superseded);
    links("superseding_organisations", org.superseding);
    if (by_id_.count(org.id) != 0)
      throw reference_error(org.id, file_ + ":" + std::to_string(line) + ": duplicate organisation '" + org.id +
                                        "' (first on line " + std::to_string(all_[by_id_.at(org.id)].line) + ")");
    count(1, org.parents.size() + org.superseded.size() + org.superseding.size(), line);
    by_id_.emplace(org.id, all_.size());
    all_.push_back(std::move(org));
  }

  void count(std::size_t nodes, std::size_t relations, std::size_t line) {
    nodes_ += nodes;
    relations_ += relations;
    limit_passed_ = nodes_ > options_.max_nodes || relations_ > options_.max_relations;
    if (nodes_ > options_.max_nodes)
      fail(line, 0,
           "more than the limit of " + std::to_string(options_.max_nodes) + " nodes (load_options::max_nodes)");
    if (relations_ > options_.max_relations)
      fail(line, 0,
           "more than the limit of " + std::to_string(options_.max_relations) +
               " relations (load_options::max_relations)");
  }

  // The bodies, then every reporting line in the order listed, then the successions.
  void build() {
    model_.reserve(all_.size());
    for (const organisation& o : all_) {
      node n;
      n.kind = node_kind::organization;
      n.id = o.id;
      n.name = o.title;
      n.classification = o.format;
      n.lifetime = period(std::nullopt, o.closed);
      model_.add_node(n);
    }
    const auto resolve = [&](const organisation& o, const std::string& id, const char* key) {
      const auto v = model_.find(id);
      if (!v)
        throw reference_error(id, file_ + ":" + std::to_string(o.line) + ": " + key + ": unknown organisation '" + id +
                                      "'");
      return *v;
    };
    for (const organisation& o : all_)
      for (const std::string& parent : o.parents)
        guarded(
            o.line,
            [&] {
              const vertex above = resolve(o, parent, "parent_organisations");
              if (above != model_.at(o.id))
                model_.add_relation(model_.at(o.id), above, {relation_type::reports_to});
            },
            " (loaded without that parent)");
    std::set<std::pair<vertex, vertex>> replaced; // each succession once, though both ends may list it
    for (const organisation& o : all_) {
      const vertex self = model_.at(o.id);
      const auto succession = [&](vertex from, vertex to) {
        if (from != to && replaced.emplace(from, to).second)
          model_.add_relation(from, to, {relation_type::replaced_by});
      };
      for (const std::string& old : o.superseded)
        guarded(
            o.line, [&] { succession(resolve(o, old, "superseded_organisations"), self); },
            " (loaded without that succession)");
      for (const std::string& next : o.superseding)
        guarded(
            o.line, [&] { succession(self, resolve(o, next, "superseding_organisations")); },
            " (loaded without that succession)");
    }
  }

  std::string file_;
  const load_options& options_;
  std::vector<organisation> all_;
  std::unordered_map<std::string, std::size_t> by_id_;
  std::size_t nodes_ = 0, relations_ = 0;
  bool limit_passed_ = false;
  model model_;
};

} // namespace

bool looks_like_govuk_organisations(std::string_view head) noexcept {
  if (head.substr(0, 3) == "\xEF\xBB\xBF")
    head.remove_prefix(3);
  std::size_t at = 0;
  while (at < head.size() && is_space(head[at]))
    ++at;
  if (at == head.size() || head[at] != '{')
    return false;
  const std::string_view first = head.substr(at, head.find('\n', at) - at); // to the end if one line
  const auto has = [&](std::string_view key) { return first.find(key) != std::string_view::npos; };
  return has("\"parent_organisations\"") &&
         (has("\"child_organisations\"") || has("\"details\"") || has("\"format\"") || has(api_prefix));
}

model parse_govuk_organisations(std::string_view text, std::string_view source_name, const load_options& options) {
  const std::string file(source_name);
  return detail::memory_checked(file, [&] { return reader(file, options).read(text); });
}

model load_govuk_organisations(const std::filesystem::path& file, const load_options& options) {
  std::error_code ec;
  if (const auto size = std::filesystem::file_size(file, ec); !ec)
    detail::check_size(size, options, file.string(), "the file");
  const std::string text =
      detail::memory_checked(file.string(), [&] { return read_file(file, options.max_file_size); });
  return parse_govuk_organisations(text, file.string(), options);
}

} // namespace orgraph
