// soltanolkotabi.contraction-near: the population one-step contraction (eta = 1) close to w*, where the
// PGD iterates are after the first step (w_1 = P_K(w*) in the population, see the first-iterate identity):
//   |w+ - w*|^2 <= rho2 |w - w*|^2   for all w with angle(w, w*) <= pi * tmax.
// Reduction: |w+ - w*|^2 = one_step_error2(theta) depends on theta only (reduced.hpp), and for
// theta <= pi/4 the least |w - w*|^2 at angle theta is sin^2 theta |w*|^2 (w = cos theta |w*| w/|w|),
// so the claim is rho2 sin^2 theta - one_step_error2(theta) >= 0 for theta = pi tmax x, x in [0, 1].
// The ball |w - w*| <= |w*|/4 lies in the cone theta <= asin(1/4) < pi/12 (tmax = 1/12).
// Tight: x = 0 (w on the ray of w*), contact of order 2 (rho2 theta^2 against theta^4 / pi^2).
#include "relucert/engine/claim.hpp"
#include "soltanolkotabi/reduced.hpp"

namespace relucert::soltanolkotabi {
namespace {
struct ContractionNear {
    template <class T>
    T operator()(const T* x, const T* p) const {
        using std::sin;
        const T theta = pi<T>() * p[1] * x[0];
        const T s = sin(theta);
        return p[0] * s * s - one_step_error2(theta);
    }
};
engine::ClaimInfo info() {
    engine::ClaimInfo c;
    c.id = "soltanolkotabi.contraction-near";
    c.reference = "Sec. 6 convergence proof (l. 228-236); population counterpart near w*, eta = 1";
    c.statement = "|w+ - w*|^2 <= rho2 |w - w*|^2 for all w with angle(w, w*) <= pi tmax (covers |w - w*| <= |w*|/4 at tmax = 1/12)";
    c.variables = {{"x", engine::Endpoint::finite(0), engine::Endpoint::finite(1), "angle(w, w*) / (pi tmax)"}};
    c.parameters = {{"rho2", Rational(1, 100), "squared contraction factor"},
                    {"tmax", Rational(1, 12), "largest angle / pi (1/12: 15 degrees, sin > 1/4)"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "min over |w| at fixed angle taken exactly (theta <= pi/4); tight at theta = 0 (order-2 contact)";
    return c;
}
const engine::ClaimRegistration reg(engine::make_claim<1>(info(), ContractionNear{}));
}  // namespace
}  // namespace relucert::soltanolkotabi
