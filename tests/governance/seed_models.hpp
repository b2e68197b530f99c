#pragma once
// The two seed cases as models, written by hand from ../shared/seeds/ (dates the documents do not
// give are chosen here and marked "assumed"). The tests work their answers out from this file.

#include <orgraph/model/model.hpp>

#include <cctype>
#include <string>

namespace seed {

inline orgraph::date d(int y, unsigned m, unsigned day) { return orgraph::date::from_ymd(y, m, day); }
inline orgraph::partial_date pd(int y, unsigned m, unsigned day) { return {y, m, day}; }
/// In force from a day, open-ended.
inline orgraph::period from(int y, unsigned m, unsigned day) { return {pd(y, m, day), std::nullopt}; }
/// In force between two days, both included.
inline orgraph::period between(int y1, unsigned m1, unsigned d1, int y2, unsigned m2, unsigned d2) {
  return {pd(y1, m1, d1), pd(y2, m2, d2)};
}

inline orgraph::relation rel(orgraph::relation_type t, orgraph::period when = {}) {
  orgraph::relation r;
  r.type = t;
  r.when = when;
  return r;
}

inline orgraph::relation member(orgraph::period when, std::string role = "member",
                                orgraph::vertex on_behalf_of = orgraph::no_vertex) {
  orgraph::relation r = rel(orgraph::relation_type::member_of, when);
  r.role = std::move(role);
  r.on_behalf_of = on_behalf_of;
  return r;
}

/**
 * West Essex, 2011 review. Renaming on 2011-01-01 (assumed: the January review already speaks of
 * the renamed board); the proposals take effect at the meeting of 2011-04-14; the large board's
 * ordinary members sit until 2011-04-13.
 */
inline orgraph::model west_essex_2011() {
  using orgraph::relation_type;
  orgraph::model m;
  // Bodies, in this order (tests rely on it).
  const auto ecc = m.add_organization("org-ecc", "Essex County Council", "council");
  const auto cabinet = m.add_organization("org-cabinet", "Cabinet", "cabinet", ecc);
  const auto ctb = m.add_organization("org-ctb", "West Essex Children's Trust Board", "board", ecc, from(2008, 4, 1));
  const auto ccdb = m.add_organization("org-ccdb", "West Essex Children's Commissioning and Delivery Board", "board",
                                       ecc, from(2011, 1, 1));
  const auto dcp_epping = m.add_organization("org-dcp-epping", "Epping Forest District Children's Partnership",
                                             "district partnership", orgraph::no_vertex, from(2009, 4, 1));
  const auto dcp_harlow = m.add_organization("org-dcp-harlow", "Harlow District Children's Partnership",
                                             "district partnership", orgraph::no_vertex, from(2009, 4, 1));
  const auto dcp_uttlesford = m.add_organization("org-dcp-uttlesford", "Uttlesford District Children's Partnership",
                                                 "district partnership", orgraph::no_vertex, from(2009, 4, 1));
  m.add_organization("org-review", "Review subgroup", "subgroup", ctb, between(2010, 10, 1, 2011, 1, 31));
  const auto bmg = m.add_organization("org-bmg", "Business Management Group", "group", ccdb, from(2011, 4, 14));
  const auto tfg = m.add_organization("org-tfg", "Task and Finish Group: early help commissioning",
                                      "task and finish group", ccdb, between(2011, 4, 14, 2011, 7, 31));

  m.add_relation(ctb, ccdb, rel(relation_type::replaced_by, from(2011, 1, 1)));
  for (auto dcp : {dcp_epping, dcp_harlow, dcp_uttlesford})
    m.add_relation(dcp, ctb, rel(relation_type::reports_to, from(2009, 4, 1))); // never moved to the new name
  m.add_relation(ccdb, cabinet, rel(relation_type::recommends_to, from(2011, 1, 1)));

  // Posts.
  const auto board_chair_post = m.add_post("post-board-chair", "Chair, West Essex Board", ctb);
  const auto uttlesford_chair_post =
      m.add_post("post-uttlesford-chair", "Chair person, Uttlesford DCP", dcp_uttlesford);
  m.add_relation(board_chair_post, bmg, member(from(2011, 4, 14), "member")); // ex officio on the BMG

  // Persons, in this order (tests rely on it).
  const auto wagland = m.add_person("p-wagland", "Councillor Lesley Wagland");
  const auto board_chair = m.add_person("p-board-chair", "Board Chair");
  const auto chair_epping = m.add_person("p-chair-epping", "Epping Forest DCP Chair");
  const auto chair_harlow = m.add_person("p-chair-harlow", "Harlow DCP Chair");
  const auto chair_uttlesford = m.add_person("p-chair-uttlesford", "Uttlesford DCP Chair");
  const auto provider = m.add_person("p-provider", "Harlow service provider");

  m.add_relation(wagland, ctb, member(from(2009, 4, 1), "Council Representative", ecc));
  m.add_relation(wagland, tfg, member(from(2011, 4, 14))); // open-ended, though the group ends on 2011-07-31
  m.add_relation(board_chair, board_chair_post, rel(relation_type::holds, from(2009, 4, 1)));

  m.add_relation(chair_epping, dcp_epping, member(from(2009, 4, 1), "Chair"));
  m.add_relation(chair_epping, ccdb, member(from(2011, 4, 14)));
  m.add_relation(chair_epping, bmg, member(from(2011, 4, 14)));
  m.add_relation(chair_harlow, dcp_harlow, member(from(2009, 4, 1), "chairman"));
  m.add_relation(chair_harlow, ccdb, member(from(2011, 4, 14)));
  m.add_relation(chair_harlow, bmg, member(from(2011, 4, 14)));
  m.add_relation(chair_uttlesford, ccdb, member(from(2011, 4, 14)));
  m.add_relation(chair_uttlesford, bmg, member(from(2011, 4, 14)));
  m.add_relation(chair_uttlesford, uttlesford_chair_post, rel(relation_type::holds, from(2009, 4, 1)));
  m.add_relation(provider, dcp_harlow, member(from(2011, 4, 14)));

  // The large board: twenty ordinary members who leave when the smaller board starts.
  for (int i = 1; i <= 20; ++i) {
    const std::string n = (i < 10 ? "0" : "") + std::to_string(i);
    const auto p = m.add_person("p-m" + n, "Board member " + n);
    m.add_relation(p, ctb, member(between(2009, 4, 1, 2011, 4, 13)));
  }

  // Decisions: the board only noted and recommended before the review; the renamed board approves
  // the proposals on 2011-04-14 (assumed agreed).
  orgraph::decision noted{"d-ctb-needs", "Local needs analysis", ctb, d(2010, 3, 10), orgraph::outcome::noted};
  m.add_decision(noted);
  orgraph::decision rec{"d-ctb-priorities", "District priorities",         ctb,
                        d(2010, 7, 14),     orgraph::outcome::recommended, ecc};
  m.add_decision(rec);
  orgraph::decision agreed{"d-ccdb-review", "Review of operation, structure and membership", ccdb, d(2011, 4, 14),
                           orgraph::outcome::approved};
  m.add_decision(agreed);
  return m;
}

/**
 * Essex, 2009 letter. Dates of the Business Design groups' and the County group's recommendations
 * and of the MAAG pilots' start are assumed; 2009-10-02 and 2009-12-08 are the letter's.
 */
inline orgraph::model essex_2009() {
  using orgraph::outcome;
  using orgraph::relation_type;
  orgraph::model m;
  const auto ecc = m.add_organization("org-ecc", "Essex County Council", "council");
  const auto cabinet = m.add_organization("org-cabinet", "Cabinet", "cabinet", ecc);
  const auto ctb = m.add_organization("org-ctb-essex", "Essex Children's Trust Board", "board", ecc);
  const auto cbd = m.add_organization("org-cbd", "County Business Design group", "business design group", ecc);
  orgraph::vertex bd[4];
  for (int i = 0; i < 4; ++i) {
    bd[i] = m.add_organization("org-bd" + std::to_string(i + 1), "Business Design group " + std::to_string(i + 1),
                               "business design group", ecc);
    m.add_relation(bd[i], cbd, rel(relation_type::recommends_to));
  }
  m.add_relation(cbd, cabinet, rel(relation_type::recommends_to));

  // Areas: the county and its twelve districts.
  const auto essex = m.add_area("area-essex", "Essex", "county");
  const char* districts[12] = {"Basildon",      "Braintree", "Brentwood", "Castle Point", "Chelmsford", "Colchester",
                               "Epping Forest", "Harlow",    "Maldon",    "Rochford",     "Tendring",   "Uttlesford"};
  orgraph::vertex area[12];
  for (int i = 0; i < 12; ++i) {
    std::string id = std::string("area-") + districts[i];
    for (auto& c : id)
      c = c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    area[i] = m.add_area(id, districts[i], "district", essex);
  }
  // Every district keeps its TASCC; County Core covers the county; two MAAG pilots.
  for (int i = 0; i < 12; ++i) {
    const auto tascc = m.add_organization("org-tascc-" + std::string(m[area[i]].id).substr(5),
                                          std::string("TASCC ") + districts[i], "tascc", ecc);
    m.add_relation(tascc, area[i], rel(relation_type::covers, from(2006, 4, 1)));
  }
  const auto core = m.add_organization("org-county-core", "County Core", "county core", ecc);
  m.add_relation(core, essex, rel(relation_type::covers));
  auto pilot = rel(relation_type::covers, from(2009, 9, 1));
  pilot.status = "pilot";
  const auto maag_basildon = m.add_organization("org-maag-basildon", "Basildon MAAG", "MAAG", ecc);
  m.add_relation(maag_basildon, area[0], pilot);
  const auto maag_colchester = m.add_organization("org-maag-colchester", "Colchester MAAG", "MAAG", ecc);
  m.add_relation(maag_colchester, area[5], pilot);

  // Decisions, added in this order: indices 0 to 7.
  m.add_decision(
      {"d-ctb-governance", "Revised Children's Trust governance arrangements", ctb, d(2009, 10, 2), outcome::approved});
  m.add_decision({"d-ctb-locality", "Locality Review proposals", ctb, d(2009, 10, 2), outcome::recommended, cabinet});
  const std::string model_subject = "New provider operating model";
  const auto bd1 = m.add_decision({"d-bd1", model_subject, bd[0], d(2009, 11, 10), outcome::recommended, cbd});
  m.add_decision({"d-bd2", model_subject, bd[1], d(2009, 11, 10), outcome::recommended, cbd});
  m.add_decision({"d-bd3", model_subject, bd[2], d(2009, 11, 10), outcome::recommended, cbd});
  m.add_decision({"d-bd4", model_subject, bd[3], d(2009, 11, 3), outcome::recommended, cbd});
  const auto county =
      m.add_decision({"d-cbd", model_subject, cbd, d(2009, 11, 24), outcome::recommended, cabinet, bd1});
  m.add_decision({"d-cabinet", model_subject, cabinet, d(2009, 12, 8), outcome::decided, orgraph::no_vertex, county});
  return m;
}

} // namespace seed
