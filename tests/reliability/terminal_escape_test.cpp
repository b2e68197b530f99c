// Ids, names, file names and arguments reach the terminal escaped (docs/reliability.md, "Output that
// cannot steer a terminal"): a file with hostile ids and names (ESC/CSI, OSC titles and hyperlinks,
// BEL, CR, a newline that would forge a table row, NUL, DEL, C1 controls, right-to-left overrides,
// broken UTF-8 in arguments) goes through tables, headlines and error lines, while --json keeps
// what it always wrote.

#include "process_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace orgraph::test;
namespace fs = std::filesystem;

namespace {

#if defined(ORGRAPH_CLI)

// The hostile file, written as JSON escapes so that this source stays plain.
const char* const hostile_json = R"({
  "organizations": [
    {"id": "board\u001b[5m", "name": "Board \u202eevil\u202c \u009d0;title\u009c"}
  ],
  "persons": [
    {"id": "boss", "name": "The Boss"},
    {"id": "esc\u001b[31mred", "name": "osc\u001b]0;pwned\u0007title"},
    {"id": "cr\rforged", "name": "bell\u0007"},
    {"id": "nl\nforged  row  person", "name": "two\nlines"},
    {"id": "rlo\u202egnp.exe", "name": "bidi\u2066x\u2069 \u200f \u061c"},
    {"id": "c1\u009b31m", "name": "link \u001b]8;;http://evil.example/\u001b\\click\u001b]8;;\u001b\\"},
    {"id": "del\u007f", "name": "tab\tnull\u0000end"},
    {"id": "ls\u2028ps\u2029", "name": "Zoë Ünal 漢字 — fine"}
  ],
  "memberships": [
    {"person_id": "boss", "organization_id": "board\u001b[5m", "role": "Chair\u001b[8m"}
  ],
  "relations": [
    {"type": "manages", "from": "boss", "to": "esc\u001b[31mred"},
    {"type": "manages", "from": "boss", "to": "cr\rforged"},
    {"type": "manages", "from": "boss", "to": "nl\nforged  row  person"},
    {"type": "manages", "from": "boss", "to": "rlo\u202egnp.exe"},
    {"type": "manages", "from": "boss", "to": "c1\u009b31m"},
    {"type": "manages", "from": "boss", "to": "del\u007f"},
    {"type": "manages", "from": "boss", "to": "ls\u2028ps\u2029"}
  ]
}
)";

// What a terminal would act on, found by decoding UTF-8 here (independently of the tool's escaping):
// a C0 control other than the line ends the tool writes, DEL, a C1 control, a bidirectional control,
// a line or paragraph separator, or a byte of broken UTF-8. Empty if the text is safe.
std::string first_unsafe(const std::string& text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || (c >= 0x20 && c < 0x7F)) {
      ++i;
      continue;
    }
    if (c < 0x20 || c == 0x7F)
      return "control byte " + std::to_string(c) + " at " + std::to_string(i);
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (n == 0 || c > 0xF4 || i + n > text.size())
      return "broken UTF-8 at " + std::to_string(i);
    unsigned long cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < n; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      if ((b & 0xC0) != 0x80)
        return "broken UTF-8 at " + std::to_string(i);
      cp = (cp << 6) | (b & 0x3F);
    }
    if ((cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
        (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029 || (cp >= 0xD800 && cp <= 0xDFFF))
      return "code point " + std::to_string(cp) + " at " + std::to_string(i);
    i += n;
  }
  return {};
}

std::size_t lines_in(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

class TerminalEscapes : public ::testing::Test {
protected:
  void SetUp() override { put_file(file_, hostile_json); }
  scratch_dir dir_{"escapes"};
  fs::path file_ = dir_ / "hostile.json";
};

TEST_F(TerminalEscapes, TableRowsShowEveryControlEscapedAndCannotBeForged) {
  const run_result r = run_cli({"reports", file_.string(), "boss", "--on", "2020-01-01"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(first_unsafe(r.out), "") << r.out;
  EXPECT_EQ(lines_in(r.out), 2u + 7u) << "a headline, the header row and one row per report:\n" << r.out;
  for (const char* shown :
       {"esc\\x1b[31mred", "osc\\x1b]0;pwned\\x07title", "cr\\x0dforged", "bell\\x07", "nl\\x0aforged  row  person",
        "two\\x0alines", "rlo\\u202egnp.exe", "bidi\\u2066x\\u2069 \\u200f \\u061c", "c1\\u009b31m",
        "link \\x1b]8;;http://evil.example/\\x1b\\click\\x1b]8;;\\x1b\\", "del\\x7f", "tab\\x09null\\x00end",
        "ls\\u2028ps\\u2029"})
    EXPECT_TRUE(has(r.out, shown)) << shown << " missing from\n" << r.out;
  EXPECT_TRUE(has(r.out, "Zoë Ünal 漢字 — fine")) << "text that is not hostile stays as it is";
}

TEST_F(TerminalEscapes, HeadlinesAndOtherCommandsEscapeToo) {
  const run_result chain = run_cli({"chain", file_.string(), "rlo\xE2\x80\xAEgnp.exe", "--on", "2020-01-01"});
  ASSERT_EQ(chain.code, 0) << chain.err;
  EXPECT_EQ(first_unsafe(chain.out), "") << chain.out;
  EXPECT_TRUE(has(chain.out, "Management chain of rlo\\u202egnp.exe (bidi\\u2066x\\u2069 \\u200f \\u061c) on"))
      << chain.out;
  const run_result members = run_cli({"members", file_.string(), "board\x1b[5m", "--on", "2020-01-01"});
  ASSERT_EQ(members.code, 0) << members.err;
  EXPECT_EQ(first_unsafe(members.out), "") << members.out;
  EXPECT_TRUE(has(members.out, "board\\x1b[5m (Board \\u202eevil\\u202c \\u009d0;title\\u009c)")) << members.out;
  EXPECT_TRUE(has(members.out, "Chair\\x1b[8m")) << members.out;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"validate", file_.string(), "--on", "2020-01-01"},
        std::vector<std::string>{"stats", file_.string(), "--on", "2020-01-01"},
        std::vector<std::string>{"bodies", file_.string(), "boss", "--on", "2020-01-01"}}) {
    const run_result r = run_cli(args);
    EXPECT_LE(r.code, 1) << args[0] << ": " << r.err;
    EXPECT_EQ(first_unsafe(r.out), "") << args[0] << ":\n" << r.out;
  }
  // A file name is shown escaped as well.
  const fs::path odd = dir_ / "odd\x1b]0;title\x07name.json";
  put_file(odd, hostile_json);
  const run_result stats = run_cli({"stats", odd.string(), "--on", "2020-01-01"});
  ASSERT_EQ(stats.code, 0) << stats.err;
  EXPECT_EQ(first_unsafe(stats.out), "");
  EXPECT_TRUE(has(stats.out, "Statistics of " + (dir_ / "odd\\x1b]0;title\\x07name.json").string())) << stats.out;
}

TEST_F(TerminalEscapes, TheErrorLineIsOneEscapedLine) {
  const auto one_escaped_line = [](const run_result& r, const std::string& expected) {
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(first_unsafe(r.err), "") << r.err;
    EXPECT_EQ(lines_in(r.err), 1u) << r.err;
    EXPECT_EQ(r.err, expected);
  };
  one_escaped_line(run_cli({"chain", file_.string(), "evil\x1b]0;title\x07\nforged line"}),
                   "orgraph: " + file_.string() + ": unknown id 'evil\\x1b]0;title\\x07\\x0aforged line'\n");
  one_escaped_line(run_cli({"chain", file_.string(), "\xff\xfe\xc3 and \xe2\x80\xae"}),
                   "orgraph: " + file_.string() + ": unknown id '\\xff\\xfe\\xc3 and \\u202e'\n");
  one_escaped_line(run_cli({"chain", (dir_ / "\x1b[2Jgone.json").string(), "x"}),
                   "orgraph: " + (dir_ / "\\x1b[2Jgone.json").string() +
                       ": cannot open for reading: No such file or directory\n");
  one_escaped_line(run_cli({"frob\x9b"
                            "31m"}),
                   "orgraph: unknown command 'frob\\x9b31m' (run 'orgraph help' for the list)\n");
}

TEST_F(TerminalEscapes, JsonOutputIsLeftAsItWas) {
  const run_result r = run_cli({"reports", file_.string(), "boss", "--on", "2020-01-01", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  // JSON's own escapes for what JSON must escape, the rest as it is: no printable() here.
  EXPECT_TRUE(has(r.out, "\"id\": \"esc\\u001b[31mred\"")) << r.out;
  EXPECT_TRUE(has(r.out, "\"id\": \"nl\\nforged  row  person\"")) << r.out;
  EXPECT_TRUE(has(r.out, "\"id\": \"cr\\rforged\"")) << r.out;
  EXPECT_TRUE(has(r.out, "\"id\": \"rlo\xE2\x80\xAEgnp.exe\"")) << r.out;
  EXPECT_TRUE(has(r.out, "\"id\": \"c1\xC2\x9B"
                         "31m\""))
      << r.out;
  EXPECT_TRUE(has(r.out, "\"name\": \"tab\\tnull\\u0000end\"")) << r.out;
  EXPECT_FALSE(has(r.out, "\\x1b")) << r.out;
}

#endif

} // namespace
