// make_archive_seeds OUTDIR [JSON...]: for every JSON model given (and a small built-in one), write
// its archive payload of each kind, without the 32-byte envelope, to
// OUTDIR/archive_<kind>_fuzzer/<name>.payload. The archive fuzzers wrap payloads in a sound envelope
// themselves, so these are the seeds that reach the decoder.

#include <orgraph/io/archive.hpp>
#include <orgraph/io/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace {

orgraph::model built_in() {
  orgraph::model m;
  const auto council = m.add_organization("ecc", "Essex County Council", "council");
  const auto board = m.add_organization("ctb", "Children's Trust Board", "board", council,
                                        {orgraph::parse_partial_date("2008"), orgraph::parse_partial_date("2011-03")});
  const auto post = m.add_post("rep", "Council Representative", board);
  const auto area = m.add_area("harlow", "Harlow", "district");
  const auto boss = m.add_person("boss", "Head of Service", {"social work"});
  const auto worker = m.add_person("w1", "Practitioner", {"social work", "nursing"});
  m.add_relation(boss, worker,
                 {orgraph::relation_type::manages, {orgraph::parse_partial_date("2009-11-02"), std::nullopt}});
  orgraph::relation holds{orgraph::relation_type::holds};
  holds.arrangement = orgraph::arrangement::acting;
  m.add_relation(boss, post, holds);
  orgraph::relation seat{orgraph::relation_type::member_of};
  seat.role = "chair";
  seat.on_behalf_of = council;
  m.add_relation(boss, board, seat);
  m.add_relation(board, area, {orgraph::relation_type::covers});
  orgraph::decision d;
  d.id = "d1";
  d.subject = "Renaming";
  d.organization = board;
  d.date = orgraph::date::from_ymd(2011, 1, 20);
  d.outcome = orgraph::outcome::decided;
  m.add_decision(d);
  return m;
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: make_archive_seeds OUTDIR [JSON...]\n";
    return 2;
  }
  std::vector<std::pair<std::string, orgraph::model>> models{{"built_in", built_in()}, {"empty", orgraph::model{}}};
  for (int i = 2; i < argc; ++i)
    models.emplace_back(fs::path(argv[i]).stem().string(), orgraph::load_json(argv[i]));
  for (const auto kind : {orgraph::archive_kind::binary, orgraph::archive_kind::text, orgraph::archive_kind::xml}) {
    const fs::path dir = fs::path(argv[1]) / ("archive_" + std::string(orgraph::to_string(kind)) + "_fuzzer");
    fs::create_directories(dir);
    for (const auto& [name, m] : models) {
      const std::string bytes = orgraph::to_archive(m, kind);
      std::ofstream(dir / (name + ".payload"), std::ios::binary) << bytes.substr(32);
    }
  }
  return 0;
}
