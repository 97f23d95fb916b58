// Closed-form population squared loss (and gradient) of a one-hidden-layer ReLU network, x ~ N(0, I_d).
//
// Setting (general form of the "linear functions" paper, Appendix A.1 eq. (6) and A.2 eq. (8)): K ReLU
// units u_1..u_K in R^d with output vectors c_1..c_K in R^r, and a linear part A in R^{r x d},
//
//   L = 1/2 E || sum_m c_m relu(u_m' x) - A x ||^2
//     = 1/2 sum_{i,j} <c_i, c_j> f(u_i, u_j)  -  1/2 sum_i c_i' A u_i  +  1/2 tr(A A'),        (*)
//
// with f the arc-cosine kernel (arc_cosine_kernel.hpp) and E[relu(u'x) x] = u/2 (Stein's lemma, step (b)-(c)
// of eq. (6)). The student's k hidden units come first (c_i = V_i, the i-th row of the outer layer); a
// ReLU teacher y = sum_l t_l relu(z_l' x) enters as further units u = z_l with c = -t_l; a linear
// teacher y = A x is the A term; A = 0 and a ReLU teacher gives the single-neuron problems.
//
// Gradient in a student unit w_i = u_i (i < k), from eq. (7) and the symmetry of f:
//   grad_{w_i} L = sum_j <c_i,c_j> g(w_i, u_j) - 1/2 A' c_i  =  sum_j C_ij u_j - s_i A' c_i,
//   C_ij = <c_i,c_j> (pi - t_ij) / (2 pi)                          (j != i)
//   C_ii = <c_i,c_i> / 2 + (1 / (2 pi |w_i|)) sum_{j != i} <c_i,c_j> |u_j| sin t_ij,     s_i = 1/2,
// which for r = 1 is eq. (8) row by row. At w_i = 0 the loss is not differentiable; with the ReLU
// derivative convention c0 = relu'(0), differentiating under E gives c0 E[x c_i' r(x)], i.e.
//   C_ij = c0 <c_i,c_j> / 2 (j != i),  C_ii = 0,  s_i = c0.
// Gradient in an output vector: dL/dc_i = sum_j f(u_i,u_j) c_j - 1/2 A u_i.
//
// The functions below take the Gram-type data of the units (norms, pairwise angles, <c_i,c_j>, c_i'A u_i)
// so that the caller chooses how to compute angles (the double trainer uses Kahan's accurate formula
// from the vectors; the certifier encloses them), and so that nothing here allocates. All K x K and
// k x K arrays are column-major (entry (i, j) at i + rows * j), matching Eigen's default.
#pragma once

#include <cstddef>
#include <span>
#include <stdexcept>
#include <vector>

#include "relucert/models/arc_cosine_kernel.hpp"

namespace relucert::models {

template <class T>
struct PopulationGeometry {
    std::size_t units = 0;            // K
    std::span<const T> norms;         // K: |u_m|
    std::span<const T> angles;        // K*K: angle(u_i, u_j); read only for i != j with both norms != 0
    std::span<const T> output_gram;   // K*K: <c_i, c_j>
    std::span<const T> linear_terms;  // K: c_i' A u_i
    T target_energy = T(0);           // tr(A A') = |A|_F^2

    void check() const {
        const std::size_t K = units;
        if (norms.size() != K || angles.size() != K * K || output_gram.size() != K * K || linear_terms.size() != K)
            throw std::invalid_argument("PopulationGeometry: array sizes do not match the number of units");
    }
};

// F_ij = f(u_i, u_j) (K x K, symmetric). F_ii = |u_i|^2 / 2 exactly (t_ii = 0).
template <class T>
void population_kernel_matrix(const PopulationGeometry<T>& g, std::span<T> F) {
    g.check();
    const std::size_t K = g.units;
    if (F.size() != K * K) throw std::invalid_argument("population_kernel_matrix: F has the wrong size");
    for (std::size_t j = 0; j < K; ++j) {
        F[j + K * j] = g.norms[j] * g.norms[j] / T(2);
        for (std::size_t i = 0; i < j; ++i) {
            T fij = T(0);
            if (!detail::is_exact_zero(g.norms[i]) && !detail::is_exact_zero(g.norms[j]))
                fij = arc_cosine_kernel(g.norms[i], g.norms[j], g.angles[i + K * j]);
            F[i + K * j] = fij;
            F[j + K * i] = fij;
        }
    }
}

// L from (*). Written as 1/2 sum_ij Gamma_ij F_ij - 1/2 sum_i lin_i + 1/2 tr(AA'), the kernel part
// evaluated on the fly (no workspace).
template <class T>
T population_loss(const PopulationGeometry<T>& g) {
    g.check();
    const std::size_t K = g.units;
    T quad = T(0);
    for (std::size_t i = 0; i < K; ++i) {
        quad += g.output_gram[i + K * i] * g.norms[i] * g.norms[i] / T(2);
        for (std::size_t j = i + 1; j < K; ++j) {
            if (detail::is_exact_zero(g.norms[i]) || detail::is_exact_zero(g.norms[j])) continue;
            quad += T(2) * g.output_gram[i + K * j] * arc_cosine_kernel(g.norms[i], g.norms[j], g.angles[i + K * j]);
        }
    }
    T lin = T(0);
    for (std::size_t i = 0; i < K; ++i) lin += g.linear_terms[i];
    return (quad - lin + g.target_energy) / T(2);
}

// The coefficients of grad_W L = C U - diag(s) V A for the first k units (the student): C is k x K,
// s has k entries. relu_derivative_at_zero is the convention used for a student unit that is exactly 0.
template <class T>
void population_gradient_coefficients(const PopulationGeometry<T>& g, std::size_t k, const T& relu_derivative_at_zero,
                                      std::span<T> C, std::span<T> s) {
    g.check();
    const std::size_t K = g.units;
    if (k > K || C.size() != k * K || s.size() != k)
        throw std::invalid_argument("population_gradient_coefficients: wrong output sizes");
    const T two_pi = T(2) * pi<T>();
    for (std::size_t i = 0; i < k; ++i) {
        const bool zero_i = detail::is_exact_zero(g.norms[i]);
        T diag = zero_i ? T(0) : g.output_gram[i + K * i] / T(2);
        T sin_sum = T(0);
        for (std::size_t j = 0; j < K; ++j) {
            if (j == i) continue;
            const T gamma = g.output_gram[i + K * j];
            if (zero_i) {
                C[i + k * j] = relu_derivative_at_zero * gamma / T(2);
            } else if (detail::is_exact_zero(g.norms[j])) {
                C[i + k * j] = T(0);  // the term multiplies u_j = 0
            } else {
                using std::sin;
                const T t = g.angles[i + K * j];
                C[i + k * j] = gamma * (pi<T>() - t) / two_pi;
                sin_sum += gamma * g.norms[j] * sin(t);
            }
        }
        if (!zero_i) diag += sin_sum / (two_pi * g.norms[i]);
        C[i + k * i] = diag;
        s[i] = zero_i ? relu_derivative_at_zero : T(1) / T(2);
    }
}

// ---- the linear paper's r = 1 forms on plain arrays (eq. (6) and (8)) -----------------------------
// W is k x d row-major (row i = w_i), v has k entries, a has d entries: L(W) = 1/2 E[(v'relu(Wx) - a'x)^2].
// These allocate small work arrays; they are meant for claims and tests, not for inner loops.
namespace detail {
template <class T>
struct LinearR1Geometry {
    std::vector<T> norms, angles, gram, lin;
    T energy;
    PopulationGeometry<T> view() const { return {norms.size(), norms, angles, gram, lin, energy}; }
};
template <class T>
LinearR1Geometry<T> linear_r1_geometry(std::size_t k, std::size_t d, std::span<const T> W, std::span<const T> v,
                                       std::span<const T> a) {
    using std::sqrt;
    if (W.size() != k * d || v.size() != k || a.size() != d)
        throw std::invalid_argument("linear population loss: W must be k x d, v of size k, a of size d");
    LinearR1Geometry<T> g;
    g.norms.resize(k);
    g.angles.assign(k * k, T(0));
    g.gram.resize(k * k);
    g.lin.resize(k);
    auto row = [&](std::size_t i) { return W.subspan(i * d, d); };
    for (std::size_t i = 0; i < k; ++i) g.norms[i] = sqrt(dot(row(i), row(i)));
    for (std::size_t i = 0; i < k; ++i) {
        g.lin[i] = v[i] * dot(a, row(i));
        for (std::size_t j = 0; j < k; ++j) {
            g.gram[i + k * j] = v[i] * v[j];
            if (i != j && !is_exact_zero(g.norms[i]) && !is_exact_zero(g.norms[j]))
                g.angles[i + k * j] = angle_from_cosine(T(dot(row(i), row(j)) / (g.norms[i] * g.norms[j])));
        }
    }
    g.energy = dot(a, a);
    return g;
}
}  // namespace detail

template <class T>
T linear_population_loss(std::size_t k, std::size_t d, std::span<const T> W, std::span<const T> v,
                         std::span<const T> a) {
    const auto g = detail::linear_r1_geometry(k, d, W, v, a);
    return population_loss(g.view());
}

// grad (k x d row-major) of linear_population_loss: eq. (8), with relu'(0) convention for zero rows.
template <class T>
void linear_population_gradient(std::size_t k, std::size_t d, std::span<const T> W, std::span<const T> v,
                                std::span<const T> a, std::span<T> grad, const T& relu_derivative_at_zero) {
    if (grad.size() != k * d) throw std::invalid_argument("linear_population_gradient: grad must be k x d");
    const auto g = detail::linear_r1_geometry(k, d, W, v, a);
    std::vector<T> C(k * k), s(k);
    population_gradient_coefficients(g.view(), k, relu_derivative_at_zero, std::span<T>(C), std::span<T>(s));
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t c = 0; c < d; ++c) {
            T acc = -s[i] * v[i] * a[c];
            for (std::size_t j = 0; j < k; ++j) acc += C[i + k * j] * W[j * d + c];
            grad[i * d + c] = acc;
        }
}

}  // namespace relucert::models
