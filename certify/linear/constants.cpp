// Deterministic constant bookkeeping in "On the dynamics of learning linear functions with neural
// networks": Theorem 1's step size and rate (F.1 l. 1288-1298) and the constant chains in the proofs of
// Lemmas 7 and 9 (E.2.1 l. 992-994, E.2.2 l. 1010-1022).
#include <cmath>

#include "relucert/engine/claim.hpp"

namespace relucert::linear {
namespace {

// Theorem 1 (F.1): |W - mu grad - W*|^2 = |D|^2 - 2 mu <D, grad> + mu^2 |grad|^2
//   <= (1 - 2 mu alpha + mu^2 beta^2) |D|^2 (Lemmas 4, 5) <= (1 - c2 mu) |D|^2
// for every mu in [0, c1] iff mu (2 alpha - c2 - mu beta^2) >= 0 there; with mu = lambda c1:
struct Theorem1Step {
    template <class T>
    T operator()(const T* x, const T* p) const {
        const T mu = x[0] * p[0];  // p: c1, c2, alpha, beta2
        return mu * (T(2) * p[2] - p[1] - mu * p[3]);
    }
};

engine::ClaimInfo thm1_info() {
    engine::ClaimInfo c;
    c.id = "linear.thm1";
    c.reference = "Theorem 1 (l. 65-81), proof F.1 (l. 1288-1298): c1 = alpha/beta^2, c2 = alpha";
    c.statement = "1 - 2 mu alpha + mu^2 beta^2 <= 1 - c2 mu for all mu in [0, c1] (the contraction step of Theorem 1)";
    c.variables = {{"lambda", engine::Endpoint::finite(0), engine::Endpoint::finite(1), "mu / c1"}};
    c.parameters = {{"c1", Rational(3, 25), "step-size bound (paper: alpha/beta^2 = 0.3/2.5)"},
                    {"c2", Rational(3, 10), "rate (paper: alpha)"},
                    {"alpha", Rational(3, 10), "Lemma 4's constant"},
                    {"beta2", Rational(5, 2), "Lemma 5's beta^2"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "tight at lambda = 1 for c1 = alpha/beta^2, c2 = alpha; with the sharp beta^2 = 1/2 (linear.lemma5) c1 = 0.6. "
              "Theorem 1 also needs Lemma 3's step bound mu <= 1 (<= 4, linear.lemma3-step): c1 <= 1 holds.";
    return c;
}

// Lemma 7 (l. 992-994): c6 = eps/40, delta <= eps/40, eps <= 1 imply
// (3 + 2 delta) 2 c6 |a| + 4 delta |a| <= eps/sqrt(2) |a|. Divided by eps |a|, with delta = sigma eps:
struct Lemma7Constants {
    template <class T>
    T operator()(const T* x, const T*) const {
        using std::sqrt;
        const T eps = x[0], sigma = x[1];
        return T(1) / T(sqrt(T(2))) - (T(3) + T(2) * sigma * eps) / T(20) - T(4) * sigma;
    }
};

engine::ClaimInfo lemma7_info() {
    engine::ClaimInfo c;
    c.id = "linear.lemma7-constants";
    c.reference = "Lemma 7 proof (E.2.1, l. 992-994)";
    c.statement = "(3 + 2 delta) 2 c6 + 4 delta <= eps/sqrt(2) for c6 = eps/40, delta <= eps/40, eps <= 1";
    c.variables = {{"eps", engine::Endpoint::finite(0), engine::Endpoint::finite(1), "epsilon"},
                   {"sigma", engine::Endpoint::finite(0), engine::Endpoint::finite(Rational(1, 40)), "delta / eps"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "loose: the slack is at least 0.45 eps";
    return c;
}

// Lemma 9 (l. 1010-1022): (sqrt 2/(1 - eps)) (delta + sqrt(21/20) eps) <= (3/2) eps/(1 - eps) for
// delta <= eps/100; divided by eps/(1 - eps) > 0, with delta = sigma eps:
struct Lemma9Constants {
    template <class T>
    T operator()(const T* x, const T*) const {
        using std::sqrt;
        return T(3) / T(2) - T(sqrt(T(2))) * (x[0] + T(sqrt(T(T(21) / T(20)))));
    }
};

engine::ClaimInfo lemma9_info() {
    engine::ClaimInfo c;
    c.id = "linear.lemma9-constants";
    c.reference = "Lemma 9 (E.2.2, l. 1010-1022)";
    c.statement = "(sqrt(2)/(1-eps)) (delta + sqrt(21/20) eps) <= (3/2) eps/(1-eps) for delta <= eps/100";
    c.variables = {{"sigma", engine::Endpoint::finite(0), engine::Endpoint::finite(Rational(1, 100)), "delta / eps"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "holds for delta/eps up to 3/(2 sqrt 2) - sqrt(21/20) = 0.0360; the paper's 1/100 leaves slack 0.037";
    return c;
}

const engine::ClaimRegistration reg_thm1(engine::make_claim<1>(thm1_info(), Theorem1Step{}));
const engine::ClaimRegistration reg_l7(engine::make_claim<2>(lemma7_info(), Lemma7Constants{}));
const engine::ClaimRegistration reg_l9(engine::make_claim<1>(lemma9_info(), Lemma9Constants{}));

}  // namespace
}  // namespace relucert::linear
