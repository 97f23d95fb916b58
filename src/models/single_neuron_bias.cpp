// Single biased ReLU neuron: Gaussian objective and uniform-ball cap integrals
// (models/single_neuron_bias.hpp states the reductions).
#include "relucert/models/single_neuron_bias.hpp"

#include <cmath>
#include <stdexcept>

#include "relucert/elementary.hpp"
#include "relucert/models/biased_relu_gaussian.hpp"

namespace relucert::models {
namespace {

Interval norm_of(const std::vector<double>& x, std::size_t n) {
    Interval s(0);
    for (std::size_t i = 0; i < n; ++i) s += sqr(Interval(x[i]));
    return sqrt(s);
}

// x^n by repeated squaring (any scalar taylor.hpp supports), n >= 0.
template <class S>
S power(const S& x, int n) {
    S r(1.0);
    S b = x;
    while (n > 0) {
        if (n & 1) r = r * b;
        b = b * b;
        n >>= 1;
    }
    return r;
}

}  // namespace

NeuronObjective gaussian_neuron_objective(const std::vector<double>& w, const std::vector<double>& v,
                                          const quadrature::Options& o) {
    if (w.size() != v.size() || w.size() < 2) throw std::invalid_argument("gaussian_neuron_objective: sizes");
    const std::size_t d = w.size() - 1;
    const Interval a = norm_of(w, d), c = norm_of(v, d), bw(w[d]), bv(v[d]);
    if (!a.certainly_positive() || !c.certainly_positive()) throw std::domain_error("gaussian_neuron_objective: w~, v~ != 0");
    Interval dot(0);
    for (std::size_t i = 0; i < d; ++i) dot += Interval(w[i]) * Interval(v[i]);
    const Interval rho = dot / (a * c);
    const BiasedPair p{a, bw, c, bv, rho};
    const auto corr = biased_relu_correlation(p, o);
    const auto g = biased_relu_correlation_gradient(p, o);  // throws for |rho| >= 1
    NeuronObjective r;
    r.converged = corr.converged && g.along_w.converged && g.along_perp.converged && g.bias.converged;
    r.F = biased_relu_second_moment(a, bw) / Interval(2) - corr.value + biased_relu_second_moment(c, bv) / Interval(2);
    const Interval beta = bw / a, Phi = gaussian_cdf(beta), s = sqrt(Interval(1) - sqr(rho));
    r.grad.resize(d + 1);
    for (std::size_t i = 0; i < d; ++i) {
        const Interval wbar = Interval(w[i]) / a, eperp = (Interval(v[i]) / c - rho * wbar) / s;
        r.grad[i] = Phi * Interval(w[i]) - (g.along_w.value * wbar + g.along_perp.value * eperp);
    }
    r.grad[d] = a * relu_gaussian_mean(beta) - g.bias.value;
    return r;
}

Interval gaussian_neuron_loss_at_zero(const std::vector<double>& v) {
    const std::size_t d = v.size() - 1;
    return biased_relu_second_moment(norm_of(v, d), Interval(v[d])) / Interval(2);
}

std::vector<Interval> gaussian_neuron_grad_at_zero_sigma1(const std::vector<double>& v) {
    const std::size_t d = v.size() - 1;
    const Interval c = norm_of(v, d), beta = Interval(v[d]) / c, Phi = gaussian_cdf(beta);
    std::vector<Interval> g(d + 1);
    for (std::size_t i = 0; i < d; ++i) g[i] = -(Phi * Interval(v[i]));
    g[d] = -(c * relu_gaussian_mean(beta));
    return g;
}

Interval wallis_integral(int n) {
    if (n < 0) throw std::invalid_argument("wallis_integral: n >= 0");
    Interval W = (n % 2 == 0) ? pi_interval() : Interval(2);
    for (int k = (n % 2 == 0) ? 2 : 3; k <= n; k += 2) W = W * Interval(k - 1) / Interval(k);
    return W;
}

Interval sine_power_cap(int n, const Interval& s, int k, double rel_width) {
    if (n < 0 || k < 0) throw std::invalid_argument("sine_power_cap: n, k >= 0");
    if (s.lo() < -1 || s.hi() > 1) throw std::domain_error("sine_power_cap: s in [-1, 1]");
    const Interval upper = acos(s);
    auto f = [&](const auto& phi) { return power(cos(phi) - s, k) * power(sin(phi), n); };
    // A first width goal from the size of the integrand: for s >= 0, on [0, acos s] the integrand is
    // <= (1 - s)^k (1 - s^2)^{n/2} (sin increasing, cos phi - s <= 1 - s); for s < 0 it is <= 2^k.
    const double sm = s.mid();
    const double scale = sm >= 0 ? std::acos(sm) * std::pow(1 - sm, k) * std::pow(1 - sm * sm, 0.5 * n) : std::pow(2.0, k) * 4;
    quadrature::Options o;
    o.abs_width = std::max(1e-300, std::min(1e-6, 1e-3 * rel_width * scale));
    o.max_pieces = 3000;
    quadrature::Result r;
    for (int pass = 0; pass < 12; ++pass) {
        r = quadrature::integrate(f, Interval(0), upper, o);
        const double lo = r.value.lo();
        if (lo > 0 && r.value.width() <= rel_width * lo) break;
        if (!r.converged) break;  // the piece budget is spent: a smaller goal would not be met either
        const double goal = lo > 0 ? rel_width * lo : o.abs_width * 1e-8;
        if (!(goal > 1e-300) || goal >= o.abs_width) break;
        o.abs_width = goal;
    }
    return r.value;
}

Interval ball_x1_tail_moment(int d, const Interval& s, int k, double rel_width) {
    return sine_power_cap(d, s, k, rel_width) / wallis_integral(d);
}

Interval sphere_u1_tail(int d, const Interval& s, double rel_width) {
    if (d < 2) throw std::invalid_argument("sphere_u1_tail: d >= 2");
    return sine_power_cap(d - 2, s, 0, rel_width) / wallis_integral(d - 2);
}

InputMoments gaussian_input_moments(int d) {
    const Interval D(d);
    InputMoments m;
    m.x1_positive_part = inv_sqrt_2pi_interval();
    m.x1_squared = Interval(1);
    m.abs_x1x2 = Interval(2) / pi_interval();
    m.xtilde_fourth = D * (D + Interval(2));
    m.x_fourth = m.xtilde_fourth + Interval(2) * D + Interval(1);
    return m;
}

InputMoments unit_ball_input_moments(int d) {
    if (d < 2) throw std::invalid_argument("unit_ball_input_moments: d >= 2");
    const Interval D(d);
    auto radial = [&](int k) { return D / Interval(d + k); };  // E R^k, R = |x~|
    InputMoments m;
    const Interval abs_u1 = Interval(2) / (Interval(d - 1) * wallis_integral(d - 2));
    m.x1_positive_part = radial(1) * abs_u1 / Interval(2);
    m.x1_squared = radial(2) / D;
    m.abs_x1x2 = radial(2) * Interval(2) / (pi_interval() * D);
    m.xtilde_fourth = radial(4);
    m.x_fourth = radial(4) + Interval(2) * radial(2) + Interval(1);
    return m;
}

}  // namespace relucert::models
