// The trainer's model: a one-hidden-layer ReLU network x -> V' relu(W x + b), in double precision.
//
// W is k x d (row i is the hidden unit w_i), b has k entries or none (no hidden bias), V is k x r (row i
// is the output vector of unit i; r = 1 gives v in R^k). A single neuron x -> relu(w'x + b) is the case
// k = 1, V = [1] (held fixed). Which parts are trained is a separate Trainable mask, so "fixed outer
// layer" (the linear paper's Theorems 1, 2, 6) and "both layers" (its Section 4.2) are the same code.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include <Eigen/Core>

namespace relucert::trainer {

// Bad input to the trainer (shapes, non-finite numbers, negative steps, empty data): always thrown,
// never turned into a NaN result.
struct TrainerError : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

// The value used for relu'(0). Papers differ (PyTorch and most analyses of GD on empirical losses use 0;
// Soltanolkotabi 2017 uses a generalized gradient; the population closed forms are insensitive except at
// w_i = 0 exactly) and results can depend on it: with 0, a zero hidden unit never moves. It applies to
// every pre-activation that is exactly 0.0 (in the empirical loss) and to hidden units that are exactly
// the zero vector (in the closed-form population gradient).
struct ReluConvention {
    double derivative_at_zero = 0.0;
};

struct Trainable {
    bool hidden = true;  // W
    bool bias = true;    // b (ignored when the network has no bias)
    bool outer = false;  // V
};

struct Network {
    Eigen::MatrixXd W;  // k x d
    Eigen::VectorXd b;  // k, or size 0 for no hidden bias
    Eigen::MatrixXd V;  // k x r

    Network() = default;
    Network(Eigen::MatrixXd w, Eigen::MatrixXd v, Eigen::VectorXd bias = {})
        : W(std::move(w)), b(std::move(bias)), V(std::move(v)) {}
    // relu(w'x + bias): k = 1, V = [1].
    static Network single_neuron(const Eigen::VectorXd& w, double bias, bool with_bias);

    Eigen::Index hidden() const { return W.rows(); }
    Eigen::Index input_dim() const { return W.cols(); }
    Eigen::Index outputs() const { return V.cols(); }
    bool has_bias() const { return b.size() > 0; }

    // Throws TrainerError unless k >= 1, d >= 1, r >= 1, V is k x r, b is empty or k, all finite.
    void check(std::string_view who) const;  // string_view: no allocation on the hot path
    // A network of the same shape, all zero (for gradients).
    Network zeros_like() const;
    bool same_shape(const Network& o) const {
        return W.rows() == o.W.rows() && W.cols() == o.W.cols() && b.size() == o.b.size() && V.rows() == o.V.rows() &&
               V.cols() == o.V.cols();
    }
    double squared_norm() const { return W.squaredNorm() + b.squaredNorm() + V.squaredNorm(); }

    // Forward pass on the columns of X (d x n): returns r x n. Allocates; for tests and evaluation.
    Eigen::MatrixXd predict(const Eigen::MatrixXd& X) const;
};

}  // namespace relucert::trainer
