// The first-phase measurement (certify/experiments/chistikov_first_phase.cpp): at a small lambda the flow's
// crossing times match the yardsticks' closed form within Lemma 3's bound and the negative units
// deactivate (Lemma 4); a mutated yardstick is far off; the ci experiment's checks hold ([long]).
#include <catch2/catch.hpp>

#include <filesystem>

#include "experiments/chistikov_first_phase.hpp"
#include "relucert/trainer/experiment.hpp"

using namespace relucert;
using namespace relucert::experiments;
using namespace relucert::trainer;

TEST_CASE("first phase at lambda = 4^-8: Lemmas 3 and 4 observed, crossing times within 1e-5 of the closed form", "[chistikov]") {
    const auto data = audit::chistikov::sec8_set_in_setting(trainer::DataScheme::centred, 4, 1);
    FirstPhaseOptions o;
    o.lambda = std::pow(4.0, -8);
    o.width = 8;
    o.tolerance = 1e-8;
    o.step = 4e-4;
    const auto r = first_phase(data, o);
    REQUIRE(r.crossings > 0);
    CHECK(r.order_matches);
    CHECK(r.lemma3_max_ratio <= 1);
    CHECK(r.lemma3_max_dev < 1e-5);
    CHECK(r.lemma4_inactive_at_T0);
    CHECK(r.lemma4_max_norm_ratio <= 1);
    CHECK(r.lemma4_max_move == 0);
    CHECK(r.lemma5_max_log_dev <= r.lemma5_log_bound);
    // the rate-squared mutant of the yardstick is far from the flow's crossings
    double worst = 0;
    trainer::Rng rng(o.seed);
    const auto draw = trainer::draw_balanced(o.width, data.d(), rng);
    std::size_t k = 0;
    for (Eigen::Index j = 0; j < o.width; ++j) {
        const Eigen::VectorXd z = draw.Z.row(j).transpose();
        if (((data.X.transpose() * z).array() <= 0).all()) continue;
        const auto ys = audit::chistikov::yardstick(data.columns<double>(), data.labels<double>(), audit::Vec<double>(z.data(), z.data() + z.size()),
                                                    draw.signs(j) > 0 ? 1 : -1, audit::chistikov::YardstickVariant::mutant_rate_squared);
        for (std::size_t l = 0; l < ys.tau.size() && k < r.t_gd.size(); ++l, ++k) worst = std::max(worst, std::abs(ys.tau[l] - r.t_gd[k]));
    }
    CHECK(worst > 1e-2);
}

TEST_CASE("first phase: GD's crossing times err by O(step) (the kinks), the flow's do not", "[chistikov]") {
    const auto data = audit::chistikov::sec8_set_in_setting(trainer::DataScheme::centred, 4, 1);
    FirstPhaseOptions o;
    o.lambda = std::pow(4.0, -8);
    o.width = 8;
    o.integrator = FirstPhaseIntegrator::gd;
    o.step = 2e-3;
    const auto a = first_phase(data, o);
    o.step = 1e-3;
    const auto b = first_phase(data, o);
    INFO("GD deviation " << a.lemma3_max_dev << " (h = 2e-3), " << b.lemma3_max_dev << " (h = 1e-3)");
    CHECK(a.lemma3_max_dev > 1e-4);
    CHECK(b.lemma3_max_dev < 0.8 * a.lemma3_max_dev);
}

TEST_CASE("chistikov.first-phase at --scale ci: every check holds", "[chistikov][long]") {
    const Experiment* e = find_experiment("chistikov.first-phase");
    REQUIRE(e != nullptr);
    ExperimentContext ctx;
    ctx.scale = Scale::ci;
    ctx.out_dir = std::filesystem::temp_directory_path() / "relucert-test-chistikov.first-phase";
    const auto rep = e->run(ctx);
    for (const auto& c : rep.checks) {
        INFO(c.claim << ": " << c.measured);
        CHECK(c.holds);
    }
    for (const auto& f : rep.files) CHECK(std::filesystem::file_size(f) > 0);
}
