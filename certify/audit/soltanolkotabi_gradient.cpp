// Audit of "Learning ReLUs via Gradient Descent" (Soltanolkotabi 2017), Sec. 3 (l. 43-45): the loss (1.1),
// its generalised gradient (3.1), and the population closed forms the analysis rests on.
#include <cmath>
#include <numbers>

#include <Eigen/Dense>

#include "audit/soltanolkotabi_common.hpp"
#include "relucert/trainer/pgd.hpp"

namespace relucert::audit::soltanolkotabi {

namespace {
Vec<double> to_vec(const Eigen::VectorXd& v) { return Vec<double>(v.data(), v.data() + v.size()); }
Eigen::VectorXd to_eigen(const Vec<double>& v) { return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size())); }

// Pairs (w, w*) with angles spread over (0, pi): w* random, w rotated from w* by a chosen angle.
void pair_at_angle(trainer::Rng& rng, std::size_t d, double theta, Vec<double>& w, Vec<double>& ws) {
    ws = random_vector_with_norm(rng, d, 0.5, 2.0);
    Vec<double> r = random_normal_vector(rng, d);
    const Vec<double> u = unit(ws);
    r = vaxpy(r, -vdot(r, u), u);  // orthogonal to w*
    const Vec<double> v = unit(r);
    const double nw = 0.5 + 1.5 * rng.uniform01();
    w = vaxpy(vscale(nw * std::cos(theta), u), nw * std::sin(theta), v);
}
constexpr double kAngles[4] = {0.3, 1.1, 1.9, 2.6};

// ReLU of an enclosure whose sign is certain (the audit's sample points keep |<w, x_i>| away from 0).
M relu_certain(const M& z) {
    if (z.certainly_positive()) return z;
    if (z.certainly_negative()) return mp(0);
    throw std::runtime_error("ReLU argument encloses 0");
}
}  // namespace

CheckResult kernel_monte_carlo(const AuditContext& ctx, const KernelForm& closed) {
    auto rng = item_rng(ctx, "soltanolkotabi.grad-eq3-1.kernel");
    const std::size_t d = 3, N = mc_samples(ctx);
    MonteCarloComparison mc("E[ReLU(w'x) ReLU(w*'x)] vs |w||w*|(sin t + (pi - t) cos t)/(2 pi)", mc_method(ctx));
    for (double theta : kAngles) {
        Vec<double> w, ws;
        pair_at_angle(rng, d, theta, w, ws);
        MomentAccumulator acc(1);
        Vec<double> x(d);
        for (std::size_t i = 0; i < N; ++i) {
            for (auto& xi : x) xi = rng.normal();
            const double s = std::max(0.0, vdot(w, x)) * std::max(0.0, vdot(ws, x));
            acc.add(&s);
        }
        const double f = closed(vnorm(w), vnorm(ws), angle_between(w, ws));
        // scale |w||w*|/2, the kernel at theta = 0 (the value itself is ~0 near theta = pi)
        const double scale = vnorm(w) * vnorm(ws) / 2;
        const auto se = acc.standard_errors();
        mc.compare({acc.means().data(), 1}, {se.data(), 1}, {&f, 1}, scale, "w=" + format_vector(w) + " w*=" + format_vector(ws));
    }
    return mc.result();
}

CheckResult sign_probability_monte_carlo(const AuditContext& ctx, const AngleForm& closed) {
    auto rng = item_rng(ctx, "soltanolkotabi.grad-eq3-1.sign-probability");
    const std::size_t d = 4, N = mc_samples(ctx);
    MonteCarloComparison mc("P(sgn<x, w> != sgn<x, w*>) vs theta/pi", mc_method(ctx));
    for (double theta : kAngles) {
        Vec<double> w, ws;
        pair_at_angle(rng, d, theta, w, ws);
        MomentAccumulator acc(1);
        Vec<double> x(d);
        for (std::size_t i = 0; i < N; ++i) {
            for (auto& xi : x) xi = rng.normal();
            const double s = (vdot(w, x) > 0) != (vdot(ws, x) > 0) ? 1.0 : 0.0;
            acc.add(&s);
        }
        const double t = angle_between(w, ws), p = closed(t);
        const auto se = acc.standard_errors();
        mc.compare({acc.means().data(), 1}, {se.data(), 1}, {&p, 1}, t / std::numbers::pi, "theta=" + sci(t));
    }
    return mc.result();
}

CheckResult activation_covariance_monte_carlo(const AuditContext& ctx, double diag) {
    auto rng = item_rng(ctx, "soltanolkotabi.grad-eq3-1.activation-covariance");
    const std::size_t d = 3, N = mc_samples(ctx);
    MonteCarloComparison mc("E[1{w'x > 0} x x'] vs I/2 (all 9 entries)", mc_method(ctx));
    for (int p = 0; p < 2; ++p) {
        const Vec<double> w = random_vector_with_norm(rng, d, 0.5, 2.0);
        MomentAccumulator acc(d * d);
        Vec<double> x(d), s(d * d);
        for (std::size_t i = 0; i < N; ++i) {
            for (auto& xi : x) xi = rng.normal();
            const double ind = vdot(w, x) > 0 ? 1.0 : 0.0;
            for (std::size_t a = 0; a < d; ++a)
                for (std::size_t b = 0; b < d; ++b) s[a * d + b] = ind * x[a] * x[b];
            acc.add(s.data());
        }
        Vec<double> cf(d * d, 0.0);
        for (std::size_t a = 0; a < d; ++a) cf[a * d + a] = diag;
        const auto se = acc.standard_errors();
        mc.compare(acc.means(), se, cf, 0.5, "w=" + format_vector(w));
    }
    return mc.result();
}

std::vector<CheckResult> population_gradient_vs_trainer(const AuditContext& ctx, const GradientForm& closed) {
    auto rng = item_rng(ctx, "soltanolkotabi.grad-eq3-1.population");
    const std::size_t d = 3, n = mc_samples(ctx);
    MonteCarloComparison mc("trainer's (3.1) (1/n, sgn 0 = 0) on n samples vs w - (|w*| sin t w/|w| + (pi - t) w*)/pi",
                            mc_method(ctx) + " (the trainer's gradient is the sample mean)");
    ToleranceComparison same("trainer's gradient = mean of the summands (ReLU(w'x_i) - y_i)(1 + sgn w'x_i) x_i",
                             "double; summation error <= n u sum|terms| ~ 1e-10 relative", 1e-9);
    for (double theta : {0.5, 1.5, 2.4}) {
        Vec<double> w, ws;
        pair_at_angle(rng, d, theta, w, ws);
        Eigen::MatrixXd X(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(d));
        rng.fill_normal(X);
        const Eigen::VectorXd y = trainer::single_unit_labels(X, to_eigen(ws), trainer::Observation::relu);
        Eigen::VectorXd g, scratch;
        trainer::relu_least_squares_gradient(X, y, to_eigen(w), trainer::ReluConvention{0.5}, g, scratch);
        MomentAccumulator acc(d);
        Vec<double> s(d);
        const Eigen::VectorXd z = X * to_eigen(w);
        for (Eigen::Index i = 0; i < X.rows(); ++i) {
            const double f = (std::max(z(i), 0.0) - y(i)) * (1.0 + (z(i) > 0) - (z(i) < 0));
            for (std::size_t c = 0; c < d; ++c) s[c] = f * X(i, static_cast<Eigen::Index>(c));
            acc.add(s.data());
        }
        const auto se = acc.standard_errors();
        const Vec<double> cf = closed(w, ws), gt = to_vec(g);
        const std::string pt = "w=" + format_vector(w) + " w*=" + format_vector(ws);
        mc.compare(gt, se, cf, max_abs(population_gradient(w, ws)), pt);
        for (std::size_t c = 0; c < d; ++c) same.compare(gt[c], acc.means()[c], pt, std::abs(gt[c]));
    }
    return {mc.result(), same.result()};
}

CheckResult population_gradient_fd(const AuditContext& ctx, const GradientFormM& closed) {
    auto rng = item_rng(ctx, "soltanolkotabi.grad-eq3-1.population-fd");
    ToleranceComparison fd("closed-form gradient vs FD of L_pop = |w|^2/2 - 2 kernel + |w*|^2/2", kFdMethod,
                           kFdTolerance);
    const std::size_t pts = ctx.quick ? 8 : 40;
    for (std::size_t p = 0; p < pts; ++p) {
        Vec<double> w, ws;
        pair_at_angle(rng, 4, 0.2 + 2.7 * rng.uniform01(), w, ws);
        const auto W = mp(w), WS = mp(ws);
        const auto J = jacobian_fd([&](const Vec<M>& v) { return Vec<M>{population_loss(v, WS)}; }, W, kFdStep);
        const auto g = closed(W, WS);
        for (std::size_t c = 0; c < w.size(); ++c) fd.compare(J[c], g[c], "w=" + format_vector(w) + " w*=" + format_vector(ws), max_abs(g));
    }
    return fd.result();
}

CheckResult eq31_vs_loss_difference(const AuditContext& ctx, bool printed) {
    auto rng = item_rng(ctx, "soltanolkotabi.grad-eq3-1");
    const std::size_t n = 20, d = 4;
    const double h = 0x1p-20;
    IntervalComparison cmp(std::string("(3.1) ") + (printed ? "as printed (no 1/n)" : "with the 1/n of (1.1)") +
                               " vs the central difference of (1.1)",
                           "MPFR 256-bit intervals; step 2^-20 inside one activation pattern, where (1.1) is quadratic and "
                           "the central difference is its exact derivative");
    const std::size_t pts = ctx.quick ? 5 : 20;
    for (std::size_t p = 0; p < pts; ++p) {
        std::vector<Vec<double>> X(n);
        for (auto& x : X) x = random_normal_vector(rng, d);
        const Vec<double> ws = random_normal_vector(rng, d);
        Vec<double> w = random_normal_vector(rng, d);
        // keep every |<w, x_i>| > 1e-3 so that w +- h e_c stays in the activation pattern of w
        bool ok = false;
        while (!ok) {
            ok = true;
            for (const auto& x : X) ok = ok && std::abs(vdot(w, x)) > 1e-3;
            if (!ok) w = random_normal_vector(rng, d);
        }
        std::vector<Vec<M>> XM;
        Vec<M> y;
        for (const auto& x : X) {
            XM.push_back(mp(x));
            y.push_back(relu_certain(vdot(mp(ws), XM.back())));
        }
        const auto loss = [&](const Vec<M>& v) {  // (1.1)
            M L = mp(0);
            for (std::size_t i = 0; i < n; ++i) {
                const M r = relu_certain(vdot(v, XM[i])) - y[i];
                L += r * r;
            }
            return Vec<M>{L / mp(static_cast<double>(n))};
        };
        const auto W = mp(w);
        const auto J = jacobian_fd(loss, W, h, /*plain=*/true);
        Vec<M> g(d, mp(0));  // (3.1): sum_i (ReLU(<w, x_i>) - y_i)(1 + sgn<w, x_i>) x_i
        for (std::size_t i = 0; i < n; ++i) {
            const M z = vdot(W, XM[i]);
            const M f = (relu_certain(z) - y[i]) * mp(1.0 + (z.certainly_positive() ? 1.0 : -1.0));
            for (std::size_t c = 0; c < d; ++c) g[c] += f * XM[i][c];
        }
        if (!printed)
            for (auto& gc : g) gc = gc / mp(static_cast<double>(n));
        cmp.compare(g, J, "n=" + std::to_string(n) + " w=" + format_vector(w), max_abs(J));
    }
    return cmp.result();
}

namespace {

std::vector<CheckResult> grad_eq31(const AuditContext& ctx) {
    // the trainer (include/relucert/trainer/pgd.hpp) against the same formula
    auto rng = item_rng(ctx, "soltanolkotabi.grad-eq3-1.trainer");
    ToleranceComparison tr("trainer relu_least_squares_gradient vs (3.1)/n recomputed from the definition",
                           "double, 20 samples, relative 1e-12 (sums of 20 products)", 1e-12);
    for (int p = 0; p < 5; ++p) {
        Eigen::MatrixXd X(20, 4);
        rng.fill_normal(X);
        const Eigen::VectorXd ws = to_eigen(random_normal_vector(rng, 4)), w = to_eigen(random_normal_vector(rng, 4));
        const Eigen::VectorXd y = trainer::single_unit_labels(X, ws, trainer::Observation::relu);
        Eigen::VectorXd g, scratch;
        trainer::relu_least_squares_gradient(X, y, w, trainer::ReluConvention{0.5}, g, scratch);
        Eigen::VectorXd ref = Eigen::VectorXd::Zero(4);
        for (Eigen::Index i = 0; i < 20; ++i) {
            const double z = X.row(i).dot(w);
            ref += (std::max(z, 0.0) - y(i)) * (1.0 + (z > 0) - (z < 0)) * X.row(i).transpose() / 20.0;
        }
        for (int c = 0; c < 4; ++c) tr.compare(g(c), ref(c), "w=" + format_vector(to_vec(w)), ref.cwiseAbs().maxCoeff());
    }
    return {eq31_vs_loss_difference(ctx, false), tr.result()};
}

std::vector<CheckResult> grad_eq31_printed(const AuditContext& ctx) {
    // With the printed scale, Theorem 3.1's steps eta_0 = 2, eta_t = 1 are n times too long.
    auto rng = item_rng(ctx, "soltanolkotabi.grad-eq3-1.printed");
    const int n = 50, d = 5;
    Eigen::MatrixXd X(n, d);
    rng.fill_normal(X);
    const Eigen::VectorXd ws = to_eigen(random_normal_vector(rng, d));
    const Eigen::VectorXd y = trainer::single_unit_labels(X, ws, trainer::Observation::relu);
    Eigen::VectorXd w = Eigen::VectorXd::Zero(d), g, scratch;
    for (int t = 0; t < 10; ++t) {
        trainer::relu_least_squares_gradient(X, y, w, trainer::ReluConvention{0.5}, g, scratch);
        w -= (t == 0 ? 2.0 : 1.0) * n * g;  // n g = the printed (3.1)
    }
    PredicateCheck bounded("PGD (3.3) with the printed (3.1), eta_0 = 2, eta_t = 1, no projection: |w_10| <= 10 |w*|",
                           "trainer, n = 50, d = 5 (double; an illustration, the proof is the interval gap)");
    bounded.add(w.norm() <= 10 * ws.norm(), 10 * ws.norm() - w.norm(), "|w_10| = " + sci(w.norm()));
    return {eq31_vs_loss_difference(ctx, true), bounded.result()};
}

std::vector<CheckResult> kernel_item(const AuditContext& ctx) {
    return {kernel_monte_carlo(ctx, [](double a, double b, double t) { return models::arc_cosine_kernel(a, b, t); })};
}
std::vector<CheckResult> sign_item(const AuditContext& ctx) {
    return {sign_probability_monte_carlo(ctx, [](double t) { return t / std::numbers::pi; })};
}
std::vector<CheckResult> covariance_item(const AuditContext& ctx) { return {activation_covariance_monte_carlo(ctx, 0.5)}; }
std::vector<CheckResult> population_item(const AuditContext& ctx) {
    auto r = population_gradient_vs_trainer(ctx, [](const Vec<double>& w, const Vec<double>& ws) { return population_gradient(w, ws); });
    r.push_back(population_gradient_fd(ctx, [](const Vec<M>& w, const Vec<M>& ws) { return population_gradient(w, ws); }));
    return r;
}

const AuditRegistration r_eq31({"soltanolkotabi.grad-eq3-1", "Sec. 3 eq. (3.1), l. 43-45; (1.1) l. 17-19",
                                "grad L(w) = (1/n) sum_i (ReLU(<w,x_i>) - y_i)(1 + sgn<w,x_i>) x_i is the gradient of "
                                "(1.1) L = (1/n) sum_i (ReLU(w'x_i) - y_i)^2 (1/n restored)",
                                "exact central differences of (1.1) inside an activation pattern (MPFR); the trainer", true, "",
                                grad_eq31});
const AuditRegistration r_eq31p({"soltanolkotabi.grad-eq3-1.printed", "Sec. 3 eq. (3.1), l. 45",
                                 "dL(w) = sum_i (ReLU(<w,x_i>) - y_i)(1 + sgn<w,x_i>) x_i (as printed, no 1/n)",
                                 "exact central differences of (1.1) (MPFR); PGD with the printed scale", false,
                                 "(3.1) as printed has no 1/n: it is n times the gradient of (1.1) (interval gap at every "
                                 "point, relative size n - 1 = 19). With it, the steps eta_0 = 2, eta_t = 1 of Theorem 3.1 "
                                 "are n times too long and PGD diverges. The definitions give (1/n) sum_i ...",
                                 grad_eq31_printed});
const AuditRegistration r_kernel({"soltanolkotabi.grad-eq3-1.kernel", "Sec. 3 (3.1) in expectation; [21], cf. Cho & Saul",
                                  "E[ReLU(w'x) ReLU(w*'x)] = |w||w*|(sin t + (pi - t) cos t)/(2 pi), x ~ N(0, I)",
                                  "Monte Carlo at 4 angles (0.3-2.6 rad), d = 3", true, "", kernel_item});
const AuditRegistration r_sign({"soltanolkotabi.grad-eq3-1.sign-probability", "Sec. 3 (3.1): the factor (1 + sgn<w, x_i>)",
                                "P(sgn<x, w> != sgn<x, w*>) = theta/pi, theta = angle(w, w*)",
                                "Monte Carlo at 4 angles, d = 4", true, "", sign_item});
const AuditRegistration r_cov({"soltanolkotabi.grad-eq3-1.activation-covariance", "Sec. 3 (3.1) in expectation",
                               "E[1{w'x > 0} x x'] = I/2 (the w-term of the population gradient: E[(1 + sgn w'x) ReLU(w'x) x] = w)",
                               "Monte Carlo, all 9 entries, 2 directions w, d = 3", true, "", covariance_item});
const AuditRegistration r_pop({"soltanolkotabi.grad-eq3-1.population", "Sec. 3 (1.1), (3.1) in expectation",
                               "E[(ReLU(w'x) - y)(1 + sgn w'x) x] = w - (|w*| sin t w/|w| + (pi - t) w*)/pi = grad of "
                               "L_pop = |w|^2/2 - 2 kernel + |w*|^2/2",
                               "Monte Carlo through the trainer's empirical gradient; finite differences of L_pop (MPFR)", true, "",
                               population_item});

}  // namespace
}  // namespace relucert::audit::soltanolkotabi
