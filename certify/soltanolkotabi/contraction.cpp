// soltanolkotabi.contraction and soltanolkotabi.contraction.quarter: the population counterpart of the
// one-step contraction of the convergence proof (Sec. 6, l. 228-236: for w in
// E = {w : R(w) <= R(w*), <w, w*> >= |w*|^2 / 2}, the PGD error contracts), with eta = 1 and K = R^d
// (R constant, so the projection is the identity; a convex K only shrinks the error, kappa = 1):
//   |w+ - w*|^2 <= rho2 |w - w*|^2   for all w with <w, w*> >= |w*|^2 / 2.
// Reduction (reduced.hpp): the problem is invariant under rotations fixing w* and homogeneous of
// degree 2; with |w*| = 1 write w = a w* + b e, e a unit vector orthogonal to w*, b >= 0. E is a >= 1/2,
// theta = atan(b / a) in [0, pi/2), |w - w*|^2 = (a - 1)^2 + b^2 and |w+ - w*|^2 = one_step_error2(theta).
// Claim: rho2 ((a - 1)^2 + b^2) - one_step_error2(atan(b / a)) >= 0 on a in [1/2, inf), b in [0, inf),
// written in p = 2a - 1 in [0, inf) (the engine's compactification p = s/(1-s) puts p = 1 at s = 1/2).
// Tight: (p, b) = (1, 0), i.e. w = w*, for every rho2 (value 0, gradient 0, Hessian 2 rho2 I).
// Sup of the ratio: ~0.095272 at theta ~ 0.33 pi on the boundary <w, w*> = |w*|^2 / 2, so rho ~ 0.3087:
// the reconstructed per-step factor 1/4 of (3.5) (rho2 = 1/16) fails on E even in the population limit.
#include "relucert/engine/claim.hpp"
#include "soltanolkotabi/reduced.hpp"

namespace relucert::soltanolkotabi {
namespace {
struct Contraction {
    template <class T>
    T operator()(const T* x, const T* p) const {
        using std::atan;
        const T a = (T(1) + x[0]) / T(2);  // p = 2a - 1 puts w = w* (a = 1) at p = 1, a dyadic internal point
        const T& b = x[1];
        const T am1 = a - T(1);
        return p[0] * (am1 * am1 + b * b) - one_step_error2(T(atan(b / a)));
    }
};
engine::ClaimInfo info(const std::string& id, const Rational& rho2, engine::Verdict expected, const std::string& why) {
    engine::ClaimInfo c;
    c.id = id;
    c.reference = "Sec. 6 convergence proof (l. 228-236), set E (l. 230); population counterpart, eta = 1";
    c.statement = "|w+ - w*|^2 <= rho2 |w - w*|^2 for all w with <w, w*> >= |w*|^2/2, w+ = w - grad L_pop(w); " + why;
    c.variables = {{"p", engine::Endpoint::finite(0), engine::Endpoint::inf(1), "2 <w, w*> / |w*|^2 - 1 (E is p >= 0)"},
                   {"b", engine::Endpoint::finite(0), engine::Endpoint::inf(1), "|w - a w*| / |w*|"}};
    c.parameters = {{"rho2", rho2, "squared contraction factor"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = expected;
    c.notes = "reduced to the plane of w, w* (rotation invariance, homogeneity); tight at w = w* (p, b) = (1, 0); "
              "best rho2 ~ 0.0952717 at theta ~ 0.330 pi on <w, w*> = |w*|^2/2";
    return c;
}
const engine::ClaimRegistration reg(engine::make_claim<2>(
    info("soltanolkotabi.contraction", Rational(1, 10), engine::Verdict::Certified, "rho2 = 1/10 (rho ~ 0.316)"),
    Contraction{}));
const engine::ClaimRegistration reg_quarter(engine::make_claim<2>(
    info("soltanolkotabi.contraction.quarter", Rational(1, 16), engine::Verdict::Refuted,
         "rho2 = 1/16: the per-step factor 1/4 of the reconstructed rate (1/4)^t"),
    Contraction{}));
}  // namespace
}  // namespace relucert::soltanolkotabi
