#include "relucert/rational.hpp"

#include <cctype>
#include <stdexcept>

#include <mpfr.h>

namespace relucert {

Rational parse_rational(std::string_view text) {
    auto fail = [&](const char* why) {
        return std::invalid_argument("not an exact number: '" + std::string(text) + "' (" + why + ")");
    };
    std::string s(text);
    if (s.empty()) throw fail("empty");
    const auto slash = s.find('/');
    if (slash != std::string::npos) {
        if (s.find('/', slash + 1) != std::string::npos) throw fail("more than one '/'");
        Rational num = parse_rational(s.substr(0, slash));
        Rational den = parse_rational(s.substr(slash + 1));
        if (den == 0) throw fail("zero denominator");
        return num / den;
    }
    std::size_t i = 0;
    bool negative = false;
    if (s[i] == '+' || s[i] == '-') negative = (s[i++] == '-');
    boost::multiprecision::mpz_int mant = 0;
    long long frac_digits = 0;
    bool any_digit = false, seen_point = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (std::isdigit(static_cast<unsigned char>(c))) {
            mant = mant * 10 + (c - '0');
            any_digit = true;
            if (seen_point) ++frac_digits;
        } else if (c == '.' && !seen_point) {
            seen_point = true;
        } else {
            break;
        }
    }
    if (!any_digit) throw fail("expected digits");
    long long exponent = 0;
    if (i < s.size()) {
        if (s[i] != 'e' && s[i] != 'E') throw fail("unexpected character");
        ++i;
        bool eneg = false;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) eneg = (s[i++] == '-');
        if (i == s.size()) throw fail("missing exponent");
        for (; i < s.size(); ++i) {
            if (!std::isdigit(static_cast<unsigned char>(s[i]))) throw fail("bad exponent");
            exponent = exponent * 10 + (s[i] - '0');
            if (exponent > 100000) throw fail("exponent too large");
        }
        if (eneg) exponent = -exponent;
    }
    exponent -= frac_digits;
    Rational q(mant);
    boost::multiprecision::mpz_int p10 = boost::multiprecision::pow(boost::multiprecision::mpz_int(10),
                                                                    static_cast<unsigned>(exponent < 0 ? -exponent : exponent));
    if (exponent >= 0) q *= Rational(p10);
    else q /= Rational(p10);
    return negative ? Rational(-q) : q;
}

std::string to_string(const Rational& q) {
    if (denominator(q) == 1) return numerator(q).str();
    return numerator(q).str() + "/" + denominator(q).str();
}

namespace {
double rational_to_double(const Rational& q, mpfr_rnd_t rnd) {
    mpfr_t t;
    mpfr_init2(t, 53);
    mpfr_set_q(t, q.backend().data(), rnd);
    const double d = mpfr_get_d(t, rnd);
    mpfr_clear(t);
    return d;
}
}  // namespace

Interval enclose(const Rational& q) {
    const double lo = rational_to_double(q, MPFR_RNDD), hi = rational_to_double(q, MPFR_RNDU);
    return Interval(lo, hi);  // q > DBL_MAX gives [DBL_MAX, inf]: still an enclosure
}

double to_double(const Rational& q) { return rational_to_double(q, MPFR_RNDN); }

}  // namespace relucert
