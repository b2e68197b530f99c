// Synthetic organisations: the shape is described in docs/persistence.md, section "Generated models".

#include <orgraph/io/generate.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace orgraph {

namespace {

// splitmix64: tiny, fast, and the same sequence on every platform and standard library.
class splitmix64 {
public:
  explicit splitmix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
  }
  /// A number in [0, n); n > 0. The tiny modulo bias does not matter here.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  /// A number in [lo, hi].
  std::size_t between(std::size_t lo, std::size_t hi) { return lo + below(hi - lo + 1); }
  /// True `percent` times in a hundred.
  bool percent(unsigned p) { return below(100) < p; }

private:
  std::uint64_t state_;
};

constexpr std::array<const char*, 12> disciplines{
    "social work", "occupational therapy",   "nursing",     "education", "finance",        "human resources",
    "legal",       "information technology", "procurement", "policy",    "administration", "public health"};
constexpr std::array<const char*, 16> given_names{"Alex", "Sam", "Jo",    "Chris", "Pat",  "Morgan", "Robin", "Kim",
                                                  "Lee",  "Ash", "Jamie", "Drew",  "Kris", "Toni",   "Ali",   "Nic"};
constexpr std::array<const char*, 16> family_names{"Smith", "Jones", "Taylor", "Brown",  "Williams", "Wilson",
                                                   "Evans", "Khan",  "Patel",  "Wright", "Walker",   "Hughes",
                                                   "Green", "Hall",  "Wood",   "Clarke"};
constexpr std::array<const char*, 4> quadrant_names{"North", "South", "East", "West"};

class builder {
public:
  explicit builder(const generate_options& o)
      : o_(o), rng_(o.seed), first_day_(date::from_ymd(o.first_year, 1, 1)),
        days_(date::from_ymd(o.first_year + 9, 12, 31).days_since_epoch() - first_day_.days_since_epoch() + 1) {}

  model build() {
    if (o_.persons == 0)
      return std::move(m_);
    shape_tree();
    add_places();
    add_persons();
    add_units_and_posts();
    add_line_management();
    add_boards_and_partnerships();
    return std::move(m_);
  }

private:
  // ---- dates ----
  partial_date day(std::int32_t offset) const {
    const date d = first_day_.plus_days(std::clamp(offset, std::int32_t{0}, days_ - 1));
    return partial_date{d.year(), d.month(), d.day()};
  }
  std::int32_t some_day(std::int32_t from = 0) {
    return from + static_cast<std::int32_t>(rng_.below(static_cast<std::size_t>(std::max(1, days_ - from))));
  }
  static period from(const partial_date& start) { return period(start, std::nullopt); }

  // ---- the management tree, before any node exists ----
  // Persons are numbered in breadth-first order: person i's reports are a contiguous run of later
  // numbers. Persons on the first two levels always manage; deeper ones do so 60% of the time, so
  // branches differ in depth as real ones do, and depth grows roughly as log(N) / log(4.5).
  void shape_tree() {
    const std::size_t n = o_.persons;
    manager_.assign(n, n);
    level_.assign(n, 0);
    first_report_.assign(n, n);
    report_count_.assign(n, 0);
    unit_discipline_.assign(n, 0);
    std::size_t next = 1;
    for (std::size_t i = 0; i < n && next < n; ++i) {
      const bool last_in_queue = i + 1 == next;
      if (level_[i] >= 2 && !last_in_queue && !rng_.percent(60))
        continue;
      const std::size_t span = std::min(rng_.between(3, 12), n - next);
      first_report_[i] = next;
      report_count_[i] = span;
      unit_discipline_[i] = rng_.below(disciplines.size());
      for (std::size_t c = next; c < next + span; ++c) {
        manager_[c] = i;
        level_[c] = level_[i] + 1;
      }
      next += span;
      if (level_[i] >= managers_by_level_.size())
        managers_by_level_.resize(level_[i] + 1);
      managers_by_level_[level_[i]].push_back(i);
    }
  }

  bool manages(std::size_t i) const { return report_count_[i] != 0; }

  void add_places() {
    council_ = m_.add_organization("council", "County Council", "council", no_vertex, from(partial_date{1974, 4, 1}));
    const vertex county = m_.add_area("county", "County", "county");
    for (std::size_t q = 0; q < quadrant_names.size(); ++q)
      quadrants_.push_back(m_.add_area("quadrant-" + std::to_string(q + 1), quadrant_names[q], "quadrant", county));
    const std::size_t count = std::clamp<std::size_t>(o_.persons / 2000, 4, 400);
    for (std::size_t d = 0; d < count; ++d)
      districts_.push_back(m_.add_area("district-" + std::to_string(d + 1), "District " + std::to_string(d + 1),
                                       "district", quadrants_[d % quadrants_.size()]));
  }

  void add_persons() {
    person_base_ = m_.node_count();
    for (std::size_t i = 0; i < o_.persons; ++i) {
      std::vector<std::string> skills;
      const std::size_t usual = i == 0 ? rng_.below(disciplines.size()) : unit_discipline_[manager_[i]];
      skills.emplace_back(disciplines[rng_.percent(75) ? usual : rng_.below(disciplines.size())]);
      if (rng_.percent(10)) {
        const char* second = disciplines[rng_.below(disciplines.size())];
        if (skills.front() != second)
          skills.emplace_back(second);
      }
      // A manager works in the discipline of the unit they head, so that line management stays within
      // it for the three in four members who share it (the 2009 letter's rule; validate checks it).
      if (manages(i) &&
          std::find(skills.begin(), skills.end(), std::string(disciplines[unit_discipline_[i]])) == skills.end())
        skills.emplace_back(disciplines[unit_discipline_[i]]);
      std::string name = given_names[rng_.below(given_names.size())];
      name += ' ';
      name += family_names[rng_.below(family_names.size())];
      m_.add_person("p" + std::to_string(i), std::move(name), std::move(skills));
    }
  }

  vertex person(std::size_t i) const { return person_base_ + i; }

  // Every manager heads a body: the chief executive the council, level-1 managers directorates,
  // level-2 services, deeper ones teams. Each body has a head post that its manager holds.
  void add_units_and_posts() {
    unit_.assign(o_.persons, no_vertex);
    directorate_.assign(o_.persons, council_);
    unit_start_.assign(o_.persons, 0);
    for (std::size_t i = 0; i < o_.persons; ++i) {
      if (i != 0)
        directorate_[i] = level_[i] <= 1 ? council_ : directorate_[manager_[i]];
      if (!manages(i))
        continue;
      vertex body = council_;
      if (i != 0) {
        const char* kind = level_[i] == 1 ? "directorate" : level_[i] == 2 ? "service" : "team";
        std::string name = std::string(level_[i] == 1   ? "Directorate"
                                       : level_[i] == 2 ? "Service"
                                                        : "Team") +
                           " " + std::to_string(i) + " (" + disciplines[unit_discipline_[i]] + ")";
        // A few bodies were founded during the ten years; the rest before them.
        const bool founded_lately = rng_.percent(10);
        unit_start_[i] = founded_lately ? some_day() : 0;
        body = m_.add_organization("u" + std::to_string(i), std::move(name), kind, unit_[manager_[i]],
                                   founded_lately ? from(day(unit_start_[i])) : period());
        if (level_[i] == 1)
          directorate_[i] = body;
        else
          directorate_[i] = directorate_[manager_[i]];
        if (level_[i] == 2 || (level_[i] > 2 && rng_.percent(5))) {
          relation r{relation_type::covers};
          if (rng_.percent(10))
            r.status = "pilot";
          m_.add_relation(body, districts_[rng_.below(districts_.size())], std::move(r));
        }
      }
      unit_[i] = body;
      const std::string label = i == 0 ? std::string("Chief Executive") : "Head of " + std::string(m_[body].name);
      const vertex post = m_.add_post("post-" + std::to_string(i), label, body);
      relation holds{relation_type::holds};
      holds.organization = body;
      holds.role = "head";
      holds.when =
          unit_start_[i] == 0 && !rng_.percent(40) ? period() : from(day(std::max(unit_start_[i], some_day())));
      m_.add_relation(person(i), post, std::move(holds));
    }
  }

  std::size_t peer_of(std::size_t manager) {
    const auto& peers = managers_by_level_[level_[manager]];
    if (peers.size() < 2)
      return manager;
    std::size_t other = peers[rng_.below(peers.size())];
    return other == manager ? peers[(std::find(peers.begin(), peers.end(), manager) - peers.begin() + 1) % peers.size()]
                            : other;
  }

  // The current tree is the substantive line management at the end of the ten years. Some persons
  // had another manager before (an ended relation); some have, or had, a temporary one.
  void add_line_management() {
    for (std::size_t c = 1; c < o_.persons; ++c) {
      const std::size_t boss = manager_[c];
      std::int32_t start = rng_.percent(30) ? -1 : some_day() / 2; // -1: since before the window
      const std::size_t former = peer_of(boss);
      if (former != boss && rng_.percent(o_.changed_manager_percent)) {
        const std::int32_t changed = std::max(start + 1, some_day(std::max<std::int32_t>(start, 0) + 30));
        relation before{relation_type::manages,
                        period(start < 0 ? std::nullopt : std::optional<partial_date>(day(start)), day(changed - 1))};
        m_.add_relation(person(former), person(c), std::move(before));
        start = changed;
      }
      const period current = start < 0 ? period() : from(day(start));
      m_.add_relation(person(boss), person(c), relation{relation_type::manages, current});
      // Membership of the manager's body starts no earlier than the body (a later-founded team).
      const std::int32_t founded = unit_start_[boss];
      relation member{relation_type::member_of, founded > std::max(start, 0) ? from(day(founded)) : current};
      member.role = "member";
      m_.add_relation(person(c), unit_[boss], std::move(member));
      if (rng_.percent(o_.temporary_percent)) {
        const std::size_t cover = rng_.percent(50) && boss != 0 ? manager_[boss] : peer_of(boss);
        if (cover == boss)
          continue;
        const std::size_t roll = rng_.below(100);
        const arrangement how = roll < 50   ? arrangement::acting
                                : roll < 85 ? arrangement::interim
                                            : arrangement::secondment;
        const std::int32_t begin = some_day();
        const std::int32_t end = begin + static_cast<std::int32_t>(rng_.between(30, 365));
        const period when = rng_.percent(20) || end >= days_ ? from(day(begin)) : period(day(begin), day(end));
        m_.add_relation(person(cover), person(c), relation{relation_type::manages, when, how});
      }
    }
  }

  std::size_t some_manager() {
    // Boards draw on the upper levels (1 to 3) when they exist.
    std::size_t top = std::min<std::size_t>(managers_by_level_.size(), 4);
    std::size_t total = 0;
    for (std::size_t l = 1; l < top; ++l)
      total += managers_by_level_[l].size();
    if (total == 0)
      return 0;
    std::size_t k = rng_.below(total);
    for (std::size_t l = 1; l < top; ++l) {
      if (k < managers_by_level_[l].size())
        return managers_by_level_[l][k];
      k -= managers_by_level_[l].size();
    }
    return 0;
  }

  // Seats on a body founded `founded` days into the window: none starts before the body.
  void add_members(vertex body, std::size_t count, std::int32_t founded = 0) {
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t who = some_manager();
      relation seat{relation_type::member_of};
      seat.role = k == 0 ? "chair" : k == 1 ? "vice-chair" : "member";
      seat.on_behalf_of = directorate_[who];
      seat.id = "seat-" + std::to_string(++seats_);
      const std::int32_t begin = some_day(founded);
      seat.when = rng_.percent(25) ? period(day(begin), day(begin + static_cast<std::int32_t>(rng_.between(90, 1500))))
                                   : from(day(begin));
      if (k == 0 && rng_.percent(20))
        seat.arrangement = arrangement::interim;
      m_.add_relation(person(who), body, std::move(seat));
    }
  }

  std::string next_decision_id() { return "decision-" + std::to_string(m_.decisions().size() + 1); }

  void add_boards_and_partnerships() {
    const std::size_t boards = std::clamp<std::size_t>(o_.persons / 5000, 2, 200);
    for (std::size_t b = 0; b < boards; ++b) {
      const vertex board =
          m_.add_organization("board-" + std::to_string(b + 1), "Board " + std::to_string(b + 1), "board", council_);
      boards_.push_back(board);
      m_.add_relation(board, council_, {relation_type::recommends_to});
      m_.add_relation(board, quadrants_[b % quadrants_.size()], {relation_type::covers});
      add_members(board, rng_.between(5, 15));
      // A matter the board recommends and the council decides.
      const std::int32_t when = some_day();
      decision rec{next_decision_id(),
                   "Matter " + std::to_string(b + 1),
                   board,
                   first_day_.plus_days(when),
                   outcome::recommended,
                   council_};
      const decision_index first = m_.add_decision(std::move(rec));
      const auto result = rng_.percent(70)   ? outcome::decided
                          : rng_.percent(50) ? outcome::deferred
                                             : outcome::rejected;
      m_.add_decision({next_decision_id(), "Matter " + std::to_string(b + 1), council_,
                       first_day_.plus_days(std::min(when + 30, days_ - 1)), result, no_vertex, first});
    }
    const std::size_t partnerships = std::clamp<std::size_t>(o_.persons / 10000, 2, 100);
    for (std::size_t p = 0; p < partnerships; ++p) {
      const std::int32_t founded = some_day() / 2;
      const vertex partnership =
          m_.add_organization("partnership-" + std::to_string(p + 1), "Partnership " + std::to_string(p + 1),
                              "partnership", no_vertex, from(day(founded)));
      m_.add_relation(partnership, council_, {relation_type::partners_with, from(day(founded))});
      const vertex board = boards_[p % boards_.size()];
      m_.add_relation(partnership, board, {relation_type::reports_to, from(day(founded))});
      for (std::size_t d = rng_.between(1, 3); d > 0; --d)
        m_.add_relation(partnership, districts_[rng_.below(districts_.size())], {relation_type::covers});
      add_members(partnership, rng_.between(4, 10), founded);
      // A route of three: the partnership recommends to its board, which recommends to the council.
      const std::int32_t when = some_day(founded);
      const decision_index a = m_.add_decision({next_decision_id(), "Local matter " + std::to_string(p + 1),
                                                partnership, first_day_.plus_days(when), outcome::recommended, board});
      const decision_index b =
          m_.add_decision({next_decision_id(), "Local matter " + std::to_string(p + 1), board,
                           first_day_.plus_days(std::min(when + 14, days_ - 1)), outcome::recommended, council_, a});
      m_.add_decision({next_decision_id(), "Local matter " + std::to_string(p + 1), council_,
                       first_day_.plus_days(std::min(when + 42, days_ - 1)), outcome::approved, no_vertex, b});
    }
  }

  generate_options o_;
  splitmix64 rng_;
  date first_day_;
  std::int32_t days_;
  model m_;

  std::vector<std::size_t> manager_, level_, first_report_, report_count_, unit_discipline_;
  std::vector<std::vector<std::size_t>> managers_by_level_;
  std::vector<vertex> unit_, directorate_, quadrants_, districts_, boards_;
  std::vector<std::int32_t> unit_start_;
  vertex council_ = no_vertex;
  vertex person_base_ = 0;
  std::size_t seats_ = 0;
};

} // namespace

model generate(const generate_options& options) { return builder(options).build(); }

} // namespace orgraph
