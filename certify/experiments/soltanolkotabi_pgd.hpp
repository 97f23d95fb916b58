// Experiments of "Learning ReLUs via Gradient Descent" (Soltanolkotabi, NIPS 2017), Section 4:
//   soltanolkotabi.fig1        Figure 1 as set in Sec. 4 (l. 91-99): d = 1000, s = d/50, n = 8 s log(d/s),
//                              R = |.|_0 (iterative hard thresholding), 100 trials, ReLU and linear
//                              observations, |w_t - w*| against t = 0..20; ReLU steps of Theorem 3.1
//                              (eta_0 = 2, eta_t = 1), linear step eta = 1.
//   soltanolkotabi.fig1-l1     the same with K = {|w|_1 <= |w*|_1} (l1-ball projection).
//   soltanolkotabi.nsweep      n = m s log(d/s) for m in {1, ..., 32}: from which n the rate of Theorem 3.1
//                              (printed 1/sqrt(t); reconstructed (1/4)^t |w*|) holds in every trial,
//                              for the l0 and the l1 constraint.
//   soltanolkotabi.convention  the value of (1 + sgn 0) in (3.1) at w_0 = 0: first iterate and final
//                              error for relu'(0) = 0, 1/2, 1.
// Every trial draws w* (s-sparse, unit norm, trainer::planted_sparse_vector) and X (n x d, iid N(0, 1))
// from its own seed; the ReLU and linear runs of a trial share X and w*.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "relucert/trainer/experiment.hpp"
#include "relucert/trainer/pgd.hpp"

namespace relucert::experiments {

struct SoltanSetup {
    long d = 1000, s = 20, n = 0;  // n = 0: ceil(8 s ln(d / s))
    std::size_t trials = 100, iterations = 20;
    trainer::Projection::Kind constraint = trainer::Projection::Kind::l0;
    static SoltanSetup for_scale(trainer::Scale scale, trainer::Projection::Kind constraint);
    long samples() const;  // n, resolved
};

struct SoltanTrial {
    std::vector<double> relu, linear;  // |w_t - w*|, t = 0..iterations
};
// One trial (ReLU with Theorem 3.1's steps and relu'(0) = relu0; linear with eta = 1); linear skipped
// when with_linear is false.
SoltanTrial run_soltan_trial(const SoltanSetup& setup, std::uint64_t seed, bool with_linear = true,
                             double relu0 = 0.5);

// Does |w_t - w*| <= (1/4)^t |w*| hold for t = 1..T (T: while (1/4)^t >= 1e-12, the rounding floor)?
bool quarter_rate_holds(const std::vector<double>& errors);
// Does the printed (3.5), |w_t - w*| <= 1/sqrt(t), hold for t = 1..T?
bool printed_rate_holds(const std::vector<double>& errors);

trainer::ExperimentReport run_soltan_fig1(const trainer::ExperimentContext& ctx);
trainer::ExperimentReport run_soltan_fig1_l1(const trainer::ExperimentContext& ctx);
trainer::ExperimentReport run_soltan_nsweep(const trainer::ExperimentContext& ctx);
trainer::ExperimentReport run_soltan_convention(const trainer::ExperimentContext& ctx);
trainer::ExperimentReport run_soltan_n0(const trainer::ExperimentContext& ctx);
// soltanolkotabi.eq2-1 (soltanolkotabi_eq2_1.cpp): recovery probability against n for (2.1) and (1.1), l1 ball.
trainer::ExperimentReport run_soltan_eq2_1(const trainer::ExperimentContext& ctx);

// Registers the soltanolkotabi.* experiments (idempotent); tests call it to pull the file in.
void register_soltanolkotabi_experiments();

// ---- sample complexity (Def. 2.3) by Monte Carlo --------------------------------------------------
struct MeanCi {
    double mean = 0, half_width = 0;  // mean +- half_width (z = 5 standard errors unless stated)
};
struct WidthEstimate {
    MeanCi width_sparse2s;      // w(Sigma_2s cap S^{d-1}) = E |top-2s entries of g|_2
    MeanCi width_tangent;       // w(T cap S^{d-1}), T = {h : |supp(h) \ supp(w*)| <= s}
    MeanCi l1_dist2;            // E dist^2(g, tau d|w*|_1) at tau (MC of the ALMT function)
    double tau = 0, l1_closed_form = 0;  // the tau used and J(tau) in double precision
};
WidthEstimate estimate_widths(long d, long s, std::size_t samples, std::uint64_t seed, double z = 5.0);
// argmin / min of the ALMT function over tau in [0, 3] (double precision, golden section).
double almt_l1_argmin(long d, long s);

}  // namespace relucert::experiments
