// vardi.lemma-a1 (App. A, txt l. 682-785): Vol(P) >= (alpha sin(delta/2) - b)^2 / (4 sin(delta/2)).
//
// Reduction (proofs/vardi.md): with t = b/(alpha sin(delta/2)) in [0, 1) and alpha = 1 (both sides
// scale as alpha^2), models/wedge_disc_area.hpp gives
//   Vol(P) - c sin(delta/2) (1 - t)^2 = (1 - t)^2 int_0^{delta/2} [ (1 + t)^2 / D(phi, t)^2 - c cos phi ] dphi,
// since sin(delta/2) = int_0^{delta/2} cos phi dphi. The printed bound is c = 1/4. It therefore
// suffices (and for delta -> 0 is necessary) that the integrand is >= 0 pointwise:
//   g(phi, t) = (1 + t)^2 - c cos(phi) D(phi, t)^2 >= 0   on phi in [0, pi/2], t in [0, 1].
// D <= 1 + t and cos <= 1 give g >= (1 - c)(1 + t)^2: the best constant is c = 1 (tight on phi = 0;
// and Vol / (sin(delta/2)(1-t)^2) -> 1 as delta -> 0, so no c > 1 works for Lemma A.1 itself either).
// Angles smaller than pi - delta: the right side increases in delta (d/ds (s - b)^2/s = 1 - b^2/s^2
// >= 0 for s >= b >= 0), so the case angle = pi - delta implies the rest.
// Hypothesis b >= 0: the printed lemma says b in R; it is false for b < 0 (vardi.lemma-a1.negative-b).
#include "relucert/engine/claim.hpp"
#include "relucert/models/wedge_disc_area.hpp"

namespace relucert::vardi {
namespace {
struct LemmaA1Pointwise {
    template <class T>
    T operator()(const T* x, const T* p) const {
        using std::cos;
        const T& phi = x[0];
        const T& t = x[1];
        const T D = models::wedge_disc_denominator(phi, t);
        return sqr(T(1) + t) - p[0] * cos(phi) * sqr(D);
    }
};
engine::ClaimInfo info() {
    engine::ClaimInfo c;
    c.id = "vardi.lemma-a1";
    c.reference = "Lemma A.1 (App. A, txt l. 682-785)";
    c.statement = "Vol(P) >= (alpha sin(delta/2) - b)^2/(4 sin(delta/2)) for 0 <= b < alpha sin(delta/2), "
                  "as the pointwise bound (1+t)^2 >= c cos(phi) D(phi,t)^2, c = 1/4";
    c.variables = {{"phi", engine::Endpoint::finite(0), engine::Endpoint::pi_multiple(Rational(1, 2)),
                    "angle from the wedge's bisector, in [0, delta/2]"},
                   {"t", engine::Endpoint::finite(0), engine::Endpoint::finite(1), "b / (alpha sin(delta/2))"}};
    c.parameters = {{"c", Rational(1, 4), "the constant 1/4 of Lemma A.1"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "Vol(P) - c sin(delta/2)(1-t)^2 = (1-t)^2 int_0^{delta/2} [(1+t)^2/D^2 - c cos phi] dphi "
              "(models/wedge_disc_area.hpp); best c = 1 (tight at phi = 0, and as delta -> 0 in Lemma A.1)";
    return c;
}
const engine::ClaimRegistration reg(engine::make_claim<2>(info(), LemmaA1Pointwise{}));
}  // namespace
}  // namespace relucert::vardi
