// The checks behind chistikov.prop1, .balance, .asm2 and .thm6-special (certify/audit/
// chistikov_closed_forms.cpp), exposed with their mutants so that tests/test_chistikov_closed_forms.cpp
// runs the same code on a wrong formula and sees it rejected.
#pragma once

#include <string>
#include <vector>

#include "audit/chistikov_common.hpp"

namespace relucert::audit::chistikov {

// Prop. 1 (i) against FD of L, the trainer's gradient, and sigma'(0) := 0 at an exact kink.
std::vector<CheckResult> prop1_checks(const AuditContext& ctx, Prop1Variant variant);

// Balancedness: the identity, its FD version, and GD's per-step drift and halving.
enum class BalanceVariant { derived, mutant_flow_without_a };  // mutant: dw_j/dt = g_j (the factor a_j dropped)
std::vector<CheckResult> balance_checks(const AuditContext& ctx, BalanceVariant variant);

// One GD run (width 8, trainer's balanced init) observed at every step.
struct BalanceRun {
    double max_rel_step_error = 0;  // max |measured - predicted| / |predicted| of the per-step defect change
    std::size_t compared_steps = 0;
    double total_drift = 0;         // max_j |defect_end - defect_0|
    bool sign_preserved = true;     // sign(a_j^t) = s_j throughout
    double max_rel_unbalance = 0;   // max ||a_j| - |w_j|| / max(|a_j|, |w_j|)
    double final_loss = 0;
};
BalanceRun balance_run(const TrainingSet& data, double step, double flow_time, double lambda, std::uint64_t seed);

// delta's terms for the Theorem 8 and two Sec. 8 datasets, each with a width-200 init z_j ~ N(0, I/(dm))
// drawn from Rng(11).
struct Asm2Constants {
    TrainingSet data;
    DeltaTerms terms;
};
std::vector<Asm2Constants> asm2_constants();
// T8-A', T8-B' (exact): an eigenvector of XX' orthogonal to v*, so Assumption 1 (iii) fails; false for
// T8-A, T8-B (the same candidate vectors are not eigenvectors there).
bool exact_eigenvector_orthogonal_to_vstar(const std::string& dataset_name);
// log10 of Assumption 2's bound (m n^{9 n Delta^2/delta^3})^{-3/eps}, in MPFR.
M asm2_log10_lambda_max(int m, int n, double delta, double Delta, const M& eps);
// thm6-special with the printed coefficient (17 * 27) or a mutant.
std::vector<CheckResult> thm6_special_checks(const AuditContext& ctx, long coefficient);

}  // namespace relucert::audit::chistikov
