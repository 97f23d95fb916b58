// Area of Lemma A.1's set (Vardi, Yehudai, Shamir, App. A, txt l. 682-785):
//   P = {y in R^2 : w'y > b, v'y > b, |y| <= alpha},  |w| = |v| = 1,  angle(w, v) = pi - delta.
// The two half-planes meet in the wedge with apex (0, b') (b' = b / sin(delta/2), in coordinates with
// e2 the bisector of w and v) and opening angle delta, symmetric about e2. With alpha = 1 and
// t = b' in (-1, 1) the apex lies inside the unit disc, and the ray from the apex at angle phi from
// e2 leaves the disc at distance
//   r(phi) = -t cos phi + sqrt(1 - t^2 sin^2 phi) = (1 - t^2) / D(phi, t),
//   D(phi, t) = t cos phi + sqrt(1 - t^2 sin^2 phi)   (r^2 + 2 t r cos phi + t^2 - 1 = 0).
// Polar coordinates about the apex:
//   Vol(P) = int_{-delta/2}^{delta/2} r(phi)^2 / 2 dphi = (1 - t)^2 (1 + t)^2 int_0^{delta/2} dphi / D^2
//          = (delta + t^2 sin delta)/2 - (s0 sqrt(1 - s0^2) + asin s0),   s0 = t sin(delta/2)
// (the closed form: expand r^2 = 1 + t^2 cos 2phi - 2 t cos phi sqrt(1 - t^2 sin^2 phi) and
// substitute s = t sin phi in the last term). Scaling: Vol for radius alpha is alpha^2 Vol(delta, b'/alpha).
// Checks: t = 0 gives the sector delta/2; delta = pi gives the segment acos t - t sqrt(1 - t^2).
#pragma once

#include <cmath>

#include "relucert/scalar.hpp"

namespace relucert::models {

template <class T>
T wedge_disc_area(const T& delta, const T& t) {
    using std::asin;
    using std::sin;
    using std::sqrt;
    const T s0 = t * sin(delta / T(2));
    return (delta + sqr(t) * sin(delta)) / T(2) - (s0 * sqrt(T(1) - sqr(s0)) + asin(s0));
}

// D(phi, t) above; r = (1 - t^2) / D.
template <class T>
T wedge_disc_denominator(const T& phi, const T& t) {
    using std::cos;
    using std::sin;
    using std::sqrt;
    return t * cos(phi) + sqrt(T(1) - sqr(t) * sqr(sin(phi)));
}

}  // namespace relucert::models
