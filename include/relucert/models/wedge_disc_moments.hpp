// Moments of Lemma A.1's / Proposition A.3's set (Vardi, Yehudai, Shamir, App. A, txt l. 682-1392)
// for the unit disc:
//   P = {y in R^2 : y2 sin(delta/2) - |y1| cos(delta/2) > b, |y| <= 1},  t = b / sin(delta/2),
// i.e. the wedge with apex (0, t), opening delta, symmetric about e2, cut by the unit disc (the frame of
// models/wedge_disc_area.hpp; w, v at angles +-(pi - delta)/2 from e2).
//
// Closed form: the half y1 >= 0 of P is the unit-disc sector between e2 and Q = (sin psi, cos psi)
// minus the (signed) triangle O, A = (0, t), Q, where Q is where the wedge's edge leaves the disc.
// In the triangle O A Q the angle at A is pi - delta/2 and |OA| = t, |OQ| = 1, so the sine rule gives
// the angle asin(t sin(delta/2)) at Q and psi = delta/2 - asin(t sin(delta/2)). Sector moments (polar
// angle theta from e2, radius <= 1):
//   area psi/2, int y2 = sin psi / 3, int y1^2 = (psi - sin psi cos psi)/8, int y2^2 = (psi + sin psi cos psi)/8;
// triangle with vertices a, b, c and area A_T: int y = A_T (a + b + c)/3 and
//   int y y' = (A_T/12) (a a' + b b' + c c' + (a+b+c)(a+b+c)'),   here A_T = t sin psi / 2.
// P is symmetric in y1, so int y1 = int y1 y2 = 0 and the moment matrix of [y1, y2, 1] is
//   M = [[m11, 0, 0], [0, m22, m2], [0, m2, m0]],   m0 = area, m2 = int y2, m_ij = int y_i y_j.
// Radius alpha: y = alpha z gives int_{P_alpha} y^a = alpha^{2 + |a|} int_{P_1(t = b'/alpha)} z^a.
// Valid for t in (-1, 1) (for t < 0 the triangle's signed area is negative: it is added); the tests
// check each moment against the rigorous quadrature of the polar integral about the apex and against
// Monte Carlo. At t = 0: the sector of opening delta.
#pragma once

#include <cmath>

#include "relucert/scalar.hpp"

namespace relucert::models {

template <class T>
struct WedgeDiscMoments {
    T m0;   // area
    T m2;   // int y2
    T m11;  // int y1^2
    T m22;  // int y2^2
};

template <class T>
WedgeDiscMoments<T> wedge_disc_moments(const T& delta, const T& t) {
    using std::asin;
    using std::cos;
    using std::sin;
    const T psi = delta / T(2) - asin(t * sin(delta / T(2)));
    const T sp = sin(psi), cp = cos(psi);
    const T tri = t * sp / T(2);  // signed area of the triangle O, A, Q
    WedgeDiscMoments<T> m;
    m.m0 = psi - t * sp;  // 2 (psi/2 - tri)
    m.m2 = T(2) * (sp - tri * (t + cp)) / T(3);
    m.m11 = (psi - sp * cp) / T(4) - tri * sqr(sp) / T(3);
    m.m22 = (psi + sp * cp) / T(4) - tri * (sqr(t) + sqr(cp) + sqr(t + cp)) / T(6);
    return m;
}

// The smaller eigenvalue of the (y2, 1) block [[m22, m2], [m2, m0]] (the y1 direction decouples with
// eigenvalue m11): (tr - sqrt(tr^2 - 4 det)) / 2, written as 2 det / (tr + sqrt(...)) (no cancellation).
template <class T>
T wedge_disc_block_min_eigenvalue(const WedgeDiscMoments<T>& m) {
    using std::sqrt;
    const T tr = m.m22 + m.m0;
    const T det = m.m22 * m.m0 - sqr(m.m2);
    return T(2) * det / (tr + sqrt(sqr(m.m22 - m.m0) + T(4) * sqr(m.m2)));
}

}  // namespace relucert::models
