#include <orgraph/orgraph.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace orgraph;

namespace {

// A small West Essex case: a board with a council representative on it, a district partnership
// reporting to it, a post held in an acting capacity and a renaming.
const char* const small_model = R"({
  "persons": [
    {"id": "wagland", "name": "Lesley Wagland", "disciplines": []},
    {"id": "p1", "name": "Practitioner A", "disciplines": ["social work", "family support"]}
  ],
  "organizations": [
    {"id": "ecc", "name": "Essex County Council", "classification": "council"},
    {"id": "we-ctb", "name": "West Essex Children's Trust Board", "classification": "board",
     "parent_id": "ecc", "founding_date": "2008", "dissolution_date": "2011-03"},
    {"id": "harlow-dcp", "name": "Harlow District Children's Partnership", "classification": "partnership"}
  ],
  "posts": [
    {"id": "post-rep", "label": "Council Representative", "organization_id": "we-ctb", "start_date": "2008-04-01"}
  ],
  "areas": [
    {"id": "harlow", "name": "Harlow", "classification": "district", "parent_id": "west"},
    {"id": "west", "name": "West", "classification": "quadrant"}
  ],
  "memberships": [
    {"id": "m1", "person_id": "wagland", "organization_id": "we-ctb", "role": "member",
     "on_behalf_of_id": "ecc", "start_date": "2009-10", "end_date": "2011-04-14"},
    {"person_id": "wagland", "post_id": "post-rep", "arrangement": "acting"},
    {"post_id": "post-rep", "organization_id": "harlow-dcp", "role": "observer"}
  ],
  "relations": [
    {"type": "reports_to", "from": "harlow-dcp", "to": "we-ctb", "start_date": "2009"},
    {"type": "covers", "from": "harlow-dcp", "to": "harlow", "status": "pilot"},
    {"type": "manages", "from": "wagland", "to": "p1", "arrangement": "interim", "start_date": "2009-11-02",
     "end_date": "2010-03-31"}
  ],
  "decisions": [
    {"id": "d2", "subject": "Renaming", "organization_id": "we-ctb", "date": "2011-04-14", "outcome": "decided",
     "follows": "d1"},
    {"id": "d1", "subject": "Renaming", "organization_id": "harlow-dcp", "date": "2011-01-20",
     "outcome": "recommended", "to_id": "we-ctb"}
  ]
})";

template <class F> std::string message_of(F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(no exception)";
}

} // namespace

TEST(Json, LoadsEveryKindOfRecord) {
  const model m = parse_json(small_model, "small.json");
  EXPECT_EQ(m.node_count(), 2u + 3u + 1u + 2u);
  EXPECT_EQ(m.relation_count(), 3u + 3u);
  ASSERT_EQ(m.decisions().size(), 2u);

  const node_view board = m[m.at("we-ctb")];
  EXPECT_EQ(board.kind, node_kind::organization);
  EXPECT_EQ(board.classification, "board");
  EXPECT_EQ(board.parent, m.at("ecc"));
  EXPECT_EQ(board.lifetime.first_day(), date::from_ymd(2008, 1, 1));
  EXPECT_EQ(board.lifetime.last_day(), date::from_ymd(2011, 3, 31)); // a partial end means its last day

  // An area may name a parent written after it.
  EXPECT_EQ(m[m.at("harlow")].parent, m.at("west"));
  EXPECT_EQ(m[m.at("post-rep")].parent, m.at("we-ctb"));
  EXPECT_EQ(m[m.at("p1")].disciplines, (std::vector<std::string>{"social work", "family support"}));
}

TEST(Json, MembershipsBecomeHoldsAndMemberOfRelations) {
  const model m = parse_json(small_model, "small.json");
  const auto& g = m.graph();
  int holds = 0, member_of = 0;
  for (auto [it, end] = edges(g); it != end; ++it) {
    const relation_view r = g[*it];
    if (r.type == relation_type::holds) {
      ++holds;
      EXPECT_EQ(source(*it, g), m.at("wagland"));
      EXPECT_EQ(target(*it, g), m.at("post-rep"));
      EXPECT_EQ(r.arrangement, arrangement::acting);
    } else if (r.type == relation_type::member_of && source(*it, g) == m.at("wagland")) {
      ++member_of;
      EXPECT_EQ(r.on_behalf_of, m.at("ecc"));
      EXPECT_EQ(r.role, "member");
      EXPECT_EQ(r.id, "m1");
      EXPECT_TRUE(r.in_force(date::from_ymd(2009, 10, 1)));
      EXPECT_TRUE(r.in_force(date::from_ymd(2011, 4, 14)));
      EXPECT_FALSE(r.in_force(date::from_ymd(2011, 4, 15)));
    } else if (r.type == relation_type::member_of) {
      ++member_of;
      EXPECT_EQ(source(*it, g), m.at("post-rep")); // the post sits on the partnership ex officio
      EXPECT_EQ(r.role, "observer");
    }
  }
  EXPECT_EQ(holds, 1);
  EXPECT_EQ(member_of, 2);
}

TEST(Json, DecisionMayFollowOneWrittenLater) {
  const model m = parse_json(small_model, "small.json");
  const auto d2 = m.find_decision("d2");
  const auto d1 = m.find_decision("d1");
  ASSERT_TRUE(d1 && d2);
  EXPECT_EQ(m.decisions()[*d2].follows, *d1);
  EXPECT_EQ(m.decisions()[*d1].to, m.at("we-ctb"));
  EXPECT_EQ(m.decisions()[*d1].outcome, outcome::recommended);
}

TEST(Json, SaveThenLoadGivesAnEqualModel) {
  const model m = parse_json(small_model, "small.json");
  const std::string text = to_json(m);
  const model again = parse_json(text, "again.json");
  EXPECT_EQ(again, m);
  // Precision survives: a year stays a year.
  EXPECT_NE(text.find("\"founding_date\":\"2008\""), std::string::npos);
  EXPECT_NE(text.find("\"start_date\":\"2009-10\""), std::string::npos);
}

TEST(Json, RoundTripThroughAFile) {
  const model m = parse_json(small_model, "small.json");
  const auto file = std::filesystem::temp_directory_path() / "orgraph_json_round_trip.json";
  save_json(m, file);
  EXPECT_EQ(load_json(file), m);
  std::filesystem::remove(file);
}

TEST(Json, ModelBuiltInCodeRoundTripsWhateverTheOrder) {
  model m;
  const vertex p = m.add_person("z-person", "Zed", {"education welfare"});
  const vertex body = m.add_organization("a-team", "A team", "team");
  const vertex post = m.add_post("m-post", "Team manager", body);
  m.add_relation(p, post, {relation_type::holds});
  m.add_relation(post, p, {relation_type::supervises, period(parse_partial_date("2010"), std::nullopt)});
  EXPECT_EQ(parse_json(to_json(m)), m);
}

TEST(Json, PlainPopoloKeysItDoesNotUseAreIgnored) {
  const model m = parse_json(R"({"persons": [{"id": "x", "name": "X", "gender": "female", "images": [{"url": "u"}],
                                  "identifiers": [{"scheme": "wikidata", "identifier": "Q1"}]}],
                                 "events": [{"id": "term/1"}], "meta": {"sources": ["s"]},
                                 "areas": [{"id": "a", "name": "Ward", "type": "constituency"}]})");
  EXPECT_EQ(m.node_count(), 2u);
  EXPECT_EQ(m[m.at("a")].classification, "constituency"); // EveryPolitician's "type"
}

TEST(Json, MultilingualNamesTakeEnglish) {
  const model m = parse_json(R"({"persons": [{"id": "x", "name": {"lang:cy": "Enw", "lang:en": "Name"}}]})");
  EXPECT_EQ(m[m.at("x")].name, "Name");
}

TEST(Json, EmptyDateStringsMeanNoDate) {
  const model m = parse_json(R"({"organizations": [{"id": "o", "founding_date": ""}]})");
  EXPECT_FALSE(m[m.at("o")].lifetime.start());
}

TEST(JsonErrors, MalformedJsonNamesLineAndColumn) {
  try {
    (void)parse_json("{\n  \"persons\": [\n    {\"id\": \"a\",]\n}", "broken.json");
    FAIL() << "no exception";
  } catch (const parse_error& e) {
    EXPECT_EQ(e.file(), "broken.json");
    EXPECT_EQ(e.line(), 3u);
    EXPECT_EQ(e.column(), 16u); // the ']' where a key should be
    EXPECT_NE(std::string(e.what()).find("broken.json:3:16"), std::string::npos) << e.what();
  }
}

TEST(JsonErrors, EmptyInputIsAParseError) {
  EXPECT_THROW((void)parse_json("", "empty.json"), parse_error);
  EXPECT_THROW((void)parse_json("   \n", "blank.json"), parse_error);
}

TEST(JsonErrors, TrailingGarbageIsAParseError) { EXPECT_THROW((void)parse_json("{} x", "t.json"), parse_error); }

TEST(JsonErrors, TopLevelMustBeAnObject) {
  EXPECT_NE(message_of([] { (void)parse_json("[1, 2]", "a.json"); }).find("top level"), std::string::npos);
}

TEST(JsonErrors, InvalidUtf8IsAParseError) {
  EXPECT_THROW((void)parse_json("{\"persons\": [{\"id\": \"\xff\xfe\"}]}", "u.json"), parse_error);
}

TEST(JsonErrors, DeepNestingIsRefused) {
  const std::string deep = "{\"x\": " + std::string(200, '[') + std::string(200, ']') + "}";
  EXPECT_THROW((void)parse_json(deep, "deep.json"), parse_error);
}

TEST(JsonErrors, WrongTypeNamesThePath) {
  const auto msg = message_of([] { (void)parse_json(R"({"persons": [{"id": "a"}, {"id": 7}]})", "types.json"); });
  EXPECT_NE(msg.find("types.json"), std::string::npos) << msg;
  EXPECT_NE(msg.find("persons[1].id"), std::string::npos) << msg;
  EXPECT_THROW((void)parse_json(R"({"persons": {"id": "a"}})"), parse_error);
  EXPECT_THROW((void)parse_json(R"({"persons": [{"id": "a", "disciplines": "social work"}]})"), parse_error);
}

TEST(JsonErrors, MissingIdIsAParseError) {
  const auto msg = message_of([] { (void)parse_json(R"({"organizations": [{"name": "No id"}]})", "f.json"); });
  EXPECT_NE(msg.find("organizations[0]"), std::string::npos) << msg;
  EXPECT_NE(msg.find("'id' is required"), std::string::npos) << msg;
}

TEST(JsonErrors, DuplicateIdIsAReferenceErrorNamingIt) {
  try {
    (void)parse_json(R"({"persons": [{"id": "dup"}], "organizations": [{"id": "dup"}]})", "d.json");
    FAIL() << "no exception";
  } catch (const reference_error& e) {
    EXPECT_EQ(e.id(), "dup");
    EXPECT_NE(std::string(e.what()).find("d.json"), std::string::npos) << e.what();
  }
}

TEST(JsonErrors, DanglingReferencesNameTheId) {
  const auto id_of = [](const char* text) {
    try {
      (void)parse_json(text, "r.json");
    } catch (const reference_error& e) {
      return e.id();
    }
    return std::string("(no reference_error)");
  };
  EXPECT_EQ(id_of(R"({"persons": [{"id": "p"}], "memberships": [{"person_id": "p", "organization_id": "nowhere"}]})"),
            "nowhere");
  EXPECT_EQ(id_of(R"({"persons": [{"id": "p"}], "relations": [{"type": "manages", "from": "ghost", "to": "p"}]})"),
            "ghost");
  EXPECT_EQ(id_of(R"({"organizations": [{"id": "o", "parent_id": "missing-parent"}]})"), "missing-parent");
  EXPECT_EQ(id_of(R"({"organizations": [{"id": "o"}],
                      "decisions": [{"id": "d", "organization_id": "o", "date": "2009-12-08", "outcome": "decided",
                                     "follows": "never"}]})"),
            "never");
}

TEST(JsonErrors, ImpossibleDateNamesThePath) {
  const auto msg = message_of(
      [] { (void)parse_json(R"({"organizations": [{"id": "o", "founding_date": "2009-02-30"}]})", "f.json"); });
  EXPECT_NE(msg.find("organizations[0].founding_date"), std::string::npos) << msg;
  EXPECT_NE(msg.find("2009-02-30"), std::string::npos) << msg;
}

TEST(JsonErrors, EndBeforeStartIsAParseError) {
  EXPECT_THROW((void)parse_json(R"({"organizations": [{"id": "a"}, {"id": "b"}],
      "relations": [{"type": "reports_to", "from": "a", "to": "b", "start_date": "2011-04-14", "end_date": "2011-04-13"}]})"),
               parse_error);
}

TEST(JsonErrors, UnknownRelationTypeAndArrangementAreParseErrors) {
  const char* base =
      R"({"persons": [{"id": "a"}, {"id": "b"}], "relations": [{"type": "%s", "from": "a", "to": "b"%s}]})";
  char buf[512];
  std::snprintf(buf, sizeof buf, base, "bosses", "");
  EXPECT_NE(message_of([&] { (void)parse_json(buf); }).find("unknown relation type 'bosses'"), std::string::npos);
  std::snprintf(buf, sizeof buf, base, "manages", R"(, "arrangement": "temporary")");
  EXPECT_NE(message_of([&] { (void)parse_json(buf); }).find("unknown arrangement 'temporary'"), std::string::npos);
}

TEST(JsonErrors, RelationBetweenWrongKindsIsAParseError) {
  const auto msg = message_of([] {
    (void)parse_json(R"({"persons": [{"id": "a"}], "areas": [{"id": "x"}],
                        "relations": [{"type": "manages", "from": "a", "to": "x"}]})");
  });
  EXPECT_NE(msg.find("relations[0]"), std::string::npos) << msg;
  EXPECT_NE(msg.find("'x'"), std::string::npos) << msg;
}

TEST(JsonErrors, ParentCycleIsRefused) {
  EXPECT_THROW((void)parse_json(R"({"organizations": [{"id": "a", "parent_id": "b"}, {"id": "b", "parent_id": "a"}]})"),
               parse_error);
}

TEST(JsonErrors, DecisionsFollowingEachOtherInACycleAreRefused) {
  EXPECT_THROW((void)parse_json(R"({"organizations": [{"id": "o"}], "decisions": [
      {"id": "a", "organization_id": "o", "date": "2009-12-08", "outcome": "decided", "follows": "b"},
      {"id": "b", "organization_id": "o", "date": "2009-12-08", "outcome": "decided", "follows": "a"}]})"),
               parse_error);
}

TEST(JsonErrors, MembershipWithNeitherBodyNorPostIsRefused) {
  EXPECT_THROW((void)parse_json(R"({"persons": [{"id": "a"}], "memberships": [{"person_id": "a"}]})"), parse_error);
}

TEST(JsonErrors, MissingFileIsAFileError) { EXPECT_THROW((void)load_json("/nonexistent/orgraph.json"), file_error); }

TEST(Json, RealPopoloFilesLoadAndRoundTrip) {
  const std::filesystem::path dir = std::filesystem::path(ORGRAPH_SHARED_DATA) / "popolo";
  if (!std::filesystem::exists(dir))
    GTEST_SKIP() << "../shared/data/popolo is absent; the real-data check needs it";
  // Counts from ../shared/data/README.md: the Alderney file has 10 persons, 2 organizations,
  // 1 area and 10 memberships.
  const model alderney = load_json(dir / "ep_alderney_states.json");
  EXPECT_EQ(alderney.node_count(), 10u + 2u + 1u);
  EXPECT_EQ(alderney.relation_count(), 10u);
  EXPECT_EQ(parse_json(to_json(alderney)), alderney);
  // UK Commons: 1,337 persons, 22 organizations, 777 areas, 3,363 memberships.
  const model commons = load_json(dir / "ep_uk_commons.json");
  EXPECT_EQ(commons.node_count(), 1337u + 22u + 777u);
  EXPECT_EQ(commons.relation_count(), 3363u);
}

TEST(JsonLimits, FileLargerThanTheLimitIsRefusedBeforeParsing) {
  load_options small;
  small.max_file_size = 100;
  const std::string text = R"({"persons": [)" + std::string(200, ' ') + "]}";
  const auto msg = message_of([&] { (void)parse_json(text, "big.json", small); });
  EXPECT_NE(msg.find("max_file_size"), std::string::npos) << msg;
  EXPECT_NO_THROW((void)parse_json(text, "big.json")); // the default admits it
}

TEST(JsonLimits, TooManyNodesOrRelationsAreRefused) {
  load_options few;
  few.max_nodes = 2;
  few.max_relations = 1;
  EXPECT_NE(message_of([&] {
              (void)parse_json(R"({"persons": [{"id": "a"}, {"id": "b"}, {"id": "c"}]})", "n", few);
            }).find("max_nodes"),
            std::string::npos);
  EXPECT_NE(message_of([&] {
              (void)parse_json(R"({"persons": [{"id": "a"}, {"id": "b"}], "relations": [
                {"type": "manages", "from": "a", "to": "b"}, {"type": "supervises", "from": "a", "to": "b"}]})",
                               "r", few);
            }).find("max_relations"),
            std::string::npos);
}

TEST(JsonLimits, DepthLimitIsAnOption) {
  load_options shallow;
  shallow.max_depth = 3;
  const char* text = R"({"persons": [], "meta": {"a": {"b": {"c": 1}}}})"; // four levels
  EXPECT_NO_THROW((void)parse_json(text, "d"));
  const auto msg = message_of([&] { (void)parse_json(text, "d", shallow); });
  EXPECT_NE(msg.find("max_depth"), std::string::npos) << msg;
}

TEST(Json, PostDisciplinesRoundTrip) {
  // Regression: organogram posts carry their professional group, which the reader used to drop.
  model with;
  with.add_organization("unit", "Unit");
  node n;
  n.kind = node_kind::post;
  n.id = "post-1";
  n.name = "Deputy Director";
  n.parent = with.at("unit");
  n.disciplines = {"Policy"};
  with.add_node(n);
  const model again = parse_json(to_json(with));
  EXPECT_EQ(again[again.at("post-1")].disciplines, std::vector<std::string>{"Policy"});
  EXPECT_EQ(again, with);
}
