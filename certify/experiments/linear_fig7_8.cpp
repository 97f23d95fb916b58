// linear.fig7-8: Appendix G.1, Figures 7 and 8 (r = 5, k = 10 and r = 10, k = 20); the run and the
// checks are linear.fig3's (linear_fig3.hpp).
#include "experiments/linear_fig3.hpp"

namespace relucert::experiments {

using namespace relucert::trainer;

namespace {
const Experiment& linear_fig7_8_experiment() {
    static const ExperimentRegistration registration(Experiment{
        "linear.fig7-8", "pairing of units for r = 5 (k = 10) and r = 10 (k = 20) (Figures 7-8, App. G.1)",
        "as linear.fig3 with r = 5 and r = 10, d = 100, until loss < 1e-12 or 20000 iterations",
        "r = 5 only, d = 20, up to 8000 iterations",
        {"App. G.1 (l. 1364-1366): the weights at convergence can be grouped into r pairs, one approximately minus the other"},
        run_linear_fig7_8});
    (void)registration;
    return *find_experiment("linear.fig7-8");
}
const bool registered = (linear_fig7_8_experiment(), true);
}  // namespace

}  // namespace relucert::experiments
