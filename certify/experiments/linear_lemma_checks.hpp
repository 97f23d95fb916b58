// linear.lemma-checks: the certified inequalities of the linear paper's population analysis (k = 2,
// v = [1, -1], a = e1, |a| = 1), evaluated at every iterate of population GD trajectories (issue 5):
//   Lemma 3 (l. 320):   |w1 + w2|_{t+1} <= |w1 + w2|_t                     (mu <= 1)
//   Lemma 4 (l. 332):   <W - W*, grad L> >= alpha |W - W*|_F^2, alpha = 0.3  (while |w1 + w2| <= |a|/2)
//   Lemma 5 (l. 336):   |grad L|_F <= beta |W - W*|_F, beta = sqrt(5/2)
//   Theorem 1 (l. 65, F.1): |W_t - W*|^2 <= (1 - c2 mu)^t |W_0 - W*|^2, c2 = alpha, for mu <= c1 = alpha / beta^2
// from random initialisations with |w1 + w2| <= |a|/2 (several families, see the .cpp) and along
// linear.fig5-type runs (d = 100, 1e-8 Xavier init, mu = 0.1).
//
// Slacks are (right side - left side) so that >= 0 is "holds". Each is also reported relative to its
// natural scale (|w1 + w2|_t for Lemma 3, |W - W*|^2 for Lemma 4, |W - W*| for Lemma 5, the bound for
// Theorem 1). Double-precision rounding: every computed quantity carries an error of a few ulps of the
// magnitudes involved, so a slack is counted as a violation "beyond rounding" only if it is below
// -tol, tol = 64 u (1 + mu) (|W|_F + |a|) x (the quantity's scale), u = 2^-53: a generous a-priori
// estimate (not a proven bound); negative slacks above -tol are counted separately.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "relucert/trainer/experiment.hpp"

namespace relucert::experiments {

struct LemmaConstants {
    double alpha = 0.3;               // Lemma 4
    double beta = 1.5811388300841898;  // Lemma 5: sqrt(5/2)
    double c2 = 0.3;                  // Theorem 1 (F.1: c2 = alpha)
    double lemma3_mu_max = 1.0;       // Lemma 3 applies for mu <= 1
    double thm1_mu_max = 0.12;        // c1 = alpha / beta^2
};

struct SlackWhere {
    std::string run;  // "init #i (family f, d = .., mu = ..)" or "fig5 seed s"
    std::size_t iteration = 0;
    double theta = 0, ratio = 0, dist = 0;  // angle(w1, w2), r = |w2|/|w1|, |W - W*|_F
};

struct SlackRecord {
    std::size_t evaluated = 0, negative = 0, beyond_rounding = 0;
    double min_abs = 0, min_rel = 0;
    SlackWhere at_min_abs, at_min_rel;
    bool any = false;
    void add(double slack, double scale, double tol, const SlackWhere& where);
    std::string describe() const;
};

struct LemmaCheckConfig {
    std::size_t inits = 1000;          // random initialisations at small d
    std::vector<long> dims = {2, 3, 5, 10};
    std::size_t inits_d100 = 20;       // further ones at d = 100
    std::vector<double> mus = {0.1, 1.0};
    std::size_t iterations = 300;      // per trajectory (stops early once |W - W*| <= 1e-12)
    std::size_t fig5_runs = 3, fig5_iterations = 500;
    LemmaConstants constants;
    static LemmaCheckConfig for_scale(trainer::Scale s);
};

struct LemmaCheckResult {
    SlackRecord lemma3, lemma4, lemma5, thm1;
    std::size_t trajectories = 0, iterates = 0;
    std::size_t inits_outside = 0;     // initialisations that violated |w1 + w2| <= 1/2 (must be 0)
    double best_alpha = 0;             // min <W - W*, grad> / |W - W*|^2 over iterates with |w1+w2| <= 1/2
    double best_beta = 0;              // max |grad| / |W - W*| over all iterates
    SlackWhere at_best_alpha, at_best_beta;
};

LemmaCheckResult run_lemma_checks(const LemmaCheckConfig& config, std::uint64_t seed);
trainer::ExperimentReport run_linear_lemma_checks(const trainer::ExperimentContext& ctx);
const trainer::Experiment& linear_lemma_checks_experiment();

}  // namespace relucert::experiments
