// Monte Carlo checks of the linear paper's probabilistic statements (claims of kind (d)), each its own
// experiment:
//   linear.thm2-mc    Theorem 2 (l. 93-109): empirical GD, mu_1 = 2 then mu, small Gaussian init;
//   linear.lemma7-mc  Lemma 7 (l. 924): one GD step with mu = 2 lands within eps of W*;
//   linear.lemma8-mc  Lemma 8 (l. 940): concentration of (1/n) sum 1{x'p >= 0} x relu(x'q);
//   linear.lemma9-mc  Lemma 9 (l. 1012): the sign-disagreement bound with explicit constants;
//   linear.lemma10-mc Lemma 10 (l. 1114): |grad L^(W)| <= 4 sqrt(2) |W - W*| for all W;
//   linear.lemma11-mc Lemma 11 (l. 1152): the masked quadratic form is >= |w - a|^2 / (100 pi).
// The empirical loss is the paper's (1): L^ = (1/2n) sum_i (v' relu(W x_i) - a' x_i)^2, so that
// grad_{w_1} L^ = (1/n) sum_i r(x_i) relu'(w_1' x_i) x_i as in the proof of Lemma 7 (relu'(0) = 0).
// Where the paper leaves constants unspecified ("n >= C d", "1 - C e^{-cd}") the sizes are n = C d
// for a few C, and the check is the shape of the claim (failure probability small and not increasing
// with d once C is large enough); explicit constants are checked on every sample. Probabilities come
// with Wilson 95% intervals (relucert/trainer/stats.hpp).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "relucert/trainer/experiment.hpp"
#include "relucert/trainer/stats.hpp"

namespace relucert::experiments {

// One (d, n) cell of a Monte Carlo table.
struct McCell {
    long d = 0, n = 0;
    double C = 0;                        // the multiplier: n = ceil(C d / scale^2) (see each experiment)
    trainer::ProportionEstimate event;   // the statement's event
    double stat_mean = 0, stat_max = 0;  // the experiment's main statistic over trials
    std::string note;
};

struct McConfig {
    std::vector<long> dims;
    std::vector<double> multipliers;
    std::size_t trials = 0;
    static McConfig for_scale(trainer::Scale s, const std::string& which);
};

// The tables (exposed for tests).
std::vector<McCell> linear_lemma7_mc(const McConfig& c, double eps, std::uint64_t seed);
std::vector<McCell> linear_lemma8_mc(const McConfig& c, double delta, std::uint64_t seed);
std::vector<McCell> linear_thm2_mc(const McConfig& c, double mu, double c8, std::size_t iterations, std::uint64_t seed);
struct Lemma9Cell {
    McCell cell;
    double eps = 0;
    trainer::ProportionEstimate middle_event;  // the middle inequality (Soltanolkotabi's bound) on all sampled w
    double max_lhs_ratio = 0;                  // max LHS / |w - a| over samples
    double max_middle_ratio = 0;               // max sqrt(mean 1{..}(h_perp'x)^2) / |w - a|
    std::size_t first_le_middle_failures = 0;  // samples where LHS > the middle expression (first "<=")
    double large_n_ratio = 0;                  // n -> infinity value of LHS/|h| at h _|_ a, |h| = eps (quadrature)
};
std::vector<Lemma9Cell> linear_lemma9_mc(const McConfig& c, const std::vector<double>& eps_list, std::uint64_t seed);
struct Lemma10Cell {
    McCell cell;                       // event: max ratio <= 4 sqrt 2 over the sampled W; stat: max ratio
    trainer::ProportionEstimate spectral;  // |X|_op <= sqrt(2(d + n))
    double max_eq16_ratio = 0;         // max |grad|^2 / ((1/n) sum r^2), paper's (16): <= 4
};
std::vector<Lemma10Cell> linear_lemma10_mc(const McConfig& c, std::uint64_t seed);

// Lemma 11: per data set, the min over sampled w (|w - a| <= eps) of
// (1/n) sum 1{a'x >= 0} 1{w'x >= 0} (x'(w - a))^2 / |w - a|^2; event: >= 1/(100 pi).
std::vector<McCell> linear_lemma11_mc(const McConfig& c, double eps, std::uint64_t seed);

// Lemma 9's n -> infinity value of sqrt((1/n) sum (a'x)^2 (1 - sgn sgn)) / |h| for h _|_ a, |h| = rho:
// sqrt(4 int_0^inf z^2 phi(z) Phi(-z / rho) dz) / rho (composite Simpson, 4000 panels on [0, min(12, 40 rho)]).
double lemma9_large_n_ratio(double rho);

trainer::ExperimentReport run_linear_thm2_mc(const trainer::ExperimentContext& ctx);
trainer::ExperimentReport run_linear_lemma7_mc(const trainer::ExperimentContext& ctx);
trainer::ExperimentReport run_linear_lemma8_mc(const trainer::ExperimentContext& ctx);
trainer::ExperimentReport run_linear_lemma9_mc(const trainer::ExperimentContext& ctx);
trainer::ExperimentReport run_linear_lemma10_mc(const trainer::ExperimentContext& ctx);
trainer::ExperimentReport run_linear_lemma11_mc(const trainer::ExperimentContext& ctx);
// Registers all six; returns linear.thm2-mc.
const trainer::Experiment& linear_mc_experiments();

}  // namespace relucert::experiments
