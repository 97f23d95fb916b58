// soltanolkotabi.proj-l2-ball: the convex projection constant kappa = 1 of [21] (7.34) (cited at l. 151,
// 230) for the l2 ball K = {|w| <= 1} (R = |.|_2), in every dimension, as an engine claim.
//
// Reduction. For w* in K and z in R^d: if |z| <= 1, P_K(z) = z and the ratio is exactly 1 (equality on a
// whole region, which is why the direct 2-D form kappa2 |z - w*|^2 - |P_K(z) - w*|^2 is tight along an
// edge). If rho = |z| > 1, P_K(z) = u = z/rho and with c = <u, w*> (|c| <= |w*| <= 1)
//   |z - w*|^2 - |u - w*|^2 = rho^2 - 1 - 2 (rho - 1) c = (rho - 1)(rho + 1 - 2c),
// so kappa = 1 holds iff rho + 1 - 2c >= 0 for rho > 1, c in [-1, 1]. Writing r = rho - 1 >= 0, the claim
// is r + 2 - 2c >= L with L = 0, whose only tight point is the corner (r, c) = (0, 1): z = w* on the unit
// sphere. (Every step is exact algebra; the two variables cover every d, z and w* in K.)
#include "relucert/engine/claim.hpp"

namespace relucert::soltanolkotabi {
namespace {
struct L2BallFactor {
    template <class T>
    T operator()(const T* x, const T* p) const {
        return x[0] + T(2) - T(2) * x[1] - p[0];
    }
};
engine::ClaimInfo l2_ball() {
    engine::ClaimInfo c;
    c.id = "soltanolkotabi.proj-l2-ball";
    c.reference = "[21] (7.34) as cited at l. 151, 230: |P_K(z) - w*| <= kappa |z - w*|, kappa = 1 for convex K; K = {|w|_2 <= 1}";
    c.statement = "(|z - w*|^2 - |P_K(z) - w*|^2) / (|z| - 1) = r + 2 - 2c >= L for |z| = 1 + r > 1, c = <z/|z|, w*> in [-1, 1] "
                  "(kappa = 1 in every dimension; |z| <= 1 is equality)";
    c.variables = {{"r", engine::Endpoint::finite(0), engine::Endpoint::inf(1), "|z| - 1 (z outside the ball)"},
                   {"c", engine::Endpoint::finite(-1), engine::Endpoint::finite(1), "<z/|z|, w*>, |w*| <= 1"}};
    c.parameters = {{"L", Rational(0), "lower bound of the factor (L = 0 is kappa = 1)"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "tight only at (r, c) = (0, 1), i.e. z = w* on the sphere; best L = 0";
    return c;
}
const engine::ClaimRegistration reg_l2(engine::make_claim<2>(l2_ball(), L2BallFactor{}));
}  // namespace
}  // namespace relucert::soltanolkotabi
