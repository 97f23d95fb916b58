// Directed rounding of the four basic operations and sqrt, without changing the FPU rounding mode.
//
// Scheme (after kv's and CRlibm's "error-free transformation" back-ends): the hardware stays in
// IEEE-754 binary64 round-to-nearest-even, the default mode, which relucert never changes. For an
// operation o and finite a, b we compute s = fl(a o b) and then decide the sign of the exact error
// (a o b) - s:
//   * add/sub: Knuth's TwoSum gives e with s + e = a + b exactly (no overflow; exact even for
//     subnormals, since a sum of binary64 numbers that underflows is exact).
//   * mul: TwoProduct (hardware fma if the target has it, Dekker/Veltkamp splitting otherwise) gives
//     e with s + e = a * b exactly, provided |s| >= 2^-969 (so that e is not subnormal) and no overflow.
//   * div: q = fl(a/b); the remainder a - q*b is exactly representable (no underflow); its sign, times
//     the sign of b, is the sign of a/b - q. We get it from TwoProduct(q, b) = p + e and a - p, which
//     is exact by Sterbenz's lemma because p is within a factor 2 of a.
//   * sqrt: the IEEE square root is correctly rounded; the sign of x - r*r decides the direction,
//     computed the same way.
// If the error is 0 the result is exact; if its sign shows s is on the wrong side, we step one ulp
// (pred/succ, by bit manipulation). Where an exact error term is not available (tiny results that
// might have underflowed), we fall back to the always-valid rule for round-to-nearest:
// pred(s) <= a o b <= succ(s). Overflow: a finite result that rounded to +inf is > DBL_MAX, so DBL_MAX
// is a valid lower bound; symmetrically for -inf.
//
// Thread safety: nothing here reads or writes global state, so any number of threads may use it.
//
// Assumptions, enforced below or by the build (CMakeLists.txt):
//   * binary64 doubles evaluated in binary64 (FLT_EVAL_METHOD == 0; true for x86-64 SSE2, AArch64);
//   * no value-changing optimisations: -ffast-math is refused (TwoSum would be folded to 0), and the
//     build passes -ffp-contract=off so that a*b+c is never fused behind our back;
//   * the rounding mode is round-to-nearest. Code that changes it must restore it before calling us
//     (tests check fegetround() == FE_TONEAREST).
#pragma once

#include <bit>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>

#if defined(__FAST_MATH__)
#error "relucert's rounding requires IEEE semantics: do not compile with -ffast-math"
#endif
static_assert(FLT_EVAL_METHOD == 0, "relucert requires binary64 evaluation of double expressions");
static_assert(std::numeric_limits<double>::is_iec559, "relucert requires IEEE-754 binary64 doubles");

namespace relucert::rounding {

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr double kMax = std::numeric_limits<double>::max();

// Next representable double above x (succ(+inf) = +inf, succ(-inf) = -DBL_MAX, succ(+-0) = 2^-1074).
inline double succ(double x) {
    if (std::isnan(x) || x == kInf) return x;
    if (x == 0.0) return std::numeric_limits<double>::denorm_min();
    auto bits = std::bit_cast<std::uint64_t>(x);
    bits = (x > 0.0) ? bits + 1 : bits - 1;
    return std::bit_cast<double>(bits);
}

// Next representable double below x.
inline double pred(double x) { return -succ(-x); }

// s + e == a + b exactly, for finite a, b with finite sum (Knuth's TwoSum, 6 flops, no branch).
inline void two_sum(double a, double b, double& s, double& e) {
    s = a + b;
    const double bb = s - a;
    e = (a - (s - bb)) + (b - bb);
}

// p + e == a * b exactly, when |p| >= 2^-969 and p is finite.
inline void two_prod(double a, double b, double& p, double& e) {
    p = a * b;
#if defined(__FMA__) || defined(__ARM_FEATURE_FMA)
    e = __builtin_fma(a, b, -p);
#else
    // Veltkamp splitting: a = ah + al with ah, al of at most 26 significant bits. The factor
    // 2^27 + 1 overflows only for |a| > 2^995; such inputs are scaled first (see mul_error_sign).
    constexpr double split = 134217729.0;  // 2^27 + 1
    const double ta = split * a, ah = ta - (ta - a), al = a - ah;
    const double tb = split * b, bh = tb - (tb - b), bl = b - bh;
    e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
#endif
}

namespace detail {
inline constexpr double kTiny = 0x1p-969;     // below this a product's error term may be subnormal
inline constexpr double kSplitMax = 0x1p995;  // Veltkamp splitting is exact below this magnitude

// Sign of the exact error (a*b) - p for p = fl(a*b) finite and nonzero: -1, 0 or +1, or 2 when it
// cannot be decided exactly. Huge factors are first scaled by 2^-60, which is exact and maps
// fl(a*b) to fl(a*b) * 2^-60 as long as nothing becomes subnormal, so the sign is unchanged.
// Likewise a normal but tiny p (2^-1022 <= |p| < 2^-969) is scaled up by 2^60 through its smaller
// factor: fl(a*b) was rounded with full precision, so fl(a*2^60*b) = fl(a*b)*2^60.
inline int mul_error_sign(double a, double b, double p) {
    if (!(std::fabs(p) <= kMax)) return 2;
    if (std::fabs(a) >= kSplitMax) { a *= 0x1p-60; p *= 0x1p-60; }
    if (std::fabs(b) >= kSplitMax) { b *= 0x1p-60; p *= 0x1p-60; }
    if (std::fabs(p) < kTiny && std::fabs(p) >= 0x1p-1022) {
        if (std::fabs(a) <= std::fabs(b)) a *= 0x1p60;
        else b *= 0x1p60;
        p *= 0x1p60;
        if (std::fabs(a) >= kSplitMax || std::fabs(b) >= kSplitMax) return 2;
    }
    if (std::fabs(p) < kTiny) return 2;
    double pp, e;
    two_prod(a, b, pp, e);
    return (e > 0.0) - (e < 0.0);
}
}  // namespace detail

inline double add_down(double a, double b) {
    double s, e;
    two_sum(a, b, s, e);
    if (std::isinf(s)) return (s > 0 && std::isfinite(a) && std::isfinite(b)) ? kMax : s;
    return (e < 0.0) ? pred(s) : s;
}
inline double add_up(double a, double b) {
    double s, e;
    two_sum(a, b, s, e);
    if (std::isinf(s)) return (s < 0 && std::isfinite(a) && std::isfinite(b)) ? -kMax : s;
    return (e > 0.0) ? succ(s) : s;
}
inline double sub_down(double a, double b) { return add_down(a, -b); }
inline double sub_up(double a, double b) { return add_up(a, -b); }

// Products. Convention for interval endpoints: 0 * (+-inf) = 0 (an infinite endpoint stands for an
// unbounded set, whose product with the point 0 is 0).
inline double mul_down(double a, double b) {
    if (a == 0.0 || b == 0.0) return 0.0;
    const double p = a * b;
    if (std::isinf(p)) return (p > 0 && std::isfinite(a) && std::isfinite(b)) ? kMax : p;
    const int s = detail::mul_error_sign(a, b, p);
    if (s == 2) {  // tiny: the RN error is at most half an ulp, so step one ulp; keep the sign
        const double r = pred(p);
        return (r < 0.0 && (a > 0.0) == (b > 0.0)) ? 0.0 : r;
    }
    return s < 0 ? pred(p) : p;
}
inline double mul_up(double a, double b) {
    if (a == 0.0 || b == 0.0) return 0.0;
    const double p = a * b;
    if (std::isinf(p)) return (p < 0 && std::isfinite(a) && std::isfinite(b)) ? -kMax : p;
    const int s = detail::mul_error_sign(a, b, p);
    if (s == 2) {
        const double r = succ(p);
        return (r > 0.0 && (a > 0.0) != (b > 0.0)) ? 0.0 : r;
    }
    return s > 0 ? succ(p) : p;
}

namespace detail {
// Sign of a/b - q for finite nonzero a, b and finite q = fl(a/b), or 2 if it cannot be decided
// exactly (then the caller widens both ways). A normal q was rounded with full precision, so scaling
// a or b by 2^+-60 (exact) scales q exactly too; we use that to keep every quantity in the range
// where TwoProduct is exact. Subnormal q: undecided.
inline int div_error_sign(double a, double b, double q) {
    if (q == 0.0 || !(std::fabs(q) >= 0x1p-1022)) return 2;
    for (int i = 0; i < 3 && std::fabs(a) < 0x1p-900 && std::fabs(b) < 0x1p900; ++i) {  // q unchanged
        a *= 0x1p60;
        b *= 0x1p60;
    }
    if (std::fabs(b) >= kSplitMax) { b *= 0x1p-60; q *= 0x1p60; }
    if (std::fabs(q) >= kSplitMax) { a *= 0x1p-60; q *= 0x1p-60; }
    if (std::fabs(q) < 0x1p-900) { a *= 0x1p60; q *= 0x1p60; }
    double p, e;
    two_prod(q, b, p, e);
    if (!(std::fabs(p) >= kTiny && std::fabs(p) <= kMax)) return 2;
    const double d = a - p;  // exact (Sterbenz): p is within a factor 2 of a
    // remainder r = a - q*b = d - e exactly; sign(a/b - q) = sign(r) * sign(b)
    const int sr = (d > e) - (d < e);
    return (b > 0) ? sr : -sr;
}
}  // namespace detail

// Quotients for b != 0. Infinite operands give the IEEE limit value, which is exact as a bound.
inline double div_down(double a, double b) {
    const double q = a / b;
    if (!std::isfinite(a) || !std::isfinite(b)) return q;
    if (a == 0.0) return 0.0;
    if (std::isinf(q)) return q > 0 ? kMax : q;
    const int s = detail::div_error_sign(a, b, q);
    if (s == 2) {  // undecided: step one ulp down, but never below 0 when the quotient is positive
        const double r = pred(q);
        return (r < 0.0 && (a > 0.0) == (b > 0.0)) ? 0.0 : r;
    }
    return s < 0 ? pred(q) : q;
}
inline double div_up(double a, double b) {
    const double q = a / b;
    if (!std::isfinite(a) || !std::isfinite(b)) return q;
    if (a == 0.0) return 0.0;
    if (std::isinf(q)) return q < 0 ? -kMax : q;
    const int s = detail::div_error_sign(a, b, q);
    if (s == 2) {
        const double r = succ(q);
        return (r > 0.0 && (a > 0.0) != (b > 0.0)) ? 0.0 : r;
    }
    return s > 0 ? succ(q) : q;
}

namespace detail {
// Sign of x - r*r for r = fl(sqrt(x)), x > 0 finite. Tiny x (also subnormal) is scaled by 2^120
// (exact), which scales the always-normal r = fl(sqrt(x)) exactly by 2^60.
inline int sqrt_error_sign(double x, double r) {
    if (x < 0x1p-960) {
        x *= 0x1p120;
        r *= 0x1p60;
    }
    double p, e;
    two_prod(r, r, p, e);
    const double d = x - p;  // exact (Sterbenz)
    return (d > e) - (d < e);
}
}  // namespace detail

// Square roots for x >= 0.
inline double sqrt_down(double x) {
    if (x == 0.0 || x == kInf) return x;
    const double r = std::sqrt(x);  // IEEE-754 requires correct rounding (compiled to sqrtsd)
    return detail::sqrt_error_sign(x, r) < 0 ? pred(r) : r;
}
inline double sqrt_up(double x) {
    if (x == 0.0 || x == kInf) return x;
    const double r = std::sqrt(x);
    return detail::sqrt_error_sign(x, r) > 0 ? succ(r) : r;
}

}  // namespace relucert::rounding
