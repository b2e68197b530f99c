#pragma once
// Internal: a model's storage as plain columns, and back. Binary archives write the columns as they are
// (no record by record encoding), so loading one is a few large reads and one pass of checks. The
// way back checks every invariant the model's add_* functions would, since the columns come from a file.

#include <orgraph/model/model.hpp>

#include <array>
#include <cstdint>
#include <vector>

namespace orgraph::detail {

struct model_columns {
  // Nodes.
  std::vector<std::uint8_t> kinds;
  std::vector<text_ref> ids, names;
  std::vector<std::uint32_t> classifications, discipline_sets, parents, areas;
  std::vector<std::int32_t> life_first, life_last;
  std::vector<std::uint8_t> life_precisions;
  std::vector<char> texts;
  // Interned symbols (symbol 0 is the empty text) and the distinct sets of disciplines.
  std::vector<text_ref> symbols;
  std::vector<char> symbol_texts;
  std::vector<std::uint32_t> discipline_pool, discipline_offsets;
  // Relations by type, removed ones left out; `extras` empty or as long as `cores`.
  std::array<std::vector<relation_core>, relation_type_count> cores;
  std::array<std::vector<relation_extra>, relation_type_count> extras;
  std::vector<decision> decisions;
  std::vector<term> terms;
};

struct model_access {
  /// The model's columns, its removed relations left out.
  static model_columns columns_of(const model& m);
  /// A model from columns; throws model_error (or reference_error for ids) naming what is inconsistent.
  static model from_columns(model_columns&& c);
};

} // namespace orgraph::detail
