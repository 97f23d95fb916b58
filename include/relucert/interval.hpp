// Interval: a closed, non-empty interval [lo, hi] of doubles with outward-rounded arithmetic.
//
// Contract (what every operation guarantees): for all real x in X (and y in Y), op(x, y) lies in
// op(X, Y). Endpoints may be infinite (-inf as lo, +inf as hi), meaning the interval is unbounded on
// that side; an endpoint is never NaN and lo is never +inf, hi never -inf. There is no empty interval:
// an operation whose result would be empty (sqrt of [-2,-1], x / [0,0]) throws DomainError.
//
// Rounding: every endpoint is computed with relucert::rounding (rounding.hpp), which gets directed
// rounding from error-free transformations in the default round-to-nearest mode. No global rounding
// state is read or written, so Intervals are safe to use from any number of threads.
//
// Set-based semantics at domain boundaries (as in IEEE 1788): sqrt, log, acos, asin and friends
// return an enclosure of the image of X intersected with the function's domain. Example: sqrt([-1e-17,
// 4]) = [0, 2]. A claim that evaluates such a function must itself guarantee that its true argument
// lies in the domain (the claim layer states this); the arithmetic never invents values outside.
// Division by an interval containing 0 returns the whole line [-inf, +inf].
//
// Conversions: Interval(double) is implicit and exact, so generic model code can write 2 * x or
// x + 0.5. A decimal literal like 0.1 is NOT one tenth: use Interval::from_rational or relucert's
// Rational type for such parameters.
#pragma once

#include <algorithm>
#include <cmath>
#include <iosfwd>
#include <stdexcept>
#include <string>

#include "relucert/rounding.hpp"

namespace relucert {

// Thrown when an operation's result would be the empty set, or on NaN input.
struct DomainError : std::domain_error {
    using std::domain_error::domain_error;
};

class Interval {
public:
    constexpr Interval() noexcept : lo_(0.0), hi_(0.0) {}
    Interval(double x) : lo_(x), hi_(x) {  // NOLINT: implicit on purpose (exact conversion)
        if (std::isnan(x) || std::isinf(x)) throw DomainError("Interval: point must be a finite number");
    }
    Interval(int x) noexcept : lo_(x), hi_(x) {}  // NOLINT: exact
    Interval(double lo, double hi) : lo_(lo), hi_(hi) {
        if (!(lo <= hi) || lo == rounding::kInf || hi == -rounding::kInf)
            throw DomainError("Interval: need lo <= hi, no NaN, lo < +inf, hi > -inf");
    }

    static Interval entire() noexcept { return Interval(Unchecked{}, -rounding::kInf, rounding::kInf); }
    // Fast constructor for endpoints already known valid (used by the arithmetic itself).
    static Interval unchecked(double lo, double hi) noexcept { return Interval(Unchecked{}, lo, hi); }
    // The enclosure of num/den, den != 0, computed with directed rounding.
    static Interval from_ratio(long long num, long long den);

    double lo() const noexcept { return lo_; }
    double hi() const noexcept { return hi_; }
    bool is_point() const noexcept { return lo_ == hi_; }
    bool is_bounded() const noexcept { return std::isfinite(lo_) && std::isfinite(hi_); }
    // Midpoint (a double inside the interval; 0 for the entire line, +-DBL_MAX for half-lines).
    double mid() const noexcept;
    // Width hi - lo rounded up (an upper bound of the true width).
    double width() const noexcept { return rounding::sub_up(hi_, lo_); }
    // Magnitude max |x| and mignitude min |x| over the interval (both exact).
    double mag() const noexcept { return std::max(std::fabs(lo_), std::fabs(hi_)); }
    double mig() const noexcept { return (lo_ > 0) ? lo_ : (hi_ < 0 ? -hi_ : 0.0); }

    bool contains(double x) const noexcept { return lo_ <= x && x <= hi_; }
    bool contains(const Interval& y) const noexcept { return lo_ <= y.lo_ && y.hi_ <= hi_; }
    bool contains_zero() const noexcept { return lo_ <= 0.0 && 0.0 <= hi_; }
    bool interior_contains(const Interval& y) const noexcept { return lo_ < y.lo_ && y.hi_ < hi_; }

    // Certain comparisons: true only when the relation holds for every pair of points.
    bool certainly_positive() const noexcept { return lo_ > 0.0; }
    bool certainly_nonnegative() const noexcept { return lo_ >= 0.0; }
    bool certainly_negative() const noexcept { return hi_ < 0.0; }
    bool certainly_nonpositive() const noexcept { return hi_ <= 0.0; }

    Interval& operator+=(const Interval& y) noexcept;
    Interval& operator-=(const Interval& y) noexcept;
    Interval& operator*=(const Interval& y) noexcept;
    Interval& operator/=(const Interval& y);

    friend bool operator==(const Interval& a, const Interval& b) noexcept = default;

private:
    struct Unchecked {};
    constexpr Interval(Unchecked, double lo, double hi) noexcept : lo_(lo), hi_(hi) {}
    double lo_, hi_;
};

std::ostream& operator<<(std::ostream& os, const Interval& x);
// "[lo, hi]" with both endpoints as C99 hex floats (exact round trip).
std::string to_hex_string(const Interval& x);

// ---- set operations ------------------------------------------------------------------------
inline Interval hull(const Interval& a, const Interval& b) noexcept {
    return Interval::unchecked(std::min(a.lo(), b.lo()), std::max(a.hi(), b.hi()));
}
// Intersection; throws DomainError if it is empty.
Interval intersect(const Interval& a, const Interval& b);

// ---- arithmetic (inline: the hot path of the search) ---------------------------------------
inline Interval operator+(const Interval& x) noexcept { return x; }
inline Interval operator-(const Interval& x) noexcept { return Interval::unchecked(-x.hi(), -x.lo()); }

inline Interval operator+(const Interval& x, const Interval& y) noexcept {
    return Interval::unchecked(rounding::add_down(x.lo(), y.lo()), rounding::add_up(x.hi(), y.hi()));
}
inline Interval operator-(const Interval& x, const Interval& y) noexcept {
    return Interval::unchecked(rounding::sub_down(x.lo(), y.hi()), rounding::sub_up(x.hi(), y.lo()));
}

inline Interval operator*(const Interval& x, const Interval& y) noexcept {
    using rounding::mul_down;
    using rounding::mul_up;
    const double a = x.lo(), b = x.hi(), c = y.lo(), d = y.hi();
    // Case analysis on signs (9 cases) so that only two products are needed except when both
    // intervals straddle zero.
    if (a >= 0) {
        if (c >= 0) return Interval::unchecked(mul_down(a, c), mul_up(b, d));
        if (d <= 0) return Interval::unchecked(mul_down(b, c), mul_up(a, d));
        return Interval::unchecked(mul_down(b, c), mul_up(b, d));
    }
    if (b <= 0) {
        if (c >= 0) return Interval::unchecked(mul_down(a, d), mul_up(b, c));
        if (d <= 0) return Interval::unchecked(mul_down(b, d), mul_up(a, c));
        return Interval::unchecked(mul_down(a, d), mul_up(a, c));
    }
    // a < 0 < b
    if (c >= 0) return Interval::unchecked(mul_down(a, d), mul_up(b, d));
    if (d <= 0) return Interval::unchecked(mul_down(b, c), mul_up(a, c));
    return Interval::unchecked(std::min(mul_down(a, d), mul_down(b, c)), std::max(mul_up(a, c), mul_up(b, d)));
}

// Division. A denominator containing 0 gives [-inf, +inf]; the denominator [0, 0] throws.
inline Interval operator/(const Interval& x, const Interval& y) {
    using rounding::div_down;
    using rounding::div_up;
    const double a = x.lo(), b = x.hi(), c = y.lo(), d = y.hi();
    if (c <= 0 && d >= 0) {
        if (c == 0 && d == 0) throw DomainError("division by the interval [0, 0]");
        return Interval::entire();
    }
    if (c > 0) {
        const double lo = (a >= 0) ? div_down(a, d) : div_down(a, c);
        const double hi = (b >= 0) ? div_up(b, c) : div_up(b, d);
        return Interval::unchecked(lo, hi);
    }
    // d < 0
    const double lo = (b >= 0) ? div_down(b, d) : div_down(b, c);
    const double hi = (a >= 0) ? div_up(a, c) : div_up(a, d);
    return Interval::unchecked(lo, hi);
}

inline Interval& Interval::operator+=(const Interval& y) noexcept { return *this = *this + y; }
inline Interval& Interval::operator-=(const Interval& y) noexcept { return *this = *this - y; }
inline Interval& Interval::operator*=(const Interval& y) noexcept { return *this = *this * y; }
inline Interval& Interval::operator/=(const Interval& y) { return *this = *this / y; }

// Mixed operations with double and int go through the exact conversions above.
inline Interval operator+(const Interval& x, double y) { return x + Interval(y); }
inline Interval operator+(double x, const Interval& y) { return Interval(x) + y; }
inline Interval operator-(const Interval& x, double y) { return x - Interval(y); }
inline Interval operator-(double x, const Interval& y) { return Interval(x) - y; }
inline Interval operator*(const Interval& x, double y) { return x * Interval(y); }
inline Interval operator*(double x, const Interval& y) { return Interval(x) * y; }
inline Interval operator/(const Interval& x, double y) { return x / Interval(y); }
inline Interval operator/(double x, const Interval& y) { return Interval(x) / y; }
inline Interval operator+(const Interval& x, int y) { return x + Interval(y); }
inline Interval operator+(int x, const Interval& y) { return Interval(x) + y; }
inline Interval operator-(const Interval& x, int y) { return x - Interval(y); }
inline Interval operator-(int x, const Interval& y) { return Interval(x) - y; }
inline Interval operator*(const Interval& x, int y) { return x * Interval(y); }
inline Interval operator*(int x, const Interval& y) { return Interval(x) * y; }
inline Interval operator/(const Interval& x, int y) { return x / Interval(y); }
inline Interval operator/(int x, const Interval& y) { return Interval(x) / y; }

// x^2 (tighter than x * x: the result is non-negative).
inline Interval sqr(const Interval& x) noexcept {
    const double mg = x.mig(), mx = x.mag();
    return Interval::unchecked(rounding::mul_down(mg, mg), rounding::mul_up(mx, mx));
}
inline Interval abs(const Interval& x) noexcept { return Interval::unchecked(x.mig(), x.mag()); }
inline Interval min(const Interval& x, const Interval& y) noexcept {
    return Interval::unchecked(std::min(x.lo(), y.lo()), std::min(x.hi(), y.hi()));
}
inline Interval max(const Interval& x, const Interval& y) noexcept {
    return Interval::unchecked(std::max(x.lo(), y.lo()), std::max(x.hi(), y.hi()));
}

// x^n for any integer n (n < 0: 1 / x^-n; n = 0: 1, also for x containing 0).
Interval pow(const Interval& x, int n);

}  // namespace relucert
