#include "relucert/audit/numerics.hpp"

#include <cstdio>
#include <stdexcept>

namespace relucert::audit {

Vec<double> random_normal_vector(trainer::Rng& rng, std::size_t d, double scale) {
    Vec<double> v(d);
    for (auto& x : v) x = scale * rng.normal();
    return v;
}

Vec<double> random_vector_with_norm(trainer::Rng& rng, std::size_t d, double lo, double hi) {
    Vec<double> v;
    double n = 0;
    do {
        v = random_normal_vector(rng, d);
        n = std::sqrt(vdot(v, v));
    } while (n < 1e-3);
    const double target = rng.uniform(lo, hi);
    for (auto& x : v) x *= target / n;
    return v;
}

std::string format_vector(const Vec<double>& v, int digits) {
    std::string s = "(";
    char buf[64];
    for (std::size_t i = 0; i < v.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%s%.*g", i ? ", " : "", digits, v[i]);
        s += buf;
    }
    return s + ")";
}
std::string format_vector(const Vec<MpInterval>& v, int digits) {
    Vec<double> m;
    for (const auto& x : v) m.push_back(mid_double(x));
    return format_vector(m, digits);
}

Vec<MpInterval> central_difference(const VectorFunction& F, const Vec<MpInterval>& x, std::size_t j, double h,
                                   bool plain) {
    auto D = [&](double step) {
        Vec<MpInterval> xp(x), xm(x);
        xp[j] += mp(step);
        xm[j] -= mp(step);
        const Vec<MpInterval> fp = F(xp), fm = F(xm);
        Vec<MpInterval> d(fp.size());
        for (std::size_t i = 0; i < fp.size(); ++i) d[i] = (fp[i] - fm[i]) / mp(2 * step);
        return d;
    };
    const Vec<MpInterval> d1 = D(h);
    if (plain) return d1;
    const Vec<MpInterval> d2 = D(h / 2);
    Vec<MpInterval> r(d1.size());
    for (std::size_t i = 0; i < d1.size(); ++i) r[i] = (mp(4) * d2[i] - d1[i]) / mp(3);
    return r;
}

Vec<MpInterval> jacobian_fd(const VectorFunction& F, const Vec<MpInterval>& x, double h, bool plain) {
    const std::size_t n = x.size();
    Vec<MpInterval> J;
    std::size_t m = 0;
    for (std::size_t j = 0; j < n; ++j) {
        const Vec<MpInterval> c = central_difference(F, x, j, h, plain);
        if (j == 0) {
            m = c.size();
            J.assign(m * n, mp(0));
        }
        for (std::size_t i = 0; i < m; ++i) J[i * n + j] = c[i];
    }
    return J;
}

void MomentAccumulator::add(const double* sample) {
    ++n_;
    const double inv = 1.0 / static_cast<double>(n_);
    for (std::size_t i = 0; i < mean_.size(); ++i) {
        const double delta = sample[i] - mean_[i];
        mean_[i] += delta * inv;
        m2_[i] += delta * (sample[i] - mean_[i]);
    }
}

Vec<double> MomentAccumulator::standard_errors() const {
    Vec<double> se(mean_.size(), 0.0);
    if (n_ < 2) return se;
    const double n = static_cast<double>(n_);
    for (std::size_t i = 0; i < se.size(); ++i) se[i] = std::sqrt(m2_[i] / (n - 1) / n);
    return se;
}

double simpson(const std::function<double(double)>& f, double a, double b, std::size_t n) {
    if (n < 2 || n % 2) throw std::invalid_argument("simpson: n must be even and >= 2");
    const double h = (b - a) / static_cast<double>(n);
    double s = f(a) + f(b);
    for (std::size_t i = 1; i < n; ++i) s += (i % 2 ? 4.0 : 2.0) * f(a + h * static_cast<double>(i));
    return s * h / 3.0;
}

}  // namespace relucert::audit
