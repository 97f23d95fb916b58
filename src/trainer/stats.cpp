#include "relucert/trainer/stats.hpp"

#include <algorithm>
#include <cmath>

#include "relucert/trainer/network.hpp"

namespace relucert::trainer {

ProportionEstimate wilson_interval(std::size_t successes, std::size_t trials, double z) {
    if (trials == 0) throw TrainerError("wilson_interval: need at least one trial");
    if (successes > trials) throw TrainerError("wilson_interval: more successes than trials");
    if (!(z > 0) || !std::isfinite(z)) throw TrainerError("wilson_interval: z must be finite and > 0");
    const double n = static_cast<double>(trials), p = static_cast<double>(successes) / n, z2 = z * z;
    const double denom = 1.0 + z2 / n;
    const double centre = (p + z2 / (2 * n)) / denom;
    const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
    ProportionEstimate e;
    e.successes = successes;
    e.trials = trials;
    e.estimate = p;
    // At p = 0 (p = 1) the lower (upper) end is exactly 0 (1); clamp away rounding.
    e.lower = successes == 0 ? 0.0 : std::clamp(centre - half, 0.0, 1.0);
    e.upper = successes == trials ? 1.0 : std::clamp(centre + half, 0.0, 1.0);
    return e;
}

}  // namespace relucert::trainer
