// Losses the trainer minimises: L(theta) = 1/2 E || V' relu(W x + b) - y(x) ||^2 (the squared loss of
// the papers, e.g. linear paper eqs. (1), (2)), either over n samples or over x ~ N(0, I_d) in closed
// form, plus a Monte Carlo estimate of the population loss for any input distribution.
//
// Every objective evaluates into a caller-owned gradient of the network's shape and never allocates
// after its first evaluation, so the gradient-descent loop is allocation free.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "relucert/trainer/data.hpp"
#include "relucert/trainer/network.hpp"
#include "relucert/trainer/teacher.hpp"

namespace relucert::trainer {

class Objective {
public:
    virtual ~Objective() = default;
    // The loss at p. If grad is non-null it must have p's shape; it receives the gradient, with the
    // entries of parts that are not trainable set to 0. Throws TrainerError on a shape mismatch or on
    // non-finite parameters.
    virtual double evaluate(const Network& p, Network* grad) = 0;
    virtual const Trainable& trainable() const = 0;
    virtual std::string describe() const = 0;
};

// (1/2n) sum_i || V' relu(W x_i + b) - y_i ||^2.
// Evaluated in column chunks of the data (default 128 samples): forward and backward pass of one chunk
// share the chunk while it is in cache, so X is streamed from memory once per evaluation, and Eigen's
// matrix kernels never need a heap block larger than the stack limit. For few hidden units (k <= 4)
// the chunk products are done unit by unit as matrix-vector products (X_c' w_j and X_c d_j), which
// avoids GEMM's packing of X_c, the dominant cost when k is that small.
class EmpiricalLoss final : public Objective {
public:
    EmpiricalLoss(Dataset data, Trainable trainable = {}, ReluConvention relu = {}, Eigen::Index chunk = 128);
    double evaluate(const Network& p, Network* grad) override;
    const Trainable& trainable() const override { return trainable_; }
    std::string describe() const override;
    const Dataset& data() const { return data_; }

private:
    void ensure_workspace(const Network& p);
    Dataset data_;
    Trainable trainable_;
    ReluConvention relu_;
    Eigen::Index chunk_;
    double evaluate_few_units(const Network& p, Network* grad);
    Eigen::MatrixXd Z_, H_, R_, D_;  // k x chunk, k x chunk, r x chunk, k x chunk (transposed for k <= 4)
    Eigen::MatrixXd Wt_, gWt_;       // d x k: W' and its gradient, contiguous columns (k <= 4 path)
};

// The closed form of 1/2 E_{x ~ N(0, I_d)} || V' relu(W x) - T(x) ||^2 for a teacher T made of bias-free
// ReLU units and a linear map (models/relu_population.hpp; linear paper eqs. (6)-(8)). Neither the
// student nor the teacher may have a hidden bias.
//
// Angles between units are computed from the vectors by Kahan's formula
//   t = 2 atan2(| u/|u| - v/|v| |, | u/|u| + v/|v| |),
// accurate to a few ulps also near 0 and pi, where acos of the cosine loses half the digits (the linear
// paper's optimum has w_1 = -w_2, i.e. t = pi). The loss itself is a difference of O(|A|^2) terms, so
// it has an absolute rounding floor of about 1e-16 |A|^2 (relative to the target's energy).
class GaussianPopulationLoss final : public Objective {
public:
    GaussianPopulationLoss(Teacher teacher, Trainable trainable = {}, ReluConvention relu = {});
    double evaluate(const Network& p, Network* grad) override;
    const Trainable& trainable() const override { return trainable_; }
    std::string describe() const override;
    const Teacher& teacher() const { return teacher_; }

private:
    void ensure_workspace(const Network& p);
    Teacher teacher_;
    Trainable trainable_;
    ReluConvention relu_;
    Eigen::MatrixXd U_, Cout_, VA_, UAt_;  // K x d, K x r, K x d, K x r
    Eigen::VectorXd norms_, lin_, s_;
    Eigen::MatrixXd angles_, gram_, C_, F_;
};

// A Monte Carlo estimate with its standard error (sample standard deviation / sqrt(samples)).
struct MonteCarloEstimate {
    double mean = 0.0;
    double standard_error = 0.0;
    Eigen::Index samples = 0;
};

// 1/2 E || net(x) - teacher(x) ||^2 over `inputs`, from `samples` fresh i.i.d. draws (in batches).
MonteCarloEstimate monte_carlo_population_loss(const Network& net, const Teacher& teacher,
                                               const InputDistribution& inputs, Eigen::Index samples, Rng& rng,
                                               ReluConvention relu = {});

// The Monte Carlo estimate of the population gradient (all parts, as if everything were trainable),
// with the standard error of every entry.
struct MonteCarloGradient {
    Network mean;
    Network standard_error;
    Eigen::Index samples = 0;
};
MonteCarloGradient monte_carlo_population_gradient(const Network& net, const Teacher& teacher,
                                                   const InputDistribution& inputs, Eigen::Index samples, Rng& rng,
                                                   ReluConvention relu = {});

}  // namespace relucert::trainer
