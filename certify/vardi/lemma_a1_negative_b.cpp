// vardi.lemma-a1.negative-b: Lemma A.1 as printed allows any b in R with b < alpha sin(delta/2). For
// b <= -alpha every y with |y| <= alpha has w'y >= -alpha >= b (and > b off a null set), so P is the
// whole disc and Vol(P) = pi alpha^2, while the bound (alpha sin(delta/2) - b)^2/(4 sin(delta/2))
// grows like b^2. With alpha = 1, beta = b in [-4, -1], delta in [pi/3, pi] the claim is
//   pi - (sin(delta/2) - beta)^2 / (4 sin(delta/2)) >= 0,
// refuted (e.g. delta = pi, beta = -4: pi - 25/4 < 0). The proof's disc P'' (radius alpha - b'
// around (0, b')) lies in the alpha-disc only for b' >= 0, which is where the lemma is certified
// (vardi.lemma-a1); Theorem A.2 only uses b = max{..., 0} >= 0.
#include "relucert/engine/claim.hpp"

namespace relucert::vardi {
namespace {
struct LemmaA1NegativeB {
    template <class T>
    T operator()(const T* x, const T*) const {
        using std::sin;
        const T s = sin(x[0] / T(2));
        return pi<T>() - sqr(s - x[1]) / (T(4) * s);
    }
};
engine::ClaimInfo info() {
    engine::ClaimInfo c;
    c.id = "vardi.lemma-a1.negative-b";
    c.reference = "Lemma A.1 (App. A, txt l. 682-685): 'for b in R'";
    c.statement = "for b <= -alpha (P = the whole disc): pi alpha^2 >= (alpha sin(delta/2) - b)^2/(4 sin(delta/2))";
    c.variables = {{"delta", engine::Endpoint::pi_multiple(Rational(1, 3)), engine::Endpoint::pi_multiple(Rational(1)),
                    "pi - angle(w, v)"},
                   {"beta", engine::Endpoint::finite(-4), engine::Endpoint::finite(-1), "b / alpha"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Refuted;
    c.notes = "the printed hypothesis b in R is too weak: the lemma needs b >= 0 (as used in Thm A.2)";
    return c;
}
const engine::ClaimRegistration reg(engine::make_claim<2>(info(), LemmaA1NegativeB{}));
}  // namespace
}  // namespace relucert::vardi
