// toy.arc-cosine-tight: sin t + (pi - t) cos t >= 0 on [0, pi].
// The numerator of the degree-1 arc-cosine kernel's angular factor (Cho & Saul 2009). It vanishes at
// t = pi with cubic contact: with u = pi - t the function is sin u - u cos u = u^3/3 + O(u^5).
// The engine must prove this tight end exactly (no epsilon).
#include "relucert/engine/claim.hpp"

namespace relucert::toy {
namespace {
struct ArcCosineTight {
    template <class T>
    T operator()(const T* x, const T*) const {
        using std::cos;
        using std::sin;
        const T& t = x[0];
        return sin(t) + (pi<T>() - t) * cos(t);
    }
};
engine::ClaimInfo info() {
    engine::ClaimInfo c;
    c.id = "toy.arc-cosine-tight";
    c.reference = "engine regression suite (issue 3); arc-cosine kernel J_1 numerator";
    c.statement = "sin t + (pi - t) cos t >= 0 for t in [0, pi]";
    c.variables = {{"t", engine::Endpoint::finite(0), engine::Endpoint::pi_multiple(1), "angle"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "zero at t = pi with cubic contact";
    return c;
}
const engine::ClaimRegistration reg(engine::make_claim<1>(info(), ArcCosineTight{}));
}  // namespace
void link_toy_arc_cosine_tight() {}
}  // namespace relucert::toy
