// Audit of "Learning ReLUs via Gradient Descent" (Soltanolkotabi 2017), Sec. 6 convergence proof: the first
// PGD iterate from w_0 = 0 (l. 147-151) with eta_0 = 2, the value of sgn(0) in (3.1) there, and the
// one-step error of a population step with eta = 1 (the population counterpart of l. 228-236).
//
// At w = 0 every <w, x_i> is 0, so (3.1) (with the 1/n of (1.1)) gives
//   grad L(0) = (1/n) sum_i (0 - y_i)(1 + sgn 0) x_i = -(2 c0 / n) sum_i y_i x_i,  c0 = (1 + sgn 0)/2,
//   w_1 = P_K(0 - eta_0 grad L(0)) = P_K((4 c0 / n) sum_i y_i x_i),
// and in the population (E[y x] = E[ReLU(w*'x) x] = w*/2) w_1 = P_K(2 c0 w*):
//   sgn 0 = -1: c0 = 0, w_1 = 0 = w_0 (PGD never moves);  sgn 0 = 0: w_1 = P_K(w*) = w*;
//   sgn 0 = +1: w_1 = P_K(2 w*).
// The paper's own reading (l. 43: "one of the limit points of the gradient in a local neighborhood"):
// along w = r v, r -> 0+, the gradient tends to -(2/n) sum_{i : v'x_i > 0} y_i x_i, whose population
// value is -2 E[1{v'x > 0} ReLU(w*'x) x] = -(|w*| sin t v/|v| + (pi - t) w*)/pi, t = angle(v, w*): a
// family of first iterates w_1(v) = 2 (|w*| sin t v/|v| + (pi - t) w*)/pi from 2 w* (v = w*) to 0
// (v = -w*). sgn 0 = 0 is the average of v and -v (a Clarke subgradient), not a limit point.
#include <cmath>
#include <numbers>

#include <Eigen/Dense>

#include "audit/soltanolkotabi_common.hpp"
#include "relucert/rational.hpp"
#include "relucert/trainer/pgd.hpp"
#include "soltanolkotabi/reduced.hpp"

namespace relucert::audit::soltanolkotabi {

namespace {
Eigen::VectorXd to_eigen(const Vec<double>& v) { return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size())); }
}  // namespace

CheckResult first_iterate_monte_carlo(const AuditContext& ctx, const std::function<double(double)>& factor) {
    auto rng = item_rng(ctx, "soltanolkotabi.proj-7-34.first-iterate");
    const std::size_t d = 3, n = mc_samples(ctx);
    MonteCarloComparison mc("trainer's w_1 = 0 - 2 grad L(0) (K = R^d) vs the population value 2 c0 w*",
                            mc_method(ctx) + " (w_1 is the sample mean of 4 c0 y_i x_i)");
    for (double c0 : {0.5, 1.0}) {
        const Vec<double> ws = random_vector_with_norm(rng, d, 0.5, 2.0);
        Eigen::MatrixXd X(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(d));
        rng.fill_normal(X);
        const Eigen::VectorXd y = trainer::single_unit_labels(X, to_eigen(ws), trainer::Observation::relu);
        trainer::PgdOptions o;
        o.iterations = 1;
        o.relu = trainer::ReluConvention{c0};
        const Eigen::VectorXd w1 = trainer::run_pgd(X, y, to_eigen(ws), o).w;
        MomentAccumulator acc(d);
        Vec<double> s(d);
        for (Eigen::Index i = 0; i < X.rows(); ++i) {
            for (std::size_t c = 0; c < d; ++c) s[c] = 4 * c0 * y(i) * X(i, static_cast<Eigen::Index>(c));
            acc.add(s.data());
        }
        const auto se = acc.standard_errors();
        const Vec<double> mean(w1.data(), w1.data() + d), cf = vscale(factor(c0), ws);
        mc.compare(mean, se, cf, 2 * c0 * vnorm(ws), "c0=" + sci(c0) + " w*=" + format_vector(ws));
    }
    return mc.result();
}

CheckResult one_step_error_rewrite(const AuditContext& ctx, const Error2Form& error2) {
    auto rng = item_rng(ctx, "soltanolkotabi.step-6-11.one-step-error");
    IntervalComparison cmp("|w - grad L_pop(w) - w*|^2 vs |w*|^2 (sin^2 t - 2 t sin t cos t + t^2)/pi^2", kRewriteMethod);
    const std::size_t pts = ctx.quick ? 40 : 200;
    for (std::size_t p = 0; p < pts; ++p) {
        const double nw = 0.1 + 3 * rng.uniform01(), ns = 0.1 + 3 * rng.uniform01(), t = 0.01 + 3.1 * rng.uniform01();
        const Vec<double> w = {nw * std::cos(t), nw * std::sin(t)}, ws = {ns, 0.0};
        const Vec<M> W = mp(w), WS = mp(ws);
        const Vec<M> wplus = vsub(W, population_gradient(W, WS));
        const Vec<M> e = vsub(wplus, WS);
        const M lhs = vdot(e, e), rhs = vdot(WS, WS) * error2(angle_between(W, WS));
        cmp.compare(lhs, rhs, "|w|=" + sci(nw) + " |w*|=" + sci(ns) + " theta=" + sci(t), mid_double(rhs));
    }
    return cmp.result();
}

CheckResult limit_point_monte_carlo(const AuditContext& ctx, const std::function<Vec<double>(double)>& closed) {
    // w* = e1, v = (cos t, sin t, 0): E[4 1{v'x > 0} ReLU(w*'x) x] = 4 g(v, w*) = 2(sin t v + (pi - t) e1)/pi
    auto rng = item_rng(ctx, "soltanolkotabi.grad-eq3-1.sgn0.population");
    const std::size_t N = mc_samples(ctx);
    MonteCarloComparison pop("population limit-point first iterate E[4 1{v'x > 0} y x] vs 2(|w*| sin t v/|v| + (pi - t) w*)/pi",
                             mc_method(ctx));
    for (double t : {0.0, std::numbers::pi / 2, 2.5}) {
        const Vec<double> wsv = {1.0, 0.0, 0.0}, v = {std::cos(t), std::sin(t), 0.0};
        MomentAccumulator acc(3);
        Vec<double> x(3), s(3);
        for (std::size_t i = 0; i < N; ++i) {
            for (auto& xi : x) xi = rng.normal();
            const double f = vdot(v, x) > 0 ? 4 * std::max(0.0, x[0]) : 0.0;
            for (int c = 0; c < 3; ++c) s[static_cast<std::size_t>(c)] = f * x[static_cast<std::size_t>(c)];
            acc.add(s.data());
        }
        const Vec<double> cf = closed(t);
        const auto se = acc.standard_errors();
        pop.compare(acc.means(), se, cf, 2.0,  // scale: |w_1(w*)| = 2 |w*|, the largest
                    "theta(v, w*)=" + sci(t) + ": |w_1 - w*| = " + sci(vnorm(vsub(cf, wsv))) + " |w*|");
    }
    return pop.result();
}

namespace {

std::vector<CheckResult> first_iterate_item(const AuditContext& ctx) {
    return {first_iterate_monte_carlo(ctx, [](double c0) { return 2 * c0; })};
}
std::vector<CheckResult> one_step_item(const AuditContext& ctx) {
    return {one_step_error_rewrite(ctx, [](const M& t) { return relucert::soltanolkotabi::one_step_error2(t); })};
}

// ---- the sgn(0) table ------------------------------------------------------------------------------
// Exact first iterates on a sample: X has double entries (exact rationals), y_i = ReLU(<x_i, w*>) and
// sum_i (1 + s) y_i x_i are computed in exact rational arithmetic for s = sgn 0 in {-1, 0, +1}.
std::vector<CheckResult> sgn0_item(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "soltanolkotabi.grad-eq3-1.sgn0");
    const int n = 12, d = 3;
    Eigen::MatrixXd X(n, d);
    rng.fill_normal(X);
    const Eigen::VectorXd ws = to_eigen(random_vector_with_norm(rng, d, 0.5, 2.0));
    const Eigen::VectorXd y = trainer::single_unit_labels(X, ws, trainer::Observation::relu);
    std::vector<Rational> yq(n);
    for (int i = 0; i < n; ++i) {
        Rational z = 0;
        for (int c = 0; c < d; ++c) z += Rational(X(i, c)) * Rational(ws(c));
        yq[static_cast<std::size_t>(i)] = z > 0 ? z : Rational(0);
    }
    // exact w_1 = 0 - eta_0 (1/n) sum_i (0 - y_i)(1 + s) x_i, eta_0 = 2
    auto exact_w1 = [&](int s) {
        std::vector<Rational> w1(d, Rational(0));
        for (int i = 0; i < n; ++i)
            for (int c = 0; c < d; ++c) w1[static_cast<std::size_t>(c)] += Rational(2) * yq[static_cast<std::size_t>(i)] * Rational(1 + s) * Rational(X(i, c)) / Rational(n);
        return w1;
    };
    ToleranceComparison tr("trainer's w_1 (run_pgd, eta_0 = 2, K = R^d) vs the exact w_1 = (2(1 + sgn 0)/n) sum y_i x_i",
                           "exact rationals vs double; the trainer sums 12 products (relative 1e-13)", 1e-13);
    PredicateCheck facts("sgn 0 = -1: w_1 = 0 exactly and w_t = 0 for t <= 20; w_1(+1) = 2 w_1(0) exactly; w_1(0) = (2/n) X'y",
                         "exact rationals and the trainer's iterates (bitwise)");
    std::vector<std::vector<Rational>> w1s;
    for (int s : {-1, 0, 1}) {
        const auto w1 = exact_w1(s);
        w1s.push_back(w1);
        trainer::PgdOptions o;
        o.iterations = s == -1 ? 20 : 1;
        o.relu = trainer::ReluConvention{(1.0 + s) / 2};
        const auto run = trainer::run_pgd(X, y, ws, o);
        const double scale = std::abs(to_double(w1[0])) + std::abs(to_double(w1[1])) + std::abs(to_double(w1[2]));
        for (int c = 0; c < d; ++c)
            tr.compare(run.w(c), to_double(w1[static_cast<std::size_t>(c)]), "sgn0=" + std::to_string(s), scale);
        if (s == -1) {
            bool zero = true;
            for (const auto& q : w1) zero = zero && q == 0;
            facts.add(zero, 0, "exact w_1 for sgn 0 = -1");
            facts.add(run.w.isZero(0.0) && run.errors.back() == run.errors.front(), 0, "trainer, 20 iterations, sgn 0 = -1");
        }
    }
    bool twice = true, half_xty = true;
    for (int c = 0; c < d; ++c) {
        twice = twice && w1s[2][static_cast<std::size_t>(c)] == 2 * w1s[1][static_cast<std::size_t>(c)];
        Rational xty = 0;
        for (int i = 0; i < n; ++i) xty += Rational(X(i, c)) * yq[static_cast<std::size_t>(i)];
        half_xty = half_xty && w1s[1][static_cast<std::size_t>(c)] == 2 * xty / Rational(n);
    }
    facts.add(twice, 0, "w_1(sgn 0 = +1) = 2 w_1(sgn 0 = 0)");
    facts.add(half_xty, 0, "w_1(sgn 0 = 0) = (2/n) X'y");

    // The 'limit points' reading: the trainer's gradient at w = r v, r = 2^-40, against the exact limit
    // -(2/n) sum_{v'x_i > 0} y_i x_i (their difference is (2r/n) sum_{v'x_i>0} (v'x_i) x_i = O(r)).
    ToleranceComparison lim("trainer's grad L(r v), r = 2^-40, vs the exact one-sided limit -(2/n) sum_{v'x_i > 0} y_i x_i",
                            "exact rationals vs double; O(r) = 1e-12 difference, tolerance 1e-9 relative", 1e-9);
    for (int k = 0; k < 4; ++k) {
        Eigen::VectorXd v = k == 0 ? Eigen::VectorXd(ws) : k == 1 ? Eigen::VectorXd(-ws) : to_eigen(random_normal_vector(rng, d));
        Eigen::VectorXd g, scratch;
        trainer::relu_least_squares_gradient(X, y, std::ldexp(1.0, -40) * v, trainer::ReluConvention{0.5}, g, scratch);
        std::vector<Rational> limit(d, Rational(0));
        for (int i = 0; i < n; ++i) {
            if (!(X.row(i).dot(v) > 0)) continue;
            for (int c = 0; c < d; ++c) limit[static_cast<std::size_t>(c)] -= Rational(2) * yq[static_cast<std::size_t>(i)] * Rational(X(i, c)) / Rational(n);
        }
        const double scale = std::abs(to_double(w1s[2][0])) + std::abs(to_double(w1s[2][1])) + std::abs(to_double(w1s[2][2]));
        for (int c = 0; c < d; ++c) lim.compare(g(c), to_double(limit[static_cast<std::size_t>(c)]), "v #" + std::to_string(k), scale);
    }
    return {tr.result(), facts.result(), lim.result(),
            limit_point_monte_carlo(ctx, [](double t) {
                return Vec<double>{2 * (std::sin(t) * std::cos(t) + (std::numbers::pi - t)) / std::numbers::pi,
                                   2 * std::sin(t) * std::sin(t) / std::numbers::pi, 0.0};
            })};
}

const AuditRegistration r_first({"soltanolkotabi.proj-7-34.first-iterate", "Sec. 6 first iteration, l. 147-151; Thm 3.1 eta_0 = 2",
                                 "w_1 = P_K(w_0 - eta_0 grad L(w_0)), w_0 = 0, eta_0 = 2: population value P_K(2 relu'(0) w*), "
                                 "= P_K(w*) for sgn 0 = 0",
                                 "Monte Carlo through the trainer's first PGD step (c0 = 1/2 and 1)", true,
                                 "l. 149 prints w_1 = PK(w_0) = PK(L(w_0)) = PK(sum <xi_i, w*> xi_i): no step, no 1/n, xi_i "
                                 "undefined; checked is what (3.1) and (3.3) give",
                                 first_iterate_item});
const AuditRegistration r_sgn0({"soltanolkotabi.grad-eq3-1.sgn0", "Sec. 3 (3.1) at w_0 = 0 (l. 43-55)",
                                "w_1 = (2(1 + sgn 0)/n) sum_i y_i x_i: sgn 0 = -1 -> 0 (PGD never moves), 0 -> (2/n) X'y, "
                                "+1 -> twice that; 'limit points' reading: w_1(v) = -2 lim_{r->0+} grad L(r v)",
                                "exact rationals on a sample (n = 12, d = 3) vs the trainer; Monte Carlo of the population "
                                "limit-point iterate",
                                true, "", sgn0_item});
const AuditRegistration r_step({"soltanolkotabi.step-6-11.one-step-error", "Sec. 6 l. 228-236 (population counterpart, eta = 1)",
                                "|w+ - w*|^2 = |w*|^2 (sin^2 t - 2 t sin t cos t + t^2)/pi^2, w+ = w - grad L_pop(w) "
                                "(independent of |w|)",
                                "MPFR 256-bit intervals at random (|w|, |w*|, theta)", true, "", one_step_item});

}  // namespace
}  // namespace relucert::audit::soltanolkotabi
