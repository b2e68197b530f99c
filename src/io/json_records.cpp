// The lookups and the date reading that json_records.hpp declares.

#include "json_records.hpp"

#include <initializer_list>

namespace orgraph::detail::json_reading {

std::uint64_t hash_text(std::string_view s) noexcept {
  // Eight bytes at a time, each step mixed as splitmix64 mixes: fast for ids, and enough for a table.
  std::uint64_t h = 0x9E3779B97F4A7C15u ^ s.size();
  const char* p = s.data();
  std::size_t n = s.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9u;
    h ^= h >> 31;
  }
  std::uint64_t w = 0;
  if (n != 0)
    std::memcpy(&w, p, n);
  h = (h ^ w) * 0x94D049BB133111EBu;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9u;
  return h ^ (h >> 32);
}

int section_of(std::string_view key) noexcept {
  for (std::size_t s = 0; s < section_count; ++s)
    if (key == section_names[s])
      return static_cast<int>(s);
  return -1;
}

field field_of(std::string_view key) noexcept {
  // By length first: most keys are told apart without comparing a byte.
  const auto is = [&](field f) { return key == field_names[static_cast<std::size_t>(f)]; };
  const auto first = [&](std::initializer_list<field> candidates) {
    for (field f : candidates)
      if (is(f))
        return f;
    return field::none;
  };
  switch (key.size()) {
  case 2: return first({field::id, field::to});
  case 4: return first({field::name, field::type, field::from, field::role, field::date});
  case 5: return first({field::label, field::to_id});
  case 6: return first({field::status});
  case 7: return first({field::post_id, field::subject, field::outcome, field::follows, field::area_id});
  case 8: return first({field::end_date});
  case 9: return first({field::parent_id, field::person_id});
  case 10: return first({field::start_date});
  case 11: return first({field::disciplines, field::arrangement});
  case 13: return first({field::founding_date});
  case 14: return first({field::classification});
  case 15: return first({field::organization_id, field::on_behalf_of_id});
  case 16: return first({field::dissolution_date});
  case 21: return first({field::legislative_period_id});
  default: return field::none;
  }
}

bool quick_date(std::string_view s, std::uint32_t& packed) noexcept {
  const auto digit = [&](std::size_t i) { return s[i] >= '0' && s[i] <= '9'; };
  const auto number = [&](std::size_t from, std::size_t n) {
    unsigned v = 0;
    for (std::size_t i = from; i < from + n; ++i)
      v = v * 10 + static_cast<unsigned>(s[i] - '0');
    return v;
  };
  if (s.size() != 4 && s.size() != 7 && s.size() != 10)
    return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (i == 4 || i == 7 ? s[i] != '-' : !digit(i))
      return false;
  partial_date d;
  d.year = static_cast<int>(number(0, 4));
  d.month = s.size() >= 7 ? number(5, 2) : 0;
  d.day = s.size() == 10 ? number(8, 2) : 0;
  if (d.year < 1 || (s.size() >= 7 && (d.month < 1 || d.month > 12)))
    return false;
  if (s.size() == 10) {
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = d.year % 4 == 0 && (d.year % 100 != 0 || d.year % 400 == 0);
    if (d.day < 1 || d.day > days[d.month - 1] + (d.month == 2 && leap ? 1 : 0))
      return false;
  }
  packed = pack_date(d);
  return true;
}

} // namespace orgraph::detail::json_reading
