#include "experiments/linear_common.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>

#include "relucert/trainer/objective.hpp"
#include "relucert/trainer/optimizer.hpp"
#include "relucert/trainer/teacher.hpp"

namespace relucert::experiments::linear {

using namespace relucert::trainer;

std::string fmt(const char* f, double x) {
    char buf[96];
    std::snprintf(buf, sizeof buf, f, x);
    return buf;
}

Eigen::VectorXd basis(Eigen::Index d, Eigen::Index i) {
    Eigen::VectorXd e = Eigen::VectorXd::Zero(d);
    e(i) = 1.0;
    return e;
}

Eigen::MatrixXd half_signs(Eigen::Index k) {
    if (k < 2 || k % 2) throw TrainerError("half_signs: k must be even and >= 2");
    Eigen::MatrixXd v(k, 1);
    for (Eigen::Index i = 0; i < k; ++i) v(i, 0) = i < k / 2 ? 1.0 : -1.0;
    return v;
}

Eigen::VectorXd random_orthogonal_unit(const Eigen::VectorXd& a, Rng& rng) {
    const Eigen::VectorXd ab = a.normalized();
    for (;;) {
        Eigen::VectorXd u(a.size());
        rng.fill_normal(u);
        u -= u.dot(ab) * ab;
        if (u.norm() > 1e-6) return u.normalized();
    }
}

PopulationRun run_population_gd(const Network& start, const Eigen::MatrixXd& A, const PopulationRunOptions& o) {
    GaussianPopulationLoss loss(Teacher::linear(A), Trainable{true, false, o.train_outer});
    GdOptions opt;
    opt.step = StepSchedule::constant(o.mu);
    opt.scaling = o.scaling == 0 ? StepScaling::none
                                 : (o.scaling == 1 ? StepScaling::inverse_v_squared : StepScaling::inverse_abs_v);
    GradientDescent gd(loss, start, opt);
    PopulationRun run;
    run.all_loss.reserve(o.iterations + 1);
    for (std::size_t t = 0;; ++t) {
        double l;
        try {
            l = gd.evaluate();
        } catch (const TrainerError&) {
            run.diverged = true;
            break;
        }
        run.all_loss.push_back(l);
        const bool last = t == o.iterations || (o.stop_loss > 0 && l < o.stop_loss);
        if (t % std::max<std::size_t>(1, o.record_every) == 0 || last) {
            run.W.push_back(gd.params().W);
            run.V.push_back(gd.params().V);
            run.loss.push_back(l);
            run.iteration.push_back(static_cast<double>(t));
        }
        if (last) break;
        if (!(l < 1e12)) {
            run.diverged = true;
            break;
        }
        try {
            gd.update();
        } catch (const TrainerError&) {
            run.diverged = true;
            break;
        }
    }
    run.final = gd.params();
    run.final_loss = run.all_loss.empty() ? NAN : run.all_loss.back();
    return run;
}

std::vector<PlotSeries> unit_trajectories(const std::vector<Eigen::MatrixXd>& Ws, const Eigen::MatrixXd& V,
                                          const Eigen::VectorXd& a, const Eigen::VectorXd& u) {
    std::vector<PlotSeries> out;
    if (Ws.empty()) return out;
    const Eigen::VectorXd ab = a.normalized();
    for (Eigen::Index i = 0; i < Ws[0].rows(); ++i) {
        PlotSeries s;
        s.label = "w";
        s.label += std::to_string(i + 1);
        s.label += V(i, 0) > 0 ? " (v>0)" : " (v<0)";
        s.color = V(i, 0) > 0 ? "#d62728" : "#1f77b4";
        for (const auto& W : Ws) {
            s.x.push_back(W.row(i).dot(ab));
            s.y.push_back(W.row(i).dot(u));
        }
        out.push_back(std::move(s));
    }
    return out;
}

double Pairing::worst() const { return score.empty() ? 0.0 : *std::max_element(score.begin(), score.end()); }

Pairing antipodal_pairing(const Eigen::MatrixXd& M) {
    const int k = static_cast<int>(M.rows());
    if (k % 2) throw TrainerError("antipodal_pairing: needs an even number of rows");
    struct Cand {
        double s;
        int i, j;
    };
    std::vector<Cand> c;
    for (int i = 0; i < k; ++i)
        for (int j = i + 1; j < k; ++j) {
            const double den = M.row(i).norm() + M.row(j).norm();
            c.push_back({den > 0 ? (M.row(i) + M.row(j)).norm() / den : 0.0, i, j});
        }
    std::sort(c.begin(), c.end(), [](const Cand& x, const Cand& y) { return x.s < y.s; });
    std::vector<bool> used(static_cast<std::size_t>(k), false);
    Pairing p;
    for (const auto& x : c) {
        if (used[static_cast<std::size_t>(x.i)] || used[static_cast<std::size_t>(x.j)]) continue;
        used[static_cast<std::size_t>(x.i)] = used[static_cast<std::size_t>(x.j)] = true;
        p.pairs.push_back({x.i, x.j});
        p.score.push_back(x.s);
    }
    return p;
}

std::vector<double> pairing_scores(const Eigen::MatrixXd& M, const std::vector<std::pair<int, int>>& pairs) {
    std::vector<double> s;
    for (auto [i, j] : pairs) {
        const double den = M.row(i).norm() + M.row(j).norm();
        s.push_back(den > 0 ? (M.row(i) + M.row(j)).norm() / den : 0.0);
    }
    return s;
}

void write_text(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path().empty() ? "." : path.parent_path());
    std::ofstream os(path);
    if (!os) throw std::runtime_error("cannot write " + path.string());
    os << text;
}

void write_csv(const std::filesystem::path& path, const std::vector<std::string>& comments, const Trajectory& t) {
    std::filesystem::create_directories(path.parent_path().empty() ? "." : path.parent_path());
    std::ofstream os(path);
    if (!os) throw std::runtime_error("cannot write " + path.string());
    t.write_csv(os, comments);
}

}  // namespace relucert::experiments::linear
