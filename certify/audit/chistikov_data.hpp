// chistikov.asm1-prob and chistikov.data-schemes (certify/audit/chistikov_data.cpp), exposed for the
// tests (the same samples must reject the mutants).
#pragma once

#include <vector>

#include "audit/chistikov_common.hpp"

namespace relucert::audit::chistikov {

// q = P(z'x_i <= 0 for all i) for a rotation-invariant z: the polar cone's solid angle / 4 pi (n = d = 3).
M polar_cone_probability(const TrainingSet& data);
// P(Assumption 1 (ii)) = 1 - (1 - (1 - q)/2)^m.
M asm1_probability(const M& q, int m);
// mutant: compare the Monte Carlo with the paper's bound 1 - (3/4)^m as if it were the probability
enum class Asm1Variant { derived, mutant_bound_as_equality };
std::vector<CheckResult> asm1_prob_checks(const AuditContext& ctx, Asm1Variant variant);

struct DataSchemeStats {
    double mean_angle = 0, sd_angle = 0;         // over all angle(v*, x_i)
    double mean_distance = 0, se_distance = 0;   // |v* - mu|
    double fraction_in_setting = 0;              // datasets with every angle < pi/4 (l. 79)
};
DataSchemeStats data_scheme_stats(trainer::DataScheme scheme, Eigen::Index d, std::size_t datasets, trainer::Rng& rng);
// lim_{d -> inf} |v* - mu| for the uncentred scheme: sqrt(2 - 2/sqrt(1 + rho)).
double distance_limit(double rho);
// printed: compare E|v* - mu| with sqrt(rho) as l. 262 says (expected to disagree).
std::vector<CheckResult> data_schemes_checks(const AuditContext& ctx, bool printed);

}  // namespace relucert::audit::chistikov
