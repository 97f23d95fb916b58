// Soltanolkotabi (NIPS 2017) certified claims (certify/soltanolkotabi/): expected verdicts with replayed
// certificates, tight points, mutated constants that must be refuted, and point evaluations that prove
// the violations found by `relucert best`.
#include <catch2/catch.hpp>

#include <cmath>

#include "claim_testing.hpp"
#include "relucert/engine/certificate.hpp"
#include "relucert/engine/checker.hpp"
#include "relucert/engine/search.hpp"

using namespace relucert;
using namespace relucert::engine;

using namespace relucert::testing;

TEST_CASE("every soltanolkotabi claim gets its expected verdict, and its certificate replays", "[soltanolkotabi]") {
    for (const char* id : {"soltanolkotabi.contraction", "soltanolkotabi.contraction.quarter", "soltanolkotabi.contraction-near",
                           "soltanolkotabi.proj-two-point", "soltanolkotabi.proj-l0", "soltanolkotabi.l1-statdim",
                           "soltanolkotabi.proj-l2-ball"}) {
        INFO(id);
        const Claim* c = find_claim(id);
        REQUIRE(c != nullptr);
        const SearchResult r = certify(id);
        CHECK(r.verdict == c->info().expected);
        const auto check = check_certificate(make_certificate(*c, r));
        CHECK(check.valid);
        CHECK(check.verdict == r.verdict);
    }
}

TEST_CASE("the population contraction is tight at w = w* and its best factor is ~0.09527 (rho ~ 0.3087)", "[soltanolkotabi]") {
    const SearchResult r = certify("soltanolkotabi.contraction");
    REQUIRE(r.verdict == Verdict::Certified);
    bool at_wstar = false;
    for (const auto& t : r.tight_points) at_wstar = at_wstar || (t.point.size() == 2 && t.point[0] == PiAffine{1, 0} && t.point[1] == PiAffine{0, 0});
    CHECK(at_wstar);
    CHECK(certify("soltanolkotabi.contraction", {{"rho2", Rational(9528, 100000)}}).verdict == Verdict::Certified);
    CHECK(certify("soltanolkotabi.contraction", {{"rho2", Rational(9526, 100000)}}).verdict == Verdict::Refuted);
    // rho = 1/4 fails at a genuine point of E: on the boundary <w, w*> = |w*|^2/2 (p = 0), b = 0.85
    CHECK(eval_at("soltanolkotabi.contraction", {Rational(0), Rational(85, 100)}, {{"rho2", Rational(1, 16)}}).certainly_negative());
    CHECK(eval_at("soltanolkotabi.contraction", {Rational(0), Rational(85, 100)}, {{"rho2", Rational(1, 10)}}).certainly_positive());
}

TEST_CASE("near w* the population step contracts by far more than 1/4", "[soltanolkotabi]") {
    CHECK(certify("soltanolkotabi.contraction-near", {{"rho2", Rational(7, 1000)}}).verdict == Verdict::Certified);
    CHECK(certify("soltanolkotabi.contraction-near", {{"rho2", Rational(699, 100000)}}).verdict == Verdict::Refuted);
    // a wider cone (tmax = 1/4, theta <= 45 degrees) needs a larger factor: 1/100 is refuted there
    CHECK(certify("soltanolkotabi.contraction-near", {{"tmax", Rational(1, 4)}}).verdict == Verdict::Refuted);
}

TEST_CASE("projection constants: kappa = 2 is best for general nonconvex K, the golden ratio for sparse K", "[soltanolkotabi]") {
    CHECK(certify("soltanolkotabi.proj-two-point", {{"kappa", Rational(199, 100)}}).verdict == Verdict::Refuted);
    // the violation at a point with a unique projection (e = 1/1000 > 0)
    CHECK(eval_at("soltanolkotabi.proj-two-point", {Rational(1, 1000)}, {{"kappa", Rational(199, 100)}}).certainly_negative());
    CHECK(certify("soltanolkotabi.proj-l0", {{"kappa2", Rational(2618034, 1000000)}}).verdict == Verdict::Certified);
    CHECK(certify("soltanolkotabi.proj-l0", {{"kappa2", Rational(2618033, 1000000)}}).verdict == Verdict::Refuted);
    // kappa = 1 (the convex constant) fails for hard thresholding at z = (0.6, 0.6) -> q = 3/8, v = 1
    CHECK(eval_at("soltanolkotabi.proj-l0", {Rational(3, 8), Rational(1)}, {{"kappa2", Rational(1)}}).certainly_negative());
}

TEST_CASE("l2 ball: kappa = 1 through the factor |z| + 1 - 2 <z/|z|, w*>, tight only at z = w* on the sphere", "[soltanolkotabi]") {
    CHECK(certify("soltanolkotabi.proj-l2-ball", {{"L", Rational(1, 1000)}}).verdict == Verdict::Refuted);
    CHECK(eval_at("soltanolkotabi.proj-l2-ball", {Rational(0), Rational(1)}, {{"L", Rational(0)}}).contains(0.0));
    // the reduction: (|z - w*|^2 - |P(z) - w*|^2) / (|z| - 1) in d = 5 equals the claim's function at (r, c)
    std::uint64_t state = 12345;
    auto uni = [&] {  // a small LCG is enough for test points
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<double>(state >> 11) * 0x1p-53 * 2 - 1;
    };
    for (int k = 0; k < 50; ++k) {
        double z[5], ws[5], nz = 0, nw = 0;
        for (int i = 0; i < 5; ++i) z[i] = 2 * uni(), ws[i] = uni(), nz += z[i] * z[i], nw += ws[i] * ws[i];
        nz = std::sqrt(nz), nw = std::sqrt(nw);
        if (nz <= 1.01) continue;
        const double shrink = nw > 1 ? 1 / nw : 1;  // w* in the ball
        double d1 = 0, d2 = 0, c = 0;
        for (int i = 0; i < 5; ++i) {
            ws[i] *= shrink;
            d1 += (z[i] - ws[i]) * (z[i] - ws[i]);
            d2 += (z[i] / nz - ws[i]) * (z[i] / nz - ws[i]);
            c += z[i] / nz * ws[i];
        }
        const Interval f = eval_at("soltanolkotabi.proj-l2-ball", {Rational(nz - 1), Rational(c)}, {{"L", Rational(0)}});
        CHECK(std::abs((d1 - d2) / (nz - 1) - f.lo()) < 1e-9);
        CHECK(f.lo() >= 0);
    }
}

TEST_CASE("the l1 ALMT infimum at d = 1000, s = 20 lies in [104.18139, 104.18140]", "[soltanolkotabi]") {
    CHECK(certify("soltanolkotabi.l1-statdim", {{"L", Rational(10418139, 100000)}}).verdict == Verdict::Certified);
    CHECK(certify("soltanolkotabi.l1-statdim", {{"L", Rational(10418140, 100000)}}).verdict == Verdict::Refuted);
    // the upper bound by one interval evaluation at tau = 1.7174
    CHECK(eval_at("soltanolkotabi.l1-statdim", {Rational(17174, 10000)}, {{"L", Rational(10418140, 100000)}}).certainly_negative());
    // the enclosure itself at tau = 1.7174
    const Interval j = eval_at("soltanolkotabi.l1-statdim", {Rational(17174, 10000)}, {{"L", Rational(0)}});
    CHECK(j.lo() > 104.18);
    CHECK(j.hi() < 104.19);
}
