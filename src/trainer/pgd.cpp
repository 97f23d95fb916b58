#include "relucert/trainer/pgd.hpp"

#include <cmath>
#include <string>

namespace relucert::trainer {

const char* to_string(Observation m) { return m == Observation::relu ? "relu" : "linear"; }

namespace {
void check_shapes(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const Eigen::VectorXd& w, const char* who) {
    if (X.rows() == 0 || X.cols() == 0) throw TrainerError(std::string(who) + ": X is empty");
    if (y.size() != X.rows()) throw TrainerError(std::string(who) + ": y must have one entry per row of X");
    if (w.size() != X.cols()) throw TrainerError(std::string(who) + ": w must have one entry per column of X");
}
}  // namespace

Eigen::VectorXd single_unit_labels(const Eigen::MatrixXd& X, const Eigen::VectorXd& wstar, Observation m) {
    if (wstar.size() != X.cols()) throw TrainerError("single_unit_labels: w* must have one entry per column of X");
    Eigen::VectorXd y = X * wstar;
    if (m == Observation::relu) y = y.cwiseMax(0.0);
    return y;
}

double relu_least_squares_loss(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const Eigen::VectorXd& w) {
    check_shapes(X, y, w, "relu_least_squares_loss");
    const Eigen::VectorXd r = (X * w).cwiseMax(0.0) - y;
    return r.squaredNorm() / static_cast<double>(X.rows());
}

void relu_least_squares_gradient(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const Eigen::VectorXd& w,
                                 ReluConvention relu, Eigen::VectorXd& grad, Eigen::VectorXd& scratch) {
    check_shapes(X, y, w, "relu_least_squares_gradient");
    const double c0 = relu.derivative_at_zero;
    if (!(c0 >= 0.0 && c0 <= 1.0)) throw TrainerError("relu_least_squares_gradient: relu'(0) must lie in [0, 1]");
    scratch.noalias() = X * w;
    for (Eigen::Index i = 0; i < scratch.size(); ++i) {
        const double z = scratch(i);
        // (ReLU(z) - y_i)(1 + sgn z) = 2 (ReLU(z) - y_i) relu'(z)
        const double slope = z > 0 ? 1.0 : (z < 0 ? 0.0 : c0);
        scratch(i) = slope == 0.0 ? 0.0 : 2.0 * slope * (std::max(z, 0.0) - y(i));
    }
    grad.resize(X.cols());
    grad.noalias() = X.transpose() * scratch;
    grad /= static_cast<double>(X.rows());
}

void linear_least_squares_gradient(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const Eigen::VectorXd& w,
                                   Eigen::VectorXd& grad, Eigen::VectorXd& scratch) {
    check_shapes(X, y, w, "linear_least_squares_gradient");
    scratch.noalias() = X * w;
    scratch -= y;
    grad.resize(X.cols());
    grad.noalias() = X.transpose() * scratch;
    grad /= static_cast<double>(X.rows());
}

void project_vector(const Projection& p, Eigen::Ref<Eigen::VectorXd> x, std::vector<double>& scratch_values,
                    std::vector<Eigen::Index>& scratch_index) {
    p.check();
    switch (p.kind) {
        case Projection::Kind::none:
            return;
        case Projection::Kind::l0:
            project_l0(x, p.sparsity, scratch_index);
            return;
        case Projection::Kind::l1_ball:
            project_l1_ball(x, p.radius, scratch_values);
            return;
        case Projection::Kind::l2_ball:
            project_l2_ball(x, p.radius);
            return;
    }
}

PgdRun run_pgd(const Eigen::MatrixXd& X, const Eigen::VectorXd& y, const Eigen::VectorXd& wstar, const PgdOptions& o) {
    check_shapes(X, y, wstar, "run_pgd");
    if (!(std::isfinite(o.first_step) && std::isfinite(o.step))) throw TrainerError("run_pgd: steps must be finite");
    PgdRun run;
    run.errors.reserve(o.iterations + 1);
    Eigen::VectorXd w = Eigen::VectorXd::Zero(X.cols()), grad(X.cols()), scratch(X.rows());
    std::vector<double> sv;
    std::vector<Eigen::Index> si;
    run.errors.push_back((w - wstar).norm());
    for (std::size_t t = 0; t < o.iterations; ++t) {
        if (o.model == Observation::relu)
            relu_least_squares_gradient(X, y, w, o.relu, grad, scratch);
        else
            linear_least_squares_gradient(X, y, w, grad, scratch);
        w -= (t == 0 ? o.first_step : o.step) * grad;
        project_vector(o.projection, w, sv, si);
        if (!w.allFinite()) throw TrainerError("run_pgd: the iterate is no longer finite");
        run.errors.push_back((w - wstar).norm());
    }
    run.w = std::move(w);
    return run;
}

}  // namespace relucert::trainer
