// The closed-form audit of "Learning ReLUs via Gradient Descent" (certify/audit/soltanolkotabi_*.cpp): every
// item runs and matches its expectation, the printed forms that disagree are refuted by a proof, and each
// Monte Carlo / finite-difference / rewrite check rejects a mutated closed form (a sign, a factor 2) on
// the same sample -- the checks are the items' own functions, called with the mutant.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <set>

#include "audit/soltanolkotabi_common.hpp"
#include "audit_testing.hpp"
#include "relucert/rational.hpp"
#include "soltanolkotabi/reduced.hpp"

using namespace relucert;
using namespace relucert::audit;
namespace sa = relucert::audit::soltanolkotabi;
using sa::M;

using relucert::testing::quick_ctx;

namespace {
constexpr double kPi = std::numbers::pi;
}  // namespace

TEST_CASE("audit_soltanolkotabi_every_item_matches_its_expectation", "[audit][soltanolkotabi]") {
    const auto items = audit_items_for_paper("soltanolkotabi");
    std::set<std::string> ids;
    for (const auto* it : items) ids.insert(it->id);
    for (const char* id : {"soltanolkotabi.grad-eq3-1", "soltanolkotabi.grad-eq3-1.printed", "soltanolkotabi.grad-eq3-1.kernel",
                           "soltanolkotabi.grad-eq3-1.sign-probability", "soltanolkotabi.grad-eq3-1.activation-covariance",
                           "soltanolkotabi.grad-eq3-1.population", "soltanolkotabi.grad-eq3-1.sgn0",
                           "soltanolkotabi.proj-7-34.first-iterate", "soltanolkotabi.step-6-11.one-step-error",
                           "soltanolkotabi.eq2-1.almt-integral", "soltanolkotabi.eq6-2", "soltanolkotabi.eq6-2.printed",
                           "soltanolkotabi.fn1", "soltanolkotabi.fn1.printed"})
        CHECK(ids.count(id) == 1);
    CHECK(relucert::testing::check_paper_audit("soltanolkotabi") == items.size());
}

TEST_CASE("audit_soltanolkotabi_monte_carlo_checks_reject_their_mutants", "[audit][soltanolkotabi][mutation]") {
    const auto ctx = quick_ctx();
    // the kernel with (pi + theta) for (pi - theta)
    const auto kernel_sign = sa::kernel_monte_carlo(ctx, [](double a, double b, double t) {
        return a * b * (std::sin(t) + (kPi + t) * std::cos(t)) / (2 * kPi);
    });
    CHECK_FALSE(kernel_sign.agree);
    CHECK(kernel_sign.score > 4);
    // P(sgn differ) = theta / (2 pi): a factor 2
    const auto sign_half = sa::sign_probability_monte_carlo(ctx, [](double t) { return t / (2 * kPi); });
    CHECK_FALSE(sign_half.agree);
    CHECK(sign_half.score > 4);
    // E[1{w'x > 0} x x'] = I
    const auto cov = sa::activation_covariance_monte_carlo(ctx, 1.0);
    CHECK_FALSE(cov.agree);
    CHECK(cov.score > 4);
    // the population gradient without the factor 2 of (1 + sgn), i.e. half of it
    const auto half = sa::population_gradient_vs_trainer(ctx, [](const Vec<double>& w, const Vec<double>& ws) {
        return vscale(0.5, sa::population_gradient(w, ws));
    });
    CHECK_FALSE(half.at(0).agree);
    CHECK(half.at(0).score > 4);
    CHECK(half.at(1).agree);  // the trainer still sums what it should
    // the first iterate at twice its population value (factor 4 c0, i.e. a step eta_0 = 4)
    const auto first = sa::first_iterate_monte_carlo(ctx, [](double c0) { return 4 * c0; });
    CHECK_FALSE(first.agree);
    CHECK(first.score > 4);
    // the limit-point first iterate with (pi + t) for (pi - t) on the w* component
    const auto limit = sa::limit_point_monte_carlo(ctx, [](double t) {
        return Vec<double>{2 * (std::sin(t) * std::cos(t) + (kPi + t)) / kPi, 2 * std::sin(t) * std::sin(t) / kPi, 0.0};
    });
    CHECK_FALSE(limit.agree);
    CHECK(limit.score > 4);
    // ALMT with the sign of tau phi(tau) flipped
    const auto almt = sa::almt_integral_monte_carlo(ctx, [](double tau) {
        return 2 * ((1 + tau * tau) * gaussian_cdf(-tau) + tau * gaussian_pdf(tau));
    });
    CHECK_FALSE(almt.agree);
    CHECK(almt.score > 4);
    // E|g_t| = sqrt(t) (the approximation of the footnote, not the mean)
    const auto norm = sa::gaussian_norm_monte_carlo(ctx, [](int t) { return std::sqrt(static_cast<double>(t)); });
    CHECK_FALSE(norm.agree);
    CHECK(norm.score > 4);
}

TEST_CASE("audit_soltanolkotabi_fd_and_rewrite_checks_reject_their_mutants", "[audit][soltanolkotabi][mutation]") {
    const auto ctx = quick_ctx();
    // population gradient with the sign of the sin term flipped
    const auto fd = sa::population_gradient_fd(ctx, [](const Vec<M>& w, const Vec<M>& ws) {
        using std::sin;
        const M t = sa::angle_between(w, ws), nw = vnorm(w), ns = vnorm(ws);
        Vec<M> g(w.size(), mp(0));
        for (std::size_t i = 0; i < w.size(); ++i) g[i] = w[i] - (-ns * sin(t) * w[i] / nw + (pi<M>() - t) * ws[i]) / pi<M>();
        return g;
    });
    CHECK_FALSE(fd.agree);
    CHECK(fd.max_rel > 1e-3);
    // one-step error with +2 t sin t cos t: a proven gap
    const auto step = sa::one_step_error_rewrite(ctx, [](const M& t) {
        using std::cos;
        using std::sin;
        return (sin(t) * sin(t) + mp(2) * t * sin(t) * cos(t) + t * t) / (pi<M>() * pi<M>());
    });
    CHECK_FALSE(step.agree);
    CHECK(step.proven);
    // the true forms agree through the same functions
    CHECK(sa::one_step_error_rewrite(ctx, [](const M& t) { return relucert::soltanolkotabi::one_step_error2(t); }).agree);
    // (3.1) as printed disagrees by a proven gap whose relative size is n - 1 = 19
    const auto printed = sa::eq31_vs_loss_difference(ctx, true);
    CHECK(printed.proven);
    CHECK(printed.max_rel == Approx(19.0).epsilon(1e-6));
    CHECK(sa::eq31_vs_loss_difference(ctx, false).agree);
}

TEST_CASE("audit_soltanolkotabi_exact_values", "[audit][soltanolkotabi]") {
    // phi(t) = E|g_t|: phi(1) = sqrt(2/pi), phi(2) = sqrt(pi/2), phi(3) = 2 sqrt(2/pi)
    const auto phi = sa::gaussian_norm_means(3);
    auto near = [](const M& x, const char* decimal) {  // within 1e-45 of a 50-digit decimal
        const M diff = x - MpInterval::from_string(decimal, 256);
        return diff.lower_double_down() > -1e-45 && diff.upper_double_up() < 1e-45;
    };
    CHECK(near(phi[0], "0.79788456080286535587989211986876373695171726232987"));
    CHECK(near(phi[1], "1.2533141373155002512078826424055226265034933703050"));
    CHECK(near(phi[2], "1.5957691216057307117597842397375274739034345246597"));
    CHECK_FALSE(near(phi[2], "1.5957691216057307117597842397375284739034345246597"));
    // (6.2): line 3 at N = 10 is (1/2) sum_{n<=10} (n+1)(2n+1)/6 = 315/4; the printed end value is 60
    const auto L = sa::eq62_lines(10);
    CHECK(L.line3 == Rational(315, 4));
    CHECK(L.line8 == 60);
    CHECK(L.line6 == Rational(10 * 11 / 2 + 10, 2));
    for (int N = 1; N <= 8; ++N) {
        const auto l = sa::eq62_lines(N);
        Rational l4 = 0;
        for (int n = 1; n <= N; ++n) l4 += Rational((n + 1) * (n + 2), 6);  // (1/2) sum_n (n+1)(n+2)/3
        CHECK(l.line4 == l4);
    }
}
