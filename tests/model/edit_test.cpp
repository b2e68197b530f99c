#include <orgraph/orgraph.hpp>

#include <gtest/gtest.h>

#include <stdexcept>

using namespace orgraph;

namespace {

// A TASCC with its manager's post, a practitioner and the council, joined by every kind of reference
// a node can have: relations both ways, a parent, on_behalf_of, and a decision.
model tascc() {
  model m;
  const vertex ecc = m.add_organization("ecc", "Essex County Council", "council");
  const vertex team = m.add_organization("tascc-harlow", "TASCC Harlow", "team", ecc);
  const vertex post = m.add_post("post-mgr", "TASCC Manager, Harlow", team);
  const vertex mgr = m.add_person("mgr", "TASCC Manager", {"social work"});
  const vertex pa = m.add_person("pa", "Practitioner A", {"social work"});
  m.add_relation(mgr, post, {relation_type::holds});
  m.add_relation(post, pa, {relation_type::manages});
  relation seat{relation_type::member_of};
  seat.on_behalf_of = ecc;
  m.add_relation(pa, team, seat);
  decision d;
  d.id = "d1";
  d.organization = ecc;
  d.date = date::from_ymd(2009, 12, 8);
  m.add_decision(d);
  return m;
}

} // namespace

TEST(RemoveNode, RefusesWhileAnythingRefersToItAndListsWhat) {
  model m = tascc();
  const model before = m;
  try {
    m.remove_node(m.at("ecc"));
    FAIL() << "no exception";
  } catch (const model_error& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("tascc-harlow, whose parent it is"), std::string::npos) << msg;            // a child body
    EXPECT_NE(msg.find("pa member_of tascc-harlow (which names ecc)"), std::string::npos) << msg; // on_behalf_of
    EXPECT_NE(msg.find("the decision d1"), std::string::npos) << msg;
  }
  EXPECT_EQ(m, before);
  EXPECT_EQ(m.dependents(m.at("ecc")).size(), 3u);
}

TEST(RemoveNode, RemovesAnUnreferencedNodeAndRenumbersTheRest) {
  model m = tascc();
  const vertex extra = m.add_person("extra", "Nobody's report");
  EXPECT_TRUE(m.dependents(extra).empty());
  m.remove_node(extra);
  EXPECT_FALSE(m.find("extra"));
  EXPECT_EQ(m, tascc());

  // Removing an early vertex moves every later one down, with their references.
  model n;
  const vertex lone = n.add_area("lone", "Nowhere");
  const vertex parent = n.add_organization("parent", "Parent");
  const vertex child = n.add_organization("child", "Child", "", parent);
  (void)child;
  n.remove_node(lone);
  EXPECT_EQ(n.at("parent"), 0u);
  EXPECT_EQ(n.at("child"), 1u);
  EXPECT_EQ(n[n.at("child")].parent, n.at("parent"));
}

TEST(RemoveNode, RemovingDependentsFirstThenTheNodeWorks) {
  model m = tascc();
  const vertex post = m.at("post-mgr");
  while (!m.dependents(post).empty()) {
    const auto& g = m.graph();
    if (out_degree(post, g) != 0)
      m.remove_relation(*out_edges(post, g).first);
    else
      m.remove_relation(*in_edges(post, g).first);
  }
  m.remove_node(post);
  EXPECT_FALSE(m.find("post-mgr"));
  EXPECT_FALSE(line_manager(m, m.at("pa"), date::from_ymd(2009, 10, 26)));
}

TEST(Transaction, AppliesEveryEditWhenTheBatchSucceeds) {
  model m = tascc();
  m.transaction([](model& draft) {
    const vertex core = draft.add_person("core-sw", "Core Team Manager (Social Work)", {"social work"});
    draft.add_relation(core, draft.at("pa"),
                       {relation_type::manages,
                        period(parse_partial_date("2009-11-02"), parse_partial_date("2010-03-31")),
                        arrangement::interim});
  });
  const auto a = line_manager(m, m.at("pa"), date::from_ymd(2009, 11, 2));
  ASSERT_TRUE(a && a->manager);
  EXPECT_EQ(*a->manager, m.at("core-sw"));
}

TEST(Transaction, FailureInTheMiddleOfABatchLeavesTheModelExactlyAsItWas) {
  model m = tascc();
  const model saved = m;
  // Fail at each step of a four-step batch in turn: the model must come back unchanged every time.
  for (int fail_at = 0; fail_at < 4; ++fail_at) {
    EXPECT_THROW(m.transaction([&](model& draft) {
      int step = 0;
      const auto maybe_fail = [&] {
        if (step++ == fail_at)
          throw std::runtime_error("injected failure");
      };
      const vertex bmg = draft.add_organization("bmg", "Business Management Group", "board");
      maybe_fail();
      draft.add_relation(bmg, draft.at("ecc"), {relation_type::reports_to});
      maybe_fail();
      draft.add_relation(draft.at("mgr"), bmg, {relation_type::member_of});
      maybe_fail();
      draft.add_relation(bmg, bmg, {relation_type::covers}); // a body cannot cover a body: model_error
      maybe_fail();
    }),
                 std::exception)
        << "fail_at " << fail_at;
    EXPECT_EQ(m, saved) << "fail_at " << fail_at;
    EXPECT_FALSE(m.find("bmg"));
  }
}

TEST(EditGuarantees, FailedAddsChangeNothing) {
  model m = tascc();
  const model saved = m;
  EXPECT_THROW(m.add_person("pa", "A second pa"), reference_error);
  EXPECT_THROW(m.add_relation(m.at("pa"), m.at("ecc"), {relation_type::reports_to}), model_error);
  EXPECT_THROW(m.set_parent(m.at("ecc"), m.at("tascc-harlow")), model_error); // would be its own ancestor
  decision bad;
  bad.id = "d1";
  bad.organization = m.at("ecc");
  EXPECT_THROW(m.add_decision(bad), reference_error);
  EXPECT_EQ(m, saved);
}

TEST(Swap, ExchangesWholeModels) {
  model a = tascc();
  model b;
  b.add_person("only", "Only person");
  swap(a, b);
  EXPECT_EQ(a.node_count(), 1u);
  EXPECT_EQ(b, tascc());
}

TEST(ModelRules, APersonCannotHaveAParent) {
  model m;
  const vertex body = m.add_organization("ecc", "Essex County Council");
  node n;
  n.kind = node_kind::person;
  n.id = "p";
  n.parent = body;
  EXPECT_THROW(m.add_node(n), model_error);
  EXPECT_FALSE(m.find("p"));
}

TEST(ModelRules, ADecisionCannotFollowOneTakenLater) {
  model m;
  const vertex cabinet = m.add_organization("cabinet", "Cabinet");
  decision later;
  later.id = "cabinet-decides";
  later.organization = cabinet;
  later.date = date::from_ymd(2009, 12, 8);
  const auto first = m.add_decision(later);
  decision earlier;
  earlier.id = "group-recommends";
  earlier.organization = cabinet;
  earlier.date = date::from_ymd(2009, 11, 1);
  earlier.follows = first;
  EXPECT_THROW(m.add_decision(earlier), model_error);
  EXPECT_EQ(m.decisions().size(), 1u);
}
