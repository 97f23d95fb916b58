// Audit of Vardi, Yehudai, Shamir, "Learning a single neuron with bias using gradient descent": the
// gradient (3) of the objective (2), the critical points of Theorem 4.2 (exact for bounded support,
// exponentially small gradients for the Gaussian, Sec. 4 end), the gradient at 0 (Remark 4.3), the
// zero-overlap identity of Theorem 3.2's proof, and the two steps of Eq. (24).
#include <algorithm>
#include <cmath>
#include <numbers>

#include "audit/vardi_common.hpp"
#include "relucert/elementary.hpp"
#include "relucert/models/single_neuron_bias.hpp"

namespace relucert::audit::vardi {
namespace {


std::string fmtv(const std::vector<double>& w) { return format_vector(w, 3); }

// A random (w, v) in R^{d+1}: w~, v~ with norms in [0.5, 2], |cos(w~, v~)| <= 0.95, biases in [-1, 1].
void random_pair(trainer::Rng& rng, std::size_t d, std::vector<double>& w, std::vector<double>& v) {
    for (;;) {
        w = random_vector_with_norm(rng, d, 0.5, 2.0);
        v = random_vector_with_norm(rng, d, 0.5, 2.0);
        if (std::fabs(vdot(w, v)) <= 0.95 * vnorm(w) * vnorm(v)) break;
    }
    w.push_back(rng.uniform(-1, 1));
    v.push_back(rng.uniform(-1, 1));
}

std::vector<double> mids(const std::vector<Interval>& g) {
    std::vector<double> r;
    for (const auto& x : g) r.push_back(0.5 * (x.lo() + x.hi()));
    return r;
}

quadrature::Options tight() {
    quadrature::Options o;
    o.abs_width = 1e-13;
    return o;
}

// ---- vardi.eq3 ----------------------------------------------------------------------------------
// (a) Gaussian: central differences of the rigorous F against the rigorous gradient (3). h = 2^-12:
//     the truncation error is h^2/6 |F'''| ~ 1e-8 |F'''| (F''' is bounded by Gaussian moments of
//     degree 3 times |w|, |v| <= 3 here), the enclosure widths (~1e-12) contribute <= 1e-12/h ~ 4e-9;
//     tolerance 1e-6 relative to max(1, |grad|). A wrong formula (sigma'(v'x) for sigma'(w'x), a
//     missing Phi) is off by >= 1e-2 at these points.
// (c) ball: F on a fixed sample is piecewise quadratic in w, so central differences are exact on a piece;
//     steps are halved until no sample point changes the sign of w'x across the step, leaving rounding
//     (~1e-16 / h); tolerance 1e-8.
std::vector<CheckResult> eq3(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "vardi.eq3");
    const std::size_t d = 3;
    ToleranceComparison fd("(3) vs central differences of (2), x~ ~ N(0, I_3) (rigorous closed forms / 1-D integrals)",
                           "central FD h=2^-12 of the enclosed F, against the enclosed gradient", 1e-6);
    for (std::size_t p = 0; p < (ctx.quick ? 2u : 6u); ++p) {
        std::vector<double> w, v;
        random_pair(rng, d, w, v);
        const auto at = models::gaussian_neuron_objective(w, v, tight());
        const double h = 0x1p-12;
        for (std::size_t j = 0; j <= d; ++j) {
            auto wp = w, wm = w;
            wp[j] += h, wm[j] -= h;
            const Interval D = (models::gaussian_neuron_objective(wp, v, tight()).F -
                                models::gaussian_neuron_objective(wm, v, tight()).F) / Interval(2 * h);
            fd.compare(MpInterval(D, kAuditPrec), MpInterval(at.grad[j], kAuditPrec),
                       "w=" + fmtv(w) + " v=" + fmtv(v) + " j=" + std::to_string(j), max_abs(mids(at.grad)));
        }
    }
    ToleranceComparison emp("(3) is the derivative of (2) on a sample of the unit ball (piecewise quadratic: exact FD)",
                            "central FD on a fixed sample of 2x10^4 points, steps halved until no sign change of w'x", 1e-8);
    PredicateCheck zero("sigma'(0) has no effect: no sample point has w'x = 0, and the gradients with sigma'(0) = 0 and 1 coincide",
                        "exact comparison on the sample");
    const auto sample = ball_sample(rng, d, 1.0, 20000);
    for (std::size_t p = 0; p < 4; ++p) {
        std::vector<double> w, v;
        random_pair(rng, d, w, v);
        const auto g0 = neuron_objective(sample, w, v, 0.0), g1 = neuron_objective(sample, w, v, 1.0);
        std::size_t zeros = 0;
        for (std::size_t i = 0; i < sample.size(); ++i) zeros += neuron_preactivation(sample, i, w) == 0.0;
        zero.add(zeros == 0 && g0.grad == g1.grad, 1.0, "w=" + fmtv(w));
        for (std::size_t j = 0; j <= d; ++j) {
            double h = 1e-4;
            for (int k = 0; k < 40; ++k, h /= 2) {
                bool crossing = false;
                auto wp = w, wm = w;
                wp[j] += h, wm[j] -= h;
                for (std::size_t i = 0; i < sample.size() && !crossing; ++i)
                    crossing = (neuron_preactivation(sample, i, wp) > 0) != (neuron_preactivation(sample, i, wm) > 0);
                if (crossing) continue;
                emp.compare((neuron_loss(sample, wp, v) - neuron_loss(sample, wm, v)) / (2 * h), g0.grad[j],
                            "w=" + fmtv(w) + " j=" + std::to_string(j) + " h=" + sci(h), max_abs(g0.grad));
                break;
            }
        }
    }
    return {fd.result(), eq3_gaussian_mc(ctx), emp.result(), zero.result()};
}

// ---- vardi.thm4-2 ---------------------------------------------------------------------------------
// Bounded support (uniform unit ball, c = 1): if sup_{|x~| <= c} w'x = b_w + c|w~| <= 0 (Cauchy-Schwarz,
// attained), sigma(w'x) = 0 on the support and w'x = 0 only on a null set (a hyperplane, or nowhere when
// w~ = 0, b_w < 0), so F(w) = F(0) and grad F(w) = E[-sigma(v'x) sigma'(w'x) x] = 0 for every value of
// sigma'(0). The interval check proves b_w + c|w~| <= 0 at each point (including the boundary
// -b_w/|w~| = c exactly: w~ = k (3/4, 1, 0), |w~| = 5k/4 exact); the sample check shows F = F(0) and
// grad = 0 exactly. Converse side: at -b_w/|w~| = 0.9 c the gradient's bias component is non-zero
// (Monte Carlo, > 5 standard errors).
std::vector<CheckResult> thm42(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "vardi.thm4-2");
    const std::size_t d = 3;
    const double c = 1.0;
    PredicateCheck proof("b_w + c|w~| <= 0 (interval), hence sigma(w'x) = 0 a.s. on the support: F(w) = F(0), grad F(w) = 0",
                         "Interval evaluation of b_w + c|w~| at the points");
    PredicateCheck exact("on a sample of the unit ball: F(w) == F(0) and grad F(w) == 0 exactly, sigma'(0) = 0 and 1",
                         "exact double comparison on 2x10^4 points");
    const auto sample = ball_sample(rng, d, c, 20000);
    const std::vector<double> v{0.6, -0.3, 0.5, 0.25};
    std::vector<std::vector<double>> pts;
    for (double k : {0.5, 1.0, 2.0})
        for (double m : {1.0, 1.5}) pts.push_back({0.75 * k, 1.0 * k, 0.0, -1.25 * k * m * c});
    pts.push_back({0, 0, 0, -0.5});
    pts.push_back({0, 0, 0, -2.0});
    for (int i = 0; i < 4; ++i) {
        auto w = random_vector_with_norm(rng, d, 0.5, 2.0);
        w.push_back(-vnorm(w) * c * rng.uniform(1.01, 2.0));
        pts.push_back(w);
    }
    const double F0 = neuron_loss(sample, std::vector<double>(d + 1, 0.0), v);
    for (const auto& w : pts) {
        Interval nn(0);
        for (std::size_t k = 0; k < d; ++k) nn += sqr(Interval(w[k]));
        const Interval sup = Interval(w[d]) + Interval(c) * sqrt(nn);
        proof.add(sup.hi() <= 0, -sup.hi(), "w=" + fmtv(w));
        const auto g0 = neuron_objective(sample, w, v, 0.0), g1 = neuron_objective(sample, w, v, 1.0);
        const bool zero_grad = std::all_of(g0.grad.begin(), g0.grad.end(), [](double x) { return x == 0.0; }) &&
                               std::all_of(g1.grad.begin(), g1.grad.end(), [](double x) { return x == 0.0; });
        exact.add(zero_grad && g0.F == F0, 0.0, "w=" + fmtv(w));
    }
    PredicateCheck inside("converse side: at -b_w/|w~| = 0.9 c the gradient's bias component is non-zero",
                          "Monte Carlo " + mc_label(ctx) + " points of the unit ball, |mean| > 5 standard errors");
    {
        const std::vector<double> w{0.6, 0.8, 0.0, -0.9 * c};
        MomentAccumulator acc(1);
        std::vector<double> x(d);
        for (std::size_t n = 0; n < mc_samples(ctx); ++n) {
            uniform_ball_point(rng, d, c, x.data());
            double zw = w[d], zv = v[d];
            for (std::size_t k = 0; k < d; ++k) zw += w[k] * x[k], zv += v[k] * x[k];
            const double s = zw > 0 ? zw - std::max(zv, 0.0) : 0.0;
            acc.add(&s);
        }
        const double z = acc.means()[0] / acc.standard_errors()[0];
        inside.add(std::fabs(z) > 5, std::fabs(z) - 5, "w=" + fmtv(w) + " mean " + sci(acc.means()[0]) + " z=" + sci(z));
    }
    return {proof.result(), exact.result(), inside.result()};
}

// ---- vardi.sec4-almost-critical -----------------------------------------------------------------------
// Gaussian inputs (unbounded support): at w = (a e_2, -a t), the points that would be critical for a
// support of radius c <= t, the gradient is non-zero but exponentially small. The enclosure of
// dF/db_w excludes 0 (proven non-zero), and |grad F| / phi(t) stays within [1e-3, 10] while phi(t)
// falls from 0.24 to 1e-8: the gradient decays like exp(-t^2/2) up to a polynomial factor.
std::vector<CheckResult> sec4_almost(const AuditContext& ctx) {
    (void)ctx;
    const std::vector<double> v{1.0, 0.0, 0.0, 0.5};
    PredicateCheck nonzero("dF/db_w at w = (e_2, -t) is non-zero (enclosure excludes 0), t = 1..6",
                           "rigorous 1-D integrals (biased_relu_gaussian.hpp), relative width 1e-6");
    PredicateCheck decay("|grad F(w)| / phi(t) in [1e-3, 10] (exponentially small: exp(-t^2/2) up to a factor)",
                         "Interval upper and lower bounds of |grad F| against phi(t)");
    std::string table;
    for (int t = 1; t <= 6; ++t) {
        const std::vector<double> w{0.0, 1.0, 0.0, -double(t)};
        const double ph = std::exp(-0.5 * t * t) / std::sqrt(2 * std::numbers::pi);
        quadrature::Options o;
        o.abs_width = 1e-7 * ph;
        o.max_pieces = 40000;
        const auto r = models::gaussian_neuron_objective(w, v, o);
        const Interval gb = r.grad[3];
        const bool nz = gb.certainly_positive() || gb.certainly_negative();
        Interval n2(0);
        for (const auto& g : r.grad) n2 += sqr(g);
        const Interval norm = sqrt(n2);
        nonzero.add(nz, std::min(std::fabs(gb.lo()), std::fabs(gb.hi())),
                    "t=" + std::to_string(t) + " dF/db in [" + sci(gb.lo()) + ", " + sci(gb.hi()) + "]");
        const double lo = norm.lo() / ph, hi = norm.hi() / ph;
        decay.add(lo >= 1e-3 && hi <= 10, std::min(lo - 1e-3, 10 - hi),
                  "t=" + std::to_string(t) + " |grad| in [" + sci(norm.lo()) + ", " + sci(norm.hi()) + "], /phi(t) = " + sci(lo));
        table += " t=" + std::to_string(t) + ": |grad F| = " + sci(norm.lo()) + ", dF/db_w = " + sci(gb.lo()) + ", F - F(0) = " +
                 sci(mid_double(MpInterval(r.F - models::gaussian_neuron_loss_at_zero(v), kAuditPrec))) + ", |grad F|/phi(t) = " + sci(lo) + ";";
    }
    auto dr = decay.result();
    dr.measured += table;
    return {nonzero.result(), dr};
}

// ---- vardi.rem4-3 --------------------------------------------------------------------------------------
std::vector<CheckResult> rem43(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "vardi.rem4-3");
    const std::size_t d = 3;
    PredicateCheck nz("grad F(0) with sigma'(0) = 1 is -(|v~| Phi(b_v/|v~|) v~/|v~|, |v~| g(b_v/|v~|)): its bias component is "
                      "< 0 (proven), so it is non-zero and, for b_v = 0, not along v",
                      "Interval closed form (Gaussian) at random v");
    for (int p = 0; p < 8; ++p) {
        auto v = random_vector_with_norm(rng, d, 0.5, 2.0);
        v.push_back(p < 2 ? 0.0 : rng.uniform(-1, 1));
        const auto g = models::gaussian_neuron_grad_at_zero_sigma1(v);
        nz.add(g[d].certainly_negative(), -g[d].hi(), "v=" + fmtv(v) + " (grad F(0))_{d+1} <= " + sci(g[d].hi()));
    }
    PredicateCheck zero("sigma'(0) = 0: grad F(0) = 0 exactly; sigma'(0) = 1: grad F(0) = -E[sigma(v'x) x] exactly (sample)",
                        "exact comparison on 2x10^4 Gaussian points");
    const auto s = gaussian_sample(rng, d, 20000);
    const std::vector<double> v{0.5, -1.0, 0.3, 0.2}, w0(d + 1, 0.0);
    const auto g0 = neuron_objective(s, w0, v, 0.0), g1 = neuron_objective(s, w0, v, 1.0);
    std::vector<double> direct(d + 1, 0.0);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const double a = std::max(neuron_preactivation(s, i, v), 0.0) * s.weight[i];
        for (std::size_t k = 0; k < d; ++k) direct[k] -= a * s.row(i)[k];
        direct[d] -= a;
    }
    double dev = 0;
    for (std::size_t k = 0; k <= d; ++k) dev = std::max(dev, std::fabs(g1.grad[k] - direct[k]));
    zero.add(std::all_of(g0.grad.begin(), g0.grad.end(), [](double x) { return x == 0.0; }) && dev <= 1e-12, 1e-12 - dev,
             "max |difference| " + sci(dev));
    return {nz.result(), rem43_gaussian_mc(ctx), zero.result()};
}

// ---- vardi.thm3-2-proof ----------------------------------------------------------------------------------
// Zero overlap with Theorem 3.2's target (unit ball, v~ = e_1, b_v = -(1 - 1/(2d^2))): sigma(v'x) > 0
// only on the cap x_1 > s, whose points make an angle <= psi = acos(s) with e_1, so
// sup_cap w~'x~ = |w~| cos(theta - psi) (theta = angle(w~, e_1) >= psi) and for b_w <= 0 the overlap is
// empty iff theta >= psi + pi/2, i.e. w~_1/|w~| <= -sin(psi) = -sqrt(1 - s^2). Then
// sigma(w'x) sigma(v'x) = 0 a.s. and F(w) = 1/2 E sigma(w'x)^2 + 1/2 E sigma(v'x)^2 >= F(0).
std::vector<CheckResult> thm32_proof(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "vardi.thm3-2-proof");
    const std::size_t d = 3;
    const double s = thm32_level(d);
    const auto v = thm32_target(d, 1.0);
    const Interval cap = models::ball_x1_tail_moment(int(d), Interval(s), 0);
    const auto sample = stratified_ball_sample(rng, d, 1.0, s, 0.5 * (cap.lo() + cap.hi()), 5000, 20000);
    PredicateCheck crit("zero-overlap criterion w~_1/|w~| <= -sqrt(1 - s^2), b_w <= 0 (interval) and sigma(w'x) sigma(v'x) = 0 "
                        "at every sample point (2x10^4 + 5x10^3 in the cap)",
                        "Interval evaluation of the criterion; exact products on the stratified sample");
    ToleranceComparison ident("F(w) = 1/2 E sigma(w'x)^2 + 1/2 E sigma(v'x)^2 on the sample (l. 1641-1704)",
                              "sums on the same weighted sample, double rounding: tolerance 1e-13", 1e-13);
    PredicateCheck ge("F(w) >= F(0) on the sample", "exact");
    const double F0 = neuron_loss(sample, std::vector<double>(d + 1, 0.0), v);
    for (int p = 0; p < 8; ++p) {
        std::vector<double> w;
        for (;;) {
            w = random_vector_with_norm(rng, d, 0.2, 3.0);
            if (w[0] / vnorm(w) <= -std::sqrt(1 - s * s) - 1e-3) break;
        }
        w.push_back(p == 0 ? 0.0 : -rng.uniform(0.0, 1.0));
        Interval nn(0);
        for (std::size_t k = 0; k < d; ++k) nn += sqr(Interval(w[k]));
        const Interval lhs = Interval(w[0]) / sqrt(nn) + sqrt(Interval(1) - sqr(Interval(s)));
        bool none = true;
        double sw = 0, sv = 0;
        for (std::size_t i = 0; i < sample.size(); ++i) {
            const double a = std::max(neuron_preactivation(sample, i, w), 0.0), b = std::max(neuron_preactivation(sample, i, v), 0.0);
            none = none && a * b == 0.0;
            sw += sample.weight[i] * a * a, sv += sample.weight[i] * b * b;
        }
        crit.add(lhs.hi() <= 0 && w[d] <= 0 && none, -lhs.hi(), "w=" + fmtv(w));
        const double F = neuron_loss(sample, w, v);
        ident.compare(F, 0.5 * sw + 0.5 * sv, "w=" + fmtv(w), F);
        ge.add(F >= F0, F - F0, "w=" + fmtv(w));
    }
    return {crit.result(), ident.result(), ge.result()};
}

// ---- vardi.eq24 ------------------------------------------------------------------------------------------
// |grad F|^2 <= E[(w'x - v'x)^2 x'x] (Jensen and |sigma(a) - sigma(b)| 1(a > 0) <= |a - b|) <=
// |w - v|^2 E|x|^4 (Cauchy-Schwarz): both hold pointwise / for every probability measure, so on a
// sample they must hold exactly (up to rounding, far below the margins).
std::vector<CheckResult> eq24(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "vardi.eq24");
    const std::size_t d = 3;
    PredicateCheck s1("|grad F(w)|^2 <= E[(w'x - v'x)^2 x'x] (Gaussian and unit-ball samples)", "2x10^4 points, 10 (w, v) each");
    PredicateCheck s2("E[(w'x - v'x)^2 x'x] <= |w - v|^2 E|x|^4", "same samples");
    for (bool ball : {false, true}) {
        const auto S = ball ? ball_sample(rng, d, 1.0, 20000) : gaussian_sample(rng, d, 20000);
        double m4 = 0;
        for (std::size_t i = 0; i < S.size(); ++i) {
            double xx = 1;
            for (std::size_t k = 0; k < d; ++k) xx += S.row(i)[k] * S.row(i)[k];
            m4 += S.weight[i] * xx * xx;
        }
        for (int p = 0; p < 10; ++p) {
            std::vector<double> w, v;
            random_pair(rng, d, w, v);
            const auto g = neuron_objective(S, w, v);
            double mid = 0;
            for (std::size_t i = 0; i < S.size(); ++i) {
                double xx = 1;
                for (std::size_t k = 0; k < d; ++k) xx += S.row(i)[k] * S.row(i)[k];
                const double e = neuron_preactivation(S, i, w) - neuron_preactivation(S, i, v);
                mid += S.weight[i] * e * e * xx;
            }
            const double lhs = vdot(g.grad, g.grad), rhs = vdot(vsub(w, v), vsub(w, v)) * m4;
            const std::string pt = std::string(ball ? "ball" : "gauss") + " w=" + fmtv(w) + " v=" + fmtv(v);
            s1.add(lhs <= mid, (mid - lhs) / mid, pt);
            s2.add(mid <= rhs, (rhs - mid) / rhs, pt);
        }
    }
    return {s1.result(), s2.result()};
}

// vardi.eq24.printed: the last equality of (24), E|x|^4 = c, with c := E|x~|^4 (Assumption 6.1 (4)).
// For x = (x~, 1): E|x|^4 = E|x~|^4 + 2 E|x~|^2 + 1 > c (Gaussian: d^2 + 4d + 1 vs d(d + 2)).
std::vector<CheckResult> eq24_printed(const AuditContext&) {
    IntervalComparison cmp("E|x|^4 (x = (x~, 1)) vs c = E|x~|^4, Gaussian and unit ball, d = 2..20",
                           "exact closed forms (Interval, Wallis)", 1e-12);
    for (int d = 2; d <= 20; ++d) {
        for (bool ball : {false, true}) {
            const auto m = ball ? models::unit_ball_input_moments(d) : models::gaussian_input_moments(d);
            cmp.compare(MpInterval(m.x_fourth, kAuditPrec), MpInterval(m.xtilde_fourth, kAuditPrec),
                        std::string(ball ? "ball" : "gauss") + " d=" + std::to_string(d), m.x_fourth.hi());
        }
    }
    return {cmp.result()};
}

const AuditRegistration r_eq3({"vardi.eq3", "Eq. (3), md l. 68-73; txt l. 147-159",
                               "grad F(w) = E[(sigma(w'x) - sigma(v'x)) sigma'(w'x) x]; sigma'(0) in [0, 1] has no effect",
                               "FD of the rigorous Gaussian F; Monte Carlo; exact FD on a ball sample; sigma'(0) = 0 vs 1", true, "",
                               eq3});
const AuditRegistration r_thm42({"vardi.thm4-2", "Thm 4.2, md l. 117-125; txt l. 1705-1798",
                                 "w~ = 0, b_w < 0, or -b_w/|w~| >= c: critical and F(w) = F(0) (bounded support)",
                                 "interval proof of sup_support w'x <= 0; exact check on a ball sample; MC inside the cone", true, "",
                                 thm42});
const AuditRegistration r_sec4({"vardi.sec4-almost-critical", "Sec. 4, md l. 131; txt l. 327-331",
                                "Gaussian: the would-be critical points have a non-zero, exponentially small gradient",
                                "rigorous enclosures of grad F at w = (e_2, -t), t = 1..6", true,
                                "measured |grad F| / phi(t) is printed per t", sec4_almost});
const AuditRegistration r_rem43({"vardi.rem4-3", "Rem. 4.3, md l. 127; txt l. 316-322",
                                 "grad F(0) = 0 if sigma'(0) = 0, else non-zero, in a direction depending on the distribution",
                                 "closed form (Gaussian) in Interval, Monte Carlo, exact sample identities", true,
                                 "Gaussian: grad F(0) = -(|v~| Phi(b_v/|v~|) v~/|v~|, |v~| g(b_v/|v~|)), never along v (bias part)",
                                 rem43});
const AuditRegistration r_t32p({"vardi.thm3-2-proof", "Thm 3.2 proof, txt l. 1641-1704",
                                "zero overlap => F(w) = 1/2 E sigma(w'x)^2 + 1/2 E sigma(v'x)^2 >= F(0)",
                                "exact zero-overlap criterion in Interval; identity on a stratified ball sample", true, "", thm32_proof});
const AuditRegistration r_eq24({"vardi.eq24", "Eq. (24), txt l. 2751-2763",
                                "|grad F|^2 <= E[(w'x - v'x)^2 x'x] <= |w - v|^2 E|x|^4",
                                "both steps on Gaussian and ball samples (they hold for every measure)", true, "", eq24});
const AuditRegistration r_eq24p({"vardi.eq24.printed", "Eq. (24) last step, txt l. 2763; Assumption 6.1 (4)",
                                 "|w - v|^2 E|x|^4 = |w - v|^2 c with c := E|x~|^4",
                                 "closed forms of E|x|^4 and E|x~|^4 (Interval)", false,
                                 "x = (x~, 1), so E|x|^4 = E|x~|^4 + 2E|x~|^2 + 1 > c (Gaussian: d^2 + 4d + 1 vs d^2 + 2d); "
                                 "the proof needs c' := E|x|^4 in place of c (step-size and rate constants change by a "
                                 "factor <= 1 + 2/d + 1/d^2 for the Gaussian)",
                                 eq24_printed});

}  // namespace

// ---- Monte Carlo checks shared with the tests (vardi_common.hpp) ----------------------------------------
CheckResult eq3_gaussian_mc(const AuditContext& ctx, int mutant) {
    auto rng = item_rng(ctx, "vardi.eq3.mc");
    const std::size_t d = 3;
    MonteCarloComparison mc(std::string("E[(sigma(w'x) - sigma(v'x)) sigma'(w'x) x] vs the closed-form gradient (Gaussian)") +
                                (mutant ? " [mutant: 1(v'x > 0)]" : ""),
                            "Monte Carlo " + mc_label(ctx) + " samples per point, 3 points", 5.0, 0.1);
    for (int p = 0; p < 3; ++p) {
        std::vector<double> w, v;
        random_pair(rng, d, w, v);
        const auto closed = mids(models::gaussian_neuron_objective(w, v).grad);
        MomentAccumulator acc(d + 1);
        std::vector<double> x(d), y(d + 1);
        for (std::size_t n = 0; n < mc_samples(ctx); ++n) {
            double zw = w[d], zv = v[d];
            for (std::size_t k = 0; k < d; ++k) x[k] = rng.normal(), zw += w[k] * x[k], zv += v[k] * x[k];
            const double ind = (mutant == 1 ? zv : zw) > 0 ? 1.0 : 0.0;
            const double c = (std::max(zw, 0.0) - std::max(zv, 0.0)) * ind;
            for (std::size_t k = 0; k < d; ++k) y[k] = c * x[k];
            y[d] = c;
            acc.add(y.data());
        }
        const auto se = acc.standard_errors();
        mc.compare(acc.means(), se, closed, max_abs(closed), "w=" + fmtv(w) + " v=" + fmtv(v));
    }
    return mc.result();
}

CheckResult rem43_gaussian_mc(const AuditContext& ctx, int mutant) {
    auto rng = item_rng(ctx, "vardi.rem4-3.mc");
    const std::size_t d = 3;
    MonteCarloComparison mc(std::string("-E[sigma(v'x) x] vs the closed form of grad F(0), sigma'(0) = 1 (Gaussian)") +
                                (mutant ? " [mutant: the b_v = 0 form]" : ""),
                            "Monte Carlo " + mc_label(ctx) + " samples per point, 3 points", 5.0, 0.1);
    for (int p = 0; p < 3; ++p) {
        auto v = random_vector_with_norm(rng, d, 0.5, 2.0);
        v.push_back(rng.uniform(0.4, 1.0) * (p % 2 ? 1 : -1));
        std::vector<double> closed;
        if (mutant == 1) {
            const double c = vnorm(std::vector<double>(v.begin(), v.end() - 1));
            for (std::size_t k = 0; k < d; ++k) closed.push_back(-0.5 * v[k]);
            closed.push_back(-c / std::sqrt(2 * std::numbers::pi));
        } else {
            closed = mids(models::gaussian_neuron_grad_at_zero_sigma1(v));
        }
        MomentAccumulator acc(d + 1);
        std::vector<double> x(d), y(d + 1);
        for (std::size_t n = 0; n < mc_samples(ctx); ++n) {
            double zv = v[d];
            for (std::size_t k = 0; k < d; ++k) x[k] = rng.normal(), zv += v[k] * x[k];
            const double a = -std::max(zv, 0.0);
            for (std::size_t k = 0; k < d; ++k) y[k] = a * x[k];
            y[d] = a;
            acc.add(y.data());
        }
        mc.compare(acc.means(), acc.standard_errors(), closed, max_abs(closed), "v=" + fmtv(v));
    }
    return mc.result();
}

}  // namespace relucert::audit::vardi
