// Theorem 8 of Chistikov, Englert & Lazic (Sec. 7, l. 243-252) checked on explicit n = d = 3 datasets
// without the paper's proof: exact rank-1 interpolators, exact rank-2 counterexample networks, and an
// exact dual lower bound on the minimum parameter norm of ALL zero-loss networks (any width).
//
// Reduction (proofs/chistikov.md, "Theorem 8"):
//   * a_j^2 + |w_j|^2 >= 2 |a_j| |w_j| (equality iff balanced), and with u_j := |a_j| w_j, s_j = sign a_j
//     the network is h(x) = sum_j s_j relu(u_j' x) (positive homogeneity). Hence
//         min { |theta|^2 : L(theta) = 0 } = 2 N*,   N* := inf { sum_j |u_j| : sum_j s_j relu(u_j' x_i) = y_i }.
//   * Theta_{v*} (l. 222-226): u_j = c_j^2 v*, sum c_j^2 = 1, so every point of Theta_{v*} interpolates
//     (h = relu(v*' x)) with |theta|^2 = 2 exactly (|v*| = 1).
//   * Weak duality: for any mu in R^n, F_mu(u) := sum_i mu_i relu(u' x_i) and C(mu) := max_{|u|=1} |F_mu(u)|,
//         mu' y = sum_j s_j F_mu(u_j) <= C(mu) sum_j |u_j|,   so N* >= mu' y / C(mu).
//     mu = X^{-1} v* gives mu' y = |v*|^2 = 1 and F_mu(v*) = 1; then N* = 1 iff C(mu) = 1.
//   * C(mu) exactly: on the closed simplicial cone R_K = {u : u'x_i >= 0 (i in K), <= 0 (i not in K)},
//     F_mu(u) = g_K' u with g_K = sum_{i in K} mu_i x_i, and the maximum of +-g_K' u over R_K on the
//     sphere lies at +-g_K/|g_K| (interior), at the normalised projection of +-g_K on a facet x_i^perp,
//     or on an edge +-(x_i x x_k). Every such candidate is a rational vector c, and |F_mu(c)| / |c| <=
//     C(mu) for each of them (F_mu is evaluated as itself, not as g_K' c), so C(mu)^2 = max_c F_mu(c)^2 / |c|^2
//     EXACTLY, a rational number.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "chistikov/datasets.hpp"
#include "relucert/interval.hpp"

namespace relucert::chistikov {

// A network h(x) = sum_j a_j relu(w_j' x) with exact rational parameters.
struct RationalNetwork {
    std::vector<Rational> a;
    std::vector<Vec3<Rational>> w;
    Rational squared_norm() const;                    // |theta|^2 = sum a_j^2 + |w_j|^2, exact
    Rational output(const Vec3<Rational>& x) const;   // h(x), exact
    // Whether h(x_i) = y_i for i = 1, 2, 3, exactly.
    bool interpolates(const Thm8Dataset& data) const;
    // Number of distinct directions among the non-zero w_j (rank of W for these examples: 1 or 2).
    int distinct_directions() const;
};

// The point of Theta_{v*} with two equal neurons w_1 = w_2 = v*/sqrt(2)... is irrational; we use
// w_1 = (3/5) v*, w_2 = (4/5) v*, a_j = |w_j| (9/25 + 16/25 = 1): exactly in Theta_{v*}.
RationalNetwork rank1_interpolator(const Thm8Dataset& data);

// C(mu)^2 exactly (see above), and the candidate direction attaining it.
struct DualConstant {
    Rational c_squared;
    Vec3<Rational> argmax;
};
DualConstant dual_constant_squared(const Thm8Dataset& data, const Vec3<Rational>& mu);

// mu = X^{-1} v* (exact): the dual certificate of the rank-1 interpolators.
Vec3<Rational> rank1_dual(const Thm8Dataset& data);

// An untrusted double search for a better dual mu (maximises mu'y / C(mu), a convex problem), rounded
// to a rational vector; the bound it gives is then computed exactly.
Vec3<Rational> search_dual(const Thm8Dataset& data);

// The certified lower bound 2 mu'y / C(mu) on min |theta|^2 over all zero-loss networks, as an interval
// (its square (2 mu'y)^2 / C^2 is exact: `squared`).
struct NormLowerBound {
    Vec3<Rational> mu;
    Rational mu_dot_y;
    Rational c_squared;
    Rational squared;      // (2 mu'y)^2 / C(mu)^2, exact
    Interval bound;        // 2 mu'y / C(mu), enclosed
    bool at_least_rank1;   // bound >= 2 exactly (i.e. Theta_{v*} attains the minimum)
};
NormLowerBound norm_lower_bound(const Thm8Dataset& data, const Vec3<Rational>& mu);

// An untrusted search for a two-neuron zero-loss network of small norm, then made exact: the
// pre-activations z^j_i = u_j' x_i are rounded to rationals with relu(z^1) + relu(z^2) = y exactly,
// u_j = sum_k z^j_k chi_k, and a_j is a rational close to sqrt|u_j| (so that the network is nearly
// balanced), w_j = u_j / a_j. Returns the best such network (nothing if none beats |theta|^2 = 2 in
// double precision).
std::optional<RationalNetwork> search_counterexample(const Thm8Dataset& data);

// The same network balanced: |theta|^2 = 2 sum_j |u_j| with u_j = a_j w_j (enclosure; square roots).
Interval balanced_squared_norm(const RationalNetwork& net);

// Z-matrix condition of Sec. 7 l. 254: chi_k' chi_l <= 0 for all k != l (exact).
bool inverse_gram_is_z_matrix(const Thm8Dataset& data);
// The Gram matrix X'X is entrywise positive (the remark's "in our setting this Gram matrix is positive").
bool gram_is_positive(const Thm8Dataset& data);
// max_i angle(v*, x_i) < pi/4, decided exactly: (v*'x_i)^2 > |x_i|^2 / 2 and v*'x_i > 0.
bool angles_below_pi_over_4(const Thm8Dataset& data);

// M of Sec. 7 (l. 236-241) for d = 3: for each proper non-empty K, the one cone coefficient s in [0, 1]
// (p = (1-s) chi_a + s chi_b, q = chi_c when |K| = 2; p = chi_a, q = (1-s) chi_b + s chi_c when |K| = 1).
struct MCase {
    std::vector<int> K;       // 0-based indices
    std::string label;        // "K1", "K12", ... (1-based)
    Vec3<Rational> p0, p1;    // p(s) = (1-s) p0 + s p1
    Vec3<Rational> q0, q1;    // q(s) = (1-s) q0 + s q1
};
std::vector<MCase> m_cases(const Thm8Dataset& data);

// f_K(s) = cos angle(p, q) - sin angle(p, v*), generic in the scalar.
template <class T>
T m_term(const MCase& c, const Vec3<Rational>& vstar, const T& s, T (*lift)(const Rational&)) {
    using std::sqrt;
    const T one(1);
    Vec3<T> p, q, v;
    for (int i = 0; i < 3; ++i) {
        p[i] = (one - s) * lift(c.p0[i]) + s * lift(c.p1[i]);
        q[i] = (one - s) * lift(c.q0[i]) + s * lift(c.q1[i]);
        v[i] = lift(vstar[i]);
    }
    const T pp = dot(p, p), qq = dot(q, q), vv = dot(v, v);
    const Vec3<T> pv = cross(p, v);
    const T cos_pq = dot(p, q) / sqrt(pp * qq);
    const T sin_pv = sqrt(dot(pv, pv) / (pp * vv));  // |p x v| / (|p| |v|), in [0, 1]
    return cos_pq - sin_pv;
}

// A rigorous enclosure of M: every case's f_K on [0, 1] by interval evaluation on `pieces` uniform
// sub-intervals (upper end: max of the upper bounds; lower end: max over the piece midpoints of the
// point enclosures' lower bounds).
Interval m_enclosure(const Thm8Dataset& data, int pieces = 4096);

}  // namespace relucert::chistikov
