#include "relucert/trainer/teacher.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace relucert::trainer {

Teacher Teacher::linear(const Eigen::MatrixXd& A) {
    Teacher t;
    t.A = A;
    t.relu_part.W.resize(0, A.cols());
    t.relu_part.V.resize(0, A.rows());
    t.check();
    return t;
}

Teacher Teacher::single_relu(const Eigen::VectorXd& z, double bias, bool with_bias) {
    Teacher t;
    t.relu_part = Network::single_neuron(z, bias, with_bias);
    t.check();
    return t;
}

Eigen::Index Teacher::input_dim() const { return has_linear_part() ? A.cols() : relu_part.W.cols(); }
Eigen::Index Teacher::outputs() const { return has_linear_part() ? A.rows() : relu_part.V.cols(); }

void Teacher::check() const {
    if (!has_relu_part() && !has_linear_part()) throw TrainerError("Teacher: needs a ReLU part or a linear part");
    if (has_relu_part()) relu_part.check("Teacher");
    if (has_linear_part() && !A.allFinite()) throw TrainerError("Teacher: the linear map contains NaN or infinity");
    if (has_relu_part() && has_linear_part() &&
        (relu_part.W.cols() != A.cols() || relu_part.V.cols() != A.rows()))
        throw TrainerError("Teacher: the ReLU part and the linear part disagree in input or output dimension");
}

void Teacher::labels_into(const Eigen::Ref<const Eigen::MatrixXd>& X, Eigen::Ref<Eigen::MatrixXd> Y) const {
    if (X.rows() != input_dim() || Y.rows() != outputs() || Y.cols() != X.cols())
        throw TrainerError("Teacher::labels: dimension mismatch");
    if (has_linear_part())
        Y.noalias() = A * X;
    else
        Y.setZero();
    if (has_relu_part()) {
        // Column by column, so that no k x n temporary is needed.
        for (Eigen::Index c = 0; c < X.cols(); ++c) {
            for (Eigen::Index l = 0; l < relu_part.W.rows(); ++l) {
                double z = relu_part.W.row(l).dot(X.col(c));
                if (relu_part.has_bias()) z += relu_part.b(l);
                if (z > 0) Y.col(c) += z * relu_part.V.row(l).transpose();
            }
        }
    }
}

Eigen::MatrixXd Teacher::labels(const Eigen::MatrixXd& X) const {
    Eigen::MatrixXd Y(outputs(), X.cols());
    labels_into(X, Y);
    return Y;
}

Eigen::VectorXd planted_sparse_vector(Eigen::Index d, Eigen::Index s, Rng& rng) {
    if (d < 1 || s < 1 || s > d) throw TrainerError("planted_sparse_vector: need 1 <= s <= d");
    // Partial Fisher-Yates shuffle picks the support.
    std::vector<Eigen::Index> idx(static_cast<std::size_t>(d));
    std::iota(idx.begin(), idx.end(), Eigen::Index{0});
    for (Eigen::Index i = 0; i < s; ++i) {
        const auto j = i + static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(d - i)));
        std::swap(idx[static_cast<std::size_t>(i)], idx[static_cast<std::size_t>(j)]);
    }
    Eigen::VectorXd z = Eigen::VectorXd::Zero(d);
    double nn = 0;
    while (nn == 0) {
        for (Eigen::Index i = 0; i < s; ++i) z(idx[static_cast<std::size_t>(i)]) = rng.normal();
        nn = z.norm();
    }
    return z / nn;
}

}  // namespace relucert::trainer
