// toy.false-dip: (x - 1/3)^2 + (y - 1/7)^2 - eps >= 0 on [0, 1]^2 with eps = 10^-12: FALSE, in a
// dip of radius 10^-6 around the non-dyadic point (1/3, 1/7). Must be REFUTED, never certified.
#include "relucert/engine/claim.hpp"

namespace relucert::toy {
namespace {
struct FalseDip {
    template <class T>
    T operator()(const T* x, const T* p) const {
        const T a = x[0] - from_rational<T>(Rational(1, 3));
        const T b = x[1] - from_rational<T>(Rational(1, 7));
        return a * a + b * b - p[0];
    }
};
engine::ClaimInfo info() {
    engine::ClaimInfo c;
    c.id = "toy.false-dip";
    c.reference = "engine regression suite (issue 3)";
    c.statement = "(x - 1/3)^2 + (y - 1/7)^2 - 10^-12 >= 0 for x, y in [0, 1]";
    c.variables = {{"x", engine::Endpoint::finite(0), engine::Endpoint::finite(1), ""},
                   {"y", engine::Endpoint::finite(0), engine::Endpoint::finite(1), ""}};
    c.parameters = {{"eps", Rational(1, 1000000000000LL), "depth of the dip"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Refuted;
    c.notes = "false in a disc of radius 1e-6 around (1/3, 1/7)";
    return c;
}
const engine::ClaimRegistration reg(engine::make_claim<2>(info(), FalseDip{}));
}  // namespace
void link_toy_false_dip() {}
}  // namespace relucert::toy
