// Small statistics for Monte Carlo checks of probabilistic claims (claims of kind (d): "with probability
// at least 1 - C e^{-c d}"): binomial proportions with Wilson score intervals.
#pragma once

#include <cstddef>

namespace relucert::trainer {

struct ProportionEstimate {
    std::size_t successes = 0, trials = 0;
    double estimate = 0.0;    // successes / trials
    double lower = 0.0, upper = 1.0;  // Wilson score interval at the requested z
};

// Wilson score interval (Wilson 1927; Agresti & Coull 1998) for a binomial proportion:
//   centre = (p + z^2/(2n)) / (1 + z^2/n),  half = z sqrt(p(1-p)/n + z^2/(4n^2)) / (1 + z^2/n).
// Unlike the normal (Wald) interval it is never empty or outside [0, 1], and has close to nominal
// coverage also at p near 0 or 1, where these checks live. z = 1.959963984540054 gives 95%.
// Throws TrainerError for trials = 0, successes > trials, or z not finite and > 0.
ProportionEstimate wilson_interval(std::size_t successes, std::size_t trials, double z = 1.959963984540054);

}  // namespace relucert::trainer
