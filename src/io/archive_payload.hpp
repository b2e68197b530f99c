#pragma once
// Internal to archive.cpp: the payload as plain records that name nodes by index (text and XML
// archives, and binary archives of payload version 1), and what every payload shares: the count and
// string checks against the bytes that remain, dates and periods as records.

#include <orgraph/error.hpp>
#include <orgraph/io/archive.hpp>
#include <orgraph/model/model.hpp>

#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <boost/serialization/binary_object.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/split_member.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace orgraph::detail::archive {

// ---- the payload: plain records with vertex indices ----

constexpr std::uint64_t none = std::numeric_limits<std::uint64_t>::max();

inline std::uint64_t index_of(std::size_t v, std::size_t none_value) { return v == none_value ? none : v; }

inline std::size_t vertex_of(std::uint64_t i, std::size_t none_value) {
  if (i == none)
    return none_value;
  if (i >= std::numeric_limits<std::size_t>::max())
    return std::numeric_limits<std::size_t>::max() - 1; // never a valid index: the model refuses it
  return static_cast<std::size_t>(i);
}

// Where the loader reads from, and how much is left: the budget every count is checked against.
class view_buffer : public std::streambuf {
public:
  view_buffer(const char* data, std::size_t size) {
    char* p = const_cast<char*>(data); // the get area is never written through
    setg(p, p, p + size);
  }
  [[nodiscard]] std::uint64_t remaining() const { return static_cast<std::uint64_t>(egptr() - gptr()); }
};

template <class Archive>
constexpr bool is_xml =
    std::is_same_v<Archive, boost::archive::xml_iarchive> || std::is_same_v<Archive, boost::archive::xml_oarchive>;

template <class Archive, class T> void field(Archive& ar, const char* name, T& value) {
  ar& boost::serialization::make_nvp(name, value);
}

// The context a load needs: the bytes left, the source to name in errors and the envelope's payload
// version, which says which fields the records have.
struct load_context {
  const view_buffer* buffer = nullptr;
  std::string source;
  std::uint32_t version = archive_payload_version;

  [[noreturn]] void refuse(const std::string& what) const { throw archive_error(source, what); }

  // A count of records each at least `min_bytes` long cannot exceed what is left of the payload.
  void check_count(std::uint64_t count, std::uint64_t min_bytes, const char* what) const {
    if (count > buffer->remaining() / min_bytes)
      refuse("damaged payload: " + std::to_string(count) + " " + what + " cannot fit in the " +
             std::to_string(buffer->remaining()) + " bytes that remain");
  }
};

// Strings: XML archives delimit them with tags (no length to trust); binary and text archives get an
// explicit length, checked before the string is allocated, and the bytes as a binary object.
template <class Archive> void save_string(Archive& ar, const char* name, std::string_view s) {
  if constexpr (is_xml<Archive>) {
    const std::string text(s);
    ar << boost::serialization::make_nvp(name, text);
  } else {
    const std::uint64_t n = s.size();
    ar << n;
    if (n != 0)
      ar << boost::serialization::make_binary_object(s.data(), s.size());
  }
}

template <class Archive> void load_string(Archive& ar, const char* name, std::string& s, const load_context& ctx) {
  if constexpr (is_xml<Archive>) {
    ar >> boost::serialization::make_nvp(name, s);
  } else {
    std::uint64_t n = 0;
    ar >> n;
    ctx.check_count(n, 1, "bytes of text");
    s.assign(static_cast<std::size_t>(n), '\0');
    if (n != 0) {
      auto blob = boost::serialization::make_binary_object(s.data(), s.size());
      ar >> blob;
    }
  }
}

struct date_record {
  std::uint8_t present = 0;
  std::int32_t year = 0;
  std::uint8_t month = 0;
  std::uint8_t day = 0;
  static constexpr std::uint64_t min_bytes = 4; // four primitives, each at least one byte in any archive

  static date_record of(const std::optional<partial_date>& d) {
    date_record r;
    if (d) {
      r.present = 1;
      r.year = d->year;
      r.month = static_cast<std::uint8_t>(d->month);
      r.day = static_cast<std::uint8_t>(d->day);
    }
    return r;
  }
  [[nodiscard]] std::optional<partial_date> value() const {
    if (present == 0)
      return std::nullopt;
    return partial_date{year, month, day};
  }

  template <class Archive> void serialize(Archive& ar, unsigned /*version*/) {
    field(ar, "present", present);
    field(ar, "year", year);
    field(ar, "month", month);
    field(ar, "day", day);
  }
};

// A period as written, start and end with their precision; rebuilt through period's checking constructor.
struct period_record {
  date_record start, end;

  static period_record of(const period& p) { return {date_record::of(p.start()), date_record::of(p.end())}; }
  [[nodiscard]] period value() const {
    const auto check = [](const std::optional<partial_date>& d) {
      if (d) { // parse_partial_date's checks: a real day of a real month in years 1..9999
        if (d->year < 1 || d->year > 9999 || d->month > 12 || (d->month == 0 && d->day != 0))
          throw date_error("invalid date in archive: " + std::to_string(d->year) + "-" + std::to_string(d->month) +
                           "-" + std::to_string(d->day));
        if (d->day != 0)
          (void)date::from_ymd(d->year, d->month, d->day);
      }
    };
    check(start.value());
    check(end.value());
    return period(start.value(), end.value());
  }

  template <class Archive> void serialize(Archive& ar, unsigned /*version*/) {
    field(ar, "start", start);
    field(ar, "end", end);
  }
};

template <class Archive>
void load_enum(Archive& ar, const char* name, std::uint8_t& value, std::uint8_t count, const char* what,
               const load_context& ctx) {
  field(ar, name, value);
  if (value >= count)
    ctx.refuse("damaged payload: " + std::string(what) + " code " + std::to_string(value) + " is unknown");
}

// The whole model, split into save (straight from a model) and load (straight into one), so that
// neither side holds a second copy of a large model in memory.
class payload {
public:
  explicit payload(const model* source) : out_(source) {}
  explicit payload(load_context ctx) : ctx_(std::move(ctx)) {}

  model take() { return std::move(in_); }

  template <class Archive> void save(Archive& ar, unsigned /*version*/) const {
    const model& m = *out_;
    std::uint64_t nodes = m.node_count();
    field(ar, "node_count", nodes);
    for (vertex v = 0; v < m.node_count(); ++v) {
      const node_view n = m[v];
      std::uint8_t kind = static_cast<std::uint8_t>(n.kind);
      std::uint64_t parent = index_of(n.parent, no_vertex);
      std::uint64_t disciplines = n.disciplines.size();
      period_record lifetime = period_record::of(n.lifetime);
      field(ar, "kind", kind);
      save_string(ar, "id", n.id);
      save_string(ar, "name", n.name);
      save_string(ar, "classification", n.classification);
      field(ar, "discipline_count", disciplines);
      for (const auto& d : n.disciplines)
        save_string(ar, "discipline", d);
      field(ar, "parent", parent);
      field(ar, "lifetime", lifetime);
      std::uint64_t area = index_of(n.area, no_vertex); // from version 3
      field(ar, "area", area);
    }
    std::uint64_t terms = m.terms().size(); // from version 3
    field(ar, "term_count", terms);
    for (const term& t : m.terms()) {
      std::uint64_t organization = index_of(t.organization, no_vertex);
      period_record when = period_record::of(t.when);
      save_string(ar, "id", t.id);
      save_string(ar, "name", t.name);
      field(ar, "organization", organization);
      field(ar, "when", when);
    }
    const auto& g = m.graph();
    std::uint64_t relations = m.relation_count();
    field(ar, "relation_count", relations);
    for (auto [it, end] = edges(g); it != end; ++it) {
      const relation_view r = g[*it];
      std::uint64_t from = source(*it, g), to = target(*it, g);
      std::uint8_t type = static_cast<std::uint8_t>(r.type);
      std::uint8_t arr = static_cast<std::uint8_t>(r.arrangement);
      std::uint64_t on_behalf_of = index_of(r.on_behalf_of, no_vertex);
      std::uint64_t organization = index_of(r.organization, no_vertex);
      period_record when = period_record::of(r.own_when()); // a term fills the rest again on loading
      field(ar, "from", from);
      field(ar, "to", to);
      field(ar, "type", type);
      field(ar, "when", when);
      field(ar, "arrangement", arr);
      save_string(ar, "role", r.role);
      field(ar, "on_behalf_of", on_behalf_of);
      field(ar, "organization", organization);
      save_string(ar, "status", r.status);
      save_string(ar, "id", r.id);
      std::uint64_t area = index_of(r.area, no_vertex), term = index_of(r.term, no_term); // from version 3
      field(ar, "area", area);
      field(ar, "term", term);
    }
    std::uint64_t decisions = m.decisions().size();
    field(ar, "decision_count", decisions);
    for (const decision& d : m.decisions()) {
      std::uint64_t organization = index_of(d.organization, no_vertex);
      std::uint64_t to = index_of(d.to, no_vertex);
      std::uint64_t follows = index_of(d.follows, no_decision);
      std::int32_t day = d.date.days_since_epoch();
      std::uint8_t result = static_cast<std::uint8_t>(d.outcome);
      save_string(ar, "id", d.id);
      save_string(ar, "subject", d.subject);
      field(ar, "organization", organization);
      field(ar, "date", day);
      field(ar, "outcome", result);
      field(ar, "to", to);
      field(ar, "follows", follows);
    }
  }

  template <class Archive> void load(Archive& ar, unsigned /*version*/) {
    // Lower bounds on a record's size: one byte per primitive, whatever the archive kind.
    const bool v3 = ctx_.version >= 3; // nodes and relations name their area, relations their term
    const std::uint64_t node_min = (v3 ? 7 : 6) + 2 * date_record::min_bytes;
    const std::uint64_t relation_min = (v3 ? 12 : 10) + 2 * date_record::min_bytes;
    constexpr std::uint64_t term_min = 3 + 2 * date_record::min_bytes;
    constexpr std::uint64_t decision_min = 7;

    std::uint64_t nodes = 0;
    field(ar, "node_count", nodes);
    ctx_.check_count(nodes, node_min, "nodes");
    std::vector<std::pair<vertex, std::uint64_t>> parents, areas;
    for (std::uint64_t i = 0; i < nodes; ++i) {
      node n;
      std::uint8_t kind = 0;
      std::uint64_t disciplines = 0, parent = none;
      period_record lifetime;
      load_enum(ar, "kind", kind, 4, "node kind", ctx_);
      n.kind = static_cast<node_kind>(kind);
      load_string(ar, "id", n.id, ctx_);
      load_string(ar, "name", n.name, ctx_);
      load_string(ar, "classification", n.classification, ctx_);
      field(ar, "discipline_count", disciplines);
      ctx_.check_count(disciplines, 1, "disciplines");
      n.disciplines.resize(static_cast<std::size_t>(disciplines));
      for (auto& d : n.disciplines)
        load_string(ar, "discipline", d, ctx_);
      field(ar, "parent", parent);
      field(ar, "lifetime", lifetime);
      n.lifetime = lifetime.value();
      std::uint64_t area = none;
      if (v3)
        field(ar, "area", area);
      const vertex v = in_.add_node(std::move(n));
      if (v != i)
        ctx_.refuse("damaged payload: node " + std::to_string(i) + " landed at index " + std::to_string(v));
      if (parent != none)
        parents.emplace_back(v, parent);
      if (area != none)
        areas.emplace_back(v, area);
    }
    for (const auto& [v, parent] : parents) { // parents may come after their children
      // Checked here too: model::set_parent does not range-check a person's parent.
      if (parent >= nodes)
        ctx_.refuse("damaged payload: node " + std::to_string(v) + " names parent " + std::to_string(parent) + " of " +
                    std::to_string(nodes) + " nodes");
      in_.set_parent(v, vertex_of(parent, no_vertex));
    }
    for (const auto& [v, area] : areas) { // an area may come after the nodes that serve it
      if (area >= nodes)
        ctx_.refuse("damaged payload: node " + std::to_string(v) + " names area " + std::to_string(area) + " of " +
                    std::to_string(nodes) + " nodes");
      in_.set_area(v, vertex_of(area, no_vertex));
    }
    if (v3) {
      std::uint64_t terms = 0;
      field(ar, "term_count", terms);
      ctx_.check_count(terms, term_min, "terms");
      for (std::uint64_t i = 0; i < terms; ++i) {
        term t;
        std::uint64_t organization = none;
        period_record when;
        load_string(ar, "id", t.id, ctx_);
        load_string(ar, "name", t.name, ctx_);
        field(ar, "organization", organization);
        field(ar, "when", when);
        t.organization = vertex_of(organization, no_vertex);
        t.when = when.value();
        in_.add_term(std::move(t));
      }
    }

    std::uint64_t relations = 0;
    field(ar, "relation_count", relations);
    ctx_.check_count(relations, relation_min, "relations");
    for (std::uint64_t i = 0; i < relations; ++i) {
      relation r;
      std::uint64_t from = none, to = none, on_behalf_of = none, organization = none;
      std::uint8_t type = 0, arr = 0;
      period_record when;
      field(ar, "from", from);
      field(ar, "to", to);
      load_enum(ar, "type", type, 10, "relation type", ctx_);
      field(ar, "when", when);
      load_enum(ar, "arrangement", arr, 4, "arrangement", ctx_);
      load_string(ar, "role", r.role, ctx_);
      field(ar, "on_behalf_of", on_behalf_of);
      field(ar, "organization", organization);
      load_string(ar, "status", r.status, ctx_);
      load_string(ar, "id", r.id, ctx_);
      if (v3) {
        std::uint64_t area = none, term = none;
        field(ar, "area", area);
        field(ar, "term", term);
        r.area = vertex_of(area, no_vertex);
        r.term = vertex_of(term, no_term);
      }
      r.type = static_cast<relation_type>(type);
      r.arrangement = static_cast<arrangement>(arr);
      r.when = when.value();
      r.on_behalf_of = vertex_of(on_behalf_of, no_vertex);
      r.organization = vertex_of(organization, no_vertex);
      in_.add_relation(vertex_of(from, no_vertex), vertex_of(to, no_vertex), std::move(r));
    }

    std::uint64_t decisions = 0;
    field(ar, "decision_count", decisions);
    ctx_.check_count(decisions, decision_min, "decisions");
    for (std::uint64_t i = 0; i < decisions; ++i) {
      decision d;
      std::uint64_t organization = none, to = none, follows = none;
      std::int32_t day = 0;
      std::uint8_t result = 0;
      load_string(ar, "id", d.id, ctx_);
      load_string(ar, "subject", d.subject, ctx_);
      field(ar, "organization", organization);
      field(ar, "date", day);
      load_enum(ar, "outcome", result, 6, "outcome", ctx_);
      field(ar, "to", to);
      field(ar, "follows", follows);
      d.organization = vertex_of(organization, no_vertex);
      d.date = date::from_days(day);
      d.outcome = static_cast<outcome>(result);
      d.to = vertex_of(to, no_vertex);
      d.follows = vertex_of(follows, no_decision);
      in_.add_decision(std::move(d));
    }
  }

  BOOST_SERIALIZATION_SPLIT_MEMBER()

private:
  const model* out_ = nullptr;
  load_context ctx_;
  model in_;
};

// Payload version 2, binary archives only: the model's storage column by column, each column one
// length and one block of bytes, so that loading is a few large reads and one pass of checks
// (model_access::from_columns) instead of a decode per field.

} // namespace orgraph::detail::archive

// Every record carries its class version in the archive, so that a later layout can still read this one.
BOOST_CLASS_VERSION(orgraph::detail::archive::payload, 1)
BOOST_CLASS_VERSION(orgraph::detail::archive::period_record, 1)
BOOST_CLASS_VERSION(orgraph::detail::archive::date_record, 1)
BOOST_CLASS_TRACKING(orgraph::detail::archive::payload, boost::serialization::track_never)
BOOST_CLASS_TRACKING(orgraph::detail::archive::period_record, boost::serialization::track_never)
BOOST_CLASS_TRACKING(orgraph::detail::archive::date_record, boost::serialization::track_never)
