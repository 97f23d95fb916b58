// Rigorous elementary functions on Interval.
//
// Contract: f(X) contains f(x) for every x in X (restricted to f's domain, see interval.hpp), and is
// clipped to f's known range (sin, cos in [-1, 1]; acos in [0, pi]; erf in [-1, 1]; Phi in [0, 1]...).
// Nothing here trusts libm. Two kinds of proof are used:
//   * exp, log, sin, cos, atan (and through them asin, acos, atan2, gaussian_pdf): argument reduction
//     in outward-rounded Interval arithmetic, and a short Taylor polynomial evaluated in
//     midpoint-radius arithmetic whose radius bound is derived in the code, plus an explicit bound on
//     the Taylor remainder (both stated in src/elementary.cpp). Table values (exp(j/64),
//     atan(j/64), ...) and reduction constants (pi/2, ln 2) are computed once at start-up by MPFR
//     with directed rounding.
//   * erf, erfc, Phi, and sin/cos of arguments beyond 2^22: MPFR's correctly rounded functions with
//     directed rounding at the endpoints (erf/erfc/Phi are monotone).
// Domain conventions: outside the domain entirely -> DomainError; partially -> image of the part
// inside (sqrt, log, asin, acos).
#pragma once

#include "relucert/interval.hpp"

namespace relucert {

// Enclosures of constants.
Interval pi_interval();        // [pred, succ] around pi: width one ulp
Interval half_pi_interval();
Interval ln2_interval();
Interval inv_sqrt_2pi_interval();  // 1/sqrt(2 pi)
Interval sqrt2_interval();

Interval sqrt(const Interval& x);
Interval exp(const Interval& x);
Interval expm1(const Interval& x);
Interval log(const Interval& x);
Interval log1p(const Interval& x);
Interval sin(const Interval& x);
Interval cos(const Interval& x);
Interval tan(const Interval& x);
Interval atan(const Interval& x);
Interval asin(const Interval& x);
Interval acos(const Interval& x);
// The angle of the point (x, y), in (-pi, pi]. A box meeting the negative x-axis with y straddling 0
// gives [-pi, pi]; a box containing the origin gives the hull of the angles of its other points
// ([0, pi] if y >= 0, else [-pi, pi]); the box {(0, 0)} alone throws DomainError.
Interval atan2(const Interval& y, const Interval& x);
Interval erf(const Interval& x);
Interval erfc(const Interval& x);
// Standard Gaussian density phi(x) = exp(-x^2/2)/sqrt(2 pi) and distribution function Phi(x).
Interval gaussian_pdf(const Interval& x);
Interval gaussian_cdf(const Interval& x);

}  // namespace relucert
