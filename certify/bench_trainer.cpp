// relucert bench-trainer: throughput of the double-precision trainer (issue 4, "Performance").
//
// Measures, on one core, iterations/s of
//   * population GD, closed form, k = 2, d = 100 (the linear paper's Figure 5 setting);
//   * empirical GD, n = 10^4, d = 100, k = 2 and k = 100, r = 1, fixed outer layer;
// each against a naive loop implementation of the same iteration (checked to compute the same
// iterates), and relates the empirical runs to the machine's measured streaming-read bandwidth and to
// the FLOP rate of Eigen's own GEMM in this build (the practical peak of this binary: it is compiled
// without -march=native, so SSE2 double vectors).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <iostream>
#include <numbers>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "command.hpp"
#include "relucert/trainer/data.hpp"
#include "relucert/trainer/init.hpp"
#include "relucert/trainer/objective.hpp"
#include "relucert/trainer/optimizer.hpp"

namespace relucert::cli {
namespace {

using namespace relucert::trainer;
using clock_type = std::chrono::steady_clock;

volatile double g_sink = 0;  // keeps benchmarked results alive

// Runs body(reps) with growing reps until it takes at least min_seconds; returns seconds per rep.
double time_per_rep(const std::function<void(int)>& body, double min_seconds) {
    for (int reps = 1;; reps *= 2) {
        const auto t0 = clock_type::now();
        body(reps);
        const double s = std::chrono::duration<double>(clock_type::now() - t0).count();
        if (s >= min_seconds || reps >= (1 << 28)) return s / reps;
    }
}

// ---- naive reference implementations (plain loops, std::vector, acos) -----------------------------

// One population GD step on W (k x d, row-major vectors), v, a: eq. (8) evaluated pair by pair with
// fresh temporaries, the way one writes it first.
void naive_population_step(std::vector<std::vector<double>>& W, const std::vector<double>& v,
                           const std::vector<double>& a, double mu) {
    const std::size_t k = W.size(), d = a.size();
    const double pi = std::numbers::pi;
    std::vector<std::vector<double>> G(k, std::vector<double>(d, 0.0));
    std::vector<double> norms(k);
    for (std::size_t i = 0; i < k; ++i) {
        double s = 0;
        for (double x : W[i]) s += x * x;
        norms[i] = std::sqrt(s);
    }
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = 0; j < k; ++j) {
            if (i == j) {
                for (std::size_t c = 0; c < d; ++c) G[i][c] += v[i] * v[i] * W[i][c] / 2;
                continue;
            }
            double dot = 0;
            for (std::size_t c = 0; c < d; ++c) dot += W[i][c] * W[j][c];
            const double th = std::acos(std::clamp(dot / (norms[i] * norms[j]), -1.0, 1.0));
            for (std::size_t c = 0; c < d; ++c)
                G[i][c] += v[i] * v[j] * (norms[j] * std::sin(th) * W[i][c] / norms[i] + (pi - th) * W[j][c]) / (2 * pi);
        }
        for (std::size_t c = 0; c < d; ++c) G[i][c] -= 0.5 * v[i] * a[c];
    }
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t c = 0; c < d; ++c) W[i][c] -= mu * G[i][c];
}

// One empirical GD step, sample by sample (X column-major d x n: sample i at X + i d).
void naive_empirical_step(std::vector<double>& W, std::size_t k, std::size_t d, const std::vector<double>& v,
                          const double* X, const double* y, std::size_t n, double mu, std::vector<double>& G,
                          std::vector<double>& z) {
    std::fill(G.begin(), G.end(), 0.0);
    double loss = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double* x = X + i * d;
        double yhat = 0;
        for (std::size_t j = 0; j < k; ++j) {
            double s = 0;
            for (std::size_t c = 0; c < d; ++c) s += W[j * d + c] * x[c];
            z[j] = s;
            if (s > 0) yhat += v[j] * s;
        }
        const double r = yhat - y[i];
        loss += r * r;
        for (std::size_t j = 0; j < k; ++j) {
            if (!(z[j] > 0)) continue;
            const double dz = v[j] * r;
            for (std::size_t c = 0; c < d; ++c) G[j * d + c] += dz * x[c];
        }
    }
    for (std::size_t e = 0; e < W.size(); ++e) W[e] -= mu * G[e] / static_cast<double>(n);
    g_sink = g_sink + loss;
}

// ---- machine reference numbers --------------------------------------------------------------------

double read_bandwidth_bytes_per_s(double min_seconds) {
    const std::size_t N = std::size_t{1} << 25;  // 256 MiB of doubles: far beyond the caches
    Eigen::VectorXd big = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(N), 1.0);
    const double s = time_per_rep([&](int reps) {
        for (int r = 0; r < reps; ++r) g_sink = g_sink + big.sum();
    }, min_seconds);
    return static_cast<double>(N) * sizeof(double) / s;
}

double gemm_flops(double min_seconds) {
    const Eigen::Index m = 512;
    Eigen::MatrixXd A = Eigen::MatrixXd::Random(m, m), B = Eigen::MatrixXd::Random(m, m), C(m, m);
    const double s = time_per_rep([&](int reps) {
        for (int r = 0; r < reps; ++r) {
            C.noalias() = A * B;
            g_sink = g_sink + C(0, 0);
        }
    }, min_seconds);
    return 2.0 * static_cast<double>(m * m * m) / s;
}

struct Row {
    std::string name;
    double ours_per_s, naive_per_s, flops_per_iter, bytes_per_iter, max_diff;
};

int run_bench_trainer(const std::vector<std::string>& args) {
    double min_seconds = 0.5;
    for (const auto& a : args) {
        if (a == "--quick")
            min_seconds = 0.05;
        else if (a == "--help" || a == "-h") {
            std::cout << "usage: relucert bench-trainer [--quick]\n"
                         "Iterations/s of population and empirical GD (ours vs a naive loop), and the fraction of\n"
                         "measured memory bandwidth / Eigen GEMM FLOP rate reached. One core.\n";
            return kExitOk;
        } else
            throw UsageError{"unknown argument '" + a + "' (relucert bench-trainer --help)"};
    }
    const Eigen::Index d = 100;
    std::vector<Row> rows;
    Rng rng(1);
    Eigen::VectorXd a = Eigen::VectorXd::Zero(d);
    a(0) = 1;
    const Teacher T = Teacher::linear(a.transpose());

    {  // population, k = 2
        const Eigen::MatrixXd W0 = init::xavier_normal(2, d, 0.3, rng);
        const Eigen::MatrixXd v = (Eigen::MatrixXd(2, 1) << 1, -1).finished();
        GaussianPopulationLoss L(T);
        GradientDescent gd(L, Network(W0, v), GdOptions{StepSchedule::constant(0.1)});
        const double ours = time_per_rep([&](int reps) {
            for (int r = 0; r < reps; ++r) gd.step();
        }, min_seconds);
        std::vector<std::vector<double>> Wn(2, std::vector<double>(d));
        const std::vector<double> vn = {1, -1};
        std::vector<double> an(a.data(), a.data() + d);
        auto reset = [&] {
            for (int i = 0; i < 2; ++i)
                for (Eigen::Index c = 0; c < d; ++c) Wn[i][c] = W0(i, c);
        };
        reset();
        const double naive = time_per_rep([&](int reps) {
            for (int r = 0; r < reps; ++r) naive_population_step(Wn, vn, an, 0.1);
        }, min_seconds);
        // Same iterates: 50 steps of each from W0.
        GradientDescent check(L, Network(W0, v), GdOptions{StepSchedule::constant(0.1)});
        reset();
        for (int t = 0; t < 50; ++t) {
            check.step();
            naive_population_step(Wn, vn, an, 0.1);
        }
        double diff = 0;
        for (int i = 0; i < 2; ++i)
            for (Eigen::Index c = 0; c < d; ++c) diff = std::max(diff, std::fabs(check.params().W(i, c) - Wn[i][c]));
        // Work per iteration: K^2 pairs x (norms, Kahan angle: ~6 d flops) + C U (2 k K d) + update (2 k d).
        rows.push_back({"population GD, k = 2, d = 100", 1 / ours, 1 / naive, 4.0 * 6 * d + 2.0 * 2 * 2 * d + 4.0 * d,
                        2.0 * 2 * d * 8, diff});
    }
    const Eigen::Index n = 10000;
    const Dataset D = sample_dataset(T, InputDistribution::standard_gaussian(d), n, rng);
    for (Eigen::Index k : {2, 100}) {
        Eigen::MatrixXd v(k, 1);
        for (Eigen::Index j = 0; j < k; ++j) v(j, 0) = j % 2 ? -1.0 : 1.0;
        const Eigen::MatrixXd W0 = init::xavier_normal(k, d, 1.0, rng);
        EmpiricalLoss L(D, Trainable{true, false, false});
        GradientDescent gd(L, Network(W0, v), GdOptions{StepSchedule::constant(1e-3)});
        const double ours = time_per_rep([&](int reps) {
            for (int r = 0; r < reps; ++r) gd.step();
        }, min_seconds);
        std::vector<double> Wn(static_cast<std::size_t>(k * d)), vn(v.data(), v.data() + k),
            G(static_cast<std::size_t>(k * d)), z(static_cast<std::size_t>(k));
        auto reset = [&] {
            for (Eigen::Index j = 0; j < k; ++j)
                for (Eigen::Index c = 0; c < d; ++c) Wn[static_cast<std::size_t>(j * d + c)] = W0(j, c);
        };
        reset();
        const double naive = time_per_rep([&](int reps) {
            for (int r = 0; r < reps; ++r)
                naive_empirical_step(Wn, static_cast<std::size_t>(k), static_cast<std::size_t>(d), vn, D.X.data(),
                                     D.Y.data(), static_cast<std::size_t>(n), 1e-3, G, z);
        }, min_seconds);
        GradientDescent check(L, Network(W0, v), GdOptions{StepSchedule::constant(1e-3)});
        reset();
        for (int t = 0; t < 3; ++t) {
            check.step();
            naive_empirical_step(Wn, static_cast<std::size_t>(k), static_cast<std::size_t>(d), vn, D.X.data(), D.Y.data(),
                                 static_cast<std::size_t>(n), 1e-3, G, z);
        }
        double diff = 0;
        for (Eigen::Index j = 0; j < k; ++j)
            for (Eigen::Index c = 0; c < d; ++c)
                diff = std::max(diff, std::fabs(check.params().W(j, c) - Wn[static_cast<std::size_t>(j * d + c)]));
        // Forward W X and backward D X': 2 k n d flops each; X streamed once (n d doubles) plus y.
        rows.push_back({"empirical GD, n = 10^4, d = 100, k = " + std::to_string(k), 1 / ours, 1 / naive,
                        4.0 * static_cast<double>(k * n * d), 8.0 * static_cast<double>(n * (d + 1)), diff});
    }

    const double bw = read_bandwidth_bytes_per_s(min_seconds), peak = gemm_flops(min_seconds);
    std::printf("relucert bench-trainer (one core; Eigen %d.%d.%d; SIMD: %s)\n", EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION,
                EIGEN_MINOR_VERSION, Eigen::SimdInstructionSetsInUse());
    std::printf("reference: streaming read %.2f GB/s (256 MiB sum), Eigen GEMM 512^3 %.2f GFLOP/s\n\n", bw / 1e9, peak / 1e9);
    std::printf("%-42s %12s %12s %8s %10s %9s %9s %10s\n", "benchmark", "ours it/s", "naive it/s", "speedup", "GFLOP/s",
                "%GEMM", "%readBW", "max|diff|");
    for (const auto& r : rows) {
        const double gf = r.flops_per_iter * r.ours_per_s;
        const double bws = r.bytes_per_iter * r.ours_per_s;
        std::printf("%-42s %12.1f %12.1f %7.1fx %10.3f %8.1f%% %8.1f%% %10.1e\n", r.name.c_str(), r.ours_per_s,
                    r.naive_per_s, r.ours_per_s / r.naive_per_s, gf / 1e9, 100 * gf / peak, 100 * bws / bw, r.max_diff);
    }
    std::printf("\nGFLOP/s and %%readBW count the essential work per iteration (4 k n d flops and one pass over X for\n"
                "the empirical loss); the population problem is latency-bound (a few microseconds of O(k^2 d) work).\n");
    return kExitOk;
}

const CommandRegistration registration({"bench-trainer", "benchmark the double-precision trainer", run_bench_trainer});

}  // namespace
}  // namespace relucert::cli
