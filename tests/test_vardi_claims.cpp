// The vardi claims (certify/vardi/): expected verdicts, certificate replay, mutated constants refuted,
// and independent checks of the Lemma A.1 reduction: the closed form of Vol(P)
// (models/wedge_disc_area.hpp) against the rigorous integrator on the polar integral, against the
// proof's rectangles P1 u P2, and against Monte Carlo.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "relucert/engine/certificate.hpp"
#include "relucert/engine/checker.hpp"
#include "relucert/engine/search.hpp"
#include "relucert/models/wedge_disc_area.hpp"
#include "relucert/mp_interval.hpp"
#include "relucert/quadrature.hpp"

using namespace relucert;
using namespace relucert::engine;

namespace {
SearchResult certify(const std::string& id, std::vector<std::pair<std::string, Rational>> overrides = {}) {
    const Claim* c = find_claim(id);
    REQUIRE(c != nullptr);
    auto params = default_params(*c);
    for (const auto& [name, value] : overrides) {
        const int j = c->param_index(name);
        REQUIRE(j >= 0);
        params[static_cast<std::size_t>(j)] = value;
    }
    SearchOptions o;
    o.max_boxes = 100000;
    return run_search(*c, params, o);
}
}  // namespace

TEST_CASE("vardi claims get their expected verdicts and their certificates replay", "[vardi]") {
    for (const char* id : {"vardi.lemma-a1", "vardi.lemma-a1.negative-b"}) {
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

TEST_CASE("Lemma A.1's constant: 99/100 certified, 101/100 refuted (best constant 1, not 1/4)", "[vardi]") {
    CHECK(certify("vardi.lemma-a1", {{"c", Rational(99, 100)}}).verdict == Verdict::Certified);
    CHECK(certify("vardi.lemma-a1", {{"c", Rational(101, 100)}}).verdict == Verdict::Refuted);
    CHECK(certify("vardi.lemma-a1", {{"c", Rational(2)}}).verdict == Verdict::Refuted);
}

TEST_CASE("Vol(P): closed form = polar integral (rigorous quadrature) >= rectangles; Monte Carlo", "[vardi]") {
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> Dl(0.05, 3.14), Tt(-0.9, 0.95);
    for (int it = 0; it < 30; ++it) {
        const double delta = Dl(rng), t = Tt(rng);
        INFO("delta = " << delta << " t = " << t);
        const Interval closed = models::wedge_disc_area(Interval(delta), Interval(t));
        // Vol = (1 - t^2)^2 int_0^{delta/2} dphi / D^2 (upper limit delta/2 exact: delta is a double)
        const auto q = quadrature::integrate<10>(
            [t](const auto& phi) { return 1 / sqr(models::wedge_disc_denominator(phi, decltype(phi)(t))); }, 0.0,
            delta / 2, {1e-12, 20000});
        const Interval integral = sqr(Interval(1) - sqr(Interval(t))) * q.value;
        CHECK(q.converged);
        CHECK(!(integral.hi() < closed.lo() || closed.hi() < integral.lo()));  // both enclose Vol
        CHECK(closed.width() < 1e-12);
        // the MPFR evaluation of the closed form lies in both
        const MpInterval mclosed = models::wedge_disc_area(MpInterval(delta, 256), MpInterval(t, 256));
        CHECK(MpInterval(integral, 256).contains(mclosed));
        // the proof's rectangles (b' = t >= 0): area (1-t)^2 sin(delta/4) cos(delta/4) / 2 <= Vol,
        // and the printed bound sin(delta/2)(1-t)^2/4 is the same number
        if (t >= 0) {
            const Interval rect = sqr(Interval(1) - t) * sin(Interval(delta) / 4) * cos(Interval(delta) / 4) / 2;
            const Interval printed = sin(Interval(delta) / 2) * sqr(Interval(1) - t) / 4;
            CHECK(rect.hi() <= closed.lo());
            CHECK(!(rect.hi() < printed.lo() || printed.hi() < rect.lo()));
        }
    }
    // Monte Carlo at 10^6 points of the square [-1, 1]^2 for one (delta, b): P = {w'y > b, v'y > b, |y| <= 1}
    const double delta = 1.3, b = 0.2;
    const double t = b / std::sin(delta / 2);
    const double half = (M_PI - delta) / 2;  // w, v at angles +-(pi - delta)/2 from e2
    const double w1 = std::sin(half), w2 = std::cos(half);
    std::mt19937_64 g(9);
    std::uniform_real_distribution<double> U(-1, 1);
    std::size_t hits = 0;
    const std::size_t n = 1000000;
    for (std::size_t i = 0; i < n; ++i) {
        const double y1 = U(g), y2 = U(g);
        if (y1 * y1 + y2 * y2 <= 1 && w1 * y1 + w2 * y2 > b && -w1 * y1 + w2 * y2 > b) ++hits;
    }
    const double pr = static_cast<double>(hits) / n, mc = 4 * pr, se = 4 * std::sqrt(pr * (1 - pr) / n);
    const Interval vol = models::wedge_disc_area(Interval(delta), Interval(t));
    CHECK(std::fabs(mc - vol.mid()) <= 5 * se);
    // power: the area with b mutated by 0.02 is rejected
    const Interval volm = models::wedge_disc_area(Interval(delta), Interval((b + 0.02) / std::sin(delta / 2)));
    CHECK(std::fabs(mc - volm.mid()) > 5 * se);
}

TEST_CASE("Lemma A.1 with b < 0 fails for every b < 0 at small delta (printed hypothesis b in R)", "[vardi]") {
    // b = -1/2, delta = 1/50: Vol(P) <= pi (P is inside the unit disc) but the bound exceeds 6
    const Interval d = Interval(1) / 50, s = sin(d / 2);
    const Interval bound = sqr(s + 0.5) / (4 * s);
    CHECK(bound.lo() > 6);
    CHECK(bound.lo() > pi_interval().hi());
}
