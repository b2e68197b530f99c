#include <orgraph/detail/checks.hpp>
#include <orgraph/model/model.hpp>

namespace orgraph::detail {

void check_governance(const model&, date, const validation_options&, validation_report&) {}

} // namespace orgraph::detail
