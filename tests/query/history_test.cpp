// Histories, windows and timelines on the two seed examples (examples/essex_2009, examples/west_essex_2011).

#include <orgraph/io/json.hpp>
#include <orgraph/query/governance.hpp>
#include <orgraph/query/history.hpp>
#include <orgraph/query/line_management.hpp>
#include <orgraph/query/timeline.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using orgraph::date;
using orgraph::history_aspect;
using orgraph::no_vertex;
using orgraph::relation_type;
using orgraph::vertex;

namespace {

date d(int y, unsigned m, unsigned day) { return date::from_ymd(y, m, day); }

orgraph::model example(const char* path) {
  return orgraph::load_json(std::string(ORGRAPH_SOURCE_DIR) + "/examples/" + path);
}

std::string id_of(const orgraph::model& m, vertex v) { return v == no_vertex ? "-" : std::string(m[v].id); }

/// The persons a member answer names, each once.
std::set<vertex> persons(const std::vector<orgraph::history_value>& seats) {
  std::set<vertex> out;
  for (const auto& s : seats)
    if (s.node != no_vertex)
      out.insert(s.node);
  return out;
}

// ---- Essex 2009: the secondment --------------------------------------------------------------------

TEST(HistoryEssex2009, PractitionerAHasExactlyTheTwoLineManagerChangesOfTheSecondment) {
  const auto m = example("essex_2009/essex_2009.json");
  const orgraph::history_index h(m);
  const auto a = orgraph::history_of(h, m.at("practitioner-a"), d(2009, 1, 1), d(2010, 12, 31));
  const auto changes = a.changes_of(history_aspect::line_manager);
  ASSERT_EQ(changes.size(), 2u);

  EXPECT_EQ(changes[0].on, d(2009, 11, 2));
  ASSERT_TRUE(changes[0].before && changes[0].after);
  EXPECT_EQ(id_of(m, changes[0].before->node), "tascc-manager-harlow");
  EXPECT_EQ(id_of(m, changes[0].before->post), "post-tascc-manager-harlow");
  EXPECT_EQ(changes[0].before->arrangement, orgraph::arrangement::substantive);
  EXPECT_EQ(id_of(m, changes[0].after->node), "core-manager-social-work");
  EXPECT_EQ(id_of(m, changes[0].after->post), "post-core-manager-social-work");
  EXPECT_EQ(changes[0].after->arrangement, orgraph::arrangement::interim);

  EXPECT_EQ(changes[1].on, d(2010, 4, 1));
  EXPECT_EQ(changes[1].before, changes[0].after);
  EXPECT_EQ(changes[1].after, changes[0].before);

  // Three items cover the two years without a gap, each the snapshot's own answer.
  const auto& items = a.of(history_aspect::line_manager);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].when, (orgraph::date_range{d(2009, 1, 1), d(2009, 11, 1)}));
  EXPECT_EQ(items[1].when, (orgraph::date_range{d(2009, 11, 2), d(2010, 3, 31)}));
  EXPECT_EQ(items[2].when, (orgraph::date_range{d(2010, 4, 1), d(2010, 12, 31)}));
  for (const auto& item : items) {
    const auto asked = orgraph::line_manager(m, m.at("practitioner-a"), item.when.from);
    ASSERT_TRUE(asked && asked->manager);
    EXPECT_EQ(item.value.node, *asked->manager);
  }

  // The interim supervision follows the same dates; nothing else about her changes.
  const auto supervision = a.changes_of(history_aspect::supervisor);
  ASSERT_EQ(supervision.size(), 2u);
  EXPECT_EQ(supervision[0].on, d(2009, 11, 2));
  EXPECT_EQ(supervision[0].after->via, relation_type::supervises);
  EXPECT_EQ(supervision[1].on, d(2010, 4, 1));
  EXPECT_EQ(supervision[1].after->via, relation_type::manages); // the line manager again
  EXPECT_EQ(a.changes.size(), 4u);
  EXPECT_EQ(a.of(history_aspect::membership).size(), 1u); // the TASCC team, throughout
}

TEST(HistoryEssex2009, TheSecondedManagerHoldsASecondPostForTheSecondment) {
  const auto m = example("essex_2009/essex_2009.json");
  const auto a = orgraph::history_of(m, m.at("tascc-manager-harlow"), d(2009, 1, 1), d(2010, 12, 31));
  const auto posts = a.changes_of(history_aspect::post);
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].on, d(2009, 11, 2));
  EXPECT_FALSE(posts[0].before);
  EXPECT_EQ(id_of(m, posts[0].after->node), "post-business-design-lead");
  EXPECT_EQ(posts[0].after->arrangement, orgraph::arrangement::secondment);
  EXPECT_EQ(posts[1].on, d(2010, 4, 1));
  EXPECT_FALSE(posts[1].after);

  // The post they left behind is held all along, its holder seconded out while the secondment lasts.
  const auto post = orgraph::history_of(m, m.at("post-tascc-manager-harlow"), d(2009, 1, 1), d(2010, 12, 31),
                                        {history_aspect::holder});
  const auto holder = post.changes_of(history_aspect::holder);
  ASSERT_EQ(holder.size(), 2u);
  EXPECT_EQ(holder[0].on, d(2009, 11, 2));
  EXPECT_EQ(id_of(m, holder[0].after->post), "post-business-design-lead");
  EXPECT_EQ(holder[1].on, d(2010, 4, 1));
  EXPECT_EQ(holder[1].after->post, no_vertex);
}

TEST(HistoryEssex2009, TheCoreTeamManagerManagedPractitionerAOnlyForTheSecondment) {
  const auto m = example("essex_2009/essex_2009.json");
  const orgraph::history_index h(m);
  const auto managed = orgraph::managed_between(h, m.at("core-manager-social-work"), d(2009, 1, 1), d(2010, 12, 31));
  ASSERT_EQ(managed.size(), 2u);
  EXPECT_EQ(id_of(m, managed[0].node), "practitioner-f"); // all along
  EXPECT_EQ(managed[0].periods, (std::vector<orgraph::date_range>{{d(2009, 1, 1), d(2010, 12, 31)}}));
  EXPECT_EQ(id_of(m, managed[1].node), "practitioner-a");
  EXPECT_EQ(managed[1].periods, (std::vector<orgraph::date_range>{{d(2009, 11, 2), d(2010, 3, 31)}}));

  // The TASCC manager, the other way round: before and after, not during.
  const auto tascc = orgraph::managed_between(h, m.at("tascc-manager-harlow"), d(2009, 1, 1), d(2010, 12, 31));
  ASSERT_EQ(tascc.size(), 3u);
  for (const auto& e : tascc)
    EXPECT_EQ(e.periods,
              (std::vector<orgraph::date_range>{{d(2009, 1, 1), d(2009, 11, 1)}, {d(2010, 4, 1), d(2010, 12, 31)}}))
        << id_of(m, e.node);
}

TEST(HistoryEssex2009, TimelineNamesTheSecondmentDatesAndTheDecisions) {
  const auto m = example("essex_2009/essex_2009.json");
  const auto t = orgraph::timeline(m, d(2009, 1, 1), d(2010, 12, 31));
  std::vector<date> dates;
  for (const auto& e : t)
    dates.push_back(e.on);
  ASSERT_FALSE(t.empty());
  EXPECT_TRUE(std::is_sorted(dates.begin(), dates.end()));
  const auto at = [&](date on) {
    const auto it = std::find_if(t.begin(), t.end(), [&](const auto& e) { return e.on == on; });
    return it == t.end() ? orgraph::timeline_counts{} : it->counts;
  };
  // The secondment: the business design lead post, its holding and line, and three interim managers
  // and supervisors.
  const auto start = at(d(2009, 11, 2));
  EXPECT_EQ(start.began_of(orgraph::node_kind::post), 1u);
  EXPECT_EQ(start.started_of(relation_type::holds), 1u);
  EXPECT_EQ(start.started_of(relation_type::manages), 4u);
  EXPECT_EQ(start.started_of(relation_type::supervises), 3u);
  EXPECT_EQ(start.total(), 9u);
  const auto end = at(d(2010, 4, 1));
  EXPECT_EQ(end.ceased_of(orgraph::node_kind::post), 1u);
  EXPECT_EQ(end.ended_of(relation_type::holds), 1u);
  EXPECT_EQ(end.ended_of(relation_type::manages), 4u);
  EXPECT_EQ(end.ended_of(relation_type::supervises), 3u);
  EXPECT_EQ(end.total(), 9u);
  EXPECT_EQ(dates, (std::vector<date>{d(2009, 10, 2), d(2009, 11, 2), d(2009, 11, 17), d(2009, 11, 24), d(2009, 12, 8),
                                      d(2010, 4, 1)}));
  // Every decision of the period is on the timeline, on its date.
  std::uint32_t decisions = 0;
  for (const auto& e : t)
    decisions += e.counts.decisions;
  std::uint32_t expected = 0;
  for (const auto& dec : m.decisions())
    expected += dec.date >= d(2009, 1, 1) && dec.date <= d(2010, 12, 31) ? 1u : 0u;
  EXPECT_EQ(decisions, expected);
  EXPECT_GT(decisions, 0u);
}

// ---- West Essex 2011: the renamed, smaller board -----------------------------------------------------

TEST(HistoryWestEssex2011, TheBoardIsRenamedOnItsDateAndShrinks) {
  const auto m = example("west_essex_2011/proposal.json");
  const orgraph::history_index h(m);
  const vertex ctb = m.at("west-essex-ctb");
  const auto board = orgraph::history_of(h, ctb, d(2011, 1, 1), d(2011, 12, 31));

  const auto names = board.changes_of(history_aspect::name);
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].on, d(2011, 4, 14));
  EXPECT_EQ(id_of(m, names[0].before->node), "west-essex-ctb");
  EXPECT_EQ(id_of(m, names[0].after->node), "west-essex-ccdb");

  // Membership: 27 persons until the renaming, 10 from it (the example's seats: see below).
  const auto before = persons(board.on(history_aspect::member, d(2011, 4, 13)));
  const auto after = persons(board.on(history_aspect::member, d(2011, 4, 14)));
  EXPECT_EQ(before.size(), orgraph::membership_size(m, ctb, d(2011, 4, 13)));
  EXPECT_EQ(after.size(), orgraph::membership_size(m, ctb, d(2011, 4, 14)));
  EXPECT_EQ(before.size(), 27u);
  EXPECT_EQ(after.size(), 10u);
  for (const auto& c : board.changes_of(history_aspect::member))
    EXPECT_EQ(c.on, d(2011, 4, 14)) << "the members change only with the renaming";

  // The chair: the same person, now on the new board's record.
  const auto chair = board.changes_of(history_aspect::chair);
  ASSERT_EQ(chair.size(), 1u);
  EXPECT_EQ(chair[0].on, d(2011, 4, 14));
  EXPECT_EQ(id_of(m, chair[0].before->node), "p-west-chair");
  EXPECT_EQ(id_of(m, chair[0].after->node), "p-west-chair");
  EXPECT_NE(chair[0].before->relation, chair[0].after->relation);

  // It reports to the Essex board throughout (by the old relation, then the new one) and decides on the day.
  const auto line = board.changes_of(history_aspect::reporting_line);
  ASSERT_EQ(line.size(), 1u);
  EXPECT_EQ(id_of(m, line[0].before->node), "essex-ctb");
  EXPECT_EQ(id_of(m, line[0].after->node), "essex-ctb");
  const auto decisions = board.changes_of(history_aspect::decision);
  ASSERT_EQ(decisions.size(), 1u);
  EXPECT_EQ(m.decisions()[decisions[0].after->decision].id, "d-west-ccdb-review");
  EXPECT_TRUE(board.changes_of(history_aspect::lifetime).empty()); // renamed, never dissolved

  // The same records before the proposal: nothing changes in 2011.
  const auto old = orgraph::load_json(std::string(ORGRAPH_SOURCE_DIR) + "/examples/west_essex_2011/before.json");
  const auto unchanged = orgraph::history_of(old, old.at("west-essex-ctb"), d(2011, 1, 1), d(2011, 12, 31));
  EXPECT_TRUE(unchanged.changes.empty());
  EXPECT_EQ(persons(unchanged.on(history_aspect::member, d(2011, 12, 31))).size(), 27u);
}

TEST(HistoryWestEssex2011, TheNewBoardIsFoundedAndStandsForTheOld) {
  const auto m = example("west_essex_2011/proposal.json");
  const auto ccdb = orgraph::history_of(m, m.at("west-essex-ccdb"), d(2011, 1, 1), d(2011, 12, 31));
  const auto life = ccdb.changes_of(history_aspect::lifetime);
  ASSERT_EQ(life.size(), 1u);
  EXPECT_EQ(life[0].on, d(2011, 4, 14));
  EXPECT_FALSE(life[0].before);
  const auto succession = ccdb.changes_of(history_aspect::successor);
  ASSERT_EQ(succession.size(), 1u);
  EXPECT_EQ(succession[0].on, d(2011, 4, 14));
  EXPECT_EQ(id_of(m, succession[0].after->node), "west-essex-ctb");
  EXPECT_TRUE(ccdb.changes_of(history_aspect::name).empty());

  // The task and finish group exists for six months.
  const auto group = orgraph::history_of(m, m.at("task-and-finish-stakeholder-event"), d(2011, 1, 1), d(2011, 12, 31),
                                         {history_aspect::lifetime, history_aspect::member});
  const auto lived = group.changes_of(history_aspect::lifetime);
  ASSERT_EQ(lived.size(), 2u);
  EXPECT_EQ(lived[0].on, d(2011, 4, 14));
  EXPECT_EQ(lived[1].on, d(2011, 10, 1));
  EXPECT_EQ(group.of(history_aspect::member).size(), 3u);
}

TEST(HistoryWestEssex2011, WindowsListWhoSatWhereAndWhen) {
  const auto m = example("west_essex_2011/proposal.json");
  const orgraph::history_index h(m);
  const auto sat = orgraph::members_between(h, m.at("west-essex-ctb"), d(2011, 1, 1), d(2011, 12, 31));
  ASSERT_EQ(sat.size(), 29u); // the old board's 27 and two partnership chairs who join the new one
  std::size_t throughout = 0, left = 0, joined = 0;
  for (const auto& e : sat) {
    ASSERT_EQ(e.periods.size(), 1u) << id_of(m, e.node);
    const auto p = e.periods.front();
    throughout += p == orgraph::date_range{d(2011, 1, 1), d(2011, 12, 31)};
    left += p == orgraph::date_range{d(2011, 1, 1), d(2011, 4, 13)};
    joined += p == orgraph::date_range{d(2011, 4, 14), d(2011, 12, 31)};
  }
  EXPECT_EQ(throughout, 8u);
  EXPECT_EQ(left, 19u);
  EXPECT_EQ(joined, 2u);
  EXPECT_EQ(id_of(m, sat.back().node), "p-chair-uttlesford"); // by first day, then model order

  // The voluntary sector member: the old board, the review subgroup, the new board, the task group.
  const auto bodies = orgraph::bodies_between(h, m.at("p-vcs-1"), d(2010, 6, 1), d(2011, 12, 31));
  std::vector<std::string> ids;
  for (const auto& e : bodies)
    ids.push_back(id_of(m, e.node));
  EXPECT_EQ(ids, (std::vector<std::string>{"west-essex-ctb", "review-subgroup", "west-essex-ccdb",
                                           "task-and-finish-stakeholder-event"}));
  EXPECT_EQ(bodies[1].periods, (std::vector<orgraph::date_range>{{d(2010, 11, 1), d(2011, 1, 31)}}));
  EXPECT_EQ(bodies[3].periods, (std::vector<orgraph::date_range>{{d(2011, 4, 14), d(2011, 9, 30)}}));
}

TEST(HistoryWestEssex2011, TimelineShowsWhenTheStructureMoved) {
  const auto m = example("west_essex_2011/proposal.json");
  const auto t = orgraph::timeline(m, d(2011, 1, 1), d(2011, 12, 31));
  std::vector<std::string> dates;
  for (const auto& e : t)
    dates.push_back(e.on.to_string());
  EXPECT_EQ(dates, (std::vector<std::string>{"2011-01-20", "2011-02-01", "2011-04-14", "2011-10-01"}));
  const auto& renaming = t[2].counts;
  EXPECT_EQ(renaming.replacements, 1u);
  EXPECT_EQ(renaming.began_of(orgraph::node_kind::organization), 3u);
  EXPECT_EQ(renaming.ended_of(relation_type::member_of), 28u);
  EXPECT_EQ(renaming.started_of(relation_type::member_of), 18u);
  EXPECT_EQ(renaming.ended_of(relation_type::reports_to), 4u);
  EXPECT_EQ(renaming.started_of(relation_type::reports_to), 4u);
  EXPECT_EQ(renaming.decisions, 1u);
  EXPECT_EQ(t[1].counts.ceased_of(orgraph::node_kind::organization), 1u); // the review subgroup
  EXPECT_EQ(t[1].counts.ended_of(relation_type::member_of), 4u);
  EXPECT_EQ(t[3].counts.ceased_of(orgraph::node_kind::organization), 1u); // the task and finish group
  EXPECT_THROW((void)orgraph::timeline(m, d(2011, 2, 1), d(2011, 1, 1)), orgraph::date_error);
}

} // namespace
