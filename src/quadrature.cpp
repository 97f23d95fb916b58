// Gaussian tail moments for quadrature.hpp's integrate_gaussian.
#include "relucert/quadrature.hpp"

#include <stdexcept>

namespace relucert::quadrature {

// M_n(T) = int_T^inf t^n phi(t) dt. M_0 = Q(T) = Phi(-T); M_1 = phi(T) (phi' = -t phi);
// M_n = T^{n-1} phi(T) + (n-1) M_{n-2}: integrate t^{n-1} * (t phi) by parts, t^{n-1} phi(t) -> 0.
Interval gaussian_tail_moment(int n, const Interval& T) {
    if (n < 0) throw std::invalid_argument("gaussian_tail_moment: n >= 0");
    if (T.lo() < 0) throw std::invalid_argument("gaussian_tail_moment: needs T >= 0");
    const Interval ph = gaussian_pdf(T);
    Interval m_prev = gaussian_cdf(-T);  // M_0
    if (n == 0) return m_prev;
    Interval m = ph;  // M_1
    for (int k = 2; k <= n; ++k) {
        const Interval next = pow(T, k - 1) * ph + Interval(k - 1) * m_prev;
        m_prev = m;
        m = next;
    }
    return m;
}

Interval gaussian_tail_bound(const PolynomialBound& g, const Interval& T) {
    if (T.lo() < g.t_min) throw std::invalid_argument("gaussian_tail_bound: T below the bound's t_min");
    Interval s(0);
    for (std::size_t n = 0; n < g.coeffs.size(); ++n) {
        if (g.coeffs[n].lo() < 0) throw std::invalid_argument("gaussian_tail_bound: coefficients must be >= 0");
        s += g.coeffs[n] * gaussian_tail_moment(static_cast<int>(n), T);
    }
    return s;
}

}  // namespace relucert::quadrature
