#include <orgraph/orgraph.hpp>

#include <iostream>

int main() {
  using namespace orgraph;
  const model essex = load_json("examples/essex_2009/essex_2009.json");
  for (const char* day : {"2009-11-01", "2009-11-02"}) { // the Harlow TASCC manager is seconded on the 2nd
    const auto boss = line_manager(essex, essex.at("practitioner-a"), parse_date(day));
    std::cout << day << ": Practitioner A is line-managed by " << essex[*boss->manager].name << '\n';
  }
  const model west = load_json("examples/west_essex_2011/proposal.json");
  const date meeting = parse_date("2011-04-14");
  const auto channels = independent_channels(west, west.at("dcp-harlow"), west.at("essex-ctb"), meeting);
  std::cout << "Harlow's partnership has " << channels.count() << " independent channels to the Essex board\n";
}
