// Shared pieces of the "linear functions" paper's audit (certify/audit/linear_*.cpp): transcriptions of
// the printed closed forms (templated on the scalar, so they run on MpInterval at 256 bits and on
// double), the definitions they are checked against, and random test points.
//
// Every function named *_printed transcribes the paper's display literally (with its line number);
// functions without the suffix are what the definitions give. Nothing here depends on the
// certification code under certify/linear/: the audit is an independent check.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <type_traits>
#include <vector>

#include "audit/sampling.hpp"
#include "relucert/audit/audit.hpp"
#include "relucert/audit/numerics.hpp"
#include "relucert/scalar.hpp"
#include "relucert/trainer/rng.hpp"

namespace relucert::audit::linear {

using M = MpInterval;

// The sample sizes, finite-difference constants and per-item random streams every paper's audit uses
// (audit/sampling.hpp), also reachable as linear::*.
using audit::fd_points;
using audit::item_rng;
using audit::kFdMethod;
using audit::kFdStep;
using audit::kFdTolerance;
using audit::kRewriteMethod;
using audit::mc_method;
using audit::mc_samples;
using audit::rewrite_points;

// ---- geometry -----------------------------------------------------------------------------------

// The angle between a and b, acos(a'b / (|a||b|)) (for doubles clamped to [-1, 1]).
template <class T>
T angle(const Vec<T>& a, const Vec<T>& b) {
    using std::acos;
    using std::sqrt;
    T c = vdot(a, b) / (vnorm(a) * vnorm(b));
    if constexpr (std::is_floating_point_v<T>) c = std::max(-1.0, std::min(1.0, c));
    return acos(c);
}

// Theta = [theta_ij] of the rows of W (k x d row-major), with theta_ii = 0 exactly.
template <class T>
Vec<T> angle_matrix(const Vec<T>& W, std::size_t k, std::size_t d) {
    Vec<T> Th(k * k, T(0));
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j)
            if (i != j) Th[i * k + j] = angle(row(W, i, d), row(W, j, d));
    return Th;
}

// A random network: k rows of W in R^d with norms in [0.5, 2] and pairwise |cos| <= cos_max; outer
// vectors V (k x r) and A (r x d) normal.
struct Net {
    std::size_t k = 0, d = 0, r = 0;
    Vec<double> W, V, A;
    std::string describe() const {
        return "W=" + format_vector(W, 3) + " V=" + format_vector(V, 3) + " A=" + format_vector(A, 3);
    }
};
Net random_net(trainer::Rng& rng, std::size_t k, std::size_t d, std::size_t r, double cos_max = 0.99);

// ---- printed closed forms (App. A.1-A.2) -----------------------------------------------------------

// (5): f(a, b) = |a||b| (sin t + (pi - t) cos t) / (2 pi).
template <class T>
T kernel_printed(const Vec<T>& a, const Vec<T>& b) {
    using std::cos;
    using std::sin;
    const T t = angle(a, b);
    return vnorm(a) * vnorm(b) * (sin(t) + (pi<T>() - t) * cos(t)) / (T(2) * pi<T>());
}

// (7), first form: g(a, b) = (|b| sin t a-bar + (pi - t) b) / (2 pi).
template <class T>
Vec<T> kernel_gradient_printed_first(const Vec<T>& a, const Vec<T>& b) {
    using std::sin;
    const T t = angle(a, b);
    const Vec<T> ab = unit(a);
    Vec<T> g(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) g[i] = (vnorm(b) * sin(t) * ab[i] + (pi<T>() - t) * b[i]) / (T(2) * pi<T>());
    return g;
}
// (7), second form: g(a, b) = |b|/(2 pi) (sin t a-bar + (pi - t) b-bar).
template <class T>
Vec<T> kernel_gradient_printed_second(const Vec<T>& a, const Vec<T>& b) {
    using std::sin;
    const T t = angle(a, b);
    const Vec<T> ab = unit(a), bb = unit(b);
    Vec<T> g(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) g[i] = vnorm(b) / (T(2) * pi<T>()) * (sin(t) * ab[i] + (pi<T>() - t) * bb[i]);
    return g;
}

// (6), last line: L = 1/(4 pi) sum_ij <v_i, v_j> |w_i||w_j| (sin t_ij + (pi - t_ij) cos t_ij)
//                     - 1/2 sum_i v_i' A w_i + 1/2 tr(A A').
// W: k x d, V: k x r (row i = v_i), A: r x d, all row-major.
template <class T>
T loss_printed(std::size_t k, std::size_t d, std::size_t r, const Vec<T>& W, const Vec<T>& V, const Vec<T>& A) {
    using std::cos;
    using std::sin;
    const Vec<T> Th = angle_matrix(W, k, d);
    T quad = T(0), lin = T(0), energy = T(0);
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            const T t = Th[i * k + j];
            quad += vdot(row(V, i, r), row(V, j, r)) * vnorm(row(W, i, d)) * vnorm(row(W, j, d)) *
                    (sin(t) + (pi<T>() - t) * cos(t));
        }
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t o = 0; o < r; ++o)
            for (std::size_t c = 0; c < d; ++c) lin += V[i * r + o] * A[o * d + c] * W[i * d + c];
    for (const auto& x : A) energy += x * x;
    return quad / (T(4) * pi<T>()) - lin / T(2) + energy / T(2);
}

// A.2, third line: grad_{w_i} L = 1/(2 pi) sum_j <v_i,v_j> |w_j| (sin t_ij wb_i + (pi - t_ij) wb_j)
//                                 - 1/2 A' v_i.   Returned k x d row-major.
template <class T>
Vec<T> gradient_printed(std::size_t k, std::size_t d, std::size_t r, const Vec<T>& W, const Vec<T>& V, const Vec<T>& A) {
    using std::sin;
    const Vec<T> Th = angle_matrix(W, k, d);
    Vec<T> G(k * d, T(0));
    for (std::size_t i = 0; i < k; ++i) {
        const Vec<T> ui = unit(row(W, i, d));
        for (std::size_t j = 0; j < k; ++j) {
            const Vec<T> uj = unit(row(W, j, d));
            const T t = Th[i * k + j];
            const T c = vdot(row(V, i, r), row(V, j, r)) * vnorm(row(W, j, d)) / (T(2) * pi<T>());
            for (std::size_t c2 = 0; c2 < d; ++c2) G[i * d + c2] += c * (sin(t) * ui[c2] + (pi<T>() - t) * uj[c2]);
        }
        for (std::size_t c2 = 0; c2 < d; ++c2) {
            T atv = T(0);
            for (std::size_t o = 0; o < r; ++o) atv += A[o * d + c2] * V[i * r + o];
            G[i * d + c2] -= atv / T(2);
        }
    }
    return G;
}

// k = 2, v = [1, -1], a in R^d (E.1.3 l. 890-895; A.4 l. 651-652):
//   grad_{w1} L = -a/2 + (pi w1 - sin t |w2| wb1 - (pi - t) w2) / (2 pi)
//   grad_{w2} L =  a/2 - ((pi - t) w1 + sin t |w1| wb2 - pi w2) / (2 pi)
template <class T>
void gradient_k2_printed(const Vec<T>& w1, const Vec<T>& w2, const Vec<T>& a, Vec<T>& g1, Vec<T>& g2) {
    using std::sin;
    const T t = angle(w1, w2);
    const T tp = T(2) * pi<T>();
    const Vec<T> u1 = unit(w1), u2 = unit(w2);
    const std::size_t d = w1.size();
    g1.assign(d, T(0));
    g2.assign(d, T(0));
    for (std::size_t c = 0; c < d; ++c) {
        g1[c] = -a[c] / T(2) + (pi<T>() * w1[c] - sin(t) * vnorm(w2) * u1[c] - (pi<T>() - t) * w2[c]) / tp;
        g2[c] = a[c] / T(2) - ((pi<T>() - t) * w1[c] + sin(t) * vnorm(w1) * u2[c] - pi<T>() * w2[c]) / tp;
    }
}

// <W - W*, grad L(W)> - alpha |W - W*|^2 from the gradient (the definition of h, eq. (3)).
template <class T>
T h_from_definition(const Vec<T>& w1, const Vec<T>& w2, const Vec<T>& a, const T& alpha) {
    Vec<T> g1, g2;
    gradient_k2_printed(w1, w2, a, g1, g2);
    const Vec<T> e1 = vsub(w1, a), e2 = vadd(w2, a);
    return vdot(e1, g1) + vdot(e2, g2) - alpha * (vdot(e1, e1) + vdot(e2, e2));
}

}  // namespace relucert::audit::linear
