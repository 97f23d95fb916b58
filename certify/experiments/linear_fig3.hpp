// linear.fig3 (Section 4.2, Figure 3, l. 133-168) and linear.fig7-8 (Appendix G.1, Figures 7-8): exact
// parametrisation k = 2r, y = A x with a_i = e_i, both layers trained by population GD from small
// initialisation (1e-8 Xavier normal), d = 100, mu = 0.1. Paper: at convergence the units pair up,
// v_i ~ -v_j and w_i ~ -w_j ("approximately negative"), i.e. V ~ [I, -I]' V~, W ~ [I, -I]' W~ up to a
// permutation; r = 3 (Fig. 3), r = 5 and r = 10 (Figs. 7, 8).
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "relucert/trainer/experiment.hpp"

namespace relucert::experiments {

struct LinearPairingConfig {
    long d = 100;
    double mu = 0.1, alpha = 1e-8, stop_loss = 1e-12;
    std::size_t iterations = 20000;
    static LinearPairingConfig for_scale(trainer::Scale s);
};

struct LinearPairingResult {
    long r = 0, k = 0;
    double final_loss = 0;
    std::size_t iterations = 0;
    std::vector<std::pair<int, int>> pairs;
    double worst_v_score = 0, worst_w_score = 0;  // max over pairs of |m_i + m_j| / (|m_i| + |m_j|)
};
// Runs one configuration; writes <id>.csv / <id>.svg files into out_dir when id is not empty.
LinearPairingResult linear_pairing_run(const LinearPairingConfig& c, long r, std::uint64_t seed,
                                       const trainer::ExperimentContext* ctx = nullptr, const std::string& id = "",
                                       std::vector<std::filesystem::path>* files = nullptr);
trainer::ExperimentReport run_linear_fig3(const trainer::ExperimentContext& ctx);
trainer::ExperimentReport run_linear_fig7_8(const trainer::ExperimentContext& ctx);
const trainer::Experiment& linear_fig3_experiment();  // also registers linear.fig7-8

}  // namespace relucert::experiments
