// The command line, parsed by CLI11 from each command's declarations; help and usage lines made from
// the same declarations; CLI11's errors told as the tool's one line.

#include "parser.hpp"

#include <orgraph/error.hpp>
#include <orgraph/time/date.hpp>

#include "output.hpp"
#include "suggest.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace orgraph::cli {

namespace {

constexpr const char* reading_group = "Reading files";
constexpr const char* output_group = "Output";
constexpr const char* name_option = "--name";

// ---- values, checked while parsing ----

CLI::Validator date_check() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        try {
          (void)orgraph::parse_date(text);
          return {};
        } catch (const orgraph::date_error&) {
          return bad_date_message(text);
        }
      },
      ""); // no description: it would be added to the value's name
}

CLI::Validator count_check(std::size_t max) {
  return CLI::Validator(
      [max](std::string& text) -> std::string {
        const bool digits = !text.empty() && text.size() <= 18 &&
                            std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (digits && std::stoull(text) >= 1 && std::stoull(text) <= max)
          return {};
        return "'" + text + "' is not a whole number from 1 to " + std::to_string(max);
      },
      "");
}

/// "a, b or c".
std::string one_of_text(const std::vector<std::string>& items) {
  std::string s;
  for (std::size_t i = 0; i < items.size(); ++i)
    s.append(i == 0 ? "" : i + 1 == items.size() ? " or " : ", ").append(items[i]);
  return s;
}

CLI::Validator choice_check(const std::vector<std::string>& choices, const std::string& noun) {
  return CLI::Validator(
      [choices, noun](std::string& text) -> std::string {
        if (std::find(choices.begin(), choices.end(), text) != choices.end())
          return {};
        const auto near = closest(text, choices);
        return "unknown " + noun + " '" + text + "'" +
               (near.empty() ? " (" + one_of_text(choices) + ")" : did_you_mean(near));
      },
      "");
}

// ---- how declarations read ----

/// "FILE" for an argument, "--on" for an option.
std::string name_of(const CLI::Option* o) { return o->get_positional() ? o->get_name(true) : o->get_name(); }

/// "--on DATE", "--json", "FILE".
std::string with_value(const CLI::Option* o) {
  if (o->get_positional() || o->get_expected_max() == 0)
    return name_of(o);
  return name_of(o) + " " + o->get_type_name();
}

bool repeatable(const CLI::Option* o) { return o->get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll; }

bool is_help(const CLI::Option* o) { return name_of(o) == "--help"; }

/// The App for a command, its declarations bound to `inv`.
void declare(const command& c, CLI::App& app, invocation& inv) {
  inv.command = std::string(c.name);
  app.name("orgraph " + std::string(c.name));
  app.description(std::string(c.summary));
  app.set_help_flag("-h,--help", "show this help");
  app.allow_extras(); // unknown options and extra arguments are told below, with suggestions
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  c.declare(app, inv);
}

std::string usage(const CLI::App& app, const invocation& inv) {
  std::string s = app.get_name().substr(std::string("orgraph ").size());
  for (const CLI::Option* o : app.get_options()) {
    if (!o->get_positional())
      continue;
    const bool plain = o->get_required() ||
                       std::find(inv.node_slots.begin(), inv.node_slots.end(), name_of(o)) != inv.node_slots.end();
    s += plain ? " " + name_of(o) : " [" + name_of(o) + "]";
  }
  for (const bool output : {false, true}) // the options of the answer's form last
    for (const CLI::Option* o : app.get_options()) {
      if (o->get_positional() || is_help(o) || o->get_group() == reading_group || name_of(o) == name_option ||
          (o->get_group() == output_group) != output)
        continue;
      s += o->get_required() ? " " + with_value(o) : " [" + with_value(o) + "]";
      if (repeatable(o))
        s += "...";
    }
  return s;
}

void print_help(std::ostream& out, const CLI::App& app, const invocation& inv) {
  out << "Usage: orgraph " << usage(app, inv) << "\n\n" << app.get_description() << '\n';
  // Each section lists the options `rank` gives a rank, in the order of the ranks (0 leaves one out).
  const auto section = [&](const char* title, auto rank) {
    table t({"NAME", "MEANING"});
    for (int r = 1; r <= 3; ++r)
      for (const CLI::Option* o : app.get_options())
        if (rank(o) == r)
          t.add_row({with_value(o) + (repeatable(o) ? "..." : ""), o->get_description()});
    if (t.empty())
      return;
    out << '\n' << title << ":\n";
    t.print(out, 2, false);
  };
  section("Arguments", [](const CLI::Option* o) { return o->get_positional() ? 1 : 0; });
  section("Options", [](const CLI::Option* o) { // the command's own, then the answer's form, then help
    if (o->get_positional() || o->get_group() == reading_group)
      return 0;
    return is_help(o) ? 3 : o->get_group() == output_group ? 2 : 1;
  });
  section(reading_group, [](const CLI::Option* o) { return o->get_group() == reading_group ? 1 : 0; });
}

// ---- errors, as the tool's one line ----

/// An unknown option or an extra argument, with the closest option names.
void check_remaining(const CLI::App& app) {
  bool after_dashes = false;
  for (const std::string& arg : app.remaining()) {
    if (arg == "--" && !after_dashes) {
      after_dashes = true;
      continue;
    }
    if (after_dashes || arg.size() < 2 || arg[0] != '-')
      throw usage_error("unexpected argument '" + arg + "'");
    const std::string name = arg.substr(0, arg.find('='));
    // Compared without their dashes, which every name has and which would make any two look alike.
    const auto bare = [](const std::string& n) { return n.substr(n.find_first_not_of('-')); };
    std::vector<std::string> names;
    for (const CLI::Option* o : app.get_options())
      if (!o->get_positional())
        names.push_back(bare(name_of(o)));
    std::vector<std::string> near =
        closest(name.find_first_not_of('-') == std::string::npos ? name : bare(name), names);
    for (auto& n : near)
      n.insert(0, "--");
    throw usage_error("unknown option '" + name + "'" + did_you_mean(near));
  }
}

/// Every node argument given: by id or by --name, no more and no fewer.
void check_node_slots(const invocation& inv) {
  std::size_t given = inv.names.size();
  for (const auto& id : inv.ids)
    given += id ? 1 : 0;
  if (given < inv.node_slots.size())
    throw usage_error("missing " + inv.node_slots[given] + " (or --name TEXT)");
  if (given > inv.node_slots.size())
    throw usage_error("--name: the ids and names given are more than the " + std::to_string(inv.node_slots.size()) +
                      " asked for");
}

const CLI::Option* find_option(const CLI::App& app, const std::string& name) {
  for (const CLI::Option* o : app.get_options())
    if (name_of(o) == name)
      return o;
  return nullptr;
}

std::string explain(const CLI::App& app, const CLI::ParseError& e) {
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    for (const CLI::Option* o : app.get_options())
      if (o->get_required() && o->count() == 0)
        return o->get_positional() ? "missing " + name_of(o) : name_of(o) + " is required: " + o->get_description();
  }
  if (dynamic_cast<const CLI::RequiresError*>(&e)) {
    for (const CLI::Option* o : app.get_options())
      for (const CLI::Option* n : o->get_needs())
        if (o->count() > 0 && n->count() == 0)
          return name_of(o) + " needs " + with_value(n) + " (" + n->get_description() + ")";
  }
  if (dynamic_cast<const CLI::ExcludesError*>(&e)) {
    for (const CLI::Option* o : app.get_options())
      for (const CLI::Option* x : o->get_excludes())
        if (o->count() > 0 && x->count() > 0)
          return name_of(o) + " cannot go with " + name_of(x);
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
    const std::string what = e.what();
    if (const CLI::Option* o = find_option(app, what.substr(0, what.find(':'))))
      return name_of(o) + " needs a value (" + o->get_type_name() + ")";
  }
  return e.what();
}

} // namespace

// ---- declarations ----

CLI::Option* add_argument(CLI::App& app, const std::string& name, std::string& into, const std::string& help) {
  return app.add_option(name, into, help)->required();
}

CLI::Option* add_optional_argument(CLI::App& app, const std::string& name, std::string& into, const std::string& help) {
  return app.add_option(name, into, help);
}

void add_file(CLI::App& app, invocation& inv, const std::string& name) {
  add_argument(app, name, inv.file, "the organisation: orgraph JSON, CSV or an archive (docs/cli.md)");
  add_texts(app, "--also", inv.also, "FILE", "another file loaded into the same model, such as a junior organogram")
      ->group(reading_group);
  add_text(app, "--mapping", inv.mapping, "FILE", "for CSV input: the file naming which column is which (docs/cli.md)")
      ->group(reading_group);
  add_flag(app, "--lenient", inv.lenient,
           "skip bad records, each one a warning on stderr, instead of refusing the file")
      ->group(reading_group);
}

void add_nodes(CLI::App& app, invocation& inv, const std::vector<std::string>& names, const std::string& help) {
  for (std::size_t i = 0; i < names.size() && i < inv.ids.size(); ++i) {
    app.add_option(names[i], inv.ids[i], help);
    inv.node_slots.push_back(names[i]);
  }
  add_texts(app, name_option, inv.names, "TEXT",
            names.size() == 1 ? "instead of " + names[0] + ": a unique piece of its name or id, any case and accents"
                              : "instead of an id: a unique piece of a name or id; one for each id left out, in order");
}

CLI::Option* add_on(CLI::App& app, invocation& inv, const std::string& help) {
  inv.takes_on = true;
  return add_date(app, "--on", inv.on_text, help);
}

std::pair<CLI::Option*, CLI::Option*> add_output(CLI::App& app, invocation& inv, bool csv) {
  CLI::Option* json = add_flag(app, "--json", inv.json, "print JSON instead of a table")->group(output_group);
  CLI::Option* as_csv = csv ? add_flag(app, "--csv", inv.csv, "print the table as CSV")->group(output_group) : nullptr;
  if (as_csv)
    excludes(json, as_csv);
  return {json, as_csv};
}

CLI::Option* add_flag(CLI::App& app, const std::string& name, bool& into, const std::string& help) {
  return app.add_flag(name, into, help);
}

CLI::Option* add_text(CLI::App& app, const std::string& name, std::optional<std::string>& into,
                      const std::string& value_name, const std::string& help) {
  return app.add_option(name, into, help)->type_name(value_name);
}

CLI::Option* add_texts(CLI::App& app, const std::string& name, std::vector<std::string>& into,
                       const std::string& value_name, const std::string& help) {
  // One value each time it is given, every value kept: "--pair A:B FILE" leaves FILE an argument.
  return app.add_option(name, into, help)
      ->type_name(value_name)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

CLI::Option* add_choice(CLI::App& app, const std::string& name, std::optional<std::string>& into,
                        const std::vector<std::string>& choices, const std::string& value_name,
                        const std::string& help) {
  std::string noun = value_name;
  std::transform(noun.begin(), noun.end(), noun.begin(), [](unsigned char c) { return std::tolower(c); });
  return add_text(app, name, into, value_name, help + ": " + one_of_text(choices))->check(choice_check(choices, noun));
}

CLI::Option* add_date(CLI::App& app, const std::string& name, std::optional<std::string>& into,
                      const std::string& help) {
  return add_text(app, name, into, "DATE", help)->check(date_check());
}

CLI::Option* add_count(CLI::App& app, const std::string& name, std::optional<std::size_t>& into,
                       const std::string& value_name, const std::string& help, std::size_t max) {
  return app.add_option(name, into, help)->type_name(value_name)->check(count_check(max));
}

void required(CLI::Option* option) { option->required(); }
void needs(CLI::Option* option, CLI::Option* other) { option->needs(other); }
void excludes(CLI::Option* option, CLI::Option* other) { option->excludes(other); }

void one_of(CLI::App& app, CLI::Option* a, CLI::Option* b, const std::string& neither, const std::string& both) {
  app.final_callback([a, b, neither, both] {
    if (a->count() == 0 && b->count() == 0)
      throw CLI::ValidationError(neither);
    if (a->count() > 0 && b->count() > 0)
      throw CLI::ValidationError(both);
  });
}

// ---- parsing and help ----

std::string usage_of(const command& c) {
  invocation inv;
  CLI::App app;
  declare(c, app, inv);
  return usage(app, inv);
}

void print_command_help(std::ostream& out, const command& c) {
  invocation inv;
  CLI::App app;
  declare(c, app, inv);
  print_help(out, app, inv);
}

bool parse_command_line(const command& c, const std::vector<std::string>& args, invocation& inv, std::ostream& out) {
  CLI::App app;
  declare(c, app, inv);
  std::vector<std::string> reversed(args.rbegin(), args.rend()); // CLI11 takes them last first
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    print_help(out, app, inv);
    return false;
  } catch (const CLI::ParseError& e) {
    check_remaining(app); // an unknown option is the first thing to say
    throw usage_error(explain(app, e));
  }
  check_remaining(app);
  check_node_slots(inv);
  return true;
}

} // namespace orgraph::cli
