// chistikov.set-faces.<dataset>.<face>: "each face of the boundary of S is repelling for the training
// dynamics when approached from the inside"; "in general false for the entire boundary of the
// constraint Xi" but "true for its remainder after the slicing off"; "The non-linearity of the
// constraints Psi-up_{k,k'} is needed to ensure the repelling" (Sec. 5 l. 214-216).
//
// The faces Omega_k, Phi_l (lower), Psi-down have dataset-free closed-form Lie derivatives
// (proofs/chistikov.md; checked exactly in tests/test_chistikov_invariant_set.cpp):
//     Omega_k (p_k = 1):              N dp_k/dt = G
//     Phi_l lower (p_l = b):          N dp_l/dt = N^2 eta_l (1 - b) + G b
//     Psi-down (p_k' = (r/2) p_k):    N d(p_k' - (r/2) p_k)/dt = N^2 eta_k' (1 + (1 - r) p_k) / 2
// all > 0 on S (G > 0 there). The data enter through:
//   * Psi-up_{k,k'} (q = 1 - p_k, e = 1/2 + r/2, f = 1 - q^e - p_k'):
//         N q^{1-e} df/dt = N^2 eta_k q (1 - r)/2 + G h(q),   h(q) = e + (1 - e) q - q^{1-e},
//     so the face repels iff h >= 0 on [0, 1] (weighted AM-GM; equality only at q = 1, where the N^2
//     term is > 0). Claimed with q = s^m, e = a/m: h = a/m + (1 - a/m) s^m - s^(m-a), tight at s = 1.
//   * the tangent linearisation p_k' < e p_k of Psi-up (the mutant): N d(e p_k - p_k')/dt
//     = N^2 eta_k (1 - r)(1/2 - e p_k) < 0 for p_k > 1/(2e): REFUTED on the face inside S_1;
//     the chord p_k' < p_k instead gives N^2 (1 - p_k)(eta_k - eta_k') >= 0 (claimed, non-strict).
//   * Xi (padding 0, the ellipsoid G = 0) through v* (invariant_set.hpp, xi_point): in the chart
//     dir = d0 + m H v*, sign(dG/dt) = sign(m) sign(R). On D2 the Xi face of closure(S) minus {0, v*}
//     lies in closure(S_2) and has m in [-1, 0] (for m > 0, p_1 < 1 < p_2; see the doc), so the claim is
//     -R > 0 there with S_2's closed constraints; the unsliced claim R > 0 on m in [1/16, 1/4] (points
//     with p_2 > 1, outside S) is REFUTED on D2 and D3.
#include <numeric>

#include "chistikov/invariant_set.hpp"

namespace relucert::chistikov {
namespace {

using engine::Endpoint;

engine::ClaimRegistration& keep(std::unique_ptr<engine::Claim> c) {
    static std::vector<std::unique_ptr<engine::ClaimRegistration>> regs;
    regs.push_back(std::make_unique<engine::ClaimRegistration>(std::move(c)));
    return *regs.back();
}

std::string ref(const EigenDataset& D) {
    return "Sec. 5 l. 210 (Psi-up, Xi), l. 214-216 (repelling faces); dataset " + D.name + " (certify/chistikov/invariant_set.hpp)";
}

// ---- Psi-up: h(s) >= 0 -------------------------------------------------------------------------------
struct PsiUpAmGm {
    Rational e;
    int m, a;
    template <class T>
    T operator()(const T* x, const T*) const {
        return c_<T>(e) + c_<T>(Rational(1) - e) * ipow(x[0], m) - ipow(x[0], m - a);
    }
};
void register_psi_up(const EigenDataset& D, int k, int kp) {
    const Rational e = D.exponent(k, kp);
    const int m = static_cast<int>(boost::multiprecision::denominator(e).convert_to<long>());
    const int a = static_cast<int>(boost::multiprecision::numerator(e).convert_to<long>());
    const std::string tag = std::to_string(k + 1) + std::to_string(kp + 1);
    engine::ClaimInfo info;
    info.id = "chistikov.set-faces." + D.key + ".psi-up" + tag;
    info.reference = ref(D);
    info.statement = "Psi-up_{" + std::to_string(k + 1) + "," + std::to_string(kp + 1) + "} repels on " + D.name +
                     ": h(q) = e + (1-e) q - q^(1-e) >= 0 on [0,1], e = " + to_string(e) + " (q = s^" + std::to_string(m) + ")";
    info.variables = {{"s", Endpoint::finite(0), Endpoint::finite(1), "(1 - p_k)^(1/" + std::to_string(m) + ")"}};
    info.relation = engine::Relation::GreaterEq;
    info.notes = "N q^(1-e) d/dt(1 - q^e - p_k') = N^2 eta_k q (1-r)/2 + G h(q) on the face; tight at s = 1 (q = 1, p_k = 0: "
                 "h = h' = 0, h'' > 0), where the N^2 term is > 0";
    keep(engine::make_claim<1>(std::move(info), PsiUpAmGm{e, m, a}));
}

// ---- Psi-up replaced by a line through 0: tangent p_k' = e p_k (mutant) or chord p_k' = p_k --------
// Face claims for the pair (1,2) of S_1: variables p_1 (and p_3 for d = 3), p_2 = slope p_1.
template <int N>  // N = d - 1 variables
struct LinearPsiUpFace {
    const EigenDataset* D;
    Rational slope;
    template <class T>
    Vec<T> point(const T* x) const {
        Vec<T> p{x[0], c_<T>(slope) * x[0], T(0)};
        if constexpr (N == 2) p[2] = x[1];
        return p;
    }
    template <class T>
    T operator()(const T* x, const T*) const {
        const Vec<T> p = point(x);
        return c_<T>(slope) * scaled_rate(*D, p, 0) - scaled_rate(*D, p, 1);  // N d(slope p_1 - p_2)/dt
    }
};
// c0 + c . p on the face point of LinearPsiUpFace.
template <int N>
struct OnLinearFace {
    LinearPsiUpFace<N> face;
    Rational c0;
    Vec<Rational> c;
    template <class T>
    T operator()(const T* x, const T*) const {
        const Vec<T> p = face.point(x);
        T s = c_<T>(c0);
        for (int k = 0; k < face.D->d; ++k) s = s + c_<T>(c[k]) * p[k];
        return s;
    }
};
template <int N>
void register_linear_psi_up(const EigenDataset& D, bool tangent) {
    const Rational e12 = D.exponent(0, 1);
    const Rational slope = tangent ? e12 : Rational(1);
    engine::ClaimInfo info;
    info.id = "chistikov.set-faces." + D.key + (tangent ? ".psi-up12-tangent" : ".psi-up12-chord");
    info.reference = ref(D);
    info.statement = std::string(tangent ? "mutant: Psi-up_{1,2} replaced by its tangent at 0, p_2 < e p_1 (e = " + to_string(e12) + ")"
                                         : "Psi-up_{1,2} replaced by its chord p_2 < p_1") +
                     ": the face repels on " + D.name + " (d/dt (slope p_1 - p_2) " + (tangent ? ">" : ">=") + " 0 on it, in S_1)";
    // The face inside S_1 minus the fixed point v = 0 (p_1 = 0), where every derivative vanishes: the
    // mutant's counterexample must be a point that moves. p_1 in [1/2, 1] holds the sign change at 1/(2e).
    info.variables = {{"p1", Endpoint::finite(tangent ? Rational(1, 2) : Rational(0)), Endpoint::finite(1),
                       "nu_1 / nu_1*; p_2 = slope p_1 on the face"}};
    if (D.d == 3) info.variables.push_back({"p3", Endpoint::finite(0), Endpoint::finite(1), "nu_3 / nu_3*"});
    info.relation = tangent ? engine::Relation::Greater : engine::Relation::GreaterEq;
    info.expected = tangent ? engine::Verdict::Refuted : engine::Verdict::Certified;
    info.notes = tangent ? "closed form N^2 eta_1 (1-r)(1/2 - e p_1): negative for p_1 > 1/(2e) = " + to_string(1 / (2 * e12)) +
                               "; with d = 3 the other pairs use their tangents too"
                         : "closed form N^2 (1 - p_1)(eta_1 - eta_2): tight at p_1 = 0 (v = 0) and p_1 = 1 (v = v*)";
    const LinearPsiUpFace<N> face{&D, slope};
    auto claim = engine::make_claim<N>(info, face);
    if (D.d == 3) {
        const Rational e13 = tangent ? D.exponent(0, 2) : Rational(1), e23 = tangent ? D.exponent(1, 2) : Rational(1);
        auto add = [&](const std::string& name, Vec<Rational> c) {
            claim->add_constraint(nonneg_constraint<N>(info, name, OnLinearFace<N>{face, Rational(0), c}));
        };
        add("PsiDown13", {-D.ratio(0, 2) / 2, Rational(0), Rational(1)});
        add("PsiDown23", {Rational(0), -D.ratio(1, 2) / 2, Rational(1)});
        add("PsiUpLine13", {e13, Rational(0), Rational(-1)});
        add("PsiUpLine23", {Rational(0), e23, Rational(-1)});
    }
    keep(std::move(claim));
}

// ---- Xi (padding 0) --------------------------------------------------------------------------------------
struct XiFace {
    const EigenDataset* D;
    XiChart chart;
    int sign;  // +1: claim R > 0 (m > 0), -1: claim -R > 0 (m < 0)
    template <class T>
    T operator()(const T* x, const T*) const {
        return T(sign) * xi_point(*D, chart, x[0]).R;
    }
};
struct OnXiFace {
    const EigenDataset* D;
    XiChart chart;
    Rational c0;
    Vec<Rational> c;
    template <class T>
    T operator()(const T* x, const T*) const {
        const Vec<T> p = xi_point(*D, chart, x[0]).p;
        T s = c_<T>(c0);
        for (int k = 0; k < D->d; ++k) s = s + c_<T>(c[k]) * p[k];
        return s;
    }
};
void register_xi_sliced_d2(const EigenDataset& D) {
    const XiChart ch = xi_chart12(D);
    engine::ClaimInfo info;
    info.id = "chistikov.set-faces." + D.key + ".xi";
    info.reference = ref(D);
    info.statement = "Xi (padding 0) repels on its part of the boundary of S (" + D.name +
                     "): dG/dt > 0 on G = 0 in closure(S_2), normalised by |v - v*|";
    info.variables = {{"m", Endpoint::finite(-1), Endpoint::finite(0),
                       "v = v* + rho dir, dir = d0 + m H v* (d0 = (eta_2 nu_2*, -eta_1 nu_1*)), rho = -v*'H dir / dir'H dir"}};
    info.relation = engine::Relation::Greater;
    info.notes = "claim -R > 0 (dG/dt = -rho R / N, -rho < 0 for m < 0); m = 0 is v*, where the normalised derivative is "
                 "-R(v*) = N*^2 v*'H^2 d0 > 0. Constraints: closure of S_2 (p_1 >= 1, eta_2/(2 eta_1) <= p_2 <= 1)";
    auto claim = engine::make_claim<1>(info, XiFace{&D, ch, -1});
    claim->add_constraint(nonneg_constraint<1>(info, "Omega1", OnXiFace{&D, ch, Rational(-1), {Rational(1), Rational(0), Rational(0)}}));
    claim->add_constraint(nonneg_constraint<1>(info, "Phi2-lower", OnXiFace{&D, ch, -D.phi_lower(1), {Rational(0), Rational(1), Rational(0)}}));
    claim->add_constraint(nonneg_constraint<1>(info, "Phi2-upper", OnXiFace{&D, ch, Rational(1), {Rational(0), Rational(-1), Rational(0)}}));
    keep(std::move(claim));
}
void register_xi_unsliced(const EigenDataset& D) {
    const XiChart ch = xi_chart12(D);
    engine::ClaimInfo info;
    info.id = "chistikov.set-faces." + D.key + ".xi-unsliced";
    info.reference = ref(D);
    info.statement = "mutant: the whole ellipsoid G = 0 repels (" + D.name + "), on the arc m in [1/16, 1/4] through v*";
    info.variables = {{"m", Endpoint::finite(Rational(1, 16)), Endpoint::finite(Rational(1, 4)),
                       "v = v* + rho dir, dir = d0 + m H v* (d0 = (eta_2 nu_2*, -eta_1 nu_1*, 0))"}};
    info.relation = engine::Relation::Greater;
    info.expected = engine::Verdict::Refuted;
    info.notes = "the points have p_1 < 1 < p_2 (outside S): the paper's 'in general false for the entire boundary of Xi'";
    keep(engine::make_claim<1>(std::move(info), XiFace{&D, ch, +1}));
}

// ---- Xi as printed (padding c > 0): the face G = c N ---------------------------------------------------
// Rays from 0 in the rational unit direction omega(t) = ((1 - t^2), 2t)/(1 + t^2) meet G = c N at
// rho = (omega'H v* - c)/(omega'H omega) (v = rho omega, N = rho: exact rational points). Along the flow
// N^2 d(G/N)/dt = N dG/dt - 2 G^2 (dN/dt = 2G).
template <class T>
Vec<T> printed_xi_point(const EigenDataset& D, const Rational& pad, const T& t) {
    const T den = T(1) + t * t;
    const Vec<T> om{(T(1) - t * t) / den, T(2) * t / den, T(0)};
    T Hv = T(0), Hoo = T(0);
    for (int k = 0; k < 2; ++k) Hv = Hv + c_<T>(D.eta[k] * D.vstar[k]) * om[k], Hoo = Hoo + c_<T>(D.eta[k]) * om[k] * om[k];
    const T rho = (Hv - c_<T>(pad)) / Hoo;
    Vec<T> p{T(0), T(0), T(0)};
    for (int k = 0; k < 2; ++k) p[k] = rho * om[k] / c_<T>(D.vstar[k]);
    return p;
}
struct PrintedXiFace {
    const EigenDataset* D;
    Rational pad;
    template <class T>
    T operator()(const T* x, const T*) const {
        const Vec<T> p = printed_xi_point(*D, pad, x[0]);
        const T G = gain(*D, p);
        return scaled_gain_rate(*D, p) - T(2) * G * G;
    }
};
struct OnPrintedXiFace {
    const EigenDataset* D;
    Rational pad, c0;
    Vec<Rational> c;
    template <class T>
    T operator()(const T* x, const T*) const {
        const Vec<T> p = printed_xi_point(*D, pad, x[0]);
        T s = c_<T>(c0);
        for (int k = 0; k < 2; ++k) s = s + c_<T>(c[k]) * p[k];
        return s;
    }
};
void register_xi_printed_d2(const EigenDataset& D) {
    const Rational pad(1, 100);
    engine::ClaimInfo info;
    info.id = "chistikov.set-faces." + D.key + ".xi-printed";
    info.reference = ref(D);
    info.statement = "Xi as printed, padding lambda^(eps/3) = 1/100 (lambda = 1e-24 at eps = 1/4): d/dt(G/N) > 0 on G/N = 1/100 in closure(S_2) (" +
                     D.name + ")";
    info.variables = {{"t", Endpoint::finite(0), Endpoint::finite(1),
                       "direction omega = ((1-t^2), 2t)/(1+t^2) from 0; v = rho omega, rho = (omega'H v* - 1/100)/(omega'H omega)"}};
    info.relation = engine::Relation::Greater;
    info.expected = engine::Verdict::Refuted;
    info.notes = "f = N^2 d(G/N)/dt = N dG/dt - 2 G^2; constraints: closure of S_2 (p_1 >= 1, 1/8 <= p_2 <= 1); a point that moves "
                 "outwards exists because v^t -> v* and G(v*) = 0 < padding";
    auto claim = engine::make_claim<1>(info, PrintedXiFace{&D, pad});
    claim->add_constraint(nonneg_constraint<1>(info, "Omega1", OnPrintedXiFace{&D, pad, Rational(-1), {Rational(1), Rational(0), Rational(0)}}));
    claim->add_constraint(nonneg_constraint<1>(info, "Phi2-lower", OnPrintedXiFace{&D, pad, -D.phi_lower(1), {Rational(0), Rational(1), Rational(0)}}));
    claim->add_constraint(nonneg_constraint<1>(info, "Phi2-upper", OnPrintedXiFace{&D, pad, Rational(1), {Rational(0), Rational(-1), Rational(0)}}));
    keep(std::move(claim));
}

const bool registered = [] {
    for (const auto& D : invariant_set_datasets()) {
        for (int k = 0; k < D.d; ++k)
            for (int kp = k + 1; kp < D.d; ++kp) register_psi_up(D, k, kp);
        if (D.d == 2) {
            register_linear_psi_up<1>(D, true);
            register_linear_psi_up<1>(D, false);
            register_xi_sliced_d2(D);
            register_xi_printed_d2(D);
        } else {
            register_linear_psi_up<2>(D, true);
        }
        register_xi_unsliced(D);
    }
    return true;
}();

}  // namespace
}  // namespace relucert::chistikov
