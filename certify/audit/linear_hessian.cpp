// Audit of the "linear functions" paper, App. A.3 (Hessian (9) and its pieces A.3.1, A.3.2), App. C
// (stationary points, their Hessian) and App. D (the reduction of v1, v2 > 0 to v1 = v2 = 1).
#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <numbers>

#include "audit/linear_common.hpp"
#include "relucert/models/relu_population_hessian.hpp"

namespace relucert::audit::linear {
namespace {

constexpr double kInvSqrt2Pi = 0.3989422804014327;
double npdf(double x) { return kInvSqrt2Pi * std::exp(-0.5 * x * x); }
double ncdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

// (9) as printed (l. 571-575), r = 1: the (l, m) block, d x d row-major. The i = l term of the l = m
// sum is 0 (sin 0 = 0; its fraction is 0/0) and skipped. wb_{m,l-perp} = P_l w_m / |P_l w_m|.
template <class T>
Vec<T> hessian_eq9_printed(std::size_t k, std::size_t d, const Vec<T>& W, const Vec<T>& v, std::size_t l, std::size_t m) {
    using std::sin;
    Vec<T> H(d * d, T(0));
    const Vec<T> ul = unit(row(W, l, d));
    auto P = [&](const Vec<T>& u, std::size_t a, std::size_t b) { return (a == b ? T(1) : T(0)) - u[a] * u[b]; };
    auto apply_P = [&](const Vec<T>& u, const Vec<T>& x) { return vaxpy(x, -vdot(u, x), u); };
    if (l == m) {
        for (std::size_t a = 0; a < d; ++a) H[a * d + a] = v[l] * v[l] / T(2);
        for (std::size_t i = 0; i < k; ++i) {
            if (i == l) continue;
            const Vec<T> ui = unit(row(W, i, d));
            const Vec<T> pu = apply_P(ul, ui);
            const T t = angle(row(W, l, d), row(W, i, d));
            const T coef = v[l] / (T(2) * pi<T>() * vnorm(row(W, l, d))) * v[i] * vnorm(row(W, i, d)) * sin(t);
            const T pn2 = vdot(pu, pu);
            for (std::size_t a = 0; a < d; ++a)
                for (std::size_t b = 0; b < d; ++b) H[a * d + b] += coef * (P(ul, a, b) + pu[a] * pu[b] / pn2);
        }
        return H;
    }
    const Vec<T> um = unit(row(W, m, d));
    const Vec<T> wml = unit(apply_P(ul, row(W, m, d))), wlm = unit(apply_P(um, row(W, l, d)));
    const T t = angle(row(W, l, d), row(W, m, d));
    for (std::size_t a = 0; a < d; ++a)
        for (std::size_t b = 0; b < d; ++b)
            H[a * d + b] = v[l] * v[m] / (T(2) * pi<T>()) * (ul[a] * wml[b] + um[a] * wlm[b] + (a == b ? pi<T>() - t : T(0)));
    return H;
}

// A.3.2 l. 643 as printed: E[r(x) d^2 f/dw_l^2] = v_l/(2 pi |w_l|) sum_i v_i |w_i| sin t_li
//   (P_{w_l-perp} + P_{w_i-perp} wb_i wb_i' P_{w_i-perp} / |P_{w_l-perp} wb_i|^2).
template <class T>
Vec<T> residual_l643_printed(std::size_t k, std::size_t d, const Vec<T>& W, const Vec<T>& v, std::size_t l) {
    using std::sin;
    Vec<T> H(d * d, T(0));
    const Vec<T> ul = unit(row(W, l, d));
    auto apply_P = [&](const Vec<T>& u, const Vec<T>& x) { return vaxpy(x, -vdot(u, x), u); };
    for (std::size_t i = 0; i < k; ++i) {
        if (i == l) continue;
        const Vec<T> ui = unit(row(W, i, d));
        const Vec<T> pi_ui = apply_P(ui, ui);  // P_{w_i-perp} wb_i (as printed)
        const Vec<T> pl_ui = apply_P(ul, ui);
        const T t = angle(row(W, l, d), row(W, i, d));
        const T coef = v[l] / (T(2) * pi<T>() * vnorm(row(W, l, d))) * v[i] * vnorm(row(W, i, d)) * sin(t);
        const T den = vdot(pl_ui, pl_ui);
        for (std::size_t a = 0; a < d; ++a)
            for (std::size_t b = 0; b < d; ++b)
                H[a * d + b] += coef * ((a == b ? T(1) : T(0)) - ul[a] * ul[b] + pi_ui[a] * pi_ui[b] / den);
    }
    return H;
}

// A.3.2 l. 637 (the intermediate): E[r(P x) x x'] = 1/sqrt(2 pi) sum_i v_i |w_i| (sin t_li I
//   + P wb_i wb_i' P / sin t_li), with P = P_{w_i-perp} as printed (projection_of_l = false) or
//   P = P_{w_l-perp} as the derivation needs (true).
Vec<double> residual_intermediate(std::size_t k, std::size_t d, const Vec<double>& W, const Vec<double>& v, std::size_t l,
                                  bool projection_of_l) {
    Vec<double> H(d * d, 0.0);
    const Vec<double> ul = unit(row(W, l, d));
    for (std::size_t i = 0; i < k; ++i) {
        if (i == l) continue;
        const Vec<double> ui = unit(row(W, i, d));
        const Vec<double>& proj = projection_of_l ? ul : ui;
        const Vec<double> pu = vaxpy(ui, -vdot(proj, ui), proj);
        const double t = angle(row(W, l, d), row(W, i, d));
        const double c = v[i] * vnorm(row(W, i, d)) * kInvSqrt2Pi;
        for (std::size_t a = 0; a < d; ++a)
            for (std::size_t b = 0; b < d; ++b)
                H[a * d + b] += c * ((a == b ? std::sin(t) : 0.0) + pu[a] * pu[b] / std::sin(t));
    }
    return H;
}

// The (l, m) block of a full Jacobian J of the gradient (k d x k d row-major).
Vec<M> block_of(const Vec<M>& J, std::size_t k, std::size_t d, std::size_t l, std::size_t m) {
    Vec<M> B(d * d, mp(0));
    for (std::size_t a = 0; a < d; ++a)
        for (std::size_t b = 0; b < d; ++b) B[a * d + b] = J[(l * d + a) * (k * d) + (m * d + b)];
    return B;
}

Vec<M> fd_hessian(std::size_t k, std::size_t d, const Vec<M>& W, const Vec<M>& v, const Vec<M>& a, double h, bool plain) {
    return jacobian_fd([&](const Vec<M>& w) { return gradient_printed(k, d, 1, w, v, a); }, W, h, plain);
}

// ---- linear.hessian-eq9 -----------------------------------------------------------------------------
std::vector<CheckResult> hessian_eq9(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.hessian-eq9");
    const std::size_t k = 3, d = 3;
    ToleranceComparison diag("(9) l = m blocks vs FD of the gradient (A.2)", kFdMethod, kFdTolerance);
    ToleranceComparison off("(9) l != m blocks vs FD of the gradient (A.2)", kFdMethod, kFdTolerance);
    IntervalComparison model("relu_population_hessian.hpp vs (9) as printed", kRewriteMethod);
    for (std::size_t p = 0; p < fd_points(ctx); ++p) {
        const Net n = random_net(rng, k, d, 1, 0.95);
        const auto W = mp(n.W), v = mp(n.V), a = mp(n.A);
        const auto J = fd_hessian(k, d, W, v, a, kFdStep, false);
        for (std::size_t l = 0; l < k; ++l)
            for (std::size_t m = 0; m < k; ++m) {
                const auto H = hessian_eq9_printed(k, d, W, v, l, m);
                const auto B = block_of(J, k, d, l, m);
                const std::string pt = n.describe() + " block (" + std::to_string(l) + "," + std::to_string(m) + ")";
                for (std::size_t e = 0; e < d * d; ++e) (l == m ? diag : off).compare(B[e], H[e], pt, max_abs(H));
                Vec<M> Hm(d * d, mp(0));
                models::population_hessian_block<M>(k, d, W, v, l, m, Hm);
                model.compare(Hm, H, pt, max_abs(H));
            }
    }
    return {diag.result(), off.result(), model.result()};
}

// ---- linear.hessian-a31 -----------------------------------------------------------------------------
// l. 611: v_l v_m ((wl wm' + wm wl' - cos t (wl wl' + wm wm'))/(2 pi sin t) + (pi - t)/(2 pi) I)
template <class T>
Vec<T> a31_combined_printed(const Vec<T>& wl, const Vec<T>& wm, const T& vl, const T& vm) {
    using std::cos;
    using std::sin;
    const std::size_t d = wl.size();
    const Vec<T> ul = unit(wl), um = unit(wm);
    const T t = angle(wl, wm);
    Vec<T> H(d * d);
    for (std::size_t a = 0; a < d; ++a)
        for (std::size_t b = 0; b < d; ++b)
            H[a * d + b] = vl * vm *
                           ((ul[a] * um[b] + um[a] * ul[b] - cos(t) * (ul[a] * ul[b] + um[a] * um[b])) / (T(2) * pi<T>() * sin(t)) +
                            (a == b ? (pi<T>() - t) / (T(2) * pi<T>()) : T(0)));
    return H;
}
// The three-term sum before grouping (l. 595-599) with the printed values of its pieces (l. 601-605):
// E[d' phi'] wl wl' + E[d d] (wl wm' + wm wl') + E[phi' d'] wm wm', plus E[phi' phi'] I.
template <class T>
Vec<T> a31_pieces_printed(const Vec<T>& wl, const Vec<T>& wm, const T& vl, const T& vm) {
    using std::cos;
    using std::sin;
    const std::size_t d = wl.size();
    const Vec<T> ul = unit(wl), um = unit(wm);
    const T t = angle(wl, wm);
    const T dprime_step = -cos(t) / (T(2) * pi<T>() * sin(t));
    const T delta_delta = T(1) / (T(2) * pi<T>() * sin(t));
    const T step_step = (pi<T>() - t) / (T(2) * pi<T>());
    Vec<T> H(d * d);
    for (std::size_t a = 0; a < d; ++a)
        for (std::size_t b = 0; b < d; ++b)
            H[a * d + b] = vl * vm * (dprime_step * ul[a] * ul[b] + delta_delta * (ul[a] * um[b] + um[a] * ul[b]) +
                                      dprime_step * um[a] * um[b] + (a == b ? step_step : T(0)));
    return H;
}

std::vector<CheckResult> hessian_a31(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.hessian-a31");
    const std::size_t d = 3, N = mc_samples(ctx);
    MonteCarloComparison mc_outer("E[grad_l f grad_m f'] vs l. 613-615", mc_method(ctx));
    MonteCarloComparison mc_step("E[phi'(wl'x) phi'(wm'x)] = (pi - t)/(2 pi)", mc_method(ctx));
    ToleranceComparison q_dprime("E[delta'(wl'x) phi'(wm'x)] = -cos t/(2 pi sin t)",
                                 "mollified delta (Gaussian, eps = 0.02, 0.01, Richardson), Simpson quadrature", 1e-6);
    ToleranceComparison q_dd("E[delta(wl'x) delta(wm'x)] = 1/(2 pi sin t)",
                             "mollified delta (Gaussian, eps = 0.02, 0.01, Richardson), Simpson quadrature", 1e-6);
    IntervalComparison rw_group("three-term sum with the printed pieces vs l. 611", kRewriteMethod);
    IntervalComparison rw_final("l. 611 vs l. 613-615 (wb_{m,l-perp} = P_l w_m/|P_l w_m|)", kRewriteMethod);
    const double clo[3] = {-0.7, 0.0, 0.6}, chi[3] = {-0.4, 0.3, 0.9};
    for (int p = 0; p < 3; ++p) {
        Vec<double> wl, wm;
        for (;;) {
            wl = random_vector_with_norm(rng, d, 0.5, 2.0);
            wm = random_vector_with_norm(rng, d, 0.5, 2.0);
            const double c = vdot(wl, wm) / (vnorm(wl) * vnorm(wm));
            if (c >= clo[p] && c <= chi[p]) break;
        }
        const double vl = rng.uniform(0.5, 1.5) * (p == 1 ? -1 : 1), vm = rng.uniform(0.5, 1.5);
        const std::string pt = "wl=" + format_vector(wl) + " wm=" + format_vector(wm) + " vl=" + sci(vl) + " vm=" + sci(vm);
        // Monte Carlo of v_l v_m E[1{wl'x > 0} 1{wm'x > 0} x x'] and of E[1{.}1{.}]
        MomentAccumulator acc(d * d + 1);
        Vec<double> x(d), s(d * d + 1);
        for (std::size_t n = 0; n < N; ++n) {
            for (auto& xi : x) xi = rng.normal();
            const double ind = (vdot(wl, x) > 0 && vdot(wm, x) > 0) ? 1.0 : 0.0;
            for (std::size_t a = 0; a < d; ++a)
                for (std::size_t b = 0; b < d; ++b) s[a * d + b] = vl * vm * ind * x[a] * x[b];
            s[d * d] = ind;
            acc.add(s.data());
        }
        const auto se = acc.standard_errors();
        // the final form of l. 613-615, evaluated in MPFR and rounded for the MC comparison
        const auto Wl = mp(wl), Wm = mp(wm);
        const M Vl = mp(vl), Vm = mp(vm);
        const auto comb = a31_combined_printed(Wl, Wm, Vl, Vm);
        Vec<M> fin(d * d);
        {
            const Vec<M> ul = unit(Wl), um = unit(Wm);
            const Vec<M> wml = unit(vaxpy(Wm, -vdot(ul, Wm), ul)), wlm = unit(vaxpy(Wl, -vdot(um, Wl), um));
            const M t = angle(Wl, Wm);
            for (std::size_t a = 0; a < d; ++a)
                for (std::size_t b = 0; b < d; ++b)
                    fin[a * d + b] = Vl * Vm / (mp(2) * pi<M>()) * (ul[a] * wml[b] + um[a] * wlm[b] + (a == b ? pi<M>() - t : mp(0)));
        }
        Vec<double> fin_d(d * d);
        for (std::size_t e = 0; e < d * d; ++e) fin_d[e] = mid_double(fin[e]);
        mc_outer.compare({acc.means().data(), d * d}, {se.data(), d * d}, fin_d, max_abs(fin_d), pt);
        const double t = angle(wl, wm), c = std::cos(t), sn = std::sin(t);
        const double step = (std::numbers::pi - t) / (2 * std::numbers::pi);
        mc_step.compare({acc.means().data() + d * d, 1}, {se.data() + d * d, 1}, {&step, 1}, step, pt);
        rw_group.compare(a31_pieces_printed(Wl, Wm, Vl, Vm), comb, pt, max_abs(comb));
        rw_final.compare(comb, fin, pt, max_abs(comb));
        // Distributional pieces with delta_eps(u) = phi(u/eps)/eps. With u = wb_l'x, wb_m'x = c u + sn z:
        //   E[delta_eps'(u) Phi(c u/sn)] = -(1/eps) int t phi(t) phi(eps t) (Phi(c eps t/sn) - 1/2) dt,
        //   E[delta_eps(u) delta_eps(c u + sn z)] = int phi(t) phi(eps t) n(c eps t; sn^2 + eps^2) dt,
        // both -> the printed values as eps -> 0 with errors O(eps^2); Richardson in eps removes that.
        auto I_dprime = [&](double eps) {
            return -(1 / eps) * simpson([&](double u) { return u * npdf(u) * npdf(eps * u) * (ncdf(c * eps * u / sn) - 0.5); },
                                        -14.0, 14.0, 8000);
        };
        auto I_dd = [&](double eps) {
            const double var = sn * sn + eps * eps;
            return simpson([&](double u) { return npdf(u) * npdf(eps * u) * npdf(c * eps * u / std::sqrt(var)) / std::sqrt(var); },
                           -14.0, 14.0, 8000);
        };
        const double dprime = (4 * I_dprime(0.01) - I_dprime(0.02)) / 3, dd = (4 * I_dd(0.01) - I_dd(0.02)) / 3;
        const double dprime_printed = -c / (2 * std::numbers::pi * sn), dd_printed = 1 / (2 * std::numbers::pi * sn);
        q_dprime.compare(dprime, dprime_printed, pt, std::fabs(dprime_printed));
        q_dd.compare(dd, dd_printed, pt, dd_printed);
    }
    return {mc_outer.result(), mc_step.result(), q_dprime.result(), q_dd.result(), rw_group.result(), rw_final.result()};
}

// ---- linear.hessian-a32 and .printed ----------------------------------------------------------------
struct A32Data {
    std::vector<CheckResult> correct, printed;
};

A32Data hessian_a32_checks(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.hessian-a32");
    const std::size_t k = 3, d = 3, N = mc_samples(ctx);
    ToleranceComparison fd("FD Hessian block l = l minus v_l^2/2 I vs the P_l form", kFdMethod, kFdTolerance);
    ToleranceComparison fd_off("FD Hessian block l != m minus E[grad f grad f'] (l. 613) = 0 (l. 619)", kFdMethod, kFdTolerance);
    MonteCarloComparison mc("v_l/(sqrt(2pi)|w_l|) E[r(P_l x) P_l x x' P_l] vs the P_l form", mc_method(ctx));
    MonteCarloComparison mc_mid("E[r(P_l x) x x'] vs l. 637 with P_{w_l-perp}", mc_method(ctx));
    MonteCarloComparison mc_gg("E[phi'(w_l'x) x x'] = I/2 (so E[grad f grad f']_ll = v_l^2/2 I)", mc_method(ctx));
    ToleranceComparison pfd("FD Hessian block l = l minus v_l^2/2 I vs l. 643 as printed", kFdMethod, kFdTolerance);
    MonteCarloComparison pmc("v_l/(sqrt(2pi)|w_l|) E[r(P_l x) P_l x x' P_l] vs l. 643 as printed", mc_method(ctx));
    MonteCarloComparison pmc_mid("E[r(P_l x) x x'] vs l. 637 as printed (P_{w_i-perp})", mc_method(ctx));
    IntervalComparison prw("l. 643 as printed vs the P_l form (eq. (9))", kRewriteMethod);
    for (std::size_t p = 0; p < 2; ++p) {
        // |v_i| in [0.5, 1.5] and |a| = 0.5, so that the residual term is not small against the noise
        Net n = random_net(rng, k, d, 1, 0.95);
        for (auto& vi : n.V) vi = (rng.uniform01() < 0.5 ? -1 : 1) * rng.uniform(0.5, 1.5);
        n.A = vscale(0.5 / vnorm(n.A), n.A);
        const auto W = mp(n.W), v = mp(n.V), a = mp(n.A);
        const std::size_t l = p % k;
        const std::string pt = n.describe() + " l=" + std::to_string(l);
        Vec<M> res(d * d, mp(0));
        models::population_hessian_residual_block<M>(k, d, W, v, l, res);
        const auto printed = residual_l643_printed(k, d, W, v, l);
        prw.compare(printed, res, pt, max_abs(res));
        const auto J = fd_hessian(k, d, W, v, a, kFdStep, false);
        const auto B = block_of(J, k, d, l, l);
        for (std::size_t e = 0; e < d * d; ++e) {
            const M fd_res = e % (d + 1) == 0 ? B[e] - v[l] * v[l] / mp(2) : B[e];
            fd.compare(fd_res, res[e], pt, max_abs(res));
            pfd.compare(fd_res, printed[e], pt, max_abs(res));
        }
        for (std::size_t m = 0; m < k; ++m) {
            if (m == l) continue;
            const auto Bm = block_of(J, k, d, l, m);
            const auto H = hessian_eq9_printed(k, d, W, v, l, m);  // = E[grad f grad f'] for l != m (A.3.1)
            for (std::size_t e = 0; e < d * d; ++e) fd_off.compare(Bm[e] - H[e], mp(0), pt, max_abs(H));
        }
        // Monte Carlo: y = P_l x (the conditional law of x given w_l'x = 0)
        const Vec<double> ul = unit(row(n.W, l, d));
        MomentAccumulator acc(3 * d * d);
        Vec<double> x(d), y(d), s(3 * d * d);
        const double pref = n.V[l] * kInvSqrt2Pi / vnorm(row(n.W, l, d));
        for (std::size_t t = 0; t < N; ++t) {
            for (auto& xi : x) xi = rng.normal();
            y = vaxpy(x, -vdot(ul, x), ul);
            double r = -vdot(n.A, y);
            for (std::size_t i = 0; i < k; ++i) r += n.V[i] * std::max(0.0, vdot(row(n.W, i, d), y));
            const double step = vdot(row(n.W, l, d), x) > 0 ? 1.0 : 0.0;
            for (std::size_t a2 = 0; a2 < d; ++a2)
                for (std::size_t b = 0; b < d; ++b) {
                    s[a2 * d + b] = pref * r * y[a2] * y[b];
                    s[d * d + a2 * d + b] = r * x[a2] * x[b];
                    s[2 * d * d + a2 * d + b] = step * x[a2] * x[b];
                }
            acc.add(s.data());
        }
        const auto se = acc.standard_errors();
        Vec<double> res_d(d * d), printed_d(d * d), half_i(d * d, 0.0);
        for (std::size_t e = 0; e < d * d; ++e) {
            res_d[e] = mid_double(res[e]);
            printed_d[e] = mid_double(printed[e]);
        }
        for (std::size_t a2 = 0; a2 < d; ++a2) half_i[a2 * d + a2] = 0.5;
        const auto mid_ok = residual_intermediate(k, d, n.W, n.V, l, true);
        const auto mid_pr = residual_intermediate(k, d, n.W, n.V, l, false);
        const std::span<const double> m0(acc.means().data(), d * d), s0(se.data(), d * d);
        const std::span<const double> m1(acc.means().data() + d * d, d * d), s1(se.data() + d * d, d * d);
        const std::span<const double> m2(acc.means().data() + 2 * d * d, d * d), s2(se.data() + 2 * d * d, d * d);
        mc.compare(m0, s0, res_d, max_abs(res_d), pt);
        pmc.compare(m0, s0, printed_d, max_abs(res_d), pt);
        mc_mid.compare(m1, s1, mid_ok, max_abs(mid_ok), pt);
        pmc_mid.compare(m1, s1, mid_pr, max_abs(mid_ok), pt);
        mc_gg.compare(m2, s2, half_i, 0.5, pt);
    }
    return {{fd.result(), fd_off.result(), mc.result(), mc_mid.result(), mc_gg.result()},
            {prw.result(), pfd.result(), pmc.result(), pmc_mid.result()}};
}

// ---- linear.stationary-appc, linear.hessian-appc ---------------------------------------------------
struct StationaryPoint {
    Vec<M> W, v, a;  // k = 2, v = [v1, -v2]
    double v1, v2, c;
    std::string describe() const {
        return "v1=" + sci(v1) + " v2=" + sci(v2) + " c=" + sci(c) + " a=" + format_vector(a);
    }
};
StationaryPoint stationary_point(trainer::Rng& rng, std::size_t d, double c) {
    StationaryPoint s;
    s.v1 = rng.uniform(0.5, 2.0);
    s.v2 = rng.uniform(0.5, 2.0);
    s.c = c;
    s.a = mp(random_vector_with_norm(rng, d, 0.5, 2.0));
    s.v = {mp(s.v1), -mp(s.v2)};
    const M c1 = mp(c) + mp(1);
    for (std::size_t i = 0; i < d; ++i) s.W.push_back(c1 * s.a[i] / mp(s.v1));
    for (std::size_t i = 0; i < d; ++i) s.W.push_back(mp(c) * s.a[i] / mp(s.v2));
    return s;
}

std::vector<CheckResult> stationary_appc(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.stationary-appc");
    const std::size_t d = 3;
    IntervalComparison zero("(8) at w1 = (c+1)a/v1, w2 = ca/v2 (c > 0 or c < -1) = 0", kRewriteMethod);
    IntervalComparison line("(8) there = 1/2 v (v1 w1 - v2 w2 - a)' (l. 697)", kRewriteMethod);
    PredicateCheck control("control: for -1 < c < 0 (theta = pi) the gradient is not 0 (proven gap)", kRewriteMethod);
    for (std::size_t p = 0; p < rewrite_points(ctx); ++p) {
        const double c = p % 2 ? rng.uniform(0.05, 3.0) : -1.0 - rng.uniform(0.05, 3.0);
        const auto s = stationary_point(rng, d, c);
        const auto G = gradient_printed(2, d, 1, s.W, s.v, s.a);
        zero.compare(G, Vec<M>(G.size(), mp(0)), s.describe(), max_abs(s.a));
        Vec<M> rhs(2 * d, mp(0));
        for (std::size_t i = 0; i < 2; ++i)
            for (std::size_t e = 0; e < d; ++e)
                rhs[i * d + e] = s.v[i] * (mp(s.v1) * s.W[e] - mp(s.v2) * s.W[d + e] - s.a[e]) / mp(2);
        line.compare(G, rhs, s.describe(), max_abs(s.a));
        if (p < 5) {
            const auto q = stationary_point(rng, d, -rng.uniform(0.1, 0.9));
            const auto Gq = gradient_printed(2, d, 1, q.W, q.v, q.a);
            bool nonzero = false;
            double mx = 0;
            for (const auto& g : Gq) {
                nonzero = nonzero || !g.contains_zero();
                mx = std::max(mx, g.mig());
            }
            control.add(nonzero, mx, q.describe());
        }
    }
    return {zero.result(), line.result(), control.result()};
}

std::vector<CheckResult> hessian_appc(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.hessian-appc");
    const std::size_t d = 3;
    // L is C^2 but not C^3 at theta = 0 (the kernel's angular part has a |theta|^3 term), so the
    // central difference has an O(h) error there; no Richardson, h = 2^-30, tolerance 1e-6.
    const char* method = "central FD h=2^-30 (plain: L is not C^3 at theta = 0), MPFR 256-bit";
    ToleranceComparison blocks("FD Hessian vs v_l^2/2 I (l = m), -v1 v2/2 I (l != m) (l. 703-705)", method, 1e-6);
    ToleranceComparison eig("eigenvalues of the FD Hessian vs 0 and (v1^2 + v2^2)/2, multiplicity d each",
                            "FD Hessian as above; Eigen SelfAdjointEigenSolver (double)", 1e-6);
    PredicateCheck positive("L > 0 there (not a global minimum; the saddle property itself is not checked)",
                            "MPFR 256-bit interval evaluation of (6)");
    for (std::size_t p = 0; p < fd_points(ctx); ++p) {
        const double c = p % 2 ? rng.uniform(0.05, 3.0) : -1.0 - rng.uniform(0.05, 3.0);
        const auto s = stationary_point(rng, d, c);
        const auto J = fd_hessian(2, d, s.W, s.v, s.a, 0x1p-30, true);
        const std::size_t n = 2 * d;
        Eigen::MatrixXd H(n, n);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) {
                const std::size_t bi = i / d, bj = j / d;
                const double vi = bi == 0 ? s.v1 : s.v2, vj = bj == 0 ? s.v1 : s.v2;
                const double expected = (i % d == j % d) ? (bi == bj ? vi * vi / 2 : -vi * vj / 2) : 0.0;
                blocks.compare(J[i * n + j], mp(expected), s.describe(), std::max(s.v1 * s.v1, s.v2 * s.v2));
                H(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = mid_double(J[i * n + j]);
            }
        const Eigen::MatrixXd Hs = (H + H.transpose()) / 2;
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(Hs);
        std::vector<double> ev(es.eigenvalues().data(), es.eigenvalues().data() + n);
        std::sort(ev.begin(), ev.end());
        for (std::size_t i = 0; i < n; ++i)
            eig.compare(ev[i], i < d ? 0.0 : (s.v1 * s.v1 + s.v2 * s.v2) / 2, s.describe(), (s.v1 * s.v1 + s.v2 * s.v2) / 2);
        const M L = loss_printed(2, d, 1, s.W, s.v, s.a);
        positive.add(L.certainly_positive(), L.lower_double_down(), s.describe());
    }
    return {blocks.result(), eig.result(), positive.result()};
}

// ---- linear.reduction-appd -------------------------------------------------------------------------
std::vector<CheckResult> reduction_appd(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "linear.reduction-appd");
    const std::size_t d = 3;
    IntervalComparison loss("L_v(W) = L_1(diag(v) W) (homogeneity)", kRewriteMethod);
    IntervalComparison grad("grad_{w_i} L_v(W) = v_i grad_{w~_i} L_1(W~)", kRewriteMethod);
    IntervalComparison step("v_i (w_i - mu/v_i^2 grad_{w_i} L_v) = w~_i - mu grad_{w~_i} L_1", kRewriteMethod);
    IntervalComparison dist("|diag(v) W - [a, -a]'|^2 = sum v_i^2 |w_i - w*_i|^2, W* = [a/v1, -a/v2]'", kRewriteMethod);
    PredicateCheck sandwich("min v_i^2 |W - W*|^2 <= |diag(v)W - [a,-a]'|^2 <= max v_i^2 |W - W*|^2",
                            "MPFR 256-bit intervals at random points");
    const Vec<M> ones{mp(1), mp(-1)};
    for (std::size_t p = 0; p < rewrite_points(ctx); ++p) {
        const Net n = random_net(rng, 2, d, 1);
        const double v1 = rng.uniform(0.2, 5.0), v2 = rng.uniform(0.2, 5.0), mu = rng.uniform(0.01, 1.0);
        const auto W = mp(n.W), a = mp(n.A);
        const Vec<M> v{mp(v1), -mp(v2)}, vabs{mp(v1), mp(v2)};
        Vec<M> Wt(W);
        for (std::size_t e = 0; e < d; ++e) {
            Wt[e] = vabs[0] * W[e];
            Wt[d + e] = vabs[1] * W[d + e];
        }
        const std::string pt = n.describe() + " v1=" + sci(v1) + " v2=" + sci(v2) + " mu=" + sci(mu);
        const M Lv = loss_printed(2, d, 1, W, v, a);
        loss.compare(Lv, loss_printed(2, d, 1, Wt, ones, a), pt, mid_double(Lv));
        const auto Gv = gradient_printed(2, d, 1, W, v, a), G1 = gradient_printed(2, d, 1, Wt, ones, a);
        Vec<M> scaled(G1), lhs_step(W), rhs_step(Wt);
        for (std::size_t i = 0; i < 2; ++i)
            for (std::size_t e = 0; e < d; ++e) {
                scaled[i * d + e] = vabs[i] * G1[i * d + e];
                lhs_step[i * d + e] = vabs[i] * (W[i * d + e] - mp(mu) / (vabs[i] * vabs[i]) * Gv[i * d + e]);
                rhs_step[i * d + e] = Wt[i * d + e] - mp(mu) * G1[i * d + e];
            }
        grad.compare(Gv, scaled, pt, max_abs(Gv));
        step.compare(lhs_step, rhs_step, pt, max_abs(Wt));
        M lhs = mp(0), rhs = mp(0), plain = mp(0);
        for (std::size_t e = 0; e < d; ++e) {
            lhs += sqr(Wt[e] - a[e]) + sqr(Wt[d + e] + a[e]);
            const M e1 = W[e] - a[e] / vabs[0], e2 = W[d + e] + a[e] / vabs[1];
            rhs += vabs[0] * vabs[0] * sqr(e1) + vabs[1] * vabs[1] * sqr(e2);
            plain += sqr(e1) + sqr(e2);
        }
        dist.compare(lhs, rhs, pt, mid_double(lhs));
        const double lo = std::min(v1 * v1, v2 * v2), hi = std::max(v1 * v1, v2 * v2);
        const M g1 = lhs - mp(lo) * plain, g2 = mp(hi) * plain - lhs;
        sandwich.add(g1.certainly_nonnegative() && g2.certainly_nonnegative(), std::min(g1.lower_double_down(), g2.lower_double_down()), pt);
    }
    return {loss.result(), grad.result(), step.result(), dist.result(), sandwich.result()};
}

const AuditRegistration r_h9({"linear.hessian-eq9", "A.3 eq. (9), l. 567-576",
                              "d2L/dw_l dw_m = v_l^2/2 I + v_l/(2pi|w_l|) sum_i v_i|w_i| sin t_li (P_l + P_l wb_i wb_i' P_l/|P_l wb_i|^2) (l = m); "
                              "v_l v_m/(2pi)(wb_l wb_{m,l-perp}' + wb_m wb_{l,m-perp}' + (pi - t_lm) I) (l != m)",
                              "finite differences of the gradient (A.2), k = 3, d = 3", true,
                              "wb_{m,l-perp} read as the unit vector P_l w_m/|P_l w_m| (the bar = normalisation, as for wb_l); "
                              "the i = l term of the sum is 0 (0/0 fraction times sin 0)",
                              hessian_eq9});
const AuditRegistration r_a31({"linear.hessian-a31", "A.3.1, l. 578-615",
                               "E[delta'(wl'x)phi'(wm'x)] = -cos t/(2pi sin t); E[delta delta] = 1/(2pi sin t); E[phi'phi'] = (pi - t)/(2pi); "
                               "E[grad_l f grad_m f'] = l. 613-615",
                               "Monte Carlo of E[grad f grad f'] and E[phi'phi']; the delta pieces by mollification + quadrature; "
                               "grouping steps in MPFR",
                               true,
                               "the delta pieces are distributions: checked as the eps -> 0 limit of Gaussian mollifiers "
                               "delta_eps(u) = phi(u/eps)/eps (with delta' = d/du delta_eps); the Stein step itself is covered by the "
                               "Monte Carlo of E[grad f grad f'] against the final form",
                               hessian_a31});
// The a32 checks are computed once per context and shared by the two items.
std::vector<CheckResult> a32_correct(const AuditContext& c) { return hessian_a32_checks(c).correct; }
std::vector<CheckResult> a32_printed(const AuditContext& c) { return hessian_a32_checks(c).printed; }
const AuditRegistration r_a32({"linear.hessian-a32", "A.3.2, l. 617-643 (as eq. (9) has it)",
                               "E[r(x) d2f/dw_l dw_m] = 0 (l != m); = v_l/(2pi|w_l|) sum_i v_i|w_i| sin t_li (P_l + P_l wb_i wb_i' P_l/|P_l wb_i|^2) (l = m)",
                               "finite differences of the gradient; Monte Carlo on the hyperplane w_l'x = 0", true, "", a32_correct});
const AuditRegistration r_a32p({"linear.hessian-a32.printed", "A.3.2, l. 637 and l. 643 (as printed)",
                                "E[r(x) d2f/dw_l^2] = v_l/(2pi|w_l|) sum_i v_i|w_i| sin t_li (P_{w_l-perp} + P_{w_i-perp} wb_i wb_i' P_{w_i-perp}/|P_{w_l-perp} wb_i|^2)",
                                "finite differences of the gradient; Monte Carlo; MPFR against the P_l form", false,
                                "P_{w_i-perp} wb_i = 0, so the printed rank-one terms vanish and l. 643 reduces to v_l/(2pi|w_l|) sum v_i|w_i| "
                                "sin t_li P_l; the derivation needs P_{w_l-perp} (the projection is onto w_l-perp throughout A.3.2; the "
                                "paper's 'i' in r(P_{w_i-perp} x) is the block index l), which gives eq. (9)'s l = m block. (Also l. 623: the first "
                                "expectation should read delta(w_l'x), not delta(wb_l'x); the next line is right)",
                                a32_printed});
const AuditRegistration r_st({"linear.stationary-appc", "§1.3 l. 57; App. C l. 693-703",
                              "w1 = (c+1)a/v1, w2 = ca/v2 (c > 0 or c < -1): grad L = 1/2 v (v1 w1 - v2 w2 - a)' = 0",
                              "(8) in MPFR at the points (and a control with -1 < c < 0)", true, "", stationary_appc});
const AuditRegistration r_hc({"linear.hessian-appc", "App. C l. 703-707",
                              "there d2L = v_l^2/2 I (l = m), -v_l v_m/2 I (l != m); eigenvalues 0 and (v1^2 + v2^2)/2, multiplicity d each",
                              "finite differences of the gradient at the points; eigenvalues of the FD Hessian", true,
                              "v_l, v_m in '-v_l v_m/2 I' are the magnitudes v1, v2 (v = [v1, -v2]); with signed v it is +v_l v_m/2 I. "
                              "Whether the points are saddles (not degenerate local minima) is a higher-order question, not checked here",
                              hessian_appc});
const AuditRegistration r_rd({"linear.reduction-appd", "App. D l. 709-727",
                              "w~_i = v_i w_i: grad_{w_i} L = v_i grad_{w~_i} L; w_i - (mu/v_i^2) grad_{w_i} L is GD on w~; the min/max v_i^2 sandwich",
                              "MPFR at random points", true, "", reduction_appd});

}  // namespace
}  // namespace relucert::audit::linear
