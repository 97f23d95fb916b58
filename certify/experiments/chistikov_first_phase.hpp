// The first phase of training (Chistikov, Englert & Lazic Sec. 4): GD from a balanced init of scale
// lambda, compared with the yardsticks alpha_j^t (closed form, certify/audit/chistikov_common.hpp):
//   Lemma 3 (iii): the crossing times t_j^l of w_j^t (x_i'w = 0) against tau_j^l,
//                  |tau_j^l - t_j^l| <= lambda^{1 - (1 + (3l - 1)/(3 n_j)) eps};
//   Lemma 4: for j in J-, |w_j^{T0}| <= lambda |z_j| and w_j^t = w_j^{T0} for t >= T0 = max tau_j^{n_j} + 1;
//   Lemma 5: at T1 = eps ln(1/lambda)/|gamma_[n]|, for j in J+: |w_j^{T1}| < 2|z_j| lambda^{1-eps},
//            wbar_j'gammabar_[n] >= 1 - lambda^eps, |ln|alpha_j^{T1}| - ln|w_j^{T1}/lambda|| <= lambda^{1-3eps}.
// A crossing is located by linear interpolation of wbar'xbar_i between two observations.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "audit/chistikov_common.hpp"

namespace relucert::experiments {

// flow: the trainer's adaptive Heun-Euler GradientFlow (absolute tolerance `tolerance` x lambda, since
// w scales with lambda), observed every `step` time units; gd: the trainer's GD (train_balanced) with
// step `step`, which is explicit Euler and errs by O(step) at every kink (a crossing inside a step
// changes the active set only at the next iterate), so that Richardson extrapolation does not remove
// it (the error depends on where in a step the crossing falls).
enum class FirstPhaseIntegrator { flow, gd };
struct FirstPhaseOptions {
    double lambda = 1e-3;
    double step = 2e-4;
    double tolerance = 1e-9;
    FirstPhaseIntegrator integrator = FirstPhaseIntegrator::flow;
    Eigen::Index width = 20;
    double eps = 0.25;
    std::uint64_t seed = 1;
};

// Measured over J+ u J- (Lemma 3), J- (Lemma 4), J+ (Lemma 5); ratios are measured / bound (<= 1: the
// bound is observed).
struct FirstPhaseResult {
    double lambda = 0, step = 0, T0 = 0, T1 = 0;
    std::size_t units = 0, crossings = 0;
    bool order_matches = true;           // every unit crosses the same points in the same order as its yardstick
    std::vector<double> tau, t_gd;       // all crossings, yardstick and GD (same order), for Richardson
    std::vector<double> lemma3_bound;    // lambda^{1 - (1 + (3l-1)/(3 n_j)) eps} per crossing
    double lemma3_max_dev = 0, lemma3_max_ratio = 0;
    double lemma4_max_norm_ratio = 0;    // max_j |w_j^{T0}| / (lambda |z_j|)
    double lemma4_max_move = 0;          // max_j max_{t >= T0} |w_j^t - w_j^{T0}| / |w_j^{T0}|
    bool lemma4_inactive_at_T0 = true;   // every J- unit has I+(w_j^{T0}) empty
    double lemma5_max_norm_ratio = 0;    // max_j |w_j^{T1}| / (2|z_j| lambda^{1-eps})
    double lemma5_min_cos = 1, lemma5_cos_bound = 0;       // min_j wbar_j'gammabar_[n], 1 - lambda^eps
    double lemma5_max_log_dev = 0, lemma5_log_bound = 0;   // max_j |ln|alpha^{T1}| - ln|w^{T1}/lambda||, lambda^{1-3eps}
    bool t1_after_crossings = true;      // T1 > max_{J+} tau^{n_j} (Lemma 5's regime)
};
FirstPhaseResult first_phase(const audit::chistikov::TrainingSet& data, const FirstPhaseOptions& o);

// Two runs at different resolutions (h and h/2, or two flow tolerances): max over crossings of
// |tau - (2 t(h/2) - t(h))| / bound (Richardson; for the flow this is ~ the finer run), and the largest
// |t(h) - t(h/2)| (the discretisation scale).
struct Richardson {
    double max_dev = 0, max_ratio = 0, max_step_effect = 0;
    bool comparable = true;  // both runs had the same crossings
};
Richardson lemma3_richardson(const FirstPhaseResult& h, const FirstPhaseResult& h2);

}  // namespace relucert::experiments
