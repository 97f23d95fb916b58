// soltanolkotabi.l1-statdim: a certified lower bound L on the ALMT bound for the l1 descent cone at an
// s-sparse w* in R^d (the paper's n0 = M(R, w*) for R = |.|_1, Def. 2.3, through the statistical dimension):
//   J(tau) = s (1 + tau^2) + (d - s) * 2 [(1 + tau^2) Phi(-tau) - tau phi(tau)] >= L   for all tau >= 0
// (reduced.hpp). J is the ALMT upper bound on delta(C): delta <= inf_tau J(tau) (Amelunxen, Lotz, McCoy &
// Tropp 2014, Prop. 4.1 / 4.5). `relucert best soltanolkotabi.l1-statdim --param L` brackets inf J: the
// certified side is a lower bound, the refuted side comes with a tau where an interval evaluation proves
// J(tau) < L, an upper bound.
// Domain: tau in [0, 3]. For tau >= 3, J(tau) >= s (1 + tau^2) >= 10 s (the second term is an expectation
// of a square, >= 0), which is 200 > L at s = 20: the infimum is attained in [0, 3] for every L <= 10 s
// (the claim file's reduction; J's closed form is ill-conditioned at tau = inf, inf * 0). Figure 1 setting: d = 1000, s = 20; inf J ~ 104.1814 at tau ~ 1.7174.
#include "relucert/engine/claim.hpp"
#include "soltanolkotabi/reduced.hpp"

namespace relucert::soltanolkotabi {
namespace {
struct L1StatDim {
    template <class T>
    T operator()(const T* x, const T* p) const {
        return almt_l1_function(x[0], p[0], p[1]) - p[2];
    }
};
engine::ClaimInfo info() {
    engine::ClaimInfo c;
    c.id = "soltanolkotabi.l1-statdim";
    c.reference = "Def. 2.3 (n0 = M(R, w*)), R = |.|_1, at the Figure 1 setting (Sec. 4: d = 1000, s = d/50)";
    c.statement = "s(1 + tau^2) + (d - s) 2[(1 + tau^2) Phi(-tau) - tau phi(tau)] >= L for tau in [0, 3] (enough for L <= 10 s; ALMT bound on delta(C))";
    c.variables = {{"tau", engine::Endpoint::finite(0), engine::Endpoint::finite(3), "threshold of the subdifferential"}};
    c.parameters = {{"d", Rational(1000), "dimension"}, {"s", Rational(20), "sparsity of w*"},
                    {"L", Rational(104), "lower bound on inf_tau J(tau)"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "inf J ~ 104.18139 at tau ~ 1.7174 (d = 1000, s = 20)";
    return c;
}
const engine::ClaimRegistration reg(engine::make_claim<1>(info(), L1StatDim{}));
}  // namespace
}  // namespace relucert::soltanolkotabi
