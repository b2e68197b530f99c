#pragma once
// Internal to archive.cpp: the payload of binary archives from payload version 2 on, the model's
// storage column by column (src/model/columns.hpp).

#include "../model/columns.hpp"
#include "archive_payload.hpp"

namespace orgraph::detail::archive {

/// A relation's extra fields as payload version 2 stored them, before the area and the term.
struct relation_extra_v2 {
  std::uint32_t role = 0;
  std::uint32_t status = 0;
  std::uint32_t on_behalf_of = none32;
  std::uint32_t organization = none32;
  text_ref id;
};

class columns_payload {
public:
  explicit columns_payload(const model* source) : out_(source) {}
  explicit columns_payload(load_context ctx) : ctx_(std::move(ctx)) {}

  model take() { return model_access::from_columns(std::move(in_)); }

  template <class Archive> void save(Archive& ar, unsigned /*version*/) const {
    model_columns c = model_access::columns_of(*out_);
    save_columns(ar, c);
  }

  template <class Archive> void load(Archive& ar, unsigned /*version*/) {
    load_column(ar, in_.kinds);
    load_column(ar, in_.ids);
    load_column(ar, in_.names);
    load_column(ar, in_.classifications);
    load_column(ar, in_.discipline_sets);
    load_column(ar, in_.parents);
    const bool v3 = ctx_.version >= 3; // version 2 had no areas and no terms
    if (v3)
      load_column(ar, in_.areas);
    else
      in_.areas.assign(in_.kinds.size(), none32);
    load_column(ar, in_.life_first);
    load_column(ar, in_.life_last);
    load_column(ar, in_.life_precisions);
    load_column(ar, in_.texts);
    load_column(ar, in_.symbols);
    load_column(ar, in_.symbol_texts);
    load_column(ar, in_.discipline_pool);
    load_column(ar, in_.discipline_offsets);
    for (std::size_t t = 0; t < relation_type_count; ++t) {
      load_column(ar, in_.cores[t]);
      if (v3) {
        load_column(ar, in_.extras[t]);
        continue;
      }
      std::vector<relation_extra_v2> old;
      load_column(ar, old);
      in_.extras[t].resize(old.size());
      for (std::size_t i = 0; i < old.size(); ++i) {
        relation_extra& x = in_.extras[t][i];
        x.role = old[i].role;
        x.status = old[i].status;
        x.on_behalf_of = old[i].on_behalf_of;
        x.organization = old[i].organization;
        x.id = old[i].id;
      }
    }
    std::uint64_t decisions = 0;
    ar >> decisions;
    ctx_.check_count(decisions, 7, "decisions");
    in_.decisions.resize(static_cast<std::size_t>(decisions));
    for (decision& d : in_.decisions) {
      std::uint64_t organization = none, to = none, follows = none;
      std::int32_t day = 0;
      std::uint8_t result = 0;
      load_string(ar, "id", d.id, ctx_);
      load_string(ar, "subject", d.subject, ctx_);
      ar >> organization >> day;
      load_enum(ar, "outcome", result, 6, "outcome", ctx_);
      ar >> to >> follows;
      d.organization = vertex_of(organization, no_vertex);
      d.date = date::from_days(day);
      d.outcome = static_cast<outcome>(result);
      d.to = vertex_of(to, no_vertex);
      d.follows = vertex_of(follows, no_decision);
    }
    if (!v3)
      return;
    std::uint64_t terms = 0;
    ar >> terms;
    ctx_.check_count(terms, 5, "terms");
    in_.terms.resize(static_cast<std::size_t>(terms));
    for (term& t : in_.terms) {
      std::uint64_t organization = none;
      std::int32_t first = 0, last = 0;
      std::uint8_t precisions = 0;
      load_string(ar, "id", t.id, ctx_);
      load_string(ar, "name", t.name, ctx_);
      ar >> organization >> first >> last >> precisions;
      t.organization = vertex_of(organization, no_vertex);
      t.when = period_bits::make(first, last, precisions); // checked by from_columns
    }
  }

  BOOST_SERIALIZATION_SPLIT_MEMBER()

private:
  template <class Archive> static void save_columns(Archive& ar, const model_columns& c) {
    save_column(ar, c.kinds);
    save_column(ar, c.ids);
    save_column(ar, c.names);
    save_column(ar, c.classifications);
    save_column(ar, c.discipline_sets);
    save_column(ar, c.parents);
    save_column(ar, c.areas);
    save_column(ar, c.life_first);
    save_column(ar, c.life_last);
    save_column(ar, c.life_precisions);
    save_column(ar, c.texts);
    save_column(ar, c.symbols);
    save_column(ar, c.symbol_texts);
    save_column(ar, c.discipline_pool);
    save_column(ar, c.discipline_offsets);
    for (std::size_t t = 0; t < relation_type_count; ++t) {
      save_column(ar, c.cores[t]);
      save_column(ar, c.extras[t]);
    }
    const std::uint64_t decisions = c.decisions.size();
    ar << decisions;
    for (const decision& d : c.decisions) {
      const std::uint64_t organization = index_of(d.organization, no_vertex), to = index_of(d.to, no_vertex),
                          follows = index_of(d.follows, no_decision);
      const std::int32_t day = d.date.days_since_epoch();
      const auto result = static_cast<std::uint8_t>(d.outcome);
      save_string(ar, "id", d.id);
      save_string(ar, "subject", d.subject);
      ar << organization << day << result << to << follows;
    }
    const std::uint64_t terms = c.terms.size();
    ar << terms;
    for (const term& t : c.terms) {
      const std::uint64_t organization = index_of(t.organization, no_vertex);
      const std::int32_t first = period_bits::first(t.when), last = period_bits::last(t.when);
      const std::uint8_t precisions = period_bits::precisions(t.when);
      save_string(ar, "id", t.id);
      save_string(ar, "name", t.name);
      ar << organization << first << last << precisions;
    }
  }

  // A column: its length, then its elements' bytes as they are in memory (binary archives are read
  // only on machines of the same word size and byte order; check_binary_header makes sure).
  template <class Archive, class T> static void save_column(Archive& ar, const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>, "columns hold plain values");
    const std::uint64_t n = v.size();
    ar << n;
    if (n != 0)
      ar << boost::serialization::make_binary_object(v.data(), v.size() * sizeof(T));
  }
  template <class Archive, class T> void load_column(Archive& ar, std::vector<T>& v) {
    std::uint64_t n = 0;
    ar >> n;
    ctx_.check_count(n, sizeof(T), "column elements");
    v.resize(static_cast<std::size_t>(n));
    if (n != 0) {
      auto blob = boost::serialization::make_binary_object(v.data(), v.size() * sizeof(T));
      ar >> blob;
    }
  }

  const model* out_ = nullptr;
  load_context ctx_;
  model_columns in_;
};

} // namespace orgraph::detail::archive

BOOST_CLASS_VERSION(orgraph::detail::archive::columns_payload, 1)
BOOST_CLASS_TRACKING(orgraph::detail::archive::columns_payload, boost::serialization::track_never)
