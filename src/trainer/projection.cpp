#include "relucert/trainer/projection.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

#include "relucert/trainer/network.hpp"

namespace relucert::trainer {

namespace {
void check_radius(double r, const char* who) {
    if (!(r >= 0) || !std::isfinite(r)) throw TrainerError(std::string(who) + ": the radius must be finite and >= 0");
}
void check_finite(const Eigen::Ref<Eigen::VectorXd>& x, const char* who) {
    if (!x.allFinite()) throw TrainerError(std::string(who) + ": the vector contains NaN or infinity");
}
}  // namespace

void project_l2_ball(Eigen::Ref<Eigen::VectorXd> x, double radius) {
    check_radius(radius, "project_l2_ball");
    check_finite(x, "project_l2_ball");
    const double nn = x.norm();
    if (nn > radius) x *= radius / nn;
}

void project_l1_ball(Eigen::Ref<Eigen::VectorXd> x, double radius, std::vector<double>& scratch) {
    check_radius(radius, "project_l1_ball");
    check_finite(x, "project_l1_ball");
    if (x.lpNorm<1>() <= radius) return;
    if (radius == 0) {
        x.setZero();
        return;
    }
    const auto n = static_cast<std::size_t>(x.size());
    scratch.resize(n);
    for (std::size_t i = 0; i < n; ++i) scratch[i] = std::fabs(x(static_cast<Eigen::Index>(i)));
    std::sort(scratch.begin(), scratch.end(), std::greater<>());
    // rho = max{ j : u_j - (sum_{i<=j} u_i - R)/j > 0 }, tau = (sum_{i<=rho} u_i - R)/rho.
    double cumulative = 0, tau = 0;
    for (std::size_t j = 0; j < n; ++j) {
        cumulative += scratch[j];
        const double t = (cumulative - radius) / static_cast<double>(j + 1);
        if (scratch[j] - t > 0) tau = t;
    }
    for (Eigen::Index i = 0; i < x.size(); ++i) {
        const double a = std::fabs(x(i)) - tau;
        x(i) = a > 0 ? std::copysign(a, x(i)) : 0.0;
    }
}

void project_l0(Eigen::Ref<Eigen::VectorXd> x, Eigen::Index sparsity, std::vector<Eigen::Index>& scratch) {
    if (sparsity < 0) throw TrainerError("project_l0: the sparsity must be >= 0");
    check_finite(x, "project_l0");
    if (sparsity >= x.size()) return;
    scratch.resize(static_cast<std::size_t>(x.size()));
    std::iota(scratch.begin(), scratch.end(), Eigen::Index{0});
    auto larger = [&x](Eigen::Index a, Eigen::Index b) {
        const double fa = std::fabs(x(a)), fb = std::fabs(x(b));
        return fa > fb || (fa == fb && a < b);
    };
    std::nth_element(scratch.begin(), scratch.begin() + sparsity, scratch.end(), larger);
    for (auto it = scratch.begin() + sparsity; it != scratch.end(); ++it) x(*it) = 0.0;
}

void Projection::check() const {
    if (kind == Kind::l1_ball || kind == Kind::l2_ball) check_radius(radius, "Projection");
    if (kind == Kind::l0 && sparsity < 0) throw TrainerError("Projection: the sparsity must be >= 0");
}

Projector::Projector(Projection p) : p_(p) { p_.check(); }

void Projector::apply_vector(Eigen::Ref<Eigen::VectorXd> x) {
    switch (p_.kind) {
        case Projection::Kind::none:
            return;
        case Projection::Kind::l0:
            project_l0(x, p_.sparsity, scratch_index_);
            return;
        case Projection::Kind::l1_ball:
            project_l1_ball(x, p_.radius, scratch_values_);
            return;
        case Projection::Kind::l2_ball:
            project_l2_ball(x, p_.radius);
            return;
    }
}

void Projector::apply(Eigen::MatrixXd& W) {
    if (p_.kind == Projection::Kind::none) return;
    if (!p_.per_row) {
        apply_vector(Eigen::Map<Eigen::VectorXd>(W.data(), W.size()));
        return;
    }
    row_.resize(W.cols());
    for (Eigen::Index i = 0; i < W.rows(); ++i) {
        row_ = W.row(i).transpose();
        apply_vector(row_);
        W.row(i) = row_.transpose();
    }
}

}  // namespace relucert::trainer
