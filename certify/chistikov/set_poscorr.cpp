// chistikov.set-poscorr.<dataset>.S<l>.x<i>: "all points in S are positively correlated with all
// training points" (Sec. 5 l. 214), x_i' v > 0 on S_l, on the datasets of invariant_set.hpp.
//
// Each claim is over a superset of S_l (so CERTIFIED here implies the statement on S_l):
//   * Xi's padding lambda^{eps/3} is replaced by 0 (G >= 0: the closed ellipsoid);
//   * Psi-up_{k,k'} (p_k' < 1 - (1 - p_k)^e, e in (1/2, 1)) is replaced by its chord p_k' <= p_k:
//     for q = 1 - p_k in [0, 1], q^e >= q since e < 1, so 1 - q^e <= p_k;
//   * strict inequalities are closed.
// S_1 touches v = 0, where x_i' v = 0: there the claim is stated in the ratio coordinates
// w_k = p_k / p_1 (k >= 2; p_1 > 0 on S_1), x_i' v / p_1 = x_i1 nu_1* + sum_k x_ik nu_k* w_k, and
// Psi-down / the chord are homogeneous, so they become w_k' >= (r/2) w_k, w_k' <= w_k (w_1 = 1);
// Phi_1 and Xi are dropped (a further superset). S_l, l >= 2, has p_1 > 1 and is claimed in p with
// p_k in [1, P_k] for k < l, where P_k >= 1/2 + (1/2) sqrt(sum_j a_j / a_k) bounds the ellipsoid
// G >= 0 (|p_k - 1/2| <= that radius), and p_k in [0, 1] for k >= l.
#include <cmath>

#include "chistikov/invariant_set.hpp"

namespace relucert::chistikov {
namespace {

struct Correlation {
    const EigenDataset* D;
    Coords coords;
    int i;
    template <class T>
    T operator()(const T* x, const T*) const {
        return correlation(*D, i, coords_of(*D, coords, x));
    }
};

Rational ellipsoid_bound(const EigenDataset& D, int k) {
    Rational s = 0;
    for (int j = 0; j < D.d; ++j) s += D.a(j);
    const double r = 0.5 + 0.5 * std::sqrt(to_double(s / D.a(k)));
    return Rational(static_cast<long>(std::ceil(r * 64)) + 1, 64);  // rounded up by more than the double error
}

Vec<Rational> unit(int k, const Rational& v) {
    Vec<Rational> c{Rational(0), Rational(0), Rational(0)};
    c[k] = v;
    return c;
}
Vec<Rational> pair(int k, const Rational& a, int kp, const Rational& b) {
    Vec<Rational> c{Rational(0), Rational(0), Rational(0)};
    c[k] += a;
    c[kp] += b;
    return c;
}

template <int N>
std::unique_ptr<engine::Claim> make_one(const EigenDataset& D, int l, int i) {
    engine::ClaimInfo info;
    info.id = "chistikov.set-poscorr." + D.key + ".S" + std::to_string(l + 1) + ".x" + std::to_string(i + 1);
    info.reference = "Sec. 5 l. 214 (S: l. 201-210); dataset " + D.name + " (certify/chistikov/invariant_set.hpp)";
    info.statement = "x_" + std::to_string(i + 1) + "' v > 0 for all v in S_" + std::to_string(l + 1) + " on " + D.name +
                     " (over a superset: Xi padding 0, Psi-up by its chord, closed)";
    info.relation = engine::Relation::Greater;
    info.expected = engine::Verdict::Certified;
    const Coords coords = l == 0 ? Coords::ratio : Coords::identity;
    std::vector<std::pair<std::string, AffineInP>> cons;
    auto affine = [&](const std::string& name, Rational c0, Vec<Rational> c) {
        cons.push_back({name, AffineInP{&D, coords, std::move(c0), c}});
    };
    if (l == 0) {
        for (int k = 1; k < D.d; ++k)
            info.variables.push_back({"w" + std::to_string(k + 1), engine::Endpoint::finite(0), engine::Endpoint::finite(1),
                                      "p_" + std::to_string(k + 1) + " / p_1"});
        info.notes = "ratio coordinates w_k = p_k / p_1 (p_k = nu_k / nu_k*); claim f = x_i' v / p_1";
    } else {
        for (int k = 0; k < D.d; ++k) {
            const bool omega = k < l;
            info.variables.push_back({"p" + std::to_string(k + 1), engine::Endpoint::finite(omega ? Rational(1) : Rational(0)),
                                      engine::Endpoint::finite(omega ? ellipsoid_bound(D, k) : Rational(1)),
                                      "nu_" + std::to_string(k + 1) + " / nu_" + std::to_string(k + 1) + "*"});
        }
        affine("Phi" + std::to_string(l + 1) + "-lower", -D.phi_lower(l), unit(l, Rational(1)));
        info.notes = "p_k = nu_k / nu_k*; domain p_k in [1, P_k] (k < l: Omega_k and the ellipsoid), [0, 1] (k >= l)";
    }
    for (int k = l; k < D.d; ++k)
        for (int kp = k + 1; kp < D.d; ++kp) {
            const std::string tag = std::to_string(k + 1) + std::to_string(kp + 1);
            affine("PsiDown" + tag, Rational(0), pair(kp, Rational(1), k, -D.ratio(k, kp) / 2));
            affine("PsiUpChord" + tag, Rational(0), pair(k, Rational(1), kp, Rational(-1)));
        }
    auto claim = engine::make_claim<N>(info, Correlation{&D, coords, i});
    for (auto& [name, f] : cons) {
        // In ratio coordinates p_1 = 1 is a constant, so the affine maps above are the w-constraints.
        claim->add_constraint(nonneg_constraint<N>(info, name, f));
    }
    if (l > 0) claim->add_constraint(nonneg_constraint<N>(info, "Xi0", GainNonNegative{&D}));
    return claim;
}

const bool registered = [] {
    static std::vector<engine::ClaimRegistration> regs;
    for (const auto& D : invariant_set_datasets())
        for (int l = 0; l < D.d; ++l)
            for (int i = 0; i < D.n; ++i) regs.emplace_back(make_set_poscorr_claim(D, l, i));
    return true;
}();

}  // namespace

std::unique_ptr<engine::Claim> make_set_poscorr_claim(const EigenDataset& D, int l, int i) {
    const int vars = l == 0 ? D.d - 1 : D.d;
    switch (vars) {
        case 1: return make_one<1>(D, l, i);
        case 2: return make_one<2>(D, l, i);
        case 3: return make_one<3>(D, l, i);
        default: throw std::invalid_argument("make_set_poscorr_claim: d must be 2 or 3");
    }
}

}  // namespace relucert::chistikov
