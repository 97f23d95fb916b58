// The arc-cosine kernel of degree 1 and its gradient: the Gaussian second moments of two ReLU units.
//
//   f(a, b) = E_{x ~ N(0, I_d)} [ (a'x)_+ (b'x)_+ ] = |a| |b| ( sin t + (pi - t) cos t ) / (2 pi),
//   t = angle(a, b) = acos( a'b / (|a| |b|) )  in [0, pi]
//
// ("linear functions" paper, Appendix A.1 eq. (5), citing Daniely et al. 2016, Table 1; also Cho & Saul
// 2009). Its gradient in the first argument, for a != 0 (Appendix A.2 eq. (7)):
//
//   g(a, b) = d f / d a = ( |b| sin t * a/|a| + (pi - t) b ) / (2 pi).
//
// At a = 0, f(., b) is positively homogeneous but not differentiable: the directional derivative in
// direction u is f(u, b), which is not linear in u. Any gradient-based method must pick a value of the
// ReLU derivative at 0, c = relu'(0); differentiating under the expectation then gives
//   d f / d a |_{a=0} := E[ c x (b'x)_+ ] = c b / 2,
// which for c = 1/2 is the limit of the (pi - t) b / (2 pi) part at t = pi/2. Callers pass c
// explicitly (see relucert::trainer::ReluConvention).
//
// Everything is templated on the scalar T (double for the trainer, Interval / MpInterval for the
// certifier): constants come from relucert::pi<T>(), elementary functions by argument-dependent
// lookup. For Interval arguments the caller must guarantee |a|, |b| > 0 on the whole box, since the
// formulas divide by the norms; a norm that is exactly the point 0 takes the a = 0 branch.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <stdexcept>

#include "relucert/scalar.hpp"

namespace relucert::models {

// acos of a cosine. For double the argument is clamped to [-1, 1] first (a rounded a'b/(|a||b|) can
// leave it by an ulp); interval types use acos's set-based semantics (image of X n [-1, 1]).
template <class T>
T angle_from_cosine(const T& c) {
    using std::acos;
    return acos(c);
}
inline double angle_from_cosine(double c) { return std::acos(std::clamp(c, -1.0, 1.0)); }

// The angular factor h(t) = sin t + (pi - t) cos t, so that f = |a||b| h(t) / (2 pi).
// h is decreasing on [0, pi] from h(0) = pi to h(pi) = 0.
template <class T>
T arc_cosine_angular(const T& theta) {
    using std::cos;
    using std::sin;
    return sin(theta) + (pi<T>() - theta) * cos(theta);
}

// f(a, b) from the norms and the angle (eq. (5)).
template <class T>
T arc_cosine_kernel(const T& norm_a, const T& norm_b, const T& theta) {
    return norm_a * norm_b * arc_cosine_angular(theta) / (T(2) * pi<T>());
}

// The two coefficients of g(a, b) = alpha * a/|a| + beta * b/|b| (eq. (7), second form):
//   alpha = |b| sin t / (2 pi),   beta = |b| (pi - t) / (2 pi).
template <class T>
struct KernelGradientCoefficients {
    T along_unit_a;
    T along_unit_b;
};
template <class T>
KernelGradientCoefficients<T> arc_cosine_kernel_gradient_coefficients(const T& norm_b, const T& theta) {
    using std::sin;
    const T two_pi = T(2) * pi<T>();
    return {norm_b * sin(theta) / two_pi, norm_b * (pi<T>() - theta) / two_pi};
}

namespace detail {
template <class T>
T dot(std::span<const T> a, std::span<const T> b) {
    T s = T(0);
    for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
    return s;
}
template <class T>
bool is_exact_zero(const T& x) {
    return x == T(0);
}
}  // namespace detail

// f(a, b) for vectors (eq. (5)); f = 0 when either vector is 0.
template <class T>
T arc_cosine_kernel(std::span<const T> a, std::span<const T> b) {
    using std::sqrt;
    if (a.size() != b.size()) throw std::invalid_argument("arc_cosine_kernel: vectors of different dimension");
    const T aa = detail::dot(a, a), bb = detail::dot(b, b);
    if (detail::is_exact_zero(aa) || detail::is_exact_zero(bb)) return T(0);
    const T na = sqrt(aa), nb = sqrt(bb);
    const T theta = angle_from_cosine(T(detail::dot(a, b) / (na * nb)));
    return arc_cosine_kernel(na, nb, theta);
}

// g(a, b) = d f(a, b) / d a written into out (eq. (7)); at a = 0 the convention c = relu'(0) gives
// c b / 2 (see the header comment); at b = 0 it is 0.
template <class T>
void arc_cosine_kernel_gradient(std::span<const T> a, std::span<const T> b, std::span<T> out,
                                const T& relu_derivative_at_zero) {
    using std::sqrt;
    if (a.size() != b.size() || out.size() != a.size())
        throw std::invalid_argument("arc_cosine_kernel_gradient: vectors of different dimension");
    const T aa = detail::dot(a, a), bb = detail::dot(b, b);
    if (detail::is_exact_zero(bb)) {
        for (auto& o : out) o = T(0);
        return;
    }
    if (detail::is_exact_zero(aa)) {
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = relu_derivative_at_zero * b[i] / T(2);
        return;
    }
    const T na = sqrt(aa), nb = sqrt(bb);
    const T theta = angle_from_cosine(T(detail::dot(a, b) / (na * nb)));
    const auto c = arc_cosine_kernel_gradient_coefficients(nb, theta);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = c.along_unit_a * (a[i] / na) + c.along_unit_b * (b[i] / nb);
}

}  // namespace relucert::models
