// Reduced forms of the population quantities of "Learning ReLUs via Gradient Descent" (Soltanolkotabi,
// NIPS 2017), written once as generic templates for the claims in this directory and for the tests.
//
// Population gradient of (1.1) with the generalised gradient (3.1) (1/n restored, see
// proofs/soltanolkotabi.md), x ~ N(0, I_d), y = ReLU(<x, w*>), w != 0, theta = angle(w, w*):
//   grad L(w) = E[(ReLU(w'x) - ReLU(w*'x)) (1 + sgn w'x) x] = 2 (w/2 - g(w, w*)),
//   g(w, w*) = E[1{w'x > 0} ReLU(w*'x) x] = (|w*| sin theta w/|w| + (pi - theta) w*) / (2 pi)
// (the gradient of the arc-cosine kernel, models/arc_cosine_kernel.hpp), so
//   grad L(w) = w - (|w*| sin theta w/|w| + (pi - theta) w*) / pi.
// One PGD step with eta = 1 and no projection (K = R^d): w+ = (|w*| sin theta w/|w| + (pi - theta) w*)/pi,
//   w+ - w* = (|w*| / pi) (sin theta w/|w| - theta w*/|w*|),
//   |w+ - w*|^2 / |w*|^2 = (sin^2 theta - 2 theta sin theta cos theta + theta^2) / pi^2,
// which depends on the angle only, not on |w| / |w*|.
#pragma once

#include "relucert/scalar.hpp"

namespace relucert::soltanolkotabi {

// |w+ - w*|^2 / |w*|^2 after one population step with eta = 1, as a function of theta = angle(w, w*).
template <class T>
T one_step_error2(const T& theta) {
    using std::cos;
    using std::sin;
    const T s = sin(theta), c = cos(theta);
    const T pi2 = pi<T>() * pi<T>();
    return (s * s - T(2) * theta * s * c + theta * theta) / pi2;
}

// The Amelunxen-Lotz-McCoy-Tropp function of the l1 descent cone at an s-sparse point of R^d
// (Living on the edge, 2014, Prop. 4.5 and eq. (4.6)):
//   J(tau) = E dist^2(g, tau d|x|_1) = s (1 + tau^2) + (d - s) * 2 [(1 + tau^2) Phi(-tau) - tau phi(tau)],
// since E (|g| - tau)_+^2 = 2 int_tau^inf (u - tau)^2 phi(u) du = 2 [(1 + tau^2) Phi(-tau) - tau phi(tau)].
template <class T>
T almt_l1_function(const T& tau, const T& d, const T& s) {
    using relucert::gaussian_cdf;
    using relucert::gaussian_pdf;
    const T one_plus = T(1) + tau * tau;
    return s * one_plus + (d - s) * T(2) * (one_plus * T(gaussian_cdf(T(-tau))) - tau * T(gaussian_pdf(tau)));
}

}  // namespace relucert::soltanolkotabi
