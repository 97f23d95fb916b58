// Initialisations as the papers state them.
#pragma once

#include <Eigen/Core>

#include "relucert/trainer/network.hpp"
#include "relucert/trainer/rng.hpp"

namespace relucert::trainer::init {

// All entries 0 (Soltanolkotabi 2017: PGD "initialized at 0").
Eigen::MatrixXd zeros(Eigen::Index rows, Eigen::Index cols);
// i.i.d. N(0, sigma^2) (linear paper Theorem 2: w_i ~ N(0, sigma_i^2 I_d)).
Eigen::MatrixXd gaussian(Eigen::Index rows, Eigen::Index cols, double sigma, Rng& rng);
// Xavier normal times alpha (linear paper Section 4): for a rows x cols matrix, entries
// N(0, 2 / (rows + cols)) (PyTorch's xavier_normal_ with gain 1: fan_in = cols, fan_out = rows), then
// multiplied by alpha (1e-8 "small", 1 otherwise).
Eigen::MatrixXd xavier_normal(Eigen::Index rows, Eigen::Index cols, double alpha, Rng& rng);
// i.i.d. U([lo, hi]) entries (Vardi, Yehudai & Shamir Theorem 3.1: U([-1, 1]) for every coordinate).
Eigen::MatrixXd uniform(Eigen::Index rows, Eigen::Index cols, double lo, double hi, Rng& rng);

// Balanced two-layer initialisation (Chistikov, Englert & Lazic): w_j = lambda z_j, a_j = s_j |w_j|,
// with z_j the rows of Z (non-zero) and signs s_j = +-1. Returns a network with V = a (r = 1), no bias.
Network balanced(const Eigen::MatrixXd& Z, const Eigen::VectorXd& signs, double lambda);

}  // namespace relucert::trainer::init
