// linear.fig5: "On the dynamics of learning linear functions with neural networks", Figure 5 (l. 244)
// and Section 4.1 (l. 121): population GD, k = 2, v = [1, -1] fixed, d = 100, mu = 0.1, a = e1, Xavier
// normal initialisation times alpha = 1e-8 (Section 4, l. 113-119). The paper reports that the loss and
// |w1 + w2| go to zero at a linear rate and that |w1 + w2| decreases monotonically.
#pragma once

#include <cstddef>
#include <cstdint>

#include "relucert/trainer/experiment.hpp"
#include "relucert/trainer/trajectory.hpp"

namespace relucert::experiments {

struct LinearFig5Config {
    long d = 100;
    double mu = 0.1;
    double alpha = 1e-8;
    std::size_t iterations = 0;
    std::size_t trials = 0;
    static LinearFig5Config for_scale(trainer::Scale s);
};

// One trial: the recorded trajectory (columns: iteration, loss, norm_w1_plus_w2, dist_to_opt,
// corr_ratio, grad_norm, theta, norm_w1, norm_w2), iterations 0..config.iterations.
trainer::Trajectory run_linear_fig5_trial(const LinearFig5Config& config, std::uint64_t seed);

// What the checks concluded for one trajectory.
struct LinearFig5Analysis {
    std::size_t sum_norm_increases = 0;        // strict increases of |w1 + w2|, whole run
    std::size_t loss_increases = 0;            // strict increases of the loss, whole run
    double loss_rate = 0, loss_r2 = 0, loss_max_ratio = 0;
    double sum_rate = 0, sum_r2 = 0, sum_max_ratio = 0;
    std::size_t window_first = 0, window_last = 0;  // fit window (iterations)
    double final_loss = 0, final_sum_norm = 0, final_dist = 0;
    double min_corr_while_small = 0;           // min <W-W*, grad>/|W-W*|^2 while |w1+w2| <= |a|/2 (Lemma 4: >= 0.3)
    std::size_t theorem1_violations = 0;       // iterations with |W_t - W*|^2 > (1 - 0.3 mu)^t |W_0 - W*|^2
};
LinearFig5Analysis analyse_linear_fig5(const trainer::Trajectory& traj, const LinearFig5Config& config);

trainer::ExperimentReport run_linear_fig5(const trainer::ExperimentContext& ctx);
// The registry entry (also registers it; calling this from a test pulls the registration in).
const trainer::Experiment& linear_fig5_experiment();

}  // namespace relucert::experiments
