#include <orgraph/io/json.hpp>
// implementation follows
namespace orgraph {
model parse_json(std::string_view, std::string_view) { return {}; }
model load_json(const std::filesystem::path&) { return {}; }
std::string to_json(const model&) { return {}; }
void save_json(const model&, const std::filesystem::path&) {}
}
