// linear.lemma9-population: the population limit of Lemma 9 (E.2.2, l. 1010-1022) as printed.
// Lemma 9 bounds sqrt((1/n) sum (a'x_i)^2 (1 - sgn(a'x_i) sgn(w'x_i))) by (3/2)(eps/(1 - eps)) |w - a| for
// all |w - a| <= eps, |a| = 1. As n -> infinity the left side tends to its expectation, so the bound can
// only hold with high probability if it holds for the expectation. Take h = w - a perpendicular to a with
// |h| = eps: with s = a'x, z = h'x/eps independent standard normals, the signs of s and s + eps z differ
// on two opposite wedges of angle phi = atan(eps), and in polar coordinates
//   E[s^2 (1 - sgn(s) sgn(s + eps z))] = 2 E[s^2 1{signs differ}] = (2/pi)(phi - sin phi cos phi)
// (radial factor int r^3 e^{-r^2/2} dr / (2 pi) = 1/pi; angular factor 2 int_0^phi sin^2 = phi - sin phi cos phi),
// with sin phi cos phi = eps/(1 + eps^2). The printed bound squared is (9/4) eps^4/(1 - eps)^2. For small
// eps the left side is ~ (4/(3 pi)) eps^3 and the right ~ (9/4) eps^4: the bound fails (the true ratio to
// |w - a| is about 0.65 sqrt(eps), the Monte Carlo of linear.lemma9-mc finds the same).
#include "relucert/engine/claim.hpp"

namespace relucert::linear {
namespace {

struct Lemma9Population {
    template <class T>
    T operator()(const T* x, const T*) const {
        using std::atan;
        const T eps = x[0];
        const T lhs = T(2) * (T(atan(eps)) - eps / (T(1) + eps * eps)) / pi<T>();
        const T one_minus = T(1) - eps;
        const T rhs = T(9) / T(4) * eps * eps * eps * eps / (one_minus * one_minus);
        return rhs - lhs;  // the printed statement: rhs >= lhs
    }
};

engine::ClaimInfo info() {
    engine::ClaimInfo c;
    c.id = "linear.lemma9-population";
    c.reference = "Lemma 9 (E.2.2, l. 1010-1022), population limit n -> infinity, h = w - a perpendicular to a";
    c.statement = "E[(a'x)^2 (1 - sgn(a'x) sgn(w'x))] <= ((3/2) eps/(1-eps))^2 |w-a|^2 for |w-a| = eps, eps in [1/100, 1/2]";
    c.variables = {{"eps", engine::Endpoint::finite(Rational(1, 100)), engine::Endpoint::finite(Rational(1, 2)), "|w - a|"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Refuted;
    c.notes = "fails for eps below about 0.19: the left side is of order eps^3, the right eps^4 (the bound needs sqrt(eps))";
    return c;
}

const engine::ClaimRegistration reg(engine::make_claim<1>(info(), Lemma9Population{}));

}  // namespace
}  // namespace relucert::linear
