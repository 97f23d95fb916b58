// The Vardi-Yehudai-Shamir experiments (certify/experiments/vardi_experiments.cpp) at --scale ci with
// their checks, and the GD driver / rate fit on a problem with a known answer.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

#include "experiments/vardi_experiments.hpp"
#include "relucert/trainer/experiment.hpp"

using namespace relucert;
using namespace relucert::trainer;

namespace {
ExperimentReport run_ci(const std::string& id) {
    const Experiment* e = find_experiment(id);
    REQUIRE(e != nullptr);
    ExperimentContext ctx;
    ctx.scale = Scale::ci;
    ctx.seed = 1;
    ctx.out_dir = std::filesystem::temp_directory_path() / ("relucert-test-" + id);
    auto rep = e->run(ctx);
    for (const auto& f : rep.files) CHECK(std::filesystem::file_size(f) > 0);
    for (const auto& c : rep.checks) {
        INFO(c.claim << ": " << c.measured);
        CHECK(c.holds);
    }
    CHECK(rep.reproduced());
    return rep;
}
}  // namespace

TEST_CASE("vardi GD driver: a quadratic contracts by (1 - eta a)^2 per step, and the fit finds it", "[vardi]") {
    const std::vector<double> v{1.0, -2.0, 0.5};
    const double a = 0.3, eta = 0.5;
    experiments::vardi::Oracle f = [&](const std::vector<double>& w) {
        audit::vardi::NeuronValue r;
        for (std::size_t i = 0; i < w.size(); ++i) r.F += 0.5 * a * (w[i] - v[i]) * (w[i] - v[i]), r.grad.push_back(a * (w[i] - v[i]));
        return r;
    };
    const auto run = experiments::vardi::neuron_gd(f, {0, 0, 0}, v, eta, 60, 1);
    REQUIRE(run.t.size() == 61);
    CHECK(run.moved);
    const double rate = experiments::vardi::distance_contraction(run, 1e-30, 10);
    CHECK(std::fabs(rate - (1 - eta * a) * (1 - eta * a)) < 1e-9);
    // a zero gradient never moves
    experiments::vardi::Oracle flat = [](const std::vector<double>& w) {
        audit::vardi::NeuronValue r;
        r.grad.assign(w.size(), 0.0);
        return r;
    };
    CHECK_FALSE(experiments::vardi::neuron_gd(flat, {1, 2, 3}, v, eta, 10, 1).moved);
}

TEST_CASE("vardi.probabilities at ci scale", "[vardi]") { CHECK(run_ci("vardi.probabilities").checks.size() == 4); }
TEST_CASE("vardi.thm3-1 at ci scale", "[vardi]") { CHECK(run_ci("vardi.thm3-1").checks.size() == 2); }
TEST_CASE("vardi.thm5-2 at ci scale", "[vardi]") { CHECK(run_ci("vardi.thm5-2").checks.size() == 2); }
TEST_CASE("vardi.thm6-2 at ci scale", "[vardi]") { CHECK(run_ci("vardi.thm6-2").checks.size() == 2); }
TEST_CASE("vardi.thm3-2 at ci scale", "[vardi][long]") { CHECK(run_ci("vardi.thm3-2").checks.size() == 1); }
