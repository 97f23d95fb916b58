// chistikov.pl and chistikov.thm6 along GD trajectories (certify/audit/chistikov_pl.cpp), exposed for the
// tests (a mutated PL constant must be refuted by the same runs).
#pragma once

#include <limits>
#include <vector>

#include "audit/chistikov_common.hpp"

namespace relucert::audit::chistikov {

struct PlRun {
    double eta_1 = 0, eta_d = 0, T1 = 0;
    double T2 = -1;  // < 0: nu_1/nu_1* never reached 1/2
    double min_ratio = std::numeric_limits<double>::infinity(), argmin_time = 0, loss_at_argmin = 0;  // ||grad L||^2 / L for t >= T2
    double loss_T2 = 0, min_thm6_margin = 1;  // min over t >= T2 of 1 - L / (0.5 Delta^2 exp(-(t - T2) 0.4 delta^4/Delta^2))
    double rate = 0, rate_bound = 0, final_loss = 0;
    DeltaTerms terms;  // delta with the run's initialisation
};
// GD (width 10) from the trainer's balanced init (seed), T1 = eps ln(1/lambda)/|gamma_[n]|.
PlRun pl_run(const TrainingSet& data, double step, double lambda, std::size_t max_iterations, std::uint64_t seed, double eps);

struct PlSetup {
    TrainingSet data;
    double step;
    std::size_t iterations;
};
std::vector<PlSetup> pl_setups(bool quick);
// The PL check with the constant 2 eta_d/(5 eta_1) multiplied by constant_factor (1: as read; a mutant
// multiplies it until the inequality must fail).
std::vector<CheckResult> pl_checks(const AuditContext& ctx, double constant_factor);
std::vector<CheckResult> thm6_checks(const AuditContext& ctx);

}  // namespace relucert::audit::chistikov
