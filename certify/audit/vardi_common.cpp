#include "audit/vardi_common.hpp"

#include <algorithm>
#include <stdexcept>

namespace relucert::audit::vardi {

WeightedSample gaussian_sample(trainer::Rng& rng, std::size_t d, std::size_t n) {
    WeightedSample s;
    s.d = d;
    s.x.resize(n * d);
    for (auto& v : s.x) v = rng.normal();
    s.weight.assign(n, 1.0 / double(n));
    return s;
}

void uniform_ball_point(trainer::Rng& rng, std::size_t d, double r, double* out) {
    double nn = 0;
    for (std::size_t k = 0; k < d; ++k) out[k] = rng.normal(), nn += out[k] * out[k];
    const double rad = r * std::pow(rng.uniform01(), 1.0 / double(d)) / std::sqrt(nn);
    for (std::size_t k = 0; k < d; ++k) out[k] *= rad;
}

WeightedSample ball_sample(trainer::Rng& rng, std::size_t d, double r, std::size_t n) {
    WeightedSample s;
    s.d = d;
    s.x.resize(n * d);
    for (std::size_t i = 0; i < n; ++i) uniform_ball_point(rng, d, r, s.x.data() + i * d);
    s.weight.assign(n, 1.0 / double(n));
    return s;
}

WeightedSample stratified_ball_sample(trainer::Rng& rng, std::size_t d, double r, double cap_level, double cap_mass,
                                      std::size_t n_cap, std::size_t n_rest) {
    if (!(cap_level > 0 && cap_level < r)) throw std::invalid_argument("stratified_ball_sample: 0 < cap level < r");
    WeightedSample s;
    s.d = d;
    s.x.resize((n_cap + n_rest) * d);
    std::vector<double> p(d);
    // Cap: uniform in the cylinder [cap_level, r] x B_{d-1}(rho), rho^2 = r^2 - cap_level^2, accepted if
    // inside the ball (the cap lies in the cylinder).
    const double rho = std::sqrt(r * r - cap_level * cap_level);
    for (std::size_t i = 0; i < n_cap;) {
        p[0] = rng.uniform(cap_level, r);
        if (d > 1) uniform_ball_point(rng, d - 1, rho, p.data() + 1);
        double nn = 0;
        for (double c : p) nn += c * c;
        if (nn > r * r) continue;
        std::copy(p.begin(), p.end(), s.x.begin() + std::ptrdiff_t(i * d));
        ++i;
    }
    for (std::size_t i = 0; i < n_rest;) {
        uniform_ball_point(rng, d, r, p.data());
        if (p[0] >= cap_level) continue;
        std::copy(p.begin(), p.end(), s.x.begin() + std::ptrdiff_t((n_cap + i) * d));
        ++i;
    }
    s.weight.assign(n_cap, cap_mass / double(n_cap));
    s.weight.resize(n_cap + n_rest, (1.0 - cap_mass) / double(n_rest));
    return s;
}

NeuronValue neuron_objective(const WeightedSample& s, const std::vector<double>& w, const std::vector<double>& v,
                             double sigma_prime_at_zero) {
    NeuronValue r;
    r.grad.assign(s.d + 1, 0.0);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const double zw = neuron_preactivation(s, i, w), zv = neuron_preactivation(s, i, v);
        const double diff = std::max(zw, 0.0) - std::max(zv, 0.0);
        r.F += s.weight[i] * 0.5 * diff * diff;
        const double dsig = zw > 0 ? 1.0 : (zw == 0 ? sigma_prime_at_zero : 0.0);
        if (dsig == 0.0 || diff == 0.0) continue;
        const double c = s.weight[i] * diff * dsig;
        const double* x = s.row(i);
        for (std::size_t k = 0; k < s.d; ++k) r.grad[k] += c * x[k];
        r.grad[s.d] += c;
    }
    return r;
}

double neuron_loss(const WeightedSample& s, const std::vector<double>& w, const std::vector<double>& v) {
    double F = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const double diff = std::max(neuron_preactivation(s, i, w), 0.0) - std::max(neuron_preactivation(s, i, v), 0.0);
        F += s.weight[i] * 0.5 * diff * diff;
    }
    return F;
}

std::vector<double> thm32_target(std::size_t d, double r) {
    std::vector<double> v(d + 1, 0.0);
    v[0] = 1.0;
    v[d] = -(r - r / (2.0 * double(d) * double(d)));
    return v;
}

}  // namespace relucert::audit::vardi
