// The invariant set S = S_1 u ... u S_d of Chistikov, Englert & Lazic, Sec. 5 (l. 201-216), on small
// datasets built from their eigenbasis, and the rank-1 predictor-space flow it is invariant for.
//
// Datasets: (1/n) X X' is diagonal by construction (the rows of X are orthogonal), so its unit
// eigenvectors are the standard basis u_k = e_k, the eigenvalues eta_k are exact rationals and the
// eigen-coordinates nu_k of v are its entries: no surd is enclosed anywhere. All formulas below use
// the normalised coordinates p_k := nu_k / nu_k* (so v* is p = (1, ..., 1)).
//
// Flow (derived in proofs/chistikov.md, "The invariant set S"): for a bundle of aligned positive
// neurons with every training point active, v := sum_j a_j w_j follows
//     dv/dt = |v| (I + vbar vbar') H (v* - v),   H := (1/n) X X',
// and with G := v' H (v* - v) = sum_k a_k p_k (1 - p_k) (a_k := eta_k nu_k*^2), N^2 := |v|^2,
//     N dp_k/dt = P_k := N^2 eta_k (1 - p_k) + G p_k,      dN/dt = 2 G.
// Every Lie derivative below is written through P_k (one code path for all claims and tests).
#pragma once

#include <array>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "relucert/engine/claim.hpp"
#include "relucert/rational.hpp"
#include "relucert/scalar.hpp"

namespace relucert::chistikov {

template <class T>
using Vec = std::array<T, 3>;  // d <= 3; unused entries are 0

struct EigenDataset {
    std::string name, key;  // "D2", "D3"
    int d = 0, n = 0;
    std::vector<Vec<Rational>> x;  // the training points (columns of X)
    Vec<Rational> vstar{};         // unit teacher, all entries > 0 (= nu*)
    Vec<Rational> eta{};           // eigenvalues of (1/n) X X' (its diagonal), eta_1 > ... > eta_d

    Rational a(int k) const { return eta[k] * vstar[k] * vstar[k]; }  // a_k = eta_k nu_k*^2
    Rational ratio(int k, int kp) const { return eta[kp] / eta[k]; }  // r = eta_k' / eta_k < 1
    // The exponent of Psi-up_{k,k'}: 1/2 + eta_k' / (2 eta_k).
    Rational exponent(int k, int kp) const { return Rational(1, 2) + ratio(k, kp) / 2; }
    // Phi_l's lower bound eta_l / (2 eta_{l-1}) (0 for l = 1: eta_0 = inf), l 0-based.
    Rational phi_lower(int l) const { return l == 0 ? Rational(0) : eta[l] / (2 * eta[l - 1]); }
};

namespace detail {
inline EigenDataset make_dataset(std::string name, std::string key, std::vector<Vec<Rational>> x, Vec<Rational> vstar, int d) {
    EigenDataset D;
    D.name = std::move(name), D.key = std::move(key), D.d = d, D.n = static_cast<int>(x.size()), D.x = std::move(x);
    D.vstar = vstar;
    // (1/n) X X' must be diagonal with decreasing entries (checked exactly).
    for (int k = 0; k < 3; ++k)
        for (int l = 0; l < 3; ++l) {
            Rational s = 0;
            for (const auto& xi : D.x) s += xi[k] * xi[l];
            s /= D.n;
            if (k == l) D.eta[k] = s;
            else if (s != 0) throw std::logic_error("EigenDataset: (1/n) X X' is not diagonal");
        }
    for (int k = 0; k + 1 < d; ++k)
        if (!(D.eta[k] > D.eta[k + 1])) throw std::logic_error("EigenDataset: eigenvalues not strictly decreasing");
    return D;
}
}  // namespace detail

// D2: x_1 = (2,-1), x_2 = (2,1), v* = (24,7)/25; (1/2) X X' = diag(4, 1).
// D3: x = (8,-4,1), (8,2,-2), (4,4,2) (= diag(4,2,1) times 3 x a rational orthogonal matrix),
//     v* = (12,3,4)/13; (1/3) X X' = diag(48, 12, 3).
inline const std::vector<EigenDataset>& invariant_set_datasets() {
    static const std::vector<EigenDataset> all = [] {
        using R = Rational;
        std::vector<EigenDataset> v;
        v.push_back(detail::make_dataset("D2", "D2", {{R(2), R(-1), R(0)}, {R(2), R(1), R(0)}}, {R(24, 25), R(7, 25), R(0)}, 2));
        v.push_back(detail::make_dataset("D3", "D3", {{R(8), R(-4), R(1)}, {R(8), R(2), R(-2)}, {R(4), R(4), R(2)}},
                                         {R(12, 13), R(3, 13), R(4, 13)}, 3));
        return v;
    }();
    return all;
}
inline const EigenDataset& invariant_set_dataset(const std::string& key) {
    for (const auto& d : invariant_set_datasets())
        if (d.key == key) return d;
    throw std::invalid_argument("no invariant-set dataset " + key);
}

// ---- the flow in normalised coordinates p (generic scalar) -----------------------------------------
template <class T>
T c_(const Rational& q) {  // a constant as T; T = Rational (exact checks in tests) keeps it exact
    if constexpr (std::is_same_v<T, Rational>) return q;
    else return from_rational<T>(q);
}

template <class T>
T ipow(const T& x, int k) {  // x^k, k >= 0, by repeated multiplication (exact on Exact / Rational)
    T r = T(1);
    for (int i = 0; i < k; ++i) r = r * x;
    return r;
}

// G = v' H (v* - v).
template <class T>
T gain(const EigenDataset& D, const Vec<T>& p) {
    T g = T(0);
    for (int k = 0; k < D.d; ++k) g = g + c_<T>(D.a(k)) * p[k] * (T(1) - p[k]);
    return g;
}
// N^2 = |v|^2.
template <class T>
T norm2(const EigenDataset& D, const Vec<T>& p) {
    T s = T(0);
    for (int k = 0; k < D.d; ++k) s = s + c_<T>(D.vstar[k] * D.vstar[k]) * p[k] * p[k];
    return s;
}
// P_k = N dp_k/dt.
template <class T>
T scaled_rate(const EigenDataset& D, const Vec<T>& p, int k) {
    return norm2(D, p) * c_<T>(D.eta[k]) * (T(1) - p[k]) + gain(D, p) * p[k];
}

// Lie derivative of G along the flow, times N: N dG/dt = sum_k a_k (1 - 2 p_k) P_k.
template <class T>
T scaled_gain_rate(const EigenDataset& D, const Vec<T>& p) {
    T s = T(0);
    for (int k = 0; k < D.d; ++k) s = s + c_<T>(D.a(k)) * (T(1) - T(2) * p[k]) * scaled_rate(D, p, k);
    return s;
}

// x_i' v in normalised coordinates.
template <class T>
T correlation(const EigenDataset& D, int i, const Vec<T>& p) {
    T s = T(0);
    for (int k = 0; k < D.d; ++k) s = s + c_<T>(D.x[i][k] * D.vstar[k]) * p[k];
    return s;
}

// ---- the Xi face through v* (c = 0: the ellipsoid G = 0) ---------------------------------------------
// Every line through v* in direction dir meets the ellipsoid G = 0 again at v = v* + rho dir with
// rho = -v*' H dir / dir' H dir. Along the flow, N dG/dt = -rho R with
//     R := N^2 (grad G)' H dir + ((grad G)' v)(v' H dir),   grad G = H (v* - 2 v),
// so for rho != 0 the sign of dG/dt is sign(v*' H dir) sign(R), and R / N is the derivative divided by
// |rho| (a normalisation that does not vanish at the fixed point v*). Chart: dir = d0 + m w.
struct XiChart {
    Vec<Rational> d0{}, w{};
};
template <class T>
struct XiPoint {
    Vec<T> p{};    // normalised coordinates of v
    T vHd{};       // v*' H dir
    T R{};
};
template <class T>
XiPoint<T> xi_point(const EigenDataset& D, const XiChart& ch, const T& m) {
    Vec<T> dir{}, v{};
    T num = T(0), den = T(0);
    for (int k = 0; k < D.d; ++k) {
        dir[k] = c_<T>(ch.d0[k]) + m * c_<T>(ch.w[k]);
        num = num + c_<T>(D.eta[k] * D.vstar[k]) * dir[k];
        den = den + c_<T>(D.eta[k]) * dir[k] * dir[k];
    }
    const T rho = -num / den;
    XiPoint<T> out;
    T N2 = T(0), gGHd = T(0), gGv = T(0), vHd = T(0);
    for (int k = 0; k < D.d; ++k) {
        v[k] = c_<T>(D.vstar[k]) + rho * dir[k];
        out.p[k] = v[k] / c_<T>(D.vstar[k]);
    }
    for (int k = 0; k < D.d; ++k) {
        const T eta = c_<T>(D.eta[k]);
        const T gG = eta * (c_<T>(D.vstar[k]) - T(2) * v[k]);
        N2 = N2 + v[k] * v[k];
        gGHd = gGHd + gG * eta * dir[k];
        gGv = gGv + gG * v[k];
        vHd = vHd + v[k] * eta * dir[k];
    }
    out.vHd = num;
    out.R = N2 * gGHd + gGv * vHd;
    return out;
}
// The chart of D's (1,2)-plane: d0 = (eta_2 nu_2*, -eta_1 nu_1*, 0) is tangent to the ellipsoid at v*
// (v*' H d0 = 0) and w = H v*; v*' H dir = m |H v*|^2 has the sign of m.
inline XiChart xi_chart12(const EigenDataset& D) {
    XiChart c;
    c.d0 = {D.eta[1] * D.vstar[1], -D.eta[0] * D.vstar[0], Rational(0)};
    for (int k = 0; k < D.d; ++k) c.w[k] = D.eta[k] * D.vstar[k];
    return c;
}

// ---- membership (untrusted, double: the experiment) -------------------------------------------------
// Index l (1-based) of the S_l containing p, 0 if none. xi_pad is the printed Xi's lambda^{eps/3}
// (G / N > xi_pad with X-bar X-bar' read as (1/n) X X'; xi_pad = 0 is the ellipsoid itself).
inline int member_of(const EigenDataset& D, const Vec<double>& p, double xi_pad) {
    const double G = gain(D, p), N = std::sqrt(norm2(D, p));
    if (!(N > 0) || !(G / N > xi_pad)) return 0;
    for (int l = 0; l < D.d; ++l) {
        bool ok = true;
        for (int k = 0; k < l; ++k) ok = ok && p[k] > 1;                                          // Omega_k
        ok = ok && p[l] > to_double(D.phi_lower(l)) && p[l] <= 1;                                  // Phi_l
        for (int k = l; k < D.d && ok; ++k)
            for (int kp = k + 1; kp < D.d && ok; ++kp) {
                ok = ok && to_double(D.ratio(k, kp)) / 2 * p[k] < p[kp];                            // Psi-down
                // Psi-up: 1 - (1 - p_k)^e as -expm1(e log1p(-p_k)), accurate for p_k ~ 1e-19 (small lambda)
                ok = ok && p[k] <= 1 && p[kp] < -std::expm1(to_double(D.exponent(k, kp)) * std::log1p(-p[k]));
            }
        if (ok) return l + 1;
    }
    return 0;
}

}  // namespace relucert::chistikov

// ---- claim helpers -----------------------------------------------------------------------------------

namespace relucert::chistikov {

// How a claim's variables x give the normalised coordinates p.
enum class Coords {
    identity,  // p = x (d variables)
    ratio,     // p = (1, x_1, ..., x_{d-1}): p_k / p_1 (the claim is homogeneous of degree 1 in p)
};
template <class T>
Vec<T> coords_of(const EigenDataset& D, Coords c, const T* x) {
    Vec<T> p{T(0), T(0), T(0)};
    for (int k = 0; k < D.d; ++k) p[k] = c == Coords::identity ? x[k] : (k == 0 ? T(1) : x[k - 1]);
    return p;
}

// c0 + sum_k c_k p_k >= 0 (a face or slice of S, in p).
struct AffineInP {
    const EigenDataset* D;
    Coords coords;
    Rational c0;
    Vec<Rational> c;
    template <class T>
    T operator()(const T* x, const T*) const {
        const Vec<T> p = coords_of(*D, coords, x);
        T s = c_<T>(c0);
        for (int k = 0; k < D->d; ++k) s = s + c_<T>(c[k]) * p[k];
        return s;
    }
};
// G >= 0 (Xi with the padding lambda^{eps/3} replaced by 0: a superset of S).
struct GainNonNegative {
    const EigenDataset* D;
    template <class T>
    T operator()(const T* x, const T*) const {
        return gain(*D, coords_of(*D, Coords::identity, x));
    }
};

// A constraint claim "f >= 0" over the variables of `owner`.
template <int N, class F>
std::shared_ptr<const engine::Claim> nonneg_constraint(const engine::ClaimInfo& owner, const std::string& what, F f) {
    engine::ClaimInfo ci;
    ci.id = owner.id + "." + what;
    ci.statement = what + " >= 0";
    ci.variables = owner.variables;
    ci.relation = engine::Relation::GreaterEq;
    return std::shared_ptr<const engine::Claim>(engine::make_claim<N>(std::move(ci), std::move(f)));
}

// The claim chistikov.set-poscorr.<D>.S<l+1>.x<i+1> for any dataset (l, i 0-based; set_poscorr.cpp);
// D must outlive the claim. Tests build it on perturbed data.
std::unique_ptr<engine::Claim> make_set_poscorr_claim(const EigenDataset& D, int l, int i);

}  // namespace relucert::chistikov
