// linear.ineq10, linear.ineq11: |sin theta |w2| w1bar + (pi - theta) w2| <= pi |w1 + w2| (eq. (10),
// E.1.3 l. 867-879) and its mirror (11) with w1 and w2 exchanged (l. 881-888), for 0 <= theta <= pi.
// Squared and divided by pi^2 (both sides are norms): with |w1| = 1 - t, |w2| = t, u = theta / pi,
// s = sin theta / pi, c = cos theta (reduced.hpp)
//   |w1 + w2|^2 - |w2|^2 K(u) >= 0,  K = |s w1bar + (1 - u) w2bar|^2 = s^2 + 2 s (1 - u) c + (1 - u)^2,
// and (11) is the same with |w1| and |w2| exchanged. Homogeneous of degree 2: r in [0, inf] is t in [0, 1].
// Tight: (u, t) = (1, 1/2) (w1 = -w2: both sides 0) and, for (10), the edge point (0, 1) (w1 -> 0,
// theta = 0: both sides pi |w2|); for (11) the mirror (0, 0).
#include "linear/reduced.hpp"
#include "relucert/engine/claim.hpp"

namespace relucert::linear {
namespace {

template <class T>
T ineq10_gap(const T& u, const T& n1, const T& n2) {
    const AngleTerms<T> A = angle_terms(u);
    const T S2 = n1 * n1 + n2 * n2 + T(2) * n1 * n2 * A.c;
    const T v = T(1) - u;
    const T K = A.s * A.s + T(2) * A.s * v * A.c + v * v;
    return S2 - n2 * n2 * K;
}

template <bool Mirror>
struct Ineq10 {
    template <class T>
    T operator()(const T* x, const T*) const {
        const T n1 = T(1) - x[1], n2 = x[1];
        return Mirror ? ineq10_gap(x[0], n2, n1) : ineq10_gap(x[0], n1, n2);
    }
};

engine::ClaimInfo info(bool mirror) {
    engine::ClaimInfo c;
    c.id = mirror ? "linear.ineq11" : "linear.ineq10";
    c.reference = mirror ? "eq. (11), E.1.3 l. 881-888" : "eq. (10), E.1.3 l. 867-879";
    c.statement = mirror ? "|sin theta |w1| w2bar + (pi - theta) w1| <= pi |w1 + w2|, theta in [0, pi]"
                         : "|sin theta |w2| w1bar + (pi - theta) w2| <= pi |w1 + w2|, theta in [0, pi]";
    c.variables = {{"u", engine::Endpoint::finite(0), engine::Endpoint::finite(1), "theta / pi"},
                   {"t", engine::Endpoint::finite(0), engine::Endpoint::finite(1), "|w2| / (|w1| + |w2|)"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = mirror ? "squared, divided by pi^2; tight at (1, 1/2) and (0, 0)" : "squared, divided by pi^2; tight at (1, 1/2) and (0, 1)";
    return c;
}

const engine::ClaimRegistration reg10(engine::make_claim<2>(info(false), Ineq10<false>{}));
const engine::ClaimRegistration reg11(engine::make_claim<2>(info(true), Ineq10<true>{}));

}  // namespace
}  // namespace relucert::linear
