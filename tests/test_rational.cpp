// Rational: exact parsing, printing, and the tightest double enclosure (checked by exact mpq
// comparison against the endpoints, never by floating point).
#include <catch2/catch.hpp>

#include <cfloat>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>

#include <gmp.h>

#include "relucert/rational.hpp"

using relucert::Interval;
using relucert::Rational;
using relucert::enclose;
using relucert::parse_rational;

namespace {

// Exact comparison of a double with a rational: sign of d - q.
int cmp(double d, const Rational& q) {
    REQUIRE(std::isfinite(d));
    mpq_t dq;
    mpq_init(dq);
    mpq_set_d(dq, d);  // exact
    const int c = mpq_cmp(dq, q.backend().data());
    mpq_clear(dq);
    return (c > 0) - (c < 0);
}

Rational exact(double d) {
    mpq_t dq;
    mpq_init(dq);
    mpq_set_d(dq, d);
    Rational r(dq);
    mpq_clear(dq);
    return r;
}

// The checker: I contains q exactly, is a point iff q is that double, and is tight (adjacent doubles).
// Returns "" or a description of the failure.
std::string check_enclosure(const Interval& I, const Rational& q) {
    const std::string what = "q = " + relucert::to_string(q) + ", enclosure [" + std::to_string(I.lo()) + ", " +
                             std::to_string(I.hi()) + "]";
    char buf[128];
    std::snprintf(buf, sizeof buf, " = [%a, %a]", I.lo(), I.hi());
    const std::string at = what + buf;
    const bool lo_ok = std::isinf(I.lo()) ? I.lo() < 0 : cmp(I.lo(), q) <= 0;
    const bool hi_ok = std::isinf(I.hi()) ? I.hi() > 0 : cmp(I.hi(), q) >= 0;
    if (!lo_ok || !hi_ok) return "does not contain q: " + at;
    const bool q_is_double = std::isfinite(I.lo()) && cmp(I.lo(), q) == 0;
    if (I.is_point() != q_is_double) return "point iff q is a double violated: " + at;
    if (!I.is_point() && std::nextafter(I.lo(), INFINITY) != I.hi()) return "not tight: " + at;
    return "";
}

}  // namespace

TEST_CASE("parse_rational accepts exact decimal, fraction and exponent forms", "[rational]") {
    CHECK(parse_rational("3/10") == Rational(3, 10));
    CHECK(parse_rational("-7") == Rational(-7));
    CHECK(parse_rational("+7") == Rational(7));
    CHECK(parse_rational("0.3") == Rational(3, 10));  // exactly 3/10, not the double 0.3
    CHECK(parse_rational("0.3") != exact(0.3));
    CHECK(parse_rational("1e-5") == Rational(1, 100000));
    CHECK(parse_rational("2.5E+3") == Rational(2500));
    CHECK(parse_rational("-0.125") == Rational(-1, 8));
    CHECK(parse_rational("6/4") == Rational(3, 2));  // lowest terms
    CHECK(parse_rational("-6/4") == Rational(-3, 2));
    CHECK(parse_rational("0") == Rational(0));
    CHECK(parse_rational("-0") == Rational(0));
    CHECK(parse_rational(".5") == Rational(1, 2));
    CHECK(parse_rational("5.") == Rational(5));
    CHECK(parse_rational("1.5e2") == Rational(150));
    CHECK(parse_rational("12345678901234567890123") == Rational(boost::multiprecision::mpz_int("12345678901234567890123")));
    CHECK(parse_rational("1e-400") ==
          Rational(1) / Rational(boost::multiprecision::pow(boost::multiprecision::mpz_int(10), 400)));
}

TEST_CASE("parse_rational rejects malformed text", "[rational]") {
    for (const char* bad : {"", "abc", "1/0", "inf", "-inf", "nan", "NaN", "1e", "1e+", "--1", "+-1", "1.2.3", "1/2/3",
                            "1,5", " 1", "1 ", "0x10", "1/", "/2", "e5", ".", "-", "1e5.5", "3/0.0"}) {
        INFO("text: '" << bad << "'");
        CHECK_THROWS_AS(parse_rational(bad), std::invalid_argument);
    }
    try {
        parse_rational("abc");
        FAIL("no exception");
    } catch (const std::invalid_argument& e) {
        CHECK(std::string(e.what()).find("abc") != std::string::npos);  // the message names the text
    }
}

TEST_CASE("to_string prints lowest terms", "[rational]") {
    CHECK(relucert::to_string(Rational(3, 10)) == "3/10");
    CHECK(relucert::to_string(Rational(6, 4)) == "3/2");
    CHECK(relucert::to_string(Rational(-6, 4)) == "-3/2");
    CHECK(relucert::to_string(Rational(-7)) == "-7");
    CHECK(relucert::to_string(Rational(0)) == "0");
    CHECK(relucert::to_string(parse_rational("2.5E+3")) == "2500");
    CHECK(relucert::to_string(parse_rational("1e-5")) == "1/100000");
    // Round trip.
    for (const char* t : {"3/10", "-22/7", "1/3", "123456789/1000", "-1"}) CHECK(relucert::to_string(parse_rational(t)) == t);
}

TEST_CASE("enclose(q) is the tightest double interval around q", "[rational]") {
    // Doubles give points.
    for (double d : {0.0, 1.0, -0.5, 0.1, 1e300, -1e-300, DBL_MAX, DBL_MIN, std::numeric_limits<double>::denorm_min(),
                     0x1.fffffffffffffp-1023, 3.0e-320}) {
        INFO(d);
        const Interval I = enclose(exact(d));
        CHECK(I.is_point());
        CHECK(I.lo() == d);
        CHECK(check_enclosure(I, exact(d)).empty());
    }
    // Non-doubles give adjacent doubles.
    for (const char* t : {"3/10", "1/3", "-1/3", "2/3", "1e-5", "-22/7", "1/10", "1e-320", "-1e-320", "1e-400",
                          "-1e-400", "1e300", "123456789012345678901234567890"}) {
        const Rational q = parse_rational(t);
        INFO(t);
        const Interval I = enclose(q);
        CHECK(check_enclosure(I, q).empty());
        CHECK_FALSE(I.is_point());
    }
    CHECK(enclose(Rational(3, 10)).contains(0.3));
    CHECK(enclose(parse_rational("1e-400")).lo() == 0.0);
    CHECK(enclose(parse_rational("1e-400")).hi() == std::numeric_limits<double>::denorm_min());
    // Beyond DBL_MAX: [DBL_MAX, +inf], still an enclosure.
    const Interval big = enclose(parse_rational("1e400"));
    CHECK(big.lo() == DBL_MAX);
    CHECK(big.hi() == INFINITY);
    CHECK(check_enclosure(big, parse_rational("1e400")).empty());
    CHECK(enclose(parse_rational("-1e400")).lo() == -INFINITY);
    CHECK(relucert::to_double(Rational(3, 10)) == 0.3);
    CHECK(relucert::to_double(Rational(1, 3)) == 1.0 / 3.0);
}

TEST_CASE("enclose(q) on random rationals", "[rational]") {
    std::mt19937_64 rng(42);
    long n = 0;
    for (int i = 0; i < 20000; ++i) {
        // Random numerator and denominator with up to ~120 bits each, random decimal scale.
        boost::multiprecision::mpz_int num = rng() >> (rng() % 64), den = (rng() >> (rng() % 64)) | 1;
        for (int k = static_cast<int>(rng() % 3); k > 0; --k) {
            num = num * rng() + rng() % 7;
            den = den * (rng() | 1);
        }
        if (rng() & 1) num = -num;
        Rational q(num, den);
        const int e = static_cast<int>(rng() % 700) - 350;
        const auto p10 = boost::multiprecision::pow(boost::multiprecision::mpz_int(10), static_cast<unsigned>(std::abs(e)));
        q = e >= 0 ? q * Rational(p10) : q / Rational(p10);
        const std::string msg = check_enclosure(enclose(q), q);
        INFO(msg);
        CHECK(msg.empty());
        ++n;
    }
    CHECK(n == 20000);
}

TEST_CASE("the enclosure checker catches a wrong enclosure", "[rational]") {
    const Rational q(1, 3);
    const Interval I = enclose(q);
    REQUIRE(check_enclosure(I, q).empty());
    // Shrunk by one ulp at either end: excludes q.
    CHECK_FALSE(check_enclosure(Interval(I.lo(), I.lo()), q).empty());
    CHECK_FALSE(check_enclosure(Interval(I.hi(), I.hi()), q).empty());
    // Widened by one ulp: contains q but is not tight.
    CHECK_FALSE(check_enclosure(Interval(std::nextafter(I.lo(), -INFINITY), I.hi()), q).empty());
    // The round-to-nearest double as a point: wrong (1/3 is not a double).
    CHECK_FALSE(check_enclosure(Interval(1.0 / 3.0), q).empty());
    // A double q with a non-point enclosure: wrong.
    CHECK_FALSE(check_enclosure(Interval(0.5, std::nextafter(0.5, 1.0)), Rational(1, 2)).empty());
}
