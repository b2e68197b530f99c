// Histories on small hand-made models: changes that come from elsewhere (a new holder of the managing
// post, a vacancy that escalates, someone acting above, a renaming), the change on the first day, the
// window questions' periods, and the arguments refused.

#include <orgraph/error.hpp>
#include <orgraph/query/governance.hpp>
#include <orgraph/query/history.hpp>
#include <orgraph/query/line_management.hpp>

#include "../common/builders.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using orgraph::arrangement;
using orgraph::date;
using orgraph::history_aspect;
using orgraph::no_vertex;
using orgraph::relation_type;
using orgraph::vertex;
using orgraph::test::on;

namespace {

/// A practitioner managed by a team manager's post, which a head's post manages.
struct team : orgraph::test::relation_builder {
  vertex head = m.add_person("head", "Head");
  vertex alice = m.add_person("alice", "Alice");
  vertex bob = m.add_person("bob", "Bob");
  vertex carol = m.add_person("carol", "Carol");
  vertex worker = m.add_person("worker", "Worker");
  vertex head_post = m.add_post("post-head", "Head of Service");
  vertex team_post = m.add_post("post-team", "Team Manager");

  team() {
    holds(head, head_post);
    manages(head_post, team_post);
    manages(team_post, worker);
  }

  [[nodiscard]] std::vector<orgraph::history_change> line(date from, date to) const {
    return orgraph::history_of(m, worker, from, to, {history_aspect::line_manager}).changes;
  }
  [[nodiscard]] std::string id(vertex v) const { return v == no_vertex ? "-" : std::string(m[v].id); }
};

TEST(HistoryRules, ANewHolderOfTheManagingPostIsAChange) {
  team t;
  t.holds(t.alice, t.team_post, nullptr, "2010-06-30");
  t.holds(t.bob, t.team_post, "2010-07-01");
  const auto c = t.line(on("2010-01-01"), on("2010-12-31"));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].on, on("2010-07-01"));
  EXPECT_EQ(t.id(c[0].before->node), "alice");
  EXPECT_EQ(t.id(c[0].after->node), "bob");
  EXPECT_EQ(c[0].after->post, t.team_post);
}

TEST(HistoryRules, AVacancyEscalatesAndIsFilledAgain) {
  team t;
  t.holds(t.alice, t.team_post, nullptr, "2010-03-31");
  t.holds(t.bob, t.team_post, "2010-09-01");
  const auto c = t.line(on("2010-01-01"), on("2010-12-31"));
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].on, on("2010-04-01"));
  EXPECT_EQ(t.id(c[0].after->node), "head");
  EXPECT_EQ(c[0].after->vacant_posts, std::vector<vertex>{t.team_post});
  EXPECT_EQ(c[1].on, on("2010-09-01"));
  EXPECT_EQ(t.id(c[1].after->node), "bob");
}

TEST(HistoryRules, SomeoneActingAboveIsAChange) {
  team t;
  t.holds(t.alice, t.team_post);
  t.holds(t.carol, t.team_post, "2010-05-10", "2010-05-20", arrangement::acting);
  // And two levels up: when the team post falls vacant, the head's post answers, where someone acts too.
  t.holds(t.bob, t.head_post, "2011-02-01", "2011-02-28", arrangement::acting);
  const auto c = t.line(on("2010-01-01"), on("2010-12-31"));
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].on, on("2010-05-10"));
  EXPECT_EQ(t.id(c[0].after->node), "carol");
  EXPECT_EQ(c[1].on, on("2010-05-21"));
  EXPECT_EQ(t.id(c[1].after->node), "alice");

  team u;
  u.holds(u.alice, u.team_post, nullptr, "2010-12-31");
  u.holds(u.bob, u.head_post, "2011-02-01", "2011-02-28", arrangement::acting);
  const auto e = u.line(on("2010-12-01"), on("2011-12-31"));
  std::vector<std::string> seen;
  for (const auto& x : e)
    seen.push_back(x.on.to_string() + " " + u.id(x.after->node));
  EXPECT_EQ(seen, (std::vector<std::string>{"2011-01-01 head", "2011-02-01 bob", "2011-03-01 head"}));
}

TEST(HistoryRules, AChangeOnTheFirstDayIsMeasuredAgainstTheDayBefore) {
  team t;
  t.holds(t.alice, t.team_post, nullptr, "2010-06-30");
  t.holds(t.bob, t.team_post, "2010-07-01");
  const auto on_first = t.line(on("2010-07-01"), on("2010-12-31"));
  ASSERT_EQ(on_first.size(), 1u);
  EXPECT_EQ(on_first[0].on, on("2010-07-01"));
  EXPECT_TRUE(t.line(on("2010-07-02"), on("2010-12-31")).empty());
  EXPECT_TRUE(t.line(on("2010-07-01"), on("2010-07-01")).size() == 1u);
  // From the first date there is, nothing came before it.
  EXPECT_TRUE(t.line(date::min(), on("2010-06-30")).empty());
  const auto all = orgraph::history_of(t.m, t.worker, date::min(), date::max(), {history_aspect::line_manager});
  ASSERT_EQ(all.of(history_aspect::line_manager).size(), 2u);
  EXPECT_EQ(all.of(history_aspect::line_manager)[1].when, (orgraph::date_range{on("2010-07-01"), date::max()}));
}

TEST(HistoryRules, OnlyTheAspectsAskedForAreFollowed) {
  team t;
  t.holds(t.alice, t.team_post);
  const auto h = orgraph::history_of(t.m, t.worker, on("2010-01-01"), on("2010-12-31"), {history_aspect::supervisor});
  EXPECT_TRUE(h.followed[static_cast<std::size_t>(history_aspect::supervisor)]);
  EXPECT_FALSE(h.followed[static_cast<std::size_t>(history_aspect::line_manager)]);
  EXPECT_TRUE(h.of(history_aspect::line_manager).empty());
  ASSERT_EQ(h.of(history_aspect::supervisor).size(), 1u);
  EXPECT_EQ(h.of(history_aspect::supervisor)[0].value.via, relation_type::manages); // no supervises: the line manager
  EXPECT_THROW((void)orgraph::history_of(t.m, t.worker, on("2010-02-01"), on("2010-01-01")), orgraph::date_error);
  EXPECT_TRUE(orgraph::history_of(t.m, vertex{9999}, on("2010-01-01"), on("2010-12-31")).changes.empty());
}

/// A board renamed on 2011-04-14, a member recorded on the old name throughout, a chair who leaves.
struct board : orgraph::test::relation_builder {
  vertex old_board = m.add_organization("old", "Old Board", "board");
  vertex new_board = m.add_organization("new", "New Board", "board", no_vertex,
                                        {orgraph::parse_partial_date("2011-04-14"), std::nullopt});
  vertex council = m.add_organization("council", "Council", "council");
  vertex ann = m.add_person("ann", "Ann");
  vertex ben = m.add_person("ben", "Ben");
  vertex clerk = m.add_post("post-clerk", "Clerk", old_board);

  board() {
    m.add_relation(old_board, new_board, orgraph::relation{relation_type::replaced_by});
    m.add_relation(old_board, council, orgraph::relation{relation_type::reports_to});
    seat(ann, old_board, "Chair", nullptr, "2011-06-30");
    seat(ann, old_board, "member", "2011-07-01", nullptr);
    seat(ben, old_board, "member", nullptr, nullptr);
  }
  void seat(vertex who, vertex body, const char* role, const char* start, const char* end) {
    orgraph::relation r{relation_type::member_of, {orgraph::test::maybe(start), orgraph::test::maybe(end)}};
    r.role = role;
    m.add_relation(who, body, r);
  }
};

TEST(HistoryRules, ARenamedBoardGoesOnUnderItsNewName) {
  board b;
  const auto h = orgraph::history_of(b.m, b.old_board, on("2011-01-01"), on("2011-12-31"));
  const auto names = h.changes_of(history_aspect::name);
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].on, on("2011-04-14"));
  EXPECT_EQ(names[0].after->node, b.new_board);
  // Ann's seat changes role on 2011-07-01 (the same person, no post: one change with both sides).
  std::vector<std::string> seen;
  for (const auto& c : h.changes_of(history_aspect::member))
    seen.push_back(c.on.to_string() + (c.before ? " " + c.before->role : " -") +
                   (c.after ? " " + c.after->role : " -"));
  EXPECT_EQ(seen, (std::vector<std::string>{"2011-07-01 Chair member"}));
  // The renaming itself changes no seat: they are recorded on the old name, now read as the new board's.
  EXPECT_EQ(h.on(history_aspect::member, on("2011-05-01")), h.on(history_aspect::member, on("2011-04-13")));
  const auto chair = h.changes_of(history_aspect::chair);
  ASSERT_EQ(chair.size(), 1u); // Ann stepping down
  EXPECT_EQ(chair[0].on, on("2011-07-01"));
  EXPECT_FALSE(chair[0].after);
  // The clerk's post belongs to the old board: a vacant seat throughout.
  bool vacant_clerk = false;
  for (const auto& v : h.on(history_aspect::member, on("2011-12-31")))
    vacant_clerk |= v.node == no_vertex && v.post == b.clerk;
  EXPECT_TRUE(vacant_clerk);

  // Ann's own history: one body before the renaming, its successor after; her role changes in July.
  const auto ann = orgraph::history_of(b.m, b.ann, on("2011-01-01"), on("2011-12-31"), {history_aspect::membership});
  const auto& items = ann.of(history_aspect::membership);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].value.node, b.old_board);
  EXPECT_EQ(items[0].when.to, on("2011-04-13"));
  EXPECT_EQ(items[1].value.node, b.new_board);
  EXPECT_EQ(items[1].value.replaced, b.old_board);
  EXPECT_EQ(items[2].value.role, "member");
  const auto windows = orgraph::bodies_between(b.m, b.ann, on("2011-01-01"), on("2011-12-31"));
  ASSERT_EQ(windows.size(), 2u);
  EXPECT_EQ(windows[1].periods, (std::vector<orgraph::date_range>{{on("2011-04-14"), on("2011-12-31")}}));
}

TEST(HistoryRules, APostsSeatsAndHoldersHaveTheirOwnHistory) {
  board b;
  b.m.add_relation(b.ben, b.clerk,
                   orgraph::relation{relation_type::holds, {orgraph::parse_partial_date("2011-09-01"), std::nullopt}});
  const auto h = orgraph::history_of(b.m, b.clerk, on("2011-01-01"), on("2011-12-31"));
  const auto holder = h.changes_of(history_aspect::holder);
  ASSERT_EQ(holder.size(), 1u);
  EXPECT_EQ(holder[0].on, on("2011-09-01"));
  EXPECT_EQ(holder[0].after->node, b.ben);
  // The clerk's seat is on the old board, then (renamed) on the new one: a seat on one body ends and one
  // on the other begins. Filled in September, the same seat goes by the holding.
  const auto seats = h.changes_of(history_aspect::membership);
  ASSERT_EQ(seats.size(), 3u);
  EXPECT_EQ(seats[0].on, on("2011-04-14"));
  EXPECT_EQ(seats[0].before->node, b.old_board);
  EXPECT_FALSE(seats[0].after);
  EXPECT_EQ(seats[1].on, on("2011-04-14"));
  EXPECT_EQ(seats[1].after->node, b.new_board);
  EXPECT_EQ(seats[1].after->replaced, b.old_board);
  EXPECT_EQ(seats[2].on, on("2011-09-01"));
  EXPECT_EQ(seats[2].before->node, b.new_board);
  EXPECT_FALSE(seats[2].before->relation);
  EXPECT_TRUE(seats[2].after->relation);
}

TEST(HistoryRules, ManagedBetweenFollowsVacantPostsDown) {
  team t;
  t.holds(t.alice, t.team_post, nullptr, "2010-03-31");
  const auto w = orgraph::managed_between(t.m, t.head, on("2010-01-01"), on("2010-12-31"));
  ASSERT_EQ(w.size(), 2u); // alice while she holds the team post, the worker while it is vacant
  EXPECT_EQ(w[0].node, t.alice);
  EXPECT_EQ(w[0].periods, (std::vector<orgraph::date_range>{{on("2010-01-01"), on("2010-03-31")}}));
  EXPECT_EQ(w[1].node, t.worker);
  EXPECT_EQ(w[1].periods, (std::vector<orgraph::date_range>{{on("2010-04-01"), on("2010-12-31")}}));
  EXPECT_TRUE(orgraph::managed_between(t.m, t.worker, on("2010-01-01"), on("2010-12-31")).empty());
}

} // namespace
