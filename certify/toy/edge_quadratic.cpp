// toy.edge-quadratic: r^2 + 2 r cos t + 1 >= 0 on (t, r) in [0, pi] x [0, 2], written exactly so
// (not as (r - 1)^2 + 2 r (1 + cos t)). Zero at (pi, 1), on the edge t = pi, quadratic contact.
#include "relucert/engine/claim.hpp"

namespace relucert::toy {
namespace {
struct EdgeQuadratic {
    template <class T>
    T operator()(const T* x, const T*) const {
        using std::cos;
        const T& t = x[0];
        const T& r = x[1];
        return r * r + T(2) * r * cos(t) + T(1);
    }
};
engine::ClaimInfo info() {
    engine::ClaimInfo c;
    c.id = "toy.edge-quadratic";
    c.reference = "engine regression suite (issue 3)";
    c.statement = "r^2 + 2 r cos t + 1 >= 0 for t in [0, pi], r in [0, 2]";
    c.variables = {{"t", engine::Endpoint::finite(0), engine::Endpoint::pi_multiple(1), "angle"},
                   {"r", engine::Endpoint::finite(0), engine::Endpoint::finite(2), ""}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "zero at (t, r) = (pi, 1) on an edge, quadratic contact";
    return c;
}
const engine::ClaimRegistration reg(engine::make_claim<2>(info(), EdgeQuadratic{}));
}  // namespace
void link_toy_edge_quadratic() {}
}  // namespace relucert::toy
