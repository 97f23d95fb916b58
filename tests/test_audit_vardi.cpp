// The closed-form audit of Vardi, Yehudai, Shamir (certify/audit/vardi_*.cpp) and its models
// (models/single_neuron_bias.hpp): every item runs and matches its expectation; each Monte Carlo check
// rejects its mutant on the same sample; the cap integrals and moments reproduce exact known answers.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "audit/vardi_common.hpp"
#include "audit_testing.hpp"
#include "relucert/audit/audit.hpp"
#include "relucert/models/arc_cosine_kernel.hpp"
#include "relucert/models/single_neuron_bias.hpp"

using namespace relucert;
using namespace relucert::audit;

using relucert::testing::quick_ctx;

namespace {
bool contains(const Interval& x, double v) { return x.lo() <= v && v <= x.hi(); }
bool overlaps(const Interval& a, const Interval& b) { return a.lo() <= b.hi() && b.lo() <= a.hi(); }
}  // namespace

TEST_CASE("vardi audit: every item as expected (quick)", "[vardi][audit]") {
    const auto items = audit_items_for_paper("vardi");
    REQUIRE(items.size() >= 17);
    CHECK(relucert::testing::check_paper_audit("vardi") == items.size());
}

TEST_CASE("vardi audit: Monte Carlo checks reject their mutants on the same sample", "[vardi][audit]") {
    const auto c = quick_ctx();
    CHECK(vardi::eq3_gaussian_mc(c).agree);
    CHECK_FALSE(vardi::eq3_gaussian_mc(c, 1).agree);
    CHECK(vardi::rem43_gaussian_mc(c).agree);
    CHECK_FALSE(vardi::rem43_gaussian_mc(c, 1).agree);
    for (bool ball : {false, true}) {
        CHECK(vardi::moments_mc(c, ball).agree);
        CHECK_FALSE(vardi::moments_mc(c, ball, 1).agree);
        CHECK_FALSE(vardi::moments_mc(c, ball, 2).agree);
    }
    CHECK(vardi::rem33a_mc(c).agree);
    CHECK_FALSE(vardi::rem33a_mc(c, 1).agree);
    CHECK(vardi::cube_init_mc(c).agree);
    CHECK_FALSE(vardi::cube_init_mc(c, 1).agree);
    CHECK(vardi::angle_mc(c).agree);
    CHECK_FALSE(vardi::angle_mc(c, 1).agree);
    CHECK(vardi::tau_mc(c).agree);
    CHECK_FALSE(vardi::tau_mc(c, 1).agree);
}

TEST_CASE("single_neuron_bias: cap integrals and moments against exact answers", "[vardi]") {
    // Wallis: W_2 = pi/2, W_3 = 4/3, W_6 = 5 pi/16.
    CHECK(contains(models::wallis_integral(2), std::numbers::pi / 2));
    CHECK(contains(models::wallis_integral(3) * Interval(3), 4.0));
    CHECK(contains(models::wallis_integral(6) * Interval(16) / Interval(5), std::numbers::pi));
    // Archimedes: u_1 is uniform on [-1, 1] on the sphere of R^3: P(u_1 >= t) = (1 - t)/2.
    for (double t : {-0.75, 0.0, 0.5, 0.875}) CHECK(contains(models::sphere_u1_tail(3, Interval(t)), (1 - t) / 2));
    // Circle (d = 2): P(u_1 >= cos a) = a/pi.
    CHECK(contains(models::sphere_u1_tail(2, Interval(0.5)) * Interval(3), 1.0));
    // Ball of R^3: x_1 has density 3/4 (1 - t^2): P(x_1 >= s) = (1 - s)^2 (2 + s)/4; E[(x_1 - s)_+] = (1 - s)^3 (3 + s)/16.
    for (double s : {-0.5, 0.25, 0.9}) {
        const double p = (1 - s) * (1 - s) * (2 + s) / 4, m1 = std::pow(1 - s, 3) * (3 + s) / 16;
        CHECK(contains(models::ball_x1_tail_moment(3, Interval(s), 0), p));
        CHECK(contains(models::ball_x1_tail_moment(3, Interval(s), 1), m1));
        // a mutated answer is excluded (the enclosures are narrow)
        CHECK_FALSE(contains(models::ball_x1_tail_moment(3, Interval(s), 0), p * (1 + 1e-6)));
    }
    // Ball moments: E x_1^2 = E[(x_1 - (-1))_+^2] - 2 E[x_1 + 1] + 1 = m2(-1) - 1 (E x_1 = 0).
    for (int d : {2, 3, 7}) {
        const auto m = models::unit_ball_input_moments(d);
        const Interval m2 = models::ball_x1_tail_moment(d, Interval(-1), 2) - Interval(1);
        CHECK(overlaps(m.x1_squared, m2));
        CHECK(overlaps(m.x1_positive_part, models::ball_x1_tail_moment(d, Interval(0), 1)));
    }
    CHECK(contains(models::unit_ball_input_moments(3).x1_positive_part * Interval(16), 3.0));
}

TEST_CASE("single_neuron_bias: Gaussian objective at zero biases is the arc-cosine kernel", "[vardi]") {
    // b_w = b_v = 0: F = |w|^2/4 + |v|^2/4 - |w||v| (sin t + (pi - t) cos t)/(2 pi).
    const std::vector<double> w{0.5, -1.25, 0.0, 0.0}, v{1.0, 0.5, -0.5, 0.0};
    const auto r = models::gaussian_neuron_objective(w, v);
    const double nw = std::sqrt(0.25 + 1.5625), nv = std::sqrt(1.5), ct = (0.5 - 0.625) / (nw * nv), t = std::acos(ct);
    const double F = nw * nw / 4 + nv * nv / 4 - nw * nv * (std::sin(t) + (std::numbers::pi - t) * ct) / (2 * std::numbers::pi);
    CHECK(std::fabs(0.5 * (r.F.lo() + r.F.hi()) - F) < 1e-12);
    CHECK(r.F.width() < 1e-9);
    // grad F(0) (sigma'(0) = 1) for b_v = 0: -(v~/2, |v~| phi(0)).
    const auto g = models::gaussian_neuron_grad_at_zero_sigma1(v);
    CHECK(contains(g[0], -0.5));
    CHECK(std::fabs(g[3].lo() + nv / std::sqrt(2 * std::numbers::pi)) < 1e-14);
}
