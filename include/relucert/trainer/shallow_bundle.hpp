// Quantities of a width-m one-hidden-layer ReLU network h(x) = sum_j a_j relu(w_j' x) trained on both
// layers (Network with r = 1, no bias, Trainable{hidden, no bias, outer}; the loss is EmpiricalLoss,
// (1/2n) sum_i (y_i - h(x_i))^2, Chistikov, Englert & Lazic Sec. 2), as the paper talks about them:
// balancedness defects, active neurons, the angles in the bundle, the predictor v = sum_j a_j w_j,
// and the two data-generation schemes of Sec. 8.
#pragma once

#include <Eigen/Dense>
#include <vector>

#include "relucert/trainer/network.hpp"
#include "relucert/trainer/rng.hpp"

namespace relucert::trainer {

// a_j^2 - |w_j|^2 for every unit (Sec. 2 l. 73: constant along gradient flow). Needs r = 1.
Eigen::VectorXd balancedness_defects(const Network& net);

// Units j with w_j' x_i > 0 for some column x_i of X ("active hidden neurons", Sec. 8 Figure 1).
std::vector<Eigen::Index> active_units(const Network& net, const Eigen::MatrixXd& X);

// The largest angle between two active units (0 if fewer than two are active), Kahan's formula.
// Units with |w_j| <= relative_floor * max_k |w_k| are left out: a negative-sign unit that GD has
// shrunk to ~lambda |z_j| but not yet turned fully out of the data (Lemma 4 deactivates it in the
// flow; GD at a finite iteration count may leave it barely active) contributes nothing to h but
// would dominate the maximum angle. relative_floor = 0 counts every active unit.
double max_active_angle(const Network& net, const Eigen::MatrixXd& X, double relative_floor = 0.0);

// The bundle vector sum_j a_j w_j over units with a_j > 0 that are active (Sec. 5 l. 214: v^t).
Eigen::VectorXd bundle_vector(const Network& net, const Eigen::MatrixXd& X);

// Balanced initialisation of Sec. 2 / Sec. 8: z_j ~ N(0, I_d / (d m)) i.i.d. (rows of Z), s_j ~ U{+-1}.
struct BalancedDraw {
    Eigen::MatrixXd Z;      // m x d
    Eigen::VectorXd signs;  // m
};
BalancedDraw draw_balanced(Eigen::Index m, Eigen::Index d, Rng& rng);

// Sec. 8 data schemes: mu ~ U(S^{d-1}); x_1..x_d ~ N(mu, (rho/d) I_d) as the columns of X.
//   centred:   rho = 1, v* = mu;
//   uncentred: rho = sqrt(2) - 1, one extra point x_0 from the same law, v* = x_0 / |x_0|.
// "We exclude rare cases where some of these angles exceed pi/2": redrawn until every angle(v*, x_i)
// < pi/2 (at most 1000 tries, then TrainerError). Labels y_i = relu(v*' x_i).
struct TeacherDataset {
    Eigen::MatrixXd X;      // d x n
    Eigen::VectorXd y;      // n
    Eigen::VectorXd vstar;  // d, unit
    Eigen::VectorXd mu;     // d, the sampled centre (= v* for the centred scheme)
};
enum class DataScheme { centred, uncentred };
TeacherDataset sample_teacher_dataset(DataScheme scheme, Eigen::Index d, Rng& rng);

}  // namespace relucert::trainer
