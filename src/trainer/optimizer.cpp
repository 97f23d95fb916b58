#include "relucert/trainer/optimizer.hpp"

#include <algorithm>
#include <cmath>

namespace relucert::trainer {

namespace {
void axpy(Network& y, double a, const Network& x) {
    y.W += a * x.W;
    y.b += a * x.b;
    y.V += a * x.V;
}
void assign_axpy(Network& out, const Network& y, double a, const Network& x) {
    out.W = y.W + a * x.W;
    out.b = y.b + a * x.b;
    out.V = y.V + a * x.V;
}
bool finite(const Network& n) { return n.W.allFinite() && n.b.allFinite() && n.V.allFinite(); }
}  // namespace

double StepSchedule::at(std::size_t t) const {
    if (t < initial.size()) return initial[t];
    const double u = static_cast<double>(t - initial.size());
    return decay == 0.0 ? base : base / (1.0 + decay * u);
}

void StepSchedule::check() const {
    auto ok = [](double s) { return std::isfinite(s) && s > 0; };
    if (!ok(base)) throw TrainerError("step size must be finite and positive (got " + std::to_string(base) + ")");
    for (double s : initial)
        if (!ok(s)) throw TrainerError("step size must be finite and positive (got " + std::to_string(s) + ")");
    if (!(decay >= 0) || !std::isfinite(decay)) throw TrainerError("step decay must be finite and >= 0");
}

GradientDescent::GradientDescent(Objective& objective, Network start, GdOptions options)
    : objective_(objective), theta_(std::move(start)), options_(std::move(options)), projector_(options_.projection) {
    options_.step.check();
    theta_.check("GradientDescent");
    grad_ = theta_.zeros_like();
    unit_scale_ = Eigen::VectorXd::Ones(theta_.hidden());
    if (options_.scaling != StepScaling::none) {
        if (objective_.trainable().outer)
            throw TrainerError("GradientDescent: per-neuron scaled steps need a fixed outer layer");
        for (Eigen::Index i = 0; i < theta_.hidden(); ++i) {
            const double v2 = theta_.V.row(i).squaredNorm();
            if (!(v2 > 0)) throw TrainerError("GradientDescent: per-neuron scaled steps need every V_i != 0");
            unit_scale_(i) = options_.scaling == StepScaling::inverse_v_squared ? 1.0 / v2 : 1.0 / std::sqrt(v2);
        }
    }
    projector_.apply(theta_.W);
}

double GradientDescent::evaluate() {
    loss_ = objective_.evaluate(theta_, &grad_);
    evaluated_ = true;
    return loss_;
}

void GradientDescent::update() {
    if (!evaluated_) evaluate();
    const double mu = options_.step.at(t_);
    if (options_.scaling == StepScaling::none) {
        theta_.W -= mu * grad_.W;
        theta_.b -= mu * grad_.b;
    } else {
        theta_.W -= mu * (unit_scale_.asDiagonal() * grad_.W);
        if (theta_.has_bias()) theta_.b -= mu * unit_scale_.cwiseProduct(grad_.b);
    }
    theta_.V -= mu * grad_.V;
    projector_.apply(theta_.W);
    evaluated_ = false;
    ++t_;
    if (!finite(theta_))
        throw TrainerError("GradientDescent: the iterate is no longer finite after iteration " + std::to_string(t_) +
                           " (diverging: step size too large?)");
}

double GradientDescent::step() {
    const double l = evaluate();
    update();
    return l;
}

void FlowOptions::check() const {
    auto pos = [](double x) { return std::isfinite(x) && x > 0; };
    if (!pos(step) || !pos(max_step) || !pos(min_step) || !pos(tolerance))
        throw TrainerError("FlowOptions: step, max_step, min_step and tolerance must be finite and positive");
    if (min_step > max_step) throw TrainerError("FlowOptions: min_step exceeds max_step");
}

GradientFlow::GradientFlow(Objective& objective, Network start, FlowOptions options)
    : objective_(objective), theta_(std::move(start)), options_(options), h_(options.step) {
    options_.check();
    theta_.check("GradientFlow");
    k1_ = theta_.zeros_like();
    k2_ = theta_.zeros_like();
    trial_ = theta_.zeros_like();
    loss_ = objective_.evaluate(theta_, &k1_);
}

double GradientFlow::step_with(double h_max) {
    // k1_ holds grad L(theta) (kept up to date after every accepted step).
    for (;;) {
        const double h = std::min(h_, h_max);
        if (!options_.adaptive) {
            axpy(theta_, -h, k1_);
            if (!finite(theta_)) throw TrainerError("GradientFlow: the trajectory is no longer finite");
            loss_ = objective_.evaluate(theta_, &k1_);
            time_ += h;
            ++accepted_;
            return h;
        }
        assign_axpy(trial_, theta_, -h, k1_);  // Euler predictor
        if (!finite(trial_)) throw TrainerError("GradientFlow: the trajectory is no longer finite");
        objective_.evaluate(trial_, &k2_);
        // Heun: theta - h/2 (k1 + k2); Euler - Heun = h/2 (k2 - k1).
        const double err =
            0.5 * h * std::sqrt((k2_.W - k1_.W).squaredNorm() + (k2_.b - k1_.b).squaredNorm() + (k2_.V - k1_.V).squaredNorm());
        const double scale = options_.tolerance * (1.0 + std::sqrt(theta_.squared_norm()));
        const double factor = err == 0 ? 2.0 : std::clamp(0.9 * std::sqrt(scale / err), 0.2, 2.0);
        if (err <= scale) {
            axpy(theta_, -0.5 * h, k1_);
            axpy(theta_, -0.5 * h, k2_);
            loss_ = objective_.evaluate(theta_, &k1_);
            time_ += h;
            ++accepted_;
            if (h == h_) h_ = std::min(options_.max_step, h_ * factor);
            return h;
        }
        ++rejected_;
        h_ = h * factor;
        if (h_ < options_.min_step)
            throw TrainerError("GradientFlow: the adaptive step fell below min_step (stiff or non-smooth region)");
    }
}

double GradientFlow::step() { return step_with(options_.max_step); }

void GradientFlow::advance_to(double t_end) {
    if (!std::isfinite(t_end)) throw TrainerError("GradientFlow::advance_to: the end time must be finite");
    while (time_ < t_end) {
        const double remaining = t_end - time_;
        step_with(remaining);
        if (t_end - time_ < 1e-15 * std::max(1.0, std::fabs(t_end))) time_ = t_end;
    }
}

}  // namespace relucert::trainer
