// The experiment layer: rate/monotonicity analysis, the SVG writer, the registry, and the template
// experiment linear.fig5 at ci scale.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "experiments/linear_fig5.hpp"
#include "relucert/trainer/network.hpp"
#include "relucert/trainer/rate.hpp"
#include "relucert/trainer/svg_plot.hpp"

using namespace relucert::trainer;
using namespace relucert::experiments;

TEST_CASE("linear-rate fit and monotonicity count on known series", "[trainer][rate]") {
    std::vector<double> q;
    for (int t = 0; t < 50; ++t) q.push_back(3.0 * std::pow(0.9, t));
    auto f = fit_linear_rate(q, 0, q.size());
    CHECK(f.rate == Approx(0.9).epsilon(1e-12));
    CHECK(f.r_squared == Approx(1.0).epsilon(1e-12));
    CHECK(f.max_ratio == Approx(0.9).epsilon(1e-12));
    CHECK(count_increases(q, 0, q.size()) == 0);
    q[20] = q[19] * 1.01;  // one bump: two ratios change, one increase
    CHECK(count_increases(q, 0, q.size()) == 1);
    CHECK(fit_linear_rate(q, 0, q.size()).max_ratio > 1);
    std::vector<double> sub;  // 1/t^2: not geometric, the fit shows it
    for (int t = 1; t < 200; ++t) sub.push_back(1.0 / (t * t));
    CHECK(fit_linear_rate(sub, 0, sub.size()).r_squared < 0.95);
    CHECK(first_at_or_below(q, 0, 1e-1) == 33);  // 3 * 0.9^t <= 0.1 first at t = 33
    REQUIRE_THROWS_AS(fit_linear_rate(std::vector<double>{1, 0, 1}, 0, 3), TrainerError);
}

TEST_CASE("SVG line plot: well-formed, log axis with decade ticks, gaps for non-positive values", "[trainer][svg]") {
    PlotSpec spec;
    spec.title = "a < b & c";
    spec.notes = {"seed = 7"};
    const std::vector<double> x = {0, 1, 2, 3}, y = {1, 1e-3, 0, 1e-6};
    const std::string svg = render_line_plot(spec, {{"s", x, y, ""}});
    CHECK(svg.rfind("<svg ", 0) == 0);
    CHECK(svg.find("</svg>") != std::string::npos);
    CHECK(svg.find("a &lt; b &amp; c") != std::string::npos);
    CHECK(svg.find("seed = 7") != std::string::npos);
    CHECK(svg.find(">1e-6<") != std::string::npos);
    CHECK(svg.find(">1e0<") != std::string::npos);
    // y = 0 breaks the line: two sub-paths ("M" twice).
    const auto path = svg.substr(svg.find("<path d=\""));
    CHECK(std::count(path.begin(), path.begin() + static_cast<long>(path.find("\" fill")), 'M') == 2);
    REQUIRE_THROWS_AS(render_line_plot(spec, {{"bad", {0, 1}, {1}, ""}}), TrainerError);
    REQUIRE_THROWS_AS(render_line_plot(spec, {{"none", {0}, {-1}, ""}}), TrainerError);
}

TEST_CASE("experiment registry: linear.fig5 registered, close matches for typos", "[trainer][registry]") {
    const Experiment& e = linear_fig5_experiment();
    CHECK(e.id == "linear.fig5");
    CHECK(find_experiment("linear.fig5") == &e);
    CHECK(find_experiment("linear.fig6x") == nullptr);
    // Several linear.fig* experiments are registered (issue 5): a prefix lists some of them, a typo of
    // one id finds that id first.
    const auto close = close_experiment_ids("linear.fig");
    REQUIRE(!close.empty());
    for (const auto& id : close) CHECK(id.rfind("linear.fig", 0) == 0);
    const auto typo = close_experiment_ids("linear.fig5x");
    REQUIRE(!typo.empty());
    CHECK(typo.front() == "linear.fig5");
    CHECK(close_experiment_ids("qqqqqqqqqqqq.zzzzzzzzzz").empty());  // nothing near: no suggestions
}

TEST_CASE("linear.fig5 at ci scale: |w1 + w2| monotone, loss and |w1 + w2| at a linear rate", "[trainer][fig5]") {
    const auto config = LinearFig5Config::for_scale(Scale::ci);
    const Trajectory traj = run_linear_fig5_trial(config, 1);
    REQUIRE(traj.rows() == config.iterations + 1);
    const auto A = analyse_linear_fig5(traj, config);
    CHECK(A.sum_norm_increases == 0);
    CHECK(A.loss_increases == 0);
    CHECK(A.window_last > A.window_first + 100);
    CHECK(A.loss_r2 > 0.999);
    CHECK(A.sum_r2 > 0.999);
    // Near W* the angle is pi and grad_{w1} + grad_{w2} = (1/2)(w1 + w2) (E.1.1 with theta = pi), so
    // |w1 + w2| contracts by 1 - mu/2 per step and the loss (quadratic) by (1 - mu/2)^2.
    CHECK(A.sum_rate == Approx(1 - config.mu / 2).epsilon(1e-3));
    CHECK(A.loss_rate == Approx((1 - config.mu / 2) * (1 - config.mu / 2)).epsilon(2e-3));
    CHECK(A.final_dist < 1e-6);
    CHECK(A.theorem1_violations == 0);
    CHECK(A.min_corr_while_small >= 0.3);

    // The same trajectory twice: identical.
    const Trajectory again = run_linear_fig5_trial(config, 1);
    CHECK(again.column("loss") == traj.column("loss"));

    // The full experiment writes the CSV (with the seed) and the SVG and reports reproduction.
    const auto dir = std::filesystem::temp_directory_path() / "relucert_test_fig5";
    std::filesystem::remove_all(dir);
    ExperimentContext ctx;
    ctx.scale = Scale::ci;
    ctx.seed = 123;
    ctx.out_dir = dir;
    int calls = 0;
    ctx.progress = [&](double f) {
        ++calls;
        CHECK((f > 0 && f <= 1));
    };
    const auto rep = run_linear_fig5(ctx);
    CHECK(rep.reproduced());
    CHECK(calls == static_cast<int>(config.trials));
    REQUIRE(rep.files.size() == 2);
    std::ifstream csv(dir / "linear.fig5.csv");
    std::stringstream text;
    text << csv.rdbuf();
    CHECK(text.str().find("seed = 123") != std::string::npos);
    CHECK(text.str().find("trial,iteration,loss,norm_w1_plus_w2") != std::string::npos);
    std::ifstream svg(dir / "linear.fig5.svg");
    std::stringstream st;
    st << svg.rdbuf();
    CHECK(st.str().find("seed = 123") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("the fig5 checks can fail: an unstable step breaks monotonicity and the rate", "[trainer][fig5]") {
    // Near W* |w1 + w2| is multiplied by 1 - mu/2 per step: mu = 4.5 (far beyond Lemma 3's mu <= 1)
    // makes that factor -1.25, so the same analysis must report increases and no linear decrease.
    auto config = LinearFig5Config::for_scale(Scale::ci);
    config.mu = 4.5;
    config.iterations = 150;
    const auto A = analyse_linear_fig5(run_linear_fig5_trial(config, 1), config);
    CHECK(A.sum_norm_increases > 0);
    CHECK(A.final_sum_norm > 1.0);
}
