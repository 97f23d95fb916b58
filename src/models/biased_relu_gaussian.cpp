// Enclosures of the bivariate normal probabilities and biased-ReLU Gaussian correlations
// (models/biased_relu_gaussian.hpp, which states the reductions and the tail bounds).
#include "relucert/models/biased_relu_gaussian.hpp"

#include <stdexcept>

namespace relucert::models {
namespace {

constexpr int kOrder = 12;

Interval correlation_s(const Interval& rho) {
    const Interval one_minus = Interval(1) - sqr(rho);
    if (!one_minus.certainly_positive()) throw std::domain_error("biased_relu_gaussian: needs |rho| < 1");
    return sqrt(one_minus);
}

// phi(0) = 1/sqrt(2 pi)
Interval phi0() { return inv_sqrt_2pi_interval(); }

}  // namespace

quadrature::Result bivariate_normal_upper(const Interval& h, const Interval& k, const Interval& rho,
                                          const quadrature::Options& o) {
    if (!h.is_bounded() || !k.is_bounded()) throw std::invalid_argument("bivariate_normal_upper: bounded h, k");
    const Interval s = correlation_s(rho);
    // Integrand phi(u) Phi((rho u - k)/s) in [0, phi(u)]: growth bound 1 (|f| <= 1 with f = Phi(..)).
    quadrature::PolynomialBound growth{{Interval(1)}, 0};
    auto f = [&](const auto& u) { return gaussian_cdf((rho * u - k) / s); };
    return quadrature::integrate_gaussian_from<kOrder>(f, h, growth, o);
}

quadrature::Result biased_relu_correlation(const BiasedPair& p, const quadrature::Options& o) {
    if (!p.a.certainly_positive() || !p.c.certainly_positive())
        throw std::domain_error("biased_relu_correlation: needs |w|, |v| > 0");
    const Interval s = correlation_s(p.rho);
    const Interval sigma = p.c * s;
    const Interval u0 = -p.b1 / p.a;
    const Interval crho = p.c * p.rho;
    const Interval lin = abs(p.b2) + sigma * phi0();  // |sigma g| <= c|rho| t + lin
    // (a t + |b1|)(c|rho| t + lin)
    quadrature::PolynomialBound growth{{abs(p.b1) * lin, p.a * lin + abs(p.b1) * abs(crho), p.a * abs(crho)}, 0};
    auto f = [&](const auto& u) { return (p.a * u + p.b1) * sigma * relu_gaussian_mean((crho * u + p.b2) / sigma); };
    return quadrature::integrate_gaussian_from<kOrder>(f, u0, growth, o);
}

BiasedPairGradient biased_relu_correlation_gradient(const BiasedPair& p, const quadrature::Options& o) {
    if (!p.a.certainly_positive() || !p.c.certainly_positive())
        throw std::domain_error("biased_relu_correlation_gradient: needs |w|, |v| > 0");
    const Interval s = correlation_s(p.rho);
    const Interval sigma = p.c * s;
    const Interval u0 = -p.b1 / p.a;
    const Interval crho = p.c * p.rho;
    const Interval lin = abs(p.b2) + sigma * phi0();
    BiasedPairGradient g;
    {
        quadrature::PolynomialBound growth{{Interval(0), lin, abs(crho)}, 0};  // |u| (c|rho||u| + lin)
        auto f = [&](const auto& u) { return u * sigma * relu_gaussian_mean((crho * u + p.b2) / sigma); };
        g.along_w = quadrature::integrate_gaussian_from<kOrder>(f, u0, growth, o);
    }
    {
        quadrature::PolynomialBound growth{{sigma}, 0};
        auto f = [&](const auto& u) { return sigma * gaussian_cdf((crho * u + p.b2) / sigma); };
        g.along_perp = quadrature::integrate_gaussian_from<kOrder>(f, u0, growth, o);
    }
    {
        quadrature::PolynomialBound growth{{lin, abs(crho)}, 0};
        auto f = [&](const auto& u) { return sigma * relu_gaussian_mean((crho * u + p.b2) / sigma); };
        g.bias = quadrature::integrate_gaussian_from<kOrder>(f, u0, growth, o);
    }
    return g;
}

}  // namespace relucert::models
