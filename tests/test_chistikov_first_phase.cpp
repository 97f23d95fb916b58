#include <catch2/catch.hpp>
#include <cstdio>
#include "experiments/chistikov_first_phase.hpp"
using namespace relucert;
TEST_CASE("debug first phase", "[dbg]") {
    const auto data = audit::chistikov::sec8_set_in_setting(trainer::DataScheme::centred, 4, 1);
    for (double step : {4e-4, 1e-4}) for (double tol : {1e-8, 1e-10}) {
        experiments::FirstPhaseOptions o; o.lambda = std::pow(4.0, -8); o.step = step; o.tolerance = tol; o.width = 5;
        const auto r = experiments::first_phase(data, o);
        std::printf("step %g tol %g: ", step, tol);
        for (std::size_t k = 0; k < r.tau.size(); ++k) std::printf("(%.6f %.6f) ", r.tau[k], r.t_gd[k]);
        std::printf("\n");
    }
}
#include "relucert/trainer/init.hpp"
#include "relucert/trainer/objective.hpp"
#include "relucert/trainer/optimizer.hpp"
TEST_CASE("debug flow", "[dbg2]") {
    const auto data = audit::chistikov::sec8_set_in_setting(trainer::DataScheme::centred, 4, 1);
    trainer::Rng rng(1);
    const auto draw = trainer::draw_balanced(5, 4, rng);
    const double lam = std::pow(4.0, -8);
    trainer::EmpiricalLoss loss(trainer::Dataset{data.X, data.y.transpose()}, trainer::Trainable{true, false, true});
    trainer::FlowOptions fo; fo.step = 1e-7; fo.tolerance = 1e-10 * lam; fo.max_step = 4e-4;
    trainer::GradientFlow flow(loss, trainer::init::balanced(draw.Z, draw.signs, lam), fo);
    for (int k = 0; k < 12; ++k) {
        flow.advance_to(0.00250 + k * 1e-5);
        std::printf("t=%.6f acc=%zu rej=%zu", flow.time(), flow.accepted_steps(), flow.rejected_steps());
        for (int j = 0; j < 5; ++j) { const Eigen::VectorXd w = flow.params().W.row(j).transpose();
        const Eigen::VectorXd c = data.X.transpose() * w / w.norm(); std::printf(" |%.2e %.2e %.2e %.2e", c(0), c(1), c(2), c(3)); }
        std::printf("\n");
    }
}
