// Tests for truncated Taylor series (taylor.hpp).
//   double:   coefficients c_k = f^(k)(x)/k! of every function against closed forms evaluated by MPFR
//             at 256 bits (k-th derivatives of sin, exp, log, atan via Im (x - i)^-k, asin/acos via the
//             recurrence (1 - x^2) g^(n+1) = (2n+1) x g^(n) + n^2 g^(n-1) for g = (1 - x^2)^-1/2, erf
//             and Phi via Hermite polynomials, tan via its derivative polynomials ...); known series at
//             0; functional identities (cos(acos t) = t, exp(log t) = t, ...).
//   Interval: Taylor<Interval, K>::variable(X) on random intervals X encloses f^(k)(x)/k! (MPFR) at
//             the endpoints and at random points of X, for every k <= K; the Lagrange remainder form
//             f(t0 + h) in sum_{k<K} c_k(t0) h^k + c_K(hull(t0, t0 + h)) h^K.
//   MpInterval: the same containment on a few intervals.
// A local mutant of the sin/cos recurrence (cos' = +sin) must be rejected by each check.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include <mpfr.h>

#include "relucert/elementary.hpp"
#include "relucert/mp_interval.hpp"
#include "relucert/taylor.hpp"

using namespace relucert;

namespace {

constexpr int K = 8;
constexpr mpfr_prec_t kPrec = 256;

// ---- a deliberately wrong rule: the sin/cos recurrence with cos' = +x' sin ------------------------
template <class T, int M>
Taylor<T, M> sin_m(const Taylor<T, M>& x, bool mutant) {
    if (!mutant) return sin(x);
    using std::cos;
    using std::sin;
    Taylor<T, M> s, c;
    s.c[0] = sin(x.c[0]);
    c.c[0] = cos(x.c[0]);
    for (std::size_t k = 1; k < s.c.size(); ++k) {
        T ss(0), cc(0);
        for (std::size_t j = 1; j <= k; ++j) {
            ss += T(static_cast<int>(j)) * x.c[j] * c.c[k - j];
            cc += T(static_cast<int>(j)) * x.c[j] * s.c[k - j];
        }
        s.c[k] = ss / T(static_cast<int>(k));
        c.c[k] = cc / T(static_cast<int>(k));  // the mutation: should be -cc / k
    }
    return s;
}

// ---- the functions under test ----------------------------------------------------------------------
struct FunctionInfo {
    const char* name;
    double lo, hi;  // domain of the test arguments
};
const std::array<FunctionInfo, 19> kFunctions = {{
    {"exp", -3, 3},          {"sin", -4, 4},        {"cos", -4, 4},          {"log", 0.2, 5},
    {"log1p", -0.8, 3},      {"sqrt", 0.1, 4},      {"atan", -3, 3},         {"asin", -0.9, 0.9},
    {"acos", -0.9, 0.9},     {"erf", -2.5, 2.5},    {"erfc", -2.5, 2.5},     {"gaussian_pdf", -3, 3},
    {"gaussian_cdf", -3, 3}, {"tan", -1.3, 1.3},    {"1/(1+t)", -0.7, 3},    {"pow(t,5)", -2, 2},
    {"pow(t,-3)", 0.3, 3},   {"sin t - t cos t", -3, 3}, {"expm1", -2, 2},
}};
constexpr int kSin = 1, kSinMinusTCos = 17;

template <class S>
S test_function(int id, const S& t, bool mutant = false) {
    using std::acos;
    using std::asin;
    using std::atan;
    using std::cos;
    using std::erf;
    using std::erfc;
    using std::exp;
    using std::expm1;
    using std::log;
    using std::log1p;
    using std::pow;
    using std::sqrt;
    using std::tan;
    switch (id) {
        case 0: return exp(t);
        case kSin: return sin_m(t, mutant);
        case 2: return cos(t);
        case 3: return log(t);
        case 4: return log1p(t);
        case 5: return sqrt(t);
        case 6: return atan(t);
        case 7: return asin(t);
        case 8: return acos(t);
        case 9: return erf(t);
        case 10: return erfc(t);
        case 11: return gaussian_pdf(t);
        case 12: return gaussian_cdf(t);
        case 13: return tan(t);
        case 14: return 1 / (1 + t);
        case 15: return pow(t, 5);
        case 16: return pow(t, -3);
        case kSinMinusTCos: return sin_m(t, mutant) - t * cos(t);
        case 18: return expm1(t);
        default: throw std::logic_error("no such test function");
    }
}

// ---- MPFR references: f^(k)(x) / k! at 256 bits ------------------------------------------------------
struct Mp {
    mpfr_t v;
    Mp() { mpfr_init2(v, kPrec); }
    explicit Mp(double x) : Mp() { mpfr_set_d(v, x, MPFR_RNDN); }
    ~Mp() { mpfr_clear(v); }
    Mp(const Mp&) = delete;
    Mp& operator=(const Mp&) = delete;
    operator mpfr_ptr() { return v; }  // NOLINT
};

// sin^(m)(x) = sin(x + m pi/2), m >= 0 (cos if !is_sin: cos(x + m pi / 2))
void trig_derivative(mpfr_ptr out, mpfr_srcptr x, int m, bool is_sin) {
    const int r = ((is_sin ? m : m + 1) % 4 + 4) % 4;
    if (r == 0 || r == 2) mpfr_sin(out, x, MPFR_RNDN);
    else mpfr_cos(out, x, MPFR_RNDN);
    if (r >= 2) mpfr_neg(out, out, MPFR_RNDN);
}

// Hermite polynomials at x: physicists' H_n (H' s: H_{n+1} = 2x H_n - 2n H_{n-1}) or probabilists' He_n
// (He_{n+1} = x He_n - n He_{n-1}).
void hermite(mpfr_ptr out, mpfr_srcptr x, int n, bool physicists) {
    Mp a, b, t;
    mpfr_set_ui(a, 1, MPFR_RNDN);  // H_0
    if (n == 0) {
        mpfr_set(out, a, MPFR_RNDN);
        return;
    }
    mpfr_mul_ui(b, x, physicists ? 2 : 1, MPFR_RNDN);  // H_1
    for (int m = 1; m < n; ++m) {
        // t = c x H_m - c m H_{m-1}, c = 2 or 1
        mpfr_mul(t, x, b, MPFR_RNDN);
        mpfr_mul_ui(t, t, physicists ? 2 : 1, MPFR_RNDN);
        Mp u;
        mpfr_mul_ui(u, a, static_cast<unsigned long>(physicists ? 2 * m : m), MPFR_RNDN);
        mpfr_sub(t, t, u, MPFR_RNDN);
        mpfr_set(a, b, MPFR_RNDN);
        mpfr_set(b, t, MPFR_RNDN);
    }
    mpfr_set(out, b, MPFR_RNDN);
}

// phi(x) = exp(-x^2/2) / sqrt(2 pi)
void gaussian_density(mpfr_ptr out, mpfr_srcptr x) {
    Mp t, s;
    mpfr_sqr(t, x, MPFR_RNDN);
    mpfr_div_2ui(t, t, 1, MPFR_RNDN);
    mpfr_neg(t, t, MPFR_RNDN);
    mpfr_exp(t, t, MPFR_RNDN);
    mpfr_const_pi(s, MPFR_RNDN);
    mpfr_mul_2ui(s, s, 1, MPFR_RNDN);
    mpfr_sqrt(s, s, MPFR_RNDN);
    mpfr_div(out, t, s, MPFR_RNDN);
}

long long binomial(int n, int k) {
    long long r = 1;
    for (int j = 1; j <= k; ++j) r = r * (n - k + j) / j;
    return r;
}

// out = f^(k)(x) / k! for test function id, from closed forms (not from the recurrences under test).
void reference(int id, mpfr_ptr out, double xd, int k) {
    Mp x(xd), fact, t, u;
    mpfr_fac_ui(fact, static_cast<unsigned long>(k), MPFR_RNDN);
    switch (id) {
        case 0:  // exp
            mpfr_exp(out, x, MPFR_RNDN);
            break;
        case 1:  // sin
            trig_derivative(out, x, k, true);
            break;
        case 2:  // cos
            trig_derivative(out, x, k, false);
            break;
        case 3:    // log: (-1)^(k+1) (k-1)! / x^k
        case 4: {  // log1p: same at 1 + x
            if (id == 4) mpfr_add_ui(x, x, 1, MPFR_RNDN);  // exact at 256 bits
            if (k == 0) {
                if (id == 3) mpfr_log(out, x, MPFR_RNDN);
                else mpfr_log1p(out, Mp(xd), MPFR_RNDN);
                return;
            }
            mpfr_pow_ui(t, x, static_cast<unsigned long>(k), MPFR_RNDN);
            mpfr_mul_ui(t, t, static_cast<unsigned long>(k), MPFR_RNDN);
            mpfr_ui_div(out, 1, t, MPFR_RNDN);
            if (k % 2 == 0) mpfr_neg(out, out, MPFR_RNDN);
            return;
        }
        case 5: {  // sqrt: prod_{j<k} (1/2 - j) x^(1/2 - k) / k!
            mpfr_set_ui(t, 1, MPFR_RNDN);
            for (int j = 0; j < k; ++j) {
                mpfr_set_d(u, 0.5 - j, MPFR_RNDN);
                mpfr_mul(t, t, u, MPFR_RNDN);
            }
            mpfr_sqrt(u, x, MPFR_RNDN);
            mpfr_mul(t, t, u, MPFR_RNDN);
            mpfr_pow_ui(u, x, static_cast<unsigned long>(k), MPFR_RNDN);
            mpfr_div(out, t, u, MPFR_RNDN);
            break;
        }
        case 6: {  // atan: (-1)^(k-1) Im((x + i)^k) / ((x^2 + 1)^k k), Im((x+i)^k) = sum_{j odd} C(k,j) x^(k-j) (-1)^((j-1)/2)
            if (k == 0) {
                mpfr_atan(out, x, MPFR_RNDN);
                return;
            }
            mpfr_set_ui(t, 0, MPFR_RNDN);
            for (int j = 1; j <= k; j += 2) {
                mpfr_pow_ui(u, x, static_cast<unsigned long>(k - j), MPFR_RNDN);
                mpfr_mul_si(u, u, binomial(k, j) * (((j - 1) / 2) % 2 ? -1 : 1), MPFR_RNDN);
                mpfr_add(t, t, u, MPFR_RNDN);
            }
            mpfr_sqr(u, x, MPFR_RNDN);
            mpfr_add_ui(u, u, 1, MPFR_RNDN);
            mpfr_pow_ui(u, u, static_cast<unsigned long>(k), MPFR_RNDN);
            mpfr_mul_ui(u, u, static_cast<unsigned long>(k), MPFR_RNDN);
            mpfr_div(out, t, u, MPFR_RNDN);
            if (k % 2 == 0) mpfr_neg(out, out, MPFR_RNDN);
            return;
        }
        case 7:    // asin: g^(k-1) / k!, g = (1 - x^2)^(-1/2)
        case 8: {  // acos: -g^(k-1) / k!
            if (k == 0) {
                if (id == 7) mpfr_asin(out, x, MPFR_RNDN);
                else mpfr_acos(out, x, MPFR_RNDN);
                return;
            }
            Mp one_m, gp, g, gn;
            mpfr_sqr(one_m, x, MPFR_RNDN);
            mpfr_ui_sub(one_m, 1, one_m, MPFR_RNDN);  // 1 - x^2
            mpfr_rec_sqrt(g, one_m, MPFR_RNDN);       // g^(0)
            mpfr_set_ui(gp, 0, MPFR_RNDN);            // g^(-1), multiplied by n^2 = 0 below
            for (int n = 0; n < k - 1; ++n) {
                // (1 - x^2) g^(n+1) = (2n+1) x g^(n) + n^2 g^(n-1)
                mpfr_mul(gn, x, g, MPFR_RNDN);
                mpfr_mul_ui(gn, gn, static_cast<unsigned long>(2 * n + 1), MPFR_RNDN);
                mpfr_mul_ui(t, gp, static_cast<unsigned long>(n * n), MPFR_RNDN);
                mpfr_add(gn, gn, t, MPFR_RNDN);
                mpfr_div(gn, gn, one_m, MPFR_RNDN);
                mpfr_set(gp, g, MPFR_RNDN);
                mpfr_set(g, gn, MPFR_RNDN);
            }
            mpfr_set(out, g, MPFR_RNDN);
            if (id == 8) mpfr_neg(out, out, MPFR_RNDN);
            break;
        }
        case 9:     // erf: 2/sqrt(pi) (-1)^(k-1) H_{k-1}(x) exp(-x^2) / k!
        case 10: {  // erfc: minus that
            if (k == 0) {
                if (id == 9) mpfr_erf(out, x, MPFR_RNDN);
                else mpfr_erfc(out, x, MPFR_RNDN);
                return;
            }
            hermite(t, x, k - 1, true);
            mpfr_sqr(u, x, MPFR_RNDN);
            mpfr_neg(u, u, MPFR_RNDN);
            mpfr_exp(u, u, MPFR_RNDN);
            mpfr_mul(t, t, u, MPFR_RNDN);
            mpfr_const_pi(u, MPFR_RNDN);
            mpfr_sqrt(u, u, MPFR_RNDN);
            mpfr_div(t, t, u, MPFR_RNDN);
            mpfr_mul_2ui(out, t, 1, MPFR_RNDN);
            if ((k - 1) % 2 == 1) mpfr_neg(out, out, MPFR_RNDN);
            if (id == 10) mpfr_neg(out, out, MPFR_RNDN);
            break;
        }
        case 11:    // phi: (-1)^k He_k(x) phi(x) / k!
        case 12: {  // Phi: k = 0: erfc(-x / sqrt 2) / 2; else phi^(k-1) / k!
            if (id == 12 && k == 0) {
                mpfr_set_ui(t, 2, MPFR_RNDN);
                mpfr_sqrt(t, t, MPFR_RNDN);
                mpfr_div(t, x, t, MPFR_RNDN);
                mpfr_neg(t, t, MPFR_RNDN);
                mpfr_erfc(out, t, MPFR_RNDN);
                mpfr_div_2ui(out, out, 1, MPFR_RNDN);
                return;
            }
            const int m = (id == 11) ? k : k - 1;
            hermite(t, x, m, false);
            gaussian_density(u, x);
            mpfr_mul(out, t, u, MPFR_RNDN);
            if (m % 2 == 1) mpfr_neg(out, out, MPFR_RNDN);
            break;
        }
        case 13: {  // tan: P_k(tan x) / k!, P_0(u) = u, P_{n+1}(u) = (1 + u^2) P_n'(u)
            std::vector<long long> p = {0, 1};
            for (int n = 0; n < k; ++n) {
                std::vector<long long> d(p.size() > 1 ? p.size() - 1 : 1, 0), q(d.size() + 2, 0);
                for (std::size_t j = 1; j < p.size(); ++j) d[j - 1] = static_cast<long long>(j) * p[j];
                for (std::size_t j = 0; j < d.size(); ++j) {
                    q[j] += d[j];
                    q[j + 2] += d[j];
                }
                p = q;
            }
            mpfr_tan(u, x, MPFR_RNDN);
            mpfr_set_ui(t, 0, MPFR_RNDN);
            for (std::size_t j = p.size(); j-- > 0;) {  // Horner
                mpfr_mul(t, t, u, MPFR_RNDN);
                mpfr_add_si(t, t, static_cast<long>(p[j]), MPFR_RNDN);
            }
            mpfr_set(out, t, MPFR_RNDN);
            break;
        }
        case 14: {  // 1/(1+x): (-1)^k (1+x)^-(k+1)
            mpfr_add_ui(t, x, 1, MPFR_RNDN);
            mpfr_pow_ui(t, t, static_cast<unsigned long>(k + 1), MPFR_RNDN);
            mpfr_ui_div(out, 1, t, MPFR_RNDN);
            if (k % 2) mpfr_neg(out, out, MPFR_RNDN);
            return;
        }
        case 15:    // x^5
        case 16: {  // x^-3: prod_{j<k} (n - j) x^(n-k) / k!
            const int n = (id == 15) ? 5 : -3;
            mpfr_set_ui(t, 1, MPFR_RNDN);
            for (int j = 0; j < k; ++j) mpfr_mul_si(t, t, n - j, MPFR_RNDN);
            mpfr_pow_si(u, x, n - k, MPFR_RNDN);
            mpfr_mul(out, t, u, MPFR_RNDN);
            break;
        }
        case kSinMinusTCos: {  // f' = x sin x, so f^(k) = x sin^(k-1)(x) + (k-1) sin^(k-2)(x)
            if (k == 0) {
                mpfr_sin(t, x, MPFR_RNDN);
                mpfr_cos(u, x, MPFR_RNDN);
                mpfr_mul(u, u, x, MPFR_RNDN);
                mpfr_sub(out, t, u, MPFR_RNDN);
                return;
            }
            trig_derivative(t, x, k - 1, true);
            mpfr_mul(t, t, x, MPFR_RNDN);
            if (k >= 2) {
                trig_derivative(u, x, k - 2, true);
                mpfr_mul_ui(u, u, static_cast<unsigned long>(k - 1), MPFR_RNDN);
                mpfr_add(t, t, u, MPFR_RNDN);
            }
            mpfr_set(out, t, MPFR_RNDN);
            break;
        }
        case 18:  // expm1
            if (k == 0) {
                mpfr_expm1(out, x, MPFR_RNDN);
                return;
            }
            mpfr_exp(out, x, MPFR_RNDN);
            break;
        default: throw std::logic_error("no reference");
    }
    mpfr_div(out, out, fact, MPFR_RNDN);
}

double reference_double(int id, double x, int k) {
    Mp r;
    reference(id, r, x, k);
    return mpfr_get_d(r, MPFR_RNDN);
}

// The 256-bit reference is within 2^-250 (relative) of the true value. "Encloses" fails only if the
// enclosure misses the reference by more than that, so a reported failure is a real miss.
bool encloses(const Interval& X, mpfr_srcptr ref) {
    if (mpfr_nan_p(ref)) return false;
    Mp slack, lo, hi;
    mpfr_abs(slack, ref, MPFR_RNDU);
    mpfr_mul_2si(slack, slack, -240, MPFR_RNDU);
    mpfr_sub(lo, ref, slack, MPFR_RNDD);
    mpfr_add(hi, ref, slack, MPFR_RNDU);
    return mpfr_cmp_d(hi, X.lo()) >= 0 && mpfr_cmp_d(lo, X.hi()) <= 0;
}
bool encloses(const MpInterval& X, mpfr_srcptr ref) {
    if (mpfr_nan_p(ref)) return false;
    Mp slack, lo, hi;
    mpfr_abs(slack, ref, MPFR_RNDU);
    mpfr_mul_2si(slack, slack, -240, MPFR_RNDU);
    mpfr_sub(lo, ref, slack, MPFR_RNDD);
    mpfr_add(hi, ref, slack, MPFR_RNDU);
    return mpfr_cmp(hi, X.lower()) >= 0 && mpfr_cmp(lo, X.upper()) <= 0;
}

template <class... A>
std::string cat(const A&... a) {  // (append: GCC 12 warns falsely on "literal" + std::string&&)
    std::string s;
    (s.append(a), ...);
    return s;
}
std::string hex(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%a", x);
    return buf;
}
std::string str(const Interval& x) { return cat("[", hex(x.lo()), ", ", hex(x.hi()), "]"); }
std::string str(const MpInterval& x) { return x.to_string(); }

template <class I>
I make_interval(double lo, double hi) {
    if constexpr (std::is_same_v<I, MpInterval>)
        return MpInterval(lo, hi, 128);
    else
        return I(lo, hi);
}

// A random subinterval of [lo, hi]: a point, a few ulps, or a relative width 1e-8 .. 0.3.
void random_interval(std::mt19937_64& rng, double lo, double hi, double& a, double& b) {
    a = std::uniform_real_distribution<double>(lo, hi)(rng);
    static constexpr double kWidths[] = {0, -1, 1e-8, 1e-4, 1e-2, 0.1, 0.3};
    const double w = kWidths[std::uniform_int_distribution<int>(0, 6)(rng)];
    if (w < 0) {
        b = a;
        for (int i = 0; i < 3; ++i) b = std::nextafter(b, INFINITY);
    } else {
        b = a + w * (hi - lo) * std::uniform_real_distribution<double>(0.1, 1.0)(rng);
    }
    b = std::min(b, hi);
}

// Evaluates Taylor<I, Kc>::variable(X) through test function id on random intervals X and counts the
// (X, x, k) with x in X (both endpoints and random interior points) where c_k misses f^(k)(x)/k!.
template <class I, int Kc>
int count_taylor_failures(int id, bool mutant, int intervals, int points, std::uint64_t seed, std::string* first) {
    const FunctionInfo& fi = kFunctions[id];
    std::mt19937_64 rng(seed);
    int failures = 0;
    for (int n = 0; n < intervals; ++n) {
        double a, b;
        random_interval(rng, fi.lo, fi.hi, a, b);
        const I X = make_interval<I>(a, b);
        const Taylor<I, Kc> c = test_function(id, Taylor<I, Kc>::variable(X), mutant);
        for (int p = 0; p < points + 2; ++p) {
            const double x = p == 0 ? a : p == 1 ? b : std::uniform_real_distribution<double>(a, b)(rng);
            for (int k = 0; k <= Kc; ++k) {
                Mp ref;
                reference(id, ref, x, k);
                if (!encloses(c[k], ref)) {
                    ++failures;
                    if (first && first->empty()) {
                        char buf[200];
                        mpfr_snprintf(buf, sizeof buf, "%.25Rg", ref.v);
                        *first = cat(fi.name, ": X = ", str(make_interval<Interval>(a, b)), ", x = ", hex(x), ", k = ",
                                     std::to_string(k), ": ", buf, " not in ", str(c[k]));
                    }
                }
            }
        }
    }
    return failures;
}

// Lagrange remainder form: f(t1) in sum_{k<Kc} c_k(t0) H^k + c_Kc(hull(t0, t1)) H^Kc with H = t1 - t0
// (enclosed), against the MPFR value f(t1). Returns the number of misses.
template <int Kc>
int count_remainder_failures(int id, bool mutant, int trials, std::uint64_t seed, std::string* first) {
    const FunctionInfo& fi = kFunctions[id];
    std::mt19937_64 rng(seed);
    int failures = 0;
    for (int n = 0; n < trials; ++n) {
        const double t0 = std::uniform_real_distribution<double>(fi.lo, fi.hi)(rng);
        const double span = (fi.hi - fi.lo) * std::uniform_real_distribution<double>(0.001, 0.2)(rng);
        const double t1 = std::clamp(t0 + std::uniform_real_distribution<double>(-span, span)(rng), fi.lo, fi.hi);
        const Interval H = Interval(t1) - Interval(t0);
        const auto c0 = test_function(id, Taylor<Interval, Kc>::variable(Interval(t0)), mutant);
        const auto cX = test_function(id, Taylor<Interval, Kc>::variable(Interval(std::min(t0, t1), std::max(t0, t1))), mutant);
        Interval sum = cX[Kc];
        for (int k = Kc - 1; k >= 0; --k) sum = sum * H + c0[k];  // Horner, the top coefficient on hull
        Mp ref;
        reference(id, ref, t1, 0);
        if (!encloses(sum, ref)) {
            ++failures;
            if (first && first->empty())
                *first = cat(fi.name, ": t0 = ", hex(t0), ", t1 = ", hex(t1), ", enclosure ", str(sum));
        }
    }
    return failures;
}

// Tolerance for a double coefficient: the recurrences sum products of earlier coefficients, so the
// error is a modest multiple of u times the size of the neighbouring coefficients (a neighbour keeps
// the tolerance from vanishing where c_k itself crosses zero, e.g. sin's at a zero).
double coefficient_tolerance(int id, double x, int k) {
    const double around = std::fabs(reference_double(id, x, k)) + std::fabs(reference_double(id, x, k + 1)) +
                          (k > 0 ? std::fabs(reference_double(id, x, k - 1)) : 0.0);
    return 0x1p-48 * (k + 1) * around;
}

}  // namespace

// =====================================================================================================
TEST_CASE("Taylor<double>: coefficients of every function against closed forms (MPFR)", "[taylor]") {
    for (int id = 0; id < static_cast<int>(kFunctions.size()); ++id) {
        const FunctionInfo& fi = kFunctions[id];
        std::mt19937_64 rng(100 + static_cast<std::uint64_t>(id));
        double worst = 0;
        std::string where;
        for (int n = 0; n < 40; ++n) {
            const double x = std::uniform_real_distribution<double>(fi.lo, fi.hi)(rng);
            const auto c = test_function(id, Taylor<double, K>::variable(x));
            for (int k = 0; k <= K; ++k) {
                const double err = std::fabs(c[k] - reference_double(id, x, k));
                const double r = err == 0 ? 0.0 : err / coefficient_tolerance(id, x, k);
                if (!(r <= worst)) {
                    worst = r;
                    where = cat("x = ", hex(x), ", k = ", std::to_string(k), ", c_k = ", hex(c[k]));
                }
            }
        }
        INFO(fi.name << ": worst error / tolerance = " << worst << " at " << where);
        CHECK(worst <= 1.0);
    }
}

TEST_CASE("Taylor<double>: the closed-form check rejects the mutant cos' = +sin", "[taylor]") {
    for (int id : {kSin, kSinMinusTCos}) {
        double worst = 0;
        for (double x : {-2.0, -0.3, 0.7, 2.5}) {
            const auto c = test_function(id, Taylor<double, K>::variable(x), true);
            for (int k = 0; k <= K; ++k)
                worst = std::max(worst, std::fabs(c[k] - reference_double(id, x, k)) / coefficient_tolerance(id, x, k));
        }
        INFO(kFunctions[id].name);
        CHECK(worst > 1e6);
    }
}

TEST_CASE("Taylor<double>: known series at 0", "[taylor]") {
    const auto t = Taylor<double, 7>::variable(0.0);
    SECTION("sin t - t cos t = t^3/3 - t^5/30 + ...: c1 = c2 = 0 exactly, c3 = 1/3") {
        const auto f = sin(t) - t * cos(t);
        CHECK(f[0] == 0.0);
        CHECK(f[1] == 0.0);
        CHECK(f[2] == 0.0);
        CHECK(f[3] == Approx(1.0 / 3).epsilon(1e-15));
        CHECK(f[4] == 0.0);
        CHECK(f[5] == Approx(-1.0 / 30).epsilon(1e-15));
    }
    SECTION("atan, acos, asin, tan, erf, exp, log1p, phi") {
        const double atan_c[] = {0, 1, 0, -1.0 / 3, 0, 1.0 / 5, 0, -1.0 / 7};
        const double asin_c[] = {0, 1, 0, 1.0 / 6, 0, 3.0 / 40, 0, 15.0 / 336};
        const double tan_c[] = {0, 1, 0, 1.0 / 3, 0, 2.0 / 15, 0, 17.0 / 315};
        const double erf_c[] = {0, 1, 0, -1.0 / 3, 0, 1.0 / 10, 0, -1.0 / 42};  // times 2/sqrt(pi)
        const double log1p_c[] = {0, 1, -1.0 / 2, 1.0 / 3, -1.0 / 4, 1.0 / 5, -1.0 / 6, 1.0 / 7};
        const double phi_c[] = {1, 0, -1.0 / 2, 0, 1.0 / 8, 0, -1.0 / 48, 0};  // times phi(0)
        const auto a = atan(t), ac = acos(t), as = asin(t), ta = tan(t), e = erf(t), ex = exp(t), l = log1p(t),
                   p = gaussian_pdf(t);
        const double two_over_sqrt_pi = 2 / std::sqrt(std::numbers::pi), phi0 = 1 / std::sqrt(2 * std::numbers::pi);
        double fact = 1;
        for (int k = 0; k <= 7; ++k) {
            INFO("k = " << k);
            if (k > 0) fact *= k;
            CHECK(a[k] == Approx(atan_c[k]).epsilon(1e-14).margin(1e-16));
            CHECK(as[k] == Approx(asin_c[k]).epsilon(1e-14).margin(1e-16));
            CHECK(ac[k] == Approx(k == 0 ? std::numbers::pi / 2 : -asin_c[k]).epsilon(1e-14).margin(1e-16));
            CHECK(ta[k] == Approx(tan_c[k]).epsilon(1e-14).margin(1e-16));
            CHECK(e[k] == Approx(two_over_sqrt_pi * erf_c[k]).epsilon(1e-14).margin(1e-16));
            CHECK(ex[k] == Approx(1 / fact).epsilon(1e-15));
            CHECK(l[k] == Approx(log1p_c[k]).epsilon(1e-14).margin(1e-16));
            CHECK(p[k] == Approx(phi0 * phi_c[k]).epsilon(1e-14).margin(1e-16));
        }
    }
}

TEST_CASE("Taylor<double>: functional identities hold coefficientwise", "[taylor]") {
    std::mt19937_64 rng(7);
    for (int n = 0; n < 30; ++n) {
        // |x| <= 0.6 keeps the singularities of acos/asin at distance >= 0.4, so that the coefficients
        // up to order 8 stay below ~1e4 and the margins below are many rounding errors wide
        const double x = std::uniform_real_distribution<double>(-0.6, 0.6)(rng);
        const auto t = Taylor<double, K>::variable(x);
        const auto tp = Taylor<double, K>::variable(x + 1.5);  // positive argument
        const auto [s, c] = sincos(t);
        const auto id1 = cos(acos(t)), id2 = sin(asin(t)), id3 = tan(atan(t)), id4 = exp(log(tp)), id5 = sqr(sqrt(tp));
        const auto one = sqr(s) + sqr(c), half_pi = asin(t) + acos(t), erf1 = erf(t) + erfc(t);
        const auto q = tan(t) - sin(t) / cos(t), lg = log1p(t) - log(1 + t), em = expm1(t) - (exp(t) - 1);
        const auto pw = pow(tp, -2) * sqr(tp);
        for (int k = 0; k <= K; ++k) {
            INFO("x = " << x << ", k = " << k);
            const double ident = (k == 0) ? x : (k == 1 ? 1.0 : 0.0), identp = (k == 0) ? x + 1.5 : (k == 1 ? 1.0 : 0.0);
            CHECK(id1[k] == Approx(ident).epsilon(0).margin(1e-10));
            CHECK(id2[k] == Approx(ident).epsilon(0).margin(1e-10));
            CHECK(id3[k] == Approx(ident).epsilon(0).margin(1e-10));
            CHECK(id4[k] == Approx(identp).epsilon(0).margin(1e-12));
            CHECK(id5[k] == Approx(identp).epsilon(0).margin(1e-12));
            CHECK(one[k] == Approx(k == 0 ? 1.0 : 0.0).epsilon(0).margin(1e-13));
            CHECK(half_pi[k] == Approx(k == 0 ? std::numbers::pi / 2 : 0.0).epsilon(0).margin(1e-12));
            CHECK(erf1[k] == Approx(k == 0 ? 1.0 : 0.0).epsilon(0).margin(1e-13));
            CHECK(q[k] == Approx(0.0).epsilon(0).margin(1e-10));
            CHECK(lg[k] == Approx(0.0).epsilon(0).margin(1e-12));
            CHECK(em[k] == Approx(0.0).epsilon(0).margin(1e-14));
            CHECK(pw[k] == Approx(k == 0 ? 1.0 : 0.0).epsilon(0).margin(1e-10));
        }
    }
}

TEST_CASE("Taylor: constants, mixed arithmetic, eval, ScalarOps, order 0", "[taylor]") {
    using T4 = Taylor<double, 4>;
    const T4 t = T4::variable(2.0);
    CHECK(t.c == std::array<double, 5>{2, 1, 0, 0, 0});
    const T4 k = 3;
    CHECK(k.c == std::array<double, 5>{3, 0, 0, 0, 0});
    // (1 + t)^2 / 2 - 3 t + 1 / t at t0 = 2, h: (3 + h)^2/2 - 3(2 + h) + 1/(2 + h)
    T4 f = sqr(1 + t) / 2 - 3 * t + 1 / t;
    f -= 0.5;
    f *= 2;
    CHECK(f[0] == Approx(2 * (4.5 - 6 + 0.5 - 0.5)).epsilon(1e-15));
    CHECK(f[1] == Approx(2 * (3 - 3 - 0.25)).epsilon(1e-15));
    CHECK(f[2] == Approx(2 * (0.5 + 0.125)).epsilon(1e-15));
    CHECK(f[3] == Approx(2 * (-1.0 / 16)).epsilon(1e-15));
    CHECK(f.eval(0.1) == Approx(2 * (3.1 * 3.1 / 2 - 6.3 + 1 / 2.1 - 0.5)).epsilon(1e-5));
    const T4 p = ScalarOps<T4>::pi();
    CHECK(p.c == std::array<double, 5>{std::numbers::pi, 0, 0, 0, 0});
    CHECK(ScalarOps<T4>::from_rational(Rational(3, 4))[0] == 0.75);
    CHECK(pow(t, 0).c == std::array<double, 5>{1, 0, 0, 0, 0});
    CHECK(pow(t, 3)[1] == Approx(12.0).epsilon(1e-15));  // 3 t0^2
    // order 0 is plain evaluation
    const auto z = Taylor<double, 0>::variable(0.5);
    CHECK(atan(z)[0] == std::atan(0.5));
    CHECK(erf(z)[0] == std::erf(0.5));
    CHECK(tan(z)[0] == std::tan(0.5));
    CHECK(gaussian_cdf(z)[0] == gaussian_cdf(0.5));
    // Taylor over Interval with Interval and double constants
    const auto ti = Taylor<Interval, 3>::variable(Interval(1, 2));
    const auto g = 2.0 * ti + Interval(1) - ti / 2;
    CHECK(g[0] == Interval(2, 4.5));  // 2 X + 1 - X / 2 on X = [1, 2] (the dependency is not removed)
    CHECK(g[1] == Interval(1.5));
    CHECK(ScalarOps<Taylor<Interval, 3>>::pi()[0] == pi_interval());
}

TEST_CASE("Taylor<Interval>: sin t - t cos t at 0 encloses 0, 0, 1/3", "[taylor]") {
    const auto t = Taylor<Interval, 5>::variable(Interval(0));
    const auto f = sin(t) - t * cos(t);
    CHECK(f[1].contains(0.0));
    CHECK(f[2].contains(0.0));
    CHECK(f[3].contains(enclose(Rational(1, 3))));
    CHECK(f[3].width() < 1e-15);
    CHECK(f[5].contains(enclose(Rational(-1, 30))));
}

TEST_CASE("Taylor<Interval> on X encloses f^(k)(x)/k! for x in X (MPFR reference)", "[taylor]") {
    for (int id = 0; id < static_cast<int>(kFunctions.size()); ++id) {
        std::string first;
        const int failures = count_taylor_failures<Interval, K>(id, false, 150, 3, 200 + static_cast<std::uint64_t>(id), &first);
        INFO(first);
        CHECK(failures == 0);
    }
}

TEST_CASE("Taylor<Interval>: the containment check rejects the mutant cos' = +sin", "[taylor]") {
    for (int id : {kSin, kSinMinusTCos}) {
        std::string first;
        const int failures = count_taylor_failures<Interval, K>(id, true, 150, 3, 300, &first);
        INFO(kFunctions[id].name << ": " << failures << " failures; first " << first);
        CHECK(failures > 0);
    }
}

TEST_CASE("Taylor<Interval>: Lagrange remainder form encloses f(t0 + h)", "[taylor]") {
    for (int id = 0; id < static_cast<int>(kFunctions.size()); ++id) {
        std::string first;
        CHECK(count_remainder_failures<4>(id, false, 100, 400 + static_cast<std::uint64_t>(id), &first) == 0);
        CHECK(count_remainder_failures<K>(id, false, 100, 500 + static_cast<std::uint64_t>(id), &first) == 0);
        INFO(first);
        CHECK(first.empty());
    }
    SECTION("and rejects the mutant") {
        for (int id : {kSin, kSinMinusTCos}) {
            INFO(kFunctions[id].name);
            CHECK(count_remainder_failures<4>(id, true, 100, 600, nullptr) > 0);
        }
    }
}

TEST_CASE("Taylor<MpInterval> on X encloses f^(k)(x)/k! (MPFR reference)", "[taylor]") {
    for (int id : {0, 3, 6, 8, 9, 12, 13, kSinMinusTCos}) {
        std::string first;
        const int failures = count_taylor_failures<MpInterval, 6>(id, false, 8, 2, 700 + static_cast<std::uint64_t>(id), &first);
        INFO(first);
        CHECK(failures == 0);
    }
    std::string first;
    CHECK(count_taylor_failures<MpInterval, 6>(kSinMinusTCos, true, 8, 2, 701, &first) > 0);
}
