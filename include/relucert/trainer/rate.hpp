// Reading dynamics claims off a recorded series: "decreases at a linear rate" (geometric decay
// q_t ~ C rho^t) and "monotonically decreasing".
#pragma once

#include <cstddef>
#include <span>

namespace relucert::trainer {

struct LinearRateFit {
    double rate = 0.0;       // rho = exp(slope) of the least-squares line through (t, log q_t)
    double r_squared = 0.0;  // of that fit: 1 = exactly geometric
    double max_ratio = 0.0;  // max_t q_{t+1} / q_t over the window (a worst-case per-step rate)
    std::size_t first = 0, last = 0;  // window [first, last)
};

// Fits over [first, last); needs at least 3 points, all > 0 (throws TrainerError otherwise).
LinearRateFit fit_linear_rate(std::span<const double> q, std::size_t first, std::size_t last);

// The end of the window in which q stays above floor: the first t >= first with q_t <= floor, or q.size().
std::size_t first_at_or_below(std::span<const double> q, std::size_t first, double floor);

// Number of t in [first, last - 1) with q_{t+1} > q_t (strict increases: monotonicity violations).
std::size_t count_increases(std::span<const double> q, std::size_t first, std::size_t last);

}  // namespace relucert::trainer
