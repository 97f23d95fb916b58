// toy.sin-minus-tcos: sin t - t cos t >= 0 on [0, pi]; zero at t = 0 with cubic contact
// (sin t - t cos t = t^3/3 - t^5/30 + ...).
#include "relucert/engine/claim.hpp"

namespace relucert::toy {
namespace {
struct SinMinusTCos {
    template <class T>
    T operator()(const T* x, const T*) const {
        using std::cos;
        using std::sin;
        const T& t = x[0];
        return sin(t) - t * cos(t);
    }
};
engine::ClaimInfo info() {
    engine::ClaimInfo c;
    c.id = "toy.sin-minus-tcos";
    c.reference = "engine regression suite (issue 3)";
    c.statement = "sin t - t cos t >= 0 for t in [0, pi]";
    c.variables = {{"t", engine::Endpoint::finite(0), engine::Endpoint::pi_multiple(1), "angle"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "zero at t = 0 with cubic contact";
    return c;
}
const engine::ClaimRegistration reg(engine::make_claim<1>(info(), SinMinusTCos{}));
}  // namespace
void link_toy_sin_minus_tcos() {}
}  // namespace relucert::toy
