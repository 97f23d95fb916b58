// Experiments of Chistikov, Englert & Lazic (NeurIPS 2023): chistikov.thm8 (GD on the Theorem 8
// datasets against the certified norms), chistikov.fig1 (maximum angle between active neurons at the
// end of training vs lambda, Sec. 8 Figure 1) and chistikov.fig2 (training and out-of-distribution
// test loss, Figure 2). Gradient flow is approximated by GD; the step-halving check reruns one setting
// with half the step and twice the iterations.
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <functional>
#include <vector>

#include "relucert/trainer/experiment.hpp"
#include "relucert/trainer/network.hpp"

namespace relucert::experiments {

struct ChistikovRun {
    trainer::Network final;
    std::vector<double> iterations, losses;  // recorded on a log-spaced grid of iterations
    std::size_t iterations_run = 0;
    double final_loss = 0;
    double max_active_angle = 0;
    double max_balance_drift = 0;            // max_j |(a_j^2 - |w_j|^2)_end - (...)_0|
};

struct ChistikovTrainOptions {
    Eigen::Index width = 200;
    double lambda = 1e-2;
    double step = 0.01;
    std::size_t max_iterations = 200000;
    double loss_target = 1e-9;
    std::uint64_t seed = 1;
    // Called at every iteration t (before the update) with the iterate, its gradient and its loss; may
    // be empty. For measurements along the trajectory (crossing times, PL ratios, balancedness).
    std::function<void(std::size_t t, const trainer::Network& theta, const trainer::Network& grad, double loss)> observe;
};

// GD on the empirical square loss from the balanced initialisation z_j ~ N(0, I/(dm)), s_j ~ U{+-1}.
// X: d x n, y: n.
ChistikovRun train_balanced(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const ChistikovTrainOptions& o,
                            const Eigen::MatrixXd* test_X = nullptr, const Eigen::VectorXd* test_y = nullptr,
                            std::vector<double>* test_losses = nullptr);

// Rate of exponential decay of the loss per unit time (time = iterations * step), fitted on the
// recorded points with loss in [1e-10, 1e-4] (the final phase); NaN with fewer than 3 such points.
double final_phase_rate(const ChistikovRun& r, double step);

// Least-squares slope of log(y) against log(x) (points with y > 0 only; NaN with fewer than 2).
double loglog_slope(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace relucert::experiments
