#pragma once
// Helpers the test programs share: dates from text, and a model builder that adds a dated relation
// in one line. Each test file keeps its own node naming on top of it.

#include <orgraph/orgraph.hpp>

#include <optional>

namespace orgraph::test {

/// A full date from `YYYY-MM-DD`.
inline date on(const char* text) { return parse_date(text); }

/// A partial date from text, or none for a null pointer (an open end).
inline std::optional<partial_date> maybe(const char* text) {
  if (text == nullptr)
    return std::nullopt;
  return parse_partial_date(text);
}

/// A model and short ways to add the relations line management reads.
struct relation_builder {
  model m;

  void relate(relation_type t, vertex from, vertex to, const char* start = nullptr, const char* end = nullptr,
              arrangement a = arrangement::substantive) {
    m.add_relation(from, to, relation{t, period{maybe(start), maybe(end)}, a});
  }
  void manages(vertex from, vertex to, const char* start = nullptr, const char* end = nullptr,
               arrangement a = arrangement::substantive) {
    relate(relation_type::manages, from, to, start, end, a);
  }
  void supervises(vertex from, vertex to, const char* start = nullptr, const char* end = nullptr,
                  arrangement a = arrangement::substantive) {
    relate(relation_type::supervises, from, to, start, end, a);
  }
  void holds(vertex person, vertex post, const char* start = nullptr, const char* end = nullptr,
             arrangement a = arrangement::substantive) {
    relate(relation_type::holds, person, post, start, end, a);
  }
};

} // namespace orgraph::test
