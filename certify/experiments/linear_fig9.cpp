#include "experiments/linear_fig9.hpp"

#include <cmath>

#include "experiments/linear_common.hpp"
#include "relucert/trainer/data.hpp"
#include "relucert/trainer/init.hpp"
#include "relucert/trainer/objective.hpp"
#include "relucert/trainer/optimizer.hpp"
#include "relucert/trainer/teacher.hpp"

namespace relucert::experiments {

using namespace relucert::trainer;
using namespace relucert::experiments::linear;

LinearFig9Config LinearFig9Config::for_scale(Scale s) {
    LinearFig9Config c;
    if (s == Scale::ci) {
        // Same n/d = 10 and k = d for the wide model; a 10x larger step so that CI finishes in seconds.
        c.d = 20;
        c.n = 200;
        c.mu = 0.01;
        c.ks = {2, 6, 20};
        c.max_iterations = {60000, 60000, 60000};
    }
    return c;
}

namespace {
struct Fig9Run {
    LinearFig9Row row;
    std::vector<double> it, train;
    std::vector<Eigen::MatrixXd> snaps;
};
Fig9Run fig9_run(const LinearFig9Config& c, std::size_t idx, Rng& rng, const Dataset& data) {
    const long k = c.ks[idx];
    const Eigen::VectorXd a = basis(c.d, 0);
    const Eigen::MatrixXd v = half_signs(k);
    Network start(init::xavier_normal(k, c.d, c.alpha, rng), v);
    EmpiricalLoss L(data, Trainable{true, false, false});
    GaussianPopulationLoss P(Teacher::linear(a.transpose()), Trainable{true, false, false});
    GdOptions o;
    o.step = StepSchedule::constant(c.mu);
    GradientDescent gd(L, start, o);
    Fig9Run F;
    F.row.k = k;
    F.row.initial_test_loss = P.evaluate(start, nullptr);
    const std::size_t cap = c.max_iterations[idx];
    const std::size_t every = std::max<std::size_t>(1, cap / 400);
    for (std::size_t t = 0;; ++t) {
        const double l = gd.evaluate();
        if (t % every == 0) {
            F.it.push_back(static_cast<double>(t));
            F.train.push_back(l);
            F.snaps.push_back(gd.params().W);
        }
        if (l < c.target_train_loss || t == cap) {
            F.row.iterations = t;
            F.row.reached = l < c.target_train_loss;
            F.row.train_loss = l;
            F.snaps.push_back(gd.params().W);
            break;
        }
        gd.update();
    }
    const Network& fin = gd.params();
    F.row.test_loss = P.evaluate(fin, nullptr);
    F.row.relative_movement = (fin.W - start.W).norm() / start.W.norm();
    const Eigen::VectorXd sp = fin.W.topRows(k / 2).colwise().sum().transpose(), sm = fin.W.bottomRows(k / 2).colwise().sum().transpose();
    F.row.group_sum_error = std::max((sp - a).norm(), (sm + a).norm());
    return F;
}
}  // namespace

std::vector<LinearFig9Row> linear_fig9_rows(const LinearFig9Config& c, std::uint64_t seed) {
    Rng rng(seed);
    const Dataset data = sample_dataset(Teacher::linear(basis(c.d, 0).transpose()), InputDistribution::standard_gaussian(c.d), c.n, rng);
    std::vector<LinearFig9Row> rows;
    for (std::size_t i = 0; i < c.ks.size(); ++i) rows.push_back(fig9_run(c, i, rng, data).row);
    return rows;
}

ExperimentReport run_linear_fig9(const ExperimentContext& ctx) {
    const auto c = LinearFig9Config::for_scale(ctx.scale);
    Rng rng(ctx.seed);
    const Eigen::VectorXd a = basis(c.d, 0);
    const Dataset data = sample_dataset(Teacher::linear(a.transpose()), InputDistribution::standard_gaussian(c.d), c.n, rng);
    ExperimentReport rep;
    std::vector<LinearFig9Row> rows;
    std::vector<PlotSeries> curves;
    Trajectory table({"k", "iterations", "reached", "train_loss", "test_loss", "initial_test_loss", "relative_movement", "group_sum_error"});
    const std::string setup = "empirical loss (1), d = " + std::to_string(c.d) + ", n = " + std::to_string(c.n) + ", mu = " + fmt("%g", c.mu) +
                              ", W0 = " + fmt("%g", c.alpha) + " Xavier normal, v half +-1 fixed, a = e1, GD until train loss < " +
                              fmt("%g", c.target_train_loss) + "; test loss = closed-form population loss; seed " + std::to_string(ctx.seed);
    Rng ur(ctx.seed + 3);
    const Eigen::VectorXd u = random_orthogonal_unit(a, ur);
    for (std::size_t i = 0; i < c.ks.size(); ++i) {
        auto F = fig9_run(c, i, rng, data);
        rows.push_back(F.row);
        const double r[] = {static_cast<double>(F.row.k), static_cast<double>(F.row.iterations), F.row.reached ? 1.0 : 0.0,
                            F.row.train_loss, F.row.test_loss, F.row.initial_test_loss, F.row.relative_movement, F.row.group_sum_error};
        table.append(r);
        curves.push_back({"k = " + std::to_string(F.row.k) + " (train)", F.it, F.train, ""});
        PlotSpec spec;
        spec.title = "linear.fig9: neuron trajectories, k = " + std::to_string(F.row.k) + " (cf. Figure 9)";
        spec.x_label = "<w_i, a>";
        spec.y_label = "<w_i, u>";
        spec.log_y = false;
        spec.notes = {setup};
        spec.width = 760;
        auto series = unit_trajectories(F.snaps, half_signs(F.row.k), a, u);
        for (auto& s : series) s.label.clear();  // up to 100 units: no legend lines
        series.front().label = "red: v_i = +1, blue: v_i = -1";
        const auto svg = ctx.out_dir / ("linear.fig9.k" + std::to_string(F.row.k) + ".svg");
        write_text(svg, render_line_plot(spec, series));
        rep.files.push_back(svg);
        if (ctx.progress) ctx.progress(static_cast<double>(i + 1) / static_cast<double>(c.ks.size()));
    }
    PlotSpec spec;
    spec.title = "linear.fig9: training loss";
    spec.x_label = "iteration";
    spec.y_label = "training loss";
    spec.notes = {setup};
    spec.width = 760;
    write_text(ctx.out_dir / "linear.fig9.loss.svg", render_line_plot(spec, curves));
    write_csv(ctx.out_dir / "linear.fig9.csv", {"linear.fig9: final state per k (paper test losses 2e-4, 11e-4, 4)", setup}, table);
    rep.files.push_back(ctx.out_dir / "linear.fig9.loss.svg");
    rep.files.push_back(ctx.out_dir / "linear.fig9.csv");
    auto row_text = [&](std::size_t i) {
        const auto& r = rows[i];
        return "k=" + std::to_string(r.k) + ": " + (r.reached ? "reached" : "NOT reached") + " train loss " + fmt("%.2e", r.train_loss) +
               " after " + std::to_string(r.iterations) + " iterations, test loss " + fmt("%.2e", r.test_loss) + " (paper " +
               fmt("%.1e", c.paper_test_loss[i]) + ", initial " + fmt("%.2e", r.initial_test_loss) + "), movement |W-W0|/|W0| " +
               fmt("%.3f", r.relative_movement) + ", group-sum error " + fmt("%.2e", r.group_sum_error);
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        const double paper = c.paper_test_loss[i];
        if (i + 1 < rows.size())
            rep.checks.push_back({"G.2: k = " + std::to_string(r.k) + " generalises: test loss ~ " + fmt("%.1e", paper) +
                                      " (we accept a factor 10 either way), after the train loss reached 1e-4",
                                  r.reached && r.test_loss <= 10 * paper && r.test_loss >= paper / 10, row_text(i)});
        else
            rep.checks.push_back({"G.2: the wide model (k = " + std::to_string(r.k) + ") does not generalise (test loss ~ " + fmt("%g", paper) +
                                      "; we: >= 100x its training loss and >= 0.1) and barely moves (movement < that of k = 2)",
                                  r.test_loss >= 100 * r.train_loss && r.test_loss >= 0.1 && r.relative_movement < rows[0].relative_movement,
                                  row_text(i)});
    }
    rep.checks.push_back({"G.2: the exactly parametrised model recovers the targets (k = 2: group-sum error = |w1 - a|, |w2 + a| < 0.05)",
                          rows[0].group_sum_error < 0.05, row_text(0)});
    std::string s;
    for (std::size_t i = 0; i < rows.size(); ++i)
        s += (s.empty() ? "" : ", ") + std::string("k=") + std::to_string(rows[i].k) + " test " + fmt("%.2e", rows[i].test_loss);
    rep.summary = "ours: " + s + " | paper: k=2 2e-4, k=6 11e-4, k=100 4";
    return rep;
}

const Experiment& linear_fig9_experiment() {
    static const ExperimentRegistration registration(Experiment{
        "linear.fig9", "lazy vs rich regime: test loss for k = 2, 6, 100 (Figure 9, App. G.2)",
        "empirical loss, d = 100, n = 1000, mu = 0.001, Xavier normal (alpha = 1), v half +-1 fixed, GD until train loss < 1e-4 "
        "(caps: 4e5 iterations for k = 2, 6; 4e4 for k = 100)",
        "d = 20, n = 200, mu = 0.01, k in {2, 6, 20}, caps 6e4 iterations",
        {"G.2 (l. 1386-1388): test loss ~ 2e-4 (k = 2), ~ 11e-4 (k = 6), ~ 4 (k = 100); k = 2 recovers the targets, k = 100 barely moves"},
        run_linear_fig9});
    (void)registration;
    return *find_experiment("linear.fig9");
}

namespace {
const bool registered = (linear_fig9_experiment(), true);
}

}  // namespace relucert::experiments
