// find_nodes() and the folding it compares texts by: lower case, Latin accents removed.

#include <orgraph/query/find.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace orgraph {

namespace {

// Base letters of U+00C0..U+00FF and U+0100..U+017F, lower case. '*' marks a letter that folds to
// two ("ae", "th", "ss", "ij", "oe", below); '=' one kept as it is (the signs × and ÷).
constexpr std::string_view latin1 = "aaaaaa*ceeeeiiii"
                                    "dnooooo=ouuuuy**"
                                    "aaaaaa*ceeeeiiii"
                                    "dnooooo=ouuuuy*y";
constexpr std::string_view latin_a = "aaaaaaccccccccdd"
                                     "ddeeeeeeeeeegggg"
                                     "gggghhhhiiiiiiii"
                                     "ii**jjkkklllllll"
                                     "lllnnnnnnnnnoooo"
                                     "oo**rrrrrrssssss"
                                     "ssttttttuuuuuuuu"
                                     "uuuuwwyyyzzzzzzs";
static_assert(latin1.size() == 0x40 && latin_a.size() == 0x80, "one letter for each code point");

/// The letters one of the '*' code points folds to.
std::string_view two_letters(std::uint32_t cp) {
  switch (cp) {
  case 0xC6:
  case 0xE6: return "ae";
  case 0xDE:
  case 0xFE: return "th";
  case 0xDF: return "ss";
  case 0x132:
  case 0x133: return "ij";
  case 0x152:
  case 0x153: return "oe";
  default: return {};
  }
}

/// Decodes one well-formed UTF-8 sequence at `i`: its code point and length, or length 0.
std::pair<std::uint32_t, std::size_t> decode(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  const auto cont = [&](std::size_t k) { return (byte(k) & 0xC0u) == 0x80u; };
  const unsigned c = byte(i);
  if (c >= 0xC2 && c <= 0xDF && cont(i + 1))
    return {((c & 0x1Fu) << 6) | (byte(i + 1) & 0x3Fu), 2};
  if (c >= 0xE0 && c <= 0xEF && cont(i + 1) && cont(i + 2))
    return {((c & 0x0Fu) << 12) | ((byte(i + 1) & 0x3Fu) << 6) | (byte(i + 2) & 0x3Fu), 3};
  if (c >= 0xF0 && c <= 0xF4 && cont(i + 1) && cont(i + 2) && cont(i + 3))
    return {((c & 0x07u) << 18) | ((byte(i + 1) & 0x3Fu) << 12) | ((byte(i + 2) & 0x3Fu) << 6) | (byte(i + 3) & 0x3Fu),
            4};
  return {0, 0};
}

/// What a non-ASCII code point folds to, or null to keep it.
std::string_view folded(std::uint32_t cp, char& one) {
  char base = 0;
  if (cp >= 0xC0 && cp <= 0xFF)
    base = latin1[cp - 0xC0];
  else if (cp >= 0x100 && cp <= 0x17F)
    base = latin_a[cp - 0x100];
  if (base == '*')
    return two_letters(cp);
  if (base != 0 && base != '=') {
    one = base;
    return {&one, 1};
  }
  if (cp >= 0x300 && cp <= 0x36F) // combining accents, as decomposed text carries them
    return std::string_view("", 0);
  if (cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0x2032)
    return "'";
  if (cp == 0x201C || cp == 0x201D)
    return "\"";
  if (cp >= 0x2010 && cp <= 0x2015)
    return "-";
  if (cp == 0xA0)
    return " ";
  return std::string_view(nullptr, 0);
}

bool wanted(const model& m, vertex v, const find_options& options) {
  return options.kinds.empty() ||
         std::find(options.kinds.begin(), options.kinds.end(), m.kind(v)) != options.kinds.end();
}

} // namespace

std::string search_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      ++i;
      continue;
    }
    const auto [cp, length] = decode(text, i);
    if (length == 0) { // not UTF-8: kept, byte by byte
      out += text[i++];
      continue;
    }
    char one = 0;
    const std::string_view f = folded(cp, one);
    if (f.data() == nullptr)
      out.append(text.substr(i, length));
    else
      out.append(f);
    i += length;
  }
  return out;
}

std::vector<node_match> find_nodes(const model& m, std::string_view text, const find_options& options) {
  const std::string wanted_text = search_text(text);
  std::vector<node_match> out;
  for (vertex v = 0; v < m.node_count(); ++v) {
    if (!wanted(m, v, options))
      continue;
    const std::string id = search_text(m.id(v));
    const std::string name = search_text(m.name(v));
    if (id == wanted_text || name == wanted_text)
      out.push_back({v, true});
    else if (id.find(wanted_text) != std::string::npos || name.find(wanted_text) != std::string::npos)
      out.push_back({v, false});
  }
  return out;
}

} // namespace orgraph
