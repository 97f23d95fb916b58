// toy.corner-cubic: r + sin t - t cos t >= 0 on (t, r) in [0, pi] x [0, 1]; zero at the corner
// (t, r) = (0, 0), linear in r and cubic in t.
#include "relucert/engine/claim.hpp"

namespace relucert::toy {
namespace {
struct CornerCubic {
    template <class T>
    T operator()(const T* x, const T*) const {
        using std::cos;
        using std::sin;
        const T& t = x[0];
        const T& r = x[1];
        return r + sin(t) - t * cos(t);
    }
};
engine::ClaimInfo info() {
    engine::ClaimInfo c;
    c.id = "toy.corner-cubic";
    c.reference = "engine regression suite (issue 3)";
    c.statement = "r + sin t - t cos t >= 0 for t in [0, pi], r in [0, 1]";
    c.variables = {{"t", engine::Endpoint::finite(0), engine::Endpoint::pi_multiple(1), "angle"},
                   {"r", engine::Endpoint::finite(0), engine::Endpoint::finite(1), ""}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "zero at the corner (0, 0): linear in r, cubic in t";
    return c;
}
const engine::ClaimRegistration reg(engine::make_claim<2>(info(), CornerCubic{}));
}  // namespace
void link_toy_corner_cubic() {}
}  // namespace relucert::toy
