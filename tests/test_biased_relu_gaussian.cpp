// Bivariate normal probabilities and biased-ReLU Gaussian correlations (models/biased_relu_gaussian.hpp):
// exact references (rho = 0 products, Sheppard's orthant formula on many random rho, the arc-cosine
// kernel and its gradient at zero bias, all evaluated in MpInterval at 256 bits), the rho -> +-1
// limits, and Monte Carlo at 10^6 samples with a 5-sigma tolerance plus a power check (a mutated
// parameter must be rejected by the same Monte Carlo test). Wrong references must not be contained.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <random>
#include <span>

#include "relucert/models/arc_cosine_kernel.hpp"
#include "relucert/models/biased_relu_gaussian.hpp"
#include "relucert/mp_interval.hpp"

using namespace relucert;
using namespace relucert::models;

namespace {
constexpr mpfr_prec_t P = 256;
MpInterval mp(double x) { return MpInterval(x, P); }
bool encloses(const Interval& F, const MpInterval& ref) { return MpInterval(F, P).contains(ref); }
const quadrature::Options kOpt{1e-10, 20000, 6};

// Monte Carlo mean and standard error.
struct Mc {
    double mean = 0, se = 0;
};
template <class G>
Mc monte_carlo(G&& sample, std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    double s = 0, s2 = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = sample(rng);
        s += x;
        s2 += x * x;
    }
    const double m = s / static_cast<double>(n);
    const double var = s2 / static_cast<double>(n) - m * m;
    return {m, std::sqrt(std::max(var, 0.0) / static_cast<double>(n))};
}
bool agrees(const Interval& F, const Mc& mc) {
    const double d = std::max({0.0, F.lo() - mc.mean, mc.mean - F.hi()});
    return d <= 5 * mc.se;
}
double relu(double x) { return x > 0 ? x : 0; }
}  // namespace

TEST_CASE("bivariate normal: rho = 0 is the product of the tails", "[biased-relu]") {
    for (double h : {-2.5, -0.5, 0.0, 0.75, 3.0})
        for (double k : {-1.0, 0.0, 1.5}) {
            INFO("h = " << h << " k = " << k);
            const auto r = bivariate_normal_upper(Interval(h), Interval(k), Interval(0), kOpt);
            CHECK(encloses(r.value, gaussian_cdf(-mp(h)) * gaussian_cdf(-mp(k))));
            CHECK(r.converged);
        }
}

TEST_CASE("bivariate normal: Sheppard's orthant formula on random rho (exact reference)", "[biased-relu]") {
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> R(-0.995, 0.995);
    for (int it = 0; it < 40; ++it) {
        const double rho = R(rng);
        INFO("rho = " << rho);
        const auto r = bivariate_normal_upper(Interval(0), Interval(0), Interval(rho), kOpt);
        const MpInterval ref = bivariate_orthant_sheppard(mp(rho));
        CHECK(encloses(r.value, ref));
        CHECK(r.converged);
        CHECK_FALSE(encloses(r.value, ref + MpInterval(1e-8, P)));  // a wrong reference is detected
    }
    // near the limits: rho = +-(1 - 2^-20), still exact
    for (double rho : {1 - std::ldexp(1.0, -20), -1 + std::ldexp(1.0, -20)}) {
        const auto r = bivariate_normal_upper(Interval(0), Interval(0), Interval(rho), {1e-9, 50000, 6});
        CHECK(encloses(r.value, bivariate_orthant_sheppard(mp(rho))));
    }
    // an interval rho encloses every rho in it
    const auto r = bivariate_normal_upper(Interval(0), Interval(0), Interval(0.25, 0.26), kOpt);
    CHECK(encloses(r.value, bivariate_orthant_sheppard(mp(0.25))));
    CHECK(encloses(r.value, bivariate_orthant_sheppard(mp(0.26))));
    CHECK_THROWS(bivariate_normal_upper(Interval(0), Interval(0), Interval(0.5, 1), kOpt));
}

TEST_CASE("bivariate normal: rho -> 1 and rho -> -1 limits", "[biased-relu]") {
    const double e = std::ldexp(1.0, -24);
    // rho -> 1: P(U >= h, V >= k) -> Q(max(h, k)); rho -> -1: -> (Phi(-k) - Phi(h))_+
    const auto p1 = bivariate_normal_upper(Interval(0.5), Interval(-0.3), Interval(1 - e), {1e-9, 50000, 6});
    CHECK(std::fabs(p1.value.mid() - gaussian_cdf(Interval(-0.5)).mid()) < 1e-3);
    const auto p2 = bivariate_normal_upper(Interval(-1), Interval(-1), Interval(-1 + e), {1e-9, 50000, 6});
    CHECK(std::fabs(p2.value.mid() - (gaussian_cdf(Interval(1)) - gaussian_cdf(Interval(-1))).mid()) < 1e-3);
}

TEST_CASE("E[(aU+b1)+(cV+b2)+] at zero bias is the arc-cosine kernel, with its gradient", "[biased-relu]") {
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> N(0.2, 3), R(-0.98, 0.98);
    for (int it = 0; it < 25; ++it) {
        const double a = N(rng), c = N(rng), rho = R(rng);
        INFO("a = " << a << " c = " << c << " rho = " << rho);
        const BiasedPair p{Interval(a), Interval(0), Interval(c), Interval(0), Interval(rho)};
        const MpInterval th = acos(mp(rho)), s = sqrt(1 - sqr(mp(rho))), two_pi = 2 * mp_pi(P);
        const MpInterval ref = mp(a) * mp(c) * arc_cosine_angular(th) / two_pi;
        const auto r = biased_relu_correlation(p, kOpt);
        CHECK(encloses(r.value, ref));
        CHECK(r.converged);
        CHECK_FALSE(encloses(r.value, ref * MpInterval(1 + 1e-7, P)));
        // gradient: (|v| sin t w_ + (pi - t) v)/(2 pi) with v = c (rho w_ + s e_perp)
        const auto g = biased_relu_correlation_gradient(p, kOpt);
        CHECK(encloses(g.along_w.value, mp(c) * (s + (mp_pi(P) - th) * mp(rho)) / two_pi));
        CHECK(encloses(g.along_perp.value, mp(c) * (mp_pi(P) - th) * s / two_pi));
        // Euler's identity at zero bias: E is 1-homogeneous in w, so <w, grad_w E> = a A = E
        const Interval aA = Interval(a) * g.along_w.value;
        CHECK((aA.hi() >= r.value.lo() && r.value.hi() >= aA.lo()));
    }
}

TEST_CASE("Monte Carlo (10^6 samples, 5 sigma) agrees, and detects a mutated bias", "[biased-relu][mc]") {
    // d = 3, x ~ N(0, I); w, v, b_w, b_v arbitrary.
    const std::array<double, 3> w{0.8, -0.3, 0.5}, v{0.2, 0.9, -0.4};
    const double bw = -0.35, bv = 0.6;
    auto dot = [](const std::array<double, 3>& p, const std::array<double, 3>& q) { return p[0] * q[0] + p[1] * q[1] + p[2] * q[2]; };
    const double a = std::sqrt(dot(w, w)), c = std::sqrt(dot(v, v));
    // the reduction's parameters as enclosures (norms and cosine in Interval arithmetic)
    auto norm_i = [](const std::array<double, 3>& p) { return sqrt(sqr(Interval(p[0])) + sqr(Interval(p[1])) + sqr(Interval(p[2]))); };
    const Interval A = norm_i(w), C = norm_i(v);
    const Interval wv = Interval(w[0]) * v[0] + Interval(w[1]) * v[1] + Interval(w[2]) * v[2];
    const Interval rho = wv / (A * C);
    const BiasedPair p{A, Interval(bw), C, Interval(bv), rho};
    const auto E = biased_relu_correlation(p, kOpt);
    const auto G = biased_relu_correlation_gradient(p, kOpt);
    constexpr std::size_t n = 1000000;
    auto gauss3 = [](std::mt19937_64& rng) {
        std::normal_distribution<double> Z;
        return std::array<double, 3>{Z(rng), Z(rng), Z(rng)};
    };
    const Mc mc_e = monte_carlo([&](std::mt19937_64& rng) { auto x = gauss3(rng); return relu(dot(w, x) + bw) * relu(dot(v, x) + bv); }, n, 1);
    CHECK(agrees(E.value, mc_e));
    // gradient along w_ and the bias derivative
    std::array<double, 3> wu{w[0] / a, w[1] / a, w[2] / a};
    const Mc mc_a = monte_carlo([&](std::mt19937_64& rng) {
        auto x = gauss3(rng);
        return (dot(w, x) + bw > 0 ? 1.0 : 0.0) * relu(dot(v, x) + bv) * dot(wu, x);
    }, n, 2);
    CHECK(agrees(G.along_w.value, mc_a));
    const double r0 = dot(w, v) / (a * c), s0 = std::sqrt(1 - r0 * r0);
    std::array<double, 3> ep;
    for (int i = 0; i < 3; ++i) ep[static_cast<std::size_t>(i)] = (v[static_cast<std::size_t>(i)] / c - r0 * wu[static_cast<std::size_t>(i)]) / s0;
    const Mc mc_b = monte_carlo([&](std::mt19937_64& rng) {
        auto x = gauss3(rng);
        return (dot(w, x) + bw > 0 ? 1.0 : 0.0) * relu(dot(v, x) + bv) * dot(ep, x);
    }, n, 3);
    CHECK(agrees(G.along_perp.value, mc_b));
    const Mc mc_d = monte_carlo([&](std::mt19937_64& rng) {
        auto x = gauss3(rng);
        return (dot(w, x) + bw > 0 ? 1.0 : 0.0) * relu(dot(v, x) + bv);
    }, n, 4);
    CHECK(agrees(G.bias.value, mc_d));
    // bivariate probability
    const Mc mc_p = monte_carlo([&](std::mt19937_64& rng) {
        auto x = gauss3(rng);
        return (dot(w, x) + bw > 0 && dot(v, x) + bv > 0) ? 1.0 : 0.0;
    }, n, 5);
    CHECK(agrees(bivariate_normal_upper(-Interval(bw) / A, -Interval(bv) / C, rho, kOpt).value, mc_p));
    // power: the same test rejects a model with b_w mutated by 0.02 and with rho mutated by 0.02
    const BiasedPair mutated{A, Interval(bw + 0.02), C, Interval(bv), rho};
    CHECK_FALSE(agrees(biased_relu_correlation(mutated, kOpt).value, mc_e));
    CHECK_FALSE(agrees(bivariate_normal_upper(-Interval(bw) / A, -Interval(bv) / C, rho + 0.02, kOpt).value, mc_p));
}
