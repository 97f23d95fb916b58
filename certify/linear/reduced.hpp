// The reduced two-variable forms of the population-case lemmas of "On the dynamics of learning linear
// functions with neural networks" (k = 2, v = [1, -1], population loss), written once as generic
// templates for the claims in this directory.
//
// Coordinates (shared by every claim here):
//   u = theta / pi in [0, 1], theta = angle(w1, w2). Working in u keeps the tight points exact: at
//       u in {0, 1/2, 1} every quantity below is a rational number, and so are its derivatives (the
//       engine's Exact type divides the pi of d/du sin(pi u) by the pi of the denominator exactly).
//   t = |w2| / (|w1| + |w2|) in [0, 1], i.e. |w1| = 1 - t, |w2| = t. The functions are homogeneous of
//       degree 2 in (w1, w2, a) (or in (w1, w2) after the minimisation/maximisation over a), so their
//       sign depends on the ratio r = |w2| / |w1| = t / (1 - t) only, and t in (0, 1) is r in (0, inf).
//       t = 0 and t = 1 are the limits w2 -> 0 and w1 -> 0 (continuous extensions; certifying them too
//       only makes the statement stronger).
// With s := sin(theta) / pi and c := cos(theta) the paper's coefficients become rational expressions:
//   (3 pi - theta) / (2 pi) = (3 - u) / 2,   ((pi - theta) cos theta + sin theta) / pi = (1 - u) c + s.
#pragma once

#include <type_traits>

#include "relucert/dual.hpp"
#include "relucert/interval.hpp"
#include "relucert/scalar.hpp"
#include "relucert/taylor.hpp"

namespace relucert::linear {

template <class T>
struct is_taylor : std::false_type {};
template <class T, int K>
struct is_taylor<Taylor<T, K>> : std::true_type {};

template <class T>
struct AngleTerms {
    T u;  // theta / pi
    T c;  // cos theta
    T s;  // sin theta / pi
};

template <class T>
AngleTerms<T> angle_terms(const T& u) {
    using std::cos;
    using std::sin;
    const T theta = pi<T>() * u;
    return {u, T(cos(theta)), T(sin(theta) / pi<T>())};
}

// Which gamma_1 to use in the expansion of h (E.1.2, l. 786-787).
//   derived: gamma_1 = (3 pi - sin theta |w2|/|w1| - theta) / (2 pi) - 2 alpha, what expanding
//            h = <W - W*, grad L> - alpha |W - W*|^2 from A.4 gives: the -alpha |w1 - a|^2 term
//            contributes +2 alpha w1^T a, so the coefficient of -w1^T a loses 2 alpha;
//   printed: the paper's "+ 2 alpha" (a sign error: the symmetry h(w1, w2, a) = h(w2, w1, -a) of the
//            problem maps gamma_2 to -gamma_1 only with "- 2 alpha").
enum class Gamma1 { derived, printed };

// h_tilde(w1, w2) = min over a with |a| >= |w1 + w2| / rho of h(w1, w2, a) (E.1.2, l. 793-799, with the
// paper's rho = 1/2), for |w1| = n1, |w2| = n2, angle pi u; alpha < 1/2.
// h = g - (gamma1 w1 + gamma2 w2)^T a + k |a|^2 with k = 1 - 2 alpha: for a fixed norm |a| = m the
// minimum over directions is g - B m + k m^2, B = |gamma1 w1 + gamma2 w2| (a along that vector), a
// parabola in m with vertex m* = B / (2k). Minimising over m >= S / rho, S = |w1 + w2|:
//   h_tilde = g - B^2 / (4k) + k * max(0, S / rho - m*)^2,
// which is the paper's two-case formula written as one expression.
template <class T>
T h_tilde(const T& u, const T& n1, const T& n2, const T& alpha, const T& rho, Gamma1 which) {
    const AngleTerms<T> A = angle_terms(u);
    const T k = T(1) - T(2) * alpha;
    const T S2 = n1 * n1 + n2 * n2 + T(2) * n1 * n2 * A.c;              // |w1 + w2|^2
    const T three_minus_u = T(3) - u;
    // G1 = gamma1 |w1|, G2 = gamma2 |w2| (the 1/|w1|, 1/|w2| of the paper's gammas cancel here)
    const T G1 = (three_minus_u * n1 - A.s * n2) / T(2) +
                 (which == Gamma1::printed ? T(T(2) * alpha * n1) : T(-(T(2) * alpha * n1)));
    const T G2 = T(2) * alpha * n2 - (three_minus_u * n2 - A.s * n1) / T(2);
    const T B2 = G1 * G1 + T(2) * G1 * G2 * A.c + G2 * G2;              // |gamma1 w1 + gamma2 w2|^2
    const T g = (T(1) / T(2) - alpha) * (n1 * n1 + n2 * n2) - ((T(1) - u) * A.c + A.s) * n1 * n2;
    const T vertex_value = g - B2 / (T(4) * k);
    // Which side of the vertex the constraint m >= S / rho cuts, decided without square roots where
    // possible (S = 0 at the optimum W = W*, where sqrt is not differentiable):
    // (S / rho)^2 - (m*)^2 = S2 / rho^2 - B2 / (4 k^2).
    const T side = S2 / (rho * rho) - B2 / (T(4) * k * k);
    const int sign = ad::sign_class(ad::base_value(side));
    if (sign < 0) return vertex_value;  // the vertex is feasible on the whole box
    using std::sqrt;
    const T gap = T(sqrt(S2)) / rho - T(sqrt(B2)) / (T(2) * k);
    if (sign > 0) return vertex_value + k * gap * gap;  // the constraint binds on the whole box
    if constexpr (is_taylor<T>::value) {
        // k max(gap, 0)^2 is C^1 but has no Taylor series across gap = 0: no Taylor argument here
        // (the engine then uses the others; never unsound).
        throw DomainError("h_tilde: the constraint |a| >= |w1 + w2| / rho switches inside the box");
    } else {
        using std::max;
        const T cut = max(gap, T(0));
        return vertex_value + k * cut * cut;
    }
}

}  // namespace relucert::linear
