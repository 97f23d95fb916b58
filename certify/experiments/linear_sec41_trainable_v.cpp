#include "experiments/linear_sec41_trainable_v.hpp"

#include <cmath>

#include "experiments/linear_common.hpp"
#include "relucert/trainer/init.hpp"

namespace relucert::experiments {

using namespace relucert::trainer;
using namespace relucert::experiments::linear;

LinearTrainableVConfig LinearTrainableVConfig::for_scale(Scale s) {
    LinearTrainableVConfig c;
    if (s == Scale::ci) {
        c.iterations = 2000;
        c.seeds = 200;
    }
    return c;
}

LinearTrainableVResult linear_trainable_v(const LinearTrainableVConfig& c, std::uint64_t seed) {
    LinearTrainableVResult R;
    Rng rng(seed);
    const Eigen::VectorXd a = basis(c.d, 0);
    R.min_stuck_loss = INFINITY;
    for (std::size_t s = 0; s < c.seeds; ++s) {
        Rng r = rng.split();
        // Xavier normal for both layers (V is k x r = 2 x 1: N(0, 2/3)), times alpha.
        Network start(init::xavier_normal(2, c.d, c.alpha, r), init::xavier_normal(2, 1, c.alpha, r));
        const bool same = start.V(0, 0) * start.V(1, 0) > 0;
        // Linearised at 0 the population dynamics of unit i are exactly w += mu v a/2, v += mu <w, a>/2
        // (E[x x' 1{w'x > 0}] = I/2, E[a'x relu(w'x)] = <a, w>/2), whose growing mode is v + <w, a>: the
        // unit ends with the sign of v_i(0) + <w_i(0), a>, which is the sign of v_i(0) unless <w_i(0), a>
        // outweighs it.
        const double e0 = start.V(0, 0) + start.W.row(0).dot(a.transpose()), e1 = start.V(1, 0) + start.W.row(1).dot(a.transpose());
        const bool same_effective = e0 * e1 > 0;
        PopulationRunOptions o;
        o.mu = c.mu;
        o.iterations = c.iterations;
        o.record_every = c.iterations;
        o.train_outer = true;
        const auto run = run_population_gd(start, a.transpose(), o);
        const bool stuck = run.diverged || !(run.final_loss < c.stuck_loss);
        ++R.runs;
        R.stuck += stuck;
        R.same_sign += same;
        R.mismatches += stuck != same;
        R.effective_mismatches += stuck != same_effective;
        if (stuck) {
            R.min_stuck_loss = std::min(R.min_stuck_loss, run.final_loss);
            R.max_stuck_loss = std::max(R.max_stuck_loss, run.final_loss);
        } else {
            R.max_converged_loss = std::max(R.max_converged_loss, run.final_loss);
            for (int i = 0; i < 2; ++i) {
                const double v = run.final.V(i, 0);
                R.max_abs_v_error = std::max(R.max_abs_v_error, std::fabs(std::fabs(v) - 1));
                R.max_w_error = std::max(R.max_w_error, (run.final.W.row(i).transpose() - (v > 0 ? 1.0 : -1.0) * a).norm());
                R.max_balance_gap = std::max(R.max_balance_gap, std::fabs(std::fabs(v) - run.final.W.row(i).norm()));
            }
        }
    }
    R.p_stuck = wilson_interval(R.stuck, R.runs);
    R.p_same = wilson_interval(R.same_sign, R.runs);
    return R;
}

ExperimentReport run_linear_sec41_trainable_v(const ExperimentContext& ctx) {
    const auto c = LinearTrainableVConfig::for_scale(ctx.scale);
    const auto R = linear_trainable_v(c, ctx.seed);
    if (ctx.progress) ctx.progress(1);
    ExperimentReport rep;
    Trajectory t({"runs", "stuck", "same_sign", "mismatches", "p_stuck", "p_stuck_lo", "p_stuck_hi", "max_abs_v_error",
                  "max_w_error", "max_converged_loss", "min_stuck_loss", "max_stuck_loss"});
    const double row[] = {static_cast<double>(R.runs), static_cast<double>(R.stuck), static_cast<double>(R.same_sign),
                          static_cast<double>(R.mismatches), R.p_stuck.estimate, R.p_stuck.lower, R.p_stuck.upper,
                          R.max_abs_v_error, R.max_w_error, R.max_converged_loss, R.min_stuck_loss, R.max_stuck_loss};
    t.append(row);
    const std::string setup = "population GD on both layers, k = 2, d = " + std::to_string(c.d) + ", mu = " + fmt("%g", c.mu) +
                              ", a = e1, W0 and v0 = " + fmt("%g", c.alpha) + " Xavier normal, " + std::to_string(c.iterations) +
                              " iterations, " + std::to_string(c.seeds) + " seeds from " + std::to_string(ctx.seed) +
                              "; stuck = final loss >= " + fmt("%g", c.stuck_loss);
    const auto csv = ctx.out_dir / "linear.sec41-trainable-v.csv";
    write_csv(csv, {"linear.sec41-trainable-v", setup}, t);
    rep.files = {csv};
    rep.checks.push_back({"Sec. 4.1 (l. 121): iterates get stuck only when v1(0), v2(0) have the same sign (and, l. 87, converge otherwise)",
                          R.mismatches == 0,
                          std::to_string(R.mismatches) + " of " + std::to_string(R.runs) + " runs where 'stuck' and 'same sign' disagree (" +
                              std::to_string(R.effective_mismatches) + " disagree with the linearised predictor sgn(v_i(0) + <w_i(0), a>)); stuck loss in [" +
                              fmt("%.4f", R.min_stuck_loss) + ", " + fmt("%.4f", R.max_stuck_loss) + "]"});
    rep.checks.push_back({"Sec. 4.1: the probability of getting stuck is 1/2 (1/2 inside the Wilson 95% interval)",
                          R.p_stuck.lower <= 0.5 && 0.5 <= R.p_stuck.upper,
                          "P(stuck) = " + fmt("%.3f", R.p_stuck.estimate) + " [" + fmt("%.3f", R.p_stuck.lower) + ", " +
                              fmt("%.3f", R.p_stuck.upper) + "], P(same sign) = " + fmt("%.3f", R.p_same.estimate)});
    rep.checks.push_back({"Sec. 4.1 / l. 87: when it converges v -> +-1 (|v1| ~ |v2|) and w_i -> +-a (we: errors < 0.05)",
                          R.max_abs_v_error < 0.05 && R.max_w_error < 0.05,
                          "max ||v_i| - 1| = " + fmt("%.2e", R.max_abs_v_error) + ", max |w_i - sgn(v_i) a| = " + fmt("%.2e", R.max_w_error) +
                              ", max ||v_i| - |w_i|| = " + fmt("%.2e", R.max_balance_gap) + ", max final loss " + fmt("%.1e", R.max_converged_loss)});
    rep.summary = "ours: P(stuck) = " + fmt("%.3f", R.p_stuck.estimate) + " [" + fmt("%.3f", R.p_stuck.lower) + ", " +
                  fmt("%.3f", R.p_stuck.upper) + "], " + std::to_string(R.mismatches) + " stuck/same-sign mismatches | paper: stuck iff same sign, probability 1/2";
    return rep;
}

const Experiment& linear_sec41_trainable_v_experiment() {
    static const ExperimentRegistration registration(Experiment{
        "linear.sec41-trainable-v", "k = 2 with the outer layer trained too: stuck iff same-sign v(0) (Section 4.1)",
        "d = 100, mu = 0.1, a = e1, W0, v0 = 1e-8 Xavier normal (the paper's 'small'; its scale for v is not stated), population GD on "
        "both layers, 3000 iterations, 1000 seeds",
        "d = 100, 2000 iterations, 200 seeds",
        {"Sec. 4.1 (l. 121): stuck only when v1(0), v2(0) have the same sign, probability 1/2; when converging v -> +-1, w_i -> +-a",
         "l. 87: with opposite signs at init the outer weights end with opposite signs and |v1| ~ |v2|"},
        run_linear_sec41_trainable_v});
    (void)registration;
    return *find_experiment("linear.sec41-trainable-v");
}

namespace {
const bool registered = (linear_sec41_trainable_v_experiment(), true);
}

}  // namespace relucert::experiments
