// What every command that reads a file shares: the load options its command line asks for, and the
// note when the date it answers for looks wrong for the file.

#include <orgraph/analysis/stats.hpp>

#include "cli.hpp"
#include "output.hpp"

#include <iostream>

namespace orgraph::cli::detail {

orgraph::load_model_options load_options_of(const invocation& inv) {
  orgraph::load_model_options o;
  if (inv.mapping)
    o.mapping = orgraph::read_csv_mapping(*inv.mapping);
  if (inv.input_format) // archive-xml and archive-text read as any archive: the envelope says which
    o.format = inv.input_format->compare(0, 7, "archive") == 0 ? "archive" : *inv.input_format;
  o.lenient = inv.lenient;
  if (inv.lenient)
    o.skipped = [](const orgraph::skipped_record& r) {
      std::cerr << "orgraph: warning: " << printable(r.file + ": " + r.where + ": skipped: " + r.reason) << '\n';
    };
  return o;
}

void note_if_all_ended(const invocation& inv, const orgraph::model& m, const std::string& file) {
  if (!inv.takes_on || inv.on_text)
    return;
  const orgraph::date today = orgraph::date::today();
  const auto last = orgraph::last_day_in_force(m);
  if (!last || *last >= today)
    return;
  const auto span = orgraph::dates_named(m); // has a date: the last relation's end
  std::cerr << "orgraph: note: answering for today, " << today.to_string() << ", but every relation in "
            << printable(file) << " ended by " << last->to_string() << " (its dates span " << span->earliest.to_string()
            << " to " << span->latest.to_string() << "): give --on DATE for another day\n";
}

} // namespace orgraph::cli::detail
