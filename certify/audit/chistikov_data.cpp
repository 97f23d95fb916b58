// Audit of the probabilistic remarks of Chistikov, Englert & Lazic: the probability of Assumption 1 (ii)
// under the example initialisation (l. 138-142, chistikov.asm1-prob) and the Sec. 8 data schemes
// (l. 258-262, chistikov.data-schemes).
#include <algorithm>
#include <cmath>
#include <numbers>

#include "audit/chistikov_data.hpp"
#include "relucert/trainer/stats.hpp"

namespace relucert::audit::chistikov {

// ---- asm1-prob ---------------------------------------------------------------------------------------
// Assumption 1 (ii): J+ != {} (some j with s_j = +1 and I+(z_j) != {}), I_0(z_j) = {} for all j, and
// angle(z_j, gamma_[n]) > 0 for j in J-. The last two fail with probability 0 for a continuous law, so
// P = P(J+ != {}) = 1 - (1 - (1 - q)/2)^m with q = P(z'x_i <= 0 for all i) = P(z in the polar cone of
// the data). For n = d = 3 the polar cone is cone{-chi_1, -chi_2, -chi_3} (z = sum_k (x_k'z) chi_k), so
// q is its solid angle / (4 pi) (Van Oosterom-Strackee): Omega = 2 atan2(|a.(b x c)|, 1 + a.b + b.c + c.a)
// for the unit generators a, b, c. q <= 1/2 (a pointed cone lies in a half-space), hence
// P >= 1 - (3/4)^m: the paper's bound, with equality iff the data span a half-line (q = 1/2).
M polar_cone_probability(const TrainingSet& data) {
    const auto X = data.columns<M>();
    // chi_k = (x_{k+1} x x_{k+2}) / det X; the solid angle only needs the unit directions (the sign of
    // det flips all three, which leaves Omega unchanged)
    auto cross = [](const Vec<M>& a, const Vec<M>& b) {
        return Vec<M>{a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    };
    const Vec<M> a = unit(cross(X[1], X[2])), b = unit(cross(X[2], X[0])), c = unit(cross(X[0], X[1]));
    const M triple = abs(vdot(a, cross(b, c)));
    const M omega = M(2) * atan2(triple, M(1) + vdot(a, b) + vdot(b, c) + vdot(c, a));
    return omega / (M(4) * pi<M>());
}

M asm1_probability(const M& q, int m) { return M(1) - pow(M(1) - (M(1) - q) / M(2), m); }

// One draw of the example initialisation; whether Assumption 1 (ii) holds.
bool assumption1_ii(trainer::Rng& rng, const TrainingSet& data, int m) {
    const auto draw = trainer::draw_balanced(m, data.d(), rng);
    const Eigen::VectorXd g = gamma_of(data, std::vector<bool>(static_cast<std::size_t>(data.n()), true));
    bool jplus = false;
    for (int j = 0; j < m; ++j) {
        const Eigen::VectorXd z = draw.Z.row(j).transpose();
        const Eigen::VectorXd p = data.X.transpose() * z;
        if ((p.array() == 0).any()) return false;
        const bool active = (p.array() > 0).any();
        if (active && draw.signs(j) > 0) jplus = true;
        if (active && draw.signs(j) < 0 && std::abs(z.normalized().dot(g.normalized())) >= 1) return false;  // angle 0
    }
    return jplus;
}

std::vector<CheckResult> asm1_prob_checks(const AuditContext& ctx, Asm1Variant variant) {
    auto rng = item_rng(ctx, "chistikov.asm1-prob");
    const std::size_t N = ctx.quick ? 40000 : 400000;
    MonteCarloComparison mc("P(Assumption 1 (ii)) by Monte Carlo vs 1 - (1 - (1 - q)/2)^m, q = solid angle of the polar cone / 4 pi "
                            "(n = d = 3)",
                            "Monte Carlo " + std::to_string(N) + " initialisations per (dataset, m); z_j ~ N(0, I/(dm)), s_j ~ U{+-1}", 5.0, 0.1);
    PredicateCheck bound("the paper's bound P >= 1 - (3/4)^m: proven for the closed form (n = d = 3, MPFR), and not contradicted by "
                         "the Wilson 95% interval (Sec. 8 data, d = 4)",
                         "MPFR 256-bit; Wilson score interval");
    for (const auto& data : std::vector<TrainingSet>{thm8_set("A"), thm8_set("B"), sec8_set_in_setting(trainer::DataScheme::centred, 4, 1)}) {
        for (int m : {1, 2, 4}) {
            std::size_t hits = 0;
            for (std::size_t k = 0; k < N; ++k) hits += assumption1_ii(rng, data, m) ? 1 : 0;
            const double p = static_cast<double>(hits) / static_cast<double>(N);
            const double se = std::sqrt(std::max(p * (1 - p), 1e-12) / static_cast<double>(N));
            const M paper = M(1) - pow(M(3) / M(4), m);
            const std::string where = data.name + " m=" + std::to_string(m);
            if (data.d() == 3) {
                const M q = polar_cone_probability(data);
                const M closed = variant == Asm1Variant::derived ? asm1_probability(q, m) : paper;
                const double cf = mid_double(closed);
                mc.compare({&p, 1}, {&se, 1}, {&cf, 1}, cf, where + " (q = " + sci(mid_double(q)) + ")");
                const M gap = asm1_probability(q, m) - paper;
                bound.add(gap.certainly_nonnegative(), gap.lower_double_down(),
                          where + ": closed form " + sci(mid_double(asm1_probability(q, m))) + " >= " + sci(mid_double(paper)) + "; MC " + sci(p), true);
            } else {
                const auto w = trainer::wilson_interval(hits, N);
                bound.add(w.upper >= mid_double(paper), w.upper - mid_double(paper),
                          where + ": MC " + sci(p) + " [" + sci(w.lower) + ", " + sci(w.upper) + "] vs 1 - (3/4)^m = " + sci(mid_double(paper)));
            }
        }
    }
    return {mc.result(), bound.result()};
}

// ---- data-schemes ------------------------------------------------------------------------------------
DataSchemeStats data_scheme_stats(trainer::DataScheme scheme, Eigen::Index d, std::size_t datasets, trainer::Rng& rng) {
    DataSchemeStats s;
    double sum = 0, sum2 = 0, dist = 0, dist2 = 0;
    std::size_t count = 0, in_setting = 0;
    for (std::size_t k = 0; k < datasets; ++k) {
        const auto t = trainer::sample_teacher_dataset(scheme, d, rng);
        bool all = true;
        for (Eigen::Index i = 0; i < d; ++i) {
            const double a = std::acos(std::clamp(t.X.col(i).normalized().dot(t.vstar), -1.0, 1.0));
            sum += a, sum2 += a * a, ++count;
            all = all && a < std::numbers::pi / 4;
        }
        in_setting += all ? 1 : 0;
        const double dd = (t.vstar - t.mu).norm();
        dist += dd, dist2 += dd * dd;
    }
    const double n = static_cast<double>(count), D = static_cast<double>(datasets);
    s.mean_angle = sum / n;
    s.sd_angle = std::sqrt(std::max(0.0, sum2 / n - s.mean_angle * s.mean_angle));
    s.mean_distance = dist / D;
    s.se_distance = std::sqrt(std::max(0.0, dist2 / D - s.mean_distance * s.mean_distance) / D);
    s.fraction_in_setting = static_cast<double>(in_setting) / D;
    return s;
}

double distance_limit(double rho) { return std::sqrt(2 - 2 / std::sqrt(1 + rho)); }

std::vector<CheckResult> data_schemes_checks(const AuditContext& ctx, bool printed) {
    auto rng = item_rng(ctx, "chistikov.data-schemes");
    const std::size_t N = ctx.quick ? 100 : 400;
    const double rho_u = std::sqrt(2.0) - 1;
    PredicateCheck conc("angles(v*, x_i) concentrate around pi/4 as d grows (both schemes): |mean - pi/4| and the sd decrease from "
                        "d = 4 to 256, and at d = 256 |mean - pi/4| < 0.01 and sd < 0.05",
                        "sampling " + std::to_string(N) + " datasets per (scheme, d), d = 4, 16, 64, 256");
    MonteCarloComparison dist(printed ? "uncentred: E|v* - mu| = sqrt(rho) (as printed, l. 262), d = 256"
                                      : "uncentred: E|v* - mu| -> sqrt(2 - 2/sqrt(1 + rho)) (v* = x0bar on the unit sphere), d = 256",
                              "sampling datasets (the sample mean and its standard error)", 5.0, 0.1);
    for (auto scheme : {trainer::DataScheme::centred, trainer::DataScheme::uncentred}) {
        const std::string name = scheme == trainer::DataScheme::centred ? "centred" : "uncentred";
        std::vector<DataSchemeStats> st;
        std::string pts;
        for (Eigen::Index d : {4, 16, 64, 256}) {
            st.push_back(data_scheme_stats(scheme, d, d >= 256 ? N / 2 : N, rng));
            pts += "d=" + std::to_string(d) + ": mean " + sci(st.back().mean_angle) + " sd " + sci(st.back().sd_angle) + " in-setting " +
                   sci(st.back().fraction_in_setting) + (scheme == trainer::DataScheme::uncentred ? " |v*-mu| " + sci(st.back().mean_distance) : "") + "; ";
        }
        bool decreasing = true;
        for (std::size_t k = 1; k < st.size(); ++k)
            decreasing = decreasing && st[k].sd_angle < st[k - 1].sd_angle &&
                         std::abs(st[k].mean_angle - std::numbers::pi / 4) < std::abs(st[0].mean_angle - std::numbers::pi / 4) + 0.01;
        const double dev = std::abs(st.back().mean_angle - std::numbers::pi / 4);
        conc.add(decreasing && dev < 0.01 && st.back().sd_angle < 0.05, 0.01 - dev, name + ": " + pts);
        if (scheme == trainer::DataScheme::uncentred) {
            const double target = printed ? std::sqrt(rho_u) : distance_limit(rho_u);
            dist.compare({&st.back().mean_distance, 1}, {&st.back().se_distance, 1}, {&target, 1}, target,
                         "d=256: mean " + sci(st.back().mean_distance) + " (sqrt rho = " + sci(std::sqrt(rho_u)) + ", limit " +
                             sci(distance_limit(rho_u)) + ")");
        }
    }
    return {conc.result(), dist.result()};
}

namespace {
std::vector<CheckResult> asm1_prob(const AuditContext& ctx) { return asm1_prob_checks(ctx, Asm1Variant::derived); }
std::vector<CheckResult> data_schemes(const AuditContext& ctx) { return data_schemes_checks(ctx, false); }
std::vector<CheckResult> data_schemes_printed(const AuditContext& ctx) { return data_schemes_checks(ctx, true); }

const AuditRegistration r_a1({"chistikov.asm1-prob", "Sec. 3 l. 138-142",
                              "Assumption 1 (ii) holds with probability at least 1 - (3/4)^m for z_j iid N(0, I/(dm)) and s_j iid U{+-1}",
                              "Monte Carlo against the exact probability 1 - (1 - (1 - q)/2)^m (q: solid angle of the polar cone of the data) "
                              "on T8-A, T8-B; the bound proven for the closed form; Wilson interval on Sec. 8 data",
                              true, "", asm1_prob});
const AuditRegistration r_ds({"chistikov.data-schemes", "Sec. 8 l. 258-262",
                              "angles between v* and the x_i concentrate around pi/4 in high dimensions (both schemes); uncentred: the "
                              "expected distance between v* and mu (as the definitions give it)",
                              "sampling the trainer's Sec. 8 generator at d = 4, 16, 64, 256", true,
                              "the angles concentrate at rate ~ d^-1/2; the Sec. 8 data are mostly outside the paper's setting "
                              "angle(v*, x_i) < pi/4 (l. 79) for d >= 16 (about half the angles exceed pi/4), which the scheme does not "
                              "exclude (only angles > pi/2 are)",
                              data_schemes});
const AuditRegistration r_dsp({"chistikov.data-schemes.printed", "Sec. 8 l. 262 (as printed)",
                               "uncentred: 'the expected distance between v* and mu is sqrt(rho)'",
                               "sampling the trainer's Sec. 8 generator at d = 256", false,
                               "v* = x0bar is on the unit sphere: |v* - mu|^2 = 2 - 2 mu'x0/|x0| -> 2 - 2/sqrt(1 + rho), so E|v* - mu| -> "
                               "0.564 for rho = sqrt 2 - 1, not sqrt(rho) = 0.644; sqrt(rho) is the RMS distance between the unnormalised "
                               "x0 and mu (E|x0 - mu|^2 = rho exactly)",
                               data_schemes_printed});
}  // namespace

}  // namespace relucert::audit::chistikov
