#include <orgraph/orgraph.hpp>

#include <cstdio>
#include <string>

int main() {
  // Who manages the practitioner? The model is read from JSON, through the compiled library.
  const auto m = orgraph::parse_json(R"({
    "persons": [{"id": "p-manager", "name": "Team manager"}, {"id": "p-worker", "name": "Practitioner"}],
    "relations": [{"type": "manages", "from": "p-manager", "to": "p-worker", "start_date": "2009-10"}]
  })");
  const auto answer = orgraph::line_manager(m, m.at("p-worker"), orgraph::date::from_ymd(2009, 11, 1));
  if (!answer || !answer->manager || m[*answer->manager].id != "p-manager")
    return 1;
  const std::string boss(m[*answer->manager].name), worker(m[m.at("p-worker")].name); // names are views
  std::printf("orgraph %s: %s manages %s\n", ORGRAPH_VERSION_STRING, boss.c_str(), worker.c_str());
}
