// MpInterval: a closed, non-empty interval with MPFR endpoints, precision chosen at run time.
// The scalar type of the trusted checker (layer 4): the same model templates that the search runs
// on Interval are replayed on MpInterval at 128-512 bits.
//
// Contract (the same as Interval's, interval.hpp): for all real x in X (and y in Y), op(x, y) lies in
// op(X, Y). Endpoints may be infinite (-inf as lower, +inf as upper: unbounded on that side); an
// endpoint is never NaN, the lower is never +inf and the upper never -inf. There is no empty interval:
// a result that would be empty (sqrt([-2,-1]), log([0,0]), x / [0,0], asin([2,3]), atan2 at the
// origin only) throws DomainError. Set-based semantics at domain boundaries, as for Interval: sqrt,
// log, log1p, asin, acos of a partially-outside argument enclose the image of the part inside the
// domain. Division by an interval containing 0 gives [-inf, +inf] (not MPFI's tighter half-lines, so
// that MpInterval and Interval agree). Results are clipped to known ranges: sin, cos, erf in [-1, 1];
// erfc in [0, 2]; acos in [0, pi]; asin, atan in [-pi/2, pi/2]; atan2 in [-pi, pi]; Phi in [0, 1];
// phi in [0, 1/sqrt(2 pi)]; exp >= 0; expm1 >= -1; sqrt >= 0. atan2(y, x) is the angle of (x, y) in
// (-pi, pi] with the conventions of elementary.hpp: a box meeting the negative x-axis with y
// straddling 0 (y.lower < 0 <= y.upper) gives [-pi, pi]; a box containing the origin gives the hull
// of the angles of its other points (the box {origin} alone throws DomainError).
//
// Trusted primitives:
//   * MPFR's correct rounding in the directed modes MPFR_RNDD / MPFR_RNDU (mpfr_erf, mpfr_erfc,
//     mpfr_atan2, mpfr_pow_ui, mpfr_get_d, mpfr_strtofr, mpfr_set_q, ...);
//   * MPFI's outward rounding of +, -, *, /, sqr, neg, abs, sqrt, exp, expm1, log, log1p, sin, cos,
//     tan, atan, asin, acos and the constants pi, log 2 — called only on arguments inside the domain
//     (we intersect first) and checked for NaN afterwards.
// Not trusted / worked around (MPFI 1.5.3, found by tests/test_mp_interval.cpp and a probe):
//   * MPFI stores a zero lower endpoint as +0 and a zero upper endpoint as -0. mpfi_atan2 evaluates
//     mpfr_atan2 at the endpoints with those signs, so atan2([-1,0], [-2,-1]) comes out as
//     [-pi, -3pi/4], which misses the angle pi of the point (-1, 0), and atan2([0,0], [-2,-1]) gives
//     [-pi, pi] instead of pi. atan2 is therefore implemented here from mpfr_atan2 at the corners with
//     zeros normalised to +0 (and explicit cases for the cut and the origin); mpfi_atan2 is not used.
//   * mpfi_sqrt, mpfi_log, mpfi_asin, mpfi_acos return NaN endpoints on partially-outside arguments
//     (e.g. acos([-2, 0.5]) = [1.047..., NaN]) and mpfi_log([0,0]) = [-inf,-inf]: we intersect with
//     the domain first and throw on empty.
//   * mpfi_div by an interval touching 0 returns half-lines and mpfi_div by [0,0] returns the whole
//     line; both are replaced by Interval's rule above.
//   * mpfi_sin, mpfi_cos and mpfi_tan do not return (an endless loop, growing memory) on the point
//     -(1 + 2^-63) 2^(emin-1), a negative number of tiny magnitude near MPFR's minimum exponent,
//     which results such as -exp(-1e300) can produce; also on intervals with such an endpoint, e.g.
//     [-5, -(1 + 2^-63) 2^(emin-1)]. On arguments inside [-1, 1] we therefore use mpfr_sin /
//     mpfr_cos / mpfr_tan at the endpoints (monotone there; cos even), and outside [-1, 1] we first
//     widen endpoints of magnitude < 2^-1000 outward to 0 or +-2^-1000, then call MPFI. (Arguments near MPFR's maximum exponent, ~2^(2^30), are slow in MPFR itself:
//     reduction modulo pi needs that many bits. Model arguments never get there.)
//   * MPFI has no erf: erf, erfc, Phi are computed here by monotonicity from mpfr_erf / mpfr_erfc at the
//     endpoints with directed rounding; phi from exp and sqr (even, decreasing in |x|).
//   * MPFI's mpfi_init / mpfi_init_set_* use MPFR's default precision; we only ever call mpfi_init2.
//
// Precision: every MpInterval has a precision p >= 53 bits (kMinPrec, so that every double and every
// Interval converts exactly), given at construction. Results of a unary function get the argument's
// precision; results of a binary operation get the max of the operands' precisions (so a double
// operand, which converts exactly at 53 bits, never lowers the precision). Constants take an explicit
// precision; ScalarOps<MpInterval>::pi() and ::from_rational(q) use kDefaultPrec = 256 bits, with
// overloads taking the precision. Assignment copies the value and the precision of the right side.
//
// Thread safety: no global or thread_local mutable state is read or written here, and no MPFR default
// (precision, rounding mode, exponent range) is ever changed. MPFR keeps its flags, exponent range and
// constant caches in thread-local storage when built with TLS (mpfr_buildopt_tls_p(), true for
// Debian's libmpfr6; see MpInterval::mpfr_is_thread_safe()). MPFI's only global variables are the
// error flag mpfi_error, which none of the functions we call writes (checked by disassembling
// libmpfi 1.5.3: only mpfi_{set,reset,is}_error reference it), and the comparison function pointers
// mpfi_cmp*, which we never call or change. So distinct MpInterval objects may be used concurrently
// from any number of threads; one object is, like any value type, not for concurrent mutation.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include <mpfi.h>
#include <mpfr.h>

#include "relucert/interval.hpp"
#include "relucert/rational.hpp"
#include "relucert/scalar.hpp"

namespace relucert {

class MpInterval {
public:
    static constexpr mpfr_prec_t kMinPrec = 53;
    static constexpr mpfr_prec_t kDefaultPrec = 256;

    // [0, 0] at 53 bits.
    MpInterval();
    // Exact points at 53 bits; implicit on purpose, so generic code can write 2 * x or x + 0.5.
    // NaN or infinite x throws DomainError.
    MpInterval(double x);  // NOLINT
    MpInterval(int x);     // NOLINT
    // Exact points / intervals of doubles at precision prec (>= kMinPrec, else std::invalid_argument).
    MpInterval(double x, mpfr_prec_t prec);
    MpInterval(double lo, double hi, mpfr_prec_t prec);  // Interval's rules: lo <= hi, no NaN...
    explicit MpInterval(const Interval& x, mpfr_prec_t prec = kMinPrec);  // exact
    // The tightest enclosure of q at precision prec (mpfi_set_q; a point iff q fits in prec bits).
    MpInterval(const Rational& q, mpfr_prec_t prec);
    // [lo rounded down, hi rounded up] at precision prec.
    MpInterval(mpfr_srcptr lo, mpfr_srcptr hi, mpfr_prec_t prec);
    // A copy of an mpfi_t at its precision (checked: no NaN, lower <= upper, precision >= kMinPrec).
    explicit MpInterval(mpfi_srcptr x);

    // [down(lo), up(hi)] from decimal ("0.1", "-2.5e-3") or C99 hex ("0x1.8p-3") strings, plus "inf"
    // / "-inf" where allowed. Throws std::invalid_argument on unparsable text, DomainError if empty.
    static MpInterval from_strings(std::string_view lo, std::string_view hi, mpfr_prec_t prec);
    static MpInterval from_string(std::string_view x, mpfr_prec_t prec) { return from_strings(x, x, prec); }
    static MpInterval entire(mpfr_prec_t prec);
    static MpInterval pi(mpfr_prec_t prec);

    MpInterval(const MpInterval& o);
    MpInterval(MpInterval&& o) noexcept;  // o becomes [0, 0] at 53 bits
    MpInterval& operator=(const MpInterval& o);
    MpInterval& operator=(MpInterval&& o) noexcept;  // swaps: o gets the old value
    ~MpInterval();
    void swap(MpInterval& o) noexcept { mpfi_swap(v_, o.v_); }

    mpfr_prec_t precision() const noexcept { return mpfi_get_prec(v_); }
    // The exact endpoints (read-only views into this object; valid while it lives and is unchanged).
    mpfr_srcptr lower() const noexcept { return &v_->left; }
    mpfr_srcptr upper() const noexcept { return &v_->right; }
    mpfi_srcptr get_mpfi() const noexcept { return v_; }

    // Outward-rounded double enclosures.
    double lower_double_down() const noexcept;
    double upper_double_up() const noexcept;
    Interval to_interval() const { return Interval(lower_double_down(), upper_double_up()); }

    bool is_point() const noexcept { return mpfr_equal_p(&v_->left, &v_->right) != 0; }
    bool is_bounded() const noexcept { return mpfr_number_p(&v_->left) && mpfr_number_p(&v_->right); }
    // Width upper - lower rounded up to a double (an upper bound of the true width).
    double width() const noexcept;
    // max |x| rounded up, min |x| rounded down, as doubles.
    double mag() const noexcept;
    double mig() const noexcept;
    // A point inside the interval, at its precision: the rounded midpoint; 0 for the entire line;
    // for [a, +inf] max(a, DBL_MAX), for [-inf, b] min(b, -DBL_MAX) (as Interval::mid).
    MpInterval mid() const;

    bool contains(double x) const noexcept;  // false for NaN
    bool contains(const MpInterval& y) const noexcept;
    bool contains(const Rational& q) const;
    bool contains(mpfr_srcptr x) const noexcept;  // false for NaN
    bool contains_zero() const noexcept { return mpfr_sgn(&v_->left) <= 0 && mpfr_sgn(&v_->right) >= 0; }
    bool interior_contains(const MpInterval& y) const noexcept;

    // Certain comparisons: true only when the relation holds for every point.
    bool certainly_positive() const noexcept { return mpfr_sgn(&v_->left) > 0; }
    bool certainly_nonnegative() const noexcept { return mpfr_sgn(&v_->left) >= 0; }
    bool certainly_negative() const noexcept { return mpfr_sgn(&v_->right) < 0; }
    bool certainly_nonpositive() const noexcept { return mpfr_sgn(&v_->right) <= 0; }

    // "[lo, hi]" with both endpoints exact, as MPFR hex floats ("0x1.8p+1"; zeros as "0").
    std::string to_string() const;
    // "[lo, hi]" in decimal with `digits` significant digits, lo rounded down and hi rounded up.
    std::string to_decimal_string(int digits = 20) const;

    MpInterval& operator+=(const MpInterval& y);
    MpInterval& operator-=(const MpInterval& y);
    MpInterval& operator*=(const MpInterval& y);
    MpInterval& operator/=(const MpInterval& y);

    // Same endpoint values (precision is not compared; +0 == -0).
    friend bool operator==(const MpInterval& a, const MpInterval& b) noexcept {
        return mpfr_equal_p(&a.v_->left, &b.v_->left) && mpfr_equal_p(&a.v_->right, &b.v_->right);
    }

    // True when MPFR was built with thread-local storage (required for concurrent use; see above).
    static bool mpfr_is_thread_safe() noexcept { return mpfr_buildopt_tls_p() != 0; }

private:
    friend struct MpIntervalAccess;  // the arithmetic in src/mp_interval.cpp
    struct Uninit {};
    MpInterval(Uninit, mpfr_prec_t prec);  // endpoints NaN until the caller sets them
    mpfi_t v_;
};

inline void swap(MpInterval& a, MpInterval& b) noexcept { a.swap(b); }
std::ostream& operator<<(std::ostream& os, const MpInterval& x);

// ---- constants ---------------------------------------------------------------------------------
MpInterval mp_pi(mpfr_prec_t prec);
MpInterval mp_half_pi(mpfr_prec_t prec);
MpInterval mp_ln2(mpfr_prec_t prec);
MpInterval mp_sqrt2(mpfr_prec_t prec);
MpInterval mp_inv_sqrt_2pi(mpfr_prec_t prec);  // 1/sqrt(2 pi)

// ---- set operations ----------------------------------------------------------------------------
MpInterval hull(const MpInterval& a, const MpInterval& b);
MpInterval intersect(const MpInterval& a, const MpInterval& b);  // DomainError if empty

// ---- arithmetic --------------------------------------------------------------------------------
MpInterval operator+(const MpInterval& x);
MpInterval operator-(const MpInterval& x);
MpInterval operator+(const MpInterval& x, const MpInterval& y);
MpInterval operator-(const MpInterval& x, const MpInterval& y);
MpInterval operator*(const MpInterval& x, const MpInterval& y);
// A denominator containing 0 gives [-inf, +inf]; the denominator [0, 0] throws DomainError.
MpInterval operator/(const MpInterval& x, const MpInterval& y);

inline MpInterval operator+(const MpInterval& x, double y) { return x + MpInterval(y); }
inline MpInterval operator+(double x, const MpInterval& y) { return MpInterval(x) + y; }
inline MpInterval operator-(const MpInterval& x, double y) { return x - MpInterval(y); }
inline MpInterval operator-(double x, const MpInterval& y) { return MpInterval(x) - y; }
inline MpInterval operator*(const MpInterval& x, double y) { return x * MpInterval(y); }
inline MpInterval operator*(double x, const MpInterval& y) { return MpInterval(x) * y; }
inline MpInterval operator/(const MpInterval& x, double y) { return x / MpInterval(y); }
inline MpInterval operator/(double x, const MpInterval& y) { return MpInterval(x) / y; }
inline MpInterval operator+(const MpInterval& x, int y) { return x + MpInterval(y); }
inline MpInterval operator+(int x, const MpInterval& y) { return MpInterval(x) + y; }
inline MpInterval operator-(const MpInterval& x, int y) { return x - MpInterval(y); }
inline MpInterval operator-(int x, const MpInterval& y) { return MpInterval(x) - y; }
inline MpInterval operator*(const MpInterval& x, int y) { return x * MpInterval(y); }
inline MpInterval operator*(int x, const MpInterval& y) { return MpInterval(x) * y; }
inline MpInterval operator/(const MpInterval& x, int y) { return x / MpInterval(y); }
inline MpInterval operator/(int x, const MpInterval& y) { return MpInterval(x) / y; }

MpInterval sqr(const MpInterval& x);  // non-negative, tighter than x * x
// x^n for any integer n (n >= 0 even: non-negative; n = 0: 1, also for x containing 0;
// n < 0: 1 / x^-n, so the whole line if x contains 0 and DomainError if x = [0, 0]).
MpInterval pow(const MpInterval& x, int n);
MpInterval abs(const MpInterval& x);
MpInterval min(const MpInterval& x, const MpInterval& y);
MpInterval max(const MpInterval& x, const MpInterval& y);

// ---- elementary functions (same set and conventions as elementary.hpp) ------------------------
MpInterval sqrt(const MpInterval& x);
MpInterval exp(const MpInterval& x);
MpInterval expm1(const MpInterval& x);
MpInterval log(const MpInterval& x);
MpInterval log1p(const MpInterval& x);
MpInterval sin(const MpInterval& x);
MpInterval cos(const MpInterval& x);
MpInterval tan(const MpInterval& x);
MpInterval atan(const MpInterval& x);
MpInterval asin(const MpInterval& x);
MpInterval acos(const MpInterval& x);
MpInterval atan2(const MpInterval& y, const MpInterval& x);
MpInterval erf(const MpInterval& x);
MpInterval erfc(const MpInterval& x);
MpInterval gaussian_pdf(const MpInterval& x);  // phi(x) = exp(-x^2/2) / sqrt(2 pi)
MpInterval gaussian_cdf(const MpInterval& x);  // Phi(x) = erfc(-x / sqrt 2) / 2

template <>
struct ScalarOps<MpInterval> {
    static constexpr mpfr_prec_t kDefaultPrec = MpInterval::kDefaultPrec;
    static MpInterval pi() { return mp_pi(kDefaultPrec); }
    static MpInterval pi(mpfr_prec_t prec) { return mp_pi(prec); }
    static MpInterval from_rational(const Rational& q) { return MpInterval(q, kDefaultPrec); }
    static MpInterval from_rational(const Rational& q, mpfr_prec_t prec) { return MpInterval(q, prec); }
};

}  // namespace relucert
