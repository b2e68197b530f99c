#include <orgraph/error.hpp>
#include <orgraph/model/model.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using orgraph::arrangement;
using orgraph::date;
using orgraph::decision;
using orgraph::model;
using orgraph::model_error;
using orgraph::no_decision;
using orgraph::no_vertex;
using orgraph::node;
using orgraph::node_kind;
using orgraph::outcome;
using orgraph::parse_partial_date;
using orgraph::period;
using orgraph::reference_error;
using orgraph::relation;
using orgraph::relation_type;
using orgraph::vertex;

namespace {

relation rel(relation_type t) {
  relation r;
  r.type = t;
  return r;
}

// One node of each kind, for the relation kind rules.
struct four_kinds {
  model m;
  vertex person = m.add_person("p-practitioner", "Practitioner", {"social work"});
  vertex post = m.add_post("post-tascc-harlow", "TASCC Manager, Harlow");
  vertex body = m.add_organization("org-tascc-harlow", "TASCC Harlow", "team");
  vertex other_body = m.add_organization("org-core-sw", "Central core team, social work", "team");
  vertex area = m.add_area("area-harlow", "Harlow", "district");
  vertex other_person = m.add_person("p-core", "Core team manager", {"social work"});
  vertex other_post = m.add_post("post-core-sw", "Core Team Manager, Social Work", other_body);

  vertex of(node_kind k, bool second = false) const {
    switch (k) {
    case node_kind::person: return second ? other_person : person;
    case node_kind::post: return second ? other_post : post;
    case node_kind::organization: return second ? other_body : body;
    case node_kind::area: return area;
    }
    return no_vertex;
  }
};

constexpr node_kind all_kinds[] = {node_kind::person, node_kind::post, node_kind::organization, node_kind::area};

bool allowed(relation_type t, node_kind from, node_kind to) {
  const bool person_or_post_from = from == node_kind::person || from == node_kind::post;
  const bool person_or_post_to = to == node_kind::person || to == node_kind::post;
  switch (t) {
  case relation_type::manages:
  case relation_type::supervises:
  case relation_type::dotted_line_manages: return person_or_post_from && person_or_post_to;
  case relation_type::reports_to:
  case relation_type::recommends_to:
  case relation_type::replaced_by:
  case relation_type::partners_with: return from == node_kind::organization && to == node_kind::organization;
  case relation_type::covers: return from == node_kind::organization && to == node_kind::area;
  case relation_type::holds: return from == node_kind::person && to == node_kind::post;
  case relation_type::member_of: return person_or_post_from && to == node_kind::organization;
  }
  return false;
}

constexpr relation_type all_types[] = {
    relation_type::manages,     relation_type::supervises,    relation_type::dotted_line_manages,
    relation_type::reports_to,  relation_type::recommends_to, relation_type::covers,
    relation_type::replaced_by, relation_type::partners_with, relation_type::holds,
    relation_type::member_of};

decision make_decision(std::string id, vertex body, date on, outcome o = outcome::decided) {
  decision d;
  d.id = std::move(id);
  d.subject = "Locality Review proposals";
  d.organization = body;
  d.date = on;
  d.outcome = o;
  return d;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Nodes

TEST(Model, StartsEmpty) {
  const model m;
  EXPECT_EQ(m.node_count(), 0u);
  EXPECT_EQ(m.relation_count(), 0u);
  EXPECT_TRUE(m.decisions().empty());
  EXPECT_FALSE(m.find("anything"));
}

TEST(Model, AddsAPersonWithDisciplines) {
  model m;
  const vertex v = m.add_person("p-ew", "Education welfare officer", {"education welfare"});
  EXPECT_EQ(m.node_count(), 1u);
  EXPECT_EQ(m[v].kind, node_kind::person);
  EXPECT_EQ(m[v].id, "p-ew");
  EXPECT_EQ(m[v].name, "Education welfare officer");
  EXPECT_EQ(m[v].disciplines, std::vector<std::string>{"education welfare"});
  EXPECT_EQ(m[v].parent, no_vertex);
}

TEST(Model, AddsAPostBelongingToABodyWithALifetime) {
  model m;
  const vertex team = m.add_organization("org-tascc-harlow", "TASCC Harlow", "team");
  const period life{parse_partial_date("2006"), parse_partial_date("2010-03")};
  const vertex post = m.add_post("post-tascc-harlow", "TASCC Manager, Harlow", team, life);
  EXPECT_EQ(m[post].kind, node_kind::post);
  EXPECT_EQ(m[post].name, "TASCC Manager, Harlow");
  EXPECT_EQ(m[post].parent, team);
  EXPECT_EQ(m[post].lifetime, life);
}

TEST(Model, AddsBodiesWithParentBodies) {
  model m;
  const vertex ecc = m.add_organization("org-ecc", "Essex County Council", "council");
  const vertex cabinet = m.add_organization("org-cabinet", "Cabinet", "cabinet", ecc);
  EXPECT_EQ(m[cabinet].kind, node_kind::organization);
  EXPECT_EQ(m[cabinet].classification, "cabinet");
  EXPECT_EQ(m[cabinet].parent, ecc);
  EXPECT_EQ(m[ecc].parent, no_vertex);
}

TEST(Model, AddsAreasWithParentAreas) {
  model m;
  const vertex west = m.add_area("area-west", "West quadrant", "quadrant");
  const vertex harlow = m.add_area("area-harlow", "Harlow", "district", west);
  EXPECT_EQ(m[harlow].kind, node_kind::area);
  EXPECT_EQ(m[harlow].classification, "district");
  EXPECT_EQ(m[harlow].parent, west);
}

TEST(Model, FindAndAtMapIdsToVertices) {
  model m;
  const vertex a = m.add_person("p-a", "A");
  const vertex b = m.add_organization("org-b", "B");
  EXPECT_NE(a, b);
  EXPECT_EQ(m.find("p-a"), a);
  EXPECT_EQ(m.find("org-b"), b);
  EXPECT_EQ(m.at("org-b"), b);
  EXPECT_FALSE(m.find("p-c"));
  EXPECT_TRUE(m.contains(a));
  EXPECT_TRUE(m.contains(b));
  EXPECT_FALSE(m.contains(b + 1));
  EXPECT_FALSE(m.contains(no_vertex));
}

TEST(Model, AtThrowsReferenceErrorNamingAnUnknownId) {
  model m;
  m.add_person("p-a", "A");
  try {
    (void)m.at("p-missing");
    FAIL() << "at() found an id that is not there";
  } catch (const reference_error& e) {
    EXPECT_EQ(e.id(), "p-missing");
    EXPECT_NE(std::string(e.what()).find("p-missing"), std::string::npos) << e.what();
  }
}

TEST(Model, VerticesListsEveryNodeInOrder) {
  model m;
  m.add_person("p-1", "One");
  m.add_area("a-1", "Basildon");
  m.add_organization("o-1", "MAAG Basildon");
  std::vector<vertex> seen;
  for (vertex v : m.vertices())
    seen.push_back(v);
  EXPECT_EQ(seen, (std::vector<vertex>{0, 1, 2}));
}

TEST(Model, DuplicateIdThrowsReferenceErrorNamingIt) {
  model m;
  m.add_person("p-dup", "First");
  for (int kind = 0; kind < 4; ++kind) {
    try {
      switch (kind) {
      case 0: m.add_person("p-dup", "Second"); break;
      case 1: m.add_post("p-dup", "A post"); break;
      case 2: m.add_organization("p-dup", "A body"); break;
      default: m.add_area("p-dup", "An area"); break;
      }
      FAIL() << "a duplicate id was accepted (kind " << kind << ")";
    } catch (const reference_error& e) {
      EXPECT_EQ(e.id(), "p-dup");
      EXPECT_NE(std::string(e.what()).find("p-dup"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(m.node_count(), 1u);
  EXPECT_EQ(m[m.at("p-dup")].name, "First");
}

TEST(Model, EmptyIdThrowsReferenceError) {
  model m;
  EXPECT_THROW(m.add_person("", "Nobody"), reference_error);
  EXPECT_THROW(m.add_post("", "No post"), reference_error);
  EXPECT_THROW(m.add_organization("", "No body"), reference_error);
  EXPECT_THROW(m.add_area("", "Nowhere"), reference_error);
  EXPECT_EQ(m.node_count(), 0u);
}

TEST(Model, APostsParentMustBeAnOrganization) {
  model m;
  const vertex person = m.add_person("p-a", "A");
  const vertex area = m.add_area("area-harlow", "Harlow");
  const vertex body = m.add_organization("org-a", "Body");
  const vertex post = m.add_post("post-a", "Post", body);
  EXPECT_THROW(m.add_post("post-b", "Post", person), model_error);
  EXPECT_THROW(m.add_post("post-c", "Post", area), model_error);
  EXPECT_THROW(m.add_post("post-d", "Post", post), model_error);
  EXPECT_EQ(m.node_count(), 4u);
  EXPECT_FALSE(m.find("post-b"));
}

TEST(Model, AnOrganizationsParentMustBeAnOrganization) {
  model m;
  const vertex person = m.add_person("p-a", "A");
  const vertex area = m.add_area("area-harlow", "Harlow");
  const vertex post = m.add_post("post-a", "Post");
  EXPECT_THROW(m.add_organization("org-1", "Body", "", person), model_error);
  EXPECT_THROW(m.add_organization("org-2", "Body", "", area), model_error);
  EXPECT_THROW(m.add_organization("org-3", "Body", "", post), model_error);
  EXPECT_FALSE(m.find("org-1"));
}

TEST(Model, AnAreasParentMustBeAnArea) {
  model m;
  const vertex body = m.add_organization("org-a", "Body");
  const vertex person = m.add_person("p-a", "A");
  EXPECT_THROW(m.add_area("area-1", "Harlow", "district", body), model_error);
  EXPECT_THROW(m.add_area("area-2", "Harlow", "district", person), model_error);
  EXPECT_FALSE(m.find("area-1"));
}

TEST(Model, AParentOutsideTheModelIsAModelError) {
  model m;
  EXPECT_THROW(m.add_organization("org-a", "Body", "", 7), model_error);
  EXPECT_THROW(m.add_post("post-a", "Post", 0), model_error);
  EXPECT_EQ(m.node_count(), 0u);
}

TEST(Model, ParentKindErrorNamesTheNode) {
  model m;
  const vertex person = m.add_person("p-a", "A");
  try {
    m.add_post("post-tascc", "TASCC Manager", person);
    FAIL() << "a post under a person was accepted";
  } catch (const model_error& e) {
    EXPECT_NE(std::string(e.what()).find("post-tascc"), std::string::npos) << e.what();
  }
}

TEST(Model, AFailedAddLeavesTheIdFree) {
  model m;
  const vertex person = m.add_person("p-a", "A");
  EXPECT_THROW(m.add_post("post-a", "Post", person), model_error);
  const vertex body = m.add_organization("org-a", "Body");
  EXPECT_NO_THROW(m.add_post("post-a", "Post", body));
  EXPECT_EQ(m.node_count(), 3u);
}

// ---------------------------------------------------------------------------------------------
// Relations

TEST(ModelRelations, EveryTypeAcceptsExactlyItsKinds) {
  for (relation_type t : all_types)
    for (node_kind from : all_kinds)
      for (node_kind to : all_kinds) {
        four_kinds f;
        const vertex a = f.of(from);
        const vertex b = f.of(to, true);
        const bool want = allowed(t, from, to);
        if (want) {
          EXPECT_NO_THROW(f.m.add_relation(a, b, rel(t)))
              << to_string(t) << " from " << to_string(from) << " to " << to_string(to);
          EXPECT_EQ(f.m.relation_count(), 1u);
        } else {
          EXPECT_THROW(f.m.add_relation(a, b, rel(t)), model_error)
              << to_string(t) << " from " << to_string(from) << " to " << to_string(to);
          EXPECT_EQ(f.m.relation_count(), 0u);
        }
      }
}

TEST(ModelRelations, SpotChecksOfTheKindRules) {
  four_kinds f;
  // A post manages a person: the TASCC manager's post manages a practitioner.
  EXPECT_NO_THROW(f.m.add_relation(f.post, f.person, rel(relation_type::manages)));
  // A body cannot be line-managed, nor manage.
  EXPECT_THROW(f.m.add_relation(f.person, f.body, rel(relation_type::manages)), model_error);
  EXPECT_THROW(f.m.add_relation(f.body, f.person, rel(relation_type::supervises)), model_error);
  // A person holds a post; a post cannot hold a person.
  EXPECT_NO_THROW(f.m.add_relation(f.person, f.post, rel(relation_type::holds)));
  EXPECT_THROW(f.m.add_relation(f.post, f.person, rel(relation_type::holds)), model_error);
  // Bodies cover areas, areas do not report.
  EXPECT_NO_THROW(f.m.add_relation(f.body, f.area, rel(relation_type::covers)));
  EXPECT_THROW(f.m.add_relation(f.area, f.body, rel(relation_type::reports_to)), model_error);
}

TEST(ModelRelations, KindErrorNamesBothEnds) {
  four_kinds f;
  try {
    f.m.add_relation(f.person, f.body, rel(relation_type::manages));
    FAIL() << "a person managing a body was accepted";
  } catch (const model_error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("p-practitioner"), std::string::npos) << what;
    EXPECT_NE(what.find("org-tascc-harlow"), std::string::npos) << what;
    EXPECT_NE(what.find("manages"), std::string::npos) << what;
  }
}

TEST(ModelRelations, AVertexOutsideTheModelIsAModelError) {
  four_kinds f;
  const vertex outside = f.m.node_count();
  EXPECT_THROW(f.m.add_relation(f.person, outside, rel(relation_type::manages)), model_error);
  EXPECT_THROW(f.m.add_relation(outside, f.person, rel(relation_type::manages)), model_error);
  EXPECT_THROW(f.m.add_relation(no_vertex, f.person, rel(relation_type::manages)), model_error);
  EXPECT_EQ(f.m.relation_count(), 0u);
}

TEST(ModelRelations, OnBehalfOfAndOrganizationMustBeOrganizations) {
  four_kinds f;
  relation holds = rel(relation_type::holds);
  holds.organization = f.body;
  holds.on_behalf_of = f.other_body;
  EXPECT_NO_THROW(f.m.add_relation(f.person, f.post, holds));

  relation bad_org = rel(relation_type::holds);
  bad_org.organization = f.area;
  EXPECT_THROW(f.m.add_relation(f.person, f.post, bad_org), model_error);

  relation bad_behalf = rel(relation_type::member_of);
  bad_behalf.on_behalf_of = f.other_person;
  EXPECT_THROW(f.m.add_relation(f.person, f.body, bad_behalf), model_error);

  relation outside = rel(relation_type::member_of);
  outside.on_behalf_of = f.m.node_count() + 3;
  EXPECT_THROW(f.m.add_relation(f.person, f.body, outside), model_error);
  EXPECT_EQ(f.m.relation_count(), 1u);
}

TEST(ModelRelations, KeepsTheRelationAsGiven) {
  four_kinds f;
  relation r = rel(relation_type::manages);
  r.when = period{parse_partial_date("2009-09-01"), parse_partial_date("2010-03")};
  r.arrangement = arrangement::interim;
  r.id = "m-1";
  const auto e = f.m.add_relation(f.other_post, f.person, r);
  EXPECT_EQ(f.m[e].to_relation(), r);
  EXPECT_EQ(source(e, f.m.graph()), f.other_post);
  EXPECT_EQ(target(e, f.m.graph()), f.person);
  EXPECT_TRUE(f.m[e].in_force(date::from_ymd(2010, 3, 31)));
  EXPECT_FALSE(f.m[e].in_force(date::from_ymd(2010, 4, 1)));
}

TEST(ModelRelations, NamesRoundTripThroughText) {
  for (relation_type t : all_types)
    EXPECT_EQ(orgraph::relation_type_from_string(to_string(t)), t);
  for (arrangement a : {arrangement::substantive, arrangement::acting, arrangement::interim, arrangement::secondment})
    EXPECT_EQ(orgraph::arrangement_from_string(to_string(a)), a);
  EXPECT_EQ(to_string(relation_type::dotted_line_manages), "dotted_line_manages");
  EXPECT_EQ(to_string(arrangement::secondment), "secondment");
  EXPECT_EQ(to_string(node_kind::organization), "organization");
  EXPECT_FALSE(orgraph::relation_type_from_string("line_manages"));
  EXPECT_FALSE(orgraph::arrangement_from_string("permanent"));
  EXPECT_EQ(orgraph::outcome_from_string("recommended"), outcome::recommended);
  EXPECT_FALSE(orgraph::outcome_from_string("agreed"));
}

TEST(ModelRelations, TemporaryArrangementsOutrankSubstantive) {
  EXPECT_LT(orgraph::precedence(arrangement::substantive), orgraph::precedence(arrangement::acting));
  EXPECT_EQ(orgraph::precedence(arrangement::acting), orgraph::precedence(arrangement::interim));
  EXPECT_EQ(orgraph::precedence(arrangement::interim), orgraph::precedence(arrangement::secondment));
}

// ---------------------------------------------------------------------------------------------
// Decisions

TEST(ModelDecisions, AddsAndFindsDecisions) {
  model m;
  const vertex board = m.add_organization("org-ctb", "Children's Trust Board", "board");
  const vertex cabinet = m.add_organization("org-cabinet", "Cabinet", "cabinet");
  decision rec = make_decision("d-locality-rec", board, date::from_ymd(2009, 10, 2), outcome::recommended);
  rec.to = cabinet;
  const auto i = m.add_decision(rec);
  decision dec = make_decision("d-locality-cabinet", cabinet, date::from_ymd(2009, 12, 8));
  dec.follows = i;
  const auto j = m.add_decision(dec);
  EXPECT_EQ(i, 0u);
  EXPECT_EQ(j, 1u);
  ASSERT_EQ(m.decisions().size(), 2u);
  EXPECT_EQ(m.decisions()[0], rec);
  EXPECT_EQ(m.decisions()[1].follows, i);
  EXPECT_EQ(m.find_decision("d-locality-cabinet"), j);
  EXPECT_FALSE(m.find_decision("d-other"));
}

TEST(ModelDecisions, DuplicateOrEmptyIdIsAReferenceError) {
  model m;
  const vertex board = m.add_organization("org-ctb", "Children's Trust Board", "board");
  m.add_decision(make_decision("d-1", board, date::from_ymd(2009, 10, 2)));
  try {
    m.add_decision(make_decision("d-1", board, date::from_ymd(2009, 10, 3)));
    FAIL() << "a duplicate decision id was accepted";
  } catch (const reference_error& e) {
    EXPECT_EQ(e.id(), "d-1");
    EXPECT_NE(std::string(e.what()).find("d-1"), std::string::npos) << e.what();
  }
  EXPECT_THROW(m.add_decision(make_decision("", board, date::from_ymd(2009, 10, 3))), reference_error);
  EXPECT_EQ(m.decisions().size(), 1u);
  EXPECT_EQ(m.decisions()[0].date, date::from_ymd(2009, 10, 2));
}

TEST(ModelDecisions, TakerAndRecipientMustBeOrganizations) {
  model m;
  const vertex board = m.add_organization("org-ctb", "Children's Trust Board", "board");
  const vertex person = m.add_person("p-director", "Director");
  EXPECT_THROW(m.add_decision(make_decision("d-1", person, date::from_ymd(2009, 10, 2))), model_error);
  EXPECT_THROW(m.add_decision(make_decision("d-2", no_vertex, date::from_ymd(2009, 10, 2))), model_error);
  EXPECT_THROW(m.add_decision(make_decision("d-3", 99, date::from_ymd(2009, 10, 2))), model_error);
  decision to_person = make_decision("d-4", board, date::from_ymd(2009, 10, 2), outcome::recommended);
  to_person.to = person;
  EXPECT_THROW(m.add_decision(to_person), model_error);
  EXPECT_TRUE(m.decisions().empty());
  // A failed add does not use up the id.
  EXPECT_NO_THROW(m.add_decision(make_decision("d-1", board, date::from_ymd(2009, 10, 2))));
}

TEST(ModelDecisions, FollowsMustNameAnEarlierDecision) {
  model m;
  const vertex board = m.add_organization("org-ctb", "Children's Trust Board", "board");
  decision self = make_decision("d-0", board, date::from_ymd(2009, 10, 2));
  self.follows = 0; // itself: not added before it
  EXPECT_THROW(m.add_decision(self), model_error);
  m.add_decision(make_decision("d-a", board, date::from_ymd(2009, 10, 2)));
  decision later = make_decision("d-b", board, date::from_ymd(2009, 12, 8));
  later.follows = 5;
  EXPECT_THROW(m.add_decision(later), model_error);
  later.follows = 0;
  EXPECT_NO_THROW(m.add_decision(later));
  EXPECT_EQ(m.decisions().size(), 2u);
  EXPECT_EQ(m.decisions()[0].follows, no_decision);
}

// ---------------------------------------------------------------------------------------------
// Value semantics

namespace {

// The 2009 interim arrangement in miniature; `reversed` adds the same relations in the other order.
model small_tascc(bool reversed) {
  model m;
  const vertex tascc = m.add_organization("org-tascc-harlow", "TASCC Harlow", "team");
  const vertex post = m.add_post("post-tascc-harlow", "TASCC Manager, Harlow", tascc);
  const vertex manager = m.add_person("p-tascc-mgr", "TASCC manager", {"social work"});
  const vertex core = m.add_person("p-core-sw", "Core team manager", {"social work"});
  const vertex worker = m.add_person("p-sw-1", "Social worker", {"social work"});
  relation holds = rel(relation_type::holds);
  holds.organization = tascc;
  relation substantive = rel(relation_type::manages);
  relation interim = rel(relation_type::manages);
  interim.arrangement = arrangement::interim;
  interim.when = period{parse_partial_date("2009-09-01"), parse_partial_date("2010-03")};
  if (!reversed) {
    m.add_relation(manager, post, holds);
    m.add_relation(post, worker, substantive);
    m.add_relation(core, worker, interim);
  } else {
    m.add_relation(core, worker, interim);
    m.add_relation(post, worker, substantive);
    m.add_relation(manager, post, holds);
  }
  return m;
}

} // namespace

TEST(ModelEquality, IgnoresTheOrderRelationsWereAdded) {
  EXPECT_EQ(small_tascc(false), small_tascc(true));
  EXPECT_FALSE(small_tascc(false) != small_tascc(true));
}

TEST(ModelEquality, SeesADifferentArrangement) {
  model a = small_tascc(false);
  model b = small_tascc(false);
  relation r = rel(relation_type::supervises);
  a.add_relation(a.at("p-core-sw"), a.at("p-sw-1"), r);
  r.arrangement = arrangement::interim;
  b.add_relation(b.at("p-core-sw"), b.at("p-sw-1"), r);
  EXPECT_NE(a, b);
}

TEST(ModelEquality, SeesADifferentPeriodOrPrecision) {
  model a = small_tascc(false);
  model b = small_tascc(false);
  model c = small_tascc(false);
  relation r = rel(relation_type::supervises);
  r.when = period{parse_partial_date("2009-09"), std::nullopt};
  a.add_relation(a.at("p-core-sw"), a.at("p-sw-1"), r);
  r.when = period{parse_partial_date("2009-09-01"), std::nullopt}; // same first day, written differently
  b.add_relation(b.at("p-core-sw"), b.at("p-sw-1"), r);
  r.when = period{parse_partial_date("2009-10"), std::nullopt};
  c.add_relation(c.at("p-core-sw"), c.at("p-sw-1"), r);
  EXPECT_NE(a, b);
  EXPECT_NE(a, c);
}

TEST(ModelEquality, ParallelRelationsDifferingOnlyInPrecisionCompareInAnyOrder) {
  const auto build = [](bool reversed) {
    model m;
    const vertex a = m.add_person("p-a", "A");
    const vertex b = m.add_person("p-b", "B");
    relation month = rel(relation_type::manages);
    month.when = period{parse_partial_date("2009-10"), std::nullopt};
    relation day = rel(relation_type::manages);
    day.when = period{parse_partial_date("2009-10-01"), std::nullopt};
    m.add_relation(a, b, reversed ? day : month);
    m.add_relation(a, b, reversed ? month : day);
    return m;
  };
  EXPECT_EQ(build(false), build(true));
}

TEST(ModelEquality, SeesADifferentEndpointOrType) {
  model a = small_tascc(false);
  model b = small_tascc(false);
  model c = small_tascc(false);
  a.add_relation(a.at("p-core-sw"), a.at("p-sw-1"), rel(relation_type::dotted_line_manages));
  b.add_relation(b.at("p-sw-1"), b.at("p-core-sw"), rel(relation_type::dotted_line_manages));
  c.add_relation(c.at("p-core-sw"), c.at("p-sw-1"), rel(relation_type::supervises));
  EXPECT_NE(a, b);
  EXPECT_NE(a, c);
}

TEST(ModelEquality, SeesADifferentNodeOrDecision) {
  model a = small_tascc(false);
  model b = small_tascc(false);
  a.add_person("p-ew-1", "Education welfare officer", {"education welfare"});
  b.add_person("p-ew-1", "Education welfare officer", {"social work"});
  EXPECT_NE(a, b);

  model c = small_tascc(false);
  model d = small_tascc(false);
  c.add_decision(make_decision("d-1", c.at("org-tascc-harlow"), date::from_ymd(2009, 10, 2)));
  EXPECT_NE(c, d);
  d.add_decision(make_decision("d-1", d.at("org-tascc-harlow"), date::from_ymd(2009, 10, 3)));
  EXPECT_NE(c, d);
}

TEST(ModelValue, ACopyIsEqualAndIndependent) {
  const model original = small_tascc(false);
  model copy = original;
  EXPECT_EQ(copy, original);
  EXPECT_EQ(copy.at("p-sw-1"), original.at("p-sw-1"));

  copy.add_person("p-ew-1", "Education welfare officer", {"education welfare"});
  copy.add_relation(copy.at("p-core-sw"), copy.at("p-sw-1"), rel(relation_type::supervises));
  EXPECT_NE(copy, original);
  EXPECT_EQ(original.node_count(), 5u);
  EXPECT_EQ(original.relation_count(), 3u);
  EXPECT_FALSE(original.find("p-ew-1"));
  EXPECT_EQ(small_tascc(false), original);
}

TEST(ModelValue, AnAssignedModelIsEqualAndIndependent) {
  model a = small_tascc(false);
  model b;
  b.add_person("p-other", "Other");
  b = a;
  EXPECT_EQ(a, b);
  EXPECT_FALSE(b.find("p-other"));
  a.add_area("area-harlow", "Harlow");
  EXPECT_NE(a, b);
  EXPECT_FALSE(b.find("area-harlow"));
}

TEST(ModelAreas, BodiesPostsAndMembershipsNameTheAreaTheyServe) {
  model m;
  const vertex ward = m.add_area("ward-1", "Headingley", "ward");
  node seat;
  seat.kind = node_kind::post;
  seat.id = "post-councillor-headingley";
  seat.name = "Councillor for Headingley";
  seat.area = ward;
  const vertex post = m.add_node(seat);
  const vertex council = m.add_organization("council", "Leeds City Council", "council");
  const vertex member = m.add_person("p-1", "A Councillor");
  relation sits(relation_type::member_of);
  sits.area = ward;
  const orgraph::relation_id r = m.add_relation(member, council, sits);
  EXPECT_EQ(m[post].area, ward);
  EXPECT_EQ(m.area(post), ward);
  EXPECT_EQ(m[r].area, ward);
  EXPECT_EQ(m.area(council), no_vertex);
  // An area that is not an area is refused, and the model is unchanged.
  relation wrong(relation_type::member_of);
  wrong.area = council;
  EXPECT_THROW(m.add_relation(member, council, wrong), model_error);
  seat.id = "post-other";
  seat.area = council;
  EXPECT_THROW(m.add_node(seat), model_error);
  EXPECT_EQ(m.node_count(), 4u);
  // The area counts in equality and keeps the ward from being removed.
  model copy = m;
  EXPECT_EQ(copy, m);
  EXPECT_FALSE(m.dependents(ward).empty());
  EXPECT_THROW(m.remove_node(ward), model_error);
}
