// Audit of Vardi, Yehudai, Shamir: the expectations the proofs use (Gaussian and uniform ball), fn 2's
// tau = 2/pi, Remark 3.3's losses at 0 (uniform ball and the mixture), Sec. 5.2's choice rho = M/c^2,
// and App. G's bound on F(0).
#include <algorithm>
#include <cmath>
#include <numbers>

#include "audit/vardi_common.hpp"
#include "relucert/elementary.hpp"
#include "relucert/models/single_neuron_bias.hpp"

namespace relucert::audit::vardi {
namespace {


double mid(const Interval& x) { return 0.5 * (x.lo() + x.hi()); }

// Remark 3.3 (a), unit ball (F(0) scales as r^2): F(0) = 1/2 E[(x_1 - s)_+^2], s = 1 - 1/(2d^2), and the
// printed middle bound 1/2 (1/(4d^4)) P[x_1 >= s].
struct Rem33a {
    Interval F0, bound, cap;
};
Rem33a rem33a_values(int d) {
    const Interval s = Interval(1) - Interval(1) / (Interval(2) * Interval(d) * Interval(d));
    Rem33a r;
    r.F0 = models::ball_x1_tail_moment(d, s, 2) / Interval(2);
    r.cap = models::ball_x1_tail_moment(d, s, 0);
    r.bound = r.cap / (Interval(8) * pow(Interval(d), 4));
    return r;
}

const std::vector<int> kDims{2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64};

std::vector<CheckResult> rem33a(const AuditContext& ctx) {
    PredicateCheck bound("F(0)/r^2 = 1/2 E[(x_1/r - s)_+^2] <= 1/2 (1/(4d^4)) P[x_1 >= r s] (printed middle step), d = 2..64",
                         "rigorous quadrature of the marginal density of x_1 (Interval)");
    PredicateCheck decay("F(0)/r^2 <= e^{-d} (the r^2 e^{-Omega(d)} of the remark, with constant 1), d = 2..64",
                         "Interval bounds");
    std::string table;
    for (int d : kDims) {
        const auto v = rem33a_values(d);
        bound.add(v.F0.hi() <= v.bound.lo(), (v.bound.lo() - v.F0.hi()) / v.bound.lo(),
                  "d=" + std::to_string(d) + " F(0)/r^2 in [" + sci(v.F0.lo()) + ", " + sci(v.F0.hi()) + "], bound " + sci(v.bound.lo()));
        const double rate_lo = -std::log(v.F0.hi()) / d;
        decay.add(rate_lo >= 1, rate_lo - 1, "d=" + std::to_string(d) + " -ln(F(0)/r^2)/d >= " + sci(rate_lo));
        table += " d=" + std::to_string(d) + ": " + sci(mid(v.F0)) + " (-ln/d = " + sci(rate_lo) + ", -ln/(d ln d) = " +
                 sci(rate_lo / std::log(double(d))) + ");";
    }
    auto b = bound.result();
    b.measured += " F(0)/r^2:" + table;
    return {rem33a_mc(ctx), b, decay.result()};
}

// Remark 3.3 (b): half the mass uniform on A = {x_1 > a r} (a = 1 - 1/(4d^2)) inside the ball, half
// uniform on B \ A, same target. With m_k(t) = E[(x_1 - t)_+^k] for the uniform unit ball (F(0) ~ r^2):
//   int_A (x_1 - s)^2 dP_ball = m_2(a) + 2(a - s) m_1(a) + (a - s)^2 m_0(a) =: I_A,
//   F(0)/r^2 = 1/2 [ 1/2 I_A / m_0(a) + 1/2 (m_2(s) - I_A) / (1 - m_0(a)) ].
// On A, x_1 - s in [1/(4d^2), 1/(2d^2)]; on B \ A, (x_1 - s)_+ <= 1/(4d^2): F(0)/r^2 in
// [1/(64 d^4), 1/(8 d^4)] -- F(0) = Theta(r^2/d^4).
Interval rem33b_F0(int d) {
    const Interval D(d), s = Interval(1) - Interval(1) / (Interval(2) * D * D), a = Interval(1) - Interval(1) / (Interval(4) * D * D);
    const Interval m0 = models::ball_x1_tail_moment(d, a, 0), m1 = models::ball_x1_tail_moment(d, a, 1),
                   m2 = models::ball_x1_tail_moment(d, a, 2), m2s = models::ball_x1_tail_moment(d, s, 2);
    const Interval IA = m2 + Interval(2) * (a - s) * m1 + sqr(a - s) * m0;
    return (IA / m0 + (m2s - IA) / (Interval(1) - m0)) / Interval(4);
}

std::vector<CheckResult> rem33b(const AuditContext&) {
    PredicateCheck th("mixture: F(0)/r^2 in [1/(64 d^4), 1/(8 d^4)] (F(0) = Theta(r^2/d^4), arbitrarily large as r grows)",
                      "rigorous quadrature of the ball's x_1 marginal, d = 2..64");
    std::string table;
    for (int d : kDims) {
        const Interval F = rem33b_F0(d), d4 = pow(Interval(d), 4);
        const double lo = (Interval(1) / (Interval(64) * d4)).lo(), hi = (Interval(1) / (Interval(8) * d4)).hi();
        th.add(F.lo() >= lo && F.hi() <= hi, std::min(F.lo() - lo, hi - F.hi()) * d4.lo(),
               "d=" + std::to_string(d) + " F(0)/r^2 in [" + sci(F.lo()) + ", " + sci(F.hi()) + "]");
        table += " d=" + std::to_string(d) + ": d^4 F(0)/r^2 = " + sci(mid(F) * mid(d4)) + ";";
    }
    auto r = th.result();
    r.measured += table;
    return {r};
}

// vardi.rem3-3b.printed: "F(0) = Omega(r/d^2)". Since F(0) <= r^2/(8d^4), F(0) / (r/d^2) <= r/(8d^2):
// at r = 1 the ratio falls like 1/d^2, so no universal constant works. The check asks that the ratio at
// r = 1 keeps at least 1/100 of its d = 2 value; the interval bounds prove it does not for large d.
std::vector<CheckResult> rem33b_printed(const AuditContext&) {
    PredicateCheck om("F(0) d^2 / r at r = 1 stays >= 1/100 of its d = 2 value (what Omega(r/d^2) needs at fixed r)",
                      "rigorous enclosures of the mixture's F(0), d = 2..64");
    const Interval ref = rem33b_F0(2) * Interval(4);
    for (int d : kDims) {
        const Interval ratio = rem33b_F0(d) * Interval(d) * Interval(d);
        const double need = (ref / Interval(100)).lo();
        om.add(ratio.hi() >= need, (ratio.hi() - need) / need,
               "d=" + std::to_string(d) + " F(0) d^2/r in [" + sci(ratio.lo()) + ", " + sci(ratio.hi()) + "]", ratio.hi() < need);
    }
    return {om.result()};
}

// ---- moments, tau --------------------------------------------------------------------------------------
std::vector<CheckResult> moments_gaussian(const AuditContext& ctx) { return {moments_mc(ctx, false)}; }
std::vector<CheckResult> moments_ball(const AuditContext& ctx) { return {moments_mc(ctx, true)}; }

std::vector<CheckResult> fn2_tau(const AuditContext& ctx) {
    PredicateCheck alpha("alpha = 4.5 >= 2.5 sqrt(2) max{1, 1/sqrt(tau)} at tau = 2/pi (Assumption 6.1 (3), fn 2)",
                         "Interval evaluation");
    const Interval tau = Interval(2) / pi_interval();
    const Interval need = Interval(2.5) * sqrt2_interval() * max(Interval(1), Interval(1) / sqrt(tau));
    alpha.add(need.hi() <= 4.5, 4.5 - need.hi(), "2.5 sqrt2 / sqrt(2/pi) in [" + sci(need.lo()) + ", " + sci(need.hi()) + "]");
    return {tau_mc(ctx), alpha.result()};
}

// ---- vardi.thm3-1-proof ----------------------------------------------------------------------------------
// B.1: w~_0 in [-1,1]^d has |w~_0| <= sqrt d, so |<w~_0, x~>| <= eps sqrt d on the eps-ball, and
// P(b_{w_0} < -eps sqrt d) = (1 - eps sqrt d)/2 > 1/2 - eps sqrt d. Exactly, P(stuck) = E(1 - eps|w~_0|)_+/2
// = 1/2 - (eps/2) E|w~_0| when eps sqrt d <= 1, and E|w~_0| <= (E|w~_0|^2)^{1/2} = sqrt(d/3) (Jensen), so
// P(stuck) >= 1/2 - eps sqrt(d/3)/2 >= (1 - eps sqrt d)/2 > 1/2 - eps sqrt d.
std::vector<CheckResult> thm31_proof(const AuditContext& ctx) {
    PredicateCheck chain("1/2 - eps sqrt(d/3)/2 >= (1 - eps sqrt d)/2 > 1/2 - eps sqrt d for 0 < eps sqrt d <= 1",
                         "MPFR at eps sqrt d in {1e-3, 0.05, 0.2, 0.5, 1}, d = 1..1000 (the chain is exact)");
    for (double e : {1e-3, 0.05, 0.2, 0.5, 1.0})
        for (int d : {1, 2, 3, 10, 100, 1000}) {
            const MpInterval es = mp(e), D = mp(double(d)), eps = es / sqrt(D);
            const MpInterval a = mp(0.5) - eps * sqrt(D / mp(3)) / mp(2), b = (mp(1) - es) / mp(2), c = mp(0.5) - es;
            const double m1 = (a - b).lower_double_down(), m2 = (b - c).lower_double_down();
            chain.add(m1 >= 0 && m2 > 0, std::min(m1, m2), "eps sqrt d=" + sci(e) + " d=" + std::to_string(d));
        }
    return {cube_init_mc(ctx), chain.result()};
}

// ---- vardi.sec5-2-angle -----------------------------------------------------------------------------------
// P(theta(w~_0, v~) > 3pi/4) for spherically symmetric w~_0 is P(u_1 <= -1/sqrt 2) = P(u_1 >= 1/sqrt 2)
// = int_0^{pi/4} sin^{d-2} / W_{d-2} (exact, rigorous quadrature). The concentration bound
// P(u_1 >= t) <= e^{-d t^2/2} gives the paper's 1 - e^{-Omega(d)} with Omega(d) = d/4.
std::vector<CheckResult> sec52_angle(const AuditContext& ctx) {
    PredicateCheck conc("P(theta > 3pi/4) <= e^{-d/4} (so theta <= 3pi/4 w.p. >= 1 - e^{-d/4}), d = 2..1000",
                        "rigorous quadrature of the sphere's u_1 marginal (Interval)");
    std::string table;
    for (int d : {2, 3, 5, 10, 30, 100, 300, 1000}) {
        const Interval P = models::sphere_u1_tail(d, Interval(1) / sqrt2_interval());
        const Interval B = exp(Interval(-d) / Interval(4));
        conc.add(P.hi() <= B.lo(), (B.lo() - P.hi()) / B.lo(), "d=" + std::to_string(d) + " P <= " + sci(P.hi()));
        table += " d=" + std::to_string(d) + ": " + sci(mid(P)) + " (-ln P/d = " + sci(-std::log(mid(P)) / d) + ");";
    }
    auto r = conc.result();
    r.measured += table;
    return {angle_mc(ctx), r};
}

// ---- vardi.sec5-2-rho ------------------------------------------------------------------------------------
std::vector<CheckResult> sec52_rho(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "vardi.sec5-2-rho");
    IntervalComparison cmp("F(0) + rho^2 c^2/2 - rho M = F(0) - M^2/(2c^2) at rho = M/c^2", "MPFR 256-bit intervals at random (F0, M, c)");
    PredicateCheck in("rho = M/c^2 < 2M/c^2 (Thm 5.4's condition on |w_0| = rho)", "MPFR");
    for (int p = 0; p < 40; ++p) {
        const MpInterval F0 = mp(rng.uniform(0, 2)), Mv = mp(rng.uniform(1e-6, 1)), c = mp(rng.uniform(1, 5));
        const MpInterval rho = Mv / (c * c);
        cmp.compare(F0 + rho * rho * c * c / mp(2) - rho * Mv, F0 - Mv * Mv / (mp(2) * c * c), "M=" + sci(mid_double(Mv)), 1.0);
        const MpInterval gap = mp(2) * Mv / (c * c) - rho;
        in.add(gap.lower_double_down() > 0, gap.lower_double_down(), "c=" + sci(mid_double(c)));
    }
    return {cmp.result(), in.result()};
}

// ---- vardi.app-g -------------------------------------------------------------------------------------------
// Gaussian: F(0) = 1/2 E[(v~'x~ + b_v)_+^2] = (|v~|^2/2) E[1(Z >= kappa)(Z - kappa)^2], kappa = -b_v/|v~|,
// with E[1(Z >= k)(Z - k)^2] = (1 + k^2) Q(k) - k phi(k); if kappa > k0 = alpha sin(pi/8)/4 (> 0), then
// (Z - kappa)^2 <= Z^2 on {Z >= kappa} and F(0) <= (|v~|^2/2) E[1(Z >= k0) Z^2] = (|v~|^2/2)(k0 phi(k0) + Q(k0)).
std::vector<CheckResult> app_g(const AuditContext& ctx) {
    auto rng = item_rng(ctx, "vardi.app-g");
    IntervalComparison id("F(0) = (|v~|^2/2) E[1(v~bar'x~ >= -b_v/|v~|)(v~bar'x~ + b_v/|v~|)^2] (Gaussian closed forms)",
                          "Interval closed forms at random v (width tolerance 1e-12)", 1e-12);
    PredicateCheck bd("if -b_v/|v~| > alpha sin(pi/8)/4: F(0) <= (|v~|^2/2) E[1(Z >= alpha sin(pi/8)/4) Z^2]",
                      "Interval closed forms at random (v, alpha)");
    const Interval sin8 = sin(pi_interval() / Interval(8));
    for (int p = 0; p < 40; ++p) {
        const double c = rng.uniform(0.3, 3), bv = rng.uniform(-3, 3);
        std::vector<double> v{c, 0, bv};
        const Interval F0 = models::gaussian_neuron_loss_at_zero(v), C(c), kappa = -Interval(bv) / C;
        const Interval tail = (Interval(1) + sqr(kappa)) * gaussian_cdf(-kappa) - kappa * gaussian_pdf(kappa);
        const Interval rhs = sqr(C) / Interval(2) * tail;
        id.compare(MpInterval(F0, kAuditPrec), MpInterval(rhs, kAuditPrec), "|v~|=" + sci(c) + " b_v=" + sci(bv), F0.hi());
        const double alpha = rng.uniform(0.5, 10);
        const Interval k0 = Interval(alpha) * sin8 / Interval(4);
        const double kap = k0.hi() + rng.uniform(1e-3, 3);
        std::vector<double> v2{c, 0, -kap * c};
        const Interval F2 = models::gaussian_neuron_loss_at_zero(v2);
        const Interval B = sqr(C) / Interval(2) * (k0 * gaussian_pdf(k0) + gaussian_cdf(-k0));
        bd.add(F2.hi() <= B.lo(), (B.lo() - F2.hi()) / B.lo(), "alpha=" + sci(alpha) + " kappa=" + sci(kap));
    }
    IntervalComparison tight("App. G example: alpha = r/2 gives -b_v/|v~| = r(1 - 1/(2d^2)) = alpha(2 - 1/d^2) (<= 2 alpha)",
                             "MPFR 256-bit at r in (0, 10], d = 1..50");
    for (int d = 1; d <= 50; ++d) {
        const MpInterval r = mp(rng.uniform(0.01, 10)), D = mp(double(d)), al = r / mp(2);
        tight.compare(r * (mp(1) - mp(1) / (mp(2) * D * D)), al * (mp(2) - mp(1) / (D * D)), "d=" + std::to_string(d), 10.0);
    }
    // How large alpha must be for the Gaussian bound to reach epsilon (|v~| = 1): App. G's "alpha large
    // enough, independent of d". The smallest such alpha on a grid of step 1/4, with the bound proven
    // below epsilon there.
    PredicateCheck eps("Gaussian, |v~| = 1: an alpha with (1/2) E[1(Z >= alpha sin(pi/8)/4) Z^2] < epsilon exists "
                       "(smallest on a grid of 1/4 reported), epsilon = 1e-2, 1e-4, 1e-8",
                       "Interval closed forms");
    auto bound_at = [&](double alpha) {
        const Interval k0 = Interval(alpha) * sin8 / Interval(4);
        return (k0 * gaussian_pdf(k0) + gaussian_cdf(-k0)) / Interval(2);
    };
    std::string found;
    for (double e : {1e-2, 1e-4, 1e-8}) {
        double alpha = 0.25;
        while (bound_at(alpha).hi() >= e && alpha < 1000) alpha += 0.25;
        const Interval B = bound_at(alpha);
        eps.add(B.hi() < e, (e - B.hi()) / e, "eps=" + sci(e) + ": alpha=" + sci(alpha) + " (k0 = " + sci(alpha * 0.38268343 / 4) +
                                                   "), bound <= " + sci(B.hi()));
        found += " eps " + sci(e) + ": alpha = " + sci(alpha) + ";";
    }
    auto er = eps.result();
    er.measured += found;
    return {id.result(), bd.result(), tight.result(), er};
}

const AuditRegistration r_mg({"vardi.moments-gaussian", "Secs. 5-6, App. E (E[x_1 1(x_1>0)], E x_1^2, E|x_1 x_2|, E|x~|^4, E|x|^4)",
                              "x~ ~ N(0, I_d): 1/sqrt(2 pi), 1, 2/pi, d(d+2), d^2 + 4d + 1",
                              "closed forms vs Monte Carlo, d = 3, 10", true, "", moments_gaussian});
const AuditRegistration r_mb({"vardi.moments-ball", "Secs. 3, 5-6, App. E; uniform unit ball",
                              "E[x_1 1(x_1>0)] = d/(d+1) / ((d-1) W_{d-2}), E x_1^2 = 1/(d+2), E|x_1 x_2| = 2/(pi(d+2)), "
                              "E|x~|^4 = d/(d+4), E|x|^4 = d/(d+4) + 2d/(d+2) + 1",
                              "closed forms (Wallis) vs Monte Carlo, d = 3, 10", true, "", moments_ball});
const AuditRegistration r_tau({"vardi.fn2-tau", "fn 2 (md fn 3), txt l. 603-606",
                               "Gaussian: tau = E|x_1 x_2| / E x_1^2 = 2/pi ~ 0.63, hence alpha = 4.5",
                               "Monte Carlo (Gaussian and ball) and Interval", true,
                               "tau = 2/pi for every spherically symmetric distribution (E|u_1 u_2| / E u_1^2 on the sphere)", fn2_tau});
const AuditRegistration r_r33a({"vardi.rem3-3a", "Rem. 3.3, md l. 101-103; txt l. 218-268",
                                "r-ball: F(0) = 1/2 E[1(x_1 >= r - r/(2d^2))(x_1 - (r - r/(2d^2)))^2] <= 1/2 r^2/(4d^4) Pr[..] <= r^2 e^{-Omega(d)}",
                                "rigorous quadrature of the x_1 marginal (Interval) at d = 2..64; Monte Carlo at d = 2", true,
                                "the decay is faster than exponential (~ d^{-d}): -ln(F(0)/r^2)/(d ln d) is printed", rem33a});
const AuditRegistration r_r33b({"vardi.rem3-3b", "Rem. 3.3, md l. 105; txt l. 269-282 (as the definitions give it)",
                                "mixture (half on A = {x_1 > r - r/(4d^2)}, half on B \\ A): F(0) = Theta(r^2/d^4), arbitrarily large for large r",
                                "exact F(0) by rigorous quadrature, d = 2..64", true, "", rem33b});
const AuditRegistration r_r33bp({"vardi.rem3-3b.printed", "Rem. 3.3, md l. 105; txt l. 269-282 (as printed)",
                                 "mixture: gradient flow converges to a local minimum with loss F(0) = Omega(r/d^2)",
                                 "exact F(0) by rigorous quadrature, d = 2..64, r = 1", false,
                                 "F(0) <= r^2/(8d^4) (on the support (x_1 - s r)_+ <= r/(2d^2)), so F(0)/(r/d^2) <= r/(8d^2) -> 0 at fixed r; "
                                 "the mixture gives F(0) = Theta(r^2/d^4) (>= r^2/(64d^4) from A alone), which is still arbitrarily large "
                                 "for large r (the remark's conclusion stands; its rate is not Omega(r/d^2) unless r >= d^2)",
                                 rem33b_printed});
const AuditRegistration r_t31p({"vardi.thm3-1-proof", "Thm 3.1 proof (App. B.1), txt l. 1395-1412",
                                "w_0 ~ U([-1,1])^{d+1}: |<w~_0, x~>| <= eps sqrt d; w.p. > 1/2 - eps sqrt d, b_{w_0} < -eps sqrt d",
                                "Monte Carlo of the cube-init expectations; exact chain of bounds (MPFR)", true,
                                "exactly P(stuck) = 1/2 - (eps/2) E|w~_0| >= 1/2 - eps sqrt(d)/(2 sqrt 3) for eps sqrt d <= 1 "
                                "(the printed 1/2 - eps sqrt d is loose by a factor 2 sqrt 3 in the deficit)",
                                thm31_proof});
const AuditRegistration r_angle({"vardi.sec5-2-angle", "Sec. 5.2, md l. 182; txt l. 460-463",
                                 "w~_0 spherically symmetric: theta(w~_0, v~) <= 3pi/4 w.p. at least 1 - e^{Omega(d)} (read: e^{-Omega(d)})",
                                 "exact tail by rigorous quadrature vs Monte Carlo; concentration bound e^{-d/4}", true,
                                 "the printed exponent e^{Omega(d)} lacks its minus sign (also Cor. 5.5, Rem. 5.7); -ln P/d decreases to "
                                 "ln(2)/2 = 0.347",
                                 sec52_angle});
const AuditRegistration r_rho({"vardi.sec5-2-rho", "Sec. 5.2, md l. 182-184; txt l. 464-475",
                               "rho = M/c^2: F(0) + rho^2 c^2/2 - rho M = F(0) - M^2/(2c^2)", "MPFR at random (F0, M, c)", true, "",
                               sec52_rho});
const AuditRegistration r_appg({"vardi.app-g", "App. G (md App. E), txt l. 3336-3456",
                                "F(0) = (|v~|^2/2) E[1(v~bar'x~ >= -b_v/|v~|)(v~bar'x~ + b_v/|v~|)^2] <= (|v~|^2/2) E[1(v~bar'x~ >= "
                                "alpha sin(pi/8)/4)(v~bar'x~)^2]; alpha = r/2: -b_v/|v~| = alpha(2 - 1/d^2) <= 2 alpha",
                                "Gaussian closed forms in Interval; exact arithmetic", true,
                                "App. G's 'alpha < r (otherwise beta = 0)' holds for d >= 3 (the ball's 2-D marginal "
                                "(d/(2 pi r^2))(1 - |y|^2/r^2)^{(d-2)/2} vanishes at |y| = r); for d = 2 it is uniform on the disc and "
                                "alpha = r gives beta = 1/(pi r^2)",
                                app_g});

}  // namespace

// ---- Monte Carlo checks shared with the tests ---------------------------------------------------------------
CheckResult moments_mc(const AuditContext& ctx, bool ball, int mutant) {
    auto rng = item_rng(ctx, ball ? "vardi.moments-ball" : "vardi.moments-gaussian");
    MonteCarloComparison mc(std::string(ball ? "unit ball" : "Gaussian") +
                                ": E[x_1 1(x_1>0)], E x_1^2, E|x_1 x_2|, E|x~|^4, E|x|^4 vs closed forms" +
                                (mutant == 1 ? (ball ? " [mutant: E x_1^2 = 1/d]" : " [mutant: E|x_1 x_2| = 1/2]")
                                             : mutant == 2 ? " [mutant: E|x|^4 = E|x~|^4]" : ""),
                            "Monte Carlo " + mc_label(ctx) + " samples, d = 3 and 10");
    for (int d : {3, 10}) {
        const auto m = ball ? models::unit_ball_input_moments(d) : models::gaussian_input_moments(d);
        std::vector<double> closed{mid(m.x1_positive_part), mid(m.x1_squared), mid(m.abs_x1x2), mid(m.xtilde_fourth), mid(m.x_fourth)};
        if (mutant == 1 && ball) closed[1] = 1.0 / d;
        if (mutant == 1 && !ball) closed[2] = 0.5;
        if (mutant == 2) closed[4] = closed[3];
        MomentAccumulator acc(5);
        std::vector<double> x(std::size_t(d), 0.0);
        double y[5];
        for (std::size_t n = 0; n < mc_samples(ctx); ++n) {
            if (ball) uniform_ball_point(rng, std::size_t(d), 1.0, x.data());
            else for (auto& xi : x) xi = rng.normal();
            double nn = 0;
            for (double xi : x) nn += xi * xi;
            y[0] = std::max(x[0], 0.0), y[1] = x[0] * x[0], y[2] = std::fabs(x[0] * x[1]), y[3] = nn * nn, y[4] = (nn + 1) * (nn + 1);
            acc.add(y);
        }
        const auto se = acc.standard_errors();
        for (std::size_t k = 0; k < 5; ++k)
            mc.compare({&acc.means()[k], 1}, {&se[k], 1}, {&closed[k], 1}, std::fabs(closed[k]),
                       "d=" + std::to_string(d) + " component " + std::to_string(k));
    }
    return mc.result();
}

CheckResult rem33a_mc(const AuditContext& ctx, int mutant) {
    auto rng = item_rng(ctx, "vardi.rem3-3a.mc");
    const int d = 2;
    const double s = 1.0 - 1.0 / (2.0 * d * d), level = mutant == 1 ? 1.0 - 1.0 / (d * d) : s;
    MonteCarloComparison mc(std::string("(1/2) E[(x_1 - s)_+^2], unit disc, s = 7/8, vs the quadrature") +
                                (mutant ? " [mutant: s = 1 - 1/d^2]" : ""),
                            "Monte Carlo " + mc_label(ctx) + " samples", 5.0, 0.15);
    const double closed = mid(models::ball_x1_tail_moment(d, Interval(level), 2)) / 2;
    MomentAccumulator acc(1);
    double x[2];
    for (std::size_t n = 0; n < mc_samples(ctx); ++n) {
        uniform_ball_point(rng, 2, 1.0, x);
        const double y = 0.5 * std::pow(std::max(x[0] - s, 0.0), 2);
        acc.add(&y);
    }
    const auto se = acc.standard_errors();
    mc.compare(acc.means(), se, {&closed, 1}, closed, "d=2");
    return mc.result();
}

CheckResult cube_init_mc(const AuditContext& ctx, int mutant) {
    auto rng = item_rng(ctx, "vardi.thm3-1-proof");
    MonteCarloComparison mc(std::string("U([-1,1]) init: E|w~_0|^2 = d/3; 1(b <= -eps|w~_0|) - (1 - eps|w~_0|)_+/2 has mean 0") +
                                (mutant ? " [mutant: d/2, (1 - 2 eps|w~_0|)/2]" : ""),
                            "Monte Carlo " + mc_label(ctx) + " draws, d = 3, 10, eps sqrt d = 0.5");
    for (int d : {3, 10}) {
        const double eps = 0.5 / std::sqrt(double(d)), k = mutant ? 2.0 : 1.0;
        MomentAccumulator acc(2);
        double y[2];
        for (std::size_t n = 0; n < mc_samples(ctx); ++n) {
            double nn = 0;
            for (int i = 0; i < d; ++i) {
                const double u = rng.uniform(-1, 1);
                nn += u * u;
            }
            const double b = rng.uniform(-1, 1), r = std::sqrt(nn);
            y[0] = nn;
            y[1] = (b <= -eps * r ? 1.0 : 0.0) - std::max(0.0, 1 - k * eps * r) / 2;
            acc.add(y);
        }
        const double closed[2] = {d / (mutant ? 2.0 : 3.0), 0.0};
        const auto se = acc.standard_errors();
        mc.compare({&acc.means()[0], 1}, {&se[0], 1}, {&closed[0], 1}, closed[0], "d=" + std::to_string(d) + " E|w~|^2");
        mc.compare({&acc.means()[1], 1}, {&se[1], 1}, {&closed[1], 1}, 0.5, "d=" + std::to_string(d) + " P(stuck)");
    }
    return mc.result();
}

CheckResult angle_mc(const AuditContext& ctx, int mutant) {
    auto rng = item_rng(ctx, "vardi.sec5-2-angle");
    const double level = mutant == 1 ? 0.5 : 1 / std::numbers::sqrt2;
    MonteCarloComparison mc(std::string("P(theta(u, e_1) > 3pi/4), u uniform on S^{d-1}, vs the exact tail") +
                                (mutant ? " [mutant: the tail at 2pi/3]" : ""),
                            "Monte Carlo " + mc_label(ctx) + " directions per d", 5.0, 0.1);
    for (int d : {2, 3, 5}) {
        const double closed = mid(models::sphere_u1_tail(d, Interval(level)));
        MomentAccumulator acc(1);
        std::vector<double> g(std::size_t(d), 0.0);
        for (std::size_t n = 0; n < mc_samples(ctx); ++n) {
            double nn = 0;
            for (auto& x : g) x = rng.normal(), nn += x * x;
            const double y = g[0] < -std::sqrt(0.5 * nn) ? 1.0 : 0.0;
            acc.add(&y);
        }
        const auto se = acc.standard_errors();
        mc.compare(acc.means(), se, {&closed, 1}, closed, "d=" + std::to_string(d));
    }
    return mc.result();
}

CheckResult tau_mc(const AuditContext& ctx, int mutant) {
    auto rng = item_rng(ctx, "vardi.fn2-tau");
    const double tau = mutant == 1 ? 0.5 : 2 / std::numbers::pi;
    MonteCarloComparison mc(std::string("E|x_1 x_2| - tau E x_1^2 = 0, tau = ") + (mutant ? "1/2 [mutant]" : "2/pi") +
                                ", Gaussian and unit ball (d = 3)",
                            "Monte Carlo " + mc_label(ctx) + " samples; scale E|x_1 x_2|");
    for (bool ball : {false, true}) {
        MomentAccumulator acc(1);
        double x[3];
        for (std::size_t n = 0; n < mc_samples(ctx); ++n) {
            if (ball) uniform_ball_point(rng, 3, 1.0, x);
            else for (auto& xi : x) xi = rng.normal();
            const double y = std::fabs(x[0] * x[1]) - tau * x[0] * x[0];
            acc.add(&y);
        }
        const double zero = 0, scale = ball ? 2 / (std::numbers::pi * 5) : 2 / std::numbers::pi;
        const auto se = acc.standard_errors();
        mc.compare(acc.means(), se, {&zero, 1}, scale, ball ? "ball" : "gauss");
    }
    return mc.result();
}

}  // namespace relucert::audit::vardi
