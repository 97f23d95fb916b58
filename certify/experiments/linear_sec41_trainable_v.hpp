// linear.sec41-trainable-v: Section 4.1 (l. 121) and l. 87 of the linear paper: k = 2, both layers
// trained from small random initialisation (1e-8 Xavier normal for W and for v), population GD,
// d = 100, mu = 0.1, a = e1. Paper: when GD converges, v -> +-1 and w_i -> +-a; "iterates get stuck only
// when v1(0) and v2(0) both have the same signs which happens with probability 1/2".
#pragma once

#include <cstddef>

#include "relucert/trainer/experiment.hpp"
#include "relucert/trainer/stats.hpp"

namespace relucert::experiments {

struct LinearTrainableVConfig {
    long d = 100;
    double mu = 0.1, alpha = 1e-8, stuck_loss = 1e-3;
    std::size_t iterations = 3000, seeds = 1000;
    static LinearTrainableVConfig for_scale(trainer::Scale s);
};

struct LinearTrainableVResult {
    std::size_t runs = 0, stuck = 0, same_sign = 0, mismatches = 0;  // mismatch: stuck != same sign
    std::size_t effective_mismatches = 0;  // stuck != same sign of v_i(0) + <w_i(0), a> (see .cpp)
    trainer::ProportionEstimate p_stuck, p_same;
    double max_abs_v_error = 0;    // converged runs: max_i ||v_i| - 1|
    double max_w_error = 0;        // converged runs: max_i |w_i - sgn(v_i) a|
    double max_converged_loss = 0, min_stuck_loss = 0, max_stuck_loss = 0;
    double max_balance_gap = 0;    // converged runs: max_i ||v_i| - |w_i||
};
LinearTrainableVResult linear_trainable_v(const LinearTrainableVConfig& c, std::uint64_t seed);
trainer::ExperimentReport run_linear_sec41_trainable_v(const trainer::ExperimentContext& ctx);
const trainer::Experiment& linear_sec41_trainable_v_experiment();

}  // namespace relucert::experiments
