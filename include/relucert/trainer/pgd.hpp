// Projected gradient descent for a single unit fitted by least squares (Soltanolkotabi 2017, "Learning
// ReLUs via Gradient Descent", eq. (1.1), (3.1), (3.3); Section 4 for the linear model).
//
// Samples are the ROWS of X (n x d), as the paper writes X in R^{n x d}; labels y in R^n.
//
//   ReLU model, loss (1.1):   L(w) = (1/n) sum_i (ReLU(<w, x_i>) - y_i)^2,
//   its generalised gradient (3.1), with the 1/n of (1.1) restored (the printed (3.1) has no 1/n, i.e.
//   it is n times the gradient of (1.1); see proofs/soltanolkotabi.md):
//       grad L(w) = (1/n) sum_i (ReLU(<w, x_i>) - y_i) (1 + sgn <w, x_i>) x_i
//                 = (2/n) sum_i (ReLU(<w, x_i>) - y_i) relu'(<w, x_i>) x_i.
//   Where <w, x_i> = 0 the factor (1 + sgn 0) is a convention: relu'(0) = (1 + sgn(0)) / 2 is taken from
//   ReluConvention::derivative_at_zero (sgn(0) = 0 gives 1/2, sgn(0) = 1 gives 1, sgn(0) = -1 gives 0).
//   It matters at w = 0, where PGD starts: every <w, x_i> is 0 and grad L(0) = -(2 c0 / n) X' y.
//   With c0 = 0 the iterates never leave 0.
//
//   linear model (Section 4, l. 93-95): l(w) = (1/2n) |X w - y|^2, grad l(w) = (1/n) X'(X w - y).
//   (The paper prints w_{t+1} = P_K(w_t + eta grad l); the '+' is read as a sign slip: with '+' the
//   iterates move away from w*.)
//
// Iterations (3.3): w_{t+1} = P_K(w_t - eta_t grad(w_t)) from w_0 = 0, with eta_0 and eta_t (t >= 1)
// given separately (Theorem 3.1: eta_0 = 2, eta_t = 1).
#pragma once

#include <cstddef>
#include <vector>

#include <Eigen/Core>

#include "relucert/trainer/network.hpp"
#include "relucert/trainer/projection.hpp"

namespace relucert::trainer {

enum class Observation { relu, linear };
const char* to_string(Observation m);

// y = ReLU(X w*) or y = X w*.
Eigen::VectorXd single_unit_labels(const Eigen::MatrixXd& X, const Eigen::VectorXd& wstar, Observation m);

// (1/n) sum_i (ReLU(<w, x_i>) - y_i)^2, eq. (1.1).
double relu_least_squares_loss(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const Eigen::VectorXd& w);
// The gradient above into grad (resized to d). scratch holds n values between calls (no allocation
// once sized). Throws TrainerError for mismatched sizes or c0 outside [0, 1].
void relu_least_squares_gradient(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const Eigen::VectorXd& w,
                                 ReluConvention relu, Eigen::VectorXd& grad, Eigen::VectorXd& scratch);
// (1/n) X'(X w - y).
void linear_least_squares_gradient(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const Eigen::VectorXd& w,
                                   Eigen::VectorXd& grad, Eigen::VectorXd& scratch);

// P_K on one vector (Projection::per_row is ignored: the vector is the whole parameter).
void project_vector(const Projection& p, Eigen::Ref<Eigen::VectorXd> x, std::vector<double>& scratch_values,
                    std::vector<Eigen::Index>& scratch_index);

struct PgdOptions {
    Observation model = Observation::relu;
    double first_step = 2.0;  // eta_0
    double step = 1.0;        // eta_t, t >= 1
    std::size_t iterations = 20;
    Projection projection;
    ReluConvention relu{0.5};  // sgn(0) = 0 in (3.1)
};

struct PgdRun {
    std::vector<double> errors;  // |w_t - w*|_2, t = 0..iterations
    Eigen::VectorXd w;           // the last iterate
};

// PGD from w_0 = 0 on the data (X, y), recording the distance to w* after every iteration.
// Throws TrainerError for mismatched sizes or non-finite iterates.
PgdRun run_pgd(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const Eigen::VectorXd& wstar, const PgdOptions& o);

}  // namespace relucert::trainer
