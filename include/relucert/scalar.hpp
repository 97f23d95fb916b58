// Generic-scalar support. Model code is written once as templates on a scalar type T (double for the
// trainer, Interval for the search, MpInterval for the checker, Dual/Taylor for derivatives) and gets
// every constant through ScalarOps<T>, never from a double literal that is not exact.
//
// A specialisation of ScalarOps<T> provides:
//   static T pi();                          // pi (an enclosure for interval types)
//   static T from_rational(const Rational&); // the exact value, enclosed for interval types
// Elementary functions are found by argument-dependent lookup (sin(x), exp(x), erf(x), ...), so
// generic code writes `using std::sin; sin(x)` and works for double and for relucert's types.
#pragma once

#include <cmath>
#include <numbers>

#include "relucert/elementary.hpp"
#include "relucert/rational.hpp"

namespace relucert {

template <class T>
struct ScalarOps;

template <>
struct ScalarOps<double> {
    static double pi() { return std::numbers::pi; }
    static double from_rational(const Rational& q) { return to_double(q); }
};

template <>
struct ScalarOps<Interval> {
    static Interval pi() { return pi_interval(); }
    static Interval from_rational(const Rational& q) { return enclose(q); }
};

template <class T>
T pi() {
    return ScalarOps<T>::pi();
}
template <class T>
T from_rational(const Rational& q) {
    return ScalarOps<T>::from_rational(q);
}

// Functions double lacks under relucert's names, so generic code can call them for every T.
inline double gaussian_pdf(double x) { return std::exp(-0.5 * x * x) / std::sqrt(2.0 * std::numbers::pi); }
inline double gaussian_cdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }
inline double sqr(double x) { return x * x; }

}  // namespace relucert
