// Exact rationals (GMP through Boost.Multiprecision) for claim parameters such as alpha = 3/10 that
// are not binary fractions. A parameter stays exact; it is enclosed only when it meets an interval.
#pragma once

#include <string>
#include <string_view>

#include <boost/multiprecision/gmp.hpp>

#include "relucert/interval.hpp"

namespace relucert {

using Rational = boost::multiprecision::mpq_rational;

// Parses "3/10", "-7", "0.3" (decimal, exactly 3/10), "1e-5", "2.5E+3", "0.5/0.25" (a quotient of
// two such numbers) into an exact rational. Throws std::invalid_argument with a message naming the
// text on anything else (inf, nan, "", "1/0", "1/2/3").
Rational parse_rational(std::string_view text);

// "p/q" in lowest terms, or "p" for integers.
std::string to_string(const Rational& q);

// The tightest Interval [down(q), up(q)] containing q (MPFR directed rounding); a point if q is a double.
// Beyond the double range it is a half-line, e.g. [DBL_MAX, +inf] for q > DBL_MAX.
Interval enclose(const Rational& q);

// Nearest double (round to nearest), for untrusted code (the trainer, the search's guesses).
double to_double(const Rational& q);

}  // namespace relucert
