// Gaussian correlations of biased ReLU units (Vardi, Yehudai, Shamir, "Learning a single neuron with
// bias using gradient descent", Sec. 4, Rem. 5.6, App. G: the Gaussian example), as rigorous
// enclosures through quadrature.hpp.
//
// Reduction to two dimensions. For x ~ N(0, I_d), w, v != 0 with unit vectors w_, v_ and
// rho = cos theta(w, v) = <w_, v_>, U = <w_, x> and V = <v_, x> are standard normals with correlation
// rho; writing V = rho U + s W, s = sqrt(1 - rho^2), W ~ N(0, 1) independent of U, and
// e_perp = (v_ - rho w_)/s (so x = U w_ + W e_perp + (a part independent of U, W, mean 0)):
//
//   P(U >= h, V >= k) = int_h^inf phi(u) Phi((rho u - k)/s) du                            (bivariate)
//   E[(a U + b1)_+ (c V + b2)_+]                                                   (a = |w|, c = |v|)
//     = int_{u0}^inf (a u + b1) sigma g(m(u)/sigma) phi(u) du,     u0 = -b1/a,
//       m(u) = c rho u + b2,  sigma = c s,  g(z) = E[(z + Z)_+] = z Phi(z) + phi(z),
//   since conditionally on U = u, c V + b2 = m(u) + sigma W.
//   Gradient in w of E[sigma(<w,x> + b_w) sigma(<v,x> + b_v)] = E[1{<w,x> + b_w > 0} (<v,x> + b_v)_+ x]
//     = A w_ + B e_perp with
//       A = E[1{aU+b1>0} (cV+b2)_+ U] = int_{u0}^inf u sigma g(m/sigma) phi du,
//       B = E[1{aU+b1>0} (cV+b2)_+ W] = int_{u0}^inf sigma Phi(m/sigma) phi du
//           (Stein: E[(m + sigma W)_+ W] = sigma P(m + sigma W > 0) = sigma Phi(m/sigma)),
//   and the derivative in the bias b_w is E[1{..} (cV+b2)_+] = int_{u0}^inf sigma g(m/sigma) phi du.
//   (The indicator's value at wx + b_w = 0, sigma'(0), is irrelevant: a null set.)
//
// Tail growth bounds (the obligation integrate_gaussian_from puts on the caller), from
// g(z) <= z_+ + g(0) <= |z| + 1/sqrt(2 pi) (subadditivity of (.)_+, g(0) = phi(0)):
//   |sigma g(m(u)/sigma)| <= |m(u)| + sigma phi(0) <= c|rho| |u| + |b2| + sigma phi(0),
//   |sigma Phi(.)| <= sigma,  |a u + b1| <= a |u| + |b1|.
// Non-degeneracy required: |rho| < 1 on the whole interval rho (s > 0), a > 0; otherwise
// std::domain_error. At rho = +-1 the expectations are non-smooth in u; use the limits instead.
//
// Everything takes Interval parameters (so the result encloses the value for every parameter in the
// boxes) and returns quadrature::Result (the enclosure, pieces, whether the width goal was met).
#pragma once

#include "relucert/elementary.hpp"
#include "relucert/interval.hpp"
#include "relucert/quadrature.hpp"
#include "relucert/scalar.hpp"

namespace relucert::models {

// g(z) = E[(z + Z)_+] = z Phi(z) + phi(z), generic in the scalar.
template <class S>
S relu_gaussian_mean(const S& z) {
    return z * gaussian_cdf(z) + gaussian_pdf(z);
}

// P(U >= h, V >= k) for standard normals with correlation rho, |rho| < 1.
quadrature::Result bivariate_normal_upper(const Interval& h, const Interval& k, const Interval& rho,
                                          const quadrature::Options& o = {});

// Sheppard's formula P(U >= 0, V >= 0) = 1/4 + asin(rho)/(2 pi) (the exact reference of the tests).
template <class T>
T bivariate_orthant_sheppard(const T& rho) {
    using std::asin;
    return T(1) / T(4) + asin(rho) / (T(2) * pi<T>());
}

// The reduced parameters of E[sigma(<w,x> + b_w) sigma(<v,x> + b_v)]: a = |w|, c = |v|,
// rho = cos angle(w, v), b1 = b_w, b2 = b_v.
struct BiasedPair {
    Interval a, b1, c, b2, rho;
};

// E[(a U + b1)_+ (c V + b2)_+].
quadrature::Result biased_relu_correlation(const BiasedPair& p, const quadrature::Options& o = {});

struct BiasedPairGradient {
    quadrature::Result along_w;     // A: component along w_ = w/|w|
    quadrature::Result along_perp;  // B: component along e_perp = (v_ - rho w_)/s
    quadrature::Result bias;        // d/d b_w
};
BiasedPairGradient biased_relu_correlation_gradient(const BiasedPair& p, const quadrature::Options& o = {});

}  // namespace relucert::models
