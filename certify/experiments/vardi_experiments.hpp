// Experiments of Vardi, Yehudai, Shamir, "Learning a single neuron with bias using gradient descent":
// vardi.probabilities (the probability statements of Thm 3.1, Lemma B.2 / Thm 3.2, Sec. 5.2 and
// Rem. 6.3, exact where a closed form exists, Monte Carlo with Wilson intervals), and gradient descent
// on the single biased neuron for the negative examples (vardi.thm3-1: stuck at a flat initialisation;
// vardi.thm3-2: gradient flow, approximated by small-step GD, stuck at loss >= F(0)) and the positive
// results (vardi.thm5-2: Cor. 5.5's initialisation; vardi.thm6-2: linear convergence), with the fitted
// linear rate against the theorems' constants.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "audit/vardi_common.hpp"

namespace relucert::experiments::vardi {

using audit::vardi::NeuronValue;
using Oracle = std::function<NeuronValue(const std::vector<double>&)>;

struct NeuronGdRun {
    std::vector<double> t, loss, dist2;  // recorded every `record_every` steps (and at the end)
    std::vector<double> w_final;
    std::size_t steps = 0;
    bool moved = false;  // some iterate differs from w_0
};
// w_{t+1} = w_t - eta grad F(w_t), `steps` steps (stopping early once |w_t - v|^2 < stop_dist2).
NeuronGdRun neuron_gd(const Oracle& f, const std::vector<double>& w0, const std::vector<double>& v, double eta,
                      std::size_t steps, std::size_t record_every, double stop_dist2 = 0);

// Per-step contraction factor of |w_t - v|^2 (trainer::fit_linear_rate) over the steps where it lies in
// (lo, hi]; the run must be recorded at every step. NaN with fewer than 3 such steps.
double distance_contraction(const NeuronGdRun& r, double lo, double hi);

}  // namespace relucert::experiments::vardi
