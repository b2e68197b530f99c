#include <orgraph/model/types.hpp>

#include <array>
#include <optional>
#include <string_view>

namespace orgraph {

namespace {

constexpr std::array<std::string_view, 4> kind_names{"person", "post", "organization", "area"};
constexpr std::array<std::string_view, 10> relation_names{
    "manages", "supervises",  "dotted_line_manages", "reports_to", "recommends_to",
    "covers",  "replaced_by", "partners_with",       "holds",      "member_of"};
constexpr std::array<std::string_view, 4> arrangement_names{"substantive", "acting", "interim", "secondment"};
constexpr std::array<std::string_view, 6> outcome_names{"recommended", "approved", "decided",
                                                        "noted",       "deferred", "rejected"};

template <class Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::string_view, N>& names, std::string_view s) noexcept {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s)
      return static_cast<Enum>(i);
  return std::nullopt;
}

} // namespace

std::string_view to_string(node_kind k) noexcept { return kind_names[static_cast<std::size_t>(k)]; }
std::string_view to_string(relation_type t) noexcept { return relation_names[static_cast<std::size_t>(t)]; }
std::string_view to_string(arrangement a) noexcept { return arrangement_names[static_cast<std::size_t>(a)]; }
std::string_view to_string(outcome o) noexcept { return outcome_names[static_cast<std::size_t>(o)]; }

std::optional<outcome> outcome_from_string(std::string_view s) noexcept { return lookup<outcome>(outcome_names, s); }
std::optional<relation_type> relation_type_from_string(std::string_view s) noexcept {
  return lookup<relation_type>(relation_names, s);
}
std::optional<arrangement> arrangement_from_string(std::string_view s) noexcept {
  return lookup<arrangement>(arrangement_names, s);
}

} // namespace orgraph
