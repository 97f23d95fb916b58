// The gradient-descent loop does not touch the heap after its first iteration (issue 4: "no
// per-iteration heap allocation"). malloc is interposed in this executable to count calls; Eigen
// allocates through malloc and operator new goes through it in libstdc++, so every heap block is seen.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstddef>

#include "relucert/trainer/data.hpp"
#include "relucert/trainer/init.hpp"
#include "relucert/trainer/objective.hpp"
#include "relucert/trainer/optimizer.hpp"
#include "relucert/trainer/quantities.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define RELUCERT_NO_MALLOC_COUNT 1
#endif

namespace {
std::atomic<long> g_mallocs{0};
thread_local bool g_counting = false;
}  // namespace

#ifndef RELUCERT_NO_MALLOC_COUNT
extern "C" void* __libc_malloc(std::size_t);
extern "C" void* __libc_calloc(std::size_t, std::size_t);
extern "C" void* __libc_realloc(void*, std::size_t);
extern "C" void* malloc(std::size_t n) {
    if (g_counting) ++g_mallocs;
    return __libc_malloc(n);
}
extern "C" void* calloc(std::size_t n, std::size_t m) {
    if (g_counting) ++g_mallocs;
    return __libc_calloc(n, m);
}
extern "C" void* realloc(void* p, std::size_t n) {
    if (g_counting) ++g_mallocs;
    return __libc_realloc(p, n);
}
#endif

using namespace relucert::trainer;
using Eigen::MatrixXd;

namespace {
long mallocs_during(GradientDescent& gd, int steps) {
    gd.step();  // first iteration may size workspaces
    g_mallocs = 0;
    g_counting = true;
    for (int t = 0; t < steps; ++t) gd.step();
    g_counting = false;
    return g_mallocs.load();
}
}  // namespace

TEST_CASE("the malloc counter sees Eigen allocations (the test can fail)", "[trainer][alloc]") {
#ifdef RELUCERT_NO_MALLOC_COUNT
    SUCCEED("malloc counting disabled under AddressSanitizer");
#else
    g_mallocs = 0;
    g_counting = true;
    {
        MatrixXd m(50, 50);
        m.setOnes();
        MatrixXd p = m * m;
        CHECK(p(0, 0) == 50);
    }
    g_counting = false;
    CHECK(g_mallocs.load() >= 2);
#endif
}

TEST_CASE("GD loops allocate nothing per iteration", "[trainer][alloc]") {
#ifndef RELUCERT_NO_MALLOC_COUNT
    Rng rng(1);
    const Eigen::Index d = 100;
    Eigen::VectorXd a = Eigen::VectorXd::Zero(d);
    a(0) = 1;
    const Teacher T = Teacher::linear(a.transpose());
    SECTION("population, k = 2") {
        GaussianPopulationLoss L(T);
        GradientDescent gd(L, Network(init::xavier_normal(2, d, 1e-2, rng), (MatrixXd(2, 1) << 1, -1).finished()),
                           GdOptions{StepSchedule::constant(0.1)});
        CHECK(mallocs_during(gd, 50) == 0);
    }
    SECTION("population, k = 6, both layers, ReLU teacher") {
        GaussianPopulationLoss L(Teacher::single_relu(a), Trainable{true, false, true});
        MatrixXd V(6, 1);
        rng.fill_normal(V, 1.0);
        GradientDescent gd(L, Network(init::xavier_normal(6, d, 1.0, rng), V), GdOptions{StepSchedule::constant(0.01)});
        CHECK(mallocs_during(gd, 20) == 0);
    }
    for (Eigen::Index k : {2, 100}) {
        DYNAMIC_SECTION("empirical, n = 2000, k = " << k << ", bias, both layers, l1 projection") {
            EmpiricalLoss L(sample_dataset(T, InputDistribution::standard_gaussian(d), 2000, rng), Trainable{true, true, true});
            MatrixXd V(k, 1);
            rng.fill_normal(V, 0.1);
            GradientDescent gd(L, Network(init::xavier_normal(k, d, 1.0, rng), V, Eigen::VectorXd::Zero(k)),
                               GdOptions{StepSchedule::constant(0.01), StepScaling::none, Projection::l1_ball(50.0)});
            CHECK(mallocs_during(gd, 5) == 0);
        }
    }
    SECTION("empirical, per-neuron scaled steps, per-row l0 projection") {
        EmpiricalLoss L(sample_dataset(T, InputDistribution::standard_gaussian(d), 500, rng));
        GradientDescent gd(L, Network(init::xavier_normal(2, d, 1.0, rng), (MatrixXd(2, 1) << 2, -1).finished()),
                           GdOptions{StepSchedule{0.1, {2.0}, 0.0}, StepScaling::inverse_v_squared, Projection::l0(10, true)});
        CHECK(mallocs_during(gd, 5) == 0);
    }
#endif
}

TEST_CASE("trajectory quantities on matrix rows allocate nothing (unit_angle takes strided views)", "[trainer][alloc]") {
#ifndef RELUCERT_NO_MALLOC_COUNT
    Rng rng(2);
    const MatrixXd W = init::xavier_normal(2, 100, 1.0, rng);
    double angle = 0;
    g_mallocs = 0;
    g_counting = true;
    for (int t = 0; t < 20; ++t) angle += unit_angle(W.row(0).transpose(), W.row(1).transpose());
    g_counting = false;
    CHECK(g_mallocs.load() == 0);
    CHECK(angle / 20 == Approx(unit_angle(Eigen::VectorXd(W.row(0).transpose()), Eigen::VectorXd(W.row(1).transpose()))));
#else
    SUCCEED("malloc counting disabled under AddressSanitizer");
#endif
}
