// linear.fig1: Figure 1 of "On the dynamics of learning linear functions with neural networks" (l. 55-57,
// Section 1.3 and Appendix C): k = 2, v = [1, -1] fixed, population GD, a = e1, d = 100, mu = 0.1.
//   (a) small initialisation (1e-8 Xavier normal) -> the global optimum W* = [a, -a];
//   (b) initialisation near 1.5 a -> "the weights converge to a and 2a", a non-strict saddle
//       (App. C: w1 = (c+1) a, w2 = c a with c = 1);
//   (c) the landscape on w_i = alpha_i a: "The gradient vanishes around the alpha1 - alpha2 = 1 valley,
//       but the loss is greater than 0."
#pragma once

#include <cstddef>

#include "relucert/trainer/experiment.hpp"

namespace relucert::experiments {

struct LinearFig1Config {
    long d = 100;
    double mu = 0.1;
    double alpha_small = 1e-8;
    double noise_b = 1e-2;     // (b): w_i = 1.5 a + noise_b * Xavier normal
    std::size_t iterations = 600;
    std::size_t grid = 81;     // (c): grid x grid points on [-1, 3]^2
    static LinearFig1Config for_scale(trainer::Scale s);
};

struct LinearFig1Result {
    double a_final_dist = 0, a_final_loss = 0;              // (a)
    double b_err_w1_2a = 0, b_err_w2_a = 0, b_final_loss = 0, b_final_grad = 0, b_final_theta = 0;  // (b)
    double c_max_grad_on_valley = 0, c_min_loss_on_valley = 0, c_max_loss_on_valley = 0;  // (c)
    std::size_t c_valley_points = 0;
    double c_min_loss = 0, c_argmin_a1 = 0, c_argmin_a2 = 0;
    trainer::ExperimentReport report;
};
LinearFig1Result run_linear_fig1_detailed(const trainer::ExperimentContext& ctx, const LinearFig1Config& config);
trainer::ExperimentReport run_linear_fig1(const trainer::ExperimentContext& ctx);
const trainer::Experiment& linear_fig1_experiment();

}  // namespace relucert::experiments
