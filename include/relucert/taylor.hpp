// Taylor<T, K>: truncated univariate Taylor series (Taylor-mode automatic differentiation).
//
// A Taylor<T, K> holds c[0..K], the normalised derivatives c[k] = f^(k)(t0) / k! of a function of one
// variable t at a point t0; Taylor<T, K>::variable(t0) is t0 + h (c = t0, 1, 0, ...). Arithmetic and
// the functions below propagate the coefficients by the classical recurrences (Moore 1966; Griewank &
// Walther, "Evaluating Derivatives", ch. 13), truncated at order K. Each recurrence is stated next to
// its function; a' denotes the derivative series (k+1) a[k+1] and "int" the antiderivative
// g[k-1] / k with a given constant term.
//
// What is guaranteed for an interval T (the certification engine's Lagrange remainder).
// Let X be an interval and evaluate a generic f on Taylor<T, K>::variable(X). Then for every k,
//     c[k]  encloses  { f^(k)(x) / k! : x in X },
// wherever f is K times differentiable on X. Reason: for a point x, c[k](x) is one fixed expression
// in x built from +, -, *, / and elementary functions of the constant terms of intermediate series
// (exp(a[0]), sin(a[0]), ...). This header evaluates that expression using T's operations only --
// no double approximation of any coefficient, constants such as 2/sqrt(pi) come from
// ScalarOps<T>::pi() -- so with X in place of x the fundamental theorem of interval arithmetic gives
// the enclosure of its range over X. (Where a constant term is replaced by a tighter enclosure of the
// same real number, e.g. pow's c[0] = pow(a[0], n), the argument is unchanged.) Consequently
//     f(t0 + h)  in  sum_{k<K} c_k(t0) h^k  +  C_K h^K,   C_K = c[K] computed on variable(hull(t0, t0+h)),
// which is how the engine bounds the remainder.
// Domain boundaries: where a recurrence divides by an interval containing 0 (log, sqrt, asin/acos at
// the edge of their domain, tan at a pole) the coefficients become the whole line, a valid but
// useless enclosure; see interval.hpp for functions of partially out-of-domain arguments.
// Non-smooth functions (abs, min, max) have no Taylor series and are deliberately not provided.
//
// Scalar requirements on T: as for Dual (dual.hpp): T(int), T(double), + - * /, unary minus, the
// elementary functions by ADL (std:: for double) and ScalarOps<T>.
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "relucert/dual.hpp"  // the scalar traits (relucert::ad) shared by the AD types
#include "relucert/scalar.hpp"

namespace relucert {

template <class T, int K>
struct Taylor;

namespace ad {
template <class T, int K>
struct ad_traits<Taylor<T, K>> {
    static constexpr bool is_ad = true;
    using scalar = T;
    static const T& value(const Taylor<T, K>& x) { return x.c[0]; }
};

// Coefficient recurrences on plain arrays (length L = order + 1), so that the functions defined
// through their derivative (atan, asin, acos, erf, Phi) can run them one order lower.
namespace series {
template <class T, std::size_t L>
using Coeffs = std::array<T, L>;

// (a b)[k] = sum_{j=0..k} a[j] b[k-j]  (Cauchy product)
template <class T, std::size_t L>
Coeffs<T, L> mul(const Coeffs<T, L>& a, const Coeffs<T, L>& b) {
    Coeffs<T, L> r;
    for (std::size_t k = 0; k < L; ++k) {
        T s = a[0] * b[k];
        for (std::size_t j = 1; j <= k; ++j) s += a[j] * b[k - j];
        r[k] = std::move(s);
    }
    return r;
}

// (a^2)[k] = 2 sum_{j < k-j} a[j] a[k-j] + (k even ? a[k/2]^2 : 0); the square term with sqr (tight
// for intervals containing 0).
template <class T, std::size_t L>
T sqr_coeff(const Coeffs<T, L>& a, std::size_t k) {
    T s(0);
    for (std::size_t j = 0; 2 * j < k; ++j) s += a[j] * a[k - j];
    s = s + s;
    if (k % 2 == 0) s += sqr(a[k / 2]);
    return s;
}
template <class T, std::size_t L>
Coeffs<T, L> square(const Coeffs<T, L>& a) {
    Coeffs<T, L> r;
    for (std::size_t k = 0; k < L; ++k) r[k] = sqr_coeff(a, k);
    return r;
}

// q = a / b:  q[k] = (a[k] - sum_{j=1..k} b[j] q[k-j]) / b[0]   (from q b = a)
template <class T, std::size_t L>
Coeffs<T, L> divide(const Coeffs<T, L>& a, const Coeffs<T, L>& b) {
    Coeffs<T, L> q;
    for (std::size_t k = 0; k < L; ++k) {
        T s = a[k];
        for (std::size_t j = 1; j <= k; ++j) s -= b[j] * q[k - j];
        q[k] = s / b[0];
    }
    return q;
}

// e with e' = a' e and e[0] = e0 (exp: e0 = exp(a[0]); also any multiple C exp(a)):
//   e[k] = (1/k) sum_{j=1..k} j a[j] e[k-j]
template <class T, std::size_t L>
Coeffs<T, L> exp_from(const Coeffs<T, L>& a, T e0) {
    Coeffs<T, L> e;
    if constexpr (L > 0) e[0] = std::move(e0);
    for (std::size_t k = 1; k < L; ++k) {
        T s = a[1] * e[k - 1];
        for (std::size_t j = 2; j <= k; ++j) s += T(static_cast<int>(j)) * a[j] * e[k - j];
        e[k] = s / T(static_cast<int>(k));
    }
    return e;
}

// l with l' = a'/A, A = A0 + (a - a[0]) (log: A0 = a[0]; log1p: A0 = 1 + a[0]), l[0] = l0:
//   l[k] = (a[k] - (1/k) sum_{j=1..k-1} j l[j] a[k-j]) / A0   (from A l' = a')
template <class T, std::size_t L>
Coeffs<T, L> log_from(const Coeffs<T, L>& a, T l0, const T& A0) {
    Coeffs<T, L> l;
    if constexpr (L > 0) l[0] = std::move(l0);
    for (std::size_t k = 1; k < L; ++k) {
        T s(0);
        for (std::size_t j = 1; j < k; ++j) s += T(static_cast<int>(j)) * l[j] * a[k - j];
        l[k] = (a[k] - s / T(static_cast<int>(k))) / A0;
    }
    return l;
}

// s = sqrt(a):  s[k] = (a[k] - sum_{j=1..k-1} s[j] s[k-j]) / (2 s[0])   (from s^2 = a)
template <class T, std::size_t L>
Coeffs<T, L> sqrt_series(const Coeffs<T, L>& a) {
    using std::sqrt;
    Coeffs<T, L> s;
    if constexpr (L > 0) {
        s[0] = sqrt(a[0]);
        const T two_s0 = s[0] + s[0];
        for (std::size_t k = 1; k < L; ++k) {
            T t(0);
            for (std::size_t j = 1; j < k; ++j) t += s[j] * s[k - j];
            s[k] = (a[k] - t) / two_s0;
        }
    }
    return s;
}

// s = sin(a), c = cos(a) together (s' = a' c, c' = -a' s):
//   s[k] = (1/k) sum_{j=1..k} j a[j] c[k-j],   c[k] = -(1/k) sum_{j=1..k} j a[j] s[k-j]
template <class T, std::size_t L>
std::pair<Coeffs<T, L>, Coeffs<T, L>> sincos_series(const Coeffs<T, L>& a) {
    using std::cos;
    using std::sin;
    Coeffs<T, L> s, c;
    if constexpr (L > 0) {
        s[0] = sin(a[0]);
        c[0] = cos(a[0]);
        for (std::size_t k = 1; k < L; ++k) {
            T ss = a[1] * c[k - 1], cc = a[1] * s[k - 1];
            for (std::size_t j = 2; j <= k; ++j) {
                const T ja = T(static_cast<int>(j)) * a[j];
                ss += ja * c[k - j];
                cc += ja * s[k - j];
            }
            s[k] = ss / T(static_cast<int>(k));
            c[k] = -(cc / T(static_cast<int>(k)));
        }
    }
    return {s, c};
}

// The derivative series a'[k] = (k+1) a[k+1], one order lower.
template <class T, std::size_t L>
Coeffs<T, L - 1> derivative(const Coeffs<T, L>& a) {
    Coeffs<T, L - 1> r;
    for (std::size_t k = 0; k + 1 < L; ++k) r[k] = T(static_cast<int>(k + 1)) * a[k + 1];
    return r;
}
// The antiderivative with constant term f0: f[0] = f0, f[k] = g[k-1] / k, one order higher.
template <class T, std::size_t L>
Coeffs<T, L + 1> integrate(const Coeffs<T, L>& g, T f0) {
    Coeffs<T, L + 1> f;
    f[0] = std::move(f0);
    for (std::size_t k = 1; k <= L; ++k) f[k] = g[k - 1] / T(static_cast<int>(k));
    return f;
}
// The first L coefficients of a (truncation to one order lower).
template <class T, std::size_t L>
Coeffs<T, L - 1> truncate(const Coeffs<T, L>& a) {
    Coeffs<T, L - 1> r;
    for (std::size_t k = 0; k + 1 < L; ++k) r[k] = a[k];
    return r;
}
}  // namespace series
}  // namespace ad

template <class T, int K>
struct Taylor {
    static_assert(K >= 0, "Taylor order must be >= 0");
    using scalar_type = T;
    static constexpr int order = K;
    static constexpr std::size_t L = static_cast<std::size_t>(K) + 1;

    std::array<T, L> c;  // c[k] = f^(k)(t0) / k!

    Taylor() { c.fill(T(0)); }
    // A constant: c = (a, 0, 0, ...). Implicit, for generic code (Taylor x = 1).
    template <class S>
        requires ad::is_constant_for_v<S, T>
    Taylor(const S& a) {  // NOLINT: implicit on purpose
        c.fill(T(0));
        c[0] = T(a);
    }
    explicit Taylor(const std::array<T, L>& coeffs) : c(coeffs) {}

    // The independent variable t0 + h.
    static Taylor variable(const T& t0) {
        Taylor r(t0);
        if constexpr (K >= 1) r.c[1] = T(1);
        return r;
    }
    static Taylor constant(const T& a) { return Taylor(a); }

    const T& operator[](int k) const { return c[static_cast<std::size_t>(k)]; }
    T& operator[](int k) { return c[static_cast<std::size_t>(k)]; }

    // The polynomial sum_k c[k] h^k at h (Horner).
    T eval(const T& h) const {
        T s = c[K];
        for (int k = K - 1; k >= 0; --k) s = s * h + c[static_cast<std::size_t>(k)];
        return s;
    }

    Taylor& operator+=(const Taylor& b) {
        for (std::size_t k = 0; k < L; ++k) c[k] += b.c[k];
        return *this;
    }
    Taylor& operator-=(const Taylor& b) {
        for (std::size_t k = 0; k < L; ++k) c[k] -= b.c[k];
        return *this;
    }
    Taylor& operator*=(const Taylor& b) { return *this = *this * b; }
    Taylor& operator/=(const Taylor& b) { return *this = *this / b; }
    template <class S>
        requires ad::is_constant_for_v<S, T>
    Taylor& operator+=(const S& b) {
        c[0] += T(b);
        return *this;
    }
    template <class S>
        requires ad::is_constant_for_v<S, T>
    Taylor& operator-=(const S& b) {
        c[0] -= T(b);
        return *this;
    }
    template <class S>
        requires ad::is_constant_for_v<S, T>
    Taylor& operator*=(const S& b) {
        const T m(b);
        for (auto& x : c) x *= m;
        return *this;
    }
    template <class S>
        requires ad::is_constant_for_v<S, T>
    Taylor& operator/=(const S& b) {
        const T m(b);
        for (auto& x : c) x /= m;
        return *this;
    }
};

// ---- arithmetic ------------------------------------------------------------------------------------
template <class T, int K>
Taylor<T, K> operator+(const Taylor<T, K>& a) {
    return a;
}
template <class T, int K>
Taylor<T, K> operator-(const Taylor<T, K>& a) {
    Taylor<T, K> r;
    for (std::size_t k = 0; k < a.c.size(); ++k) r.c[k] = -a.c[k];
    return r;
}
template <class T, int K>
Taylor<T, K> operator+(const Taylor<T, K>& a, const Taylor<T, K>& b) {
    Taylor<T, K> r(a);
    r += b;
    return r;
}
template <class T, int K>
Taylor<T, K> operator-(const Taylor<T, K>& a, const Taylor<T, K>& b) {
    Taylor<T, K> r(a);
    r -= b;
    return r;
}
template <class T, int K>
Taylor<T, K> operator*(const Taylor<T, K>& a, const Taylor<T, K>& b) {
    return Taylor<T, K>(ad::series::mul(a.c, b.c));
}
template <class T, int K>
Taylor<T, K> operator/(const Taylor<T, K>& a, const Taylor<T, K>& b) {
    return Taylor<T, K>(ad::series::divide(a.c, b.c));
}

template <class T, int K, class S>
    requires ad::is_constant_for_v<S, T>
Taylor<T, K> operator+(const Taylor<T, K>& a, const S& b) {
    Taylor<T, K> r(a);
    r += b;
    return r;
}
template <class T, int K, class S>
    requires ad::is_constant_for_v<S, T>
Taylor<T, K> operator+(const S& a, const Taylor<T, K>& b) {
    Taylor<T, K> r(b);
    r.c[0] = T(a) + b.c[0];
    return r;
}
template <class T, int K, class S>
    requires ad::is_constant_for_v<S, T>
Taylor<T, K> operator-(const Taylor<T, K>& a, const S& b) {
    Taylor<T, K> r(a);
    r -= b;
    return r;
}
template <class T, int K, class S>
    requires ad::is_constant_for_v<S, T>
Taylor<T, K> operator-(const S& a, const Taylor<T, K>& b) {
    Taylor<T, K> r = -b;
    r.c[0] = T(a) - b.c[0];
    return r;
}
template <class T, int K, class S>
    requires ad::is_constant_for_v<S, T>
Taylor<T, K> operator*(const Taylor<T, K>& a, const S& b) {
    Taylor<T, K> r(a);
    r *= b;
    return r;
}
template <class T, int K, class S>
    requires ad::is_constant_for_v<S, T>
Taylor<T, K> operator*(const S& a, const Taylor<T, K>& b) {
    const T m(a);
    Taylor<T, K> r;
    for (std::size_t k = 0; k < b.c.size(); ++k) r.c[k] = m * b.c[k];
    return r;
}
template <class T, int K, class S>
    requires ad::is_constant_for_v<S, T>
Taylor<T, K> operator/(const Taylor<T, K>& a, const S& b) {
    Taylor<T, K> r(a);
    r /= b;
    return r;
}
template <class T, int K, class S>
    requires ad::is_constant_for_v<S, T>
Taylor<T, K> operator/(const S& a, const Taylor<T, K>& b) {
    return Taylor<T, K>(a) / b;
}

// ---- elementary functions --------------------------------------------------------------------------
// x^2 by the symmetric Cauchy product
template <class T, int K>
Taylor<T, K> sqr(const Taylor<T, K>& x) {
    return Taylor<T, K>(ad::series::square(x.c));
}
namespace ad::detail {
// x^m, m >= 1, by binary powering (sqr for the squarings; no division).
template <class T, int K>
Taylor<T, K> pow_positive(const Taylor<T, K>& x, unsigned m) {
    Taylor<T, K> base(x), result;
    bool first = true;
    for (;;) {
        if (m & 1u) {
            result = first ? base : result * base;
            first = false;
        }
        m >>= 1;
        if (m == 0) return result;
        base = sqr(base);
    }
}
}  // namespace ad::detail
// x^n by binary powering, valid also when x[0] contains 0; n < 0: 1 / x^|n|; x^0 = 1. Then c[0] is
// replaced by the tighter pow(x[0], n) (an enclosure of the same number).
template <class T, int K>
Taylor<T, K> pow(const Taylor<T, K>& x, int n) {
    using std::pow;
    if (n == 0) return Taylor<T, K>(T(1));
    const unsigned m = (n > 0) ? static_cast<unsigned>(n) : 0u - static_cast<unsigned>(n);
    Taylor<T, K> r = ad::detail::pow_positive(x, m);
    if (n < 0) r = Taylor<T, K>(T(1)) / r;
    r.c[0] = pow(x.c[0], n);
    return r;
}
// exp: e' = x' e
template <class T, int K>
Taylor<T, K> exp(const Taylor<T, K>& x) {
    using std::exp;
    return Taylor<T, K>(ad::series::exp_from(x.c, T(exp(x.c[0]))));
}
// expm1: the exp recurrence with e[0] = exp(x[0]), then c[0] = expm1(x[0])
template <class T, int K>
Taylor<T, K> expm1(const Taylor<T, K>& x) {
    using std::exp;
    using std::expm1;
    Taylor<T, K> r(ad::series::exp_from(x.c, T(exp(x.c[0]))));
    r.c[0] = expm1(x.c[0]);
    return r;
}
// log: x l' = x'
template <class T, int K>
Taylor<T, K> log(const Taylor<T, K>& x) {
    using std::log;
    return Taylor<T, K>(ad::series::log_from(x.c, T(log(x.c[0])), x.c[0]));
}
// log1p: (1 + x) l' = x'
template <class T, int K>
Taylor<T, K> log1p(const Taylor<T, K>& x) {
    using std::log1p;
    return Taylor<T, K>(ad::series::log_from(x.c, T(log1p(x.c[0])), T(T(1) + x.c[0])));
}
// sqrt: s^2 = x
template <class T, int K>
Taylor<T, K> sqrt(const Taylor<T, K>& x) {
    return Taylor<T, K>(ad::series::sqrt_series(x.c));
}
// sin and cos from one coupled recurrence: s' = x' c, c' = -x' s
template <class T, int K>
std::pair<Taylor<T, K>, Taylor<T, K>> sincos(const Taylor<T, K>& x) {
    auto [s, c] = ad::series::sincos_series(x.c);
    return {Taylor<T, K>(s), Taylor<T, K>(c)};
}
template <class T, int K>
Taylor<T, K> sin(const Taylor<T, K>& x) {
    return Taylor<T, K>(ad::series::sincos_series(x.c).first);
}
template <class T, int K>
Taylor<T, K> cos(const Taylor<T, K>& x) {
    return Taylor<T, K>(ad::series::sincos_series(x.c).second);
}
// tan: t' = (1 + t^2) x', with u = 1 + t^2 built alongside:
//   t[k] = (1/k) sum_{j=1..k} j x[j] u[k-j],  u[m] = [m = 0] + (t^2)[m]
template <class T, int K>
Taylor<T, K> tan(const Taylor<T, K>& x) {
    using std::tan;
    constexpr std::size_t L = Taylor<T, K>::L;
    Taylor<T, K> t;
    std::array<T, L> u;
    t.c[0] = tan(x.c[0]);
    u[0] = T(1) + sqr(t.c[0]);
    for (std::size_t k = 1; k < L; ++k) {
        T s = x.c[1] * u[k - 1];
        for (std::size_t j = 2; j <= k; ++j) s += T(static_cast<int>(j)) * x.c[j] * u[k - j];
        t.c[k] = s / T(static_cast<int>(k));
        u[k] = ad::series::sqr_coeff(t.c, k);
    }
    return t;
}

namespace ad::detail {
// int (x' g(x)) with constant term f0, where g's series is computed one order lower by make_g.
template <class T, int K, class G>
Taylor<T, K> integrate_derivative_times(const Taylor<T, K>& x, T f0, G&& make_g) {
    if constexpr (K == 0) {
        return Taylor<T, K>(f0);
    } else {
        const auto xs = ad::series::truncate(x.c);  // order K-1
        const auto g = make_g(xs);                  // order K-1
        return Taylor<T, K>(ad::series::integrate(ad::series::mul(ad::series::derivative(x.c), g), std::move(f0)));
    }
}
// 1 - x^2 as a series
template <class T, std::size_t L>
std::array<T, L> one_minus_sqr(const std::array<T, L>& x) {
    auto r = ad::series::square(x);
    for (auto& v : r) v = -v;
    r[0] = T(1) - sqr(x[0]);
    return r;
}
}  // namespace ad::detail

// atan = int x' / (1 + x^2)
template <class T, int K>
Taylor<T, K> atan(const Taylor<T, K>& x) {
    using std::atan;
    return ad::detail::integrate_derivative_times(x, T(atan(x.c[0])), [](const auto& xs) {
        auto den = ad::series::square(xs);
        den[0] = T(1) + sqr(xs[0]);
        std::remove_cvref_t<decltype(xs)> one;
        one.fill(T(0));
        one[0] = T(1);
        return ad::series::divide(one, den);
    });
}
// asin = int x' / sqrt(1 - x^2),  acos = -int x' / sqrt(1 - x^2)
namespace ad::detail {
template <class T, std::size_t L>
std::array<T, L> inv_sqrt_one_minus_sqr(const std::array<T, L>& xs) {
    std::array<T, L> one;
    one.fill(T(0));
    one[0] = T(1);
    return ad::series::divide(one, ad::series::sqrt_series(one_minus_sqr(xs)));
}
}  // namespace ad::detail
template <class T, int K>
Taylor<T, K> asin(const Taylor<T, K>& x) {
    using std::asin;
    return ad::detail::integrate_derivative_times(
        x, T(asin(x.c[0])), [](const auto& xs) { return ad::detail::inv_sqrt_one_minus_sqr(xs); });
}
template <class T, int K>
Taylor<T, K> acos(const Taylor<T, K>& x) {
    using std::acos;
    return ad::detail::integrate_derivative_times(x, T(acos(x.c[0])), [](const auto& xs) {
        auto g = ad::detail::inv_sqrt_one_minus_sqr(xs);
        for (auto& v : g) v = -v;
        return g;
    });
}
// erf = int x' (2/sqrt(pi)) exp(-x^2)
template <class T, int K>
Taylor<T, K> erf(const Taylor<T, K>& x) {
    using std::erf;
    return ad::detail::integrate_derivative_times(x, T(erf(x.c[0])), [](const auto& xs) {
        using std::exp;
        auto b = ad::series::square(xs);
        for (auto& v : b) v = -v;
        auto g = ad::series::exp_from(b, T(exp(b[0])));
        const T c = ad::detail::two_over_sqrt_pi<T>();
        for (auto& v : g) v = c * v;
        return g;
    });
}
// erfc = 1 - erf: c[0] = erfc(x[0]), the rest negated
template <class T, int K>
Taylor<T, K> erfc(const Taylor<T, K>& x) {
    using std::erfc;
    Taylor<T, K> r = -erf(x);
    r.c[0] = erfc(x.c[0]);
    return r;
}
namespace ad::detail {
// phi(x) = exp(-x^2/2) / sqrt(2 pi): the exp recurrence on b = -x^2/2 with e[0] = phi(x[0])
template <class T, std::size_t L>
std::array<T, L> gaussian_pdf_series(const std::array<T, L>& x) {
    auto b = ad::series::square(x);
    for (auto& v : b) v = -(v / T(2));
    return ad::series::exp_from(b, T(gaussian_pdf(x[0])));
}
}  // namespace ad::detail
template <class T, int K>
Taylor<T, K> gaussian_pdf(const Taylor<T, K>& x) {
    return Taylor<T, K>(ad::detail::gaussian_pdf_series(x.c));
}
// Phi = int x' phi(x)
template <class T, int K>
Taylor<T, K> gaussian_cdf(const Taylor<T, K>& x) {
    return ad::detail::integrate_derivative_times(
        x, T(gaussian_cdf(x.c[0])), [](const auto& xs) { return ad::detail::gaussian_pdf_series(xs); });
}

// ---- ScalarOps: constants -------------------------------------------------------------------------
template <class T, int K>
struct ScalarOps<Taylor<T, K>> {
    static Taylor<T, K> pi() { return Taylor<T, K>(ScalarOps<T>::pi()); }
    static Taylor<T, K> from_rational(const Rational& q) { return Taylor<T, K>(ScalarOps<T>::from_rational(q)); }
};

}  // namespace relucert
