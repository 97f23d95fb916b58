#include "chistikov/min_norm.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "relucert/elementary.hpp"

namespace relucert::chistikov {

Rational RationalNetwork::squared_norm() const {
    Rational s = 0;
    for (std::size_t j = 0; j < a.size(); ++j) s += a[j] * a[j] + dot(w[j], w[j]);
    return s;
}

Rational RationalNetwork::output(const Vec3<Rational>& x) const {
    Rational h = 0;
    for (std::size_t j = 0; j < a.size(); ++j) h += a[j] * relu(dot(w[j], x));
    return h;
}

bool RationalNetwork::interpolates(const Thm8Dataset& data) const {
    for (int i = 0; i < 3; ++i)
        if (output(data.x[i]) != data.label(i)) return false;
    return true;
}

int RationalNetwork::distinct_directions() const {
    std::vector<Vec3<Rational>> dirs;
    for (const auto& v : w) {
        if (v[0] == 0 && v[1] == 0 && v[2] == 0) continue;
        bool seen = false;
        for (const auto& u : dirs) {
            const auto c = cross(u, v);
            if (c[0] == 0 && c[1] == 0 && c[2] == 0 && dot(u, v) > 0) seen = true;
        }
        if (!seen) dirs.push_back(v);
    }
    return static_cast<int>(dirs.size());
}

RationalNetwork rank1_interpolator(const Thm8Dataset& data) {
    RationalNetwork n;
    n.a = {Rational(3, 5), Rational(4, 5)};
    n.w = {scaled(Rational(3, 5), data.vstar), scaled(Rational(4, 5), data.vstar)};
    return n;
}

namespace {

// F_mu(u) = sum_i mu_i relu(u' x_i), generic (Rational or double).
template <class T>
T dual_function(const std::array<Vec3<T>, 3>& x, const Vec3<T>& mu, const Vec3<T>& u) {
    T f = 0;
    for (int i = 0; i < 3; ++i) f += mu[i] * relu(dot(u, x[i]));
    return f;
}

// The candidate maximisers of |F_mu| on the sphere (min_norm.hpp), unnormalised.
template <class T>
std::vector<Vec3<T>> dual_candidates(const std::array<Vec3<T>, 3>& x, const Vec3<T>& mu) {
    std::vector<Vec3<T>> c;
    for (int mask = 1; mask < 8; ++mask) {
        Vec3<T> g{T(0), T(0), T(0)};
        for (int i = 0; i < 3; ++i)
            if (mask & (1 << i)) g = axpy(mu[i], x[i], g);
        c.push_back(g);
        for (int i = 0; i < 3; ++i) {
            const T t = dot(g, x[i]) / dot(x[i], x[i]);
            c.push_back(axpy(T(-t), x[i], g));
        }
    }
    for (int i = 0; i < 3; ++i)
        for (int k = i + 1; k < 3; ++k) c.push_back(cross(x[i], x[k]));
    const std::size_t n = c.size();
    for (std::size_t j = 0; j < n; ++j) c.push_back(scaled(T(-1), c[j]));
    return c;
}

template <class T>
T c_squared_of(const std::array<Vec3<T>, 3>& x, const Vec3<T>& mu, Vec3<T>* arg) {
    T best = 0;
    for (const auto& u : dual_candidates(x, mu)) {
        const T uu = dot(u, u);
        if (uu == T(0)) continue;
        const T f = dual_function(x, mu, u);
        const T r = f * f / uu;
        if (r > best) {
            best = r;
            if (arg) *arg = u;
        }
    }
    return best;
}

std::array<Vec3<double>, 3> to_double3(const std::array<Vec3<Rational>, 3>& x) {
    std::array<Vec3<double>, 3> r;
    for (int i = 0; i < 3; ++i)
        for (int k = 0; k < 3; ++k) r[i][k] = to_double(x[i][k]);
    return r;
}

// Nearest multiple of 2^-e as an exact rational.
Rational dyadic(double v, int e = 30) { return Rational(std::ldexp(std::nearbyint(std::ldexp(v, e)), -e)); }

// Derivative-free compass search (untrusted): maximises `f` from `x0`.
template <class F>
std::vector<double> compass_maximise(F f, std::vector<double> x, double step, double min_step = 1e-11) {
    double fx = f(x);
    while (step > min_step) {
        bool improved = false;
        for (std::size_t k = 0; k < x.size() && !improved; ++k)
            for (double sgn : {1.0, -1.0}) {
                auto y = x;
                y[k] += sgn * step;
                const double fy = f(y);
                if (fy > fx) {
                    x = y, fx = fy, improved = true;
                    break;
                }
            }
        if (!improved) step *= 0.5;
    }
    return x;
}

}  // namespace

DualConstant dual_constant_squared(const Thm8Dataset& data, const Vec3<Rational>& mu) {
    DualConstant d;
    d.c_squared = c_squared_of(data.x, mu, &d.argmax);
    return d;
}

Vec3<Rational> rank1_dual(const Thm8Dataset& data) {
    // mu = X^{-1} v*: mu_k = chi_k' v*.
    Vec3<Rational> mu;
    for (int k = 0; k < 3; ++k) mu[k] = dot(data.chi(k), data.vstar);
    return mu;
}

NormLowerBound norm_lower_bound(const Thm8Dataset& data, const Vec3<Rational>& mu) {
    NormLowerBound b;
    b.mu = mu;
    b.mu_dot_y = 0;
    for (int i = 0; i < 3; ++i) b.mu_dot_y += mu[i] * data.label(i);
    b.c_squared = dual_constant_squared(data, mu).c_squared;
    if (b.mu_dot_y <= 0 || b.c_squared == 0) {
        b.squared = 0;
        b.bound = Interval(0.0);
        b.at_least_rank1 = false;
        return b;
    }
    b.squared = 4 * b.mu_dot_y * b.mu_dot_y / b.c_squared;
    b.bound = relucert::sqrt(enclose(b.squared));
    b.at_least_rank1 = b.squared >= 4;  // 2 mu'y / C >= 2
    return b;
}

Vec3<Rational> search_dual(const Thm8Dataset& data) {
    const auto x = to_double3(data.x);
    Vec3<double> y;
    for (int i = 0; i < 3; ++i) y[i] = to_double(data.label(i));
    const auto m0 = rank1_dual(data);
    auto ratio = [&](const std::vector<double>& m) {
        const Vec3<double> mu{m[0], m[1], m[2]};
        const double c2 = c_squared_of(x, mu, static_cast<Vec3<double>*>(nullptr));
        return c2 > 0 ? dot(mu, y) / std::sqrt(c2) : -1e300;
    };
    std::vector<double> start{to_double(m0[0]), to_double(m0[1]), to_double(m0[2])};
    const double scale = std::max({std::abs(start[0]), std::abs(start[1]), std::abs(start[2])});
    const auto best = compass_maximise(ratio, start, 0.25 * scale, 1e-12 * scale);
    return {dyadic(best[0], 40), dyadic(best[1], 40), dyadic(best[2], 40)};
}

namespace {
// The split of the labels between two neurons, parametrised by t in R^3 (one number per point):
//   t_i < 0:        neuron 2 inactive (pre-activation t_i), neuron 1 carries y_i;
//   0 <= t_i <= y_i: neuron 2 carries t_i, neuron 1 carries y_i - t_i;
//   t_i > y_i:      neuron 2 carries y_i, neuron 1 inactive (pre-activation y_i - t_i).
// relu(z1_i) + relu(z2_i) = y_i in every case.
template <class T>
void split(const Vec3<T>& y, const Vec3<T>& t, Vec3<T>& z1, Vec3<T>& z2) {
    for (int i = 0; i < 3; ++i) {
        if (t[i] < T(0)) z1[i] = y[i], z2[i] = t[i];
        else if (t[i] <= y[i]) z1[i] = y[i] - t[i], z2[i] = t[i];
        else z1[i] = y[i] - t[i], z2[i] = y[i];
    }
}
template <class T>
Vec3<T> combine(const std::array<Vec3<T>, 3>& chi, const Vec3<T>& z) {  // X^{-T} z = sum_k z_k chi_k
    Vec3<T> u{T(0), T(0), T(0)};
    for (int k = 0; k < 3; ++k) u = axpy(z[k], chi[k], u);
    return u;
}
}  // namespace

std::optional<RationalNetwork> search_counterexample(const Thm8Dataset& data) {
    std::array<Vec3<Rational>, 3> chi_q{data.chi(0), data.chi(1), data.chi(2)};
    const auto chi = to_double3(chi_q);
    Vec3<double> y;
    for (int i = 0; i < 3; ++i) y[i] = to_double(data.label(i));
    auto neg_cost = [&](const std::vector<double>& t) {
        Vec3<double> z1, z2;
        split(y, Vec3<double>{t[0], t[1], t[2]}, z1, z2);
        const auto u1 = combine(chi, z1), u2 = combine(chi, z2);
        return -(std::sqrt(dot(u1, u1)) + std::sqrt(dot(u2, u2)));
    };
    std::vector<double> best;
    double best_val = -1e300;
    // Multi-start: every combination of "neuron 2 off / shares / takes all" per point.
    const double fr[] = {-0.5, 0.05, 0.3, 0.6, 0.95, 1.5};
    for (double f0 : fr)
        for (double f1 : fr)
            for (double f2 : fr) {
                const auto t = compass_maximise(neg_cost, {f0 * y[0], f1 * y[1], f2 * y[2]}, 0.1 * y[0], 1e-10);
                const double v = neg_cost(t);
                if (v > best_val) best_val = v, best = t;
            }
    if (!(-best_val < 1.0 - 1e-9)) return std::nullopt;  // no improvement on the rank-1 norm sum |u_j| = 1
    // Exact reconstruction.
    Vec3<Rational> yq{data.label(0), data.label(1), data.label(2)}, tq{dyadic(best[0]), dyadic(best[1]), dyadic(best[2])};
    Vec3<Rational> z1, z2;
    split(yq, tq, z1, z2);
    RationalNetwork net;
    for (const auto& z : {z1, z2}) {
        const auto u = combine(chi_q, z);
        const Rational uu = dot(u, u);
        if (uu == 0) continue;
        // a ~ sqrt|u| (balanced), w = u / a: a relu(w'x) = relu(u'x) exactly since a > 0.
        const Rational a = dyadic(std::sqrt(std::sqrt(to_double(uu))), 20);
        net.a.push_back(a);
        net.w.push_back(scaled(Rational(1) / a, u));
    }
    if (!net.interpolates(data) || net.squared_norm() >= 2) return std::nullopt;
    return net;
}

Interval balanced_squared_norm(const RationalNetwork& net) {
    Interval s(0.0);
    for (std::size_t j = 0; j < net.a.size(); ++j) {
        const auto u = scaled(net.a[j], net.w[j]);
        s = s + relucert::sqrt(enclose(dot(u, u)));
    }
    return Interval(2.0) * s;
}

bool inverse_gram_is_z_matrix(const Thm8Dataset& data) {
    for (int k = 0; k < 3; ++k)
        for (int l = k + 1; l < 3; ++l)
            if (dot(data.chi(k), data.chi(l)) > 0) return false;
    return true;
}

bool gram_is_positive(const Thm8Dataset& data) {
    for (int i = 0; i < 3; ++i)
        for (int k = 0; k < 3; ++k)
            if (!(dot(data.x[i], data.x[k]) > 0)) return false;
    return true;
}

bool angles_below_pi_over_4(const Thm8Dataset& data) {
    for (int i = 0; i < 3; ++i) {
        const Rational c = dot(data.vstar, data.x[i]);
        if (!(c > 0) || !(2 * c * c > dot(data.x[i], data.x[i]) * dot(data.vstar, data.vstar))) return false;
    }
    return true;
}

std::vector<MCase> m_cases(const Thm8Dataset& data) {
    std::vector<MCase> out;
    const Vec3<Rational> c[3] = {data.chi(0), data.chi(1), data.chi(2)};
    for (int a = 0; a < 3; ++a) {
        const int b = (a + 1) % 3, d = (a + 2) % 3;
        const int lo = std::min(b, d), hi = std::max(b, d);
        // K = {a}: p = chi_a, q in cone{chi_lo, chi_hi}.
        std::string label = "K";
        label += static_cast<char>('1' + a);
        out.push_back({{a}, label, c[a], c[a], c[lo], c[hi]});
    }
    for (int a = 0; a < 3; ++a) {
        // K = [3] \ {a}: p in cone of the other two, q = chi_a.
        const int b = (a + 1) % 3, d = (a + 2) % 3;
        const int lo = std::min(b, d), hi = std::max(b, d);
        std::string label = "K";
        label += static_cast<char>('1' + lo);
        label += static_cast<char>('1' + hi);
        out.push_back({{lo, hi}, label, c[lo], c[hi], c[a], c[a]});
    }
    return out;
}

Interval m_enclosure(const Thm8Dataset& data, int pieces) {
    double upper = -1e300, lower = -1e300;
    Interval (*lift)(const Rational&) = enclose;
    for (const auto& c : m_cases(data)) {
        for (int k = 0; k < pieces; ++k) {
            const double lo = static_cast<double>(k) / pieces, hi = static_cast<double>(k + 1) / pieces;
            upper = std::max(upper, m_term<Interval>(c, data.vstar, Interval(lo, hi), lift).hi());
            lower = std::max(lower, m_term<Interval>(c, data.vstar, Interval(0.5 * (lo + hi)), lift).lo());
        }
        for (double s : {0.0, 1.0}) lower = std::max(lower, m_term<Interval>(c, data.vstar, Interval(s), lift).lo());
    }
    return Interval(lower, upper);
}

}  // namespace relucert::chistikov
