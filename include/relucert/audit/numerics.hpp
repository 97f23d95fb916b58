// Numerical tools of the audit (audit.hpp): small dense vectors on any scalar, exact high-precision
// points, central finite differences with Richardson extrapolation in MPFR, sample moments for Monte
// Carlo, composite Simpson quadrature. None of this is part of a proof: the audit uses these to check a
// paper's printed closed forms independently of the paper's derivation.
#pragma once

#include <cmath>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "relucert/mp_interval.hpp"
#include "relucert/trainer/rng.hpp"

namespace relucert::audit {

inline constexpr mpfr_prec_t kAuditPrec = 256;

template <class T>
using Vec = std::vector<T>;

// An exact point at 256 bits (MpInterval(double) alone would be 53 bits, and x + h would round).
inline MpInterval mp(double x) { return MpInterval(x, kAuditPrec); }
inline Vec<MpInterval> mp(const Vec<double>& x) {
    Vec<MpInterval> r;
    r.reserve(x.size());
    for (double v : x) r.push_back(mp(v));
    return r;
}
// The midpoint of an enclosure as a double (for reporting and for double-precision follow-up work).
inline double mid_double(const MpInterval& x) { return 0.5 * (x.lower_double_down() + x.upper_double_up()); }
inline double mid_double(double x) { return x; }

template <class T>
T vdot(const Vec<T>& a, const Vec<T>& b) {
    T s = T(0);
    for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
    return s;
}
template <class T>
T vnorm(const Vec<T>& a) {
    using std::sqrt;
    return sqrt(vdot(a, a));
}
template <class T>
Vec<T> vadd(const Vec<T>& a, const Vec<T>& b) {
    Vec<T> r(a);
    for (std::size_t i = 0; i < a.size(); ++i) r[i] += b[i];
    return r;
}
template <class T>
Vec<T> vsub(const Vec<T>& a, const Vec<T>& b) {
    Vec<T> r(a);
    for (std::size_t i = 0; i < a.size(); ++i) r[i] -= b[i];
    return r;
}
template <class T, class S>
Vec<T> vscale(const S& s, const Vec<T>& a) {
    Vec<T> r(a);
    for (auto& x : r) x = T(s * x);
    return r;
}
// a + s b
template <class T, class S>
Vec<T> vaxpy(const Vec<T>& a, const S& s, const Vec<T>& b) {
    Vec<T> r(a);
    for (std::size_t i = 0; i < a.size(); ++i) r[i] += s * b[i];
    return r;
}
template <class T>
Vec<T> unit(const Vec<T>& a) {
    const T n = vnorm(a);
    Vec<T> r(a);
    for (auto& x : r) x = x / n;
    return r;
}
// Row i of a row-major rows x cols matrix.
template <class T>
Vec<T> row(const Vec<T>& M, std::size_t i, std::size_t cols) {
    return Vec<T>(M.begin() + static_cast<std::ptrdiff_t>(i * cols), M.begin() + static_cast<std::ptrdiff_t>((i + 1) * cols));
}
// Largest |x_i| (as a double, from the enclosures' midpoints).
template <class T>
double max_abs(const Vec<T>& a) {
    double m = 0;
    for (const auto& x : a) m = std::max(m, std::fabs(mid_double(x)));
    return m;
}

// Random vectors (double, so that they are exact points at any precision).
Vec<double> random_normal_vector(trainer::Rng& rng, std::size_t d, double scale = 1.0);
// A random vector with norm uniform in [lo, hi].
Vec<double> random_vector_with_norm(trainer::Rng& rng, std::size_t d, double lo, double hi);
std::string format_vector(const Vec<double>& v, int digits = 4);
std::string format_vector(const Vec<MpInterval>& v, int digits = 4);

// Central differences of a vector-valued function F: R^n -> R^m along coordinate j, at step h and h/2,
// Richardson-extrapolated: D = (4 D(h/2) - D(h)) / 3, whose error is O(h^4) for smooth F (the h^2
// terms cancel). Evaluated in MpInterval at 256 bits, so rounding contributes ~1e-70 / h and the
// discrepancy against a closed form is the truncation error alone. `plain` skips the extrapolation
// (for functions that are only C^2 at the point, where the error is O(h) and Richardson does not apply).
using VectorFunction = std::function<Vec<MpInterval>(const Vec<MpInterval>&)>;
Vec<MpInterval> central_difference(const VectorFunction& F, const Vec<MpInterval>& x, std::size_t j, double h,
                                   bool plain = false);
// The Jacobian, column j = d F / d x_j; returned row-major m x n.
Vec<MpInterval> jacobian_fd(const VectorFunction& F, const Vec<MpInterval>& x, double h, bool plain = false);

// Sample means and standard errors of m components (Welford's update per component).
class MomentAccumulator {
public:
    explicit MomentAccumulator(std::size_t m) : mean_(m, 0.0), m2_(m, 0.0) {}
    void add(const double* sample);
    std::size_t count() const { return n_; }
    const Vec<double>& means() const { return mean_; }
    Vec<double> standard_errors() const;

private:
    std::size_t n_ = 0;
    Vec<double> mean_, m2_;
};

// Composite Simpson's rule on [a, b] with n (even) intervals, in double.
double simpson(const std::function<double(double)>& f, double a, double b, std::size_t n);

}  // namespace relucert::audit
