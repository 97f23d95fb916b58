#include "audit/chistikov_common.hpp"

#include <algorithm>

#include "chistikov/datasets.hpp"

namespace relucert::audit::chistikov {

template <class T>
std::vector<Vec<T>> TrainingSet::columns() const {
    std::vector<Vec<T>> x;
    for (Eigen::Index i = 0; i < n(); ++i) {
        Vec<T> c;
        for (Eigen::Index k = 0; k < d(); ++k) {
            if constexpr (std::is_same_v<T, M>)
                c.push_back(mp(X(k, i)));
            else
                c.push_back(X(k, i));
        }
        x.push_back(std::move(c));
    }
    return x;
}
template <class T>
Vec<T> TrainingSet::labels() const {
    Vec<T> out;
    for (Eigen::Index i = 0; i < n(); ++i) {
        if constexpr (std::is_same_v<T, M>)
            out.push_back(mp(y(i)));
        else
            out.push_back(y(i));
    }
    return out;
}
template std::vector<Vec<double>> TrainingSet::columns<double>() const;
template std::vector<Vec<M>> TrainingSet::columns<M>() const;
template Vec<double> TrainingSet::labels<double>() const;
template Vec<M> TrainingSet::labels<M>() const;

TrainingSet thm8_set(const std::string& key) {
    const auto& d = relucert::chistikov::thm8_dataset(key);
    TrainingSet t;
    t.name = d.name;
    t.X.resize(3, 3);
    t.y.resize(3);
    t.vstar.resize(3);
    for (int i = 0; i < 3; ++i) {
        for (int k = 0; k < 3; ++k) t.X(k, i) = to_double(d.x[i][k]);
        t.y(i) = to_double(d.label(i));
        t.vstar(i) = to_double(d.vstar[i]);
    }
    return t;
}

TrainingSet sec8_set(trainer::DataScheme scheme, Eigen::Index d, std::uint64_t seed) {
    trainer::Rng rng(seed);
    const auto s = trainer::sample_teacher_dataset(scheme, d, rng);
    TrainingSet t;
    t.name = std::string(scheme == trainer::DataScheme::centred ? "centred" : "uncentred") + " d=" + std::to_string(d) +
             " seed=" + std::to_string(seed);
    t.X = s.X;
    t.y = s.y;
    t.vstar = s.vstar;
    return t;
}

double max_teacher_angle(const TrainingSet& data) {
    double a = 0;
    for (Eigen::Index i = 0; i < data.n(); ++i)
        a = std::max(a, std::acos(std::clamp(data.X.col(i).normalized().dot(data.vstar), -1.0, 1.0)));
    return a;
}

TrainingSet sec8_set_in_setting(trainer::DataScheme scheme, Eigen::Index d, std::uint64_t first_seed) {
    for (std::uint64_t seed = first_seed; seed < first_seed + 100000; ++seed) {
        auto t = sec8_set(scheme, d, seed);
        if (max_teacher_angle(t) < 0.25 * 3.14159265358979 * (1 - 1e-9)) return t;
    }
    throw std::runtime_error("sec8_set_in_setting: none found");
}


// ---- yardsticks ------------------------------------------------------------------------------------

template <class T>
Yardstick<T> yardstick(const std::vector<Vec<T>>& x, const Vec<T>& y, const Vec<T>& z, int s, YardstickVariant variant) {
    const std::size_t n = x.size(), d = z.size();
    Yardstick<T> ys;
    ys.s = s;
    ys.z = z;
    std::vector<bool> active(n);
    for (std::size_t i = 0; i < n; ++i) {
        active[i] = positive(vdot(x[i], z));  // throws if x_i'z = 0 is possible: Assumption 1 (ii)
        if (active[i] != (s > 0)) ++ys.n_j;
    }
    Vec<T> alpha = z;
    T t(0);
    const T S(s);
    for (;;) {
        YardstickPiece<T> pc;
        pc.active = active;
        pc.alpha_start = alpha;
        pc.t_start = t;
        pc.t_end = t;
        if (std::none_of(active.begin(), active.end(), [](bool b) { return b; })) {
            pc.final = pc.stopped = true;  // gamma_{empty} = 0
            pc.c = pc.u0 = pc.g = T(0);
            ys.pieces.push_back(pc);
            break;
        }
        Vec<T> gam(d, T(0));
        for (std::size_t i = 0; i < n; ++i)
            if (active[i])
                for (std::size_t c = 0; c < d; ++c) gam[c] += y[i] * x[i][c] / T(static_cast<int>(n));
        const T g = vnorm(gam);
        const Vec<T> gu = vscale(T(1) / g, gam);
        const T p0 = vdot(alpha, gu);
        const Vec<T> q = vsub(alpha, vscale(p0, gu));
        const T c = vnorm(q);
        const T rate = variant == YardstickVariant::mutant_rate_squared ? T(g * g) : g;
        const T u0 = asinh_of(T(p0 / c));
        pc.gamma_unit = gu;
        pc.q = q;
        pc.c = c;
        pc.u0 = u0;
        pc.g = rate;
        int best = -1;
        T tbest(0);
        std::vector<T> cand;
        for (std::size_t i = 0; i < n; ++i) {
            if (active[i] == (s > 0)) continue;  // on the s side: moving away from the boundary
            const T b = vdot(x[i], gu);
            if (!positive(b)) continue;
            const T pstar = -vdot(x[i], q) / b;
            const T ti = S * (asinh_of(T(pstar / c)) - u0) / rate;
            cand.push_back(ti);
            if (best < 0 || as_double(ti) < as_double(tbest)) best = static_cast<int>(i), tbest = ti;
        }
        if (best < 0) {
            pc.final = true;
            ys.pieces.push_back(pc);
            break;
        }
        if constexpr (std::is_same_v<T, M>) {
            // the next crossing must be decided (Assumption 1 (iv): no two points at once)
            int overlapping = 0;
            for (const auto& ti : cand)
                if (!(mpfr_cmp(tbest.upper(), ti.lower()) < 0)) ++overlapping;
            if (overlapping > 1) throw std::domain_error("yardstick: two crossing times not separated");
        }
        pc.t_end = t + tbest;
        ys.pieces.push_back(pc);
        const T u1 = u0 + S * rate * tbest;
        alpha = vaxpy(q, T(c * sinh_of(u1)), gu);
        t = t + tbest;
        ys.tau.push_back(t);
        ys.order.push_back(best);
        active[static_cast<std::size_t>(best)] = !active[static_cast<std::size_t>(best)];
    }
    return ys;
}

template <class T>
Vec<T> yardstick_at(const Yardstick<T>& ys, const T& t) {
    std::size_t k = 0;
    while (k + 1 < ys.pieces.size() && as_double(ys.pieces[k].t_end) <= as_double(t)) ++k;
    const auto& pc = ys.pieces[k];
    if (pc.stopped) return pc.alpha_start;
    const T u = pc.u0 + T(ys.s) * pc.g * (t - pc.t_start);
    return vaxpy(pc.q, T(pc.c * sinh_of(u)), pc.gamma_unit);
}

template Yardstick<double> yardstick(const std::vector<Vec<double>>&, const Vec<double>&, const Vec<double>&, int, YardstickVariant);
template Yardstick<M> yardstick(const std::vector<Vec<M>>&, const Vec<M>&, const Vec<M>&, int, YardstickVariant);
template Vec<double> yardstick_at(const Yardstick<double>&, const double&);
template Vec<M> yardstick_at(const Yardstick<M>&, const M&);

Eigen::VectorXd gamma_of(const TrainingSet& data, const std::vector<bool>& active) {
    Eigen::VectorXd g = Eigen::VectorXd::Zero(data.d());
    for (Eigen::Index i = 0; i < data.n(); ++i)
        if (active[static_cast<std::size_t>(i)]) g += data.y(i) * data.X.col(i);
    return g / static_cast<double>(data.n());
}

Crossings yardstick_rk4(const TrainingSet& data, const Eigen::VectorXd& z, int s, double horizon, double h) {
    const Eigen::Index n = data.n();
    std::vector<bool> active(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) active[static_cast<std::size_t>(i)] = data.X.col(i).dot(z) > 0;
    auto f = [&](const Eigen::VectorXd& a, const Eigen::VectorXd& gam) -> Eigen::VectorXd { return s * a.norm() * gam; };
    auto rk4 = [&](const Eigen::VectorXd& a, const Eigen::VectorXd& gam, double hh) -> Eigen::VectorXd {
        const Eigen::VectorXd k1 = f(a, gam), k2 = f(a + 0.5 * hh * k1, gam), k3 = f(a + 0.5 * hh * k2, gam), k4 = f(a + hh * k3, gam);
        return a + hh / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
    };
    auto changed = [&](const Eigen::VectorXd& a) -> int {  // the first index whose side differs from the active set
        for (Eigen::Index i = 0; i < n; ++i)
            if ((data.X.col(i).dot(a) > 0) != active[static_cast<std::size_t>(i)]) return static_cast<int>(i);
        return -1;
    };
    Crossings out;
    Eigen::VectorXd alpha = z;
    double t = 0;
    while (t < horizon) {
        const Eigen::VectorXd gam = gamma_of(data, active);
        if (gam.norm() == 0) break;  // alpha stops
        const double hh = std::min(h, horizon - t);
        const Eigen::VectorXd next = rk4(alpha, gam, hh);
        if (changed(next) < 0) {
            alpha = next;
            t += hh;
            continue;
        }
        double lo = 0, hi = 1;
        for (int it = 0; it < 60; ++it) {
            const double mid = 0.5 * (lo + hi);
            (changed(rk4(alpha, gam, mid * hh)) >= 0 ? hi : lo) = mid;
        }
        alpha = rk4(alpha, gam, hi * hh);
        const int i = changed(alpha);
        t += hi * hh;
        out.tau.push_back(t);
        out.order.push_back(i);
        active[static_cast<std::size_t>(i)] = !active[static_cast<std::size_t>(i)];
    }
    return out;
}

// ---- delta and Delta --------------------------------------------------------------------------------

Spectrum spectrum(const TrainingSet& data) {
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(data.X * data.X.transpose() / static_cast<double>(data.n()));
    Spectrum sp;
    sp.eta = es.eigenvalues().reverse();
    sp.U = es.eigenvectors().rowwise().reverse();
    sp.nu = (sp.U.transpose() * data.vstar).cwiseAbs();
    return sp;
}

double DeltaTerms::dataset_part() const { return std::min({min_norm_x, min_cos_x, eigengap, sqrt_eta_d, min_nu}); }
double DeltaTerms::delta() const {
    return std::min({dataset_part(), min_norm_z, min_cos_phi_plus, min_sin_phi_minus, min_yardstick_margin, min_tau_gap, min_first_exit});
}
std::string DeltaTerms::argmin() const {
    const std::pair<double, const char*> t[] = {{min_norm_x, "min |x_i|"},
                                                {min_cos_x, "min xbar_i'xbar_i'"},
                                                {eigengap, "min (sqrt eta_k - sqrt eta_k+1)(d-1)"},
                                                {sqrt_eta_d, "sqrt eta_d"},
                                                {min_nu, "min nu_k* sqrt d"},
                                                {min_norm_z, "min |z_j|"},
                                                {min_cos_phi_plus, "min_{J+} cos phi_j^0"},
                                                {min_sin_phi_minus, "min_{J-} sin phi_j^0"},
                                                {min_yardstick_margin, "min |alphabar_j^t' xbar_i| (yardstick margin)"},
                                                {min_tau_gap, "min tau^l - tau^{l-1}"},
                                                {min_first_exit, "min_{J-} alphabar_j^0' xbar_{i^1}"}};
    const auto* best = &t[0];
    for (const auto& e : t)
        if (e.first < best->first) best = &e;
    return best->second;
}

DeltaTerms dataset_delta_terms(const TrainingSet& data) {
    DeltaTerms r;
    const Eigen::Index n = data.n(), d = data.d();
    r.min_norm_x = r.min_cos_x = std::numeric_limits<double>::infinity();
    for (Eigen::Index i = 0; i < n; ++i) {
        r.min_norm_x = std::min(r.min_norm_x, data.X.col(i).norm());
        r.Delta = std::max(r.Delta, data.X.col(i).norm());
        for (Eigen::Index k = 0; k < n; ++k) r.min_cos_x = std::min(r.min_cos_x, data.X.col(i).normalized().dot(data.X.col(k).normalized()));
    }
    const auto sp = spectrum(data);
    r.eigengap = std::numeric_limits<double>::infinity();
    for (Eigen::Index k = 0; k + 1 < d; ++k)
        r.eigengap = std::min(r.eigengap, (std::sqrt(sp.eta(k)) - std::sqrt(sp.eta(k + 1))) * static_cast<double>(d - 1));
    r.sqrt_eta_d = std::sqrt(sp.eta(d - 1));
    r.min_nu = sp.nu.minCoeff() * std::sqrt(static_cast<double>(d));
    return r;
}

namespace {
// min over u in [u_a, u_b] of |(b sinh u + e)/cosh u|: f' = (b - e sinh u)/cosh^2 u, so the extremes
// are at the ends and at sinh u* = b/e; 0 if f changes sign on the interval.
double min_abs_on_piece(double b, double e, double ua, double ub) {
    if (ua > ub) std::swap(ua, ub);
    auto f = [&](double u) { return (b * std::sinh(u) + e) / std::cosh(u); };
    std::vector<double> v{f(ua), f(ub)};
    if (e != 0) {
        const double us = std::asinh(b / e);
        if (us > ua && us < ub) v.push_back(f(us));
    }
    double lo = std::numeric_limits<double>::infinity();
    for (double x : v) lo = std::min(lo, std::abs(x));
    const bool all_pos = std::all_of(v.begin(), v.end(), [](double x) { return x > 0; });
    const bool all_neg = std::all_of(v.begin(), v.end(), [](double x) { return x < 0; });
    return all_pos || all_neg ? lo : 0.0;
}
}  // namespace

double yardstick_margin(const TrainingSet& data, const Yardstick<double>& ys) {
    const auto x = data.columns<double>();
    double r = 1;
    for (std::size_t l = 1; l <= ys.tau.size(); ++l) {
        const auto& pc = ys.pieces[l - 1];
        const double prev = l == 1 ? 0.0 : ys.tau[l - 2];
        const double ua = pc.u0, ub = pc.u0 + ys.s * pc.g * (ys.tau[l - 1] - prev);
        for (std::size_t i = 0; i < x.size(); ++i) {
            if (static_cast<int>(i) == ys.order[l - 1] || (l != 1 && static_cast<int>(i) == ys.order[l - 2])) continue;
            const double b = vdot(x[i], pc.gamma_unit), e = vdot(x[i], pc.q) / pc.c;
            r = std::min(r, min_abs_on_piece(b, e, ua, ub) / vnorm(x[i]));
        }
    }
    return r;
}

DeltaTerms delta_terms(const TrainingSet& data, const Eigen::MatrixXd& Z, const Eigen::VectorXd& signs) {
    DeltaTerms r = dataset_delta_terms(data);
    const auto x = data.columns<double>();
    const auto yv = data.labels<double>();
    const Eigen::Index n = data.n();
    r.min_norm_z = std::numeric_limits<double>::infinity();
    for (Eigen::Index j = 0; j < Z.rows(); ++j) {
        const Eigen::VectorXd z = Z.row(j).transpose();
        r.min_norm_z = std::min(r.min_norm_z, z.norm());
        r.Delta = std::max(r.Delta, z.norm());
        std::vector<bool> act(static_cast<std::size_t>(n));
        for (Eigen::Index i = 0; i < n; ++i) act[static_cast<std::size_t>(i)] = data.X.col(i).dot(z) > 0;
        if (std::none_of(act.begin(), act.end(), [](bool b) { return b; })) continue;  // not in J+ or J-
        const int s = signs(j) > 0 ? 1 : -1;
        const double cphi = z.normalized().dot(gamma_of(data, act).normalized());
        if (s > 0)
            r.min_cos_phi_plus = std::min(r.min_cos_phi_plus, cphi);
        else
            r.min_sin_phi_minus = std::min(r.min_sin_phi_minus, std::sqrt(std::max(0.0, 1 - cphi * cphi)));
        const Vec<double> zv(z.data(), z.data() + z.size());
        const auto ys = yardstick(x, yv, zv, s);
        for (std::size_t l = 1; l <= ys.tau.size(); ++l) r.min_tau_gap = std::min(r.min_tau_gap, ys.tau[l - 1] - (l == 1 ? 0.0 : ys.tau[l - 2]));
        r.min_yardstick_margin = std::min(r.min_yardstick_margin, yardstick_margin(data, ys));
        if (s < 0 && !ys.order.empty())
            r.min_first_exit = std::min(r.min_first_exit, z.normalized().dot(data.X.col(ys.order[0]).normalized()));
    }
    return r;
}

}  // namespace relucert::audit::chistikov
