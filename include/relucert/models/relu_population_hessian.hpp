// Blocks of the population Hessian of L(W) = 1/2 E[(v' relu(W x) - a'x)^2], x ~ N(0, I_d), r = 1
// ("linear functions" paper, App. A.3 eq. (9)). With P_l = I - wb_l wb_l' (wb = w/|w|), t_li the angle
// between w_l and w_i:
//
//   d^2 L / dw_l dw_l = v_l^2/2 I + v_l/(2 pi |w_l|) sum_{i != l} v_i |w_i| sin t_li
//                                     ( P_l + P_l wb_i wb_i' P_l / |P_l wb_i|^2 )
//   d^2 L / dw_l dw_m = v_l v_m/(2 pi) ( wb_l u_ml' + wb_m u_lm' + (pi - t_lm) I ),   l != m,
//
// where u_ml = P_l w_m / |P_l w_m| is the unit vector of w_m's component orthogonal to w_l (the paper's
// "w-bar_{m, l-perp}"). The sum may include i = l in the paper's notation; that term is 0 (sin 0 = 0,
// and the fraction is 0/0), so it is skipped. Both formulas need t_li in (0, pi) for the terms that
// appear (the rank-one parts are 0/0 at t = 0 or pi). The first block is the Hessian of E[r(x) ...]
// plus E[grad f grad f']_ll = v_l^2/2 I; the residual part is v_l/(2 pi |w_l|) sum(...) (A.3.2).
// Blocks are written row-major (d x d). The audit (certify/audit/) checks them against finite
// differences of the gradient; this header is the form the definitions give, not a transcription of
// the printed l. 643 (which has P_{w_i-perp} inside, and is wrong: see the audit).
#pragma once

#include <cstddef>
#include <span>
#include <stdexcept>
#include <vector>

#include "relucert/models/arc_cosine_kernel.hpp"

namespace relucert::models {

namespace detail {
template <class T>
std::vector<T> unit_row(std::span<const T> W, std::size_t i, std::size_t d) {
    using std::sqrt;
    const auto r = W.subspan(i * d, d);
    const T n = sqrt(dot(r, r));
    std::vector<T> u(d);
    for (std::size_t c = 0; c < d; ++c) u[c] = r[c] / n;
    return u;
}
}  // namespace detail

// The residual part of the diagonal block, E[r(x) d^2 f / dw_l^2] (A.3.2, with P_l throughout).
template <class T>
void population_hessian_residual_block(std::size_t k, std::size_t d, std::span<const T> W, std::span<const T> v,
                                       std::size_t l, std::span<T> out) {
    using std::sin;
    using std::sqrt;
    if (W.size() != k * d || v.size() != k || out.size() != d * d || l >= k)
        throw std::invalid_argument("population_hessian_residual_block: bad sizes");
    for (auto& o : out) o = T(0);
    const auto ul = detail::unit_row(W, l, d);
    const T nl = sqrt(detail::dot(W.subspan(l * d, d), W.subspan(l * d, d)));
    const T two_pi = T(2) * pi<T>();
    for (std::size_t i = 0; i < k; ++i) {
        if (i == l) continue;
        const auto ui = detail::unit_row(W, i, d);
        const T ni = sqrt(detail::dot(W.subspan(i * d, d), W.subspan(i * d, d)));
        const T c = detail::dot(std::span<const T>(ul), std::span<const T>(ui));
        const T t = angle_from_cosine(c);
        const T st = sin(t);
        // P_l ui = ui - c ul, |P_l ui|^2 = 1 - c^2 = sin^2 t
        std::vector<T> pu(d);
        for (std::size_t a = 0; a < d; ++a) pu[a] = ui[a] - c * ul[a];
        const T pn2 = detail::dot(std::span<const T>(pu), std::span<const T>(pu));
        const T coef = v[l] * v[i] * ni * st / (two_pi * nl);
        for (std::size_t a = 0; a < d; ++a)
            for (std::size_t b = 0; b < d; ++b) {
                const T P = (a == b ? T(1) : T(0)) - ul[a] * ul[b];
                out[a * d + b] += coef * (P + pu[a] * pu[b] / pn2);
            }
    }
}

// The (l, m) block of eq. (9).
template <class T>
void population_hessian_block(std::size_t k, std::size_t d, std::span<const T> W, std::span<const T> v,
                              std::size_t l, std::size_t m, std::span<T> out) {
    if (W.size() != k * d || v.size() != k || out.size() != d * d || l >= k || m >= k)
        throw std::invalid_argument("population_hessian_block: bad sizes");
    if (l == m) {
        population_hessian_residual_block(k, d, W, v, l, out);
        for (std::size_t a = 0; a < d; ++a) out[a * d + a] += v[l] * v[l] / T(2);
        return;
    }
    using std::sqrt;
    const auto ul = detail::unit_row(W, l, d), um = detail::unit_row(W, m, d);
    const T c = detail::dot(std::span<const T>(ul), std::span<const T>(um));
    const T t = angle_from_cosine(c);
    std::vector<T> uml(d), ulm(d);  // P_l um / |.|, P_m ul / |.|
    for (std::size_t a = 0; a < d; ++a) {
        uml[a] = um[a] - c * ul[a];
        ulm[a] = ul[a] - c * um[a];
    }
    const T n1 = sqrt(detail::dot(std::span<const T>(uml), std::span<const T>(uml)));
    const T n2 = sqrt(detail::dot(std::span<const T>(ulm), std::span<const T>(ulm)));
    const T coef = v[l] * v[m] / (T(2) * pi<T>());
    for (std::size_t a = 0; a < d; ++a)
        for (std::size_t b = 0; b < d; ++b)
            out[a * d + b] = coef * (ul[a] * uml[b] / n1 + um[a] * ulm[b] / n2 + (a == b ? pi<T>() - t : T(0)));
}

}  // namespace relucert::models
