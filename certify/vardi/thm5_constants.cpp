// Constant bookkeeping of Section 5 (Vardi, Yehudai, Shamir): the step-size minimum in the proof of
// Theorem 5.2 (App. D, txt l. 2367-2423) and the scalar steps of Lemmas F.1 and F.2 (App. F, txt
// l. 3046-3297) behind Theorem 5.4's M = alpha^4 beta sin^3(pi/8)/(256 c). The exact identities of
// Theorem 5.4 (xi -> M, the final "< F(0)") and of Sec. 5.2 (rho = M/c^2) are checked in
// tests/test_vardi_claims.cpp and proved in proofs/vardi.md, not registered (f == 0).
#include "relucert/engine/claim.hpp"

namespace relucert::vardi {
namespace {

// ---- Theorem 5.2: min{delta/(2c^3 sqrt(2F(0))), delta/(delta c^2 + 16(B+1)c'c^6), gamma/c^4} = gamma/c^4,
// gamma = delta^3/(k B^3 c^8 c'^2), k = 3*12^2, under delta <= F(0) <= c^2/2 and B, c, c' >= 1.
// Coordinates: delta = p F(0), F(0) = q^2 c^2/2 (p, q in [0, 1]); then sqrt(2F(0)) = q c and
//   (a) delta/(2c^3 sqrt(2F(0))) >= gamma/c^4  <=>  k B^3 c^9 c'^2 >= 2 delta^2 sqrt(2F(0)) = p^2 q^5 c^5/2,
//   (b) delta/(delta c^2 + 16(B+1)c'c^6) >= gamma/c^4  <=>  k B^3 c^12 c'^2 >= delta^2 (delta c^2 + 16(B+1)c'c^6)
//       = (p^2 q^4 c^8/4)(p q^2/2 + 16(B+1)c'c^2)
// (delta > 0; multiply out the positive denominators). Both are divided by k B^3 c^4 c'^2 / k (c^5 resp.
// c^8 cancelled), so that every term is bounded on the half-lines B, c, c' in [1, inf) and the engine's
// compactification evaluates them at infinity as limits 0:
//   (a) k - p^2 q^5 / (2 B^3 c^4 c'^2) >= 0,
//   (b) k - (p^2 q^4/4) (p q^2 / (2 B^3 c^4 c'^2) + 16 (1/B^2 + 1/B^3) / (c' c^2)) >= 0.
struct Thm52MinA {
    template <class T>
    T operator()(const T* x, const T* par) const {
        const T &p = x[0], &q = x[1], &B = x[2], &c = x[3], &cp = x[4];
        return par[0] - sqr(p) * sqr(sqr(q)) * q / (T(2) * B * sqr(B) * sqr(sqr(c)) * sqr(cp));
    }
};
struct Thm52MinB {
    template <class T>
    T operator()(const T* x, const T* par) const {
        const T &p = x[0], &q = x[1], &B = x[2], &c = x[3], &cp = x[4];
        const T q2 = sqr(q);
        const T B3 = B * sqr(B);
        return par[0] - sqr(p) * sqr(q2) / T(4) *
                            (p * q2 / (T(2) * B3 * sqr(sqr(c)) * sqr(cp)) +
                             T(16) * (T(1) / sqr(B) + T(1) / B3) / (cp * sqr(c)));
    }
};

std::vector<engine::VariableSpec> thm52_variables() {
    using engine::Endpoint;
    return {{"p", Endpoint::finite(0), Endpoint::finite(1), "delta / F(0)"},
            {"q", Endpoint::finite(0), Endpoint::finite(1), "sqrt(2 F(0)) / c"},
            {"B", Endpoint::finite(1), Endpoint::inf(1), "|w0| + 2"},
            {"c", Endpoint::finite(1), Endpoint::inf(1), "support radius"},
            {"cp", Endpoint::finite(1), Endpoint::inf(1), "c' of Assumption 5.1"}};
}

engine::ClaimInfo thm52_a_info() {
    engine::ClaimInfo c;
    c.id = "vardi.thm5-2-min.a";
    c.reference = "Theorem 5.2 proof (App. D, txt l. 2380-2405)";
    c.statement = "delta/(2 c^3 sqrt(2 F(0))) >= gamma/c^4, gamma = delta^3/(3*12^2 B^3 c^8 c'^2), "
                  "delta <= F(0) <= c^2/2, B, c, c' >= 1";
    c.variables = thm52_variables();
    c.parameters = {{"k", Rational(432), "the 3*12^2 of gamma"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "k - p^2 q^5/(2 B^3 c^4 c'^2) >= 0; holds for k >= 1/2 (tight at p = q = B = c = c' = 1)";
    return c;
}

engine::ClaimInfo thm52_b_info() {
    engine::ClaimInfo c;
    c.id = "vardi.thm5-2-min.b";
    c.reference = "Theorem 5.2 proof (App. D, txt l. 2405-2423)";
    c.statement = "delta/(delta c^2 + 16(B+1) c' c^6) >= gamma/c^4, gamma = delta^3/(3*12^2 B^3 c^8 c'^2), "
                  "delta <= F(0) <= c^2/2, B, c, c' >= 1";
    c.variables = thm52_variables();
    c.parameters = {{"k", Rational(432), "the 3*12^2 of gamma"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "k - (p^2 q^4/4)(p q^2/(2 B^3 c^4 c'^2) + 16(B+1)/(B^3 c' c^2)) >= 0; holds for k >= 65/8 "
              "(tight at p = q = B = c = c' = 1), so the paper's 432 has a margin of 53";
    return c;
}

// ---- Lemma F.1, case |v~| <= 1/(4c) (txt l. 3120-3140): b_v = sqrt(1 - |v~|^2) >= sqrt(1 - 1/(16c^2)),
// so v'x >= -|v~| |x~| + b_v >= -1/4 + sqrt(1 - 1/(16 c^2)), which must be >= xi/(2 sqrt c)
// = a sin(pi/8)/8 with a = alpha/c in [0, 1] (alpha <= c: the alpha-disc lies in the support).
struct LemmaF1SmallV {
    template <class T>
    T operator()(const T* x, const T*) const {
        using std::sin;
        using std::sqrt;
        const T &c = x[0], &a = x[1];
        return sqrt(T(1) - T(1) / (T(16) * sqr(c))) - T(1) / T(4) - a * sin(pi<T>() / T(8)) / T(8);
    }
};
// The printed intermediate "v'x > 1/2 >= xi": xi = alpha sin(pi/8)/(4 sqrt c) = a sqrt(c) sin(pi/8)/4.
// False for large c (alpha = c/2 <= sqrt(c^2 - 1) is admissible for c >= 2/sqrt 3).
struct LemmaF1XiHalf {
    template <class T>
    T operator()(const T* x, const T*) const {
        using std::sin;
        using std::sqrt;
        const T &c = x[0], &a = x[1];
        return T(1) / T(2) - a * sqrt(c) * sin(pi<T>() / T(8)) / T(4);
    }
};

engine::ClaimInfo f1_small_v_info() {
    engine::ClaimInfo c;
    c.id = "vardi.lemma-f1.small-v";
    c.reference = "Lemma F.1 proof, case |v~| <= 1/(4c) (App. F, txt l. 3120-3140)";
    c.statement = "-1/4 + sqrt(1 - 1/(16 c^2)) >= xi/(2 sqrt c) = (alpha/c) sin(pi/8)/8 for c >= 1, alpha <= c";
    c.variables = {{"c", engine::Endpoint::finite(1), engine::Endpoint::inf(1), "support radius"},
                   {"a", engine::Endpoint::finite(0), engine::Endpoint::finite(1), "alpha / c"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "the printed chain goes through 1/2 >= xi, which is false for large c (vardi.lemma-f1.xi-half); "
              "the needed bound holds with margin >= 0.67";
    return c;
}

engine::ClaimInfo f1_xi_half_info() {
    engine::ClaimInfo c;
    c.id = "vardi.lemma-f1.xi-half";
    c.reference = "Lemma F.1 proof (App. F, txt l. 3131-3134): 'v'x > -1/(4c) c + 3/4 = 1/2 >= xi'";
    c.statement = "1/2 >= xi = alpha sin(pi/8)/(4 sqrt c) for alpha = a c, a in [0, 1/2], c in [1, 1000]";
    c.variables = {{"c", engine::Endpoint::finite(1), engine::Endpoint::finite(1000), "support radius"},
                   {"a", engine::Endpoint::finite(0), engine::Endpoint::finite(Rational(1, 2)), "alpha / c"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Refuted;
    c.notes = "xi <= 1/2 needs alpha sin(pi/8) <= 2 sqrt c; only xi/(2 sqrt c) <= 1/2 is used (vardi.lemma-f1.small-v)";
    return c;
}

// ---- Lemma F.2 (txt l. 3240-3262): |v| = 1, -b_v/|v~| <= alpha s/4 (s = sin(pi/8)) give
// |v~|^2 >= 16/(alpha^2 s^2 + 16); the proof concludes |v~| >= 4/(5c) >= 1/(2c). As
// |v~| >= k/c: 16 - k^2 u^2 (a^2 s^2 + 16) >= 0, u = 1/c in [0, 1], a = alpha/c in [0, 1].
struct LemmaF2VNorm {
    template <class T>
    T operator()(const T* x, const T* par) const {
        using std::sin;
        const T &u = x[0], &a = x[1];
        return T(16) - sqr(par[0]) * sqr(u) * (sqr(a) * sqr(sin(pi<T>() / T(8))) + T(16));
    }
};

engine::ClaimInfo f2_info() {
    engine::ClaimInfo c;
    c.id = "vardi.lemma-f2.vnorm";
    c.reference = "Lemma F.2 proof (App. F, txt l. 3240-3262)";
    c.statement = "|v~|^2 >= 16/(alpha^2 sin^2(pi/8) + 16) implies |v~| >= k/c, k = 4/5, for c >= 1, alpha <= c";
    c.variables = {{"u", engine::Endpoint::finite(0), engine::Endpoint::finite(1), "1 / c"},
                   {"a", engine::Endpoint::finite(0), engine::Endpoint::finite(1), "alpha / c"}};
    c.parameters = {{"k", Rational(4, 5), "the 4/5 of |v~| >= 4/(5c)"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "best k = 4/sqrt(16 + sin^2(pi/8)) = 0.99545 (u = a = 1); the proof needs only k = 1/2";
    return c;
}

// ---- Lemma D.2 (txt l. 1858-2072), case a = |u~| <= 1/(4c) (u = (w - v)/|w - v|, |u| = 1):
// |b_u| >= sqrt(1 - 1/(16c^2)), so |u~'x~ + b_u| >= sqrt(1 - 1/(16 c^2)) - a c >= sqrt(1 - 1/(16 c^2)) - 1/4,
// which must exceed xi = delta/(12 B c^3 c') <= 1/(24 B c c') <= 1/24 (delta <= F(0) <= c^2/2).
struct LemmaD2SmallU {
    template <class T>
    T operator()(const T* x, const T* p) const {
        using std::sqrt;
        return sqrt(T(1) - T(1) / (T(16) * sqr(x[0]))) - T(1) / T(4) - p[0];
    }
};

engine::ClaimInfo d2_info() {
    engine::ClaimInfo c;
    c.id = "vardi.lemma-d2.small-u";
    c.reference = "Lemma D.2 proof, case |u~| <= 1/(4c) (App. D, txt l. 1985-2010)";
    c.statement = "sqrt(1 - 1/(16 c^2)) - 1/4 > xi_max = 1/24 for c >= 1, so Pr[|u~'x~ + b_u| <= xi] = 0";
    c.variables = {{"c", engine::Endpoint::finite(1), engine::Endpoint::inf(1), "support radius"}};
    c.parameters = {{"xi_max", Rational(1, 24), "the bound xi <= 1/24"}};
    c.relation = engine::Relation::Greater;
    c.expected = engine::Verdict::Certified;
    c.notes = "the proof's intermediate 'sqrt(15)/4 - 1/4 > 1/2' holds (0.718); best xi_max = sqrt(15)/4 - 1/4 "
              "(c = 1). The rest of D.2 is exact: (15) and the optimality of xi (tests)";
    return c;
}

const engine::ClaimRegistration reg_d2(engine::make_claim<1>(d2_info(), LemmaD2SmallU{}));
const engine::ClaimRegistration reg_a(engine::make_claim<5>(thm52_a_info(), Thm52MinA{}));
const engine::ClaimRegistration reg_b(engine::make_claim<5>(thm52_b_info(), Thm52MinB{}));
const engine::ClaimRegistration reg_f1(engine::make_claim<2>(f1_small_v_info(), LemmaF1SmallV{}));
const engine::ClaimRegistration reg_f1x(engine::make_claim<2>(f1_xi_half_info(), LemmaF1XiHalf{}));
const engine::ClaimRegistration reg_f2(engine::make_claim<2>(f2_info(), LemmaF2VNorm{}));

}  // namespace
}  // namespace relucert::vardi
