// Shared pieces of the Vardi-Yehudai-Shamir audit (certify/audit/vardi_*.cpp), its tests and its
// experiments (certify/experiments/vardi_*.cpp): the single biased neuron on a finite (weighted)
// sample in double precision, samplers for the paper's input distributions, and the paper's geometric
// criteria (zero overlap with the Theorem 3.2 target, the flat region of Theorem 3.1).
//
// Notation (Eqs. (1)-(3)): x = (x~, 1), w = (w~, b_w), v = (v~, b_v), all stored as vectors of size
// d + 1 with the bias last; F(w) = E 1/2 (sigma(w'x) - sigma(v'x))^2 and
// grad F(w) = E[(sigma(w'x) - sigma(v'x)) sigma'(w'x) x], sigma'(0) a parameter in [0, 1].
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "audit/sampling.hpp"
#include "relucert/audit/audit.hpp"
#include "relucert/audit/numerics.hpp"
#include "relucert/trainer/rng.hpp"

namespace relucert::audit::vardi {

// n inputs x~ in R^d (row-major, n x d) with probability weights (summing to 1).
struct WeightedSample {
    std::size_t d = 0;
    std::vector<double> x;        // n * d
    std::vector<double> weight;   // n
    std::size_t size() const { return weight.size(); }
    const double* row(std::size_t i) const { return x.data() + i * d; }
};

// x~ ~ N(0, I_d), or uniform on the ball of radius r (x = r U^{1/d} g/|g|), equal weights.
WeightedSample gaussian_sample(trainer::Rng& rng, std::size_t d, std::size_t n);
WeightedSample ball_sample(trainer::Rng& rng, std::size_t d, double r, std::size_t n);
// One uniform point of the r-ball.
void uniform_ball_point(trainer::Rng& rng, std::size_t d, double r, double* out);
// The r-ball stratified by the cap {x_1 >= cap_level}: n_cap points uniform on the cap with total weight
// cap_mass (its exact probability, supplied by the caller) and n_rest uniform on the rest with total
// weight 1 - cap_mass (both by rejection from the ball; the cap by rejection from the cylinder
// [cap_level, r] x (r sin psi)-ball when the cap is small). An unbiased weighted empirical measure.
WeightedSample stratified_ball_sample(trainer::Rng& rng, std::size_t d, double r, double cap_level, double cap_mass,
                                      std::size_t n_cap, std::size_t n_rest);

// The empirical objective and gradient on a weighted sample.
struct NeuronValue {
    double F = 0;
    std::vector<double> grad;  // d + 1
};
NeuronValue neuron_objective(const WeightedSample& s, const std::vector<double>& w, const std::vector<double>& v,
                             double sigma_prime_at_zero = 0.0);
double neuron_loss(const WeightedSample& s, const std::vector<double>& w, const std::vector<double>& v);
// <w, (x_i, 1)>
inline double neuron_preactivation(const WeightedSample& s, std::size_t i, const std::vector<double>& w) {
    double z = w[s.d];
    const double* x = s.row(i);
    for (std::size_t k = 0; k < s.d; ++k) z += w[k] * x[k];
    return z;
}

// Theorem 3.2's target: v~ = e_1, b_v = -(r - r/(2 d^2)). sigma(v'x) > 0 only on the cap x_1 > s r,
// s = 1 - 1/(2d^2), whose angular radius psi (seen from the origin, on the sphere of radius r) has
// cos psi = s.
std::vector<double> thm32_target(std::size_t d, double r);
inline double thm32_level(std::size_t d) { return 1.0 - 1.0 / (2.0 * double(d) * double(d)); }


// Sample sizes and item streams: audit/sampling.hpp (shared by every paper).
using audit::item_rng;
using audit::mc_samples;
inline std::string mc_label(const AuditContext& c) { return c.quick ? "2x10^5" : "2x10^6"; }

// The Monte Carlo checks of the audit, with their mutants (the tests assert that the same sample
// rejects the mutant; mutant = 0 is the item's own check):
//   eq3: E[(sigma(w'x) - sigma(v'x)) 1(w'x > 0) x] (Gaussian) vs the rigorous closed-form gradient;
//        mutant 1: the indicator 1(v'x > 0) in place of sigma'(w'x).
CheckResult eq3_gaussian_mc(const AuditContext& ctx, int mutant = 0);
//   rem4-3: -E[sigma(v'x) x] (Gaussian) vs grad F(0) with sigma'(0) = 1; mutant 1: the b_v = 0 form
//        (|v~|/2 v~/|v~|, |v~| phi(0)) used for every b_v.
CheckResult rem43_gaussian_mc(const AuditContext& ctx, int mutant = 0);
//   moments: E[x_1 1(x_1 > 0)], E x_1^2, E|x_1 x_2|, E|x~|^4, E|x|^4 against the closed forms, Gaussian
//        (ball = false) or unit ball (ball = true), d = 3 and 10; mutant 1: E x_1^2 = 1/d for the ball
//        (E|x_1 x_2| = 1/2 for the Gaussian), mutant 2: E|x|^4 = E|x~|^4 (Assumption 6.1's c).
CheckResult moments_mc(const AuditContext& ctx, bool ball, int mutant = 0);
//   rem3-3a: (1/2) E[(x_1 - s r)_+^2] on the unit ball, d = 2 (plain MC) against the quadrature;
//        mutant 1: the level s = 1 - 1/d^2.
CheckResult rem33a_mc(const AuditContext& ctx, int mutant = 0);
//   fn2-tau: E|x_1 x_2| / E x_1^2 (Gaussian and ball) against 2/pi; mutant 1: against 1/2.
CheckResult tau_mc(const AuditContext& ctx, int mutant = 0);
//   thm3-1-proof: w~_0 ~ U([-1,1]^d), b ~ U([-1,1]): E|w~_0|^2 = d/3 and P(b <= -eps|w~_0| | w~_0) =
//        (1 - eps|w~_0|)_+/2 (d = 3, 10, eps sqrt d = 0.5); mutant 1: E|w~_0|^2 = d/2 and (1 - 2 eps|w~_0|)/2.
CheckResult cube_init_mc(const AuditContext& ctx, int mutant = 0);
//   sec5-2-angle: P(theta(u, e_1) > 3pi/4) for u uniform on the sphere, d = 2, 3, 5, against the exact
//        tail P(u_1 >= 1/sqrt 2); mutant 1: the tail at 2pi/3 (P(u_1 >= 1/2)).
CheckResult angle_mc(const AuditContext& ctx, int mutant = 0);

}  // namespace relucert::audit::vardi
