// chistikov.set-invariant (Sec. 5 l. 214-216, Sec. 1 l. 43): for t >= T_1 = eps ln(1/lambda)/|gamma_[n]|
// the bundle vector v^t = sum_{j in J_+} a_j w_j stays in S = S_1 u ... u S_d, passes S_1, ..., S_d in
// that order, each handover S_l -> S_{l+1} "happening exactly when" nu_l^t exceeds nu_l*, and the
// cosines between the bundle's neurons stay above 1 - 4 lambda^eps.
//
// GD with a small step (an approximation of the flow) on the datasets of certify/chistikov/
// invariant_set.hpp (eigenbasis = standard basis, so nu = v and p_k = v_k / v_k*). Membership is
// tested twice: with Xi's padding as printed, G/N > lambda^{eps/3} (X-bar X-bar' read as (1/n) X X'),
// and with padding 0 (the ellipsoid). v^t -> v* and G(v*) = 0, so the printed Xi must be left once G/N
// drops below lambda^{eps/3}: the check records when (a finding, see proofs/chistikov.md).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>

#include "chistikov/invariant_set.hpp"
#include "experiments/chistikov_experiments.hpp"
#include "relucert/trainer/data.hpp"
#include "relucert/trainer/init.hpp"
#include "relucert/trainer/objective.hpp"
#include "relucert/trainer/optimizer.hpp"
#include "relucert/trainer/shallow_bundle.hpp"
#include "relucert/trainer/svg_plot.hpp"

namespace relucert::experiments {
namespace {

using namespace relucert::trainer;
using chistikov::EigenDataset;

std::string fmt(const char* f, double x) {
    char buf[96];
    std::snprintf(buf, sizeof buf, f, x);
    return buf;
}

struct InvariantRun {
    double T1 = 0, step = 0, pad = 0, min_cos = 1, t_end = 0, final_loss = 0;
    std::size_t j_plus = 0;
    int set_at_T1 = 0;
    std::vector<int> order;                    // distinct consecutive S_l indices (padding 0), 0 = outside
    double first_exit_c0 = -1;                 // first t >= T1 outside S (padding 0), -1 if never
    double first_exit_printed = -1;            // first t >= T1 outside S with the printed padding
    std::vector<double> handover_t, cross_t;   // per handover l -> l+1: its time, first time p_l > 1
    std::vector<double> ts;                    // recorded times
    std::vector<std::vector<double>> p;        // p_k at ts
    std::vector<int> set_c0, set_printed;
    std::vector<double> xi, cosines;           // G/N, min pairwise cosine in J_+
};

// J_+: positive-sign units with a training point in their initial half-space (Sec. 3 l. 118).
std::vector<Eigen::Index> j_plus(const Network& start, const Eigen::MatrixXd& X) {
    std::vector<Eigen::Index> J;
    for (Eigen::Index j = 0; j < start.hidden(); ++j)
        if (start.V(j, 0) > 0 && (X.transpose() * start.W.row(j).transpose()).maxCoeff() > 0) J.push_back(j);
    return J;
}
double min_pairwise_cosine(const Network& net, const std::vector<Eigen::Index>& J) {
    double m = 1;
    for (std::size_t a = 0; a < J.size(); ++a)
        for (std::size_t b = a + 1; b < J.size(); ++b) {
            const Eigen::VectorXd u = net.W.row(J[a]).transpose(), w = net.W.row(J[b]).transpose();
            m = std::min(m, u.dot(w) / (u.norm() * w.norm()));
        }
    return m;
}

InvariantRun run_one(const EigenDataset& D, Eigen::Index width, double lambda, double eps, double step, double t_max,
                     std::uint64_t seed) {
    const int d = D.d;
    Eigen::MatrixXd X(d, D.n);
    Eigen::VectorXd vstar(d), y(D.n);
    for (int i = 0; i < D.n; ++i)
        for (int k = 0; k < d; ++k) X(k, i) = to_double(D.x[i][k]);
    for (int k = 0; k < d; ++k) vstar(k) = to_double(D.vstar[k]);
    y = (X.transpose() * vstar).cwiseMax(0.0);
    const Eigen::VectorXd gamma = X * y / static_cast<double>(D.n);
    InvariantRun r;
    r.T1 = eps * std::log(1 / lambda) / gamma.norm();
    r.step = step;
    r.pad = std::pow(lambda, eps / 3);
    Rng rng(seed);
    const auto draw = draw_balanced(width, d, rng);
    const Network start = init::balanced(draw.Z, draw.signs, lambda);
    const auto J = j_plus(start, X);
    r.j_plus = J.size();
    EmpiricalLoss loss(Dataset{X, y.transpose()}, Trainable{true, false, true});
    GradientDescent gd(loss, start, GdOptions(StepSchedule::constant(step)));
    int prev = -1;
    std::vector<bool> crossed(static_cast<std::size_t>(d), false);
    std::vector<double> cross_time(static_cast<std::size_t>(d), -1);
    const auto steps = static_cast<std::size_t>(std::ceil(t_max / step));
    for (std::size_t it = 0; it <= steps; ++it) {
        const double t = static_cast<double>(it) * step;
        const double l = gd.evaluate();
        r.final_loss = l, r.t_end = t;
        if (t >= r.T1) {
            const Network& net = gd.params();
            const Eigen::VectorXd v = bundle_vector(net, X);
            chistikov::Vec<double> p{0, 0, 0};
            for (int k = 0; k < d; ++k) p[k] = v(k) / vstar(k);
            const int s0 = chistikov::member_of(D, p, 0.0), sp = chistikov::member_of(D, p, r.pad);
            for (int k = 0; k < d; ++k)
                if (!crossed[k] && p[k] > 1) crossed[k] = true, cross_time[k] = t;
            if (prev < 0) r.set_at_T1 = s0;
            if (s0 != prev) {
                if (prev > 0 && s0 == prev + 1) {
                    r.handover_t.push_back(t);
                    r.cross_t.push_back(cross_time[static_cast<std::size_t>(prev - 1)]);
                }
                r.order.push_back(s0);
                prev = s0;
            }
            if (s0 == 0 && r.first_exit_c0 < 0) r.first_exit_c0 = t;
            if (sp == 0 && r.first_exit_printed < 0) r.first_exit_printed = t;
            const bool record = it % 20 == 0;
            if (record || it % 5 == 0) r.min_cos = std::min(r.min_cos, min_pairwise_cosine(net, J));
            if (record) {
                r.ts.push_back(t);
                r.p.emplace_back(p.begin(), p.begin() + d);
                r.set_c0.push_back(s0), r.set_printed.push_back(sp);
                r.xi.push_back(chistikov::gain(D, p) / std::sqrt(chistikov::norm2(D, p)));
                r.cosines.push_back(min_pairwise_cosine(net, J));
            }
        }
        if (l < 1e-14) break;
        gd.update();
    }
    return r;
}

ExperimentReport run_set_invariant(const ExperimentContext& ctx) {
    ExperimentReport rep;
    std::filesystem::create_directories(ctx.out_dir);
    const bool paper = ctx.scale == Scale::paper;
    const double eps = 0.25;
    const std::vector<double> lambdas = paper ? std::vector<double>{1e-8, 1e-12, 1e-16} : std::vector<double>{1e-12, 1e-16};
    const Eigen::Index width = paper ? 50 : 20;
    std::string summary;
    for (const auto& D : chistikov::invariant_set_datasets()) {
        const double step = D.key == "D2" ? 1e-3 : 2e-4;  // eta_1 = 4 and 48
        for (double lambda : lambdas) {
            const double t_max = 40;
            const auto r = run_one(D, width, lambda, eps, step, t_max, ctx.seed);
            const std::string tag = D.key + " lambda " + fmt("%.0e", lambda);
            // CSV and SVG
            std::string csv = "# chistikov.set-invariant on " + D.name + ", lambda = " + fmt("%.3g", lambda) + ", eps = 1/4, width " +
                              std::to_string(width) + ", GD step " + fmt("%.1e", step) + ", T1 = " + fmt("%.4f", r.T1) +
                              ", printed Xi padding lambda^(eps/3) = " + fmt("%.4g", r.pad) + "\nt";
            for (int k = 0; k < D.d; ++k) csv += ",p" + std::to_string(k + 1);
            csv += ",S_index_pad0,S_index_printed,G_over_N,min_cos_Jplus\n";
            std::vector<PlotSeries> series(static_cast<std::size_t>(D.d));
            for (int k = 0; k < D.d; ++k) series[static_cast<std::size_t>(k)].label = "nu_" + std::to_string(k + 1) + "/nu_" + std::to_string(k + 1) + "*";
            for (std::size_t i = 0; i < r.ts.size(); ++i) {
                csv += fmt("%.6g", r.ts[i]);
                for (int k = 0; k < D.d; ++k) {
                    csv += "," + fmt("%.9g", r.p[i][static_cast<std::size_t>(k)]);
                    series[static_cast<std::size_t>(k)].x.push_back(r.ts[i]);
                    series[static_cast<std::size_t>(k)].y.push_back(r.p[i][static_cast<std::size_t>(k)]);
                }
                csv += "," + std::to_string(r.set_c0[i]) + "," + std::to_string(r.set_printed[i]) + "," + fmt("%.6g", r.xi[i]) + "," +
                       fmt("%.12g", r.cosines[i]) + "\n";
            }
            const std::string stem = "chistikov.set-invariant." + D.key + ".lambda" + fmt("%.0e", lambda);
            const auto pc = ctx.out_dir / (stem + ".csv"), ps = ctx.out_dir / (stem + ".svg");
            std::ofstream(pc) << csv;
            PlotSpec spec;
            spec.title = "nu_k^t / nu_k* for t >= T1 (" + D.name + ", lambda " + fmt("%.0e", lambda) + ")";
            spec.x_label = "t (GD steps x step)";
            spec.y_label = "nu_k / nu_k*";
            spec.log_y = false;
            spec.notes = {"handover S_l -> S_l+1 when nu_l crosses nu_l* (= 1)", "width " + std::to_string(width) + ", seed " + std::to_string(ctx.seed)};
            std::ofstream(ps) << render_line_plot(spec, series);
            rep.files.push_back(pc), rep.files.push_back(ps);
            // Checks
            std::vector<int> expect;
            for (int l = 1; l <= D.d; ++l) expect.push_back(l);
            std::string order_text;
            for (int s : r.order) order_text += (order_text.empty() ? "" : " -> ") + (s ? "S" + std::to_string(s) : std::string("outside"));
            const bool in_order = r.order == expect;
            rep.checks.push_back({"Sec. 5 l. 214-216 on " + tag + " (Xi padding 0): v^t in S for t >= T1, through S_1, ..., S_d in order",
                                  in_order && r.first_exit_c0 < 0 && r.set_at_T1 == 1,
                                  "T1 = " + fmt("%.3f", r.T1) + ", v^T1 in S_" + std::to_string(r.set_at_T1) + ", sequence " + order_text +
                                      ", run to t = " + fmt("%.2f", r.t_end) + " (loss " + fmt("%.1e", r.final_loss) + ")"});
            bool exact = r.handover_t.size() + 1 == static_cast<std::size_t>(D.d);
            std::string hand;
            for (std::size_t h = 0; h < r.handover_t.size(); ++h) {
                exact = exact && std::abs(r.handover_t[h] - r.cross_t[h]) <= 1.5 * step;
                hand += (hand.empty() ? "" : "; ") + std::string("S") + std::to_string(h + 1) + "->S" + std::to_string(h + 2) + " at t = " +
                        fmt("%.4f", r.handover_t[h]) + ", p_" + std::to_string(h + 1) + " > 1 from t = " + fmt("%.4f", r.cross_t[h]);
            }
            rep.checks.push_back({"Sec. 5 l. 216 on " + tag + ": each handover S_l -> S_l+1 happens when nu_l exceeds nu_l* (same GD step)", exact, hand});
            rep.checks.push_back({"Sec. 5 l. 214 on " + tag + ": cosines in the bundle stay above 1 - 4 lambda^eps",
                                  r.min_cos > 1 - 4 * std::pow(lambda, eps),
                                  "|J_+| = " + std::to_string(r.j_plus) + ", min cosine " + fmt("%.12f", r.min_cos) + " vs " + fmt("%.6f", 1 - 4 * std::pow(lambda, eps))});
            rep.checks.push_back({"finding on " + tag + ": with the printed padding G/N > lambda^(eps/3) v^t leaves S (v^t -> v*, G(v*) = 0)",
                                  r.first_exit_printed > 0,
                                  "lambda^(eps/3) = " + fmt("%.4f", r.pad) + "; left S (printed) at t = " + fmt("%.3f", r.first_exit_printed) +
                                      ", final G/N = " + fmt("%.2e", r.xi.empty() ? 0.0 : r.xi.back())});
            summary += tag + ": " + order_text + ", printed Xi left at t = " + fmt("%.2f", r.first_exit_printed) + "; ";
            if (ctx.progress) ctx.progress(0.2);
        }
    }
    rep.summary = "ours: " + summary + "| paper: v^t in S for all t >= T1 (no numbers)";
    return rep;
}

const bool registered = [] {
    static const ExperimentRegistration r(Experiment{
        "chistikov.set-invariant", "the bundle vector in the invariant set S of Sec. 5",
        "no experiment in the paper; ours: D2, D3 (certify/chistikov/invariant_set.hpp), width 50, lambda = 1e-8, 1e-12, 1e-16, eps = 1/4, "
        "GD step 1e-3 (D2) / 2e-4 (D3), t <= 40",
        "D2, D3, width 20, lambda = 1e-12, 1e-16, t <= 40",
        {"Sec. 5 l. 214: for all t >= T1, v^t stays inside S and the cosines between the neurons remain above 1 - 4 lambda^eps",
         "Sec. 5 l. 216: v^t passes through S_1, ..., S_d in that order, each handover exactly when nu_l^t exceeds nu_l*"},
        run_set_invariant});
    (void)r;
    return true;
}();

}  // namespace
}  // namespace relucert::experiments
