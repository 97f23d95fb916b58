// toy.cos-chord: cos(pi x) >= 1 - c x on [0, 1/2] with c = 2: the chord from (0, 1) to (1/2, 0) lies
// below the concave arc; equality at both ends. The slope c is a parameter so that `relucert best`
// can bracket the best constant (c = 2, attained).
#include "relucert/engine/claim.hpp"

namespace relucert::toy {
namespace {
struct CosChord {
    template <class T>
    T operator()(const T* x, const T* p) const {
        using std::cos;
        const T& u = x[0];
        const T& c = p[0];
        return cos(pi<T>() * u) - (T(1) - c * u);
    }
};
engine::ClaimInfo info() {
    engine::ClaimInfo c;
    c.id = "toy.cos-chord";
    c.reference = "engine regression suite (issue 3)";
    c.statement = "cos(pi x) >= 1 - 2x for x in [0, 1/2]";
    c.variables = {{"x", engine::Endpoint::finite(0), engine::Endpoint::finite(Rational(1, 2)), ""}};
    c.parameters = {{"c", Rational(2), "slope of the chord"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "equality at x = 0 and x = 1/2";
    return c;
}
const engine::ClaimRegistration reg(engine::make_claim<1>(info(), CosChord{}));
}  // namespace
void link_toy_cos_chord() {}
}  // namespace relucert::toy
