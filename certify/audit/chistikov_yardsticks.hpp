// chistikov.prop2's checks with a variant, so that the tests can run them on a mutated closed form.
#pragma once

#include <vector>

#include "audit/chistikov_common.hpp"

namespace relucert::audit::chistikov {

// The datasets the yardstick checks use: T8-A, T8-B, two Sec. 8 sets at d = 4 inside the pi/4 setting,
// one centred Sec. 8 set at d = 16 (outside it: the closed form does not need the setting).
std::vector<TrainingSet> yardstick_sets();
std::vector<CheckResult> prop2_checks(const AuditContext& ctx, YardstickVariant variant);

}  // namespace relucert::audit::chistikov
