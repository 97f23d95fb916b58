// Tests of the rounding layer (rounding.hpp) and Interval arithmetic (interval.hpp) against exact
// MPFR results: directed results must bracket the exact value and be at most one ulp apart; interval
// operations must contain the exact result at the endpoints and at interior points.
#include <catch2/catch.hpp>

#include "mpfr_reference.hpp"
#include "relucert/interval.hpp"

using namespace relucert;
using namespace relucert::rounding;
using relucert::test::ArgGen;

namespace {

// Exact a o b in MPFR (2200 bits hold any sum or product of two doubles exactly; quotients and
// square roots are rounded in the direction asked).
enum class Op { add, sub, mul, div, sqrt };

int exact_cmp(Op op, double a, double b, double r, mpfr_rnd_t rnd_for_inexact) {
    mpfr_t x, y, z;
    mpfr_inits2(2200, x, y, z, (mpfr_ptr)nullptr);
    mpfr_set_d(x, a, MPFR_RNDN);
    mpfr_set_d(y, b, MPFR_RNDN);
    switch (op) {
        case Op::add: mpfr_add(z, x, y, MPFR_RNDN); break;
        case Op::sub: mpfr_sub(z, x, y, MPFR_RNDN); break;
        case Op::mul: mpfr_mul(z, x, y, MPFR_RNDN); break;
        case Op::div: mpfr_div(z, x, y, rnd_for_inexact); break;
        case Op::sqrt: mpfr_sqrt(z, x, rnd_for_inexact); break;
    }
    const int c = mpfr_cmp_d(z, r);  // >0: exact > r
    mpfr_clears(x, y, z, (mpfr_ptr)nullptr);
    return c;
}

double any_double(ArgGen& g) {
    switch (g.small_int(0, 7)) {
        case 0: return g.log_uniform(-1074, -1000, true);  // subnormal and tiny
        case 1: return g.log_uniform(1000, 1023, true);    // huge
        case 2: return g.small_int(-5, 5);
        case 3: return g.near(g.coin() ? 1.0 : 0x1p-969);
        default: return g.log_uniform(-200, 200, true);
    }
}

}  // namespace

TEST_CASE("succ and pred step one ulp, through zero, subnormals and infinity", "[rounding]") {
    CHECK(succ(0.0) == std::numeric_limits<double>::denorm_min());
    CHECK(pred(0.0) == -std::numeric_limits<double>::denorm_min());
    CHECK(succ(-std::numeric_limits<double>::denorm_min()) == 0.0);
    CHECK(succ(1.0) == 1.0 + 0x1p-52);
    CHECK(pred(1.0) == 1.0 - 0x1p-53);
    CHECK(succ(kMax) == INFINITY);
    CHECK(pred(-kMax) == -INFINITY);
    CHECK(succ(INFINITY) == INFINITY);
    CHECK(succ(-INFINITY) == -kMax);
    CHECK(pred(0x1p-1022) == 0x1p-1022 - std::numeric_limits<double>::denorm_min());
}

TEST_CASE("directed operations bracket the exact result and are at most one ulp apart", "[rounding]") {
    ArgGen g(11);
    for (int it = 0; it < 200000; ++it) {
        const double a = any_double(g), b = any_double(g);
        struct R {
            Op op;
            double lo, hi;
        };
        std::vector<R> rs{{Op::add, add_down(a, b), add_up(a, b)},
                          {Op::sub, sub_down(a, b), sub_up(a, b)},
                          {Op::mul, mul_down(a, b), mul_up(a, b)}};
        if (b != 0) rs.push_back({Op::div, div_down(a, b), div_up(a, b)});
        if (a >= 0) rs.push_back({Op::sqrt, sqrt_down(a), sqrt_up(a)});
        for (const auto& r : rs) {
            INFO("op " << int(r.op) << " a = " << test::hex(a) << " b = " << test::hex(b) << " -> [" << test::hex(r.lo) << ", "
                       << test::hex(r.hi) << "]");
            // lo <= exact <= hi (for the inexact ops, compare with the exact value rounded away at 2200 bits)
            if (std::isfinite(r.lo)) REQUIRE(exact_cmp(r.op, a, b, r.lo, MPFR_RNDD) >= 0);
            if (std::isfinite(r.hi)) REQUIRE(exact_cmp(r.op, a, b, r.hi, MPFR_RNDU) <= 0);
            // one ulp apart, except where the result is subnormal (then the exact error is not
            // available and both sides are widened: two ulps) or overflows
            if (std::isfinite(r.lo) && std::isfinite(r.hi) && std::fabs(r.lo) < kMax && std::fabs(r.hi) < kMax) {
                if (std::fabs(r.lo) >= 0x1p-1020 && std::fabs(r.hi) >= 0x1p-1020) REQUIRE((r.lo == r.hi || succ(r.lo) == r.hi));
                else REQUIRE(succ(succ(r.lo)) >= r.hi);
            }
        }
    }
}

TEST_CASE("exact operations stay points (error-free transformations detect exactness)", "[rounding]") {
    CHECK((Interval(0.5) + Interval(0.25)).is_point());
    CHECK((Interval(3.0) * Interval(7.0)).is_point());
    CHECK((Interval(1.0) / Interval(4.0)).is_point());
    CHECK(!(Interval(1.0) / Interval(3.0)).is_point());
    CHECK((Interval(1.0) + Interval(0x1p-60)).hi() == succ(1.0));
    CHECK(sqr(Interval(-3.0, 2.0)) == Interval(0.0, 9.0));
    CHECK(sqr(Interval(std::numeric_limits<double>::denorm_min())).lo() == 0.0);
}

TEST_CASE("interval + - * / contain the exact result at endpoints and interior points", "[interval]") {
    ArgGen g(12);
    auto add = [](mpfr_ptr o, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t r) { mpfr_add(o, a, b, r); };
    auto sub = [](mpfr_ptr o, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t r) { mpfr_sub(o, a, b, r); };
    auto mul = [](mpfr_ptr o, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t r) { mpfr_mul(o, a, b, r); };
    auto div = [](mpfr_ptr o, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t r) { mpfr_div(o, a, b, r); };
    std::vector<std::string> failures;
    for (int it = 0; it < 50000 && failures.size() < 5; ++it) {
        const double a0 = any_double(g), b0 = any_double(g);
        const Interval A = g.interval_at(a0, 10, -1e300, 1e300), B = g.interval_at(b0, 10, -1e300, 1e300);
        const Interval S = A + B, D = A - B, P = A * B;
        const bool can_div = !B.contains_zero();
        const Interval Q = can_div ? A / B : Interval::entire();
        for (double a : {A.lo(), A.hi(), g.uniform(A.lo(), A.hi())})
            for (double b : {B.lo(), B.hi(), g.uniform(B.lo(), B.hi())}) {
                for (auto m : {test::check_binary_at("add", add, A, B, S, a, b, 2200), test::check_binary_at("sub", sub, A, B, D, a, b, 2200),
                               test::check_binary_at("mul", mul, A, B, P, a, b, 2200)})
                    if (!m.empty()) failures.push_back(m);
                if (can_div) {
                    auto m = test::check_binary_at("div", div, A, B, Q, a, b, 2200);
                    if (!m.empty()) failures.push_back(m);
                }
            }
    }
    for (auto& m : failures) FAIL_CHECK(m);
    CHECK(failures.empty());
}

TEST_CASE("pow with integer exponents contains the MPFR value", "[interval]") {
    ArgGen g(13);
    std::vector<std::string> failures;
    for (int it = 0; it < 20000 && failures.size() < 5; ++it) {
        const int n = g.small_int(-7, 9);
        const double x0 = g.coin() ? g.uniform(-3, 3) : g.log_uniform(-60, 60, true);
        const Interval X = g.interval_at(x0, 2, -1e100, 1e100);
        if (n < 0 && X.contains_zero()) continue;
        const Interval F = pow(X, n);
        auto ref = [n](mpfr_ptr o, mpfr_srcptr x, mpfr_rnd_t r) { mpfr_pow_si(o, x, n, r); };
        for (double x : {X.lo(), X.hi(), g.uniform(X.lo(), X.hi())}) {
            auto m = test::check_unary_at("pow", ref, X, F, x);
            if (!m.empty()) failures.push_back(m + " n = " + std::to_string(n));
        }
        if (n % 2 == 0) CHECK(F.lo() >= 0);
    }
    for (auto& m : failures) FAIL_CHECK(m);
    CHECK(failures.empty());
}

TEST_CASE("infinite endpoints and zero follow the documented conventions", "[interval]") {
    const Interval pos(1.0, INFINITY), all = Interval::entire();
    CHECK((pos + pos) == Interval(2.0, INFINITY));
    CHECK((Interval(0.0) * all) == Interval(0.0));  // 0 * unbounded set = {0}
    CHECK((Interval(0.0, 1.0) * pos) == Interval(0.0, INFINITY));
    CHECK((Interval(1.0) / pos) == Interval(0.0, 1.0));
    CHECK((all - all) == all);
    CHECK(pow(Interval(-2, 3), 2) == Interval(0, 9));
    CHECK(pow(Interval(-2, 3), 3) == Interval(-8, 27));
    CHECK(pow(Interval(2.0), -1) == Interval(0.5));
    CHECK(pow(Interval(-1, 1), 0) == Interval(1.0));
    CHECK(Interval(kMax) * Interval(2.0) == Interval(kMax, INFINITY));
    CHECK(Interval(-5, INFINITY).mid() == kMax);
    CHECK(all.mid() == 0.0);
    CHECK(Interval::from_ratio(3, 10).contains(0.3));
    CHECK(!Interval::from_ratio(3, 10).is_point());
    CHECK_THROWS_AS(intersect(Interval(0, 1), Interval(2, 3)), DomainError);
}

TEST_CASE("the checker catches an addition that forgets to round outward (mutant)", "[interval]") {
    // [a.lo + b.lo, a.hi + b.hi] in round-to-nearest is not an enclosure; the same containment check
    // the real operation passes must reject it on a good share of inputs.
    ArgGen g(14);
    auto add = [](mpfr_ptr o, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t r) { mpfr_add(o, a, b, r); };
    int caught = 0;
    const int trials = 2000;
    for (int i = 0; i < trials; ++i) {
        const double a = g.uniform(-1, 1), b = g.uniform(-1e-3, 1e-3);
        const Interval A(a), B(b), mutant = Interval(a + b);
        if (!test::check_binary_at("mutant-add", add, A, B, mutant, a, b, 2200).empty()) ++caught;
        REQUIRE(test::check_binary_at("add", add, A, B, A + B, a, b, 2200).empty());
    }
    CHECK(caught > trials / 2);
}
