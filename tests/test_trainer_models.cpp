// Closed forms of the trainer's models against independent computations: Monte Carlo with stated error
// bars (tolerance 5 standard errors, fixed seeds), central finite differences, the linear paper's own
// k = 2 formulas (E.1.1, E.1.3), and exact special values.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <vector>

#include "relucert/models/arc_cosine_kernel.hpp"
#include "relucert/models/relu_population.hpp"
#include "relucert/trainer/data.hpp"
#include "relucert/trainer/objective.hpp"
#include "relucert/trainer/rng.hpp"

using namespace relucert;
using namespace relucert::trainer;
using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

constexpr double kSigmas = 5.0;  // Monte Carlo tolerance: 5 standard errors

std::span<const double> sp(const VectorXd& v) { return {v.data(), static_cast<std::size_t>(v.size())}; }

// Vectors with a prescribed angle in R^d.
std::pair<VectorXd, VectorXd> pair_at_angle(Eigen::Index d, double theta, double na, double nb, Rng& rng) {
    VectorXd e1(d), e2(d);
    for (Eigen::Index i = 0; i < d; ++i) e1(i) = rng.normal();
    e1.normalize();
    for (Eigen::Index i = 0; i < d; ++i) e2(i) = rng.normal();
    e2 -= e2.dot(e1) * e1;
    e2.normalize();
    return {na * e1, nb * (std::cos(theta) * e1 + std::sin(theta) * e2)};
}

// Monte Carlo of E[(a'x)+ (b'x)+] with its standard error.
MonteCarloEstimate mc_kernel(const VectorXd& a, const VectorXd& b, Eigen::Index n, Rng& rng) {
    double mean = 0, m2 = 0;
    VectorXd x(a.size());
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = 0; j < x.size(); ++j) x(j) = rng.normal();
        const double v = std::max(0.0, a.dot(x)) * std::max(0.0, b.dot(x));
        const double delta = v - mean;
        mean += delta / static_cast<double>(i + 1);
        m2 += delta * (v - mean);
    }
    return {mean, std::sqrt(m2 / static_cast<double>(n - 1) / static_cast<double>(n)), n};
}

double kernel(const VectorXd& a, const VectorXd& b) { return models::arc_cosine_kernel(sp(a), sp(b)); }

}  // namespace

TEST_CASE("arc-cosine kernel: exact special values (eq. 5)", "[trainer][models]") {
    Rng rng(11);
    for (double na : {0.3, 1.0, 7.0}) {
        auto [a, b] = pair_at_angle(6, std::numbers::pi / 2, na, 2.0, rng);
        CHECK(kernel(a, a) == Approx(na * na / 2).epsilon(1e-14));             // E[(a'x)+^2] = |a|^2/2
        CHECK(std::fabs(kernel(a, VectorXd(-a))) < 1e-15 * na * na);            // disjoint supports
        CHECK(kernel(a, b) == Approx(na * 2.0 / (2 * std::numbers::pi)).epsilon(1e-14));  // theta = pi/2
    }
    CHECK(kernel(VectorXd::Zero(4), VectorXd::Ones(4)) == 0.0);
    CHECK(models::arc_cosine_angular(0.0) == Approx(std::numbers::pi));
}

TEST_CASE("arc-cosine kernel agrees with Monte Carlo within 5 standard errors", "[trainer][models]") {
    Rng rng(2024);
    for (double theta : {0.0, 0.3, 1.2, std::numbers::pi / 2, 2.5, 3.1, std::numbers::pi}) {
        auto [a, b] = pair_at_angle(5, theta, 1.3, 0.7, rng);
        const auto e = mc_kernel(a, b, 200000, rng);
        INFO("theta = " << theta << " closed " << kernel(a, b) << " MC " << e.mean << " +- " << e.standard_error);
        CHECK(std::fabs(kernel(a, b) - e.mean) <= kSigmas * e.standard_error + 1e-15);
    }
    // A mutated formula (cos and sin swapped) must be caught by the same test at some angle.
    bool caught = false;
    for (double theta : {0.3, 1.2, 2.5}) {
        auto [a, b] = pair_at_angle(5, theta, 1.3, 0.7, rng);
        const double wrong = 1.3 * 0.7 * (std::cos(theta) + (std::numbers::pi - theta) * std::sin(theta)) / (2 * std::numbers::pi);
        const auto e = mc_kernel(a, b, 200000, rng);
        caught = caught || std::fabs(wrong - e.mean) > kSigmas * e.standard_error;
    }
    CHECK(caught);
}

TEST_CASE("arc-cosine kernel gradient (eq. 7) matches central finite differences", "[trainer][models]") {
    Rng rng(5);
    for (double theta : {0.2, 1.0, 2.0, 3.0}) {
        auto [a, b] = pair_at_angle(7, theta, 0.8, 1.9, rng);
        VectorXd g(7);
        models::arc_cosine_kernel_gradient(sp(a), sp(b), std::span<double>(g.data(), 7), 0.0);
        for (Eigen::Index i = 0; i < 7; ++i) {
            const double h = 1e-6;
            VectorXd ap = a, am = a;
            ap(i) += h;
            am(i) -= h;
            const double fd = (kernel(ap, b) - kernel(am, b)) / (2 * h);
            CHECK(g(i) == Approx(fd).margin(1e-8));
        }
    }
    // At a = 0 the convention c = relu'(0) gives c b / 2.
    VectorXd b = VectorXd::LinSpaced(4, 1, 4), g(4);
    models::arc_cosine_kernel_gradient(sp(VectorXd::Zero(4)), sp(b), std::span<double>(g.data(), 4), 0.5);
    CHECK((g - b / 4).norm() < 1e-15);
}

TEST_CASE("population loss closed form agrees with Monte Carlo (linear, ReLU and mixed teachers)", "[trainer][models]") {
    Rng rng(77);
    const Eigen::Index d = 6;
    struct Case {
        const char* name;
        Network net;
        Teacher teacher;
    };
    std::vector<Case> cases;
    auto gauss = [&](Eigen::Index r, Eigen::Index c, double s) {
        MatrixXd m(r, c);
        rng.fill_normal(m, s);
        return m;
    };
    cases.push_back({"k=2 v=[1,-1], a", Network(gauss(2, d, 0.5), (MatrixXd(2, 1) << 1, -1).finished()),
                     Teacher::linear(gauss(1, d, 1.0))});
    cases.push_back({"k=4 random v, a", Network(gauss(4, d, 0.5), gauss(4, 1, 1.0)), Teacher::linear(gauss(1, d, 1.0))});
    cases.push_back({"k=3 r=2, A", Network(gauss(3, d, 0.7), gauss(3, 2, 1.0)), Teacher::linear(gauss(2, d, 1.0))});
    cases.push_back({"k=3, single ReLU teacher", Network(gauss(3, d, 0.5), gauss(3, 1, 1.0)),
                     Teacher::single_relu(gauss(d, 1, 1.0).col(0))});
    Teacher mixed = Teacher::single_relu(gauss(d, 1, 1.0).col(0));
    mixed.A = gauss(1, d, 0.5);
    cases.push_back({"k=2, ReLU + linear teacher", Network(gauss(2, d, 0.5), gauss(2, 1, 1.0)), mixed});
    for (auto& c : cases) {
        GaussianPopulationLoss L(c.teacher);
        const double closed = L.evaluate(c.net, nullptr);
        const auto e = monte_carlo_population_loss(c.net, c.teacher, InputDistribution::standard_gaussian(d), 400000, rng);
        INFO(c.name << ": closed " << closed << " MC " << e.mean << " +- " << e.standard_error);
        CHECK(std::fabs(closed - e.mean) <= kSigmas * e.standard_error);
        CHECK(e.standard_error < 0.01 * closed);  // the test has power
    }
}

namespace {
// Central finite differences of an objective's loss in every trainable entry.
void check_gradient_fd(Objective& L, const Network& p, double tol) {
    Network g = p.zeros_like();
    L.evaluate(p, &g);
    const double h = 1e-6;
    auto probe = [&](auto member, Eigen::Index i, Eigen::Index j, double analytic) {
        Network pp = p, pm = p;
        (pp.*member)(i, j) += h;
        (pm.*member)(i, j) -= h;
        const double fd = (L.evaluate(pp, nullptr) - L.evaluate(pm, nullptr)) / (2 * h);
        INFO("entry (" << i << ", " << j << ")");
        CHECK(analytic == Approx(fd).margin(tol));
    };
    if (L.trainable().hidden)
        for (Eigen::Index i = 0; i < p.W.rows(); ++i)
            for (Eigen::Index j = 0; j < p.W.cols(); ++j) probe(&Network::W, i, j, g.W(i, j));
    if (L.trainable().outer)
        for (Eigen::Index i = 0; i < p.V.rows(); ++i)
            for (Eigen::Index j = 0; j < p.V.cols(); ++j) probe(&Network::V, i, j, g.V(i, j));
    if (L.trainable().bias && p.has_bias())
        for (Eigen::Index i = 0; i < p.b.size(); ++i) {
            Network pp = p, pm = p;
            pp.b(i) += h;
            pm.b(i) -= h;
            const double fd = (L.evaluate(pp, nullptr) - L.evaluate(pm, nullptr)) / (2 * h);
            CHECK(g.b(i) == Approx(fd).margin(tol));
        }
    if (!L.trainable().outer) CHECK(g.V.isZero(0.0));
}
}  // namespace

TEST_CASE("population gradient (eq. 8, general k, r, teachers) matches finite differences", "[trainer][models]") {
    Rng rng(9);
    const Eigen::Index d = 5;
    MatrixXd W(3, d), V(3, 2), A(2, d);
    rng.fill_normal(W, 0.6);
    rng.fill_normal(V, 1.0);
    rng.fill_normal(A, 1.0);
    GaussianPopulationLoss L(Teacher::linear(A), Trainable{true, false, true});
    check_gradient_fd(L, Network(W, V), 1e-7);
    MatrixXd z(d, 1);
    rng.fill_normal(z, 1.0);
    GaussianPopulationLoss R(Teacher::single_relu(z.col(0)), Trainable{true, false, true});
    check_gradient_fd(R, Network(W, V.leftCols(1)), 1e-7);
    GaussianPopulationLoss F(Teacher::single_relu(z.col(0)), Trainable{true, false, false});
    check_gradient_fd(F, Network(W, V.leftCols(1)), 1e-7);
}

TEST_CASE("empirical gradient (with bias, both layers) matches finite differences", "[trainer][models]") {
    Rng rng(13);
    const Eigen::Index d = 4;
    MatrixXd A(2, d);
    rng.fill_normal(A, 1.0);
    // Chunk 7 with n = 50 exercises a short last chunk; k = 3 takes the unit-by-unit path, k = 6 the
    // GEMM path.
    EmpiricalLoss L(sample_dataset(Teacher::linear(A), InputDistribution::uniform_ball(d, 2.0), 50, rng),
                    Trainable{true, true, true}, ReluConvention{}, 7);
    for (Eigen::Index k : {1, 3, 6}) {
        MatrixXd W(k, d), V(k, 2);
        rng.fill_normal(W, 1.0);
        rng.fill_normal(V, 1.0);
        Network p(W, V, VectorXd::Constant(k, 0.1));
        check_gradient_fd(L, p, 1e-7);
        // Both paths agree on the loss with the direct forward pass.
        const MatrixXd R = p.predict(L.data().X) - L.data().Y;
        CHECK(L.evaluate(p, nullptr) == Approx(0.5 * R.squaredNorm() / 50).epsilon(1e-13));
    }
}

TEST_CASE("closed-form population gradient agrees with the Monte Carlo gradient", "[trainer][models]") {
    Rng rng(31);
    const Eigen::Index d = 4;
    MatrixXd W(3, d), V(3, 1), a(1, d);
    rng.fill_normal(W, 0.8);
    rng.fill_normal(V, 1.0);
    rng.fill_normal(a, 1.0);
    const Teacher T = Teacher::linear(a);
    const Network p(W, V);
    GaussianPopulationLoss L(T, Trainable{true, false, true});
    Network g = p.zeros_like();
    L.evaluate(p, &g);
    const auto mc = monte_carlo_population_gradient(p, T, InputDistribution::standard_gaussian(d), 400000, rng);
    const double zW = ((g.W - mc.mean.W).array().abs() / mc.standard_error.W.array()).maxCoeff();
    const double zV = ((g.V - mc.mean.V).array().abs() / mc.standard_error.V.array()).maxCoeff();
    INFO("max |closed - MC| / SE: W " << zW << ", V " << zV);
    CHECK(zW <= kSigmas);
    CHECK(zV <= kSigmas);
    CHECK(mc.standard_error.W.maxCoeff() < 0.01);
}

TEST_CASE("empirical loss and gradient approach the closed forms as n grows", "[trainer][models]") {
    Rng rng(4);
    const Eigen::Index d = 5;
    MatrixXd W(2, d), a(1, d);
    rng.fill_normal(W, 0.7);
    rng.fill_normal(a, 1.0);
    const Network p(W, (MatrixXd(2, 1) << 1, -1).finished());
    const Teacher T = Teacher::linear(a);
    GaussianPopulationLoss pop(T);
    Network gp = p.zeros_like(), ge = p.zeros_like();
    const double lp = pop.evaluate(p, &gp);
    double previous_error = 1e300;
    for (Eigen::Index n : {1000, 30000, 300000}) {
        Rng data_rng(100 + static_cast<std::uint64_t>(n));
        EmpiricalLoss emp(sample_dataset(T, InputDistribution::standard_gaussian(d), n, data_rng));
        const double le = emp.evaluate(p, &ge);
        // The same samples' per-point losses give the error bar of the empirical loss.
        Rng again(100 + static_cast<std::uint64_t>(n));
        const auto e = monte_carlo_population_loss(p, T, InputDistribution::standard_gaussian(d), n, again);
        CHECK(e.mean == Approx(le).epsilon(1e-12));  // same draws, same estimate
        CHECK(std::fabs(le - lp) <= kSigmas * e.standard_error);
        const double err = (ge.W - gp.W).norm();
        CHECK(err < previous_error);
        previous_error = err;
    }
    CHECK(previous_error < 0.02);
}

TEST_CASE("generic r = 1 forms reproduce the linear paper's k = 2 formulas (E.1.1, E.1.3)", "[trainer][models]") {
    Rng rng(3);
    const std::size_t d = 6;
    for (int rep = 0; rep < 5; ++rep) {
        VectorXd w1(d), w2(d), a(d);
        for (std::size_t i = 0; i < d; ++i) {
            w1(i) = rng.normal();
            w2(i) = rng.normal();
            a(i) = rng.normal();
        }
        std::vector<double> W(2 * d), v = {1.0, -1.0}, G(2 * d);
        for (std::size_t i = 0; i < d; ++i) {
            W[i] = w1(i);
            W[d + i] = w2(i);
        }
        models::linear_population_gradient<double>(2, d, W, v, sp(a), G, 0.0);
        const double n1 = w1.norm(), n2 = w2.norm();
        const double th = std::acos(w1.dot(w2) / (n1 * n2)), pi = std::numbers::pi;
        const VectorXd g1 = -a / 2 + (pi * w1 - std::sin(th) * n2 * w1 / n1 - (pi - th) * w2) / (2 * pi);
        const VectorXd g2 = a / 2 - ((pi - th) * w1 + std::sin(th) * n1 * w2 / n2 - pi * w2) / (2 * pi);
        const VectorXd sum = 0.5 * ((th / pi) * (w1 + w2) - (std::sin(th) / pi) * (n2 * w1 / n1 + n1 * w2 / n2));
        for (std::size_t i = 0; i < d; ++i) {
            CHECK(G[i] == Approx(g1(i)).margin(1e-13));
            CHECK(G[d + i] == Approx(g2(i)).margin(1e-13));
            CHECK(G[i] + G[d + i] == Approx(sum(i)).margin(1e-13));
        }
        // eq. (6) with r = 1 written out: (1/4pi) u'(sin T + (pi 11' - T) o cos T) u - a'W'v/2 + |a|^2/2.
        const double h12 = std::sin(th) + (pi - th) * std::cos(th);
        const double L6 = (n1 * n1 * pi + n2 * n2 * pi - 2 * n1 * n2 * h12) / (4 * pi) - 0.5 * a.dot(w1 - w2) + 0.5 * a.squaredNorm();
        CHECK(models::linear_population_loss<double>(2, d, W, v, sp(a)) == Approx(L6).epsilon(1e-13));
        // The trainer's Eigen path (Kahan angles) agrees with the generic span path.
        MatrixXd Wm(2, d);
        Wm.row(0) = w1.transpose();
        Wm.row(1) = w2.transpose();
        GaussianPopulationLoss L(Teacher::linear(a.transpose()));
        Network p(Wm, (MatrixXd(2, 1) << 1, -1).finished()), g = p.zeros_like();
        CHECK(L.evaluate(p, &g) == Approx(L6).epsilon(1e-13));
        for (std::size_t i = 0; i < d; ++i) CHECK(g.W(0, static_cast<Eigen::Index>(i)) == Approx(g1(i)).margin(1e-13));
    }
}

TEST_CASE("relu'(0) convention at a zero hidden unit: c b/2 rule, and c = 1/2 is the two-sided average",
          "[trainer][models]") {
    Rng rng(8);
    const Eigen::Index d = 5;
    MatrixXd W(2, d), a(1, d);
    rng.fill_normal(W, 1.0);
    rng.fill_normal(a, 1.0);
    W.row(0).setZero();
    const MatrixXd v = (MatrixXd(2, 1) << 1.5, -0.5).finished();
    const Teacher T = Teacher::linear(a);
    for (double c : {0.0, 0.5, 1.0}) {
        GaussianPopulationLoss L(T, Trainable{}, ReluConvention{c});
        Network p(W, v), g = p.zeros_like();
        L.evaluate(p, &g);
        // c v_1 (1/2 sum_j v_j w_j - a) with w_1 = 0.
        const Eigen::RowVectorXd expect = c * v(0, 0) * (0.5 * v(1, 0) * W.row(1) - a.row(0));
        CHECK((g.W.row(0) - expect).norm() < 1e-14);
    }
    // The one-sided limits from eps*u and -eps*u average to the c = 1/2 value.
    GaussianPopulationLoss half(T, Trainable{}, ReluConvention{0.5});
    Network p0(W, v), g0 = p0.zeros_like(), gp = p0.zeros_like(), gm = p0.zeros_like();
    half.evaluate(p0, &g0);
    MatrixXd u(1, d);
    rng.fill_normal(u, 1.0);
    Network pp = p0, pm = p0;
    pp.W.row(0) = 1e-9 * u;
    pm.W.row(0) = -1e-9 * u;
    half.evaluate(pp, &gp);
    half.evaluate(pm, &gm);
    CHECK((0.5 * (gp.W.row(0) + gm.W.row(0)) - g0.W.row(0)).norm() < 1e-8);
    CHECK((gp.W.row(0) - g0.W.row(0)).norm() > 1e-3);  // one-sided limits differ: not differentiable
}

#include "relucert/interval.hpp"

TEST_CASE("the generic closed forms instantiate on Interval and enclose the double values", "[trainer][models]") {
    // The same templates serve the certifier (DEVELOPERS.md, layer 2): at a point, the interval
    // evaluation must contain the double evaluation and be narrow.
    Rng rng(99);
    const std::size_t k = 3, d = 4;
    for (int rep = 0; rep < 10; ++rep) {
        std::vector<double> W(k * d), v(k), a(d), G(k * d);
        for (auto& x : W) x = rng.normal();
        for (auto& x : v) x = rng.normal();
        for (auto& x : a) x = rng.normal();
        std::vector<Interval> Wi(W.begin(), W.end()), vi(v.begin(), v.end()), ai(a.begin(), a.end()), Gi(k * d);
        const double L = models::linear_population_loss<double>(k, d, W, v, a);
        const Interval Li = models::linear_population_loss<Interval>(k, d, Wi, vi, ai);
        CHECK(Li.contains(L));
        CHECK(Li.width() < 1e-12);
        models::linear_population_gradient<double>(k, d, W, v, a, G, 0.0);
        models::linear_population_gradient<Interval>(k, d, Wi, vi, ai, Gi, Interval(0));
        for (std::size_t i = 0; i < k * d; ++i) {
            CHECK(Gi[i].contains(G[i]));
            CHECK(Gi[i].width() < 1e-12);
        }
        const Interval f = models::arc_cosine_kernel<Interval>(std::span<const Interval>(Wi.data(), d),
                                                               std::span<const Interval>(Wi.data() + d, d));
        CHECK(f.contains(models::arc_cosine_kernel<double>(std::span<const double>(W.data(), d),
                                                           std::span<const double>(W.data() + d, d))));
    }
}
