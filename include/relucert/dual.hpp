// Dual<T, N>: forward-mode automatic differentiation in N variables, generic over the scalar T.
//
// A Dual carries a value v and a gradient d = (dv/dx_1, ..., dv/dx_N). Every operation applies the
// chain rule with the derivative factor written as an expression in T operations only:
//     f(u) -> value f(u.v), gradient f'(u.v) * u.d.
// T may be double, an interval type (relucert::Interval, relucert::MpInterval, ...) or another Dual;
// Dual<Dual<T, N>, N> carries second derivatives (see gradient_and_hessian below).
//
// What is guaranteed for an interval T (the certification engine's use: monotonicity, mean-value
// forms). Evaluate f on make_variables(X) for a box X. Then, for f differentiable on X,
//     value    encloses f(X)   and   d[i] encloses { df/dx_i (x) : x in X }.
// Reason: each component is one fixed expression in the input intervals built from T's operations and
// elementary functions, every one of which is an inclusion-isotone enclosure; the fundamental theorem
// of interval arithmetic gives the enclosure of the range over X. Nothing in this file ever uses a
// double approximation of a derivative factor: constants such as 2/sqrt(pi) are computed in T from
// ScalarOps<T>::pi().
// Hence the mean-value inclusion  f(y) in f(x) + sum_i d[i](X) (y_i - x_i)  for x, y in X.
//
// Non-smooth and singular points (the documented conventions):
//   * abs, min, max are Lipschitz; where the switch may happen inside X (abs of an interval
//     containing 0, min/max of arguments whose ranges overlap) the gradient is the hull of the two
//     branches' gradients, which contains Clarke's generalised gradient. abs'(X) for 0 in X is thus
//     [-1, 1] * d. Lebourg's mean-value theorem makes the mean-value inclusion above hold for these
//     Lipschitz functions too. For second derivatives (nested Dual) the gradient jumps across the
//     switching set, so Hessian entries (i, j) whose gradient component i jumps and whose direction j
//     crosses the set are the whole line (see branch_merge); the others get the hull of the branches'.
//     For double T (no enclosure possible) the convention is the midpoint of that hull: abs'(0) = 0
//     (i.e. sign(0) = 0), and at an exact tie min/max take the average of the two gradients; second
//     derivatives of abs/min/max at the switch are taken as 0. These are conventions for the
//     untrusted double path only; certification uses interval T.
//   * sqrt'(x) = 1/(2 sqrt x), log'(x) = 1/x, asin'/acos'(x) = +-1/sqrt(1 - x^2) are unbounded at the
//     boundary of the domain. For interval T an argument touching it gives a division by an interval
//     containing 0, i.e. the whole line: a correct, if useless, enclosure. For double T at the point
//     itself the factor is +-inf (gradient components that are exactly 0 stay 0, others are +-inf).
//     For interval T a gradient component that is exactly [0, 0] times the whole line is 0 (the
//     variable does not enter), following interval.hpp's 0 * inf = 0 endpoint rule.
//
// Scalar requirements on T: copyable, T(0), T(1), T(int) and T(double) constructible, + - * /,
// unary minus, and (found by argument-dependent lookup, or std:: for double) the elementary functions
// used, plus relucert::ScalarOps<T>. The is_interval trait below decides how T is treated at kinks.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "relucert/scalar.hpp"

namespace relucert {

template <class T, int N>
struct Dual;

namespace ad {

// ---- what kind of scalar is T? ----------------------------------------------------------------
// ad_traits<T>: specialised for the AD types (Dual here, Taylor in taylor.hpp). `value(x)` is the
// part of x that carries the function value; its innermost base scalar decides signs.
template <class T>
struct ad_traits {
    static constexpr bool is_ad = false;
};
template <class T>
inline constexpr bool is_ad_v = ad_traits<T>::is_ad;

// interval_traits<T>: how the AD code treats an interval scalar. The primary template detects an
// interval type by its interface: the members certainly_positive() and certainly_negative() ("true
// only if the relation holds for every point", as in interval.hpp) and a free function hull(a, b)
// found by argument-dependent lookup, returning T. relucert::Interval and relucert::MpInterval both
// match, so neither header needs to know about AD. An interval type with another interface
// specialises this template next to its definition, with the same four members:
//     static constexpr bool is_interval = true;
//     static T join(const T& a, const T& b);            // the interval hull of a and b
//     static bool certainly_positive(const T& x);       // true only if every point is > 0
//     static bool certainly_negative(const T& x);       // true only if every point is < 0
template <class T>
struct interval_traits {
    static constexpr bool is_interval = requires(const T& x) {
        { x.certainly_positive() } -> std::convertible_to<bool>;
        { x.certainly_negative() } -> std::convertible_to<bool>;
        { hull(x, x) } -> std::convertible_to<T>;
    };
    static T join(const T& a, const T& b) { return hull(a, b); }
    static bool certainly_positive(const T& x) { return x.certainly_positive(); }
    static bool certainly_negative(const T& x) { return x.certainly_negative(); }
};

template <class T>
struct is_interval : std::bool_constant<interval_traits<T>::is_interval> {};
template <class T>
inline constexpr bool is_interval_v = is_interval<T>::value;

// A base scalar is either a point type (a floating-point type: double) or an interval type. Any other
// non-AD type is refused at compile time rather than silently treated as a point, which would make
// abs/min/max unsound for an undetected interval type.
template <class T>
inline constexpr bool is_point_scalar_v = std::is_floating_point_v<T>;

template <class T>
constexpr void require_base_scalar() {
    static_assert(is_point_scalar_v<T> || is_interval_v<T>,
                  "relucert::ad: scalar is neither floating-point nor a detected interval type; "
                  "specialise relucert::ad::interval_traits for it");
}

// S may be used as a constant in arithmetic with T (and with AD types over T): T itself, double,
// int, or (recursively) a constant of T's own scalar when T is an AD type.
template <class S, class T>
struct is_constant_for;
template <class S, class T, bool = is_ad_v<T>>
struct is_constant_for_scalar_of : std::false_type {};
template <class S, class T>
struct is_constant_for_scalar_of<S, T, true> : is_constant_for<S, typename ad_traits<T>::scalar> {};
template <class S, class T>
struct is_constant_for
    : std::bool_constant<std::is_same_v<S, T> || std::is_same_v<S, double> || std::is_same_v<S, int> ||
                         is_constant_for_scalar_of<S, T>::value> {};
template <class S, class T>
inline constexpr bool is_constant_for_v = is_constant_for<S, T>::value;

// The innermost (base) value of x: x itself for a base scalar, base_value(x.v) for a Dual.
template <class T>
const auto& base_value(const T& x) {
    if constexpr (is_ad_v<T>)
        return base_value(ad_traits<T>::value(x));
    else
        return x;
}

// +1 if x (its base value) is certainly > 0, -1 if certainly < 0, 0 otherwise (for a point: x == 0;
// for an interval: it contains 0, or its sign could not be decided).
template <class T>
int sign_class(const T& x) {
    if constexpr (is_ad_v<T>) {
        return sign_class(ad_traits<T>::value(x));
    } else {
        require_base_scalar<T>();
        if constexpr (is_point_scalar_v<T>) {
            return (x > T(0)) - (x < T(0));
        } else {
            if (interval_traits<T>::certainly_positive(x)) return 1;
            if (interval_traits<T>::certainly_negative(x)) return -1;
            return 0;
        }
    }
}

// hull_of(a, b) for a base scalar: the interval hull for interval T; for a point T the documented
// point convention (a + b) / 2, the midpoint of the hull.
template <class T>
T hull_of(const T& a, const T& b) {
    require_base_scalar<T>();
    if constexpr (is_point_scalar_v<T>)
        return (a + b) / T(2);
    else
        return interval_traits<T>::join(a, b);
}

// unbounded<T>(): the whole line for interval T (computed as 1 / [-1, 1], so that any interval type
// whose division follows the "denominator contains 0 -> entire" rule works), every component the
// whole line for AD types, and the convention 0 for point T.
template <class T>
struct unbounded_value {
    static T get() {
        require_base_scalar<T>();
        if constexpr (is_point_scalar_v<T>)
            return T(0);
        else
            return T(1) / interval_traits<T>::join(T(-1), T(1));
    }
};
template <class T>
T unbounded() {
    return unbounded_value<T>::get();
}

// branch_merge(a, b, sw): derivative data of a function that equals one of two smooth branches A, B
// (min, max, abs = max(x, -x)), with derivative data a and b, where the switch may happen inside the
// domain; sw is the corresponding derivative data of the switching function A - B (only its
// derivative parts are used).
//   base scalar: hull_of(a, b) (interval hull; midpoint for double).
//   Dual<U, M>:  value part merged recursively; derivative j additionally gets
//                unbounded * (a.v - b.v) * sw.d[j]: across the switching set {A = B} the component
//                jumps by a.v - b.v, which differentiates in direction j to a Dirac mass times
//                d(A - B)/dx_j. It is the whole line unless the jump or d(A - B)/dx_j is exactly 0
//                (then the switch is not crossed in direction j, or crossing it changes nothing).
template <class T>
T branch_merge(const T& a, const T& b, const T& sw);

namespace detail {
// f'(u) * du, except that for point T an exactly zero du stays 0 even when f'(u) is infinite (so that
// a variable that does not enter an expression keeps derivative 0, not NaN).
template <class T>
T chain(const T& fp, const T& du) {
    if constexpr (is_point_scalar_v<T>) {
        if (du == T(0)) return T(0);
    }
    return fp * du;
}
// Value-level min/max of two T (recursing into AD types through their own overloads).
template <class T>
T value_min(const T& a, const T& b) {
    if constexpr (is_point_scalar_v<T>)
        return (b < a) ? b : a;
    else
        return min(a, b);
}
template <class T>
T value_max(const T& a, const T& b) {
    if constexpr (is_point_scalar_v<T>)
        return (a < b) ? b : a;
    else
        return max(a, b);
}
}  // namespace detail

}  // namespace ad

// ---- the type --------------------------------------------------------------------------------------
template <class T, int N>
struct Dual {
    static_assert(N >= 1, "Dual needs at least one variable");
    using scalar_type = T;
    static constexpr int size = N;

    T v;
    std::array<T, N> d;

    Dual() : v(0) { d.fill(T(0)); }
    // A constant (zero gradient) from T, double, int or a constant of T's scalar. Implicit, so that
    // generic code can write Dual x = 1 or pass constants where a Dual is expected.
    template <class S>
        requires ad::is_constant_for_v<S, T>
    Dual(const S& c) : v(T(c)) {  // NOLINT: implicit on purpose
        d.fill(T(0));
    }
    Dual(T value, const std::array<T, N>& gradient) : v(std::move(value)), d(gradient) {}

    // The variable x_i (0-based) with value x: gradient e_i.
    static Dual variable(const T& x, int i) {
        Dual r(x);
        r.d[static_cast<std::size_t>(i)] = T(1);
        return r;
    }

    Dual& operator+=(const Dual& b) {
        v += b.v;
        for (int i = 0; i < N; ++i) d[i] += b.d[i];
        return *this;
    }
    Dual& operator-=(const Dual& b) {
        v -= b.v;
        for (int i = 0; i < N; ++i) d[i] -= b.d[i];
        return *this;
    }
    Dual& operator*=(const Dual& b) { return *this = *this * b; }
    Dual& operator/=(const Dual& b) { return *this = *this / b; }
    template <class S>
        requires ad::is_constant_for_v<S, T>
    Dual& operator+=(const S& b) {
        v += T(b);
        return *this;
    }
    template <class S>
        requires ad::is_constant_for_v<S, T>
    Dual& operator-=(const S& b) {
        v -= T(b);
        return *this;
    }
    template <class S>
        requires ad::is_constant_for_v<S, T>
    Dual& operator*=(const S& b) {
        const T c(b);
        v *= c;
        for (int i = 0; i < N; ++i) d[i] *= c;
        return *this;
    }
    template <class S>
        requires ad::is_constant_for_v<S, T>
    Dual& operator/=(const S& b) {
        const T c(b);
        v /= c;
        for (int i = 0; i < N; ++i) d[i] /= c;
        return *this;
    }
};

namespace ad {
template <class T>
inline constexpr bool is_dual_v = false;
template <class T, int N>
inline constexpr bool is_dual_v<Dual<T, N>> = true;

// abs/min/max need, at every level of T, either a base scalar or a Dual (Taylor has no kinks).
template <class T>
constexpr bool kinks_supported() {
    if constexpr (is_dual_v<T>)
        return kinks_supported<typename T::scalar_type>();
    else
        return !is_ad_v<T>;
}

template <class T, int N>
struct ad_traits<Dual<T, N>> {
    static constexpr bool is_ad = true;
    using scalar = T;
    static const T& value(const Dual<T, N>& x) { return x.v; }
};

template <class T, int N>
struct unbounded_value<Dual<T, N>> {
    static Dual<T, N> get() {
        Dual<T, N> r(unbounded<T>());
        r.d.fill(unbounded<T>());
        return r;
    }
};

template <class T>
T branch_merge(const T& a, const T& b, const T& sw) {
    if constexpr (is_ad_v<T>) {
        using U = typename T::scalar_type;
        T r;
        r.v = branch_merge(a.v, b.v, sw.v);
        const U jump = unbounded<U>() * (a.v - b.v);
        for (int j = 0; j < T::size; ++j) r.d[j] = branch_merge(a.d[j], b.d[j], sw.d[j]) + jump * sw.d[j];
        return r;
    } else {
        return hull_of(a, b);
    }
}

// Builds the result of a unary function: value fv, gradient fp * x.d.
template <class T, int N>
Dual<T, N> unary_result(const Dual<T, N>& x, T fv, const T& fp) {
    Dual<T, N> r;
    r.v = std::move(fv);
    for (int i = 0; i < N; ++i) r.d[i] = detail::chain(fp, x.d[i]);
    return r;
}
}  // namespace ad

// ---- arithmetic ------------------------------------------------------------------------------------
template <class T, int N>
Dual<T, N> operator+(const Dual<T, N>& a) {
    return a;
}
template <class T, int N>
Dual<T, N> operator-(const Dual<T, N>& a) {
    Dual<T, N> r;
    r.v = -a.v;
    for (int i = 0; i < N; ++i) r.d[i] = -a.d[i];
    return r;
}
template <class T, int N>
Dual<T, N> operator+(const Dual<T, N>& a, const Dual<T, N>& b) {
    Dual<T, N> r(a);
    r += b;
    return r;
}
template <class T, int N>
Dual<T, N> operator-(const Dual<T, N>& a, const Dual<T, N>& b) {
    Dual<T, N> r(a);
    r -= b;
    return r;
}
// (a b)' = a' b + a b'
template <class T, int N>
Dual<T, N> operator*(const Dual<T, N>& a, const Dual<T, N>& b) {
    Dual<T, N> r;
    r.v = a.v * b.v;
    for (int i = 0; i < N; ++i) r.d[i] = a.d[i] * b.v + a.v * b.d[i];
    return r;
}
// (a / b)' = (a' - q b') / b with q = a / b: each factor is an enclosure of the true one.
template <class T, int N>
Dual<T, N> operator/(const Dual<T, N>& a, const Dual<T, N>& b) {
    Dual<T, N> r;
    r.v = a.v / b.v;
    for (int i = 0; i < N; ++i) r.d[i] = (a.d[i] - r.v * b.d[i]) / b.v;
    return r;
}

template <class T, int N, class S>
    requires ad::is_constant_for_v<S, T>
Dual<T, N> operator+(const Dual<T, N>& a, const S& b) {
    Dual<T, N> r(a);
    r += b;
    return r;
}
template <class T, int N, class S>
    requires ad::is_constant_for_v<S, T>
Dual<T, N> operator+(const S& a, const Dual<T, N>& b) {
    Dual<T, N> r(b);
    r.v = T(a) + b.v;
    return r;
}
template <class T, int N, class S>
    requires ad::is_constant_for_v<S, T>
Dual<T, N> operator-(const Dual<T, N>& a, const S& b) {
    Dual<T, N> r(a);
    r -= b;
    return r;
}
template <class T, int N, class S>
    requires ad::is_constant_for_v<S, T>
Dual<T, N> operator-(const S& a, const Dual<T, N>& b) {
    Dual<T, N> r = -b;
    r.v = T(a) - b.v;
    return r;
}
template <class T, int N, class S>
    requires ad::is_constant_for_v<S, T>
Dual<T, N> operator*(const Dual<T, N>& a, const S& b) {
    Dual<T, N> r(a);
    r *= b;
    return r;
}
template <class T, int N, class S>
    requires ad::is_constant_for_v<S, T>
Dual<T, N> operator*(const S& a, const Dual<T, N>& b) {
    const T c(a);
    Dual<T, N> r;
    r.v = c * b.v;
    for (int i = 0; i < N; ++i) r.d[i] = c * b.d[i];
    return r;
}
template <class T, int N, class S>
    requires ad::is_constant_for_v<S, T>
Dual<T, N> operator/(const Dual<T, N>& a, const S& b) {
    Dual<T, N> r(a);
    r /= b;
    return r;
}
// (c / b)' = -q b' / b with q = c / b
template <class T, int N, class S>
    requires ad::is_constant_for_v<S, T>
Dual<T, N> operator/(const S& a, const Dual<T, N>& b) {
    Dual<T, N> r;
    r.v = T(a) / b.v;
    for (int i = 0; i < N; ++i) r.d[i] = -(r.v * b.d[i]) / b.v;
    return r;
}

// ---- elementary functions: value f(v), derivative factor f'(v) ---------------------------------
// sqr' = 2x
template <class T, int N>
Dual<T, N> sqr(const Dual<T, N>& x) {
    return ad::unary_result(x, sqr(x.v), T(x.v + x.v));
}
// (x^n)' = n x^(n-1); x^0 = 1 (also where x contains 0)
template <class T, int N>
Dual<T, N> pow(const Dual<T, N>& x, int n) {
    using std::pow;
    if (n == 0) return Dual<T, N>(T(1));
    if (n == 1) return x;
    return ad::unary_result(x, T(pow(x.v, n)), T(T(n) * T(pow(x.v, n - 1))));
}
// sqrt' = 1 / (2 sqrt x): unbounded at 0 (whole line for an interval touching 0)
template <class T, int N>
Dual<T, N> sqrt(const Dual<T, N>& x) {
    using std::sqrt;
    T r = sqrt(x.v);
    const T fp = T(1) / (r + r);
    return ad::unary_result(x, std::move(r), fp);
}
// exp' = exp
template <class T, int N>
Dual<T, N> exp(const Dual<T, N>& x) {
    using std::exp;
    T e = exp(x.v);
    const T fp = e;
    return ad::unary_result(x, std::move(e), fp);
}
// expm1' = exp
template <class T, int N>
Dual<T, N> expm1(const Dual<T, N>& x) {
    using std::exp;
    using std::expm1;
    return ad::unary_result(x, T(expm1(x.v)), T(exp(x.v)));
}
// log' = 1 / x
template <class T, int N>
Dual<T, N> log(const Dual<T, N>& x) {
    using std::log;
    return ad::unary_result(x, T(log(x.v)), T(T(1) / x.v));
}
// log1p' = 1 / (1 + x)
template <class T, int N>
Dual<T, N> log1p(const Dual<T, N>& x) {
    using std::log1p;
    return ad::unary_result(x, T(log1p(x.v)), T(T(1) / (T(1) + x.v)));
}
// sin' = cos
template <class T, int N>
Dual<T, N> sin(const Dual<T, N>& x) {
    using std::cos;
    using std::sin;
    return ad::unary_result(x, T(sin(x.v)), T(cos(x.v)));
}
// cos' = -sin
template <class T, int N>
Dual<T, N> cos(const Dual<T, N>& x) {
    using std::cos;
    using std::sin;
    return ad::unary_result(x, T(cos(x.v)), T(-sin(x.v)));
}
// tan' = 1 + tan^2
template <class T, int N>
Dual<T, N> tan(const Dual<T, N>& x) {
    using std::tan;
    T t = tan(x.v);
    const T fp = T(1) + sqr(t);
    return ad::unary_result(x, std::move(t), fp);
}
// atan' = 1 / (1 + x^2)
template <class T, int N>
Dual<T, N> atan(const Dual<T, N>& x) {
    using std::atan;
    return ad::unary_result(x, T(atan(x.v)), T(T(1) / (T(1) + sqr(x.v))));
}
// asin' = 1 / sqrt(1 - x^2): unbounded at +-1
template <class T, int N>
Dual<T, N> asin(const Dual<T, N>& x) {
    using std::asin;
    using std::sqrt;
    return ad::unary_result(x, T(asin(x.v)), T(T(1) / sqrt(T(T(1) - sqr(x.v)))));
}
// acos' = -1 / sqrt(1 - x^2): unbounded at +-1
template <class T, int N>
Dual<T, N> acos(const Dual<T, N>& x) {
    using std::acos;
    using std::sqrt;
    return ad::unary_result(x, T(acos(x.v)), T(T(-1) / sqrt(T(T(1) - sqr(x.v)))));
}
// d atan2(y, x) = (x dy - y dx) / (x^2 + y^2)
template <class T, int N>
Dual<T, N> atan2(const Dual<T, N>& y, const Dual<T, N>& x) {
    using std::atan2;
    Dual<T, N> r;
    r.v = atan2(y.v, x.v);
    const T den = sqr(x.v) + sqr(y.v);
    for (int i = 0; i < N; ++i) r.d[i] = (x.v * y.d[i] - y.v * x.d[i]) / den;
    return r;
}
template <class T, int N, class S>
    requires ad::is_constant_for_v<S, T>
Dual<T, N> atan2(const Dual<T, N>& y, const S& x) {
    return atan2(y, Dual<T, N>(x));
}
template <class T, int N, class S>
    requires ad::is_constant_for_v<S, T>
Dual<T, N> atan2(const S& y, const Dual<T, N>& x) {
    return atan2(Dual<T, N>(y), x);
}

namespace ad::detail {
// 2 / sqrt(pi), in T
template <class T>
T two_over_sqrt_pi() {
    using std::sqrt;
    return T(2) / sqrt(ScalarOps<T>::pi());
}
}  // namespace ad::detail

// erf' = 2/sqrt(pi) exp(-x^2)
template <class T, int N>
Dual<T, N> erf(const Dual<T, N>& x) {
    using std::erf;
    using std::exp;
    return ad::unary_result(x, T(erf(x.v)), T(ad::detail::two_over_sqrt_pi<T>() * exp(T(-sqr(x.v)))));
}
// erfc' = -2/sqrt(pi) exp(-x^2)
template <class T, int N>
Dual<T, N> erfc(const Dual<T, N>& x) {
    using std::erfc;
    using std::exp;
    return ad::unary_result(x, T(erfc(x.v)), T(-(ad::detail::two_over_sqrt_pi<T>() * exp(T(-sqr(x.v))))));
}
// phi' = -x phi
template <class T, int N>
Dual<T, N> gaussian_pdf(const Dual<T, N>& x) {
    T p = gaussian_pdf(x.v);
    const T fp = -(x.v * p);
    return ad::unary_result(x, std::move(p), fp);
}
// Phi' = phi
template <class T, int N>
Dual<T, N> gaussian_cdf(const Dual<T, N>& x) {
    return ad::unary_result(x, T(gaussian_cdf(x.v)), T(gaussian_pdf(x.v)));
}

// ---- Lipschitz, non-smooth (see the header comment for the conventions at the switch) ------------
// max: the larger branch where the order is certain; otherwise value max(a, b), gradient merged.
template <class T, int N>
Dual<T, N> max(const Dual<T, N>& a, const Dual<T, N>& b) {
    static_assert(ad::kinks_supported<T>(), "abs/min/max: every level of T must be a Dual or a base scalar");
    const int s = ad::sign_class(ad::base_value(a) - ad::base_value(b));
    if (s > 0) return a;
    if (s < 0) return b;
    Dual<T, N> r;
    r.v = ad::detail::value_max(a.v, b.v);
    const T sw = a.v - b.v;
    for (int i = 0; i < N; ++i) r.d[i] = ad::branch_merge(a.d[i], b.d[i], sw);
    return r;
}
template <class T, int N>
Dual<T, N> min(const Dual<T, N>& a, const Dual<T, N>& b) {
    static_assert(ad::kinks_supported<T>(), "abs/min/max: every level of T must be a Dual or a base scalar");
    const int s = ad::sign_class(ad::base_value(a) - ad::base_value(b));
    if (s < 0) return a;
    if (s > 0) return b;
    Dual<T, N> r;
    r.v = ad::detail::value_min(a.v, b.v);
    const T sw = a.v - b.v;
    for (int i = 0; i < N; ++i) r.d[i] = ad::branch_merge(a.d[i], b.d[i], sw);
    return r;
}
template <class T, int N, class S>
    requires ad::is_constant_for_v<S, T>
Dual<T, N> max(const Dual<T, N>& a, const S& b) {
    return max(a, Dual<T, N>(b));
}
template <class T, int N, class S>
    requires ad::is_constant_for_v<S, T>
Dual<T, N> max(const S& a, const Dual<T, N>& b) {
    return max(Dual<T, N>(a), b);
}
template <class T, int N, class S>
    requires ad::is_constant_for_v<S, T>
Dual<T, N> min(const Dual<T, N>& a, const S& b) {
    return min(a, Dual<T, N>(b));
}
template <class T, int N, class S>
    requires ad::is_constant_for_v<S, T>
Dual<T, N> min(const S& a, const Dual<T, N>& b) {
    return min(Dual<T, N>(a), b);
}
// abs = max(x, -x), with value abs(v): gradient sign(v) d, or branch_merge(d, -d, .) ([-1, 1] d for an
// interval containing 0; 0 for double at exactly 0).
template <class T, int N>
Dual<T, N> abs(const Dual<T, N>& x) {
    static_assert(ad::kinks_supported<T>(), "abs/min/max: every level of T must be a Dual or a base scalar");
    using std::abs;
    const int s = ad::sign_class(x);
    if (s > 0) return x;
    if (s < 0) return -x;
    Dual<T, N> r;
    r.v = abs(x.v);
    // switching function x - (-x) = 2x: x.v carries the same zero pattern
    for (int i = 0; i < N; ++i) r.d[i] = ad::branch_merge(x.d[i], T(-x.d[i]), x.v);
    return r;
}

// ---- ScalarOps: constants have zero derivative ----------------------------------------------------
template <class T, int N>
struct ScalarOps<Dual<T, N>> {
    static Dual<T, N> pi() { return Dual<T, N>(ScalarOps<T>::pi()); }
    static Dual<T, N> from_rational(const Rational& q) { return Dual<T, N>(ScalarOps<T>::from_rational(q)); }
};

// ---- drivers -------------------------------------------------------------------------------------
// The N variables x_0..x_{N-1} with values x and unit gradients.
template <class T, std::size_t N>
std::array<Dual<T, static_cast<int>(N)>, N> make_variables(const std::array<T, N>& x) {
    std::array<Dual<T, static_cast<int>(N)>, N> r;
    for (std::size_t i = 0; i < N; ++i) r[i] = Dual<T, static_cast<int>(N)>::variable(x[i], static_cast<int>(i));
    return r;
}

template <class T, std::size_t N>
struct ValueGradient {
    T value;
    std::array<T, N> gradient;
};
template <class T, std::size_t N>
struct ValueGradientHessian {
    T value;
    std::array<T, N> gradient;
    std::array<std::array<T, N>, N> hessian;  // hessian[i][j] = d^2 f / dx_i dx_j
};

// f: a generic callable taking std::array<S, N> (by value or const&) and returning S (or a constant
// convertible to S), evaluated here with S = Dual<T, N>.
template <class F, class T, std::size_t N>
ValueGradient<T, N> gradient(F&& f, const std::array<T, N>& x) {
    using D = Dual<T, static_cast<int>(N)>;
    const D r = std::forward<F>(f)(make_variables(x));
    return {r.v, r.d};
}

// Value, gradient and Hessian from one evaluation of f with S = Dual<Dual<T, N>, N>: variable i is
// ((x_i, e_i), (e_i, 0)). The result's r.v.v is f, r.v.d[i] (= r.d[i].v) is df/dx_i and
// r.d[i].d[j] is d^2 f / dx_i dx_j. For interval T each is an enclosure over the box x.
template <class F, class T, std::size_t N>
ValueGradientHessian<T, N> gradient_and_hessian(F&& f, const std::array<T, N>& x) {
    constexpr int n = static_cast<int>(N);
    using D1 = Dual<T, n>;
    using D2 = Dual<D1, n>;
    std::array<D2, N> X;
    for (std::size_t i = 0; i < N; ++i) {
        X[i] = D2(D1::variable(x[i], static_cast<int>(i)));
        X[i].d[i] = D1(T(1));
    }
    const D2 r = std::forward<F>(f)(X);
    ValueGradientHessian<T, N> out{r.v.v, r.v.d, {}};
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < N; ++j) out.hessian[i][j] = r.d[i].d[j];
    return out;
}

}  // namespace relucert
