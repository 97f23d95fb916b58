// Input distributions and data sets.
//
// The population closed forms hold for x ~ N(0, I_d) only; the papers also use uniform on a ball
// (Vardi, Yehudai & Shamir) and Gaussian inputs with a covariance (correlated training sets). For those
// the trainer uses the empirical loss, and estimates the population loss by Monte Carlo
// (objective.hpp, monte_carlo_population_loss).
#pragma once

#include <Eigen/Core>

#include "relucert/trainer/rng.hpp"
#include "relucert/trainer/teacher.hpp"

namespace relucert::trainer {

struct InputDistribution {
    enum class Kind { standard_gaussian, uniform_ball, gaussian_covariance };
    Kind kind = Kind::standard_gaussian;
    Eigen::Index dim = 0;
    double radius = 1.0;           // uniform_ball
    Eigen::MatrixXd cholesky_lower;  // gaussian_covariance: L with L L' = Sigma

    static InputDistribution standard_gaussian(Eigen::Index d);
    static InputDistribution uniform_ball(Eigen::Index d, double radius);
    // Sigma must be symmetric positive definite (throws TrainerError otherwise).
    static InputDistribution gaussian(const Eigen::MatrixXd& covariance);

    // Fill the columns of X (dim x n) with i.i.d. samples.
    void sample_into(Eigen::Ref<Eigen::MatrixXd> X, Rng& rng) const;
};

// n samples as the columns of X (d x n) with labels Y (r x n).
struct Dataset {
    Eigen::MatrixXd X;
    Eigen::MatrixXd Y;

    Eigen::Index size() const { return X.cols(); }
    Eigen::Index input_dim() const { return X.rows(); }
    Eigen::Index outputs() const { return Y.rows(); }
    // Throws TrainerError for n = 0, d = 0, a Y of the wrong shape, or a NaN / infinity anywhere.
    void check(const std::string& who) const;
};

Dataset sample_dataset(const Teacher& teacher, const InputDistribution& inputs, Eigen::Index n, Rng& rng);

}  // namespace relucert::trainer
