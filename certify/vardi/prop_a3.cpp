// vardi.prop-a3 (App. A, txt l. 873-1392):
//   inf_{|u|^2 + b_u^2 = 1} int_P (u'y + b_u)^2 dy >= (alpha - b')^4 sin^3(delta/4)/8^4 min{1, 1/alpha^2},
//   P = {y : w'y > b, v'y > b, |y| <= alpha}, angle(w, v) <= pi - delta, b' = b / sin(delta/2).
//
// Exact reduction (proofs/vardi.md, "vardi.prop-a3"), for 0 <= b' < alpha (the case Theorem A.2 uses):
//  1. angle < pi - delta only enlarges P (the wedge {y2 sin(d/2) - |y1| cos(d/2) > b} grows with d
//     on y2 >= 0), the integrand is >= 0: take the angle = pi - delta, the frame of
//     models/wedge_disc_moments.hpp; the infimum is lambda_min of the moment matrix M of [y; 1].
//  2. alpha: y = alpha z turns the claim into z'M_1 z >= c e^4 s^3 min{alpha^2, 1} (U^2/alpha^2 + b_u^2)
//     with U = alpha u, e = 1 - t, t = b'/alpha, s = sin(delta/4), M_1 the unit-disc matrix; and
//     min{alpha^2, 1}(U^2/alpha^2 + b_u^2) <= |U|^2 + b_u^2 for every alpha, so alpha = 1 is the worst
//     case and the claim is lambda_min(M_1) >= c e^4 s^3 (c = 1/8^4).
//  3. M_1 = diag(m11, [[m22, m2], [m2, m0]]) by symmetry. Polar coordinates about the apex (0, t),
//     rho = e sigma, sigma in [0, R(phi)], R = (1 + t)/D(phi, t) (models/wedge_disc_area.hpp):
//       m11 = e^4 2 int_0^{delta/2} sin^2 phi R^4/4 dphi,
//       (u y2 + b_u)-block: e^2 [a v] I [a v]',  a = b_u + u t, v = e u,
//       I = 2 int_0^{delta/2} A(phi) dphi,  A = [[R^2/2, cos phi R^3/3], [cos phi R^3/3, cos^2 phi R^4/4]],
//     and u^2 + b_u^2 = (v^2 + (e a - t v)^2)/e^2 = [a v] C [a v]'/e^2, C = [[e^2, -e t], [-e t, 1 + t^2]].
//     With s^3 = int_0^{delta/2} (3/2) sin^2(phi/2) cos(phi/2) dphi =: int_0^{delta/2} W(phi) dphi:
//   (m11)   pointwise sin^2 phi R^4/2 >= c W(phi)  <=>  4 cos(phi/2) (1+t)^4 - 3 c D^4 >= 0, phi in [0, pi/2];
//   (block) a weight omega(phi) = mu0 + mu1 sin^2 phi with
//           (pointwise)  2 A(phi, t) - omega(phi) cos^2(phi) C(t) >= 0 (PSD) on [0, pi/2] x [0, 1],
//           (cumulative) int_0^x omega cos^2 = mu0 (x/2 + sin 2x/4) + mu1 (x/8 - sin 4x/32) >= c sin^3(x/2)
//                        on x = delta/2 in [0, pi/2],
//           gives I >= (int_0^{delta/2} omega cos^2) C >= c s^3 C. PSD of N = 2A - omega cos^2 C: the pivot
//           N11 = R^2 - omega cos^2 e^2 >= 1 - 2 max(mu0, mu1) > 0 (R >= 1) and det N >= 0; det N / cos^2 phi
//           multiplied by rho^6, rho = 1/R = D/(1+t) in (0, 1], is
//             (1 - om c^2 e^2 rho^2)(1/2 - om (1+t^2) rho^4) - (2/3 + om c e t rho^3)^2,   c = cos phi,
//           finite on the closed square (R is unbounded at phi = pi/2, t = 1; rho is not).
//     The weight is limited by t = 1, phi = 0 (mu0 <= 1/36) and t = 0, phi = pi/2 (mu0 + mu1 <= 1/18);
//     mu0 = mu1 = 1/37 keeps both corners strict, and the cumulative claim then holds up to c = 0.0750.
#include "relucert/engine/claim.hpp"
#include "relucert/models/wedge_disc_area.hpp"
#include "relucert/models/wedge_disc_moments.hpp"

namespace relucert::vardi {
namespace {

const Rational kPaperConstant(1, 4096);  // 1/8^4

struct PropA3M11Pointwise {
    template <class T>
    T operator()(const T* x, const T* p) const {
        using std::cos;
        const T& phi = x[0];
        const T& t = x[1];
        const T D = models::wedge_disc_denominator(phi, t);
        return T(4) * cos(phi / T(2)) * sqr(sqr(T(1) + t)) - T(3) * p[0] * sqr(sqr(D));
    }
};

// det(2 A(phi, t) - omega(phi) cos^2(phi) C(t)) / cos^2(phi) * rho^6, the block's pointwise matrix (step 3).
template <class T>
T prop_a3_block_det(const T& phi, const T& t, const T& mu0, const T& mu1) {
    using std::cos;
    using std::sin;
    const T rho = models::wedge_disc_denominator(phi, t) / (T(1) + t);
    const T c = cos(phi), e = T(1) - t, rho2 = sqr(rho);
    const T om = mu0 + mu1 * sqr(sin(phi));
    return (T(1) - om * sqr(c) * sqr(e) * rho2) * (T(1) / T(2) - om * (T(1) + sqr(t)) * sqr(rho2)) -
           sqr(T(2) / T(3) + om * c * e * t * rho2 * rho);
}

struct PropA3BlockPointwise {
    template <class T>
    T operator()(const T* x, const T* p) const {
        return prop_a3_block_det(x[0], x[1], p[0], p[1]);
    }
};

// The cumulative weight: int_0^x omega cos^2 - c sin^3(x/2), x = delta/2 (zero at x = 0, exactly).
struct PropA3BlockWeight {
    template <class T>
    T operator()(const T* x, const T* p) const {
        using std::sin;
        const T& y = x[0];
        const T s = sin(y / T(2));
        return p[0] * (y / T(2) + sin(T(2) * y) / T(4)) + p[1] * (y / T(8) - sin(T(4) * y) / T(32)) -
               p[2] * sqr(s) * s;
    }
};

// The exact moment matrix at t = 0 (b = 0; the slice where the infimum of lambda_min / (e^4 s^3) lies
// numerically): det(B - c s^3 I) for B = [[m22, m2], [m2, m0]]. Non-negative iff c s^3 <= lambda_min(B)
// or c s^3 >= lambda_max(B); the latter needs c >= (m0 + m22)/(2 s^3) >= 2.7 on delta in [pi/2, pi]
// (its minimum, at delta = pi, is (5 pi/8)/(2 sin^3(pi/4)) = 2.77), so for c < 2.7 the claim is
// lambda_min(B) >= c sin^3(delta/4). It gives the upper end of the bracket of the best constant
// (relucert best ... --param c).
struct PropA3ExactSliceT0 {
    template <class T>
    T operator()(const T* x, const T* p) const {
        using std::sin;
        const auto m = models::wedge_disc_moments(x[0], T(0));
        const T r = p[0] * sqr(sin(x[0] / T(4))) * sin(x[0] / T(4));
        return (m.m22 - r) * (m.m0 - r) - sqr(m.m2);
    }
};

// The printed hypothesis "b in R": for b' < 0 take u = e1, b_u = 0; int_P y1^2 <= int_disc y1^2 =
// pi alpha^4/4, while the bound grows like b'^4. alpha = 1, beta = b'.
struct PropA3NegativeB {
    template <class T>
    T operator()(const T* x, const T* p) const {
        using std::sin;
        const T s = sin(x[0] / T(4));
        return pi<T>() / T(4) - p[0] * sqr(sqr(T(1) - x[1])) * sqr(s) * s;
    }
};

engine::ClaimInfo m11_info() {
    engine::ClaimInfo c;
    c.id = "vardi.prop-a3.m11";
    c.reference = "Proposition A.3 (App. A, txt l. 873-1392), the y1 direction";
    c.statement = "m11 >= c (1-t)^4 sin^3(delta/4) via the pointwise bound 4 cos(phi/2)(1+t)^4 >= 3 c D(phi,t)^4, c = 1/8^4";
    c.variables = {{"phi", engine::Endpoint::finite(0), engine::Endpoint::pi_multiple(Rational(1, 2)),
                    "polar angle about the apex, in [0, delta/2]"},
                   {"t", engine::Endpoint::finite(0), engine::Endpoint::finite(1), "b' / alpha"}};
    c.parameters = {{"c", kPaperConstant, "the constant 1/8^4 of Proposition A.3"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "m11 = e^4 int sin^2 phi R^4/2, sin^3(delta/4) = int_0^{delta/2} (3/2) sin^2(phi/2) cos(phi/2); "
              "pointwise best c = 2 sqrt(2)/3 (phi = pi/2, t = 0)";
    return c;
}

const Rational kMu(1, 37);  // the weight omega = mu0 + mu1 sin^2 phi (both 1/37)

engine::ClaimInfo block_info() {
    engine::ClaimInfo c;
    c.id = "vardi.prop-a3.block";
    c.reference = "Proposition A.3 (App. A, txt l. 873-1392), the (y2, 1) block, pointwise";
    c.statement = "2 A(phi,t) - (mu0 + mu1 sin^2 phi) cos^2 phi C(t) is PSD on [0, pi/2] x [0, 1] (det N/cos^2 * rho^6 >= 0), "
                  "mu0 = mu1 = 1/37";
    c.variables = {{"phi", engine::Endpoint::finite(0), engine::Endpoint::pi_multiple(Rational(1, 2)),
                    "polar angle about the apex"},
                   {"t", engine::Endpoint::finite(0), engine::Endpoint::finite(1), "b' / alpha"}};
    c.parameters = {{"mu0", kMu, "weight omega = mu0 + mu1 sin^2 phi"}, {"mu1", kMu, "weight omega = mu0 + mu1 sin^2 phi"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "A = Gram matrix of (1, sigma cos phi) with weight sigma on [0, R]; C: the constraint u^2 + b_u^2 "
              "in (a, v) = (b_u + u t, (1-t) u); pivot >= 1 - 2/37 (exact); mu0 <= 1/36 (phi = 0, t = 1)";
    return c;
}

engine::ClaimInfo weight_info() {
    engine::ClaimInfo c;
    c.id = "vardi.prop-a3.weight";
    c.reference = "Proposition A.3 (App. A, txt l. 873-1392), the (y2, 1) block, integrated";
    c.statement = "mu0 (x/2 + sin 2x/4) + mu1 (x/8 - sin 4x/32) >= c sin^3(x/2) on x = delta/2 in [0, pi/2], "
                  "mu0 = mu1 = 1/37, c = 1/8^4";
    c.variables = {{"x", engine::Endpoint::finite(0), engine::Endpoint::pi_multiple(Rational(1, 2)), "delta / 2"}};
    c.parameters = {{"mu0", kMu, "as in vardi.prop-a3.block"},
                    {"mu1", kMu, "as in vardi.prop-a3.block"},
                    {"c", kPaperConstant, "the constant 1/8^4 of Proposition A.3"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "tight at x = 0 (both sides 0); with the block's weight it holds up to c = 0.0750 (x = pi/2): "
              "the certified lower end of the best constant's bracket";
    return c;
}

engine::ClaimInfo t0_info() {
    engine::ClaimInfo c;
    c.id = "vardi.prop-a3.t0";
    c.reference = "Proposition A.3 (App. A, txt l. 873-1392), exact moment matrix at b = 0";
    c.statement = "b = 0, alpha = 1: lambda_min([[m22, m2], [m2, m0]]) >= c sin^3(delta/4) as det(B - c s^3 I) >= 0, "
                  "delta in [pi/2, pi], c = 1/8^4";
    c.variables = {{"delta", engine::Endpoint::pi_multiple(Rational(1, 2)), engine::Endpoint::pi_multiple(Rational(1)),
                    "pi - angle(w, v)"}};
    c.parameters = {{"c", kPaperConstant, "the constant 1/8^4 of Proposition A.3"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "closed-form sector moments (models/wedge_disc_moments.hpp); refuted for c above ~0.2537 "
              "(delta ~ 2.84): the upper end of the best constant's bracket";
    return c;
}

engine::ClaimInfo negative_b_info() {
    engine::ClaimInfo c;
    c.id = "vardi.prop-a3.negative-b";
    c.reference = "Proposition A.3 (App. A, txt l. 873-877): 'for b in R'";
    c.statement = "b' <= -20 alpha, u = e1, b_u = 0: pi alpha^4/4 >= int_P y1^2 would have to exceed "
                  "(alpha - b')^4 sin^3(delta/4)/8^4 (alpha = 1)";
    c.variables = {{"delta", engine::Endpoint::pi_multiple(Rational(1, 2)), engine::Endpoint::pi_multiple(Rational(1)),
                    "pi - angle(w, v)"},
                   {"beta", engine::Endpoint::finite(-40), engine::Endpoint::finite(-20), "b' / alpha"}};
    c.parameters = {{"c", kPaperConstant, "the constant 1/8^4"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Refuted;
    c.notes = "the printed hypothesis b in R is too weak: Proposition A.3 needs 0 <= b' (and b' < alpha, "
              "else P is empty), as Theorem A.2 has";
    return c;
}

const engine::ClaimRegistration reg_m11(engine::make_claim<2>(m11_info(), PropA3M11Pointwise{}));
const engine::ClaimRegistration reg_block(engine::make_claim<2>(block_info(), PropA3BlockPointwise{}));
const engine::ClaimRegistration reg_weight(engine::make_claim<1>(weight_info(), PropA3BlockWeight{}));
const engine::ClaimRegistration reg_t0(engine::make_claim<1>(t0_info(), PropA3ExactSliceT0{}));
const engine::ClaimRegistration reg_neg(engine::make_claim<2>(negative_b_info(), PropA3NegativeB{}));

}  // namespace
}  // namespace relucert::vardi
