// `relucert audit chistikov`: the items of issue 7 are registered and every item matches its expectation
// (quick mode); the Monte Carlo and trajectory checks reject mutants on the same samples.
#include <catch2/catch.hpp>

#include <set>

#include "audit/chistikov_data.hpp"
#include "audit_testing.hpp"
#include "audit/chistikov_pl.hpp"

using namespace relucert;
using namespace relucert::audit;
using namespace relucert::audit::chistikov;

using relucert::testing::quick_ctx;

namespace {
}  // namespace

TEST_CASE("audit_chistikov_every_item_matches_its_expectation", "[audit][chistikov]") {
    const auto items = audit_items_for_paper("chistikov");
    std::set<std::string> ids;
    for (const auto* it : items) ids.insert(it->id);
    // the items of this issue (other helpers may add more chistikov items: only these are required)
    for (const char* id : {"chistikov.prop1", "chistikov.balance", "chistikov.prop2", "chistikov.lemma3", "chistikov.lemma4", "chistikov.lemma5", "chistikov.asm2", "chistikov.asm2.printed",
                           "chistikov.thm6", "chistikov.thm6-special", "chistikov.thm8-zmatrix", "chistikov.thm8-orthogonal", "chistikov.pl", "chistikov.asm1-prob", "chistikov.data-schemes",
                           "chistikov.data-schemes.printed"})
        CHECK(ids.count(id) == 1);
    CHECK(relucert::testing::check_paper_audit("chistikov", /*printed_needs_proof=*/false) == items.size());
}

TEST_CASE("chistikov.pl: a PL constant 1000 times the printed one is refuted by the same trajectories", "[audit][chistikov]") {
    const auto ok = pl_checks(quick_ctx(), 1.0), bad = pl_checks(quick_ctx(), 1000.0);
    CHECK(ok[0].agree);
    CHECK_FALSE(bad[0].agree);
}

TEST_CASE("chistikov.asm1-prob: the Monte Carlo rejects 1 - (3/4)^m as the probability; the solid angle is a probability <= 1/2",
          "[audit][chistikov]") {
    const auto mutant = asm1_prob_checks(quick_ctx(), Asm1Variant::mutant_bound_as_equality);
    CHECK_FALSE(mutant[0].agree);
    for (const char* key : {"A", "Ap", "B", "Bp"}) {
        const M q = polar_cone_probability(thm8_set(key));
        CHECK(q.certainly_positive());
        CHECK((M(1) / M(2) - q).certainly_positive());
    }
    // orthant: x_i = e_i, the polar cone is the negative orthant, q = 1/8 exactly
    TrainingSet t;
    t.X = Eigen::Matrix3d::Identity();
    t.y = Eigen::Vector3d::Ones();
    t.vstar = Eigen::Vector3d::Ones().normalized();
    CHECK(polar_cone_probability(t).contains(0.125));
    CHECK(asm1_probability(M(1) / M(2), 3).contains(1 - 27.0 / 64));  // q = 1/2 attains the paper's bound
}

TEST_CASE("chistikov.data-schemes: the limit of |v* - mu| and the printed sqrt(rho) are told apart", "[audit][chistikov]") {
    const double rho = std::sqrt(2.0) - 1;
    CHECK(std::abs(distance_limit(rho) - std::sqrt(2 - 2 * std::pow(2.0, -0.25))) < 1e-15);
    CHECK(std::sqrt(rho) - distance_limit(rho) > 0.07);
    const auto printed = data_schemes_checks(quick_ctx(), true);
    CHECK_FALSE(printed[1].agree);
}
