// linear.fig9: Appendix G.2 / Figure 9 (l. 1379-1388) of the linear paper, lazy vs rich regime: empirical
// loss (1), d = 100, n = 1000, mu = 0.001, alpha = 1 ("default PyTorch initialization": Xavier normal),
// k in {2, 6, 100}, v half +1 / half -1 fixed, GD until the training loss is below 1e-4. Paper: test
// (population) loss ~ 2e-4 (k = 2), ~ 11e-4 (k = 6), ~ 4 (k = 100); k = 2 recovers +-a, k = 6 approximately
// aligns, k = 100 barely moves.
#pragma once

#include <cstddef>
#include <vector>

#include "relucert/trainer/experiment.hpp"

namespace relucert::experiments {

struct LinearFig9Config {
    long d = 100, n = 1000;
    double mu = 0.001, alpha = 1.0, target_train_loss = 1e-4;
    std::vector<long> ks = {2, 6, 100};
    std::vector<double> paper_test_loss = {2e-4, 11e-4, 4.0};
    std::vector<std::size_t> max_iterations = {400000, 400000, 40000};
    static LinearFig9Config for_scale(trainer::Scale s);
};

struct LinearFig9Row {
    long k = 0;
    std::size_t iterations = 0;
    bool reached = false;
    double train_loss = 0, test_loss = 0, initial_test_loss = 0;
    double relative_movement = 0;  // |W_T - W_0|_F / |W_0|_F
    double group_sum_error = 0;    // max(|sum_{v>0} w_i - a|, |sum_{v<0} w_i + a|)
};
std::vector<LinearFig9Row> linear_fig9_rows(const LinearFig9Config& c, std::uint64_t seed);
trainer::ExperimentReport run_linear_fig9(const trainer::ExperimentContext& ctx);
const trainer::Experiment& linear_fig9_experiment();

}  // namespace relucert::experiments
