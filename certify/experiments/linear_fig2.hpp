// linear.fig2: Section 4.1 / Figure 2 (l. 121-130) of the linear paper: k = 4 (and other k > 2), v fixed
// half +1 / half -1, population GD from small initialisation (1e-8 Xavier normal), d = 100, mu = 0.1,
// a = e1. Paper: no individual w_i aligns with +-a, but the sum of the units of each sign "recovers +-a
// exactly"; "consistent" for other k > 2.
#pragma once

#include <cstddef>
#include <vector>

#include "relucert/trainer/experiment.hpp"

namespace relucert::experiments {

struct LinearFig2Config {
    long d = 100;
    double mu = 0.1, alpha = 1e-8;
    std::size_t iterations = 3000;
    std::vector<long> ks = {4, 6, 8, 10};
    static LinearFig2Config for_scale(trainer::Scale s);
};

struct LinearFig2Row {
    long k = 0;
    double final_loss = 0;
    double group_sum_error = 0;   // max(|sum_{v>0} w_i - a|, |sum_{v<0} w_i + a|)
    double min_unit_distance = 0; // min_i |w_i - sgn(v_i) a|
    double max_unit_angle = 0;    // max_i angle(w_i, sgn(v_i) a)
};
std::vector<LinearFig2Row> linear_fig2_rows(const LinearFig2Config& c, std::uint64_t seed);
trainer::ExperimentReport run_linear_fig2(const trainer::ExperimentContext& ctx);
const trainer::Experiment& linear_fig2_experiment();

}  // namespace relucert::experiments
