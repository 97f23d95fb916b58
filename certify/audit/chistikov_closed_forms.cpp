// Audit of Chistikov, Englert & Lazic, Secs. 2-3 and 5: the loss and its Clarke gradient
// (Proposition 1), balancedness (l. 73), the constants of Assumption 2 (l. 163) and the special case of
// Theorem 6 (l. 199).
#include <cmath>

#include "audit/chistikov_closed_forms.hpp"
#include "chistikov/datasets.hpp"
#include "experiments/chistikov_experiments.hpp"
#include "relucert/rational.hpp"
#include "relucert/trainer/init.hpp"
#include "relucert/trainer/objective.hpp"

namespace relucert::audit::chistikov {

namespace {
// kFdStep, kFdTolerance (audit/sampling.hpp): L is a polynomial of degree 4 in theta on each activation
// region, so the Richardson-extrapolated central difference is exact up to rounding (~1e-70 / h).

// A random balanced network of width m on the data, scale in [0.3, 1.5], every pre-activation
// |w_j'x_i| >= 0.05 |w_j||x_i| (so the FD steps stay in one activation region).
Params<double> random_params(trainer::Rng& rng, const TrainingSet& data, std::size_t m) {
    const std::size_t d = static_cast<std::size_t>(data.d());
    Params<double> p;
    while (p.a.size() < m) {
        const Vec<double> w = random_vector_with_norm(rng, d, 0.3, 1.5);
        bool ok = true;
        for (Eigen::Index i = 0; i < data.n(); ++i) {
            double dot = 0;
            for (std::size_t c = 0; c < d; ++c) dot += w[c] * data.X(static_cast<Eigen::Index>(c), i);
            if (std::abs(dot) < 0.05 * vnorm(w) * data.X.col(i).norm()) ok = false;
        }
        if (!ok) continue;
        p.W.push_back(w);
        p.a.push_back((rng.uniform01() < 0.5 ? -1.0 : 1.0) * vnorm(w) * rng.uniform(0.7, 1.3));  // not only balanced points
    }
    return p;
}
Vec<double> flatten(const Params<double>& p) {
    Vec<double> t(p.a);
    for (const auto& w : p.W) t.insert(t.end(), w.begin(), w.end());
    return t;
}
trainer::Network to_network(const Params<double>& p) {
    const Eigen::Index m = static_cast<Eigen::Index>(p.a.size()), d = static_cast<Eigen::Index>(p.W[0].size());
    Eigen::MatrixXd W(m, d), V(m, 1);
    for (Eigen::Index j = 0; j < m; ++j) {
        V(j, 0) = p.a[static_cast<std::size_t>(j)];
        for (Eigen::Index c = 0; c < d; ++c) W(j, c) = p.W[static_cast<std::size_t>(j)][static_cast<std::size_t>(c)];
    }
    return trainer::Network(W, V);
}
std::vector<TrainingSet> prop1_sets() {
    return {thm8_set("A"), thm8_set("B"), sec8_set(trainer::DataScheme::centred, 4, 3)};
}
}  // namespace

std::vector<CheckResult> prop1_checks(const AuditContext& ctx, Prop1Variant variant) {
    auto rng = item_rng(ctx, "chistikov.prop1");
    ToleranceComparison fd("Prop. 1 (i): -(w_j'g_j, a_j g_j) vs central differences of L (l. 85, 101)", kFdMethod, kFdTolerance);
    ToleranceComparison tr("Prop. 1 (i) vs the trainer's gradient (EmpiricalLoss, double)", "double, relative 1e-12", 1e-12);
    ToleranceComparison kink("sigma'(0) := 0 (l. 95): at w_1'x_1 = 0 exactly, the trainer's gradient is Prop. 1 (i) with "
                             "relu'(0) = 0",
                             "double, relative 1e-12", 1e-12);
    const std::size_t points = ctx.quick ? 2 : 6, m = 3;
    for (const auto& data : prop1_sets()) {
        const auto x = data.columns<M>();
        const auto y = data.labels<M>();
        const auto xd = data.columns<double>();
        const auto yd = data.labels<double>();
        const std::size_t d = static_cast<std::size_t>(data.d());
        trainer::EmpiricalLoss loss(trainer::Dataset{data.X, data.y.transpose()}, trainer::Trainable{true, false, true});
        for (std::size_t pt = 0; pt < points; ++pt) {
            const auto p = random_params(rng, data, m);
            const auto theta = mp(flatten(p));
            const auto J = jacobian_fd([&](const Vec<M>& th) { return Vec<M>{loss_of(x, y, unflatten(th, m, d))}; }, theta, kFdStep);
            const auto G = prop1_gradient(x, y, unflatten(theta, m, d), variant);
            const std::string where = data.name + " theta=" + format_vector(flatten(p), 3);
            for (std::size_t k = 0; k < G.size(); ++k) fd.compare(J[k], G[k], where, max_abs(G));
            // the trainer (parameters (a, W) as Network V, W; no bias)
            const auto net = to_network(p);
            trainer::Network g = net.zeros_like();
            loss.evaluate(net, &g);
            const auto Gd = prop1_gradient(xd, yd, p, variant);
            for (std::size_t j = 0; j < m; ++j) {
                tr.compare(g.V(static_cast<Eigen::Index>(j), 0), Gd[j], where, max_abs(Gd));
                for (std::size_t c = 0; c < d; ++c)
                    tr.compare(g.W(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(c)), Gd[m + j * d + c], where, max_abs(Gd));
            }
        }
        if (data.d() == 3) {
            // w_1 = x_2 x x_3 (integers, exact): w_1'x_2 = w_1'x_3 = 0, and w_1'x_1 = det X != 0.
            auto p = random_params(rng, data, m);
            const Eigen::Vector3d x1 = data.X.col(1), x2 = data.X.col(2);
            const Eigen::Vector3d w = x1.cross(x2);
            p.W[0] = {w(0), w(1), w(2)};
            p.a[0] = w.norm() * 0.01;
            const auto net = to_network(p);
            trainer::Network g = net.zeros_like();
            loss.evaluate(net, &g);
            const auto Gd = prop1_gradient(xd, yd, p, variant);
            for (std::size_t c = 0; c < d; ++c) kink.compare(g.W(0, static_cast<Eigen::Index>(c)), Gd[m + c], data.name + " w_1 = x_2 x x_3", max_abs(Gd));
            kink.compare(g.V(0, 0), Gd[0], data.name + " w_1 = x_2 x x_3", max_abs(Gd));
        }
    }
    return {fd.result(), tr.result(), kink.result()};
}

// ---- GD runs shared by prop1 (ii) and balance ---------------------------------------------------------
BalanceRun balance_run(const TrainingSet& data, double step, double flow_time, double lambda, std::uint64_t seed) {
    experiments::ChistikovTrainOptions o;
    o.width = 8;
    o.lambda = lambda;
    o.step = step;
    o.seed = seed;
    o.loss_target = 0;
    o.max_iterations = static_cast<std::size_t>(std::llround(flow_time / step));
    BalanceRun r;
    Eigen::VectorXd prev_defect, signs;
    Eigen::VectorXd prev_pred;
    o.observe = [&](std::size_t t, const trainer::Network& th, const trainer::Network& g, double) {
        const Eigen::VectorXd defect = trainer::balancedness_defects(th);
        if (t == 0) signs = th.V.col(0).cwiseSign();
        if (t > 0) {
            // per step: (a - h ga)^2 - |w - h gw|^2 = a^2 - |w|^2 - 2h (a ga - w'gw) + h^2 (ga^2 - |gw|^2), and
            // a ga = w'gw (homogeneity), so the change is exactly h^2 (ga^2 - |gw|^2) at the previous iterate
            for (Eigen::Index j = 0; j < defect.size(); ++j) {
                const double measured = defect(j) - prev_defect(j), predicted = prev_pred(j);
                // double rounding of a^2 - |w|^2 is ~ 4e-16 (a^2 + |w|^2); use steps where the prediction is far above it
                const double noise = 4e-16 * 2 * (th.V(j, 0) * th.V(j, 0) + th.W.row(j).squaredNorm());
                if (std::abs(predicted) > 1e6 * noise) {
                    r.max_rel_step_error = std::max(r.max_rel_step_error, std::abs(measured - predicted) / std::abs(predicted));
                    ++r.compared_steps;
                }
            }
        }
        prev_pred.resize(defect.size());
        for (Eigen::Index j = 0; j < defect.size(); ++j) prev_pred(j) = step * step * (g.V(j, 0) * g.V(j, 0) - g.W.row(j).squaredNorm());
        prev_defect = defect;
        for (Eigen::Index j = 0; j < defect.size(); ++j) {
            if (th.V(j, 0) * signs(j) <= 0) r.sign_preserved = false;
            const double na = std::abs(th.V(j, 0)), nw = th.W.row(j).norm();
            r.max_rel_unbalance = std::max(r.max_rel_unbalance, std::abs(na - nw) / std::max(na, nw));
        }
    };
    const auto run = experiments::train_balanced(data.X, data.y, o);
    r.total_drift = run.max_balance_drift;
    r.final_loss = run.final_loss;
    return r;
}

std::vector<CheckResult> balance_checks(const AuditContext& ctx, BalanceVariant variant) {
    auto rng = item_rng(ctx, "chistikov.balance");
    IntervalComparison id("d/dt (a_j^2 - |w_j|^2) = 2 a_j w_j'g_j - 2 w_j'(a_j g_j) = 0 with Prop. 1 (i)", "MPFR 256-bit intervals at random points");
    ToleranceComparison fd("a_j dL/da_j - w_j'dL/dw_j = 0 with both partials by central differences of L", kFdMethod, kFdTolerance);
    ToleranceComparison step("GD: change of a_j^2 - |w_j|^2 per step = h^2((dL/da_j)^2 - |dL/dw_j|^2) (O(step^2))",
                             "trainer GD, ratio measured/predicted at steps where the prediction is >= 1e6 x the rounding", 1e-6);
    PredicateCheck halving("GD: halving the step (same flow time) halves the total drift (ratio in [0.4, 0.6])", "trainer GD, width 8");
    const std::size_t m = 3;
    for (const auto& data : prop1_sets()) {
        const auto x = data.columns<M>();
        const auto y = data.labels<M>();
        const std::size_t d = static_cast<std::size_t>(data.d());
        for (std::size_t pt = 0; pt < (ctx.quick ? 3u : 10u); ++pt) {
            const auto p = random_params(rng, data, m);
            const auto P = unflatten(mp(flatten(p)), m, d);
            const auto g = g_vectors(x, y, P);
            const std::string where = data.name + " theta=" + format_vector(flatten(p), 3);
            for (std::size_t j = 0; j < m; ++j) {
                Vec<M> dw = vscale(P.a[j], g[j]);  // dw_j/dt = a_j g_j
                if (variant == BalanceVariant::mutant_flow_without_a) dw = g[j];
                const M lhs = M(2) * P.a[j] * vdot(P.W[j], g[j]) - M(2) * vdot(P.W[j], dw);
                id.compare(lhs, mp(0), where, std::abs(mid_double(M(2) * P.a[j] * vdot(P.W[j], g[j]))));
            }
            if (pt < (ctx.quick ? 1u : 3u)) {
                const auto theta = mp(flatten(p));
                const auto J = jacobian_fd([&](const Vec<M>& th) { return Vec<M>{loss_of(x, y, unflatten(th, m, d))}; }, theta, kFdStep);
                for (std::size_t j = 0; j < m; ++j) {
                    Vec<M> gw(J.begin() + static_cast<std::ptrdiff_t>(m + j * d), J.begin() + static_cast<std::ptrdiff_t>(m + (j + 1) * d));
                    const M lhs = P.a[j] * J[j];
                    fd.compare(lhs, vdot(P.W[j], gw), where, std::abs(mid_double(lhs)));
                }
            }
        }
    }
    // GD on T8-B (step 1e-3: eta_1 ~ 40) and on a Sec. 8 set, lambda 0.1 (the defects are ~ lambda^2 |z|^2 at the start)
    const std::vector<std::pair<TrainingSet, double>> runs = {{thm8_set("B"), 1e-3}, {sec8_set(trainer::DataScheme::centred, 4, 3), 1e-2}};
    for (const auto& [data, h] : runs) {
        const double T = ctx.quick ? 10 * h * 100 : 10 * h * 400;
        const auto full = balance_run(data, h, T, 0.1, 5);
        const auto half = balance_run(data, h / 2, T, 0.1, 5);
        step.compare(full.max_rel_step_error, 0.0, data.name + " h=" + sci(h) + " (" + std::to_string(full.compared_steps) + " unit-steps)", 1.0);
        const double ratio = half.total_drift / full.total_drift;
        halving.add(ratio > 0.4 && ratio < 0.6, std::min(ratio - 0.4, 0.6 - ratio),
                    data.name + ": drift " + sci(full.total_drift) + " (h=" + sci(h) + ") vs " + sci(half.total_drift) + " (h/2), ratio " +
                        sci(ratio));
    }
    return {id.result(), fd.result(), step.result(), halving.result()};
}

namespace {
std::vector<CheckResult> prop1(const AuditContext& ctx) {
    auto checks = prop1_checks(ctx, Prop1Variant::printed);
    PredicateCheck ii("Prop. 1 (ii): a_j^t = s_j |w_j^t| along GD: the sign of a_j never changes, ||a_j| - |w_j|| / |w_j| = O(step)",
                      "trainer GD, width 8, lambda 0.1, T8-B step 1e-3 / Sec. 8 d=4 step 1e-2");
    for (const auto& [data, h] : std::vector<std::pair<TrainingSet, double>>{{thm8_set("B"), 1e-3}, {sec8_set(trainer::DataScheme::centred, 4, 3), 1e-2}}) {
        const auto r = balance_run(data, h, (ctx.quick ? 1000 : 4000) * h, 0.1, 5);
        ii.add(r.sign_preserved && r.max_rel_unbalance < 1e-2, 1e-2 - r.max_rel_unbalance,
               data.name + ": max relative unbalance " + sci(r.max_rel_unbalance) + ", signs " + (r.sign_preserved ? "kept" : "CHANGED"));
    }
    checks.push_back(ii.result());
    return checks;
}
std::vector<CheckResult> balance(const AuditContext& ctx) { return balance_checks(ctx, BalanceVariant::derived); }

// ---- Assumption 2 and Theorem 6's constants ----------------------------------------------------------
std::vector<CheckResult> asm2(const AuditContext& ctx) {
    (void)ctx;
    PredicateCheck pos("delta > 0 (l. 157, 'positive thanks to Assumption 1') on the data satisfying Assumption 1; delta = 0 where "
                       "(iii) fails exactly",
                       "delta's 12 terms in double (reconstructed display); T8-A', T8-B': exact eigenvector of XX' orthogonal to v*");
    PredicateCheck under("Assumption 2's bound lambda_max = (m n^{9 n Delta^2/delta^3})^{-3/eps} at eps = 1/4, m = 200: log10 in "
                         "MPFR intervals (it underflows every floating-point format)",
                         "MPFR 256-bit intervals from delta, Delta in double");
    for (const auto& c : asm2_constants()) {
        const bool expect_zero = c.data.name == "T8-A'" || c.data.name == "T8-B'";
        const double dl = c.terms.delta();
        if (expect_zero) {
            pos.add(exact_eigenvector_orthogonal_to_vstar(c.data.name) && dl < 1e-12, 1e-12 - dl,
                    c.data.name + ": delta = " + sci(dl) + " (nu_k* = 0 for an exact eigenvector)", false);
            continue;
        }
        pos.add(dl > 0, dl, c.data.name + ": delta = " + sci(dl) + " (" + c.terms.argmin() + "), dataset part " + sci(c.terms.dataset_part()));
        const M l10 = asm2_log10_lambda_max(200, static_cast<int>(c.data.n()), dl, c.terms.Delta, M(1) / M(4));
        under.add(l10.certainly_negative() && mpfr_cmp_si(l10.upper(), -400) < 0, -l10.upper_double_up(),
                  c.data.name + ": log10 lambda_max in [" + sci(l10.lower_double_down()) + ", " + sci(l10.upper_double_up()) + "], Delta = " +
                      sci(c.terms.Delta) + ", delta = " + sci(dl));
    }
    return {pos.result(), under.result()};
}

std::vector<CheckResult> asm2_printed(const AuditContext& ctx) {
    PredicateCheck poly("'polynomial in the network width m' (l. 165): with z_j ~ N(0, I/(dm)) (the paper's example, l. 71) "
                        "ln(1/lambda_max) should be O(ln m); fitted log-log slope of ln(1/lambda_max) against m must be ~ 0",
                        "T8-B data, m = 10..10^4, delta <= min_j |z_j| (one term of delta) gives a lower bound on ln(1/lambda_max)");
    const auto data = thm8_set("B");
    const auto dt = dataset_delta_terms(data);
    std::vector<double> ms, lbs;
    auto rng = item_rng(ctx, "chistikov.asm2.printed");
    for (int m : {10, 100, 1000, ctx.quick ? 3000 : 10000}) {
        trainer::Rng r2 = rng.split();
        const auto draw = trainer::draw_balanced(m, data.d(), r2);
        const double minz = draw.Z.rowwise().norm().minCoeff();
        const double delta_ub = std::min(dt.dataset_part(), minz);
        const M l10 = asm2_log10_lambda_max(m, static_cast<int>(data.n()), delta_ub, dt.Delta, M(1) / M(4));
        ms.push_back(m);
        lbs.push_back(-l10.upper_double_up());
    }
    const double slope = experiments::loglog_slope(ms, lbs);
    std::string pts;
    for (std::size_t k = 0; k < ms.size(); ++k) pts += "m=" + sci(ms[k]) + ": log10(1/lambda_max) >= " + sci(lbs[k]) + "; ";
    poly.add(slope < 0.1, 0.1 - slope, pts + "slope " + sci(slope));
    return {poly.result()};
}

std::vector<CheckResult> thm6_special(const AuditContext& ctx) { return thm6_special_checks(ctx, 17 * 27); }

const AuditRegistration r_p1({"chistikov.prop1", "Sec. 2 Proposition 1, l. 95-106",
                              "da_j/dt = w_j'g_j, dw_j/dt = a_j g_j, g_j in (1/n) sum_i (y_i - h(x_i)) dsigma(w_j'x_i) x_i; a_j^t = s_j |w_j^t| != 0",
                              "FD of L in MPFR at random points; the trainer's gradient; sigma'(0) := 0 at an exact kink; signs along GD", true,
                              "", prop1});
const AuditRegistration r_bal({"chistikov.balance", "Sec. 2 l. 73",
                               "each difference (a_j^t)^2 - |w_j^t|^2 is constant throughout training",
                               "the identity in MPFR and by FD; GD's per-step drift h^2((dL/da)^2 - |dL/dw|^2) and its halving", true, "",
                               balance});
const AuditRegistration r_a2({"chistikov.asm2", "Sec. 3 l. 157-165 (delta reconstructed, see note)",
                              "0 < eps <= 1/4 and lambda <= (m n^{9 n Delta^2/delta^3})^{-3/eps}",
                              "delta, Delta on the Theorem 8 and Sec. 8 data with a width-200 init; log10 of the bound in MPFR", true,
                              "the printed delta display (l. 159) is garbled: min{tau^l - tau^{l-1}} sits inside the condition array of "
                              "the preceding min, and a trailing column of three 0s would, read literally, make delta = 0 always; we "
                              "take delta = the minimum of the 12 named terms",
                              asm2});
const AuditRegistration r_a2p({"chistikov.asm2.printed", "Sec. 3 l. 165",
                               "the bound on lambda 'is polynomial in the network width m'",
                               "ln(1/lambda_max) against m with the paper's example initialisation", false,
                               "delta <= min_j |z_j| and min_j cos phi_j^0 depend on m: with z_j ~ N(0, I/(dm)) (l. 71) min_j |z_j| "
                               "shrinks like m^{-1/2-1/d}, so ln(1/lambda_max) >= (27 n Delta^2 ln n / eps) / min_j |z_j|^3 grows like "
                               "a power of m (measured log-log slope 2.4 on T8-B, m = 10..10^4), not like ln m: lambda_max is exp(-poly(m)), not 1/poly(m). "
                               "The remark holds only with delta treated as a constant independent of m",
                               asm2_printed});
const AuditRegistration r_t6s({"chistikov.thm6-special", "Sec. 5 l. 199",
                               "for eps = 1/4 and lambda = ((m n^n)^{9 Delta^2/delta^3})^{-3/eps} (cf. Assumption 2), T2 < (ln m + n ln n) d 17 27 "
                               "Delta^4/delta^9",
                               "exact rational coefficient; MPFR comparison of the two T2 bounds; lambda <= Assumption 2's bound", true,
                               "the stated lambda is not Assumption 2's bound ((m n^n)^{9 Delta^2/delta^3} = m^{9 Delta^2/delta^3} "
                               "n^{9 n Delta^2/delta^3}, vs m n^{9 n Delta^2/delta^3}) but is smaller than it (9 Delta^2/delta^3 >= 9 > 1), so "
                               "it satisfies Assumption 2 and the stated T2 bound follows from Theorem 6 exactly (3/eps * 9 * (4 + eps) = "
                               "459 = 17 * 27)",
                               thm6_special});
}  // namespace

// ---- shared with the tests ---------------------------------------------------------------------------

std::vector<Asm2Constants> asm2_constants() {
    std::vector<Asm2Constants> out;
    std::vector<TrainingSet> sets{thm8_set("A"), thm8_set("Ap"), thm8_set("B"), thm8_set("Bp"),
                                  sec8_set_in_setting(trainer::DataScheme::centred, 4, 1),
                                  sec8_set_in_setting(trainer::DataScheme::uncentred, 4, 1)};
    for (auto& s : sets) {
        trainer::Rng rng(11);
        const auto draw = trainer::draw_balanced(200, s.d(), rng);
        out.push_back({s, delta_terms(s, draw.Z, draw.signs)});
    }
    return out;
}

bool exact_eigenvector_orthogonal_to_vstar(const std::string& name) {
    // e = (0,1,0) for T8-A' (x <-> -y mirror) and (1,-1,0) for T8-B' (x <-> y swap): XX'e = c e and e'v* = 0, exactly.
    const std::string key = name == "T8-A'" ? "Ap" : name == "T8-B'" ? "Bp" : name == "T8-A" ? "A" : "B";
    const auto& d = relucert::chistikov::thm8_dataset(key);
    const relucert::chistikov::Vec3<Rational> e = key == "Ap" || key == "A" ? relucert::chistikov::Vec3<Rational>{Rational(0), Rational(1), Rational(0)}
                                                                             : relucert::chistikov::Vec3<Rational>{Rational(1), Rational(-1), Rational(0)};
    relucert::chistikov::Vec3<Rational> Me{Rational(0), Rational(0), Rational(0)};
    for (int i = 0; i < 3; ++i) Me = relucert::chistikov::axpy(Rational(relucert::chistikov::dot(d.x[i], e)), d.x[i], Me);
    const auto c = relucert::chistikov::cross(Me, e);
    return c[0] == 0 && c[1] == 0 && c[2] == 0 && relucert::chistikov::dot(e, d.vstar) == 0;
}

M asm2_log10_lambda_max(int m, int n, double delta, double Delta, const M& eps) {
    // log10 lambda_max = -(3/eps) (log10 m + (9 n Delta^2/delta^3) log10 n)
    const M ln10 = log(mp(10));
    const M D = mp(Delta), dl = mp(delta);
    return -(M(3) / eps) * (log(mp(m)) + M(9) * M(n) * D * D / (dl * dl * dl) * log(mp(n))) / ln10;
}

std::vector<CheckResult> thm6_special_checks(const AuditContext& ctx, long coefficient) {
    (void)ctx;
    PredicateCheck exact("(3/eps) * 9 * (4 + eps) at eps = 1/4 equals the printed 17 * 27 (exact rationals)", "Rational arithmetic");
    const Rational eps(1, 4);
    const Rational c = (Rational(3) / eps) * Rational(9) * (Rational(4) + eps);
    exact.add(c == Rational(coefficient), to_double(c) - static_cast<double>(coefficient),
              "(3/eps) 9 (4 + eps) = " + c.str() + ", printed " + std::to_string(coefficient));
    IntervalComparison t2("Theorem 6's ln(1/lambda)(4 + eps) d Delta^2/delta^6 at the special lambda vs (ln m + n ln n) d 17 27 Delta^4/delta^9",
                          "MPFR 256-bit intervals", 1e-30);
    PredicateCheck sat("the special lambda satisfies Assumption 2: ln(1/lambda_special) - ln(1/lambda_max) = (3/eps)(9 Delta^2/delta^3 - 1) ln m > 0",
                       "MPFR 256-bit intervals, m = 200");
    const M e = M(1) / M(4);
    for (const auto& k : asm2_constants()) {
        const double dl = k.terms.delta();
        if (!(dl > 1e-12)) continue;  // T8-A', T8-B': delta = 0, the bounds are void
        const int m = 200, n = static_cast<int>(k.data.n()), d = static_cast<int>(k.data.d());
        const M D = mp(k.terms.Delta), dd = mp(dl), lm = log(mp(m)), ln = log(mp(n));
        const M ln_inv_special = (M(3) / e) * (M(9) * D * D / (dd * dd * dd)) * (lm + M(n) * ln);
        const M ln_inv_asm2 = -asm2_log10_lambda_max(m, n, dl, k.terms.Delta, e) * log(mp(10));
        const M lhs = ln_inv_special * (M(4) + e) * M(d) * D * D / pow(dd, 6);
        const M rhs = (lm + M(n) * ln) * M(d) * M(static_cast<int>(coefficient)) * pow(D, 4) / pow(dd, 9);
        t2.compare(log(lhs), log(rhs), k.data.name + " (delta = " + sci(dl) + ", Delta = " + sci(k.terms.Delta) + ")", std::abs(mid_double(log(rhs))));
        const M gap = ln_inv_special - ln_inv_asm2;
        sat.add(gap.certainly_positive(), gap.lower_double_down() / std::log(10.0),
                k.data.name + ": lambda_special / lambda_max = 10^-" + sci(gap.lower_double_down() / std::log(10.0)) + ", T2 bound 10^" +
                    sci(mid_double(log(lhs)) / std::log(10.0)));
    }
    return {exact.result(), t2.result(), sat.result()};
}

}  // namespace relucert::audit::chistikov
