// chistikov.thm8, chistikov.fig1, chistikov.fig2 at --scale ci, with their checks ([long]: a few
// seconds to a minute each on one core).
#include <catch2/catch.hpp>

#include <filesystem>

#include "experiments/chistikov_experiments.hpp"
#include "relucert/trainer/experiment.hpp"
#include "relucert/trainer/shallow_bundle.hpp"

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
    for (const auto& c : rep.checks) INFO(c.claim << ": " << c.measured << (c.holds ? " [holds]" : " [FAILS]"));
    for (const auto& f : rep.files) CHECK(std::filesystem::file_size(f) > 0);
    return rep;
}
}  // namespace

TEST_CASE("data schemes of Sec. 8: unit teacher, all angles below pi/2, labels relu(v*'x)", "[chistikov]") {
    Rng rng(5);
    for (auto s : {DataScheme::centred, DataScheme::uncentred}) {
        const auto t = sample_teacher_dataset(s, 16, rng);
        CHECK(std::abs(t.vstar.norm() - 1) < 1e-12);
        CHECK((t.X.transpose() * t.vstar).minCoeff() > 0);
        CHECK((t.y - (t.X.transpose() * t.vstar)).norm() == 0);
    }
}

TEST_CASE("chistikov.thm8 at ci scale: GD reaches Theta_{v*}, above the certified minimum where M > 0", "[chistikov][long]") {
    const auto rep = run_ci("chistikov.thm8");
    for (const auto& c : rep.checks) {
        INFO(c.claim << ": " << c.measured);
        CHECK(c.holds);
    }
    CHECK(rep.checks.size() == 8);
}

TEST_CASE("chistikov.fig1 at ci scale", "[chistikov][long]") {
    const auto rep = run_ci("chistikov.fig1");
    for (const auto& c : rep.checks) {
        INFO(c.claim << ": " << c.measured);
        CHECK(c.holds);
    }
}

TEST_CASE("chistikov.fig1-subset is registered and names the paper's width and dimensions", "[chistikov]") {
    const Experiment* e = find_experiment("chistikov.fig1-subset");
    REQUIRE(e != nullptr);
    CHECK(e->paper_setup.find("width 200") != std::string::npos);
    CHECK(e->paper_setup.find("d = 4, 16") != std::string::npos);
}

TEST_CASE("chistikov.fig2 at ci scale", "[chistikov][long]") {
    const auto rep = run_ci("chistikov.fig2");
    for (const auto& c : rep.checks) {
        INFO(c.claim << ": " << c.measured);
        CHECK(c.holds);
    }
}
