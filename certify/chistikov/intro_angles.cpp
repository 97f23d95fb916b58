// chistikov.intro-angles (Sec. 1 l. 37): angle(v*, x_i) < pi/4 for all i "implies that all angles
// between training points are less than pi/2"; chistikov.sec9-pi2.angles: the same with pi/2 (Sec. 9
// l. 284 relaxes the correlation bound to pi/2).
//
// Reduction: x_i, x_j, v* span at most 3 dimensions; with alpha = angle(x_i, v*), beta = angle(x_j, v*)
// and phi the angle between the components of x_i and x_j orthogonal to v* (spherical law of cosines)
//     cos angle(x_i, x_j) = cos alpha cos beta + sin alpha sin beta cos phi,
// every (alpha, beta, phi) in [0, pi/2]^2 x [0, pi] being attained. With u = cos^2 alpha, t = cos^2 beta
// (in [1/2, 1] for angles <= pi/4) and w = cos phi in [-1, 1] this is sqrt(u t) + w sqrt((1-u)(1-t)),
// which is >= 0 iff w >= 0 or u t >= w^2 (1-u)(1-t); so the claim is the polynomial inequality
//     g(u, t, w) := u t - w^2 (1 - u)(1 - t) >= 0   on [1/2, 1]^2 x [-1, 1]
// (g >= u t - (1-u)(1-t) = u + t - 1 >= 0). Strict angles (u + t > 1) give cos angle(x_i, x_j) > 0;
// the bound is tight as both angles -> pi/4 with phi -> pi (tight points (1/2, 1/2, +-1) of g; at
// w = +1 the squaring loses the sign, f = 1 there). Mutants: u, t down to 1/2 - 1/32 (angles beyond
// pi/4; REFUTED), and u, t in [1/64, 1] (sec9-pi2: angles to v* below pi/2, angles between points up
// to pi, Gram entries can be negative; REFUTED).
#include "relucert/engine/claim.hpp"

namespace relucert::chistikov {
namespace {

using engine::Endpoint;

struct SquaredCosineMargin {
    template <class T>
    T operator()(const T* x, const T*) const {
        return x[0] * x[1] - x[2] * x[2] * (T(1) - x[0]) * (T(1) - x[1]);
    }
};

void add(const std::string& id, const Rational& min_cos2, engine::Relation rel, engine::Verdict expected,
         const std::string& statement, const std::string& notes, const std::string& reference) {
    engine::ClaimInfo c;
    c.id = id;
    c.reference = reference;
    c.statement = statement;
    c.variables = {{"u", Endpoint::finite(min_cos2), Endpoint::finite(1), "cos^2 angle(x_i, v*)"},
                   {"t", Endpoint::finite(min_cos2), Endpoint::finite(1), "cos^2 angle(x_j, v*)"},
                   {"w", Endpoint::finite(-1), Endpoint::finite(1), "cos of the angle between the parts of x_i, x_j orthogonal to v*"}};
    c.relation = rel;
    c.expected = expected;
    c.notes = notes;
    static std::vector<engine::ClaimRegistration> regs;
    regs.emplace_back(engine::make_claim<3>(std::move(c), SquaredCosineMargin{}));
}

const bool registered = [] {
    add("chistikov.intro-angles", Rational(1, 2), engine::Relation::GreaterEq, engine::Verdict::Certified,
        "angle(v*, x_i), angle(v*, x_j) <= pi/4 => cos angle(x_i, x_j) >= 0 (strict < pi/4 gives > 0)",
        "g = u t - w^2 (1-u)(1-t) >= u + t - 1; tight at u = t = 1/2 (angles pi/4), w = -1 (phi = pi), excluded by the "
        "strict hypothesis (and at w = +1, an artefact of squaring)",
        "Sec. 1 l. 37");
    add("chistikov.intro-angles.beyond-pi4", Rational(15, 32), engine::Relation::GreaterEq, engine::Verdict::Refuted,
        "mutant: cos^2 of the angles to v* down to 15/32 (angles > pi/4) still give cos angle(x_i, x_j) >= 0",
        "must fail: at u = t = 15/32, w = -1, g = u + t - 1 < 0", "Sec. 1 l. 37 (mutant)");
    add("chistikov.sec9-pi2.angles", Rational(1, 64), engine::Relation::GreaterEq, engine::Verdict::Refuted,
        "with the bound relaxed to pi/2 (Sec. 9), all angles between training points stay < pi/2 (positive Gram matrix)",
        "false: angles to v* below pi/2 only give angle(x_i, x_j) < pi; the Gram matrix may have negative entries",
        "Sec. 9 l. 284; Sec. 7 l. 254 ('in our setting this Gram matrix is positive')");
    return true;
}();

}  // namespace
}  // namespace relucert::chistikov
