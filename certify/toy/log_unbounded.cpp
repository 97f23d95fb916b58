// toy.log-unbounded: ln(1 + x) <= x on [0, inf); tight at x = 0 (quadratic contact), unbounded.
// The engine compactifies x = s/(1 - s), s in [0, 1]; f is written in x.
#include "relucert/engine/claim.hpp"

namespace relucert::toy {
namespace {
struct LogUnbounded {
    template <class T>
    T operator()(const T* x, const T*) const {
        using std::log1p;
        return log1p(x[0]) - x[0];
    }
};
engine::ClaimInfo info() {
    engine::ClaimInfo c;
    c.id = "toy.log-unbounded";
    c.reference = "engine regression suite (issue 3)";
    c.statement = "ln(1 + x) <= x for x in [0, inf)";
    c.variables = {{"x", engine::Endpoint::finite(0), engine::Endpoint::inf(1), ""}};
    c.relation = engine::Relation::LessEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "tight at x = 0; compactified by x = s/(1-s)";
    return c;
}
const engine::ClaimRegistration reg(engine::make_claim<1>(info(), LogUnbounded{}));
}  // namespace
void link_toy_log_unbounded() {}
}  // namespace relucert::toy
