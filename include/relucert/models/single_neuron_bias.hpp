// The objective of a single ReLU neuron with bias (Vardi, Yehudai, Shamir, "Learning a single neuron
// with bias using gradient descent", Eqs. (1)-(3)) for the two input distributions the paper computes
// with: x~ ~ N(0, I_d) (Sec. 4, fn 2/3, Rem. 5.6, App. G) and x~ uniform on the ball of radius r in
// R^d (Thms 3.1, 3.2, Rem. 3.3); x = (x~, 1), w = (w~, b_w), v = (v~, b_v),
//     F(w) = E[1/2 (sigma(w'x) - sigma(v'x))^2],  grad F(w) = E[(sigma(w'x) - sigma(v'x)) 1(w'x > 0) x].
//
// ---- Gaussian (enclosures) ----------------------------------------------------------------------------
// With a = |w~|, beta = b_w / a, U = <w~/a, x~> ~ N(0, 1):
//     E[(aU + b)_+^2] = (a^2 + b^2) Phi(beta) + a b phi(beta)                          (self term)
//     E[(aU + b)_+]   = a g(beta) = b Phi(beta) + a phi(beta),   g(z) = z Phi(z) + phi(z)
//     E[(aU + b)_+ U] = a (Q(h) + h phi(h)) + b phi(h) = a Phi(beta),   h = -beta
//       (E[U^2 1(U > h)] = Q(h) + h phi(h), E[U 1(U > h)] = phi(h), and a h + b = 0),
// so grad_w of 1/2 E sigma(w'x)^2 is (a Phi(beta) w~/a, a g(beta)); the cross term E sigma(w'x) sigma(v'x)
// and its gradient are the 1-D integrals of biased_relu_gaussian.hpp (needs w~, v~ not parallel).
//
// ---- uniform ball (enclosures) ------------------------------------------------------------------------
// For x~ uniform on the unit ball of R^d, x_1 has density proportional to (1 - t^2)^{(d-1)/2} on
// [-1, 1]; for u uniform on the sphere S^{d-1}, u_1 has density proportional to (1 - t^2)^{(d-3)/2}.
// With t = cos(phi), (1 - t^2)^{n/2} dt = sin^{n+1}(phi) dphi, hence for s in [-1, 1]
//     E[(x_1 - s)_+^k] = C_d(s, k) / W_d,      P(u_1 >= s) = C_{d-2}(s, 0) / W_{d-2},
//     C_n(s, k) = int_0^{acos s} (cos phi - s)^k sin^n phi dphi,   W_n = int_0^pi sin^n = C_n(-1, 0),
// with Wallis' recursion W_0 = pi, W_1 = 2, W_n = (n-1)/n W_{n-2} (exact). Smooth integrands, so the
// rigorous quadrature of quadrature.hpp applies; the results are enclosures for every s in the box.
#pragma once

#include <cstddef>
#include <vector>

#include "relucert/interval.hpp"
#include "relucert/quadrature.hpp"

namespace relucert::models {

// E[(aU + b)_+^2] for U ~ N(0, 1), a > 0, generic in the scalar.
template <class S>
S biased_relu_second_moment(const S& a, const S& b) {
    const S z = b / a;
    return (a * a + b * b) * gaussian_cdf(z) + a * b * gaussian_pdf(z);
}

// F and grad F (d + 1 components, the last the bias) at w for target v, x~ ~ N(0, I_d); w~, v~ != 0
// and not parallel (std::domain_error otherwise). Enclosures for the exact (double) points w, v.
struct NeuronObjective {
    Interval F;
    std::vector<Interval> grad;
    bool converged = true;  // every quadrature met its width goal
};
NeuronObjective gaussian_neuron_objective(const std::vector<double>& w, const std::vector<double>& v,
                                          const quadrature::Options& o = {});
// F(0) = 1/2 E sigma(v'x)^2 (Gaussian), and grad F(0) with sigma'(0) = 1: -E[sigma(v'x) x]
// = -(|v~| Phi(b_v/|v~|) v~/|v~|, |v~| g(b_v/|v~|))  (Rem. 4.3).
Interval gaussian_neuron_loss_at_zero(const std::vector<double>& v);
std::vector<Interval> gaussian_neuron_grad_at_zero_sigma1(const std::vector<double>& v);

// W_n = int_0^pi sin^n (Wallis), exact recursion in Interval.
Interval wallis_integral(int n);
// C_n(s, k) = int_0^{acos s} (cos phi - s)^k sin^n phi dphi for s in [-1, 1]; the width goal is relative
// (rel_width of the value) once the value is known to be positive.
Interval sine_power_cap(int n, const Interval& s, int k, double rel_width = 1e-8);
// E[(x_1 - s)_+^k] for x~ uniform on the unit ball of R^d (scale by r^k for radius r, with s -> s/r).
Interval ball_x1_tail_moment(int d, const Interval& s, int k, double rel_width = 1e-8);
// P(u_1 >= s) for u uniform on the unit sphere of R^d (d >= 2); P(theta(u, e_1) >= arccos s).
Interval sphere_u1_tail(int d, const Interval& s, double rel_width = 1e-8);

// Moments the proofs use (Secs. 5-6, App. E), for the standard Gaussian and the unit ball of R^d
// (radius r: multiply by r^(degree in x~)). Exact: Wallis' W_n gives E|u_1| = 2 / ((d - 1) W_{d-2}),
// and for spherically symmetric x~ = R u: E|x_1 x_2| = E R^2 E|u_1 u_2| with E|u_1 u_2| = 2/(pi d)
// (from the Gaussian: E|g_1 g_2| = 2/pi = E|g|^2 E|u_1 u_2| = d E|u_1 u_2|); for the ball E R^k = d/(d+k).
struct InputMoments {
    Interval x1_positive_part;  // E[x_1 1(x_1 > 0)]
    Interval x1_squared;        // E x_1^2
    Interval abs_x1x2;          // E|x_1 x_2|
    Interval xtilde_fourth;     // E |x~|^4
    Interval x_fourth;          // E |x|^4, x = (x~, 1): E|x~|^4 + 2 E|x~|^2 + 1
};
InputMoments gaussian_input_moments(int d);
InputMoments unit_ball_input_moments(int d);

}  // namespace relucert::models
