// linear.lemma3, linear.lemma3-step: |w1 + w2| is non-increasing along population GD (Lemma 3, Sec. 6
// l. 320; proof E.1.1 l. 733-775).
//
// Reduction (E.1.1, every rewrite audited by `relucert audit linear`, item linear.lemma3-e11): with
// p = 1 - mu theta / (2 pi), q = mu sin theta / (2 pi) the paper's alpha = p^2 + q^2, beta = 2pq and
//   |s_tau|^2 - |s_tau+1|^2 = A (|w1|^2 + |w2|^2) + 2 C |w1||w2|,  A = 1 - alpha - beta cos, C = cos - beta - alpha cos.
// The paper proves A >= |C| (enough, since 2|w1||w2| <= |w1|^2 + |w2|^2) from
//   A - C = (1 - cos theta)(1 - (p - q)^2),   A + C = (1 + cos theta)(1 - (p + q)^2),
// and 1 -+ (p -+ q) factor as
//   1 - p - q = mu (theta - sin theta) / (2 pi),   1 + p + q = 2 - mu (theta - sin theta) / (2 pi),
//   1 - p + q = mu (theta + sin theta) / (2 pi),   1 + p - q = 2 - mu (theta + sin theta) / (2 pi).
// For mu >= 0 all four are >= 0 iff theta - sin theta >= 0 (linear.lemma3; theta + sin theta >= 0 is
// immediate on [0, pi]) and 2 - mu (theta + sin theta) / (2 pi) >= 0, the larger of the two subtracted
// terms (linear.lemma3-step, at the paper's mu = 1). The latter holds up to mu = 4 (tight at theta = pi),
// and fails beyond it at theta = pi, |w1| = |w2| (A + C < 0 there): the best step size for Lemma 3 is 4,
// not the paper's 1 (the paper's "mu <= 1 gives 1 - mu theta / 2pi >= 0" is sufficient, not needed).
#include "relucert/engine/claim.hpp"

namespace relucert::linear {
namespace {

struct ThetaMinusSin {
    template <class T>
    T operator()(const T* x, const T*) const {
        using std::sin;
        return x[0] - sin(x[0]);
    }
};

struct StepFactor {
    template <class T>
    T operator()(const T* x, const T* p) const {
        using std::sin;
        return T(2) - p[0] * (x[0] + sin(x[0])) / (T(2) * pi<T>());
    }
};

engine::ClaimInfo lemma3_info() {
    engine::ClaimInfo c;
    c.id = "linear.lemma3";
    c.reference = "Lemma 3 (Sec. 6, l. 320), proof E.1.1 (l. 733-775): alpha + beta <= 1 (l. 761)";
    c.statement = "theta - sin theta >= 0 on [0, pi], i.e. alpha + beta = (1 - mu (theta - sin theta)/(2 pi))^2 <= 1 for mu in [0, 1]";
    c.variables = {{"theta", engine::Endpoint::finite(0), engine::Endpoint::pi_multiple(1), "angle(w1, w2)"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "the one non-trivial factor of A + C; cubic contact at theta = 0. With linear.lemma3-step it gives Lemma 3.";
    return c;
}

engine::ClaimInfo step_info() {
    engine::ClaimInfo c;
    c.id = "linear.lemma3-step";
    c.reference = "Lemma 3 (Sec. 6, l. 320): the step-size condition mu <= 1";
    c.statement = "1 + p - q = 2 - mu (theta + sin theta)/(2 pi) >= 0 on theta in [0, pi] (hence A >= |C|)";
    c.variables = {{"theta", engine::Endpoint::finite(0), engine::Endpoint::pi_multiple(1), "angle(w1, w2)"}};
    c.parameters = {{"mu", Rational(1), "step size (paper: mu <= 1)"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "best mu = 4 (tight at theta = pi, where |w1 + w2| = 0 is kept only if mu <= 4)";
    return c;
}

const engine::ClaimRegistration reg_lemma3(engine::make_claim<1>(lemma3_info(), ThetaMinusSin{}));
const engine::ClaimRegistration reg_step(engine::make_claim<1>(step_info(), StepFactor{}));

}  // namespace
}  // namespace relucert::linear
