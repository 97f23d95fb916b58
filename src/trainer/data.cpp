#include "relucert/trainer/data.hpp"

#include <cmath>

#include <Eigen/Cholesky>

namespace relucert::trainer {

InputDistribution InputDistribution::standard_gaussian(Eigen::Index d) {
    if (d < 1) throw TrainerError("InputDistribution: the dimension must be at least 1");
    InputDistribution D;
    D.dim = d;
    return D;
}

InputDistribution InputDistribution::uniform_ball(Eigen::Index d, double radius) {
    if (d < 1) throw TrainerError("InputDistribution: the dimension must be at least 1");
    if (!(radius > 0) || !std::isfinite(radius)) throw TrainerError("InputDistribution: the radius must be positive");
    InputDistribution D;
    D.kind = Kind::uniform_ball;
    D.dim = d;
    D.radius = radius;
    return D;
}

InputDistribution InputDistribution::gaussian(const Eigen::MatrixXd& covariance) {
    if (covariance.rows() < 1 || covariance.rows() != covariance.cols())
        throw TrainerError("InputDistribution: the covariance must be a non-empty square matrix");
    if (!covariance.allFinite() || !covariance.isApprox(covariance.transpose()))
        throw TrainerError("InputDistribution: the covariance must be finite and symmetric");
    Eigen::LLT<Eigen::MatrixXd> llt(covariance);
    if (llt.info() != Eigen::Success) throw TrainerError("InputDistribution: the covariance is not positive definite");
    InputDistribution D;
    D.kind = Kind::gaussian_covariance;
    D.dim = covariance.rows();
    D.cholesky_lower = llt.matrixL();
    return D;
}

void InputDistribution::sample_into(Eigen::Ref<Eigen::MatrixXd> X, Rng& rng) const {
    if (X.rows() != dim) throw TrainerError("InputDistribution::sample_into: wrong number of rows");
    rng.fill_normal(X, 1.0);
    switch (kind) {
        case Kind::standard_gaussian:
            break;
        case Kind::uniform_ball:
            // Direction uniform on the sphere, radius R U^(1/d).
            for (Eigen::Index c = 0; c < X.cols(); ++c) {
                double nn = X.col(c).norm();
                while (nn == 0) {
                    for (Eigen::Index i = 0; i < dim; ++i) X(i, c) = rng.normal();
                    nn = X.col(c).norm();
                }
                X.col(c) *= radius * std::pow(rng.uniform01(), 1.0 / static_cast<double>(dim)) / nn;
            }
            break;
        case Kind::gaussian_covariance:
            X = cholesky_lower.triangularView<Eigen::Lower>() * X;
            break;
    }
}

void Dataset::check(const std::string& who) const {
    if (X.cols() == 0) throw TrainerError(who + ": the data set is empty (n = 0)");
    if (X.rows() == 0) throw TrainerError(who + ": the inputs have dimension 0");
    if (Y.cols() != X.cols() || Y.rows() < 1)
        throw TrainerError(who + ": labels must be r x n with n = " + std::to_string(X.cols()));
    if (!X.allFinite()) throw TrainerError(who + ": the inputs contain NaN or infinity");
    if (!Y.allFinite()) throw TrainerError(who + ": the labels contain NaN or infinity");
}

Dataset sample_dataset(const Teacher& teacher, const InputDistribution& inputs, Eigen::Index n, Rng& rng) {
    teacher.check();
    if (n < 1) throw TrainerError("sample_dataset: n must be at least 1");
    if (inputs.dim != teacher.input_dim())
        throw TrainerError("sample_dataset: the input distribution and the teacher disagree in dimension");
    Dataset D;
    D.X.resize(inputs.dim, n);
    inputs.sample_into(D.X, rng);
    D.Y = teacher.labels(D.X);
    return D;
}

}  // namespace relucert::trainer
