// The quantities the papers' claims talk about, evaluated at an iterate, so that recorded trajectories
// can be checked against certified inequalities (linear paper Lemmas 3-5, Theorem 1; issue 4).
#pragma once

#include <Eigen/Core>

#include "relucert/trainer/network.hpp"

namespace relucert::trainer {

// |sum_i |v_i| w_i| for r = 1: the linear paper's |v1 w1 + v2 w2| for v = [v1, -v2] (Theorem 1, Lemma 3;
// |w1 + w2| when v = [1, -1]). Throws TrainerError unless r = 1.
double signed_sum_norm(const Network& net);

// The optimum W* of the linear paper for k = 2, r = 1: rows a / v_i (Theorem 1: [a/v1, -a/v2] for
// v = [v1, -v2]). Throws TrainerError unless k = 2, r = 1 and v_i != 0.
Eigen::MatrixXd linear_two_unit_optimum(const Network& net, const Eigen::VectorXd& a);

// |W - W*|_F.
double frobenius_distance(const Eigen::MatrixXd& W, const Eigen::MatrixXd& Wstar);

// <W - W*, G> / |W - W*|_F^2 (linear paper Lemma 4's correlation, with G the gradient). Undefined at
// W = W*, where it returns NaN (a recorded value, not a computation result).
double correlation_ratio(const Eigen::MatrixXd& W, const Eigen::MatrixXd& Wstar, const Eigen::MatrixXd& G);

// A vector view that also accepts matrix rows (inner stride != 1) without copying them.
using StridedVector = Eigen::Ref<const Eigen::VectorXd, 0, Eigen::InnerStride<>>;

// The angle between two non-zero vectors by Kahan's formula (accurate near 0 and pi); NaN if one is 0.
double unit_angle(const StridedVector& a, const StridedVector& b);

}  // namespace relucert::trainer
