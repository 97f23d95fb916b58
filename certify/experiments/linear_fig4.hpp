// linear.fig4: Section 4.3 / Figure 4 (l. 172-198) of the linear paper: r = 1, k = 2, v = [v1, -v2] with
// v1 = 100, v2 = 1 fixed, W0 = 0.01 Xavier normal, population loss, a = e1. Plain GD against the scaled
// step; each with the mu that reaches loss < 1e-5 in the fewest iterations. Paper: unscaled "about 10^4
// iterations", scaled "only 3".
//
// The paper states the scaling twice, differently: Theorems 1-2 use mu diag(v)^-2 (mu / v_i^2 on unit i),
// the text of Section 4.3 "mu_i = mu / v_i". Both are run.
#pragma once

#include <cstddef>
#include <vector>

#include "relucert/trainer/experiment.hpp"

namespace relucert::experiments {

struct LinearFig4Config {
    long d = 100;
    double v1 = 100, v2 = 1, alpha = 0.01, target_loss = 1e-5;
    std::size_t max_iterations = 200000;
    int grid_per_decade = 8;
    double mu_lo = 1e-6, mu_hi = 10;
    int refine_points = 24;
    static LinearFig4Config for_scale(trainer::Scale s);
};

struct StepSearchResult {
    int scaling = 0;             // 0 none, 1 diag(v)^-2, 2 1/|v_i|
    double best_mu = 0;
    std::size_t best_iterations = 0;  // iterations to loss < target (max_iterations + 1: never)
    std::size_t runs = 0;
    std::vector<double> loss_curve;   // with the best mu
};
// Iterations to reach the target from W0 with step mu (max + 1 if not within `cap`, or diverged).
std::size_t linear_fig4_iterations(const LinearFig4Config& c, std::uint64_t seed, int scaling, double mu, std::size_t cap,
                                   std::vector<double>* curve = nullptr);
StepSearchResult linear_fig4_search(const LinearFig4Config& c, std::uint64_t seed, int scaling);

trainer::ExperimentReport run_linear_fig4(const trainer::ExperimentContext& ctx);
const trainer::Experiment& linear_fig4_experiment();

}  // namespace relucert::experiments
