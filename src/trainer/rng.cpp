#include "relucert/trainer/rng.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace relucert::trainer {

double Rng::normal() {
    if (has_spare_) {
        has_spare_ = false;
        return spare_;
    }
    // u1 in (0, 1] so that log(u1) is finite; u2 in [0, 1).
    const double u1 = static_cast<double>((engine_() >> 11) + 1) * 0x1p-53;
    const double u2 = uniform01();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    spare_ = radius * std::sin(angle);
    has_spare_ = true;
    return radius * std::cos(angle);
}

std::uint64_t Rng::below(std::uint64_t n) {
    if (n == 0) throw std::invalid_argument("Rng::below: n must be positive");
    const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % n);
    for (;;) {
        const std::uint64_t x = engine_();
        if (x < limit) return x % n;
    }
}

void Rng::fill_normal(Eigen::Ref<Eigen::MatrixXd> m, double sigma) {
    // Column-major order, so a matrix and its first columns get the same numbers whatever its width.
    for (Eigen::Index j = 0; j < m.cols(); ++j)
        for (Eigen::Index i = 0; i < m.rows(); ++i) m(i, j) = sigma * normal();
}

void Rng::fill_uniform(Eigen::Ref<Eigen::MatrixXd> m, double lo, double hi) {
    for (Eigen::Index j = 0; j < m.cols(); ++j)
        for (Eigen::Index i = 0; i < m.rows(); ++i) m(i, j) = uniform(lo, hi);
}

}  // namespace relucert::trainer
