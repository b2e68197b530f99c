#pragma once
// Internal to the CSV importer: the importer, which checks every row of a file and then builds what
// the rows describe on a model. Person rows are read in csv.cpp, post rows (organograms) in
// csv_posts.cpp.

#include <orgraph/model/model.hpp>

#include "csv_reader.hpp"

#include <cctype>
#include <string>
#include <string_view>
#include <unordered_set>

namespace orgraph::detail::csv {

// Builds on a copy of the model; the caller swaps it in only when everything succeeded.
class importer {
public:
  importer(model& m, const csv_mapping& mapping, std::string file, const load_options& limits, tally& added)
      : m_(m), mapping_(mapping), file_(std::move(file)), limits_(limits), added_(added) {}

  void run(std::string_view text) {
    check_size(text.size(), limits_, file_, "the input");
    if (const std::size_t bad = invalid_utf8(text); bad != std::string_view::npos) {
      const std::string_view before = text.substr(0, bad);
      const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
      const std::size_t last = before.rfind('\n');
      const std::size_t column = last == std::string_view::npos ? bad + 1 : bad - last;
      throw parse_error(file_, line, column, "invalid UTF-8: the file must be UTF-8 encoded");
    }
    // Records are read one at a time and not kept: the first pass keeps what each row says (only
    // for rows that add something, so bounded by the limits), the second reads a row again where it
    // needs the row itself. Memory stays a small multiple of the input, however the rows look.
    record_reader reader(text, mapping_.separator, file_);
    record header;
    if (!reader.next(header, max_columns, false))
      throw parse_error(file_, 1, 0, "no header row: the file is empty");
    const columns c = locate(header, mapping_, file_);
    record_reader again(text, mapping_.separator, file_);
    if (mapping_.layout == csv_layout::person_rows)
      person_rows(reader, again, c);
    else
      post_rows(reader, again, c);
  }

private:
  // ---- lenient loading ----

  // Report a row a lenient load leaves out, or a part of it (`consequence` says which), with the
  // reason the strict load gives, without its leading "file:line:column: ".
  void skip(std::size_t line, const std::string& what, const std::string& consequence = "") {
    std::string_view reason(what);
    if (reason.substr(0, file_.size() + 1) == file_ + ":") {
      reason.remove_prefix(file_.size() + 1);
      while (!reason.empty() && (std::isdigit(static_cast<unsigned char>(reason.front())) || reason.front() == ':'))
        reason.remove_prefix(1);
      while (!reason.empty() && reason.front() == ' ')
        reason.remove_prefix(1);
    }
    if (limits_.skipped)
      limits_.skipped({file_, "line " + std::to_string(line), std::string(reason) + consequence});
  }

  // Run a step of a row; a lenient load reports an error in it and goes on (false), a strict one throws.
  // A limit passed is the file's problem, never a row's: always thrown.
  template <class Step> bool guarded(std::size_t line, Step&& step, const std::string& consequence = "") {
    if (!limits_.lenient) {
      step();
      return true;
    }
    try {
      step();
      return true;
    } catch (const error& e) {
      if (limit_passed_)
        throw;
      skip(line, e.what(), consequence);
      return false;
    }
  }

  // The next data row and where it starts; a lenient load passes over a row with the wrong number of
  // fields, reported.
  bool next_row(record_reader& reader, record& rec, std::size_t fields, record_reader::position& at) {
    for (;;) {
      at = reader.where();
      try {
        return reader.next(rec, fields, true);
      } catch (const parse_error& e) {
        if (!limits_.lenient || !reader.record_passed())
          throw;
        skip(e.line(), e.what());
      }
    }
  }

  // Counts what a row will add, refusing at the row that passes a limit: before anything is built.
  void will_add(const row_reader& row, std::size_t nodes, std::size_t relations) {
    added_.nodes += nodes;
    added_.relations += relations;
    limit_passed_ = added_.nodes > limits_.max_nodes || added_.relations > limits_.max_relations;
    if (added_.nodes > limits_.max_nodes)
      throw parse_error(file_, row.line(), 0,
                        "this row takes the nodes past the limit of " + std::to_string(limits_.max_nodes) +
                            " (load_options::max_nodes)");
    if (added_.relations > limits_.max_relations)
      throw parse_error(file_, row.line(), 0,
                        "this row takes the relations past the limit of " + std::to_string(limits_.max_relations) +
                            " (load_options::max_relations)");
  }

  // Whether the organization a row names is one this load has not seen yet (nor the model holds).
  bool new_organization(const row_reader& row, std::size_t col) {
    const std::string value = row.value(col);
    if (value.empty())
      return false;
    std::string id = mapping_.organization_is_name ? mapping_.organization_id_prefix + value : value;
    return !m_.find(id) && new_ids_.insert(std::move(id)).second;
  }

  // The organization a row names, created on first sight.
  vertex organization(const row_reader& row, std::size_t col) {
    const std::string value = row.value(col);
    if (value.empty())
      return no_vertex;
    const std::string id = mapping_.organization_is_name ? mapping_.organization_id_prefix + value : value;
    if (const auto v = m_.find(id)) {
      if (m_[*v].kind != node_kind::organization)
        throw reference_error(id, row.where(col) + ": '" + id + "' is a " + std::string(to_string(m_[*v].kind)) +
                                      ", not an organization");
      return *v;
    }
    return m_.add_organization(id, value, mapping_.organization_classification);
  }

  vertex resolve_manager(const row_reader& row, const std::string& id, node_kind want) const {
    const auto v = m_.find(id);
    if (!v)
      throw reference_error(id, row.where(manager_col_) + ": unknown manager id '" + id + "'");
    if (m_[*v].kind != want)
      throw reference_error(id, row.where(manager_col_) + ": manager '" + id + "' is a " +
                                    std::string(to_string(m_[*v].kind)) + ", not a " + std::string(to_string(want)));
    return *v;
  }

  bool is_top(const std::string& manager) const {
    return manager.empty() ||
           std::find(mapping_.top_markers.begin(), mapping_.top_markers.end(), manager) != mapping_.top_markers.end();
  }

  void person_rows(record_reader& reader, record_reader& again, const columns& c);
  void post_rows(record_reader& reader, record_reader& again, const columns& c);

  model& m_;
  const csv_mapping& mapping_;
  std::string file_;
  const load_options& limits_;
  tally& added_;
  std::unordered_set<std::string> new_ids_; // organizations and person rows' posts this load will create
  std::size_t manager_col_ = columns::absent;
  bool limit_passed_ = false;
};

} // namespace orgraph::detail::csv
