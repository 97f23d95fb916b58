// linear.lemma11-monotone, linear.lemma11-case2: the function f(rho, eps) of Lemma 11, case II
// (E.2.4, l. 1228-1284): f(a'u, eps) = E[S(x'u, x'a/eps)], S(v; w) the tent 0 (v < 0), v (0 <= v <= w/2),
// w - v (w/2 <= v <= w), 0 (v >= w). The paper: "f is non-decreasing in its first argument" and
// "for rho = 1/sqrt 2, f(rho, eps) >= 1/(8 sqrt pi)", with no condition on eps (Lemma 11 states none).
//
// Closed form (ours; checked by Monte Carlo in `relucert audit linear` and tests/test_linear_claims.cpp):
// X = x'u, Y = x'a are standard normal with correlation rho. For Y > 0 the tent in X with w = Y/eps is
// X+ - 2 (X - Y/(2 eps))+ + (X - Y/eps)+, and S = 0 for Y < 0. For Z = X - cY (variance
// s(c)^2 = 1 - 2 c rho + c^2, correlation (rho - c)/s(c) with Y), E[Z+ 1{Y > 0}] = (s(c) + rho - c)/sqrt(8 pi)
// (the orthant formula E[Z 1{Z > 0, Y > 0}] = s (1 + kappa)/sqrt(8 pi)). Hence
//   sqrt(8 pi) f(rho, eps) = G(0) - 2 G(1/(2 eps)) + G(1/eps),   G(c) = s(c) + rho - c,
// G(0) = 1 + rho, and G(m/eps) = (1 - rho^2) eps / (t_m + m - rho eps), t_m := eps s(m/eps) =
// sqrt(eps^2 - 2 rho m eps + m^2), which is regular at eps = 0.
// Monotonicity: d/drho of sqrt(8 pi) f = (1/eps)(1/s(1/(2 eps)) - 1/s(1/eps)), whose sign is that of
// t_1 - t_{1/2}; (t_1^2 - t_{1/2}^2) = (1/2)(3/2 - 2 rho eps): f is non-decreasing in rho on [-1, 1]
// iff eps <= 3/4 (linear.lemma11-monotone, best eps_max = 3/4 exactly), and fails for rho near 1 beyond.
// The lower bound holds up to eps = 0.917 (linear.lemma11-case2 at eps_max = 3/4, best about 0.917).
#include "relucert/engine/claim.hpp"

namespace relucert::linear {
namespace {

template <class T>
T tm(const T& rho, const T& eps, const T& m) {
    using std::sqrt;
    return sqrt(T(eps * eps - T(2) * rho * m * eps + m * m));
}

struct Lemma11Monotone {
    template <class T>
    T operator()(const T* x, const T* p) const {
        const T rho = x[0], eps = x[1] * p[0];
        return tm(rho, eps, T(1)) - tm(rho, eps, T(T(1) / T(2)));
    }
};

struct Lemma11Case2 {
    template <class T>
    T operator()(const T* x, const T* p) const {
        using std::sqrt;
        const T eps = x[0] * p[0];
        const T rho = sqrt(T(2)) / T(2);
        auto G = [&](const T& m) { return T((T(1) - rho * rho) * eps / (tm(rho, eps, m) + m - rho * eps)); };
        const T scaled_f = (T(1) + rho) - T(2) * G(T(T(1) / T(2))) + G(T(1));  // sqrt(8 pi) f
        return scaled_f - sqrt(T(2)) / T(4);  // sqrt(8 pi) / (8 sqrt pi) = sqrt(2)/4
    }
};

engine::ClaimInfo monotone_info() {
    engine::ClaimInfo c;
    c.id = "linear.lemma11-monotone";
    c.reference = "Lemma 11, case II (E.2.4, l. 1278): \"f(a'u, eps) is non-decreasing in its first argument\"";
    c.statement = "d f(rho, eps)/d rho >= 0 for rho in [-1, 1], eps in [0, eps_max], in the sign-equivalent form t_1 - t_1/2 >= 0";
    c.variables = {{"rho", engine::Endpoint::finite(-1), engine::Endpoint::finite(1), "a'u"},
                   {"lambda", engine::Endpoint::finite(0), engine::Endpoint::finite(1), "eps / eps_max"}};
    c.parameters = {{"eps_max", Rational(3, 4), "largest eps (the paper states no bound; 3/4 is the best)"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "closed form of f derived in the file; tight at rho = 1, eps = 3/4; false for eps > 3/4 near rho = 1";
    return c;
}

engine::ClaimInfo case2_info() {
    engine::ClaimInfo c;
    c.id = "linear.lemma11-case2";
    c.reference = "Lemma 11, case II (E.2.4, l. 1278-1280): f(1/sqrt 2, eps) >= 1/(8 sqrt pi)";
    c.statement = "f(1/sqrt 2, eps) >= 1/(8 sqrt pi) for eps in [0, eps_max]";
    c.variables = {{"lambda", engine::Endpoint::finite(0), engine::Endpoint::finite(1), "eps / eps_max"}};
    c.parameters = {{"eps_max", Rational(3, 4), "largest eps (the range where f is monotone)"}};
    c.relation = engine::Relation::GreaterEq;
    c.expected = engine::Verdict::Certified;
    c.notes = "holds up to eps = 0.917 (best constant, `relucert best`), fails beyond: Lemma 11 needs eps bounded";
    return c;
}

const engine::ClaimRegistration reg_m(engine::make_claim<2>(monotone_info(), Lemma11Monotone{}));
const engine::ClaimRegistration reg_c(engine::make_claim<1>(case2_info(), Lemma11Case2{}));

}  // namespace
}  // namespace relucert::linear
