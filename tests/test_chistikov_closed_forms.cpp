// Closed forms and constants of Chistikov, Englert & Lazic, through the audit items that check them
// (certify/audit/chistikov_closed_forms.cpp, chistikov_yardsticks.cpp): each item runs and matches its
// expectation, and the same checks reject a mutated formula.
#include <catch2/catch.hpp>

#include <cmath>

#include "audit/chistikov_closed_forms.hpp"
#include "audit/chistikov_yardsticks.hpp"

using namespace relucert;
using namespace relucert::audit;
using namespace relucert::audit::chistikov;

namespace {
AuditContext quick_ctx() {
    AuditContext c;
    c.quick = true;
    return c;
}
void check_item(const std::string& id) {
    const AuditItem* it = find_audit_item(id);
    REQUIRE(it != nullptr);
    const auto r = run_audit_item(*it, quick_ctx());
    INFO(id << ": " << r.deciding().name << ": " << r.deciding().discrepancy << " " << r.deciding().measured << " at "
            << r.deciding().worst_point);
    CHECK(r.as_expected());
}
}  // namespace

TEST_CASE("chistikov.prop1: Proposition 1 (i) against FD of L and the trainer; the mutant without a_j is rejected", "[chistikov]") {
    check_item("chistikov.prop1");
    const auto mutant = prop1_checks(quick_ctx(), Prop1Variant::mutant_no_outer_factor);
    CHECK_FALSE(mutant[0].agree);  // FD
    CHECK_FALSE(mutant[1].agree);  // trainer
}

TEST_CASE("chistikov.balance: the identity, FD, GD's exact per-step drift h^2(ga^2 - |gw|^2); mutant rejected", "[chistikov]") {
    check_item("chistikov.balance");
    const auto mutant = balance_checks(quick_ctx(), BalanceVariant::mutant_flow_without_a);
    CHECK_FALSE(mutant[0].agree);
    CHECK(mutant[0].proven);  // an interval gap, not noise
}

TEST_CASE("chistikov.balance: GD drift is first order in the step over a fixed flow time", "[chistikov]") {
    const auto data = thm8_set("B");
    const auto a = balance_run(data, 2e-3, 2.0, 0.1, 3), b = balance_run(data, 1e-3, 2.0, 0.1, 3);
    INFO("drift " << a.total_drift << " " << b.total_drift);
    CHECK(a.total_drift > 0);
    CHECK(b.total_drift / a.total_drift > 0.4);
    CHECK(b.total_drift / a.total_drift < 0.6);
    CHECK(a.sign_preserved);
}

TEST_CASE("chistikov.asm2: delta > 0 on T8-A, T8-B; exactly degenerate T8-A', T8-B'; the bound underflows", "[chistikov]") {
    check_item("chistikov.asm2");
    check_item("chistikov.asm2.printed");
    CHECK(exact_eigenvector_orthogonal_to_vstar("T8-A'"));
    CHECK(exact_eigenvector_orthogonal_to_vstar("T8-B'"));
    CHECK_FALSE(exact_eigenvector_orthogonal_to_vstar("T8-A"));  // the unsymmetric ones are not degenerate
    CHECK_FALSE(exact_eigenvector_orthogonal_to_vstar("T8-B"));
    // log10 lambda_max = -(3/eps)(log10 m + 9 n Delta^2/delta^3 log10 n): a hand value at m = 10, n = 10, delta = Delta = 1, eps = 1/4
    const M v = asm2_log10_lambda_max(10, 10, 1.0, 1.0, M(1) / M(4));
    CHECK(v.contains(-12.0 * (1 + 90)));
}

TEST_CASE("chistikov.thm6-special: 459 = 17 * 27 and the special lambda satisfies Assumption 2; a wrong coefficient is rejected", "[chistikov]") {
    check_item("chistikov.thm6-special");
    const auto mutant = thm6_special_checks(quick_ctx(), 16 * 27);
    CHECK_FALSE(mutant[0].agree);
    CHECK_FALSE(mutant[1].agree);
    CHECK(mutant[1].proven);
}

TEST_CASE("chistikov.prop2: the yardstick closed form against RK4; the rate-squared mutant is rejected", "[chistikov]") {
    check_item("chistikov.prop2");
    const auto mutant = prop2_checks(quick_ctx(), YardstickVariant::mutant_rate_squared);
    CHECK_FALSE(mutant[0].agree);
}

TEST_CASE("yardstick crossing time on a hand example", "[chistikov]") {
    // x1 = (1,0), x2 = (1,1), y = (1,1), z = (1,-2), s = +1: I+ = {1}, gamma = e1/2, alpha = p e1 + (0,-2), c = 2,
    // p0 = 1; x2'alpha = p - 2 = 0 at p = 2: tau = (asinh(1) - asinh(1/2)) / (1/2).
    TrainingSet t;
    t.X = (Eigen::MatrixXd(2, 2) << 1, 1, 0, 1).finished();
    t.y = Eigen::Vector2d(1, 1);
    t.vstar = Eigen::Vector2d(1, 0);
    const auto ys = yardstick(t.columns<M>(), t.labels<M>(), Vec<M>{mp(1), mp(-2)}, 1);
    REQUIRE(ys.tau.size() == 1);
    CHECK(ys.order[0] == 1);
    const double hand = 2 * (std::log(1 + std::sqrt(2.0)) - std::log(0.5 + std::sqrt(1.25)));
    CHECK(std::abs(mid_double(ys.tau[0]) - hand) < 1e-14);
    CHECK(ys.tau[0].width() < 1e-60);
    // and alpha(tau) lies on x2's boundary: x2'alpha = 0 inside the enclosure
    const auto a = yardstick_at(ys, ys.tau[0]);
    CHECK((a[0] + a[1]).contains_zero());
    const auto rk = yardstick_rk4(t, Eigen::Vector2d(1, -2), 1, 3.0, 1e-3);
    REQUIRE(rk.tau.size() == 1);
    CHECK(std::abs(rk.tau[0] - hand) < 1e-9);
}
