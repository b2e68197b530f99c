// Terms of office (Popolo legislative periods) and the rule that a membership naming one takes the
// term's dates where it has none of its own. The rule is applied once, when the membership is added,
// so that every time rule reads one period per relation and the snapshot stays as fast as before.

#include <orgraph/model/model.hpp>

namespace orgraph {

term_index model::add_term(term t) {
  if (t.id.empty())
    throw reference_error(t.id, "a term needs a non-empty id");
  if (term_ids_.count(t.id) != 0)
    throw reference_error(t.id, "duplicate term id '" + t.id + "'");
  if (t.organization != no_vertex && (!contains(t.organization) || kinds_[t.organization] != node_kind::organization))
    throw model_error("term '" + t.id + "': its organization must be an organization of this model");
  if (terms_.size() >= detail::none32 - 1)
    throw model_error("a model holds at most 4,294,967,294 terms");
  std::string key = t.id;
  detail::make_room_for_one(terms_);
  term_ids_.emplace(std::move(key), terms_.size());
  terms_.push_back(std::move(t));
  return terms_.size() - 1;
}

// The period a relation is in force by its own dates, each bound it lacks taken from its term;
// `from_term` says which bounds came from the term.
period model::with_term(const relation& r, std::uint8_t& from_term) const {
  from_term = 0;
  if (r.term == no_term)
    return r.when;
  const period& t = terms_[r.term].when;
  auto start = r.when.start();
  auto end = r.when.end();
  if (!start && t.start()) {
    start = t.start();
    from_term |= detail::start_from_term;
  }
  if (!end && t.end()) {
    end = t.end();
    from_term |= detail::end_from_term;
  }
  try {
    return period(start, end);
  } catch (const date_error&) {
    // Exactly one bound came from the term (the relation's own period and the term's are each valid).
    const bool starts_late = (from_term & detail::end_from_term) != 0;
    throw model_error(
        "a " + std::string(to_string(r.type)) + " that names the term '" + terms_[r.term].id + "' " +
        (starts_late
             ? "starts on " + r.when.start()->to_string() + ", after the term ends on " + t.end()->to_string()
             : "ends on " + r.when.end()->to_string() + ", before the term starts on " + t.start()->to_string()));
  }
}

} // namespace orgraph
