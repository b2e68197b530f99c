// Builds a two-person team in code and asks who manages whom: exits non-zero on a wrong answer, so
// a package that compiles but links or behaves wrongly fails too.
#include <orgraph/orgraph.hpp>

#include <cstdio>
#include <cstring>
#include <string_view>

int main() {
  orgraph::model m;
  const auto manager = m.add_person("p-manager", "Team manager");
  const auto worker = m.add_person("p-worker", "Practitioner");
  orgraph::relation manages;
  manages.type = orgraph::relation_type::manages;
  manages.when = orgraph::period(orgraph::parse_partial_date("2009-10"), std::nullopt);
  m.add_relation(manager, worker, manages);

  const auto answer = orgraph::line_manager(m, m.at("p-worker"), orgraph::date::from_ymd(2009, 11, 1));
  if (!answer || answer->manager != manager) {
    std::fprintf(stderr, "wrong answer: p-worker's line manager on 2009-11-01 should be p-manager\n");
    return 1;
  }
  if (orgraph::line_manager(m, worker, orgraph::date::from_ymd(2009, 9, 30))) {
    std::fprintf(stderr, "wrong answer: p-worker had no line manager before 2009-10\n");
    return 1;
  }
  if (std::strcmp(ORGRAPH_VERSION_STRING, "") == 0) {
    std::fprintf(stderr, "orgraph/version.hpp is empty\n");
    return 1;
  }
  const auto how = orgraph::to_string(answer->relation);
  const std::string_view boss = m[*answer->manager].name, name = m[worker].name; // views into the model
  std::printf("orgraph %s: %.*s %.*s %.*s\n", ORGRAPH_VERSION_STRING, static_cast<int>(boss.size()), boss.data(),
              static_cast<int>(how.size()), how.data(), static_cast<int>(name.size()), name.data());
  return 0;
}
