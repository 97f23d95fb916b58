// chistikov.intro-ball (Sec. 1 l. 37): angle(v*, x) < pi/4 "is satisfied for example if the training
// points can be obtained by summing the teacher neuron v* with arbitrary vectors of length less than
// |v*|/sqrt(2)".
//
// Reduction (exact; |v*| = 1 by scaling, v* = e_1 in the plane of v* and x): x = e_1 + y, |y| = rho,
// a := y_1 = rho cos theta, b := rho^2. angle(x, e_1) < pi/4 iff x_1 > 0 and 2 x_1^2 > |x|^2, i.e.
//     f(a, b) := 2 (1 + a)^2 - (1 + 2a + b) = 1 + 2a + 2a^2 - b > 0,
// and x_1 = 1 + a > 0 holds since |a| <= rho < 1/sqrt(2). Every (a, b) with a^2 <= b < 1/2 occurs;
// the claim is certified as f >= 0 on the box a in [-1, 1], b in [0, 1/2] (a superset), whose only
// zero is (a, b) = (-1/2, 1/2), i.e. rho = 1/sqrt(2), theta = 3pi/4: the tangent point x = (1/2, 1/2),
// at angle exactly pi/4 and excluded by the strict |y| < 1/sqrt(2) (f = 2(a + 1/2)^2 + (1/2 - b)).
// Mutant: radius^2 up to 1/2 + 1/64 (REFUTED).
#include "relucert/engine/claim.hpp"

namespace relucert::chistikov {
namespace {

using engine::Endpoint;

struct BallMargin {
    template <class T>
    T operator()(const T* x, const T*) const {
        return T(1) + T(2) * x[0] + T(2) * x[0] * x[0] - x[1];
    }
};

void add(const std::string& id, const Rational& b_max, engine::Verdict expected, const std::string& statement,
         const std::string& notes) {
    engine::ClaimInfo c;
    c.id = id;
    c.reference = "Sec. 1 l. 37";
    c.statement = statement;
    c.variables = {{"a", Endpoint::finite(-1), Endpoint::finite(1), "(x - v*)' v* (|v*| = 1)"},
                   {"b", Endpoint::finite(0), Endpoint::finite(b_max), "|x - v*|^2"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = expected;
    c.notes = notes;
    static std::vector<engine::ClaimRegistration> regs;
    regs.emplace_back(engine::make_claim<2>(std::move(c), BallMargin{}));
}

const bool registered = [] {
    add("chistikov.intro-ball", Rational(1, 2), engine::Verdict::Certified,
        "|x - v*| <= |v*|/sqrt(2) => 2 (x'v*)^2 - |x|^2 |v*|^2 >= 0 (strict radius gives angle(x, v*) < pi/4)",
        "f = 1 + 2a + 2a^2 - b = 2(a + 1/2)^2 + (1/2 - b); tight only at the tangent point (a, b) = (-1/2, 1/2)");
    add("chistikov.intro-ball.wider", Rational(1, 2) + Rational(1, 64), engine::Verdict::Refuted,
        "mutant: |x - v*|^2 up to (1/2 + 1/64)|v*|^2 still gives angle(x, v*) <= pi/4",
        "must fail near (a, b) = (-1/2, 1/2 + 1/64)");
    return true;
}();

}  // namespace
}  // namespace relucert::chistikov
