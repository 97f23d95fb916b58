// Rigorous elementary functions on Interval (contract in include/relucert/elementary.hpp).
//
// Structure, for each of exp, log, sin/cos, atan:
//   1. a point enclosure f_pt(x) for a double x: argument reduction in Interval arithmetic (so its
//      rounding errors are enclosed, and exact steps stay exact), a table value enclosed by MPFR, and
//      a "kernel": a short Taylor polynomial evaluated by Horner's rule in midpoint-radius (Ball)
//      arithmetic with the Taylor remainder added as a coefficient ball. The Ball error bound is
//      derived where Ball is defined, each remainder bound in KernelCoefficients.
//   2. the interval function from the point enclosures at the endpoints, using monotonicity, plus
//      the values at interior critical points (sin, cos) or poles (tan).
// Every table entry and reduction constant comes from MPFR with directed rounding (MPFR_RNDD for the
// lower end, MPFR_RNDU for the upper end) at start-up, in a function-local static, which C++ makes
// thread-safe to initialise; after that they are read-only.
#include "relucert/elementary.hpp"

#include <array>
#include <cstdint>

#include <mpfr.h>

namespace relucert {
namespace {

using rounding::kInf;
using rounding::kMax;

// ---- MPFR helpers -----------------------------------------------------------------------------

// An MPFR number at `prec` bits, cleared on scope exit.
struct Mpfr {
    mpfr_t v;
    explicit Mpfr(mpfr_prec_t prec = 256) { mpfr_init2(v, prec); }
    ~Mpfr() { mpfr_clear(v); }
    Mpfr(const Mpfr&) = delete;
    Mpfr& operator=(const Mpfr&) = delete;
};

// Encloses the value that `compute(out, rnd)` produces: it is called twice, with MPFR_RNDD and with
// MPFR_RNDU, and each result is rounded to double in the same direction. `compute` must round its
// result in the direction it is given (every MPFR operation it uses, in that direction, on values
// that are monotone in the rounding, e.g. a single correctly rounded function of an exact input).
template <class F>
Interval mpfr_enclose(F compute, mpfr_prec_t prec = 256) {
    Mpfr lo(prec), hi(prec);
    compute(lo.v, MPFR_RNDD);
    compute(hi.v, MPFR_RNDU);
    return Interval(mpfr_get_d(lo.v, MPFR_RNDD), mpfr_get_d(hi.v, MPFR_RNDU));
}

// The double nearest to v with at most `bits` significant bits (a Cody-Waite reduction piece).
double round_to_bits(mpfr_srcptr v, mpfr_prec_t bits) {
    Mpfr t(bits);
    mpfr_set(t.v, v, MPFR_RNDN);
    return mpfr_get_d(t.v, MPFR_RNDN);  // exact: bits <= 53
}

// 2^k as a double, for -1022 <= k <= 1023 (built from its bit pattern: exact, no libm).
double pow2(int k) { return std::bit_cast<double>(static_cast<std::uint64_t>(1023 + k) << 52); }

// ---- constants and tables ---------------------------------------------------------------------

constexpr int kSinCosTable = 52;   // sin, cos (j/64), 0 <= j <= 52 (> 64 pi/4)
constexpr int kExpTable = 23;      // exp (j/64), |j| <= 23 (> 64 ln2/2)
constexpr int kAtanTable = 64;     // atan (j/64), 0 <= j <= 64
constexpr int kLogLo = -20, kLogHi = 28;  // log (1 + j/64) for sqrt(1/2) - 1 <= j/64 <= sqrt(2) - 1

struct Tables {
    Interval pi, half_pi, ln2, inv_sqrt_2pi, sqrt2, inv_sqrt2;
    // Cody-Waite pieces: pi/2 = P1 + P2 + P3 (P1, P2 with 30 bits, P3 an enclosure of the rest);
    // ln 2 = L1 + L2 + L3 likewise with 32-bit pieces.
    double P1, P2, L1, L2;
    Interval P3, L3;
    std::array<Interval, kSinCosTable + 1> sin_j, cos_j;
    std::array<Interval, 2 * kExpTable + 1> exp_j;
    std::array<Interval, kAtanTable + 1> atan_j;
    std::array<Interval, kLogHi - kLogLo + 1> log_j;
    std::array<Interval, 21> inv_factorial;  // 1/k!
    std::array<Interval, 24> inv_odd;        // 1/(2k+1)

    Tables() {
        pi = mpfr_enclose([](mpfr_ptr r, mpfr_rnd_t d) { mpfr_const_pi(r, d); });
        half_pi = mpfr_enclose([](mpfr_ptr r, mpfr_rnd_t d) { mpfr_const_pi(r, d); mpfr_div_2ui(r, r, 1, d); });
        ln2 = mpfr_enclose([](mpfr_ptr r, mpfr_rnd_t d) { mpfr_const_log2(r, d); });
        inv_sqrt_2pi = mpfr_enclose([](mpfr_ptr r, mpfr_rnd_t d) {
            // 1/sqrt(2 pi) is decreasing in pi: round pi the other way.
            mpfr_const_pi(r, d == MPFR_RNDD ? MPFR_RNDU : MPFR_RNDD);
            mpfr_mul_2ui(r, r, 1, MPFR_RNDN);  // exact
            mpfr_rec_sqrt(r, r, d);
        });
        sqrt2 = mpfr_enclose([](mpfr_ptr r, mpfr_rnd_t d) { mpfr_set_ui(r, 2, d); mpfr_sqrt(r, r, d); });
        inv_sqrt2 = mpfr_enclose([](mpfr_ptr r, mpfr_rnd_t d) { mpfr_set_ui(r, 2, d); mpfr_rec_sqrt(r, r, d); });

        {
            Mpfr hp(400);
            mpfr_const_pi(hp.v, MPFR_RNDN);
            mpfr_div_2ui(hp.v, hp.v, 1, MPFR_RNDN);
            P1 = round_to_bits(hp.v, 30);
            Mpfr rest(400);
            mpfr_sub_d(rest.v, hp.v, P1, MPFR_RNDN);
            P2 = round_to_bits(rest.v, 30);
            const double p1 = P1, p2 = P2;
            P3 = mpfr_enclose([p1, p2](mpfr_ptr r, mpfr_rnd_t d) {
                mpfr_const_pi(r, d);
                mpfr_div_2ui(r, r, 1, d);
                mpfr_sub_d(r, r, p1, d);
                mpfr_sub_d(r, r, p2, d);
            }, 400);
        }
        {
            Mpfr l2(400);
            mpfr_const_log2(l2.v, MPFR_RNDN);
            L1 = round_to_bits(l2.v, 32);
            Mpfr rest(400);
            mpfr_sub_d(rest.v, l2.v, L1, MPFR_RNDN);
            L2 = round_to_bits(rest.v, 32);
            const double l1 = L1, l2d = L2;
            L3 = mpfr_enclose([l1, l2d](mpfr_ptr r, mpfr_rnd_t d) {
                mpfr_const_log2(r, d);
                mpfr_sub_d(r, r, l1, d);
                mpfr_sub_d(r, r, l2d, d);
            }, 400);
        }
        // Tables at exact arguments j/64 (exact in MPFR), one correctly rounded function each.
        for (int j = 0; j <= kSinCosTable; ++j) {
            sin_j[j] = mpfr_enclose([j](mpfr_ptr r, mpfr_rnd_t d) { mpfr_set_si(r, j, d); mpfr_div_2ui(r, r, 6, d); mpfr_sin(r, r, d); });
            cos_j[j] = mpfr_enclose([j](mpfr_ptr r, mpfr_rnd_t d) { mpfr_set_si(r, j, d); mpfr_div_2ui(r, r, 6, d); mpfr_cos(r, r, d); });
        }
        for (int j = -kExpTable; j <= kExpTable; ++j)
            exp_j[j + kExpTable] = mpfr_enclose([j](mpfr_ptr r, mpfr_rnd_t d) { mpfr_set_si(r, j, d); mpfr_div_2ui(r, r, 6, d); mpfr_exp(r, r, d); });
        for (int j = 0; j <= kAtanTable; ++j)
            atan_j[j] = mpfr_enclose([j](mpfr_ptr r, mpfr_rnd_t d) { mpfr_set_si(r, j, d); mpfr_div_2ui(r, r, 6, d); mpfr_atan(r, r, d); });
        for (int j = kLogLo; j <= kLogHi; ++j)
            log_j[j - kLogLo] = mpfr_enclose([j](mpfr_ptr r, mpfr_rnd_t d) {
                mpfr_set_si(r, 64 + j, d);
                mpfr_div_2ui(r, r, 6, d);  // exact: 1 + j/64
                mpfr_log(r, r, d);
            });
        Interval fact(1.0);
        for (int k = 0; k < static_cast<int>(inv_factorial.size()); ++k) {
            if (k > 0) fact = fact * Interval(k);  // exact: k! < 2^53 for k <= 18, enclosed beyond
            inv_factorial[k] = Interval(1.0) / fact;
        }
        for (int k = 0; k < static_cast<int>(inv_odd.size()); ++k) inv_odd[k] = Interval(1.0) / Interval(2 * k + 1);
    }
};

const Tables& tables() {
    static const Tables t;
    return t;
}

// ---- ball arithmetic for the kernels --------------------------------------------------------------
//
// The kernels run on narrow arguments, where a midpoint-radius ("ball") representation is both tight
// and cheap (no sign cases, no exact error terms). A Ball (m, r) stands for [m - r, m + r]. Midpoints
// are computed in round-to-nearest. A radius is computed in round-to-nearest as a sum of at most 7
// rounded operations on non-negative terms and then multiplied by kGrow = 1 + 8u (u = 2^-53):
//   * in the normal range each rounded operation on non-negative terms loses at most a factor (1 - u),
//     so the computed radius is >= exact * (1 - u)^7 * (1 + 8u) >= exact (since (1-7u)(1+8u) > 1);
//   * the midpoint's own rounding error is at most u |exact| <= 2u |m| (the 2u |m| term);
//   * in the subnormal range every rounding error is at most 2^-1075 in absolute value; the at most
//     8 of them in one operation are covered by kEta = 2^-1070.
// Every result therefore contains the exact result of the operation on any points of the operands.
struct Ball {
    double m, r;
};
constexpr double kU = 0x1p-53, kGrow = 1.0 + 0x1p-50, kEta = 0x1p-1070;

Ball ball_of(const Interval& x) {
    const double m = x.mid();
    return {m, std::max(rounding::sub_up(x.hi(), m), rounding::sub_up(m, x.lo()))};
}
Interval interval_of(const Ball& b) { return Interval::unchecked(rounding::sub_down(b.m, b.r), rounding::add_up(b.m, b.r)); }
inline Ball operator*(const Ball& a, const Ball& b) {
    const double m = a.m * b.m;
    return {m, (std::fabs(a.m) * b.r + std::fabs(b.m) * a.r + a.r * b.r + 2 * kU * std::fabs(m)) * kGrow + kEta};
}
inline Ball operator+(const Ball& a, const Ball& b) {
    const double m = a.m + b.m;
    return {m, (a.r + b.r + 2 * kU * std::fabs(m)) * kGrow + kEta};
}
inline Ball operator-(const Ball& a) { return {-a.m, a.r}; }
inline Ball operator-(const Ball& a, const Ball& b) { return a + (-b); }

// sum_i c[i] z^i by Horner's rule with ball coefficients (c[N-1] may carry the remainder bound).
template <std::size_t N>
Ball horner(const std::array<Ball, N>& c, const Ball& z) {
    Ball acc = c[N - 1];
    for (std::size_t i = N - 1; i-- > 0;) acc = acc * z + c[i];
    return acc;
}

// Kernel coefficients as balls (converted once from the MPFR-enclosed Interval tables).
struct KernelCoefficients {
    std::array<Ball, 5> sin, cos, atan, two_atanh;
    std::array<Ball, 9> exp;
    std::array<Ball, kSinCosTable + 1> sin_j, cos_j;
    std::array<Ball, 2 * kExpTable + 1> exp_j;
    std::array<Ball, kAtanTable + 1> atan_j;
    explicit KernelCoefficients(const Tables& t) {
        // sin(d) = d (1 - d^2/3! + d^4/5! - d^6/7!) + R, |R| <= |d|^9/9! (Lagrange remainder of the
        // degree-8 Taylor polynomial; |sin^(9)| <= 1), for every real d: R = d (d^2)^4 c, |c| <= 1/9!.
        sin = {ball_of(1.0), ball_of(-t.inv_factorial[3]), ball_of(t.inv_factorial[5]), ball_of(-t.inv_factorial[7]),
               Ball{0.0, t.inv_factorial[9].hi()}};
        // cos(d) = 1 - d^2/2! + d^4/4! - d^6/6! + R, |R| <= d^8/8! (|cos^(8)| <= 1), every real d.
        cos = {ball_of(1.0), ball_of(-t.inv_factorial[2]), ball_of(t.inv_factorial[4]), ball_of(-t.inv_factorial[6]),
               Ball{0.0, t.inv_factorial[8].hi()}};
        // exp(d) = sum_{k<8} d^k/k! + R, R = e^xi d^8/8! with xi between 0 and d; for |d| <= 1/32,
        // |R| <= e^(1/32) |d|^8/8! < 1.04 |d|^8/8!. (Callers guarantee |d| <= 1/128 + tiny.)
        const double rexp = (Interval(1.04) * t.inv_factorial[8]).hi();
        exp = {ball_of(1.0), ball_of(1.0), ball_of(t.inv_factorial[2]), ball_of(t.inv_factorial[3]), ball_of(t.inv_factorial[4]),
               ball_of(t.inv_factorial[5]), ball_of(t.inv_factorial[6]), ball_of(t.inv_factorial[7]), Ball{0.0, rexp}};
        // atan(u) = u (1 - u^2/3 + u^4/5 - u^6/7) + R, |R| <= |u|^9/9 for |u| <= 1 (alternating series
        // with decreasing terms): R = u (u^2)^4 c, |c| <= 1/9.
        atan = {ball_of(1.0), ball_of(-t.inv_odd[1]), ball_of(t.inv_odd[2]), ball_of(-t.inv_odd[3]), Ball{0.0, t.inv_odd[4].hi()}};
        // 2 atanh(u) = 2u (1 + u^2/3 + u^4/5 + u^6/7) + R, R = 2u (u^2)^4 sum_{k>=0} u^{2k}/(2k+9), and the
        // sum lies in [1/9, 1/(9(1-u^2))] subset [0, 1/8] for |u| <= 1/3: the ball 1/16 +- 1/16.
        two_atanh = {ball_of(1.0), ball_of(t.inv_odd[1]), ball_of(t.inv_odd[2]), ball_of(t.inv_odd[3]), Ball{0.0625, 0.0625}};
        for (std::size_t j = 0; j < sin_j.size(); ++j) sin_j[j] = ball_of(t.sin_j[j]), cos_j[j] = ball_of(t.cos_j[j]);
        for (std::size_t j = 0; j < exp_j.size(); ++j) exp_j[j] = ball_of(t.exp_j[j]);
        for (std::size_t j = 0; j < atan_j.size(); ++j) atan_j[j] = ball_of(t.atan_j[j]);
    }
};

const KernelCoefficients& kernel() {
    static const KernelCoefficients k(tables());
    return k;
}

// ---- kernels (narrow arguments; the remainder bounds are stated in KernelCoefficients) -------------

Ball sin_kernel(const Ball& d) { return d * horner(kernel().sin, d * d); }
Ball cos_kernel(const Ball& d) { return horner(kernel().cos, d * d); }
Ball exp_kernel(const Ball& d) {
    if (std::fabs(d.m) + d.r > 1.0 / 32) throw std::logic_error("exp_kernel: argument not reduced");
    return horner(kernel().exp, d);
}
Ball atan_kernel(const Ball& u) {
    if (std::fabs(u.m) + u.r > 1.0) throw std::logic_error("atan_kernel: argument not reduced");
    return u * horner(kernel().atan, u * u);
}
Interval two_atanh_kernel(const Interval& u) {
    if (u.mag() > 1.0 / 3) throw std::logic_error("atanh_kernel: argument not reduced");
    const Ball b = ball_of(u);
    return interval_of(Ball{2 * b.m, 2 * b.r} * horner(kernel().two_atanh, b * b));  // doubling is exact
}

// Horner in Interval arithmetic, for the series of expm1 and log1p (not on the hot path).
template <std::size_t N>
Interval horner(const std::array<Interval, N>& c, const Interval& z) {
    Interval acc = c[N - 1];
    for (std::size_t i = N - 1; i-- > 0;) acc = acc * z + c[i];
    return acc;
}

// ---- point enclosures --------------------------------------------------------------------------

int nearest_int(double x) { return static_cast<int>(x >= 0 ? x + 0.5 : x - 0.5); }  // any integer is valid

// The only double arguments at which these functions take a representable value are the trivial ones
// (exp 0 = 1, log 1 = 0, sin 0 = 0, cos 0 = 1, atan 0 = 0; by Lindemann-Weierstrass every other value
// at a rational argument is transcendental). The kernels' ball arithmetic would widen them by an ulp,
// so the point enclosures return them exactly: tight claims that touch zero at such points need it.

// exp(x) for a finite double x.
Interval exp_pt(double x) {
    if (x == 0.0) return Interval(1.0);
    if (x >= 709.8) return Interval::unchecked(kMax, kInf);  // e^709.8 > DBL_MAX
    if (x <= -745.2) return Interval::unchecked(0.0, std::numeric_limits<double>::denorm_min());  // e^-745.2 < 2^-1075
    const Tables& t = tables();
    // x = k ln2 + r: k*L1 and k*L2 are exact (|k| < 2^11, 32-bit pieces), so r is enclosed tightly.
    const int k = nearest_int(x * 1.4426950408889634);
    const Interval r = ((Interval(x) - Interval(k) * t.L1) - Interval(k) * t.L2) - Interval(k) * t.L3;
    int j = nearest_int(r.mid() * 64);
    j = std::clamp(j, -kExpTable, kExpTable);
    const Interval e = interval_of(kernel().exp_j[j + kExpTable] * exp_kernel(ball_of(r - Interval(j) / 64)));
    // multiply by 2^k in two exact-power steps (each product is directed, so underflow is safe)
    const int k1 = k / 2, k2 = k - k1;
    Interval res = e * pow2(k1) * pow2(k2);
    return Interval::unchecked(std::max(res.lo(), 0.0), res.hi());
}

// log(x) for a finite double x > 0.
Interval log_pt(double x) {
    if (x == 1.0) return Interval(0.0);
    const Tables& t = tables();
    int e = 0;
    double m = x;
    if (m < 0x1p-1022) {  // subnormal: scale into the normal range exactly
        m *= 0x1p54;
        e -= 54;
    }
    const auto bits = std::bit_cast<std::uint64_t>(m);
    e += static_cast<int>((bits >> 52) & 0x7ff) - 1023;
    m = std::bit_cast<double>((bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL);  // in [1, 2)
    if (m > 1.4142135623730951) {
        m *= 0.5;  // exact; now m in (0.7071, 1.4143)
        ++e;
    }
    int j = std::clamp(nearest_int((m - 1.0) * 64), kLogLo, kLogHi);
    const double c = 1.0 + j / 64.0;                         // exact
    const Interval u = (Interval(m) - c) / (Interval(m) + c);  // m - c is exact (Sterbenz)
    const Interval logm = t.log_j[j - kLogLo] + two_atanh_kernel(u);
    return Interval(e) * t.ln2 + logm;
}

// sin and cos of the reduced argument r (|r| <= pi/4 + tiny), from the table at j/64.
void sincos_reduced(const Interval& r, Interval& s, Interval& c) {
    const int j = std::clamp(nearest_int(r.mid() * 64), -kSinCosTable, kSinCosTable);
    const Ball d = ball_of(r - Interval(j) / 64);
    const Ball sd = sin_kernel(d), cd = cos_kernel(d);
    const KernelCoefficients& k = kernel();
    const Ball sj = (j >= 0) ? k.sin_j[j] : -k.sin_j[-j];
    const Ball cj = k.cos_j[j >= 0 ? j : -j];
    s = interval_of(sj * cd + cj * sd);  // sin(t_j + d)
    c = interval_of(cj * cd - sj * sd);  // cos(t_j + d)
}

constexpr double kTrigReductionMax = 0x1p22;  // |k| < 2^22 keeps k*P1, k*P2 exact

// MPFR's correctly rounded sin/cos at a huge point, directed (used beyond the Cody-Waite range).
Interval mpfr_trig_pt(double x, bool want_sin) {
    return mpfr_enclose([x, want_sin](mpfr_ptr r, mpfr_rnd_t d) {
        Mpfr a(53);
        mpfr_set_d(a.v, x, MPFR_RNDN);  // exact
        if (want_sin) mpfr_sin(r, a.v, d);
        else mpfr_cos(r, a.v, d);
    }, 53);
}

// Enclosures of sin(x) and cos(x) for a finite double x.
void sincos_pt(double x, Interval& s, Interval& c) {
    if (x == 0.0) {
        s = Interval(0.0);
        c = Interval(1.0);
        return;
    }
    if (std::fabs(x) < 0x1p-27) {
        // x - x^3/6 < sin x < x for x > 0, and x^3/6 < 2^-54 |x| <= one ulp of x (also for
        // subnormal x); 1 - x^2/2 <= cos x < 1 with x^2/2 < 2^-55 < 1 - pred(1).
        s = x > 0 ? Interval(rounding::pred(x), x) : Interval(x, rounding::succ(x));
        c = Interval(rounding::pred(1.0), 1.0);
        return;
    }
    if (std::fabs(x) >= kTrigReductionMax) {
        s = mpfr_trig_pt(x, true);
        c = mpfr_trig_pt(x, false);
        return;
    }
    const Tables& t = tables();
    const int k = nearest_int(x * 0.6366197723675814);  // x / (pi/2), a guess
    const Interval kk(k);
    const Interval r = ((Interval(x) - kk * t.P1) - kk * t.P2) - kk * t.P3;
    Interval sr, cr;
    sincos_reduced(r, sr, cr);
    switch (((k % 4) + 4) % 4) {
        case 0: s = sr; c = cr; break;
        case 1: s = cr; c = -sr; break;
        case 2: s = -sr; c = -cr; break;
        default: s = -cr; c = sr; break;
    }
}

Interval clip(const Interval& x, double lo, double hi) {
    return Interval::unchecked(std::clamp(x.lo(), lo, hi), std::clamp(x.hi(), lo, hi));
}

// atan on a narrow interval y with |y| <= 1 (table at j/64): atan(y) = atan(c) + atan(u) with
// u = (y - c)/(1 + y c), valid for y c > -1.
Interval atan_core(const Interval& y) {
    const int j = std::clamp(nearest_int(y.mid() * 64), -kAtanTable, kAtanTable);
    const double c = j / 64.0;
    const Interval u = (y - c) / (1 + y * c);
    const Ball aj = (j >= 0) ? kernel().atan_j[j] : -kernel().atan_j[-j];
    return interval_of(aj + atan_kernel(ball_of(u)));
}

// atan on a narrow interval (any position): |y| > 1 through atan(y) = sign(y) pi/2 - atan(1/y).
Interval atan_narrow(const Interval& y) {
    if (y == Interval(0.0)) return y;  // exact (see exp_pt)
    if (y.mag() < 0x1p-27) {
        // v - v^3/3 < atan v < v for v > 0 and v^3/3 < 2^-54 v <= one ulp of v; atan is odd, increasing
        return Interval::unchecked(y.lo() > 0 ? rounding::pred(y.lo()) : y.lo(), y.hi() < 0 ? rounding::succ(y.hi()) : y.hi());
    }
    const Tables& t = tables();
    if (y.lo() >= -1.0 && y.hi() <= 1.0) return atan_core(y);
    if (y.lo() > 1.0) return t.half_pi - atan_core(1.0 / y);
    if (y.hi() < -1.0) return -t.half_pi - atan_core(1.0 / y);
    // straddles +-1: split (atan is monotone, so the hull of the pieces is exact)
    Interval result = atan_core(intersect(y, Interval(-1.0, 1.0)));
    if (y.hi() > 1.0) result = hull(result, t.half_pi - atan_core(1.0 / Interval(1.0, y.hi())));
    if (y.lo() < -1.0) result = hull(result, -t.half_pi - atan_core(1.0 / Interval(y.lo(), -1.0)));
    return result;
}

Interval atan_pt(double x) {
    const Tables& t = tables();
    if (x == kInf) return t.half_pi;
    if (x == -kInf) return -t.half_pi;
    return atan_narrow(Interval(x));
}

// acos for a double x in [-1, 1]: acos x = 2 atan(sqrt((1-x)/(1+x))) for x >= 0 (1 - x exact when
// x >= 1/2, so acos near 1 keeps its relative accuracy); pi - acos(-x) for x < 0.
Interval acos_pt(double x) {
    const Tables& t = tables();
    if (x >= 0) return 2 * atan_narrow(sqrt((1 - Interval(x)) / (1 + Interval(x))));
    if (x == -1.0) return t.pi;
    return t.pi - 2 * atan_narrow(sqrt((1 + Interval(x)) / (1 - Interval(x))));
}

// asin for a double x in [-1, 1]: asin x = 2 atan(x / (1 + sqrt((1-x)(1+x)))), argument in [-1, 1].
Interval asin_pt(double x) {
    const Interval xi(x);
    return 2 * atan_narrow(xi / (1 + sqrt((1 - xi) * (1 + xi))));
}

// ---- MPFR-backed monotone functions: erf, erfc ---------------------------------------------------

// erf/erfc at a double, directed. One MPFR variable per thread (no shared state).
double mpfr_erf_directed(double x, bool complement, mpfr_rnd_t rnd) {
    thread_local Mpfr a(53), r(53);
    mpfr_set_d(a.v, x, MPFR_RNDN);  // exact
    if (complement) mpfr_erfc(r.v, a.v, rnd);
    else mpfr_erf(r.v, a.v, rnd);
    return mpfr_get_d(r.v, rnd);
}

// Sets [n_lo, n_hi] to integers such that every n with n pi/2 in [a, b] lies in [n_lo, n_hi]
// (conservative: may include one more at each end). Requires a, b finite, |a|,|b| < 2^50.
void half_pi_multiples(double a, double b, double& n_lo, double& n_hi) {
    const Tables& t = tables();
    // |quotients| < 2^50, so the conversions to integers below are exact truncations
    const double qa = (Interval(a) / t.half_pi).lo(), qb = (Interval(b) / t.half_pi).hi();
    auto ceil_exact = [](double v) { const auto k = static_cast<long long>(v); return static_cast<double>(k < v ? k + 1 : k); };
    auto floor_exact = [](double v) { const auto k = static_cast<long long>(v); return static_cast<double>(k > v ? k - 1 : k); };
    n_lo = ceil_exact(qa);
    n_hi = floor_exact(qb);
}

int mod4(double n) { return static_cast<int>(((static_cast<long long>(n) % 4) + 4) % 4); }

// sin (want_sin) or cos of an interval.
Interval trig(const Interval& x, bool want_sin) {
    const Interval whole(-1.0, 1.0);
    if (!x.is_bounded()) return whole;
    if (x.is_point()) {
        Interval s, c;
        sincos_pt(x.lo(), s, c);
        return clip(want_sin ? s : c, -1.0, 1.0);
    }
    if (x.mag() >= 0x1p50 || x.width() >= 7.0) return whole;  // width > 2 pi: the whole range
    Interval sa, ca, sb, cb;
    sincos_pt(x.lo(), sa, ca);
    sincos_pt(x.hi(), sb, cb);
    Interval result = want_sin ? hull(sa, sb) : hull(ca, cb);
    double n_lo, n_hi;
    half_pi_multiples(x.lo(), x.hi(), n_lo, n_hi);
    // critical points n pi/2 in x: sin has max at n = 1 mod 4, min at n = 3 mod 4;
    // cos has max at n = 0 mod 4, min at n = 2 mod 4.
    const int want_max = want_sin ? 1 : 0, want_min = want_sin ? 3 : 2;
    for (double n = n_lo; n <= n_hi; ++n) {  // at most a handful of iterations (width < 7)
        const int m = mod4(n);
        if (m == want_max) result = hull(result, Interval(1.0));
        if (m == want_min) result = hull(result, Interval(-1.0));
    }
    return clip(result, -1.0, 1.0);
}

}  // namespace

// ---- public functions -----------------------------------------------------------------------------

Interval pi_interval() { return tables().pi; }
Interval half_pi_interval() { return tables().half_pi; }
Interval ln2_interval() { return tables().ln2; }
Interval inv_sqrt_2pi_interval() { return tables().inv_sqrt_2pi; }
Interval sqrt2_interval() { return tables().sqrt2; }

Interval sqrt(const Interval& x) {
    if (x.hi() < 0) throw DomainError("sqrt: argument entirely negative");
    return Interval::unchecked(rounding::sqrt_down(std::max(x.lo(), 0.0)), rounding::sqrt_up(x.hi()));
}

Interval exp(const Interval& x) {
    const double lo = (x.lo() == -kInf) ? 0.0 : exp_pt(x.lo()).lo();
    const double hi = (x.hi() == kInf) ? kInf : exp_pt(x.hi()).hi();
    return Interval::unchecked(lo, hi);
}

namespace {
// expm1 at a double: for |x| < 1/2, the series sum_{k=1}^{17} x^k/k! + R with
// |R| <= e^(1/2) |x|^18/18! (Lagrange), else exp(x) - 1 (no cancellation problem there).
Interval expm1_pt(double x) {
    if (std::fabs(x) >= 0.5) return exp_pt(x) - 1;
    const Tables& t = tables();
    const double rbound = (Interval(1.65) * t.inv_factorial[18]).hi();  // e^0.5 < 1.65
    std::array<Interval, 18> c;
    for (int k = 0; k < 17; ++k) c[k] = t.inv_factorial[k + 1];
    c[17] = Interval::unchecked(-rbound, rbound);
    return Interval(x) * horner(c, Interval(x));  // x * sum_{k>=0} x^k/(k+1)!
}
// log1p at a double x > -1: for |x| <= 1/4, 2 atanh(x/(2+x)) with |u| <= 1/7 and 12 terms,
// remainder 2u (u^2)^12 [0, 1/(25 (1-u^2))] subset 2u (u^2)^12 [0, 1/24]; else log(1 + x).
Interval log1p_pt(double x) {
    if (std::fabs(x) > 0.25) {
        const Interval y = 1 + Interval(x);
        return hull(log_pt(y.lo()), log_pt(y.hi()));
    }
    const Tables& t = tables();
    const Interval u = Interval(x) / (2 + Interval(x));
    std::array<Interval, 13> c;
    for (int k = 0; k < 12; ++k) c[k] = t.inv_odd[k];
    c[12] = Interval(0.0, 1.0 / 24);  // 1/24 is a valid upper bound even after rounding
    return 2 * u * horner(c, sqr(u));
}
}  // namespace

Interval expm1(const Interval& x) {
    const double lo = (x.lo() == -kInf) ? -1.0 : std::max(expm1_pt(x.lo()).lo(), -1.0);
    const double hi = (x.hi() == kInf) ? kInf : expm1_pt(x.hi()).hi();
    return Interval::unchecked(lo, hi);
}

Interval log(const Interval& x) {
    if (x.hi() <= 0) throw DomainError("log: argument has no positive part");
    const double lo = (x.lo() <= 0) ? -kInf : log_pt(x.lo()).lo();
    const double hi = (x.hi() == kInf) ? kInf : log_pt(x.hi()).hi();
    return Interval::unchecked(lo, hi);
}

Interval log1p(const Interval& x) {
    if (x.hi() <= -1) throw DomainError("log1p: argument has no part above -1");
    const double lo = (x.lo() <= -1) ? -kInf : log1p_pt(x.lo()).lo();
    const double hi = (x.hi() == kInf) ? kInf : log1p_pt(x.hi()).hi();
    return Interval::unchecked(lo, hi);
}

Interval sin(const Interval& x) { return trig(x, true); }
Interval cos(const Interval& x) { return trig(x, false); }

Interval tan(const Interval& x) {
    if (!x.is_bounded() || x.mag() >= 0x1p50) return Interval::entire();
    if (!x.is_point()) {
        double n_lo, n_hi;
        half_pi_multiples(x.lo(), x.hi(), n_lo, n_hi);
        for (double n = n_lo; n <= n_hi; ++n)
            if (mod4(n) % 2 == 1) return Interval::entire();  // a pole may be inside
        if (x.width() >= 4.0) return Interval::entire();
    }
    Interval sa, ca, sb, cb;
    sincos_pt(x.lo(), sa, ca);
    sincos_pt(x.hi(), sb, cb);
    const Interval ta = sa / ca, tb = sb / cb;  // entire if a cosine enclosure touches 0
    if (ta.lo() == -kInf || tb.hi() == kInf) return Interval::entire();
    return Interval::unchecked(ta.lo(), tb.hi());  // tan is increasing between poles
}

Interval atan(const Interval& x) {
    const Tables& t = tables();
    const Interval r = Interval::unchecked(atan_pt(x.lo()).lo(), atan_pt(x.hi()).hi());
    return clip(r, -t.half_pi.hi(), t.half_pi.hi());
}

Interval asin(const Interval& x) {
    const Tables& t = tables();
    const Interval y = intersect(x, Interval(-1.0, 1.0));  // throws when disjoint
    const Interval r = Interval::unchecked(asin_pt(y.lo()).lo(), asin_pt(y.hi()).hi());
    return clip(r, -t.half_pi.hi(), t.half_pi.hi());
}

Interval acos(const Interval& x) {
    const Tables& t = tables();
    const Interval y = intersect(x, Interval(-1.0, 1.0));
    const Interval r = Interval::unchecked(acos_pt(y.hi()).lo(), acos_pt(y.lo()).hi());  // decreasing
    return clip(r, 0.0, t.pi.hi());
}

namespace {
// The angle of a point (x, y) != (0, 0), both finite doubles, as an enclosure in [-pi, pi].
Interval atan2_pt(double y, double x) {
    const Tables& t = tables();
    const Interval X(x), Y(y);
    if (y == 0) return x > 0 ? Interval(0.0) : t.pi;
    if (x == 0) return y > 0 ? t.half_pi : -t.half_pi;
    if (std::fabs(y) > std::fabs(x)) {  // near the y-axis: pi/2 - atan(x/y), argument in (-1, 1)
        const Interval a = atan_narrow(X / Y);
        return y > 0 ? t.half_pi - a : -t.half_pi - a;
    }
    const Interval a = atan_narrow(Y / X);  // |y/x| <= 1
    if (x > 0) return a;
    return y > 0 ? t.pi + a : a - t.pi;
}
}  // namespace

Interval atan2(const Interval& y, const Interval& x) {
    const Tables& t = tables();
    const Interval full(-t.pi.hi(), t.pi.hi());
    const Interval upper(0.0, t.pi.hi());
    const bool has_origin = x.contains_zero() && y.contains_zero();
    if (x == Interval(0.0) && y == Interval(0.0)) throw DomainError("atan2: the angle of the origin alone is undefined");
    if (has_origin || !x.is_bounded() || !y.is_bounded()) return y.lo() >= 0 ? upper : full;
    if (x.lo() < 0 && y.lo() < 0 && y.hi() >= 0) return full;  // meets the cut (negative x-axis)
    // The box lies in an open half-plane through the origin and off the cut: the angle range is
    // spanned by the four corners.
    Interval r = atan2_pt(y.lo(), x.lo());
    r = hull(r, atan2_pt(y.lo(), x.hi()));
    r = hull(r, atan2_pt(y.hi(), x.lo()));
    r = hull(r, atan2_pt(y.hi(), x.hi()));
    return clip(r, -t.pi.hi(), t.pi.hi());
}

Interval erf(const Interval& x) {  // increasing
    const double lo = (x.lo() == -kInf) ? -1.0 : mpfr_erf_directed(x.lo(), false, MPFR_RNDD);
    const double hi = (x.hi() == kInf) ? 1.0 : mpfr_erf_directed(x.hi(), false, MPFR_RNDU);
    return clip(Interval::unchecked(lo, hi), -1.0, 1.0);
}

Interval erfc(const Interval& x) {  // decreasing
    const double lo = (x.hi() == kInf) ? 0.0 : mpfr_erf_directed(x.hi(), true, MPFR_RNDD);
    const double hi = (x.lo() == -kInf) ? 2.0 : mpfr_erf_directed(x.lo(), true, MPFR_RNDU);
    return clip(Interval::unchecked(lo, hi), 0.0, 2.0);
}

Interval gaussian_pdf(const Interval& x) {
    const Interval r = exp(-sqr(x) / 2) * tables().inv_sqrt_2pi;
    return clip(r, 0.0, tables().inv_sqrt_2pi.hi());
}

Interval gaussian_cdf(const Interval& x) {
    // Phi(x) = erfc(-x / sqrt 2) / 2; -x/sqrt2 is enclosed, and erfc is monotone.
    const Interval z = -x * tables().inv_sqrt2;
    return clip(erfc(z) / 2, 0.0, 1.0);
}

}  // namespace relucert
