// Closed forms of "Learning ReLUs via Gradient Descent" (Soltanolkotabi 2017), checked independently of
// the claims that use them, so that `relucert audit soltanolkotabi` can wire them in later:
//   * Monte Carlo with 5-sigma tolerances, each with a mutated formula (a sign or a factor 2 off) that
//     the same sample must reject (power);
//   * finite differences for derivatives;
//   * high-precision MpInterval evaluation for rewritings, and exact rationals for the algebra of (6.2).
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include <Eigen/Dense>

#include "relucert/models/arc_cosine_kernel.hpp"
#include "relucert/mp_interval.hpp"
#include "relucert/rational.hpp"
#include "relucert/trainer/pgd.hpp"
#include "relucert/trainer/rng.hpp"
#include "soltanolkotabi/reduced.hpp"

using namespace relucert;
using relucert::trainer::Rng;

namespace {
constexpr double kPi = std::numbers::pi;
struct Stat {
    double sum = 0, sum2 = 0;
    long n = 0;
    void add(double x) { sum += x, sum2 += x * x, ++n; }
    double mean() const { return sum / n; }
    double se() const { return std::sqrt(std::max(0.0, sum2 / n - mean() * mean()) / (n - 1)); }
    bool agrees(double v, double z = 5.0) const { return std::abs(mean() - v) <= z * se(); }
};
Eigen::VectorXd gaussian(Rng& r, int d) {
    Eigen::VectorXd v(d);
    r.fill_normal(v);
    return v;
}
double angle(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    return std::acos(std::clamp(a.dot(b) / (a.norm() * b.norm()), -1.0, 1.0));
}
// grad L_pop(w) = w - (|w*| sin theta w/|w| + (pi - theta) w*) / pi  (reduced.hpp)
Eigen::VectorXd population_gradient(const Eigen::VectorXd& w, const Eigen::VectorXd& ws) {
    const double t = angle(w, ws);
    return w - (ws.norm() * std::sin(t) * w / w.norm() + (kPi - t) * ws) / kPi;
}
// L_pop(w) = E (ReLU(w'x) - ReLU(w*'x))^2 = |w|^2/2 - 2 f(w, w*) + |w*|^2/2
double population_loss(const Eigen::VectorXd& w, const Eigen::VectorXd& ws) {
    return w.squaredNorm() / 2 - 2 * models::arc_cosine_kernel(w.norm(), ws.norm(), angle(w, ws)) + ws.squaredNorm() / 2;
}
}  // namespace

TEST_CASE("Gaussian ReLU kernel E[ReLU(w'x) ReLU(w*'x)] = |w||w*|(sin t + (pi - t) cos t)/(2 pi) (MC, 5 sigma)",
          "[soltanolkotabi][closed-form]") {
    Rng r(11);
    for (int k = 0; k < 4; ++k) {
        const Eigen::VectorXd w = gaussian(r, 3), ws = gaussian(r, 3);
        Stat st;
        for (int i = 0; i < 200000; ++i) {
            const Eigen::VectorXd x = gaussian(r, 3);
            st.add(std::max(0.0, w.dot(x)) * std::max(0.0, ws.dot(x)));
        }
        const double t = angle(w, ws);
        const double f = w.norm() * ws.norm() * (std::sin(t) + (kPi - t) * std::cos(t)) / (2 * kPi);
        CHECK(st.agrees(f));
        // power: (pi + t) instead of (pi - t) is rejected by the same sample
        const double mutant = w.norm() * ws.norm() * (std::sin(t) + (kPi + t) * std::cos(t)) / (2 * kPi);
        if (std::abs(std::cos(t)) > 0.2) CHECK_FALSE(st.agrees(mutant));
    }
}

TEST_CASE("P(sgn<x, w> != sgn<x, w*>) = theta / pi (MC, 5 sigma)", "[soltanolkotabi][closed-form]") {
    Rng r(12);
    for (int k = 0; k < 4; ++k) {
        const Eigen::VectorXd w = gaussian(r, 4), ws = gaussian(r, 4);
        Stat st;
        for (int i = 0; i < 100000; ++i) {
            const Eigen::VectorXd x = gaussian(r, 4);
            st.add((w.dot(x) > 0) != (ws.dot(x) > 0) ? 1.0 : 0.0);
        }
        const double t = angle(w, ws);
        CHECK(st.agrees(t / kPi));
        CHECK_FALSE(st.agrees(t / (2 * kPi)));  // a factor 2 off
    }
}

TEST_CASE("E[1{w'x > 0} x x'] = I/2 (MC, 5 sigma per entry)", "[soltanolkotabi][closed-form]") {
    Rng r(13);
    const Eigen::VectorXd w = gaussian(r, 3);
    Stat st[3][3];
    for (int i = 0; i < 100000; ++i) {
        const Eigen::VectorXd x = gaussian(r, 3);
        const double ind = w.dot(x) > 0 ? 1.0 : 0.0;
        for (int a = 0; a < 3; ++a)
            for (int b = 0; b < 3; ++b) st[a][b].add(ind * x(a) * x(b));
    }
    for (int a = 0; a < 3; ++a)
        for (int b = 0; b < 3; ++b) CHECK(st[a][b].agrees(a == b ? 0.5 : 0.0));
    CHECK_FALSE(st[0][0].agrees(1.0));  // I instead of I/2
}

TEST_CASE("population gradient of (1.1) with (3.1): grad = w - (|w*| sin t w/|w| + (pi - t) w*)/pi (MC through the trainer)",
          "[soltanolkotabi][closed-form]") {
    Rng r(14);
    const int d = 3, n = 400000;
    for (int k = 0; k < 3; ++k) {
        const Eigen::VectorXd w = gaussian(r, d), ws = gaussian(r, d);
        Eigen::MatrixXd X(n, d);
        r.fill_normal(X);
        const Eigen::VectorXd y = trainer::single_unit_labels(X, ws, trainer::Observation::relu);
        Eigen::VectorXd g, scratch;
        trainer::relu_least_squares_gradient(X, y, w, trainer::ReluConvention{0.5}, g, scratch);
        // per-coordinate standard errors of the summands
        Eigen::VectorXd z = X * w;
        const Eigen::VectorXd pg = population_gradient(w, ws);
        for (int c = 0; c < d; ++c) {
            Stat st;
            for (int i = 0; i < n; ++i) st.add(z(i) > 0 ? 2 * (z(i) - y(i)) * X(i, c) : 0.0);
            CHECK(std::abs(st.mean() - g(c)) < 1e-9 * (1 + std::abs(g(c))));  // the trainer computes the same sum
            CHECK(st.agrees(pg(c)));
            // power: a gradient without the factor 2 of (1 + sgn) (i.e. half of it) is rejected
            if (std::abs(pg(c)) > 0.1) CHECK_FALSE(st.agrees(pg(c) / 2));
        }
    }
}

TEST_CASE("population gradient = finite differences of the population loss", "[soltanolkotabi][closed-form]") {
    Rng r(15);
    for (int k = 0; k < 50; ++k) {
        const Eigen::VectorXd w = gaussian(r, 4), ws = gaussian(r, 4);
        const Eigen::VectorXd g = population_gradient(w, ws);
        for (int c = 0; c < 4; ++c) {
            const double h = 1e-5;
            Eigen::VectorXd wp = w, wm = w;
            wp(c) += h;
            wm(c) -= h;
            const double fd = (population_loss(wp, ws) - population_loss(wm, ws)) / (2 * h);
            CHECK(fd == Approx(g(c)).margin(1e-6));
        }
    }
}

TEST_CASE("(3.1) as printed is n times the gradient of (1.1): finite differences of the empirical loss", "[soltanolkotabi][closed-form]") {
    Rng r(16);
    const int n = 50, d = 5;
    Eigen::MatrixXd X(n, d);
    r.fill_normal(X);
    const Eigen::VectorXd ws = gaussian(r, d), y = trainer::single_unit_labels(X, ws, trainer::Observation::relu);
    for (int k = 0; k < 20; ++k) {
        const Eigen::VectorXd w = gaussian(r, d);
        Eigen::VectorXd g, scratch;
        trainer::relu_least_squares_gradient(X, y, w, trainer::ReluConvention{0.5}, g, scratch);
        // the printed (3.1): sum_i (ReLU - y_i)(1 + sgn) x_i, no 1/n
        Eigen::VectorXd printed = Eigen::VectorXd::Zero(d);
        for (int i = 0; i < n; ++i) {
            const double z = X.row(i).dot(w);
            printed += (std::max(z, 0.0) - y(i)) * (1 + (z > 0) - (z < 0)) * X.row(i).transpose();
        }
        for (int c = 0; c < d; ++c) {
            const double h = 1e-6;
            Eigen::VectorXd wp = w, wm = w;
            wp(c) += h;
            wm(c) -= h;
            const double fd = (trainer::relu_least_squares_loss(X, y, wp) - trainer::relu_least_squares_loss(X, y, wm)) / (2 * h);
            CHECK(fd == Approx(g(c)).margin(1e-6));
            CHECK(printed(c) == Approx(n * g(c)).margin(1e-8));
        }
    }
    // with the printed scale and eta = 1, PGD leaves every bounded region (the step is n times too long)
    Eigen::VectorXd w = Eigen::VectorXd::Zero(d), g, scratch;
    for (int t = 0; t < 10; ++t) {
        trainer::relu_least_squares_gradient(X, y, w, trainer::ReluConvention{0.5}, g, scratch);
        w -= (t == 0 ? 2.0 : 1.0) * n * g;
    }
    CHECK(w.norm() > 1e6);
}

TEST_CASE("first iterate with step 2: population w_1 = 2 relu'(0) w*; sgn(0) = 0 gives w_1 = w* (MC)", "[soltanolkotabi][closed-form]") {
    Rng r(17);
    const int n = 400000, d = 3;
    Eigen::MatrixXd X(n, d);
    r.fill_normal(X);
    const Eigen::VectorXd ws = gaussian(r, d), y = trainer::single_unit_labels(X, ws, trainer::Observation::relu);
    const Eigen::VectorXd zero = Eigen::VectorXd::Zero(d);
    Eigen::VectorXd g0, g_half, g1, scratch;
    trainer::relu_least_squares_gradient(X, y, zero, trainer::ReluConvention{0.0}, g0, scratch);
    trainer::relu_least_squares_gradient(X, y, zero, trainer::ReluConvention{0.5}, g_half, scratch);
    trainer::relu_least_squares_gradient(X, y, zero, trainer::ReluConvention{1.0}, g1, scratch);
    CHECK(g0.norm() == 0.0);  // sgn(0) = -1: PGD never leaves 0
    CHECK((g1 - 2 * g_half).norm() <= 1e-12 * g1.norm());
    const Eigen::VectorXd w1 = zero - 2.0 * g_half;  // = (2/n) sum y_i x_i
    for (int c = 0; c < d; ++c) {
        Stat st;
        for (int i = 0; i < n; ++i) st.add(2 * y(i) * X(i, c));
        CHECK(st.mean() == Approx(w1(c)).margin(1e-9));
        CHECK(st.agrees(ws(c)));                               // w_1 = w* in the population
        if (std::abs(ws(c)) > 0.1) CHECK_FALSE(st.agrees(2 * ws(c)));  // sgn(0) = +1's population value
    }
}

TEST_CASE("one population step: |w+ - w*|^2 = |w*|^2 (sin^2 t - 2 t sin t cos t + t^2)/pi^2 (MpInterval, 256 bits)",
          "[soltanolkotabi][closed-form]") {
    Rng r(18);
    const mpfr_prec_t prec = 256;
    for (int k = 0; k < 200; ++k) {
        // w, w* in the plane: w* = |w*| e1, w = |w| (cos t, sin t)
        const double nw = 0.1 + 3 * r.uniform01(), ns = 0.1 + 3 * r.uniform01(), tt = kPi * r.uniform01();
        const MpInterval NW(nw, prec), NS(ns, prec), T(tt, prec), P = MpInterval::pi(prec);
        // w+ = (|w*| sin t w/|w| + (pi - t) w*) / pi, from the gradient (independent of reduced.hpp)
        const MpInterval px = (NS * sin(T) * cos(T) + (P - T) * NS) / P, py = (NS * sin(T) * sin(T)) / P;
        const MpInterval lhs = (px - NS) * (px - NS) + py * py;
        const MpInterval rhs = NS * NS * soltanolkotabi::one_step_error2(T);
        const MpInterval diff = lhs - rhs;
        CHECK(diff.contains(0.0));
        CHECK(diff.width() < 1e-60);
        (void)NW;  // the step's error does not depend on |w|
    }
}

TEST_CASE("ALMT: E (|g| - tau)_+^2 = 2[(1 + tau^2) Phi(-tau) - tau phi(tau)] (MC, 5 sigma) and its MpInterval value",
          "[soltanolkotabi][closed-form]") {
    Rng r(19);
    for (double tau : {0.0, 0.5, 1.7174, 2.5}) {
        Stat st;
        for (int i = 0; i < 400000; ++i) {
            const double v = std::max(std::abs(r.normal()) - tau, 0.0);
            st.add(v * v);
        }
        const double cf = 2 * ((1 + tau * tau) * gaussian_cdf(-tau) - tau * gaussian_pdf(tau));
        CHECK(st.agrees(cf));
        const double mutant = 2 * ((1 + tau * tau) * gaussian_cdf(-tau) + tau * gaussian_pdf(tau));  // sign of tau phi
        if (tau > 0) CHECK_FALSE(st.agrees(mutant));
    }
    // J(tau*) in double agrees with its 256-bit enclosure
    const MpInterval J = soltanolkotabi::almt_l1_function(MpInterval(1.7174, 256), MpInterval(1000.0, 256), MpInterval(20.0, 256));
    CHECK(J.width() < 1e-60);
    CHECK(std::abs(J.lower_double_down() - soltanolkotabi::almt_l1_function(1.7174, 1000.0, 20.0)) < 1e-11);
}

// (6.2) as printed (l. 161), with the substitutions the display makes (E<u, w_j>^2 = E<u,w_j>E<u,w_k> = 1/n),
// checked line by line in exact rational arithmetic for N = 1..12.
TEST_CASE("(6.2) as printed: which equalities hold (exact rationals)", "[soltanolkotabi][closed-form]") {
    for (int N = 1; N <= 12; ++N) {
        Rational l3 = 0, l4 = 0, l5 = 0, l6 = 0;
        for (int n = 1; n <= N; ++n) {
            Rational s3 = 0, s4 = 0;
            for (int i = 1; i <= n; ++i) {
                s3 += Rational(i, n) + 2 * Rational(i * (i - 1) / 2, n);  // sum_{j<=i} 1/n + 2 sum_{j<k<=i} 1/n
                s4 += Rational(i * (i + 1), n);
            }
            l3 += s3 / 2;
            l4 += s4 / 2;
            l5 += Rational(n * (n + 1), n) / 2;
            l6 += Rational(n + 1, 2);
        }
        const Rational l7 = Rational(N * (N + 1) + N, 2), l8 = Rational(N * (N + 2), 2);
        INFO("N = " << N);
        // line 3 -> 4: sum_{j<=i} 1/n + 2 sum_{j<k<=i} 1/n = i^2/n, not i(i+1)/n
        CHECK(l3 != l4);
        // line 4 -> 5: sum_{i<=n} i(i+1)/n = (n+1)(n+2)/3, not n(n+1)/n (equal only for n = 1)
        CHECK((l4 == l5) == (N == 1));
        CHECK(l5 == l6);  // n(n+1)/n = n+1
        // line 6 -> 7: (1/2) sum_n (n+1) = (1/2)(N(N+1)/2 + N), not (1/2)(N(N+1) + N)
        CHECK(l6 != l7);
        CHECK(l7 == l8);  // N(N+1) + N = N(N+2)
    }
}
