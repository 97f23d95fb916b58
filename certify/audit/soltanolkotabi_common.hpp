// Shared pieces of the closed-form audit of "Learning ReLUs via Gradient Descent" (Soltanolkotabi, NIPS
// 2017), certify/audit/soltanolkotabi_*.cpp: the population quantities of (1.1) as generic templates,
// and every check as a function of the closed form it compares against, so that
// tests/test_audit_soltanolkotabi.cpp runs the same code with a mutated closed form (a sign, a factor 2)
// and asserts that the same sample rejects it.
//
// Notation: x ~ N(0, I_d), y = ReLU(<w*, x>), theta = angle(w, w*), c0 = relu'(0) = (1 + sgn 0)/2.
//   kernel      E[ReLU(w'x) ReLU(w*'x)] = |w||w*| (sin theta + (pi - theta) cos theta) / (2 pi)
//   loss        L_pop(w) = E (ReLU(w'x) - y)^2 = |w|^2/2 - 2 kernel + |w*|^2/2
//   gradient    grad L_pop(w) = E[(ReLU(w'x) - y)(1 + sgn w'x) x] = w - (|w*| sin theta w/|w| + (pi - theta) w*)/pi
// (certify/soltanolkotabi/reduced.hpp derives the one-step error from the last line.)
#pragma once

#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "audit/sampling.hpp"
#include "relucert/audit/audit.hpp"
#include "relucert/audit/numerics.hpp"
#include "relucert/models/arc_cosine_kernel.hpp"
#include "relucert/scalar.hpp"

namespace relucert::audit::soltanolkotabi {

using M = MpInterval;

template <class T>
T angle_between(const Vec<T>& a, const Vec<T>& b) {
    return models::angle_from_cosine(T(vdot(a, b) / (vnorm(a) * vnorm(b))));
}
template <class T>
T population_loss(const Vec<T>& w, const Vec<T>& ws) {
    return vdot(w, w) / T(2) - T(2) * models::arc_cosine_kernel(vnorm(w), vnorm(ws), angle_between(w, ws)) + vdot(ws, ws) / T(2);
}
template <class T>
Vec<T> population_gradient(const Vec<T>& w, const Vec<T>& ws) {
    using std::sin;
    const T t = angle_between(w, ws), nw = vnorm(w), ns = vnorm(ws);
    Vec<T> g(w.size(), T(0));
    for (std::size_t i = 0; i < w.size(); ++i) g[i] = w[i] - (ns * sin(t) * w[i] / nw + (pi<T>() - t) * ws[i]) / pi<T>();
    return g;
}

// ---- closed forms under test, as parameters (tests pass mutants) ---------------------------------
using KernelForm = std::function<double(double norm_w, double norm_ws, double theta)>;
using AngleForm = std::function<double(double theta)>;
using GradientForm = std::function<Vec<double>(const Vec<double>& w, const Vec<double>& ws)>;
using GradientFormM = std::function<Vec<M>(const Vec<M>& w, const Vec<M>& ws)>;
using Error2Form = std::function<M(const M& theta)>;   // |w+ - w*|^2 / |w*|^2 after one population step
using TauForm = std::function<double(double tau)>;

// grad-eq3-1.kernel: Monte Carlo of E[ReLU(w'x) ReLU(w*'x)] at 4 pairs in R^3.
CheckResult kernel_monte_carlo(const AuditContext& ctx, const KernelForm& closed);
// grad-eq3-1.sign-probability: Monte Carlo of P(sgn<x, w> != sgn<x, w*>) at 4 pairs in R^4.
CheckResult sign_probability_monte_carlo(const AuditContext& ctx, const AngleForm& closed);
// grad-eq3-1.activation-covariance: Monte Carlo of E[1{w'x > 0} x x'] (3 x 3) against diag * I.
CheckResult activation_covariance_monte_carlo(const AuditContext& ctx, double diag);
// grad-eq3-1.population: the trainer's empirical gradient (3.1) (1/n restored, sgn(0) = 0) on n samples
// is a sample mean; with the summands' standard errors it is compared with the closed form.
// Returns {Monte Carlo check, trainer-sum-equals-sample-mean check}.
std::vector<CheckResult> population_gradient_vs_trainer(const AuditContext& ctx, const GradientForm& closed);
// grad-eq3-1.population: finite differences of L_pop (MPFR 256 bits) against the closed form.
CheckResult population_gradient_fd(const AuditContext& ctx, const GradientFormM& closed);
// grad-eq3-1(.printed): (3.1) with prefactor 1/n (printed = false) or as printed (no 1/n) against the
// exact central difference of (1.1) (a quadratic on each activation pattern), MPFR intervals.
CheckResult eq31_vs_loss_difference(const AuditContext& ctx, bool printed);
// grad-eq3-1.sgn0: Monte Carlo of the population first iterate under the 'limit points' reading,
// E[4 1{v'x > 0} ReLU(w*'x) x] for w* = e1, v = (cos t, sin t, 0), t in {0, pi/2, 2.5}, against closed(t)
// (the definitions give 2(sin t v + (pi - t) e1)/pi).
CheckResult limit_point_monte_carlo(const AuditContext& ctx, const std::function<Vec<double>(double)>& closed);
// step-6-11.one-step-error: |w+ - w*|^2 with w+ = w - grad L_pop(w) against |w*|^2 error2(theta).
CheckResult one_step_error_rewrite(const AuditContext& ctx, const Error2Form& error2);
// proj-7-34.first-iterate: w_1 = w_0 - 2 grad L(0) through the trainer, with relu'(0) = c0, against the
// population value factor(c0) w* (the definitions give factor(c0) = 2 c0).
CheckResult first_iterate_monte_carlo(const AuditContext& ctx, const std::function<double(double c0)>& factor);
// eq2-1.almt-integral: Monte Carlo of E(|g| - tau)_+^2 against closed(tau).
CheckResult almt_integral_monte_carlo(const AuditContext& ctx, const TauForm& closed);

// ---- the Gaussian-norm function of the footnote (fn1) ---------------------------------------------
// phi(t) = E|g|_2 for g ~ N(0, I_t) = sqrt(2) Gamma((t + 1)/2) / Gamma(t/2), by the recursion
// phi(1) = sqrt(2/pi), phi(t) phi(t + 1) = t (Gamma(z + 1) = z Gamma(z)). Enclosures at 256 bits.
std::vector<M> gaussian_norm_means(int t_max);
// Monte Carlo of E|g|_2, g in R^t, for t in {1, 2, 3, 10}, against closed(t).
CheckResult gaussian_norm_monte_carlo(const AuditContext& ctx, const std::function<double(int t)>& closed);

// The exact algebra of (6.2) (l. 161) for one N: the value of every printed line, in exact rationals,
// with E<u, w_j>^2 = E<u, w_j> E<u, w_k> = 1/n substituted as line 3 does.
struct Eq62Lines {
    Rational line3, line4, line5, line6, line7, line8;
};
Eq62Lines eq62_lines(int N);

}  // namespace relucert::audit::soltanolkotabi
