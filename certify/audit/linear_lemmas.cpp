// Audit of the "linear functions" paper: the correlation of App. A.4, the expansions in the proofs of
// Lemmas 3-5 (E.1.1-E.1.3), the empirical decomposition of §6 / E.2.2 and the decomposition of F.2.
#include <cmath>
#include <numbers>

#include "audit/linear_common.hpp"
#include "relucert/models/linear_correlation.hpp"

namespace relucert::audit::linear {
namespace {

// A random k = 2 configuration (w1, w2, a) in R^d with |cos(w1, w2)| <= 0.98 and norms in [0.5, 2]
// (a: [0.5, 3]); the norm ratio is spread over [1/4, 4].
struct K2Point {
    Vec<double> w1, w2, a;
    std::string describe() const {
        return "w1=" + format_vector(w1) + " w2=" + format_vector(w2) + " a=" + format_vector(a);
    }
};
K2Point random_k2(trainer::Rng& rng, std::size_t d) {
    K2Point p;
    for (;;) {
        p.w1 = random_vector_with_norm(rng, d, 0.5, 2.0);
        p.w2 = random_vector_with_norm(rng, d, 0.5, 2.0);
        if (std::fabs(vdot(p.w1, p.w2)) <= 0.98 * vnorm(p.w1) * vnorm(p.w2)) break;
    }
    p.a = random_vector_with_norm(rng, d, 0.5, 3.0);
    return p;
}

template <class T>
models::LinearK2Geometry<T> geometry(const Vec<T>& w1, const Vec<T>& w2, const Vec<T>& a) {
    return {vnorm(w1), vnorm(w2), angle(w1, w2), vdot(w1, a), vdot(w2, a), vdot(a, a)};
}

// ---- linear.corr-a4 ---------------------------------------------------------------------------------
std::vector<CheckResult> corr_a4(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.corr-a4");
    const std::size_t d = 3;
    IntervalComparison l2("l. 651-652 (E.1.3 rows substituted) vs <W - W*, grad L> from A.2", kRewriteMethod);
    IntervalComparison l3("l. 653-654 vs <W - W*, grad L>", kRewriteMethod);
    IntervalComparison l4("l. 655-658 vs <W - W*, grad L>", kRewriteMethod);
    IntervalComparison fin("final display (l. 661-664) vs <W - W*, grad L>", kRewriteMethod);
    const Vec<M> v{mp(1), mp(-1)};
    for (std::size_t p = 0; p < rewrite_points(ctx); ++p) {
        const auto q = random_k2(rng, d);
        const auto w1 = mp(q.w1), w2 = mp(q.w2), a = mp(q.a);
        Vec<M> W(w1);
        W.insert(W.end(), w2.begin(), w2.end());
        const auto G = gradient_printed(2, d, 1, W, v, a);
        const auto e1 = vsub(w1, a), e2 = vadd(w2, a);
        const M corr = vdot(e1, row(G, 0, d)) + vdot(e2, row(G, 1, d));
        const double sc = std::fabs(mid_double(corr));
        Vec<M> g1, g2;
        gradient_k2_printed(w1, w2, a, g1, g2);
        l2.compare(vdot(e1, g1) + vdot(e2, g2), corr, q.describe(), sc);
        using std::cos;
        using std::sin;
        const M t = angle(w1, w2), n1 = vnorm(w1), n2 = vnorm(w2), P = pi<M>(), tp = mp(2) * pi<M>();
        const auto u1 = unit(w1), u2 = unit(w2);
        const M third = vdot(e1, e1) / mp(2) - n2 / tp * vdot(e1, vaxpy(vscale(sin(t), u1), P - t, u2)) + vdot(e2, e2) / mp(2) -
                        n1 / tp * vdot(e2, vaxpy(vscale(sin(t), u2), P - t, u1));
        l3.compare(third, corr, q.describe(), sc);
        const M k = sin(t) + (P - t) * cos(t);
        const M fourth = vdot(e1, e1) / mp(2) - n2 / tp * n1 * k + n2 / tp * (sin(t) / n1 * vdot(w1, a) + (P - t) / n2 * vdot(w2, a)) +
                         vdot(e2, e2) / mp(2) - n1 / tp * n2 * k - n1 / tp * (sin(t) / n2 * vdot(w2, a) + (P - t) / n1 * vdot(w1, a));
        l4.compare(fourth, corr, q.describe(), sc);
        fin.compare(models::linear_correlation(geometry(w1, w2, a)), corr, q.describe(), sc);
    }
    return {l2.result(), l3.result(), l4.result(), fin.result()};
}

// ---- linear.lemma3-e11 and linear.lemma3-rewrites ---------------------------------------------------

// The coefficients of one GD step on w1 + w2 (E.1.1, l. 745-749): p = 1 - mu t/(2 pi),
// q = mu sin t/(2 pi), alpha = p^2 + q^2, beta = 2pq.
struct StepCoefficients {
    M p, q, alpha, beta;
};
StepCoefficients step_coefficients(const M& mu, const M& t) {
    using std::sin;
    const M P = pi<M>();
    StepCoefficients k{mp(1) - mu * t / (mp(2) * P), mu * sin(t) / (mp(2) * P), M(), M()};
    k.alpha = k.p * k.p + k.q * k.q;
    k.beta = mp(2) * k.p * k.q;
    return k;
}

// A random k = 2 point with a step mu in [0.01, 1], the printed gradient and the next w1' + w2'.
struct GdStepPoint {
    K2Point q;
    double mu_d = 0;
    Vec<M> w1, w2, a, g1, g2, s12, next;
    M mu, t, n1, n2, c;
    std::string pt;
    StepCoefficients k;
};
GdStepPoint random_gd_step_point(trainer::Rng& rng, std::size_t d) {
    GdStepPoint x;
    x.q = random_k2(rng, d);
    x.mu_d = rng.uniform(0.01, 1.0);
    x.w1 = mp(x.q.w1);
    x.w2 = mp(x.q.w2);
    x.a = mp(x.q.a);
    x.mu = mp(x.mu_d);
    x.pt = x.q.describe() + " mu=" + sci(x.mu_d);
    gradient_k2_printed(x.w1, x.w2, x.a, x.g1, x.g2);
    using std::cos;
    x.t = angle(x.w1, x.w2);
    x.n1 = vnorm(x.w1);
    x.n2 = vnorm(x.w2);
    x.c = cos(x.t);
    x.s12 = vadd(x.w1, x.w2);
    x.next = vsub(x.s12, vscale(x.mu, vadd(x.g1, x.g2)));  // w1' + w2' = w1 + w2 - mu (g1 + g2)
    x.k = step_coefficients(x.mu, x.t);
    return x;
}

std::vector<CheckResult> lemma3_e11(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.lemma3-e11");
    const std::size_t d = 3;
    IntervalComparison sum("grad_{w1} L + grad_{w2} L = 1/2((t/pi)(w1 + w2) - (sin t/pi)(|w2| wb1 + |w1| wb2)) (l. 737)", kRewriteMethod);
    IntervalComparison coef("|w1' + w2'|^2 (GD step) vs |(p|w1| + q|w2|) wb1 + (p|w2| + q|w1|) wb2|^2 (l. 745)", kRewriteMethod);
    IntervalComparison expd("|w1' + w2'|^2 vs the expanded form (l. 746-747)", kRewriteMethod);
    IntervalComparison ab("|w1' + w2'|^2 vs (alpha + beta cos t)(|w1|^2 + |w2|^2) + 2(beta + alpha cos t)|w1||w2| (l. 749)", kRewriteMethod);
    for (std::size_t p = 0; p < rewrite_points(ctx); ++p) {
        const GdStepPoint x = random_gd_step_point(rng, d);
        const auto& [w1, w2, g1, g2, s12, next, t, n1, n2, c, pt] = std::tie(x.w1, x.w2, x.g1, x.g2, x.s12, x.next, x.t, x.n1, x.n2, x.c, x.pt);
        using std::sin;
        const M P = pi<M>();
        const auto u1 = unit(w1), u2 = unit(w2);
        Vec<M> rhs(d);
        for (std::size_t e = 0; e < d; ++e) rhs[e] = (t / P * s12[e] - sin(t) / P * (n2 * u1[e] + n1 * u2[e])) / mp(2);
        sum.compare(vadd(g1, g2), rhs, pt, max_abs(rhs));
        const M lhs = vdot(next, next);
        const double sc = mid_double(lhs);
        const M &pp = x.k.p, &qq = x.k.q, &al = x.k.alpha, &be = x.k.beta;
        const auto vec = vaxpy(vscale(pp * n1 + qq * n2, u1), pp * n2 + qq * n1, u2);
        coef.compare(vdot(vec, vec), lhs, pt, sc);
        expd.compare((pp * pp + qq * qq + mp(2) * c * pp * qq) * (n1 * n1 + n2 * n2) +
                         mp(2) * (mp(2) * pp * qq + c * (pp * pp + qq * qq)) * n1 * n2,
                     lhs, pt, sc);
        ab.compare((al + be * c) * (n1 * n1 + n2 * n2) + mp(2) * (be + al * c) * n1 * n2, lhs, pt, sc);
    }
    return {sum.result(), coef.result(), expd.result(), ab.result()};
}

std::vector<CheckResult> lemma3_rewrites(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.lemma3-rewrites");
    const std::size_t d = 3;
    IntervalComparison diff("|w1 + w2|^2 - |w1' + w2'|^2 = (1 - alpha - beta cos t)(..) + 2(cos t - beta - alpha cos t)|w1||w2| (l. 753-758)",
                            kRewriteMethod);
    IntervalComparison f1("1 - alpha - beta cos t - (cos t - beta - alpha cos t) = (1 - cos t)(1 + beta - alpha) (l. 765-767)", kRewriteMethod);
    IntervalComparison f2("1 - alpha - beta cos t + (cos t - beta - alpha cos t) = (1 + cos t)(1 - beta - alpha) (l. 769-771)", kRewriteMethod);
    IntervalComparison sq("alpha + beta = (1 - mu t/(2pi) + mu sin t/(2pi))^2 (l. 761)", kRewriteMethod);
    PredicateCheck bounds("spot check: beta >= 0 and alpha + beta <= 1 for mu <= 1 (l. 761)", kRewriteMethod);
    for (std::size_t p = 0; p < rewrite_points(ctx); ++p) {
        const GdStepPoint x = random_gd_step_point(rng, d);
        const auto& [s12, next, n1, n2, c, pt] = std::tie(x.s12, x.next, x.n1, x.n2, x.c, x.pt);
        const M &al = x.k.alpha, &be = x.k.beta;
        const M lhs = vdot(s12, s12) - vdot(next, next);
        diff.compare((mp(1) - al - be * c) * (n1 * n1 + n2 * n2) + mp(2) * (c - be - al * c) * n1 * n2, lhs, pt,
                     mid_double(vdot(s12, s12)));
        // the scalar identities at an independent random angle in [0, pi]
        const double th_d = rng.uniform(0.0, std::numbers::pi);
        using std::cos;
        using std::sin;
        const M th = mp(th_d), ct = cos(th), P = pi<M>(), &mu = x.mu;
        const auto [p2, q2, A2, B2] = step_coefficients(mu, th);
        const std::string pt2 = "theta=" + sci(th_d) + " mu=" + sci(x.mu_d);
        f1.compare(mp(1) - A2 - B2 * ct - (ct - B2 - A2 * ct), (mp(1) - ct) * (mp(1) + B2 - A2), pt2);
        f2.compare(mp(1) - A2 - B2 * ct + (ct - B2 - A2 * ct), (mp(1) + ct) * (mp(1) - B2 - A2), pt2);
        sq.compare(A2 + B2, sqr(mp(1) - mu * th / (mp(2) * P) + mu * sin(th) / (mp(2) * P)), pt2);
        const M slack = mp(1) - A2 - B2;
        bounds.add(B2.certainly_nonnegative() && slack.certainly_nonnegative(), std::min(B2.lower_double_down(), slack.lower_double_down()), pt2);
    }
    return {diff.result(), f1.result(), f2.result(), sq.result(), bounds.result()};
}

// ---- linear.lemma5-rewrites -------------------------------------------------------------------------
std::vector<CheckResult> lemma5_rewrites(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.lemma5-rewrites");
    const std::size_t d = 3;
    IntervalComparison r1("grad_{w1} L = (w1 - a)/2 - (sin t|w2| wb1 + (pi - t) w2)/(2pi) (l. 899-900)", kRewriteMethod);
    IntervalComparison r2("grad_{w2} L = (w2 + a)/2 - (sin t|w1| wb2 + (pi - t) w1)/(2pi) (mirror, l. 909)", kRewriteMethod);
    IntervalComparison r3("(1/2)|w1 - a + a + w2|^2 = (1/2)|w1 + w2|^2 and 2|(w1 - a)/2|^2 = |w1 - a|^2/2 (l. 902-904)", kRewriteMethod);
    PredicateCheck steps("spot check of each <= of l. 901-905 and of the sum 5/2 (l. 911-913)", kRewriteMethod);
    for (std::size_t p = 0; p < rewrite_points(ctx); ++p) {
        const auto q = random_k2(rng, d);
        const auto w1 = mp(q.w1), w2 = mp(q.w2), a = mp(q.a);
        Vec<M> g1, g2;
        gradient_k2_printed(w1, w2, a, g1, g2);
        using std::sin;
        const M t = angle(w1, w2), n1 = vnorm(w1), n2 = vnorm(w2), P = pi<M>(), tp = mp(2) * pi<M>();
        const auto u1 = unit(w1), u2 = unit(w2);
        const auto e1 = vsub(w1, a), e2 = vadd(w2, a);
        const auto y1 = vaxpy(vscale(sin(t) * n2, u1), P - t, w2), y2 = vaxpy(vscale(sin(t) * n1, u2), P - t, w1);
        const auto f1 = vsub(vscale(mp(1) / mp(2), e1), vscale(mp(1) / tp, y1));
        const auto f2 = vsub(vscale(mp(1) / mp(2), e2), vscale(mp(1) / tp, y2));
        r1.compare(g1, f1, q.describe(), max_abs(g1));
        r2.compare(g2, f2, q.describe(), max_abs(g2));
        const auto s = vadd(w1, w2), s2 = vadd(e1, e2);
        r3.compare(vdot(s2, s2) / mp(2), vdot(s, s) / mp(2), q.describe(), mid_double(vdot(s, s)));
        const auto h1 = vscale(mp(1) / mp(2), e1);
        r3.compare(mp(2) * vdot(h1, h1), vdot(e1, e1) / mp(2), q.describe(), mid_double(vdot(e1, e1)));
        // each inequality step, proven at the point in interval arithmetic
        const auto yy = vscale(mp(1) / tp, y1);
        const M a0 = vdot(g1, g1), a1 = mp(2) * vdot(h1, h1) + mp(2) * vdot(yy, yy);
        const M a2 = vdot(e1, e1) / mp(2) + vdot(s, s) / mp(2);
        const M a3 = mp(3) / mp(2) * vdot(e1, e1) + vdot(e2, e2);
        const M b0 = vdot(g1, g1) + vdot(g2, g2), b1 = mp(5) / mp(2) * (vdot(e1, e1) + vdot(e2, e2));
        const M m1 = a1 - a0, m2 = a2 - a1, m3 = a3 - a2, m4 = b1 - b0;
        const bool ok = m1.certainly_nonnegative() && m2.certainly_nonnegative() && m3.certainly_nonnegative() && m4.certainly_nonnegative();
        steps.add(ok, std::min({m1.lower_double_down(), m2.lower_double_down(), m3.lower_double_down(), m4.lower_double_down()}), q.describe());
    }
    return {r1.result(), r2.result(), r3.result(), steps.result()};
}

// ---- linear.h-expansion and .printed ----------------------------------------------------------------
// gamma1 as printed (E.1.2 l. 786): (3 pi - sin t |w2|/|w1| - t)/(2 pi) + 2 alpha; -gamma2 as printed:
// (3 pi - sin t |w1|/|w2| - t)/(2 pi) - 2 alpha.
template <class T>
models::HExpansion<T> h_coefficients_printed(const T& n1, const T& n2, const T& theta, const T& alpha) {
    auto c = models::h_expansion_coefficients(n1, n2, theta, alpha);
    c.gamma1 = c.gamma1 + T(4) * alpha;  // (... - 2 alpha) + 4 alpha = (... + 2 alpha)
    return c;
}
template <class T>
T h_expansion_printed(const models::LinearK2Geometry<T>& g, const T& alpha) {
    const auto c = h_coefficients_printed(g.n1, g.n2, g.theta, alpha);
    return c.g - c.gamma1 * g.p1 - c.gamma2 * g.p2 + (T(1) - T(2) * alpha) * g.aa;
}
// h_tilde as printed (l. 799), with the printed gamma1.
template <class T>
T h_tilde_printed(const T& n1, const T& n2, const T& theta, const T& alpha) {
    using std::cos;
    using std::sqrt;
    const auto c = h_coefficients_printed(n1, n2, theta, alpha);
    const T ct = cos(theta), q = T(1) - T(2) * alpha;
    const T B = sqrt(c.gamma1 * c.gamma1 * n1 * n1 + c.gamma2 * c.gamma2 * n2 * n2 + T(2) * c.gamma1 * c.gamma2 * n1 * n2 * ct);
    const T s = sqrt(n1 * n1 + n2 * n2 + T(2) * n1 * n2 * ct);
    return models::detail::select_le(T(2) * s, B / (T(2) * q), c.g - B * B / (T(4) * q), c.g - T(2) * B * s + T(4) * q * s * s);
}

double random_alpha(trainer::Rng& rng, std::size_t p) { return p % 3 == 0 ? 0.3 : rng.uniform(0.05, 0.45); }

struct HExpansionChecks {
    std::vector<CheckResult> correct, printed;
};
HExpansionChecks h_expansion_checks(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.h-expansion");
    const std::size_t d = 3;
    IntervalComparison ok("g - gamma1 w1'a - gamma2 w2'a + (1 - 2alpha)|a|^2, gamma1 = (...)/(2pi) - 2alpha, vs h = <W - W*, grad L> - alpha|W - W*|^2",
                          kRewriteMethod);
    IntervalComparison ok2("second line g - (gamma1 w1 + gamma2 w2)'a + (1 - 2alpha)|a|^2 vs the first", kRewriteMethod);
    IntervalComparison bad("l. 784-788 as printed (gamma1 = (...)/(2pi) + 2alpha) vs h", kRewriteMethod);
    for (std::size_t p = 0; p < rewrite_points(ctx); ++p) {
        const auto q = random_k2(rng, d);
        const double al_d = random_alpha(rng, p);
        const auto w1 = mp(q.w1), w2 = mp(q.w2), a = mp(q.a);
        const M al = mp(al_d);
        const std::string pt = q.describe() + " alpha=" + sci(al_d);
        const M h = h_from_definition(w1, w2, a, al);
        const auto geo = geometry(w1, w2, a);
        const double sc = std::fabs(mid_double(h));
        const M hx = models::h_expansion(geo, al);
        ok.compare(hx, h, pt, sc);
        const auto c = models::h_expansion_coefficients(geo.n1, geo.n2, geo.theta, al);
        const auto b = vaxpy(vscale(c.gamma1, w1), c.gamma2, w2);
        ok2.compare(c.g - vdot(b, a) + (mp(1) - mp(2) * al) * geo.aa, hx, pt, sc);
        bad.compare(h_expansion_printed(geo, al), h, pt, sc);
    }
    return {{ok.result(), ok2.result()}, {bad.result()}};
}

// ---- linear.htilde, .printed and the normalisation --------------------------------------------------
// min { h(w1, w2, a) : |a| >= 2|w1 + w2| } by direct search on the definition of h (double): the best
// of a grid of directions (golden-section search along each ray), then a projected pattern search.
// Uses nothing of the closed form.
struct Minimum {
    double value;
    Vec<double> a;
};
Minimum minimise_h(const Vec<double>& w1, const Vec<double>& w2, double alpha, std::size_t directions) {
    const double s = vnorm(vadd(w1, w2)), rmin = 2 * s;
    auto F = [&](const Vec<double>& a) { return h_from_definition(w1, w2, a, alpha); };
    auto project = [&](Vec<double> a) {
        const double n = vnorm(a);
        if (n < rmin) {
            if (n == 0) a[0] = rmin;
            else a = vscale(rmin / n, a);
        }
        return a;
    };
    const double tmax = rmin + 100 * (1 + vnorm(w1) + vnorm(w2));
    Minimum best{INFINITY, {}};
    const double golden = (std::sqrt(5.0) - 1) / 2;
    for (std::size_t i = 0; i < directions; ++i) {
        // Fibonacci sphere (d = 3)
        const double z = 1 - (2.0 * static_cast<double>(i) + 1) / static_cast<double>(directions);
        const double r = std::sqrt(std::max(0.0, 1 - z * z)), ph = static_cast<double>(i) * std::numbers::pi * (3 - std::sqrt(5.0));
        const Vec<double> u{r * std::cos(ph), r * std::sin(ph), z};
        double lo = rmin, hi = tmax;
        double x1 = hi - golden * (hi - lo), x2 = lo + golden * (hi - lo);
        double f1 = F(vscale(x1, u)), f2 = F(vscale(x2, u));
        for (int it = 0; it < 80; ++it) {
            if (f1 <= f2) {
                hi = x2; x2 = x1; f2 = f1; x1 = hi - golden * (hi - lo); f1 = F(vscale(x1, u));
            } else {
                lo = x1; x1 = x2; f1 = f2; x2 = lo + golden * (hi - lo); f2 = F(vscale(x2, u));
            }
        }
        const double t = (lo + hi) / 2, f = F(vscale(t, u));
        if (f < best.value) best = {f, vscale(t, u)};
    }
    // projected pattern search in R^3
    double step = 0.05 * (1 + vnorm(best.a));
    while (step > 1e-13) {
        bool improved = false;
        for (std::size_t c = 0; c < 3; ++c)
            for (double sg : {1.0, -1.0}) {
                Vec<double> a = best.a;
                a[c] += sg * step;
                a = project(a);
                const double f = F(a);
                if (f < best.value) {
                    best = {f, a};
                    improved = true;
                }
            }
        if (!improved) step /= 2;
    }
    return best;
}

struct HTildeChecks {
    std::vector<CheckResult> correct, printed, normalisation;
};
constexpr const char* kGridMethod = "MPFR 256-bit intervals on a grid";

HTildeChecks h_tilde_checks(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.htilde");
    const std::size_t d = 3;
    const std::size_t dirs = ctx.quick ? 300 : 1500;
    const char* min_method = "numerical minimisation over a (Fibonacci directions + golden section + pattern search), double";
    ToleranceComparison num("h_tilde (gamma1 with -2alpha) vs numerical min of h over |a| >= 2|w1 + w2|", min_method, 1e-8);
    IntervalComparison attained("h(w1, w2, a_min) at the closed-form minimiser vs h_tilde", kRewriteMethod);
    PredicateCheck lower("h(a) >= h_tilde at random feasible a", kRewriteMethod);
    IntervalComparison vec("h_tilde from the vectors (B = |gamma1 w1 + gamma2 w2|) vs from (|w1|, |w2|, t)", kRewriteMethod);
    IntervalComparison homog("h_tilde(2 w1, 2 w2)/|2 w1|^2 vs h_tilde(w1, w2)/|w1|^2 (§6 l. 328: a function of t and r)", kRewriteMethod);
    ToleranceComparison pnum("h_tilde as printed (gamma1 with +2alpha) vs numerical min of h", min_method, 1e-8);
    IntervalComparison pclosed("h_tilde as printed vs h_tilde from the definitions", kRewriteMethod);
    IntervalComparison norm1("h_tilde(2 w1, 2 w2)/|2 w1| vs h_tilde(w1, w2)/|w1| (Fig. 6 caption, l. 861)", kRewriteMethod);
    const std::size_t points = ctx.quick ? 4 : 12;
    for (std::size_t p = 0; p < points; ++p) {
        const auto q = random_k2(rng, d);
        const double al_d = random_alpha(rng, p);
        const std::string pt = "w1=" + format_vector(q.w1) + " w2=" + format_vector(q.w2) + " alpha=" + sci(al_d);
        const auto w1 = mp(q.w1), w2 = mp(q.w2);
        const M al = mp(al_d), n1 = vnorm(w1), n2 = vnorm(w2), t = angle(w1, w2);
        const M ht = models::h_tilde(n1, n2, t, al), htp = h_tilde_printed(n1, n2, t, al);
        const double sc = std::fabs(mid_double(ht)) + vdot(q.w1, q.w1) + vdot(q.w2, q.w2);
        const Minimum mn = minimise_h(q.w1, q.w2, al_d, dirs);
        num.compare(mn.value, mid_double(ht), pt + " a*=" + format_vector(mn.a), sc);
        pnum.compare(mn.value, mid_double(htp), pt + " a*=" + format_vector(mn.a), sc);
        pclosed.compare(htp, ht, pt, sc);
        // the closed-form minimiser: a = rho b-bar, rho = max(|b|/(2(1 - 2alpha)), 2|w1 + w2|)
        const auto c = models::h_expansion_coefficients(n1, n2, t, al);
        const auto b = vaxpy(vscale(c.gamma1, w1), c.gamma2, w2);
        const M B = vnorm(b), s = vnorm(vadd(w1, w2));
        const M rho = max(B / (mp(2) * (mp(1) - mp(2) * al)), mp(2) * s);
        const auto amin = vscale(rho / B, b);
        attained.compare(h_from_definition(w1, w2, amin, al), ht, pt, sc);
        for (int j = 0; j < 20; ++j) {
            const double rr = mid_double(s) * 2 * (1 + rng.uniform(0.0, 3.0));
            const auto ar = mp(vscale(rr, unit(random_normal_vector(rng, d))));
            const M gap = h_from_definition(w1, w2, ar, al) - ht;
            const bool feasible = (vnorm(ar) - mp(2) * s).certainly_nonnegative();
            lower.add(!feasible || gap.certainly_nonnegative(), gap.lower_double_down(), pt + " a=" + format_vector(ar));
        }
        const M q2 = mp(1) - mp(2) * al;
        const M ss = vdot(vadd(w1, w2), vadd(w1, w2)), BB = vdot(b, b);
        const M from_vec = models::detail::select_le(mp(2) * vnorm(vadd(w1, w2)), vnorm(b) / (mp(2) * q2), c.g - BB / (mp(4) * q2),
                                                     c.g - mp(2) * vnorm(b) * vnorm(vadd(w1, w2)) + mp(4) * q2 * ss);
        vec.compare(from_vec, ht, pt, sc);
        const M ht2 = models::h_tilde(mp(2) * n1, mp(2) * n2, t, al);
        homog.compare(ht2 / sqr(mp(2) * n1), ht / sqr(n1), pt, std::fabs(mid_double(ht / sqr(n1))));
        norm1.compare(ht2 / (mp(2) * n1), ht / n1, pt, std::fabs(mid_double(ht / n1)));
    }
    // Figure 6's claim (alpha = 0.3, t in [0, pi], r in [1e-5, 1e5]): h_tilde >= 0. A spot check on a grid
    // for the corrected h_tilde (the proof is linear.fig6 / linear.lemma4, relucert certify); for the
    // printed one a certainly negative value contradicts the figure, so Fig. 6 was not drawn from it.
    PredicateCheck grid("spot check: h_tilde >= 0 on a 13 x 13 grid of Fig. 6's domain (alpha = 0.3)", kGridMethod);
    PredicateCheck pgrid("h_tilde as printed >= 0 on a 13 x 13 grid of Fig. 6's domain (alpha = 0.3), as Fig. 6 shows", kGridMethod);
    for (int i = 0; i <= 12; ++i)
        for (int j = 0; j <= 12; ++j) {
            const M t = pi<M>() * mp(i) / mp(12), r = mp(std::pow(10.0, -5.0 + 10.0 * j / 12.0)), al = mp(0.3);
            const std::string pt = "theta=" + sci(mid_double(t)) + " r=" + sci(mid_double(r)) + " (|w1| = 1)";
            const M h = models::h_tilde(mp(1), r, t, al), hp = h_tilde_printed(mp(1), r, t, al);
            grid.add(!h.certainly_negative(), h.upper_double_up(), pt, h.certainly_negative());
            pgrid.add(!hp.certainly_negative(), hp.upper_double_up(), pt + ": h_tilde printed <= " + sci(hp.upper_double_up()),
                      hp.certainly_negative());
        }
    return {{num.result(), attained.result(), lower.result(), vec.result(), homog.result(), grid.result()},
            {pnum.result(), pclosed.result(), pgrid.result()},
            {norm1.result()}};
}

// ---- linear.thm6-decomp -----------------------------------------------------------------------------
std::vector<CheckResult> thm6_decomp(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.thm6-decomp");
    const std::size_t r = 3, d = 4, k = 2 * r;
    IntervalComparison pointwise("1/2|V'relu(Wx) - Ax|^2 = 1/2 sum_l s_l^2 (relu(w_l'x) - relu(w_{l+r}'x) - at_l'x)^2 at sample x",
                                 "MPFR 256-bit at random (W, Sigma, R, A, x); R an exactly orthogonal product of rational Givens rotations");
    IntervalComparison closed("(6) for V = [I, -I]' Sigma R vs sum_l s_l^2 (6) for k = 2, v = [1, -1], a = at_l", kRewriteMethod);
    IntervalComparison opt("L(W*) = 0 at W* = [Sigma^-1 R A; -Sigma^-1 R A] (by (6))", kRewriteMethod);
    for (std::size_t p = 0; p < (ctx.quick ? 5 : 20); ++p) {
        // R = G(0,1) G(0,2) G(1,2), G with (c, s) = ((1 - t^2), 2t)/(1 + t^2): exactly orthogonal
        Vec<M> R(r * r, mp(0));
        for (std::size_t i = 0; i < r; ++i) R[i * r + i] = mp(1);
        const std::size_t pairs[3][2] = {{0, 1}, {0, 2}, {1, 2}};
        for (const auto& pr : pairs) {
            const M tt = mp(rng.uniform(-2.0, 2.0));
            const M c = (mp(1) - tt * tt) / (mp(1) + tt * tt), s = mp(2) * tt / (mp(1) + tt * tt);
            Vec<M> R2(R);
            for (std::size_t j = 0; j < r; ++j) {  // rows pr[0], pr[1] of G * R
                R2[pr[0] * r + j] = c * R[pr[0] * r + j] - s * R[pr[1] * r + j];
                R2[pr[1] * r + j] = s * R[pr[0] * r + j] + c * R[pr[1] * r + j];
            }
            R = R2;
        }
        Vec<M> sig(r);
        for (auto& x : sig) x = mp(rng.uniform(0.3, 3.0));
        const Net n = random_net(rng, k, d, r);
        const auto W = mp(n.W), A = mp(n.A);
        Vec<M> V(k * r, mp(0));  // V = [Sigma R; -Sigma R]
        for (std::size_t i = 0; i < r; ++i)
            for (std::size_t j = 0; j < r; ++j) {
                V[i * r + j] = sig[i] * R[i * r + j];
                V[(i + r) * r + j] = -(sig[i] * R[i * r + j]);
            }
        Vec<M> At(r * d, mp(0));  // Sigma^-1 R A
        for (std::size_t i = 0; i < r; ++i)
            for (std::size_t c = 0; c < d; ++c) {
                M acc = mp(0);
                for (std::size_t j = 0; j < r; ++j) acc += R[i * r + j] * A[j * d + c];
                At[i * d + c] = acc / sig[i];
            }
        const std::string pt = n.describe() + " sigma=" + format_vector(sig);
        for (int s = 0; s < 5; ++s) {
            const auto x = mp(random_normal_vector(rng, d));
            Vec<M> z(k);
            for (std::size_t i = 0; i < k; ++i) z[i] = max(vdot(row(W, i, d), x), mp(0));
            M lhs = mp(0);
            for (std::size_t o = 0; o < r; ++o) {
                M y = mp(0);
                for (std::size_t i = 0; i < k; ++i) y += V[i * r + o] * z[i];
                for (std::size_t c = 0; c < d; ++c) y -= A[o * d + c] * x[c];
                lhs += sqr(y);
            }
            M rhs = mp(0);
            for (std::size_t l = 0; l < r; ++l) rhs += sqr(sig[l]) * sqr(z[l] - z[l + r] - vdot(row(At, l, d), x));
            pointwise.compare(lhs / mp(2), rhs / mp(2), pt + " x=" + format_vector(x), mid_double(lhs));
        }
        const M L = loss_printed(k, d, r, W, V, A);
        M sum = mp(0);
        for (std::size_t l = 0; l < r; ++l) {
            Vec<M> Wl(row(W, l, d));
            const auto wr = row(W, l + r, d);
            Wl.insert(Wl.end(), wr.begin(), wr.end());
            sum += sqr(sig[l]) * loss_printed(2, d, 1, Wl, Vec<M>{mp(1), mp(-1)}, row(At, l, d));
        }
        closed.compare(L, sum, pt, mid_double(L));
        Vec<M> Wstar(At);
        for (const auto& x : At) Wstar.push_back(-x);
        opt.compare(loss_printed(k, d, r, Wstar, V, A), mp(0), pt, mid_double(L));
    }
    return {pointwise.result(), closed.result(), opt.result()};
}

// ---- linear.decomp-sec6 -----------------------------------------------------------------------------
std::vector<CheckResult> decomp_sec6(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.decomp-sec6");
    const std::size_t d = 4, n = 40;
    IntervalComparison l1("l. 1002 first line (sums with phi') vs <W - W*, grad L_hat>", kRewriteMethod);
    IntervalComparison l2("l. 1002 second line vs <W - W*, grad L_hat>", kRewriteMethod);
    IntervalComparison l3("(1/n) sum r^2 + (1/n) sum r (a'x)(1 - phi'(w1'x) - phi'(w2'x)) vs <W - W*, grad L_hat> (§6 l. 340)", kRewriteMethod);
    ToleranceComparison fd("grad L_hat = (1/n) sum r(x_i) [phi'(w1'x_i) x_i; -phi'(w2'x_i) x_i] vs FD of L_hat", kFdMethod, kFdTolerance);
    for (std::size_t p = 0; p < (ctx.quick ? 5 : 20); ++p) {
        const auto q = random_k2(rng, d);
        const auto w1 = mp(q.w1), w2 = mp(q.w2), a = mp(q.a);
        std::vector<Vec<M>> xs;
        for (std::size_t i = 0; i < n; ++i) xs.push_back(mp(random_normal_vector(rng, d)));
        auto relu = [](const M& u) { return max(u, mp(0)); };
        auto step = [](const M& u) { return u.certainly_positive() ? mp(1) : u.certainly_negative() ? mp(0) : M(0.0, 1.0, kAuditPrec); };
        auto loss_hat = [&](const Vec<M>& W) {
            M s = mp(0);
            for (const auto& x : xs) s += sqr(relu(vdot(row(W, 0, d), x)) - relu(vdot(row(W, 1, d), x)) - vdot(a, x));
            return s / mp(2 * static_cast<double>(n));
        };
        Vec<M> g1(d, mp(0)), g2(d, mp(0));
        M s1 = mp(0), s2 = mp(0), s3 = mp(0), s4 = mp(0), s5 = mp(0), s6 = mp(0);
        for (const auto& x : xs) {
            const M u1 = vdot(w1, x), u2 = vdot(w2, x), ax = vdot(a, x);
            const M r = relu(u1) - relu(u2) - ax;
            for (std::size_t c = 0; c < d; ++c) {
                g1[c] += r * step(u1) * x[c];
                g2[c] -= r * step(u2) * x[c];
            }
            s1 += r * step(u1) * (u1 - ax);
            s2 += r * step(u2) * (u2 + ax);
            s3 += r * (relu(u1) - relu(u2));
            s4 += r * ax * (step(u1) + step(u2));
            s5 += sqr(r);
            s6 += r * ax * (mp(1) - step(u1) - step(u2));
        }
        const M nn = mp(static_cast<double>(n));
        g1 = vscale(mp(1) / nn, g1);
        g2 = vscale(mp(1) / nn, g2);
        const M lhs = vdot(g1, vsub(w1, a)) + vdot(g2, vadd(w2, a));
        const double sc = std::fabs(mid_double(lhs));
        l1.compare(s1 / nn - s2 / nn, lhs, q.describe(), sc);
        l2.compare(s3 / nn - s4 / nn, lhs, q.describe(), sc);
        l3.compare(s5 / nn + s6 / nn, lhs, q.describe(), sc);
        if (p < fd_points(ctx)) {
            Vec<M> W(w1);
            W.insert(W.end(), w2.begin(), w2.end());
            const auto J = jacobian_fd([&](const Vec<M>& w) { return Vec<M>{loss_hat(w)}; }, W, kFdStep);
            Vec<M> G(g1);
            G.insert(G.end(), g2.begin(), g2.end());
            for (std::size_t c = 0; c < 2 * d; ++c) fd.compare(J[c], G[c], q.describe(), max_abs(G));
        }
    }
    return {l1.result(), l2.result(), l3.result(), fd.result()};
}

std::vector<CheckResult> hexp_correct(const AuditContext& c) { return h_expansion_checks(c).correct; }
std::vector<CheckResult> hexp_printed(const AuditContext& c) { return h_expansion_checks(c).printed; }
std::vector<CheckResult> htilde_correct(const AuditContext& c) { return h_tilde_checks(c).correct; }
std::vector<CheckResult> htilde_printed(const AuditContext& c) { return h_tilde_checks(c).printed; }
std::vector<CheckResult> htilde_norm(const AuditContext& c) { return h_tilde_checks(c).normalisation; }

const char* kGammaNote =
    "E.1.2 l. 786 prints gamma1 = (3pi - sin t|w2|/|w1| - t)/(2pi) + 2alpha; expanding h = <W - W*, grad L> - alpha|W - W*|^2 "
    "with A.4 gives -2alpha (the -alpha(-2 w1'a) term adds +2alpha w1'a, i.e. -(... - 2alpha) w1'a); the printed h differs by "
    "4 alpha w1'a. -gamma2 as printed is right";

const AuditRegistration r_a4({"linear.corr-a4", "A.4, l. 645-665",
                              "<W - W*, grad L> = |w1|^2/2 + |w2|^2/2 - ((pi - t)cos t + sin t)/pi |w1||w2| - (3pi - sin t|w2|/|w1| - t)/(2pi) w1'a "
                              "+ (3pi - sin t|w1|/|w2| - t)/(2pi) w2'a + |a|^2",
                              "every displayed line in MPFR against <W - W*, grad L> with grad L from A.2", true, "", corr_a4});
const AuditRegistration r_l3({"linear.lemma3-e11", "E.1.1 l. 737-749",
                              "grad_{w1} L + grad_{w2} L = 1/2((t/pi)(w1 + w2) - (sin t/pi)(|w2| wb1 + |w1| wb2)); |w1' + w2'|^2 = "
                              "(alpha + beta cos t)(|w1|^2 + |w2|^2) + 2(beta + alpha cos t)|w1||w2|",
                              "MPFR at random (w1, w2, a, mu)", true, "", lemma3_e11});
const AuditRegistration r_l3r({"linear.lemma3-rewrites", "E.1.1 l. 751-771",
                               "the difference of squared norms; (1 - cos t)(1 + beta - alpha), (1 + cos t)(1 - beta - alpha); alpha + beta = (1 - mu t/2pi + mu sin t/2pi)^2",
                               "MPFR at random points", true,
                               "not in the inventory: the small rewrite steps of Lemma 3's proof (issue 5)", lemma3_rewrites});
const AuditRegistration r_l5r({"linear.lemma5-rewrites", "E.1.3 l. 897-913",
                               "grad_{w1} L = (w1 - a)/2 - (sin t|w2| wb1 + (pi - t) w2)/(2pi); the steps to 3/2|w1 - a|^2 + |w2 + a|^2 and 5/2",
                               "MPFR at random points (rewrites; inequality steps spot-checked)", true,
                               "not in the inventory: the rewriting steps of Lemma 5's proof (issue 5); the inequalities themselves are "
                               "linear.ineq10 / linear.lemma5 (certify)",
                               lemma5_rewrites});
const AuditRegistration r_hx({"linear.h-expansion", "E.1.2 l. 779-791 (as the definitions give it)",
                              "h = g - (gamma1 w1 + gamma2 w2)'a + (1 - 2alpha)|a|^2, gamma1 = (3pi - sin t|w2|/|w1| - t)/(2pi) - 2alpha, "
                              "-gamma2 = (3pi - sin t|w1|/|w2| - t)/(2pi) - 2alpha",
                              "MPFR at random (w1, w2, a, alpha) against the definition (3)", true, kGammaNote, hexp_correct});
const AuditRegistration r_hxp({"linear.h-expansion.printed", "E.1.2 l. 784-788 (as printed)",
                               "h = g - gamma1 w1'a - gamma2 w2'a + (1 - 2alpha)|a|^2 with gamma1 = (3pi - sin t|w2|/|w1| - t)/(2pi) + 2alpha",
                               "MPFR at random (w1, w2, a, alpha) against the definition (3)", false, kGammaNote, hexp_printed});
const AuditRegistration r_ht({"linear.htilde", "E.1.2 l. 793-799 (gamma1 with -2alpha); §6 l. 328",
                              "h_tilde = min_{|a| >= 2|w1 + w2|} h = g - B^2/(4(1 - 2alpha)) if 2|w1 + w2| <= B/(2(1 - 2alpha)), else "
                              "g - 2B|w1 + w2| + 4(1 - 2alpha)|w1 + w2|^2, B = |gamma1 w1 + gamma2 w2|; h_tilde/|w1|^2 depends on (t, r) only",
                              "numerical minimisation of the definition over a; attainment and lower bound in MPFR; homogeneity", true,
                              kGammaNote, htilde_correct});
const AuditRegistration r_htp({"linear.htilde.printed", "E.1.2 l. 793-799 (as printed)",
                               "h_tilde as printed, i.e. with gamma1 = (3pi - sin t|w2|/|w1| - t)/(2pi) + 2alpha",
                               "numerical minimisation of the definition over a; MPFR against the corrected closed form; Fig. 6's sign on a grid",
                               false,
                               "with gamma1 as printed, h_tilde is certainly negative on much of Fig. 6's domain (e.g. -2.56 at t = 0, "
                               "r = 1e-5, alpha = 0.3), so Fig. 6 (non-negative everywhere) was not computed from the printed formula; the "
                               "corrected h_tilde is >= 0 on the same grid (0 at t = pi, r = 1). Cause: see linear.h-expansion.printed",
                               htilde_printed});
const AuditRegistration r_htn({"linear.htilde.printed-normalisation", "Fig. 6 caption (l. 859) and l. 861",
                               "(1/|w1|) h_tilde(w1, w2) is a function of only t and r = |w2|/|w1|",
                               "MPFR: h_tilde(2w1, 2w2)/|2w1| against h_tilde(w1, w2)/|w1| (same t and r)", false,
                               "h_tilde is homogeneous of degree 2, so h_tilde/|w1|^2 (as §6 l. 328 says) is a function of (t, r) and "
                               "h_tilde/|w1| = |w1| (h_tilde/|w1|^2) is not (it scales with |w1|). The sign, and so Lemma 4's argument, "
                               "is unaffected",
                               htilde_norm});
const AuditRegistration r_t6({"linear.thm6-decomp", "F.2 l. 1300-1317",
                              "L(W) = 1/2 sum_l s_l^2 E[(relu(w_l'x) - relu(w_{l+r}'x) - at_l'x)^2], at_l = row l of Sigma^-1 R A",
                              "pointwise in x and via (6), MPFR; r = 3, d = 4", true, "", thm6_decomp});
const AuditRegistration r_s6({"linear.decomp-sec6", "§6 l. 338-356; E.2.2 l. 1002",
                              "<W - W*, grad L_hat(W)> = (1/n) sum r^2(x_i) + (1/n) sum r(x_i)(a'x_i)(1 - phi'(w1'x_i) - phi'(w2'x_i))",
                              "MPFR on random samples (n = 40, d = 4); the empirical gradient by finite differences", true, "", decomp_sec6});

}  // namespace
}  // namespace relucert::audit::linear
