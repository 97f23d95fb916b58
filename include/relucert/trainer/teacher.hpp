// Teachers (targets) of the papers: y = T(x) = sum_l t_l relu(z_l' x + c_l) + A x.
//
//   * linear map y = A x ("linear functions" paper): relu part empty;
//   * single ReLU y = relu(z'x + c) (Soltanolkotabi 2017; Vardi, Yehudai & Shamir; Chistikov et al.):
//     relu part with k = 1 and no linear part;
//   * planted sparse vector (Soltanolkotabi 2017): a single ReLU (or linear) teacher whose z is s-sparse.
#pragma once

#include <cstddef>

#include <Eigen/Core>

#include "relucert/trainer/network.hpp"
#include "relucert/trainer/rng.hpp"

namespace relucert::trainer {

struct Teacher {
    Network relu_part;  // may have 0 hidden units (W is 0 x d); V is its output weights
    Eigen::MatrixXd A;  // r x d linear part, or 0 x 0 for none

    static Teacher linear(const Eigen::MatrixXd& A);
    static Teacher single_relu(const Eigen::VectorXd& z, double bias = 0.0, bool with_bias = false);

    Eigen::Index input_dim() const;
    Eigen::Index outputs() const;
    bool has_relu_part() const { return relu_part.W.rows() > 0; }
    bool has_linear_part() const { return A.size() > 0; }
    // Throws TrainerError if the parts disagree in d or r, or contain non-finite numbers.
    void check() const;
    // Labels of the columns of X (d x n): r x n.
    Eigen::MatrixXd labels(const Eigen::MatrixXd& X) const;
    // Writes labels into Y (r x X.cols()) without allocating when Y already has that shape.
    void labels_into(const Eigen::Ref<const Eigen::MatrixXd>& X, Eigen::Ref<Eigen::MatrixXd> Y) const;
};

// An s-sparse unit vector in R^d: support uniform among the s-subsets, non-zero entries i.i.d.
// N(0, 1) then normalised to |z| = 1.
Eigen::VectorXd planted_sparse_vector(Eigen::Index d, Eigen::Index s, Rng& rng);

}  // namespace relucert::trainer
