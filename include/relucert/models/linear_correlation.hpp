// The k = 2, v = [1, -1] correlation of the "linear functions" paper and the quantities of its Lemma 4
// proof, as the paper's own definitions give them (templated on the scalar).
//
// Setting: y = a'x, network relu(w1'x) - relu(w2'x), population loss L (eq. (6)), W* = [a, -a]'.
// Everything depends on w1, w2, a only through n1 = |w1|, n2 = |w2|, theta = angle(w1, w2),
// p1 = w1'a, p2 = w2'a and |a|^2 (the geometry below).
//
//   correlation  <W - W*, grad L(W)>  (App. A.4, final display, l. 661-664)
//     = n1^2/2 + n2^2/2 - ((pi - t) cos t + sin t)/pi n1 n2
//       - (3 pi - sin t n2/n1 - t)/(2 pi) p1 + (3 pi - sin t n1/n2 - t)/(2 pi) p2 + |a|^2.
//
//   h = correlation - alpha |W - W*|_F^2  (eq. (3))  =  g - gamma1 p1 - gamma2 p2 + (1 - 2 alpha)|a|^2,
//     g      = (1/2 - alpha) n1^2 + (1/2 - alpha) n2^2 - ((pi - t) cos t + sin t)/pi n1 n2,
//     gamma1 = (3 pi - sin t n2/n1 - t)/(2 pi) - 2 alpha,
//     gamma2 = -(3 pi - sin t n1/n2 - t)/(2 pi) + 2 alpha.
//   This follows from A.4 and |W - W*|^2 = n1^2 - 2 p1 + n2^2 + 2 p2 + 2|a|^2. NOTE: the paper prints
//   gamma1 with "+ 2 alpha" (E.1.2, l. 786); the definitions give "- 2 alpha" (the -alpha(-2 p1) term
//   contributes +2 alpha p1, i.e. -(... - 2 alpha) p1). `relucert audit linear` checks both.
//
//   h_tilde(w1, w2) = min { h(w1, w2, a) : |a| >= 2 |w1 + w2| }   (E.1.2, l. 793-799; alpha < 1/2)
//     with B = |gamma1 w1 + gamma2 w2|, s = |w1 + w2|, q = 1 - 2 alpha:
//     = g - B^2 / (4 q)                  if 2 s <= B / (2 q)  (the unconstrained minimiser is feasible)
//     = g - 2 B s + 4 q s^2              otherwise            (the minimiser is on |a| = 2 s, a || b),
//   h is (1 - 2 alpha)|a|^2 - b'a + g in a with b = gamma1 w1 + gamma2 w2. Both pieces are positively
//   homogeneous of degree 2 in (w1, w2) (gamma1, gamma2 depend on t and n2/n1 only), so
//   h_tilde / n1^2 is a function of t and n2/n1 alone (as §6, l. 328 says); h_tilde / n1 is not.
#pragma once

#include <type_traits>

#include "relucert/scalar.hpp"

namespace relucert::models {

template <class T>
struct LinearK2Geometry {
    T n1, n2, theta;  // |w1|, |w2|, angle(w1, w2)
    T p1, p2;         // w1'a, w2'a
    T aa;             // |a|^2
};

// (sin t + (pi - t) cos t) / pi: the coefficient of n1 n2 in the correlation.
template <class T>
T correlation_cross_coefficient(const T& theta) {
    using std::cos;
    using std::sin;
    return ((pi<T>() - theta) * cos(theta) + sin(theta)) / pi<T>();
}

// <W - W*, grad L(W)> (A.4, final display).
template <class T>
T linear_correlation(const LinearK2Geometry<T>& g) {
    using std::sin;
    const T two_pi = T(2) * pi<T>(), three_pi = T(3) * pi<T>();
    const T s = sin(g.theta);
    return g.n1 * g.n1 / T(2) + g.n2 * g.n2 / T(2) - correlation_cross_coefficient(g.theta) * g.n1 * g.n2 -
           (three_pi - s * g.n2 / g.n1 - g.theta) / two_pi * g.p1 +
           (three_pi - s * g.n1 / g.n2 - g.theta) / two_pi * g.p2 + g.aa;
}

template <class T>
struct HExpansion {
    T g, gamma1, gamma2;
};

// g, gamma1, gamma2 of E.1.2 as the definitions give them (gamma1 with -2 alpha; see the header).
template <class T>
HExpansion<T> h_expansion_coefficients(const T& n1, const T& n2, const T& theta, const T& alpha) {
    using std::sin;
    const T two_pi = T(2) * pi<T>(), three_pi = T(3) * pi<T>();
    const T s = sin(theta);
    const T half_minus = T(1) / T(2) - alpha;
    return {half_minus * n1 * n1 + half_minus * n2 * n2 - correlation_cross_coefficient(theta) * n1 * n2,
            (three_pi - s * n2 / n1 - theta) / two_pi - T(2) * alpha,
            -((three_pi - s * n1 / n2 - theta) / two_pi - T(2) * alpha)};
}

// h = g - gamma1 p1 - gamma2 p2 + (1 - 2 alpha)|a|^2.
template <class T>
T h_expansion(const LinearK2Geometry<T>& geo, const T& alpha) {
    const auto c = h_expansion_coefficients(geo.n1, geo.n2, geo.theta, alpha);
    return c.g - c.gamma1 * geo.p1 - c.gamma2 * geo.p2 + (T(1) - T(2) * alpha) * geo.aa;
}

namespace detail {
// Branch of a piecewise formula on the condition lhs <= rhs: exact for double; for interval types the
// hull of both branches when the condition is undecided (h_tilde is continuous across the switch).
template <class T>
T select_le(const T& lhs, const T& rhs, const T& if_le, const T& otherwise) {
    if constexpr (std::is_floating_point_v<T>) {
        return lhs <= rhs ? if_le : otherwise;
    } else {
        const T d = lhs - rhs;
        if (d.certainly_nonpositive()) return if_le;
        if (d.certainly_positive()) return otherwise;
        return hull(if_le, otherwise);
    }
}
}  // namespace detail

// h_tilde(w1, w2) for alpha < 1/2 (E.1.2 l. 799, with gamma1 as the definitions give it).
template <class T>
T h_tilde(const T& n1, const T& n2, const T& theta, const T& alpha) {
    using std::cos;
    using std::sqrt;
    const auto c = h_expansion_coefficients(n1, n2, theta, alpha);
    const T ct = cos(theta);
    const T q = T(1) - T(2) * alpha;
    const T B2 = c.gamma1 * c.gamma1 * n1 * n1 + c.gamma2 * c.gamma2 * n2 * n2 + T(2) * c.gamma1 * c.gamma2 * n1 * n2 * ct;
    const T s2 = n1 * n1 + n2 * n2 + T(2) * n1 * n2 * ct;
    const T B = sqrt(B2), s = sqrt(s2);
    return detail::select_le(T(2) * s, B / (T(2) * q), c.g - B2 / (T(4) * q), c.g - T(2) * B * s + T(4) * q * s2);
}

}  // namespace relucert::models
