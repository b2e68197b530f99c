#pragma once
// Internal to the JSON reader: the builder that makes the model from the records json_reader.cpp
// collected (json_records.hpp). Its steps are in json_build.cpp (nodes, parents, terms) and
// json_build_links.cpp (memberships, relations, decisions).

#include <orgraph/error.hpp>
#include <orgraph/io/load_options.hpp>

#include "json_records.hpp"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace orgraph::detail::json_reading {

/// A record of an array: `s` its slots.
struct record {
  const std::uint32_t* s;
  const layout* l;
  std::size_t index;
  section where;

  [[nodiscard]] bool is_object() const noexcept { return s[0] != not_object; }
  [[nodiscard]] std::uint32_t first(field f) const noexcept { return s[l->slot[static_cast<std::size_t>(f)]]; }
  [[nodiscard]] std::uint32_t second(field f) const noexcept { return s[l->slot[static_cast<std::size_t>(f)] + 1]; }
};

class builder {
public:
  builder(document& doc, const std::string& file, const load_options& options)
      : doc_(doc), file_(file), options_(options) {}

  model build();

private:
  [[noreturn]] void fail(const std::string& path, const std::string& message) const {
    throw parse_error(file_, 0, 0, (path.empty() ? std::string() : path + ": ") + message);
  }
  static std::string path(const record& r) {
    return std::string(section_names[static_cast<std::size_t>(r.where)]) + "[" + std::to_string(r.index) + "]";
  }
  static std::string path(const record& r, field f) { return path(r) + "." + field_names[static_cast<std::size_t>(f)]; }
  [[noreturn]] void fail(const record& r, const std::string& message) const { fail(path(r), message); }
  [[noreturn]] void fail(const record& r, field f, const std::string& message) const { fail(path(r, f), message); }

  [[nodiscard]] record at(section s, std::size_t i) const { return {doc_[s].records[i], &layout_of(s), i, s}; }
  [[nodiscard]] std::size_t count(section s) const noexcept { return doc_[s].records.size(); }

  /// Run `step` on every record of `s`, in file order. Strict: the first error ends the load. Lenient:
  /// a record whose step throws is reported to load_options::skipped and left out.
  template <class Step> void each(section s, Step&& step) {
    for (std::size_t i = 0; i < count(s); ++i) {
      const record r = at(s, i);
      if (!options_.lenient) {
        step(r);
        continue;
      }
      try {
        step(r);
      } catch (const error& e) {
        skip(r, e.what(), "");
      }
    }
  }
  /// Report a record a lenient load leaves out (or keeps without a field: `consequence` says so).
  void skip(const record& r, const std::string& what, const std::string& consequence);

  // ---- one field, checked as the DOM reader's text() checked it: "" when absent ----

  std::string_view text(const record& r, field f) const {
    const std::uint32_t size = r.second(f);
    if (size == wrong_type)
      fail(r, f, "must be a string");
    return size == absent ? std::string_view() : doc_.texts.view(text_ref{r.first(f), size});
  }
  std::string_view symbol(const record& r, field f) const {
    const std::uint32_t v = r.first(f);
    if (v == wrong_type)
      fail(r, f, "must be a string");
    return v == absent ? std::string_view() : doc_.symbol_text(v);
  }
  // An id's handle, or `absent`.
  std::uint32_t ref(const record& r, field f) const {
    const std::uint32_t h = r.first(f);
    if (h == wrong_type)
      fail(r, f, "must be a string");
    return h;
  }
  std::uint32_t required_ref(const record& r, field f) const {
    const std::uint32_t h = ref(r, f);
    if (h == absent)
      fail(r, std::string("'") + field_names[static_cast<std::size_t>(f)] + "' is required");
    return h;
  }
  vertex resolve(std::uint32_t h, const record& r, field f) const {
    if (vertex_of_[h] != none32)
      return vertex_of_[h];
    const std::string id(doc_.id_text(h));
    throw reference_error(id, file_ + ": " + path(r, f) + ": unknown id '" + id + "'");
  }
  std::optional<vertex> optional_ref(const record& r, field f) const {
    const std::uint32_t h = ref(r, f);
    if (h == absent)
      return std::nullopt;
    return resolve(h, r, f);
  }
  std::optional<partial_date> date_of(const record& r, field f) const {
    const std::uint32_t v = r.first(f);
    if (v == wrong_type)
      fail(r, f, "must be a string");
    if (v == absent)
      return std::nullopt;
    if ((v & unparsed_date) == 0)
      return unpack_date(v);
    try {
      return parse_partial_date(doc_.texts.view(doc_.date_texts[v & ~unparsed_date]));
    } catch (const date_error& e) {
      fail(r, f, e.what());
    }
  }
  period period_of(const record& r, field start, field end) const {
    try {
      return period(date_of(r, start), date_of(r, end));
    } catch (const date_error& e) {
      fail(r, e.what());
    }
  }
  arrangement arrangement_of(const record& r) const {
    const std::string_view t = symbol(r, field::arrangement);
    if (t.empty())
      return arrangement::substantive;
    if (const auto a = arrangement_from_string(t))
      return *a;
    fail(r, field::arrangement,
         "unknown arrangement '" + std::string(t) + "' (expected substantive, acting, interim or secondment)");
  }

  // ---- the steps (json_build.cpp, json_build_links.cpp) ----

  void check_keys() const;
  void reserve();
  void add_nodes(section s, node_kind kind);
  void set_parents(section s);
  void add_terms();
  vertex person_of(const record& r, std::uint32_t handle);
  void add(vertex from, vertex to, const relation& rel, const record& r);
  void add_memberships();
  void add_relations();
  void add_decisions();

  document& doc_;
  const std::string& file_;
  const load_options& options_;
  model model_;
  std::vector<std::uint32_t> vertex_of_;                  // an id's handle → its vertex, none32 for an id no node has
  std::array<std::vector<std::uint32_t>, 4> added_;       // each node record's vertex (none32: left out), by section
  std::unordered_map<std::uint32_t, term_index> term_of_; // a legislative period's handle → its term
};

} // namespace orgraph::detail::json_reading
