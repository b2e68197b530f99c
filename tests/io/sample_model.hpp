#pragma once
// A small model built in code that uses every field the archive carries: every kind of node, every
// relation type, every arrangement, partial dates of each precision, a parent after its child, roles,
// on_behalf_of, organization, status, membership ids and a chain of decisions.

#include <orgraph/orgraph.hpp>

#include <optional>

namespace orgraph::test {

inline period between(const char* start, const char* end) {
  return period(start ? std::optional<partial_date>(parse_partial_date(start)) : std::nullopt,
                end ? std::optional<partial_date>(parse_partial_date(end)) : std::nullopt);
}

inline model sample_model() {
  model m;
  // A child body added before its parent: the parent index is higher than the child's.
  const vertex trust =
      m.add_organization("we-ctb", "West Essex Children's Trust Board", "board", no_vertex, between("2008", "2011-03"));
  const vertex ecc = m.add_organization("ecc", "Essex County Council", "council");
  m.set_parent(trust, ecc);
  const vertex dcp = m.add_organization("harlow-dcp", "Harlow District Children's Partnership", "partnership");
  const vertex cabinet = m.add_organization("cabinet", "Cabinet", "cabinet", ecc);
  const vertex west = m.add_area("west", "West Essex", "quadrant");
  const vertex harlow = m.add_area("harlow", "Harlow", "district", west);
  const vertex rep = m.add_post("post-rep", "Council Representative", trust, between("2008-04-01", nullptr));
  const vertex head = m.add_post("post-head", "Head of Service, \"West\" & <Harlow>", ecc);
  const vertex wagland = m.add_person("wagland", "Lesley Wagland");
  const vertex p1 = m.add_person("p1", "Practitioner A", {"social work", "family support"});
  const vertex p2 = m.add_person("p2", "Zoë Ünïcode\nsecond line", {""});
  const vertex p3 = m.add_person("p3", "");

  relation manages{relation_type::manages, between("2009-10-26", "2010-03-31")};
  m.add_relation(wagland, p1, manages);
  relation acting{relation_type::manages, between("2010-04", nullptr), arrangement::acting};
  m.add_relation(p2, p1, acting);
  m.add_relation(head, rep, {relation_type::manages, between("2009", "2009"), arrangement::interim});
  m.add_relation(p1, p3, {relation_type::supervises, {}, arrangement::secondment});
  m.add_relation(p2, p3, {relation_type::dotted_line_manages});
  m.add_relation(dcp, trust, {relation_type::reports_to, between("2009-04-01", nullptr)});
  m.add_relation(trust, cabinet, {relation_type::recommends_to});
  relation pilot{relation_type::covers};
  pilot.status = "pilot";
  m.add_relation(dcp, harlow, pilot);
  m.add_relation(trust, dcp, {relation_type::replaced_by, between("2011-04-01", nullptr)});
  m.add_relation(dcp, ecc, {relation_type::partners_with});
  relation holds{relation_type::holds, between("2008-04-01", "2010-12-31"), arrangement::acting};
  holds.role = "representative";
  holds.on_behalf_of = ecc;
  holds.organization = trust;
  holds.id = "m-1";
  m.add_relation(wagland, rep, holds);
  relation seat{relation_type::member_of, between("2009", nullptr)};
  seat.role = "chair";
  seat.on_behalf_of = ecc;
  seat.id = "m-2";
  m.add_relation(rep, trust, seat);
  relation member{relation_type::member_of};
  member.role = "member";
  m.add_relation(p1, dcp, member);

  decision r1{"d-1", "Integrated teams", dcp, date::from_ymd(2009, 6, 1), outcome::recommended, trust};
  const decision_index first = m.add_decision(r1);
  decision r2{"d-2", "Integrated teams", trust, date::from_ymd(2009, 7, 1), outcome::recommended, cabinet, first};
  const decision_index second = m.add_decision(r2);
  m.add_decision(
      {"d-3", "Integrated teams", cabinet, date::from_ymd(2009, 9, 14), outcome::decided, no_vertex, second});
  m.add_decision({"d-4", "", ecc, date::from_ymd(1900, 1, 1), outcome::noted});
  return m;
}

/// The sample model with what payload version 3 added: areas served by a body and a post (an area
/// added after them), a membership for an area, and terms that memberships take dates from.
inline model sample_model_v3() {
  model m = sample_model();
  const vertex council = m.at("ecc");
  const vertex essex = m.add_area("essex", "Essex", "county");
  m.set_area(council, essex);
  m.set_area(m.at("post-rep"), m.at("harlow"));
  const term_index t1 = m.add_term({"term/2009", "Council 2009–2013", council, between("2009-06-04", "2013-05-01")});
  const term_index t2 = m.add_term({"term/open", "", no_vertex, between("2013", nullptr)});
  relation councillor{relation_type::member_of, between(nullptr, "2011-03-31")}; // resigned early
  councillor.role = "councillor";
  councillor.area = m.at("harlow");
  councillor.term = t1;
  councillor.on_behalf_of = m.at("harlow-dcp");
  m.add_relation(m.at("p3"), council, councillor);
  relation again{relation_type::member_of};
  again.term = t2;
  again.id = "m-3";
  m.add_relation(m.at("p3"), council, again);
  relation held{relation_type::holds};
  held.term = t1;
  m.add_relation(m.at("p2"), m.at("post-head"), held);
  return m;
}

} // namespace orgraph::test
