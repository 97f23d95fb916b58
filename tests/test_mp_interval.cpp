// MpInterval: Arb-style randomized containment tests against MPFR at higher precision, plus
// isotonicity, precision, range clipping, domain errors, value semantics, threads, and a test that the
// containment checker itself catches a one-ulp-too-tight enclosure.
//
// The checker (why it is exact): for an input point x (an exact MPFR number) the reference is the pair
// [RNDD_P(f(x)), RNDU_P(f(x))] at P = p + 100 bits, two adjacent (or equal) P-bit numbers around the
// true value. A result at precision p <= P has P-representable endpoints, so it contains f(x) if and
// only if it contains that pair: the test neither misses a wrong result nor flags a right one. For the
// composite references (phi, Phi) the pair is a rigorous MPFR enclosure a few P-ulps wide, so
// containment of it is sufficient; on a miss we recompute at P + 400 before reporting.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <initializer_list>
#include <numbers>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gmp.h>
#include <mpfr.h>

#include "relucert/mp_interval.hpp"

using relucert::DomainError;
using relucert::Interval;
using relucert::MpInterval;
using relucert::Rational;

namespace {

// ---- small MPFR helpers ------------------------------------------------------------------------

struct Fr {
    mpfr_t v;
    explicit Fr(mpfr_prec_t p) { mpfr_init2(v, p); }
    Fr(const Fr& o) {
        mpfr_init2(v, mpfr_get_prec(o.v));
        mpfr_set(v, o.v, MPFR_RNDN);
    }
    Fr& operator=(const Fr&) = delete;
    ~Fr() { mpfr_clear(v); }
    operator mpfr_ptr() { return v; }              // NOLINT
    operator mpfr_srcptr() const { return v; }     // NOLINT
};

std::string fr(mpfr_srcptr x) {
    char* s = nullptr;
    mpfr_asprintf(&s, "%Ra", x);
    std::string out(s);
    mpfr_free_str(s);
    return out;
}

// ---- reference functions -----------------------------------------------------------------------
// A reference writes an enclosure [lo, hi] of f(x) at the precision of lo/hi, or returns false if x
// is outside f's domain.

using Ref1 = std::function<bool(mpfr_ptr lo, mpfr_ptr hi, mpfr_srcptr x)>;
using Ref2 = std::function<bool(mpfr_ptr lo, mpfr_ptr hi, mpfr_srcptr x, mpfr_srcptr y)>;
using MpfrFn = int (*)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t);

Ref1 direct(MpfrFn f) {
    return [f](mpfr_ptr lo, mpfr_ptr hi, mpfr_srcptr x) {
        f(lo, x, MPFR_RNDD);
        f(hi, x, MPFR_RNDU);
        return !mpfr_nan_p(lo) && !mpfr_nan_p(hi);
    };
}

// phi(x) = exp(-x^2/2) / sqrt(2 pi), every step rounded in the safe direction.
bool ref_pdf(mpfr_ptr lo, mpfr_ptr hi, mpfr_srcptr x) {
    const mpfr_prec_t P = mpfr_get_prec(lo);
    Fr sd(P), su(P), ed(P), eu(P), pd(P), pu(P), cd(P), cu(P);
    mpfr_sqr(sd, x, MPFR_RNDD);
    mpfr_sqr(su, x, MPFR_RNDU);
    mpfr_div_2ui(sd, sd, 1, MPFR_RNDD);
    mpfr_div_2ui(su, su, 1, MPFR_RNDU);
    mpfr_neg(su, su, MPFR_RNDN);
    mpfr_neg(sd, sd, MPFR_RNDN);
    mpfr_exp(ed, su, MPFR_RNDD);  // exp(-s_up) <= exp(-s)
    mpfr_exp(eu, sd, MPFR_RNDU);
    mpfr_const_pi(pd, MPFR_RNDD);
    mpfr_const_pi(pu, MPFR_RNDU);
    mpfr_mul_2ui(pd, pd, 1, MPFR_RNDD);
    mpfr_mul_2ui(pu, pu, 1, MPFR_RNDU);
    mpfr_rec_sqrt(cd, pu, MPFR_RNDD);
    mpfr_rec_sqrt(cu, pd, MPFR_RNDU);
    mpfr_mul(lo, ed, cd, MPFR_RNDD);
    mpfr_mul(hi, eu, cu, MPFR_RNDU);
    return true;
}

// Phi(x) = erfc(t)/2 with t = -x/sqrt 2; erfc decreasing.
bool ref_cdf(mpfr_ptr lo, mpfr_ptr hi, mpfr_srcptr x) {
    const mpfr_prec_t P = mpfr_get_prec(lo);
    Fr s2d(P), s2u(P), td(P), tu(P), nx(P + 1);
    mpfr_sqrt_ui(s2d, 2, MPFR_RNDD);
    mpfr_sqrt_ui(s2u, 2, MPFR_RNDU);
    mpfr_neg(nx, x, MPFR_RNDN);  // exact
    if (mpfr_sgn(nx.v) >= 0) {
        mpfr_div(td, nx, s2u, MPFR_RNDD);
        mpfr_div(tu, nx, s2d, MPFR_RNDU);
    } else {
        mpfr_div(td, nx, s2d, MPFR_RNDD);
        mpfr_div(tu, nx, s2u, MPFR_RNDU);
    }
    mpfr_erfc(lo, tu, MPFR_RNDD);
    mpfr_erfc(hi, td, MPFR_RNDU);
    mpfr_div_2ui(lo, lo, 1, MPFR_RNDD);
    mpfr_div_2ui(hi, hi, 1, MPFR_RNDU);
    return true;
}

// ---- random inputs -----------------------------------------------------------------------------

enum class Focus { Real, Unit, Positive, Trig };

struct Gen {
    std::mt19937_64 rng;
    gmp_randstate_t st;
    mpfr_prec_t p;
    explicit Gen(std::uint64_t seed, mpfr_prec_t prec) : rng(seed), p(prec) {
        gmp_randinit_default(st);
        gmp_randseed_ui(st, static_cast<unsigned long>(seed));
    }
    Gen(const Gen&) = delete;
    Gen& operator=(const Gen&) = delete;
    ~Gen() { gmp_randclear(st); }

    long uniform_int(long a, long b) { return std::uniform_int_distribution<long>(a, b)(rng); }
    bool coin() { return rng() & 1; }

    // Random p-bit number with |x| in [2^e2lo, 2^(e2hi+1)), random sign.
    void logu(mpfr_ptr r, long e2lo, long e2hi, bool positive = false) {
        mpfr_urandomb(r, st);  // [0, 1), prec(r) random bits
        mpfr_add_ui(r, r, 1, MPFR_RNDD);  // [1, 2]
        mpfr_mul_2si(r, r, uniform_int(e2lo, e2hi), MPFR_RNDN);
        if (!positive && coin()) mpfr_neg(r, r, MPFR_RNDN);
    }
    // Special points.
    void special(mpfr_ptr r) {
        static const double pts[] = {0.0,
                                     std::numeric_limits<double>::denorm_min(),
                                     0x1.23456789abcdep-1060,
                                     DBL_MIN,
                                     1.0,
                                     0.5,
                                     2.0,
                                     DBL_MAX,
                                     0x1p-1000,
                                     0x1p1000,
                                     1e-300,
                                     1e300,
                                     27.0,
                                     40.0,
                                     710.0,
                                     -745.5};
        mpfr_set_d(r, pts[uniform_int(0, std::size(pts) - 1)], MPFR_RNDN);
        if (coin()) mpfr_neg(r, r, MPFR_RNDN);
    }
    // k*pi/2 rounded to p bits, moved by a few ulps (or by a tiny relative amount).
    void near_half_pi_multiple(mpfr_ptr r) {
        const int bits = static_cast<int>(uniform_int(0, 9) < 8 ? uniform_int(0, 20) : uniform_int(21, 60));
        const long k = uniform_int(-(1L << bits), 1L << bits);
        Fr t(p + 200);
        mpfr_const_pi(t, MPFR_RNDN);
        mpfr_mul_si(t, t, k, MPFR_RNDN);
        mpfr_div_2ui(t, t, 1, MPFR_RNDN);
        mpfr_set(r, t, MPFR_RNDN);
        for (long j = uniform_int(-3, 3); j > 0; --j) mpfr_nextabove(r);
        for (long j = uniform_int(-3, 3); j < 0; ++j) mpfr_nextbelow(r);
    }
    // +-1 (or 0) moved by a few ulps or by 2^-k.
    void near_one(mpfr_ptr r) {
        mpfr_set_si(r, uniform_int(-1, 1), MPFR_RNDN);
        if (coin()) {
            for (long j = uniform_int(-3, 3); j > 0; --j) mpfr_nextabove(r);
            for (long j = uniform_int(-3, 3); j < 0; ++j) mpfr_nextbelow(r);
        } else {
            Fr d(p);
            mpfr_set_si_2exp(d, coin() ? 1 : -1, -uniform_int(1, p + 20), MPFR_RNDN);
            mpfr_add(r, r, d, MPFR_RNDN);
        }
    }
    void focus_point(mpfr_ptr r, Focus f) {
        switch (f) {
            case Focus::Unit: {
                mpfr_urandomb(r, st);
                mpfr_mul_d(r, r, 2.5, MPFR_RNDN);
                mpfr_sub_d(r, r, 1.25, MPFR_RNDN);
                return;
            }
            case Focus::Positive: logu(r, -1000, 1000, true); return;
            case Focus::Trig: near_half_pi_multiple(r); return;
            case Focus::Real: logu(r, -30, 6); return;
        }
    }
    void point(mpfr_ptr r, Focus f) {
        switch (uniform_int(0, 9)) {
            case 0:
            case 1: logu(r, -1000, 1000); break;
            case 2: special(r); break;
            case 3: near_half_pi_multiple(r); break;
            case 4: near_one(r); break;
            case 5: logu(r, -60, 60); break;
            default: focus_point(r, f); break;
        }
        if (mpfr_zero_p(r)) mpfr_set_zero(r, +1);
    }
    MpInterval input(Focus f) {
        Fr a(p), b(p);
        const long kind = uniform_int(0, 9);
        if (kind <= 3) {  // point
            point(a, f);
            return MpInterval(a, a, p);
        }
        if (kind <= 6) {  // [a, a + w], w relative 2^-k or absolute
            point(a, f);
            Fr w(p);
            if (mpfr_zero_p(a) || coin()) logu(w, -1000, 2, true);
            else {
                mpfr_abs(w, a, MPFR_RNDN);
                mpfr_mul_2si(w, w, -uniform_int(1, p + 10), MPFR_RNDU);
            }
            mpfr_add(b, a, w, MPFR_RNDU);
            return MpInterval(a, b, p);
        }
        if (kind <= 8) {  // two random points
            point(a, f);
            point(b, f);
            if (mpfr_greater_p(a, b)) mpfr_swap(a, b);
            return MpInterval(a, b, p);
        }
        switch (uniform_int(0, 3)) {  // unbounded
            case 0: return MpInterval::entire(p);
            case 1: point(a, f); mpfr_set_inf(b, +1); return MpInterval(a, b, p);
            case 2: point(b, f); mpfr_set_inf(a, -1); return MpInterval(a, b, p);
            default:  // [-A, B]
                logu(a, -10, 1000, true);
                logu(b, -10, 1000, true);
                mpfr_neg(a, a, MPFR_RNDN);
                return MpInterval(a, b, p);
        }
    }
    // A random point of X (exact, at precision P >= prec(X)): endpoints, uniform or log-uniform.
    void sample(mpfr_ptr r, const MpInterval& X, int which) {
        const bool lo_fin = mpfr_number_p(X.lower()), hi_fin = mpfr_number_p(X.upper());
        if (which == 0 && lo_fin) { mpfr_set(r, X.lower(), MPFR_RNDN); }
        else if (which == 1 && hi_fin) { mpfr_set(r, X.upper(), MPFR_RNDN); }
        else if (lo_fin && hi_fin && coin()) {  // uniform
            Fr u(mpfr_get_prec(r));
            mpfr_urandomb(u, st);
            mpfr_sub(r, X.upper(), X.lower(), MPFR_RNDN);
            mpfr_mul(r, r, u, MPFR_RNDN);
            mpfr_add(r, r, X.lower(), MPFR_RNDN);
        } else {  // log-uniform magnitude, sign allowed by X
            logu(r, -1100, 1100, true);
            const bool can_neg = mpfr_sgn(X.lower()) < 0, can_pos = mpfr_sgn(X.upper()) > 0;
            if (can_neg && (!can_pos || coin())) mpfr_neg(r, r, MPFR_RNDN);
        }
        // Clamp into X (the clamped value is an endpoint, still exact).
        if (mpfr_less_p(r, X.lower())) mpfr_set(r, X.lower(), MPFR_RNDN);
        if (mpfr_greater_p(r, X.upper())) mpfr_set(r, X.upper(), MPFR_RNDN);
        if (mpfr_zero_p(r)) mpfr_set_zero(r, +1);
    }
    // A random sub-interval of X (for isotonicity).
    MpInterval sub(const MpInterval& X) {
        Fr a(X.precision()), b(X.precision());
        if (uniform_int(0, 3) == 0) {
            sample(a, X, 2);
            return MpInterval(a, a, X.precision());
        }
        sample(a, X, static_cast<int>(uniform_int(0, 2)));
        sample(b, X, static_cast<int>(uniform_int(0, 2)));
        if (mpfr_greater_p(a, b)) mpfr_swap(a, b);
        if (coin() && !mpfr_number_p(X.lower())) mpfr_set_inf(a, -1);
        if (coin() && !mpfr_number_p(X.upper())) mpfr_set_inf(b, +1);
        return MpInterval(a, b, X.precision());
    }
};

// ---- the containment harness -------------------------------------------------------------------

struct Report {
    long inputs = 0, points = 0, failures = 0;
    std::string first;
    void fail(const std::string& msg) {
        if (failures++ == 0) first = msg;
    }
};

// Does r contain [lo, hi]?
bool encloses(const MpInterval& r, mpfr_srcptr lo, mpfr_srcptr hi) {
    return mpfr_lessequal_p(r.lower(), lo) && mpfr_lessequal_p(hi, r.upper());
}

// Checks r against the reference at x (precision P, then P + 400 on a miss). Returns "" or a message.
std::string check_point(const Ref1& ref, const MpInterval& r, mpfr_srcptr x, mpfr_prec_t P, bool* in_domain) {
    Fr lo(P), hi(P);
    *in_domain = ref(lo, hi, x);
    if (!*in_domain || encloses(r, lo, hi)) return "";
    Fr lo2(P + 400), hi2(P + 400);
    ref(lo2, hi2, x);
    if (encloses(r, lo2, hi2)) return "";
    return "x = " + fr(x) + "\n  result = " + r.to_string() + "\n  reference = [" + fr(lo2) + ", " + fr(hi2) + "]";
}

// The checker the whole suite relies on: the reference at one point, for the self-test.
bool checker_accepts(const Ref1& ref, const MpInterval& r, mpfr_srcptr x, mpfr_prec_t P) {
    bool dom = false;
    return check_point(ref, r, x, P, &dom).empty();
}

struct Unary {
    std::string name;
    std::function<MpInterval(const MpInterval&)> f;
    Ref1 ref;
    Focus focus;
    // Known range (empty std::function: none), as an enclosure at precision p.
    std::function<MpInterval(mpfr_prec_t)> range;
};

MpInterval range_of(double lo, double hi, mpfr_prec_t p) { return MpInterval(lo, hi, p); }

std::vector<Unary> unary_functions() {
    using relucert::mp_inv_sqrt_2pi;
    using relucert::mp_pi;
    auto pm_half_pi = [](mpfr_prec_t p) {
        const MpInterval h = relucert::mp_half_pi(p);
        return hull(-h, h);
    };
    std::vector<Unary> u = {
        {"sqrt", [](const MpInterval& x) { return sqrt(x); }, direct(mpfr_sqrt), Focus::Positive,
         [](mpfr_prec_t p) { return range_of(0, INFINITY, p); }},
        {"exp", [](const MpInterval& x) { return exp(x); }, direct(mpfr_exp), Focus::Real,
         [](mpfr_prec_t p) { return range_of(0, INFINITY, p); }},
        {"expm1", [](const MpInterval& x) { return expm1(x); }, direct(mpfr_expm1), Focus::Real,
         [](mpfr_prec_t p) { return range_of(-1, INFINITY, p); }},
        // log's domain is x > 0 and log1p's x > -1 (MPFR gives -inf at the boundary point).
        {"log", [](const MpInterval& x) { return log(x); },
         [](mpfr_ptr lo, mpfr_ptr hi, mpfr_srcptr x) { return mpfr_sgn(x) > 0 && direct(mpfr_log)(lo, hi, x); },
         Focus::Positive, {}},
        {"log1p", [](const MpInterval& x) { return log1p(x); },
         [](mpfr_ptr lo, mpfr_ptr hi, mpfr_srcptr x) { return mpfr_cmp_si(x, -1) > 0 && direct(mpfr_log1p)(lo, hi, x); },
         Focus::Unit, {}},
        {"sin", [](const MpInterval& x) { return sin(x); }, direct(mpfr_sin), Focus::Trig,
         [](mpfr_prec_t p) { return range_of(-1, 1, p); }},
        {"cos", [](const MpInterval& x) { return cos(x); }, direct(mpfr_cos), Focus::Trig,
         [](mpfr_prec_t p) { return range_of(-1, 1, p); }},
        {"tan", [](const MpInterval& x) { return tan(x); }, direct(mpfr_tan), Focus::Trig, {}},
        {"atan", [](const MpInterval& x) { return atan(x); }, direct(mpfr_atan), Focus::Real, pm_half_pi},
        {"asin", [](const MpInterval& x) { return asin(x); }, direct(mpfr_asin), Focus::Unit, pm_half_pi},
        {"acos", [](const MpInterval& x) { return acos(x); }, direct(mpfr_acos), Focus::Unit,
         [](mpfr_prec_t p) { return hull(MpInterval(0.0, p), mp_pi(p)); }},
        {"erf", [](const MpInterval& x) { return erf(x); }, direct(mpfr_erf), Focus::Real,
         [](mpfr_prec_t p) { return range_of(-1, 1, p); }},
        {"erfc", [](const MpInterval& x) { return erfc(x); }, direct(mpfr_erfc), Focus::Real,
         [](mpfr_prec_t p) { return range_of(0, 2, p); }},
        {"gaussian_pdf", [](const MpInterval& x) { return gaussian_pdf(x); }, ref_pdf, Focus::Real,
         [](mpfr_prec_t p) { return hull(MpInterval(0.0, p), mp_inv_sqrt_2pi(p)); }},
        {"gaussian_cdf", [](const MpInterval& x) { return gaussian_cdf(x); }, ref_cdf, Focus::Real,
         [](mpfr_prec_t p) { return range_of(0, 1, p); }},
        {"neg", [](const MpInterval& x) { return -x; }, direct(mpfr_neg), Focus::Real, {}},
        {"sqr", [](const MpInterval& x) { return sqr(x); }, direct(mpfr_sqr), Focus::Real,
         [](mpfr_prec_t p) { return range_of(0, INFINITY, p); }},
        {"abs", [](const MpInterval& x) { return abs(x); }, direct(mpfr_abs), Focus::Real,
         [](mpfr_prec_t p) { return range_of(0, INFINITY, p); }},
    };
    for (int n : {-3, -2, -1, 0, 1, 2, 3, 4, 5, 8, 13}) {
        Ref1 ref = [n](mpfr_ptr lo, mpfr_ptr hi, mpfr_srcptr x) {
            if (n < 0 && mpfr_zero_p(x)) return false;
            mpfr_pow_si(lo, x, n, MPFR_RNDD);
            mpfr_pow_si(hi, x, n, MPFR_RNDU);
            return true;
        };
        u.push_back({"pow(x, " + std::to_string(n) + ")", [n](const MpInterval& x) { return pow(x, n); }, ref, Focus::Real,
                     n % 2 == 0 && n >= 0 ? std::function<MpInterval(mpfr_prec_t)>(
                                                [](mpfr_prec_t p) { return range_of(0, INFINITY, p); })
                                          : std::function<MpInterval(mpfr_prec_t)>{}});
    }
    return u;
}

// Evaluates fn on `inputs` random inputs at precision p and checks: containment of the reference at
// 4 points of each input (both endpoints, two random), the known range, isotonicity on a random
// sub-interval, and overlap with the result at precision p + 50.
Report run_unary(const Unary& fn, mpfr_prec_t p, long inputs, std::uint64_t seed) {
    Report rep;
    Gen g(seed, p);
    const mpfr_prec_t P = p + 100;
    const MpInterval range = fn.range ? fn.range(p) : MpInterval::entire(p);
    Fr x(P);
    for (long i = 0; i < inputs; ++i) {
        const MpInterval X = g.input(fn.focus);
        ++rep.inputs;
        const std::string where = std::string(fn.name) + " at precision " + std::to_string(p) + ", X = " + X.to_string();
        bool threw = false;
        MpInterval R;
        // MP_TRACE=1 prints each input before evaluating it (to find an input that hangs).
        if (std::getenv("MP_TRACE")) std::fprintf(stderr, "%s\n", where.c_str());
        try {
            R = fn.f(X);
        } catch (const DomainError&) {
            threw = true;
        }
        for (int k = 0; k < 4; ++k) {
            g.sample(x, X, k);
            ++rep.points;
            bool dom = false;
            if (threw) {
                Fr lo(P), hi(P);
                if (fn.ref(lo, hi, x)) rep.fail(where + ": threw DomainError although x = " + fr(x) + " is in the domain");
                continue;
            }
            const std::string msg = check_point(fn.ref, R, x, P, &dom);
            if (!msg.empty()) rep.fail(where + ": does not contain f(x)\n  " + msg);
        }
        if (threw) continue;
        if (!range.contains(R)) rep.fail(where + ": result " + R.to_string() + " outside the known range");
        if (R.precision() != p) rep.fail(where + ": result precision " + std::to_string(R.precision()));
        // Isotonicity: f(X') within f(X) for X' within X.
        const MpInterval Xs = g.sub(X);
        try {
            const MpInterval Rs = fn.f(Xs);
            if (!R.contains(Rs))
                rep.fail(where + ": not isotone: X' = " + Xs.to_string() + " gives " + Rs.to_string() + " outside " +
                         R.to_string());
        } catch (const DomainError&) {
        }
        // The same input at a higher precision (exact conversion) must give an overlapping result.
        const MpInterval Xh(X.lower(), X.upper(), p + 50);
        const MpInterval Rh = fn.f(Xh);
        if (mpfr_greater_p(Rh.lower(), R.upper()) || mpfr_greater_p(R.lower(), Rh.upper()))
            rep.fail(where + ": results at two precisions are disjoint: " + R.to_string() + " and " + Rh.to_string());
    }
    return rep;
}

struct Binary {
    std::string name;
    std::function<MpInterval(const MpInterval&, const MpInterval&)> f;
    Ref2 ref;
    Focus focus;
};

std::vector<Binary> binary_functions() {
    auto two = [](int (*op)(mpfr_ptr, mpfr_srcptr, mpfr_srcptr, mpfr_rnd_t)) {
        return [op](mpfr_ptr lo, mpfr_ptr hi, mpfr_srcptr x, mpfr_srcptr y) {
            op(lo, x, y, MPFR_RNDD);
            op(hi, x, y, MPFR_RNDU);
            return !mpfr_nan_p(lo);
        };
    };
    return {
        {"add", [](const MpInterval& a, const MpInterval& b) { return a + b; }, two(mpfr_add), Focus::Real},
        {"sub", [](const MpInterval& a, const MpInterval& b) { return a - b; }, two(mpfr_sub), Focus::Real},
        {"mul", [](const MpInterval& a, const MpInterval& b) { return a * b; }, two(mpfr_mul), Focus::Real},
        {"div", [](const MpInterval& a, const MpInterval& b) { return a / b; },
         [](mpfr_ptr lo, mpfr_ptr hi, mpfr_srcptr x, mpfr_srcptr y) {
             if (mpfr_zero_p(y)) return false;
             mpfr_div(lo, x, y, MPFR_RNDD);
             mpfr_div(hi, x, y, MPFR_RNDU);
             return true;
         },
         Focus::Real},
        {"min", [](const MpInterval& a, const MpInterval& b) { return min(a, b); }, two(mpfr_min), Focus::Real},
        {"max", [](const MpInterval& a, const MpInterval& b) { return max(a, b); }, two(mpfr_max), Focus::Real},
        // atan2(y, x): the first argument is y. y = 0 counts as +0 (angle pi on the negative x-axis).
        {"atan2", [](const MpInterval& y, const MpInterval& x) { return atan2(y, x); },
         [](mpfr_ptr lo, mpfr_ptr hi, mpfr_srcptr y, mpfr_srcptr x) {
             if (mpfr_zero_p(y) && mpfr_zero_p(x)) return false;
             Fr yy(mpfr_get_prec(y));
             mpfr_set(yy, y, MPFR_RNDN);
             if (mpfr_zero_p(yy)) mpfr_set_zero(yy, +1);
             mpfr_atan2(lo, yy, x, MPFR_RNDD);
             mpfr_atan2(hi, yy, x, MPFR_RNDU);
             return true;
         },
         Focus::Real},
    };
}

Report run_binary(const Binary& fn, mpfr_prec_t p, long inputs, std::uint64_t seed) {
    Report rep;
    Gen g(seed, p);
    const mpfr_prec_t P = p + 100;
    Fr x(P), y(P);
    for (long i = 0; i < inputs; ++i) {
        // Mixed precisions sometimes: the result must get the larger one.
        MpInterval X = g.input(fn.focus), Y = g.input(fn.focus);
        if (g.uniform_int(0, 7) == 0) X = MpInterval(X.lower(), X.upper(), p + 16);
        if (fn.name == "atan2" && g.coin()) {
            // Boxes near the cut and the origin. X is y: around 0; Y is x: negative, or around 0.
            Fr a(p), b(p), z(p);
            g.logu(a, -200, 3, true);
            g.logu(b, -200, 3, true);
            mpfr_neg(a, a, MPFR_RNDN);  // a < 0 < b
            mpfr_set_zero(z, +1);
            switch (g.uniform_int(0, 3)) {
                case 0: X = MpInterval(a, b, p); break;
                case 1: X = MpInterval(z, b, p); break;
                case 2: X = MpInterval(a, z, p); break;
                default: X = MpInterval(z, z, p); break;
            }
            g.logu(a, -200, 3, true);
            g.logu(b, -200, 3, true);
            if (mpfr_less_p(a, b)) mpfr_swap(a, b);
            mpfr_neg(a, a, MPFR_RNDN);
            mpfr_neg(b, b, MPFR_RNDN);  // a <= b < 0
            switch (g.uniform_int(0, 3)) {
                case 0: Y = MpInterval(a, b, p); break;
                case 1: Y = MpInterval(a, z, p); break;
                case 2: Y = MpInterval(b, b, p); break;
                default: break;  // keep the random one
            }
        }
        ++rep.inputs;
        const std::string where = std::string(fn.name) + " at precision " + std::to_string(p) + ", X = " +
                                  X.to_string() + ", Y = " + Y.to_string();
        bool threw = false;
        MpInterval R;
        try {
            R = fn.f(X, Y);
        } catch (const DomainError&) {
            threw = true;
        }
        if (!threw && R.precision() != std::max(X.precision(), Y.precision()))
            rep.fail(where + ": result precision " + std::to_string(R.precision()));
        for (int k = 0; k < 4; ++k) {
            g.sample(x, X, k);
            g.sample(y, Y, static_cast<int>((k + 1) % 4));
            ++rep.points;
            Fr lo(P), hi(P);
            const bool dom = fn.ref(lo, hi, x, y);
            if (threw) {
                if (dom) rep.fail(where + ": threw DomainError although (x, y) = (" + fr(x) + ", " + fr(y) + ") is in the domain");
                continue;
            }
            if (!dom || encloses(R, lo, hi)) continue;
            rep.fail(where + ": does not contain f(x, y)\n  x = " + fr(x) + ", y = " + fr(y) + "\n  result = " +
                     R.to_string() + "\n  reference = [" + fr(lo) + ", " + fr(hi) + "]");
        }
        if (threw) continue;
        const MpInterval Xs = g.sub(X), Ys = g.sub(Y);
        try {
            const MpInterval Rs = fn.f(Xs, Ys);
            if (!R.contains(Rs))
                rep.fail(where + ": not isotone: X' = " + Xs.to_string() + ", Y' = " + Ys.to_string() + " give " +
                         Rs.to_string() + " outside " + R.to_string());
        } catch (const DomainError&) {
        }
    }
    return rep;
}

constexpr mpfr_prec_t kPrecs[] = {64, 113, 200};

bool selected(const std::string& name, std::initializer_list<const char*> family) {
    for (const char* f : family)
        if (name == f || (std::string(f) == "pow" && name.rfind("pow(", 0) == 0)) return true;
    return false;
}

// Runs the harness on the functions of one family ("pow" selects every pow(x, n)). inputs_per_prec
// > 0: that many inputs per function and precision; < 0: -inputs_per_prec shared by the family.
void check_unary(std::initializer_list<const char*> family, long inputs_per_prec, std::uint64_t seed) {
    long checked = 0;
    std::vector<const Unary*> fns;
    static const std::vector<Unary> all = unary_functions();
    for (const Unary& fn : all)
        if (selected(fn.name, family)) fns.push_back(&fn);
    if (inputs_per_prec < 0) inputs_per_prec = (-inputs_per_prec + static_cast<long>(fns.size()) - 1) / static_cast<long>(fns.size());
    for (const Unary* f : fns) {
        const Unary& fn = *f;
        ++checked;
        for (mpfr_prec_t p : kPrecs) {
            const Report rep = run_unary(fn, p, inputs_per_prec, seed + static_cast<std::uint64_t>(p));
            INFO(fn.name << " at " << p << " bits: " << rep.inputs << " inputs, " << rep.points << " points, "
                         << rep.failures << " failures\n" << rep.first);
            CHECK(rep.failures == 0);
            CHECK(rep.points >= 4 * inputs_per_prec);
        }
    }
    CHECK(checked >= static_cast<long>(family.size()));
    CHECK(checked == static_cast<long>(fns.size()));
}

void check_binary(std::initializer_list<const char*> family, long inputs_per_prec, std::uint64_t seed) {
    long checked = 0;
    std::vector<const Binary*> fns;
    static const std::vector<Binary> all = binary_functions();
    for (const Binary& fn : all)
        if (selected(fn.name, family)) fns.push_back(&fn);
    if (inputs_per_prec < 0) inputs_per_prec = (-inputs_per_prec + static_cast<long>(fns.size()) - 1) / static_cast<long>(fns.size());
    for (const Binary* f : fns) {
        const Binary& fn = *f;
        ++checked;
        for (mpfr_prec_t p : kPrecs) {
            const Report rep = run_binary(fn, p, inputs_per_prec, seed + static_cast<std::uint64_t>(p));
            INFO(fn.name << " at " << p << " bits: " << rep.inputs << " inputs, " << rep.points << " points, "
                         << rep.failures << " failures\n" << rep.first);
            CHECK(rep.failures == 0);
            CHECK(rep.points >= 4 * inputs_per_prec);
        }
    }
    CHECK(checked == static_cast<long>(family.size()));
}

// Fast runs: 850 inputs per function and precision, i.e. ~10^4 points per function (3 precisions x 4
// points each). Long runs: 34000 inputs per precision shared by the family, i.e. >= 4*10^5 points per
// function family.
constexpr long kFast = 850;
constexpr long kLong = -34000;

#define RELUCERT_CONTAINMENT(family_name, kind, ...)                                                        \
    TEST_CASE("MpInterval containment: " family_name, "[mp_interval][containment]") {                     \
        check_##kind({__VA_ARGS__}, kFast, 1000 + __LINE__);                                               \
    }                                                                                                       \
    TEST_CASE("MpInterval containment, 4*10^5 points per family: " family_name, "[mp_interval][long]") {  \
        check_##kind({__VA_ARGS__}, kLong, 7000000 + __LINE__);                                            \
    }

MpInterval iv(double lo, double hi, mpfr_prec_t p = 64) { return MpInterval(lo, hi, p); }

}  // namespace

// ================================================================================================

TEST_CASE("containment checker detects a one-ulp-too-tight enclosure", "[mp_interval][checker]") {
    const mpfr_prec_t p = 64, P = p + 100;
    const Ref1 ref = direct(mpfr_sin);
    Fr x(p), lo(p), hi(p);
    mpfr_set_d(x, 0x1.921fb54442d18p+0, MPFR_RNDN);  // near pi/2: sin is near 1, where shrinking matters
    mpfr_sin(lo, x, MPFR_RNDD);
    mpfr_sin(hi, x, MPFR_RNDU);
    REQUIRE(!mpfr_equal_p(lo, hi));  // sin(x) is not a 64-bit number
    const MpInterval right(lo, hi, p);
    CHECK(checker_accepts(ref, right, x, P));
    CHECK(checker_accepts(ref, sin(MpInterval(x, x, p)), x, P));
    Fr t(p);
    mpfr_set(t, hi, MPFR_RNDN);
    mpfr_nextbelow(t);
    CHECK_FALSE(checker_accepts(ref, MpInterval(lo, t, p), x, P));  // upper one ulp too low
    mpfr_set(t, lo, MPFR_RNDN);
    mpfr_nextabove(t);
    CHECK_FALSE(checker_accepts(ref, MpInterval(t, hi, p), x, P));  // lower one ulp too high
    // The same at 200 bits on a composite reference.
    Fr x2(200), l2(200), h2(200);
    mpfr_set_d(x2, -1.75, MPFR_RNDN);
    const MpInterval phi = relucert::gaussian_cdf(MpInterval(x2, x2, 200));
    CHECK(checker_accepts(ref_cdf, phi, x2, 300));
    mpfr_set(h2, phi.upper(), MPFR_RNDN);
    mpfr_set(l2, phi.lower(), MPFR_RNDN);
    if (!mpfr_equal_p(l2, h2)) mpfr_nextabove(l2);
    // shrink until it excludes the true value: a correct 200-bit result is at most a few ulps wide
    for (int i = 0; i < 8 && checker_accepts(ref_cdf, MpInterval(l2, h2, 200), x2, 300); ++i) mpfr_nextabove(l2);
    CHECK_FALSE(checker_accepts(ref_cdf, MpInterval(l2, h2, 200), x2, 300));

    // The whole harness run on a mutated function must report failures: sin shrunk by one ulp at the
    // upper end, and cos passed off as sin.
    Unary broken{"sin shrunk",
                 [](const MpInterval& X) {
                     MpInterval r = sin(X);
                     Fr u(r.precision()), l(r.precision());
                     mpfr_set(u, r.upper(), MPFR_RNDN);
                     mpfr_set(l, r.lower(), MPFR_RNDN);
                     if (mpfr_greater_p(u, l)) mpfr_nextbelow(u);
                     return MpInterval(l, u, r.precision());
                 },
                 direct(mpfr_sin), Focus::Trig, {}};
    CHECK(run_unary(broken, 64, 300, 1).failures > 0);
    Unary wrong{"cos as sin", [](const MpInterval& X) { return cos(X); }, direct(mpfr_sin), Focus::Trig, {}};
    CHECK(run_unary(wrong, 64, 100, 2).failures > 0);
    // A binary mutation: a + b computed as a + b with the upper end one ulp low on point inputs.
    Binary badd{"add shrunk",
                [](const MpInterval& a, const MpInterval& b) {
                    MpInterval r = a + b;
                    Fr u(r.precision());
                    mpfr_set(u, r.upper(), MPFR_RNDN);
                    if (mpfr_greater_p(u, r.lower())) mpfr_nextbelow(u);
                    return MpInterval(r.lower(), u, r.precision());
                },
                binary_functions()[0].ref, Focus::Real};
    CHECK(run_binary(badd, 64, 300, 3).failures > 0);
}

RELUCERT_CONTAINMENT("sqrt exp expm1", unary, "sqrt", "exp", "expm1")
RELUCERT_CONTAINMENT("log log1p", unary, "log", "log1p")
RELUCERT_CONTAINMENT("sin cos tan", unary, "sin", "cos", "tan")
RELUCERT_CONTAINMENT("atan asin acos", unary, "atan", "asin", "acos")
RELUCERT_CONTAINMENT("erf erfc", unary, "erf", "erfc")
RELUCERT_CONTAINMENT("gaussian_pdf gaussian_cdf", unary, "gaussian_pdf", "gaussian_cdf")
RELUCERT_CONTAINMENT("neg sqr abs pow", unary, "neg", "sqr", "abs", "pow")
RELUCERT_CONTAINMENT("add sub mul div", binary, "add", "sub", "mul", "div")
RELUCERT_CONTAINMENT("min max", binary, "min", "max")
RELUCERT_CONTAINMENT("atan2", binary, "atan2")

TEST_CASE("MpInterval construction, conversion and accessors", "[mp_interval]") {
    const MpInterval a(0.1, 100);
    CHECK(a.is_point());
    CHECK(a.precision() == 100);
    CHECK(a.lower_double_down() == 0.1);
    CHECK(a.upper_double_up() == 0.1);
    CHECK(a.to_string() == "[0x1.999999999999ap-4, 0x1.999999999999ap-4]");
    CHECK(MpInterval(0.0, 64).to_string() == "[0, 0]");
    CHECK(MpInterval(-0.0, 64).upper_double_up() == 0.0);
    CHECK_FALSE(std::signbit(MpInterval(-0.0, 64).upper_double_up()));
    CHECK(MpInterval(std::numeric_limits<double>::denorm_min(), 53).lower_double_down() ==
          std::numeric_limits<double>::denorm_min());
    CHECK(MpInterval().is_point());
    CHECK(MpInterval().precision() == 53);
    CHECK(MpInterval(7).to_interval() == Interval(7.0));

    const Interval I(-0x1.8p-1074, 0x1.fffffffffffffp+1023);  // subnormal-ish and DBL_MAX endpoints
    const Interval J(-1.5, 2.25);
    CHECK(MpInterval(J, 128).to_interval() == J);
    CHECK(MpInterval(Interval(-INFINITY, 3.0), 64).to_interval() == Interval(-INFINITY, 3.0));
    CHECK(MpInterval(Interval::entire(), 64).to_interval() == Interval::entire());
    CHECK(MpInterval(Interval(DBL_MAX), 64).to_interval() == Interval(DBL_MAX));

    // Outward rounding to doubles.
    const MpInterval third = MpInterval(1.0, 200) / 3;
    const Interval t = third.to_interval();
    CHECK(t.lo() < t.hi());
    CHECK(t.hi() == std::nextafter(t.lo(), 1.0));
    CHECK(t.contains(1.0 / 3.0));
    CHECK(mpfr_cmp_d(third.lower(), t.lo()) > 0);
    CHECK(mpfr_cmp_d(third.upper(), t.hi()) < 0);
    const MpInterval huge = relucert::exp(MpInterval(1000.0, 64));  // beyond DBL_MAX
    CHECK(huge.lower_double_down() == DBL_MAX);
    CHECK(huge.upper_double_up() == INFINITY);
    const MpInterval tiny = relucert::exp(MpInterval(-1000.0, 64));  // below denorm_min
    CHECK(tiny.lower_double_down() == 0.0);
    CHECK(tiny.upper_double_up() == std::numeric_limits<double>::denorm_min());

    // Rationals.
    const Rational q(3, 10);
    const MpInterval mq(q, 90);
    CHECK(mq.contains(q));
    CHECK_FALSE(mq.is_point());
    CHECK(mq.contains(0.3) == (mq.contains(0.3)));  // 0.3 (double) may or may not be inside at 90 bits
    CHECK_FALSE(mq.contains(Rational(3, 10) + Rational(1, 1000000)));
    CHECK(MpInterval(Rational(5, 8), 64).is_point());
    CHECK(relucert::ScalarOps<MpInterval>::from_rational(q).precision() == 256);
    CHECK(relucert::ScalarOps<MpInterval>::from_rational(q, 512).precision() == 512);
    CHECK(relucert::ScalarOps<MpInterval>::from_rational(q, 512).contains(q));
    CHECK(relucert::ScalarOps<MpInterval>::from_rational(q).width() < 1e-76);

    // Strings: decimal rounded outward, hex exact, infinities allowed at the right ends.
    const MpInterval s = MpInterval::from_string("0.1", 64);
    CHECK(s.contains(Rational(1, 10)));
    CHECK_FALSE(s.is_point());
    CHECK(MpInterval::from_string("0x1.8p-3", 64).is_point());
    CHECK(MpInterval::from_string("0x1.8p-3", 64).lower_double_down() == 0.1875);
    CHECK(MpInterval::from_strings("-inf", "2.5", 64).to_interval() == Interval(-INFINITY, 2.5));
    CHECK_THROWS_AS(MpInterval::from_string("abc", 64), std::invalid_argument);
    CHECK_THROWS_AS(MpInterval::from_string("", 64), std::invalid_argument);
    CHECK_THROWS_AS(MpInterval::from_string("1.5x", 64), std::invalid_argument);
    CHECK_THROWS_AS(MpInterval::from_string("nan", 64), std::invalid_argument);
    CHECK_THROWS_AS(MpInterval::from_strings("2", "1", 64), DomainError);
    CHECK_THROWS_AS(MpInterval::from_string("inf", 64), DomainError);  // lower +inf

    // Invalid construction.
    CHECK_THROWS_AS(MpInterval(std::nan(""), 64), DomainError);
    CHECK_THROWS_AS(MpInterval(INFINITY, 64), DomainError);
    CHECK_THROWS_AS(MpInterval(2.0, 1.0, 64), DomainError);
    CHECK_THROWS_AS(MpInterval(INFINITY, INFINITY, 64), DomainError);
    CHECK_THROWS_AS(MpInterval(1.0, 52), std::invalid_argument);

    // contains / certainly / width / mag / mig / mid.
    const MpInterval x = iv(-2, 3);
    CHECK(x.contains(0.0));
    CHECK(x.contains(-2.0));
    CHECK_FALSE(x.contains(3.0000000000000004));
    CHECK_FALSE(x.contains(std::nan("")));
    CHECK(x.contains(iv(-1, 3)));
    CHECK_FALSE(x.contains(iv(-1, 4)));
    CHECK(x.interior_contains(iv(-1, 2)));
    CHECK_FALSE(x.interior_contains(iv(-2, 2)));
    CHECK(x.contains_zero());
    CHECK(x.width() == 5.0);
    CHECK(x.mag() == 3.0);
    CHECK(x.mig() == 0.0);
    CHECK(iv(-5, -2).mig() == 2.0);
    CHECK(iv(1, 2).certainly_positive());
    CHECK(iv(0, 2).certainly_nonnegative());
    CHECK_FALSE(iv(0, 2).certainly_positive());
    CHECK(iv(-2, -1).certainly_negative());
    CHECK(iv(-2, 0).certainly_nonpositive());
    CHECK_FALSE(iv(-2, 0).certainly_negative());
    CHECK(iv(1, 2).mid().to_interval() == Interval(1.5));
    CHECK(MpInterval::entire(64).mid().to_interval() == Interval(0.0));
    CHECK(iv(1, INFINITY).mid().to_interval() == Interval(DBL_MAX));
    CHECK(iv(-INFINITY, 1).mid().to_interval() == Interval(-DBL_MAX));
    CHECK_FALSE(MpInterval::entire(64).is_bounded());
    CHECK(huge.mid().contains(huge.mid()));
    CHECK(huge.contains(huge.mid()));
    const MpInterval wide = relucert::hull(relucert::exp(MpInterval(1000.0, 64)), relucert::exp(MpInterval(2000.0, 64)));
    CHECK(wide.contains(wide.mid()));
    std::ostringstream os;
    os << iv(1, 2);
    CHECK(os.str() == "[1.0000000000000000000e+00, 2.0000000000000000000e+00]");
    CHECK(third.to_decimal_string(5) == "[3.3333e-01, 3.3334e-01]");
}

TEST_CASE("MpInterval precision rules", "[mp_interval]") {
    const MpInterval a(1.0, 64), b(3.0, 200);
    CHECK((a + b).precision() == 200);
    CHECK((a / b).precision() == 200);
    CHECK((b * 2).precision() == 200);
    CHECK((0.5 * a).precision() == 64);
    CHECK(sin(a).precision() == 64);
    CHECK(atan2(a, b).precision() == 200);
    CHECK(relucert::mp_pi(300).precision() == 300);
    CHECK(MpInterval::pi(77).precision() == 77);
    CHECK(relucert::ScalarOps<MpInterval>::pi().precision() == 256);
    CHECK(relucert::pi<MpInterval>().precision() == 256);
    // More precision gives a tighter 1/3.
    CHECK((MpInterval(1.0, 200) / 3).width() < (MpInterval(1.0, 64) / 3).width());
    CHECK((MpInterval(1.0, 64) / MpInterval(3.0, 200)).width() < 1e-59);
    // Precision-converting copy of a 200-bit value through the mpfr constructor rounds outward.
    const MpInterval t = MpInterval(1.0, 200) / 3;
    const MpInterval t64(t.lower(), t.upper(), 64);
    CHECK(t64.contains(t));
    CHECK(t64.precision() == 64);
    // Constants contain their values (pi to 1000 bits vs 64 bits: nested).
    CHECK(relucert::mp_pi(64).contains(relucert::mp_pi(1000)));
    CHECK(relucert::mp_ln2(64).contains(relucert::mp_ln2(1000)));
    CHECK(relucert::mp_sqrt2(64).contains(relucert::mp_sqrt2(1000)));
    CHECK(relucert::mp_inv_sqrt_2pi(64).contains(relucert::mp_inv_sqrt_2pi(1000)));
    CHECK(relucert::mp_half_pi(64).contains(relucert::mp_half_pi(1000)));
    CHECK(relucert::mp_pi(1000).width() < 1e-299);
    CHECK(relucert::mp_pi(53).to_interval().contains(std::numbers::pi));
    CHECK(relucert::mp_inv_sqrt_2pi(64).to_interval().contains(0.3989422804014327));
}

TEST_CASE("MpInterval value semantics", "[mp_interval]") {
    MpInterval a(1.5, 64);
    MpInterval b = a;  // copy
    b += 1;
    CHECK(a.to_interval() == Interval(1.5));
    CHECK(b.to_interval() == Interval(2.5));
    CHECK(b.precision() == 64);
    MpInterval c(0.0, 300);
    c = a;  // copy assignment takes the source's precision
    CHECK(c.precision() == 64);
    CHECK(c == a);
    c = c;  // self-assignment
    CHECK(c == a);
    a = a * 2;  // a reads itself: no aliasing problem
    CHECK(a.to_interval() == Interval(3.0));
    a *= a;
    CHECK(a.to_interval() == Interval(9.0));
    MpInterval d = std::move(c);  // move leaves a valid [0, 0]
    CHECK(d.to_interval() == Interval(1.5));
    CHECK(c.to_interval() == Interval(0.0));  // NOLINT(bugprone-use-after-move): specified state
    c = MpInterval(4.0, 128);
    CHECK(c.to_interval() == Interval(4.0));
    CHECK(c.precision() == 128);
    swap(c, d);
    CHECK(c.to_interval() == Interval(1.5));
    CHECK(d.precision() == 128);
    std::vector<MpInterval> v;
    for (int i = 0; i < 100; ++i) v.push_back(MpInterval(i) / 7);
    for (int i = 0; i < 100; ++i) {
        INFO(i);
        CHECK(v[i].contains(Rational(i, 7)));
        if (i % 7 != 0) CHECK(v[i].width() > 0.0);
    }
    std::vector<MpInterval> w = v;
    w[3] += 1000;
    CHECK(v[3].contains(Rational(3, 7)));
    CHECK_FALSE(w[3].contains(Rational(3, 7)));
    const MpInterval x = iv(-1, 2);
    // Exposed endpoints are views: a copy's change does not reach the original.
    MpInterval y = x;
    y = -y;
    CHECK(mpfr_cmp_si(x.lower(), -1) == 0);
    CHECK(mpfr_cmp_si(y.lower(), -2) == 0);
    CHECK(MpInterval(x.get_mpfi()) == x);
}

TEST_CASE("MpInterval arithmetic semantics match Interval", "[mp_interval]") {
    // Division: denominator containing 0 -> the whole line (MPFI alone gives [1, inf] here).
    CHECK(MpInterval(iv(1, 2) / iv(0, 1)).to_interval() == Interval::entire());
    CHECK((iv(1, 2) / iv(-1, 0)).to_interval() == Interval::entire());
    CHECK((iv(1, 2) / iv(-1, 1)).to_interval() == Interval::entire());
    CHECK_THROWS_AS(iv(1, 2) / iv(0, 0), DomainError);
    CHECK_THROWS_AS(iv(0, 0) / iv(0, 0), DomainError);
    CHECK((iv(0, 0) / iv(1, 2)).to_interval() == Interval(0.0));
    // 0 * inf = 0 for endpoints.
    CHECK((iv(0, 0) * MpInterval::entire(64)).to_interval() == Interval(0.0));
    CHECK((iv(0, 0) * iv(1, INFINITY)).to_interval() == Interval(0.0));
    CHECK((iv(0, 1) * iv(1, INFINITY)).to_interval() == Interval(0.0, INFINITY));
    CHECK((iv(-3, 2) * iv(-1, 4)).to_interval() == Interval(-12, 8));
    CHECK(sqr(iv(-3, 2)).to_interval() == Interval(0, 9));
    CHECK((iv(-3, 2) * iv(-3, 2)).to_interval() == Interval(-6, 9));
    CHECK(abs(iv(-3, 2)).to_interval() == Interval(0, 3));
    CHECK(min(iv(-3, 2), iv(-1, 1)).to_interval() == Interval(-3, 1));
    CHECK(max(iv(-3, 2), iv(-1, 1)).to_interval() == Interval(-1, 2));
    CHECK(pow(iv(-3, 2), 2).to_interval() == Interval(0, 9));
    CHECK(pow(iv(-3, 2), 3).to_interval() == Interval(-27, 8));
    CHECK(pow(iv(-3, 2), 0).to_interval() == Interval(1.0));
    CHECK(pow(iv(0, 0), 0).to_interval() == Interval(1.0));
    CHECK(pow(iv(2, 4), -2).to_interval() == Interval(0.0625, 0.25));
    CHECK(pow(iv(-1, 2), -1).to_interval() == Interval::entire());
    CHECK_THROWS_AS(pow(iv(0, 0), -2), DomainError);
    CHECK(pow(iv(2, 2), std::numeric_limits<int>::min()).certainly_nonnegative());
    CHECK(relucert::hull(iv(1, 2), iv(5, 6)).to_interval() == Interval(1, 6));
    CHECK(relucert::intersect(iv(1, 5), iv(2, 6)).to_interval() == Interval(2, 5));
    CHECK_THROWS_AS(relucert::intersect(iv(1, 2), iv(3, 4)), DomainError);
    CHECK((-iv(1, 2)).to_interval() == Interval(-2, -1));
    CHECK((+iv(1, 2)).to_interval() == Interval(1, 2));
    CHECK((1 - iv(1, 2)).to_interval() == Interval(-1, 0));
    CHECK((iv(1, 2) - 0.5).to_interval() == Interval(0.5, 1.5));
    CHECK((6 / iv(1, 2)).to_interval() == Interval(3, 6));
    CHECK((iv(1, 2) / 2).to_interval() == Interval(0.5, 1));
    MpInterval z = iv(1, 2);
    z -= iv(1, 1);
    z /= iv(2, 2);
    CHECK(z.to_interval() == Interval(0, 0.5));
}

TEST_CASE("MpInterval domains and range clipping", "[mp_interval]") {
    using relucert::mp_pi;
    // Entirely outside the domain: DomainError.
    CHECK_THROWS_AS(sqrt(iv(-2, -1)), DomainError);
    CHECK_THROWS_AS(log(iv(-2, -1)), DomainError);
    CHECK_THROWS_AS(log(iv(-1, 0)), DomainError);
    CHECK_THROWS_AS(log(iv(0, 0)), DomainError);  // MPFI alone gives [-inf, -inf]
    CHECK_THROWS_AS(log1p(iv(-3, -1)), DomainError);
    CHECK_THROWS_AS(asin(iv(1.5, 2)), DomainError);
    CHECK_THROWS_AS(acos(iv(-3, -2)), DomainError);
    CHECK_THROWS_AS(atan2(iv(0, 0), iv(0, 0)), DomainError);
    // Partially outside: image of the part inside (MPFI alone gives NaN endpoints here).
    CHECK(sqrt(iv(-1, 4)).to_interval() == Interval(0, 2));
    CHECK(sqrt(iv(-1, 0)).to_interval() == Interval(0, 0));
    CHECK(log(iv(-1, 1)).to_interval() == Interval(-INFINITY, 0));
    CHECK(log(iv(0, 1)).to_interval() == Interval(-INFINITY, 0));
    CHECK(log1p(iv(-5, 0)).to_interval() == Interval(-INFINITY, 0));
    CHECK(acos(iv(-2, 0.5)) == acos(iv(-1, 0.5)));
    CHECK(acos(iv(1, 7)).to_interval() == Interval(0.0));
    CHECK(asin(iv(-2, 2)) == asin(iv(-1, 1)));
    CHECK(asin(iv(-2, 2)).contains(relucert::mp_half_pi(64)));
    // Clipping to the known ranges.
    CHECK(sin(iv(0, 1e300)).to_interval() == Interval(-1, 1));
    CHECK(cos(MpInterval::entire(64)).to_interval() == Interval(-1, 1));
    CHECK(sin(iv(1.5, 1.6)).upper_double_up() == 1.0);
    CHECK(cos(iv(-0.1, 0.1)).upper_double_up() == 1.0);
    CHECK(erf(MpInterval::entire(64)).to_interval() == Interval(-1, 1));
    CHECK(erfc(MpInterval::entire(64)).to_interval() == Interval(0, 2));
    CHECK(gaussian_cdf(MpInterval::entire(64)).to_interval() == Interval(0, 1));
    CHECK(gaussian_cdf(iv(40, 1e300)).upper_double_up() == 1.0);
    CHECK(gaussian_cdf(iv(-1e300, -40)).lower_double_down() == 0.0);
    CHECK(gaussian_pdf(MpInterval::entire(64)).lower_double_down() == 0.0);
    CHECK(gaussian_pdf(MpInterval::entire(64)).contains(relucert::mp_inv_sqrt_2pi(128)));
    CHECK(relucert::mp_inv_sqrt_2pi(64).contains(gaussian_pdf(iv(-1, 1)).upper()));
    CHECK(acos(iv(-1, 1)).contains(mp_pi(200)));
    CHECK(mp_pi(64).contains(acos(iv(-1, 1)).upper()));
    CHECK(mpfr_zero_p(acos(iv(-1, 1)).lower()));
    CHECK(atan(MpInterval::entire(64)).contains(relucert::mp_half_pi(200)));
    CHECK(exp(iv(-INFINITY, 0)).to_interval() == Interval(0, 1));
    CHECK(expm1(iv(-INFINITY, 0)).to_interval() == Interval(-1, 0));
    CHECK(tan(iv(1, 2)).to_interval() == Interval::entire());  // crosses pi/2
    CHECK(tan(iv(1, 1.5)).is_bounded());
    // Exact values.
    CHECK(sqrt(iv(4, 9)).to_interval() == Interval(2, 3));
    CHECK(exp(iv(0, 0)).to_interval() == Interval(1.0));
    CHECK(log(iv(1, 1)).to_interval() == Interval(0.0));
    CHECK(sin(iv(0, 0)).to_interval() == Interval(0.0));
    CHECK(cos(iv(0, 0)).to_interval() == Interval(1.0));
    CHECK(erf(iv(0, 0)).to_interval() == Interval(0.0));
    CHECK(gaussian_cdf(iv(0, 0)).to_interval() == Interval(0.5));
    CHECK(asin(iv(1, 1)).contains(relucert::mp_half_pi(300)));
}

TEST_CASE("MpInterval atan2 conventions (and the MPFI bug they work around)", "[mp_interval]") {
    using relucert::mp_half_pi;
    using relucert::mp_pi;
    const MpInterval pi = mp_pi(300), hp = mp_half_pi(300);
    // y = 0 on the negative x-axis: exactly pi, tightly.
    const MpInterval a = atan2(iv(0, 0), iv(-2, -1));
    CHECK(a.contains(pi));
    CHECK(a.width() < 1e-18);
    // y straddling 0 on the negative side: [-pi, pi] (MPFI: [-pi, -3pi/4], missing pi).
    const MpInterval b = atan2(iv(-1, 0), iv(-2, -1));
    CHECK(b.contains(pi));
    CHECK(b.contains(-pi));
    {
        mpfi_t r, y, x;
        mpfi_init2(r, 64);
        mpfi_init2(y, 64);
        mpfi_init2(x, 64);
        mpfi_interv_d(y, -1, 0);
        mpfi_interv_d(x, -2, -1);
        mpfi_atan2(r, y, x);
        if (mpfr_cmp_d(&r->right, 3.0) > 0) WARN("mpfi_atan2([-1,0], [-2,-1]) now contains pi: MPFI bug fixed?");
        mpfi_clear(r);
        mpfi_clear(y);
        mpfi_clear(x);
    }
    // y >= 0 touching 0: up to pi, not down to -pi.
    const MpInterval c = atan2(iv(0, 1), iv(-2, -1));
    CHECK(c.contains(pi));
    CHECK(c.certainly_positive());
    // Quadrants and axes.
    CHECK(atan2(iv(1, 1), iv(1, 1)).contains(MpInterval(hp / 2)));
    CHECK(atan2(iv(0, 0), iv(1, 2)).to_interval() == Interval(0.0));
    CHECK(atan2(iv(1, 2), iv(0, 0)).contains(hp));
    CHECK(atan2(iv(-2, -1), iv(0, 0)).contains(-hp));
    CHECK(atan2(iv(-2, -1), iv(-1, -1)).certainly_negative());
    // Boxes containing the origin: the hull of the other points' angles.
    CHECK(atan2(iv(0, 1), iv(0, 1)).contains(iv(0, 1.5707963267948966)));
    CHECK(mpfr_lessequal_p(atan2(iv(0, 1), iv(0, 1)).upper(), mp_half_pi(64).upper()));
    CHECK(atan2(iv(0, 0), iv(-1, 0)).contains(pi));
    CHECK(atan2(iv(0, 0), iv(-1, 0)).width() < 1e-18);
    CHECK(atan2(iv(0, 0), iv(0, 1)).to_interval() == Interval(0.0));
    CHECK(atan2(iv(0, 0), iv(-1, 1)).contains(iv(0, 3.14159)));
    CHECK(atan2(iv(-1, 1), iv(0, 0)).contains(-hp));
    CHECK(atan2(iv(-1, 1), iv(0, 0)).contains(hp));
    CHECK(mpfr_lessequal_p(atan2(iv(-1, 1), iv(0, 0)).upper(), mp_half_pi(64).upper()));
    CHECK(atan2(iv(-1, 0), iv(-1, 0)).contains(pi));
    CHECK(atan2(iv(-1, 0), iv(-1, 0)).contains(-pi));
    CHECK(atan2(iv(-1, 1), iv(-1, 1)).contains(iv(-3.14159, 3.14159)));
    // Unbounded boxes: directions at infinity.
    CHECK(atan2(iv(1, INFINITY), iv(1, INFINITY)).contains(iv(1e-300, 1.5707963)));
    CHECK(atan2(iv(1, INFINITY), iv(-INFINITY, -1)).contains(iv(1.5707964, 3.14159)));
    CHECK(atan2(iv(-INFINITY, -1), iv(-INFINITY, -1)).contains(iv(-3.14159, -1.5707964)));
}

TEST_CASE("MPFI workarounds: tiny negative arguments of sin, cos, tan", "[mp_interval]") {
    // mpfi_sin / cos / tan loop forever on this point (MPFI 1.5.3); MpInterval must answer.
    Fr x(64);
    mpfr_set_si_2exp(x, -1, mpfr_get_emin() - 1, MPFR_RNDN);
    mpfr_nextbelow(x);
    const MpInterval X(x, x, 64);
    CHECK(sin(X).contains(x));
    CHECK(sin(X).certainly_negative());
    CHECK(tan(X).contains(x));
    CHECK(cos(X).upper_double_up() == 1.0);
    CHECK(cos(X).lower_double_down() < 1.0);
    CHECK(cos(X).lower_double_down() > 0.99);
    // exp(-1e300) has an upper endpoint of that size; sin of its negative is fine too.
    const MpInterval e = -exp(MpInterval(-1e300, 64));
    CHECK(sin(e).contains(e));
    // ... and intervals reaching outside [-1, 1] with such an endpoint.
    const MpInterval w(MpInterval(-5.0, 64).lower(), x, 64);
    CHECK(sin(w).contains(iv(-1, -0.9)));
    CHECK(cos(w).contains(iv(0.5, 1)));
    CHECK(tan(w).to_interval() == Interval::entire());
}

TEST_CASE("MpInterval results are tight on point inputs", "[mp_interval]") {
    // Catches an implementation that computes internally at too low a precision (e.g. MPFR's default
    // 53 bits): a 200-bit result must be a few ulps wide.
    const mpfr_prec_t p = 200;
    const double xs[] = {0.3, 1.7, -2.2, 0.999, 10.5, -0.001, 3.0e4};
    for (const Unary& fn : unary_functions()) {
        for (double xv : xs) {
            const MpInterval X(xv, p);
            MpInterval R;
            try {
                R = fn.f(X);
            } catch (const DomainError&) {
                continue;
            }
            // Skip unbounded results and MPFR underflow ([0, 2^(emin-1)], e.g. erfc(30000)).
            if (!R.is_bounded() || mpfr_zero_p(R.upper()) || mpfr_zero_p(R.lower())) continue;
            Fr w(p), m(p);
            mpfr_sub(w, R.upper(), R.lower(), MPFR_RNDU);
            mpfr_abs(m, R.upper(), MPFR_RNDN);
            // width <= 2^-(p-8) * |f(x)|, i.e. at most ~256 ulps (composites) and usually 1.
            mpfr_mul_2si(m, m, -(p - 8), MPFR_RNDN);
            INFO(fn.name << "(" << xv << ") = " << R.to_string());
            CHECK(mpfr_lessequal_p(w, m));
        }
    }
}

TEST_CASE("MpInterval is isotone and works in generic model code", "[mp_interval]") {
    // A model-like expression written once for double and MpInterval.
    auto model = [](auto x) {
        using std::cos;
        using std::exp;
        using std::sqrt;
        using T = decltype(x);
        using relucert::gaussian_cdf;
        return sqrt(x * x + 1) * cos(relucert::pi<T>() * x) - exp(-x) / 3 + gaussian_cdf(x) * 2.0;
    };
    for (double xv : {-1.3, 0.0, 0.25, 2.0, 7.5}) {
        const MpInterval r = model(MpInterval(xv, 128));
        const double d = model(xv);
        INFO(xv << ": " << r << " vs " << d);
        CHECK(r.width() < 1e-30);
        CHECK(std::fabs(r.lower_double_down() - d) < 1e-12);
        // Nested inputs give nested outputs.
        const MpInterval wide = model(MpInterval(xv - 0.01, xv + 0.01, 128));
        CHECK(wide.contains(r));
    }
}

TEST_CASE("MpInterval gives identical results from several threads", "[mp_interval][threads]") {
    REQUIRE(MpInterval::mpfr_is_thread_safe());
    std::vector<MpInterval> inputs;
    {
        Gen g(2024, 150);
        for (int i = 0; i < 150; ++i) inputs.push_back(g.input(Focus::Real));
    }
    const std::vector<Unary> fns = unary_functions();
    auto run = [&](std::vector<std::string>& out) {
        for (const Unary& fn : fns)
            for (const MpInterval& x : inputs) {
                try {
                    out.push_back(fn.f(x).to_string());
                } catch (const DomainError&) {
                    out.push_back("DomainError");
                }
                out.push_back(atan2(x, inputs[out.size() % inputs.size()]).to_string());
            }
    };
    std::vector<std::string> serial;
    run(serial);
    std::vector<std::vector<std::string>> par(2);
    std::vector<std::thread> th;
    for (auto& o : par) th.emplace_back([&run, &o] { run(o); });
    for (auto& t : th) t.join();
    for (const auto& o : par) {
        REQUIRE(o.size() == serial.size());
        long diff = 0;
        for (std::size_t i = 0; i < o.size(); ++i) diff += (o[i] != serial[i]);
        CHECK(diff == 0);
    }
}
