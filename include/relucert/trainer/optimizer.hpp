// Gradient descent, its per-neuron scaled and projected variants, and a gradient-flow integrator.
//
//   GD:        theta_{t+1} = P( theta_t - mu_t S grad L(theta_t) )
//   scaling S: identity, or on hidden unit i (its w_i and b_i):
//                inverse_v_squared: 1 / |V_i|^2   (linear paper Theorem 1: mu diag(v)^-2; Appendix D)
//                inverse_abs_v:     1 / |V_i|     (the linear paper's Section 4.3 text: "mu_i = mu / v_i"; it
//                                                  differs from Theorems 1-2, so both are offered)
//   P:         a Projection of W (projection.hpp), applied after the step.
// The loop allocates nothing after construction: parameters, gradient and scale factors live in
// members, and the objectives evaluate into them (objective.hpp).
#pragma once

#include <cstddef>
#include <vector>

#include <Eigen/Core>

#include "relucert/trainer/network.hpp"
#include "relucert/trainer/objective.hpp"
#include "relucert/trainer/projection.hpp"

namespace relucert::trainer {

// mu_t for t = 0, 1, ...: the listed initial steps first (linear paper Theorem 2: mu_1 = 2), then
// base / (1 + decay * (t - initial.size())).
struct StepSchedule {
    double base = 0.1;
    std::vector<double> initial;
    double decay = 0.0;

    static StepSchedule constant(double mu) { return {mu, {}, 0.0}; }
    double at(std::size_t t) const;
    // Throws TrainerError unless every step is finite and > 0 and decay is finite and >= 0.
    void check() const;
};

enum class StepScaling { none, inverse_v_squared, inverse_abs_v };

struct GdOptions {
    StepSchedule step;
    StepScaling scaling = StepScaling::none;
    Projection projection;

    GdOptions(StepSchedule s = {}, StepScaling sc = StepScaling::none, Projection p = {})
        : step(std::move(s)), scaling(sc), projection(p) {}
};

class GradientDescent {
public:
    // Takes the objective by reference (it must outlive this object). Throws TrainerError on bad options
    // or a start the objective rejects; projects the start onto the constraint set.
    GradientDescent(Objective& objective, Network start, GdOptions options);

    // Loss and gradient at the current iterate (cached; what a recorder reads).
    double evaluate();
    // theta <- P(theta - mu_t S grad), using the gradient of the last evaluate(). Throws TrainerError if
    // the iterate stops being finite (divergence).
    void update();
    // evaluate() then update(); returns the loss before the step.
    double step();

    std::size_t iteration() const { return t_; }
    const Network& params() const { return theta_; }
    const Network& gradient() const { return grad_; }
    double loss() const { return loss_; }
    const GdOptions& options() const { return options_; }

private:
    Objective& objective_;
    Network theta_, grad_;
    GdOptions options_;
    Projector projector_;
    Eigen::VectorXd unit_scale_;
    std::size_t t_ = 0;
    double loss_ = 0.0;
    bool evaluated_ = false;
};

// Gradient flow d theta / dt = -grad L(theta), integrated by explicit Euler with a fixed small step, or
// adaptively by the Heun-Euler embedded pair (order 2 with an order-1 error estimate): a step is
// accepted when |theta_heun - theta_euler| <= tolerance * (1 + |theta|), and h is adapted by
// 0.9 sqrt(tolerance / error) within [0.2, 2] per step.
struct FlowOptions {
    double step = 1e-3;        // fixed step (Euler) or the first trial step (adaptive)
    bool adaptive = true;
    double tolerance = 1e-8;
    double max_step = 1.0;
    double min_step = 1e-14;
    void check() const;
};

class GradientFlow {
public:
    GradientFlow(Objective& objective, Network start, FlowOptions options);
    // One accepted step; returns its length. Throws TrainerError if the step would drop below min_step.
    double step();
    // Steps until time() >= t_end (the last step is shortened to land on t_end).
    void advance_to(double t_end);
    double time() const { return time_; }
    double loss() const { return loss_; }
    const Network& params() const { return theta_; }
    std::size_t accepted_steps() const { return accepted_; }
    std::size_t rejected_steps() const { return rejected_; }

private:
    double step_with(double h_max);
    Objective& objective_;
    Network theta_, k1_, k2_, trial_;
    FlowOptions options_;
    double h_, time_ = 0.0, loss_ = 0.0;
    std::size_t accepted_ = 0, rejected_ = 0;
};

}  // namespace relucert::trainer
