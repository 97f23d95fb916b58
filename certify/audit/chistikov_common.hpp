// Shared pieces of the Chistikov-Englert-Lazic audit (certify/audit/chistikov_*.cpp) and of the
// first-phase experiment: the training sets, the loss and its Clarke gradient of Proposition 1
// (templated on the scalar: MpInterval for the audit, double for the trainer comparison), the closed
// form of the yardstick trajectories alpha_j^t of Sec. 3 with their crossing times tau_j^l
// (Proposition 2), an independent RK4 integration of the same ODE, and the constants delta and Delta
// of l. 159-161.
//
// Paper: ../shared/papers/chistikov-englert-lazic--learning-a-neuron-by-a-shallow-relu-network.md.
#pragma once

#include <Eigen/Dense>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "audit/sampling.hpp"
#include "relucert/audit/audit.hpp"
#include "relucert/audit/numerics.hpp"
#include "relucert/scalar.hpp"
#include "relucert/trainer/rng.hpp"
#include "relucert/trainer/shallow_bundle.hpp"

namespace relucert::audit::chistikov {

using M = MpInterval;

// A training set in the paper's notation: X = [x_1 ... x_n] (d x n), y_i = relu(v*'x_i), |v*| = 1.
struct TrainingSet {
    std::string name;
    Eigen::MatrixXd X;
    Eigen::VectorXd y, vstar;
    Eigen::Index d() const { return X.rows(); }
    Eigen::Index n() const { return X.cols(); }
    // The columns x_i and the labels as Vec<T> (exact conversions: the data are doubles).
    template <class T>
    std::vector<Vec<T>> columns() const;
    template <class T>
    Vec<T> labels() const;
};
TrainingSet thm8_set(const std::string& key);  // T8-A, T8-A', T8-B, T8-B' by key "A", "Ap", "B", "Bp"
// A Sec. 8 dataset (n = d) drawn with trainer::sample_teacher_dataset from Rng(seed).
TrainingSet sec8_set(trainer::DataScheme scheme, Eigen::Index d, std::uint64_t seed);
// The Sec. 8 scheme does not guarantee the paper's setting angle(v*, x_i) < pi/4 (l. 79; it only
// excludes angles > pi/2): the first Sec. 8 dataset at seed >= first_seed that satisfies it.
TrainingSet sec8_set_in_setting(trainer::DataScheme scheme, Eigen::Index d, std::uint64_t first_seed);
// max_i angle(v*, x_i)
double max_teacher_angle(const TrainingSet& data);


// ---- sign decisions shared by double and MpInterval code -------------------------------------------
// positive(x): x > 0; for an interval it must be decided (an enclosure containing 0 throws, so that a
// closed form is never evaluated on the wrong branch).
inline bool positive(double x) { return x > 0; }
inline bool positive(const M& x) {
    if (x.certainly_positive()) return true;
    if (x.certainly_nonpositive()) return false;
    throw std::domain_error("sign of an enclosure containing 0 is undecided");
}
inline double as_double(double x) { return x; }
inline double as_double(const M& x) { return mid_double(x); }
template <class T>
T sinh_of(const T& u) {
    using std::exp;
    return (exp(u) - exp(-u)) / T(2);
}
template <class T>
T cosh_of(const T& u) {
    using std::exp;
    return (exp(u) + exp(-u)) / T(2);
}
// asinh(x) = log(x + sqrt(x^2 + 1)) for x >= 0, odd extension (no cancellation for x < 0).
template <class T>
T asinh_of(const T& x) {
    using std::log;
    using std::sqrt;
    if (as_double(x) < 0) return -asinh_of(T(-x));
    return log(x + sqrt(x * x + T(1)));
}

// ---- Proposition 1: loss and gradient ---------------------------------------------------------------
// theta = (a_1..a_m, w_1..w_m) flattened: size m (1 + d).
template <class T>
struct Params {
    Vec<T> a;
    std::vector<Vec<T>> W;  // W[j] = w_j
};
template <class T>
Params<T> unflatten(const Vec<T>& theta, std::size_t m, std::size_t d) {
    Params<T> p;
    p.a.assign(theta.begin(), theta.begin() + static_cast<std::ptrdiff_t>(m));
    for (std::size_t j = 0; j < m; ++j)
        p.W.emplace_back(theta.begin() + static_cast<std::ptrdiff_t>(m + j * d), theta.begin() + static_cast<std::ptrdiff_t>(m + (j + 1) * d));
    return p;
}
// relu and its derivative with sigma'(0) := 0 (l. 95); an enclosure straddling 0 throws (the FD
// points are chosen away from the kinks).
template <class T>
T relu_of(const T& u) {
    return positive(u) ? u : T(0);
}
template <class T>
T relu_prime_of(const T& u) {
    return positive(u) ? T(1) : T(0);
}
// h_theta(x_i) = sum_j a_j relu(w_j'x_i) (l. 57).
template <class T>
T network_output(const Params<T>& p, const Vec<T>& x) {
    T h(0);
    for (std::size_t j = 0; j < p.a.size(); ++j) h += p.a[j] * relu_of(vdot(p.W[j], x));
    return h;
}
// L(theta) = (1/2n) sum_i (y_i - h_theta(x_i))^2 (l. 85).
template <class T>
T loss_of(const std::vector<Vec<T>>& x, const Vec<T>& y, const Params<T>& p) {
    T s(0);
    for (std::size_t i = 0; i < x.size(); ++i) {
        const T r = y[i] - network_output(p, x[i]);
        s += r * r;
    }
    return s / T(2 * static_cast<int>(x.size()));
}
// g_j = (1/n) sum_i (y_i - h(x_i)) relu'(w_j'x_i) x_i with relu'(0) := 0 (Proposition 1 (i)).
template <class T>
std::vector<Vec<T>> g_vectors(const std::vector<Vec<T>>& x, const Vec<T>& y, const Params<T>& p) {
    const std::size_t n = x.size(), d = x[0].size();
    std::vector<Vec<T>> g(p.a.size(), Vec<T>(d, T(0)));
    for (std::size_t i = 0; i < n; ++i) {
        const T r = (y[i] - network_output(p, x[i])) / T(static_cast<int>(n));
        for (std::size_t j = 0; j < p.a.size(); ++j)
            if (positive(vdot(p.W[j], x[i])))
                for (std::size_t c = 0; c < d; ++c) g[j][c] += r * x[i][c];
    }
    return g;
}
// What Proposition 1 (i) gives for grad L = -d theta/dt: dL/da_j = -w_j'g_j, dL/dw_j = -a_j g_j.
// Mutant (for the tests): the factor a_j in dL/dw_j dropped.
enum class Prop1Variant { printed, mutant_no_outer_factor };
template <class T>
Vec<T> prop1_gradient(const std::vector<Vec<T>>& x, const Vec<T>& y, const Params<T>& p, Prop1Variant v = Prop1Variant::printed) {
    const auto g = g_vectors(x, y, p);
    const std::size_t m = p.a.size(), d = x[0].size();
    Vec<T> out(m * (1 + d), T(0));
    for (std::size_t j = 0; j < m; ++j) {
        out[j] = -vdot(p.W[j], g[j]);
        const T f = v == Prop1Variant::printed ? p.a[j] : T(1);
        for (std::size_t c = 0; c < d; ++c) out[m + j * d + c] = -f * g[j][c];
    }
    return out;
}

// ---- yardsticks (Sec. 3 l. 127; Proposition 2) -------------------------------------------------------
// d alpha/dt = s |alpha| gamma_{I+(alpha)}, alpha(0) = z. On a piece where I = I+(alpha) is constant,
// gamma = gamma_I is constant; write alpha = p gammabar + q with q orthogonal to gamma, c = |q|,
// g = |gamma|. Then dq/dt = 0 and dp/dt = s g sqrt(p^2 + c^2), so with p = c sinh(u):
//     du/dt = s g,   p(t) = c sinh(u0 + s g t),   |alpha(t)| = c cosh(u0 + s g t),   u0 = asinh(p0/c).
// x_i'alpha(t) = b_i p(t) + e_i (b_i = x_i'gammabar, e_i = x_i'q) vanishes at p_i* = -e_i/b_i, i.e. at
//     t_i = s (asinh(p_i*/c) - u0) / g,
// and only points with b_i > 0 that are on the -s side can cross (p moves in direction s; those on the
// s side move away from the boundary). The next crossing is the smallest t_i; the crossed point joins
// (s = +1) or leaves (s = -1) I+ and a new piece starts. With I+ empty (s = -1 after its last exit)
// gamma = 0 and alpha stops.
// Mutant (for the tests): the rate |gamma|^2 in place of |gamma|.
enum class YardstickVariant { derived, mutant_rate_squared };
template <class T>
struct YardstickPiece {
    std::vector<bool> active;  // I+(alpha) on the piece
    Vec<T> alpha_start, gamma_unit, q;
    T c, u0, g, t_start, t_end;  // g: the rate used (|gamma|); t_end unused on the final piece
    bool final = false;          // the last piece (no further crossing)
    bool stopped = false;        // I+ empty: gamma = 0 and alpha stays at alpha_start
};
template <class T>
struct Yardstick {
    int s = 1;
    Vec<T> z;
    std::vector<T> tau;              // tau^1 < ... < tau^{n_j}
    std::vector<int> order;          // i^1, ..., i^{n_j}
    std::vector<YardstickPiece<T>> pieces;
    std::size_t n_j = 0;             // |I_{-s}(z)|
};
template <class T>
Yardstick<T> yardstick(const std::vector<Vec<T>>& x, const Vec<T>& y, const Vec<T>& z, int s,
                       YardstickVariant variant = YardstickVariant::derived);
// alpha(t) from the pieces.
template <class T>
Vec<T> yardstick_at(const Yardstick<T>& ys, const T& t);

// Independent reference: RK4 with step h on d alpha/dt = s|alpha| gamma_{I+}, the active set read off
// the signs of x_i'alpha after every step; a sign change inside a step is located by bisection on the
// length of a fresh RK4 step from its start (60 halvings), the crossed index toggled there.
struct Crossings {
    std::vector<double> tau;
    std::vector<int> order;
};
Crossings yardstick_rk4(const TrainingSet& data, const Eigen::VectorXd& z, int s, double horizon, double h);

// min over the pieces l in [n_j] and t in [tau^{l-1}, tau^l] of |alphabar^t' xbar_i| for i != i^l and
// (l != 1 => i != i^{l-1}) (the yardstick term of delta): exact per piece, since with p = c sinh u,
// alphabar'x_i = (b_i sinh u + e_i/c) / cosh u has its extremes at the ends and at sinh u = b_i c/e_i;
// 0 if some such point reaches the boundary (Proposition 2 (ii) then fails).
double yardstick_margin(const TrainingSet& data, const Yardstick<double>& ys);

// ---- delta and Delta (l. 159-161) --------------------------------------------------------------------
// The eigen-decomposition of (1/n) X X' (eta_1 > ... > eta_d), nu_k* = |u_k'v*| (the paper orients
// u_k so that nu_k* > 0, possible iff u_k'v* != 0).
struct Spectrum {
    Eigen::VectorXd eta;  // descending
    Eigen::MatrixXd U;    // columns u_k
    Eigen::VectorXd nu;   // |u_k'v*|
};
Spectrum spectrum(const TrainingSet& data);
// gamma_I for the index set given as a mask.
Eigen::VectorXd gamma_of(const TrainingSet& data, const std::vector<bool>& active);

// delta, reconstructed (the printed display, l. 159, is garbled: the term min{tau^l - tau^{l-1}} is
// typeset inside the condition array of the preceding min, and the display ends with a column of three
// 0s which, read literally as members of the min, would make delta = 0 for every dataset, contradicting
// "positive thanks to Assumption 1" (l. 157)). We take delta as the minimum of the 12 named terms below
// (double precision, untrusted: it only scales constants that are astronomically far from any
// threshold). Delta = max{max_i |x_i|, max_j |z_j|, 1}.
struct DeltaTerms {
    double min_norm_x = 0, min_cos_x = 0, eigengap = 0, sqrt_eta_d = 0, min_nu = 0;  // dataset terms
    double min_norm_z = 0, min_cos_phi_plus = 1, min_sin_phi_minus = 1;                // initialisation
    double min_yardstick_margin = 1, min_tau_gap = std::numeric_limits<double>::infinity(), min_first_exit = 1;
    double Delta = 1;
    double dataset_part() const;
    double delta() const;
    std::string argmin() const;  // the name of the smallest term
};
// Z: m x d (rows z_j), signs s_j.
DeltaTerms delta_terms(const TrainingSet& data, const Eigen::MatrixXd& Z, const Eigen::VectorXd& signs);
// Only the dataset terms (Z empty); Delta over the data and 1.
DeltaTerms dataset_delta_terms(const TrainingSet& data);

}  // namespace relucert::audit::chistikov
