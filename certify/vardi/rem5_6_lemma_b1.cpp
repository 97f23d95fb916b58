// Two small claims of Sections 3 and 5 (Vardi, Yehudai, Shamir):
//
// vardi.rem5-6.gaussian (Remark 5.6, md l. 190, txt l. 499-514): for the standard Gaussian, if the
// assumption -b_v/|v~| <= h0 := alpha sin(pi/8)/4 of Corollary 5.5 fails, then F(0) is already small:
// with z = v~'x~/|v~| ~ N(0, 1) and h = -b_v/|v~| > h0,
//   F(0) = (1/2) E sigma(v'x)^2 = (|v~|^2/2) E[(z - h)_+^2] <= G(h)/2,  G(h) = (1 + h^2) Q(h) - h phi(h)
// (|v~| <= |v| = 1; Q = 1 - Phi). G' = -2 E[(z - h)_+] < 0, so G(h) <= G(h0) for every h >= h0 and the
// claim "F(0) <= eps for every such bias" is G(h0)/2 <= eps. The claim is posed on h in [h0, h0 + 1]
// (the monotonicity above extends it to [h0, inf)); alpha = 17 gives eps = 1/100.
//
// vardi.lemma-b1 (App. B.2, txt l. 1415-1476): b_w = 0, w~1 < -4 sqrt d, |w~_{2:d}| <= 2 sqrt d, the
// r-ball, v~ = e1, b_v = -(r - r/(2d^2)). If v'x >= 0 then x1 >= r(1 - 1/(2d^2)) >= r/2 and
// |x~_{2:d}| <= r/d, so w'x < -a sqrt(d) r/2 + b sqrt(d) r/d = r sqrt(d) (a/2 - b u)·(-1), u = 1/d.
// The proof prints "-4 sqrt d r/2 + 2 sqrt d r/d = 0"; it is 2 r (1/sqrt d - sqrt d) <= 0, = 0 only for
// d = 1. Claim: a/2 - b u >= 0 on u in [0, 1] (a = 4, b = 2), tight at u = 1 (the strict inequality
// comes from w~1 < -4 sqrt d).
#include "relucert/engine/claim.hpp"

namespace relucert::vardi {
namespace {

using engine::Endpoint;

struct Rem56Gaussian {
    template <class T>
    T operator()(const T* x, const T* p) const {
        using std::sin;
        const T h = p[0] * sin(pi<T>() / T(8)) / T(4) + x[0];
        const T G = (T(1) + sqr(h)) * gaussian_cdf(-h) - h * gaussian_pdf(h);
        return p[1] - G / T(2);
    }
};

engine::ClaimInfo rem56_info() {
    engine::ClaimInfo c;
    c.id = "vardi.rem5-6.gaussian";
    c.reference = "Remark 5.6 (md l. 190, txt l. 499-514), standard Gaussian";
    c.statement = "-b_v/|v~| > alpha sin(pi/8)/4 implies F(0) <= ((1+h^2)Q(h) - h phi(h))/2 <= eps; alpha = 17, eps = 1/100";
    c.variables = {{"s", Endpoint::finite(0), Endpoint::finite(1), "-b_v/|v~| - alpha sin(pi/8)/4 (G decreasing beyond)"}};
    c.parameters = {{"alpha", Rational(17), "the radius of Assumption 5.3"}, {"eps", Rational(1, 100), "the target loss"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "alpha = 15 fails for eps = 1/100 (G(1.435)/2 = 0.0135); for alpha = 17 beta = exp(-17^2/2)/(2 pi) "
              "= 2.8e-64, so M = alpha^4 beta sin^3(pi/8)/(256c) is astronomically small in case (1)";
    return c;
}

struct LemmaB1 {
    template <class T>
    T operator()(const T* x, const T* p) const {
        return p[0] / T(2) - p[1] * x[0];
    }
};

engine::ClaimInfo b1_info() {
    engine::ClaimInfo c;
    c.id = "vardi.lemma-b1";
    c.reference = "Lemma B.1 (App. B.2, txt l. 1415-1476)";
    c.statement = "w~1 < -a sqrt d, |w~_{2:d}| <= b sqrt d, x1 >= r/2, |x~_{2:d}| <= r/d imply w'x < 0: "
                  "a/2 - b/d >= 0 for d >= 1 (a = 4, b = 2)";
    c.variables = {{"u", Endpoint::finite(0), Endpoint::finite(1), "1 / d"}};
    c.parameters = {{"a", Rational(4), "the 4 of w~1 < -4 sqrt d"}, {"b", Rational(2), "the 2 of |w~_{2:d}| <= 2 sqrt d"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "tight at d = 1 (u = 1): the printed '= 0' holds only there; b > a/2 is refuted at d = 1";
    return c;
}

const engine::ClaimRegistration reg_rem(engine::make_claim<1>(rem56_info(), Rem56Gaussian{}));
const engine::ClaimRegistration reg_b1(engine::make_claim<1>(b1_info(), LemmaB1{}));

}  // namespace
}  // namespace relucert::vardi
