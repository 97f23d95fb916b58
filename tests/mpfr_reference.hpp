// Test support: MPFR reference values at high precision, random and adversarial arguments, and a
// containment checker that reports a failing input exactly (hex floats), in the style of Arb's tests.
#pragma once

#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <mpfr.h>

#include "relucert/interval.hpp"

namespace relucert::test {

inline constexpr mpfr_prec_t kRefPrec = 256;

// A reference for a function of one (two) real variables: given the exact input(s) and a rounding
// direction, it returns f rounded in that direction at the precision of `out`. Calling it with
// MPFR_RNDD and MPFR_RNDU gives a rigorous enclosure [r_lo, r_hi] of the true value.
using MpfrUnary = std::function<void(mpfr_ptr out, mpfr_srcptr in, mpfr_rnd_t rnd)>;
using MpfrBinary = std::function<void(mpfr_ptr out, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd)>;

inline std::string hex(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%a", x);
    return buf;
}

// The containment check: F contains the true value if it contains [r_lo, r_hi] (sufficient). A true
// value extremely close to an endpoint (Phi(22) = 1 - 1e-108) needs more reference bits to be told
// apart from it, so the reference is recomputed at 4x and 16x the precision before a failure is
// reported; a real failure fails at every precision.
template <class Eval>
std::string check_with_reference(const Interval& F, mpfr_prec_t prec, Eval eval, const std::function<std::string(mpfr_srcptr)>& describe) {
    mpfr_t lo, hi;
    mpfr_init2(lo, prec);
    mpfr_init2(hi, prec);
    bool ok = false;
    for (int attempt = 0; attempt < 3 && !ok; ++attempt) {
        if (attempt > 0) {
            mpfr_set_prec(lo, prec << (2 * attempt));
            mpfr_set_prec(hi, prec << (2 * attempt));
        }
        eval(lo, MPFR_RNDD);
        eval(hi, MPFR_RNDU);
        ok = !mpfr_nan_p(lo) && !mpfr_nan_p(hi) && mpfr_cmp_d(lo, F.lo()) >= 0 && mpfr_cmp_d(hi, F.hi()) <= 0;
    }
    std::string msg = ok ? std::string() : describe(lo);
    mpfr_clear(lo);
    mpfr_clear(hi);
    return msg;
}

// Evaluates `ref` at the double x and checks that F contains it. Returns "" or a failure message.
inline std::string check_unary_at(const char* name, const MpfrUnary& ref, const Interval& X, const Interval& F, double x,
                                  mpfr_prec_t prec = kRefPrec) {
    mpfr_t in;
    mpfr_init2(in, 64);
    mpfr_set_d(in, x, MPFR_RNDN);  // exact
    auto msg = check_with_reference(F, prec, [&](mpfr_ptr out, mpfr_rnd_t rnd) { ref(out, in, rnd); }, [&](mpfr_srcptr v) {
        char buf[512];
        mpfr_snprintf(buf, sizeof buf, "%s: X = [%s, %s], x = %s, true = %.30Rg, F = [%s, %s]", name, hex(X.lo()).c_str(),
                      hex(X.hi()).c_str(), hex(x).c_str(), v, hex(F.lo()).c_str(), hex(F.hi()).c_str());
        return std::string(buf);
    });
    mpfr_clear(in);
    return msg;
}

inline std::string check_binary_at(const char* name, const MpfrBinary& ref, const Interval& A, const Interval& B,
                                   const Interval& F, double a, double b, mpfr_prec_t prec = kRefPrec) {
    mpfr_t ia, ib;
    mpfr_init2(ia, 64);
    mpfr_init2(ib, 64);
    mpfr_set_d(ia, a, MPFR_RNDN);
    mpfr_set_d(ib, b, MPFR_RNDN);
    auto msg = check_with_reference(F, prec, [&](mpfr_ptr out, mpfr_rnd_t rnd) { ref(out, ia, ib, rnd); }, [&](mpfr_srcptr v) {
        char buf[640];
        mpfr_snprintf(buf, sizeof buf, "%s: A = [%s, %s], B = [%s, %s], a = %s, b = %s, true = %.30Rg, F = [%s, %s]", name,
                      hex(A.lo()).c_str(), hex(A.hi()).c_str(), hex(B.lo()).c_str(), hex(B.hi()).c_str(), hex(a).c_str(),
                      hex(b).c_str(), v, hex(F.lo()).c_str(), hex(F.hi()).c_str());
        return std::string(buf);
    });
    mpfr_clears(ia, ib, (mpfr_ptr)nullptr);
    return msg;
}

// Random doubles: log-uniform magnitude in [2^emin, 2^emax], random sign if `sign`, random mantissa.
class ArgGen {
public:
    explicit ArgGen(std::uint64_t seed) : rng_(seed) {}
    double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng_); }
    double log_uniform(int emin, int emax, bool sign) {
        const int e = std::uniform_int_distribution<int>(emin, emax)(rng_);
        const double m = uniform(1.0, 2.0);
        double x = std::ldexp(m, e);  // test code: libm is fine here, any double will do
        if (sign && (rng_() & 1)) x = -x;
        return x;
    }
    // a double within a few ulps of x
    double near(double x) {
        const int steps = std::uniform_int_distribution<int>(-4, 4)(rng_);
        for (int i = 0; i < std::abs(steps); ++i) x = steps > 0 ? rounding::succ(x) : rounding::pred(x);
        return x;
    }
    int small_int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    bool coin() { return rng_() & 1; }
    std::mt19937_64& engine() { return rng_; }

    // An interval around/starting at x of a random kind: point, a few ulps, relative width 2^-k, or
    // up to `wide` absolute width. Endpoints stay inside [dom_lo, dom_hi].
    Interval interval_at(double x, double wide, double dom_lo, double dom_hi) {
        double a = x, b = x;
        switch (small_int(0, 3)) {
            case 0: break;
            case 1: b = near(x); break;
            case 2: b = x + std::fabs(x) * std::ldexp(1.0, -small_int(1, 50)); break;
            default: b = x + uniform(0.0, wide); break;
        }
        if (a > b) std::swap(a, b);
        a = std::max(a, dom_lo);
        b = std::min(b, dom_hi);
        if (!(a <= b)) a = b = std::clamp(x, dom_lo, dom_hi);
        return Interval(a, b);
    }

private:
    std::mt19937_64 rng_;
};

}  // namespace relucert::test
