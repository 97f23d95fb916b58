// Constant bookkeeping of Section 6 (Vardi, Yehudai, Shamir): footnote 2's alpha = 4.5 for the
// Gaussian (txt l. 603-606), the numeric steps of the proof of Theorem 6.2 (App. E, txt l. 2736-2991)
// and Proposition E.1's final bound (txt l. 2540-2557). The steps that are exact algebra ((26), (23),
// E.1's half-disc integral, the last line of (27)) are checked in tests/test_vardi_claims.cpp.
//
// Throughout, (26) turns a lower bound x <= |w~_{t+1}| into b_{t+1} <= sqrt(2/x), and the target is
// b_{t+1} <= k max{1, 1/sqrt(tau)} with k = 2.4; "sqrt(2/x) <= k/sqrt(tau)" is k^2 (x/tau) - 2 >= 0.
#include "relucert/engine/claim.hpp"

namespace relucert::vardi {
namespace {

using engine::Endpoint;

// ---- footnote 2: for the standard Gaussian tau = E|x1 x2| / E x1^2 = (E|x1|)^2 = 2/pi, and Assumption
// 6.1(3) asks alpha >= 2.5 sqrt 2 max{1, 1/sqrt tau} = 2.5 sqrt 2 sqrt(pi/2) = 2.5 sqrt(pi) (tau < 1).
// "alpha = 4.5 suffices": alpha0 + s - (5/2) sqrt(pi) >= 0 for s >= 0.
struct Footnote2Alpha {
    template <class T>
    T operator()(const T* x, const T* p) const {
        using std::sqrt;
        return p[0] + x[0] - T(5) / T(2) * sqrt(pi<T>());
    }
};

engine::ClaimInfo fn2_info() {
    engine::ClaimInfo c;
    c.id = "vardi.fn2-tau";
    c.reference = "Footnote 2 (txt l. 603-606; md fn 3), Assumption 6.1(3)";
    c.statement = "Gaussian: tau = 2/pi, so alpha >= 2.5 sqrt(2) max{1, 1/sqrt(tau)} = 2.5 sqrt(pi) holds for every alpha >= 4.5";
    c.variables = {{"s", Endpoint::finite(0), Endpoint::inf(1), "alpha - alpha0"}};
    c.parameters = {{"alpha0", Rational(9, 2), "the paper's alpha = 4.5"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "2.5 sqrt(pi) = 4.4311; the smallest admissible alpha, so 4.4 fails. beta for the Gaussian on "
              "the 4.5-disc is exp(-4.5^2/2)/(2 pi) = 6.4e-6";
    return c;
}

// b_{t+1} <= sqrt(2/x) <= k, as k^2 x - 2 >= 0 (eq. (26)'s bound b <= sqrt(2/|w~|) in both cases below).
struct SqrtBound {
    template <class T>
    T operator()(const T* x, const T* p) const {
        return sqr(p[0]) * x[0] - T(2);
    }
};

// ---- Case I (txt l. 2827-2838): |w~_{t+1}| >= |w~_t| > 2 tau/5, so b_{t+1} <= sqrt(5/tau) <= 2.4/sqrt(tau):
// k^2 x - 2 >= 0 for x = |w~_{t+1}|/tau >= 2/5.
engine::ClaimInfo case1_info() {
    engine::ClaimInfo c;
    c.id = "vardi.thm6-2-case1";
    c.reference = "Theorem 6.2 proof, Case I (App. E, txt l. 2827-2838)";
    c.statement = "|w~_{t+1}| > 2 tau/5 gives b_{t+1} <= sqrt(5/tau) <= 2.4/sqrt(tau): k^2 x >= 2 for x >= 2/5, k = 2.4";
    c.variables = {{"x", Endpoint::finite(Rational(2, 5)), Endpoint::inf(1), "|w~_{t+1}| / tau"}};
    c.parameters = {{"k", Rational(12, 5), "the 2.4 of the induction hypothesis"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "sqrt(5) = 2.2361 <= 2.4; best k = sqrt(5)";
    return c;
}

// ---- Case II (txt l. 2839-2879), the last step: |w~_{t+1}| >= 0.39 gives b_{t+1} <= sqrt(2/0.39)
// = sqrt(5.13) <= sqrt(5.2) <= 2.4: k^2 x - 2 >= 0 for x >= 0.39.
engine::ClaimInfo case2_sqrt_info() {
    engine::ClaimInfo c;
    c.id = "vardi.thm6-2-case2.sqrt";
    c.reference = "Theorem 6.2 proof, Case II (App. E, txt l. 2877-2879)";
    c.statement = "|w~_{t+1}| >= 0.39 gives b_{t+1} <= sqrt(2/0.39) <= sqrt(5.2) <= 2.4: k^2 x >= 2 for x >= 0.39, k = 2.4";
    c.variables = {{"x", Endpoint::finite(Rational(39, 100)), Endpoint::inf(1), "|w~_{t+1}|"}};
    c.parameters = {{"k", Rational(12, 5), "the 2.4 of the induction hypothesis"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "sqrt(2/0.39) = 2.2646, sqrt(5.2) = 2.2804; best k = sqrt(2/0.39)";
    return c;
}

// ---- Case II, the chain |w~_{t+1}| >= |w~_t| - 2 eta 2c >= min{0.39, 2 tau/5} with |w~_t| >= min{0.4, tau/2}
// and eta < min{1, tau}/(40 c) (read with norms; with squares it fails for every tau < 0.4). The worst
// case is 0.4 - min{1, tau}/10; on tau in [0.85, 0.975] the min on the right is 2 tau/5:
//   0.4 - tau/10 - 2 tau/5 >= 0 is false (tau > 0.8).
struct Case2Printed {
    template <class T>
    T operator()(const T* x, const T*) const {
        return T(2) / T(5) - x[0] / T(10) - T(2) * x[0] / T(5);
    }
};
engine::ClaimInfo case2_printed_info() {
    engine::ClaimInfo c;
    c.id = "vardi.thm6-2-case2.printed";
    c.reference = "Theorem 6.2 proof, Case II (App. E, txt l. 2839-2857)";
    c.statement = "|w~_t| >= min{0.4, tau/2}, eta < min{1,tau}/(40c): |w~_t| - 2 eta 2c >= min{0.39, 2 tau/5}, "
                  "on tau in [0.85, 0.975] (where 0.4 < tau/2 and the min is 2 tau/5)";
    c.variables = {{"tau", Endpoint::finite(Rational(17, 20)), Endpoint::finite(Rational(39, 40)), "E|x1 x2| / E x1^2"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Refuted;
    c.notes = "0.4 - tau/10 < 2 tau/5 for tau > 0.8 (tau = 0.9: 0.31 < 0.36; tau -> 1: 0.3 < 0.39); "
              "repaired by |grad F| <= sqrt(c) (vardi.thm6-2-case2.corrected)";
    return c;
}

// ---- Case II repaired: |w~_{t+1}| >= |w~_t| - eta |grad F(w_t)| >= min{0.4, tau/2} - min{1, tau}/40
// (|grad F| <= sqrt(c) |w_t - v| <= sqrt(c) by (24), eta sqrt(c) < min{1,tau}/(40 sqrt c) <= min{1,tau}/40).
// For tau in [4/5, 1]: x >= 2/5 - tau/40 and the target is b <= k: k^2 (2/5 - tau/40) - 2 >= 0.
// (For tau <= 4/5: x >= 19 tau/40, b <= sqrt(80/(19 tau)) <= k/sqrt(tau) iff k^2 >= 80/19: exact.)
struct Case2Corrected {
    template <class T>
    T operator()(const T* x, const T* p) const {
        return sqr(p[0]) * (T(2) / T(5) - x[0] / T(40)) - T(2);
    }
};
engine::ClaimInfo case2_corrected_info() {
    engine::ClaimInfo c;
    c.id = "vardi.thm6-2-case2.corrected";
    c.reference = "Theorem 6.2 proof, Case II (App. E, txt l. 2839-2879), with |grad F| <= sqrt(c)";
    c.statement = "tau in [4/5, 1]: |w~_{t+1}| >= 0.4 - tau/40 gives b_{t+1} <= sqrt(2/(0.4 - tau/40)) <= k = 2.4";
    c.variables = {{"tau", Endpoint::finite(Rational(4, 5)), Endpoint::finite(1), "E|x1 x2| / E x1^2 (<= 1)"}};
    c.parameters = {{"k", Rational(12, 5), "the 2.4 of the induction hypothesis"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "worst tau = 1: sqrt(2/0.375) = 2.3094 <= 2.4; for tau <= 4/5, sqrt(80/19) = 2.052 <= 2.4";
    return c;
}

// ---- Proposition E.1, the last line (txt l. 2552-2557): (grad F)_{d+1} <= b_w - 0.1 E[x1 1(x1 > 0)] and
// E[x1 1(x1 > 0)] >= kappa alpha^3 beta give, for b_w = s alpha^3 beta with s in [0, 1/640],
// (grad F)_{d+1}/(alpha^3 beta) <= s - kappa/10 <= -1/640:  -1/640 - s + kappa/10 >= 0.
struct PropE1Bias {
    template <class T>
    T operator()(const T* x, const T* p) const {
        return p[0] / T(10) - x[0] - T(1) / T(640);
    }
};
engine::ClaimInfo prop_e1_info() {
    engine::ClaimInfo c;
    c.id = "vardi.prop-e1.bias";
    c.reference = "Proposition E.1 (App. E, txt l. 2430-2557), the final bound";
    c.statement = "b_w in [0, alpha^3 beta/640], E[x1 1(x1>0)] >= kappa alpha^3 beta, kappa = 1/32: "
                  "b_w - 0.1 kappa alpha^3 beta <= -alpha^3 beta/640";
    c.variables = {{"s", Endpoint::finite(0), Endpoint::finite(Rational(1, 640)), "b_w / (alpha^3 beta)"}};
    c.parameters = {{"kappa", Rational(1, 32), "the 1/32 of E[x1 1(x1 > 0)] >= alpha^3 beta/32"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "tight at s = 1/640 for kappa = 1/32 (exact); the density bound gives kappa = 2/3 "
              "(half-disc), the proof's own rectangle 1/16 (printed 1/32)";
    return c;
}

// ---- The induction's "alpha - sqrt(2) b_t >= 0.1" (txt l. 2775-2779): alpha >= 2.5 sqrt 2 m and
// b_t < 2.4 m, m = max{1, 1/sqrt tau} >= 1, so alpha - sqrt 2 b_t > 0.1 sqrt 2 m; with b_t = 2.4 m:
// 2.5 sqrt 2 m - 2.4 sqrt 2 m - 0.1 >= 0 for m >= 1 (sqrt 2 m/10 - 1/10).
struct Eq27Margin {
    template <class T>
    T operator()(const T* x, const T* p) const {
        using std::sqrt;
        const T& m = x[0];
        return (p[0] - p[1]) * sqrt(T(2)) * m - T(1) / T(10);
    }
};
engine::ClaimInfo eq27_info() {
    engine::ClaimInfo c;
    c.id = "vardi.eq27.margin";
    c.reference = "Theorem 6.2 proof (App. E, txt l. 2775-2779, 2918-2991)";
    c.statement = "alpha >= 2.5 sqrt(2) m, b_t <= 2.4 m, m = max{1, 1/sqrt tau} >= 1: alpha - sqrt(2) b_t >= 0.1";
    c.variables = {{"m", Endpoint::finite(1), Endpoint::inf(1), "max{1, 1/sqrt(tau)}"}};
    c.parameters = {{"a", Rational(5, 2), "the 2.5 of Assumption 6.1(3)"},
                    {"k", Rational(12, 5), "the 2.4 of the induction hypothesis"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "margin sqrt(2)/10 - 1/10 = 0.041 at m = 1; (27) then uses sin(delta/2) >= 1/sqrt 2 "
              "(delta in [pi/2, pi]) and C~ >= 0.1^4 sin^3(pi/8)/8^4";
    return c;
}

const engine::ClaimRegistration reg_fn2(engine::make_claim<1>(fn2_info(), Footnote2Alpha{}));
const engine::ClaimRegistration reg_c1(engine::make_claim<1>(case1_info(), SqrtBound{}));
const engine::ClaimRegistration reg_c2s(engine::make_claim<1>(case2_sqrt_info(), SqrtBound{}));
const engine::ClaimRegistration reg_c2p(engine::make_claim<1>(case2_printed_info(), Case2Printed{}));
const engine::ClaimRegistration reg_c2c(engine::make_claim<1>(case2_corrected_info(), Case2Corrected{}));
const engine::ClaimRegistration reg_e1(engine::make_claim<1>(prop_e1_info(), PropE1Bias{}));
const engine::ClaimRegistration reg_27(engine::make_claim<1>(eq27_info(), Eq27Margin{}));

}  // namespace
}  // namespace relucert::vardi
